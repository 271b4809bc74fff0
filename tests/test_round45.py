"""Round 45 of the outside attack on issue 18: what a template may say beside a figure, and
check's 同比 over rounded figures and after a rate."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _last_years_report, _report
from test_round43 import _form_with_last_year

THEME = "themes/矛盾纠纷化解.md.j2"
X = "t.数据.行政复议"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (f"全年受理{{{{ {X}.受理 }}}}，审结{{{{ {X}.审结 }}}}，上年分别为{{{{ {X}.审结.上年数 }}}}、{{{{ {X}.受理.上年数 }}}}。", "一一对应、次序相同"),
        (f"受理{{{{ {X}.受理 }}}}，审结{{{{ {X}.审结 }}}}，纠错率{{{{ {X}.结案率 }}}}。", "读成纠错率"),
        (f"审结{{{{ {X}.审结 }}}}，纠错{{{{ {X}.纠错 }}}}（上年{{{{ {X}.审结.上年数 }}}}）。", "紧跟在“纠错”的数后面"),
        (f"纠错{{{{ {X}.纠错 }}}}，同比增长{{{{ {X}.纠错.同比 }}}}。", "就重复了"),
    ],
)
def test_round45_a_template_may_not_say_a_figure_as_another(tmp_path, runner, line, said):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: line + "\n"}), _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert f"tpl/{THEME}:1" in result.output and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        f"全年受理{{{{ {X}.受理 }}}}，审结{{{{ {X}.审结 }}}}，上年分别为{{{{ {X}.受理.上年数 }}}}、{{{{ {X}.审结.上年数 }}}}。",
        f"办结率{{{{ {X}.结案率 }}}}，纠错率{{{{ {X}.纠错率 }}}}（上年{{{{ {X}.纠错率.上年数 }}}}）。",
    ],
)
def test_round45_a_template_saying_figures_as_theirs_renders(tmp_path, runner, line):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: line + "\n"}), _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("items", "said"),
    [
        ("    - 作出纠错决定{纠错}\n    - 同比增长{纠错.同比}\n", "就重复了"),
        ("    - 审结{审结}\n    - 作出纠错决定{纠错}\n    - （上年{审结.上年}）\n", "紧跟在 {纠错} 后面"),
        ("    - 全年受理{受理}\n    - 审结{审结}\n    - 上年为{受理.上年}\n", "紧跟在 {审结} 后面"),
    ],
)
def test_round45_phrase_items_saying_a_figure_as_another_are_refused(tmp_path, runner, items, said):
    folder = clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n" + items})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and "tpl/句式.yaml:" in result.output and said in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年法律援助经费1.2亿元，同比增长20%，上年为1亿元。", 0),
        ("全年受理案件1.2万件，同比增长20%，上年为1万件。", 0),
        ("全年受理案件12000件，同比增长30%，上年为10000件。", 1),
        ("依申请公开政府信息236件，按时答复率100%，同比增加36件，增长28%。", 1),
        ("依申请公开政府信息236件，按时答复率100%，同比增加36件，增长18%。", 0),
        ("全年受理行政复议案件151件，审结146件，结案率96.7%，同比增长27.4%，上年受理129件。", 1),
        ("全年受理行政复议案件151件，审结146件，结案率96.7%，同比增长17.1%，上年受理129件。", 0),
    ],
)
def test_round45_changes_over_rounded_figures_and_after_a_rate(tmp_path, runner, line, code):
    """1.2亿元 against 1亿元 is 20% (a range that runs across no change is no error); a % after
    a rate that the sentence says is a count's (同比增加36件; 上年受理129件) is the count's."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


def test_review_last_years_mapped_sum_of_money_is_compared_in_the_same_unit(tmp_path, runner):
    """涉及金额 (合同金额, kept in 亿元 by the catalogue) with --last: last year's sum is said in
    万元 as this year's is, never 0.36万元 against 4500万元."""
    last = _last_years_report(tmp_path, "全年合法性审查文件、合同、协议等200件，涉及金额3600万元。")
    this = _report(tmp_path, "全年合法性审查文件、合同、协议等271件，涉及金额4500万元，同比增长50%。")
    result = runner.invoke(main, ["check", str(this), "--last", str(last)])
    assert "应为上升25%" in result.output and "同比异常" not in result.output, result.output
