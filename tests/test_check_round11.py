"""check, eleventh pass over issue 18 (round 5's misses): a rate whose part is written before
its whole (合格108件，评查案卷120件，合格率…); a rate named in the clause before by its change
(合格率同比提高10个百分点，达到90%); a rate that 变为 another; 合格比例 as 合格率; rates in
tenths (九成, 约九成五); last year's count in brackets after 较上年（52件）. Each wrong value is
an error; each right one, and each near miss, says nothing."""

from __future__ import annotations

import pytest

from test_check_rules import only, report, run

RATE_RULES = ("比率核算", "比率口径", "部分大于整体", "比率无从计算")


def _said(found, rules=RATE_RULES + ("同比核算",)):
    return [f for f in found if f.rule in rules]


WRONG = [
    ("合格108件，评查行政执法案卷120件，合格率为95%。", "比率核算", "90%"),
    ("整改隐患45处，排查隐患50处，整改率为80%。", "比率核算", "90%"),
    ("评查行政执法案卷120件，合格108件，合格率同比提高10个百分点，达到95%。", "比率核算", "90%"),
    ("评查行政执法案卷120件，合格108件，合格率较上年下降2个百分点，为95%。", "比率核算", "90%"),
    ("评查行政执法案卷120件，合格108件，合格率由上年的80%变为95%。", "比率核算", "90%"),
    ("评查行政执法案卷120件，合格108件，合格比例为95%。", "比率核算", "90%"),
    ("评查行政执法案卷120件，合格60件，合格率达九成。", "比率核算", "50%"),
    ("评查行政执法案卷120件，合格108件，合格率约九成五。", "比率核算", "90%"),
    ("评查行政执法案卷120件，合格90件，合格率近九成。", "比率核算", "75%"),
    ("受理行政复议案件60件，较上年（52件）增长20%。", "同比核算", "15.4%"),
    ("受理行政复议案件60件，较上年（52件）增加10件。", "同比核算", "增加8件"),
    ("受理行政复议案件60件，比去年(52件)增长20%。", "同比核算", "15.4%"),
]


@pytest.mark.parametrize("body, rule, right", WRONG)
def test_a_wrong_figure_in_these_wordings_is_an_error(body, rule, right):
    f = only(run(report(body)), rule)
    assert f.severity == "错误" and right in f.message


RIGHT = [
    "合格108件，评查行政执法案卷120件，合格率为90%。",
    "整改隐患45处，排查隐患50处，整改率为90%。",
    "评查行政执法案卷120件，合格108件，合格率同比提高10个百分点，达到90%。",
    "评查行政执法案卷120件，合格108件，合格率由上年的80%变为90%。",
    "评查行政执法案卷120件，合格108件，合格比例为90%。",
    "评查行政执法案卷120件，合格108件，合格率约九成。",
    "评查行政执法案卷120件，合格100件，合格率近九成。",  # 83.3%: within a tenth of 九成
    "评查行政执法案卷120件，合格118件，合格率超过九成。",
    "评查行政执法案卷120件，合格108件，合格率达九成以上。",
    "评查行政执法案卷100件，合格100件，合格率十成。",
    "受理行政复议案件60件，较上年（50件）增长20%。",
    "受理行政复议案件60件，较上年（50件）增加10件。",
    # near misses: no rate, no last year's count
    "评查行政执法案卷120件，合格108件，九成新的设备一成不变。",
    "受理行政复议案件60件，较上年（2024年）增长20%。",
    "全年办理案件50件，办结45件，办结比例有所提高。",
    "评查行政执法案卷120件，合格108件，抽查比例提高2个百分点，达到95%。",
]


@pytest.mark.parametrize("body", RIGHT)
def test_right_figures_and_near_misses_say_nothing(body):
    assert _said(run(report(body))) == []
