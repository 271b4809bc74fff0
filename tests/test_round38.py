"""Round 38 of the outside attack on issue 18: a part numbered 1. 2. 3. 4. whose heading begins
with the year (4. 2026年工作安排) is that part."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with

REPORT = """临溪县人民政府关于2025年度法治政府建设情况的报告
2025年，临溪县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中、四中全会精神，深入学习贯彻习近平法治思想，扎实推进法治政府建设。
1. 主要工作成效
全年审结行政复议案件98件。
2. 党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人主持召开县政府常务会议专题研究法治政府建设5次，带头开展述法。
3. 存在的问题和不足
基层法治力量较为薄弱，乡镇法治审核人员不足。主要原因是保障机制尚不健全。
4{sep}2026年工作安排
2026年，我们将开展行政执法质量提升行动，推进乡镇综合行政执法规范化建设。
临溪县人民政府
2026年2月6日
"""


@pytest.mark.parametrize("sep", [". ", ".", "．"])
def test_a_part_heading_that_begins_with_the_year_after_its_number_is_that_part(tmp_path, runner, sep):
    path = tmp_path / "r.txt"
    path.write_text(REPORT.replace("{sep}", sep), encoding="utf-8")
    result = runner.invoke(main, ["check", str(path)])
    assert "缺少必需部分" not in result.output and result.exit_code == 0, result.output
    parsed = runner.invoke(main, ["parse", str(path)])
    assert "2026年工作安排  [角色 下一步" in parsed.output, parsed.output


def test_a_number_then_a_decimal_is_still_no_heading_number():
    from drafter.reading.parser import number_of

    assert number_of("1.2万件 1.18万件 98.3%") is None
    assert number_of("4. 25件") is None
    assert number_of("4. 2026年工作安排").number.strip() == "4."


def _render(tmp_path, runner, files: dict[str, str]):
    return render_with(runner, tmp_path, clerk_templates(tmp_path, files))


THEME = "themes/矛盾纠纷化解.md.j2"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        # a figure read in another base is another value
        ("{% set x = t.数据.行政复议 %}全年受理行政复议案件{{ x.受理.值 | string | int(base=16) }}件。", "base"),
        ("{% set x = t.数据.行政复议 %}全年受理行政复议案件{{ x.受理.值 | string | int(0, 16) }}件。", "base"),
        # a bare figure followed by a scale or a word of approximation
        ("{% set x = t.数据.行政复议 %}全年受理行政复议案件{{ x.受理.值 }}千件。", "紧挨着“千”"),
        ("{% set x = t.数据.行政复议 %}全年受理行政复议案件{{ x.受理.值 }}左右件。", "紧挨着“左右”"),
        ("{% set x = t.数据.行政复议 %}全年受理行政复议案件{{ x.受理.值 }}余件。", "紧挨着“余”"),
        ("{% set x = t.数据.行政复议 %}受理{{ x.受理 }}有余。", "紧挨着“有余”"),
        ("{% set x = t.数据.行政复议 %}受理超{{ x.受理 }}。", "紧挨着“超”"),
        # what the template says as it stands, drawing a check 错误
        ("习近平法制思想引领复议工作。", "表述错字"),
        ("在这里写本单位的做法。", "占位文字"),
    ],
)
def test_round38_what_a_template_makes_wrong_is_refused_at_its_line(tmp_path, runner, line, said):
    out, result = _render(tmp_path, runner, {THEME: line + "\n{{ 数据句子(t) }}\n"})
    assert result.exit_code == 2 and not out.exists(), result.output
    assert result.output.startswith(f"tpl/{THEME}:1") and said in result.output, result.output


def test_approximation_words_beside_a_slot_are_refused_in_the_phrase_table(tmp_path, runner):
    out, result = _render(tmp_path, runner, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 全年受理行政复议案件超{受理}\n    - 审结{审结}有余\n"})
    assert result.exit_code == 2 and not out.exists()
    assert "tpl/句式.yaml:3:" in result.output and "tpl/句式.yaml:4:" in result.output


def test_a_bare_figure_with_its_unit_written_after_it_stays_right(tmp_path, runner):
    out, result = _render(tmp_path, runner, {THEME: "{% set x = t.数据.行政复议 %}全年受理行政复议案件{{ x.受理.值 }}件，十分平稳。\n{{ 数据句子(t) }}\n"})
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("typed", "plain"), [("１６２", "162"), ("16２", "162"), ("１６２．５", "162.5")])
def test_a_figure_in_full_width_digits_is_said_as_such_with_the_half_width_fix(tmp_path, runner, typed, plain):
    from conftest import EXAMPLE

    text = EXAMPLE.read_text(encoding="utf-8").replace("收到申请: 162", f"收到申请: {typed}", 1)
    form = tmp_path / "f.yaml"
    form.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(form)])
    assert result.exit_code == 2
    assert "全角" in result.output and f"写成 收到申请: {plain}" in result.output and "引号" not in result.output


def test_a_phonetic_guide_over_a_figure_is_not_read_into_it(tmp_path, runner):
    """Round 39: 53 with a small 1 set above it by 拼音指南 (w:ruby) is 53, as Word shows the line."""
    import zipfile

    import docx

    d = docx.Document()
    for line in ["临溪县人民政府关于2025年度法治政府建设情况的报告", "一、主要工作成效", "X", "二、存在的不足和原因", "人员不足。"]:
        d.add_paragraph(line)
    path = tmp_path / "r.docx"
    d.save(str(path))
    ruby = (
        '<w:r><w:t xml:space="preserve">全年受理行政复议案件</w:t></w:r><w:r><w:ruby><w:rubyPr><w:hps w:val="16"/>'
        '<w:hpsRaise w:val="30"/><w:hpsBaseText w:val="32"/><w:lid w:val="zh-CN"/></w:rubyPr><w:rt><w:r><w:t>1</w:t></w:r></w:rt>'
        '<w:rubyBase><w:r><w:t>53</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>件，审结41件。</w:t></w:r>'
    )
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    xml = xml.replace("<w:r><w:t>X</w:t></w:r>", ruby)
    assert ruby in xml
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    parsed = runner.invoke(main, ["parse", "--json", str(path)])
    assert '"原文": "53件"' in parsed.output and "153件" not in parsed.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年审结行政复议案件283件；审结案件中，其中维持171件、纠错117件。", 1),
        ("全年审结行政复议案件283件；审结的案件中，其中维持171件、纠错117件。", 1),
        ("全年审结行政复议案件283件；审结案件中，其中维持171件、纠错112件。", 0),
    ],
)
def test_round39_a_whole_named_again_after_a_semicolon_takes_its_qizhong_parts(tmp_path, runner, line, code):
    from test_round33 import _report

    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "其中超总数" in result.output


def test_round39_parts_numbered_1_to_4_with_sub_headings_are_all_there(tmp_path, runner):
    """1. … with （一）（二） under it, then 2. 3. 4.: every part is read (a 层次跳级 reminder
    for the 1., said once), never 缺少必需部分, 空节 or 序号标点 for the （一）."""
    text = REPORT.replace("{sep}", ". ").replace(
        "1. 主要工作成效\n全年审结行政复议案件98件。",
        "1. 主要工作成效\n（一）用好复议渠道\n全年审结行政复议案件98件。\n（二）规范执法行为\n全年评查行政执法案卷120卷。",
    ).replace("4. 2026年工作安排\n", "4. 2026年工作安排\n（一）深化执法监督。加强案卷评查。\n")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    for said in ("缺少必需部分", "空节", "序号标点"):
        assert said not in result.output
    assert result.output.count("层次跳级") == 1
