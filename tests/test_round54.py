"""Round 54 of the outside attack on issue 18 (and the variant left open in round 53): a
form's figure handed straight to 句() or enumerate_cn is judged as a printed one is; with
--last, a change named before its figure by words the catalogue does not know."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report

THEME = "themes/矛盾纠纷化解.md.j2"
X = "t.数据.行政复议"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (f"{{{{ [{X}.受理, {X}.受理] | enumerate_cn }}}}", "在同一句里写了两次"),
        (f"{{{{ 句({X}.受理, {X}.受理) }}}}", "在同一句里写了两次"),
        (f'{{{{ [{X}.受理] | enumerate_cn(end="余") }}}}', "后面紧挨着“余”"),
        (f'{{{{ 句({X}.受理 , "余人") }}}}', None),
    ],
)
def test_round54_a_figure_given_to_a_helper_is_judged_as_printed(tmp_path, runner, line, said):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: line + "\n{{ 数据句子(t) }}\n"}))
    if said is None:  # “，” stands between the figure and 余人: nothing is joined to it
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2 and said in result.output and "tpl/themes/矛盾纠纷化解.md.j2:1" in result.output, result.output


def test_round54_two_figures_through_enumerate_cn_print(tmp_path, runner):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: f"{{{{ [{X}.受理, {X}.审结] | enumerate_cn }}}}\n"}))
    assert result.exit_code == 0, result.output
    import docx

    assert any(p.text.startswith("一是") and "；二是" in p.text for p in docx.Document(str(out)).paragraphs)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("查办各类违法案件同比增长47.0%，达到563件。", 1),
        ("查办各类违法案件同比增长47.0%，共563件。", 1),
        ("查办各类违法案件同比增长35.0%，达到563件。", 0),
        ("办理其他事项同比增长47.0%，达到563件。", 0),  # last year's report names no such count
    ],
)
def test_round54_a_change_named_before_its_figure_by_words_of_its_own(tmp_path, runner, line, code):
    """With --last, the change's words name last year's figure as that report wrote it."""
    last = _report(tmp_path, "全年查办各类违法案件417件，罚没款858万元。", name="last.txt")
    last.write_text(last.read_text(encoding="utf-8").replace("2025", "2024").replace("2026", "2025"), encoding="utf-8")
    result = runner.invoke(main, ["check", str(_report(tmp_path, line)), "--last", str(last)])
    assert ("同比核算" in result.output) == bool(code), result.output
    if code:
        assert "上年417件（去年的报告），应为上升35%" in result.output, result.output
