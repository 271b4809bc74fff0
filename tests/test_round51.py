"""Round 51 of the outside attack on issue 18: the reminder about an unused 上年 figure names
the clerk's own theme template when that writes the theme."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report
from test_round43 import _form_with_last_year


def test_round51_an_unused_last_year_figure_is_mended_in_the_clerks_theme_template(tmp_path, runner):
    line = '{{ 句(项("全年收到行政复议申请{}", t.数据.行政复议.收到申请), 项("审结{}", t.数据.行政复议.审结)) }}\n'
    out, result = render_with(
        runner, tmp_path, clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line}), _form_with_last_year(tmp_path)
    )
    assert result.exit_code == 0, result.output
    said = [block for block in result.output.split("\n成效") if "“收到申请”填了" in block]
    assert said and "tpl/themes/矛盾纠纷化解.md.j2" in said[0] and "t.数据.行政复议.收到申请.带同比" in said[0], result.output
    assert "句式表（句式.yaml）里把 {收到申请}" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年共收到行政复议申请236件，受理98件，不予受理138件（多为同一申请人重复申请），上年结转6件，审结95件，结案率91.3%。", 0),
        ("受理行政复议案件151件，其中不予受理0件，审结146件，结案率96.7%。", 0),
        ("全年共收到行政复议申请236件，受理98件，不予受理138件，上年结转6件，审结95件，结案率81.3%。", 1),
    ],
)
def test_round51_a_count_not_taken_up_is_never_a_rates_whole(tmp_path, runner, line, code):
    """不予受理138件 is what was not taken up: 结案率 is over 受理 (+ 上年结转), never over it."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code and "不予受理”" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年受理行政复议案件96件，上年为81件，同比增长了26.2%。", 1),
        ("全年受理行政复议案件151件，同比下降了18.5%，上年为120件。", 1),
        ("全年受理行政复议案件96件，上年为81件，增长幅度达26.2%。", 1),
        ("全年受理行政复议案件96件，上年为81件，同比增长了18.5%。", 0),
    ],
)
def test_round51_a_change_said_with_le_or_fudu_is_checked(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert ("同比核算" in result.output) == bool(code), result.output


def test_round51_a_template_doubling_a_change_with_le_is_refused(tmp_path, runner):
    line = "审结{{ t.数据.行政复议.审结 }}，同比增长了{{ t.数据.行政复议.审结.同比 }}。\n"
    out, result = render_with(
        runner, tmp_path, clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line}), _form_with_last_year(tmp_path)
    )
    assert result.exit_code == 2 and "就重复了" in result.output, result.output


def test_round51_import_says_a_table_will_not_come_back_as_a_table(tmp_path, runner):
    """A data table of several columns is written into the form a row a paragraph: import says
    so (the report will not print a table, and its cells run together), never silently."""
    from test_round48 import report_with_table

    lead = [
        "某县人民政府关于2025年度法治政府建设情况的报告",
        "一、主要做法和成效",
        "（一）行政复议",
        "全年受理行政复议案件151件，审结146件，结案率96.7%。",
    ]
    rows = [("类别", "2024年", "2025年"), ("受理（件）", "120", "151"), ("审结（件）", "118", "146")]
    source, form = report_with_table(tmp_path / "表格.docx", lead, rows), tmp_path / "表格.yaml"
    result = runner.invoke(main, ["import", str(source), "-o", str(form)])
    assert result.exit_code == 0 and "原文有表格（3 行）" in result.output and "不会排成表格" in result.output, result.output
    assert "原文有表格（3 行）" in form.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        ("1/2000", "0.05%"),
        ("3/2000", "0.15%"),
        ("9/2000", "0.5%"),
        ("617/5000", "12.3%"),
        ("1/19999", "0.005%"),
        ("19998/19999", "99.995%"),
    ],
)
def test_round51_a_small_rate_is_never_printed_a_fifth_away_from_its_value(value, printed):
    """1 of 2000 is 0.05%, never 0.1% (twice it): a digit more where one decimal is far off."""
    from fractions import Fraction

    from drafter.model.numberwords import percent

    assert percent(Fraction(value)) == printed


def test_round51_a_form_with_a_small_rate_prints_it_and_its_change_in_their_own_values(tmp_path, runner):
    import docx
    import yaml

    from conftest import EXAMPLE

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for theme in data["成效"]:
        if "行政应诉" in (theme.get("数据") or {}):
            theme["数据"]["行政应诉"].update({"案件": 2000, "审结": 2000, "败诉": 1, "开庭审理": 2000, "负责人出庭": 2000})
            theme["上年数据"] = {"行政应诉": {"审结": 2000, "败诉": 0}}
    form, out = tmp_path / "表单.yaml", tmp_path / "报告.docx"
    form.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "败诉率0.05%" in text and "0.1%" not in text and "0.1个百分点" not in text, text
    assert runner.invoke(main, ["check", str(out)]).exit_code == 0


def test_round51_import_says_what_after_the_closing_it_leaves_out(tmp_path, runner):
    """附件, a table and 抄送 after the date are no body: import says they are not in the form."""
    import docx

    from conftest import EXAMPLE

    first = tmp_path / "报告.docx"
    assert runner.invoke(main, ["render", str(EXAMPLE), "-o", str(first)]).exit_code == 0
    d = docx.Document(str(first))
    d.add_paragraph("附件：1.2025年度法治政府建设主要数据统计表")
    d.add_paragraph("抄送：市司法局。")
    attached = tmp_path / "带附件.docx"
    d.save(str(attached))
    form = tmp_path / "带附件.yaml"
    result = runner.invoke(main, ["import", str(attached), "-o", str(form)])
    assert result.exit_code == 0 and "原文落款后面还有 2 行" in result.output and "附件：1.2025年度" in result.output, result.output
