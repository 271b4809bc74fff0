"""Reading real reports: parser, classifier and figure extractor on small texts written here."""

from __future__ import annotations

import pytest

from drafter.model.catalogue import load_catalogue
from drafter.reading.analysis import Analysis
from drafter.reading.classify import UNCLASSIFIED, classify, part_role, theme_of
from drafter.reading.figure_finder import extract, map_to_catalogue, tie_rates
from drafter.reading.parser import MAX_LEVEL, clean_lines, enumerations, number_of, parse_lines, split_heading

PAGE = """首页 > 政务公开 > 法治政府建设
某某县人民政府关于2025年度法治政府建设情况的报告
发布时间:2026-02-10 浏览次数:12
2025年以来,某某县坚持依法行政,各项工作稳步推进。现将有关情况报告如下:
一、主要举措和成效
(一)推进严格规范公正文明执法
1.落实执法三项制度。全年办理行政处罚案件320件,同比下降5%。
2.开展案卷评查。评查案卷40卷,合格38卷,合格率95%。
(二)化解矛盾纠纷
全年收到行政复议申请52件,审结48件,纠错6件,纠错率12.5%
。另有12件在受理前化解。
三、存在的问题
一是基层执法力量薄弱;二是普法针对性不强。
四、下一步工作安排
(一)加强执法队伍建设。开展全员轮训。
扫一扫在手机打开当前页面
某某县人民政府
2026年2月6日
"""


@pytest.fixture(scope="module")
def page():
    return parse_lines(PAGE.splitlines())


def test_chrome_title_and_metadata_are_dropped(page):
    assert page.title == "某某县人民政府关于2025年度法治政府建设情况的报告"
    assert [p.text[:11] for p in page.opening] == ["2025年以来，某某县"]


def test_signature_and_date_at_the_end(page):
    assert (page.signature, page.date) == ("某某县人民政府", "2026年2月6日")


def test_levels_from_numbering_even_when_it_skips(page):
    tops = page.sections
    assert [(s.number, s.heading) for s in tops] == [
        ("一、", "主要举措和成效"), ("三、", "存在的问题"), ("四、", "下一步工作安排")]
    sub = tops[0].sections
    assert [s.heading for s in sub] == ["推进严格规范公正文明执法", "化解矛盾纠纷"]
    items = sub[0].sections
    assert [(s.level, s.heading, s.run_in) for s in items] == [
        (3, "落实执法三项制度。", True), (3, "开展案卷评查。", True)]


def test_broken_line_is_joined(page):
    text = page.sections[0].sections[1].paragraphs[0].text
    assert text.endswith("纠错率12.5%。另有12件在受理前化解。")


def test_half_width_punctuation_is_read_as_full_width(page):
    assert "，" in page.opening[0].text and "," not in page.opening[0].text


@pytest.mark.parametrize("line, expected", [
    ("一、总体情况", (1, "一、", "总体情况")),
    ("第二部分 存在的问题", (0, "第二部分 ", "存在的问题")),  # a part, above the 一、 headings
    ("（三）加强审查", (2, "（三）", "加强审查")),
    ("12.规范执法。全年……", (3, "12.", "规范执法。全年……")),
    ("（2）细化清单", (4, "（2）", "细化清单")),
    ("2025年，全县……", None),
    ("3.5万人次参加", None),
    ("一是加强学习", None),
])
def test_heading_numbers(line, expected):
    found = number_of(line)
    assert ((min(found.kind.rank, MAX_LEVEL), found.number, found.rest) if found else None) == expected


@pytest.mark.parametrize("rest, expected", [
    ("加强审查。全年审查12件。", ("加强审查。", "全年审查12件。")),
    ("坚持转变职能，营商环境持续优化一是深化改革。", ("坚持转变职能，营商环境持续优化", "一是深化改革。")),
    ("加强审查", ("加强审查", "")),
])
def test_run_in_headings(rest, expected):
    assert split_heading(rest) == expected


def test_enumerations():
    assert enumerations("一是加强学习；二是完善制度；三是强化督察。") == ["一是加强学习；", "二是完善制度；", "三是强化督察。"]
    assert enumerations("全年开展培训3次。") == []


def test_clean_lines_drops_blank_and_replacement_characters():
    assert clean_lines(["  ", "甲\ufffd乙", "。丙"]) == ["甲乙。丙"]


@pytest.mark.parametrize("heading, role", [
    ("主要举措和成效", "成效"), ("工作开展情况", "成效"), ("存在问题", "问题"), ("存在的主要不足", "问题"),
    ("下一步工作安排", "下一步"), ("下步安排", "下一步"), ("2026年工作思路", "下一步"),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "第一责任人"), ("其他需要报告的情况", "其他"),
    ("坚持党的领导，着力解决群众反映的突出问题", None),
])
def test_part_roles(heading, role):
    assert part_role(heading)[0] == role


def test_thematic_parts_take_their_role_from_position():
    r = classify(parse_lines(["一、坚持依法决策，提升决策质量", "全年审查重大行政决策7项。",
                              "二、强化执法监督，规范执法行为", "评查案卷40卷。", "三、存在的不足", "基层力量薄弱。"]),
                 load_catalogue())
    assert [(s.role, s.role_confidence) for s in r.sections] == [("成效", 0.6), ("成效", 0.6), ("问题", 0.95)]


def test_closing_paragraph_holds_two_roles():
    r = classify(parse_lines(["一、严格执法，规范监管", "全年办理行政处罚案件30件。",
                              "一年来成效明显，但仍存在基层力量不足等问题。下一步，我们将继续加强队伍建设。"]),
                 load_catalogue())
    assert r.sections[0].paragraphs[-1].roles == ["问题", "下一步"]


@pytest.mark.parametrize("heading, body, theme", [
    ("发挥行政复议主渠道作用", "全年收到行政复议申请52件，行政机关负责人出庭应诉率100%。", "矛盾纠纷化解"),
    ("深化放管服改革", "推进一网通办，政务服务事项全部网上可办。", "政府职能"),
    ("规范性文件管理", "所有规范性文件均经合法性审核并按时备案。", "制度建设"),
    ("扎实开展法治宣传", "落实谁执法谁普法责任制，培养法律明白人。", "普法"),
])
def test_themes(heading, body, theme):
    assert theme_of(heading, body, load_catalogue())[0] == theme


def test_thin_evidence_is_unclassified():
    assert theme_of("做好其他工作", "按要求完成上级交办的任务。", load_catalogue())[0] == UNCLASSIFIED
    assert theme_of("做好其他工作", "", load_catalogue()) == (UNCLASSIFIED, 0.0)


def test_figures_with_units_scale_and_approximation():
    found = extract("培训执法人员1.2万余人次，办理案件近300件，覆盖群众超过5万人，投入资金2.5亿元。")
    got = [(f.label, f.value, f.unit, f.approx) for f in found]
    assert got == [("培训执法人员", 12000, "人次", "余"), ("办理案件", 300, "件", "近"),
                   ("覆盖群众", 50000, "人", "多"), ("投入资金", 2.5, "亿元", "")]


@pytest.mark.parametrize("text", [
    "2025年，全县推进三项制度。",
    "根据〔2024〕12号文件部署。",
    "考核位列全市第3名，连续3年进入前3。",
    "1—10月开展八五普法宣传。",
    "12345热线运行平稳。",
])
def test_not_figures(text):
    assert [f for f in extract(text) if f.kind == "count"] == []


def test_percentage_tied_to_its_counts_and_mapped():
    text = "全年收到行政复议申请52件，审结48件，纠错6件，纠错率12.5%。"
    found = extract(text)
    map_to_catalogue(found, text, load_catalogue())
    tie_rates(found, text)
    assert [f.maps_to for f in found] == ["行政复议.收到申请", "行政复议.审结", "行政复议.纠错", "行政复议.纠错率"]
    assert found[-1].from_counts == (2, 1)


def test_changes_are_not_rates():
    found = extract("办理案件320件，同比下降5%，提高2个百分点。")
    assert [f.kind for f in found] == ["count", "change", "points"]


def test_analysis_of_a_whole_page(page):
    a = Analysis(page, load_catalogue())
    assert a.year == 2025
    assert [s.role for s in page.sections] == ["成效", "问题", "下一步"]
    assert a.shape == ["三段式"]
    mapped = {f.maps_to for f in a.all_figures() if f.maps_to}
    assert {"执法办案.行政处罚", "行政复议.收到申请", "案卷评查.合格率"} <= mapped


def test_leader_duty_first_shape():
    r = parse_lines(["一、党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责同志带头学法。",
                     "二、主要举措和成效", "（一）规范执法", "评查案卷40卷。", "三、存在的不足", "力量不足。",
                     "四、下一年度工作安排", "加强培训。"])
    a = Analysis(r, load_catalogue())
    assert [s.role for s in r.sections] == ["第一责任人", "成效", "问题", "下一步"]
    assert a.shape == ["第一责任人在前", "按规定五项"]
    assert r.sections[0].theme == "第一责任人"


def test_reading_our_own_docx_gives_the_same_tree(tmp_path):
    from drafter.jobs.pipeline import build, render_file
    from drafter.reading.parser import parse_report
    from drafter.files.yamlsource import load_file

    from conftest import EXAMPLE

    out = tmp_path / "ex.docx"
    render_file(EXAMPLE, out)
    built = build(load_file(EXAMPLE)).report
    back = parse_report(out)
    assert back.title == built.title and back.signature == built.signature and back.date == built.date
    assert back.notes == built.notes == ["（此件公开发布）"]
    assert [s.heading for s in back.walk()] == [s.heading for s in built.walk()]


def test_addressee_after_the_title_is_read_as_such_and_imported():
    from drafter.reading.parser import parse_lines

    r = parse_lines(["某县人民政府关于2025年度法治政府建设情况的报告", "县委、县人大常委会：",
                     "2025年，某县依法行政各项工作稳步推进。现将有关情况报告如下：", "一、主要成效", "工作有序推进。"])
    assert r.addressee == "县委、县人大常委会" and r.opening[0].text.startswith("2025年")
    r = parse_lines(["某县人民政府关于2025年度法治政府建设情况的报告", "现将2025年有关情况报告如下：", "一、主要成效"])
    assert r.addressee is None  # a lead-in sentence, not an addressee
