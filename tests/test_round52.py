"""Round 52 of the outside attack on issue 18: where a clerk mends an unprinted 同比 when their
own phrase table or theme template leaves a group out, and a {{ left open at a line's end."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE
from hostile_cases import clerk_templates, render_with

LAST = "上年数据"


@pytest.mark.parametrize(
    ("files", "said"),
    [
        (
            {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 全年受理{受理}\n    - 审结{审结}\n"},
            "句式表 tpl/句式.yaml 的“矛盾纠纷化解”下没有“行政应诉”这一组",
        ),
        ({"themes/矛盾纠纷化解.md.j2": '{{ 数据句子(t, "行政复议") }}\n'}, '加上 {{ 数据句子(t, "行政应诉") }}'),
    ],
)
def test_round52_an_unprinted_change_of_a_group_left_out_is_mended_where_the_group_is_left_out(tmp_path, runner, files, said):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files), EXAMPLE)
    assert result.exit_code == 0, result.output
    block = next((b for b in result.output.split("【提醒】") if b.startswith("上年的“案件”填了")), "")
    assert said in block, result.output
    assert "默认的句式" not in block, result.output


@pytest.mark.parametrize("line", ["审结{{", "审结{{ ", "审结}}{{"])
def test_round52_a_brace_left_open_at_a_lines_end_is_said_at_that_line(tmp_path, runner, line):
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": f"第一行文字。\n{line}\n第三行。\n"})
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and "themes/矛盾纠纷化解.md.j2:2：" in result.output, result.output
    assert "第 2 行的“{{”没有对应的“}}”" in result.output, result.output
