"""Hostile reports: whatever file a clerk hands to parse, import, check, new --from or mine,
drafter reads it or refuses it with a Chinese message naming the file. Never a traceback,
never an English fragment of a library's exception, never a hang, never a character in a
written form that a .docx cannot carry.

Cases: .docx packages that are broken (no body, bad XML, entity bombs, zip bombs, Excel or
PowerPoint files, old .doc files, not a zip at all); text files in every encoding Notepad
writes, with control characters, or binary; files that are not files (folders, pipes,
devices); shapes that used to be slow (a paragraph of megabytes, thousands of figures in one
sentence); and mining a folder in which some files are bad.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli.commands import main
from drafter.files.xmltext import first_invalid

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REPORT = ("某县人民政府关于2025年度法治政府建设情况的报告\n2025年，某县坚持依法行政。\n一、主要举措和成效\n"
          "（一）化解矛盾纠纷\n全年收到行政复议申请52件，审结48件，纠错6件，纠错率12.5%。\n"
          "二、存在的问题\n基层力量不足。\n三、下一步工作安排\n（一）加强队伍建设。开展轮训。\n"
          "某县人民政府\n2026年2月6日\n")
TITLE = "某县人民政府关于2025年度法治政府建设情况的报告"

# Latin words a message may hold: formats and programs a clerk knows, and the command names.
ALLOWED = {"docx", "txt", "yaml", "json", "schema", "utf", "gbk", "word", "wps", "excel", "powerpoint",
           "drafter", "libreoffice", "unicode", "render", "validate", "check", "import", "parse", "mine",
           "from", "last", "year", "force", "null", "true", "false"}


# -- helpers -----------------------------------------------------------------------------------
def invoke(*args, cwd: Path | None = None):
    """Run drafter in-process; no exception may escape, no traceback or English may show."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception), result.output)
    assert "Traceback" not in result.output
    text = result.output
    for a in sorted(map(str, args), key=len, reverse=True):
        text = text.replace(a, " ").replace(Path(a).name, " ")
        if str(Path(a).parent) not in (".", "/"):  # a name suggested in the same folder
            text = text.replace(str(Path(a).parent), " ")
    text = re.sub(r"U\+[0-9A-F]{4,6}", " ", text)
    stray = [w for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() not in ALLOWED]
    assert not stray, (stray, result.output)
    return result


def refused(result, path: Path, *words: str) -> None:
    """Exit 2 with a Chinese message that names the file and says ``words``."""
    assert result.exit_code == 2, result.output
    assert path.name in result.output, result.output
    for w in words:
        assert w in result.output, result.output


def package(path: Path, document: str | bytes | None, extra: dict[str, bytes] | None = None,
            main_part: str = "word/document.xml") -> Path:
    """A .docx package (content types, relationships, main part) holding ``document``."""
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
             'package/2006/content-types"><Default Extension="rels" ContentType="application/'
             'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
             f'"application/xml"/><Override PartName="/{main_part}" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/officeDocument" Target="{main_part}"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        if document is not None:
            z.writestr(main_part, document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def paragraphs(*texts: str) -> str:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def guarded(args, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run drafter in a new process that must end within ``timeout`` seconds (a hang guard,
    not a timing: the limit is many times what the run takes)."""
    code = "import sys; from drafter.cli.commands import main; sys.argv = ['drafter'] + sys.argv[1:]; main()"
    try:
        return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                              text=True, timeout=timeout, env=dict(os.environ))
    except subprocess.TimeoutExpired:
        pytest.fail(f"drafter {' '.join(map(str, args))} did not finish in {timeout} s")


def assert_form_sound(form: Path, tmp_path: Path) -> None:
    """An imported or new form holds no character a .docx cannot carry, validates, and
    renders to a .docx whose XML parses."""
    text = form.read_text(encoding="utf-8")
    assert first_invalid(text) is None
    yaml.safe_load(text)
    assert invoke("validate", form).exit_code == 0
    out = tmp_path / f"{form.stem}-重排.docx"
    result = invoke("render", form, "-o", out)
    assert result.exit_code == 0, result.output
    from lxml import etree

    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))


COMMANDS = ["parse", "import", "check", "new"]


def run_command(command: str, path: Path, tmp_path: Path):
    if command == "import":
        return invoke("import", path, "-o", tmp_path / "导入.yaml", "--force")
    if command == "new":
        return invoke("new", "2026", "--from", path, "-o", tmp_path / "新表单.yaml", "--force")
    return invoke(command, path)


# -- 1. a .docx without a body ------------------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS)
def test_docx_without_body_is_refused(tmp_path, command):
    path = package(tmp_path / "无正文.docx", f'<w:document xmlns:w="{W}"/>')
    refused(run_command(command, path, tmp_path), path, "没有正文")


# -- 2. broken and hostile packages ---------------------------------------------------------------
def _xlsx(path: Path) -> Path:
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/></Types>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", "<workbook/>")
    return path


def _pptx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("ppt/presentation.xml", "<presentation/>")
    return path


def _laughs(levels: int) -> str:
    entities = '<!ENTITY a0 "哈">' + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, levels + 1))
    return (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document xmlns:w="{W}"><w:body>'
            f"<w:p><w:r><w:t>正文&a{levels};</w:t></w:r></w:p></w:body></w:document>")


BROKEN = {
    "not-a-zip": (lambda p: p.write_text(REPORT, encoding="utf-8"), "不是真正的 Word 文档"),
    "truncated-zip": (lambda p: p.write_bytes(b"PK\x03\x04" + bytes(200)), "不是真正的 Word 文档"),
    "old-doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)), "旧版"),
    "no-main-part": (lambda p: package(p, None, {"word/styles.xml": b"<styles/>"}), "没有正文"),
    "excel": (_xlsx, "Excel"),
    "powerpoint": (_pptx, "PowerPoint"),
    "bad-xml": (lambda p: package(p, f'<w:document xmlns:w="{W}"><w:body><w:p>'), "损坏"),
    "xml-refuses-char": (lambda p: package(p, paragraphs("正文\ufffe")), "损坏"),
    "not-xml": (lambda p: package(p, bytes(range(256)) * 8), "损坏"),
    "billion-laughs": (lambda p: package(p, _laughs(9)), "损坏"),
    # A part packed like a bomb; the main part is bounded by its own size instead, so one
    # packed so is refused for what it holds (reading2, R4: every refusal says its reason).
    "zip-bomb": (lambda p: package(p, paragraphs("正文。"), {"word/media/a.bin": b"\0" * (20 * 2 ** 20)}),
                 "解压后大小异常"),
    "zip-bomb-main": (lambda p: package(p, b"\0" * (20 * 2 ** 20)), "没有正文"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_docx_is_refused_in_chinese(tmp_path, case):
    make, words = BROKEN[case]
    path = tmp_path / "报告.docx"
    make(path)
    refused(invoke("parse", path), path, words)


@pytest.mark.parametrize("command", ["import", "check", "new"])
def test_zip_bomb_is_refused_by_every_command(tmp_path, command):
    path = package(tmp_path / "炸弹.docx", paragraphs("正文。"), {"word/media/a.bin": b"\0" * (20 * 2 ** 20)})
    refused(run_command(command, path, tmp_path), path, "解压后大小异常")


def test_package_too_big_when_unpacked_is_refused(tmp_path, monkeypatch):
    """The parts' stated sizes add up past the bound: refused before python-docx unpacks
    anything (the bound is lowered here so that the test stays small)."""
    import drafter.reading.source as source

    path = package(tmp_path / "大.docx", paragraphs("正文。"), {"word/media/a.bin": bytes(300_000)})
    monkeypatch.setattr(source, "MAX_UNPACKED", 200_000)
    refused(invoke("parse", path), path, "解压后大小异常")


def test_entities_are_not_expanded_and_external_ones_not_read(tmp_path):
    """A small entity tree and an external entity: neither is expanded into the text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    doc = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}"><!ENTITY y "重复重复">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>法治&x;&y;</w:t></w:r></w:p></w:body></w:document>')
    path = package(tmp_path / "实体.docx", doc)
    result = invoke("parse", path, "--json")
    assert result.exit_code in (0, 2), result.output
    assert "机密内容" not in result.output and "重复重复" not in result.output


def test_entity_bomb_does_not_hang(tmp_path):
    path = package(tmp_path / "笑.docx", _laughs(9))
    proc = guarded(["parse", path], timeout=60)
    assert proc.returncode == 2 and "笑.docx" in proc.stderr and "Traceback" not in proc.stderr


def test_word_online_main_part_name_is_read(tmp_path):
    """The main part is where the package's relationships say (document2.xml)."""
    path = package(tmp_path / "在线.docx", paragraphs(TITLE, "2025年，某县坚持依法行政。"),
                   main_part="word/document2.xml")
    result = invoke("parse", path)
    assert result.exit_code == 0 and f"标题：{TITLE}" in result.output


def test_docx_private_use_characters_do_not_reach_the_form(tmp_path):
    path = package(tmp_path / "私用区.docx", paragraphs(TITLE, "2025年，某县\ue000坚持\ue001依法行政。"))
    form = tmp_path / "私用区.yaml"
    assert invoke("import", path, "-o", form).exit_code == 0
    assert "某县坚持依法行政" in form.read_text(encoding="utf-8")
    assert_form_sound(form, tmp_path)


# -- 3. text files: encodings, bad characters, binary ---------------------------------------------
ENCODINGS = {
    "utf-8": REPORT.encode("utf-8"),
    "utf-8-bom": REPORT.encode("utf-8-sig"),
    "utf-16-le-bom": REPORT.encode("utf-16-le").join([b"\xff\xfe", b""]),
    "utf-16-be-bom": REPORT.encode("utf-16-be").join([b"\xfe\xff", b""]),
    "gbk": REPORT.encode("gbk"),
    "gb18030": (REPORT + "䶮\n").encode("gb18030"),
    "crlf-utf-16": REPORT.replace("\n", "\r\n").encode("utf-16"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_text_encodings_are_read(tmp_path, encoding):
    path = tmp_path / "报告.txt"
    path.write_bytes(ENCODINGS[encoding])
    result = invoke("parse", path)
    assert result.exit_code == 0, result.output
    assert f"标题：{TITLE}" in result.output and "二、 存在的问题" in result.output


BAD_CHARACTERS = {
    "controls": REPORT.replace("坚持", "坚\x01持\x07").encode("utf-8"),
    "nul": REPORT.replace("依法", "依\x00法").encode("utf-8"),
    "noncharacter": REPORT.replace("依法", "依\ufffe法\uffff").encode("utf-8"),
    "private-use": REPORT.replace("依法", "依\ue000法\ue001").encode("utf-8"),
    # (a lone surrogate in UTF-16, bad bytes after a UTF-8 mark: refused where they stand,
    # tests/test_reading_round4.py)
}


@pytest.mark.parametrize("case", list(BAD_CHARACTERS))
def test_characters_a_docx_cannot_carry_never_reach_the_form(tmp_path, case):
    path = tmp_path / "坏字符.txt"
    path.write_bytes(BAD_CHARACTERS[case])
    form = tmp_path / "坏字符.yaml"
    result = invoke("import", path, "-o", form)
    assert result.exit_code == 0, result.output
    assert "某县" in form.read_text(encoding="utf-8")
    assert_form_sound(form, tmp_path)
    new = tmp_path / "新.yaml"
    assert invoke("new", "2026", "--from", path, "-o", new).exit_code == 0
    assert first_invalid(new.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("content, words", [
    (bytes(4000) + b"abc", "不是文本文件"),
    (bytes(range(1, 32)) * 100, "不是文本文件"),
    (bytes(range(128, 256)) * 16, "编码"),
], ids=["nul-bytes", "control-bytes", "undecodable"])
@pytest.mark.parametrize("command", COMMANDS)
def test_binary_renamed_txt_is_refused(tmp_path, content, words, command):
    path = tmp_path / "图片.txt"
    path.write_bytes(content)
    refused(run_command(command, path, tmp_path), path, words)


def test_text_too_big_to_be_a_report_is_refused(tmp_path, monkeypatch):
    import drafter.reading.source as source

    path = tmp_path / "巨大.txt"
    path.write_text(REPORT * 20, encoding="utf-8")
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    refused(invoke("parse", path), path, "太大")


# -- 4. long paragraphs in linear time --------------------------------------------------------------
def test_megabytes_on_one_line_finish(tmp_path):
    """2 MB of figures on one line through parse, check, import and new (each once
    quadratic); too long to make a form, import and new refuse it after reading it all."""
    path = tmp_path / "一行.txt"
    unit = "收到行政复议申请12件，审结10件，纠错率50%，其中撤销3件、维持2件，共5件，同比增长20%，受理1件、"
    path.write_text(unit * (2 * 2 ** 20 // len(unit.encode())) + "\n", encoding="utf-8")
    for args in (["parse", path], ["check", path]):
        proc = guarded(args, timeout=90)
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
        assert "Traceback" not in proc.stderr
    for args in (["import", path, "-o", tmp_path / "一行.yaml"], ["new", "2026", "--from", path, "-o", tmp_path / "n.yaml"]):
        proc = guarded(args, timeout=90)
        assert proc.returncode == 2 and "太长了" in proc.stderr and "一行.txt" in proc.stderr, proc.stderr[-2000:]
        assert not (tmp_path / "一行.yaml").exists() and not (tmp_path / "n.yaml").exists()


def test_figures_of_a_long_sentence_as_before():
    """The bounded, once-per-paragraph work gives the same sentences, labels and ties as
    looking at the whole text each time."""
    from drafter.reading.figure_finder import extract, sentence_span, tie_rates

    text = "全年收到行政复议申请52件，审结48件，纠错6件，纠错率12.5%；" * 300 + "受理1件、" * 2000 + "办结2件。"
    for at in range(0, len(text), 97):
        start = max(text.rfind(c, 0, at) for c in "。；！？") + 1
        ends = [i for i in (text.find(c, at) for c in "。；！？") if i >= 0]
        assert sentence_span(text, at) == (start, min(ends) + 1 if ends else len(text))
    figures = extract(text)
    assert len(figures) == 300 * 4 + 2001
    tie_rates(figures, text)
    rates = [f for f in figures if f.kind == "rate"]
    assert all(f.from_counts is not None for f in rates)
    k = figures.index(rates[-1])
    assert [figures[i].text for i in rates[-1].from_counts] == ["6件", "48件"] and k == 300 * 4 - 1


def test_long_run_of_digits_is_not_a_figure():
    from drafter.reading.figure_finder import extract

    assert extract("1" * 20 + "件") == []
    assert [f.value for f in extract("共" + "1" * 5 + "件")] == [11111]


def test_jieba_chunks_keep_every_character():
    from drafter.model.segment import chunks

    text = ("依法行政建设法治政府，" * 500) + ("行政复议" * 2000)
    pieces = chunks(text, 300)
    assert "".join(pieces) == text and max(map(len, pieces)) <= 300
    assert all(p.endswith("，") for p in pieces[:10])


# -- 5. mining a folder with bad files in it ---------------------------------------------------------
def _folder_with_bad_files(tmp_path: Path) -> tuple[Path, list[str]]:
    folder = tmp_path / "报告"
    (folder / "子").mkdir(parents=True)
    package(folder / "无正文.docx", f'<w:document xmlns:w="{W}"/>')
    package(folder / "炸弹.docx", b"\0" * (20 * 2 ** 20))
    (folder / "图片.txt").write_bytes(bytes(5000))
    (folder / "文本.docx").write_text(REPORT, encoding="utf-8")
    (folder / "文件夹.docx").mkdir()
    os.mkfifo(folder / "子" / "管道.txt")
    (folder / "断链.txt").symlink_to(tmp_path / "不存在.txt")
    return folder, ["无正文.docx", "炸弹.docx", "图片.txt", "文本.docx", "管道.txt", "断链.txt"]


def test_mine_skips_bad_files_and_goes_on(tmp_path):
    folder, bad = _folder_with_bad_files(tmp_path)
    (folder / "子" / "好.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "大纲.yaml"
    result = invoke("mine", folder, "-o", out)
    assert result.exit_code == 0, result.output
    for name in bad:
        line = next((x for x in result.output.splitlines() if name in x), "")
        assert "已跳过" in line, (name, result.output)
    assert f"跳过了 {len(bad)} 个" in result.output
    outline = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert outline["报告数"] == 1 and outline["报告"][0]["文件"] == "好.txt"
    assert "1 份报告" in out.read_text(encoding="utf-8").splitlines()[0]


def test_mine_with_nothing_readable_exits_2(tmp_path):
    folder, bad = _folder_with_bad_files(tmp_path)
    out = tmp_path / "大纲.yaml"
    result = invoke("mine", folder, "-o", out)
    assert result.exit_code == 2, result.output
    assert "都无法读取" in result.output and all(name in result.output for name in bad)
    assert not out.exists()


# -- 6. everything else a reader may meet --------------------------------------------------------------
SHAPES = {
    "empty": b"",
    "whitespace": " \n\t\n\u3000\u3000\n\r\n".encode("utf-8"),
    "bom-only": b"\xef\xbb\xbf",
    "one-line-no-punctuation": ("依法行政" * 25_000 + "\n").encode("utf-8"),
    "ten-thousand-numbers": ("一、\n" * 10_000).encode("utf-8"),
    "nested-fifty-deep": ("\n".join(f"{n}第{i}层标题" for i, n in
                                    zip(range(50), ["一、", "（一）", "1.", "（1）"] * 13)) + "\n正文。\n").encode("utf-8"),
    "heading-of-a-megabyte": ("一、" + "依法行政建设法治政府" * 30_000 + "\n").encode("utf-8"),
    "digits-only": ("1234567890" * 20_000).encode("utf-8"),
    "lines-broken-at-every-comma": ("2025年，某县坚持依法行政\n" + "，受理1件\n" * 5_000).encode("utf-8"),
}


EMPTY_SHAPES = ("empty", "whitespace", "bom-only")


@pytest.mark.parametrize("shape", [s for s in SHAPES if s not in EMPTY_SHAPES])
def test_odd_shapes_are_read(tmp_path, shape):
    path = tmp_path / "奇怪.txt"
    path.write_bytes(SHAPES[shape])
    assert invoke("parse", path).exit_code == 0
    assert invoke("check", path).exit_code in (0, 1)
    form = tmp_path / "奇怪.yaml"
    assert invoke("import", path, "-o", form).exit_code == 0
    assert_form_sound(form, tmp_path)


@pytest.mark.parametrize("shape", EMPTY_SHAPES)
@pytest.mark.parametrize("command", ["parse", "check", "import"])
def test_nothing_to_read_is_refused(tmp_path, shape, command):
    """A file with no text at all is refused as new --from refuses it (reading2, R5)."""
    path = tmp_path / "奇怪.txt"
    path.write_bytes(SHAPES[shape])
    refused(run_command(command, path, tmp_path), path, "没有从")


def test_a_joined_line_cut_into_many_paragraphs_stays_linear(tmp_path):
    """50,000 source lines joined into one (each begins with “，”) and cut again at every
    “。 ”: each piece keeps only its own places, looked up by bisection."""
    path = tmp_path / "接续.txt"
    path.write_text("开头。\n" + "，受理1件。 另起一段文字\n" * 50_000, encoding="utf-8")
    proc = guarded(["parse", path], timeout=60)
    assert proc.returncode == 0 and "开头：50001 段" in proc.stdout, proc.stderr[-2000:]


def test_broken_lines_are_joined_with_their_places():
    from drafter.reading.parser import clean_lines_with_origins

    joined = clean_lines_with_origins(["开头", "。第二行", "", "，第三行", "另起"])
    assert joined == [("开头。第二行，第三行", [(0, 1, 0), (2, 2, 0), (6, 4, 0)]), ("另起", [(0, 5, 0)])]


def test_nesting_is_kept_fifty_headings_deep(tmp_path):
    path = tmp_path / "嵌套.txt"
    path.write_bytes(SHAPES["nested-fifty-deep"])
    result = invoke("parse", path)
    assert "（1） 第3层标题" in result.output and "一、 第48层标题" in result.output


@pytest.mark.parametrize("command", ["parse", "import", "check", "new"])
def test_folder_named_docx_is_refused(tmp_path, command):
    path = tmp_path / "报告.docx"
    path.mkdir()
    result = run_command(command, path, tmp_path)
    assert result.exit_code == 2 and "报告.docx" in result.output, result.output


def test_folder_reaching_the_reader_is_named(tmp_path):
    from drafter.errors import InputFileError
    from drafter.reading.source import read_lines

    path = tmp_path / "报告.docx"
    path.mkdir()
    with pytest.raises(InputFileError) as info:
        read_lines(path)
    assert "是文件夹" in info.value.message and "报告.docx" in info.value.message


@pytest.mark.parametrize("command", ["parse", "check", "import", "new"])
def test_devices_and_pipes_are_refused_without_reading(tmp_path, command):
    """/dev/zero never ends and a pipe blocks until written to: neither may be opened."""
    pipe = tmp_path / "管道.txt"
    os.mkfifo(pipe)
    extra = {"import": ["-o", tmp_path / "x.yaml"], "new": ["-o", tmp_path / "n.yaml"]}.get(command, [])
    for path in (pipe, Path("/dev/zero")):
        args = ["new", "2026", "--from", path] if command == "new" else [command, path]
        proc = guarded(args + extra, timeout=30)
        assert proc.returncode == 2, proc.stderr
        assert "不是普通文件" in proc.stderr and path.name in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "锁住.txt"
    path.write_text(REPORT, encoding="utf-8")
    path.chmod(0)
    refused(invoke("parse", path), path, "权限")


def test_missing_file_is_named(tmp_path):
    path = tmp_path / "没有.docx"
    refused(invoke("parse", path), path, "找不到文件")


# -- 7. what a red-team run found ------------------------------------------------------------------
def test_utf32_beyond_unicode_is_read_and_mining_goes_on(tmp_path):
    bad = tmp_path / "报告" / "超范围.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\xff\xfe\x00\x00" + "某县报告".encode("utf-32-le") + b"\x00\x00\x11\x00")
    assert invoke("parse", bad).exit_code in (0, 2)
    (bad.parent / "好.txt").write_text(REPORT, encoding="utf-8")
    assert invoke("mine", bad.parent, "-o", tmp_path / "大纲.yaml").exit_code == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symbolic_link_loop_is_refused(tmp_path, command):
    a, b = tmp_path / "甲.txt", tmp_path / "乙.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    refused(run_command(command, a, tmp_path), a, "无法读取")


@pytest.mark.parametrize("name", ["a\n单位: x.txt", "a\u2028b.txt", "a\x01b.txt"], ids=["newline", "U+2028", "control"])
def test_a_file_name_never_breaks_the_form(tmp_path, name):
    path = tmp_path / name
    path.write_text(REPORT.replace("三、下一步工作安排", "三、党政主要负责人履行推进法治建设第一责任人职责情况\n带头学法。\n"
                                   "四、下一步工作安排"), encoding="utf-8")
    form = tmp_path / "表单.yaml"
    assert invoke("import", path, "-o", form).exit_code == 0
    lines = form.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("单位: x") for line in lines)  # the name stays inside its comment
    assert "“a?" in lines[1]
    assert_form_sound(form, tmp_path)


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes")
def test_a_file_name_that_is_not_utf8_is_shown_with_a_mark(tmp_path):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/\xff\xfe.txt"))
    path.write_text(REPORT, encoding="utf-8")
    form = tmp_path / "表单.yaml"
    assert invoke("import", path, "-o", form).exit_code == 0
    assert "“??.txt”" in form.read_text(encoding="utf-8")
    assert invoke("new", "2026", "--from", path, "-o", tmp_path / "新.yaml").exit_code == 0


def test_notes_of_next_years_form_stay_bounded(tmp_path):
    """Every figure of a long paragraph noted with a bounded excerpt, at most 50 notes a
    place: the form grows with the report, not with its square."""
    path = tmp_path / "长段.txt"
    path.write_text("一、工作成效\n" + "受理案件12件，" * 12_000 + "\n二、存在的问题\n问题。\n三、下一步工作安排\n安排。\n",
                    encoding="utf-8")
    form = tmp_path / "新.yaml"
    assert invoke("new", "2026", "--from", path, "-o", form).exit_code == 0
    text = form.read_text(encoding="utf-8")
    assert len(text) < 2 * path.stat().st_size and "另有" in text


@pytest.mark.parametrize("command", ["import", "mine"])
def test_forms_and_outlines_are_written_only_as_yaml(tmp_path, command):
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "报告.docx"
    result = invoke(command, path if command == "import" else tmp_path, "-o", out)
    assert result.exit_code == 2 and "不是 .yaml 文件名" in result.output and not out.exists()


def test_mine_never_overwrites_without_force(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    report = folder / "甲.txt"
    report.write_text(REPORT, encoding="utf-8")
    (folder / "乙.yaml").write_text("旧的大纲", encoding="utf-8")
    assert invoke("mine", folder, "-o", report.with_suffix(".yaml")).exit_code == 0
    result = invoke("mine", folder, "-o", folder / "乙.yaml")
    assert result.exit_code == 2 and "--force" in result.output
    assert (folder / "乙.yaml").read_text(encoding="utf-8") == "旧的大纲"
    assert invoke("mine", folder, "-o", folder / "乙.yaml", "--force").exit_code == 0
    assert report.read_text(encoding="utf-8") == REPORT


def test_circled_numbers_are_checked_like_any_other(tmp_path):
    path = tmp_path / "圈码.txt"
    path.write_text("一、工作成效\n①第一项\n正文12件。\n②第二项\n正文。\n", encoding="utf-8")
    assert invoke("check", path).exit_code in (0, 1)


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes")
def test_check_json_stays_utf8_whatever_the_file_names(tmp_path):
    import json

    folder = tmp_path / "报告"
    folder.mkdir()
    Path(os.fsdecode(bytes(folder) + b"/\xfe.txt")).write_text(REPORT, encoding="utf-8")
    code = "import sys; from drafter.cli.commands import main; sys.argv = ['drafter'] + sys.argv[1:]; main()"
    done = subprocess.run([sys.executable, "-c", code, "check", "--json", str(folder)], capture_output=True, timeout=60)
    assert done.returncode in (0, 1), done.stderr
    items = json.loads(done.stdout.decode("utf-8"))
    assert items and all("?" in item["文件"] for item in items)


@pytest.mark.parametrize("name", ["a\u2028b.txt", "a\u202eb.txt", "a\x1bb.txt"], ids=["U+2028", "U+202E", "ESC"])
def test_file_names_reach_the_terminal_as_plain_text(tmp_path, name):
    path = tmp_path / name
    path.write_text(REPORT, encoding="utf-8")
    for args in (["import", path, "-o", tmp_path / "x.yaml"], ["check", path]):
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
        assert not any(c in result.output for c in "\u2028\u202e\x1b")
        assert args[0] == "import" or "a?b.txt" in result.output
