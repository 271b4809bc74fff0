"""drafter's own report, round 6 of the outside attack on issue 18: a 做法 title that starts
with a figure (12345热线, 3.15维权) is printed “1.12345热线。” and read back as item 1, not as a
decimal, so check never says the next item does not start from 1; a 附注 with brackets of its
own or of a real length is read back as the 附注 under the date (never 成文日期缺失), and one
longer than a line is refused at its field."""

from __future__ import annotations

import pytest

from drafter.cli import main  # noqa: F401  (run_clean drives it)
from drafter.reading.parser import parse_lines

from hostile_cases import example_form, line_of, run_clean

FIRST_TITLE = "      - 标题: 把法治政府建设摆上全局工作的重要位置"


@pytest.mark.parametrize("title", ["12345热线", "110联动", "3.15维权", "2025", "1.5", "162件", "5G执法"])
def test_a_title_starting_with_a_figure_draws_no_finding(tmp_path, title):
    form = example_form(tmp_path, (FIRST_TITLE, f'      - 标题: "{title}"'))
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output


def test_item_one_before_a_figure_is_read_only_when_item_two_follows():
    body = ["关于2025年度法治政府建设情况的报告", "一、主要举措和成效", "（一）加强学习",
            "1.12345热线。全年受理诉求100件。", "2.规范执法。开展评查。"]
    sec = parse_lines(body).sections[0].sections[0]
    assert [(s.number, s.heading.rstrip("。")) for s in sec.sections] == [("1.", "12345热线"), ("2.", "规范执法")]
    # a paragraph that opens with a decimal figure stays a paragraph
    body[3:5] = ["1.5万人次参加培训。", "全年开展评查。"]
    sec = parse_lines(body).sections[0].sections[0]
    assert sec.sections == [] and sec.paragraphs[0].text.startswith("1.5万人次")


@pytest.mark.parametrize("note", ["此件公开发布（联系人：张三）",
                                  "此件公开发布（联系人：张三，电话：0123-4567890，邮箱：abc@example.com）"])
def test_a_note_with_brackets_or_of_a_real_length_is_read_as_the_note(tmp_path, note):
    form = example_form(tmp_path, ("附注: 此件公开发布", f'附注: "{note}"'))
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "成文日期缺失" not in result.output and "没有发现问题" in result.output, result.output


def test_a_note_longer_than_a_line_is_refused_at_its_field(tmp_path):
    form = example_form(tmp_path, ("附注: 此件公开发布", "附注: " + "此件公开发布" * 14))
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(2,))
    assert f"{form.name}:{line_of(form, '附注:')}" in result.output and "附注" in result.output
    assert not out.exists()
