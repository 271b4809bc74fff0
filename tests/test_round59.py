"""Round 59 of the outside attack on issue 18: a 合格率 over the grades at and above 合格
(优秀42卷，合格140卷); with --last, a count whose last-year sentence names who did it."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from test_round33 import _last_years_report, _report
from test_round54 import SMALL


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("行政执法案卷评查186卷，优秀42卷，合格140卷，合格率97.8%（含优秀）。", False),
        ("评查行政执法案卷186卷，优秀42卷，合格140卷，合格率为97.8%。", False),
        ("评查行政执法案卷186卷，优秀30卷，良好12卷，合格140卷，合格率为97.8%。", False),
        ("评查行政执法案卷186卷，优秀42卷，合格140卷，合格率为75.3%。", False),
        ("评查行政执法案卷186卷，优秀42卷，合格140卷，合格率为96.2%。", True),
        ("评查行政执法案卷186卷，不合格42卷，合格140卷，合格率为97.8%。", True),
    ],
)
def test_round59_a_pass_rate_over_the_grades_at_and_above_pass(tmp_path, runner, line, error):
    """合格率 may count 优秀 (and 良好) as 合格: right over either reading, wrong over neither."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert ("比率核算" in result.output) == error, result.output


def test_round59_a_fail_rate_never_counts_the_grades_above(tmp_path, runner):
    line = "评查行政执法案卷186卷，优秀42卷，不合格4卷，不合格率为24.7%。"
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert "比率核算" in result.output and "应为2.2%" in result.output, result.output


@pytest.mark.parametrize(
    ("last", "line"),
    [
        ("全县公安机关受理治安案件4125起。", "全年受理治安案件3800起，同比下降9.9%。"),
        ("县公安局受理治安案件4125起。", "全年受理治安案件3800起，同比下降9.9%。"),
        ("全年受理治安案件4125起。", "全县公安机关受理治安案件3800起，同比下降9.9%。"),
        ("全县市场监管部门受理投诉举报4821件。", "全年受理投诉举报5102件，同比增长15.8%。"),
    ],
)
def test_round59_a_count_whose_sentence_names_who_did_it(tmp_path, runner, last, line):
    """With --last, who did it (全县公安机关, 县公安局) does not change what is counted."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line)), "--last", str(_last_years_report(tmp_path, last))])
    assert result.exit_code == 1 and "同比核算" in result.output and "去年的报告" in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        "同比下降20.7%，罚款金额1023.6万元，同比增长3.8%。",
        "全年查处环境违法案件46件。同比下降20.7%，罚款金额1023.6万元，同比增长3.8%。",
        "同比下降20.7%，罚款金额1023.6万元。",
    ],
)
def test_round59_a_change_before_a_figure_with_its_own_change(tmp_path, runner, line):
    """A 同比 that opens a sentence is not the figure's after it when that figure's own 同比
    follows it; with or without its own, a sound report gets no 错误."""
    last = _last_years_report(tmp_path, "罚款金额986.4万元。")
    text = (
        _report(tmp_path, line)
        .read_text(encoding="utf-8")
        .replace("（一）发挥行政复议化解行政争议主渠道作用", "（一）查处环境违法案件46件")
    )
    path = tmp_path / "this.txt"
    path.write_text(text, encoding="utf-8")
    last.write_text(
        last.read_text(encoding="utf-8").replace("（一）发挥行政复议化解行政争议主渠道作用", "（一）查处环境违法案件58件"), encoding="utf-8"
    )
    result = runner.invoke(main, ["check", str(path), "--last", str(last)])
    assert result.exit_code == 0 and "同比核算" not in result.output, result.output


@pytest.mark.parametrize(
    ("block", "line"),
    [
        ("|\n        # 来源：法制科\n        主要负责同志带头学法。", "20:9"),
        (">-\n        主要负责同志带头学法。\n        ＃ 待核实\n", "21:9"),
        ("|\n        主要负责同志带头学法。\n        一年学法4次。", None),
    ],
)
def test_round59_a_hash_line_inside_a_block_is_not_a_comment(tmp_path, runner, block, line):
    """“# 来源” inside a | or > block is text YAML keeps: it would be printed, so it is refused
    at its own line."""
    form = tmp_path / "表.yaml"
    form.write_text(SMALL.format(now=2001, before=2000).replace("内容: 主要负责同志带头学法。", "内容: " + block, 1), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(form)])
    if line is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2 and f"表.yaml:{line}" in result.output and "不是注释" in result.output, result.output


@pytest.mark.parametrize("typed", ["\uff11\uff12.\uff15", '"12.5"', "1,002.5"])
def test_round59_a_number_fix_says_a_count_must_be_whole(tmp_path, runner, typed):
    """The fix for １２.５ in a count is not just 12.5, which would be refused next."""
    form = tmp_path / "表.yaml"
    form.write_text(SMALL.format(now=typed, before=2000), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(form)])
    assert result.exit_code == 2 and "还应当是整数" in result.output, result.output
