"""Each check rule fires on a small text written here, and stays silent on its near miss."""

from __future__ import annotations

import pytest

from drafter.model.catalogue import load_catalogue
from drafter.check.document import Document
from drafter.check.runner import check_document
from drafter.check.table import rule_table
from drafter.errors import FormError
from drafter.reading.parser import parse_lines

HEAD = "某县{year}年度法治政府建设情况报告"
OPENING = ("{year}年，某县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻{spirit}，"
           "深入学习贯彻习近平法治思想，统筹推进依法行政各项工作。现将有关情况报告如下：")
SPIRIT = {2023: "党的二十大精神", 2024: "党的二十大和二十届二中、三中全会精神", 2025: "党的二十大和二十届历次全会精神"}


def report(body: str, year: int = 2025, opening: str | None = None, closing: str | None = None,
           date: str | None = None) -> list[str]:
    """A complete, correct report around ``body`` (the text of its first part)."""
    lines = [HEAD.format(year=year), opening or OPENING.format(year=year, spirit=SPIRIT[year]),
             "一、主要举措和成效", body]
    lines += (closing or "二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
              "三、存在的不足和原因\n基层执法力量不足，主要是编制少、人员流动大。\n"
              f"四、{year + 1}年推进法治政府建设的主要安排\n加强执法队伍建设，开展执法人员轮训。").split("\n")
    lines += ["某县人民政府", date or f"{year + 1}年2月6日"]
    return lines


def run(lines: list[str], year: int | None = None, last: list[str] | None = None, table=None):
    cat = load_catalogue()
    doc = Document("t.txt", "txt", parse_lines(lines), cat, year, lines=lines)
    last_doc = Document("去年.txt", "txt", parse_lines(last), cat, lines=last) if last else None
    return check_document(doc, table or rule_table(), last_doc)


def rules(found) -> list[str]:
    return [f.rule for f in found]


def only(found, rule: str):
    hits = [f for f in found if f.rule == rule]
    assert len(hits) == 1, [f.format() for f in found]
    return hits[0]


def test_a_correct_report_raises_nothing():
    assert run(report("全年受理行政复议案件53件，审结50件，结案率94.3%。")) == []


# -- arithmetic ---------------------------------------------------------------------------
def test_wrong_rate_is_an_error_quoting_the_rate():
    f = only(run(report("全年受理行政复议案件53件，办结41件，结案率为87.2%。")), "比率核算")
    assert f.severity == "错误" and f.quote == "结案率为87.2%"
    assert "77.4%" in f.message and "41件" in f.message and "53件" in f.message
    assert (f.where.line, f.where.column) == (4, 21)


@pytest.mark.parametrize("stated", ["98.6%", "98.7%"], ids=["truncated", "rounded"])
def test_truncated_and_rounded_rates_are_both_right(stated):
    # never an error; truncation draws a reminder with the rounded value (比率截尾)
    found = run(report(f"共调解案件766件，调处成功756件，调处成功率为{stated}。"))
    assert [f.rule for f in found] == (["比率截尾"] if stated == "98.6%" else [])


def test_rate_of_a_name_the_catalogue_does_not_know_is_matched_by_its_stem():
    f = only(run(report("受理行政案件1117起，办结803起，抓获违法嫌疑人382人，办结率68%。")), "比率核算")
    assert "71.9%" in f.message


def test_common_alternative_base_is_a_reminder_naming_both():
    f = only(run(report("收到行政复议申请162件，受理151件，审结144件，结案率达88.89%。")), "比率口径")
    assert f.severity == "提醒" and "受理" in f.message and "收到" in f.message and "95.36%" in f.message


def test_a_rate_whose_name_holds_he_is_one_name():
    """调解和解率 is one rate (not 调解 and 解率): checked against 审结, its catalogue base."""
    text = "审结146件，作出纠错决定18件，以调解、和解方式结案41件、调解和解率{}。"
    assert run(report(text.format("28.1%"))) == []  # not 41 of the 18 纠错 as “解率”
    text = "审结146件，作出纠错决定18件，以调解和解方式结案41件，调解和解率{}。"
    assert run(report(text.format("28.1%"))) == []
    f = only(run(report(text.format("35%"))), "比率核算")
    assert f.quote == "调解和解率35%" and "28.1%" in f.message and "146件" in f.message


def test_rate_named_differently_from_its_counts_is_not_checked():
    assert run(report("双随机抽查任务39项，完成35项，公示率85.29%。")) == []


def test_hundred_percent_needs_every_case():
    f = only(run(report("热线受理诉求1000件，按时办结999件，按时办结率100%。")), "比率核算")
    assert "99.9%" in f.message


def test_a_rate_counts_only_the_figures_since_the_previous_rate():
    text = "共调解案件766件，调处成功756件，调处成功率98.7%，排查重大纠纷13起，成功调处13起，调处成功率100%。"
    assert run(report(text)) == []


def test_counts_written_with_wan_stand_for_their_range():
    assert run(report("全年办件14.6万件，其中网上办件12万件，占比82.2%。")) == []
    f = only(run(report("全年办件14.6万件，其中网上办件12万件，占比90.5%。")), "占比核算")
    assert "82.2%" in f.message


def test_share_of_a_named_whole():
    f = only(run(report("全年办件14.6万件，网上办件12万件，占办件总量的90%。")), "占比核算")
    assert f.quote == "占办件总量的90%"
    assert run(report("网上办件12万件，占全省的10%。")) == []  # a whole the text does not state


def test_breakdown_larger_than_its_total():
    f = only(run(report("发布信息300条，其中政策类200条、动态类150条。")), "其中超总数")
    assert "300条" in f.message
    assert run(report("发布信息350条，其中政策类200条、动态类150条。")) == []
    # a clause after the list is not part of it
    assert run(report("全年发布信息500条，其中通知类120条、要闻类300条，图解类80条，回应关切9条。")) == []


def test_part_larger_than_its_whole():
    only(run(report("办理行政诉讼案件40件，其中败诉50件。")), "部分大于整体")
    only(run(report("调解纠纷500件，调解成功520件，调解成功率104%。")), "部分大于整体")


def test_stated_total_against_its_parts():
    f = only(run(report("办理复议案件12件、诉讼案件30件，共计45件。")), "合计不符")
    assert "42件" in f.message
    assert run(report("办理复议案件12件、诉讼案件30件，共计42件。")) == []


def test_year_on_year_against_last_years_figure_in_the_text():
    f = only(run(report("办件量162件，上年为138件，同比增长12.3%。")), "同比核算")
    assert "17.4%" in f.message
    assert run(report("办件量162件，上年为138件，同比增长17.4%。")) == []
    only(run(report("办件量162件，上年为138件，同比下降17.4%。")), "同比核算")


def test_year_on_year_from_a_stated_difference_or_a_year_after_the_change():
    assert run(report("收到申请162件，同比增加24件，增长17.4%。")) == []
    only(run(report("收到申请162件，同比增加24件，增长20%。")), "同比核算")
    assert run(report("全年新收复议案件216件，同比增长20%（2024年为180件）。")) == []


def test_bare_share_after_a_breakdown():
    assert run(report("全年受理案件120件，其中行政处罚案件100件，占83.3%。")) == []
    only(run(report("全年受理案件120件，其中行政处罚案件100件，占88.3%。")), "占比核算")


def test_parts_under_qizhong_or_han_are_never_the_base():
    assert run(report("全年办理行政复议案件45件，其中新收40件、上年结转5件，审结42件，结案率93.3%。")) == []
    assert run(report("办理行政复议案件154件（含上年结转12件），审结146件，结案率94.8%。")) == []


def test_a_rate_with_another_qualifier_is_not_tied_to_the_count():
    assert run(report("受理行政复议申请98件，受理前化解23件，实质性化解率达85%。")) == []


def test_year_on_year_against_last_years_report():
    last = report("全年收到行政复议申请138件。", year=2024)
    assert run(report("全年收到行政复议申请162件，同比上升17.4%。"), last=last) == []
    f = only(run(report("全年收到行政复议申请162件，同比上升20%。"), last=last), "同比核算")
    assert "去年的报告" in f.message


def test_change_of_a_rate_in_percent_is_a_reminder():
    f = only(run(report("群众回访满意率达到96.1%，同比上升2.1%。")), "比率升降单位")
    assert f.severity == "提醒"
    assert run(report("群众回访满意率达到96.1%，同比提高2.1个百分点。")) == []


def test_implausible_change_is_a_reminder_not_an_error():
    found = run(report("办件量1380件，上年为138件，同比增长900%。"))
    assert rules(found) == ["同比异常"] and found[0].severity == "提醒"


def test_figure_beyond_the_catalogue_bounds():
    f = only(run(report("全年收到行政复议申请500000件。")), "超出合理范围")
    assert f.severity == "提醒"


# -- required contents --------------------------------------------------------------------
def test_missing_part_names_it_and_where_it_stands():
    closing = "二、存在的不足和原因\n基层力量不足，原因是编制少。\n三、2026年推进法治政府建设的主要安排\n开展轮训。"
    f = only(run(report("做了很多工作。", closing=closing)), "缺少必需部分")
    assert f.severity == "错误" and "第一责任人" in f.message
    assert "之后" in f.hint and "之前" in f.hint


def test_problems_and_next_steps_merged_in_one_closing_paragraph_count():
    closing = ("二、落实第一责任人职责，加强组织领导\n主要负责人带头学法，专题研究法治工作。\n"
               "三、强化执法监督，规范执法行为\n开展案卷评查。"
               "过去一年成效明显，但也存在一些不足，主要是基层力量薄弱，原因是人员流动大。下一步，我们将加强队伍建设。")
    assert "缺少必需部分" not in rules(run(report("做了很多工作。", closing=closing)))


def test_problems_without_causes():
    closing = ("二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
               "三、存在的不足\n基层执法力量不足。\n四、2026年推进法治政府建设的主要安排\n开展轮训。")
    assert rules(run(report("做了很多工作。", closing=closing))) == ["缺少原因"]


# -- political formulas -------------------------------------------------------------------
@pytest.mark.parametrize("year, spirit, expected", [
    (2024, "党的十九大精神", ["会议精神过时"]),
    (2025, "党的二十大和二十届二中、三中全会精神", ["会议精神过时"]),
    (2025, "党的二十大和二十届三中、四中全会精神", ["会议精神不全"]),
    (2023, "党的二十大和二十届三中全会精神", ["会议精神过时"]),
    (2025, "党的二十大和二十届二中、三中、四中全会精神", []),
    (2025, "党的二十大和二十届历次全会精神", []),
    (2023, "党的二十大精神", []),
], ids=["19th-in-2024", "stale-plenums", "missing-plenum", "not-yet-held", "all-plenums", "all-sessions", "plain"])
def test_congress_and_plenum_formula_by_year(year, spirit, expected):
    opening = OPENING.format(year=year, spirit=spirit)
    assert rules(run(report("做了很多工作。", year=year, opening=opening))) == expected


def test_outline_not_in_force():
    opening = OPENING.format(year=2024, spirit=SPIRIT[2024]) + "对照《法治政府建设实施纲要（2015—2020年）》。"
    f = only(run(report("做了很多工作。", year=2024, opening=opening)), "纲要不在施行期")
    assert f.quote == "法治政府建设实施纲要（2015—2020年）"
    ok = OPENING.format(year=2024, spirit=SPIRIT[2024]) + "对照《法治政府建设实施纲要（2021—2025年）》。"
    assert run(report("做了很多工作。", year=2024, opening=ok)) == []


@pytest.mark.parametrize("wrong", ["习近平法制思想", "习近平新时代中国特色社会主意思想", "习近平新时代特色社会主义思想"])
def test_misspelt_thought_formulas(wrong):
    f = only(run(report(f"认真学习{wrong}。")), "表述错字")
    assert f.quote == wrong


def test_other_thoughts_are_not_misspellings():
    assert run(report("认真学习习近平经济思想、习近平生态文明思想。")) == []


def test_year_outside_the_formula_data_is_said():
    lines = report("做了很多工作。", date="2032年2月6日")
    lines[1] = lines[1].replace("2025年", "2031年")  # (an opening of another year is its own reminder)
    assert rules(run(lines, year=2031)) == ["表述数据缺失"]


# -- typography ---------------------------------------------------------------------------
def test_half_width_punctuation_in_chinese_text():
    f = only(run(report("全年受理行政复议案件53件,审结50件。")), "半角标点")
    assert (f.where.line, f.where.column) == (4, 14)
    assert run(report("网站访问量达www.gov.cn的3.5倍。")) == []


def test_many_half_width_marks_are_one_finding():
    body = "".join(f"第{i}项工作,已完成;" for i in range(30)) + "。"
    f = only(run(report(body)), "半角标点")
    assert "60处" in f.message


@pytest.mark.parametrize("text, rule", [
    ("今年3-5月开展专项行动。", "连接号"),
    ("完成《规划（2021--2025年）》。", "连接号"),
    ("于2025年03月5日召开会议。", "日期补零"),
    ("于2025.3.5召开会议。", "日期写法"),
    ("办理案件１２件。", "全角数字"),
    ("受理率93.2 %。", "百分号空格"),
    ("开展活动，，效果明显。", "重复标点"),
    ("推行“放管服改革。", "括号引号不成对"),
    ("完善制度（试行。", "括号引号不成对"),
])
def test_typography(text, rule):
    assert rules(run(report(text))) == [rule]


@pytest.mark.parametrize("text", ["今年3—5月开展专项行动。", "完成《规划（2021—2025年）》。", "于2025年3月5日召开会议。",
                                  "推行“放管服”改革。", "电话0916-1234567。"])
def test_typography_near_misses(text):
    assert run(report(text)) == []


def test_heading_numbers_that_skip_restart_or_use_the_wrong_mark():
    lines = report("（一）加强复议工作。做了工作。")
    lines[4:4] = ["（三）加强执法。做了工作。", "1、规范执法。做了工作。"]
    found = run(lines)
    assert rules(found) == ["标题编号", "序号标点"]
    assert "跳到了“（三）”" in found[0].message


# -- leftovers and the date -----------------------------------------------------------------
def test_placeholder_text_left_in():
    f = only(run(report("在这里写具体做法、取得的成效。")), "占位文字")
    assert f.quote.startswith("在这里写")


def test_empty_section():
    lines = report("（一）加强复议工作。做了工作。")
    lines.insert(4, "（二）规范行政执法")
    assert rules(run(lines)) == ["空节"]


@pytest.mark.parametrize("date, expected", [
    ("2025年12月20日", ["成文日期过早"]),
    ("2026年3月5日", ["成文日期过晚"]),
    ("2026年2月28日", []),
])
def test_written_date(date, expected):
    assert rules(run(report("做了很多工作。", date=date))) == expected


def test_missing_date():
    lines = report("做了很多工作。")[:-1]
    assert rules(run(lines)) == ["成文日期缺失"]


def test_unknown_year_is_said_and_year_option_fills_it():
    lines = report("做了很多工作。")
    lines[0] = "某县法治政府建设情况报告"
    lines[1] = lines[1].replace("2025年，", "")
    assert "年度不明" in rules(run(lines))
    assert run(lines, year=2025) == []


# -- last year's promises -------------------------------------------------------------------
LAST = report("做了很多工作。", year=2024, closing=(
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
    "三、存在的不足和原因\n基层力量不足，主要是编制少。\n四、2025年推进法治政府建设的主要安排\n"
    "（一）推进复议体制改革。设立复议咨询服务窗口，推行繁简分流审理。\n"
    "（二）建设法治文化阵地。建成宪法主题公园和法治广场。"))


@pytest.mark.slow
def test_promise_kept_is_silent_and_promise_dropped_is_a_reminder():
    this = report("设立复议咨询服务窗口，推行繁简分流审理，平均审理期限缩短。")
    f = only(run(this, last=LAST), "承诺未落实")
    assert f.quote.startswith("建设法治文化阵地") and f.severity == "提醒"
    assert f.where.file == "去年.txt"
    both = report("设立复议咨询服务窗口，推行繁简分流审理。建成宪法主题公园和法治广场。")
    assert run(both, last=LAST) == []


# -- the table is data ----------------------------------------------------------------------
def test_office_can_switch_a_rule_off_or_change_its_severity(tmp_path):
    cfg = tmp_path / "设置.yaml"
    cfg.write_text("检查规则:\n  比率口径: 关闭\n  空节: 提醒\n", encoding="utf-8")
    table = rule_table(cfg)
    assert run(report("收到行政复议申请162件，受理151件，审结144件，结案率达88.89%。"), table=table) == []
    lines = report("（一）加强复议工作。做了工作。")
    lines.insert(4, "（二）规范行政执法")
    assert only(run(lines, table=table), "空节").severity == "提醒"


def test_bad_rule_override_is_located(tmp_path):
    cfg = tmp_path / "设置.yaml"
    cfg.write_text("检查规则:\n  比率口经: 关闭\n  空节: 严重\n", encoding="utf-8")
    with pytest.raises(FormError) as err:
        rule_table(cfg)
    text = err.value.format()
    assert f"{cfg}:2:3" in text and "是不是“比率口径”" in text
    assert f"{cfg}:3:7" in text and "严重" in text
