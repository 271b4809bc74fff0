"""Reading a report in time proportional to its length (figures printed; this is not a test).

    python benchmarks/bench_reading.py [--sizes 1 2 5 10]

A hostile report is one paragraph of several megabytes on one line. For each size, two
such texts are written to a .txt file and read the ways the commands read them:

- 报告文字: made-up report sentences (counts, rates, 同比, 其中, 一是…) with no line break;
- 密集数字: nothing but figures (“受理1件、” over and over), the worst case for the figure
  mapper.

Stages: read (decode, clean), parse (the tree), analyse (roles, themes with jieba, figures
mapped to the catalogue, rates tied to counts: what ``parse`` and ``import`` do), check (the
rule table over the report, as ``drafter check`` runs it). Linear time shows as a steady
MB/s from 1 MB to 10 MB.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

# Made up for this benchmark; every figure agrees with its rate, so check has little to say.
PROSE = ("2025年，某县坚持依法行政，全年收到行政复议申请52件，受理48件，审结45件，纠错6件，纠错率13.3%；"
         "行政应诉案件31件，同比增长12.5%，行政机关负责人出庭应诉率100%。持续推进执法规范化建设，"
         "其中一是完善制度，二是强化监督，三是规范执法。组织执法人员培训12场次、培训856人次，"
         "共办理政务服务事项2.6万件，网上可办率达98.5%。")
DENSE = "受理1件、"
MB = 2 ** 20


def write(folder: Path, name: str, unit: str, size_mb: float) -> Path:
    """A one-line text of about ``size_mb`` megabytes (UTF-8) made of ``unit`` repeated."""
    path = folder / f"{name}.txt"
    count = int(size_mb * MB) // len(unit.encode("utf-8"))
    path.write_text(unit * count + "\n", encoding="utf-8")
    return path


def measure(path: Path) -> dict[str, float]:
    """Seconds for each stage of reading ``path``."""
    from drafter.model.catalogue import load_catalogue
    from drafter.jobs.checking import load_document
    from drafter.check.runner import check_document
    from drafter.check.table import rule_table
    from drafter.reading.analysis import Analysis
    from drafter.reading.parser import parse_lines
    from drafter.reading.source import read_lines

    cat, table = load_catalogue(), rule_table(None)
    out = {}
    t = time.perf_counter()
    lines = read_lines(path)
    out["读取"] = time.perf_counter() - t
    t = time.perf_counter()
    report = parse_lines(lines)
    out["解析"] = time.perf_counter() - t
    t = time.perf_counter()
    Analysis(report, cat)
    out["分析"] = time.perf_counter() - t
    t = time.perf_counter()
    check_document(load_document(path, cat, 2025), table)
    out["检查"] = time.perf_counter() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10], help="megabytes")
    args = ap.parse_args()
    from drafter.model.segment import tokenizer

    tokenizer()  # jieba's dictionary is loaded once per process: not part of a report's time
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in (("报告文字", PROSE), ("密集数字", DENSE)):
            print(f"{name}（一段，不换行）：")
            for size in args.sizes:
                path = write(Path(tmp), f"{name}{size:g}", unit, size)
                real = path.stat().st_size / MB
                times = measure(path)
                total = sum(times.values())
                stages = "  ".join(f"{k} {v:5.2f} s" for k, v in times.items())
                print(f"  {real:5.1f} MB  {stages}  合计 {total:6.2f} s  {real / total:5.2f} MB/s")
                path.unlink()


if __name__ == "__main__":
    main()
