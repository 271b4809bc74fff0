"""Round 50 of the outside attack on issue 18: a Word report or a PDF saved under a form's
name is said as what it is."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report
from test_reading_round5 import example_docx  # noqa: F401 - a fixture


@pytest.mark.parametrize("command", ["render", "validate", "preview"])
def test_round50_a_word_report_named_as_a_form_is_said_as_a_report(tmp_path, runner, example_docx, command):  # noqa: F811
    """A .docx renamed 报告.yaml is a Word document, never a form in GBK: the fix is to name it
    .docx and import it."""
    form = tmp_path / "报告.yaml"
    form.write_bytes(example_docx.read_bytes())
    result = runner.invoke(main, [command, str(form)])
    assert result.exit_code == 2, result.output
    assert "是Word 文档（.docx），不是表单" in result.output and "报告.docx" in result.output and "drafter import" in result.output
    assert "UTF-8" not in result.output and form.read_bytes() == example_docx.read_bytes(), result.output


def test_round50_a_pdf_named_as_a_form_is_said_as_a_pdf(tmp_path, runner):
    form = tmp_path / "报告.yml"
    form.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    result = runner.invoke(main, ["render", str(form)])
    assert result.exit_code == 2 and "是PDF 文件" in result.output and "drafter 不读 PDF" in result.output, result.output


def test_round50_a_wrong_total_from_the_phrase_table_is_said_at_the_total_item(tmp_path, runner):
    """纠错{纠错}、调解和解{调解和解}、合计{审结}: 合计不符 is said at the 合计 item's line."""
    folder = clerk_templates(
        tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 纠错{纠错}\n    - 调解和解{调解和解}\n    - 合计{审结}\n"}
    )
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and "tpl/句式.yaml:5：" in result.output and "合计不符" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("行政应诉方面，负责人出庭45件，开庭审理45件，出庭应诉率100%，合计58件。", 1),
        ("行政应诉方面，败诉2件，胜诉43件，败诉率4.4%，同比下降1.2个百分点，合计45件。", 0),
    ],
)
def test_round50_a_total_after_rates_sums_the_list_before_them(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


def test_round50_a_phrase_table_total_after_a_rate_is_checked(tmp_path, runner):
    items = "    - 开庭审理{开庭审理}\n    - 负责人出庭{负责人出庭}\n    - 出庭应诉率{出庭应诉率}\n    - 合计{案件}\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政应诉:\n" + items}))
    assert result.exit_code == 2 and "合计不符" in result.output and "tpl/句式.yaml:6：" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("化解行政争议38件，其中通过调解化解21件、通过诉讼化解19件、通过撤回申请化解8件。", 1),
        ("化解行政争议38件，其中调解化解21件、和解化解19件、撤回申请化解8件。", 1),
        ("化解行政争议48件，其中通过调解化解21件、通过诉讼化解19件、通过撤回申请化解8件。", 0),
    ],
)
def test_round50_every_way_of_resolving_adds_up(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


@pytest.mark.parametrize(
    ("heading", "line", "should"),
    [
        ("（一）审结行政复议案件112件", "上年为252件，比上年下降45.6%。", "应为下降55.6%"),
        ("（一）全年开展法治培训375人次", "培训人次较上年（376人次）减少6.3%。", "应为下降0.3%"),
        ("（一）审结行政复议案件112件", "上年为252件，比上年下降55.6%。", None),
    ],
)
def test_round50_a_change_over_this_years_figure_in_the_heading_above(tmp_path, runner, heading, line, should):
    """This year's figure only in the heading right above, last year's in the sentence: the
    percentage is checked over the two."""
    report = _report(tmp_path, line)
    report.write_text(report.read_text(encoding="utf-8").replace("（一）发挥行政复议化解行政争议主渠道作用", heading), encoding="utf-8")
    result = runner.invoke(main, ["check", str(report)])
    if should:
        assert "同比核算" in result.output and should in result.output and "上面的标题" in result.output, result.output
    else:
        assert "同比核算" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年以调解、和解方式结案41件，其中纠错18件。", 1),
        ("全年调解结案40件，其中维持10件。", 1),
        ("全年审结146件，其中纠错18件。", 0),
        ("全年审结146件，其中以调解、和解方式结案41件，纠错18件。", 0),
    ],
)
def test_round50_a_decision_is_no_part_of_cases_settled(tmp_path, runner, line, code):
    """Cases closed by mediation or settlement end without a decision: 其中纠错 after them is
    no part of them (其中不属)."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code and ("其中不属" in result.output) == bool(code), result.output


def test_round50_a_phrase_table_writing_a_decision_under_settled_cases_is_refused(tmp_path, runner):
    folder = clerk_templates(
        tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 以调解、和解方式结案{调解和解}\n    - 其中纠错{纠错}\n"}
    )
    out, result = render_with(runner, tmp_path, folder)
    # (since round 54 the phrase table itself is refused: 纠错 is a part of 审结, not of 调解和解)
    assert result.exit_code == 2 and "tpl/句式.yaml:4" in result.output, result.output
    assert "两者都是审结中的一部分，纠错不是调解和解中的" in result.output, result.output
