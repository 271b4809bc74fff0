"""Round 34 of the outside attack on issue 18: a rate whose part is written 实际… (as 已…) is
checked against what was owed, in either order after it."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("规范性文件报备率100%（应报备26件，实际报备24件）。", "应为92.3%"),
        ("行政机关负责人出庭应诉率为100%（应出庭应诉52件，实际出庭应诉50件）。", "应为96.2%"),
        ("报备率100%，应报备26件，实际报备24件。", "应为92.3%"),
        ("规范性文件报备率100%（实际报备24件，应报备26件）。", "应为92.3%"),
        ("规范性文件报备率100%（已报备24件，应报备26件）。", "应为92.3%"),
        ("参训率100%（应参训200人，实际参训180人）。", "应为90%"),
    ],
)
def test_a_rate_over_what_was_owed_is_checked_when_its_part_is_actual(tmp_path, runner, line, right):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and "比率核算" in result.output and right in result.output, result.output


@pytest.mark.parametrize(
    "line",
    ["规范性文件报备率92.3%（应报备26件，实际报备24件）。", "规范性文件报备率92.3%（实际报备24件，应报备26件）。", "参训率90%（应参训200人，实际参训180人）。"],
)
def test_the_same_rates_written_right_draw_nothing(tmp_path, runner, line):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0, reason="run as root (as CI is)")
def test_another_users_schema_in_a_shared_folder_is_said_with_the_fix_that_helps(tmp_path, runner, monkeypatch):
    """The schema beside a form has a fixed name: when another user's stands in a shared folder,
    the message says to use another folder, never another -o; nothing is written."""
    import os

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    schema = shared / "drafter-form.schema.json"
    schema.write_text("{}", encoding="utf-8")
    os.chown(schema, 54321, 54321)
    monkeypatch.chdir(shared)
    result = runner.invoke(main, ["init", "--year", "2025", "--org", "甲县人民政府", "-o", "另一个名字.yaml", "--force"])
    assert result.exit_code == 2
    assert "属于别的用户" in result.output and "别的文件夹" in result.output and "换一个文件名" not in result.output
    assert "如 我的表单/另一个名字.yaml" in result.output and "-o 写上文件夹" not in result.output
    assert sorted(p.name for p in shared.iterdir()) == ["drafter-form.schema.json"]
    assert schema.read_text(encoding="utf-8") == "{}"


def _folder_with(tmp_path, files: dict[str, str]):
    return clerk_templates(tmp_path, files)


def _render(tmp_path, runner, folder):
    return render_with(runner, tmp_path, folder)


def test_a_mark_doubled_after_a_value_by_the_template_is_said_at_its_line(tmp_path, runner):
    """{{ 单位 }}，， (the template's own two marks, four characters of its own words or not):
    said at that template line, never at the form."""
    from hostile_cases import with_line

    folder, line = with_line(tmp_path, "{{ 单位 }}，，")
    out, result = _render(tmp_path, runner, folder)
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith(f"{folder.name}/report.md.j2:{line}：") and "重复标点" in result.output


def test_a_figure_printed_again_after_qizhong_is_refused_at_the_phrase_line(tmp_path, runner):
    folder = _folder_with(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 全年收到行政复议申请{收到申请}\n    - 其中依法受理{受理}\n    - 依法受理{受理}\n"})
    out, result = _render(tmp_path, runner, folder)
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith("tpl/句式.yaml:5:") and "又写了一次“受理”" in result.output


def test_names_listed_before_fenbie_take_one_figure_each(tmp_path, runner):
    folder = _folder_with(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 收到申请、受理分别为{收到申请}\n    - 审结{审结}\n"})
    out, result = _render(tmp_path, runner, folder)
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith("tpl/句式.yaml:3:") and "是2项，后面只写了1个数据" in result.output
    folder = _folder_with(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 收到申请、受理分别为{收到申请}、{受理}\n    - 审结{审结}\n"})
    out, result = _render(tmp_path, runner, folder)
    assert result.exit_code == 0, result.output


def test_a_sentence_written_by_the_clerks_phrase_table_and_the_shipped_one_is_the_clerks():
    from drafter.render.writers import written_at as _written_at

    files = (
        ("default/句式.yaml", "行政复议:\n  - 全年收到行政复议申请{收到申请.带同比}\n", True),
        ("mine/句式.yaml", "行政复议:\n  - 全年收到行政复议申请{收到申请}\n", False),
    )
    assert _written_at("全年收到行政复议申请162件，，依法受理151件。", files)[0] == ("mine/句式.yaml", 2)
    assert _written_at("全年收到行政复议申请162件。", files[:1] + (("mine/a.md.j2", "全年收到行政复议申请{{ x }}\n", False),) * 2)[0] is None


def test_a_figure_said_twice_inside_one_phrase_item_is_refused_at_its_line(tmp_path, runner):
    """Round 35: 纠错率{纠错率}，纠错率{纠错率}, {X.带同比}，同比{X.同比}, 依法受理{受理}，依法受理{受理}
    inside one item: refused at that item, as when the repeat is in the next item."""
    folder = _folder_with(
        tmp_path,
        {
            "句式.yaml": "矛盾纠纷化解:\n  行政复议:\n"
            "    - 审结{审结}，纠错{纠错}，纠错率{纠错率}，纠错率{纠错率}\n"
            "    - 收到申请{收到申请.带同比}，{收到申请.同比}\n"
            "    - 依法受理{受理}，依法受理{受理}\n"
        },
    )
    out, result = _render(tmp_path, runner, folder)
    assert result.exit_code == 2 and not out.exists()
    for line, what in ((3, "“纠错率”"), (4, "“收到申请”的同比"), (5, "“受理”")):
        assert f"tpl/句式.yaml:{line}:7：" in result.output and f"这一项里写了两次{what}" in result.output
    # the same rate and last year's rate in one item are two statements, as before
    folder = _folder_with(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 审结{审结}，纠错{纠错}，纠错率为{纠错率}，上年为{纠错率.上年}\n"})
    out, result = _render(tmp_path, runner, folder)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", [["render"], ["render", "-o", "新.docx"], ["validate"], ["preview"]])
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_a_report_given_for_a_form_is_said_as_a_report_with_the_commands_that_help(tmp_path, runner, monkeypatch, command, suffix):
    """Round 35: last year's report given to render/validate/preview is a report, said so with
    import / new --from, never “not UTF-8” or “indent by two spaces”; nothing is written."""
    from conftest import EXAMPLE

    monkeypatch.chdir(tmp_path)
    report = tmp_path / f"去年的报告{suffix}"
    if suffix == ".docx":
        assert runner.invoke(main, ["render", str(EXAMPLE), "-o", str(report)]).exit_code == 0
    else:
        report.write_text("某某县人民政府关于2024年度法治政府建设情况的报告\n一、主要成效\n全年收到行政复议申请62件。\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(main, [command[0], report.name, *command[1:]])
    assert result.exit_code == 2
    assert f"“去年的报告{suffix}”是报告" in result.output and f"drafter import 去年的报告{suffix}" in result.output
    assert "UTF-8" not in result.output and "缩进" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize(
    "line",
    [
        "受理信访事项5347件；审结行政复议案件201件，受理行政复议案件247件，结案率81.4%。",
        "受理信访事项5347件，审结行政复议案件201件，受理行政复议案件247件，结案率81.4%。",
        "调解成功率由上年的97.3%提高到98.3%，提高1个百分点。",
        "调解成功率由90%提高到95%，提高4个百分点。",
    ],
)
def test_round35_sound_sentences_draw_nothing(tmp_path, runner, line):
    """A whole written after its part is the rate's whole even when another matter's 受理 comes
    first; a change in points within what the written rates allow is right."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("受理信访事项5347件，审结行政复议案件201件，受理行政复议案件247件，结案率85.4%。", "应为81.4%"),
        ("调解成功率由上年的97.3%提高到98.3%，提高2个百分点。", "应为提高1个百分点"),
        ("调解成功率由上年的92.5%提高到96.5%，提高5个百分点。", "应为提高4个百分点"),
        ("受理投诉举报310件，均已按期办结，办结率96.8%。", "“均已按期办结”，办结率就应是100%"),
    ],
)
def test_round35_plain_errors_are_caught(tmp_path, runner, line, said):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and said in result.output, result.output


@pytest.mark.parametrize("after", ["附件：1.2025年度法治政府建设重点任务完成情况表", "抄送：县委办公室，县人大常委会办公室。"])
def test_a_table_under_the_date_then_an_attachment_line_leaves_the_closing_read(tmp_path, runner, after):
    import docx

    text = _report(tmp_path, "全年审结行政复议案件98件。").read_text(encoding="utf-8").strip().split("\n")
    d = docx.Document()
    for line in text:
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("项目", "数量"), ("受理案件", "64件")]):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    d.add_paragraph(after)
    path = tmp_path / "r.docx"
    d.save(str(path))
    parsed = runner.invoke(main, ["parse", str(path)])
    assert "日期：2026年2月6日" in parsed.output, parsed.output
    result = runner.invoke(main, ["check", str(path)])
    assert "成文日期缺失" not in result.output and result.exit_code == 0, result.output
