"""check, outside round 10: false 错误 on sentences a careful reviewer signs — a whole that is
the sum of a list joined by 、 (建议112件、提案134件，按时办复244件), a party's name withheld as
张某某, a past 纲要 looked back on — each with the wrong twin that is still found."""

from __future__ import annotations

import pytest

from test_check_rules import OPENING, only, report, run

RULES = ("比率核算", "比率口径", "部分大于整体", "其中超总数", "占位文字", "纲要不在施行期")


def _found(body, year=2025):
    opening = OPENING.format(year=year, spirit="党的二十大和二十届历次全会精神")
    return [f for f in run(report(body, year=year, opening=opening)) if f.rule in RULES]


# -- a whole listed as two counts joined by 、 -------------------------------------------------------
@pytest.mark.parametrize("body", [
    "承办人大代表建议112件、政协委员提案134件，按时办复244件，按时办复率99.2%。",
    "承办人大代表建议112件、政协委员提案134件，代表委员满意242件，满意率98.4%。",
    "调处矛盾纠纷1320件、信访事项936件，化解成功2100件，化解率93.1%。",
    "承办人大代表建议112件、政协委员提案134件，办结246件，办结率100%。",
    "受理复议案件500件、诉讼案件300件，办结780件，结案率97.5%。",
    "受理刑事法律援助案件300件、民事法律援助案件500件，其中律师办理700件。",
    "审结复议案件30件、审结诉讼案件20件，败诉44件。",
])
def test_a_whole_listed_as_several_counts_is_their_sum(body):
    assert _found(body) == [], [f.format() for f in _found(body)]


@pytest.mark.parametrize("body, rule, said", [
    ("承办人大代表建议112件、政协委员提案134件，按时办复244件，按时办复率90%。", "比率核算", "246件算，应为99.2%"),
    ("承办人大代表建议112件、政协委员提案134件，按时办复300件，按时办复率99.2%。", "部分大于整体",
     "“承办人大代表建议、政协委员提案”246件"),
    ("受理刑事法律援助案件300件、民事法律援助案件500件，其中律师办理900件。", "部分大于整体", "800件"),
    ("受理刑事法律援助案件300件、民事法律援助案件500件，其中律师办理600件、基层法律服务工作者办理300件。",
     "其中超总数", "超过了总数800件"),
    ("审结复议案件30件、审结诉讼案件20件，败诉54件。", "部分大于整体", "“败诉”54件"),
])
def test_a_part_beyond_the_sum_is_still_found(body, rule, said):
    f = only(_found(body), rule)
    assert f.severity == "错误" and said in f.message, f.format()


# -- 张某某: a name withheld ---------------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "依法审结“张某某诉县市场监管局行政处罚案”等典型案件。",
    "当事人赵某某申请行政复议，经调解撤回申请。",
    "王某某与县自然资源局土地行政登记纠纷一案已审结。",
    "欧阳某某申请政府信息公开，依法答复。",
])
def test_a_name_withheld_after_a_surname_is_no_placeholder(body):
    assert _found(body) == []


@pytest.mark.parametrize("body", ["某某镇开展法治宣传。", "向某某部门报送备案。", "办理某某公司的申请。"])
def test_a_placeholder_without_a_surname_is_still_found(body):
    f = only(_found(body), "占位文字")
    assert "某某" in f.message


# -- a 纲要 whose term ended, looked back on ------------------------------------------------------------
@pytest.mark.parametrize("body, year", [
    ("回顾《法治政府建设实施纲要（2015—2020年）》实施以来的成果，法治政府建设迈上新台阶。", 2025),
    ("全面总结《法治政府建设实施纲要（2015—2020年）》实施经验。", 2025),
    ("全面总结《法治政府建设实施纲要（2021—2025年）》实施情况，谋划新一轮法治政府建设。", 2026),
])
def test_a_past_outline_looked_back_on_is_not_out_of_term(body, year):
    assert [f for f in _found(body, year) if f.rule == "纲要不在施行期"] == []


@pytest.mark.parametrize("body, year", [
    ("深入实施《法治政府建设实施纲要（2015—2020年）》。", 2025),
    ("贯彻落实《法治政府建设实施纲要（2021—2025年）》，总结经验。", 2026),
])
def test_a_past_outline_said_as_carried_out_is_still_found(body, year):
    only(_found(body, year), "纲要不在施行期")


# -- round 11: a rate of a change, a base named twice, a carry-over and truncation, a count's own change
@pytest.mark.parametrize("body", [
    "审批时限由20个工作日压缩到5个工作日，压缩率75%。",
    "由40份减少到30份，减少率25%。",
    "由120项精简为90项，精简比例25%。",
    "由20个工作日压缩到5个工作日，压缩率超过70%。",
    "新生儿出生等高频事项推出18个套餐，平均办理时间由5个工作日缩短到1个工作日，办理时限压缩率80%。",
    "受理案件由100件增加到120件，增长率20%。",
    "行政复议审结146件，行政诉讼审结52件，纠错18件，纠错率12.3%。",
    "新收344件，上年结转1件，审结288件，结案率83%。",
])
def test_rates_a_reviewer_signs_raise_nothing(body):
    found = [f for f in run(report(body)) if f.rule in RULES + ("比率截尾",)]
    assert found == [], [f.format() for f in found]


@pytest.mark.parametrize("body, said", [
    ("审批时限由20个工作日压缩到5个工作日，压缩率70%。", "按（20个 − 5个）÷ 20个算，应为75%"),
    ("受理案件由100件增加到120件，增长率25%。", "按（120件 − 100件）÷ 100件算，应为20%"),
])
def test_a_rate_of_a_change_is_checked_against_its_two_values(body, said):
    f = only(_found(body), "比率核算")
    assert said in f.message, f.format()


def test_a_counts_own_change_after_a_rate_is_not_the_rates():
    body = "行政许可事项网上办理比例为98%，同比提高3个百分点，办件量增长12%。"
    assert [f for f in run(report(body)) if f.rule == "比率升降单位"] == []
    f = only(run(report("网上办理比例为98%，同比上升3%。")), "比率升降单位")
    assert f.severity == "提醒"


# -- round 12 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "全年受理1386件，其中按时办结1217件、网上办理1217件。",  # qualities of the same cases overlap
    "全年受理1386件，其中重大案件800件、涉企案件800件。",
    "全县行政复议案件审结率由85%上升为90%，纠错率由12%降低为8%。",
    "受理行政复议案件100件，审结90件，其中涉企案件20件，审结20件，结案率100%。",
    "共调解案件766件，调处成功756件，复杂纠纷专项排查9起，成功调处9起，调处成功率100%。",
    "政务服务事项1286项，网上可办事项1262项，全程网办事项1037项，网办率98.1%。",
])
def test_round_12_sentences_a_reviewer_signs_raise_nothing(body):
    found = [f for f in run(report(body)) if f.rule in RULES + ("其中超总数", "比率升降单位")]
    assert found == [], [f.format() for f in found]


@pytest.mark.parametrize("body, rule", [
    ("全年受理1386件，其中网上办理800件、现场办理800件。", "其中超总数"),  # two ways a case goes: they add up
    ("受理群众诉求500件，其中按时办结300件、超期办结260件。", "其中超总数"),
    ("受理100件，办结90件，其中按时办结80件，办结率80%。", "比率核算"),  # a narrower count is no other reading
    ("政务服务事项1286项，网上可办事项1262项，全程网办事项1037项，网办率90%。", "比率核算"),
])
def test_round_12_near_misses_are_still_found(body, rule):
    only(run(report(body)), rule)


def test_a_padded_date_is_said_once():
    f = only(run(report("2026年02月06日召开专题会议。")), "日期补零")
    assert f.quote.startswith("2026年02月06日")
    only(run(report("2月06日召开专题会议，10月开展检查。")), "日期补零")
    assert [f for f in run(report("2026年2月6日召开专题会议，10月开展检查。")) if f.rule == "日期补零"] == []
