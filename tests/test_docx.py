"""The rendered example reopened with python-docx: GB/T 9704 settings (domain.md §1.3)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.jobs.pipeline import render_file

from conftest import EXAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx") / "example.docx"
    render_file(EXAMPLE, out)
    return docx.Document(str(out))


def style_el(doc, name):
    return doc.styles[name].element


def fonts(el):
    rfonts = el.find(f"{W}rPr/{W}rFonts")
    return {k: rfonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "eastAsia", "cs")}


def twips(length) -> int:
    return round(length / 635)  # 1 twip = 635 EMU


def test_page_setup(doc):
    s = doc.sections[0]
    assert (twips(s.page_width), twips(s.page_height)) == (11906, 16838)  # A4
    got = [twips(x) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    assert got == [2098, 1984, 1588, 1474]  # 37/35/28/26 mm
    block_width = twips(s.page_width) - got[2] - got[3]
    block_height = twips(s.page_height) - got[0] - got[1]
    assert (block_width, block_height) == (8844, 12756)  # 156 × 225 mm


def test_body_font_has_all_four_slots_and_size(doc):
    body = style_el(doc, "公文正文")
    defaults = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault")
    assert fonts(defaults) == {"ascii": "Times New Roman", "hAnsi": "Times New Roman",
                               "eastAsia": "仿宋_GB2312", "cs": "Times New Roman"}
    assert doc.styles["公文正文"].font.size in (None, Pt(16))
    assert defaults.find(f"{W}rPr/{W}sz").get(qn("w:val")) == "32"
    assert body.find(f"{W}pPr/{W}ind").get(qn("w:firstLineChars")) == "200"


def test_no_theme_fonts_anywhere(doc):
    xml = doc.styles.element.xml
    assert "Theme" not in xml and "asciiTheme" not in xml
    assert not any("theme" in rel.reltype for rel in doc.part.rels.values())


def test_exact_line_pitch_fits_22_lines(doc):
    pf = doc.styles["Normal"].paragraph_format
    assert pf.line_spacing == Pt(28.95)
    s = doc.sections[0]
    block = twips(s.page_height) - twips(s.top_margin) - twips(s.bottom_margin)
    assert 22 * pf.line_spacing.twips <= block < 23 * pf.line_spacing.twips


def test_characters_are_condensed_to_fit_28_per_line(doc):
    spacing = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}spacing")
    s = doc.sections[0]
    width = twips(s.page_width) - twips(s.left_margin) - twips(s.right_margin)
    assert 28 * (320 + int(spacing.get(qn("w:val")))) <= width


def test_title(doc):
    title = doc.paragraphs[0]
    assert title.style.name == "公文标题"
    assert title.text == "示例县人民政府关于2025年度\n法治政府建设情况的报告"
    el = style_el(doc, "公文标题")
    assert fonts(el)["eastAsia"] == "方正小标宋简体"
    assert el.find(f"{W}rPr/{W}sz").get(qn("w:val")) == "44"
    assert doc.styles["公文标题"].paragraph_format.alignment == 1  # centre
    assert doc.paragraphs[1].text == ""  # one blank line after the title


@pytest.mark.parametrize("name, font", [
    ("一级标题", "黑体"), ("二级标题", "楷体_GB2312"), ("三级标题", "仿宋_GB2312"), ("四级标题", "仿宋_GB2312"),
])
def test_heading_fonts_by_level(doc, name, font):
    assert fonts(style_el(doc, name))["eastAsia"] == font
    assert fonts(style_el(doc, name + "文字"))["eastAsia"] == font
    assert doc.styles[name].paragraph_format.keep_with_next


def test_level_three_is_bold_by_setting(doc):
    assert doc.styles["三级标题文字"].font.bold is True
    assert doc.styles["二级标题文字"].font.bold is None


def test_headings_are_numbered_and_styled(doc):
    h1 = [p.text for p in doc.paragraphs if p.style.name == "一级标题"]
    assert h1 == ["一、2025年推进法治政府建设的主要举措和成效", "二、存在的不足和原因",
                  "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、2026年推进法治政府建设的主要安排"]
    h2 = [p.text for p in doc.paragraphs if p.style.name == "二级标题"]
    assert h2[0].startswith("（一）") and h2[9].startswith("（十）")


def test_run_in_heading_split(doc):
    para = next(p for p in doc.paragraphs if p.text.startswith("1.把法治政府建设"))
    assert para.style.name == "公文正文"
    head, *rest = para.runs
    assert head.style.name == "三级标题文字" and head.text == "1.把法治政府建设摆上全局工作的重要位置。"
    assert rest and all(r.style.name != "三级标题文字" for r in rest)
    assert "".join(r.text for r in rest).startswith("县政府党组")


def test_run_in_level_two_in_kai(doc):
    para = next(p for p in doc.paragraphs if p.text.startswith("（一）带头学法用法。"))
    assert para.runs[0].style.name == "二级标题文字"


def test_quotes_and_dashes_stay_east_asian(doc):
    runs = [r for p in doc.paragraphs for r in p.runs if r.text and r.text[0] in "“”—…"]
    assert runs
    for r in runs:
        rf = r._r.rPr.rFonts
        assert rf.get(qn("w:ascii")) == rf.get(qn("w:eastAsia")) and rf.get(qn("w:hint")) == "eastAsia"


def test_odd_and_even_footers_with_page_field(doc):
    assert doc.settings.odd_and_even_pages_header_footer
    s = doc.sections[0]
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    for p in (odd, even):
        assert "PAGE" in p._p.xml and p.text.startswith("— ") and p.text.endswith(" —")
        assert fonts(style_el(doc, "页码"))["eastAsia"] == "宋体"
        assert style_el(doc, "页码").find(f"{W}rPr/{W}sz").get(qn("w:val")) == "28"
    assert odd.alignment == 2 and odd.paragraph_format.right_indent == Pt(14)
    assert even.alignment == 0 and even.paragraph_format.left_indent == Pt(14)
    # The 一字线 stands 7 mm below the text block: footer distance + one 14 pt line = 35 − 7 mm.
    assert abs(s.footer_distance.mm + Pt(14).mm - 28) < 0.1


def test_signature_block_no_seal(doc):
    paras = doc.paragraphs
    sig = next(i for i, p in enumerate(paras) if p.style.name == "署名")
    assert paras[sig - 1].text == ""  # one blank line above
    assert paras[sig].text == "示例县人民政府" and paras[sig + 1].text == "2026年2月6日"
    assert paras[sig + 1].style.name == "成文日期"
    # 7.3.5.2: signature 示例县人民政府 is 7 字, the date 2026年2月6日 is 6 字 (digits are half width).
    # The date keeps 2 字 right; its first character stands 2 字 right of the signature's.
    s_ind = paras[sig].paragraph_format.right_indent.pt / 16
    d_ind = paras[sig + 1].paragraph_format.right_indent.pt / 16
    assert (s_ind, d_ind) == (3.0, 2.0)
    assert (s_ind + 7) - (d_ind + 6) == 2
    assert paras[sig + 2].style.name == "附注" and paras[sig + 2].text == "（此件公开发布）"


def test_named_styles_for_every_element(doc):
    used = {p.style.name for p in doc.paragraphs}
    assert {"公文标题", "主送机关", "公文正文", "一级标题", "二级标题", "署名", "成文日期", "附注"} <= used


def test_core_properties(doc):
    assert doc.core_properties.title == "示例县人民政府关于2025年度法治政府建设情况的报告"


def test_no_hanging_punctuation_and_no_autospace(doc):
    """Word semantics: punctuation may not overflow the block; no extra space around digits."""
    ppr = style_el(doc, "Normal").find(f"{W}pPr")
    assert ppr.find(f"{W}overflowPunct").get(qn("w:val")) == "0"
    assert ppr.find(f"{W}autoSpaceDE").get(qn("w:val")) == "0"
    assert ppr.find(f"{W}autoSpaceDN").get(qn("w:val")) == "0"


def test_signature_kept_with_the_last_body_paragraph(doc):
    paras = doc.paragraphs
    sig = next(i for i, p in enumerate(paras) if p.style.name == "署名")
    assert paras[sig - 1].paragraph_format.keep_with_next and paras[sig - 2].paragraph_format.keep_with_next


def test_widow_control_is_off_for_body_paragraphs_unless_the_layout_asks(tmp_path):
    """Every full page holds 22 lines by default; 孤行控制: true turns widow and orphan
    control back on for body paragraphs."""
    import zipfile

    from drafter.jobs.pipeline import render_file

    from conftest import EXAMPLE

    def body_style(config=None) -> str:
        out = tmp_path / "r.docx"
        render_file(EXAMPLE, out, config=config, force=True)
        xml = zipfile.ZipFile(out).read("word/styles.xml").decode("utf-8")
        start = xml.index('w:styleId="GwBody"')
        return xml[start: xml.index("</w:style>", start)]

    assert '<w:widowControl w:val="0"/>' in body_style()
    config = tmp_path / "设置.yaml"
    config.write_text("孤行控制: true\n", encoding="utf-8")
    assert "widowControl" not in body_style(config)


def test_heading_styles_are_based_on_the_built_in_headings(tmp_path):
    """Converters that read the outline by Word's built-in heading styles see it; the styles
    the paragraphs use keep their Chinese names."""
    from drafter.jobs.pipeline import render_file

    from conftest import EXAMPLE

    out = tmp_path / "r.docx"
    render_file(EXAMPLE, out)
    document = docx.Document(str(out))
    for level, name in enumerate(["一级标题", "二级标题", "三级标题"], 1):
        style = document.styles[name]
        assert style.base_style.name == f"Heading {level}"
        assert style.base_style.base_style.name == "公文正文"
    used = {p.style.name for p in document.paragraphs}
    assert {"一级标题", "二级标题"} <= used and not any(n.startswith("Heading") for n in used)


def _pandoc() -> str | None:
    import shutil

    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return shutil.which("pandoc")


@pytest.mark.skipif(_pandoc() is None, reason="没有 pandoc（pip install -e '.[test]' 会装上）")
def test_pandoc_reads_the_outline(tmp_path):
    """pandoc reads the heading paragraphs as headings of their level (through the styles'
    base, heading 1–4), under their Chinese style names."""
    import subprocess

    out = tmp_path / "r.docx"
    render_file(EXAMPLE, out)
    levels = {"一级标题": 1, "二级标题": 2, "三级标题": 3, "四级标题": 4}
    expected = [(levels[p.style.name], p.text) for p in docx.Document(str(out)).paragraphs if p.style.name in levels]
    text = subprocess.run([_pandoc(), "-f", "docx", "-t", "markdown", str(out)], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    found = []
    for line in text.splitlines():
        hashes = len(line) - len(line.lstrip("#"))
        if hashes and line[hashes:hashes + 1] == " ":
            title, _, attrs = line[hashes + 1:].partition(" {")
            found.append((hashes, title))
            assert "." + next(n for n, v in levels.items() if v == hashes) in attrs, line
    assert found == expected
