"""Templates: located errors, filters, no silent blanks, no dangling words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.catalogue import load_catalogue
from drafter.errors import TemplateError
from drafter.pipeline import build
from drafter.render.context import build_context
from drafter.render.environment import render_markup
from drafter.yamlsource import load_text

import yaml


def context(minimal):
    data = dict(minimal)
    data["成文日期"] = dt.date(2026, 2, 6)
    data.setdefault("落款", {})
    for entry in data["成效"]:
        entry.setdefault("上年数据", {})
    return build_context(data, load_catalogue())


def render(tmp_path: Path, text: str, ctx: dict, name: str = "report.md.j2") -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return render_markup(tmp_path, name, ctx)


def test_filters_in_a_template(tmp_path, minimal):
    out = render(tmp_path, "{{ 15000 | num }} {{ 683 | num(approx=true) }} {{ 0.95312 | percent(2) }} "
                           "{{ 29 | rate(151) }} {{ 110 | yoy(100) }} {{ 0.95 | points(0.93) }} {{ 12 | cn }} "
                           "{{ 成文日期 | cn_date }} {{ ['甲', '乙'] | enumerate_cn }}", context(minimal))
    assert out == "1.5万 680余 95.31% 19.2% 同比增长10% 同比提高2个百分点 十二 2026年2月6日 一是甲；二是乙。"


def test_figures_and_rates_from_counts(tmp_path, minimal):
    out = render(tmp_path, "{% set f = 成效[0].数据.行政复议 %}{{ f.收到申请 }} {{ f.纠错率 }} "
                           "{{ f.纠错率.精度(2) }} {{ f.结案率 }}", context(minimal))
    assert out == "120件 9% 9% 90.9%"


def test_missing_figure_drops_its_whole_clause(tmp_path, minimal):
    out = render(tmp_path, '{% set f = 成效[0].数据.行政复议 %}'
                           '{{ 句(项("收到申请{}", f.收到申请), 项("调解和解{}", f.调解和解), 项("纠错率{}", f.纠错率)) }}',
                 context(minimal))
    assert out == "收到申请120件，纠错率9%。"
    assert "，，" not in out and "调解" not in out


def test_group_with_no_data_gives_nothing(tmp_path, minimal):
    out = render(tmp_path, '{% set f = 成效[0].数据.行政应诉 %}[{{ 句(项("案件{}", f.案件)) }}]'
                           '{% if f %}有{% endif %}', context(minimal))
    assert out == "[]"


def test_yoy_only_when_last_year_given(tmp_path, minimal):
    minimal["成效"][0]["上年数据"] = {"行政复议": {"收到申请": 100, "审结": 100, "纠错": 5}}
    out = render(tmp_path, "{% set f = 成效[0].数据.行政复议 %}{{ f.收到申请.带同比 }}|{{ f.受理.带同比 }}|"
                           "{{ f.纠错率.带同比 }}", context(minimal))
    assert out == "120件，同比增长20%|110件|9%，同比提高4个百分点"


def test_undefined_name_is_located(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "第一行\n{{ 单位 }}\n{{ 单味 }}\n", context(minimal))
    err = info.value
    assert "单味" in err.message and err.where.line == 3 and err.where.file.endswith("report.md.j2")


def test_unknown_figure_is_an_error_not_a_blank(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "\n{{ 成效[0].数据.行政复议.收到申情 }}", context(minimal))
    err = info.value
    assert "收到申情" in err.message and "收到申请" in err.hint and err.where.line == 2


def test_printing_a_missing_figure_directly_is_an_error(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "{{ 成效[0].数据.行政复议.调解和解 }}", context(minimal))
    assert "没有填写" in info.value.message and info.value.where.line == 1


def test_syntax_error_is_located(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "a\n{% if 单位 %}\nb\n", context(minimal))
    assert "语法错误" in info.value.message and info.value.where.line >= 2


def test_error_in_an_included_theme_names_that_file(tmp_path, minimal):
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "x.md.j2").write_text("ok\n{{ nope }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render(tmp_path, '{% include "themes/x.md.j2" %}', context(minimal))
    assert info.value.where.file.endswith("x.md.j2") and info.value.where.line == 2


def test_sandbox_blocks_python_internals(tmp_path, minimal):
    with pytest.raises(TemplateError):
        render(tmp_path, "{{ 单位.__class__.__mro__ }}", context(minimal))


def test_printed_values_cannot_break_the_markup(tmp_path, minimal):
    minimal["问题"][0]["表现"] = "第一行\n# 不是标题"
    result = build(load_text(yaml.safe_dump(minimal, allow_unicode=True), "f.yaml"))
    assert all(not s.heading.startswith("不是标题") for s in result.report.walk())
    assert "第一行# 不是标题" in result.markup


def test_theme_with_no_data_and_no_measures_does_not_appear(minimal):
    minimal["成效"].append({"主题": "普法"})
    result = build(load_text(yaml.safe_dump(minimal, allow_unicode=True), "f.yaml"))
    headings = [s.heading for s in result.report.walk()]
    assert not any("普法" in h for h in headings)


def test_default_template_has_every_theme_file():
    from drafter.resources import builtin_templates

    folder = builtin_templates() / "default" / "themes"
    for key in load_catalogue().themes:
        assert (folder / f"{key}.md.j2").is_file(), key


def test_example_uses_formula_of_its_year(example_data):
    from drafter.formulas import builtin

    result = build(load_text(yaml.safe_dump(example_data, allow_unicode=True), "f.yaml"))
    assert builtin().years[2025]["会议精神"] in result.report.opening[0].text


def test_template_not_utf8(tmp_path, minimal):
    (tmp_path / "report.md.j2").write_bytes("标题".encode("gbk"))
    with pytest.raises(TemplateError) as info:
        render_markup(tmp_path, "report.md.j2", context(minimal))
    assert "UTF-8" in info.value.message


# -- a clerk's folder over the default (issue 12 §1) --------------------------------------------

def test_a_folder_with_one_theme_file_renders_over_the_default(tmp_path):
    import docx
    from click.testing import CliRunner

    from drafter.cli import main
    from conftest import EXAMPLE

    runner = CliRunner()
    folder = tmp_path / "我的模板"
    result = runner.invoke(main, ["templates", "copy", "default", str(folder), "themes/普法.md.j2"])
    assert result.exit_code == 0, result.output
    assert [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()] == ["themes/普法.md.j2"]
    theme = folder / "themes" / "普法.md.j2"
    theme.write_text(theme.read_text(encoding="utf-8").replace("开展普法宣传活动", "本年度共组织普法宣传活动"),
                     encoding="utf-8")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    plain = tmp_path / "plain.docx"
    assert runner.invoke(main, ["render", str(EXAMPLE), "-o", str(plain)]).exit_code == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    before = [p.text for p in docx.Document(str(plain)).paragraphs]
    changed = [(a, b) for a, b in zip(before, texts) if a != b]
    assert len(texts) == len(before) and len(changed) == 1  # every other file came from the default
    assert changed[0][1] == changed[0][0].replace("开展普法宣传活动", "本年度共组织普法宣传活动")

    diff = runner.invoke(main, ["templates", "diff", str(folder)])
    assert diff.exit_code == 0 and "=== themes/普法.md.j2（改动）===" in diff.output
    assert "-{{ 句(项(\"开展普法宣传活动{}\"" in diff.output and "+{{ 句(项(\"本年度共组织普法宣传活动{}\"" in diff.output
    listed = runner.invoke(main, ["templates", "list", str(folder)])
    assert "改动了（1 个）：\n  themes/普法.md.j2" in listed.output and "用自带的（随 drafter 升级）" in listed.output


def test_a_deleted_file_falls_back_to_the_default(tmp_path):
    import docx
    from click.testing import CliRunner

    from drafter.cli import main
    from conftest import EXAMPLE

    runner = CliRunner()
    folder = tmp_path / "整套"
    assert runner.invoke(main, ["templates", "copy", "default", str(folder)]).exit_code == 0
    (folder / "themes" / "普法.md.j2").unlink()
    plain, out = tmp_path / "plain.docx", tmp_path / "r.docx"
    assert runner.invoke(main, ["render", str(EXAMPLE), "-o", str(plain)]).exit_code == 0
    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    texts = lambda p: [(x.style.name, x.text) for x in docx.Document(str(p)).paragraphs]  # noqa: E731
    assert texts(out) == texts(plain)
    assert "这个文件夹没有改动自带模板" in runner.invoke(main, ["templates", "diff", str(folder)]).output


def test_copying_named_files_never_overwrites(tmp_path):
    from click.testing import CliRunner

    from drafter.cli import main

    runner = CliRunner()
    folder = tmp_path / "t"
    assert runner.invoke(main, ["templates", "copy", "default", str(folder), "themes/普法.md.j2"]).exit_code == 0
    (folder / "themes" / "普法.md.j2").write_text("我的", encoding="utf-8")
    again = runner.invoke(main, ["templates", "copy", "default", str(folder), "themes/普法.md.j2"])
    assert again.exit_code == 2 and "已经存在" in again.output
    assert (folder / "themes" / "普法.md.j2").read_text(encoding="utf-8") == "我的"
    wrong = runner.invoke(main, ["templates", "copy", "default", str(folder), "普法.md.j2"])
    assert wrong.exit_code == 2 and "是不是“themes/普法.md.j2”" in wrong.output
