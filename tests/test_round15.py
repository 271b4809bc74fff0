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
