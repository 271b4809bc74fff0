"""Issue 18, render and the form, outside tester round 4 (engineer fixr3, T1–T6).

T1 a figure bounded by a sum of figures (按时办复 ≤ 人大代表建议 + 政协提案) is refused at its line;
T2 every argument of a builtin filter that reaches the output is report text, or refused at its line;
T3 an expression of literals joined with ~ is held to the same rule as any other;
T4 init --org is checked as the form's 单位 is;
T5 braces typed in the form's text are refused where they are;
T6 a phrase-table item YAML read as a mapping ({{收到申请}}) is said as what it is.
"""

from __future__ import annotations

import inspect
import re
import shutil

import jinja2
import pytest

from conftest import EXAMPLE
from drafter.errors import TemplateError
from drafter.files.resources import builtin_templates
from hostile_cases import example_form as _form, line_of as _line_of, run_clean

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


def _render(tmp_path, form, codes=(0, 2), args=()):
    out = tmp_path / "报告.docx"
    return run_clean(["render", form, "-o", out, *args], inputs=[form], outputs=[out], exit_codes=codes), out


# -- T1: a figure cannot exceed the sum of the figures it is part of ---------------------------------

SUGGESTIONS = "        人大代表建议: 112\n        政协提案: 134\n        按时办复: 246\n        满意: 243\n"


@pytest.mark.parametrize("counts, figure, said", [
    ((112, 134, 300, 243), "按时办复", "“按时办复”（300）大于“人大代表建议”与“政协提案”之和（246）"),
    ((112, 134, 247, 200), "按时办复", "“按时办复”（247）大于“人大代表建议”与“政协提案”之和（246）"),
    ((0, 0, 1, None), "按时办复", "“按时办复”（1）大于“人大代表建议”与“政协提案”之和（0）"),
    ((112, 134, 246, 250), "满意", "“满意”（250）大于“按时办复”（246）"),
    ((112, 134, None, 250), "满意", "“满意”（250）大于“人大代表建议”与“政协提案”之和（246）"),
], ids=["tester", "one-over", "zero-whole", "satisfied-over-answered", "satisfied-over-sum"])
def test_a_figure_over_the_sum_it_is_part_of_is_refused_at_its_line(tmp_path, counts, figure, said):
    names = ("人大代表建议", "政协提案", "按时办复", "满意")
    lines = "".join(f"        {n}: {v}\n" for n, v in zip(names, counts) if v is not None)
    form = _form(tmp_path, (SUGGESTIONS, lines))
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    line = _line_of(form, f"        {figure}: ")
    assert re.search(rf"表单\.yaml:{line}:\d+：成效\[\d+\]\.数据\.建议提案\.{figure}：【错误】{re.escape(said)}",
                     result.output), result.output
    assert "模板生成的文字" not in result.output
    rendered, out = _render(tmp_path, form, codes=(2,))
    assert said in rendered.output and not out.exists()


@pytest.mark.parametrize("counts", [(112, 134, 246, 243), (112, 134, 200, 200), (112, None, 300, 10),
                                    (None, None, 300, 250)], ids=["equal", "under", "a-term-missing", "no-whole"])
def test_a_figure_within_its_sum_or_with_a_term_missing_passes(tmp_path, counts):
    names = ("人大代表建议", "政协提案", "按时办复", "满意")
    lines = "".join(f"        {n}: {v}\n" for n, v in zip(names, counts) if v is not None)
    form = _form(tmp_path, (SUGGESTIONS, lines))
    result = run_clean(["validate", form], inputs=[form], exit_codes=(0,))
    assert "大于" not in result.output, result.output


def test_the_blank_form_says_the_sum_a_figure_cannot_exceed(tmp_path):
    out = tmp_path / "空白.yaml"
    run_clean(["init", "-o", out, "--org", "某县人民政府"], outputs=[out], exit_codes=(0,))
    line = next(line for line in out.read_text(encoding="utf-8").splitlines() if line.strip().startswith("按时办复:"))
    assert "不大于“人大代表建议”与“政协提案”之和" in line, line


def test_a_catalogue_sum_naming_a_figure_it_lacks_is_refused(tmp_path):
    from drafter.model.catalogue import load_catalogue
    from drafter.errors import ConfigError

    from drafter.model.catalogue import DATA

    text = (DATA / "catalogue.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "catalogue.yaml"
    bad.write_text(text.replace("不大于: [人大代表建议, 政协提案]", "不大于: [人大代表建议, 政协提按]"), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_catalogue(str(bad))
    assert "政协提按" in err.value.format()


# -- T2: filter arguments that reach the output --------------------------------------------------------

@pytest.fixture(scope="module")
def example_context():
    from drafter.model.catalogue import load_catalogue
    from drafter.jobs.pipeline import check_form
    from drafter.render.variables import build_context
    from drafter.files.yamlsource import load_file

    data, _ = check_form(load_file(EXAMPLE))
    return build_context(data, load_catalogue())


# Each kind of value a template can hand a filter as an argument.
KINDS = {
    "form-item": "成效[0]", "list": "问题", "literal-list": "[1, 2]", "dict": '{"a": 1}', "mapping": "部分标题",
    "none": "none", "true": "true", "false": "盖章", "function": "数据句子", "helper": "项", "date": "成文日期",
    "number": "3", "figure": "成效[0].数据.法治督察.督察次数", "text": '"、"',
}
# What Python, HTML or a URL would write, never report text (the input, 单位, holds none of it).
GARBAGE = re.compile(r"object at|0x|[<>]|&lt;|&gt;|&amp;|&#|Figure\(|Rate\(|MISSING|Undefined|function|method|"
                     r"[\[\]{}'\"]|True|False|None|none|true|false|\d{4}-\d\d-\d\d|drafter|Entry")
# The parameters that are not arguments a template writes (Jinja passes them itself).
PASSED = {"environment", "env", "eval_ctx", "context"}


def _literal(value) -> str:
    """A Python default value as a template writes it."""
    if value is None or isinstance(value, bool):
        return {None: "none", True: "true", False: "false"}[value]
    return repr(value) if not isinstance(value, str) else '"%s"' % value


def _calls(name: str):
    """Every way to hand ``name`` each kind of value in each argument position: positionally
    (the earlier positions given their defaults) and, where it has a name, by keyword."""
    params = [p for p in inspect.signature(jinja2.filters.FILTERS[name]).parameters.values()
              if p.name not in PASSED][1:]  # the first is the filter's input
    before = []
    for p in params:
        for kind, value in KINDS.items():
            if p.kind is p.VAR_KEYWORD:
                yield f"{p.name}-{kind}", f"(x={value})"
                continue
            yield f"{p.name}-{kind}-at", "(%s)" % ", ".join([*before, value])
            if p.kind is not p.VAR_POSITIONAL:
                yield f"{p.name}-{kind}-kw", f"({p.name}={value})"
        if p.kind is p.VAR_POSITIONAL or p.default is p.empty and p.kind is not p.VAR_KEYWORD:
            before.append('"县"' if p.default is p.empty else _literal(p.default))  # 县: in the input
        else:
            before.append(_literal(p.default))


def _render_all(folder, context, lines: dict):
    """Each line as a template of its own in ``folder``: its output, or the refusal."""
    from drafter.render.templates import render_markup

    folder.mkdir(exist_ok=True)
    for i, line in enumerate(lines.values()):
        (folder / f"t{i}.md.j2").write_text(line + "\n", encoding="utf-8")
    for i, (case, line) in enumerate(lines.items()):
        try:
            yield case, line, render_markup(folder, f"t{i}.md.j2", context)
        except TemplateError as err:
            yield case, line, err


def _taking_arguments() -> list[str]:
    return [name for name in sorted(jinja2.filters.FILTERS) if next(_calls(name), None)]


def test_the_filters_taking_arguments_are_found():
    assert {"join", "replace", "truncate", "wordwrap", "indent", "format", "default"} <= set(_taking_arguments())


@pytest.mark.parametrize("name", _taking_arguments())
def test_every_argument_of_every_builtin_filter_prints_report_text_or_is_refused(tmp_path, example_context, name):
    lines = {case: "{{ 单位 | %s%s }}" % (name, args) for case, args in _calls(name)}
    lines.update({f"list-{case}": "{{ 主要成效 | %s%s }}" % (name, args) for case, args in _calls(name)})
    for case, line, out in _render_all(tmp_path / "tpl", example_context, lines):
        if isinstance(out, TemplateError):
            assert out.where.line == 1 and out.where.file.endswith(".md.j2"), (case, out.format())
            assert re.search("[\u4e00-\u9fff]", out.message) and "0x" not in out.format(), (case, out.format())
        else:
            assert not GARBAGE.search(out), (case, line, out)


@pytest.mark.parametrize("line, said", [
    ("{{ 主要成效 | join(成效[0]) }}", "join"), ("{{ 主要成效 | join(数据句子) }}", "join"),
    ("{{ 主要成效 | join(问题) }}", "join"), ("{{ 单位 | replace(\"县\", none) }}", "replace"),
    ("{{ 主要成效 | join(盖章) }}", "join"), ("{{ 主要成效 | join(d=true) }}", "join"),
    ("{{ 单位 | truncate(3, end=none) }}", "truncate"), ("{{ 单位 | wordwrap(2, wrapstring=成效[0]) }}", "wordwrap"),
    ("{{ 单位 | indent(成效[0]) }}", "indent"), ("{{ 单位 | replace(成效[0], \"x\") }}", "replace"),
], ids=["theme", "function", "list-of-dicts", "none", "false", "true", "truncate-none", "wordwrap", "indent",
        "replace-old"])
def test_the_arguments_the_tester_found_are_refused_at_their_line(tmp_path, example_context, line, said):
    from drafter.render.templates import render_markup

    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text("第一行\n" + line + "\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_markup(folder, "report.md.j2", example_context)
    assert err.value.where.line == 2 and said in err.value.format(), err.value.format()
    assert "0x" not in err.value.format() and "None" not in err.value.message


@pytest.mark.parametrize("line, text", [
    ("{{ [\"甲\", \"乙\"] | join(成文日期) }}", "甲2026年2月6日乙"),
    ("{{ [\"甲\", \"乙\"] | join(3) }}", "甲3乙"),
    ("{{ [\"甲\", \"乙\"] | join(成效[0].数据.法治督察.督察次数) }}", "甲6次乙"),
    ("{{ 单位 | replace(\"县\", 成文日期) }}", "示例2026年2月6日人民政府"),
    ("{{ 单位 | replace(\"县\", 2) }}", "示例2人民政府"),
    ("{{ 单位 | truncate(5, true, \"……\", 0) }}", "示例县……"),
    ("{{ 单位 | wordwrap(3, true, \"、\") }}", "示例县、人民政、府"),
], ids=["date", "number", "figure", "replace-date", "replace-number", "truncate", "wordwrap"])
def test_text_and_numbers_as_arguments_print_as_the_report_writes_them(tmp_path, example_context, line, text):
    from drafter.render.templates import render_markup

    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text(line + "\n", encoding="utf-8")
    assert render_markup(folder, "report.md.j2", example_context).strip() == text


# -- T3: an expression made only of literals is checked as any other --------------------------------

@pytest.mark.parametrize("line", [
    '{{ [1,2] ~ "件" }}', '{{ none ~ "" }}', '{{ true ~ "" }}', '{{ false ~ "" }}', '{{ "x" ~ [1] }}',
    '{{ {"a": 1} ~ "" }}', '{{ "共" ~ (1, 2) ~ "件" }}', '{{ "甲" ~ ("乙" ~ none) }}', '{{ ("a" ~ none) if true else "" }}',
    '{{ "前" ~ [] }}', '{{ "前" ~ {} ~ "后" }}', '{{ [("x" ~ none)] | join("、") }}',
], ids=["list", "none", "true", "false", "text-list", "dict", "tuple", "nested", "conditional", "empty-list",
        "empty-dict", "in-a-list"])
def test_literals_joined_with_tilde_are_refused_at_their_line(tmp_path, example_context, line):
    from drafter.render.templates import render_markup

    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text("第一行\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_markup(folder, "report.md.j2", example_context)
    assert err.value.where.line == 3 and "~" in err.value.message, err.value.format()


@pytest.mark.parametrize("line, text", [
    ('{{ "共" ~ 3 ~ "件" }}', "共3件"), ('{{ "甲" ~ "乙" }}', "甲乙"), ('{{ 1.5 ~ "倍" }}', "1.5倍"),
    ('{{ "共" ~ 3.0 ~ "件" }}', "共3件"),
], ids=["int", "text", "float", "whole-float"])
def test_literals_that_are_text_or_numbers_join_as_before(tmp_path, example_context, line, text):
    from drafter.render.templates import render_markup

    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text(line + "\n", encoding="utf-8")
    assert render_markup(folder, "report.md.j2", example_context).strip() == text


def test_literals_joined_with_tilde_are_refused_through_the_command(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from drafter.cli.commands import main
    from test_hostile_templates import english

    folder = tmp_path / "tpl"
    shutil.copytree(builtin_templates() / "default", folder)
    entry = folder / "report.md.j2"
    entry.write_text('{{ [1,2] ~ "件" }}\n' + entry.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _form(tmp_path)
    result = CliRunner().invoke(main, ["render", "表单.yaml", "-t", "tpl", "-o", "报告.docx"])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert result.output.startswith("tpl/report.md.j2:1：") and not english(result.output), result.output
    assert "[1, 2]" not in result.output and not (tmp_path / "报告.docx").exists()


# -- T4: init --org is checked as the form's 单位 --------------------------------------------------

def _init(tmp_path, org: str, codes=(0, 2)):
    out = tmp_path / "空白.yaml"
    result = run_clean(["init", "-o", out, "--org", org], outputs=[out, tmp_path / "drafter-form.schema.json"],
                       exit_codes=codes, located=False)
    return result, out


def _unit_line(out) -> str:
    return next(line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("单位:"))


@pytest.mark.parametrize("org", ["某县\n政府", "某县\r政府", "某县\r\n人民政府", "\n某县人民政府"],
                         ids=["lf", "cr", "crlf", "leading"])
def test_an_org_name_with_a_line_break_is_refused(tmp_path, org):
    result, out = _init(tmp_path, org, codes=(2,))
    assert "--org" in result.output and "换行" in result.output and not out.exists()


@pytest.mark.parametrize("char, name", [("\u202e", "U+202E"), ("\u200b", "U+200B"), ("\ufeff", "U+FEFF"),
                                        ("\u2066", "U+2066"), ("\u00ad", "U+00AD")])
def test_an_invisible_character_in_an_org_name_is_removed_and_said(tmp_path, char, name):
    result, out = _init(tmp_path, f"某{char}县人民政府", codes=(0,))
    assert _unit_line(out) == "单位: 某县人民政府"
    assert "--org" in result.output and "不可见字符" in result.output and name in result.output, result.output


@pytest.mark.parametrize("org, said", [
    ("某\x07县", "控制字符"), ("某县\v政府", "控制字符"), ("{年度}某县人民政府", "大括号"), ("{{ 单位 }}", "大括号"), ("，，", "没有一个字"),
    ("某" * 51, "太长了"),
], ids=["control", "vertical-tab", "placeholder", "jinja", "no-word", "long"])
def test_an_org_name_the_form_would_refuse_is_refused(tmp_path, org, said):
    result, out = _init(tmp_path, org, codes=(2,))
    assert "--org" in result.output and said in result.output and not out.exists(), result.output


@pytest.mark.parametrize("org, unit", [("某县 人民政府", "某县人民政府"), ("Acme  County 政府", "Acme County政府"),
                                       ("某县人民政府", "某县人民政府")], ids=["cjk-space", "latin", "plain"])
def test_spaces_in_an_org_name_are_closed_as_in_the_form(tmp_path, org, unit):
    result, out = _init(tmp_path, org, codes=(0,))
    assert _unit_line(out) == f"单位: {unit}" and "提醒" not in result.output


# -- T5: braces typed in the form's text ---------------------------------------------------------------

BRACES = {
    "主送机关": ("主送机关: 县委、县人大常委会", '主送机关: "{年度}"'),
    "标题": ("单位: 示例县人民政府\n", '单位: 示例县人民政府\n标题: "{{ 单位 }}关于2025年度法治政府建设情况的报告"\n'),
    "内容": ("标题: 用好考核和督察两个抓手\n", '标题: 用好考核和督察两个抓手\n        内容: "{{ 单位 }}组织开展督察。"\n'),
    "做法标题": ("标题: 带头学法用法", '标题: "{下一年度}带头学法用法"'),
    "单位": ("单位: 示例县人民政府", '单位: "示例县{单位}"'),
    "表现": ("标题: 基层依法行政能力仍有短板", '标题: 基层依法行政能力仍有短板｛年度｝'),
    "lone": ("主送机关: 县委、县人大常委会", '主送机关: "县委}县人大常委会"'),
    "jinja-tag": ("主送机关: 县委、县人大常委会", '主送机关: "{% if 盖章 %}县委{% endif %}"'),
}


@pytest.mark.parametrize("field", BRACES)
def test_braces_in_the_forms_text_are_refused_where_they_are(tmp_path, field):
    old, new = BRACES[field]
    form = _form(tmp_path, (old, new))
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    typed = re.search(r"[{}｛｝]", new.split(":", 1)[1] if field not in ("标题", "内容") else new.split("\n")[1])
    line = next(i for i, text in enumerate(form.read_text(encoding="utf-8").splitlines(), 1)
                if typed and re.search(r"[{}｛｝]", text))
    assert re.search(rf"表单\.yaml:{line}:\d+：", result.output), result.output
    assert "大括号" in result.output and "写法.部分标题" in result.output


def test_a_year_placeholder_in_a_part_heading_is_still_filled(tmp_path):
    form = _form(tmp_path, ("\n成效:\n", '\n写法:\n  部分标题:\n    问题: "{年度}年存在的不足和原因"\n\n成效:\n'))
    result, out = _render(tmp_path, form, codes=(0,))
    import docx

    assert "2025年存在的不足和原因" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


# -- T6: a phrase-table item written {{…}} ---------------------------------------------------------------

@pytest.mark.parametrize("item, slot", [("{{收到申请}}", "{收到申请}"), ("{{ 收到申请 }}", "{收到申请}"),
                                        ("{{收到申请.带同比}}", "{收到申请.带同比}"), ("{{收到申请}, {受理}}", "{收到申请}"),
                                        ("{{}}", "{收到申请}")],
                         ids=["tester", "spaced", "attribute", "two", "empty"])
def test_a_phrase_item_in_double_braces_is_said_as_what_it_is(tmp_path, item, slot):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(f"矛盾纠纷化解:\n  行政复议:\n    - 依法受理{{受理}}\n    - {item}\n",
                                     encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-t", folder, "-o", out], inputs=[form, folder / "句式.yaml"],
                       outputs=[out], exit_codes=(2,))
    assert re.search(r"句式\.yaml:4:7：", result.output), result.output
    assert "一层大括号" in result.output and "引号" in result.output and f'- "{slot}' in result.output
    assert "要有“写”" not in result.output and "键不是简单的文字" not in result.output
    assert result.output.count("【错误】") == 1, result.output


# -- T1 (the reminder): a finding in template-made text quotes its sentence, once ------------------------

def test_a_finding_in_template_made_text_quotes_its_sentence_once(tmp_path):
    folder = tmp_path / "tpl"
    shutil.copytree(builtin_templates() / "default", folder)
    entry = folder / "report.md.j2"
    text = entry.read_text(encoding="utf-8")
    assert "{% for m in t.做法 %}" in text
    entry.write_text(text.replace("{% for m in t.做法 %}", '{% if t.键 == "权力监督" %}\n'
                                  "全年承办建议提案246件，已全部办结。按时办复率122%，满意率98%。\n{% endif %}\n"
                                  "{% for m in t.做法 %}", 1), encoding="utf-8")
    form = _form(tmp_path)
    out = tmp_path / "报告.docx"
    inputs = [form, *sorted(p for p in folder.rglob("*") if p.is_file())]
    result = run_clean(["render", form, "-t", folder, "-o", out], inputs=inputs, outputs=[out], exit_codes=(2,))
    # text a template says as it stands is the template's: refused at its line (round 36)
    line = next(i for i, ln in enumerate(entry.read_text(encoding="utf-8").split("\n"), 1) if "按时办复率122%" in ln)
    said = f"tpl/report.md.j2:{line}：成效（模板生成的文字：“按时办复率122%，满意率98%。”）：【错误】部分大于整体"
    assert said in result.output, result.output
    assert result.output.count("部分大于整体") == 1
