"""Round 53 of the outside attack on issue 18: a sentence of nothing but marks, a figure said
again after a “；”, what a refusal quotes, and 分别为 with no names before it."""

from __future__ import annotations

import pytest

from hostile_cases import clerk_templates, render_with

THEME = "themes/矛盾纠纷化解.md.j2"
X = "t.数据.行政复议"


def test_round53_a_sentence_of_nothing_but_marks_prints_nothing(tmp_path, runner):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: '{{ 数据句子(t) }}\n{{ 句("，", "。") }}\n'}))
    assert result.exit_code == 0, result.output
    import docx

    assert not [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip() in ("。", "，")]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (f"受理{{{{ {X}.受理 }}}}；审结{{{{ {X}.受理 }}}}。", 2),
        (f"受理{{{{ {X}.受理 }}}}；审结{{{{ {X}.审结 }}}}。受理{{{{ {X}.受理 }}}}。", 0),
    ],
)
def test_round53_a_figure_said_again_after_a_semicolon_is_said_twice(tmp_path, runner, line, code):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: line + "\n"}))
    assert result.exit_code == code, result.output
    if code:
        assert "在同一句里写了两次" in result.output, result.output


def test_round53_a_refusal_quotes_the_text_as_it_would_print(tmp_path, runner):
    line = f'{{{{ {X}.受理 | string | replace("1", "一") }}}}'
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: line + "\n"}))
    assert result.exit_code == 2 and "得到“一5一件”" in result.output and "|受理" not in result.output, result.output


def test_round53_fenbiewei_with_no_names_before_it_is_refused(tmp_path, runner):
    table = "矛盾纠纷化解:\n  行政复议:\n    - 受理{受理}\n    - 分别为{审结}、{纠错}\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2 and "tpl/句式.yaml:4" in result.output and "前面没有列出名称" in result.output, result.output
    named = "矛盾纠纷化解:\n  行政复议:\n    - 受理{受理}\n    - 审结、纠错分别为{审结}、{纠错}\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": named}, name="tpl2"))
    assert result.exit_code == 0, result.output
