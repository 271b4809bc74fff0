"""Round 48 of the outside attack on issue 18 (and a miss left open before it): a 合计 over a
list whose first item alone carries a verb or a word of quality."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from test_round33 import _report


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
