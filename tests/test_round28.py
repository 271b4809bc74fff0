"""Round 28 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from conftest import EXAMPLE
from hostile_cases import render_with_template, run_clean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _delete_tracked(paragraph, mark: bool) -> None:
    """Delete a paragraph's text with Track Changes on, and with ``mark`` its paragraph mark too."""
    p = paragraph._p
    for t in p.iter(qn("w:t")):
        t.tag = qn("w:delText")
    for k, run in enumerate([c for c in p if c.tag == qn("w:r")]):
        deleted = parse_xml(f'<w:del xmlns:w="{W}" w:id="{900 + k}" w:author="李四" w:date="2026-02-01T00:00:00Z"/>')
        run.addprevious(deleted)
        deleted.append(run)
    if mark:
        p.get_or_add_pPr().append(parse_xml(f'<w:rPr xmlns:w="{W}"><w:del w:id="899" w:author="李四" w:date="2026-02-01T00:00:00Z"/></w:rPr>'))


def test_a_paragraph_deleted_with_its_mark_leaves_the_next_heading_a_heading(tmp_path):
    out = tmp_path / "r.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], exit_codes=(0,))
    for mark in (True, False):  # near miss: only its text deleted, its (empty) paragraph stays
        doc = Document(str(out))
        paragraphs = doc.paragraphs
        k = next(i for i, p in enumerate(paragraphs) if p.style.name == "二级标题" and i > 10 and paragraphs[i - 1].text.strip())
        heading = paragraphs[k].text
        _delete_tracked(paragraphs[k - 1], mark)
        edited = tmp_path / f"edited{mark}.docx"
        doc.save(str(edited))
        said = run_clean(["check", edited], inputs=[edited], exit_codes=(0,)).output
        assert "没有发现问题" in said, said
        parsed = run_clean(["parse", edited], inputs=[edited], exit_codes=(0,)).output
        # the heading is still read as one (a line of its own in the outline, not a run-in item)
        assert any(heading.replace(" ", "")[:10] in line.replace(" ", "") and "连排" not in line for line in parsed.splitlines()), parsed


TABLE = "# 我改过的句式\n\n{mark}普法:\n  普法宣传:\n  - 开展普法宣传活动{{普法活动}}\n{after}"


def test_a_byte_order_mark_inside_a_phrase_table_is_named_at_its_line(tmp_path):
    for after in ("行政执法: []\n", ""):  # a theme after it, or none: the same answer
        said, _out = render_with_template(tmp_path, {"句式.yaml": TABLE.format(mark="\ufeff", after=after)}, exit_codes=(2,))
        assert "句式.yaml:3:1" in said and "字节顺序标记" in said and "无法识别" not in said, said
    # near miss: the mark at the file's start, as Notepad saves it
    render_with_template(tmp_path, {"句式.yaml": "\ufeff" + TABLE.format(mark="", after="行政执法: []\n")})


def test_a_byte_order_mark_inside_a_form_is_named_at_its_line_alone(tmp_path):
    form = tmp_path / "f.yaml"
    form.write_text("\ufeff%YAML 1.1\n---\n\ufeff" + EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    said = run_clean(["render", form, "-o", tmp_path / "f.docx"], inputs=[form], exit_codes=(2,)).output
    assert "f.yaml:3:1" in said and "字节顺序标记" in said and "共 1 处错误" in said, said
    form.write_text("\ufeff%YAML 1.1\n---\n" + EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    run_clean(["render", form, "-o", tmp_path / "f.docx"], inputs=[form], exit_codes=(0,))
