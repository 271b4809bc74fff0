"""drafter's own report, round 6 of the outside attack on issue 18: a 做法 title that starts
with a figure (12345热线, 3.15维权) is printed “1.12345热线。” and read back as item 1, not as a
decimal, so check never says the next item does not start from 1; a 附注 with brackets of its
own or of a real length is read back as the 附注 under the date (never 成文日期缺失), and one
longer than a line is refused at its field. A rate's slot in 句式.yaml follows a rate's name
(占比{纠错率} reads as a share of the count before it, and is refused at its line); a rate
named after 其中 (其中纠错率{纠错率}) is the catalogue's rate to check too."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)
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


REVIEW = "矛盾纠纷化解:\n  行政复议:\n    - 收到{收到申请}\n    - 审结{审结}\n    - 其中纠错{纠错}\n"


@pytest.mark.parametrize("item", ["占比{纠错率}", "占{纠错率}", "所占比例为{纠错率}", "'，占{纠错率}'",  # 纠错占比{…}: a name (round 17)
                                  "'{纠错率}'"])
def test_a_rate_slot_without_a_rate_name_before_it_is_refused_at_its_line(tmp_path, item):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(REVIEW + f"    - {item}\n", encoding="utf-8")
    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-t", folder, "-o", out], inputs=[form, folder / "句式.yaml"], outputs=[out],
                       exit_codes=(2,))
    assert "句式.yaml:6:7：" in result.output and "前面没有写比率的名称" in result.output, result.output
    assert not out.exists()


@pytest.mark.parametrize("item", ["其中纠错率{纠错率}", "纠错率为{纠错率}", "纠错率（按审结计）{纠错率}", "纠错率{纠错率.同比}"])  # (同比{…} would say 同比 twice)
def test_a_rate_under_its_name_renders_and_checks_clean(tmp_path, item):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text(REVIEW + f"    - {item}\n", encoding="utf-8")
    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-t", folder, "-o", out], inputs=[form, folder / "句式.yaml"], outputs=[out],
              exit_codes=(0,))
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "【错误】" not in result.output, result.output


@pytest.mark.parametrize("entry, said", [
    ("  会议精神: 党的十九大精神\n  党代会: 二十大\n", "没有写到“党代会”里的二十大"),
    ("  会议精神: 党的二十大和二十届五中全会精神\n  全会: [二中, 三中]\n", "写到了五中全会"),
])
def test_an_office_formulas_file_that_contradicts_itself_is_refused_at_its_line(tmp_path, entry, said):
    data = tmp_path / "表述.yaml"
    data.write_text("2025:\n" + entry, encoding="utf-8")
    config = tmp_path / "版式.yaml"
    config.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-c", config, "-o", out], inputs=[form, config, data], outputs=[out],
                       exit_codes=(2,))
    assert "表述.yaml:2:" in result.output and said in result.output, result.output


def test_a_spirit_naming_fewer_plenums_than_were_held_is_accepted(tmp_path):
    data = tmp_path / "表述.yaml"
    data.write_text("2025:\n  会议精神: 党的二十大精神\n  党代会: 二十大\n  全会: [二中, 三中, 四中]\n", encoding="utf-8")
    config = tmp_path / "版式.yaml"
    config.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-c", config, "-o", out], inputs=[form, config, data], outputs=[out], exit_codes=(0,))
