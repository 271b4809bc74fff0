"""Mining speed against the budget in design.md (figures printed; this is not a test).

    python benchmarks/bench_mine.py [--reports 1000]

1. Start-up: a new process running ``drafter mine`` on a folder with one short report,
   with jieba's dictionary served from the user cache (goal ≤ 0.6 s). The first run on a
   machine builds that cache and is reported on its own.
2. Throughput: the corpus (../shared/corpus) repeated to 1,000 reports, mined in one
   process after start-up (goal ≥ 300,000 characters a second).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
# A sub-section under 成效, so the theme is classified and jieba's dictionary is loaded.
SHORT = ("某县2025年度法治政府建设情况报告\n一、主要举措和成效\n（一）化解行政争议。全年收到行政复议申请52件。\n"
         "二、存在的问题\n基层力量不足。\n")


def drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "drafter"]


def startup(runs: int) -> None:
    folder = Path(tempfile.mkdtemp())
    (folder / "r.txt").write_text(SHORT, encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp())
    cmd = drafter_command() + ["mine", str(folder), "-o", str(folder / "o.yaml"), "--force"]

    def once() -> float:
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        return time.perf_counter() - t

    first = once()
    times = [once() for _ in range(runs)]
    print(f"mine 首次运行（建立 jieba 词典缓存）：{first:.2f} s")
    print(f"mine 启动（新进程，一份短报告）：中位数 {statistics.median(times):.2f} s（{runs} 次，目标 ≤ 0.6 s）")
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)


def throughput(reports: int) -> None:
    from drafter.model.catalogue import load_catalogue
    from drafter.reading.mine import Miner
    from drafter.reading.source import read_lines
    from drafter.model.segment import tokenizer

    sources = sorted(CORPUS.glob("*.txt"))
    if not sources:
        print("吞吐量：../shared/corpus 不在，跳过")
        return
    texts = [(p.name, read_lines(p)) for p in sources]
    cat = load_catalogue()
    tokenizer()  # start-up is measured above
    miner = Miner(cat)
    t = time.perf_counter()
    for i in range(reports):
        name, lines = texts[i % len(texts)]
        miner.add(f"{i:04d}_{name}", lines)
    miner.outline()
    elapsed = time.perf_counter() - t
    print(f"吞吐量：{reports} 份报告、{miner.chars} 字，用时 {elapsed:.2f} s，"
          f"每秒 {miner.chars / elapsed:,.0f} 字（目标 ≥ 300,000）")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    compileall.compile_dir(str(ROOT / "drafter"), quiet=1)
    startup(args.runs)
    throughput(args.reports)


if __name__ == "__main__":
    main()
