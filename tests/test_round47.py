"""Round 47 of the outside attack on issue 18: a 其中 part printed after last year's value or
a rate, a count's change beside a rate, parts numbered 1. at two levels, and ways of closing."""

from __future__ import annotations

import docx
import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report
from test_round43 import _form_with_last_year

X = "t.数据.行政复议"
Y = "t.数据.行政应诉"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (f'{{{{ 句(项("审结案件上年为{{}}", {X}.审结.上年数), 项("其中纠错{{}}", {X}.纠错)) }}}}', "“审结”上年的数"),
        (
            f"受理{{{{ {X}.受理 }}}}，审结{{{{ {X}.审结 }}}}，上年分别为{{{{ {X}.受理.上年数 }}}}、{{{{ {X}.审结.上年数 }}}}，其中纠错{{{{ {X}.纠错 }}}}。",
            "上年的数",
        ),
        (f"败诉率{{{{ {Y}.败诉率.带同比 }}}}，其中败诉{{{{ {Y}.败诉 }}}}。", "只有比率“败诉率”"),
    ],
)
def test_round47_a_part_after_last_years_value_or_a_rate_alone_is_refused(tmp_path, runner, line, said):
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line + "\n"})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert "themes/矛盾纠纷化解.md.j2:1" in result.output and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        f"审结{{{{ {X}.审结 }}}}（上年{{{{ {X}.审结.上年数 }}}}），其中纠错{{{{ {X}.纠错 }}}}。",
        f"审结{{{{ {X}.审结 }}}}，纠错率{{{{ {X}.纠错率 }}}}，其中纠错{{{{ {X}.纠错 }}}}。",
        f"审结{{{{ {X}.审结.带同比 }}}}，其中纠错{{{{ {X}.纠错 }}}}。",
    ],
)
def test_round47_a_part_after_its_count_renders(tmp_path, runner, line):
    """Over its count's own 上年 or 同比, or a rate, 其中 is read against the count."""
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line + "\n"})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("group", "items", "said"),
    [
        ("行政复议", "    - 审结案件上年为{审结.上年}\n    - 其中纠错{纠错}\n", "“审结”上年的数"),
        ("行政应诉", "    - 败诉率{败诉率.带同比}\n    - 其中败诉{败诉}\n", "只有比率“败诉率”"),
    ],
)
def test_round47_phrase_items_with_a_part_after_no_count_are_refused(tmp_path, runner, group, items, said):
    folder = clerk_templates(tmp_path, {"句式.yaml": f"矛盾纠纷化解:\n  {group}:\n" + items})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and "tpl/句式.yaml:4" in result.output and said in result.output, result.output


def test_round47_a_rate_then_a_counts_change_renders_and_checks(tmp_path, runner):
    """审结52件，败诉率3.8%，败诉案件比上年减少1件: the change is never the rate's part."""
    folder = clerk_templates(
        tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政应诉:\n    - 审结{审结}\n    - 败诉率{败诉率}\n    - 败诉案件{败诉.同比}\n"}
    )
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output
    checked = runner.invoke(main, ["check", str(out)])
    assert checked.exit_code == 0, checked.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年审结行政应诉案件52件，败诉率3.8%，败诉案件比上年减少1件。", 0),
        ("全年审结行政复议案件146件，纠错率12.3%，纠错决定比上年减少2件。", 0),
        ("全年审结行政应诉案件52件，败诉率3.8%，败诉比上年少1件。", 0),
        ("全年审结行政应诉案件52件，败诉率5.8%，败诉2件，比上年少1件。", 1),
    ],
)
def test_round47_a_counts_change_is_never_a_rates_part(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


PARTS = [
    ("2025年度推进法治政府建设的主要举措和成效", 1),
    ("依法全面履行政府职能", 2),
    ("全年审查规范性文件36件，提出审查意见21条。", 0),
    ("依法化解矛盾纠纷", 2),
    ("全年受理行政复议案件64件，审结60件。", 0),
    ("2025年度党政主要负责人履行推进法治建设第一责任人职责情况", 1),
    ("县长主持召开政府常务会议研究法治政府建设工作4次。", 0),
    ("2025年度推进法治政府建设存在的不足和原因", 1),
    ("一是执法人员能力不足，原因是培训针对性不强。", 0),
    ("2026年推进法治政府建设的主要安排", 1),
    ("一是持续推进行政复议体制改革。", 0),
]
HEAD = "示范县人民政府关于2025年度法治政府建设情况的报告"
OPENING = "2025年，示范县人民政府深入学习贯彻习近平法治思想，全面贯彻党的二十大和二十届历次全会精神，扎实推进法治政府建设。"


def _two_levels_numbered_alike_txt(tmp_path):
    lines, counters = [HEAD, OPENING], {1: 0, 2: 0}
    for text, level in PARTS:
        if level:
            counters[level] += 1
            if level == 1:
                counters[2] = 0
            text = f"{counters[level]}. {text}"
        lines.append(text)
    path = tmp_path / "两级同号.txt"
    path.write_text("\n".join([*lines, "示范县人民政府", "2026年1月20日", ""]), encoding="utf-8")
    return path


def _two_levels_numbered_alike_docx(tmp_path):
    d = docx.Document()
    d.add_paragraph(HEAD, style="Title")
    d.add_paragraph(OPENING)
    for text, level in PARTS:
        d.add_paragraph(text, style={0: None, 1: "List Number", 2: "List Number 2"}[level])
    d.add_paragraph("示范县人民政府")
    d.add_paragraph("2026年1月20日")
    path = tmp_path / "自动编号.docx"
    d.save(str(path))
    return path


@pytest.mark.parametrize("make", [_two_levels_numbered_alike_txt, _two_levels_numbered_alike_docx])
def test_round47_a_whole_parts_title_under_a_nested_1_is_a_part(tmp_path, runner, make):
    """Parts numbered 1.–4. and their items 1. 2. (Word's automatic numbering shows both as
    1.): a heading that is a whole part's title is a part, never an item of 成效."""
    result = runner.invoke(main, ["check", str(make(tmp_path))])
    assert result.exit_code == 0 and "缺少必需部分" not in result.output and "部分未单列" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("审结272件，其中调解结案28件、决定结案256件。", 1),
        ("审结272件，其中调解结案28件、判决结案56件、终止审理203件。", 1),
        ("审结272件，其中以调解方式结案28件、以决定方式结案256件。", 1),
        ("审结272件，其中调解结案28件、决定结案244件。", 0),
        ("受理劳动争议100件，其中调解40件、仲裁70件。", 0),
    ],
)
def test_round47_every_way_of_closing_adds_up(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


LIST_REPORT = """示例县人民政府关于2025年度法治政府建设情况的报告
2025年，示例县深入学习贯彻习近平法治思想，全面贯彻党的二十大和二十届历次全会精神，统筹推进依法行政各项工作。
一、2025年法治政府建设主要成效
（一）发挥行政复议主渠道作用
1.受理行政复议案件151件。
2.审结146件，结案率96.7%。
3.办结率持续提高。
全年行政机关负责人出庭应诉率100%，共出庭应诉38件。
二、存在的不足和原因
基层执法人员法治素养有待提高，主要原因是培训覆盖面不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人带头学法，专题听取法治政府建设汇报4次。
四、2026年工作安排
进一步加强行政复议规范化建设，提升执法质量。
示例县人民政府
2026年2月6日
"""


def test_round47_one_sentence_items_of_a_list_are_read_alike(tmp_path, runner):
    """1.受理151件。2.审结146件，结案率96.7%。3.…: the statement is an item like the others,
    never the body of item 1, and comes back from import numbered once."""
    report = tmp_path / "列表.txt"
    report.write_text(LIST_REPORT, encoding="utf-8")
    parsed = runner.invoke(main, ["parse", str(report)])
    assert parsed.exit_code == 0, parsed.output
    assert "2. 审结146件，结案率96.7%" in parsed.output and "3. 办结率持续提高" in parsed.output, parsed.output
    form = tmp_path / "列表.yaml"
    assert runner.invoke(main, ["import", str(report), "-o", str(form)]).exit_code == 0
    out = tmp_path / "列表.docx"
    rendered = runner.invoke(main, ["render", str(form), "-o", str(out), "--markup"])
    assert rendered.exit_code == 0, rendered.output
    markup = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "### 审结146件，结案率96.7%" in markup and "2.审结" not in markup, markup
