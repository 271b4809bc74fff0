"""Figures as real reports write them (issue 11 §3), each from a small text written here."""

from __future__ import annotations

import pytest

from drafter.model.catalogue import load_catalogue
from drafter.reading.figure_finder import excerpt, extract, han_value, map_to_catalogue


def found(text: str) -> list[tuple]:
    return [(f.text, f.value, f.unit, f.approx) for f in extract(text)]


@pytest.mark.parametrize("text, expected", [
    ("培训1.2万余人次", [("1.2万余人次", 12000, "人次", "余")]),
    ("千余人参加", [("千余人", 1000, "人", "余")]),
    ("近千户受益", [("近千户", 1000, "户", "近")]),
    ("上万人次观看", [("上万人次", 10000, "人次", "多")]),
    ("办件量2.6万件", [("2.6万件", 26000, "件", "")]),
    ("抽查企业312户次，检查856家次，办理120件次", [("312户次", 312, "户次", ""), ("856家次", 856, "家次", ""),
                                               ("120件次", 120, "件次", "")]),
    ("开展活动56场次", [("56场次", 56, "场次", "")]),
    ("合格率 98.5 %", [("98.5 %", 98.5, "%", "")]),
    ("办理案件（52件）", [("52件", 52, "件", "")]),
    ("召开会议两次，建成十二个站点", [("两次", 2, "次", ""), ("十二个", 12, "个", "")]),
    ("审查236 项", [("236 项", 236, "项", "")]),
])
def test_figures_as_reports_write_them(text, expected):
    assert found(text) == expected


def test_a_range_is_read_as_its_lower_end():
    (f,) = extract("每月开展3至5次")
    assert (f.value, f.upper, f.unit) == (3, 5, "次")
    (g,) = extract("培训2—3万人次")
    assert (g.value, g.upper) == (20000, 30000)


@pytest.mark.parametrize("text", [
    "严格落实三项制度", "做到两个维护", "增强四个意识", "一次性告知", "高效办成一件事", "第三次会议",
    "六届二次全会", "“两个一百年”", "印发《关于优化营商环境的23条措施》", "2025年", "〔2024〕12号", "排名第3名",
])
def test_not_figures(text):
    assert extract(text) == []


@pytest.mark.parametrize("numeral, value", [("两", 2), ("十二", 12), ("二十", 20), ("一百二十", 120),
                                            ("三千五百", 3500), ("一万二千", 12000), ("千", 1000), ("二三", None)])
def test_chinese_numerals(numeral, value):
    assert han_value(numeral) == value


@pytest.mark.parametrize("text, expected", [
    # the group is the subject of the clause, not the nearest keyword
    ("全年办理行政诉讼案件45件，审结38件，败诉2件。", ["行政应诉.案件", "行政应诉.审结", "行政应诉.败诉"]),
    ("收到行政复议申请52件，审结48件；行政应诉案件30件，审结25件。",
     ["行政复议.收到申请", "行政复议.审结", "行政应诉.案件", "行政应诉.审结"]),
])
def test_a_figure_goes_to_the_group_its_clause_is_about(text, expected):
    figures = extract(text)
    map_to_catalogue(figures, text, load_catalogue())
    assert [f.maps_to for f in figures] == expected


def test_excerpts_are_whole_sentences_or_bounded_clauses():
    text = "全年收到申请52件，审结48件。" + "受理案件12件，" * 50 + "完毕。"
    assert excerpt(text, text.index("48件"), text.index("48件") + 3) == "全年收到申请52件，审结48件。"
    at = text.index("12件", 200)
    cut = excerpt(text, at, at + 3)
    assert cut.startswith("受理案件12件") and len(cut) < 80
