"""Issue 18, render and the form, second pass (an outside tester's findings P1–P10).

Each cause is tested on a family of inputs through the commands (``run_clean``: a report, or
a located message in Chinese with exit code 2) or on the values printed.
"""

from __future__ import annotations

import copy
import re

import docx
import pytest
import yaml

from conftest import EXAMPLE
from hostile_cases import run_clean

from drafter.errors import TemplateError
from drafter.model import numbers

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
EX_TEXT = EXAMPLE.read_text(encoding="utf-8")


def write_form(tmp_path, data, name="表单.yaml"):
    form = tmp_path / name
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return form


def render(tmp_path, form, codes=(0,)):
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=codes)
    texts = [p.text for p in docx.Document(str(out)).paragraphs] if result.exit_code == 0 else None
    return result, texts, out


def line_of(form, needle: str) -> int:
    return next(i for i, t in enumerate(form.read_text(encoding="utf-8").splitlines(), 1) if needle in t)


def edit_example(tmp_path, old: str, new: str, name="表单.yaml"):
    """The example form with one line's text replaced as typed (YAML forms a dump cannot write)."""
    assert old in EX_TEXT, old
    form = tmp_path / name
    form.write_text(EX_TEXT.replace(old, new, 1), encoding="utf-8")
    return form


# -- P1: a change is 100% / 100个百分点 only when it is exactly that ---------------------------------

@pytest.mark.parametrize("now, before, text", [
    (1, 421500, "同比减少99.9998%"), (19999, 10000, "同比增长99.99%"), (0, 421500, "同比减少100%"),
    (20000, 10000, "同比增长100%"), (20001, 10000, "同比增长100.01%"), (3, 200000, "同比减少99.999%"),
    (199999, 100000, "同比增长99.999%"),
])
def test_a_change_is_printed_100_percent_only_when_it_is(now, before, text):
    assert numbers.yoy(now, before, unit="件") == text


@pytest.mark.parametrize("now, before, text", [
    (0.00005, 1, "同比下降99.995个百分点"), (0, 1, "同比下降100个百分点"), (1, 0.0004, "同比提高99.96个百分点"),
    (1, 0, "同比提高100个百分点"), (0.99996, 0, "同比提高99.996个百分点"),
])
def test_a_change_of_a_rate_is_100_points_only_when_it_is(now, before, text):
    assert numbers.points(now, before) == text


def test_the_report_says_a_count_that_fell_to_almost_nothing_did_not_fall_to_nothing(tmp_path):
    form = edit_example(tmp_path, "        办件量: 468300", "        办件量: 1")
    _, texts, _ = render(tmp_path, form)
    body = "".join(texts)
    assert "1件，同比减少99.9998%" in body and "减少100%" not in body


# -- P2: YAML 1.1 number forms that are another value --------------------------------------------

@pytest.mark.parametrize("typed, wrong", [("010", "8"), ("0012", "10"), ("1:30", "90"), ("-010", None),
                                          ("0_12", "10"), ("00", None), ("1:30:00", None), ("07", None)])
@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_count_with_a_leading_zero_or_a_colon_is_refused_where_it_stands(tmp_path, typed, wrong, command):
    form = edit_example(tmp_path, "        督察次数: 6", f"        督察次数: {typed}")
    out = tmp_path / "报告.docx"
    args = ["render", form, "-o", out] if command == "render" else ["validate", form]
    result = run_clean(args, inputs=[form], outputs=[out], exit_codes=(2,))
    line = line_of(form, f"督察次数: {typed}")
    assert f"表单.yaml:{line}:" in result.output and "督察次数" in result.output, result.output
    assert "引号" in result.output and (wrong is None or f"读成 {wrong}" in result.output), result.output
    assert not out.exists()


def test_a_number_that_only_looks_odd_is_still_read(tmp_path):
    form = edit_example(tmp_path, "        督察次数: 6", "        督察次数: 0")
    _, texts, _ = render(tmp_path, form)
    assert texts is not None


# -- P3: no whitespace beside a Chinese character in any text of the form ---------------------------

SPACES = [" ", "\u00a0", "\u3000", "\t", "  \u3000 "]
TEXT_FIELDS = [("成效", 0, "做法", 0, "内容"), ("问题", 0, "表现"), ("问题", 0, "原因"), ("下一步", 0, "标题"),
               ("下一步", 0, "内容"), ("主送机关",), ("落款", "附注"), ("单位",), ("开头", "会议精神"),
               ("开头", "纲要"), ("开头", "主要成效", 0), ("成效", 0, "标题"), ("问题", 0, "标题"), ("其他", 0),
               ("写法", "部分标题", "问题")]
_CN = "[\u3400-\u9fff\uff00-\uffef\u3001-\u303f“”‘’…—]"
_WIDE_SPACE = re.compile(f"{_CN}[ \t\u00a0\u3000]|[ \t\u00a0\u3000]{_CN}")  # a line break is a paragraph's or the title's


def _set(data, path, value):
    node = data
    for key, after in zip(path[:-1], path[1:]):
        empty = [] if isinstance(after, int) else {}
        node = (node.get(key) or node.setdefault(key, empty)) if isinstance(key, str) else node[key]
        if isinstance(after, int) and not node:
            node.append(None)
    if isinstance(node, list) and path[-1] >= len(node):
        node.append(value)
    else:
        node[path[-1]] = value


def _check_clean(tmp_path, out):
    """drafter's own check on the report: no finding about punctuation or spacing."""
    result = run_clean(["check", out], inputs=[out], exit_codes=(0, 1, 2), located=False)
    assert "重复标点" not in result.output and "括号引号不成对" not in result.output, result.output
    return result


@pytest.mark.parametrize("path", TEXT_FIELDS, ids=lambda p: ".".join(map(str, p)))
@pytest.mark.parametrize("space", SPACES, ids=["space", "nbsp", "ideographic", "tab", "mixed"])
def test_whitespace_between_chinese_characters_does_not_reach_the_report(tmp_path, path, space):
    data = copy.deepcopy(DATA)
    words = {"会议精神": f"党的二十大和{space}二十届历次全会精神",
             "纲要": f"《法治政府建设{space}实施纲要（2021—2025年）》"}.get(path[-1], f"部分乡镇{space}执法人员")
    if path[0] == "写法":
        words = f"{{年度}}年存在的{space}不足"
    _set(data, path, words)
    form = write_form(tmp_path, data)
    _, texts, out = render(tmp_path, form)
    body = "\n".join(texts)
    joined = words.replace(space, "").replace("{年度}", "2025")
    if path[-1] == "纲要":
        joined = "对照" + joined
    assert joined in body.replace("\n", ""), (joined, body[:400])
    assert not _WIDE_SPACE.search(body), _WIDE_SPACE.search(body)
    _check_clean(tmp_path, out)


@pytest.mark.parametrize("style", [">", ">-", ">+"])
def test_a_folded_block_joins_its_lines_without_a_space(tmp_path, style):
    old = "        内容: 县政府党组每季度专题听取一次法治政府建设进展汇报，"
    form = edit_example(tmp_path, old, f"        内容: {style}\n          县政府党组每季度专题\n          听取一次法治政府建设进展汇报，")
    _, texts, _ = render(tmp_path, form)
    body = "".join(texts)
    assert "每季度专题听取" in body and "专题 听取" not in body


@pytest.mark.parametrize("typed, shown", [("通过ISO 9001认证", "通过ISO 9001认证"), ("执行GB/T  9704 标准", "执行GB/T 9704标准"),
                                          ("采用 Windows 11 系统", "采用Windows 11系统")])
def test_spaces_between_latin_words_and_figures_stay_one(tmp_path, typed, shown):
    data = copy.deepcopy(DATA)
    data["问题"][0]["表现"] = typed
    _, texts, _ = render(tmp_path, write_form(tmp_path, data))
    assert shown in "".join(texts)


def test_the_office_formulas_file_has_its_spaces_closed_too(tmp_path):
    formulas = tmp_path / "表述.yaml"
    formulas.write_text("2025:\n  会议精神: 党的二十大和\u3000二十届 历次全会精神\n", encoding="utf-8")
    config = tmp_path / "设置.yaml"
    config.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = write_form(tmp_path, DATA)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "--config", config], inputs=[form, formulas, config],
                       outputs=[out], exit_codes=(0,))
    assert result.exit_code == 0
    assert "全面贯彻党的二十大和二十届历次全会精神" in "".join(p.text for p in docx.Document(str(out)).paragraphs)


# -- P4: 会议精神 / 纲要 that would misprint the opening ---------------------------------------------

REFUSED_OPENINGS = [
    ("会议精神", "《党的二十大精神"), ("会议精神", "党的二十大精神》"), ("会议精神", "《《党的二十大》》精神"),
    ("会议精神", "{年度}年全会精神"), ("会议精神", "{0}"), ("会议精神", "%s"), ("会议精神", "123"),
    ("会议精神", "“党的二十大精神"), ("会议精神", "党的二十大（精神"),
    ("纲要", "《法治政府建设实施纲要"), ("纲要", "《《法治政府建设实施纲要》》"), ("纲要", "全面贯彻全面贯彻法治政府建设实施纲要"),
    ("纲要", "123"), ("纲要", "《123》"), ("纲要", "{年度}年纲要"), ("纲要", "%s"), ("纲要", "法治政府建设实施纲要（2021—2025年"),
]


@pytest.mark.parametrize("key, value", REFUSED_OPENINGS)
def test_an_opening_value_that_would_misprint_is_located_in_the_form(tmp_path, key, value):
    data = copy.deepcopy(DATA)
    data["开头"][key] = value
    form = write_form(tmp_path, data)
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert f"表单.yaml:{line_of(form, key + ':')}:" in result.output and f"开头.{key}" in result.output, result.output


@pytest.mark.parametrize("key, value", REFUSED_OPENINGS)
def test_an_opening_value_that_would_misprint_is_located_in_the_formulas_file(tmp_path, key, value):
    formulas = tmp_path / "表述.yaml"
    formulas.write_text(f"2025:\n  {key}: '{value}'\n", encoding="utf-8")
    config = tmp_path / "设置.yaml"
    config.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = write_form(tmp_path, DATA)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "--config", config], inputs=[form, formulas, config],
                       outputs=[out], exit_codes=(2,), located=False)
    assert "表述.yaml:2:" in result.output, result.output


@pytest.mark.parametrize("key, value, printed", [
    ("会议精神", "党的二十大精神。", "全面贯彻党的二十大精神，深入"), ("会议精神", "党的二十大精神，", "全面贯彻党的二十大精神，深入"),
    ("会议精神", "党的二十大精神；", "全面贯彻党的二十大精神，深入"),
    ("纲要", "《法治政府建设实施纲要（2021—2025年）》。", "对照《法治政府建设实施纲要（2021—2025年）》确定的"),
    ("纲要", "法治政府建设实施纲要（2021—2025年），", "对照《法治政府建设实施纲要（2021—2025年）》确定的"),
])
def test_punctuation_at_the_end_of_an_opening_value_is_not_doubled(tmp_path, key, value, printed):
    data = copy.deepcopy(DATA)
    data["开头"][key] = value
    _, texts, out = render(tmp_path, write_form(tmp_path, data))
    opening = next(t for t in texts if t.startswith("2025年，"))
    assert printed in opening, opening
    _check_clean(tmp_path, out)


# -- P5 / P6: null and other kinds in the office's formulas file; messages quote what was typed -----

@pytest.mark.parametrize("key", ["会议精神", "纲要", "党代会", "全会", "核对日期"])
@pytest.mark.parametrize("typed", ["null", "~", "true", "[甲, 乙]", "{甲: 乙}"])
@pytest.mark.parametrize("command", ["render", "validate", "check"])
def test_every_key_of_the_formulas_file_with_any_kind_of_value_ends_cleanly(tmp_path, key, typed, command):
    formulas = tmp_path / "表述.yaml"
    formulas.write_text(f"2025:\n  {key}: {typed}\n", encoding="utf-8")
    config = tmp_path / "设置.yaml"
    config.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = write_form(tmp_path, DATA)
    out = tmp_path / "报告.docx"
    args = {"render": ["render", form, "-o", out], "validate": ["validate", form], "check": ["check", form]}[command]
    result = run_clean([*args, "--config", config], inputs=[form, formulas, config], outputs=[out],
                       exit_codes=(0, 1, 2), located=False)
    text = result.output
    assert "None" not in text and "True" not in text and "'甲'" not in text
    if typed in ("null", "~"):
        assert result.exit_code in (0, 1), text  # null: none, as in the built-in data
    else:
        assert result.exit_code == 2 and "表述.yaml:2:" in text, text
    if typed == "true" and key in ("党代会", "核对日期"):
        assert "“true”" in text


def test_null_in_the_formulas_file_leaves_the_opening_without_it(tmp_path):
    formulas = tmp_path / "表述.yaml"
    formulas.write_text("2025:\n  纲要: null\n", encoding="utf-8")
    config = tmp_path / "设置.yaml"
    config.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = write_form(tmp_path, DATA)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "--config", config], inputs=[form, formulas, config],
                       outputs=[out], exit_codes=(0,))
    opening = next(p.text for p in docx.Document(str(out)).paragraphs if p.text.startswith("2025年，"))
    assert "对照" not in opening and "纲要" in result.output  # the reminder names what was left out


@pytest.mark.parametrize("old, new, quoted", [
    ("        督察次数: 6", "        督察次数: -6.0", "-6.0 是负数"),
    ("        督察次数: 6", "        督察次数: 2.50", "2.50 不是整数"),
    ("年度: 2025", "年度: 2025.0", "“2025.0”带着小数点"),
    ("成文日期: 2026-02-06", "成文日期: true", "“true”不是有效的日期"),
    ("成文日期: 2026-02-06", "成文日期: 1.0e+1", "“1.0e+1”不是有效的日期"),
    ("  - 主题: 党的领导", "  - 主题: .nan", "“.nan”"),
])
def test_messages_quote_the_value_as_typed(tmp_path, old, new, quoted):
    form = edit_example(tmp_path, old, new)
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert quoted in result.output, result.output
    assert not re.search(r"“(None|True|False|nan|-6\.0 )”", result.output)


# -- P7: text fields given a value YAML reads as something else ---------------------------------------

TEXT_PATHS = [("问题", 0, "标题"), ("问题", 0, "表现"), ("下一步", 0, "标题"), ("成效", 0, "做法", 0, "标题"),
              ("主送机关",), ("落款", "附注"), ("开头", "主要成效", 0), ("其他", 0), ("成效", 0, "标题")]


def _typed_form(tmp_path, path, typed):
    """The example with the value at ``path`` written as ``typed``, unquoted."""
    data = copy.deepcopy(DATA)
    _set(data, path, "@@MARK@@")
    form = tmp_path / "表单.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace("'@@MARK@@'", typed).replace("@@MARK@@", typed)
    form.write_text(text, encoding="utf-8")
    return form


MORE_TEXT_PATHS = [("单位",), ("标题",), ("开头", "会议精神"), ("开头", "纲要"), ("写法", "原因连接词"), ("落款", "署名"),
                   ("问题", 0, "原因"), ("下一步", 0, "内容"), ("写法", "部分标题", "成效"), ("成效", 0, "做法", 0, "内容")]


@pytest.mark.parametrize("path", TEXT_PATHS + MORE_TEXT_PATHS, ids=lambda p: ".".join(map(str, p)))
@pytest.mark.parametrize("typed", [".nan", "1.0e+1", ".inf", "-.inf", "1_000", "0x0C", "true", "2025-01-01", "0012"])
def test_a_text_field_never_prints_another_value_than_typed(tmp_path, path, typed):
    form = _typed_form(tmp_path, path, typed)
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    line = line_of(form, f" {typed}")
    assert f"表单.yaml:{line}:" in result.output and "引号" in result.output, result.output


@pytest.mark.parametrize("path", TEXT_PATHS, ids=lambda p: ".".join(map(str, p)))
@pytest.mark.parametrize("typed", ["2025", "3.50", "-0", "12"])
def test_a_text_field_written_as_a_plain_number_is_printed_as_typed(tmp_path, path, typed):
    form = _typed_form(tmp_path, path, typed)
    _, texts, _ = render(tmp_path, form)
    assert any(typed in t for t in texts), typed


# -- P8 / P9: filters print numbers as the report does and refuse the wrong kind of value -------------

@pytest.fixture(scope="module")
def example_context():
    from drafter.model.catalogue import load_catalogue
    from drafter.jobs.pipeline import check_form
    from drafter.render.variables import build_context
    from drafter.files.yamlsource import load_file

    data, _ = check_form(load_file(EXAMPLE))
    return build_context(data, load_catalogue())


def _render_line(tmp_path, context, line: str) -> str:
    from drafter.render.templates import render_markup

    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    (folder / "report.md.j2").write_text(line + "\n", encoding="utf-8")
    return render_markup(folder, "report.md.j2", context).strip()


G = "成效[1].数据.政务服务"


@pytest.mark.parametrize("line, text", [
    (f"{{{{ {G}.办件量.上年 | float }}}}", "421500"), ("{{ 年度 | float | round }}", "2025"), ("{{ 年度 | float }}", "2025"),
    ("{{ 138 | float }}", "138"), ("{{ 1.5 | float }}", "1.5"), ("{{ '12' | float }}", "12"), ("{{ 0.00001 | float }}", "0.00001"),
    ("{{ 年度 | float ~ '年' }}", "2025年"), ("{{ (年度 | float) / 5 }}", "405"), ("{{ 7 | float | abs }}", "7"),
    ("{{ 年度 | float | string }}", "2025"), ("{{ 项('共{}件', 年度 | float) }}", "共2025件"),
])
def test_numbers_made_by_the_builtin_filters_print_as_the_report_writes_them(tmp_path, example_context, line, text):
    assert _render_line(tmp_path, example_context, line) == text


@pytest.mark.parametrize("line", [
    f"{{{{ {G}.办件量 | percent }}}}", f"{{{{ {G}.政务服务事项 | percent(1) }}}}", "{{ 年度 | percent }}",
    "{{ 年度 | points(1) }}", f"{{{{ {G}.办件量 | points({G}.办件量.上年) }}}}", "{{ 162 | percent }}",
    "{{ 成效[2].数据.规范性文件.制发 | rate(3) }}", f"{{{{ {G}.办件量 | rate({G}.政务服务事项.值) }}}}",
    "{{ 成效[0].数据.法治督察.整改率 | num }}", "{{ 成效[0].数据.法治督察.整改率 | yoy(0.5) }}",
    "{{ 成效[0].数据.法治督察.整改率 | rate(2) }}", "{{ 成效[0].数据.法治督察.整改率 | cn }}",
])
def test_a_filter_given_the_wrong_kind_of_value_is_refused_at_its_line(tmp_path, example_context, line):
    with pytest.raises(TemplateError) as err:
        _render_line(tmp_path, example_context, line)
    assert err.value.where.line == 1 and "比率" in err.value.format(), err.value.format()


@pytest.mark.parametrize("line, text", [
    ("{{ 成效[0].数据.法治督察.整改率 | percent(2) }}", "93.75%"), ("{{ 0.5 | percent }}", "50%"),
    ("{{ 0.93 | points(0.9) }}", "同比提高3个百分点"), ("{{ 成效[0].数据.法治督察.整改问题 | rate(成效[0].数据.法治督察.发现问题) }}", "93.8%"),
    ("{{ 45 | rate(48) }}", "93.8%"), (f"{{{{ {G}.办件量 | yoy({G}.办件量.上年) }}}}", "同比增长11.1%"),
])
def test_filters_given_the_right_kind_still_print(tmp_path, example_context, line, text):
    assert _render_line(tmp_path, example_context, line) == text


# -- P10: doubled braces in a part heading are named as such ------------------------------------------

@pytest.mark.parametrize("heading, meant", [("{{年度}}", "{年度}"), ("{{下一年度}}年工作打算", "{下一年度}"),
                                            ("{{ 年度 }}年主要成效", "{年度}"), ("{{单位}}的工作", None)])
def test_doubled_braces_in_a_part_heading_are_named_as_doubled(tmp_path, heading, meant):
    data = copy.deepcopy(DATA)
    data["写法"] = {"部分标题": {"成效": heading}}
    form = write_form(tmp_path, data)
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert "两层大括号" in result.output and "不成对" not in result.output, result.output
    assert meant is None or f"请写成 {meant}" in result.output
    assert f"表单.yaml:{line_of(form, '成效: ')}:" in result.output


# -- P3 / P4 as a property: whatever opening a clerk writes, it is refused where it stands, or the
# report drafter writes from it draws no 重复标点 or 括号引号不成对 from drafter's own check ------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

PIECES = ["党的二十大", "和", "二十届", "历次全会", "精神", "法治政府建设实施纲要", "（2021—2025年）", "全面贯彻", "对照",
          "《", "》", "“", "”", "（", "）", "。", "，", "；", "、", " ", "\u3000", "\u00a0", "{年度}", "{0}", "%s", "123",
          "ISO 9001", "确定的目标任务", "精神。", "《《", "》》"]


@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["会议精神", "纲要"]), st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join))
def test_any_opening_is_refused_or_printed_clean(key, value):
    import tempfile
    from pathlib import Path

    from drafter.jobs.checking import check_file
    from drafter.check.table import rule_table
    from drafter.errors import FormError
    from drafter.jobs.pipeline import render_file

    form = copy.deepcopy(DATA)
    form["开头"][key] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "表单.yaml"
        path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
        out = Path(folder) / "报告.docx"
        try:
            render_file(path, out)
        except FormError as err:
            assert all(p.where.line for p in err.problems()), err.format()
            return
        _doc, found = check_file(out, rule_table())
        opening = next(p.text for p in docx.Document(str(out)).paragraphs if p.text.startswith("2025年，"))
    bad = [f for f in found if f.rule in ("重复标点", "括号引号不成对")]
    assert not bad, (opening, [f.format() for f in bad])
    assert not _WIDE_SPACE.search(opening), opening


@pytest.mark.parametrize("given, printed", [
    ({"收到申请": 100, "受理": 90, "纠错": 11, "调解和解": 25}, ["作出纠错决定11件", "以调解、和解方式结案25件"]),
    ({"收到申请": 100, "受理": 90, "审结": 80, "纠错": 11}, ["作出纠错决定11件，纠错率13.8%"]),
])
def test_a_count_is_printed_when_the_rate_beside_it_cannot_be(tmp_path, given, printed):
    """A count given without the whole its rate needs (纠错 without 审结) is still stated:
    the rate is an item of its own, left out alone."""
    form = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for theme in form["成效"]:
        if theme["主题"] == "矛盾纠纷化解":
            theme["数据"] = {"行政复议": given}
            theme.pop("上年数据", None)
    path = tmp_path / "表单.yaml"
    path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    run_clean(["render", path, "-o", out], inputs=[path], outputs=[out], exit_codes=(0,))
    text = "".join(p.text for p in docx.Document(str(out)).paragraphs)
    for words in printed:
        assert words in text, text
