"""Round 36 of the outside attack on issue 18: what check missed on real-looking reports."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from test_round33 import _report


@pytest.mark.parametrize(
    ("line", "said"),
    [
        # the first 一是 item stating figures is text, never a run-in heading left unchecked
        ("一是全年共受理行政复议案件53件，办结41件，结案率为87.2%。二是持续深化政务公开。", "应为77.4%"),
        ("一是全年共受理行政复议案件53件，办结41件，结案率为82.6%。群众满意。二是持续深化政务公开。", "应为77.4%"),
        ("一是办理行政调解案件476件，上年为349件，同比增长40.4%。二是持续深化政务公开。", "同比核算"),
        # 咨询类 is a kind of request, added up with the others
        ("12345热线受理工单393件，其中咨询类292件、投诉类153件。", "其中超总数"),
        ("12345热线受理工单393件，其中咨询292件、投诉153件。", "其中超总数"),
        # what was taken up (排查化解) is the whole of what succeeded (成功化解)
        ("排查化解矛盾纠纷1546起，成功化解1540起，化解率为92.6%。", "应为99.6%"),
    ],
)
def test_round36_plain_errors_are_caught(tmp_path, runner, line, said):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        "一是全年共受理行政复议案件53件，办结41件，结案率为77.4%。二是持续深化政务公开。",
        "12345热线受理工单393件，其中咨询类202件、投诉类153件。",
        "排查化解矛盾纠纷1546起，成功化解1540起，化解率为99.6%。",
        "一是强化复议监督。全年审结行政复议案件30件。\n二是持续深化政务公开。政务公开目录全面更新。",
    ],
)
def test_round36_the_same_written_right_draw_nothing(tmp_path, runner, line):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0, result.output


def test_an_enumerated_item_with_a_short_lead_is_still_a_run_in_heading(tmp_path, runner):
    line = "一是强化复议监督。全年审结行政复议案件30件。\n二是持续深化政务公开。政务公开目录全面更新。"
    parsed = runner.invoke(main, ["parse", str(_report(tmp_path, line))])
    assert "一是 强化复议监督。（连排）" in parsed.output and "二是 持续深化政务公开。（连排）" in parsed.output
