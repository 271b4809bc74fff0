"""What the rules read: one report as the Report tree with its roles, cut into units (the
title, each paragraph, each heading, the signature and date) that know the part they stand
in and where they stand in the file the clerk gave.

A report (.txt, .docx, .doc) goes through the reading side (parser → roles); a form goes
through the render pipeline, so it is checked as the report render would produce, and a
finding is traced back to the form's line and column where its text was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.errors import Where
from drafter.files.patterns import lazy_re
from drafter.model.catalogue import Catalogue
from drafter.model.numbers import kin
from drafter.model.report import Origin, Report, Section
from drafter.model.typography import normalize, see_through, typed_span
from drafter.reading.analysis import report_year
from drafter.reading.classify import classify_roles
from drafter.reading.figure_finder import MONEY, FoundFigure, extract, in_unit, in_wan, map_to_catalogue
from drafter.reading.source import STAND_INS
from drafter.render.writers import FEW_WORDS, written_at

# What check reads of one report is bounded by the reader (drafter/reading/source.py).


_NEAR = 64  # characters either side of the column read where a quote is looked for first


def _nearest(raw: str, quote: str, column: int) -> int:
    """Where ``quote`` stands in the source line ``raw``: the occurrence nearest ``column``
    (the same words may stand twice in one line: 在在线…，在在全县), else the first; -1 if none."""
    lo = max(0, column - _NEAR)
    hits = []
    at = raw.find(quote, lo, column + _NEAR + len(quote))
    while at >= 0:
        hits.append(at)
        at = raw.find(quote, at + 1, column + _NEAR + len(quote))
    if hits:
        return min(hits, key=lambda h: abs(h - column))
    return raw.find(quote)


class Unit:
    """A piece of text the rules read: its kind (标题 / 段落 / 小标题 / 署名 / 日期 / 附注, or
    原文 for a source line as typed), the part it stands in, its heading context."""

    __slots__ = ("text", "raw", "_at", "part", "kind", "origin", "context", "node", "line")

    def __init__(
        self, text: str, part: str, kind: str, origin: Origin | None = None, context: str = "", node=None, line: int | None = None
    ):
        # The rules read the text without invisible characters (a direction mark inside
        # “87.2%” must not hide it); places are given in the text as it stands in the file.
        self.raw = text
        self.text, self._at = see_through(text)
        self.part = part
        self.kind = kind
        self.origin = origin
        self.context = context
        self.node = node
        self.line = line  # for 原文 units: the source line number

    def __repr__(self) -> str:
        return f"Unit({self.part}, {self.kind}, {self.text[:20]!r})"

    def at(self, i: int) -> int:
        """Where offset ``i`` of ``text`` stands in the raw text."""
        if self._at is None:
            return i
        return self._at[min(max(i, 0), len(self._at) - 1)]


class Document:
    """One input to check, read once; the rules ask it for units, places and figures."""

    def __init__(
        self,
        name: str,
        kind: str,
        report: Report,
        cat: Catalogue,
        year: int | None = None,
        lines: list[str] | None = None,
        source=None,
        data: dict | None = None,
        made_in: tuple[tuple[str, str, bool], ...] = (),
        writer: Callable[[str], tuple[str, int] | None] | None = None,
    ):
        self.name = name
        # For a form being rendered: each template file and phrase table the render read, as
        # (the name the clerk's messages give it, its text, whether drafter ships it): where
        # template-made text stands.
        self.made_in = made_in
        self.writer = writer  # the template line that wrote the output line printing a paragraph whole
        self.made: set[Where] = set()  # the places said of text the template made
        self.kind = kind  # "表单", "txt" or "docx"
        self.report = report
        self.cat = cat
        self.year = year or (report_year(report) if data is None else data.get("年度"))
        self.lines = lines
        self.source = source
        self.data = data
        self.form_warnings: list = []  # validate's reminders, for a form checked on its own
        self.line_maps: dict[int, list[int]] = {}  # lines read without invisible characters
        self.strays: dict[int, list[tuple[int, str]]] = {}  # by line: (column, character) of each stray one
        classify_roles(report, self.year)  # a part the form named keeps its role (given_role)
        self.units = self._units()
        self._figures: dict[int, list[FoundFigure]] = {}
        self._mapped: set[int] = set()
        self._strings: list | None = None
        # For each place said (a Where): the text as typed there and the offset in it, so
        # a finding's 原文 quotes the clerk's own characters (README: 一字不改).
        self._typed: dict[Where, tuple[str, int]] = {}

    # -- units -----------------------------------------------------------------
    def _units(self) -> list[Unit]:
        r = self.report
        out = []
        if r.title:
            out.append(Unit(r.title, "标题", "标题", r.origins.get("标题")))
        if r.addressee:
            out.append(Unit(r.addressee, "开头", "主送机关", r.origins.get("主送机关")))
        for p in r.opening:
            out.append(Unit(p.text, "开头", "段落", p.origin, node=p))

        def walk(sec: Section, part: str, context: str) -> None:
            part = sec.role or part  # a sub-section of a part written for two (问题和下一步) is one
            out.append(Unit(sec.heading, part, "小标题", sec.origin, context, sec))
            context = f"{context}{sec.heading}"
            for item in sec.body:
                if isinstance(item, Section):
                    walk(item, part, context)
                else:
                    out.append(Unit(item.text, item.roles[0] if item.roles else part, "段落", item.origin, context, item))

        for sec in r.sections:
            walk(sec, sec.role or "成效", "")
        if r.signature:
            out.append(Unit(r.signature, "落款", "署名", r.origins.get("署名")))
        if r.date:
            out.append(Unit(r.date, "落款", "日期", r.origins.get("日期")))
        for note in r.notes:
            out.append(Unit(note, "落款", "附注"))
        return out

    def paragraphs(self, *parts: str) -> list[Unit]:
        return [u for u in self.units if u.kind == "段落" and (not parts or u.part in parts)]

    def surface(self) -> list[Unit]:
        """The text as the clerk typed it, for typography: a report's source lines (before
        the reader repaired their punctuation); for a form, the text render produces."""
        if self.lines is None:
            return [u for u in self.units if u.kind != "原文"]
        parts: dict[int, str] = {}
        for u in self.units:
            for seg in u.origin or ():
                parts.setdefault(seg.line, u.part)
        return [Unit(self.lines[n - 1], part, "原文", line=n) for n, part in sorted(parts.items())]

    # -- places ------------------------------------------------------------------
    def where(self, unit: Unit | None, start: int = 0, end: int | None = None) -> Where:
        """Where a span of a unit's text stands: file:line:column for .txt and forms, the
        paragraph number and its opening words for .docx."""
        if unit is None:
            return Where(self.name, field="全文")
        quote = unit.text[start:end] if end is not None else unit.text[start : start + 12]
        if self.kind == "表单":
            # (the span said: the one given, else the character the finding starts at — its
            # quote runs on 12 characters for context only)
            return self._form_where(unit, quote, start, end if end is not None else start + 1)
        if unit.kind == "原文":
            line, column = unit.line or 1, unit.at(start) + 1  # a line of the file: numbered
            raw = unit.raw
        elif unit.origin:
            line, column = unit.origin.locate(unit.at(start))
            at = self.line_maps.get(line)
            if at:  # the column in the file, counting the invisible characters read past
                column = at[min(column - 1, len(at) - 1)] + 1
            raw = self.lines[line - 1] if self.lines and line <= len(self.lines) else ""
            found = _nearest(raw, quote, column - 1) if quote else -1
            if found < 0 and quote:  # typed with full-width digits, spaces, marks
                span = typed_span(raw, quote, column - 1)
                found = span[0] if span else -1
            if found >= 0:
                column = found + 1
        else:
            return Where(self.name, field=unit.part)
        if self.kind == "docx":
            shown = (self.lines[line - 1] if self.lines else "").strip()
            opening = shown[:12] + ("……" if len(shown) > 12 else "")
            return self.said(Where(self.name, field=f"第{line}段（“{opening}”）"), raw, column - 1)
        return self.said(Where(self.name, line, column), raw, column - 1)

    def said(self, where: Where, typed: str, at: int) -> Where:
        self._typed[where] = (str(typed), at)
        return where

    def verbatim(self, where: Where, quote: str) -> str:
        """``quote`` (read from the repaired text) as the clerk typed it at ``where``: the
        same characters, full-width digits, spaces and invisible marks included; ``quote``
        itself when the place is not one this document said or the text is not found."""
        typed = self._typed.get(where)
        if not quote or typed is None:
            return _whole_runs(quote, quote, 0, len(quote))
        span = typed_span(typed[0], quote, typed[1])
        if not span:
            return quote
        return _whole_runs(typed[0], typed[0][span[0] : span[1]], *span)

    def _form_where(self, unit: Unit, quote: str, start: int, end: int) -> Where:
        """Where a span of a rendered paragraph was typed in the form: the field that holds
        the whole clause around it (a quote mark alone, or a few words, may stand in many
        fields), or a field printed whole in the paragraph around the span (a 单位 the title
        and the opening print). Any other text was made by the template: said at the
        template or phrase-table line that writes it, when one line does."""
        a, b = _clause_span(unit.text, start, end)
        clause = unit.text[a:b]
        for path, text in self._form_strings():
            at = text.find(clause) if clause else -1
            if at >= 0 and (len(clause) >= FEW_WORDS or text == clause):  # 问题 of a 做法's text is not a heading 问题
                return self._in_field(path, clause, at, start - a)
        for path, text in self._form_strings():
            # (the span said lies inside the field's text: 某某 of 某某县人民政府 in a sentence
            # of the template's; “。；” with its “；” after the field is the template's)
            if len(text) >= 4 and 0 <= (at := unit.text.find(text, max(0, end - len(text)))) <= start:
                return self._in_field(path, text, 0, start - at)
        field = f"{unit.part}（模板生成的文字：“{_sentence_at(unit.text, quote)}”）"
        place, sure = written_at(_sentence_at(unit.text, quote, cut=False), self.made_in, quote)
        if not sure:  # one phrase item may hold clauses a ；joins (纠错{纠错}；…；合计{受理}): the whole sentence
            across = written_at(_sentence_at(unit.text, quote, cut=False, marks="。！？"), self.made_in, quote)
            if across[1]:
                place, sure = across
        if (not sure or place is None) and self.writer is not None:
            # a few words of a line (# 问题) are no proof: the line that printed the paragraph
            # ({{ 问题 | map(attribute="表现") | join("；") }}) is
            place = self.writer(unit.text) or place
        where = Where(place[0], place[1], field=field) if place else Where(self.name, field=field)
        self.made.add(where)
        return where

    def _in_field(self, path: tuple, found: str, at: int, offset: int) -> Where:
        """The place in the form field at ``path`` of the text ``found`` (standing at ``at`` of
        the field as printed), ``offset`` characters into it."""
        from drafter.files.yamlsource import path_text

        line, column = self.source.value_marks.get(path, (None, None))
        raw = self.source.data
        for key in path:
            raw = raw[key]
        if isinstance(raw, str) and "\n" not in raw.strip() and column:
            typed = raw.find(found)
            column += typed + offset if typed >= 0 else at + offset
        where = Where(self.name, line, column, path_text(path))
        return self.said(where, raw, at + offset) if isinstance(raw, str) else where

    def typed(self, quote: str) -> bool:
        """For a form: was ``quote`` typed by the clerk (rather than written by the template
        from the form's figures, which are checked as data)?"""
        return any(quote in text for _, text in self._form_strings())

    def _form_strings(self) -> list:
        """Every string of the form as render prints it (lines joined, punctuation
        repaired), with its path."""
        if self._strings is None:
            out = []

            def walk(value, path):
                if isinstance(value, dict):
                    for k, v in value.items():
                        walk(v, path + (k,))
                elif isinstance(value, list):
                    for i, v in enumerate(value):
                        walk(v, path + (i,))
                elif isinstance(value, str):
                    text = normalize("".join(line.strip() for line in value.splitlines()))
                    out.append((path, see_through(text)[0]))
                    if path[:2] == ("开头", "句式"):
                        # the opening's own wording, with the form's 年度 and 单位 filled in: its
                        # words up to the values it fills in from elsewhere ({纲要}…) are the clerk's
                        filled = text.replace("{年度}", str(known.get("年度", ""))).replace("{单位}", str(known.get("单位", "")))
                        filled = filled.replace("{下一年度}", str(known["年度"] + 1) if isinstance(known.get("年度"), int) else "")
                        out.extend((path, see_through(part)[0]) for part in _FILLED_IN.split(filled) if part.strip("，。：；"))

            known = self.source.data if isinstance(self.source.data, dict) else {}
            walk(self.source.data, ())
            self._strings = out
        return self._strings

    # -- figures -----------------------------------------------------------------
    def figures(self, unit: Unit, mapped: bool = False) -> list[FoundFigure]:
        """The figures of a unit's text; ``mapped``: also named after the catalogue figure
        each one is, where that is clear (costlier: only the rules that need it ask)."""
        found = self._figures.get(id(unit))
        if found is None:
            found = self._figures[id(unit)] = _untouched(unit.text, extract(unit.text))
        if mapped and found and id(unit) not in self._mapped:
            map_to_catalogue(found, unit.text, self.cat, unit.context)
            self._mapped.add(id(unit))
        return found

    def known_figures(self) -> tuple[dict[str, float], dict[tuple[str, str], float | None], dict[tuple[str, str], float | None]]:
        """This document's figures for another year's 同比 check: by catalogue key
        ("行政复议.受理"), by (label, unit) as written, and by (label without the verb before
        it, unit): 受理行政复议案件 is 行政复议案件 when no other figure is (None when two are, as
        for a label two matters share)."""
        by_key: dict[str, float] = {}
        by_label: dict[tuple[str, str], float | None] = {}
        by_core: dict[tuple[str, str], float | None] = {}
        # sums of money in 万元, as the 同比 check compares them (figure_finder.in_wan)
        if self.data is not None:
            units = {
                f"{g}.{n}": fig.unit for t in self.cat.themes.values() for g, grp in t.groups.items() for n, fig in grp.figures.items()
            }
            entries = list(self.data.get("成效") or []) + [self.data.get("第一责任人") or {}]
            for entry in entries:
                for group, figures in (entry.get("数据") or {}).items():
                    for name, value in figures.items():
                        kept_in = units.get(f"{group}.{name}", "")
                        by_key.setdefault(f"{group}.{name}", in_unit(value, kept_in, "万元") if kept_in in MONEY else value)
        # headings too (（一）全年办理法律援助案件418件): in the order the report states them
        for para in (u for u in self.units if u.kind in ("段落", "小标题")):
            for f in in_wan(self.figures(para, mapped=True)):
                if f.approx or f.money_half > f.value * _EXACT_ENOUGH:
                    continue  # 1.2亿元: rounded, anything from 11500 to 12500万元, no base for a 同比 (6.6522亿元 is)
                if f.maps_to:
                    by_key.setdefault(f.maps_to, f.value)
                # (two matters' 整改率: None, no base for either; 县局罚没款 is 罚没款 too)
                unit = kin(f.unit)  # (500件 is the base of this year's 600起)
                for said in {(f.label, unit), (without_who(f.label), unit)}:
                    by_label[said] = f.value if by_label.get(said, f.value) == f.value else None
                core = (label_core(f.label), unit)
                if core[0]:
                    by_core[core] = f.value if by_core.get(core, f.value) == f.value else None
        return by_key, by_label, by_core


# The words before what a count counts that say only what was done with it, or when: 受理,
# 办理, 收到, 查办, 全年, 共… (受理行政复议案件 and 行政复议案件 count the same cases)
# Who did it (全县公安机关, 县公安局, 市场监管部门) goes too, when a verb of these follows it.
_DONE_WITH = lazy_re(
    r"^(?:(?:[全我本]?[县区市州省])?[\u4e00-\u9fff]{0,8}?(?:机关|部门|系统|局|委|办|法院|检察院|中心|所|队)"
    r"(?=(?:全年|本年度?|今年|累计|共计?|依法|新)*(?:受理|办理|收到|查办|查处|审理|处理|接收|承办|完成|组织开展|开展|组织|实施|举办)))?"
    r"(?:全年|本年度?|今年|全县|全区|全市|累计|共计?|依法|新)*"
    r"(?:有|受理|办理|收到|查办|查处|审理|处理|接收|承办|完成|组织开展|开展|组织|实施|举办)?(?:了)?"
)


_FILLED_IN = lazy_re(r"\{[^{}]*\}")  # a value 开头.句式 fills in ({年度}, {单位}, {纲要}…)
_EXACT_ENOUGH = 0.0001  # a sum in 亿元 as exact as this (6.6522亿元: ±0.5万元) is a base for a 同比

# Who did it, said before what a count counts whatever follows (全局罚没款, 我局检查在建工地,
# 县局, 县住建局, 县市场监管局): the office, not a word of the count's name.
_WHO = lazy_re(r"^(?:[全我本][局委办]|[县区市州省][\u4e00-\u9fff]{0,8}?局)(?=[\u4e00-\u9fff]{2})")


def without_who(label: str) -> str:
    """``label`` without the office said before it (我局检查在建工地 → 检查在建工地)."""
    return _WHO.sub("", label)


def label_core(label: str) -> str:
    """``label`` without the words before it that say who did it, what was done with the count
    or when (全年受理行政复议案件 → 行政复议案件); "" when nothing of at least four characters is left."""
    core = _DONE_WITH.sub("", without_who(label))
    return core if len(core) >= 4 else ""


# A run a quote never cuts: digits (full-width too) with their decimal point and grouping,
# or Latin letters (2024年, 87.2%, ICP): “024年以来” is quoted “2024年以来”.
_RUN = lazy_re(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ]")
_RUN_INSIDE = lazy_re(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ.．,，]")
RUN_REACH = 20  # characters a quote is widened by at most, each side


def _whole_runs(text: str, quote: str, a: int, b: int) -> str:
    """``text[a:b]`` (== ``quote``) widened so it neither starts nor ends inside a number or a
    run of Latin letters; a run longer than RUN_REACH is left cut rather than quoted whole."""
    if a >= b:
        return quote
    lo, hi = a, b
    while lo > 0 and a - lo < RUN_REACH and _RUN.match(text[lo - 1]) and _RUN_INSIDE.match(text[lo]):
        lo -= 1
    while lo > 0 and a - lo < RUN_REACH and text[lo - 1] in ".．" and lo >= 2 and _RUN.match(text[lo - 2]) and _RUN.match(text[lo]):
        lo -= 2  # a decimal point just before: 3.4万 quoted from “.4万”
        while lo > 0 and a - lo < RUN_REACH and _RUN.match(text[lo - 1]):
            lo -= 1
    while hi < len(text) and hi - b < RUN_REACH and _RUN.match(text[hi]) and _RUN_INSIDE.match(text[hi - 1]):
        hi += 1
    if (lo > 0 and _RUN.match(text[lo - 1]) and _RUN.match(text[lo])) or (
        hi < len(text) and _RUN.match(text[hi]) and _RUN.match(text[hi - 1])
    ):
        return quote  # a run too long to quote whole
    return text[lo:hi] if (lo, hi) != (a, b) else quote


def _untouched(text: str, figures: list[FoundFigure]) -> list[FoundFigure]:
    """The figures no stray character parts from digits before them (“结案率9␀0%”: neither 9
    nor 0% is what the clerk meant, so nothing is computed from them; the character itself
    is reported), nor a space or a full-width comma (审结14 6件, 受理1，156件: the number is
    broken, said by the rules 数字中间有空格 and 数字中间有逗号)."""
    broken = {end for _start, end in split_numbers(text) + comma_numbers(text)}
    if not broken and not STAND_INS.search(text):
        return figures
    return [
        f
        for f in figures
        if not (f.start >= 2 and STAND_INS.match(text, f.start - 1) and re.match(r"[\d.．]", text[f.start - 2]))
        and not any(f.start <= end <= f.start + len(f.text) for end in broken)
    ]


# A number broken by spaces (审结14 6件, 96 .7%), before a unit or %: read as it stands, the
# part before the space would be taken for the end of the figure's name. Digits grouped by
# thousands (3 156件) are one number.
# One space, as a slip of the keyboard leaves it: an ideographic space, a tab or several
# spaces part a table's columns (审结　146　100%), and the number after 表、附件、第 is a label
# (附件1 38项任务).
_SPLIT_NUMBER = lazy_re(
    r"(?<![\dA-Za-z./:：\-表图件第号条款章节页版期届批])(?P<left>\d+)[ \u00a0\u2009\u202f](?P<right>\d+(?:\.\d+)?|\.\d+)"
    r"(?=[%％‰]|[件个项次人起份条户家元万亿场名所])"
)
_GROUPED = lazy_re(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?")


# a row of a table typed as text: three numbers or more parted by single spaces (53 49 92.5%)
# (from the start of a run of digits only, and never giving back what it took: linear on any text)
_ROW_OF_NUMBERS = lazy_re(r"(?<![\d.,])\d[\d.,]*+(?:[ \u00a0\u2009\u202f][\d.,]++[^\s\d.,]{0,2}){2,}")


# A number grouped by full-width commas (1，156件; 12，345，678元): a 公文 writes no separator,
# and the comma parts it into two numbers. Only groups of three before a unit or %.
_COMMA_GROUPED = lazy_re(r"(?<![\d.．，第])\d{1,3}(?:，\d{3})+(?:\.\d+)?(?=[%％‰]|[件个项次人起份条户家元万亿场名所])")


def comma_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each number of ``text`` grouped by full-width commas: end is where
    its last group begins (1，156件: the 156件 a reader would take for a number)."""
    return [(m.start(), m.start() + m.group().rfind("，") + 1) for m in _COMMA_GROUPED.finditer(text)] if "，" in text else []


def split_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each number of ``text`` broken by a space: end is where its last part
    begins. A rate after a space is a number of its own (a column of rates: 49 92.5%), and so
    is each number of a row of them."""
    out = []
    rows = [(m.start(), m.end()) for m in _ROW_OF_NUMBERS.finditer(text)] if "  " not in text else []
    for m in _SPLIT_NUMBER.finditer(text):
        grouped = _GROUPED.match(text, m.start())
        if grouped and grouped.end() >= m.end():
            continue  # 3 156, 1 234.5, 12 345 678.90: thousands
        if text[m.end() : m.end() + 1] in "%％‰" or any(a <= m.start() < b for a, b in rows):
            continue
        out.append((m.start(), m.start("right")))
    return out


_CLAUSE_MARKS = "，。；！？：、"


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``start``…``end``: from the mark before it to the mark
    after it (a span that is itself a mark, or holds one, is widened to the marks beyond)."""
    a = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    ends = [e for e in (text.find(mark, max(end, start + 1)) for mark in _CLAUSE_MARKS) if e >= 0]
    return a, (min(ends) if ends else len(text))


def _sentence_at(text: str, quote: str, cut: bool = True, marks: str = "。；！？") -> str:
    """The sentence of ``text`` that holds ``quote`` (from the mark before it to the one
    after it, of ``marks``), shortened unless ``cut`` is False: which of the template's
    sentences a finding is about."""
    at = max(text.find(quote), 0)
    start = max(text.rfind(mark, 0, at) for mark in marks) + 1
    ends = [e for e in (text.find(mark, at + len(quote)) for mark in marks) if e >= 0]
    sentence = text[start : min(ends) + 1 if ends else len(text)]
    return sentence if len(sentence) <= 40 or not cut else sentence[:40] + "……"
