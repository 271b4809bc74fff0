"""Round 49 of the outside attack on issue 18: a numbered paragraph deleted with tracked
changes takes no number of its own."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_reading_docx_features import TITLE, lines_of, p, r
from test_round33 import _report


def _deleted(num: tuple[int, int], text: str) -> str:
    """A numbered paragraph whose text and mark are tracked deletions."""
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        '<w:rPr><w:del w:id="9" w:author="甲"/></w:rPr></w:pPr>'
        f'<w:del w:id="8" w:author="甲"><w:r><w:delText>{text}</w:delText></w:r></w:del></w:p>'
    )


def test_round49_a_deleted_numbered_paragraph_gives_no_number_to_the_next(tmp_path):
    """Deleted with its mark, a 4. item is gone once the changes are accepted: the heading after
    it keeps its own number (（二）), and the items after it count on as if it never was."""
    body = (
        p(TITLE)
        + p("主要举措和成效", num=(1, 0))
        + p("加强行政复议", num=(1, 1))
        + p("化解行政争议86件。", num=(1, 2))
        + p("审查规范性文件27件。", num=(1, 2))
        + _deleted((1, 2), "审查88件。")
        + p("强化普法", num=(1, 1))
        + p("开展普法活动120场。", num=(1, 2))
        + p("落实普法责任制。", num=(1, 2))
    )
    assert lines_of(tmp_path, body)[1:] == [
        "一、主要举措和成效",
        "（一）加强行政复议",
        "1. 化解行政争议86件。",
        "2. 审查规范性文件27件。",
        "（二）强化普法",
        "1. 开展普法活动120场。",
        "2. 落实普法责任制。",
    ]


def test_round49_a_numbered_paragraph_whose_mark_alone_is_deleted_joins_under_the_next_number(tmp_path):
    """Its text kept and its mark deleted, it runs into the next paragraph, whose number Word
    shows before the joined text."""
    first = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>'
        '<w:rPr><w:del w:id="9" w:author="甲"/></w:rPr></w:pPr>' + r("前半句，") + "</w:p>"
    )
    body = p(TITLE) + p("主要举措和成效", num=(1, 0)) + p("加强行政复议", num=(1, 1)) + first + p("后半句。", num=(1, 2))
    assert lines_of(tmp_path, body)[1:] == ["一、主要举措和成效", "（一）加强行政复议", "1. 前半句，后半句。"]


@pytest.mark.parametrize("heading", [True, False])
def test_round49_last_years_figure_stated_in_a_heading_is_a_base_with_last(tmp_path, runner, heading):
    """--last: a figure last year's report states in a heading ((一)全年办理法律援助案件418件)
    is last year's figure as one in its text is."""
    stated = "全年办理法律援助案件418件"
    last = _report(tmp_path, "强化法律援助服务，本年度工作有序推进。" if heading else f"{stated}。", name="last.txt")
    text = last.read_text(encoding="utf-8").replace("2025", "2024").replace("2026", "2025")
    if heading:
        text = text.replace("（一）发挥行政复议化解行政争议主渠道作用", f"（一）{stated}")
    last.write_text(text, encoding="utf-8")
    this = _report(tmp_path, "全年办理法律援助案件127件，较上年下降62.6%。")
    result = runner.invoke(main, ["check", str(this), "--last", str(last)])
    assert "同比核算" in result.output and "应为下降69.6%" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("今年门户网站更新内容6228条，其中信息公开类1999条、概况类54条、工作动态类4205条。", 1),
        ("今年门户网站更新内容6258条，其中信息公开类1999条、概况类54条、工作动态类4205条。", 0),
        ("全年收到意见建议628条，其中采纳405条、未采纳299条。", 1),
        ("全年收到意见建议628条，其中已采纳405条、不予采纳299条。", 1),
        ("全年收到意见建议628条，其中采纳405条、未采纳223条。", 0),
        ("受理政府信息公开申请120件，其中按时办结100件、未按时办结30件。", 1),
    ],
)
def test_round49_kinds_named_by_class_and_yes_or_no_add_up(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


def test_round49_a_theme_templates_heading_at_the_themes_level_is_said_at_its_line(tmp_path, runner):
    """## 行政复议工作 in a theme template stands beside the theme's own heading, which is left
    empty: said at the template line, with the fix (one # more), never at the form."""
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": '## 行政复议工作\n{{ 数据句子(t, "行政复议") }}\n'})
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and not out.exists(), result.output
    # (said as the heading it is since round 61, wherever it stands: not only as the 空节 it leaves)
    assert "tpl/themes/矛盾纠纷化解.md.j2:1：【错误】主题模板写出的标题“行政复议工作”是二级标题" in result.output, result.output
    assert "### 行政复议工作" in result.output, result.output
    fixed = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": '### 行政复议工作\n{{ 数据句子(t, "行政复议") }}\n'}, name="tpl2")
    out, result = render_with(runner, tmp_path, fixed)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        (
            "{% set 执法 = t.数据.执法办案 %}\n各执法部门办理行政处罚案件{{ 执法.行政处罚 }}，同比{{ 执法.行政处罚.同比 }}。",
            "{{ 执法.行政处罚.同比 }}",
        ),
        (
            "全年办理行政处罚案件{{ t.数据.执法办案.行政处罚 }}，比上年增加{{ t.数据.执法办案.不予处罚 }}。",
            "{{ t.数据.执法办案.不予处罚.同比 }}",
        ),
        ("评查合格率{{ t.数据.案卷评查.合格率.同比 }}。", "{% if t.数据.案卷评查.合格率.上年 %}"),
    ],
)
def test_round49_a_fix_names_the_figure_as_the_template_does(tmp_path, runner, line, fix):
    """A clerk's template has no x: the fix writes the figure in the template line's own words."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"themes/行政执法.md.j2": line + "\n"}))
    assert result.exit_code == 2 and fix in result.output and "x." not in result.output, result.output
