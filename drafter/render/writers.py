"""Which template or phrase-table line wrote a sentence of the output, by the words the line
prints as it stands: where a mistake in template-made text is said (check's findings on a
render's output, a figure a macro's output glued). Lines of the clerk's own files first."""

from __future__ import annotations

import re

from drafter.files.patterns import lazy_re
from drafter.model.typography import normalize

# What a template or phrase-table line prints around its values: the text outside {{ }},
# {% %}, {# #} and {名称}, without a list item's “- ”, a heading's “#”, YAML's quotes and a
# phrase item's “写:”/“否则:” (- 如果: … / 写: 其中纠错{纠错}).
_PLACEHOLDER = lazy_re(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{[^{}\n]*\}")
_LINE_EDGES = lazy_re(r"^[\s\-#@'\"]*(?:(?:写|否则)[ ]*:[\s'\"]*)?|[\s'\"]+$")
_MARKS_ONLY = lazy_re(r"[\s、，,；;：:。和及与]+")
MAX_LINES_LOOKED_AT = 20_000  # lines of template files searched for one finding (bounded work)


def written_at(sentence: str, files: tuple[tuple[str, str, bool], ...], quote: str = "") -> tuple[tuple[str, int] | None, bool]:
    """(file, line) of the template or phrase-table line that prints ``sentence``: the one
    whose own words, in order, stand in it, the most of them (four characters at least; else
    two, as “，，” after a value; else one within ``quote``, as the “；” after a value ending
    in “。”); the lines whose own words hold ``quote`` itself first; among lines sharing the
    most, the one line of the clerk's own files (``files``: name, text, whether drafter ships
    it); None when no line is sure. With whether it is sure: the quote or four characters
    of the line's own words stand in the sentence."""
    found: list[tuple[int, str, int, bool, int]] = []  # (size, file, line, shipped, where its words end in the sentence)
    quoting: list[tuple[int, str, int, bool, int]] = []  # those whose own words hold the quote itself
    marks: list[tuple[int, str, int, bool, int]] = []  # lines of one character, standing in ``quote``
    whole = sentence.strip().rstrip("。；！？")  # a line holding the whole sentence, among others of its own
    looked = 0
    for name, text, shipped in files:
        for number, line in enumerate(text.split("\n"), 1):
            looked += 1
            if looked > MAX_LINES_LOOKED_AT:
                break
            for branch in _BRANCHES.split(line) if "{%" in line else (line,):
                # (each branch of an {% if %} on the line apart: one of them printed the sentence)
                # (as the report prints them: 2015－2020 typed, 2015—2020 printed)
                pieces = [normalize(p) for p in (_LINE_EDGES.sub("", part) for part in _own_words(branch)) if p]
                _weigh_line(pieces, line, whole, sentence, quote, (name, number, shipped), found, quoting, marks)
    matched = found  # every line whose words stand in the sentence
    if quoting:  # the line that says the very words found wrong (党的十九大精神), among lines as long
        found = quoting
    for least in (4, 2, 1):
        sized = [f for f in found if f[0] >= least] if least > 1 else marks
        if not sized:
            continue
        most = max(f[0] for f in sized)
        best = [f for f in sized if f[0] == most]
        own = [f for f in best if not f[3]]
        chosen = own if own else best
        if len(chosen) > 1 and len({f[1] for f in chosen}) == 1 and len({f[2] for f in chosen}) == len(chosen):
            # items of one sentence in one file as long (政协委员提案{…} then 其中按时办复{…}): the
            # one among the sentence's other items (合计{审结} of 行政复议, not 合计 of another
            # group), then the one said last, where a part or a change follows what it is of
            def among(f: tuple[int, str, int, bool, int]) -> int:
                return sum(1 for g in matched if g[1] == f[1] and g[2] != f[2] and abs(g[2] - f[2]) <= _NEAR_LINES)

            chosen = [max(chosen, key=lambda f: (among(f), f[4]))]
        return ((chosen[0][1], chosen[0][2]) if len(chosen) == 1 else None), bool(quoting) or least == 4
    return None, False


def _weigh_line(
    pieces: list[str], line: str, whole: str, sentence: str, quote: str, at: tuple, found: list, quoting: list, marks: list
) -> None:
    """How the words ``pieces`` of a template line (or of one branch of it) stand in
    ``sentence``, noted into ``found``, ``quoting`` and ``marks`` (written_at's lists) for the
    line ``at`` (file, line number, whether drafter ships it)."""
    name, number, shipped = at
    size = sum(map(len, pieces))
    if whole and any(whole in p and (p == whole or len(whole) >= FEW_WORDS) for p in pieces):
        # the sentence as it stands there: a line of just that first (# 问题, not a
        # phrase that mentions 问题)
        exact = any(p == whole for p in pieces)
        found.append((len(line) + len(whole) * 1000 + exact * 500, name, number, shipped, 0))
        quoting.append(found[-1])
        return
    end = _in_order(pieces, sentence) if size else None
    if end is None:
        return
    if size >= 2:
        found.append((size, name, number, shipped, end))
        # its words hold the quote, or (a line of the clerk's own) stand in it whole
        # (合计{审结} for “合计146件”; a shipped line so matching never wins over the clerk's)
        # (a mark between its values, 、 of {a}、{b}, need not stand in the quote)
        words = [p for p in pieces if not _MARKS_ONLY.fullmatch(p)]
        if len(quote) >= 2 and (any(quote in p for p in pieces) or (not shipped and words and all(p in quote for p in words))):
            quoting.append(found[-1])
    elif quote and pieces[0] in quote and line.strip() != pieces[0]:
        marks.append((size, name, number, shipped, end))  # a mark after a value: {{ x }}；


# The tags that open or close a branch of a line ({% if %}…{% else %}…{% endif %})
_BRANCHES = lazy_re(r"\{%-?\s*(?:if|elif|else|endif|for|endfor)\b.*?%\}")


_COMMENT_CLOSED = lazy_re(r"^(?:(?!\{#).)*?#\}")  # #} closing a comment of the lines above
_COMMENT_OPEN = lazy_re(r"\{#(?!.*#\}).*$")  # {# whose #} is on a line below
_NEAR_LINES = 3  # a phrase table's items of one sentence stand within this many lines of each other
FEW_WORDS = 4  # a clause shorter than this is the clerk's only when a field is just that
_QUOTED = lazy_re(r"\"([^\"\n]*)\"|'([^'\n]*)'")
_MAY_PRINT = lazy_re(r"主语\s*=\s*$")


def _own_words(line: str) -> list[str]:
    """The words a template line prints as it stands: its text outside tags, then, inside
    {{ }}, the text in quotes ({{ 项("审结{}", x) }}: 审结), each split at its {} slots; not
    the end of a comment opened on a line before (…#}) nor the start of one closed after."""
    line = _COMMENT_OPEN.sub("", _COMMENT_CLOSED.sub("", line))
    out, at = [], 0
    for m in _PLACEHOLDER.finditer(line):
        out.append(line[at : m.start()])
        if m.group().startswith("{{"):
            for q in _QUOTED.finditer(m.group()):
                if _MAY_PRINT.search(m.group(), 0, q.start()):
                    continue  # 句(…, 主语="行政复议方面"): printed only when the first part is empty
                out += re.split(r"\{[^{}]*\}", q.group(1) if q.group(1) is not None else q.group(2))
        at = m.end()
    out.append(line[at:])
    return out


def says_words(line: str, sentence: str) -> bool:
    """Does template ``line`` print words of its own that stand in ``sentence``? (A line of
    tags only, {% from "宏.j2" import s %}{{ s(x) }}, prints none: a macro's words are its.)"""
    pieces = [p for p in (_LINE_EDGES.sub("", part) for part in _own_words(line)) if p]
    return bool(pieces) and _in_order(pieces, sentence) is not None


def _in_order(pieces: list[str], sentence: str) -> int | None:
    """Where in ``sentence`` ``pieces`` end, standing there one after another; None when they
    do not."""
    at = 0
    for piece in pieces:
        at = sentence.find(piece, at)
        if at < 0:
            return None
        at += len(piece)
    return at
