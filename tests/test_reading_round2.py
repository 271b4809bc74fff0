"""The reading side, second pass (issue 18, reading2): figures in 万/亿 from a report drafter
did not write are not taken as exact (R1); scaled figures are read back exactly, as ints
(R2); headings numbered or marked by Word keep the structure under them (R3); a long
paragraph is refused for its length, not as damage (R4); a main part that is not
WordprocessingML, or a report with no text at all, is refused by every command (R5).
"""

from __future__ import annotations

import random
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli.commands import main
from drafter.jobs.newform import new_form
from drafter.jobs.pipeline import render_file
from drafter.reading.figure_finder import MONEY, exact, extract, in_unit
from drafter.reading.parser import parse_report
from drafter.reading.source import read_lines
from drafter.model.numbers import number, with_unit

from conftest import CORPUS, EXAMPLE
from hostile_cases import run_clean
from test_reading_docx_features import STYLES, TITLE, W_NS, make_docx, p

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def last_year(form_text: str) -> dict[tuple[str, str], object]:
    """(group, figure) → value of every 上年数据 entry of a form."""
    form = yaml.safe_load(form_text)
    out = {}
    for entry in (form.get("成效") or []) + [form.get("第一责任人") or {}]:
        for group, given in (entry.get("上年数据") or {}).items():
            for name, value in (given or {}).items():
                if value is not None:
                    out[group, name] = value
    return out


# -- R1: 万/亿 are exact only in drafter's own untouched report -------------------------------------
HUMAN = ("某县人民政府关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n（一）推进政务公开\n"
         "全年主动公开政府信息{public}，政务服务办件量{cases}，收到政府信息公开申请52件。\n"
         "（二）化解矛盾纠纷\n全年收到行政复议申请162件，审结146件。\n某县人民政府\n2026年2月6日\n")


@pytest.mark.parametrize("public, cases", [("1.29万条", "64.16万件"), ("2万条", "1.2亿件"), ("12.9千条", "641.57万件")])
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_scaled_counts_of_a_human_report_are_listed_not_taken(tmp_path, public, cases, suffix):
    text = HUMAN.format(public=public, cases=cases)
    path = tmp_path / f"去年{suffix}"
    if suffix == ".txt":
        path.write_text(text, encoding="utf-8")
    else:
        make_docx(path, "".join(p(escape(line)) for line in text.splitlines()))
    form, notes = new_form(path, 2026)
    got = last_year(form)
    assert ("政务公开", "主动公开") not in got and ("政务服务", "办件量") not in got, got
    assert got[("行政复议", "收到申请")] == 162  # exact ones still taken
    # one no default sentence prints with its 同比 is listed, not taken (it would only draw a reminder)
    assert ("政务公开", "依申请公开") not in got and "默认的句式不写它的同比" in form
    for written, key in ((public, "政务公开：主动公开"), (cases, "政务服务：办件量")):
        line = next(x for x in form.splitlines() if x.lstrip().startswith(f"# {written}"))
        assert "可能经过四舍五入" in line and f"“{key}”" in line, line
    assert any("2 个数字" in n and "四舍五入" in n for n in notes), notes


def test_scaled_counts_of_an_imported_report_are_listed_not_taken(tmp_path):
    """A form imported from someone's report (its 正文 kept verbatim) is not drafter's print."""
    report = tmp_path / "去年.txt"
    report.write_text(HUMAN.format(public="1.29万条", cases="64.16万件"), encoding="utf-8")
    form = tmp_path / "导入.yaml"
    assert invoke("import", report, "-o", form).exit_code == 0
    text, notes = new_form(form, 2026)
    got = last_year(text)
    assert ("政务公开", "主动公开") not in got and ("政务服务", "办件量") not in got, got
    assert "可能经过四舍五入" in text and any("四舍五入" in n for n in notes)


def _example(tmp_path: Path, **values) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    for name, (old, new) in values.items():
        text = text.replace(f"{name}: {old}\n", f"{name}: {new}\n", 1)
    path = tmp_path / "表单.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _edited_in_word(path: Path) -> Path:
    """The same package with docProps/core.xml as an editor leaves it (saved by someone)."""
    out = path.with_name("改过的.docx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = data.replace(b"<cp:lastModifiedBy>drafter</cp:lastModifiedBy>",
                                    b"<cp:lastModifiedBy>\xe5\xbc\xa0\xe4\xb8\x89</cp:lastModifiedBy>")
                assert "张三".encode() in data
            dst.writestr(info, data)
    return out


def test_scaled_counts_of_drafters_own_report_are_exact_and_of_an_edited_one_are_not(tmp_path):
    form = _example(tmp_path, 办件量=("468300", "6415700"), 主动公开=("12860", "12900"))
    report = tmp_path / "报告.docx"
    render_file(form, report)
    text = "\n".join(read_lines(report))
    assert "641.57万件" in text and "1.29万条" in text  # printed in 万, exactly
    got = last_year(new_form(report, 2026)[0])
    assert got[("政务服务", "办件量")] == 6415700 and type(got[("政务服务", "办件量")]) is int
    assert got[("政务公开", "主动公开")] == 12900
    edited = last_year(new_form(_edited_in_word(report), 2026)[0])
    assert ("政务服务", "办件量") not in edited and ("政务公开", "主动公开") not in edited
    assert edited[("行政复议", "收到申请")] == got[("行政复议", "收到申请")]  # figures in full still taken


# -- R2: scaled figures read back exactly --------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("办件量641.57万件。", 6415700), ("受理4.6183万件。", 46183), ("审结0.07万件。", 700), ("受众1.0001亿人次。", 100010000),
    ("覆盖12.9千人。", 12900), ("受理1.3万至1.45万件。", 14500), ("共计33558万件。", 335580000),
])
def test_scaled_values_are_exact_ints(text, value):
    f = extract(text)[-1]
    assert f.value == value and type(f.value) is int, (f.value, f.text)


def test_every_printed_count_reads_back_as_its_value():
    """Property: whatever count the renderer prints (number/with_unit, 万 and 亿 where exact)
    extract reads back to the same value, an int for an integer."""
    rng = random.Random(18)
    values = [rng.choice([rng.randint(0, 10 ** k) for k in range(1, 13)]) for _ in range(3000)]
    values += [rng.randint(1, 99999) * 10 ** rng.randint(0, 6) for _ in range(2000)]
    values += [19999, 20000, 6415700, 335580000, 123456789, 10 ** 12, 999_999_999_999]
    for v in values:
        for printed in (number(v) + "件", with_unit(v, "人次")):
            found = extract(f"全年办理{printed}。")
            assert len(found) == 1 and found[0].value == v and type(found[0].value) is int, (v, printed)


def test_every_printed_sum_of_money_reads_back_as_its_value():
    """Sums of money (to the 分, which is what render prints) in any unit: the amount read
    back, said in the unit the form gave, is the form's value."""
    rng = random.Random(9704)
    for _ in range(3000):
        unit = rng.choice(["元", "万元", "亿元"])  # the units render states money in
        fen = rng.randint(0, 10 ** rng.randint(1, 14)) * rng.choice([1, 10, 100, 10_000, 1_000_000])
        value = exact(Decimal(fen) / 100 / MONEY[unit])
        printed = with_unit(value, unit)
        found = extract(f"审查合同金额{printed}。")
        assert len(found) == 1, printed
        back = in_unit(found[0].value, found[0].unit, unit)
        assert back == value and type(back) is type(value), (value, unit, printed, back)


def test_new_from_own_report_writes_figures_that_validate(tmp_path):
    form = _example(tmp_path, 办件量=("468300", "6415700"))
    report = tmp_path / "报告.docx"
    render_file(form, report)
    out = tmp_path / "新.yaml"
    assert invoke("new", "2026", "--from", report, "-o", out).exit_code == 0
    assert re.search(r"办件量: 6415700(?:\n|  # 去年报告：)", out.read_text(encoding="utf-8"))
    result = invoke("validate", out)
    assert "不是整数" not in result.output and "6415700.0" not in result.output, result.output


# -- R3: Word's numbering, heading styles and body-text styles keep the structure ------------------------
_TOP = re.compile(r"^([一二三四五六七八九十]+)、")
_CN = "一二三四五六七八九十"


def _numbering(starts: list[int], suffix: str) -> str:
    """numbering.xml: one list a run of consecutive 一、 headings, started at its first value."""
    nums = "".join(f'<w:num w:numId="{k + 1}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                   f'<w:startOverride w:val="{s}"/></w:lvlOverride></w:num>' for k, s in enumerate(starts))
    return (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
            f'<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>{suffix}'
            f'</w:lvl></w:abstractNum>{nums}</w:numbering>')


def _docx(path: Path, lines: list[str], head: str, body: str | None, suffix: str) -> Path:
    """The report's lines as paragraphs; its 一、 headings as ``head`` says: typed, Word's
    numbering (numPr), numbering and a heading style, a heading style or an outline level
    without the number."""
    out, starts, prev = [], [], None
    for line in lines:
        m = _TOP.match(line)
        if not m or head == "typed":
            out.append(p(escape(line), style=body))
            continue
        value = _CN.index(m.group(1)) + 1 if len(m.group(1)) == 1 else 10
        if prev is None or value != prev + 1:
            starts.append(value)
        prev = value
        rest, num = escape(line[m.end():]), (len(starts), 0)
        out.append({"numPr": p(rest, num=num), "numPr+Heading1": p(rest, style="Heading1", num=num),
                    "Heading1": p(rest, style="Heading1"), "outline": p(rest, outline=0)}[head])
    return make_docx(path, "".join(out), numbering=_numbering(starts or [1], suffix))


def _shape(report) -> list:
    """The structure without the numbers of the top headings: level, heading, run-in, and
    what each section holds."""
    return [(s.level, s.heading, s.run_in, s.number if s.level > 1 else "",
             [getattr(x, "text", None) for x in s.body]) for s in report.walk()]


REPORTS = sorted(CORPUS.glob("0*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not REPORTS, reason="the corpus is not here")
@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r.name[:3])
@pytest.mark.parametrize("body", [None, "BodyText", "ZW"])
@pytest.mark.parametrize("suffix", ['<w:suff w:val="nothing"/>', ""], ids=["no-space", "tab"])
def test_numbered_or_styled_top_headings_keep_the_structure(tmp_path, report, body, suffix):
    lines = report.read_text(encoding="utf-8").splitlines()
    typed = _shape(parse_report(_docx(tmp_path / "打字.docx", lines, "typed", body, suffix)))
    assert typed
    for head in ("numPr", "numPr+Heading1", "Heading1", "outline"):
        got = _shape(parse_report(_docx(tmp_path / f"{head}.docx", lines, head, body, suffix)))
        assert got == typed, head


SUBS = ["2025年，某县坚持依法行政。", "一、主要举措和成效", "（一）推进政务公开",
        "一是抓好主动公开。全年主动公开政府信息12860条，更新栏目46个。",
        "二是办好依申请公开。收到申请52件，全部按期答复。",
        "（二）化解矛盾纠纷", "1.发挥行政复议主渠道作用。全年收到行政复议申请162件，审结146件。",
        "2.做好行政应诉。行政机关负责人出庭应诉42件。",
        "二、存在的不足", "基层执法力量不足。", "三、下一步工作安排", "加强执法队伍建设。"]


@pytest.mark.parametrize("body", [None, "BodyText", "ZW"])
@pytest.mark.parametrize("head", ["numPr", "numPr+Heading1", "Heading1", "outline"])
def test_sub_headings_typed_under_word_headings_are_kept(tmp_path, body, head):
    lines = [TITLE] + SUBS
    typed = _shape(parse_report(_docx(tmp_path / "打字.docx", lines, "typed", body, "")))
    got = _shape(parse_report(_docx(tmp_path / "标题.docx", lines, head, body, "")))
    assert got == typed
    assert [(lv, num) for lv, _, _, num, _ in got if lv > 1] == [(2, "（一）"), (3, "一是"), (3, "二是"), (2, "（二）"),
                                                                (3, "1."), (3, "2.")]


def test_a_heading_style_over_a_whole_paragraph_keeps_its_text_as_body(tmp_path):
    """A heading style (or outline level) on a paragraph whose heading runs into its text:
    the heading sentence is the heading, the rest its text, as a typed number would give."""
    text = "坚持依法行政，建设法治政府。全年收到行政复议申请162件，审结146件，纠错12件。"
    for hinted in (p(text, style="Heading1"), p(text, outline=0)):
        report = parse_report(make_docx(tmp_path / "连排.docx", p(TITLE) + hinted + p("二、存在的不足") + p("不足。")))
        first = report.sections[0]
        assert first.heading == "坚持依法行政，建设法治政府。" and first.run_in
        assert first.paragraphs[0].text.startswith("全年收到行政复议申请162件")


def test_a_number_tab_does_not_cut_a_long_heading_line(tmp_path):
    """Word's tab after an automatic number reads as a space: a long numbered line (its
    heading run into 一是/二是 items) is not taken for a page run together and cut there,
    but read as the same line typed."""
    rest = ("坚持党的领导，法治政府建设纵深推进。一是落实第一责任人职责，县政府召开常务会议专题研究法治政府建设4次，"
            "部署年度重点任务。二是健全工作制度，出台规范性文件3件，全部经过合法性审核。三是强化督察考核，"
            "开展法治政府建设督察6次，发现问题48个，已全部整改。")
    after = p("二、存在的不足") + p("基层执法力量不足。")
    typed = parse_report(make_docx(tmp_path / "打字.docx", p(TITLE) + p("一、" + rest) + after))
    numbered = parse_report(make_docx(tmp_path / "编号.docx", p(TITLE) + p(rest, num=(1, 0)) + after,
                                      numbering=_numbering([1], "")))
    assert _shape(numbered) == _shape(typed)
    assert typed.sections[0].heading == "坚持党的领导，法治政府建设纵深推进。"


# -- R4: a long paragraph is refused for its length ---------------------------------------------------------
def _main_part(path: Path, xml: str | bytes, **kw) -> Path:
    """A package made by make_docx (``kw``) with its main part replaced by ``xml`` as it is."""
    make_docx(path, "", **kw)
    data = {i.filename: (i, zipfile.ZipFile(path).read(i)) for i in zipfile.ZipFile(path).infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, (info, content) in data.items():
            z.writestr(info, xml if name == "word/document.xml" else content)
    return path


def _long(chars: int, varied: bool) -> str:
    text = ("".join(chr(0x4E00 + (k * 7919) % 20000) for k in range(chars)) if varied else "法" * chars)
    return (f'<w:document xmlns:w="{W_NS}"><w:body>{p(TITLE)}<w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>")


@pytest.mark.parametrize("varied", [True, False], ids=["varied", "one-character"])
@pytest.mark.parametrize("command", ["parse", "check", "import"])
def test_a_five_million_character_paragraph_is_refused_for_its_length(tmp_path, varied, command):
    path = _main_part(tmp_path / "长段.docx", _long(5_000_000, varied))
    assert path.stat().st_size < 20 * 2 ** 20
    args = [command, path] + (["-o", tmp_path / "表.yaml"] if command == "import" else [])
    result = run_clean(args, inputs=[path], exit_codes=(2,), located=False)
    assert "5,000,0" in result.output and "不像是一份年度报告" in result.output and "400 万字" in result.output
    assert "损坏" not in result.output and "异常" not in result.output, result.output


def test_a_long_text_node_under_the_limit_is_read(tmp_path):
    lines = read_lines(_main_part(tmp_path / "长段.docx", _long(3_500_000, True)))
    assert [len(x) for x in lines] == [len(TITLE), 3_500_000]


# -- R5: the main part must be WordprocessingML; a report with no text is refused --------------------
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
BODY = p(TITLE) + p("一、主要举措和成效") + p("全年收到行政复议申请162件，审结146件。")
NOT_WORD = {
    "html": "<html><body>hi</body></html>",
    "html-with-paragraphs": f"<html><body>{BODY}</body></html>".replace("<w:", "<").replace("</w:", "</"),
    "other-namespace": f'<w:document xmlns:w="urn:x-not-word"><w:body>{BODY}</w:body></w:document>',
    "no-namespace": f"<document><body>{BODY}</body></document>".replace("<w:", "<").replace("</w:", "</"),
    "body-as-root": f'<w:body xmlns:w="{W_NS}">{BODY}</w:body>',
}
COMMANDS = ["parse", "check", "import", "new"]


def _run(command: str, path: Path, tmp_path: Path):
    extra = {"import": ["-o", tmp_path / "表.yaml"], "new": ["-o", tmp_path / "新.yaml"]}.get(command, [])
    args = ["new", "2026", "--from", path, *extra] if command == "new" else [command, path, *extra]
    return run_clean(args, inputs=[path], exit_codes=(0, 1, 2), located=False)


@pytest.mark.parametrize("case", list(NOT_WORD))
@pytest.mark.parametrize("command", COMMANDS)
def test_a_main_part_that_is_not_wordprocessingml_is_refused(tmp_path, case, command):
    path = _main_part(tmp_path / "假.docx", NOT_WORD[case])
    result = _run(command, path, tmp_path)
    assert result.exit_code == 2 and "不是真正的 Word 文档" in result.output and "假.docx" in result.output, \
        result.output
    assert not (tmp_path / "表.yaml").exists() and not (tmp_path / "新.yaml").exists()


def test_strict_wordprocessingml_is_read_as_word(tmp_path):
    """ISO/IEC 29500 Strict: the main part and the styles in the Strict namespace."""
    doc = f'<w:document xmlns:w="{STRICT}"><w:body>{BODY}{p("存在的不足", style="Heading1")}</w:body></w:document>'
    path = _main_part(tmp_path / "严格.docx", doc, styles=STYLES.replace(W_NS, STRICT))
    report = parse_report(path)
    assert [(s.number, s.heading) for s in report.sections] == [("一、", "主要举措和成效"), ("", "存在的不足")]
    result = run_clean(["parse", "--json", path], inputs=[path], exit_codes=(0,))
    assert '"数值": 162' in result.output


EMPTY = {
    "no-paragraphs": f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>',
    "blank-paragraphs": f'<w:document xmlns:w="{W_NS}"><w:body>{p()}{p("   ")}{p("　　")}</w:body></w:document>',
    "picture-only": f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:drawing/></w:r></w:p></w:body></w:document>',
}


@pytest.mark.parametrize("case", list(EMPTY))
@pytest.mark.parametrize("command", COMMANDS)
def test_a_report_with_no_text_is_refused_by_every_command(tmp_path, case, command):
    path = _main_part(tmp_path / "空白.docx", EMPTY[case])
    result = _run(command, path, tmp_path)
    assert result.exit_code == 2, result.output
    assert ("没有从“空白.docx”中读出报告的正文" in result.output or "没有正文" in result.output), result.output
