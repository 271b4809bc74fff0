"""Load a YAML file and remember where every value stands (line and column).

PyYAML's ``safe_load`` forgets positions, silently keeps the last of two duplicate keys and
lets any exception of its constructors (an impossible date, a 5,000-digit number, ``!!int
abc``) escape as a traceback. Here the document is composed into nodes and converted by
hand: every scalar is constructed here, so a value that cannot be read becomes a located
problem; nesting depth, alias cycles and alias expansion are bounded; every text (keys
included) is checked for characters a .docx cannot carry. Every path (a tuple of keys and
0-based list indices) is mapped to the line and column of its key and of its value.

Problems that leave the rest of the file readable (a bad character, a duplicate key, a
full-width colon after a key, a value that cannot be read) are kept on the Source, whose
data is repaired around them: the validator reports them together with its own findings,
so a clerk sees every problem in one run. Anyone else asking for the data gets them raised.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import FormError, InputFileError, Problem, Where
from drafter.files.bounds import (
    FORM_BYTES as MAX_FORM_BYTES,
    YAML_DEPTH as MAX_DEPTH,
    YAML_INT_BITS as MAX_INT_BITS,
    YAML_NODES as MAX_NODES,
)
from drafter.files.characters import INVISIBLE, invisible_name
from drafter.files.patterns import lazy_re
from drafter.files.xmltext import INVALID, describe, quiet, strip_invalid

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:  # libyaml is several times faster; both give node marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

PathT = tuple[str | int, ...]  # ("成效", 0, "数据", "行政复议", "收到申请")

MAX_LISTED = 20  # located problems of one kind before the rest are only counted


def path_text(path: PathT) -> str:
    """A field path as a clerk reads it: 成效[1].数据.行政复议 (list items counted from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class _Bad:
    """A value that could not be read; its problem is already reported where it stands."""

    def __repr__(self) -> str:
        return "BAD"


BAD = _Bad()


def as_typed(value: Any) -> str:
    """A value read from YAML written as YAML writes it (null, true, 1.5), for a message
    where the source text is not at hand (a key)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):  # as YAML writes it on one line: [a], {a: 1}
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6).strip()
        return text if len(text) <= 40 else text[:40] + "……"
    return str(value)


class Source:
    """A loaded YAML document with the position of every key and value.

    ``problems`` are those found while loading that the data was repaired around. Reading
    ``data`` raises them as a FormError unless a caller has taken them to report
    (``take_problems``), so no reader can use repaired data without the clerk being told.
    """

    def __init__(
        self,
        data: Any,
        file: str,
        value_marks: dict[PathT, tuple[int, int]] | None = None,
        key_marks: dict[PathT, tuple[int, int]] | None = None,
        problems: list[Problem] | None = None,
    ):
        self._data = data
        self.file = file
        self.value_marks = value_marks or {}
        self.key_marks = key_marks or {}
        self.problems = list(problems or [])
        self._taken = all(p.severity != "错误" for p in self.problems)  # a reminder does not bar the data
        self.raw: dict[PathT, str] = {}  # path → source text of each value read as a number, date, true/false or null
        self.text = ""  # the text read, comments and all
        self._lines: list[str] | None = None  # its lines, when asked for

    @property
    def data(self) -> Any:
        if not self._taken:
            raise FormError(self.problems)
        return self._data

    def take_problems(self) -> list[Problem]:
        """The loading problems, handed to a caller that reports them with its own."""
        self._taken = True
        return list(self.problems)

    def typed(self, path: PathT, value: Any) -> str:
        """``value`` for a message as the clerk typed it (null, yes, ~, 1.0, not Python's
        None, True, 1.0): the source text where YAML read it as other than text."""
        typed = self.raw.get(tuple(path))
        if typed is not None:
            return typed if typed.strip() else "（空）"
        return as_typed(value)

    def written_from(self, path: PathT) -> str:
        """The line's text from where the value at ``path`` begins ("" when not known): what the
        clerk typed there (- {主要成效} that YAML read as a mapping)."""
        line, column = self.value_marks.get(tuple(path), (None, None))
        if not line or not column:
            return ""
        lines = self.text.split("\n", line)
        return lines[line - 1][column - 1 :].split("\n", 1)[0] if line <= len(lines) else ""

    def where(self, path: PathT, at_key: bool = False) -> Where:
        """The place of ``path``; falls back to the nearest parent that was written."""
        marks = self.key_marks if at_key else self.value_marks
        probe = tuple(path)
        while probe and probe not in marks and probe not in self.value_marks:
            probe = probe[:-1]
        line, col = marks.get(probe) or self.value_marks.get(probe) or (None, None)
        return Where(self.file, line, col, path_text(path) or None)

    def hashed_line(self, path: PathT) -> Where | None:
        """The place of a # inside the | or > block at ``path`` that begins a line or follows a
        space (the clerk's comment, which YAML reads as text there: “文书1560份。  # 待核实”);
        None when it has none."""
        line, column = self.value_marks.get(tuple(path), (None, None))
        if not line or not column:
            return None
        if self._lines is None:  # split once: a form has thousands of values
            self._lines = self.text.split("\n")
        lines = self._lines
        if not line or not column or line > len(lines) or lines[line - 1][column - 1 : column] not in ("|", ">"):
            return None
        indent = None
        for n in range(line + 1, len(lines) + 1):
            text = lines[n - 1]
            if not text.strip():
                continue
            width = len(text) - len(text.lstrip(" "))
            indent = width if indent is None else indent
            if width < indent:
                return None  # the block has ended
            lead = len(text) - len(text.lstrip(" \t\u3000"))
            for i, ch in enumerate(text[lead:], lead):
                if ch in "#＃" and (i == lead or text[i - 1] in " \t\u3000"):
                    return Where(self.file, n, i + 1, path_text(path) or None)
        return None


# -- what the file is ----------------------------------------------------------------------

# The word for the file being read (表单, 版面设置文件, 表述数据文件, 句式文件): every message
# about it names it so (load_text's ``what``), never “表单” for a file that is not one.
_WHAT: ContextVar[str] = ContextVar("what", default="表单")


def _what() -> str:
    return _WHAT.get()


def _said(text: str) -> str:
    """A message written with “{表单}” for the file, in the words of the file being read."""
    return text.replace("{表单}", _what())


# -- characters -----------------------------------------------------------------------

# What libyaml refuses to read (outside its printable set: C0 and C1 controls but tab and line
# feed, surrogates, U+FFFE/U+FFFF), and the Unicode line and paragraph separators it would
# count as line breaks where an editor shows none. (Carriage returns are line feeds by now.)
# libyaml refuses these; a byte order mark (U+FEFF) opening a line past the file's start (a
# block pasted from a file Notepad saved) it reads as part of the key, or as the end of the
# text before it: each is said at its place. One inside a value is a harmless look-alike,
# dropped with a reminder like the other invisible characters (form/validate).
_UNREADABLE = lazy_re("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]|^[ ]*\ufeff", re.M)
_STAND_IN = "\u200b"  # keeps columns; quiet() drops it from every value afterwards
_CHAR_HINT = "请删去它（看不见时可以删掉这一行重新输入）；这种字符常常是从其他程序复制文字时带进来的。"


def _char_name(ch: str) -> str:
    code = ord(ch)
    if 0x7F <= code <= 0x9F:
        return f"控制字符（U+{code:04X}）"
    if ch in "\u2028\u2029":
        return f"分行符（U+{code:04X}）"
    if ch == "\ufeff":
        return "字节顺序标记（BOM，U+FEFF，多半是粘贴了记事本存的文字时带进来的）"
    return describe(ch)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [m.end() for m in re.finditer("\n", text)]
    return starts


def _place(starts: list[int], index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    import bisect

    line = bisect.bisect_right(starts, index) - 1
    return line + 1, index - starts[line] + 1


def _unreadable(text: str, file: str, problems: list[Problem]) -> str:
    """Report every character libyaml would refuse, with its place, and stand a zero-width
    space in for it so the rest of the file can still be read."""
    hits = list(_UNREADABLE.finditer(text))
    if not hits:
        return text
    starts = _line_starts(text)
    for m in hits[:MAX_LISTED]:
        problems.append(
            Problem(
                Where(file, *_place(starts, m.end() - 1)),
                f"这里有一个看不见的{_char_name(m.group()[-1])}，{_what()}里不能有这种字符。",
                _CHAR_HINT,
            )
        )
    if len(hits) > MAX_LISTED:
        problems.append(
            Problem(
                Where(file, *_place(starts, hits[MAX_LISTED].start())),
                f"此后还有 {len(hits) - MAX_LISTED} 个同样看不见的字符。",
                _CHAR_HINT,
            )
        )
    # a mark is dropped, its line's indentation kept (stood in for, it would read as part of the key)
    return _UNREADABLE.sub(lambda m: m.group()[:-1] if m.group().endswith("\ufeff") else _STAND_IN, text)


# -- syntax ---------------------------------------------------------------------------

_TAB = ("行首不能用 Tab 键缩进。", "请把行首的 Tab 换成空格（每级缩进两个空格）。")
_QUOTE_IT = "若内容本身就以这个符号开头，请给整项内容加上引号（如 '@标题'）。"
_DEEP = ("嵌套太深。", "{表单}只有几层；请检查这里的缩进和括号是否写错。")

# (words of libyaml's context or problem, message, hint, mark): the mark says where the
# clerk should look — "problem" where libyaml stopped, "context" where the construct began.
_HINTS = [
    ("tab character", *_TAB, "problem"),
    ("found character '\\t'", *_TAB, "problem"),
    ("exceeded maximum nesting depth", *_DEEP, "problem"),
    (
        "mapping values are not allowed",
        "这一行的冒号位置不对。",
        "“名称: 内容”中冒号后要有一个空格；若内容里本身有冒号，请给整项内容加上引号。",
        "problem",
    ),
    (
        "could not find expected ':'",
        "这一行缺少冒号，或上一行的引号没有配对。",
        "请写成“名称: 内容”（半角冒号加空格），并检查引号是否成对。",
        "context",
    ),
    ("did not find expected key", "缩进不一致。", "同一层的各项要左对齐；一列中的各项以“- ”开头。", "problem"),
    ("did not find expected '-' indicator", "一列中各项的缩进不一致。", "同一列的各项要以“- ”开头并左对齐。", "problem"),
    (
        "block sequence entries are not allowed",
        "这里不能以“- ”开始一项。",
        "以“- ”开头的项要另起一行，并比它所属的名称多缩进；若内容本身以“-”开头，请给整项内容加上引号。",
        "problem",
    ),
    ("mapping keys are not allowed", "“? ”不能用在这里。", "若内容本身以“?”开头，请给整项内容加上引号。", "problem"),
    (
        "found undefined alias",
        "“*名称”引用的内容没有用“&名称”标出过。",
        "请删去“*”，或先用“&名称”定义它；若内容本身以“*”开头，请加引号。",
        "problem",
    ),
    ("found duplicate anchor", "同一个“&名称”标记写了两次。", "请给其中一个换个名称。", "problem"),
    ("while scanning an alias", "“*”后面应当紧跟“&”标出的名称。", "若内容本身以“*”开头，请给整项内容加上引号。", "problem"),
    ("while scanning an anchor", "“&”后面应当紧跟一个名称。", "若内容本身以“&”开头，请给整项内容加上引号。", "problem"),
    ("tag", "“!”在{表单}里有特殊含义，这里的写法不对。", "若内容本身以“!”开头，请给整项内容加上引号。", "problem"),
    ("directive", "行首的“%”在{表单}里有特殊含义。", "若内容本身以“%”开头，请给整项内容加上引号。", "problem"),
    ("incompatible YAML document", "行首的“%”在{表单}里有特殊含义。", "若内容本身以“%”开头，请给整项内容加上引号。", "problem"),
    ("found unknown escape character", "双引号里的反斜杠“\\”写法不对。", "请改用单引号，或把“\\”写成“\\\\”。", "problem"),
    ("escape code", "双引号里“\\x”“\\u”后面的编码写法不对。", "请改用单引号，或把“\\”写成“\\\\”。", "problem"),
    ("hexdecimal number", "双引号里“\\x”“\\u”后面的编码写法不对。", "请改用单引号，或把“\\”写成“\\\\”。", "problem"),
    (
        "while scanning a quoted scalar",
        "引号没有配对：从这里开始的引号没有结束。",
        "请在这段文字的末尾补上同样的引号；文字里本身有引号时，请改用中文引号“”。",
        "context",
    ),
    (
        "while scanning a block scalar",
        "“|”或“>”后面应当直接换行。",
        "“|”“>”表示下面几行是一段文字；若内容本身以“|”“>”开头，请给整项内容加上引号。",
        "problem",
    ),
    ("flow sequence", "方括号“[ ]”没有配对。", "若内容本身以“[”开头，请给整项内容加上引号。", "context"),
    ("flow mapping", "花括号“{ }”没有配对。", "若内容本身以“{”开头，请给整项内容加上引号。", "context"),
    (
        "but found another document",
        "文件里有“---”或“...”分隔的第二份内容。",
        "{表单}只能有一份内容；请删去多余的“---”“...”行，或给以它们开头的内容加上引号。",
        "problem",
    ),
    (
        "did not find expected <document start>",
        "这一行的写法无法识别，前面的内容已经结束了。",
        "请检查这一行和上一行的缩进与冒号；{表单}由若干“名称: 内容”组成。",
        "problem",
    ),
    (
        "did not find expected node content",
        "这里缺少内容，或以特殊符号开头。",
        "请检查冒号和“- ”后面的内容；若内容以“[”“{”“,”等符号开头，请给整项内容加上引号。",
        "problem",
    ),
    ("found unexpected end of stream", "文件意外结束，可能有未配对的引号或括号。", "请检查最后几行的引号和括号。", "problem"),
]
_FALLBACK = ("这一行的写法无法识别。", "请对照 drafter init 生成的表单检查这一行和上一行的缩进、冒号和引号。")


def _fallback_hint() -> str:
    if _what() == "表单":
        return _FALLBACK[1]
    return "请检查这一行和上一行的缩进、冒号和引号。"


# Characters that cannot start a value, and what to say about them.
_STARTERS = {"@": "“@”", "`": "“`”", "%": "“%”"}


def _mark_of(err: yaml.MarkedYAMLError, which: str) -> Any:
    first = err.context_mark if which == "context" else err.problem_mark
    return first or err.problem_mark or err.context_mark


def _char_at(lines: list[str], mark: Any) -> str:
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""


def _tab_lines(lines: list[str], last: int, file: str) -> list[Problem]:
    """Lines up to ``last`` (0-based) with a tab in their indentation, before any content."""
    out = []
    for i, line in enumerate(lines[: last + 1]):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        rest = line[len(lead) :]
        if "\t" in lead and rest and not rest.startswith("#"):
            out.append(Problem(Where(file, i + 1, lead.index("\t") + 1), f"{_what()}写法有误：{_TAB[0]}", _TAB[1]))
    return out


def _syntax_problems(err: yaml.MarkedYAMLError, text: str, file: str) -> list[Problem]:
    """libyaml's complaint in Chinese, at the line the clerk must change."""
    lines = text.split("\n")
    mark = err.problem_mark or err.context_mark
    tabs = _tab_lines(lines, mark.line if mark else len(lines), file)
    if tabs:
        return tabs[:MAX_LISTED]
    words = f"{err.context or ''} {err.problem or ''}"
    unclosed = _unclosed_quote(lines, mark.line if mark else len(lines) - 1)
    if unclosed is not None:
        return [
            Problem(
                Where(file, unclosed[0] + 1, unclosed[1] + 1),
                f"{_what()}写法有误：这一项开头的英文双引号没有配对（这一行里没有结束的引号），后面的行都会被读成这一项的内容。",
                "请在这一项末尾补上英文双引号，或删去开头的引号（中文文字不需要引号；要印出来的引号请用中文引号“”）。",
            )
        ]
    flow = _flow_then_text(lines, err)
    if flow is not None:
        return [
            Problem(
                Where(file, flow[0] + 1, flow[1] + 1),
                f"{_what()}写法有误：以“{lines[flow[0]][flow[1]]}”开头的内容后面还有文字，要给整项内容加上引号。",
                f'例如写成 "{lines[flow[0]][flow[1] :].strip()}"（英文双引号）。',
            )
        ]
    quoted = _quoted_then_text(lines, err)
    if quoted is not None:
        i, m = quoted
        fixed = "“" + m.group("inner") + "”" + m.group("rest").rstrip()
        return [
            Problem(
                Where(file, i + 1, m.start("open") + 1),
                f"{_what()}写法有误：这一项以英文引号开头，引号后面还有文字，引号里外会被拆开，读不成一段话。",
                f"要印在报告里的引号请用中文引号，写成：{fixed}；如果引号只是把这一项括起来，请把整项都放进引号里。",
            )
        ]
    if "cannot start any token" in words:
        ch = _char_at(lines, err.problem_mark)
        if ch == "\t":
            return [Problem(_where(file, err.problem_mark), f"{_what()}写法有误：{_TAB[0]}", _TAB[1])]
        if ch in _STARTERS:
            return [Problem(_where(file, err.problem_mark), f"{_what()}写法有误：内容不能以{_STARTERS[ch]}开头。", _QUOTE_IT)]
    if any(w in words for w in _ALIGNMENT_WORDS):
        off = _misaligned(lines, mark.line if mark else len(lines) - 1)
        if off is not None:
            return [Problem(Where(file, off[0] + 1, off[1] + 1), *_alignment_message(lines, *off))]
    for needle, message, hint, which in _HINTS:
        if needle in words:
            return [Problem(_where(file, _mark_of(err, which)), f"{_what()}写法有误：{_said(message)}", _said(hint))]
    return [Problem(_where(file, mark), f"{_what()}写法有误：{_FALLBACK[0]}", _fallback_hint())]


# a value that opens with a double quote ("…, - "…): where it closes is where YAML's reading of it ends
_OPEN_QUOTE = lazy_re(r"^[ ]*(?:-[ ]+)*(?:[^\s#'\"][^#'\"]*?:[ ]+)?(?P<open>\")")


def _unclosed_quote(lines: list[str], at: int) -> tuple[int, int] | None:
    """(line, column) of the last value before line ``at`` that opens a double quote and does
    not close it on its own line: the quote runs on to the next one, many lines down, and
    libyaml's complaint falls there."""
    found = None
    k = 0
    while k < min(at, len(lines)):
        m = _OPEN_QUOTE.match(lines[k])
        if m and not _closes(lines[k], m.end("open")):
            # the quoted text runs until a line that closes it: what comes after is read anew
            found = (k, m.start("open"))
            j = k + 1
            while j < len(lines) and not _closes(lines[j], 0):
                j += 1
            if j < at:
                found = None  # closed before the complaint: a value over several lines, not the cause
            k = j + 1
            continue
        k += 1
    return found


def _closes(line: str, start: int) -> bool:
    """Does ``line`` hold, from ``start`` on, a double quote not escaped with a backslash?"""
    i = start
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == '"':
            return True
        i += 1
    return False


# libyaml's words for a line it could not place: where the cause is a line indented unlike
# the lines it belongs with, that is what the clerk is told, at that line.
_ALIGNMENT_WORDS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "block sequence entries are not allowed",
)
_KEY_LINE = lazy_re(r"(?P<dash>(?:-[ ]+)*)(?P<key>[^\s#:'\"\[\]{}|>&*!%@`-][^:#]*?)?:(?:[ ]|$)")


def _content(line: str) -> bool:
    rest = line.strip()
    return bool(rest) and not rest.startswith("#")


def _columns(line: str) -> tuple[int, int, bool]:
    """(where the line begins, where its key begins after any “- ”, whether it opens a list item)."""
    indent = len(line) - len(line.lstrip(" "))
    m = _KEY_LINE.match(line, indent)
    dash = len(m.group("dash")) if m else (2 if line[indent:].startswith("- ") else 0)
    return indent, indent + dash, dash > 0


def _misaligned(lines: list[str], at: int) -> tuple[int, int, int] | None:
    """(line, its indentation, the previous content line) of the first of lines ``at`` and
    ``at + 1`` that lines up with none of the lines it may belong with: the key of the line
    before it (a sibling), the key or “- ” of a line less indented above it (an ancestor), or
    deeper than the line before when that one ends in a colon (its first child)."""
    for i in (at, at + 1):
        if i >= len(lines) or not _content(lines[i]) or "\t" in lines[i][: len(lines[i]) - len(lines[i].lstrip())]:
            continue
        j = next((k for k in range(i - 1, -1, -1) if _content(lines[k])), None)
        if j is None:
            continue
        indent, key, dashed = _columns(lines[i])
        p_indent, p_key, p_dashed = _columns(lines[j])
        if lines[j].rstrip().endswith(":") and indent > p_key:
            continue  # the first child of a key that opens a block
        fits = {p_key: False}  # column → whether only a “- ” may stand there
        if p_dashed:
            fits[p_indent] = True
        level = p_indent
        for k in range(j - 1, -1, -1):
            if not _content(lines[k]):
                continue
            k_indent, k_key, k_dashed = _columns(lines[k])
            if k_indent < level:
                fits.setdefault(k_key, False)
                if k_dashed:
                    fits[k_indent] = True
                level = k_indent
                if level == 0:
                    break
        fits.setdefault(0, False)
        if indent in fits and (dashed or not fits[indent]):
            continue
        if dashed and key in fits and not fits.get(key, False) and indent + 2 == key:
            continue
        return i, indent, j
    return None


def _alignment_message(lines: list[str], i: int, indent: int, j: int) -> tuple[str, str]:
    """What is wrong with line ``i``'s indentation, and how to mend it, naming the line before."""
    p_indent, p_key, _ = _columns(lines[j])
    m = _KEY_LINE.match(lines[j], p_indent)
    name = (m.group("key") or "").strip() if m else ""
    said = f"上一行（第 {j + 1} 行）的“{name}”" if name else f"上一行（第 {j + 1} 行）"
    return (
        f"这一行的缩进不对：行首有 {indent} 个空格，和上面的行对不齐。",
        f"{said}前面有 {p_key} 个空格。同一层的各项要左对齐；写在某一项下面的内容比它多缩进两个空格。请按上面的行调整这一行行首的空格。",
    )


_FLOW_THEN_TEXT = r"^\s*(?:-\s+|[^\s#'\"][^:#]*:\s+)(?P<open>[{\[])[^{}\[\]]*[}\]][ ]*[^\s#,}\]]"


def _flow_then_text(lines: list[str], err: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """(line, column) of a value that opens with { or [ and goes on after its closing
    bracket (- {受理}件): YAML reads a collection there, then trips over the text."""
    marks = [m.line for m in (err.context_mark, err.problem_mark) if m is not None]
    for i in sorted({j for m in marks for j in (m - 1, m) if 0 <= j < len(lines)}):
        m = re.match(_FLOW_THEN_TEXT, lines[i])
        if m:
            return i, m.start("open")
    return None


# A value that opens with a straight quote and goes on after the closing one ("扫码入企"制度全面推行):
# YAML takes the quoted part for the whole value and trips over the rest.
_QUOTED_THEN_TEXT = lazy_re(
    r"^\s*(?:-\s+|[^\s#'\"][^:#]*:\s+)(?P<open>[\"'])(?P<inner>[^\"'\n]*)(?P=open)"
    r"(?P<rest>[ ]*[^\s#,}\]].*)$"
)


def _quoted_then_text(lines: list[str], err: yaml.MarkedYAMLError) -> tuple[int, re.Match[str]] | None:
    """(line, match) of a value that opens with a straight quote and goes on after it."""
    marks = [m.line for m in (err.context_mark, err.problem_mark) if m is not None]
    for i in sorted({j for m in marks for j in (m - 1, m) if 0 <= j < len(lines)}):
        m = _QUOTED_THEN_TEXT.match(lines[i])
        if m:
            return i, m
    return None


def _where(file: str, mark: Any, field: str | None = None) -> Where:
    if mark is None:
        return Where(file, field=field)
    return Where(file, mark.line + 1, mark.column + 1, field)


# A key written with the full-width colon, where a key is expected: "单位：某县", "数据：";
# or with a half-width colon and then a full-width space (U+3000), which YAML reads as no
# space at all: "按期办结:　921" (key and value one word, and the line no mapping).
# (Patterns only the error paths use stay strings: re compiles them on first use.)
_KEY = r"[ ]*(?:-[ ]+)*[^\s:：#'\"\[\]{}|>&*!%@`,-][^\s:：#]{0,29}"
_WIDE_KEY = _KEY + "："
_WIDE_SPACE = _KEY + ":[\u3000\u00a0]"
_WIDE = {
    "：": (
        "名称后面用了全角冒号“：”。",
        "请改成半角冒号加一个空格“: ”（在英文输入法下输入冒号，再空一格）。",
    ),
    ":\u3000": (
        "冒号后面空的是全角空格，这一行读不成“名称: 内容”。",
        "请把冒号后面的全角空格换成一个半角空格（在英文输入法下按空格键），写成“名称: 内容”。",
    ),
    ":\u00a0": (  # a no-break space, pasted from a web page or Word
        "冒号后面空的是一个特殊空格（不换行空格，多半是从网页或 Word 复制来的），这一行读不成“名称: 内容”。",
        "请删去冒号后面的空格，重新用键盘输入一个半角空格，写成“名称: 内容”。",
    ),
}


def _wide_colon(err: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str] | None:
    """The 0-based line whose full-width colon after a key (or full-width space after its
    colon) made libyaml fail, and which of the two, if any: the line where the bad simple
    key began, else one of the last few written lines up to where libyaml stopped (a plain
    value may run on over the next lines)."""
    if not any(w in (err.problem or "") for w in ("expected ':'", "mapping values are not allowed")):
        return None
    mark = err.context_mark if "simple key" in (err.context or "") else err.problem_mark
    if mark is None:
        return None
    looked = 0
    for i in range(min(mark.line, len(lines) - 1), -1, -1):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if re.match(_WIDE_KEY, lines[i]):
            return i, "："
        if wide := re.match(_WIDE_SPACE, lines[i]):
            return i, wide.group()[-2:]
        looked += 1
        if looked == 3:
            break
    return None


def _compose(text: str, file: str, problems: list[Problem]) -> tuple[yaml.Node | None, str]:
    """The node tree of ``text`` and the text it was composed from. A full-width colon after
    a key (or a full-width space after its colon) is reported and mended so the rest is read;
    any other syntax problem stops here with everything found so far."""
    lines = text.split("\n")
    for _ in range(MAX_LISTED + 1):
        try:
            mended = "\n".join(lines)
            return yaml.compose(mended, Loader=_Loader), mended
        except yaml.MarkedYAMLError as err:
            wide = _wide_colon(err, lines)
            if wide is None:
                raise FormError(problems + _syntax_problems(err, "\n".join(lines), file)) from None
            at, mark = wide
            column = lines[at].index(mark)
            message, hint = _WIDE[mark]
            problems.append(Problem(Where(file, at + 1, column + 1), f"{_what()}写法有误：{message}", hint))
            lines[at] = lines[at][:column] + ": " + lines[at][column + len(mark) :]
        except RecursionError:  # the pure-Python composer on deep nesting
            raise FormError(
                problems + [Problem(Where(file, *_deepest(lines)), f"{_what()}写法有误：{_DEEP[0]}", _said(_DEEP[1]))]
            ) from None
        except yaml.YAMLError:  # pragma: no cover - libyaml marks every problem it reports
            raise FormError(problems + [Problem(Where(file), f"{_what()}写法有误：{_FALLBACK[0]}", _fallback_hint())]) from None
    raise FormError(problems)  # more full-width colons than are worth listing


def _deepest(lines: list[str]) -> tuple[int, int]:
    """Where brackets or indentation first go deeper than MAX_DEPTH (rough: ignores quotes)."""
    depth = 0
    for i, line in enumerate(lines):
        if len(line) - len(line.lstrip(" ")) > 2 * MAX_DEPTH:
            return i + 1, 1
        for j, ch in enumerate(line):
            depth += (ch in "[{") - (ch in "]}")
            if depth > MAX_DEPTH:
                return i + 1, j + 1
    return 1, 1


# -- values ---------------------------------------------------------------------------

_T = "tag:yaml.org,2002:"
_TEXT_TAGS = {_T + "str", _T + "value", "!"}  # "=" alone resolves to !!value: it is text
_CONSTRUCT = {
    _T + name: yaml.constructor.SafeConstructor.yaml_constructors[_T + name] for name in ("null", "bool", "int", "float", "timestamp")
}
_DATE_LIKE = r"\d{4}-\d{1,2}-\d{1,2}"
_MERGE = _T + "merge"
_INT = _T + "int"
_FLOAT = _T + "float"


def _short(value: str) -> str:
    return value if len(value) <= 20 else value[:20] + "……"


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


class _TooMany(Exception):
    """Alias expansion (or the file itself) went past MAX_NODES values."""

    def __init__(self, alias: yaml.Node | None):
        super().__init__()
        self.alias = alias  # the outermost repeated node being expanded, if any


class _AliasUses:
    """Where each alias (*名称) stands, in the order written, by the anchor it names. The
    composed tree shares the anchored node at every use, and that node remembers only where
    the anchor stood: a problem in what an alias brings is said where the alias is used.
    Found by reading the file's events again, only when a form has an alias at all."""

    def __init__(self, text: str):
        self._text = text
        self._names: dict[tuple[int, int], str] = {}  # where an anchored node starts → its name
        self._uses: dict[str, deque[tuple[int, int]]] | None = None

    def next_use(self, node: yaml.Node) -> tuple[int, int] | None:
        """The place (line, column) of the next use of ``node``'s anchor not yet taken."""
        if self._uses is None:
            self._uses = {}
            for event in yaml.parse(self._text, Loader=_Loader):
                anchor, at = getattr(event, "anchor", None), event.start_mark
                if anchor is None or at is None:
                    continue
                if isinstance(event, yaml.AliasEvent):
                    self._uses.setdefault(anchor, deque()).append((at.line + 1, at.column + 1))
                else:
                    self._names[(at.line, at.column)] = anchor
        mark = node.start_mark
        uses = self._uses.get(self._names.get((mark.line, mark.column), ""))
        return uses.popleft() if uses else None


class _Converter:
    def __init__(self, file: str, problems: list[Problem], plain: bool = False, aliases: _AliasUses | None = None):
        self.file = file
        self.aliases = aliases
        self._met: set[int] = set()  # every node met, scalars too: meeting one again is an alias use
        self._used_at: tuple[int, int] | None = None  # where the alias being expanded stands
        self.plain = plain  # the file has no escape and no character to make ordinary
        self.stood_in = False  # _unreadable stood U+200B in for characters it reported
        self.values: dict[PathT, tuple[int, int]] = {}
        self.keys: dict[PathT, tuple[int, int]] = {}
        self.raw: dict[PathT, str] = {}  # path → the source text of a value YAML read as other than text
        self.problems = problems
        self._constructor = yaml.constructor.SafeConstructor()
        self._count = 0
        self._seen: set[int] = set()  # nodes converted once: meeting one again is an alias
        self._open: set[int] = set()  # collections on the current path: meeting one is a cycle
        self._alias: yaml.Node | None = None  # the outermost alias being expanded

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        """Where ``node`` is written: inside what an alias brings, where the alias is."""
        if self._used_at is not None:
            return self._used_at
        return node.start_mark.line + 1, node.start_mark.column + 1

    def problem(self, node: yaml.Node, path: PathT, message: str, hint: str) -> None:
        self.problems.append(Problem(Where(self.file, *self.mark(node), path_text(path) or None), message, hint))

    def convert(self, node: yaml.Node, path: PathT) -> Any:
        if self._used_at is None and self.aliases is not None and id(node) in self._met:
            self._used_at = self.aliases.next_use(node)
            try:
                return self._convert(node, path)
            finally:
                self._used_at = None
        self._met.add(id(node))
        return self._convert(node, path)

    def _pass_alias(self, node: yaml.Node) -> None:
        """Take the place of an alias use that is not converted (a key, a value skipped), so
        that the next use of its anchor is found where it stands."""
        if self._used_at is None and self.aliases is not None:
            if id(node) in self._met:
                self.aliases.next_use(node)
            else:
                self._met.add(id(node))

    def _convert(self, node: yaml.Node, path: PathT) -> Any:
        self.values[path] = self.mark(node)
        self._count += 1
        if self._count > MAX_NODES:
            raise _TooMany(self._alias)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _TEXT_TAGS:
                self.raw[path] = node.value  # as typed: a text field takes 2025, not 2025.0
            return self.scalar(node, path)
        if len(path) >= MAX_DEPTH:
            self.problems.append(
                Problem(Where(self.file, *self.mark(node), path_text(path[:4]) + "……"), f"{_what()}写法有误：{_DEEP[0]}", _said(_DEEP[1]))
            )
            return BAD
        if id(node) in self._open:
            self.problem(node, path, "这里用“&名称”标出的内容被它自己里面的“*名称”引用了，会无限展开。", "请把引用换成实际的内容。")
            return BAD
        if node.tag not in (_T + "map", _T + "seq"):
            self.problem(node, path, f"{_what()}里不能用“{_tag_name(node.tag)}”这样的类型标记。", "请删去这个标记，直接写内容。")
            return BAD
        return self.collection(node, path)

    def collection(self, node: yaml.Node, path: PathT) -> Any:
        repeated = id(node) in self._seen
        outer = self._alias
        if repeated and outer is None:
            self._alias = node
        self._seen.add(id(node))
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
            return self.mapping(node, path)
        finally:
            self._open.discard(id(node))
            self._alias = outer

    def mapping(self, node: yaml.Node, path: PathT) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            self._pass_alias(key_node)  # a key is read as text where it stands
            key = self.key(key_node, path)
            if key is None:
                self._pass_alias(value_node)
                continue
            child = path + (key,)
            if key in out:
                self._pass_alias(value_node)
                first = self.keys[child]
                self.problem(
                    key_node,
                    child,
                    f"“{key}”这一项重复出现（第一次在第 {first[0]} 行）。",
                    "同一层的每一项只能写一次，请删除或合并其中一处。",
                )
                continue
            self.keys[child] = self.mark(key_node)
            out[key] = self.convert(value_node, child)
        return out

    def key(self, node: yaml.Node, path: PathT) -> str | None:
        """A mapping key as text, or None when it is not one (reported)."""
        if node.tag == _MERGE:
            self.problem(node, path, f"{_what()}中不支持合并写法“<<”。", "请把要合并的内容直接写出来。")
            return None
        key = self.scalar(node, path) if isinstance(node, yaml.ScalarNode) else None
        if key is BAD:
            return None
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            self.problem(node, path, "这一项的名称不是简单的文字。", "每项应写成“名称: 内容”的形式。")
            return None
        return str(key)

    def scalar(self, node: yaml.Node, path: PathT) -> Any:
        tag, value = node.tag, node.value
        if tag in _TEXT_TAGS:
            return value if self.plain else self.text(node, path, value)
        if tag == _INT and value.isascii() and value.isdigit() and value[0] != "0" and len(value) < 19:
            return int(value)  # the common case, without the constructor's sign and base handling
        if tag in (_INT, _FLOAT) and self.other_value(node, path, value):
            return BAD
        build = _CONSTRUCT.get(tag)
        if build is not None and tag in (_INT, _FLOAT) and not value.isascii():
            # Python's int() and float() take ²-free Unicode digits (１２, ١٢) that no plain
            # number in YAML is read from; ² itself is a ValueError. Either way: not a number.
            self.problem(
                node,
                path,
                f"“{_short(value)}”不能按“{_tag_name(tag)}”读取：数字要用半角的 0—9。",
                "请把数字改成半角数字（如 12），并删去“!!”开头的类型标记。",
            )
            return BAD
        if build is None:
            self.problem(
                node,
                path,
                f"{_what()}里不能用“{_tag_name(node.tag)}”这样的类型标记。",
                "请删去这个标记，直接写内容；若内容本身以“!”开头，请给整项内容加上引号。",
            )
            return BAD
        try:
            value = build(self._constructor, node)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError, yaml.YAMLError):
            return self.unreadable(node, path)  # IndexError: libyaml's int reader on “!!int _”
        if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:  # 0x followed by thousands of f
            return self.unreadable(node, path)
        return value

    def other_value(self, node: yaml.Node, path: PathT, value: str) -> bool:
        """YAML 1.1 reads 010 and 0012 as octal (8, 10) and 1:30 as base 60 (90): a number
        written so is reported (True), never read as a value the clerk did not write."""
        digits = value.lstrip("+-")
        colon = ":" in value
        based = re.fullmatch(r"0[xXbBoO][0-9a-fA-F_]+", digits)
        mark = node.start_mark
        # read as a number by YAML's own rules, not written !!int "…" on purpose
        plain_tag = not getattr(node, "style", None) and not (mark.buffer and mark.buffer[mark.pointer : mark.pointer + 1] == "!")
        # (0_12 is octal to YAML: said below, with what it would be read as)
        grouped = "_" in digits and re.fullmatch(r"(?:[1-9][0-9_]*|0)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+", digits)
        if (based or grouped) and not colon and len(digits) <= 20 and plain_tag:
            # 0x1A, 0b11, 1_000, 4_6.8: YAML reads them as 26, 3, 1000, 46.8; no report writes a figure so
            shown = _short(value)
            self.problem(
                node,
                path,
                f"“{shown}”不是报告里写数字的写法，会被读成另一个数。",
                f"请只用 0—9 写数字（不加下划线、不写 0x、0b 这样的前缀）；若是编号等文字，请加上引号（如 '{shown}'）。",
            )
            return True
        if not colon and not re.fullmatch(r"0[0-9_]+", digits):
            return False
        try:
            read = _CONSTRUCT[node.tag](self._constructor, node)
        except (ValueError, TypeError, ArithmeticError, yaml.YAMLError):
            read = None
        shown = _short(value)
        quote = f"若是编号、时间等文字，请给整项内容加上引号（如 '{shown}'）。"
        if colon:
            said = ""
            if isinstance(read, (int, float)) and abs(read) < 1e15:
                said = f"，会被读成 {int(read) if float(read).is_integer() else read}"
            self.problem(
                node, path, f"“{shown}”中间有冒号{said}：这种写法会被当作六十进制的数。", "数字里不能有冒号：若是数字，请只写数字；" + quote
            )
            return True
        plain = value[: len(value) - len(digits)] + (digits.lstrip("0_").replace("_", "") or "0")
        if read is not None and read != int(plain):
            message = f"数字“{shown}”以 0 开头，会被读成 {read}，而不是 {plain}。"
        else:
            message = f"数字“{shown}”以 0 开头，这种写法容易被读成另一个数。"
        self.problem(node, path, message, f"若是数字，请去掉开头的 0（写成 {plain}）；" + quote)
        return True

    def unreadable(self, node: yaml.Node, path: PathT) -> Any:
        """A scalar its type cannot read: an impossible date stays text for its field to
        judge; a number too long or a value that does not fit its tag is a problem."""
        value = self.text(node, path, node.value)
        if node.tag == _T + "timestamp" and re.match(_DATE_LIKE, value):
            return value
        shown = _short(value)
        digits = value.lstrip("+-").replace("_", "")
        if node.tag == _T + "int" and (digits.isascii() and digits.isdigit() or re.fullmatch(r"0[xob][0-9a-fA-F]+", digits)):
            self.problem(node, path, f"数字“{shown}”太长了（{len(value)} 位）。", "请核对这个数字。")
        else:
            self.problem(node, path, f"“{shown}”不能按“{_tag_name(node.tag)}”读取。", "请删去“!!”开头的标记，直接写内容。")
        return BAD

    def invisible(self, node: yaml.Node, path: PathT, value: str) -> None:
        """A form's text with characters that show nothing (typography.INVISIBLE): quiet()
        drops them, and the clerk is reminded where they were (as check does for a report).
        The stand-ins for characters reported as unreadable are not counted again."""
        found = [ch for ch in INVISIBLE.findall(value) if not (self.stood_in and ch == _STAND_IN)]
        if found:
            names = "、".join(dict.fromkeys(invisible_name(ch) for ch in found[:5]))
            self.problems.append(
                Problem(
                    Where(self.file, *self.mark(node), path_text(path) or None),
                    f"这一项里有 {len(found)} 个不可见字符：{names}，生成报告时已删去。",
                    "它们多是从网页或其他文件复制文字时带进来的，可以删掉这一项重新输入。",
                    "提醒",
                    "不可见字符",
                )
            )

    def text(self, node: yaml.Node, path: PathT, value: str) -> str:
        """Text made ordinary (quiet), with a character Word cannot take reported and dropped."""
        if _what() == "表单":
            self.invisible(node, path, value)
        value = quiet(value)
        bad = INVALID.search(value)
        if bad:
            name = describe(bad.group())
            said = "。" if "文档" in name else "，它不能写进 Word 文档。"
            self.problem(node, path, f"这里有一个{name}{said}", _CHAR_HINT)
            value = strip_invalid(value)
        return value


def _too_many(err: _TooMany, text: str, file: str) -> Problem:
    """Billion laughs: name the first place that refers to the anchor being expanded."""
    if err.alias is None:
        return Problem(Where(file), f"{_what()}太大：超过 {MAX_NODES} 项内容。", f"请检查是否误把别的文件当成了{_what()}。")
    mark = err.alias.start_mark
    assert mark is not None  # a composed node always has its mark
    anchor_at = (mark.line, mark.column)
    name, place = None, (mark.line + 1, mark.column + 1)
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        at = event.start_mark
        if anchor is None or at is None:
            continue
        if isinstance(event, yaml.AliasEvent):
            if anchor == name:
                place = (at.line + 1, at.column + 1)
                break
        elif (at.line, at.column) == anchor_at:
            name = anchor
    return Problem(
        Where(file, *place),
        f"这里的引用（*{name or '名称'}）层层展开后超过 {MAX_NODES} 项内容。",
        f"{_what()}里不需要“&”标记和“*”引用；请把内容直接写出来。",
    )


def load_text(text: str, file: str = "<表单>", what: str = "表单") -> Source:
    """Parse YAML text. Syntax problems raise a FormError with every problem found so far;
    the others stay on the Source (see its ``data``). ``what`` names the file in messages."""
    token = _WHAT.set(what)
    try:
        return _load_text(text, file)
    finally:
        _WHAT.reset(token)


def _load_text(text: str, file: str) -> Source:
    problems: list[Problem] = []
    text = text.removeprefix("\ufeff")  # the file's own mark (read_text drops it; a text given whole may have it)
    text = _unreadable(text.replace("\r\n", "\n").replace("\r", "\n"), file, problems)
    stood_in = bool(problems)  # unreadable characters were reported and stood in for
    node, composed = _compose(text, file, problems)
    if node is None:
        return Source({}, file, problems=problems)
    plain = "\\" not in text and not INVALID.search(text) and quiet(text) == text
    conv = _Converter(file, problems, plain, _AliasUses(composed))
    conv.stood_in = stood_in
    try:
        data = conv.convert(node, ())
    except _TooMany as err:
        raise FormError(problems + [_too_many(err, text, file)]) from None
    src = Source(data, file, conv.values, conv.keys, problems)
    src.raw = conv.raw
    src.text = text  # its comments: a note drafter wrote beside a value (form/spec.DATE_NOTE)
    return src


def read_text(path: str | Path, what: str = "表单") -> str:
    """Read a UTF-8 text file, with a clear message for the usual failures (a folder, a
    device or pipe, a file far too big to be ``what``)."""
    from drafter.files.inputs import read_bytes

    p = Path(path)
    raw = read_bytes(p, MAX_FORM_BYTES, what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 3 and raw[1:4:2] == b"\0\0"):
            # Notepad's “Unicode” is UTF-16 (with its mark, or ASCII-heavy with every other byte 0)
            raise InputFileError(
                "文件是 UTF-16 编码，不是 UTF-8。", "请用记事本打开它，“另存为”时在“编码”中选择 UTF-8 后再运行。", Where(str(p))
            ) from None
        line = raw[: err.start].count(b"\n") + 1
        raise InputFileError(
            "文件不是 UTF-8 编码（可能是用记事本或 WPS 存成了 GBK/ANSI）。", "请用“另存为”选择 UTF-8 编码后再运行。", Where(str(p), line)
        ) from None


def load_file(path: str | Path, what: str = "表单") -> Source:
    return load_text(read_text(path, what), str(path), what)


def as_date(value: Any) -> dt.date | None:
    """YAML gives dates as ``date``; accept 2026-02-06, 2026/2/6 and 2026年2月6日 text too."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None
