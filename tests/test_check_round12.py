"""check, twelfth pass over issue 18 (round 6 of the outside attack): counts named by a 分别
list take the name in their place (维持、纠错分别为128件、18件); a stated carry-over makes any
rate's whole new + carried, not only a closure's; a rate per thousand near 1000‰ is never
suggested as 1000‰; outcomes of review cases (维持、纠错、驳回) add up under their 其中 total;
one rate name over several pairs of lists (结案率分别为…) is checked pair by pair."""

from __future__ import annotations

import pytest

from drafter.reading.figure_finder import extract

from test_check_rules import only, report, run

SAID = ("比率核算", "比率口径", "部分大于整体", "比率无从计算", "其中超总数")


def _said(found):
    return [f for f in found if f.rule in SAID]


def test_counts_after_a_respective_list_of_names_take_their_own_names():
    figs = extract("全年审结行政复议案件146件，维持、纠错分别为128件、18件。")
    assert [(f.label, f.value) for f in figs] == [("审结行政复议案件", 146), ("维持", 128), ("纠错", 18)]
    figs = extract("受理复议151件、诉讼58件，分别审结146件、40件。")
    assert [f.label for f in figs][2:] == ["审结", "审结"]


WRONG = [
    ("全年审结行政复议案件146件，纠错、维持分别为18件、128件，纠错率25%。", "比率核算", "12.3%"),
    ("全年新收人民调解案件2600件，上年结转84件，调解成功2590件，调解成功率90%。", "比率核算", "96.5%"),
    ("全年新收人民调解案件2600件，上年结转84件，调解成功2700件，调解成功率98%。", "部分大于整体", "之和"),
    ("全年评查行政执法案卷24911宗，合格24910宗，合格率1000‰。", "比率核算", "999.96‰"),
    ("全年审结行政复议案件100件，其中维持70件、纠错20件、驳回15件。", "其中超总数", "70件＋20件＋15件"),
    ("全年审结行政复议案件100件，其中维持70件，纠错40件。", "其中超总数", "70件＋40件"),
    ("全年受理行政复议案件151件、行政诉讼案件58件，分别审结146件、40件，结案率分别为96.7%、89.7%。", "比率核算", "69%"),
]


@pytest.mark.parametrize("body, rule, right", WRONG)
def test_a_wrong_figure_is_said(body, rule, right):
    f = only(run(report(body)), rule)
    assert f.severity == "错误" and right in f.message, f.format()


RIGHT = [
    "全年审结行政复议案件146件，维持、纠错分别为128件、18件，纠错率12.3%。",
    "排查风险隐患1900处，发现、整改分别为1874处、1842处，整改率98.3%。",
    "全年新收人民调解案件2600件，上年结转84件，调解成功2631件，调解成功率98%。",
    "全年新收人民调解案件2600件，上年结转84件，调解成功2590件，调解成功率96.5%。",
    "全年评查行政执法案卷24911宗，合格24910宗，合格率999.96‰。",
    "全年审结行政复议案件100件，其中维持70件、纠错20件、驳回10件。",
    # 纠错 is 撤销 + 变更…: never summed with them
    "全年审结行政复议案件100件，其中纠错20件、撤销15件、变更5件。",
    "全年审结行政复议案件100件，其中维持70件，纠错30件，撤销20件。",
    "全年受理行政复议案件151件、行政诉讼案件58件，分别审结146件、40件，结案率分别为96.7%、69%。",
    # lists that do not pair off: not checked
    "全年受理行政复议案件151件、行政诉讼案件58件，分别审结146件、40件，结案率分别为96.7%、69%、50%。",
]


@pytest.mark.parametrize("body", RIGHT)
def test_right_figures_say_nothing(body):
    assert _said(run(report(body))) == []
