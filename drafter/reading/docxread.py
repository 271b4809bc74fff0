"""Read the paragraphs of a .docx as Word shows them, streaming its main part.

What a Word user writes is read, not only plain runs: tables (one line a row, the cells
joined by an ideographic space), text boxes (once: the DrawingML choice, not its VML
fallback), the accepted view of tracked changes (insertions and moves' destinations kept,
deletions and moves' sources dropped), content controls, and fields' results (never their
codes). Automatic numbering is rendered from numbering.xml (一、 （一） 1. as Word shows
them), and each paragraph carries what its style says: an outline level (a heading) or
body text (see ``Line``), so the parser need not guess from the text alone.

The main part is read with lxml's iterparse and every element is dropped once read, so time
is linear in the part's size and memory is bounded by its largest paragraph; the part's
unpacked size is capped (source.MAX_DOCUMENT_XML) before reading starts.
"""

from __future__ import annotations

import re
import zipfile

from lxml import etree

from drafter.files.bounds import DOCX_AUX as MAX_AUX, STYLE_DEPTH as MAX_STYLE_DEPTH
from drafter.files.patterns import lazy_re
from drafter.files.xmltext import drop_invalid
from drafter.model.report import PART_MARKS, SEAL_MARK, THEME_MARK

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# ISO/IEC 29500 Strict names WordprocessingML otherwise; its parts are read as transitional
# ones, the namespace renamed in the bytes as they are read (``_Renamed``).
STRICT_URI = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
TRANSITIONAL_URI = W[1:-1].encode()
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CELL_JOIN = "\u3000"  # between a table row's cells: a space the parser reads as one

_BODY_STYLE = lazy_re(r"body ?text|正文", re.IGNORECASE)
_HEADING_NAME = lazy_re(r"^(?:heading|标题) ?([1-9])$", re.IGNORECASE)


_MARKED = {name: part for part, name in PART_MARKS.items()}


class Line(str):
    """A paragraph's text with what the document says about it: ``level`` is its outline
    level as a heading (1 the top), 0 when its style or its place (a table row) says it is
    body text, None when the document says nothing; ``table`` marks a table row;
    ``run_in`` says the heading level came from a heading character style on its first
    words (a run-in heading: the paragraph's text goes on after it)."""

    level: int | None = None
    table = False
    run_in = False
    part: str | None = None  # the part drafter marked this heading as (report.PART_MARKS)
    theme: str | None = None  # the theme drafter marked this heading as (report.THEME_MARK)
    merge = False  # the paragraph goes on the one before it (a paragraph mark hidden in Word)
    boxed = False  # read from a text box (floating beside its anchor paragraph, not in the flow)
    auto_number = ""  # the number Word's automatic numbering shows before the text, if any
    list_level: int | None = None  # that numbering's level in its list (0 the top), if numbered
    sealed = False  # drafter's mark of a sealed report's signature (report.SEAL_MARK)
    notes = 0  # footnotes and endnotes referred to from the paragraph (their text is not read)


class NotWordDocument(Exception):
    """The main part's root is not a WordprocessingML w:document (an HTML page, another
    vocabulary renamed .docx): there is no Word document to read."""


class DocumentTypeDeclared(Exception):
    """The main part declares a document type, which Word never writes."""


def _safe_parser(**kw) -> dict:
    kw.setdefault("huge_tree", False)
    return dict(resolve_entities=False, no_network=True, load_dtd=False, **kw)


class _Renamed:
    """A file object reading ``raw`` with the Strict WordprocessingML namespace renamed to
    the transitional one (same length is not needed: the tail that could hold the start of
    a name is kept back until the next read)."""

    def __init__(self, raw):
        self.raw = raw
        self.held = b""

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size if size and size > 0 else 2**16)
        if not chunk:
            out, self.held = self.held, b""
            return out
        data = (self.held + chunk).replace(STRICT_URI, TRANSITIONAL_URI)
        keep = len(STRICT_URI) - 1
        self.held, out = data[-keep:], data[:-keep]
        return out or self.read(size)


def renamed(data: bytes) -> bytes:
    return data.replace(STRICT_URI, TRANSITIONAL_URI)


# -- styles ----------------------------------------------------------------------------------------
class Styles:
    """What the paragraph and character styles say about level: the outline level a style
    gives (following basedOn), whether it is a body-text style, its numbering, and which
    character styles belong to a heading style."""

    def __init__(self, root=None):
        self.para: dict[str, dict] = {}
        self.char: dict[str, dict] = {}
        self.default_para: str | None = None
        self.default_hidden = False  # w:docDefaults hides every run (never seen, but Word would)
        self._hidden: dict[tuple[str | None, str | None], bool] = {}
        if root is None:
            return
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}vanish")
        self.default_hidden = defaults is not None and _on(defaults)
        for s in root.iter(f"{W}style"):
            sid = s.get(f"{W}styleId")
            if not sid:
                continue
            name = s.find(f"{W}name")
            info = {
                "name": name.get(f"{W}val", "") if name is not None else "",
                "based": _val(s.find(f"{W}basedOn")),
                "link": _val(s.find(f"{W}link")),
                "outline": None,
                "num": None,
            }
            vanish = s.find(f"{W}rPr/{W}vanish")
            info["vanish"] = None if vanish is None else _on(vanish)  # the style hides its text
            ppr = s.find(f"{W}pPr")
            if ppr is not None:
                info["outline"] = _int(_val(ppr.find(f"{W}outlineLvl")))
                info["num"] = _num_pr(ppr.find(f"{W}numPr"))
            kind = s.get(f"{W}type", "paragraph")
            if kind == "paragraph":
                self.para[sid] = info
                if s.get(f"{W}default") in ("1", "true", "on"):
                    self.default_para = sid
            elif kind == "character":
                self.char[sid] = info

    def _chain(self, sid: str | None, kind: str = "para") -> list[dict]:
        styles = self.para if kind == "para" else self.char
        out: list[dict] = []
        seen: set[str] = set()
        while sid and sid in styles and sid not in seen and len(out) < MAX_STYLE_DEPTH:
            seen.add(sid)
            out.append(styles[sid])
            sid = out[-1]["based"]
        return out

    def hidden(self, char: str | None, para: str | None) -> bool:
        """Whether Word hides a run that sets no w:vanish of its own: as its character style
        says (through basedOn), else its paragraph's style (the default one when none is
        named), else the document's defaults. Asked for every run: kept per pair of styles."""
        key = (char, para)
        if key not in self._hidden:
            found = next(
                (
                    info["vanish"]
                    for info in self._chain(char, "char") + self._chain(para or self.default_para)
                    if info.get("vanish") is not None
                ),
                self.default_hidden,
            )
            self._hidden[key] = found
        return self._hidden[key]

    def outline(self, sid: str | None) -> int | None:
        """The outline level (0-based, 9 = body text) the paragraph style gives, if any."""
        for info in self._chain(sid):
            if info["outline"] is not None:
                return info["outline"]
            m = _HEADING_NAME.match(info["name"])
            if m:
                return int(m.group(1)) - 1
        return None

    def body(self, sid: str | None) -> bool:
        """Whether the style is named as body text (Word's 正文文本/Body Text, drafter's
        公文正文); the document's default style (Normal, shown as 正文) does not count, as
        hand-typed headings are written in it."""
        return any(_BODY_STYLE.search(info["name"]) for info in self._chain(sid) if info is not self.para.get(self.default_para or ""))

    def numbering(self, sid: str | None) -> tuple[str | None, int | None] | None:
        for info in self._chain(sid):
            if info["num"] is not None:
                return info["num"]
        return None

    def char_outline(self, sid: str | None) -> int | None:
        """The outline level of the heading style a character style belongs to (w:link,
        or Word's convention of naming it after the paragraph style plus “Char”)."""
        info = self.char.get(sid or "")
        if info is None:
            return None
        para = info["link"] or (sid[:-4] if sid and sid.endswith("Char") else None)
        if para in self.para:
            level = self.outline(para)
            return level if level is not None and level < 9 else None
        return None


def _hidden(runs: list[list], styles: Styles, para: _Para) -> bool:
    """Is the text of the innermost open run hidden (its own w:vanish, else its styles')?"""
    if not runs:
        return styles.hidden(None, para.style)
    own, char = runs[-1][:2]
    return own if own is not None else styles.hidden(char, para.style)


# A note's mark set raised after a figure or a word (151¹件, 办法*): not part of the text,
# which Word shows as 151 with a mark above it (read on, 151¹件 would be 1511件).
_MARK = re.compile(r"[0-9*†‡§#⁰¹²³⁴-⁹①-⑳]{1,3}|[\[［(（]?注?[0-9①-⑳]{1,3}[\]］)）]?")  # ¹, [1], （1）, 注1
_BEFORE_MARK = re.compile(r"[0-9\u3400-\u9fff）)”》]$")


def _note_mark(runs: list[list], text: str, parts: list[str]) -> bool:
    """Is ``text`` of the innermost run a note's mark: the mark a footnote reference says
    follows it, or a short raised one right after a figure or a Chinese word (not m² or x₁)?"""
    if not runs:
        return False
    run = runs[-1]
    if run[3]:
        run[3] = False
        return True
    return bool(run[2] and _MARK.fullmatch(text) and parts and _BEFORE_MARK.search(parts[-1]))


def _on_attr(el, name: str) -> bool:
    """A boolean attribute of ``el`` (w:customMarkFollows) that is on."""
    return (el.get(f"{W}{name}") or "false").lower() in ("1", "true", "on")


def _on(el) -> bool:
    """A toggle property (w:vanish, w:showingPlcHdr): on unless its w:val says off."""
    return (el.get(f"{W}val") or "true").lower() not in ("0", "false", "off")


def _val(el) -> str | None:
    return el.get(f"{W}val") if el is not None else None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _num_pr(el) -> tuple[str | None, int | None] | None:
    if el is None:
        return None
    return _val(el.find(f"{W}numId")), _int(_val(el.find(f"{W}ilvl")))


# -- automatic numbering ---------------------------------------------------------------------------
_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_GAN = "甲乙丙丁戊己庚辛壬癸"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def chinese(n: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word counts in Chinese)."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = (
            "" if not rest else (digits[0] + digits[rest] if rest < 10 else (digits[1] if rest < 20 else "") + chinese(rest, digits, ten))
        )
        return digits[hundreds] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, mark in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + mark, n - value
    return out


def _letter(n: int) -> str:
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter's value in one of Word's number formats (ECMA-376 ST_NumberFormat)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "ideographDigital",
        "taiwaneseCountingThousand",
    ):
        return chinese(n)
    if fmt == "chineseLegalSimplified":
        return chinese(n, _LEGAL, "拾")
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("ideographTraditional",):
        return _GAN[(n - 1) % 10]
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal and anything unknown


class Numbering:
    """Word's automatic numbering: the text of each numbered paragraph's number, counted in
    document order (a level restarts after a higher level is used, unless lvlRestart says
    otherwise; a num with a startOverride starts again)."""

    def __init__(self, root=None):
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        linked: dict[str, str] = {}  # a list style's name → the abstract holding its levels
        following: dict[str, str] = {}  # an abstract that only points at a list style → its name
        for a in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in a.iter(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"))
                if ilvl is None or not 0 <= ilvl <= 8:
                    continue
                levels[ilvl] = {
                    "start": _int(_val(lvl.find(f"{W}start"))),
                    "fmt": _val(lvl.find(f"{W}numFmt")) or "decimal",
                    "text": _val(lvl.find(f"{W}lvlText")),
                    "restart": _int(_val(lvl.find(f"{W}lvlRestart"))),
                    "legal": lvl.find(f"{W}isLgl") is not None,
                    "suff": _val(lvl.find(f"{W}suff")) or "tab",
                }
            self.abstract[a.get(f"{W}abstractNumId", "")] = levels
            # a list defined through a list style: one abstract names the style (styleLink) and
            # holds the levels; another only points at it (numStyleLink) and uses them
            named, follows = _val(a.find(f"{W}styleLink")), _val(a.find(f"{W}numStyleLink"))
            if named:
                linked[named] = a.get(f"{W}abstractNumId", "")
            if follows:
                following[a.get(f"{W}abstractNumId", "")] = follows
        for num in root.iter(f"{W}num"):
            overrides = {}
            for o in num.iter(f"{W}lvlOverride"):
                start = _int(_val(o.find(f"{W}startOverride")))
                ilvl = _int(o.get(f"{W}ilvl"))
                if start is not None and ilvl is not None:
                    overrides[ilvl] = start
            abstract_id = _val(num.find(f"{W}abstractNumId")) or ""
            abstract_id = linked.get(following.get(abstract_id, ""), abstract_id)  # (its counters too)
            self.nums[num.get(f"{W}numId", "")] = (abstract_id, overrides)

    def text(self, num_id: str | None, ilvl: int | None) -> str:
        """The number Word shows for a paragraph of list ``num_id`` at level ``ilvl``, with the
        space its suffix stands for; '' for none (numId 0, bullets, unknown lists)."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        ilvl = min(max(ilvl or 0, 0), 8)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in overrides.items():  # a list started again from its override
                counters[k] = start - 1
        lvl = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else (lvl["start"] if lvl["start"] is not None else 1)
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, {}).get("restart")
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if lvl["fmt"] == "bullet" or lvl["text"] is None:
            return ""

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            at = levels.get(k, {})
            start = at.get("start")
            n = counters.get(k, start if start is not None else 1)
            return format_number(n, "decimal" if lvl["legal"] else at.get("fmt", "decimal"))

        shown = re.sub(r"%([1-9])", value, lvl["text"])
        if not shown:
            return ""
        return shown + ("" if lvl["suff"] == "nothing" else " ")


# -- the main part ---------------------------------------------------------------------------------
class _Para:
    """A paragraph being read."""

    __slots__ = (
        "parts",
        "style",
        "num",
        "outline",
        "char_level",
        "first_run",
        "merge",
        "part",
        "theme",
        "boxed",
        "framed",
        "sealed",
        "notes",
        "breaks",
    )

    def __init__(self):
        self.parts: list[str] = []
        self.style: str | None = None
        self.num: tuple[str | None, int | None] | None = None
        self.outline: int | None = None
        self.char_level: int | None = None
        self.first_run = True  # no text met yet: a character style here is the heading's
        self.merge = False  # its paragraph mark is a tracked deletion: it runs into the next
        self.part: str | None = None  # a part drafter marked with a hidden bookmark
        self.theme: str | None = None  # a theme drafter marked with a hidden bookmark
        self.boxed: list[Line] = []  # the lines of text boxes anchored in it: read after it
        self.framed = False  # in a frame (w:framePr): floating, read where it stands but not in the flow
        self.sealed = False  # holds drafter's mark of a sealed report's signature
        self.notes = 0  # footnotes and endnotes referred to from it (their text is not read)
        self.breaks: list[int] = []  # where its line breaks (Shift+Enter) stand in its text


# Elements whose whole content is not part of the accepted view of the text.
_SKIP = {
    f"{W}del",
    f"{W}moveFrom",
    f"{W}instrText",
    f"{W}delText",
    f"{W}delInstrText",
    f"{W}sdtPr",
    f"{MC}Fallback",
    f"{W}rPrChange",
    f"{W}pPrChange",
    f"{W}footnoteReference",
    f"{W}commentReference",
    f"{W}rt",  # a phonetic guide's small text above its base (拼音指南): not part of the line
}


def read_document(stream, styles: Styles, numbering: Numbering) -> list[Line]:
    """The lines of the main part read from ``stream`` (a file object)."""
    out: list[Line | _Table] = []
    paras: list[_Para] = []  # the open paragraphs (a text box's inside its anchor's)
    cells: list[list[Line]] = []  # the open table cells' paragraphs
    rows: list[list[list[Line]]] = []  # the open table rows' cells
    skip = 0  # depth inside an element whose content is not read
    fields: list[bool] = []  # open complex fields: True once their result has begun
    pending: Line | None = None  # a paragraph whose mark was deleted, to run into the next
    in_ppr = 0
    # the open runs: [its own w:vanish (None: not set), its character style, raised (superscript
    # or subscript), a note's own mark follows (w:customMarkFollows)]
    hidden: list[list] = []
    prompts: list[bool] = []  # the open content controls: True while showing their placeholder
    root = True
    # The part is bounded (source.MAX_DOCUMENT_XML) and may declare no document type, so
    # libxml2's limit on one text node (10 MB) guards nothing here: a paragraph of millions
    # of characters is read, and refused for its length by the reader's character limit.
    for event, el in etree.iterparse(_Renamed(stream), events=("start", "end"), **_safe_parser(huge_tree=True)):
        tag = el.tag
        if root:  # the internal subset, if any, has been read before the root starts
            root = False
            docinfo = el.getroottree().docinfo
            if docinfo.doctype or docinfo.internalDTD is not None:
                raise DocumentTypeDeclared()
            if tag != f"{W}document":
                raise NotWordDocument()
        if event == "start":
            if tag == f"{W}sdt":
                prompts.append(False)
            elif tag == f"{W}showingPlcHdr" and prompts:
                prompts[-1] = _on(el)  # 单击此处输入文字: a prompt, not the document's text
            if tag in (f"{W}footnoteReference", f"{W}endnoteReference") and hidden and _on_attr(el, "customMarkFollows"):
                hidden[-1][3] = True  # the note's mark is the text that follows in this run
            if tag in (f"{W}footnoteReference", f"{W}endnoteReference") and not skip and paras:
                paras[-1].notes += 1
            if tag in _SKIP:
                skip += 1
            elif skip:
                pass
            elif tag == f"{W}p":
                paras.append(_Para())
            elif tag == f"{W}r":
                hidden.append([None, None, False, False])
            elif tag in (f"{W}br", f"{W}cr") and paras and el.get(f"{W}type") in (None, "textWrapping"):
                paras[-1].breaks.append(sum(map(len, paras[-1].parts)))
            elif tag == f"{W}vertAlign" and hidden and not in_ppr:
                hidden[-1][2] = _val(el) in ("superscript", "subscript")
            elif tag == f"{W}position" and hidden and not in_ppr:
                hidden[-1][2] = (_int(_val(el)) or 0) != 0  # raised or lowered by 字符间距→位置
            elif tag in (f"{W}vanish", f"{W}specVanish") and hidden and not in_ppr:
                hidden[-1][0] = _on(el)  # hidden text: Word neither shows nor prints it
            elif tag == f"{W}pPr":
                in_ppr += 1
            elif tag == f"{W}tbl" and not cells:
                out.append(_Table())  # a table of the body (one inside a cell is part of the cell)
            elif tag == f"{W}tr":
                rows.append([])
            elif tag == f"{W}tc":
                cells.append([])
            elif tag == f"{W}fldChar" and paras:
                kind = el.get(f"{W}fldCharType")
                if kind == "begin":
                    fields.append(False)
                elif kind == "separate" and fields:
                    fields[-1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif paras:
                p = paras[-1]
                if in_ppr:
                    if tag == f"{W}pStyle":
                        p.style = el.get(f"{W}val")
                    elif tag == f"{W}numPr":
                        p.num = (None, None)
                    elif tag == f"{W}numId" and p.num is not None:
                        p.num = (el.get(f"{W}val"), p.num[1])
                    elif tag == f"{W}ilvl" and p.num is not None:
                        p.num = (p.num[0], _int(el.get(f"{W}val")))
                    elif tag == f"{W}outlineLvl":
                        p.outline = _int(el.get(f"{W}val"))
                    elif tag == f"{W}framePr":
                        p.framed = True  # a frame floats beside the text, as a text box does
                    elif tag in (f"{W}del", f"{W}moveFrom"):  # inside pPr/rPr: the paragraph mark is gone
                        p.merge = True
                elif tag == f"{W}rStyle":
                    if hidden:
                        hidden[-1][1] = el.get(f"{W}val")
                    if p.first_run:
                        p.char_level = styles.char_outline(el.get(f"{W}val"))
                elif tag == f"{W}bookmarkStart" and el.get(f"{W}name") == SEAL_MARK:
                    p.sealed = True
                elif tag == f"{W}bookmarkStart":
                    name = re.sub(r"_\d+$", "", el.get(f"{W}name") or "")  # _drafter_achievements_2
                    if name.startswith(THEME_MARK):
                        p.theme = p.theme or name[len(THEME_MARK) :]
                    elif p.part is None:
                        p.part = _MARKED.get(name)
            continue
        # end events
        if tag in _SKIP:
            skip -= 1
            if tag in (f"{W}del", f"{W}moveFrom") and in_ppr and paras:
                paras[-1].merge = True  # its mark deleted, or moved away with its text (Track Changes)
        elif skip:
            pass
        elif tag == f"{W}r" and hidden:
            hidden.pop()
        elif tag == f"{W}sdt" and prompts:
            prompts.pop()
        elif tag == f"{W}t" or tag == f"{M}t":  # m:t: the text of an equation, shown as written
            if paras and not (fields and not all(fields)) and el.text and not any(prompts) and not _hidden(hidden, styles, paras[-1]):
                if not _note_mark(hidden, el.text, paras[-1].parts):
                    paras[-1].parts.append(el.text)
                    paras[-1].first_run = False
        elif tag == f"{W}sym" and paras and not in_ppr and not (fields and not all(fields)) and not _hidden(hidden, styles, paras[-1]):
            # a character chosen from a symbol font (Insert › Symbol): Word shows a digit or a
            # mark of a figure (%, +, …) as that character; a letter of the font (Greek) stays out
            code = int(el.get(f"{W}char") or "0", 16) if re.fullmatch(r"[0-9A-Fa-f]{1,4}", el.get(f"{W}char") or "") else 0
            shown = chr(code - 0xF000 if code >= 0xF000 else code) if code else ""
            if shown and shown in _SYMBOL_KEPT:
                paras[-1].parts.append(shown)
        elif tag in (f"{W}tab", f"{W}ptab") and paras and not in_ppr:
            paras[-1].parts.append(" ")
        elif tag == f"{W}noBreakHyphen" and paras:
            paras[-1].parts.append("-")
        elif tag == f"{W}pPr":
            in_ppr -= 1
        elif tag == f"{W}p" and paras:
            para = paras.pop()
            line = _finish(para, styles, numbering)
            if para.framed and line:
                line.boxed = True
            if paras:
                # a paragraph of a text box, inside the paragraph it is anchored in: read after
                # that paragraph, so a box beside the 附注 or the date never comes between them
                if line:
                    line.boxed = True
                    paras[-1].boxed.append(line)
                paras[-1].boxed.extend(para.boxed)
                continue
            merge = getattr(line, "merge", False)
            if pending is not None:
                line = _joined(pending, line)
                pending = None
            pieces = [line] if merge else _closing_pieces(line, para)
            if merge:
                pending = line
            elif cells:
                cells[-1].extend(x for x in pieces if x)
            else:
                out.extend(pieces)
            if para.boxed:
                if cells:
                    cells[-1].extend(para.boxed)
                else:
                    out.extend(para.boxed)
        elif tag == f"{W}tc" and cells:
            cell = cells.pop()
            if rows:
                rows[-1].append(cell)
        elif tag == f"{W}tr" and rows:
            row = rows.pop()
            if cells:  # a table inside a cell: its rows are part of the cell
                joined = _row_line(row)
                if joined:
                    cells[-1].append(joined)
            elif any(_cell_text(c).strip() for c in row):
                if not out or not isinstance(out[-1], _Table):
                    out.append(_Table())  # a row outside any table: read as one of its own
                table = out[-1]
                assert isinstance(table, _Table)
                table.rows.append(row)
        # Drop what has been read: memory stays bounded by the open elements.
        el.clear()
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    if pending is not None:
        out.append(pending)
    return _unwrapped(out)


class _Table:
    """A table of the body, row by row, each cell its paragraphs (a nested table's rows are
    lines of its cell): read as rows of joined cells, or as the paragraphs it holds."""

    def __init__(self):
        self.rows: list[list[list[Line]]] = []

    def chars(self) -> int:
        return sum(len(line) for row in self.rows for cell in row for line in cell)

    def prose(self) -> bool:
        """Is it a box of prose, not a table of figures: one column (no row has two cells
        with text) whose text is mostly written in sentences or numbered headings (what a
        web page pasted into Word, or a report typed into a one-column table, gives)?"""
        if any(sum(1 for cell in row if _cell_text(cell).strip()) > 1 for row in self.rows):
            return False
        sentences = sum(
            len(line) for row in self.rows for cell in row for line in cell if not line.table and re.search("[。，；：！？、]", line)
        )
        return sentences * 2 >= self.chars()

    def boxed(self) -> bool:
        """One cell with text, in one row, that opens with an item's number: a box drawn round
        an item of the outline (a box of quoted text without a number stays a table)."""
        if len(self.rows) != 1 or sum(1 for cell in self.rows[0] if _cell_text(cell).strip()) != 1:
            return False
        return bool(_ITEM_NUMBER.match(next(_cell_text(c) for c in self.rows[0] if _cell_text(c).strip())))

    def headings(self) -> bool:
        """One column whose every row is a short numbered heading stating no figure: headings
        boxed one by one, which LibreOffice joins into one table when it opens a .doc (一、…
        （一）… 1.…). Numbered rows stating figures ((1)受理151件。) stay rows of a table."""
        if any(len(row) != 1 or len(row[0]) != 1 for row in self.rows):
            return False  # a cell of one paragraph in each row of one column
        texts = [row[0][0] for row in self.rows if row[0][0].strip()]
        return bool(texts) and all(len(t) <= HEADING_MAX and _ITEM_NUMBER.match(t) and not _A_FIGURE.search(t) for t in texts)

    def lines(self, unwrap: bool) -> list[Line]:
        if unwrap:
            return [line for row in self.rows for cell in row for line in cell]
        return [line for row in self.rows if (line := _row_line(row))]


HEADING_MAX = 40  # characters of a boxed heading (a part's whole title is about 30)
_A_FIGURE = lazy_re(r"\d(?:[\d.]*)\s*(?:万|亿)?(?:件|项|人|次|个|户|条|场|卷|元|%|％)")
_ITEM_NUMBER = lazy_re(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳])")


def _cell_text(cell: list[Line]) -> str:
    return " ".join(cell)


def _row_line(row: list[list[Line]]) -> Line | None:
    """A table row as one line of body text, its cells' text joined (empty cells dropped)."""
    text = CELL_JOIN.join(t for c in row if (t := _cell_text(c)).strip())
    if not text:
        return None
    line = Line(text)
    line.level, line.table = 0, True
    return line


_SYMBOL_KEPT = set("0123456789%+-.,()/:")  # what a symbol font's character shows as itself in a figure
PROSE_SHARE = 0.6  # the share of a document's text in boxes of prose that makes them its body


def _unwrapped(items: list) -> list[Line]:
    """The document's lines, its tables read. A document whose text sits (nearly) all in
    one-column tables of prose (a report pasted from a web page, one cell per paragraph, or
    the whole body in one cell) has them read as its paragraphs, headings included; every
    other table, and every table of any other document, is read one line a row; a box of
    prose of one cell opening with an item's number (one item boxed) is read as its
    paragraphs anywhere."""
    tables = [t for t in items if isinstance(t, _Table)]
    total = sum(len(x) for x in items if not isinstance(x, _Table)) + sum(t.chars() for t in tables)
    boxed = sum(t.chars() for t in tables if t.prose())
    unwrap = bool(boxed) and boxed >= PROSE_SHARE * total
    out: list[Line] = []
    for x in items:
        if isinstance(x, _Table):
            # a box round one item of the outline (its heading alone, or with its prose) is
            # that item, wherever it stands
            out += x.lines(x.boxed() or x.headings() or (unwrap and x.prose()))
        else:
            out.append(x)
    return out


def _joined(first: Line, second: Line) -> Line:
    """A paragraph whose mark is a tracked deletion, run into the next: with all its text
    deleted too it is gone once the changes are accepted, and the next keeps its own style
    (a heading after a deleted sentence stays a heading)."""
    if not first.strip():
        return second
    number = second.auto_number  # Word shows the surviving mark's number before the joined text
    line = Line(number + first + second[len(number) :])
    line.level, line.table, line.run_in, line.part = first.level, first.table, first.run_in, first.part
    line.theme = first.theme
    line.auto_number, line.sealed = number, first.sealed or second.sealed
    return line


# A date a closing line holds (2026年2月6日, 二〇二六年二月六日), with a label or a seal's note
_CLOSING_DATE = lazy_re(
    r"^\s*(?:日期\s*[：:]\s*)?(?:\d{4}|[〇○零OoＯ0一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*"
    r"[\d一二三四五六七八九十]{1,3}\s*日\s*(?:[（(][^（）()]{1,8}[）)])?\s*$"
)
_CLOSING_PIECE_MAX = 40  # characters of one line of a closing (a signature, a date, a note)


def _closing_pieces(line: Line, p: _Para) -> list[Line]:
    """A paragraph whose lines Shift+Enter breaks and one of which is a date (示范县人民政府⏎
    2026年2月6日⏎（此件公开发布）): the closing, each line a line of its own, as when typed as
    paragraphs; any other paragraph whole (a title broken by Shift+Enter stays one line)."""
    if not p.breaks or line.level:
        return [line]
    text, shift = str(line), len(line.auto_number)
    cuts = [0, *sorted({b + shift for b in p.breaks if 0 < b + shift < len(text)}), len(text)]
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:])]
    if not any(_CLOSING_DATE.match(x) for x in pieces) or any(len(x.strip()) > _CLOSING_PIECE_MAX for x in pieces):
        return [line]
    out = []
    for piece in pieces:
        if piece.strip():
            kept = Line(piece.strip())
            kept.__dict__.update({k: v for k, v in line.__dict__.items() if k in ("level", "boxed", "sealed")})
            out.append(kept)
    return out or [line]


def _finish(p: _Para, styles: Styles, numbering: Numbering) -> Line:
    """A paragraph's line: its number, its text (line breaks dropped: a title wrapped with
    them is one line), and its level."""
    # Direct numbering overrides the style's; a numPr giving only the level keeps the
    # style's list, and numId 0 removes the numbering.
    style_num = styles.numbering(p.style) or (None, None)
    direct = p.num or (None, None)
    num_id = direct[0] if direct[0] is not None else style_num[0]
    ilvl = direct[1] if direct[1] is not None else style_num[1]
    # a paragraph whose mark is a tracked deletion runs into the next, whose mark (and number)
    # the joined paragraph keeps: it takes no number of its own, nor counts one
    number = "" if p.merge else numbering.text(num_id, ilvl)
    line = Line(drop_invalid(number + "".join(p.parts)))
    if number:
        line.auto_number = number
        line.list_level = ilvl or 0
    outline = p.outline if p.outline is not None else styles.outline(p.style)
    if outline is not None and 0 <= outline < 9:
        line.level = outline + 1
    elif p.char_level is not None:
        line.level, line.run_in = p.char_level + 1, True
    elif outline == 9 or styles.body(p.style):
        line.level = 0
    if p.merge:
        line.merge = True
    if p.part is not None:
        line.part = p.part
    if p.theme is not None:
        line.theme = p.theme
    if p.sealed:
        line.sealed = True
    if p.notes:
        line.notes = p.notes
    return line


def read_aux(zf: zipfile.ZipFile, name: str):
    """A small part (styles, numbering) as a tree, or None when absent, too big or broken:
    without it the text is still read, only less is known about it."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_AUX:
        return None
    try:
        return etree.fromstring(renamed(zf.read(info)), etree.XMLParser(**_safe_parser()))
    except Exception:  # a damaged part: read without it
        return None


def part_targets(zf: zipfile.ZipFile, main: str) -> dict[str, str]:
    """The styles and numbering parts the main part's relationships name (by type)."""
    folder, _, base = main.rpartition("/")
    rels = read_aux(zf, f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels")
    out = {"styles": f"{folder}/styles.xml".lstrip("/"), "numbering": f"{folder}/numbering.xml".lstrip("/")}
    if rels is None:
        return out
    for r in rels:
        kind = (r.get("Type") or "").rsplit("/", 1)[-1]
        target = r.get("Target") or ""
        if kind in out and target and r.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
            out[kind] = _normal(path)
    return out


def _normal(path: str) -> str:
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def docx_lines(zf: zipfile.ZipFile, main: str) -> list[Line]:
    """The lines of the package's main part ``main``, as Word shows them."""
    targets = part_targets(zf, main)
    styles = Styles(read_aux(zf, targets["styles"]))
    numbering = Numbering(read_aux(zf, targets["numbering"]))
    with zf.open(main) as stream:
        return read_document(stream, styles, numbering)
