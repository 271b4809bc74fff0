"""Parse report markup (what templates produce) into the Report tree.

The markup is line based; blank lines are ignored and every other line is one paragraph:

    @标题 示例县人民政府关于2025年度法治政府建设情况的报告
    @主送 县委、县人大常委会：
    开头段落……
    # 一级标题                    (no number: the typesetter numbers 一、（一）1.（1）)
    ## 二级标题
    ### 小标题句。正文接在同一行    (a heading sentence ending in 。 with text after it
                                   is a run-in heading)
    @署名 示例县人民政府
    @日期 2026年2月6日
    @盖章                          (use the seal layout for the signature block)
    @附注 此件公开发布
    \\#开头的正文                   (a leading backslash makes the line plain text)

A number typed after the #'s (一、 （一） 1. （1）) is dropped, so numbering is always
the typesetter's and never has gaps or restarts; a heading sentence ends at the first 。
of the template's own text or at the end of a printed value that ends in 。.

Only a template's own text is markup. Every value a template prints ({{ … }}) arrives
between the literal marks U+E000 … U+E001 (``literal``), like HTML autoescaping: a line
that begins with a printed value is plain text, whatever the value says, and the marks
are dropped from the text. ``TemplateMarkup`` is text a template marked as markup on
purpose (``{{ x | markup }}``, a macro's output), which is printed as it stands.
"""

from __future__ import annotations

import re

from drafter.errors import TemplateError, Where
from drafter.files import xmltext
from drafter.files.patterns import lazy_re
from drafter.files.xmltext import describe, first_invalid, quiet
from drafter.model.report import Report, TreeBuilder
from drafter.model.typography import normalize

OPEN, CLOSE = "\ue000", "\ue001"
# Round a figure of the form as a template prints it, so what stands right beside it can be
# judged once the whole output is known (1{{ x }} would print 1162件): render/apart.py.
FIG_OPEN, FIG_CLOSE = "\ue002", "\ue003"
# Inside a figure's marks, whose figure it is (and whether it is its 同比): apart.py.
OF_OPEN, OF_CLOSE = "\ue004", "\ue005"
_OF = lazy_re(f"{OF_OPEN}[^{OF_CLOSE}]*{OF_CLOSE}")
# Line breaks: those of str.splitlines() that XML can carry. \v, \f and \x1c-\x1e stay
# inside their line, where they are refused as characters a .docx cannot hold.
_BREAK = lazy_re("\r\n|[\n\r\x85\u2028\u2029]")

# The characters quiet() changes, to find them fast (most markup has none).
_LOOKALIKE = xmltext.LOOKALIKE

_HEADING = lazy_re(r"^(#{1,4})\s*(.*)$")
_TYPED_NUMBER = lazy_re(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）][、]?|\d+[.．、](?!\d)|[（(]\d+[)）][、]?)\s*"
)
_DIRECTIVES = {"标题", "主送", "署名", "日期", "盖章", "附注"}
# a value printed alone as a heading's number (一, （3）) and the mark after it
_NUM = "[一二三四五六七八九十百零〇\\d]{1,4}"
_PRINTED_NUMBER = lazy_re(f"^\\s*(?:[（(]{OPEN}{_NUM}{CLOSE}[)）]、?|{OPEN}[（(]{_NUM}[)）]{CLOSE}、?|{OPEN}{_NUM}{CLOSE}[、．.])\\s*")
_MARKERS = ("@", "#", "\\")


class TemplateMarkup(str):
    """Text a template means as markup (``{{ x | markup }}``, a macro's output): printed
    without literal marks. Whatever a string method makes of it is plain text again."""

    __slots__ = ()


def literal(text: str) -> str:
    """``text`` marked as literal, each line on its own, so no line of it is read as markup."""
    if not text:
        return text
    return OPEN + _BREAK.sub(lambda m: CLOSE + m.group() + OPEN, text) + CLOSE


def strip_marks(text: str) -> str:
    """``text`` without literal marks."""
    if OF_OPEN in text:
        text = _OF.sub("", text)
    if OPEN in text or CLOSE in text or FIG_OPEN in text or FIG_CLOSE in text:
        for mark in (OPEN, CLOSE, FIG_OPEN, FIG_CLOSE):
            text = text.replace(mark, "")
    return text


def _lines(text: str) -> list[str]:
    return _BREAK.split(text)


def _quiet(text: str) -> str:
    return quiet(text) if _LOOKALIKE.search(text) else text


def readable_markup(text: str) -> str:
    """Marked markup as a person reads it (``render --markup``): marks removed, and a line
    that began with a printed value starting with @, # or \\ escaped with a leading \\,
    so that ``parse_markup(readable_markup(t))`` gives the same tree as ``parse_markup(t)``."""
    out = []
    for raw in _lines(text):
        line = _quiet(raw).strip()
        plain = strip_marks(line).strip()
        if line.startswith(OPEN) and plain.startswith(_MARKERS):
            out.append("\\" + plain)
            continue
        if line.startswith("@") and OPEN in line[1:].partition(" ")[0]:
            out.append(raw)  # a directive named by a printed value: refused as it stands
            continue
        m = _HEADING.match(line)
        if m and OPEN in m.group(2):
            out.append(m.group(1) + " " + _readable_heading(m.group(2).strip()))
            continue
        out.append(strip_marks(raw))
    return "\n".join(out)


def _readable_heading(body: str) -> str:
    """A heading holding printed values, written so that it reads back the same without
    the marks: a number (or a backslash) a value begins with is kept by a leading ``\\``, and a 。 inside a
    value that must not end the heading sentence is written ``\\。``. (A space after the
    #'s keeps a printed # out of the heading level.)"""
    plain = strip_marks(body)
    lead = "\\" if body.startswith(OPEN) and (_TYPED_NUMBER.match(plain) or plain.startswith("\\")) else ""
    head, rest = _split_marked(body)
    head, rest = strip_marks(head), strip_marks(rest)
    if rest.strip():  # the sentence ends at its last 。; any before it is the clerk's
        cut = head.rstrip().rfind("。")
        head = head[:cut].replace("。", "\\。") + head[cut:]
    else:
        head = head.replace("。", "\\。")
    return lead + head + rest


def split_run_in(text: str) -> tuple[str, str]:
    """'加强审查。全年审查…' → ('加强审查。', '全年审查…'); ('标题', '') when not run in. A 。
    written ``\\。`` (readable markup of a printed value) is text and never ends the heading."""
    m = re.search(r"(?<!\\)。", text)
    if m and m.start() > 0 and text[m.end() :].strip():
        head, rest = text[: m.end()], text[m.end() :].lstrip()
    else:
        head, rest = text, ""
    return head.replace("\\。", "。"), rest.replace("\\。", "。")


def _refuse_invalid(text: str, where: Where) -> None:
    """A line holding a character a .docx cannot carry stops here, with the character named."""
    at = first_invalid(text)
    if at is not None:
        raise TemplateError(
            f"模板输出的这一行含有{describe(text[at])}，Word 无法打开含有它的文档。",
            "请检查模板中输出这一行的地方（文字或 {{ }} 里的值），删去这个字符。",
            where._replace(column=at + 1),
        )


_PRINTED = lazy_re(f"{OPEN}[^{CLOSE}]*{CLOSE}")
_BRACE = lazy_re("[{}｛｝]")


def _refuse_braces(line: str, where: Where) -> None:
    """Braces in the template's own text ({单位}, ｛｛ 标题 ｝｝, { t.标题 }}) are a tag
    mistyped: printed as they stand they would put the braces in the report. (Braces in a
    printed value are the value's.)"""
    own = _PRINTED.sub("", line)
    m = _BRACE.search(own)
    if m:
        start = max(0, m.start() - 8)
        shown = own[start : m.end() + 12].strip()
        if re.search(r"\{\{.*\}\}|\{%.*%\}", own):  # {% raw %}{{ 单位 }}{% endraw %}
            raise TemplateError(
                f"模板输出了“{shown}”这几个字符本身（例如写在 raw 块里），报告里不能有大括号。",
                "要输出数据，直接写 {{ 单位 }}，不要放在 raw 块里。",
                where,
            )
        raise TemplateError(
            f"模板里的“{shown}”不会换成数据：大括号写得不对，会原样印进报告。",
            "要输出数据，写成两层英文（半角）大括号，如 {{ 单位 }}；全角的“｛｝”和一层的“{ }”都不行。",
            where,
        )


# A date as the report prints it (domain.md §1: 2026年2月6日, Arabic figures, no padding).
_DATE = lazy_re(r"(\d{4})年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日")


ISSUERS_APART = lazy_re(r"[ \u3000]+")  # between a joint report's issuers (中共某县委员会　某县人民政府)


def _directive(report: Report, line: str, where: Where, seen: dict[str, int]) -> None:
    name, _, value = line[1:].partition(" ")
    if name == "署名":  # a joint report's issuers stay apart (normalising would join them)
        value = "\u3000".join(normalize(x) for x in ISSUERS_APART.split(strip_marks(value).strip()) if x)
    else:
        value = normalize(strip_marks(value).strip())
    if name not in _DIRECTIVES:
        raise TemplateError(
            f"模板输出了不认识的指令“@{strip_marks(name)}”。",
            "可用的指令：" + "、".join("@" + d for d in _DIRECTIVES) + "；若这是正文，请在行首加反斜杠“\\”。",
            where,
        )
    if name in seen and name != "附注":  # a second @标题 would replace the first without a word
        err = TemplateError(
            f"模板输出了两次“@{name}”，报告只有一个{name}，后一个会顶替前一个。",
            f"请删去多余的一处“@{name}”（看看是不是在循环里或被引入了两次）。",
            where,
        )
        err.previous = (seen[name], f"@{name}")  # the other one may be the mistake: both are named
        raise err
    seen[name] = where.line or 0
    if name == "盖章" and value:
        raise TemplateError(
            f"指令“@盖章”后面不写内容，这里写了“{value[:20]}”。", "“@盖章”单独一行，表示署名处加盖印章；署名写在“@署名”后面。", where
        )
    if name == "日期" and value and not _real_date(value):
        raise TemplateError(
            f"指令“@日期”后面的“{value[:20]}”不是一个日期。",
            "成文日期写成“2026年2月6日”这样（用阿拉伯数字，月、日不补零），或直接输出 {{ 成文日期 }}。",
            where,
        )
    if name == "盖章":
        report.sealed = True
    elif not value:
        raise TemplateError(f"指令“@{name}”后面没有内容。", "请在指令后空一格写上内容。", where)
    elif name == "标题":
        report.title = value
    elif name == "主送":
        report.addressee = value if value.endswith("：") else value.rstrip(":") + "："
    elif name == "署名":
        report.signature = value
    elif name == "日期":
        report.date = value
    else:
        report.notes.append(value if _bracketed(value) else f"（{value}）")


def _real_date(text: str) -> bool:
    import datetime as dt

    m = _DATE.fullmatch(text)
    if not m:
        return False
    try:
        dt.date(*map(int, m.groups()))
    except ValueError:
        return False
    return True


_SPLIT_MARKS = lazy_re(f"[{OPEN}{CLOSE}。]")


def _split_marked(text: str) -> tuple[str, str]:
    """A heading line holding printed values, split where its heading sentence ends: after
    a 。 of the template's own text, or after a printed value that ends in 。 (the 。s
    inside a value are the clerk's text and never end the heading)."""
    inside = False
    for m in _SPLIT_MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == OPEN:
            inside = True
        elif ch == CLOSE:
            inside = False
            if strip_marks(text[:i]).rstrip().endswith("。") and strip_marks(text[i + 1 :]).strip():
                return text[: i + 1], text[i + 1 :]
        elif not inside and strip_marks(text[i + 1 :]).strip():
            return text[: i + 1], text[i + 1 :]
    return text, ""


def _heading(tree: TreeBuilder, m: re.Match[str], where: Where) -> None:
    level = len(m.group(1))
    raw = m.group(2).strip()
    # A number typed in the template's own text is dropped; one in a printed value is the
    # clerk's text (一、二线执法力量下沉) and stays, as does one after a backslash.
    printed = _PRINTED_NUMBER.match(raw)
    if raw.startswith("\\"):
        raw = raw[1:]
    elif printed and raw[printed.end() :].strip():
        # ## {{ loop.index | cn }}、…, ## （{{ loop.index }}）…: a number printed alone before the
        # heading's words is the template numbering it, as a typed one is (drafter numbers headings)
        raw = raw[printed.end() :]
    elif not raw.startswith(OPEN):
        raw = _TYPED_NUMBER.sub("", raw, count=1)
    if not strip_marks(raw).strip():
        raise TemplateError("标题行“#”后面没有文字。", "请检查模板：没有内容时整行都不要输出。", where)
    parent_level = tree.depth
    if level > parent_level + 1:
        raise TemplateError(
            f"{level} 级标题前面缺少 {parent_level + 1} 级标题。", "标题层级要逐级展开：# 下面是 ##，## 下面是 ###。", where
        )
    if OPEN in raw:
        heading, rest = (normalize(strip_marks(part).strip()) for part in _split_marked(raw))
    else:
        heading, rest = split_run_in(normalize(raw.strip()))
    if not rest:
        heading = heading if level > 1 else heading.rstrip("。")
    tree.heading(level, heading, rest)


def parse_markup(text: str, source: str = "<模板输出>") -> Report:
    report = Report()
    tree = TreeBuilder(report)
    last_heading = None  # (output line, its text): named when the next heading skips a level
    seen: dict[str, int] = {}  # the directives given so far (each but @附注 once), at their output line
    for lineno, raw in enumerate(_lines(_quiet(text)), 1):
        line = raw.strip()
        where = Where(source, lineno)
        _refuse_invalid(strip_marks(line), where)
        _refuse_braces(line, where)
        if not strip_marks(line).strip():
            continue
        if line.startswith(OPEN):  # begins with a printed value: text, whatever it says
            tree.paragraph(normalize(strip_marks(line).strip()))
        elif line.startswith("\\"):
            tree.paragraph(normalize(strip_marks(line[1:]).strip()))
        else:
            try:
                if line.startswith("@"):
                    _directive(report, line, where, seen)
                elif m := _HEADING.match(line):
                    _heading(tree, m, where)
                    last_heading = (lineno, strip_marks(line))
                else:
                    tree.paragraph(normalize(strip_marks(line).strip()))
            except TemplateError as err:  # the output line, so the template line can be found
                shown = strip_marks(line)
                err.hint += f"（模板输出的这一行是：“{shown[:40]}{'……' if len(shown) > 40 else ''}”）"
                if "级标题前面缺少" in err.message and last_heading:
                    err.previous = last_heading  # the heading before it may be the mistake
                raise
    return report


def _bracketed(note: str) -> bool:
    """Is the whole 附注 already in one pair of brackets (（此件公开发布）, not （内部）材料)?"""
    if not (note.startswith("（") and note.endswith("）")):
        return False
    depth = 0
    for i, ch in enumerate(note):
        depth += ch == "（"
        depth -= ch == "）"
        if depth == 0:
            return i == len(note) - 1  # the first bracket closes at the very end
    return False
