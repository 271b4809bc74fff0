"""The markup parser and automatic numbering."""

import pytest

from drafter.errors import TemplateError
from drafter.model.markup import parse_markup, split_run_in
from drafter.typeset.numbering import Counter, label

TEXT = """
@标题 某县人民政府关于2025年度法治政府建设情况的报告
@主送 县委、县人大常委会
开头一段。
# 一、主要成效
## 加强审查
全年审查文件12件。
### 推行简易程序。案件平均用时缩短三成。
### 2. 健全机制。建立联席会议。
## （二）依法决策。目录事项全部完成。
# 存在的不足
基层力量不足。
@署名 某县人民政府
@日期 2026年2月6日
@盖章
@附注 此件公开发布
"""


def test_parse_builds_the_tree():
    r = parse_markup(TEXT)
    assert r.title == "某县人民政府关于2025年度法治政府建设情况的报告"
    assert r.addressee == "县委、县人大常委会："
    assert [p.text for p in r.opening] == ["开头一段。"]
    assert [s.heading for s in r.sections] == ["主要成效", "存在的不足"]
    first = r.sections[0]
    assert [s.heading for s in first.sections] == ["加强审查", "依法决策。"]
    assert first.sections[0].run_in is False
    assert first.sections[0].paragraphs[0].text == "全年审查文件12件。"
    runin = first.sections[0].sections
    assert [(s.heading, s.run_in, s.paragraphs[0].text) for s in runin] == [
        ("推行简易程序。", True, "案件平均用时缩短三成。"), ("健全机制。", True, "建立联席会议。")]
    assert first.sections[1].run_in and first.sections[1].paragraphs[0].text == "目录事项全部完成。"
    assert (r.signature, r.date, r.sealed, r.notes) == ("某县人民政府", "2026年2月6日", True, ["（此件公开发布）"])


def test_typed_numbers_are_dropped():
    r = parse_markup("# 三、标题\n## （五）小标题\n### 7.第三级。正文\n#### （2）第四级")
    sec = r.sections[0]
    assert sec.heading == "标题"
    assert sec.sections[0].heading == "小标题"
    assert sec.sections[0].sections[0].heading == "第三级。"
    assert sec.sections[0].sections[0].sections[0].heading == "第四级"


def test_punctuation_is_repaired_in_markup():
    r = parse_markup("# 标题\n全年受理12件,办结11件;结案率91.7%.")
    assert r.sections[0].paragraphs[0].text == "全年受理12件，办结11件；结案率91.7%。"


def test_backslash_escapes_a_marker():
    r = parse_markup("# 标题\n\\#不是标题")
    assert r.sections[0].paragraphs[0].text == "#不是标题"


def test_split_run_in():
    assert split_run_in("加强审查。全年审查12件。") == ("加强审查。", "全年审查12件。")
    assert split_run_in("只有标题。") == ("只有标题。", "")
    assert split_run_in("没有句号") == ("没有句号", "")


@pytest.mark.parametrize("text, words", [
    ("## 跳级", "前面缺少 1 级标题"),
    ("# 一\n### 跳级", "前面缺少 2 级标题"),
    ("@未知 内容", "不认识的指令"),
    ("@标题", "后面没有内容"),
    ("# ", "后面没有文字"),
])
def test_bad_markup_is_located(text, words):
    with pytest.raises(TemplateError) as info:
        parse_markup(text, "t.md")
    assert words in info.value.message
    assert info.value.where.file == "t.md" and info.value.where.line >= 1


def test_numbering_restarts_under_each_parent():
    c = Counter()
    got = [c.next(1), c.next(2), c.next(3), c.next(3), c.next(2), c.next(3), c.next(1), c.next(2), c.next(4)]
    assert got == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）", "（1）"]


def test_labels():
    assert [label(1, 11), label(2, 10), label(3, 12), label(4, 3)] == ["十一、", "（十）", "12.", "（3）"]
