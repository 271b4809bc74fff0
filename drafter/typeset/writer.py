"""Lay out a Report tree as GB/T 9704 WordprocessingML.

Each element gets its named style (公文标题, 一级标题 …, 署名, 成文日期), so a clerk can
restyle the whole document from Word's or WPS's style list. Quotes, dashes and
ellipses are put in runs whose Latin slots also name the East Asian face, so Word does
not draw them narrow in Times New Roman (anchors.md §b.3).
"""

from __future__ import annotations

from pathlib import Path

from drafter.files.patterns import lazy_re
from drafter.model.markup import ISSUERS_APART
from drafter.model.report import PART_MARKS, SEAL_MARK, THEME_MARK, Paragraph, Report, Section
from drafter.typeset.layout import Layout
from drafter.typeset.numbering import Counter
from drafter.typeset.package import LEVEL_FONT_KEYS, package, rfonts, xml_text
from drafter.typeset.signature import indents
from drafter.typeset.titlewrap import wrap_title

# Ambiguous-width characters that must be drawn with the East Asian face.
_EAST_ASIAN_PUNCT = lazy_re("([“”‘’—…·－]+)")
_BOOKMARK_WORD = lazy_re(r"[^\W\d_]\w{0,19}")  # letters (Chinese ones too), digits, _


class Docx:
    """A typeset document: its bytes can be saved or inspected."""

    def __init__(self, data: bytes):
        self.data = data

    def save(self, target) -> None:
        """Write to a path or to a binary file object."""
        if hasattr(target, "write"):
            target.write(self.data)
        else:
            Path(target).write_bytes(self.data)


class Writer:
    def __init__(self, lay: Layout):
        self.lay = lay
        self.out: list[list] = []  # [style, runs, extra paragraph properties]
        self.counter = Counter()
        self.bookmarks = 0
        self.marks: dict[str, int] = {}  # bookmark name → how many sections carry it so far

    # -- low level ----------------------------------------------------------
    def paragraph(self, style: str, runs: list[str], ppr_extra: str = "") -> None:
        """``ppr_extra``: paragraph properties after pStyle, in schema order (keepNext … ind)."""
        self.out.append([style, runs, ppr_extra])

    def body_xml(self) -> str:
        return "".join(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{"".join(runs)}</w:p>' for style, runs, extra in self.out)

    def runs(self, text: str, east_asian_font: str, char_style: str | None = None) -> list[str]:
        """``text`` as runs; quotes and dashes get the East Asian face in every slot."""
        rstyle = f'<w:rStyle w:val="{char_style}"/>' if char_style else ""
        out = []
        for k, piece in enumerate(_EAST_ASIAN_PUNCT.split(text)):
            if not piece:
                continue
            fonts = rfonts(east_asian_font, east_asian_font, hint=True) if k % 2 else ""
            rpr = f"<w:rPr>{rstyle}{fonts}</w:rPr>" if rstyle or fonts else ""
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(piece)}</w:t></w:r>')
        return out

    def font(self, key: str) -> str:
        return self.lay["字体"][key]

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.paragraph("GwBody", [])

    # -- elements -----------------------------------------------------------
    def title(self, text: str) -> None:
        capacity = self.lay.block_width / (self.lay["字号"]["标题"] * 20)
        runs: list[str] = []
        for i, line in enumerate(wrap_title(text, capacity)):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            runs += self.runs(line, self.font("标题"))
        self.paragraph("GwTitle", runs)
        self.blank(int(self.lay["标题"]["标题后空行"]))

    def section(self, sec: Section) -> None:
        number = self.counter.next(sec.level)
        level_font = self.font(LEVEL_FONT_KEYS[sec.level])
        body = list(sec.body)
        first = body[0] if body else None
        run_in = sec.run_in and isinstance(first, Paragraph)
        heading = self.marked(sec, self.runs(number + sec.heading, level_font, f"GwH{sec.level}Char" if run_in else None))
        if run_in:
            body.pop(0)
            assert isinstance(first, Paragraph)
            self.paragraph("GwBody", heading + self.runs(first.text, self.font("正文")))
        else:
            self.paragraph(f"GwH{sec.level}", heading)
        for item in body:
            if isinstance(item, Section):
                self.section(item)
            else:
                self.paragraph("GwBody", self.runs(item.text, self.font("正文")))

    def marked(self, sec: Section, runs: list[str]) -> list[str]:
        """The heading's runs inside the hidden bookmark of the part the form says it is."""
        # a top-level part, or a sub-section of a part written for two (问题和下一步)
        name = PART_MARKS.get(sec.given_role or "") if sec.level <= 2 else None
        if name is not None:
            runs = self.bookmarked(self.once(name), runs)
        # a theme's key (a catalogue word: a name Word takes for a bookmark, under its 40 characters)
        if sec.given_theme and _BOOKMARK_WORD.fullmatch(sec.given_theme):
            runs = self.bookmarked(self.once(THEME_MARK + sec.given_theme), runs)
        return runs

    def once(self, name: str) -> str:
        """``name`` once per document (Word keeps one bookmark of a name): 成效 written theme by
        theme marks each theme, the second and later with a number (_drafter_achievements_2)."""
        self.marks[name] = self.marks.get(name, 0) + 1
        return f"{name}_{self.marks[name]}" if self.marks[name] > 1 else name

    def bookmarked(self, name: str, runs: list[str]) -> list[str]:
        """``runs`` inside a bookmark named ``name`` (hidden in Word when it starts with _)."""
        self.bookmarks += 1
        return [f'<w:bookmarkStart w:id="{self.bookmarks}" w:name="{name}"/>', *runs, f'<w:bookmarkEnd w:id="{self.bookmarks}"/>']

    def signature(self, report: Report) -> None:
        rules = self.lay["落款"]
        sign, date = report.signature, report.date
        if not sign and not date:
            return
        # Keep the signature with the end of the body: a page holding only the signature
        # block is not allowed (GB/T 9704 7.3.5; no "此页无正文").
        if self.out:
            self.out[-1][2] = "<w:keepNext/>" + self.out[-1][2]
        for _ in range(int(rules["盖章时空行"] if report.sealed else rules["不盖章时空行"])):
            self.paragraph("GwBody", [], "<w:keepNext/>")
        # a joint report's issuers, one a line in order (GB/T 9704 7.3.5.2: the lead issuer first);
        # the date set against the longest
        issuers = ISSUERS_APART.split(sign.strip()) if sign else []
        d_ind = indents(
            max(issuers, key=len, default=""), date or "", report.sealed, rules["不盖章右空字数"], rules["盖章成文日期右空字数"]
        )[1]
        char = self.lay.char_twips
        for k, name in enumerate(issuers):
            s_ind = indents(name, date or "", report.sealed, rules["不盖章右空字数"], rules["盖章成文日期右空字数"])[0]
            runs = self.runs(name, self.font("正文"))
            self.paragraph("GwSignature", self.sealed(runs, report) if k == 0 else runs, f'<w:ind w:right="{round(s_ind * char)}"/>')
        if date:
            runs = self.runs(date, self.font("正文"))
            self.paragraph("GwDate", runs if sign else self.sealed(runs, report), f'<w:ind w:right="{round(d_ind * char)}"/>')

    def sealed(self, runs: list[str], report: Report) -> list[str]:
        """The signature's runs inside the hidden bookmark that says the report is sealed."""
        return self.bookmarked(SEAL_MARK, runs) if report.sealed else runs

    # -- whole report ---------------------------------------------------------
    def write(self, report: Report) -> Docx:
        if report.title:
            self.title(report.title)
        if report.addressee:
            self.paragraph("GwAddressee", self.runs(report.addressee, self.font("正文")))
        for para in report.opening:
            self.paragraph("GwBody", self.runs(para.text, self.font("正文")))
        for sec in report.sections:
            self.section(sec)
        self.signature(report)
        for note in report.notes:
            self.paragraph("GwNote", self.runs(note, self.font("正文")))
        return Docx(package(self.lay, self.body_xml(), report.title, report.verbatim))


def typeset(report: Report, lay: Layout) -> Docx:
    """The .docx for ``report``."""
    return Writer(lay).write(report)
