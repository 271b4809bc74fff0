"""Issue 18, braces in quoted text that a template prints (engineer q2).

A string constant with a brace ({ } ｛ ｝) that is printed as it stands — the whole printed
expression, an operand of ~ or +, a branch of ``a if c else b`` — is refused at its template
line: a report never holds braces. Constants used elsewhere (conditions, filter arguments)
are not printed and stay allowed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE
from drafter.files.resources import builtin_templates
from hostile_cases import run_clean

ANCHOR = "# {{ 部分标题.成效 }}\n"


@pytest.fixture(scope="module")
def example_context():
    from drafter.model.catalogue import load_catalogue
    from drafter.jobs.pipeline import check_form
    from drafter.render.variables import build_context
    from drafter.files.yamlsource import load_file

    data, _ = check_form(load_file(EXAMPLE))
    return build_context(data, load_catalogue())


def _render(tmp_path, monkeypatch, line: str, codes=(0, 2)):
    """Render the example form with the default template, ``line`` put after the 成效 heading;
    run in tmp_path, so messages name the template as 模板/report.md.j2."""
    monkeypatch.chdir(tmp_path)
    form = Path("表单.yaml")
    shutil.copy(EXAMPLE, form)
    folder = Path("模板")
    shutil.copytree(builtin_templates() / "default", folder)
    tpl = folder / "report.md.j2"
    text = tpl.read_text(encoding="utf-8")
    assert ANCHOR in text
    tpl.write_text(text.replace(ANCHOR, ANCHOR + line + "\n", 1), encoding="utf-8")
    lineno = text[:text.index(ANCHOR)].count("\n") + 2
    out = Path("报告.docx")
    result = run_clean(["render", form, "-t", folder, "-o", out, "--markup"], inputs=[form, tpl],
                       outputs=[out, out.with_suffix(".md")], exit_codes=codes, cwd=tmp_path)
    return result, lineno


@pytest.mark.parametrize("line", [
    '正文：{{ "{{单位}}" }}。',
    '正文：{{ "{单位}" }}。',
    '正文：{{ "}" }}。',
    '正文：{{ "{" }}。',
    '正文：{{ 单位 ~ "{x}" }}。',
    '正文：{{ "前" ~ 单位 ~ "}后" }}。',
    '正文：{{ "｛｛ 标题 ｝｝" }}。',
    '正文：{{ "｝" }}。',
    '正文：{{ "{" + 单位 }}。',
    '正文：{{ "{" if 单位 }}。',
    '{{ "{" }}{{ 单位 }}',
], ids=["double", "single", "closing", "opening", "tilde-data", "tilde-three", "full-width", "full-width-one",
        "plus", "conditional", "line-start"])
def test_printed_braces_in_quotes_are_refused_at_their_line(tmp_path, monkeypatch, line):
    result, lineno = _render(tmp_path, monkeypatch, line, codes=(2,))
    assert f"模板/report.md.j2:{lineno}：" in result.output, result.output
    assert "大括号" in result.output and "{{ 单位 }}" in result.output, result.output


@pytest.mark.parametrize("line, shown", [
    ('正文：{% if 单位 != "{" %}有{% endif %}。', "正文：有。"),
    ('正文：{{ 单位 | replace("{", "") }}。', "正文：示例县人民政府。"),
    ('正文：{{ "甲{x}乙" | replace("{x}", "丙") }}。', "正文：甲丙乙。"),
    ('正文：{{ 单位 if "{" not in 单位 else "" }}。', "正文：示例县人民政府。"),
    ('{% set 记号 = "{" %}正文：{{ 单位 ~ "。" }}', "正文：示例县人民政府。"),
], ids=["condition", "replace", "replace-pattern", "test-in-condexpr", "set-unprinted"])
def test_braces_in_quotes_that_are_not_printed_still_render(tmp_path, monkeypatch, line, shown):
    result, _ = _render(tmp_path, monkeypatch, line, codes=(0,))
    assert result.exit_code == 0, result.output
    markup = (tmp_path / "报告.md").read_text(encoding="utf-8")
    assert shown in markup.splitlines(), markup


@pytest.mark.parametrize("line", [
    '{{ 单位 if 单位 == "x" else "}" }}', '{{ ("甲" if 单位 else "{乙") ~ 单位 }}', '{{ "甲" * 2 ~ "}" }}',
], ids=["else-branch", "nested-in-tilde", "after-repeat"])
def test_printed_braces_in_branches_are_refused_at_their_line(tmp_path, example_context, line):
    from drafter.errors import TemplateError
    from drafter.render.templates import render_markup

    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text("第一行\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_markup(folder, "report.md.j2", example_context)
    assert err.value.where.line == 3 and "大括号" in err.value.message, err.value.format()
