"""The .docx reader reads what Word users write: tables, text boxes, tracked changes,
content controls, fields, automatic numbering, heading styles and outline levels, and a
body-text style that says a paragraph opening with 一、 is not a heading.

Each test builds a small package (the OOXML written out here, as python-docx cannot write
most of it) and asserts on what the reader and the parser make of it, or on what
``drafter parse``/``drafter check`` print.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli.commands import main
from drafter.reading.parser import parse_report
from drafter.reading.source import read_lines

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
TITLE = "某县人民政府关于2025年度法治政府建设情况的报告"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

STYLES = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="MyH3"><w:name w:val="我的三级"/><w:basedOn w:val="Heading2"/>
  <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ZW"><w:name w:val="公文正文"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListH"><w:name w:val="编号标题"/><w:basedOn w:val="Heading1"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Heading2Char"><w:name w:val="heading 2 char"/><w:link w:val="Heading2"/></w:style>
</w:styles>"""

NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"""


def make_docx(path: Path, body: str, styles: str | None = STYLES, numbering: str | None = NUMBERING,
              folder: str = "word") -> Path:
    """A package whose main part's body is ``body``, with styles and numbering parts named
    by the main part's relationships."""
    main = f"{folder}/document.xml"
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="{main}"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/styles" Target="s/样式.xml"/>'
                f'<Relationship Id="rId2" Type="{REL}/numbering" Target="../{folder}/s/编号.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr(f"{folder}/_rels/document.xml.rels", doc_rels)
        z.writestr(main, f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>')
        if styles:
            z.writestr(f"{folder}/s/样式.xml", styles)
        if numbering:
            z.writestr(f"{folder}/s/编号.xml", numbering)
    return path


def p(text: str = "", style: str | None = None, num: tuple[int, int] | None = None, outline: int | None = None,
      inner: str = "") -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    run = f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>" if text else ""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def lines_of(tmp_path: Path, body: str, **kw) -> list[str]:
    return [str(x) for x in read_lines(make_docx(tmp_path / "报告.docx", body, **kw)) if str(x).strip()]


def outline(report) -> list[tuple[int, str, str]]:
    return [(s.level, s.number, s.heading) for s in report.walk()]


# -- tables ------------------------------------------------------------------------------------------
def _table(*rows: tuple[str, ...], nested: str = "") -> str:
    out = "<w:tbl><w:tblPr/>"
    for k, row in enumerate(rows):
        cells = "".join(f"<w:tc><w:tcPr/>{p(c)}{nested if k == 0 and i == 0 else ''}</w:tc>"
                        for i, c in enumerate(row))
        out += f"<w:tr>{cells}</w:tr>"
    return out + "</w:tbl>"


def test_table_rows_are_lines_with_cells_joined_and_never_headings(tmp_path):
    body = (p(TITLE) + p("一、主要举措和成效") + p("全年办理情况见下表。")
            + _table(("项目", "件数"), ("一、行政复议申请", "52件"), ("（二）行政应诉案件", "31件"), ("合计", ""))
            + p("二、存在的问题") + p("基层力量不足。"))
    lines = lines_of(tmp_path, body)
    assert "项目\u3000件数" in lines and "一、行政复议申请\u300052件" in lines
    assert "合计" in lines  # an empty cell adds nothing
    report = parse_report(tmp_path / "报告.docx")
    assert [h for _, _, h in outline(report)] == ["主要举措和成效", "存在的问题"]
    texts = [x.text for x in report.sections[0].paragraphs]
    assert "一、行政复议申请 52件" in texts and "（二）行政应诉案件 31件" in texts


def test_nested_table_is_part_of_its_cell_and_long_rows_are_not_cut(tmp_path):
    inner = _table(("内层甲", "内层乙"))
    long_cell = "全年共办理行政复议案件五十余件。" * 12
    body = p(TITLE) + _table(("外层", long_cell), ("第二行", "。二是另一格"), nested=inner)
    lines = lines_of(tmp_path, body)
    assert lines[1] == f"外层 内层甲\u3000内层乙\u3000{long_cell}"
    assert lines[2] == "第二行\u3000。二是另一格"  # not joined to the row above by its opening 。
    report = parse_report(tmp_path / "报告.docx")
    assert [x.text for x in report.opening][0].endswith(long_cell)


# -- text boxes, tracked changes, content controls, fields ------------------------------------------
def test_text_box_is_read_once_from_drawing_and_fallback(tmp_path):
    box = ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
           "<wps:wsp><wps:txbx><w:txbxContent>" + p("文本框里的说明文字。") + "</w:txbxContent></wps:txbx></wps:wsp>"
           "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
           "<w:txbxContent>" + p("文本框里的说明文字。") + "</w:txbxContent></v:textbox></v:shape></w:pict>"
           "</mc:Fallback></mc:AlternateContent></w:r>")
    vml_only = ("<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + p("旧式文本框。")
                + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    lines = lines_of(tmp_path, p(TITLE) + p("", inner=r("锚定段落。") + box) + p("", inner=vml_only))
    assert lines.count("文本框里的说明文字。") == 1
    assert "锚定段落。" in lines and "旧式文本框。" in lines


@pytest.mark.parametrize("markup, expected", [
    (r("全年收到") + '<w:ins w:id="1" w:author="甲">' + r("行政复议") + "</w:ins>" + r("申请52件。"),
     "全年收到行政复议申请52件。"),
    (r("纠错") + '<w:del w:id="2" w:author="甲"><w:r><w:delText>60</w:delText></w:r></w:del>' + r("6件。"),
     "纠错6件。"),
    ('<w:moveFrom w:id="3" w:author="甲">' + r("挪走的话。") + "</w:moveFrom>" + r("留下的话。")
     + '<w:moveTo w:id="4" w:author="甲">' + r("挪来的话。") + "</w:moveTo>", "留下的话。挪来的话。"),
    (r("格式改过") + '<w:r><w:rPr><w:rPrChange w:id="5" w:author="甲"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr>'
     "<w:t>仍在。</w:t></w:r>", "格式改过仍在。"),
])
def test_tracked_changes_read_as_accepted(tmp_path, markup, expected):
    assert lines_of(tmp_path, p(TITLE) + p("", inner=markup))[1] == expected


def test_deleted_paragraph_mark_joins_the_paragraphs(tmp_path):
    first = ('<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="甲"/></w:rPr></w:pPr>' + r("前半句，") + "</w:p>")
    assert lines_of(tmp_path, p(TITLE) + first + p("后半句。"))[1:] == ["前半句，后半句。"]


def test_content_controls_are_read_without_their_properties(tmp_path):
    block = ('<w:sdt><w:sdtPr><w:alias w:val="单位"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr>'
             "<w:sdtContent>" + p("控件里的一段。") + "</w:sdtContent></w:sdt>")
    inline = ('<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>' + r("某县司法局") + "</w:sdtContent></w:sdt>")
    lines = lines_of(tmp_path, p(TITLE) + block + p("", inner=r("牵头单位：") + inline + r("。")))
    assert lines[1:] == ["控件里的一段。", "牵头单位：某县司法局。"]


def test_fields_give_their_results_not_their_codes(tmp_path):
    simple = '<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">' + r("2026年2月6日") + "</w:fldSimple>"
    complex_ = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF 数字 \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>QUOTE 内层</w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("内层结果")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("52件")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    lines = lines_of(tmp_path, p(TITLE) + p("", inner=r("全年收到申请") + complex_ + r("。")) + p("", inner=simple))
    assert lines[1:] == ["全年收到申请52件。", "2026年2月6日"]


# -- automatic numbering ----------------------------------------------------------------------------
@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"),
                                     (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_counting(n, text):
    from drafter.reading.docxread import chinese

    assert chinese(n) == text


@pytest.mark.parametrize("n, fmt, text", [(3, "decimalEnclosedCircle", "③"), (2, "upperRoman", "II"),
                                          (28, "lowerLetter", "bb"), (4, "chineseLegalSimplified", "肆"),
                                          (2, "ideographTraditional", "乙"), (7, "decimalFullWidth", "７"),
                                          (5, "bullet", "")])
def test_number_formats(n, fmt, text):
    from drafter.reading.docxread import format_number

    assert format_number(n, fmt) == text


def test_automatic_numbering_is_rendered_and_restarts(tmp_path):
    body = (p(TITLE) + p("主要举措和成效", num=(1, 0)) + p("加强组织领导", num=(1, 1)) + p("完善制度", num=(1, 2))
            + p("规范执法", num=(1, 2)) + p("深化改革", num=(1, 1)) + p("落实清单", num=(1, 2))
            + p("存在的问题", num=(1, 0)) + p("力量不足", num=(1, 1)) + p("圆圈编号从三开始", num=(2, 0))
            + p("项目符号不算编号", num=(3, 0)) + p("编号被去掉", num=(0, 0)) + p("不重新编号", num=(1, 3))
            + p("下一步工作安排", num=(4, 0)))
    lines = lines_of(tmp_path, body)
    assert lines[1:] == ["一、主要举措和成效", "（一）加强组织领导", "1. 完善制度", "2. 规范执法", "（二）深化改革",
                         "1. 落实清单", "二、存在的问题", "（一）力量不足", "③ 圆圈编号从三开始", "项目符号不算编号",
                         "编号被去掉", "2.1 不重新编号", "五、下一步工作安排"]


def test_numbered_heading_style_makes_parts_visible_to_check(tmp_path):
    """Headings whose numbers come from the style's automatic numbering: the parts are found
    and check does not call them missing."""
    body = (p(TITLE) + p("2025年，某县坚持依法行政，全面推进法治政府建设。")
            + p("党政主要负责人履行推进法治建设第一责任人职责情况", style="ListH")
            + p("县政府主要负责人主持召开常务会议专题研究法治政府建设4次。")
            + p("推进法治政府建设的主要举措和成效", style="ListH")
            + p("全年收到行政复议申请52件，审结48件。")
            + p("存在的不足和原因", style="ListH") + p("基层执法力量不足，原因是编制有限。")
            + p("下一年度推进法治政府建设的主要安排", style="ListH") + p("加强执法队伍建设。")
            + p("某县人民政府") + p("2026年2月6日"))
    path = make_docx(tmp_path / "自动编号.docx", body)
    report = parse_report(path)
    assert [(lv, num) for lv, num, _ in outline(report)] == [(1, "一、"), (1, "二、"), (1, "三、"), (1, "四、")]
    result = CliRunner().invoke(main, ["check", str(path)])
    assert "缺少必需部分" not in result.output, result.output


# -- heading styles, outline levels, body-text styles ---------------------------------------------
def test_heading_styles_without_numbers_are_headings(tmp_path):
    body = (p(TITLE) + p("主要举措和成效", style="Heading1") + p("加强组织领导", style="Heading2")
            + p("全年召开会议4次。") + p("细化的第三级", style="MyH3") + p("正文。")
            + p("直接写大纲级别的标题", outline=0) + p("正文。"))
    report = parse_report(make_docx(tmp_path / "样式.docx", body))
    assert outline(report) == [(1, "", "主要举措和成效"), (2, "", "加强组织领导"), (3, "", "细化的第三级"),
                               (1, "", "直接写大纲级别的标题")]


@pytest.mark.parametrize("style", ["BodyText", "ZW"])
def test_body_text_style_keeps_a_paragraph_that_opens_with_a_number(tmp_path, style):
    body = (p(TITLE) + p("一、主要举措和成效", style="Heading1")
            + p("一、二季度共办结行政复议案件20件，较上年增加5件。", style=style)
            + p("（一）加强组织领导", style="Heading2") + p("1.完善制度，出台办法3件。", style=style)
            + p("二、存在的问题", style="Heading1") + p("基层力量不足。", style=style))
    report = parse_report(make_docx(tmp_path / "正文样式.docx", body))
    # 一、 is a kind the styled headings carry: typed in body text, it is text. 1. is not:
    # a clerk who styles only the upper headings types the lower ones (reading2, R3).
    assert outline(report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导"),
                               (3, "1.", "完善制度，出台办法3件"), (1, "二、", "存在的问题")]
    assert report.sections[0].paragraphs[0].text.startswith("一、二季度")


def test_outline_level_body_text_overrides_a_heading_style(tmp_path):
    body = p(TITLE) + p("一、主要举措和成效", style="Heading1") + p("一、正文里的一句。", style="Heading1", outline=9)
    report = parse_report(make_docx(tmp_path / "大纲.docx", body))
    assert [h for _, _, h in outline(report)] == ["主要举措和成效"]


def test_without_heading_styles_typed_numbers_are_still_headings(tmp_path):
    """A document written all in one body-text style: its typed 一、 are headings still."""
    body = (p(TITLE, style="BodyText") + p("一、主要举措和成效", style="BodyText") + p("正文。", style="BodyText")
            + p("二、存在的问题", style="BodyText") + p("不足。", style="BodyText"))
    report = parse_report(make_docx(tmp_path / "全正文.docx", body))
    assert [h for _, _, h in outline(report)] == ["主要举措和成效", "存在的问题"]


def test_run_in_heading_by_character_style(tmp_path):
    run_in = ('<w:r><w:rPr><w:rStyle w:val="Heading2Char"/></w:rPr><w:t>（一）加强组织领导。</w:t></w:r>'
              + r("县政府召开常务会议4次，专题研究法治政府建设工作，并部署全年任务和分工安排。"))
    body = (p(TITLE) + p("一、主要举措和成效", style="Heading1") + p("", style="ZW", inner=run_in)
            + p("（二）这一段用正文样式，不是标题，虽然以编号开头。", style="ZW"))
    report = parse_report(make_docx(tmp_path / "插入式.docx", body))
    assert outline(report) == [(1, "一、", "主要举措和成效"), (2, "（一）", "加强组织领导。")]
    assert report.sections[0].sections[0].paragraphs[-1].text.startswith("（二）这一段")


def test_missing_styles_and_numbering_parts_still_read(tmp_path):
    body = p(TITLE) + p("一、主要举措和成效", style="Heading1", num=(1, 0)) + p("正文。")
    lines = lines_of(tmp_path, body, styles=None, numbering="<w:numbering")  # absent, and broken
    assert lines[1:] == ["一、主要举措和成效", "正文。"]


def test_parse_command_shows_what_word_shows(tmp_path):
    body = (p(TITLE) + p("主要举措和成效", num=(1, 0)) + _table(("行政复议申请", "52件"))
            + p("存在的问题", num=(1, 0)) + p("不足。"))
    path = make_docx(tmp_path / "命令.docx", body)
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert "主要举措和成效" in result.output and "存在的问题" in result.output
    assert "数字 1 个（1 个对应指标）" in result.output  # the table row's count
