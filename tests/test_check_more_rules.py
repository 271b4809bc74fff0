"""check's rules for what real reports get wrong (issue 19 §2), each firing on its case and
silent on its near miss: no congress formula at all, a malformed 纲要 name, 、 between quoted
items, a character typed twice, figures of part of the year, a rate right only by truncation."""

from __future__ import annotations

import pytest

from test_check_rules import report, run

NO_SPIRIT = "2025年，我县坚持依法行政，推进法治政府建设，取得新成效。"


def _rule(found, rule):
    return [f for f in found if f.rule == rule]


def test_a_report_that_never_names_the_congress_gets_a_reminder():
    found = _rule(run(report("全面推进依法行政。", opening=NO_SPIRIT)), "会议精神不全")
    assert len(found) == 1 and found[0].severity == "提醒" and "全文没有写2025年度" in found[0].message


def test_a_report_that_names_it_gets_none():
    assert _rule(run(report("全面推进依法行政。")), "会议精神不全") == []
    opening = "2025年，全面贯彻党的二十大和二十届二中、三中、四中全会以及中央全面依法治国工作会议精神。"
    assert _rule(run(report("全面推进依法行政。", opening=opening)), "会议精神不全") == []


def test_a_wrong_dash_in_the_outline_name_is_said_once():
    opening = "2025年，全面贯彻党的二十大和二十届历次全会精神，对照《法治政府建设实施纲要（2021-2025年）》，推进依法行政。"
    found = run(report("全面推进依法行政。", opening=opening))
    assert [f.rule for f in found if f.rule in ("纲要名称", "连接号")] == ["连接号"]


@pytest.mark.parametrize("cited, said", [
    ("法治政府建设实施纲要(2021-2025)", "没有加书名号《》；括号应当用全角的（）；年份后面缺“年”"),
    ("《法治政府建设实施纲要（2021—2025）》", "年份后面缺“年”"),
    ("《法治政府建设实施纲要(2021—2025)》", "括号应当用全角的（）；年份后面缺“年”"),
    ("法治政府建设实施纲要（2021—2025年）", "没有加书名号《》"),
    ("《法治政府建设实施纲要（2020—2025年）》", "没有“2020—2025年”的法治政府建设实施纲要"),
])
def test_a_malformed_outline_name_is_said(cited, said):
    opening = f"2025年，我县全面贯彻党的二十大和二十届历次全会精神，对照{cited}，推进依法行政。"
    found = _rule(run(report("全面推进依法行政。", opening=opening)), "纲要名称")
    assert len(found) == 1 and said in found[0].message and found[0].severity == "错误", [f.format() for f in found]


@pytest.mark.parametrize("cited", ["《法治政府建设实施纲要（2021—2025年）》", "《法治政府建设实施纲要（2015—2020年）》",
                                   "法治政府建设实施纲要", "《法治社会建设实施纲要（2020—2025年）》",
                                   "《国务院关于印发〈法治政府建设实施纲要（2021—2025年）〉的通知》",
                                   "《市法治政府建设实施纲要（2021—2025年）》"])
def test_a_right_outline_name_or_a_mention_without_years_says_nothing(cited):
    opening = f"2025年，我县全面贯彻党的二十大和二十届历次全会精神，对照{cited}，推进依法行政。"
    assert _rule(run(report("全面推进依法行政。", opening=opening)), "纲要名称") == []


@pytest.mark.parametrize("body, count", [
    ("深化“放管服”、“一网通办”改革。", 1),
    ("学习《宪法》、《行政复议法》、《行政诉讼法》。", 2),
    ("深化“放管服”“一网通办”改革，学习《宪法》《行政复议法》。", 0),
    ("深化“放管服”（简政放权）、“一网通办”改革。", 0),
])
def test_a_comma_between_quoted_items_is_a_reminder(body, count):
    found = _rule(run(report(body)), "引号间顿号")
    assert len(found) == count and all(f.severity == "提醒" for f in found)


@pytest.mark.parametrize("body, count", [
    ("推进的的改革。", 1),
    ("这是是一项重要工作。", 1),
    ("在在全县推开。", 1),
    # a word beside the character: 目的的, 在在线, 是是非非, 就是是否, 的的确确, 二是是 (列举编号 says it)
    ("实现目的的手段多样。", 0), ("群众在在线平台办理。", 0), ("是是非非要分清。", 0), ("关键就是是否合法。", 0),
    ("的的确确有进步。", 0), ("一是加强学习；二是是规范执法。", 0),
])
def test_a_character_typed_twice_is_a_reminder_unless_a_word_explains_it(body, count):
    assert len(_rule(run(report(body)), "重复字")) == count


@pytest.mark.parametrize("body, count", [
    ("1—10月，全县受理行政复议案件100件。", 1),
    ("2025年1至10月受理行政复议案件100件。", 1),
    ("截至10月底，全县受理行政复议案件100件。", 1),
    ("截至2025年11月30日，受理行政复议案件100件。", 1),
    ("前三季度受理行政复议案件100件。", 1),
    # the whole year, another year, or when something happened (no figure counted)
    ("1—12月受理行政复议案件100件。", 0),
    ("截至2024年10月底累计受理行政复议案件100件。", 0),
    ("上半年，我县通过示范县验收，全省46个县参评。", 0),
    ("截至目前受理行政复议案件100件。", 0),
])
def test_figures_of_part_of_the_year_are_a_reminder(body, count):
    found = _rule(run(report(body)), "全年数据不全")
    assert len(found) == count and all(f.severity == "提醒" for f in found)


@pytest.mark.parametrize("body, should", [
    ("受理行政复议案件766件，办结756件，办结率98.6%。", "98.7%"),
    ("受理行政复议案件3件，办结2件，办结率66.6%。", "66.7%"),
])
def test_a_rate_right_only_by_truncation_is_a_reminder_with_the_rounded_value(body, should):
    found = run(report(body))
    hits = _rule(found, "比率截尾")
    assert len(hits) == 1 and should in hits[0].message and hits[0].severity == "提醒"
    assert _rule(found, "比率核算") == []


@pytest.mark.parametrize("body", [
    "受理行政复议案件766件，办结756件，办结率98.7%。",
    "受理行政复议案件1.6万件，办结1.5万件，办结率93.7%。",
    "受理行政复议案件766件，办结756件，办结率约98.6%。",
    "受理行政复议案件3件，办结3件，办结率100%。",
])
def test_a_rounded_rate_or_one_of_rounded_counts_says_nothing(body):
    assert _rule(run(report(body)), "比率截尾") == []


def test_a_finding_on_words_that_stand_twice_in_a_line_points_at_its_own_place():
    lines = report("群众在在线平台上办理，在在全县推开。")
    found = _rule(run(lines), "重复字")
    assert len(found) == 1 and (found[0].where.line, found[0].where.column) == (4, 12)
