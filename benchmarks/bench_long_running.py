"""One long-lived process rendering many forms (as the local page will): figures printed;
this is not a test (tests/test_long_running.py asserts the bounds).

    python benchmarks/bench_long_running.py [--renders N]

1. Resident memory after 100 renders (caches filled) and after N more, one in ten with a
   clerk's template folder (run in the warm child process), the rest with the built-in one.
2. Time per render of each kind, median.
3. The first render with a clerk's folder (a child process started, its templates compiled)
   against later ones.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例县2025.yaml"


def resident() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--renders", type=int, default=1000)
    args = ap.parse_args()

    from drafter.files.resources import builtin_templates
    from drafter.jobs.pipeline import build, load_form, render_file

    work = Path(tempfile.mkdtemp())
    mine = work / "mine"
    shutil.copytree(builtin_templates() / "default", mine)
    out = work / "r.docx"
    render_file(EXAMPLE, out, force=True)  # the modules loaded and the built-in template compiled
    t = time.perf_counter()
    build(load_form(EXAMPLE), template=mine)
    first_child = time.perf_counter() - t
    own, builtin = [], []

    def render(k: int) -> None:
        t = time.perf_counter()
        if k % 10:
            render_file(EXAMPLE, out, force=True)
            builtin.append(time.perf_counter() - t)
        else:
            build(load_form(EXAMPLE), template=mine)
            own.append(time.perf_counter() - t)

    for k in range(100):
        render(k)
    start = resident()
    for k in range(args.renders):
        render(k)
    grown = resident() - start
    print(f"常驻内存：前 100 次之后 {start / 2**20:.1f} MB，再渲染 {args.renders} 次之后 {(start + grown) / 2**20:.1f} MB，增长 {grown / 2**20:.1f} MB")
    print(f"自带模板（本进程）：中位数 {statistics.median(builtin) * 1000:.1f} ms / 次（生成 .docx）")
    print(f"单位自己的模板（子进程）：中位数 {statistics.median(own) * 1000:.1f} ms / 次（不写文件）；第一次（启动子进程）{first_child * 1000:.0f} ms")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
