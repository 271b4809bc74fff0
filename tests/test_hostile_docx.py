"""Hostile .docx files for the streaming reader (drafter/reading/docxread.py): a main part
larger than any report's is refused before it is read, with the limit in the message; a
document type declaration is refused; nesting and a huge paragraph end cleanly; every
command that reads reports ends the same way."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from hostile_cases import run_clean

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE = "某县人民政府关于2025年度法治政府建设情况的报告"


def package(path: Path, document: bytes | str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", document)
    return path


def body(inner: str) -> str:
    return f'<w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _big(path: Path, mb: int) -> Path:
    """A main part of ``mb`` MB that packs like real XML (about 10:1), not like a bomb."""
    rows = []
    size, k = 0, 0
    while size < mb * 2 ** 20:
        # Random-looking ids keep the packing ratio near a real document's.
        row = f'<w:p w:rsidR="{os.urandom(4).hex()}"><w:r><w:t>第{k}段，全年收到申请{k}件。</w:t></w:r></w:p>'
        rows.append(row)
        size += len(row.encode())
        k += 1
    return package(path, body(para(TITLE) + "".join(rows)))


def _args(command: str, path: Path, tmp_path: Path) -> tuple[list, list]:
    if command == "import":
        out = tmp_path / "导入.yaml"
        return ["import", path, "-o", out], [out]
    if command == "new":
        out = tmp_path / "新表单.yaml"
        return ["new", "2026", "--from", path, "-o", out], [out]
    return [command, path], []


@pytest.mark.parametrize("command", ["parse", "import", "check", "new"])
def test_main_part_past_the_limit_is_refused_with_the_limit(tmp_path, command):
    path = _big(tmp_path / "超长.docx", 21)
    args, outputs = _args(command, path, tmp_path)
    result = run_clean(args, inputs=[path], outputs=outputs, exit_codes=(2,), located=False)
    assert "超长.docx" in result.output and "20 MB" in result.output and "21 MB" in result.output


def test_main_part_under_the_limit_is_read(tmp_path):
    """Just under the limit, a main part is read (and the reading ends in seconds: the run
    finishing at all is the check here, not its time)."""
    path = _big(tmp_path / "较长.docx", 3)
    result = run_clean(["parse", path], inputs=[path], exit_codes=(0,))
    assert f"标题：{TITLE}" in result.output


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE w:document [<!ENTITY a "法治法治法治">]>',
    '<!DOCTYPE w:document SYSTEM "http://example.invalid/x.dtd">',
])
def test_document_type_declaration_is_refused(tmp_path, doctype):
    path = package(tmp_path / "声明.docx", f'<?xml version="1.0"?>{doctype}' + body(para(TITLE) + para("正文&a;。")
                                                                                   if "ENTITY" in doctype else
                                                                                   para(TITLE)))
    result = run_clean(["parse", path], inputs=[path], exit_codes=(2,), located=False)
    assert "声明.docx" in result.output and "文档类型声明" in result.output


@pytest.mark.parametrize("case", ["deep", "huge-text", "many-runs", "no-body", "body-late"])
def test_odd_shapes_end_cleanly(tmp_path, case):
    if case == "deep":  # nesting far past any document's: refused as damaged, no crash
        doc = body(para(TITLE) + "<w:sdt><w:sdtContent>" * 400 + para("深处。") + "</w:sdtContent></w:sdt>" * 400)
    elif case == "huge-text":  # one text node of 12 MB: past lxml's safe limit, refused as damaged
        doc = body(para(TITLE) + para("字" * (4 * 2 ** 20)))
    elif case == "many-runs":  # one paragraph of 100 000 runs is read as one line
        runs = "".join(f'<w:r w:rsidR="{os.urandom(4).hex()}"><w:t>法</w:t></w:r>' for _ in range(100_000))
        doc = body(para(TITLE) + "<w:p>" + runs + "</w:p>")
    elif case == "no-body":
        doc = f'<w:document xmlns:w="{W}"/>'
    else:  # namespace declarations pushing the body past the first chunk read
        attrs = " ".join(f'xmlns:n{k}="urn:x-{k}"' for k in range(4000))
        doc = f'<w:document xmlns:w="{W}" {attrs}><w:body>{para(TITLE)}{para("正文。")}</w:body></w:document>'
    path = package(tmp_path / "怪.docx", doc)
    result = run_clean(["parse", path], inputs=[path], located=False)
    if case == "many-runs":
        assert result.exit_code == 0 and "100000" not in result.output
    if case == "body-late":
        assert result.exit_code == 0 and f"标题：{TITLE}" in result.output
    if case == "no-body":
        assert result.exit_code == 2 and "没有正文" in result.output
