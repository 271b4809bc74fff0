"""Get the paragraphs of a report file: .txt (one paragraph a line), .docx, or .doc
(through LibreOffice, when it is installed)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from drafter.errors import InputFileError

SUFFIXES = (".txt", ".docx", ".doc")


def read_lines(path: str | Path) -> list[str]:
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.is_file():
        raise InputFileError(f"找不到文件“{p}”。", "请检查文件名和所在文件夹。")
    if suffix == ".txt":
        raw = p.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return raw.decode(encoding).splitlines()
            except UnicodeDecodeError:
                continue
        raise InputFileError(f"“{p}”既不是 UTF-8 也不是 GBK 编码的文本。", "请用记事本“另存为” UTF-8 编码。")
    if suffix == ".docx":
        return _docx_lines(p)
    if suffix == ".doc":
        from drafter.preview import PreviewError, find_soffice, run_soffice

        if find_soffice() is None:
            raise InputFileError(f"“{p.name}”是旧版 .doc 文件，需要 LibreOffice 才能读取。",
                                 "请安装 LibreOffice，或在 Word/WPS 中另存为 .docx。")
        with tempfile.TemporaryDirectory() as tmp:
            proc = run_soffice(["--convert-to", "docx", "--outdir", tmp, str(p)], 300)
            out = Path(tmp) / (p.stem + ".docx")
            if not out.is_file():
                raise PreviewError(f"LibreOffice 没能转换“{p.name}”。{proc.stderr.strip()[-200:]}",
                                   "请在 Word/WPS 中另存为 .docx 再试。")
            return _docx_lines(out)
    raise InputFileError(f"不支持的文件类型“{p.suffix}”。", "请给出 .txt、.docx 或 .doc 文件。")


def _docx_lines(path: Path) -> list[str]:
    import docx  # only the reading side needs python-docx

    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises several kinds for a damaged package
        raise InputFileError(f"无法打开“{path.name}”：{err}", "请确认它是完好的 .docx 文件。") from None
    # A title wrapped with line breaks is one paragraph: its lines are joined.
    return [p.text.replace("\n", "") for p in document.paragraphs]
