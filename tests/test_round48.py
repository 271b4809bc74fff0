"""Round 48 of the outside attack on issue 18 (and a miss left open before it): a 合计 over a
list whose first item alone carries a verb or a word of quality."""

from __future__ import annotations

import docx
import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report
from test_round43 import _form_with_last_year


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("办理涉企行政处罚案件罚款361.5万元，没收违法所得476万元，合计937.5万元。", 1),
        ("办理行政许可248件；行政确认164件；行政裁决12件；合计434件。", 1),
        ("办理涉企行政处罚案件罚款361.5万元，没收违法所得476万元，合计837.5万元。", 0),
        ("办理行政许可248件；行政确认164件；行政裁决12件；合计424件。", 0),
        # the list 合计 sums starts later: no error
        ("全年审结146件，维持80件，纠错18件，驳回20件，合计118件。", 0),
        ("新收120件、旧存15件，共审结128件。", 0),
    ],
)
def test_round48_a_total_over_a_list_whose_first_item_alone_has_a_verb(tmp_path, runner, line, code):
    """No list ending at 合计 adds up to it: the sum is wrong wherever the list starts."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "合计不符" in result.output, result.output


@pytest.mark.parametrize(("line", "code"), [("受理同比增长30.8%，达到151件。", 1), ("受理同比增长20.8%，达到151件。", 0)])
def test_round48_a_change_named_before_its_figure_is_checked_with_last_years_report(tmp_path, runner, line, code):
    """受理同比增长30.8%，达到151件 with --last: the change's own words say the figure is 受理."""
    last = _report(tmp_path, "全年受理行政复议案件125件，审结120件。", name="last.txt")
    last.write_text(last.read_text(encoding="utf-8").replace("2025", "2024").replace("2026", "2025"), encoding="utf-8")
    result = runner.invoke(main, ["check", str(_report(tmp_path, line)), "--last", str(last)])
    assert ("同比核算" in result.output) == bool(code), result.output
    if code:
        assert "应为上升20.8%" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('{{ 句(项("审结{}", t.数据.行政复议.审结), 项("比上年增加{}", t.数据.行政复议.纠错)) }}', "“比上年增加”后面写的是“纠错”本年的数"),
        ("全年收到行政复议申请{{ t.数据.行政复议.收到申请 }}，较上年同期增长{{ t.数据.行政复议.受理前化解 }}。", "“较上年同期增长”"),
        ("纠错率同比提高了{{ t.数据.行政复议.纠错率 }}。", "“同比提高了”"),
    ],
)
def test_round48_a_figure_of_this_year_printed_as_a_change_is_refused(tmp_path, runner, line, said):
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line + "\n"})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert "themes/矛盾纠纷化解.md.j2:1" in result.output and said in result.output, result.output


@pytest.mark.parametrize(
    ("group", "items", "said"),
    [
        ("行政复议", "    - 全年收到行政复议申请{收到申请}\n    - 较上年增加{受理前化解}\n", "“较上年增加”后面写的是 {受理前化解}"),
        ("行政复议", "    - 审结案件上年为{审结.上年}\n    - 同比增加{纠错}\n", "“同比增加”后面写的是 {纠错}"),
        ("行政应诉", "    - 办理一审行政诉讼案件{案件}\n    - 败诉案件比上年减少{败诉}\n", "“比上年减少”后面写的是 {败诉}"),
    ],
)
def test_round48_phrase_items_printing_a_figure_as_a_change_are_refused(tmp_path, runner, group, items, said):
    folder = clerk_templates(tmp_path, {"句式.yaml": f"矛盾纠纷化解:\n  {group}:\n" + items})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and "tpl/句式.yaml:4" in result.output and said in result.output, result.output


def test_round48_a_figure_that_is_a_change_itself_may_follow_change_words(tmp_path, runner):
    """涉企行政检查比上年减少{减少涉企检查}: the figure is the decrease (the default phrase table)."""
    line = "涉企行政检查比上年减少{{ t.数据.营商环境.减少涉企检查 }}。\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"themes/政府职能.md.j2": line}), _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output
    text = "".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "涉企行政检查比上年减少" in text, text[:400]
