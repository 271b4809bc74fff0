"""Round 29 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

import copy
import re

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from conftest import EXAMPLE
from hostile_cases import run_clean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CHANGE = 'w:id="{id}" w:author="李四" w:date="2026-02-01T00:00:00Z"'


def _tracked(p, tag: str, first_id: int) -> None:
    """Put a paragraph's runs and its mark under a tracked ``tag`` (moveFrom, moveTo)."""
    runs = [c for c in p if c.tag == qn("w:r")]
    wrapper = parse_xml(f'<w:{tag} xmlns:w="{W}" {_CHANGE.format(id=first_id)}/>')
    runs[0].addprevious(wrapper)
    for run in runs:
        wrapper.append(run)
    p.get_or_add_pPr().append(parse_xml(f'<w:rPr xmlns:w="{W}"><w:{tag} {_CHANGE.format(id=first_id + 1)}/></w:rPr>'))


def _located(said: str) -> list[str]:
    return re.findall(r"第\d+段", said)


def test_a_paragraph_moved_away_with_track_changes_is_not_counted_where_it_was(tmp_path):
    out = tmp_path / "r.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], exit_codes=(0,))
    doc = Document(str(out))
    paragraphs = doc.paragraphs
    body = [p for p in paragraphs if p.style.name == "公文正文" and len(p.text) > 15]
    moved, after = body[2], body[-3]
    heading = next(p for p in paragraphs[paragraphs.index(moved) + 1 :] if p.style.name == "二级标题")
    # a numbering slip after the move, for check to point at
    for t in heading._p.iter(qn("w:t")):
        t.text = re.sub(r"^（[一二三四五六七八九十]+）", "（十）", t.text)
        break
    accepted = tmp_path / "accepted.docx"
    after._p.addnext(copy.deepcopy(moved._p))
    moved._p.getparent().remove(moved._p)
    doc.save(str(accepted))
    doc = Document(str(out))
    paragraphs = doc.paragraphs
    body = [p for p in paragraphs if p.style.name == "公文正文" and len(p.text) > 15]
    moved, after = body[2], body[-3]
    heading = next(p for p in paragraphs[paragraphs.index(moved) + 1 :] if p.style.name == "二级标题")
    for t in heading._p.iter(qn("w:t")):
        t.text = re.sub(r"^（[一二三四五六七八九十]+）", "（十）", t.text)
        break
    copied = copy.deepcopy(moved._p)
    _tracked(moved._p, "moveFrom", 910)
    _tracked(copied, "moveTo", 920)
    after._p.addnext(copied)
    tracked = tmp_path / "tracked.docx"
    doc.save(str(tracked))
    said_accepted = run_clean(["check", accepted], inputs=[accepted], exit_codes=(0,)).output
    said_tracked = run_clean(["check", tracked], inputs=[tracked], exit_codes=(0,)).output
    assert _located(said_accepted) and _located(said_tracked) == _located(said_accepted), (said_tracked, said_accepted)


def test_a_title_naming_another_year_is_refused_at_the_title(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("年度: 2025", "年度: 2024").replace("成文日期: 2026-02-06", "成文日期: 2025-02-06")
    form = tmp_path / "f.yaml"
    form.write_text(text.replace("成文日期: 2025-02-06", "成文日期: 2025-02-06\n标题: 示例县人民政府关于2025年度法治政府建设情况的报告"),
                    encoding="utf-8")
    said = run_clean(["validate", form], inputs=[form], exit_codes=(2,)).output
    assert "f.yaml:7:" in said and "标题写的是2025年" in said and "2024" in said, said
    # near misses: the title of its own year, and one naming the next year's work too
    for title in ("示例县人民政府关于2024年度法治政府建设情况的报告", "示例县人民政府关于2024年度法治政府建设情况和2025年工作安排的报告"):
        form.write_text(text.replace("成文日期: 2025-02-06", f"成文日期: 2025-02-06\n标题: {title}"), encoding="utf-8")
        run_clean(["validate", form], inputs=[form], exit_codes=(0,))


def test_an_unclosed_double_quote_in_a_phrase_table_is_said_at_its_line(tmp_path):
    from drafter.files.resources import builtin_templates
    from hostile_cases import render_with_template

    table = (builtin_templates() / "default" / "句式.yaml").read_text(encoding="utf-8").split("\n")
    k = next(i for i, line in enumerate(table) if line.strip() == "- 。" and i > 40)
    table[k] = table[k].replace("- 。", '- " 。')
    said, _out = render_with_template(tmp_path, {"句式.yaml": "\n".join(table)}, exit_codes=(2,))
    assert f"句式.yaml:{k + 1}:" in said and "引号" in said, said
    # near miss: the value quoted whole
    table[k] = table[k].replace('- " 。', '- "。"')
    render_with_template(tmp_path, {"句式.yaml": "\n".join(table)})
