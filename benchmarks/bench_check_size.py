"""Time and peak memory of ``drafter check`` on very long .txt files (figures printed; not a test).

    python benchmarks/bench_check_size.py [--sizes 1 5 10] [--shape report dense] [--profile]

A real full report is 10,000–60,000 characters; check must stay linear in time and bounded in
memory on anything the reading side accepts (goal: a 10 MB text in ≤ 15 s and ≤ 500 MB peak).
Each size is a separate process running the whole command as a clerk would (``drafter check
FILE``), so its peak resident memory is its own. The text is the corpus reports repeated
(headings, figures and all) until the size is reached, or, without the corpus, paragraphs
generated here; ``dense`` text, a rate in every line; and ``long``, one sentence without a full
stop filling the whole file (see ``material``). ``--profile`` prints the functions that took the most time at the first size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MB = 2 ** 20


def material(shape: str = "report") -> str:
    """One round of text to repeat: real reports (``report``), or ``dense``: every line a
    sentence of counts and rates with half-width punctuation, the costliest text per character
    for check (every figure read, mapped and recomputed; a finding on each line); or ``long``:
    the piece of one sentence that ``make`` repeats on a single line with no 。, where every
    look-back of a rate must stay bounded or the time grows with the square of the size; or
    ``spaces``: one run of spaces between two words (a pattern that tries every start inside the
    run is quadratic)."""
    if shape == "long":
        return "受理1件办结1件结案率100%"
    if shape == "spaces":
        return " "
    if shape == "dense":
        return "".join(f"全年受理行政复议案件{50 + i}件,审结{40 + i}件,结案率{90 + i % 9}.5%,"
                       f"同比增长{i % 7 + 1}.5%;政务服务办件量{468300 + i}件.\n" for i in range(100))
    reports = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if reports:
        return "\n".join(p.read_text(encoding="utf-8") for p in reports) + "\n"
    lines = ["某县2025年度法治政府建设情况报告", "一、主要举措和成效"]
    for i in range(1, 60):
        lines.append(f"（{'一二三四五六七八九'[i % 9]}）第{i}项工作。全年受理行政复议案件{50 + i}件，审结{40 + i}件，"
                     f"结案率为{(40 + i) / (50 + i) * 100:.1f}%，同比增长{i % 7 + 1}.5%；其中调解{i}件、和解{i % 5}件。")
    lines += ["二、存在的不足和原因", "基层执法力量不足，主要是编制少、人员流动大。",
              "三、2026年工作安排", "加强执法队伍建设。", "某县人民政府", "2026年2月6日"]
    return "\n".join(lines) + "\n"


def make(size: int, folder: Path, shape: str = "report") -> Path:
    """A UTF-8 .txt of about ``size`` bytes (just under it)."""
    unit = material(shape).encode("utf-8")
    if shape in ("long", "spaces"):
        head = "某县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n受理".encode()
        data = head + unit * max(1, (size - len(head)) // len(unit)) + "1件。\n".encode()
    else:
        data = (unit * (size // len(unit) + 1))[:size]
        data = data[:data.rfind(b"\n") + 1]
    path = folder / f"{shape}-{size // MB}MB.txt"
    path.write_bytes(data)
    return path


PROBE = """
import resource, sys, time, runpy
sys.argv = ['drafter', 'check', sys.argv[1]]
t = time.perf_counter()
try:
    runpy.run_module('drafter', run_name='__main__')
except SystemExit as e:
    code = e.code
else:
    code = 0
elapsed = time.perf_counter() - t
sys.stdout = sys.__stdout__
print('RESULT', elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code, file=sys.stderr)
"""


def measure(path: Path) -> tuple[float, float, int, str]:
    """Seconds, peak resident MB, exit code and the last line printed."""
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True)
    wall = time.perf_counter() - t
    result = [line for line in done.stderr.splitlines() if line.startswith("RESULT")]
    if not result:
        return wall, float("nan"), done.returncode, (done.stderr.strip().splitlines() or [""])[-1]
    _, elapsed, rss_kb, code = result[-1].split()
    last = (done.stdout.strip().splitlines() or [""])[-1]
    return float(elapsed), int(rss_kb) / 1024, int(code) if code != "None" else 0, last


def profile(path: Path) -> None:
    import cProfile
    import pstats

    from drafter.jobs.checking import check_file
    from drafter.check.table import rule_table

    table = rule_table()
    prof = cProfile.Profile()
    prof.enable()
    check_file(path, table)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10], help="sizes in MB")
    ap.add_argument("--shape", nargs="+", default=["report", "dense"], choices=["report", "dense", "long", "spaces"])
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    try:
        if args.profile:
            profile(make(int(args.sizes[0] * MB), folder, args.shape[0]))
            return
        for shape in args.shape:
            for s in args.sizes:
                path = make(int(s * MB), folder, shape)
                chars = len(path.read_text(encoding="utf-8"))
                elapsed, rss, code, last = measure(path)
                print(f"{shape} {s:g} MB（{chars:,} 字）：用时 {elapsed:.2f} s，峰值内存 {rss:.0f} MB，"
                      f"退出码 {code}；{last[:60]}")
                path.unlink()
        print("目标：10 MB 的文本 ≤ 15 s、≤ 500 MB；用时和内存随大小线性增长。")
    finally:
        for p in folder.iterdir():
            os.unlink(p)
        folder.rmdir()


if __name__ == "__main__":
    main()
