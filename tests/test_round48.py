"""Round 48 of the outside attack on issue 18 (and a miss left open before it): a 合计 over a
list whose first item alone carries a verb or a word of quality."""

from __future__ import annotations

import docx
import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _last_years_report, _report
from test_round43 import _form_with_last_year


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("办理涉企行政处罚案件罚款361.5万元，没收违法所得476万元，合计937.5万元。", 1),
        ("办理行政许可248件；行政确认164件；行政裁决12件；合计434件。", 1),
        ("办理涉企行政处罚案件罚款361.5万元，没收违法所得476万元，合计837.5万元。", 0),
        ("办理行政许可248件；行政确认164件；行政裁决12件；合计424件。", 0),
        # the list 合计 sums starts later: no error
        ("全年审结146件，维持80件，纠错18件，驳回20件，合计118件。", 0),
        ("新收120件、旧存15件，共审结128件。", 0),
    ],
)
def test_round48_a_total_over_a_list_whose_first_item_alone_has_a_verb(tmp_path, runner, line, code):
    """No list ending at 合计 adds up to it: the sum is wrong wherever the list starts."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "合计不符" in result.output, result.output


@pytest.mark.parametrize(("line", "code"), [("受理同比增长30.8%，达到151件。", 1), ("受理同比增长20.8%，达到151件。", 0)])
def test_round48_a_change_named_before_its_figure_is_checked_with_last_years_report(tmp_path, runner, line, code):
    """受理同比增长30.8%，达到151件 with --last: the change's own words say the figure is 受理."""
    last = _last_years_report(tmp_path, "全年受理行政复议案件125件，审结120件。")
    result = runner.invoke(main, ["check", str(_report(tmp_path, line)), "--last", str(last)])
    assert ("同比核算" in result.output) == bool(code), result.output
    if code:
        assert "应为上升20.8%" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('{{ 句(项("审结{}", t.数据.行政复议.审结), 项("比上年增加{}", t.数据.行政复议.纠错)) }}', "“比上年增加”后面写的是“纠错”本年的数"),
        ("全年收到行政复议申请{{ t.数据.行政复议.收到申请 }}，较上年同期增长{{ t.数据.行政复议.受理前化解 }}。", "“较上年同期增长”"),
        ("纠错率同比提高了{{ t.数据.行政复议.纠错率 }}。", "“同比提高了”"),
    ],
)
def test_round48_a_figure_of_this_year_printed_as_a_change_is_refused(tmp_path, runner, line, said):
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line + "\n"})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert "themes/矛盾纠纷化解.md.j2:1" in result.output and said in result.output, result.output


@pytest.mark.parametrize(
    ("group", "items", "said"),
    [
        ("行政复议", "    - 全年收到行政复议申请{收到申请}\n    - 较上年增加{受理前化解}\n", "“较上年增加”后面写的是 {受理前化解}"),
        ("行政复议", "    - 审结案件上年为{审结.上年}\n    - 同比增加{纠错}\n", "“同比增加”后面写的是 {纠错}"),
        ("行政应诉", "    - 办理一审行政诉讼案件{案件}\n    - 败诉案件比上年减少{败诉}\n", "“比上年减少”后面写的是 {败诉}"),
    ],
)
def test_round48_phrase_items_printing_a_figure_as_a_change_are_refused(tmp_path, runner, group, items, said):
    folder = clerk_templates(tmp_path, {"句式.yaml": f"矛盾纠纷化解:\n  {group}:\n" + items})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and "tpl/句式.yaml:4" in result.output and said in result.output, result.output


def test_round48_a_figure_that_is_a_change_itself_may_follow_change_words(tmp_path, runner):
    """涉企行政检查比上年减少{减少涉企检查}: the figure is the decrease (the default phrase table)."""
    line = "涉企行政检查比上年减少{{ t.数据.营商环境.减少涉企检查 }}。\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"themes/政府职能.md.j2": line}), _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output
    text = "".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "涉企行政检查比上年减少" in text, text[:400]


LIST_WITH_BODIES = """某县人民政府关于2025年度法治政府建设情况的报告
2025年，我县坚持以习近平法治思想为指导，全面贯彻党的二十大和二十届历次全会精神，扎实推进法治政府建设。
一、主要做法和成效
（一）健全行政复议工作机制。
1.审查规范性文件27件。
严格落实行政复议体制改革要求，畅通申请渠道，提升办案质量。
2.审结146件，结案率96.7%。
3.办理人大代表建议58件、政协提案73件，按期办复率100%。
坚持和发展新时代“枫桥经验”，推动矛盾纠纷就地化解。
4.受理行政复议案件151件。
二、存在的不足和原因
基层执法人员法治素养有待提高，主要原因是培训覆盖面不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人带头学法，专题听取法治政府建设汇报4次。
四、2026年工作安排
进一步加强行政复议规范化建设，提升执法质量。
某县人民政府
2026年2月6日
"""


def test_round48_a_statement_going_on_from_a_listed_heading_is_the_next_item(tmp_path, runner):
    """1.审查规范性文件27件。(text) 2.审结146件，结案率96.7%。 3.…: items 2 and 3 go on from
    item 1's number, so they are items, never its body; import → render numbers each once."""
    report = tmp_path / "列表.txt"
    report.write_text(LIST_WITH_BODIES, encoding="utf-8")
    parsed = runner.invoke(main, ["parse", str(report)])
    for item in ("2. 审结146件，结案率96.7%", "3. 办理人大代表建议58件", "4. 受理行政复议案件151件"):
        assert item in parsed.output, parsed.output
    form = tmp_path / "列表.yaml"
    assert runner.invoke(main, ["import", str(report), "-o", str(form)]).exit_code == 0
    out = tmp_path / "列表.docx"
    assert runner.invoke(main, ["render", str(form), "-o", str(out), "--markup"]).exit_code == 0
    markup = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "### 审结146件，结案率96.7%" in markup and "2.审结" not in markup and "3.办理" not in markup, markup


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("受理量比上年减少140件，上年为252件，较上年下降57.1%。", 1),
        ("受理量比上年减少140件，上年为252件，较上年下降55.6%。", 0),
        ("受理量比上年增加40件，上年为200件，同比增长25%。", 1),
        ("受理量比上年增加40件，上年为200件，同比增长20%。", 0),
    ],
)
def test_round48_a_change_over_a_stated_change_and_last_year(tmp_path, runner, line, code):
    """This year's figure only in the heading above: the change in the count and last year's
    count in the sentence give the percentage."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert ("同比核算" in result.output) == bool(code), result.output


def test_round48_a_wrong_number_of_words_automatic_numbering_is_fixed_in_word(tmp_path, runner):
    """Items numbered 1) by Word's automatic numbering: the fix says the number is Word's and is
    changed in its numbering, not by typing 1. into the text (which would print 1) 1.)."""
    from test_reading_docx_features import TITLE, make_docx, p

    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    body = (
        p(TITLE)
        + p("2025年，某县深入学习贯彻习近平法治思想，全面贯彻党的二十大和二十届历次全会精神，扎实推进法治政府建设。")
        + p("一、主要做法和成效")
        + p("（一）健全行政复议工作机制")
        + p("受理行政复议案件151件。", num=(7, 0))
        + p("审结146件，结案率96.7%。", num=(7, 0))
        + p("二、存在的不足和原因")
        + p("基层执法力量不足，主要原因是编制有限。")
        + p("三、党政主要负责人履行推进法治建设第一责任人职责情况")
        + p("县长带头讲法治课2次。")
        + p("四、2026年工作安排")
        + p("继续深化行政执法改革。")
        + p("某县人民政府")
        + p("2026年2月6日")
    )
    path = make_docx(tmp_path / "自动编号.docx", body, numbering=numbering)
    result = runner.invoke(main, ["check", str(path)])
    assert "序号标点" in result.output and "Word 自动编号" in result.output and "不要在文字里另打序号" in result.output, result.output
    report = tmp_path / "手打编号.txt"
    report.write_text(
        "\n".join(
            [
                TITLE,
                "2025年，某县深入学习贯彻习近平法治思想，全面贯彻党的二十大和二十届历次全会精神，扎实推进法治政府建设。",
                "一、主要做法和成效",
                "（一）健全行政复议工作机制",
                "1)受理行政复议案件151件。",
                "2)审结146件，结案率96.7%。",
                "二、存在的不足和原因",
                "基层执法力量不足，主要原因是编制有限。",
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                "县长带头讲法治课2次。",
                "四、2026年工作安排",
                "继续深化行政执法改革。",
                "某县人民政府",
                "2026年2月6日",
                "",
            ]
        ),
        encoding="utf-8",
    )
    typed_result = runner.invoke(main, ["check", str(report)])
    assert "序号标点" in typed_result.output and "Word 自动编号" not in typed_result.output, typed_result.output


_AFTER_TABLE = [
    "二、存在的不足和原因",
    "基层执法力量不足，主要原因是编制有限。",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "县长带头讲法治课2次。",
    "四、2026年工作安排",
    "继续深化行政执法改革。",
    "某县人民政府",
    "2026年2月6日",
]


def report_with_table(path, before: list[str], rows: list[tuple[str, ...]]):
    """A .docx report: the paragraphs ``before``, a Word table of ``rows``, then the other parts
    and the closing."""
    d = docx.Document()
    for text in before:
        d.add_paragraph(text)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for text in _AFTER_TABLE:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def test_round48_numbered_rows_of_a_table_stay_body_text_after_import_and_render(tmp_path, runner):
    """（1）…（2）… typed in the rows of a one-column table are body text; imported and
    rendered again they are body paragraphs of drafter's report, and read back as such."""
    source = report_with_table(
        tmp_path / "表格.docx",
        [
            "某县人民政府关于2025年度法治政府建设情况的报告",
            "2025年，某县深入学习贯彻习近平法治思想，全面贯彻党的二十大和二十届历次全会精神，扎实推进法治政府建设。",
            "一、主要做法和成效",
            "（一）健全行政复议工作机制",
        ],
        [("（1）受理行政复议案件151件。",), ("（2）审结146件，结案率96.7%。",)],
    )
    before = runner.invoke(main, ["parse", str(source)]).output
    form, out = tmp_path / "表格.yaml", tmp_path / "再生成.docx"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    assert runner.invoke(main, ["render", str(form), "-o", str(out)]).exit_code == 0
    after = runner.invoke(main, ["parse", str(out)]).output
    assert "（1） 受理" not in before and "（1） 受理" not in after, after
    headings = [line.split("  [")[0].strip() for line in after.splitlines() if "  [" in line]
    assert headings == [line.split("  [")[0].strip() for line in before.splitlines() if "  [" in line], after


def _layout(path):
    """Each paragraph of a .docx: its style, text and right indent (where the signature sits)."""
    out = []
    for para in docx.Document(str(path)).paragraphs:
        ind = para._p.pPr.find(docx.oxml.ns.qn("w:ind")) if para._p.pPr is not None else None
        out.append((para.style.name, para.text, ind.get(docx.oxml.ns.qn("w:right")) if ind is not None else None))
    return out


def test_round48_a_sealed_report_imported_and_rendered_again_is_laid_out_for_the_seal(tmp_path, runner):
    """落款.盖章: true is read back from drafter's own report (a hidden mark on the signature):
    import keeps it, so the signature and date come back where the seal needs them."""
    from conftest import EXAMPLE

    form = tmp_path / "盖章.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "盖章: false" in text
    form.write_text(text.replace("盖章: false", "盖章: true"), encoding="utf-8")
    first, imported, again = tmp_path / "盖章.docx", tmp_path / "导入.yaml", tmp_path / "再生成.docx"
    assert runner.invoke(main, ["render", str(form), "-o", str(first)]).exit_code == 0
    assert runner.invoke(main, ["import", str(first), "-o", str(imported)]).exit_code == 0
    assert "盖章: true" in imported.read_text(encoding="utf-8")
    assert runner.invoke(main, ["render", str(imported), "-o", str(again)]).exit_code == 0
    assert _layout(again) == _layout(first)
    nextyear = tmp_path / "明年.yaml"
    assert runner.invoke(main, ["new", "2026", "--from", str(first), "-o", str(nextyear)]).exit_code == 0
    assert "盖章: true" in nextyear.read_text(encoding="utf-8")
