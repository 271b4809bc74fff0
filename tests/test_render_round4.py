"""Issue 18, render and the form, outside tester round 2, still open (engineer fixr, R1–R5).

R1 a change is 与上年持平 only when it is none, 与上年基本持平 when it is too small to print;
R2 money below the 分 (or with more digits than a number keeps) is refused at the form, and a
figure is printed with every digit it has; R3 a text field of punctuation or symbols only is
refused; R4 a title typed with its sequence mark (一、 （一） 1. 一是) is refused, and a 内容 that
opens with a heading's mark; R5 one list of invisible characters: every one of them, in every
text field, never reaches the report. Each is tried through the commands where it can be.
"""

from __future__ import annotations

import re
from fractions import Fraction

import docx
import pytest

from conftest import EXAMPLE
from hostile_cases import example_form as _form, line_of as _line_of, run_clean

from drafter.model import typography
from drafter.files import xmltext
from drafter.model import numbers

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

EX_TEXT = EXAMPLE.read_text(encoding="utf-8")
# Every character check takes for invisible (typography.INVISIBLE), found by trying them all.
INVISIBLE = "".join(chr(c) for c in range(0x110000)
                    if not 0xD800 <= c < 0xE000 and typography.INVISIBLE.match(chr(c)))


def _render(tmp_path, form, codes=(0, 2)):
    out = tmp_path / "报告.docx"
    return run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=codes), out


def _texts(out) -> str:
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


# -- R1: 持平 only when the change is none --------------------------------------------------------

@pytest.mark.parametrize("now, before, text", [
    # two rates of different counts that are the same float
    (Fraction(999999999998, 999999999999), Fraction(999999999997, 999999999998), "与上年基本持平"),
    (Fraction(1, 3), Fraction(333333333333, 999999999999), "与上年持平"),  # the same rate
    (Fraction(95, 100), Fraction(19, 20), "与上年持平"),
    (0.95000000001, 0.95, "与上年基本持平"),  # both print 95% (issue 20: the printed rates)
    (Fraction(95 * 10**10 + 1, 10**12), Fraction(95, 100), "与上年基本持平"),
    (Fraction(95 * 10**10 - 1, 10**12), Fraction(95, 100), "与上年基本持平"),
    (Fraction(1, 999999999999), Fraction(1, 999999999998), "与上年基本持平"),
])
def test_a_rate_is_level_only_when_it_is_equal(now, before, text):
    assert numbers.points(now, before) == text


@pytest.mark.parametrize("now, before, unit, text", [
    (95.000000000001, 95, "亿元", "与上年基本持平"),  # money
    (95.00000000001, 95.00000000001, "亿元", "与上年持平"),
    (999999999999, 999999999998, "件", "同比增长0.0000000001%"),  # counts: still a figure
    (10**11 * 9 + 1, 10**11 * 9, "件", "同比增长0.0000000001%"),
    (10**11 * 9 - 1, 10**11 * 9, "件", "同比减少0.0000000001%"),
    (12345.67, 12345.670000000001, "亿元", "与上年基本持平"),
    (162, 162, "件", "与上年持平"),
])
def test_a_count_or_amount_is_level_only_when_it_is_equal(now, before, unit, text):
    assert numbers.yoy(now, before, unit=unit) == text


def test_two_rates_that_differ_beyond_a_float_do_not_print_level_in_the_report(tmp_path):
    form = _form(tmp_path,
                 ("        发现问题: 48\n        整改问题: 45\n",
                  "        发现问题: 999999999999\n        整改问题: 999999999998\n"),
                 ("    上年数据:\n      法治督察:\n        督察次数: 4\n",
                  "    上年数据:\n      法治督察:\n        督察次数: 4\n"
                  "        发现问题: 999999999998\n        整改问题: 999999999997\n"))
    result, out = _render(tmp_path, form, codes=(0,))
    text = _texts(out)
    assert "整改率" in text and "与上年基本持平" in text, text[:400]
    assert "与上年持平" not in text


def test_a_rate_that_did_not_change_still_prints_level(tmp_path):
    form = _form(tmp_path, ("    上年数据:\n      法治督察:\n        督察次数: 4\n",
                            "    上年数据:\n      法治督察:\n        督察次数: 4\n"
                            "        发现问题: 96\n        整改问题: 90\n"))
    result, out = _render(tmp_path, form, codes=(0,))
    assert re.search(r"整改率93\.8%，与上年持平", _texts(out))


# -- R2: money to the 分, every digit printed ----------------------------------------------------

@pytest.mark.parametrize("typed", ["46.81234567891", "0.00000000001", "46.80000000000000000001", "12345.123456789012"])
def test_money_below_the_fen_is_refused_at_the_value(tmp_path, typed):
    form = _form(tmp_path, ("合同金额: 46.8", f"合同金额: {typed}"))
    result, out = _render(tmp_path, form, codes=(2,))
    line = _line_of(form, "合同金额")
    assert re.search(rf"表单\.yaml:{line}:\d+：.*合同金额", result.output), result.output
    assert "分" in result.output and "10 位" in result.output
    assert not out.exists()


@pytest.mark.parametrize("typed, shown", [
    ("46.8123456789", "4681234567.89元"), ("0.0000000001", "0.01元"), ("46.80", "46.8亿元"),
    ("1.23456", "12345.6万元"),
])
def test_money_to_the_fen_is_printed_with_every_digit(tmp_path, typed, shown):
    form = _form(tmp_path, ("合同金额: 46.8", f"合同金额: {typed}"))
    result, out = _render(tmp_path, form, codes=(0,))
    assert shown in _texts(out)


def test_a_figure_with_more_digits_than_a_number_keeps_is_refused(tmp_path):
    form = _form(tmp_path, ("合同金额: 46.8", "合同金额: 99999999.1234567891"))
    result, out = _render(tmp_path, form, codes=(2,))
    assert re.search(rf"表单\.yaml:{_line_of(form, '合同金额')}:\d+：", result.output) and "有效数字太多" in result.output


@pytest.mark.parametrize("value, unit, text", [
    (12345.6789, "元", "12345.6789元"), (12345.6789, "公里", "12345.6789公里"), (3.14159, "件", "3.14159件"),
    (0.123456789, "万元", "1234.56789元"),
])
def test_a_figure_is_printed_with_every_digit_it_has(value, unit, text):
    assert numbers.with_unit(value, unit) == text


# -- R3: a text field holds a word ---------------------------------------------------------------

FIELDS = [  # (what the example says, the line start that replaces it)
    ("单位: 示例县人民政府", "单位: "),
    ("      - 标题: 把法治政府建设摆上全局工作的重要位置", "      - 标题: "),
    ("        内容: 县政府党组每季度", "        内容: "),
    ("主送机关: 县委、县人大常委会", "主送机关: "),
]


@pytest.mark.parametrize("symbols", ["'，'", "。。", "——", "……", "'*'", "'、；'", "'\u200b。'"])
@pytest.mark.parametrize("field", range(len(FIELDS)))
def test_a_text_of_only_punctuation_is_refused_where_it_is(tmp_path, field, symbols):
    old, start = FIELDS[field]
    line = EX_TEXT[EX_TEXT.index(old):].split("\n", 1)[0]
    form = _form(tmp_path, (line, start + symbols))
    result, out = _render(tmp_path, form, codes=(2,))
    at = _line_of(form, start + symbols)
    assert re.search(rf"表单\.yaml:{at}:{len(start) + 1}：", result.output), result.output
    assert "没有一个字" in result.output and not out.exists()


@pytest.mark.parametrize("text", ["A", "5G", "加强", "12345"])
def test_a_text_with_one_word_passes(tmp_path, text):
    form = _form(tmp_path, ("主送机关: 县委、县人大常委会", f"主送机关: '{text}'"))
    assert _render(tmp_path, form, codes=(0,))[0].exit_code == 0


# -- R4: typed numbering in a title ----------------------------------------------------------------

TITLES = [
    ("      - 标题: 把法治政府建设摆上全局工作的重要位置", "      - 标题: "),  # 成效.做法
    ("  - 标题: 基层依法行政能力仍有短板", "  - 标题: "),  # 问题
    ("  - 标题: 进一步压实法治建设责任", "  - 标题: "),  # 下一步
]


@pytest.mark.parametrize("mark", ["一、", "（一）", "(二)", "1.", "2、", "（1）", "一是", "①", "第一，", "十二、", "Ⅲ、"])
@pytest.mark.parametrize("field", range(len(TITLES)))
def test_a_title_typed_with_its_number_is_refused(tmp_path, field, mark):
    old, start = TITLES[field]
    if old not in EX_TEXT:
        pytest.skip("the example changed")
    line = EX_TEXT[EX_TEXT.index(old):].split("\n", 1)[0]
    form = _form(tmp_path, (line, start + mark + line[len(start):]))
    result, out = _render(tmp_path, form, codes=(2,))
    at = _line_of(form, start + mark)
    assert re.search(rf"表单\.yaml:{at}:\d+：.*标题", result.output), result.output
    assert f"删去开头的“{mark}”" in result.output and "自动编号" in result.output
    assert not out.exists()


@pytest.mark.parametrize("title", ["一、二线执法力量下沉", "1.5倍提速", "三项制度全面落实", "第一责任人职责落实", "12345热线提质"])
def test_a_title_that_opens_with_a_figure_or_a_phrase_passes(tmp_path, title):
    form = _form(tmp_path, ("把法治政府建设摆上全局工作的重要位置", title))
    result, out = _render(tmp_path, form, codes=(0,))
    assert title in _texts(out)


def test_a_part_heading_typed_with_its_number_is_refused(tmp_path):
    form = _form(tmp_path, ("主送机关: 县委、县人大常委会", "主送机关: 县委、县人大常委会\n写法:\n  部分标题:\n    问题: 二、存在的不足"))
    result, out = _render(tmp_path, form, codes=(2,))
    assert re.search(rf"表单\.yaml:{_line_of(form, '二、存在')}:\d+：写法\.部分标题\.问题", result.output), result.output


@pytest.mark.parametrize("mark, refused", [("（一）", True), ("1.", True), ("一、", True), ("一是", False)])
def test_a_paragraph_after_a_title_opening_with_a_heading_mark_is_refused(tmp_path, mark, refused):
    form = _form(tmp_path, ("        内容: 县政府党组每季度", f"        内容: {mark}县政府党组每季度"))
    result, out = _render(tmp_path, form, codes=(2,) if refused else (0,))
    if refused:
        assert re.search(rf"表单\.yaml:{_line_of(form, mark + '县政府')}:\d+：.*内容", result.output), result.output
        assert f"删去开头的“{mark}”" in result.output
    else:
        assert f"{mark}县政府党组每季度" in _texts(out)


# -- R5: one list of invisible characters ----------------------------------------------------------

def test_the_invisible_characters_check_sees_are_those_a_report_drops():
    assert not [f"U+{ord(ch):04X}" for ch in INVISIBLE if xmltext.quiet("甲" + ch + "乙") != "甲乙"]
    assert "\u180e" in INVISIBLE and "\u202e" in INVISIBLE


TEXT_FIELDS = ["单位: 示例县人民政府", "主送机关: 县委、县人大常委会", "  - 全县行政机关负责人出庭应诉率",
               "      - 标题: 把法治政府建设摆上全局工作的重要位置", "        内容: 县政府党组每季度",
               "  - 标题: 基层依法行政能力仍有短板", "  - 标题: 进一步压实法治建设责任"]


ESCAPED = "".join(f"\\U{ord(ch):08X}" for ch in INVISIBLE)  # YAML escapes


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_no_invisible_character_in_any_text_field_reaches_the_report(tmp_path, field):
    """The whole list, typed inside the field (as YAML escapes): not one reaches the report."""
    if field not in EX_TEXT:
        pytest.skip("the example changed")
    line = EX_TEXT[EX_TEXT.index(field):].split("\n", 1)[0]
    head, value = re.match(r"(\s*(?:- )?(?:[^:]+: )?)(.*)", line).groups()
    form = _form(tmp_path, (line, f'{head}"{value[:2]}{ESCAPED}{value[2:]}"'))
    result, out = _render(tmp_path, form, codes=(0,))
    text = _texts(out)
    assert value in text
    assert not [f"U+{ord(ch):04X}" for ch in set(text) if typography.INVISIBLE.match(ch)]


def test_every_invisible_character_in_a_title_is_dropped(tmp_path):
    """The whole list in one title: not one of them is in the report."""
    form = _form(tmp_path, ("      - 标题: 把法治政府建设摆上全局工作的重要位置",
                            f"      - 标题: \"把法治{ESCAPED}政府建设摆上全局工作的重要位置\""))
    result, out = _render(tmp_path, form, codes=(0,))
    text = _texts(out)
    assert "把法治政府建设摆上全局工作的重要位置" in text
    assert not [f"U+{ord(ch):04X}" for ch in set(text) if typography.INVISIBLE.match(ch)]


# -- R6: a message about the layout file or the formulas file names it so -------------------------

BAD_YAML = [  # (file text, what the message says)
    ("纸张: !!python/object 1\n", "类型标记"), ("a: &x 1\nb: *x\n<<: {c: 1}\n", "合并写法"),
    ("纸张:\n  宽: 210\n---\nb: 1\n", "一份内容"), ("a: 1\nb: 2\nc\n", "冒号"),
]


@pytest.mark.parametrize("text, said", BAD_YAML)
def test_a_message_about_the_layout_file_calls_it_so(tmp_path, text, said):
    config = tmp_path / "版式.yaml"
    config.write_text(text, encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-c", config, "-o", out], inputs=[form, config], outputs=[out], exit_codes=(2,))
    assert "版式.yaml:" in result.output and said in result.output, result.output
    assert "表单" not in result.output and ("版面设置文件" in result.output or said == "冒号"), result.output


@pytest.mark.parametrize("text, said", BAD_YAML[:3] + [("2026:\n  会议精神: !!set {a}\n", "类型标记")])
def test_a_message_about_the_formulas_file_calls_it_so(tmp_path, text, said):
    config = tmp_path / "版式.yaml"
    config.write_text("表述数据: 政治表述.yaml\n", encoding="utf-8")
    (tmp_path / "政治表述.yaml").write_text(text, encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-c", config, "-o", out], inputs=[form, config, tmp_path / "政治表述.yaml"],
                       outputs=[out], exit_codes=(2,))
    assert "政治表述.yaml:" in result.output and said in result.output, result.output
    assert "表单" not in result.output and "表述数据文件" in result.output, result.output


# -- R7: a file named in a file is read only from that file's folder ------------------------------

@pytest.mark.parametrize("name, said", [
    ("/etc/passwd", "绝对路径"), ("'~/政治表述.yaml'", "绝对路径"), ("'C:\\政治表述.yaml'", "绝对路径"),
    ("../外面/政治表述.yaml", "“..”"), ("下级/../../外面/政治表述.yaml", "“..”"), ("链接.yaml", "链接"),
])
def test_a_formulas_file_out_of_the_layout_files_folder_is_refused(tmp_path, name, said):
    home = tmp_path / "设置"
    home.mkdir()
    outside = tmp_path / "外面"
    outside.mkdir()
    (outside / "政治表述.yaml").write_text("2026:\n  会议精神: 党的二十大精神\n", encoding="utf-8")
    (home / "链接.yaml").symlink_to(outside / "政治表述.yaml")
    config = home / "版式.yaml"
    config.write_text(f"表述数据: {name}\n", encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-c", config, "-o", out], inputs=[form, config, outside / "政治表述.yaml"],
                       outputs=[out], exit_codes=(2,))
    assert re.search(r"版式\.yaml:1:\d+：表述数据", result.output) and said in result.output, result.output
    assert "root:" not in result.output and not out.exists()


@pytest.mark.parametrize("name", ["政治表述.yaml", "下级/政治表述.yaml", "下级/../政治表述.yaml"])
def test_a_formulas_file_in_the_layout_files_folder_is_read(tmp_path, name):
    home = tmp_path / "设置"
    (home / "下级").mkdir(parents=True)
    target = home / name.replace("下级/../", "")
    target.write_text("2025:\n  会议精神: 党的二十大和二十届历次全会精神以及本地会议精神\n", encoding="utf-8")
    config = home / "版式.yaml"
    config.write_text(f"表述数据: {name}\n", encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-c", config, "-o", out], inputs=[form, config, target], outputs=[out],
              exit_codes=(0,))
    assert "本地会议精神" in _texts(out)


# -- R8: the words before a rate slot name its own rate ------------------------------------------

REVIEW = "矛盾纠纷化解:\n  行政复议:\n    - 全年收到申请{收到申请}\n"


@pytest.mark.parametrize("item", ["结案率{纠错率}", "结案率为{纠错率.带同比}", "纠错率达到{结案率}", "纠错率：{纠错}",
                                  "调解和解率{纠错率.同比}", "'结案率 {纠错率}'"])
def test_a_rate_under_another_rates_name_is_refused_where_it_is(tmp_path, item):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(REVIEW + f"    - {item}\n", encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-t", folder, "-o", out], inputs=[form, folder / "句式.yaml"], outputs=[out],
                       exit_codes=(2,))
    assert re.search(r"句式\.yaml:4:7：", result.output), result.output
    slot = re.search(r"\{[^}]*\}", item).group()
    assert slot in result.output and not out.exists()


@pytest.mark.parametrize("item, printed", [
    ("结案率{结案率}", "结案率96.7%"), ("结案率为{结案率}", "结案率为96.7%"), ("本年度纠错率{纠错率}", "本年度纠错率12.3%"),
    ("依法纠错{纠错}", "依法纠错18件"),
])
def test_a_rate_under_its_own_name_is_printed(tmp_path, item, printed):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(REVIEW + f"    - {item}\n", encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-t", folder, "-o", out], inputs=[form, folder / "句式.yaml"], outputs=[out],
              exit_codes=(0,))
    assert printed in _texts(out)


@pytest.mark.parametrize("ch", ["\u202e", "\u180e", "\u200b", "\ufeff", "\U000e0041"])
def test_an_invisible_character_in_a_form_is_named_where_it_was(tmp_path, ch):
    form = _form(tmp_path, ("县政府党组每季度", f"县政府党组{ch}每季度"))
    result = run_clean(["validate", form], inputs=[form], exit_codes=(0,))
    assert re.search(rf"表单\.yaml:{_line_of(form, '县政府党组')}:\d+：.*内容：【提醒】.*不可见字符.*U\+{ord(ch):04X}",
                     result.output), result.output


def test_the_points_filter_on_two_rates_compares_them_exactly(tmp_path):
    from drafter.model.catalogue import RateDef
    from drafter.render import filters
    from drafter.render.figures import Rate

    a = Rate(RateDef("甲率", "", (), ""), Fraction(999999999998, 999999999999), None)
    b = Rate(RateDef("乙率", "", (), ""), Fraction(999999999997, 999999999998), None)
    assert a.值 == b.值 and filters.points(a, b) == "与上年基本持平" and filters.points(a, a) == "与上年持平"
