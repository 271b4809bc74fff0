"""Issue 18, render and the form, outside tester round 3 (engineer fixr2, E1–E8).

E1 a title longer than the reader takes for a heading (80 characters) is refused at the form;
E2 a phrase-table item's sentence punctuation at either end is trimmed, or refused where it is;
E4 a data sentence whose leading item is not printed still names its subject;
E5 约数 keeps as many significant digits across 万 and 亿 as below them;
E7 a change of two rates is computed exactly and printed with no more digits than it needs.
"""

from __future__ import annotations

import re

import docx
import pytest

from conftest import EXAMPLE
from hostile_cases import example_form as _form, line_of as _line_of, run_clean

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

EX_TEXT = EXAMPLE.read_text(encoding="utf-8")


def _render(tmp_path, form, codes=(0, 2), args=()):
    out = tmp_path / "报告.docx"
    return run_clean(["render", form, "-o", out, *args], inputs=[form], outputs=[out], exit_codes=codes), out


def _texts(out) -> str:
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


# -- E1: a title is at most 80 characters, the length the reader takes for a heading ---------------

def _title(n: int) -> str:
    return ("依法推进重点领域执法规范化建设" * (n // 15 + 1))[:n]


def _report_title(n: int) -> str:
    tail = "关于2025年度法治政府建设情况的报告"
    return ("示例县人民政府" * (n // 7 + 1))[: n - len(tail)] + tail


# Each title-like field of the form: how to put a title of n characters there.
TITLES = {
    "成效.做法.标题": lambda n: ("标题: 用好考核和督察两个抓手", f"标题: {_title(n)}"),
    "成效.标题": lambda n: ("    标题: 压实法治建设责任，推进机制运转更加顺畅\n", f"    标题: {_title(n)}\n"),
    "第一责任人.做法.标题": lambda n: ("标题: 带头学法用法", f"标题: {_title(n)}"),
    "问题.标题": lambda n: ("标题: 基层依法行政能力仍有短板", f"标题: {_title(n)}"),
    "下一步.标题": lambda n: ("标题: 进一步压实法治建设责任", f"标题: {_title(n)}"),
    "去年安排.标题": lambda n: ("\n成效:\n", f"\n去年安排:\n  - 标题: {_title(n)}\n    落实情况: 已全部落实到位。\n\n成效:\n"),
    "标题": lambda n: ("单位: 示例县人民政府\n", f"单位: 示例县人民政府\n标题: {_report_title(n)}\n"),
}


@pytest.mark.parametrize("field", TITLES)
@pytest.mark.parametrize("size", [81, 200, 100_000])
def test_a_title_longer_than_a_heading_is_refused_where_it_is(tmp_path, field, size):
    old, new = TITLES[field](size)
    form = _form(tmp_path, (old, new))
    result, out = _render(tmp_path, form, codes=(2,))
    line = _line_of(form, "标题: " + (_report_title(size) if field == "标题" else _title(size))[:20])
    assert re.search(rf"表单\.yaml:{line}:\d+：\S*标题：【错误】标题太长了（{size} 个字）", result.output), result.output
    assert "80 个字" in result.output
    assert not out.exists()
    checked = run_clean(["check", form], inputs=[form], exit_codes=(2,))
    assert f"{line}:" in checked.output and "标题太长了" in checked.output


@pytest.mark.parametrize("field", TITLES)
def test_a_title_of_80_characters_is_a_heading_that_check_reads_back(tmp_path, field):
    old, new = TITLES[field](80)
    form = _form(tmp_path, (old, new))
    result, out = _render(tmp_path, form, codes=(0,))
    title = _title(80) if field != "标题" else _report_title(80)
    assert title in _texts(out).replace("\n", "")  # the report title is set on several lines
    checked = run_clean(["check", out], inputs=[out], exit_codes=(0, 1))
    assert "【错误】" not in checked.output, checked.output
    assert "空节" not in checked.output


def test_a_title_of_80_characters_and_its_full_stop_passes(tmp_path):
    form = _form(tmp_path, ("标题: 用好考核和督察两个抓手", f"标题: {_title(80)}。"))
    result, out = _render(tmp_path, form, codes=(0,))
    assert f"{_title(80)}。法治建设" in _texts(out)


# -- E2: a phrase-table item's sentence punctuation at either end -----------------------------------

import shutil  # noqa: E402

import yaml  # noqa: E402

from drafter.files.resources import builtin_templates  # noqa: E402

ITEM = "    - 依法受理{受理}\n"
# Every mark that ends or breaks off a sentence, or joins one, full- and half-width.
MARKS = ["，", ",", "、", "；", ";", "：", ":", "。", ".", "．", "｡", "！", "？", "!", "?", "…", "……", "⋯",
         "—", "——", "―", "～", "~", "！？", "。！"]


def _templates(tmp_path, old: str, new: str):
    folder = tmp_path / "tpl"
    shutil.copytree(builtin_templates() / "default", folder)
    table = folder / "句式.yaml"
    text = table.read_text(encoding="utf-8")
    assert old in text, old
    table.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder, table


def _render_with(tmp_path, folder, form=None, codes=(0, 2)):
    form = form or _form(tmp_path)
    out = tmp_path / "报告.docx"
    inputs = [form, *sorted(p for p in folder.rglob("*") if p.is_file())]
    result = run_clean(["render", form, "-t", folder, "-o", out], inputs=inputs, outputs=[out], exit_codes=codes)
    return result, out


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("end", ["start", "end", "both"])
def test_sentence_punctuation_at_an_items_end_is_trimmed(tmp_path, mark, end):
    item = {"start": f"{mark}依法受理{{受理}}", "end": f"依法受理{{受理}}{mark}",
            "both": f"{mark}依法受理{{受理}}{mark}"}[end]
    folder, _ = _templates(tmp_path, ITEM, f'    - "{item}"\n')
    result, out = _render_with(tmp_path, folder, codes=(0,))
    assert "同比增长17.4%，依法受理151件，审结146件" in _texts(out), _texts(out)[:600]


@pytest.mark.parametrize("item, mark", [
    ("依法受理{受理}）", "）"), ("（依法受理{受理}", "（"), ("依法受理{受理}”", "”"), ("“依法受理{受理}", "“"),
    ("依法受理{受理})", ")"), ("(依法受理{受理}", "("), ("依法受理》{受理}", "》"), ("《依法受理{受理}", "《"),
    ("依法受理{受理}】", "】"), ("依法（受理{受理}", "（"), ("依法受理（含“简易程序）”{受理}", "）"),
    ("依法受理{受理}！）", "）"),
])
def test_an_unpaired_bracket_or_quote_in_an_item_is_refused_where_it_is(tmp_path, item, mark):
    folder, table = _templates(tmp_path, ITEM, f'    - "{item}"\n')
    result, out = _render_with(tmp_path, folder, codes=(2,))
    line = _line_of(table, item)
    assert re.search(rf"句式\.yaml:{line}:\d+：", result.output), result.output
    assert f"“{mark}”" in result.output and "不成对" in result.output
    assert not out.exists()


@pytest.mark.parametrize("item, shown", [
    ("依法受理（含简易程序）{受理}", "依法受理（含简易程序）151件"),
    ("依法受理{受理}（含“简易程序”案件）", "依法受理151件（含“简易程序”案件）"),
    ("《条例》规定受理{受理}", "《条例》规定受理151件"),
])
def test_brackets_that_close_inside_an_item_are_printed(tmp_path, item, shown):
    folder, _ = _templates(tmp_path, ITEM, f'    - "{item}"\n')
    result, out = _render_with(tmp_path, folder, codes=(0,))
    assert f"，{shown}，审结146件" in _texts(out)


# -- E4: a data sentence names its subject even when its leading item is not printed -----------------

def _default_table() -> dict:
    return yaml.safe_load((builtin_templates() / "default" / "句式.yaml").read_text(encoding="utf-8"))


def _groups():
    """(theme, group, a figure named in a later item of the group's first sentence)."""
    out = []
    for theme, groups in _default_table().items():
        if theme == "开头":  # the opening paragraph, not a theme's figures
            continue
        for group, items in groups.items():
            first = items[0]
            lead = set(re.findall(r"\{([^}.]+)", first if isinstance(first, str) else str(first)))
            for item in items[1:]:
                if not isinstance(item, str) or item == "。":
                    continue
                names = [n for n in re.findall(r"\{([^}.]+)(?:\.带同比)?\}", item) if n not in lead]
                if names and not names[0].endswith("率"):
                    out.append((theme, group, names[0]))
                    break
    return out


GROUPS = _groups()


def test_every_group_of_the_default_table_is_tried():
    assert len(GROUPS) >= 20, GROUPS


def _only(theme: str, group: str, figure: str) -> dict:
    """The example form with theme's data only ``figure`` of ``group``."""
    data = yaml.safe_load(EX_TEXT)
    if theme == "第一责任人":
        entry = data["第一责任人"]
    else:
        entry = next((t for t in data["成效"] if t["主题"] == theme), None)
        if entry is None:
            entry = {"主题": theme, "做法": [{"标题": "统筹推进各项工作", "内容": "各项工作有序推进。"}]}
            data["成效"].append(entry)
    entry["数据"] = {group: {figure: 7}}
    entry.pop("上年数据", None)
    return data


@pytest.mark.parametrize("theme, group, figure", GROUPS)
def test_a_sentence_without_its_leading_item_names_its_group(tmp_path, theme, group, figure):
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(_only(theme, group, figure), allow_unicode=True, sort_keys=False), encoding="utf-8")
    result, out = _render(tmp_path, form, codes=(0,))
    text = _texts(out)
    assert re.search(rf"(^|。){group}方面，[^。]*7", text, re.M), (group, figure, text[:1500])
    checked = run_clean(["check", out], inputs=[out], exit_codes=(0, 1))
    assert "【错误】" not in checked.output, checked.output


def test_a_sentence_with_its_leading_item_has_no_group_words(tmp_path):
    result, out = _render(tmp_path, _form(tmp_path), codes=(0,))
    text = _texts(out)
    assert "另在受理前协商化解争议23件。办理一审行政诉讼案件58件" in text
    assert "方面，" not in text


def test_the_case_the_tester_found_names_its_subject(tmp_path):
    form = _form(tmp_path, ("      行政应诉:\n        案件: 58\n        审结: 52\n        败诉: 2\n"
                            "        开庭审理: 45\n        负责人出庭: 45\n", "      行政应诉:\n        审结: 52\n"),
                 ("      行政应诉:\n        案件: 64\n        审结: 60\n        败诉: 3\n", ""))
    result, out = _render(tmp_path, form, codes=(0,))
    assert "另在受理前协商化解争议23件。行政应诉方面，审结52件。" in _texts(out)
    checked = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in checked.output


# -- E5: 约数 keeps two significant digits at every size ---------------------------------------------

from decimal import Decimal  # noqa: E402
from fractions import Fraction  # noqa: E402

from drafter.model import numberwords  # noqa: E402
from drafter.model import numbers  # noqa: E402


def _value_of(text: str) -> tuple[int, bool]:
    """What an approximate figure claims: its value, and whether it says 余 (more than that)."""
    m = re.fullmatch(r"(\d+)(万|亿)?(余)?", text)
    assert m, text
    return int(m.group(1)) * {None: 1, "万": 10**4, "亿": 10**8}[m.group(2)], bool(m.group(3))


SWEEP = sorted({int(f"{lead}{'9' * zeros}") for lead in range(1, 100) for zeros in range(0, 9)
                if 100 <= int(f"{lead}{'9' * zeros}") <= 10**10}
               | {10**k + d for k in range(2, 11) for d in (-1, 0, 1, 10**(k - 2), 10**(k - 1) - 1)}
               | {int(m * 10**k) for m in (1.5, 2.25, 4.1265, 9.999) for k in range(2, 10)})


@pytest.mark.parametrize("value", SWEEP)
def test_an_approximate_figure_keeps_two_significant_digits(value):
    text = numbers.number(value, approx=True)
    shown, more = _value_of(text)
    digits = len(str(value))
    step = 10 ** (digits - 2)
    assert shown == value // step * step, (value, text)  # the first two digits, no fewer, no more
    assert more == (shown != value), (value, text)
    assert "." not in text  # 余 never follows a decimal (domain.md §6)


@pytest.mark.parametrize("value, text", [
    (19999, "19000余"), (29999, "29000余"), (199999999, "19000万余"), (9999, "9900余"), (199999, "19万余"),
    (10500, "1万余"), (20000, "2万"), (1234567890, "12亿余"), (9999999999, "99亿余"), (10**10, "100亿"),
])
def test_the_boundaries_the_tester_found(value, text):
    assert numbers.number(value, approx=True) == text


def test_an_approximate_figure_in_the_report_keeps_two_digits(tmp_path):
    form = _form(tmp_path, ("受众: 412650", "受众: 19999"))
    result, out = _render(tmp_path, form, codes=(0,))
    assert "覆盖群众19000余人次" in _texts(out)


# -- E7: a change of two rates is exact and printed with the digits it needs ------------------------

@pytest.mark.parametrize("now, before, text", [
    # (issue 20) the difference of the rates as printed: equal as printed is 基本持平
    (Fraction(1, 1234574), Fraction(1, 1234573), "与上年基本持平"),  # 6.56e-11 points: past ten decimals
    (Fraction(1, 12345), Fraction(1, 12344), "与上年基本持平"),  # both print 0.008%
    (Fraction(1, 123456), Fraction(1, 123455), "与上年基本持平"),
    (Fraction(1, 1000000), Fraction(1, 999999), "与上年基本持平"),
    (Fraction(2, 3), Fraction(1, 3), "同比提高33.4个百分点"),  # 66.7% and 33.3%, not the 33.3 of the values
    (Fraction(1, 1250), Fraction(1, 5000), "同比提高0.06个百分点"),  # printed 0.08% and 0.02% (0.1% is a fifth off)
])
def test_a_change_of_two_rates_is_exact(now, before, text):
    assert numbers.points(now, before) == text


@pytest.mark.parametrize("exact, text", [
    (Decimal("6.560940492135878707471468609214140030891E-11"), "0.00000000007"),
    (Decimal("6.5625E-7"), "0.0000007"), (Decimal("12.345"), "12.3"), (Decimal("0.04"), "0.04"),
])
def test_a_change_stated_by_check_has_no_more_digits_than_it_needs(exact, text):
    assert numberwords.change_percent(exact) == text


def test_a_rate_change_in_the_report_is_computed_from_its_counts(tmp_path):
    form = _form(tmp_path,
                 ("        发现问题: 48\n        整改问题: 45\n", "        发现问题: 12345\n        整改问题: 12344\n"),
                 ("    上年数据:\n      法治督察:\n        督察次数: 4\n",
                  "    上年数据:\n      法治督察:\n        督察次数: 4\n        发现问题: 12344\n        整改问题: 12343\n"))
    result, out = _render(tmp_path, form, codes=(0,))
    assert "整改率99.992%，与上年基本持平" in _texts(out)  # 99.992% both years, as printed


# -- E3: template syntax errors named at their line, each said specifically ------------------------

THEME = "themes/通用.md.j2"


def _theme_folder(tmp_path, text: str, file: str = THEME):
    folder = tmp_path / "tpl"
    shutil.copytree(builtin_templates() / "default", folder)
    (folder / file).write_text(text, encoding="utf-8")
    return folder


def _render_in(tmp_path, monkeypatch, folder):
    """render with the template folder given as the clerk types it (relative, “tpl”): it
    refuses (exit 2) in Chinese, template words apart, and writes nothing."""
    from click.testing import CliRunner

    from drafter.cli.commands import main
    from test_hostile_templates import english

    monkeypatch.chdir(tmp_path)
    _form(tmp_path)
    result = CliRunner().invoke(main, ["render", "表单.yaml", "-t", "tpl", "-o", "报告.docx"])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert not english(result.output, "raw", "endraw"), result.output
    assert not (tmp_path / "报告.docx").exists()
    return result


@pytest.mark.parametrize("lines, at", [
    ("{#- 说明 -#}\n{% raw %}{x}{% endraw %}\n{{ 数据句子(t) }}\n", 2),
    ("{{ 数据句子(t) }}\n\n\n\n{% raw %}{收到申请}{% endraw %}\n", 5),
    ("{{ 数据句子(t) }}\n{% raw %}\n第一行\n{单位}\n{% endraw %}\n", 4),
    ("{{ 数据句子(t) }}\n{x}\n", 2),  # not in a raw block: as before
])
def test_a_brace_in_a_raw_block_is_named_at_its_line(tmp_path, monkeypatch, lines, at):
    result = _render_in(tmp_path, monkeypatch, _theme_folder(tmp_path, lines))
    assert result.output.startswith(f"tpl/{THEME}:{at}："), result.output


def test_a_brace_in_a_raw_block_of_the_report_template_is_named_at_its_line(tmp_path, monkeypatch):
    text = (builtin_templates() / "default" / "report.md.j2").read_text(encoding="utf-8").split("\n")
    text.insert(9, "{% raw %}{x}{% endraw %}")
    result = _render_in(tmp_path, monkeypatch, _theme_folder(tmp_path, "\n".join(text), "report.md.j2"))
    assert result.output.startswith("tpl/report.md.j2:10："), result.output


@pytest.mark.parametrize("line, said", [
    ("{# 没有结束的注释", ("注释", "{# … #}", "#}")),
    ("{% raw %}原样输出", ("{% raw %}", "{% endraw %}")),
    ('{{ "特此报告 }}', ("引号", "没有配对")),
    ("{{ '特此报告 }}", ("引号", "没有配对")),
    ("{{ 单位", ("}}",)),
    ("{% if 单位", ("%}",)),
    ("{% if 单位 %}有", ("{% if %}", "{% endif %}")),
    ("{% for x in 成效 %}有", ("{% for %}", "{% endfor %}")),
    ("{% macro 段(a=1, b) %}{% endmacro %}", ("默认值",)),
    ("{{ 项(a=1, 2) }}", ("参数",)),
    ("{% set '名' = 1 %}", ("{% set %}", "名字")),
    ("{{ 单位. }}", ("属性名",)),
])
def test_a_template_syntax_error_is_said_specifically_at_its_line(tmp_path, monkeypatch, line, said):
    result = _render_in(tmp_path, monkeypatch, _theme_folder(tmp_path, "{{ 数据句子(t) }}\n\n" + line + "\n"))
    assert result.output.startswith(f"tpl/{THEME}:3："), result.output
    assert "模板语法错误。" not in result.output
    assert str(tmp_path) not in result.output
    for words in said:
        assert words in result.output, (words, result.output)


# -- E6: messages quote what the clerk wrote, not Python's values ------------------------------------

@pytest.mark.parametrize("typed", ["null", "yes", "~", "1.0", "true", "No", "2026-01-01", "[错误]", "{级别: 错误}"])
def test_a_rule_level_in_the_layout_file_is_quoted_as_typed(tmp_path, typed):
    layout = tmp_path / "版面.yaml"
    layout.write_text(f"检查规则:\n  比率核算: {typed}\n", encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-c", layout, "-o", out], inputs=[form, layout], outputs=[out],
                       exit_codes=(2,))
    assert re.search(rf"版面\.yaml:2:\d+：检查规则\.比率核算：【错误】“{re.escape(typed)}”不是规则的级别", result.output), \
        result.output
    assert not re.search(r"None|True|False|\{'", result.output)


def test_an_empty_rule_level_and_a_rule_named_null_are_said_as_written(tmp_path):
    layout = tmp_path / "版面.yaml"
    layout.write_text("检查规则:\n  比率核算:\n  比率核对: 提醒\n", encoding="utf-8")
    form = _form(tmp_path)
    result = run_clean(["render", form, "-c", layout, "-o", tmp_path / "报告.docx"], inputs=[form, layout],
                       exit_codes=(2,))
    assert "“（空）”不是规则的级别" in result.output and "None" not in result.output
    assert "没有名为“比率核对”的检查规则" in result.output


@pytest.mark.parametrize("level", ["关闭", "错误", "提醒"])
def test_a_rule_level_written_right_is_taken(tmp_path, level):
    layout = tmp_path / "版面.yaml"
    layout.write_text(f"检查规则:\n  比率核算: {level}\n", encoding="utf-8")
    form = _form(tmp_path)
    run_clean(["render", form, "-c", layout, "-o", tmp_path / "报告.docx"], inputs=[form, layout],
              outputs=[tmp_path / "报告.docx"], exit_codes=(0,))


# -- E8: the suffix messages ----------------------------------------------------------------------

@pytest.mark.parametrize("args, said, suggested", [
    (["init", "-o", "草稿/x.docx"], "这里写出的是表单或数据文件。", "草稿/x.yaml"),
    (["schema", "-o", "没有的文件夹/out.docx"], "这里写出的是表单的结构（JSON 文本）。", "没有的文件夹/out.json"),
    (["schema", "-o", "a/b/out"], "（JSON 文本）", "a/b/out.json"),
    (["init", "-o", "x.docx"], "这里写出的是表单或数据文件。", "x.yaml"),
])
def test_a_wrong_suffix_is_said_with_its_folder_kept(tmp_path, monkeypatch, args, said, suggested):
    monkeypatch.chdir(tmp_path)
    result = run_clean(args, cwd=tmp_path, exit_codes=(2,), located=False)
    assert said in result.output, result.output
    assert f"如“{suggested}”" in result.output, result.output
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("size, refused", [(81, True), (80, False)])
def test_a_section_title_of_the_full_text_is_bounded_as_the_others(tmp_path, size, refused):
    form = _form(tmp_path, ("\n成效:\n", f"\n正文:\n  - 标题: {_title(size)}\n    内容:\n      - 这一节的内容。\n\n成效:\n"))
    result = run_clean(["check", form], inputs=[form], exit_codes=(0, 1, 2), located=False)
    assert ("标题太长了（81 个字）" in result.output) == refused, result.output
