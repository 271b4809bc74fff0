"""The reading side, fourth pass over issue 18 (what an outside tester found in round 2): the
parts a clerk renames are still known by their words (C3); a report pasted as one table is
read as its paragraphs (C4); a text file's bytes are decoded exactly or refused where they
stand (C6); a closing formula and the lines under it are never headings, even after
LibreOffice re-saves drafter's own .docx (C7)."""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)
from drafter.reading.classify import part_role
from drafter.reading.parser import parse_lines, parse_report
from drafter.reading.source import read_lines

from conftest import EXAMPLE
from hostile_cases import run_clean
from test_reading_docx_features import TITLE, make_docx, p

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

BODY = [TITLE, "2025年，某县坚持依法行政，统筹推进法治政府建设各项工作。现将有关情况报告如下：",
        "一、主要举措和成效", "全年受理行政复议案件53件，审结50件，结案率94.3%。",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责人带头学法，专题研究法治建设4次。",
        "三、存在的不足和原因", "基层执法力量不足，主要是编制少、人员流动大。",
        "四、2026年推进法治政府建设的主要安排", "加强执法队伍建设，开展执法人员轮训。", "某县人民政府", "2026年2月6日"]


@pytest.fixture
def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _render(tmp_path, data, name="报告.docx"):
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / name
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    return out


# -- C3: the words clerks rename a part with ----------------------------------------------------------
@pytest.mark.parametrize("heading, role", [
    ("存在的困难", "问题"), ("面临的困难和挑战", "问题"), ("工作中的困难和短板", "问题"), ("存在的不足", "问题"),
    ("明年工作打算", "下一步"), ("明年重点", "下一步"), ("来年思路", "下一步"), ("今后工作方向", "下一步"),
    ("新一年的工作计划", "下一步"), ("下一年度工作", "下一步"), ("2026年工作安排", "下一步"),
])
def test_a_renamed_part_is_known_by_its_words(heading, role):
    assert part_role(heading, 2026)[0] == role


@pytest.mark.parametrize("heading", ["帮助困难群众", "扎实推进普法计划", "落实三年行动计划"])
def test_the_same_words_as_a_modifier_name_no_part(heading):
    assert part_role(heading, 2026)[0] is None


@pytest.mark.parametrize("problem, plan", [
    ("存在的困难", "今后工作方向"),
    ("面临的困难和挑战", "明年重点"),
    ("差距和不足", "来年思路"),
    ("工作中的困难和短板", "明年工作打算"),
    ("存在的不足", "{下一年度}年工作安排"),
])
def test_a_text_copy_of_drafters_report_with_renamed_parts_has_every_part(tmp_path, example, problem, plan):
    example["写法"] = {"部分标题": {"问题": problem, "下一步": plan}}
    out = _render(tmp_path, example)
    text = tmp_path / "报告.txt"
    text.write_text("\n".join(x.text for x in docx.Document(str(out)).paragraphs), encoding="utf-8")
    result = run_clean(["check", text], inputs=[text], exit_codes=(0, 1))
    assert "缺少必需部分" not in result.output, result.output


# -- C4: a report pasted as one table ----------------------------------------------------------------
def _rows(lines):  # one cell per paragraph
    return "<w:tbl><w:tblPr/>" + "".join(f"<w:tr><w:tc><w:tcPr/>{p(x)}</w:tc></w:tr>" for x in lines) + "</w:tbl>"


def _cell(lines):  # every paragraph in one cell
    return "<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>" + "".join(p(x) for x in lines) + "</w:tc></w:tr></w:tbl>"


DATA_TABLE = ("<w:tbl><w:tblPr/><w:tr><w:tc>" + p("项目") + "</w:tc><w:tc>" + p("件数") + "</w:tc></w:tr>"
              "<w:tr><w:tc>" + p("行政复议") + "</w:tc><w:tc>" + p("53件") + "</w:tc></w:tr></w:tbl>")


@pytest.mark.parametrize("body", [
    _rows(BODY), _cell(BODY), p(TITLE) + _cell(BODY[1:]),
    _cell(BODY[:4]) + DATA_TABLE + _cell(BODY[4:]),
], ids=["cell-per-paragraph", "one-cell", "title-outside", "data-table-between"])
def test_a_report_pasted_as_a_table_is_read_as_its_paragraphs(tmp_path, body):
    path = make_docx(tmp_path / "网页.docx", body)
    report = parse_report(path)
    assert report.title == TITLE
    assert [s.heading for s in report.sections][:4] == [BODY[2][2:], BODY[4][2:], BODY[6][2:], BODY[8][2:]]
    assert report.date == "2026年2月6日"
    result = run_clean(["check", path], inputs=[path], exit_codes=(0,))
    # nothing but the reminder that this short made-up report names no congress formula
    assert "共 0 处错误、1 条提醒" in result.output and "会议精神不全" in result.output, result.output


def test_a_data_table_among_pasted_prose_stays_a_table(tmp_path):
    path = make_docx(tmp_path / "网页.docx", _cell(BODY[:4]) + DATA_TABLE + _cell(BODY[4:]))
    lines = [str(x) for x in read_lines(path)]
    assert "项目\u3000件数" in lines and "行政复议\u300053件" in lines


@pytest.mark.parametrize("body", [
    # a two-column table holding prose is a table (a label and its text)
    p(TITLE) + "<w:tbl><w:tblPr/>" + "".join(f"<w:tr><w:tc>{p('说明')}</w:tc><w:tc>{p(x)}</w:tc></w:tr>"
                                            for x in BODY[1:]) + "</w:tbl>",
    # a one-column box of prose in a report written as paragraphs
    "".join(p(x) for x in BODY[:4]) + _cell(["本段为引用的文件摘要，不是报告正文。"]) + "".join(p(x) for x in BODY[4:]),
], ids=["two-columns", "small-box"])
def test_near_misses_stay_tables(tmp_path, body):
    path = make_docx(tmp_path / "表格.docx", body)
    table_lines = [x for x in read_lines(path) if getattr(x, "table", False)]
    assert table_lines


# -- C6: decoded exactly, or refused where the bad bytes stand ---------------------------------------
TEXT = "\n".join(BODY[:4]) + "\n"
BAD = TEXT.replace("依法", "依\ud800法")  # line 2, column 12: the character after 依


@pytest.mark.parametrize("raw, line, column, name", [
    (b"\xff\xfe" + BAD.encode("utf-16-le", "surrogatepass"), 2, 12, "UTF-16"),
    (b"\xfe\xff" + BAD.encode("utf-16-be", "surrogatepass"), 2, 12, "UTF-16"),
    (BAD.encode("utf-16-le", "surrogatepass"), 2, 12, "UTF-16"),  # no mark
    (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le").replace("依".encode("utf-32-le"), b"\x00\xd8\x00\x00", 1),
     2, 11, "UTF-32"),
    (TEXT.encode("utf-16") + b"A", 5, 1, "UTF-16"),  # the last character cut off
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8").replace("依法".encode(), b"\xff\xfe", 1), 2, 11, "UTF-8"),
], ids=["utf-16-le-bom", "utf-16-be-bom", "utf-16-no-bom", "utf-32-surrogate", "cut-off", "utf-8-bom"])
def test_undecodable_bytes_are_refused_where_they_stand(tmp_path, raw, line, column, name):
    path = tmp_path / "报告.txt"
    path.write_bytes(raw)
    for command in (["check", path], ["parse", path]):
        result = run_clean(command, inputs=[path], exit_codes=(2,))
        assert f"报告.txt:{line}:{column}" in result.output and name in result.output, result.output
        assert "UTF-8" in result.output and "另存为" in result.output


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"])
def test_text_in_utf_16_or_32_with_or_without_its_mark_reads_exactly(tmp_path, encoding):
    path = tmp_path / "报告.txt"
    path.write_bytes("\n".join(BODY).encode(encoding))
    assert [str(x) for x in read_lines(path)] == BODY


# Round 10: text of Chinese characters and full-width punctuation only has almost no NUL byte in
# UTF-16; without a mark it is told by reading better as simplified Chinese than GBK does.
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["规范行政执法。\n", "\n".join(line for line in BODY if not any(c < "\x80" for c in line))],
                         ids=["one-line", "no-ascii-report"])
def test_utf_16_without_a_mark_and_without_ascii_reads_exactly(tmp_path, encoding, text):
    assert not any(c < "\x80" for c in text.replace("\n", ""))  # nothing to tell it by its NULs
    path = tmp_path / "报告.txt"
    path.write_bytes(text.encode(encoding))
    assert [str(x) for x in read_lines(path)] == text.rstrip("\n").split("\n")


def test_gbk_text_is_still_read_as_gbk(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_bytes("规范行政执法。\n依法行政。".encode("gbk"))
    assert [str(x) for x in read_lines(path)] == ["规范行政执法。", "依法行政。"]


def test_utf_8_with_a_few_stray_nul_bytes_is_not_taken_for_utf_16(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_bytes("\n".join(BODY).encode("utf-8").replace("依法".encode(), "依\x00法\x00".encode(), 1))
    lines = [str(x) for x in read_lines(path)]
    assert lines[0] == TITLE and lines[-1] == BODY[-1]


# -- C7: a closing formula is never a heading ---------------------------------------------------------
@pytest.mark.parametrize("closing", ["特此报告。", "特此报告", "以上报告，请审阅。", "专此报告。"])
def test_a_closing_formula_after_run_in_items_is_no_heading(closing):
    lines = BODY[:8] + ["四、2026年推进法治政府建设的主要安排",
                        "压实法治建设责任。把法治建设纳入年度考核，逐项明确责任单位。",
                        "提升行政执法质量。开展执法人员轮训，推行案卷评查常态化。",
                        closing, "某县人民政府", "2026年2月6日"]
    report = parse_lines(lines)
    last = report.sections[-1]
    assert [s.heading for s in last.sections] == ["压实法治建设责任。", "提升行政执法质量。"]
    assert all(closing not in s.heading for s in report.walk())


def test_a_closing_formula_in_a_heading_style_is_body_text(tmp_path):
    body = ("".join(p(x) for x in BODY[:2]) + "".join(p(x, style="Heading1") if x[1:2] == "、" else p(x) for x in BODY[2:10])
            + p("特此报告。", style="Heading1") + p("某县人民政府", style="Heading1") + p("2026年2月6日", style="Heading1"))
    path = make_docx(tmp_path / "样式.docx", body)
    report = parse_report(path)
    assert [s.heading for s in report.sections] == [BODY[2][2:], BODY[4][2:], BODY[6][2:], BODY[8][2:]]
    assert report.date == "2026年2月6日"
    result = run_clean(["check", path], inputs=[path], exit_codes=(0,))
    assert "空节" not in result.output


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="没有安装 LibreOffice")
@pytest.mark.parametrize("closes", [True, False])
def test_a_report_re_saved_by_libreoffice_checks_as_before(tmp_path, example, closes):
    from drafter.files.libreoffice import run_soffice

    example["写法"] = {"特此报告": closes}
    out = _render(tmp_path, example)
    before = run_clean(["check", out], inputs=[out], exit_codes=(0, 1))
    saved = tmp_path / "另存"
    saved.mkdir()
    run_soffice(["--convert-to", 'docx:MS Word 2007 XML', "--outdir", str(saved), str(out)], 300)
    again = saved / "报告.docx"
    after = run_clean(["check", again], inputs=[again], exit_codes=(0, 1), located=False)
    assert "空节" not in after.output and "【错误】" not in after.output, after.output
    found = [line.split("】", 1)[-1] for line in after.output.splitlines() if "【提醒】" in line]
    assert found == [line.split("】", 1)[-1] for line in before.output.splitlines() if "【提醒】" in line]
