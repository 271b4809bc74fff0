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

from drafter.cli import main  # noqa: F401  (run_clean drives it)
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
