"""Reading Word files, round 10 of the outside attack on issue 18: a text box (a contact box, a
seal note) anchored in the 附注, the date, the signature or a body paragraph floats beside it:
its lines are read after the paragraph it is anchored in and never come between the closing's
lines, so the signature, date and 附注 are read as in the unedited report, check finds
nothing, and new --from carries the 附注."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)
from drafter.reading.parser import parse_lines
from drafter.reading.source import read_lines

from hostile_cases import example_form, run_clean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BOX = (f'<w:pict xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><v:shape style="position:absolute;'
       'width:100pt;height:30pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
       '</w:txbxContent></v:textbox></v:shape></w:pict>')


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("r")
    form = example_form(folder)
    out = folder / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    return out


def _boxed(rendered, tmp_path, key: str, text: str):
    d = docx.Document(str(rendered))
    para = [p for p in d.paragraphs if key in p.text][-1]
    run = etree.SubElement(para._p, qn("w:r"))
    run.append(etree.fromstring(BOX.format(text=text)))
    out = tmp_path / "改过.docx"
    d.save(str(out))
    return out


@pytest.mark.parametrize("key", ["此件公开发布", "2026年2月6日", "示例县人民政府"])
@pytest.mark.parametrize("text", ["联系电话：1234567", "附：本报告数据截至2025年12月31日"])
def test_a_text_box_beside_the_closing_leaves_it_whole(rendered, tmp_path, key, text):
    edited = _boxed(rendered, tmp_path, key, text)
    lines = read_lines(edited)
    assert text in [str(x) for x in lines]  # read, never lost
    report = parse_lines(lines)
    assert (report.signature, report.date, report.notes) == ("示例县人民政府", "2026年2月6日", ["（此件公开发布）"])
    result = run_clean(["check", edited], inputs=[edited], exit_codes=(0,))
    assert "成文日期缺失" not in result.output and "没有发现问题" in result.output, result.output
    form = tmp_path / "明年.yaml"
    run_clean(["new", "2026", "--from", edited, "-o", form], inputs=[edited], outputs=[form], exit_codes=(0,))
    assert "附注: 此件公开发布" in form.read_text(encoding="utf-8")


def test_a_text_box_in_the_body_is_read_after_its_paragraph(rendered, tmp_path):
    edited = _boxed(rendered, tmp_path, "全年收到行政复议申请", "图表说明：复议案件逐年增加")
    lines = [str(x) for x in read_lines(edited)]
    anchor = next(k for k, line in enumerate(lines) if "全年收到行政复议申请" in line)
    assert lines[anchor + 1] == "图表说明：复议案件逐年增加"


def test_one_bad_form_into_a_folder_exits_2_as_into_a_file(tmp_path):
    form = tmp_path / "bad.yaml"
    form.write_text("单位: 某县人民政府\n年度: 2025\n成文日期: 2026-02-30\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    for target in (tmp_path / "x.docx", tmp_path / "sub"):
        run_clean(["render", form, "-o", target], inputs=[form], exit_codes=(2,))
    good = example_form(tmp_path, name="好.yaml")  # one of two bad: the run as a whole exits 1
    run_clean(["render", form, good, "-o", tmp_path / "sub"], inputs=[form, good], exit_codes=(1,))


@pytest.mark.parametrize("note", ["6", "A", "（6）", '"6"'])
def test_a_note_of_one_character_is_read_as_the_note(tmp_path, note):
    form = example_form(tmp_path, ("附注: 此件公开发布", f"附注: {note}"))
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output


@pytest.mark.parametrize("outline, said", [
    ("《法治政府建设实施纲要（2015—2020年）》", "不在它的施行期内"),
    ("《某某纲要》", "占位文字"),
])
def test_an_office_formula_file_with_a_wrong_outline_is_refused_at_its_line(tmp_path, outline, said):
    form = example_form(tmp_path)
    folder = tmp_path / "设置"
    folder.mkdir()
    (folder / "版式.yaml").write_text("表述数据: 政治表述.yaml\n", encoding="utf-8")
    data = folder / "政治表述.yaml"
    data.write_text(f"2025:\n  纲要: {outline}\n", encoding="utf-8")
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "-c", folder / "版式.yaml"], inputs=[form, data], outputs=[out],
                       exit_codes=(2,))
    assert "政治表述.yaml:2:7" in result.output and said in result.output, result.output


# -- round 11: hidden text, frames, placeholders, attachments after the closing, boxes at the title -----
def _edited(rendered, tmp_path, edit):
    d = docx.Document(str(rendered))
    edit(d)
    out = tmp_path / "改过.docx"
    d.save(str(out))
    return out


def _para(d, text):
    return next(p for p in d.paragraphs if p.text == text)


def _frame(d, before: str, text: str):
    f = _para(d, before).insert_paragraph_before(text)
    frame = etree.SubElement(f._p.get_or_add_pPr(), qn("w:framePr"))
    for k, v in dict(w="3000", h="600", wrap="around", vAnchor="text", hAnchor="page", x="1000", y="1").items():
        frame.set(qn("w:" + k), v)


def _table_after(d):
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).merge(t.cell(0, 1))
    t.cell(1, 0).text = "甲"


def _prompt(d):
    sdt = etree.fromstring(f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>'
                           '<w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    d.element.body.insert(len(d.element.body) - 1, sdt)


def _hidden_style(d, kind, based=False):
    """A style that hides its text (round 16): a character or paragraph style, or one based on it."""
    from docx.enum.style import WD_STYLE_TYPE

    style = d.styles.add_style("隐藏" + kind, getattr(WD_STYLE_TYPE, kind))
    style.font.hidden = True
    if based:
        child = d.styles.add_style("隐藏" + kind + "2", getattr(WD_STYLE_TYPE, kind))
        child.base_style = style
        return child
    return style


def _hidden_by_character_style(d, based=False):
    _para(d, "示例县人民政府").add_run("受理行政复议案件999件").style = _hidden_style(d, "CHARACTER", based)


def _hidden_by_paragraph_style(d):
    _para(d, "2026年2月6日").insert_paragraph_before("内部备注：受理行政复议案件999件，整改率93.2 %。",
                                                  style=_hidden_style(d, "PARAGRAPH"))


EDITS = {
    "hidden in the signature": lambda d: setattr(_para(d, "示例县人民政府").add_run("受理行政复议案件999件").font, "hidden", True),
    "hidden by a character style": _hidden_by_character_style,
    "hidden by a style based on a hidden one": lambda d: _hidden_by_character_style(d, based=True),
    "hidden by a paragraph style": _hidden_by_paragraph_style,
    "hidden in the date": lambda d: setattr(_para(d, "2026年2月6日").add_run("（已核稿）").font, "hidden", True),
    "frame before the date": lambda d: _frame(d, "2026年2月6日", "此处为示意说明"),
    "attachment line": lambda d: d.add_paragraph("附件：2025年度法治政府建设统计表"),
    "table after the closing": _table_after,
    "placeholder after the closing": _prompt,
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_what_word_does_not_show_or_floats_leaves_the_closing_whole(rendered, tmp_path, edit):
    edited = _edited(rendered, tmp_path, EDITS[edit])
    report = parse_lines(read_lines(edited))
    assert (report.signature, report.date) == ("示例县人民政府", "2026年2月6日")
    result = run_clean(["check", edited], inputs=[edited], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output
    form = tmp_path / "明年.yaml"
    run_clean(["new", "2026", "--from", edited, "-o", form], inputs=[edited], outputs=[form], exit_codes=(0,))
    text = form.read_text(encoding="utf-8")
    assert "单位: 示例县人民政府\n" in text and "999" not in text and "附注: 此件公开发布" in text


def test_a_run_that_shows_itself_in_a_hiding_style_is_read(rendered, tmp_path):
    def edit(d):
        _hidden_by_character_style(d)
        _para(d, "示例县人民政府受理行政复议案件999件").runs[-1].font.hidden = False  # w:vanish w:val="0"
    edited = _edited(rendered, tmp_path, edit)
    assert "999" in "".join(str(line) for line in read_lines(edited))


def _box_in_title(d):
    run = etree.SubElement(d.paragraphs[0]._p, qn("w:r"))
    run.append(etree.fromstring(BOX.format(text="此处为示意说明")))


def _table_under_title(d):
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "示意"
    d.paragraphs[1]._p.addprevious(t._tbl)


@pytest.mark.parametrize("edit", [_box_in_title, lambda d: _frame(d, "县委、县人大常委会：", "此处为示意说明"),
                                  _table_under_title], ids=["text box", "frame", "table"])
def test_a_floating_object_at_the_title_leaves_the_addressee(rendered, tmp_path, edit):
    edited = _edited(rendered, tmp_path, edit)
    assert parse_lines(read_lines(edited)).addressee == "县委、县人大常委会"


def test_a_text_of_control_characters_only_is_no_report(tmp_path):
    path = tmp_path / "控制符.txt"
    path.write_bytes(b"\x00\x01\x02")
    result = run_clean(["check", path], inputs=[path], exit_codes=(2,), located=False)  # a whole file
    assert "没有从“控制符.txt”中读出报告的正文" in result.output


# -- round 12: the 版记 after the closing, dates written another way -------------------------------
@pytest.mark.parametrize("lines", [["抄送：市委办、市人大办。"], ["抄送：市司法局。", "示例县人民政府办公室　　2026年2月6日印发"],
                                   ["（共印10份）"]], ids=["cc", "cc-and-issued", "copies"])
def test_the_colophon_after_the_closing_leaves_it_whole(rendered, tmp_path, lines):
    edited = _edited(rendered, tmp_path, lambda d: [d.add_paragraph(line) for line in lines])
    report = parse_lines(read_lines(edited))
    assert (report.signature, report.date, report.notes) == ("示例县人民政府", "2026年2月6日", ["（此件公开发布）"])
    result = run_clean(["check", edited], inputs=[edited], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output


@pytest.mark.parametrize("date", ["2026.2.6", "2026-02-06", "二O二六年二月六日"])
def test_a_date_written_another_way_is_still_the_date(rendered, tmp_path, date):
    def edit(d):
        p = _para(d, "2026年2月6日")
        p.runs[0].text = date
        for r in p.runs[1:]:
            r.text = ""
    edited = _edited(rendered, tmp_path, edit)
    assert parse_lines(read_lines(edited)).signature == "示例县人民政府"
    result = run_clean(["check", edited], inputs=[edited], exit_codes=(0,))
    assert "成文日期缺失" not in result.output, result.output


# -- round 12 (form): a title opening with punctuation, a connective with its own punctuation -------
@pytest.mark.parametrize("title", ['".abc"', "、开展轮训", "．开展轮训"])
def test_a_title_opening_with_punctuation_is_refused_at_its_field(tmp_path, title):
    form = example_form(tmp_path, ("标题: 进一步提升行政执法质量", f"标题: {title}"))
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert "标题以标点" in result.output, result.output


@pytest.mark.parametrize("connective", ["，原因是", "、原因是", "原因是。", "；原因在于"])
def test_a_connective_with_its_own_punctuation_prints_none_of_it(tmp_path, connective):
    form = example_form(tmp_path)
    form.write_text(form.read_text(encoding="utf-8") + f"\n写法:\n  原因连接词: {connective}\n", encoding="utf-8")
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output
