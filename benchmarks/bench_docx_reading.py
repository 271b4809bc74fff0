"""Time and peak memory of reading a .docx (unpack, stream the main part, parse into the
Report tree) for growing sizes, to show both grow in proportion to the document, and that a
main part past the cap is refused at once.

    python benchmarks/bench_docx_reading.py [MB of document.xml ...]

Each size runs in a fresh process, so the peak resident memory printed is its own.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# A paragraph as Word writes one: revision ids, run properties, several runs.
PARA = ('<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>'
        '<w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>'
        '<w:t>全年收到行政复议申请{n}件，审结{m}件，</w:t></w:r>'
        '<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>'
        '<w:t>纠错6件，依法化解了一批行政争议。</w:t></w:r></w:p>')
HEAD = ('<w:p><w:r><w:t>某县人民政府关于2025年度法治政府建设情况的报告</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p>')
ROW = '<w:tr><w:tc><w:p><w:r><w:t>行政复议申请</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{n}件</w:t></w:r></w:p></w:tc></w:tr>'


def make(path: Path, mb: float) -> int:
    """A .docx whose document.xml is about ``mb`` MB; its size in bytes."""
    target = int(mb * 2 ** 20)
    parts, size, k = [HEAD], len(HEAD), 0
    while size < target:
        chunk = PARA.format(n=k, m=k // 2) if k % 10 else "<w:tbl>" + ROW.format(n=k) + "</w:tbl>"
        parts.append(chunk)
        size += len(chunk.encode())
        k += 1
    xml = f'<w:document xmlns:w="{W}"><w:body>{"".join(parts)}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", xml)
    return len(xml.encode())


def child(path: str) -> None:
    from drafter.errors import DrafterError
    from drafter.reading.parser import parse_lines
    from drafter.reading.source import read_lines

    start = time.perf_counter()
    try:
        lines = read_lines(path)
        read = time.perf_counter() - start
        report = parse_lines(lines)
        outcome = f"{len(lines)} 段，{sum(1 for _ in report.walk())} 节"
    except DrafterError as e:
        read, outcome = time.perf_counter() - start, f"拒绝：{e.message[:40]}…"
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(f"{read:7.2f} s 读取  {total:7.2f} s 连同解析  峰值内存 {peak:7.0f} MB  {outcome}")


def main(sizes: list[float]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = Path(tmp) / f"{mb}.docx"
            # Made in a process of its own: a child inherits its parent's peak memory.
            made = subprocess.run([sys.executable, __file__, "--make", str(path), str(mb)], check=True,
                                  capture_output=True, text=True)
            xml = int(made.stdout)
            print(f"document.xml {xml / 2 ** 20:6.1f} MB（.docx {path.stat().st_size / 2 ** 20:5.2f} MB）：", end="",
                  flush=True)
            subprocess.run([sys.executable, __file__, "--child", str(path)], check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make"]:
        print(make(Path(sys.argv[2]), float(sys.argv[3])))
    elif sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main([float(a) for a in sys.argv[1:]] or [1, 2, 5, 10, 19, 60])
