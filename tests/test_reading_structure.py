"""The shapes real reports take, each from a small text written here (issue 11 §1): pages
run together on one line, every kind of heading number, levels by position, unnumbered
lead sentences, 一是 paragraphs as section leads, and the elements around the body."""

from __future__ import annotations

import pytest

from drafter.reading.parser import clean_lines, number_value, parse_lines

TITLE = "某县人民政府关于2025年度法治政府建设情况的报告"


def outline(report) -> list[tuple[int, str, str]]:
    return [(s.level, s.number, s.heading) for s in report.walk()]


# -- a page on one line --------------------------------------------------------------------
ONE_LINE = (f"{TITLE} 县委、县人大常委会： 2025年，某县坚持依法行政，各项工作稳步推进。现将有关情况报告如下。"
            "一、主要举措和成效 （一）加强组织领导。县政府常务会议专题研究法治工作4次。"
            "（二）规范行政执法。全年评查案卷120卷，合格率98%。 二、存在的不足 基层执法力量仍然薄弱，队伍专业化程度不高。"
            "三、下一步工作安排 （一）加强队伍建设。组织执法人员轮训。 某县人民政府 2026年2月6日 （此件公开发布）")


def test_a_report_on_one_line_is_read_as_paragraphs():
    r = parse_lines([ONE_LINE])
    assert r.title == TITLE and r.addressee == "县委、县人大常委会"
    assert r.opening[0].text.startswith("2025年，某县")
    assert outline(r) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导。"), (2, "（二）", "规范行政执法。"),
                          (1, "二、", "存在的不足"), (1, "三、", "下一步工作安排"), (2, "（一）", "加强队伍建设。")]
    assert r.signature == "某县人民政府" and r.date == "2026年2月6日" and r.notes == ["（此件公开发布）"]


def test_run_together_text_keeps_its_places():
    r = parse_lines([ONE_LINE])
    sec = next(s for s in r.walk() if s.heading == "规范行政执法。")
    line, column = sec.origin.locate(0)
    assert line == 1 and ONE_LINE[column - 1:].startswith("规范行政执法")


def test_ordinary_lines_are_not_split():
    text = "全年收到申请52件。其中（一）类12件，二类40件。" * 10
    assert clean_lines([text]) == [text]
    assert clean_lines(["一、二季度各开展一次督察。" * 12]) == ["一、二季度各开展一次督察。" * 12]


# -- kinds of number ---------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["1.", "1、", "1．", "（1）", "(1)", "1)", "①", "（一）", "(一)", "一)"])
def test_every_kind_of_number_under_a_part_is_its_second_level(number):
    second = number.replace("1", "2").replace("一", "二").replace("①", "②")
    r = parse_lines([TITLE, "一、主要成效", f"{number}加强组织领导。会议研究4次。", f"{second}规范执法。评查案卷40卷。",
                     "二、存在问题", "力量薄弱。"])
    assert [(lvl, h) for lvl, _, h in outline(r)] == [(1, "主要成效"), (2, "加强组织领导。"), (2, "规范执法。"),
                                                      (1, "存在问题")]


def test_stray_spaces_and_full_width_forms():
    r = parse_lines([TITLE, "一 、主要成效", "（ 一 ）加强领导", "1 .完善制度。制定办法3件。", "二、存在问题", "不足。"])
    assert [lvl for lvl, _, _ in outline(r)] == [1, 2, 3, 1]


def test_numbers_have_values():
    assert [number_value(n) for n in ["三、", "（十二）", "12.", "④", "第二部分", "二十一、"]] == [3, 12, 12, 4, 2, 21]


# -- levels by position ------------------------------------------------------------------------
def test_a_kind_directly_under_a_part_is_the_second_level_and_usual_order_is_kept():
    r = parse_lines([TITLE, "一、主要成效", "1、加强领导", "（1）会议学法", "2、规范执法", "（一）另一种编号", "二、问题"])
    assert [lvl for lvl, _, _ in outline(r)] == [1, 2, 3, 2, 2, 1]


def test_a_second_one_inside_a_part_is_a_sublevel():
    r = parse_lines([TITLE, "一、主要举措和成效", "一、加强党的领导", "正文。", "二、优化营商环境", "正文。",
                     "（一）推进改革", "二、存在的问题", "不足。", "三、下一步安排", "安排。"])
    assert outline(r) == [(1, "一、", "主要举措和成效"), (2, "一、", "加强党的领导"), (2, "二、", "优化营商环境"),
                          (3, "（一）", "推进改革"), (1, "二、", "存在的问题"), (1, "三、", "下一步安排")]


def test_restarted_numbering_of_parts_stays_at_the_top():
    r = parse_lines([TITLE, "一、坚持党的领导", "正文。", "二、优化营商环境", "正文。", "三、规范执法", "正文。",
                     "二、存在的不足", "不足。", "三、2026年工作思路", "思路。"])
    assert [lvl for lvl, _, _ in outline(r)] == [1] * 5


# -- headings without numbers -------------------------------------------------------------------
def test_unnumbered_lead_sentences_are_run_in_headings():
    r = parse_lines([TITLE, "一、主要成效", "（一）加强学习培训",
                     "强化分层分类学习培训。组织领导干部专题学法4次，覆盖全体班子成员。",
                     "抓实执法人员轮训。全年轮训执法人员620人次，考试合格率100%。",
                     "推进以案释法。发布典型案例12个，在媒体专栏持续刊播。", "二、存在问题", "不足。"])
    sec = r.sections[0].sections[0]
    assert [(s.level, s.heading, s.run_in) for s in sec.sections] == [
        (3, "强化分层分类学习培训。", True), (3, "抓实执法人员轮训。", True), (3, "推进以案释法。", True)]
    assert sec.sections[1].paragraphs[0].text.startswith("全年轮训执法人员620人次")


def test_ordinary_paragraphs_are_not_made_headings():
    r = parse_lines([TITLE, "一、主要成效", "（一）加强学习培训",
                     "全年组织领导干部专题学法4次，覆盖全体班子成员。其余按计划推进。",
                     "我们坚持问题导向。全年轮训执法人员620人次，考试合格率100%。", "二、存在问题", "不足。"])
    assert not r.sections[0].sections[0].sections


def test_yishi_paragraphs_are_section_leads_and_still_items():
    from drafter.model.catalogue import load_catalogue
    from drafter.reading.analysis import Analysis
    from drafter.reading.promises import next_steps

    r = parse_lines([TITLE, "一、主要成效", "工作推进有序。", "二、存在问题", "不足。", "三、下步安排",
                     "一是持续学习贯彻法治思想。把法治思想列入常务会议学法内容。", "二是压实法治建设责任。开展述法评议。",
                     "三是推进综合行政执法改革。完善乡镇执法队伍。"])
    Analysis(r, load_catalogue())
    part = r.sections[2]
    assert [(s.level, s.number, s.heading) for s in part.sections] == [
        (2, "一是", "持续学习贯彻法治思想。"), (2, "二是", "压实法治建设责任。"), (2, "三是", "推进综合行政执法改革。")]
    assert [p.heading for p in next_steps(r)] == [s.heading for s in part.sections]


def test_an_inline_enumeration_stays_a_paragraph():
    r = parse_lines([TITLE, "一、存在问题", "一是基层力量薄弱；二是培训不够。", "二是另起一段说明。"])
    assert not r.sections[0].sections


# -- around the body ----------------------------------------------------------------------------
def test_dates_in_chinese_numerals_and_two_issuers():
    r = parse_lines([TITLE, "一、主要成效", "正文。", "中共某县委员会", "某县人民政府", "二〇二六年二月六日", "（此件公开发布）"])
    assert r.date == "二〇二六年二月六日" and r.notes == ["（此件公开发布）"]
    assert r.signature == "中共某县委员会　某县人民政府"
    assert r.sections[0].paragraphs[0].text == "正文。"


def test_a_last_body_line_is_not_taken_for_a_second_issuer():
    r = parse_lines([TITLE, "一、主要成效", "加强学习", "某县人民政府", "2026年2月6日"])
    assert r.signature == "某县人民政府" and r.sections[0].paragraphs[0].text == "加强学习"
