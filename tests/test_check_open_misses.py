"""check: the misses outside rounds 7–9 left open, each a rule that fires on the wrong sentence
and stays silent on its right (or merely near) twin: parts listed before their whole, a change
between two values stated with 由…到…, review outcomes listed without 其中, 超九成, a rate with
its own fraction in brackets, and 个百分点 used for a rate's level or a count's change."""

from __future__ import annotations

import pytest

from test_check_rules import only, report, run

ARITHMETIC = ("比率核算", "比率口径", "部分大于整体", "其中超总数", "同比核算", "同比异常", "百分点误用")


def _arithmetic(found):
    return [f for f in found if f.rule in ARITHMETIC]


@pytest.mark.parametrize("body, rule, said", [
    # the part and its sibling before the whole the catalogue names
    ("维持128件、纠错18件，审结146件，纠错率50%。", "比率核算", "应为12.3%"),
    ("维持128件、纠错18件，审结146件，纠错率12.4%。", "比率核算", "应为12.3%"),
    # 由…到… and the change said after it
    ("办结率由90%提高到95%，提高10个百分点。", "同比核算", "由90%到95%，应为提高5个百分点"),
    ("办结率从上年的90%降至85%，下降3个百分点。", "同比核算", "应为下降5个百分点"),
    ("受理案件从100件增加到120件，增长30%。", "同比核算", "上升20%"),
    # outcomes right after the cases decided, without 其中
    ("审结146件，维持128件、纠错28件。", "其中超总数", "128件＋28件"),
    ("审结146件，维持128件、纠错18件、驳回10件。", "其中超总数", "超过了总数146件"),
    ("审结146件，维持228件、纠错28件。", "部分大于整体", "“维持”228件"),
    # 超 alone before a rate in tenths
    ("受理信访事项100件，办结50件，办结率超九成。", "比率核算", "低于九成"),
    # the rate's own fraction in brackets
    ("办结率7%（3/29）。", "比率核算", "按括号中的3/29算，应为10.3%"),
    ("受理29件，办结率90%（29÷29）。", "比率核算", "应为100%"),
    # 个百分点 for what is not a difference of rates
    ("办结率为86.7个百分点。", "百分点误用", "办结率是比率"),
    ("受理案件128件，同比增长12个百分点。", "百分点误用", "128件是件数"),
])
def test_the_wrong_sentence_is_found(body, rule, said):
    f = only(run(report(body)), rule)
    assert f.severity == "错误" and said in f.message, f.format()


@pytest.mark.parametrize("body", [
    "维持128件、纠错18件，审结146件，纠错率12.3%。",
    "办结率由90%提高到95%，提高5个百分点。",
    "办结率从上年的90%降至85%，下降5个百分点。",
    "受理案件从100件增加到120件，增长20%。",
    # another year named for the first value: not last year's, the change is not checked against it
    "办结率由2020年的90%提高到95%，同比提高1个百分点。",
    "审结146件，维持128件、纠错18件。",
    "审结146件，维持118件、纠错18件、驳回10件。",
    # not one family of outcomes: stages of the same cases are never summed
    "审结行政复议案件146件，维持128件、按时办结120件。",
    "受理信访事项100件，办结95件，办结率超九成。",
    "受理信访事项100件，办结95件，办结率不超九成。",
    "办结率10.3%（3/29）。",
    "受理29件，办结率超过90%（27/29）。",
    # 个百分点 as a difference of rates, or of a growth
    "网办率提高5个百分点。",
    "受理案件128件，网办率提高5个百分点。",
    "受理案件128件，增幅为3个百分点。",
    "办结率同比提高2个百分点，达到86.7%。",
    "办结率为86.7%，同比提高2个百分点。",
])
def test_the_right_or_near_sentence_raises_nothing(body):
    found = _arithmetic(run(report(body)))
    assert found == [], [f.format() for f in found]



# -- issue 19 §2: a rate whose count is named differently, tied when the sentence is unambiguous ------
@pytest.mark.parametrize("body, said", [
    ("全年办件量5000件，网上办件4500件，网办率80%。", "“网上办件”4500件 ÷ “办件量”5000件算，应为90%"),
    ("应公示事项39项，已公示35项，公示率85.29%。", "应为89.74%"),
    ("应报备规范性文件20件，已报备18件，报备率80%。", "应为90%"),
])
def test_a_rate_named_by_another_wording_of_its_count_is_checked(body, said):
    f = only(run(report(body)), "比率核算")
    assert said in f.message, f.format()


@pytest.mark.parametrize("body", [
    "全年办件量5000件，网上办件4500件，网办率90%。",
    "应公示事项39项，公示35项，公示率89.74%。",
    "应报备规范性文件20件，已报备18件，报备率90%。",
    # two counts could be the 网办: which one is a guess, nothing is said
    "全年办件量5000件，网上办件4500件，网上申报4000件，网办率80%。",
    # the rate of what was owed itself
    "应出庭案件40件，应出庭率100%。",
])
def test_an_ambiguous_or_right_wording_raises_nothing(body):
    found = _arithmetic(run(report(body)))
    assert found == [], [f.format() for f in found]
