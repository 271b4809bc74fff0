"""Round 41 of the outside attack on issue 18 (and round 40's open causes): a form's figure
glued to another by string operations in a template; rates and changes check misses."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report

THEME = "themes/矛盾纠纷化解.md.j2"
X = "t.数据.行政复议.审结"  # 146件 in the example form


def _render(tmp_path, runner, line: str):
    return render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: "{{ 数据句子(t) }}\n" + line + "\n"}))


@pytest.mark.parametrize(
    "line",
    [
        f'另有{{{{ "{{0}}{{0}}".format({X}.值) }}}}件。',
        f"另有{{{{ {X}.值 | string * 2 }}}}件。",
        f"另有{{{{ {X}.值 | string + {X}.值 | string }}}}件。",
        f"另有{{{{ [{X}.值, {X}.值] | join }}}}件。",
        f"另有{{{{ [{X}, {X}] | join }}}}。",
        f'另有{{{{ "{{}}{{}}".format({X}, {X}) }}}}。',
        f'另有{{{{ "{{}}".format({X}.值) * 2 }}}}件。',
        f"另有{{{{ {X}.约数 ~ {X}.约数 }}}}。",
        f"另有{{{{ {X} | num * 2 }}}}件。",
        f"另有{{{{ {X} | trim }}}}{{{{ {X} | trim }}}}。",
        f"另有{{{{ {X}.带同比 ~ {X}.带同比 }}}}。",
        f'另有{{{{ "%s"|format({X}.值) ~ {X}.值 }}}}件。',
    ],
)
def test_a_figure_glued_by_string_operations_is_refused_at_its_line(tmp_path, runner, line):
    """Round 40: 146 printed twice in a row (146146件) through format, string, *, +, join."""
    out, result = _render(tmp_path, runner, line)
    assert result.exit_code == 2 and not out.exists(), result.output
    assert result.output.startswith(f"tpl/{THEME}:2") and "紧挨着" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        (f'{{% if {X}.值 | string == "146" %}}审结一百四十六件。{{% endif %}}', "审结一百四十六件。"),
        (f'{{% if ({X}.值 | string).startswith("14") %}}以十四开头。{{% endif %}}', "以十四开头。"),
        (f'{{% if "4" in {X}.值 | string %}}含有四。{{% endif %}}', "含有四。"),
        (f"另有{{{{ {X}.值 | string | int }}}}件。", "另有146件。"),
        (f'另有{{{{ "{{}}件".format({X}.值) }}}}。', "另有146件。"),
        (f"共{{{{ [{X}, {X[:-2]}受理] | join('、') }}}}。", "共146件、151件。"),
    ],
)
def test_text_made_of_a_figure_still_compares_and_prints_as_it_is(tmp_path, runner, line, printed):
    """The marks drafter puts round a figure made text are never seen by a comparison, a
    question asked of the text, or int."""
    import docx

    out, result = _render(tmp_path, runner, line)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert printed in text and "\ue002" not in text, text


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("全年受理行政复议案件151件，审结146件。结案率86.7%（146件÷151件）。", "应为96.7%"),
        ("全年评查案卷320卷，合格率80%（合格223卷÷评查320卷）。", "应为69.7%"),
        ("全年化解行政争议119件，化解率为82.3%（化解86件÷受理119件×100%）。", "应为72.3%"),
        ("全年清理规范性文件236件，其中废止18件、修改25件、继续有效203件。", "其中超总数"),
        ("全年清理规范性文件236件（废止118件、修改125件）。", "其中超总数"),
        ("全年化解行政争议86件，受理行政争议119件，化解率为82.3%。", "应为72.3%"),
        ("涉企行政检查同比减少45.6%，由上年的1 230次减少到792次。", "应为下降35.6%"),
        ("行政复议案件受理数同比增长30%，由上年的100件增加到120件。", "应为上升20%"),
        ("办结率同比提高3个百分点，由90%提高到95%。", "应为提高5个百分点"),
    ],
)
def test_round41_errors_check_promises_to_catch(tmp_path, runner, line, said):
    """A worked fraction with units or words (C1), a clean-up's outcomes (C2), a whole after
    its part for a rate the catalogue does not know (C3), a change before 由…到 (C4)."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        "全年受理行政复议案件151件，审结146件。结案率96.7%（146件÷151件）。",
        "全年清理规范性文件236件，其中废止18件、修改25件、继续有效193件。",
        "全年化解行政争议86件，受理行政争议119件，化解率为72.3%。",
        "涉企行政检查同比减少35.6%，由上年的1 230次减少到792次。",
        "办结率同比提高5个百分点，由90%提高到95%。",
    ],
)
def test_round41_the_same_sentences_written_right_pass(tmp_path, runner, line):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0, result.output


def test_round41_items_run_on_in_one_paragraph_come_back_as_written(tmp_path, runner):
    """一是深化改革。二是加强普法。 in one paragraph is an enumeration, not a heading 一是 with
    二是 as its text: import keeps it, render prints it as it was, new carries both items."""
    import docx
    import yaml

    line = "一是深化行政复议体制改革。二是加强重点人群普法。"
    source = _report(tmp_path, "全年受理行政复议案件153件，审结141件，结案率92.2%。")
    text = source.read_text(encoding="utf-8").replace("2026年，我们将开展行政执法质量提升行动，推进乡镇综合行政执法规范化建设。", line)
    source.write_text(text, encoding="utf-8")
    form, out, plans = tmp_path / "f.yaml", tmp_path / "r.docx", tmp_path / "n.yaml"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert line in paragraphs and not any("深化行政复议体制改革" in p and p != line for p in paragraphs), paragraphs
    assert runner.invoke(main, ["new", "2026", "--from", str(source), "-o", str(plans)]).exit_code == 0
    carried = [p["标题"] for p in yaml.safe_load(plans.read_text(encoding="utf-8"))["去年安排"]]
    assert carried == ["深化行政复议体制改革", "加强重点人群普法"], carried


@pytest.mark.parametrize(
    "line",
    [
        "全年受理行政复议案件151件，审结146件，结案率96.7%，均已按期办结。",
        "全年受理行政复议案件151件，审结146件，结案率96.7%，全部审结。",
        "受理信访事项936件，按期办结率98.4%，均已按期办结。",
    ],
)
def test_round41_all_done_said_after_a_rate_under_100_is_an_error(tmp_path, runner, line):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and "后面写了" in result.output and "就应是100%" in result.output, result.output


def test_round41_all_done_of_the_rest_after_a_rate_passes(tmp_path, runner):
    line = "全年受理行政复议案件151件，审结146件，结案率96.7%，其余5件全部审结。"
    assert runner.invoke(main, ["check", str(_report(tmp_path, line))]).exit_code == 0


def test_round41_all_done_in_the_phrase_table_after_a_rate_stops_render_at_its_line(tmp_path, runner):
    table = "矛盾纠纷化解:\n  行政复议:\n    - 受理{受理}\n    - 审结{审结}\n    - 结案率{结案率}\n    - 均已按期办结\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2 and not out.exists()
    assert "tpl/句式.yaml:6：" in result.output and "均已按期办结" in result.output, result.output


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({"句式.yaml": '矛盾纠纷化解:\n  行政复议:\n    - 受理{受理}\n    - "{收到申请.同比}"\n'}, "tpl/句式.yaml:4:7："),
        ({THEME: f"受理{{{{ {X[:-2]}受理 }}}}，{{{{ {X[:-2]}收到申请.同比 }}}}。\n"}, f"tpl/{THEME}:1"),
        ({THEME: f'{{{{ 句(项("受理{{}}", {X[:-2]}受理), 项("{{}}", {X[:-2]}收到申请.同比)) }}}}\n'}, f"tpl/{THEME}:1"),
    ],
)
def test_round41_a_change_after_another_figure_is_refused(tmp_path, runner, files, said):
    """受理151件，同比增长17.4%: the 17.4% is 收到申请's (162 against 138), read as 受理's."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert result.output.startswith(said) and "收到申请" in result.output and "读成受理的同比" in result.output, result.output


@pytest.mark.parametrize(
    "files",
    [
        {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 受理{受理}\n    - 收到申请{收到申请.同比}\n"},
        {THEME: f"收到{{{{ {X[:-2]}收到申请 }}}}，{{{{ {X[:-2]}收到申请.同比 }}}}。\n"},
        {THEME: f"纠错{{{{ {X[:-2]}纠错 }}}}，纠错率{{{{ {X[:-2]}纠错率.精度(2) }}}}。\n"},
    ],
)
def test_round41_a_change_after_its_own_figure_or_named_renders(tmp_path, runner, files):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 0, result.output


def test_round41_an_outdated_formula_in_the_phrase_tables_opening_is_said_at_its_line(tmp_path, runner):
    table = '开头:\n  - "{年度}年，{单位}认真贯彻党的十九大精神"\n  - 深入学习贯彻习近平法治思想\n  - 现将有关情况报告如下：\n'
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2 and not out.exists()
    assert "tpl/句式.yaml:2：开头" in result.output and "会议精神过时" in result.output, result.output


@pytest.mark.parametrize(
    ("text", "heading_line", "text_line"),
    [
        ('@标题 {{ 标题 }}\n# 问题\n{{ 问题 | map(attribute="表现") | join("；") }}\n', 2, 3),
        ('@标题 {{ 标题 }}\n{{ 开头句子() }}\n# 问题\n\n{{ 问题 | map(attribute="表现") | join("；") }}\n', 3, 5),
    ],
)
def test_round41_what_a_template_leaves_out_or_joins_is_said_at_its_own_line(tmp_path, runner, text, heading_line, text_line):
    """A part the template leaves out is said at its heading (never at a form field that has
    the word 问题 in it); 。； made by join is said at the join's line, not the heading's."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"report.md.j2": text}))
    assert result.exit_code == 2 and not out.exists()
    said = result.output
    assert f"tpl/report.md.j2:{heading_line}：问题（模板生成的文字：“问题”）：【错误】缺少必需部分" in said, said
    assert f"tpl/report.md.j2:{text_line}：问题（模板生成的文字" in said and "重复标点" in said, said
    assert "做法" not in said and "问题[1].表现" not in said, said  # 成文日期缺失 is of the whole report


def test_round41_a_report_name_in_an_imported_macro_file_says_with_context(tmp_path, runner):
    from hostile_cases import copy_default

    folder = copy_default(tmp_path)
    (folder / "宏.md.j2").write_text("{% macro 落款() %}\n@署名 {{ 署名 }}\n{% endmacro %}\n", encoding="utf-8")
    report = folder / "report.md.j2"
    text = report.read_text(encoding="utf-8").replace("@署名 {{ 署名 }}", "{{ 宏.落款() }}")
    report.write_text('{% import "宏.md.j2" as 宏 %}\n' + text, encoding="utf-8")
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and "tpl/宏.md.j2:2" in result.output and "with context" in result.output, result.output
    assert "请检查拼写" not in result.output
    report.write_text(report.read_text(encoding="utf-8").replace('as 宏 %}', "as 宏 with context %}"), encoding="utf-8")
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 0, result.output


def test_round41_xx_left_for_a_figure_is_a_placeholder(tmp_path, runner):
    result = runner.invoke(main, ["check", str(_report(tmp_path, "全年受理行政复议案件XX件，审结146件。"))])
    assert result.exit_code == 1 and "占位文字“XX”" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年审结行政复议案件146件，维持80件，纠错18件，驳回20件，合计146件。", 1),
        ("全年查处行政处罚案件60件，行政强制案件50件，合计100件。", 1),
        ("全年审结行政复议案件146件，维持108件，纠错18件，驳回20件，合计146件。", 0),
        ("全年受理行政复议案件151件，审结146件，共计297件。", 0),
        ("全年受理行政复议案件151件，审结146件，其中维持108件，纠错18件，驳回20件，合计146件。", 0),
    ],
)
def test_round41_a_total_after_items_joined_by_commas(tmp_path, runner, line, code):
    """合计 after kinds listed with “，” is their sum; clauses of one matter's stages (受理,
    审结) are never summed, and a list after 其中 starts there."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "合计不符" in result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年受理行政复议案件300件。其中，行政处罚类200件、行政许可类150件。", 1),
        ("全年受理行政复议案件300件，审结280件。其中维持200件、纠错100件。", 1),
        ("全年受理行政复议案件300件。其中，行政处罚类200件、行政许可类50件。", 0),
        ("全年受理行政复议案件300件，审结280件。其中维持200件、纠错80件。", 0),
    ],
)
def test_round41_a_qizhong_list_opening_the_next_sentence(tmp_path, runner, line, code):
    """…300件。其中，…: the parts of the count that ended the sentence before."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "其中超总数" in result.output


@pytest.mark.parametrize(
    "line",
    [
        f'{{{{ 句(项("受理{{}}", {X[:-2]}受理), 项("受理{{}}", {X[:-2]}受理)) }}}}',
        f"{{% set s %}}受理{{{{ {X[:-2]}受理 }}}}{{% endset %}}{{{{ s }}}}，{{{{ s }}}}。",
    ],
)
def test_round41_one_figure_twice_in_a_sentence_is_refused(tmp_path, runner, line):
    out, result = _render(tmp_path, runner, line)
    assert result.exit_code == 2 and not out.exists(), result.output
    assert result.output.startswith(f"tpl/{THEME}:2") and "在同一句里写了两次" in result.output, result.output


def test_round41_last_years_figure_beside_this_years_renders(tmp_path, runner):
    out, result = _render(tmp_path, runner, f"收到{{{{ {X[:-2]}收到申请 }}}}（上年{{{{ {X[:-2]}收到申请.上年数 }}}}），{{{{ {X[:-2]}收到申请.同比 }}}}。")
    assert result.exit_code == 0, result.output
