"""GB/T 9704 layout proved in a real renderer: LibreOffice's PDF, read back with PyMuPDF.

Skipped, with the reason, where LibreOffice or the stand-in fonts are not installed
(README: the test command's system packages). All documents go through one conversion.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from drafter.jobs.pipeline import build
from drafter.files.libreoffice import find_soffice, to_pdf
from drafter.typeset.layout import load_layout
from drafter.typeset.writer import typeset
from drafter.files.yamlsource import load_text

from conftest import EXAMPLE
from pdflayout import BOTTOM, CHAR, LEFT, NO_LINE_START, RIGHT, TOP, page_size_mm, read

FANDOL = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_soffice() is None, reason="没有安装 LibreOffice（libreoffice-writer-nogui）"),
    pytest.mark.skipif(not FANDOL.is_dir(), reason="没有安装 Fandol 字体（texlive-lang-chinese）"),
]
pytest.importorskip("pymupdf", reason="没有安装 PyMuPDF（pip install -e '.[test]'）")

PITCH = 28.95 / 72 * 25.4  # mm, the exact line pitch (domain.md §1.3)

# Measures written for these tests, to grow the example past 15,000 characters.
EXTRA = [
    ("坚持问题导向", "每季度梳理一次群众反映集中的问题，逐项明确牵头单位和办结时限，办理结果在政府网站公开，接受群众评议。"),
    ("强化基层基础", "为每个乡镇配备专职法治工作人员，建立县级部门联系乡镇制度，定期下沉指导执法办案和合法性审查工作。"),
    ("推进制度落实", "对照上级部署逐条制定落实措施，年中开展一次自查，年底形成评估报告，对落实不到位的单位督促整改。"),
    ("提升服务效能", "推行首问负责、一次告知和限时办结，窗口服务满意度纳入部门年度考核，群众办事的等候时间明显缩短。"),
]


def form_text(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout")
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    sealed = copy.deepcopy(base)
    sealed["落款"] = {"盖章": True}
    long = copy.deepcopy(base)
    k = 0
    while build(load_text(form_text(long), "long.yaml")).report.text_length() < 15500:
        title, body = EXTRA[k % len(EXTRA)]
        long["成效"][k % len(long["成效"])]["做法"].append({"标题": f"{title}", "内容": body * 2})
        k += 1
    lay = load_layout()
    files = []
    for name, data in (("example", base), ("sealed", sealed), ("long", long)):
        path = folder / f"{name}.docx"
        typeset(build(load_text(form_text(data), f"{name}.yaml")).report, lay).save(path)
        files.append(path)
    pdf_paths = to_pdf(files, folder / "pdf")
    return {name: (path, read(path)) for name, path in zip(("example", "sealed", "long"), pdf_paths)}


def body_lines(page):
    return [ln for ln in page if ln.y0 < BOTTOM]


def footer_line(page):
    below = [ln for ln in page if ln.y0 >= BOTTOM]
    assert len(below) == 1, [ln.text for ln in below]
    return below[0]


def all_pages(pdfs):
    for name, (_, pages) in pdfs.items():
        for page in pages:
            yield name, page


def test_example_is_six_to_ten_pages(pdfs):
    assert 6 <= len(pdfs["example"][1]) <= 10


def test_long_report_spans_many_pages(pdfs):
    assert len(pdfs["long"][1]) >= 20


def test_pages_are_a4(pdfs):
    for path, _ in pdfs.values():
        for w, h in page_size_mm(path):
            assert abs(w - 210) < 0.5 and abs(h - 297) < 0.5


def test_text_stays_inside_the_block(pdfs):
    for name, page in all_pages(pdfs):
        for ln in body_lines(page):
            assert ln.x0 >= LEFT - 0.3 and ln.x1 <= RIGHT + 0.3, (name, ln.page, ln.text)
            assert ln.y0 >= TOP - 0.3 and ln.y1 <= BOTTOM + 0.5, (name, ln.page, ln.text)


def slots(lines) -> int:
    """Line slots of the block a page uses, from its first line (at the top) to its last."""
    return round((lines[-1].y0 - lines[0].y0) / PITCH) + 1


def test_every_full_page_holds_22_lines(pdfs):
    full = 0
    for name, page in all_pages(pdfs):
        lines = body_lines(page)
        if lines[-1].y0 > BOTTOM - 1.5 * PITCH:  # the block is filled to its last line
            full += 1
            assert slots(lines) == 22, (name, lines[0].page, len(lines))  # blank lines take their slot too
            body = [ln for ln in lines if ln.chars[0].size < 20]  # the title's 二号 glyphs sit higher
            first = body[0].y0
            for ln in body:  # and every line stands on the 28.95 pt pitch
                steps = (ln.y0 - first) / PITCH
                assert abs(steps - round(steps)) < 0.15, (name, ln.page, ln.text)
    assert full >= 15


def _next_unit(text: str) -> float:
    """Width of what must move with the next character: a Latin run, or a two-character
    word (LibreOffice keeps dictionary words whole), plus punctuation that may not start a line."""
    if not text:
        return 99.0
    if ord(text[0]) < 128:
        run = len(text) - len(text.lstrip("0123456789.%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
        width, rest = run * 0.5, text[run:]
    else:
        width, rest = 1.0, text[1:]
        if rest and ord(rest[0]) > 0x3000 and rest[0] not in NO_LINE_START:
            width, rest = 2.0, rest[1:]
    while rest and rest[0] in NO_LINE_START:
        width, rest = width + 1, rest[1:]
    return width


def test_every_full_body_line_holds_28_characters(pdfs):
    """A line that is not the last of its paragraph holds 28 字, or as many as fit before the
    next unit that may not be split or may not start a line (禁则)."""
    widths = []
    for name, page in all_pages(pdfs):
        lines = body_lines(page)
        for ln, nxt in zip(lines, lines[1:]):
            continuation = abs(nxt.x0 - LEFT) < 0.5
            if ln.size > 17 or not continuation:
                continue
            w = ln.width_in_chars() + (2 if ln.x0 > LEFT + CHAR else 0)
            assert w <= 28.05, (name, ln.page, ln.text)
            assert w + _next_unit(nxt.text) > 27.95, (name, ln.page, ln.text, nxt.text[:4])
            widths.append((w, any(ord(c.c) < 128 for c in ln.chars)))
    # a line of Chinese alone fills the 28 字 exactly, unless 禁则 moved a unit; a line holding
    # half-width digits seldom does (how many there are depends on the text, not the layout)
    cjk = [w for w, latin in widths if not latin]
    assert len(widths) > 300 and len(cjk) > 150, (len(widths), len(cjk))
    assert sum(w > 27.95 for w in cjk) / len(cjk) > 0.75, (sum(w > 27.95 for w in cjk), len(cjk))


def test_page_numbers(pdfs):
    for name, (_, pages) in pdfs.items():
        for number, page in enumerate(pages, 1):
            ln = footer_line(page)
            assert ln.text == f"—{number}—", (name, number, ln.text)
            assert abs(ln.y0 - (BOTTOM + 7)) < 1.0, (name, number, ln.y0)  # 一字线 7 mm below the block
            inset = 14 / 72 * 25.4  # one 4号 character
            if number % 2:
                assert abs(ln.x1 - (RIGHT - inset)) < 0.6, (name, number, ln.x1)
            else:
                assert abs(ln.x0 - (LEFT + inset)) < 0.6, (name, number, ln.x0)
            assert all("FandolSong" in f for f in ln.fonts), ln.fonts


def test_title_centred_and_balanced(pdfs):
    for name, (_, pages) in pdfs.items():
        title = [ln for ln in pages[0] if ln.size > 20]
        assert len(title) == 2, name
        for ln in title:
            assert abs((ln.x0 + ln.x1) / 2 - (LEFT + RIGHT) / 2) < 1.0, ln.text
            assert ln.width_in_chars() >= 3
        assert title[0].x1 - title[0].x0 >= title[-1].x1 - title[-1].x0


def _fonts_of(ln, cjk=True):
    return {c.font for c in ln.chars if (ord(c.c) > 0x2000) == cjk and c.c not in "“”‘’—…"}


def test_each_element_in_its_face(pdfs):
    pages = pdfs["example"][1]
    lines = [ln for page in pages for ln in body_lines(page)]
    title = [ln for ln in lines if ln.size > 20]
    assert all(f.startswith(("NotoSerifCJK", "Noto Serif CJK")) or "NotoSerifCJK" in f
               for ln in title for f in _fonts_of(ln))
    h1 = [ln for ln in lines if ln.text.startswith(("一、", "二、", "三、", "四、"))]
    assert len(h1) == 4 and all(_fonts_of(ln) == {"FandolHei-Regular"} for ln in h1)
    h2 = [ln for ln in lines if ln.text.startswith("（一）压实法治建设责任")]
    assert h2 and _fonts_of(h2[0]) == {"FandolKai-Regular"}
    body = [ln for prev, ln in zip(lines, lines[1:])
            if ln.size < 17 and ln.x0 < LEFT + 0.5 and not _is_heading(prev)]
    assert body and all(_fonts_of(ln) <= {"FandolFang-Regular"} for ln in body)
    digits = [c.font for ln in lines for c in ln.chars if c.c.isdigit() and ln.size < 17]
    assert digits and all("LiberationSerif" in f for f in digits)
    every = {c.font for page in pages for ln in page for c in ln.chars}
    assert not any("DejaVu" in f for f in every), every
    cjk_faces = {c.font for page in pages for ln in page for c in ln.chars if ord(c.c) > 0x3000}
    assert all(f.startswith(("Fandol", "NotoSerifCJK")) for f in cjk_faces), cjk_faces


def _signature(pages, signature="示例县人民政府", date="2026年2月6日"):
    lines = body_lines(pages[-1])
    i = next(k for k, ln in enumerate(lines) if ln.text == signature)
    assert lines[i + 1].text == date
    return lines, i


def test_signature_and_date_without_seal(pdfs):
    lines, i = _signature(pdfs["example"][1])
    sig, date = lines[i], lines[i + 1]
    assert abs(date.x1 - (RIGHT - 2 * CHAR)) < 0.6  # the date keeps 2 字 to its right
    assert abs(date.x0 - (sig.x0 + 2 * CHAR)) < 0.6  # and starts 2 字 right of the signature
    assert abs((sig.y0 - lines[i - 1].y0) - 2 * PITCH) < 0.5  # one blank line above


def test_signature_and_date_with_seal(pdfs):
    lines, i = _signature(pdfs["sealed"][1])
    sig, date = lines[i], lines[i + 1]
    assert abs(date.x1 - (RIGHT - 4 * CHAR)) < 0.6  # 成文日期右空四字
    assert abs((sig.x0 + sig.x1) / 2 - (date.x0 + date.x1) / 2) < 0.6  # signature centred on the date
    assert sig.y0 - lines[i - 1].y0 > 3.5 * PITCH  # room for the seal


def _is_heading(ln) -> bool:
    faces = _fonts_of(ln)
    return bool(faces) and faces <= {"FandolHei-Regular", "FandolKai-Regular"}


def test_heading_is_never_the_last_line_of_a_page(pdfs):
    for name, page in all_pages(pdfs):
        lines = body_lines(page)
        if page is not pdfs[name][1][-1]:
            assert not _is_heading(lines[-1]), (name, lines[-1].page, lines[-1].text)


def test_a_page_ends_a_line_early_only_before_a_heading(pdfs):
    """Widow and orphan control are off for body paragraphs: a page that is not full is one
    whose next line is a heading kept with its text (or the last pages, with the signature)."""
    for name, (_, pages) in pdfs.items():
        for page, after in zip(pages[:-2], pages[1:-1]):
            lines, following = body_lines(page), body_lines(after)
            if slots(lines) < 22:
                assert _is_heading(following[0]), (name, lines[0].page, len(lines), following[0].text)

LEVELS = {"一级标题": 1, "二级标题": 2, "三级标题": 3, "四级标题": 4}


def test_headings_are_the_outline_a_reader_sees(pdfs, tmp_path):
    """The heading styles (Chinese names, based on the built-in heading 1–4) are read as the
    outline: LibreOffice lists them under their Chinese names with their outline levels, and
    its PDF carries every heading paragraph of the .docx as a bookmark at its level."""
    import re
    import zipfile

    import docx
    import pymupdf

    from drafter.files.libreoffice import run_soffice

    path, _ = pdfs["example"]
    source = path.parent.parent / "example.docx"
    headings = [(LEVELS[p.style.name], p.text) for p in docx.Document(str(source)).paragraphs
                if p.style.name in LEVELS]
    assert {level for level, _ in headings} >= {1, 2}
    toc = [(level, title) for level, title, _ in pymupdf.open(str(path)).get_toc()]
    assert toc == headings

    run_soffice(["--convert-to", "odt", "--outdir", str(tmp_path), str(source)], 300)
    with zipfile.ZipFile(tmp_path / "example.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    found = [(int(level), LEVELS.get(style)) for style, level in
             re.findall(r'<text:h text:style-name="([^"]+)" text:outline-level="(\d)"', content)]
    assert [level for level, _ in found] == [level for level, _ in headings]
    assert all(style == level for level, style in found), found  # listed by their Chinese names
