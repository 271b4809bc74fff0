"""Import each corpus report as a form, render it, read the .docx back: the same report.

Compared after normalising punctuation width and spaces: headings, paragraphs and
figures, in order. Differences allowed on purpose (each a repair the tool makes):
  - numbering: the typesetter renumbers (restarts, skips and 1. numbered on are gone);
  - a heading whose 。 was lost in scraping is set on its own line (same heading, same text);
  - a report without title, signature or date gets them (the title and signature from
    the unit, the date as imported), so those are compared only where the original has them;
  - a part the report must contain but lacks (most often 第一责任人) is added as a section
    with a placeholder to write in, so that the form renders; it is taken out before comparing.
"""

from __future__ import annotations

import pytest

from drafter.model.catalogue import load_catalogue
from drafter.jobs.pipeline import render_file
from drafter.reading.analysis import Analysis
from drafter.reading.importer import import_form, missing_parts
from drafter.reading.parser import parse_report
from drafter.model.report import Section

from conftest import corpus_files

CORPUS = corpus_files()


def flatten(report) -> list[tuple[str, str]]:
    out = [("段落", p.text) for p in report.opening]

    def walk(sec: Section, depth: int) -> None:
        out.append((f"{depth}级标题", sec.heading.rstrip("。")))
        for item in sec.body:
            if isinstance(item, Section):
                walk(item, depth + 1)
            else:
                out.append(("段落", item.text))

    for sec in report.sections:
        walk(sec, 1)
    return [(kind, "".join(text.split())) for kind, text in out]


def figures(analysis) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in analysis.all_figures()]


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus 不在（新检出的仓库没有它）")
@pytest.mark.parametrize("path", CORPUS, ids=[p.name[:3] for p in CORPUS])
def test_import_render_read_back_is_the_same_report(path, tmp_path):
    cat = load_catalogue()
    original = Analysis(parse_report(path), cat)
    form = tmp_path / "form.yaml"
    text, _ = import_form(original, path.name)
    form.write_text(text, encoding="utf-8")
    out = tmp_path / "back.docx"
    render_file(form, out)
    back = Analysis(parse_report(out), cat)
    added = [s for s in back.report.sections if s.paragraphs and "原报告没有这一部分" in s.paragraphs[0].text]
    assert len(added) == len(missing_parts(original))
    back.report.sections = [s for s in back.report.sections if s not in added]

    before, after = flatten(original.report), flatten(back.report)
    for i, (a, b) in enumerate(zip(before, after)):
        assert a == b, f"第 {i + 1} 项不同：\n原文：{a}\n生成：{b}"
    assert len(before) == len(after)
    assert figures(original) == figures(back)
    if original.report.title:
        assert back.report.title == original.report.title
    if original.report.signature:
        assert back.report.signature == original.report.signature
    if original.report.date:
        assert back.report.date == original.report.date
    # Roles and themes survive too: the same reading of the same text.
    assert [s.role for s in back.report.sections] == [s.role for s in original.report.sections]


def test_our_own_report_comes_back_paragraph_for_paragraph(tmp_path):
    """Render the example, import the .docx, render the form: every paragraph of the two
    reports has the same style and text (title, 主送机关, opening, headings, body,
    signature, date and 附注)."""
    import docx

    from conftest import EXAMPLE

    first, back = tmp_path / "first.docx", tmp_path / "back.docx"
    render_file(EXAMPLE, first)
    original = Analysis(parse_report(first), load_catalogue())
    form = tmp_path / "form.yaml"
    form.write_text(import_form(original, first.name)[0], encoding="utf-8")
    render_file(form, back)

    def paragraphs(path):
        return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]

    assert paragraphs(back) == paragraphs(first)
    assert {"公文标题", "主送机关", "一级标题", "二级标题", "公文正文", "署名", "成文日期", "附注"} <= {
        s for s, _ in paragraphs(first)}


def test_dates_in_chinese_numerals_are_imported(tmp_path):
    from drafter.reading.parser import parse_lines

    report = parse_lines(["某县人民政府关于2025年度法治政府建设情况的报告", "2025年，某县依法行政。", "一、主要成效",
                          "成效。", "某县人民政府", "二〇二六年二月六日"])
    text, _ = import_form(Analysis(report, load_catalogue()), "x.txt")
    assert "成文日期: 2026-02-06" in text
