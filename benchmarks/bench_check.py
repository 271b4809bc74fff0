"""Speed of ``drafter check`` against the budgets of issue 8 (figures printed; not a test).

    python benchmarks/bench_check.py [--reports 1000] [--runs 7]

1. Cold: a new process running ``drafter check`` on the longest corpus report (about 5,000
   characters), with the data caches warm (goal ≤ 0.6 s), and whether jieba's dictionary was
   loaded (it must not be: no rule that runs without --last needs it). For scale, the
   same run with --last, which needs jieba for the promises, is printed too.
2. Throughput: the corpus repeated to 1,000 report files in a folder, checked in one process
   after start-up, findings formatted as for people (goal ≥ 200,000 characters a second).
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
PROBE = ("import sys, runpy; sys.argv = ['drafter', 'check', {path!r}]\n"
         "try:\n    runpy.run_module('drafter', run_name='__main__')\n"
         "except SystemExit:\n    pass\n"
         "print('JIEBA' if 'jieba' in sys.modules else 'NOJIEBA', file=sys.stderr)")


def drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "drafter"]


def longest() -> Path:
    files = sorted(CORPUS.glob("*.txt"), key=lambda p: len(p.read_text(encoding="utf-8")), reverse=True)
    return files[0]


def cold(runs: int) -> None:
    report = longest()
    chars = len(report.read_text(encoding="utf-8"))
    env = dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp())

    def once(*extra: str) -> float:
        t = time.perf_counter()
        subprocess.run(drafter_command() + ["check", str(report), *extra], capture_output=True, env=env)
        return time.perf_counter() - t

    once(), once("--last", str(report))  # fill the data and jieba caches
    times = [once() for _ in range(runs)]
    with_last = [once("--last", str(report)) for _ in range(max(3, runs // 2))]
    floor = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import click, yaml"], capture_output=True, env=env)
        floor.append(time.perf_counter() - t)
    probe = subprocess.run([sys.executable, "-c", PROBE.format(path=str(report))], capture_output=True,
                           text=True, env=env)
    jieba = "是" if "JIEBA" in probe.stderr.split()[-1:] else "否"
    print(f"冷启动 drafter check（{report.name}，{chars} 字）：中位数 {statistics.median(times):.3f} s"
          f"（{runs} 次，目标 ≤ 0.6 s）；python -c 'import click, yaml' 为 {statistics.median(floor):.3f} s")
    print(f"其间是否加载 jieba：{jieba}（目标：否）")
    print(f"加 --last（核对去年的承诺，需要 jieba 词典）：中位数 {statistics.median(with_last):.3f} s")
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)


def throughput(reports: int) -> None:
    from drafter.model.catalogue import load_catalogue
    from drafter.jobs.findings_text import document_text
    from drafter.jobs.checking import check_file, input_files
    from drafter.check.table import rule_table

    sources = sorted(CORPUS.glob("*.txt"))
    folder = Path(tempfile.mkdtemp())
    for i in range(reports):
        shutil.copy(sources[i % len(sources)], folder / f"{i:04d}_{sources[i % len(sources)].name}")
    table = rule_table()
    load_catalogue()
    check_file(sources[0], table)  # start-up: imports and data
    paths = input_files([str(folder)])
    chars = 0
    findings = 0
    t = time.perf_counter()
    for path in paths:
        doc, found = check_file(path, table)
        document_text(str(path), found)
        chars += sum(len(line) for line in doc.lines)
        findings += len(found)
    elapsed = time.perf_counter() - t
    print(f"文件夹：{len(paths)} 份报告、{chars:,} 字、{findings} 条结果，用时 {elapsed:.2f} s，"
          f"每秒 {chars / elapsed:,.0f} 字（目标 ≥ 200,000）")
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print("../shared/corpus 不在，无法测量")
        return
    compileall.compile_dir(str(ROOT / "drafter"), quiet=1)
    cold(args.runs)
    throughput(args.reports)


if __name__ == "__main__":
    main()
