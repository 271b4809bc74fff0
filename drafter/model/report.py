"""The Report tree: the one model every stage reads or writes.

Parsing template output (``markup.py``), typesetting (``typeset/``) and, later,
reading real reports and checking them all meet here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple


class Segment(NamedTuple):
    """A piece of a node's text that stands on one source line: from ``offset`` in the
    text on, it is line ``line`` (1-based; a .docx paragraph counts as a line) from
    ``column`` (0-based) on."""

    offset: int
    line: int
    column: int


class Origin(tuple[Segment, ...]):
    """Where a node's text came from: its segments in order (a paragraph a web page broke
    in two has two)."""

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, 1-based column) of the character at ``offset`` of the text."""
        seg = self[0]
        for s in self:
            if s.offset <= offset:
                seg = s
        return seg.line, seg.column + offset - seg.offset + 1

    @property
    def line(self) -> int:
        return self[0].line


# Hidden bookmarks (a leading “_” hides them in Word, which keeps them through edits) that
# mark the heading of each part in a .docx drafter wrote: part key → bookmark name.
PART_MARKS = {
    "成效": "_drafter_achievements",
    "第一责任人": "_drafter_leader",
    "问题": "_drafter_problems",
    "下一步": "_drafter_next_steps",
    "其他": "_drafter_other",
}

# A hidden bookmark round the heading of each theme a form wrote (its catalogue key after
# the prefix: _drafter_theme_数字法治), read back so that a theme whose heading is the
# clerk's own slogan is still that theme for parse, import and new --from.
THEME_MARK = "_drafter_theme_"

# A hidden bookmark round the signature of a report drafter wrote with 盖章: the report is
# sealed (its signature laid out for the seal), read back so that import keeps it.
SEAL_MARK = "_drafter_sealed"


class Paragraph:
    """A paragraph. ``roles`` is set by classification for a closing paragraph that
    carries parts of its own (e.g. 问题 and 下一步 merged into one paragraph)."""

    def __init__(self, text: str, origin: Origin | None = None):
        self.text = text
        self.roles: list[str] = []
        self.origin = origin  # where the text stands in the source it was read from
        self.table = False  # a row of a table in the source (its cells joined): no table in a form

    def __repr__(self) -> str:
        return f"Paragraph({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Paragraph) and other.text == self.text


@dataclass(eq=False, repr=False)  # a node of the tree: the same only as itself
class Section:
    """A heading of level 1–4 (一、 （一） 1. （1）) and what follows it, in order.

    ``run_in``: the heading is a sentence ending in 。 and the first paragraph of the
    body continues on the same line (the common form at levels 2 and 3).
    """

    level: int
    heading: str
    run_in: bool = False
    body: list[Paragraph | Section] = field(default_factory=list)
    number: str = field(default="", init=False)  # the number the source wrote (一、 （二） 3.), when read from a report
    origin: Origin | None = field(default=None, init=False)  # where the heading text stands in the source
    # A numbered line that was one whole sentence (（1）县政府常务会议学法12次。): its end mark,
    # which the heading drops, so that a form made of it (import) prints it as it was.
    sentence_end: str = field(default="", init=False)
    # The number is Word's automatic numbering (not typed in the text): fixed in Word's
    # numbering, never by typing another one.
    word_numbered: bool = field(default=False, init=False)
    # A line right before the heading that held only a number (2. left when a heading's words
    # were deleted but not its paragraph): the number, for the numbering check.
    bare_before: str = field(default="", init=False)
    # Set by classification (reading/classify.py): the part's role and the theme, each with a
    # confidence between 0 and 1.
    role: str | None = field(default=None, init=False)
    role_confidence: float = field(default=0.0, init=False)
    theme: str | None = field(default=None, init=False)
    theme_confidence: float = field(default=0.0, init=False)
    # The part a form says this top-level section is (成效, 问题 …), whatever its heading says:
    # set by render, and read back from drafter's .docx (PART_MARKS), so that a part the clerk
    # renamed is still that part for classification and check.
    given_role: str | None = field(default=None, init=False)
    # The parts a top-level section stands for together (问题, 下一步), when the form wrote them
    # as one part (写法.问题和下一步合写); its sub-sections are given their own roles.
    joins: tuple[str, ...] = field(default=(), init=False)
    # The theme a form says this section is (its catalogue key): set by render, read back
    # from drafter's .docx (THEME_MARK); classification takes it over the heading's words.
    given_theme: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.body is None:  # Section(2, "…", False, None): an empty body
            self.body = []

    def __repr__(self) -> str:
        return f"Section({self.level}, {self.heading!r}, run_in={self.run_in}, body={self.body!r})"

    @property
    def sections(self) -> list[Section]:
        return [b for b in self.body if isinstance(b, Section)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.body if isinstance(b, Paragraph)]


def _heading_key(text: str) -> str:
    """A heading as render prints it and the reader reads it back, for matching the two."""
    from drafter.model.typography import normalize

    return normalize(text).strip().rstrip("。：:；;，,")


class Report:
    def __init__(self) -> None:
        self.title = ""
        self.addressee: str | None = None
        self.opening: list[Paragraph] = []
        self.sections: list[Section] = []
        self.signature: str | None = None
        self.date: str | None = None
        self.sealed = False
        self.notes: list[str] = []
        self.after_closing: list[str] = []  # what follows the closing in the source: 附件, tables, 版记 (read, not kept)
        self.before_title: list[str] = []  # what stands above the title in the source: the 版头 (read, not kept)
        self.attachment_note: list[str] = []  # the 附件说明 above the signature (read, not kept)
        self.footnoted: list[str] = []
        # its body typed by the clerk (an imported form's 正文): its figures are the clerk's words,
        # never drafter's exact printing (so a 万 in it may be rounded)
        self.verbatim = False  # the paragraphs with a footnote or endnote, one per note (not read)
        self.origins: dict[str, Origin] = {}  # 标题 / 署名 / 日期 → where each was read

    def give_roles(self, printed: list[tuple[str, str | None]], joins: dict[str, dict[str, str | None]] | None = None) -> None:
        """Mark each top-level section whose heading is a part's as that part. ``printed``: (part
        key, heading as rendered) of each top-level heading the form's shape prints, in order (a
        theme written as a part of its own is 成效). A part written for several (``joins``: key →
        {part: its heading}, 问题和下一步 → 问题, 下一步) is the first of them, and its
        sub-sections headed with the others' headings are those."""
        key = _heading_key
        # Each heading is matched in order: the next entry with its words after the one matched
        # last (two parts may share a heading: 部分标题.问题 the same as 去年安排's, or a part the
        # template did not print), else any entry not matched yet (a clerk's template that
        # prints the parts in another order).
        entries = [(key(h), part) for part, h in printed if isinstance(h, str) and h.strip()]
        used = [False] * len(entries)
        at = 0
        joins = joins or {}
        for sec in self.sections:
            k = key(sec.heading)
            j = next((j for j in [*range(at, len(entries)), *range(at)] if not used[j] and entries[j][0] == k), None)
            if j is None:
                continue
            used[j], at, part = True, j + 1, entries[j][1]
            if part in joins:
                parts = tuple(joins[part])
                sec.given_role, sec.joins = parts[0], parts
                inner = {key(h): k for k, h in joins[part].items() if isinstance(h, str)}
                for sub in sec.sections:
                    sub.given_role = inner.get(key(sub.heading))
            else:
                sec.given_role = part

    def give_themes(self, printed: list[tuple[str, str]]) -> None:
        """Mark the section whose heading is a theme's as that theme. ``printed``: (theme key,
        heading as rendered) of each theme of the form, in order; each heading is matched once,
        in document order (a clerk's template may print a theme at any level, or not at all)."""
        left = [(_heading_key(h), k) for k, h in printed if isinstance(h, str) and h.strip()]
        for sec in self.walk():
            heading = _heading_key(sec.heading)
            j = next((j for j, (h, _) in enumerate(left) if h == heading), None)
            if j is not None:
                sec.given_theme = left.pop(j)[1]

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        stack = list(reversed(self.sections))
        while stack:
            sec = stack.pop()
            yield sec
            stack.extend(reversed(sec.sections))

    def text_length(self) -> int:
        n = len(self.title) + sum(len(p.text) for p in self.opening)
        for sec in self.walk():
            n += len(sec.heading) + sum(len(p.text) for p in sec.paragraphs)
        return n


class TreeBuilder:
    """Builds a Report from headings and paragraphs met in reading order.

    Both parsers (our markup and real reports) feed it: a heading closes every open section
    of its level or deeper; a paragraph goes to the innermost open section, or to the
    opening before the first heading."""

    def __init__(self, report: Report):
        self.report = report
        self.stack: list[Section] = []

    @property
    def depth(self) -> int:
        return self.stack[-1].level if self.stack else 0

    def heading(
        self,
        level: int,
        heading: str,
        run_in_text: str = "",
        number: str = "",
        origin: Origin | None = None,
        run_in_origin: Origin | None = None,
    ) -> Section:
        section = Section(level, heading, run_in=bool(run_in_text))
        section.number = number
        section.origin = origin
        if run_in_text:
            section.body.append(Paragraph(run_in_text, run_in_origin))
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        (self.stack[-1].body if self.stack else self.report.sections).append(section)
        self.stack.append(section)
        return section

    def paragraph(self, text: str, origin: Origin | None = None) -> None:
        para = Paragraph(text, origin)
        (self.stack[-1].body if self.stack else self.report.opening).append(para)
