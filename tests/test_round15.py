"""Round 12's leftovers and round 13 of the outside attack on issue 18: each case failed before
its fix. An office's formulas file is held to what check holds the report to, so the opening
drafter prints from it never draws a check 错误."""

from __future__ import annotations

import pytest

from drafter.cli import main  # noqa: F401  (run_clean drives it)

from hostile_cases import example_form, run_clean


def _office_data(tmp_path, body: str):
    folder = tmp_path / "设置"
    folder.mkdir()
    (folder / "版式.yaml").write_text("表述数据: 政治表述.yaml\n", encoding="utf-8")
    data = folder / "政治表述.yaml"
    data.write_text(body, encoding="utf-8")
    return folder / "版式.yaml", data


@pytest.mark.parametrize("line, said", [
    ("纲要: 法治政府建设实施纲要(2021-2025)", "（2021—2025年）"),
    ("纲要: 《法治政府建设实施纲要（2021—2025）》", "（2021—2025年）"),
    ("纲要: 《法治政府建设实施纲要（2021-2025年）》", "（2021—2025年）"),
    ("会议精神: 党的十九大精神", "二十大"),
    ("会议精神: 党的二十大和二十届二中、三中全会精神", "漏了“全会”里的四中全会"),
])
def test_an_office_formula_check_would_call_wrong_is_refused_at_its_line(tmp_path, line, said):
    form = example_form(tmp_path)
    cfg, data = _office_data(tmp_path, f"2025:\n  {line}\n")
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "-c", cfg], inputs=[form, data], outputs=[out], exit_codes=(2,))
    assert "政治表述.yaml:2:" in result.output and said in result.output, result.output


@pytest.mark.parametrize("line", [
    "纲要: 《法治政府建设实施纲要（2021—2025年）》",
    "会议精神: 党的二十大精神",  # names no plenum: check accepts it
    "会议精神: 党的二十大和二十届二中、三中、四中全会精神",
    "会议精神: 中央全面依法治国工作会议精神",  # names no congress: the office's choice
])
def test_an_office_formula_check_accepts_renders_a_report_check_passes(tmp_path, line):
    form = example_form(tmp_path)
    cfg, data = _office_data(tmp_path, f"2025:\n  {line}\n")
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out, "-c", cfg], inputs=[form, data], outputs=[out], exit_codes=(0,))
    result = run_clean(["check", out, "-c", cfg], inputs=[out, data], exit_codes=(0,))
    assert "【错误】" not in result.output, result.output


# -- templates (round 12 left open) ---------------------------------------------------------------
from test_render_round14 import _render, _with_phrases  # noqa: E402

import docx  # noqa: E402

MACRO = "{% macro m() %}收到{{ t.数据.行政复议.收到申请 }}{% endmacro %}"  # 收到162件


@pytest.mark.parametrize("expr, said", [
    ("m()[:3]", "得到“收到1”"),
    ("m()[2]", "得到“1”"),
    ('"示例文字"|truncate(2)', "比它加在末尾的“...”（3 个字）还短"),
    ('"示例文字"|truncate(1, end="……")', "比它加在末尾的“……”（2 个字）还短"),
    ('"示例文字"|truncate(-1, true, "")', "是负数"),
])
def test_cutting_a_macros_output_or_truncating_below_its_ending_is_said(tmp_path, expr, said):
    result, _, at = _render(tmp_path, "甲" + MACRO + "{{ " + expr + " }}", exit_codes=(2,))
    assert at in result.output and said in result.output, result.output
    assert "U+E000" not in result.output and "模板运行出错" not in result.output


@pytest.mark.parametrize("expr, printed", [
    ("m()[:2]", "收到"),
    ("m()[2:]", "162件"),
    ("m() | length", "6"),
    ("m() | count", "6"),
    ('"示例文字很长"|truncate(4, true, "", 0)', "示例文字"),
])
def test_a_macros_output_is_cut_and_counted_as_printed(tmp_path, expr, printed):
    _, out, _ = _render(tmp_path, "甲" + MACRO + "{{ " + expr + " }}乙", exit_codes=(0,))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "甲" + printed + "乙" in text, text


@pytest.mark.parametrize("link", ["仅为", "约为", "下降至", "稳定在", "同比下降至", "分别为"])
def test_a_rate_named_before_its_slot_with_any_usual_link_is_accepted(tmp_path, link):
    result, out = _with_phrases(tmp_path, f"矛盾纠纷化解:\n  行政复议:\n    - 审结{{审结}}\n    - 纠错率{link}{{纠错率}}\n")
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"纠错率{link}" in text, text


@pytest.mark.parametrize("link", ["仅为", "下降至"])
def test_another_rates_name_before_a_slot_is_still_refused(tmp_path, link):
    result, _ = _with_phrases(tmp_path, f"矛盾纠纷化解:\n  行政复议:\n    - 结案率{link}{{纠错率}}\n")
    assert result.exit_code == 2 and "“结案率”后面的 {纠错率}" in result.output, result.output
