"""Round 51 of the outside attack on issue 18: the reminder about an unused 上年 figure names
the clerk's own theme template when that writes the theme."""

from __future__ import annotations

from hostile_cases import clerk_templates, render_with
from test_round43 import _form_with_last_year


def test_round51_an_unused_last_year_figure_is_mended_in_the_clerks_theme_template(tmp_path, runner):
    line = '{{ 句(项("全年收到行政复议申请{}", t.数据.行政复议.收到申请), 项("审结{}", t.数据.行政复议.审结)) }}\n'
    out, result = render_with(
        runner, tmp_path, clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line}), _form_with_last_year(tmp_path)
    )
    assert result.exit_code == 0, result.output
    said = [block for block in result.output.split("\n成效") if "“收到申请”填了" in block]
    assert said and "tpl/themes/矛盾纠纷化解.md.j2" in said[0] and "t.数据.行政复议.收到申请.带同比" in said[0], result.output
    assert "句式表（句式.yaml）里把 {收到申请}" not in result.output, result.output
