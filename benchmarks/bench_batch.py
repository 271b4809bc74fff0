"""Many forms in one call (figures printed; this is not a test).

    python benchmarks/bench_batch.py [--forms 100] [--runs 3]

In the same run: one cold ``drafter render`` of one form (a new process), and one
``drafter render FOLDER -o FOLDER`` of 100 forms (the bundled example with its unit's name
varied). Goal: the 100 take at most 15× the time of one; a loop of cold calls takes about
100×. Also one ``drafter new 2026 --from FOLDER`` of the same 100 forms, for scale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例县2025.yaml"


def drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "drafter"]


def timed(args: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(drafter_command() + args, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--forms", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp())
    forms = work / "forms"
    forms.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(args.forms):
        (forms / f"单位{i:03d}-2025.yaml").write_text(text.replace("示例县", f"示例{i:03d}县"), encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
    one = forms / "单位000-2025.yaml"
    timed(["render", str(one), "-o", str(work / "warm.docx")], env)  # fills the user cache
    singles, batches, news = [], [], []
    for run in range(args.runs):  # interleaved, so machine noise hits both alike
        singles.append(timed(["render", str(one), "-o", str(work / "one.docx")], env))
        out = work / f"out{run}"
        batches.append(timed(["render", str(forms), "-o", str(out)], env))
        news.append(timed(["new", "2026", "--from", str(forms), "-o", str(work / f"new{run}")], env))
    single, batch, new = (statistics.median(x) for x in (singles, batches, news))
    written = len(list((work / "out0").glob("*.docx")))
    print(f"one cold render:                 {single:6.2f} s")
    print(f"{args.forms} forms in one render call:   {batch:6.2f} s  ({written} .docx written)")
    print(f"ratio:                           {batch / single:6.1f}×  (goal ≤ 15×; a loop of cold calls ≈ {args.forms}×)")
    print(f"per form in the batch:           {(batch - single) / args.forms * 1000:6.1f} ms")
    print(f"{args.forms} forms in one new call:      {new:6.2f} s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
