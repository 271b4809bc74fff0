"""Round 46 of the outside attack on issue 18: sums of money that add up exactly, and
parts that are ways one case is closed."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from test_round33 import _report


@pytest.mark.parametrize(
    "line",
    [
        "全年收缴罚没款878000元，其中罚款814411元、没收违法所得63589元。",
        "全年罚款814411元、没收违法所得63589元，合计878000元。",
        "全年收缴罚没款87.8万元，其中罚款81.4411万元、没收违法所得6.3589万元。",
        "罚没收入765105元（罚款722120元、没收非法财物折价42985元）。",
        "全年收缴罚没款0.3亿元，其中罚款0.1亿元、没收违法所得0.2亿元。",
    ],
)
def test_round46_parts_that_add_up_exactly_are_no_error(tmp_path, runner, line):
    """Each part added as the decimal it is written as: 81.4411 + 6.3589 is 87.8, and 814411元
    + 63589元 said in 万元 is 87.8万元, never a hair over its whole."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0 and "没有发现问题" in result.output, result.output


def test_round46_a_wrong_total_in_yuan_is_said_in_yuan(tmp_path, runner):
    result = runner.invoke(main, ["check", str(_report(tmp_path, "全年罚款814411元、没收违法所得63589元，合计878001元。"))])
    assert result.exit_code == 1 and "列出的各项之和是878000元" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("审结民事案件50件，其中调解结案40件、判决结案20件。", 1),
        ("为农民工追回欠薪50万元，其中调解追回40万元、仲裁追回20万元。", 1),
        ("排查矛盾纠纷50件，其中通过调解化解40件、通过诉讼化解20件。", 1),
        ("审结民事案件50件，其中调解结案30件、判决结案20件。", 0),
        # one way named twice, or ways without what they close: not summed (宁可漏报)
        ("审结民事案件50件，其中调解结案40件、调解成功20件。", 0),
    ],
)
def test_round46_ways_one_case_is_closed_add_up(tmp_path, runner, line, code):
    """调解结案、判决结案: each case closes one way, so the parts add up under their whole."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "其中超总数" in result.output, result.output
