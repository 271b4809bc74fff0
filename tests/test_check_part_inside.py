"""check: the leaders' duty written inside 成效 (a sub-section, or an item of a paragraph) is
not a missing part (issue 19 §1): a reminder says where it is and suggests a part of its own;
only a report that gives no account of it in 成效 is missing it."""

from __future__ import annotations

import pytest

from test_check_rules import report, rules, run

WITHOUT = ("二、存在的不足和原因\n基层执法力量不足，主要是编制少、人员流动大。\n"
           "三、2026年推进法治政府建设的主要安排\n加强执法队伍建设，开展执法人员轮训。")


@pytest.mark.parametrize("body", [
    "一是带头学法。县政府主要负责人认真履行推进法治建设第一责任人职责，主持专题学习4次。",
    "（一）党政主要负责人履行推进法治建设第一责任人职责\n县长带头学法，主持常务会议学法4次。",
])
def test_the_duty_written_inside_results_is_a_reminder_where_it_is(body):
    found = run(report(body, closing=WITHOUT))
    assert "缺少必需部分" not in rules(found)
    hit = [f for f in found if f.rule == "部分未单列"]
    assert len(hit) == 1 and hit[0].severity == "提醒" and "第一责任人" in hit[0].quote


def test_a_report_with_the_part_of_its_own_gets_neither():
    found = run(report("县政府主要负责人认真履行推进法治建设第一责任人职责，主持专题学习4次。"))
    assert not {"缺少必需部分", "部分未单列"} & set(rules(found))


@pytest.mark.parametrize("closing", [
    WITHOUT,
    # named only among the shortcomings: no account of what the leaders did
    WITHOUT.replace("人员流动大。", "人员流动大；个别部门主要负责人履行第一责任人职责不到位。"),
])
def test_no_account_in_results_is_still_a_missing_part(closing):
    found = run(report("全面推进依法行政，规范执法行为。", closing=closing))
    assert "缺少必需部分" in rules(found) and "部分未单列" not in rules(found)
