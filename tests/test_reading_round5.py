"""The reading side, fifth pass over issue 18 (what an outside tester found in round 3): a
.txt line ends only where Notepad ends it (A1); a text in another legacy encoding is
refused as such, not checked as GBK garbage (A4); a UTF-8 file with a stray byte is refused
at that byte, and a Word file, PDF or .doc renamed .txt is told what it is (A5); a run-in
title keeps its number apart after LibreOffice re-saves drafter's own .docx (A6)."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from click.testing import CliRunner

from drafter.cli.commands import main
from drafter.reading.parser import parse_report
from drafter.reading.source import read_lines

from conftest import EXAMPLE, corpus_files, needs_corpus
from hostile_cases import run_clean
from test_reading_docx_features import TITLE, make_docx, p

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


@pytest.fixture(scope="session")
def example_docx(tmp_path_factory):
    """drafter's own report of the bundled example."""
    folder = tmp_path_factory.mktemp("example")
    out = folder / "示例.docx"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        result = CliRunner().invoke(main, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def example_lines(example_docx) -> list[str]:
    """Its paragraphs as a clerk's copy into Notepad gives them (checks clean)."""
    return "\n".join(para.text for para in docx.Document(str(example_docx)).paragraphs).split("\n")


FIGURE = "制发规范性文件36件"  # a figure of the example; its 报备率 is computed from it


def _line_of(lines: list[str], text: str) -> int:
    return next(k for k, line in enumerate(lines, 1) if text in line)


def _check(path, exit_codes=(0, 1), located=True):
    return run_clean(["check", path], inputs=[path], exit_codes=exit_codes, located=located)


# -- A1: a .txt line ends at \n, \r\n or \r only -------------------------------------------------------
NOT_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("ch", NOT_BREAKS, ids=[f"U+{ord(c):04X}" for c in NOT_BREAKS])
def test_a_character_that_breaks_no_line_stays_in_its_line(tmp_path, example_lines, ch):
    """Inside a figure it ends no line: read_lines gives the figure whole, and a finding
    further down stands at its true line. check says where the character stands: through
    U+0085, U+2028 and U+2029 it reads the figure whole and computes 报备率 from it as before;
    at U+000B, U+000C and U+001C–U+001E it keeps the digits on either side apart and computes no
    rate from them. Either way no 比率核算 comes from a fragment of the figure."""
    later = _line_of(example_lines, "严把规范性文件出台关")  # a line below the figure's
    lines = list(example_lines)
    k = _line_of(lines, FIGURE) - 1
    lines[k] = lines[k].replace(FIGURE, FIGURE.replace("36", f"3{ch}6"))
    lines[later - 1] = lines[later - 1].replace("，", ",", 1)  # one 半角标点 finding, on that line
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_lines(path)
    assert len(read) == len(lines)
    assert FIGURE in read[k]
    out = _check(path).output
    assert f"报告.txt:{later}:" in out, out
    assert "半角标点" in out and out.count("【错误】") == 1, out  # no 比率核算 on a fragment


SEPARATORS = ["\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("ch", SEPARATORS, ids=[f"U+{ord(c):04X}" for c in SEPARATORS])
def test_a_line_separator_is_reported_where_it_stands(tmp_path, ch):
    """The separators a .docx can carry are on check's list of invisible characters: said at
    their own column, and a finding after them on the line keeps its true column."""
    line = f"全年受理行政复议案件1{ch}51件，审结146件,结案率96.7%。"
    path = tmp_path / "报告.txt"
    path.write_text(f"某县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n{line}\n", encoding="utf-8")
    out = _check(path).output
    assert f"报告.txt:3:{line.index(ch) + 1}：【提醒】不可见字符" in out, out
    assert f"报告.txt:3:{line.index(',') + 1}：【错误】半角标点" in out, out
    assert "比率核算" not in out, out


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_the_three_line_ends_still_end_lines(tmp_path, example_lines, end):
    """Near miss: the line ends of Windows, Unix and old Mac files break lines as before."""
    path = tmp_path / "报告.txt"
    path.write_bytes(end.join(example_lines).encode("utf-8") + end.encode())
    assert read_lines(path) == example_lines


def test_a_separator_in_a_docx_run_breaks_no_line(tmp_path):
    """In a .docx only w:br/w:cr break a line (and drafter reads a title wrapped with them as
    one); a U+2028 or U+0085 typed in a run's text is seen through like in a .txt."""
    body = (p(TITLE) + p("一、主要举措和成效") + p("制发规范性文件3\u20286件，报送备案3\u00856件。")
            + p("2026年2月6日"))
    path = make_docx(tmp_path / "报告.docx", body)
    lines = read_lines(path)
    assert lines[2] == "制发规范性文件36件，报送备案36件。"
    assert len(lines) == 4


def test_undecodable_bytes_are_placed_by_true_lines(tmp_path):
    """The line of a bad byte counts only real line ends: a U+2028 earlier breaks none."""
    raw = "第一行\u2028还是第一行\n第二行".encode("utf-8").replace("二".encode(), b"\xff", 1)
    raw = b"\xef\xbb\xbf" + raw
    path = tmp_path / "报告.txt"
    path.write_bytes(raw)
    out = run_clean(["check", path], inputs=[path], exit_codes=(2,)).output
    assert "第 2 行第 2 个字" in out, out


# -- A4: another legacy encoding is refused, not read as GBK garbage ---------------------------------
LEGACY = [("big5", "Big5"), ("euc_kr", "EUC-KR"), ("shift_jis", "日文")]


def _share(text: str) -> float:
    """The share of GB2312's common (level-1) characters among the characters outside
    ASCII and GB2312's symbol rows."""
    from drafter.reading.source import common_and_rare

    common, rare = common_and_rare(text)
    return common / max(common + rare, 1)


@needs_corpus
def test_the_common_character_share_parts_reports_from_garbage():
    """What the threshold rests on, measured: every corpus report read as GBK (and its first
    three lines alone) has nearly all its Chinese among the common characters; the same
    report saved in Big5, EUC-KR or Shift-JIS and read as GBK has few. The threshold sits
    well inside the gap on both sides."""
    from drafter.reading.source import COMMON_SHARE

    for path in corpus_files():
        lines = read_lines(path)
        for text in ("\n".join(lines), "\n".join(lines[:3])):
            assert _share(text) >= 0.95 > COMMON_SHARE, path.name
            for encoding, _name in LEGACY:
                garbage = text.encode(encoding, errors="replace").decode("gb18030", errors="replace")
                assert _share(garbage) <= 0.5 < COMMON_SHARE, (path.name, encoding)


def _legacy_cases():
    return [(path, encoding, name) for path in corpus_files()[:2] for encoding, name in LEGACY]


@needs_corpus
@pytest.mark.parametrize("source, encoding, name", _legacy_cases())
def test_a_corpus_report_in_another_encoding_is_refused(tmp_path, source, encoding, name):
    text = "\n".join(read_lines(source))
    for part, label in ((text, "全文"), ("\n".join(text.splitlines()[:3]), "开头三行")):
        path = tmp_path / f"{label}.txt"
        path.write_bytes(part.encode(encoding, errors="replace"))
        out = run_clean(["check", path], inputs=[path], exit_codes=(2,), located=False).output
        assert name in out and "另存为" in out and "UTF-8" in out, out
        assert "缺少必需部分" not in out and "重复" not in out, out


@pytest.mark.parametrize("encoding, name", LEGACY + [("hz", "HZ")])
def test_the_example_report_in_another_encoding_is_refused(tmp_path, example_lines, encoding, name):
    for part in (example_lines, example_lines[:3]):
        path = tmp_path / "报告.txt"
        path.write_bytes("\n".join(part).encode(encoding, errors="replace"))
        for command in ("check", "parse", "import"):
            out = run_clean([command, path], inputs=[path], outputs=[tmp_path / "报告.yaml"], exit_codes=(2,),
                            located=False).output
            assert name in out and "UTF-8" in out, (command, out)
        assert not (tmp_path / "报告.yaml").exists()


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-16"])
def test_simplified_chinese_text_is_still_read(tmp_path, example_lines, encoding):
    """Near miss: the same report in the encodings drafter reads checks clean, whole or
    as its first three lines, and so does the report of a county whose name is a rare
    character."""
    path = tmp_path / "报告.txt"
    path.write_bytes("\n".join(example_lines).encode(encoding))
    assert "没有发现问题" in _check(path, exit_codes=(0,)).output
    path.write_bytes(("\n".join(example_lines[:3]) + "\n").encode(encoding))
    assert read_lines(path) == example_lines[:3]
    rare = [line.replace("示例县", "歙县") for line in example_lines]  # 歙: not a common character
    for part in (rare, rare[:3]):
        path.write_bytes(("\n".join(part) + "\n").encode("gbk"))
        assert read_lines(path) == part


# -- A5: a stray byte in UTF-8 is placed; a renamed Word file, PDF or .doc is named ------------------
@pytest.mark.parametrize("bad", [b"\xff", b"\x80", b"\xe4\xb8", b"\xc3"], ids=["ff", "continuation", "cut", "lead"])
def test_a_stray_byte_in_utf8_is_refused_where_it_stands(tmp_path, example_lines, bad):
    k = _line_of(example_lines, FIGURE)
    text = "\n".join(example_lines).encode("utf-8")
    line = example_lines[k - 1]
    at = text.index(line.encode("utf-8")) + len(line[:5].encode("utf-8"))  # after its 5th character
    path = tmp_path / "报告.txt"
    path.write_bytes(text[:at] + bad + text[at:])
    for command in ("check", "parse"):
        out = run_clean([command, path], inputs=[path], exit_codes=(2,)).output
        assert f"报告.txt:{k}:6" in out and f"第 {k} 行第 6 个字" in out and "UTF-8" in out, out


def test_gbk_text_is_not_taken_for_damaged_utf8(tmp_path, example_lines):
    """Near miss: GBK fails as UTF-8 at nearly every character; it is read as GBK."""
    path = tmp_path / "报告.txt"
    path.write_bytes("\n".join(example_lines).encode("gbk"))
    assert read_lines(path) == example_lines


def test_a_word_file_renamed_txt_is_told_to_use_its_name(tmp_path, example_docx):
    path = tmp_path / "报告.txt"
    shutil.copyfile(example_docx, path)
    out = run_clean(["check", path], inputs=[path], exit_codes=(2,), located=False).output
    assert "Word 文档" in out and "报告.docx" in out, out


@pytest.mark.parametrize("head, said", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".doc"),
    (b"PK\x03\x04" + bytes(100), "压缩文件"),
], ids=["pdf", "doc", "zip"])
def test_other_files_renamed_txt_are_named(tmp_path, head, said):
    path = tmp_path / "报告.txt"
    path.write_bytes(head)
    for command in ("check", "parse", "import"):
        out = run_clean([command, path], inputs=[path], exit_codes=(2,), located=False).output
        assert said in out and ".txt" in out, out


def test_text_opening_with_the_same_letters_is_text(tmp_path):
    """Near miss: a report that opens with the letters PK or PDF is text."""
    path = tmp_path / "报告.txt"
    path.write_text("PK赛制下的法治政府建设\nPDF版本另行报送。\n", encoding="utf-8")
    assert read_lines(path) == ["PK赛制下的法治政府建设", "PDF版本另行报送。"]


# -- A6: a run-in title's number is split off, whatever the styles are called ------------------------
def _titles(report) -> list[tuple[str, str]]:
    return [(s.number, s.heading) for s in report.walk() if s.level == 2]


def test_a_typed_number_opening_a_run_in_lead_is_split_off(tmp_path):
    """What LibreOffice's re-save leaves: the (一) headings of part one in a heading style,
    those of the later parts in a body style (a style named 公文正文) with the number typed."""
    body = (p(TITLE) + p("一、主要举措和成效", outline=0) + p("（一）加强党的领导", outline=1)
            + p("全年专题研究法治建设4次，印发年度工作要点。", "ZW")
            + p("二、存在的不足和原因", outline=0)
            + p("（一）基层执法力量仍然薄弱。乡镇执法人员少，专业培训不够。", "ZW")
            + p("（二）普法针对性有待提高。面向企业的普法活动较少。", "ZW")
            + p("三、下一步工作安排", outline=0)
            + p("（一）进一步压实法治建设责任。把法治建设纳入年度重点工作清单。", "ZW")
            + p("（二）进一步增强普法实效。针对不同群体开发普法产品。", "ZW")
            + p("某县人民政府") + p("2026年2月6日"))
    report = parse_report(make_docx(tmp_path / "报告.docx", body))
    assert _titles(report) == [("（一）", "加强党的领导"), ("（一）", "基层执法力量仍然薄弱。"),
                               ("（二）", "普法针对性有待提高。"), ("（一）", "进一步压实法治建设责任。"),
                               ("（二）", "进一步增强普法实效。")]


def test_leads_without_numbers_are_promoted_as_before(tmp_path):
    """Near miss: unnumbered leads become run-in headings with no number; a paragraph whose
    typed number opens a long sentence stays a paragraph."""
    body = (p(TITLE) + p("一、主要举措和成效", outline=0) + p("（一）加强党的领导", outline=1)
            + p("全年专题研究法治建设4次，印发年度工作要点。", "ZW")
            + p("二、存在的不足和原因", outline=0)
            + p("基层执法力量仍然薄弱。乡镇执法人员少，专业培训不够。", "ZW")
            + p("普法针对性有待提高。面向企业的普法活动较少。", "ZW")
            + p("三、下一步工作安排", outline=0)
            + p("（一）我们将在新的一年里把法治建设纳入年度重点工作清单并且逐项抓好落实，确保各项任务按期完成，"
                "同时加强督察考核结果运用。", "ZW")
            + p("某县人民政府") + p("2026年2月6日"))
    report = parse_report(make_docx(tmp_path / "报告.docx", body))
    assert _titles(report) == [("（一）", "加强党的领导"), ("", "基层执法力量仍然薄弱。"), ("", "普法针对性有待提高。")]


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="没有安装 LibreOffice")


@needs_soffice
def test_a_libreoffice_resave_reads_as_the_original(tmp_path, example_docx):
    """drafter parse and new --from read drafter's report the same before and after a
    LibreOffice re-save: no number fused into a title, none kept in 去年安排."""
    folder = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", str(folder), str(example_docx)],
                   check=True, capture_output=True, timeout=300,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    resaved = folder / example_docx.name
    original = run_clean(["parse", example_docx], inputs=[example_docx], exit_codes=(0,)).output
    after = run_clean(["parse", resaved], inputs=[resaved], exit_codes=(0,)).output
    assert "## " not in after and after == original
    form = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", resaved, "-o", form], inputs=[resaved], outputs=[form], exit_codes=(0,))
    text = form.read_text(encoding="utf-8")
    plans = text[text.index("去年安排:"):]
    assert "标题: 进一步" in plans and "标题: （" not in plans, plans[:400]


ANCHORS = ["\ufff9", "\ufffa", "\ufffb"]


@pytest.mark.parametrize("ch", ANCHORS, ids=[f"U+{ord(c):04X}" for c in ANCHORS])
def test_an_annotation_anchor_is_seen_through_and_reported(tmp_path, ch):
    """The interlinear annotation marks show nothing: they must neither split a figure (8￹25件
    read as 25件) nor pass unreported."""
    line = f"全年受理行政复议案件8{ch}25件，办结49件，办结率为50%。"
    path = tmp_path / "报告.txt"
    path.write_text(f"某县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n{line}\n", encoding="utf-8")
    out = _check(path).output
    assert f"报告.txt:3:{line.index(ch) + 1}：【提醒】不可见字符" in out, out
    assert "825件" in out and "应为5.9%" in out, out  # the figure whole: 49 ÷ 825
