"""Round 44 of the outside attack on issue 18: whose figure a 同比 or a 上年 is, figures in
Word headings, a count named by its group alone."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report
from test_round43 import _form_with_last_year, _heading_docx


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("行政复议案件同比增长20.8%，全年受理151件，上年为120件。", 1),
        ("较上年增长20.8%，全年受理行政复议案件151件，上年为120件。", 1),
        ("行政复议案件同比增长25.8%，全年受理151件，上年为120件。", 0),
        ("行政复议案件同比增长60%，其中行政处罚类120件，上年为60件。", 0),  # a part after it is not its figure
        ("全年依法受理行政复议案件151件（上年130件），审结案件同比增长21.7%，达到146件，上年为120件。", 0),
        ("全年依法受理行政复议案件151件（上年130件），审结案件同比增长11.7%，达到146件，上年为120件。", 1),
    ],
)
def test_round44_a_change_before_its_figure(tmp_path, runner, line, code):
    """A change named before its figure (同比增长20.8%，全年受理151件) is of that figure, not of
    another matter's figure before it (依法受理151件（上年130件），审结同比…，达到146件)."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


def test_round44_a_phrase_table_writing_a_change_before_its_figure_renders(tmp_path, runner):
    table = "矛盾纠纷化解:\n  行政复议:\n    - 依法受理{受理}（上年{受理.上年}）\n    - 审结{审结.同比}，达到{审结}\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}), _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "items",
    [
        "    - 依法受理{受理}\n    - 审结{审结}\n    - 上年分别为{审结.上年}、{受理.上年}\n",
        "    - 收到行政复议申请{收到申请}\n    - 依法受理{受理}\n    - 审结{审结}\n    - 上年分别为{收到申请.上年}\n",
    ],
)
def test_round44_last_years_figures_each_in_the_order_of_their_names(tmp_path, runner, items):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n" + items}))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert "一一对应、次序相同" in result.output and "tpl/句式.yaml:" in result.output, result.output


def test_round44_last_years_figures_in_order_render(tmp_path, runner):
    items = "    - 依法受理{受理}\n    - 审结{审结}\n    - 上年分别为{受理.上年}、{审结.上年}\n"
    folder = clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n" + items})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("完成合法性审查257件，其中规范性文件125件、重大行政决策47件、行政合同93件。", 1),
        ("完成合法性审查265件，其中规范性文件125件、重大行政决策47件、行政合同93件。", 0),
    ],
)
def test_round44_major_decisions_are_a_kind_not_a_quality(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


def test_round44_a_heading_with_one_figure_is_read(tmp_path, runner):
    report, form = tmp_path / "r.docx", tmp_path / "n.yaml"
    _heading_docx(report, "（一）全年受理行政复议案件128件")
    assert runner.invoke(main, ["new", "2026", "--from", str(report), "-o", str(form)]).exit_code == 0
    # (read as 受理; alone, with no 审结 to work last year's 结案率 out, it is a note, not 上年数据)
    assert "去年“行政复议：受理”是 128" in form.read_text(encoding="utf-8")


def test_round44_a_count_named_by_its_group_alone_is_the_groups_cases(tmp_path, runner):
    """全年行政应诉40件，负责人出庭应诉率75%: 40 is the cases, never 负责人出庭."""
    source = _report(tmp_path, "全年行政应诉40件，负责人出庭应诉率75%。")
    result = runner.invoke(main, ["parse", str(source), "--json"])
    assert '"对应指标": "行政应诉.案件"' in result.output and "行政应诉.负责人出庭" not in result.output, result.output


def test_round45_a_change_named_for_a_total_is_never_of_the_figure_after_it(tmp_path, runner):
    """审查件数同比减少50.2%，提出审查意见157条 (drafter's own phrase table): the 157条 after it
    counts something else (条, and counts before it in the sentence), never its figure."""
    line = "全年合法性审查文件、合同、协议等271件，其中审查政府合同97件，涉及金额1800万元，审查件数同比减少50.2%，提出审查意见157条，上年为314条。"
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0, result.output
