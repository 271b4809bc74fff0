"""Round 36 of the outside attack on issue 18: what check missed on real-looking reports."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report


@pytest.mark.parametrize(
    ("line", "said"),
    [
        # the first 一是 item stating figures is text, never a run-in heading left unchecked
        ("一是依法受理行政复议申请53件，审结41件，结案率为87.2%。二是持续深化政务公开。", "应为77.4%"),
        ("一是依法受理行政复议申请53件，审结41件，结案率为82.6%。群众满意。二是持续深化政务公开。", "应为77.4%"),
        ("一是办理行政调解案件476件，上年为349件，同比增长40.4%。二是持续深化政务公开。", "同比核算"),
        # 咨询类 is a kind of request, added up with the others
        ("12345热线受理工单393件，其中咨询类292件、投诉类153件。", "其中超总数"),
        ("12345热线受理工单393件，其中咨询292件、投诉153件。", "其中超总数"),
        # what was taken up (排查化解) is the whole of what succeeded (成功化解)
        ("排查化解矛盾纠纷1546起，成功化解1540起，化解率为92.6%。", "应为99.6%"),
    ],
)
def test_round36_plain_errors_are_caught(tmp_path, runner, line, said):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        "一是依法受理行政复议申请53件，审结41件，结案率为77.4%。二是持续深化政务公开。",
        "12345热线受理工单393件，其中咨询类202件、投诉类153件。",
        "排查化解矛盾纠纷1546起，成功化解1540起，化解率为99.6%。",
        "一是强化复议监督。全年审结行政复议案件30件。\n二是持续深化政务公开。政务公开目录全面更新。",
    ],
)
def test_round36_the_same_written_right_draw_nothing(tmp_path, runner, line):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0, result.output


def test_an_enumerated_item_with_a_short_lead_is_still_a_run_in_heading(tmp_path, runner):
    line = "一是强化复议监督。全年审结行政复议案件30件。\n二是持续深化政务公开。政务公开目录全面更新。"
    parsed = runner.invoke(main, ["parse", str(_report(tmp_path, line))])
    assert "一是 强化复议监督。（连排）" in parsed.output and "二是 持续深化政务公开。（连排）" in parsed.output


def _render(tmp_path, runner, files: dict[str, str], form=None):
    folder = clerk_templates(tmp_path, files)
    return (folder, *render_with(runner, tmp_path, folder, form))


@pytest.mark.parametrize("line", ["全年工作成效明显。；", "全年工作成效明显，，", "{{ 问题[0].表现 }}；"])
def test_marks_a_template_writes_twice_are_refused_at_its_line(tmp_path, runner, line):
    """As it stands in the template (全年工作成效明显。；) or after a value ending in “。”
    ({{ 问题[0].表现 }}；): the template's, refused at its line — never accepted and then called an
    错误 by check of the report."""
    folder, out, result = _render(tmp_path, runner, {"themes/矛盾纠纷化解.md.j2": "{{ 数据句子(t) }}\n" + line + "\n"})
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith("tpl/themes/矛盾纠纷化解.md.j2:2：") and "重复标点" in result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("本年度承办人大代表建议112件，政协委员提案134件，按时办复246件，按时办复率100%。", 0),
        ("本年度承办人大代表建议112件，政协委员提案134件，按时办复240件，按时办复率97.6%。", 0),
        ("本年度承办人大代表建议112件，政协委员提案134件，按时办复240件，按时办复率100%。", 1),
    ],
)
def test_a_rate_over_a_sum_the_catalogue_defines_is_checked_over_the_sum(tmp_path, runner, line, code):
    """办复率 = 按时办复 ÷ (人大代表建议 + 政协提案), the parts joined by “，” as the default
    phrase table writes them: 246 of 112 + 134 is 100%, never a part larger than 政协提案."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    assert "部分大于整体" not in result.output
    if code:
        assert "应为97.6%" in result.output


def test_a_change_named_for_the_total_is_not_set_against_a_qizhong_part_last_year(tmp_path, runner):
    """审查文件…200件，其中审查政府合同50件，审查件数同比增长100% with --last: the change may be of
    the 200, so it is never worked out over 审查合同's 50 and last year's 80 (宁可漏报)."""
    import yaml

    from conftest import EXAMPLE

    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    paths = {}
    for year, (files, contracts, last) in {2025: (100, 80, None), 2026: (200, 50, 100)}.items():
        form = dict(base, 年度=year, 成文日期=f"{year + 1}-02-05")
        form.pop("标题", None)
        form.pop("去年安排", None)
        themes = []
        for t in form["成效"]:
            t = dict(t)
            t.pop("上年数据", None)
            if t["主题"] == "重大决策":
                t["数据"] = {"合法性审查": {"审查文件": files, "审查合同": contracts}}
                if last:
                    t["上年数据"] = {"合法性审查": {"审查文件": last}}
            else:
                t.pop("数据", None)
            themes.append(t)
        form["成效"] = themes
        form["第一责任人"] = {k: v for k, v in form["第一责任人"].items() if k not in ("数据", "上年数据")}
        path = tmp_path / f"{year}.yaml"
        path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
        paths[year] = tmp_path / f"{year}.docx"
        result = runner.invoke(main, ["render", str(path), "-o", str(paths[year])])
        assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["check", str(paths[2026]), "--last", str(paths[2025])])
    assert "同比核算" not in result.output, result.output


def _docx_with_raised(tmp_path, before: str, mark: str, after: str, sub: bool = False):
    import docx

    text = _report(tmp_path, "X").read_text(encoding="utf-8").strip().split("\n")
    d = docx.Document()
    for line in text:
        p = d.add_paragraph()
        if line != "X":
            p.add_run(line)
            continue
        p.add_run(before)
        raised = p.add_run(mark)
        if sub:
            raised.font.subscript = True
        else:
            raised.font.superscript = True
        p.add_run(after)
    path = tmp_path / "r.docx"
    d.save(str(path))
    return path


@pytest.mark.parametrize(("mark", "sub"), [("1", False), ("1", True), ("*", False), ("①", False)])
def test_a_raised_note_mark_after_a_figure_is_not_part_of_it(tmp_path, runner, mark, sub):
    """151¹件 (a note's mark set raised, as Word shows it): the figure is 151, never 1511."""
    path = _docx_with_raised(tmp_path, "全年受理行政复议案件151", mark, "件，审结146件，结案率96.7%；纠错18件，纠错率12.3%。", sub)
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    parsed = runner.invoke(main, ["parse", "--json", str(path)])
    assert '"原文": "151件"' in parsed.output and "1511" not in parsed.output


def test_a_raised_digit_after_a_letter_is_read_as_written(tmp_path):
    """m and a raised 2 (m²) is no note's mark: read as it is written, nothing dropped."""
    from drafter.reading.source import read_lines

    path = _docx_with_raised(tmp_path, "新建调解室面积120m", "2", "，全年调解矛盾纠纷26件。")
    assert any("120m2" in line for line in read_lines(path))
    path = _docx_with_raised(tmp_path, "全年受理行政复议案件151", "1", "件。")
    assert any("受理行政复议案件151件" in line for line in read_lines(path))


@pytest.mark.parametrize("command", [["init", "--year", "2025", "--org", "某县人民政府"], ["schema"]])
def test_a_read_only_file_or_a_pipe_at_o_is_said_as_such_before_force_is_suggested(tmp_path, runner, command):
    import os

    readonly = tmp_path / "clerk.yaml" if command[0] == "init" else tmp_path / "clerk.json"
    readonly.write_text("x: 1\n", encoding="utf-8")
    readonly.chmod(0o444)
    pipe = tmp_path / ("pipe.yaml" if command[0] == "init" else "pipe.json")
    os.mkfifo(pipe)
    for target, said in ((readonly, "是只读文件"), (pipe, "不是普通文件")):
        result = runner.invoke(main, [*command, "-o", str(target)])
        assert result.exit_code == 2 and said in result.output and "--force" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("一是评查行政执法案卷119卷，合格100卷，合格率90%。二是加强执法监督。", "应为84%"),
        ("一是评查行政执法案卷119卷，合格126卷。二是加强执法监督。", "部分大于整体"),
        ("一是受理案件119宗，办结100宗，办结率90%。二是加强执法监督。", "应为84%"),
    ],
)
def test_round37_an_item_stating_figures_in_any_unit_is_checked(tmp_path, runner, line, said):
    """Round 37: the 一是 item stating figures in 卷 or 宗 (any unit the reader knows) is text."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    ['{% set x = "{{单位}}" %}\n全年平稳，{{ x }}', '{% set x = "}" %}全年{{ x }}平稳。', '{% set x = ["{单位}"] %}{% for y in x %}{{ y }}{% endfor %}'],
)
def test_a_brace_that_reaches_the_output_through_a_name_is_refused(tmp_path, runner, line):
    """Round 37: {% set x = "{单位}" %}{{ x }} prints a brace the form never holds: refused at the
    line that prints it, never a report with braces in it."""
    folder, out, result = _render(tmp_path, runner, {"themes/矛盾纠纷化解.md.j2": "{{ 数据句子(t) }}\n" + line + "\n"})
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith("tpl/themes/矛盾纠纷化解.md.j2:") and "大括号会印进报告" in result.output
