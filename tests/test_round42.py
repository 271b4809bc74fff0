"""Round 42 of the outside attack on issue 18: check's lists and changes, where template
mistakes are said, numbered sentences read back, a file named like an option."""

from __future__ import annotations

import os

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, copy_default, render_with
from test_round33 import _report

THEME = "themes/矛盾纠纷化解.md.j2"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年办理行政处罚376件，行政强制19件，行政检查275件，合计670件。", 0),
        ("全年办理行政处罚376件，行政强制19件，行政检查275件，共计670件。", 0),
        ("行政处罚376件；行政强制19件；行政检查275件；合计680件。", 1),
        ("行政处罚376件；行政强制19件；行政检查275件；合计670件。", 0),
    ],
)
def test_round42_totals_over_lists_joined_by_commas_or_semicolons(tmp_path, runner, line, code):
    """A verb before the first item (办理) never drops it from the sum; a list joined by “；”
    is summed too."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "合计不符" in result.output and "670件" in result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("受理信访事项300件，均已按期办结；办结率97.3%。", 1),
        ("受理信访事项300件，均已按期办结；办结率100%。", 0),
        ("受理信访事项300件，均已按期办结；受理行政复议案件151件，审结146件，结案率96.7%。", 0),
    ],
)
def test_round42_all_done_before_a_semicolon_and_the_rate_after_it(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("受理信访事项同比下降80.3%，达到110件，上年为648件。", 1),
        ("受理信访事项同比下降12.6%，为291件，上年为317件。", 1),
        ("受理信访事项同比下降8.2%，达到291件，上年为317件。", 0),
    ],
)
def test_round42_a_change_written_before_its_figure(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "同比核算" in result.output


@pytest.mark.parametrize(
    ("files", "said"),
    [
        (
            {"句式.yaml": '矛盾纠纷化解:\n  行政复议:\n    - 审结{审结}\n    - 结案率{结案率}\n    - "{收到申请.同比}"\n'},
            "tpl/句式.yaml:5:7：",
        ),
        (
            {THEME: '{% set x = t.数据.行政复议 %}{{ 句(项("结案率{}", x.结案率), 项("{}", x.收到申请.同比)) }}\n'},
            f"tpl/{THEME}:1",
        ),
    ],
)
def test_round42_a_counts_change_after_a_rate_is_refused(tmp_path, runner, files, said):
    """结案率96.7%，同比增长17.4%: 17.4% is 收到申请's, read as the rate's."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert result.output.startswith(said) and "收到申请" in result.output, result.output


def test_round42_the_fix_for_a_change_after_another_figure_names_that_figure(tmp_path, runner):
    files = {THEME: "{% set x = t.数据.行政复议 %}审结{{ x.审结 }}，{{ x.收到申请.同比 }}。\n"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2
    assert "{{ x.收到申请.带同比 }}" in result.output and "受理.带同比" not in result.output, result.output


def test_round42_a_mistake_in_an_imported_macro_is_said_at_the_macros_line(tmp_path, runner):
    folder = copy_default(tmp_path)
    (folder / "lib").mkdir()
    (folder / "lib" / "宏.j2").write_text(
        "{% macro 小节(t) %}\n## {{ t.标题 }}\n{% if \"行政复议\" in t.数据 %}\n{% set x = t.数据.行政复议 %}\n"
        "审结{{ x.审结 }}，{{ x.收到申请.同比 }}。\n{% endif %}\n{% endmacro %}\n",
        encoding="utf-8",
    )
    report = folder / "report.md.j2"
    lines = report.read_text(encoding="utf-8").split("\n")
    lines = ['{% import "lib/宏.j2" as 宏 %}'] + [
        "{{ 宏.小节(t) }}" if line.startswith("## {{ t.标题 }}") else line
        for line in lines
        if not line.startswith('{% include ["themes/"')
    ]
    report.write_text("\n".join(lines), encoding="utf-8")
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and result.output.startswith("tpl/lib/宏.j2:5："), result.output


def test_round42_an_unclosed_comment_is_said_at_its_line(tmp_path, runner):
    text = (
        "@标题 {{ 标题 }}\n{# 这里以后补一段说明\n{{ 开头句子() }}\n# 成效\n{% for t in 成效 %}\n## {{ t.标题 }}\n"
        "{{ 数据句子(t) }}\n{% for m in t.做法 %}\n### {{ m.标题 }}\n{#- 各做法 -#}\n{% endfor %}\n{% endfor %}\n@署名 {{ 署名 }}\n"
    )
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"report.md.j2": text}))
    assert result.exit_code == 2
    assert result.output.startswith("tpl/report.md.j2:2：") and "注释" in result.output and "第 2 行末尾补上" in result.output


def test_round42_numbered_sentences_with_figures_come_back_as_sentences(tmp_path, runner):
    """（1）县政府常务会议学法12次。 with nothing under it: import keeps its 。, so render prints
    a sentence, never an empty heading that check would call 空节."""
    source = _report(tmp_path, "全年受理行政复议案件153件，审结141件，结案率92.2%。")
    text = source.read_text(encoding="utf-8").replace(
        "县政府主要负责人主持召开县政府常务会议专题研究法治政府建设5次，带头开展述法。",
        "（一）带头学法\n（1）县政府常务会议学法12次。\n（2）举办专题讲座3场。",
    )
    source.write_text(text, encoding="utf-8")
    form, out = tmp_path / "f.yaml", tmp_path / "r.docx"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    assert "标题: 县政府常务会议学法12次。" in form.read_text(encoding="utf-8")
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0 and "空节" not in result.output, result.output
    checked = runner.invoke(main, ["check", str(out)])
    assert checked.exit_code == 0 and "空节" not in checked.output, checked.output


def test_round42_an_output_named_like_the_option_is_its_value(tmp_path, runner):
    from conftest import EXAMPLE

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(main, ["render", str(EXAMPLE), "-o", "-o.docx"])
        assert result.exit_code == 0 and (tmp_path / "-o.docx").is_file(), result.output
        twice = runner.invoke(main, ["render", str(EXAMPLE), "-o", "a.docx", "-o", "b.docx"])
        assert twice.exit_code == 2 and "给了两次" in twice.output
    finally:
        os.chdir(here)


def test_round42_templates_copy_says_every_file_it_cannot_copy_and_how(tmp_path, runner):
    src = tmp_path / "src"
    (src / "themes").mkdir(parents=True)
    (src / "句式.yaml").write_text("开头:\n  - 现将有关情况报告如下：\n", encoding="utf-8")
    os.mkfifo(src / "themes" / "普法.md.j2")
    (src / "report.md.j2").symlink_to("/etc/passwd")
    result = runner.invoke(main, ["templates", "copy", str(src), str(tmp_path / "dst")])
    assert result.exit_code == 2 and not (tmp_path / "dst").exists()
    assert "report.md.j2" in result.output and "普法.md.j2" in result.output and "共 2 处错误" in result.output
    assert "请给出模板文件的路径" not in result.output and "请删去它" in result.output


def test_round42_a_promise_named_in_this_years_report_is_reported_on(tmp_path, runner):
    """check --last: last year's plan named in this year's report (落实上年度工作安排) is done."""
    last = _report(tmp_path, "全年受理行政复议案件153件，审结141件。", name="last.txt")
    last.write_text(
        last.read_text(encoding="utf-8").replace(
            "2026年，我们将开展行政执法质量提升行动，推进乡镇综合行政执法规范化建设。",
            "（一）进一步提升行政执法质量。开展执法人员轮训，推进案卷评查和涉企检查规范化，加强执法监督。",
        ).replace("2025", "2024").replace("2026", "2025"),
        encoding="utf-8",
    )
    this = _report(tmp_path, "全年受理行政复议案件160件。进一步提升行政执法质量。已按计划推进，相关制度已经出台。")
    result = runner.invoke(main, ["check", str(this), "--last", str(last)])
    assert "承诺未落实" not in result.output, result.output
    other = _report(tmp_path, "全年受理行政复议案件160件，审结150件。", name="other.txt")
    result = runner.invoke(main, ["check", str(other), "--last", str(last)])
    assert "承诺未落实" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("受理信访事项110件；上年为648件，同比下降80.3%。", 1),
        ("受理信访事项110件；上年为648件，同比下降83%。", 0),
    ],
)
def test_round42_a_change_of_the_count_before_a_semicolon(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("全年受理行政复议案件292件，其中涉及行政处罚类134件、行政许可类50件、其他类148件。", "其中超总数"),
        ("全年受理行政复议案件292件，其中涉及行政处罚的134件、涉及行政许可的200件。", "其中超总数"),
        ("全年受理行政复议案件（816件）中审结602件，结案率62.8%。", "应为73.8%"),
        ("全年受理行政复议案件（共816件），审结602件，结案率62.8%。", "应为73.8%"),
    ],
)
def test_round43_parts_after_sheji_and_a_whole_in_brackets(tmp_path, runner, line, said):
    """Round 43: 其中涉及… is a list of parts; 受理…（816件）中审结… names its whole in brackets."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        "全年受理行政复议案件292件，其中涉及行政处罚类134件、行政许可类50件、其他类108件。",
        "全年受理行政复议案件（816件）中审结602件，结案率73.8%。",
    ],
)
def test_round43_the_same_written_right_pass(tmp_path, runner, line):
    assert runner.invoke(main, ["check", str(_report(tmp_path, line))]).exit_code == 0
