"""Round 66 and later of the outside attack on issue 18 (and what round 65 left open)."""

from __future__ import annotations

import pytest
import yaml

from drafter.cli.commands import main
from test_round33 import _last_years_report, _report


def _carried(tmp_path, runner, line: str) -> tuple[dict, str]:
    """What ``new --from`` a report holding ``line`` carries as last year's figures, and the form."""
    new = tmp_path / "n.yaml"
    result = runner.invoke(main, ["new", "2026", "--from", str(_report(tmp_path, line)), "-o", str(new)])
    assert result.exit_code == 0, result.output
    text = new.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {t["主题"]: t.get("上年数据") for t in data["成效"] if t.get("上年数据")}, text


def test_round65_a_part_naming_a_count_of_its_wholes_group_is_not_another_groups(tmp_path, runner):
    """受理110件，其中调解9件: 行政复议 has its own 调解和解, so the 9 are not 人民调解's, and
    审结 after it is still 行政复议's."""
    carried, text = _carried(tmp_path, runner, "全年收到行政复议申请120件，受理110件，其中调解9件，审结100件。")
    assert "人民调解" not in str(carried), carried
    assert carried["矛盾纠纷化解"]["行政复议"] == {"收到申请": 120, "受理": 110, "审结": 100}, carried
    assert "# 9件（调解）" in text


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("同比增长25.0%，全年办理校外培训机构审批30件。", True),
        ("同比增长50.0%，全年办理校外培训机构审批30件。", False),
        ("同比增长25.0%，全县行政执法机关办理行政处罚案件30件。", True),
    ],
)
def test_round65_a_change_before_a_figure_with_a_long_name(tmp_path, runner, line, error):
    """With --last, a change written before its figure is paired however long the figure's name."""
    last = _last_years_report(tmp_path, "全年办理校外培训机构审批20件。全县行政执法机关办理行政处罚案件20件。")
    result = runner.invoke(main, ["check", str(_report(tmp_path, line)), "--last", str(last)])
    assert ("同比核算" in result.output) == error, result.output
    assert ("上年20件（去年的报告）" in result.output) == error, result.output
