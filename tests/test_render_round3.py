"""Issue 18, render and templates, outside tester round 2 (engineer render3, T1–T4).

T1 a phrase table item never prints braces or a %s-like code; T2 a builtin filter never goes
through a mapping's keys (the program's field names); T3 a 纲要 or 会议精神 typed in brackets
other than 《》 is refused; T4 a 会议精神 that names no meeting is refused. Each is tried through
the commands (``run_clean``: a report, or a located message with exit code 2).
"""

from __future__ import annotations

import re

import docx
import pytest
import yaml
from click.testing import CliRunner

from conftest import EXAMPLE
from hostile_cases import run_clean

from drafter.cli.commands import main
from drafter.errors import TemplateError

EX_TEXT = EXAMPLE.read_text(encoding="utf-8")
REVIEW = "矛盾纠纷化解:\n  行政复议:\n"


def _render(tmp_path, form, template=None, codes=(0, 2)):
    out = tmp_path / "报告.docx"
    args = ["render", form, "-o", out] + (["-t", template] if template else [])
    inputs = [form] + ([p for p in template.iterdir()] if template else [])
    return run_clean(args, inputs=inputs, outputs=[out], exit_codes=codes), out


def _texts(out) -> str:
    return "".join(p.text for p in docx.Document(str(out)).paragraphs)


def _form(tmp_path, old: str | None = None, new: str | None = None):
    form = tmp_path / "表单.yaml"
    form.write_text(EX_TEXT if old is None else EX_TEXT.replace(old, new, 1), encoding="utf-8")
    return form


# -- T1: braces and %s in a phrase table item ----------------------------------------------------

@pytest.mark.parametrize("item, column", [
    ("甲{{收到申请}}乙", 7), ("'{{}}'", 7), ("收到申请{收到申请}}}", 7), ("'}}收到申请{收到申请}'", 7),
    ("'%s{收到申请}'", 7), ("收到申请%d件", 7), ("收到申请{收到申请}，%(名)s", 7), ("收到${收到申请}", 7),
    ("'{{{收到申请}}}'", 7),
])
def test_a_phrase_item_with_braces_or_a_format_code_is_refused_where_it_is(tmp_path, item, column):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(REVIEW + f"    - 依法受理{{受理}}\n    - {item}\n", encoding="utf-8")
    result, out = _render(tmp_path, _form(tmp_path), folder, codes=(2,))
    assert re.search(rf"句式\.yaml:4:{column}", result.output), result.output
    assert not out.exists()


@pytest.mark.parametrize("entry", [
    "    - 如果: 纠错 > 0\n      写: 纠错{{纠错}}\n", "    - 如果: 纠错 > 0\n      写: 纠错{纠错}\n      否则: '%s件'\n",
])
def test_a_conditional_items_wording_with_braces_or_a_code_is_refused(tmp_path, entry):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(REVIEW + entry, encoding="utf-8")
    result, _ = _render(tmp_path, _form(tmp_path), folder, codes=(2,))
    assert "句式.yaml:" in result.output and ("大括号" in result.output or "%s" in result.output)


def test_a_percent_sign_after_a_figure_is_still_wording(tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(REVIEW + "    - 收到申请{收到申请}\n    - 目标为100%以上\n",
                                     encoding="utf-8")
    result, out = _render(tmp_path, _form(tmp_path), folder, codes=(0,))
    text = _texts(out)
    assert "目标为100%以上" in text and not re.search(r"[{}｛｝]|%[sd]", text)


# -- T2: builtin filters on a mapping -----------------------------------------------------------

@pytest.mark.parametrize("line", [
    '{{ 问题[0] | list | join("、") }}', "{{ 问题[0] | max }}", "{{ 问题[0] | min }}", "{{ 部分标题 | first }}",
    "{{ 部分标题 | last }}", "{{ 问题[0] | length }}", "{{ 部分标题 | count }}", "{{ 问题[0] | dictsort | first | first }}",
    '{{ 问题[0] | sort | join("、") }}', '{{ 问题[0] | unique | join("、") }}', '{{ 部分标题 | map("trim") | join }}',
    '{{ 问题[0] | select | join("、") }}', '{{ 问题[0] | reject("none") | join("、") }}', "{{ 问题[0] | batch(2) | first | first }}",
    "{{ 问题[0] | slice(2) | first | first }}", "{{ 问题[0] | sum }}", "{{ 问题[0] | random }}",
    "{{ 部分标题 | items | first | first }}", '{{ 部分标题 | join("、") }}', '{{ 问题[0] | reverse | join("、") }}',
    "{{ 问题[0] | groupby(0) | first | first }}", '{{ 问题 | map("list") | first | first }}',
])
def test_a_builtin_filter_on_a_mapping_is_refused_at_the_template_line(tmp_path, line):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text("第一行文字\n\n" + line + "\n", encoding="utf-8")
    out = tmp_path / "报告.docx"
    # not run_clean: the message quotes the template line, whose filter names are English
    result = CliRunner().invoke(main, ["render", str(_form(tmp_path)), "-o", str(out), "-t", str(folder)])
    assert result.exit_code == 2 and "Traceback" not in result.output and not out.exists(), result.output
    assert "report.md.j2:3" in result.output and "名称" in result.output, result.output
    for key in ("原因句", "标题、表现", "成效、"):
        assert key not in result.output.split("（第 3 行是")[0]


@pytest.mark.parametrize("line, text", [
    ('{{ 问题 | map(attribute="表现") | first }}', None), ("{{ 问题 | length }}", None),
    ("{{ 部分标题.成效 }}", None), ('{{ ["乙", "甲"] | sort | join("、") }}', "乙"),
    ("{{ (问题 | first).表现 }}", None), ("{{ (问题 | last).原因 }}", None),
])
def test_the_same_filters_on_lists_still_work(tmp_path, line, text):
    from drafter.model.catalogue import load_catalogue
    from drafter.jobs.pipeline import check_form
    from drafter.render.variables import build_context
    from drafter.render.templates import render_markup
    from drafter.files.yamlsource import load_file

    data, _ = check_form(load_file(EXAMPLE))
    context = build_context(data, load_catalogue())
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text(line + "\n", encoding="utf-8")
    printed = render_markup(folder, "report.md.j2", context).strip()
    assert printed and "{" not in printed and "标题" not in printed
    if text:
        assert text in printed


def test_a_mapping_filter_error_is_a_template_error(tmp_path):
    from drafter.render.templates import render_markup

    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text("{{ x | list | join }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render_markup(folder, "report.md.j2", {"x": {"标题": "甲", "表现": "乙"}})
    assert "list" in info.value.message and "标题" not in str(info.value.where)


# -- T3: brackets other than 《》 around a 纲要 or 会议精神 ------------------------------------------

BAD_OUTLINES = ["<‹法治政府建设实施纲要>>", "<法治政府建设实施纲要（2021—2025年）>", "〈法治政府建设实施纲要〉",
                "「法治政府建设实施纲要」", "【纲要】", "『法治政府建设实施纲要』", "＜法治政府建设实施纲要＞",
                "«法治政府建设实施纲要»", "〖法治政府建设实施纲要〗"]
OPENING = "开头:\n  主要成效:\n"


def _opening(tmp_path, key: str, value: str):
    return _form(tmp_path, OPENING, f"开头:\n  {key}: '{value}'\n  主要成效:\n")


@pytest.mark.parametrize("outline", BAD_OUTLINES)
def test_an_outline_in_other_brackets_is_refused_in_the_form(tmp_path, outline):
    result, out = _render(tmp_path, _opening(tmp_path, "纲要", outline), codes=(2,))
    assert "表单.yaml:10:" in result.output and "纲要" in result.output, result.output
    assert "书名号" in result.output and not out.exists()


@pytest.mark.parametrize("spirit", ["「党的二十大」精神", "【党的二十大和二十届历次全会精神】", "<党的二十大精神>"])
def test_a_spirit_in_other_brackets_is_refused_in_the_form(tmp_path, spirit):
    result, _ = _render(tmp_path, _opening(tmp_path, "会议精神", spirit), codes=(2,))
    assert "表单.yaml:10:" in result.output and "书名号" in result.output, result.output


@pytest.mark.parametrize("outline", BAD_OUTLINES[:5])
def test_an_outline_in_other_brackets_is_refused_in_the_formulas_file(tmp_path, write_form, minimal, outline):
    (tmp_path / "表述.yaml").write_text(f"2025:\n  纲要: '{outline}'\n", encoding="utf-8")
    cfg = tmp_path / "单位设置.yaml"
    cfg.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = write_form(minimal)
    out = tmp_path / "r.docx"
    result = run_clean(["render", form, "-o", out, "--config", cfg], inputs=[form, cfg, tmp_path / "表述.yaml"],
                       outputs=[out], exit_codes=(2,))
    assert "表述.yaml:2" in result.output and "书名号" in result.output, result.output


@pytest.mark.parametrize("outline, cited", [
    ("《法治政府建设实施纲要（2021—2025年）》", "对照《法治政府建设实施纲要（2021—2025年）》"),
    ("法治政府建设实施纲要（2021—2025年）", "对照《法治政府建设实施纲要（2021—2025年）》"),
    ("《关于印发〈某市法治政府建设规划〉的通知》", "对照《关于印发〈某市法治政府建设规划〉的通知》"),
])
def test_an_outline_in_title_marks_still_prints(tmp_path, outline, cited):
    result, out = _render(tmp_path, _opening(tmp_path, "纲要", outline), codes=(0,))
    assert cited in _texts(out)


# -- T4: a 会议精神 that names no meeting ------------------------------------------------------------

@pytest.mark.parametrize("spirit", ["精神", "全面贯彻精神", "上级精神", "有关文件精神", "相关精神", "各项精神"])
def test_a_spirit_naming_no_meeting_is_refused(tmp_path, spirit):
    result, out = _render(tmp_path, _opening(tmp_path, "会议精神", spirit), codes=(2,))
    assert "表单.yaml:10:" in result.output and "会议" in result.output, result.output
    assert not out.exists()


@pytest.mark.parametrize("spirit", ["党的二十大精神", "党的二十大和二十届历次全会精神", "中央全面依法治国工作会议精神",
                                    "省第十五次党代会精神", "习近平总书记重要讲话和重要指示批示精神"])
def test_a_spirit_naming_its_meeting_prints(tmp_path, spirit):
    result, out = _render(tmp_path, _opening(tmp_path, "会议精神", spirit), codes=(0,))
    assert f"全面贯彻{spirit}" in _texts(out)


def test_a_formulas_file_spirit_naming_no_meeting_is_refused(tmp_path, write_form, minimal):
    (tmp_path / "表述.yaml").write_text("2025:\n  会议精神: 上级精神\n", encoding="utf-8")
    cfg = tmp_path / "单位设置.yaml"
    cfg.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = write_form(minimal)
    result = run_clean(["validate", form, "--config", cfg], inputs=[form, cfg, tmp_path / "表述.yaml"],
                       exit_codes=(2,))
    assert "表述.yaml:2" in result.output and "会议" in result.output, result.output


def test_a_writing_block_without_its_closing_line_keeps_the_default(tmp_path):
    """写法 given for something else: 特此报告 still follows 主送机关, as when 写法 is absent."""
    import docx as _docx

    form = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    form["写法"] = {"原因连接词": "主要原因是"}
    path = tmp_path / "表单.yaml"
    path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    run_clean(["render", path, "-o", out], inputs=[path], outputs=[out], exit_codes=(0,))
    assert "特此报告。" in [p.text for p in _docx.Document(str(out)).paragraphs]


@pytest.mark.parametrize("written", ["0x1A", "0b11", "1_000"])
def test_a_figure_written_in_another_base_is_refused_where_it_stands(tmp_path, written):
    text = EXAMPLE.read_text(encoding="utf-8").replace("        督察次数: 6\n", f"        督察次数: {written}\n")
    path = tmp_path / "表单.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"        督察次数: {written}") + 1
    result = run_clean(["validate", path], inputs=[path], exit_codes=(2,))
    assert f"表单.yaml:{line}:15" in result.output and "督察次数" in result.output


def test_the_range_reminder_prints_its_limit_in_full(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("        新增经营主体: 5862\n", "        新增经营主体: 12345678\n")
    path = tmp_path / "表单.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_clean(["validate", path], inputs=[path], exit_codes=(0,))
    assert "（10000000户）" in result.output and "e+" not in result.output
