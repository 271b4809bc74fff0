"""Chinese typography repairs applied to every line of generated text (domain.md §6).

Half-width punctuation next to Chinese characters becomes full-width; straight quotes
become “ ”; "..." becomes ……; a hyphen between years or months becomes the 一字线 —.
Latin and numeric text (95.3%, GB/T 9704, www.gov.cn) is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.files.characters import INVISIBLE
from drafter.files.patterns import lazy_re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_OR_CLOSE = f"[{CJK}“”‘’（）《》、，。；：！？]"
_MAP = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}

_AFTER = lazy_re(f"(?<={_CJK_OR_CLOSE})\\s*([,;:?!])")
_BEFORE = lazy_re(f"([,;:?!])\\s*(?=[{CJK}“（《])")
# (not the dot of a heading number at the text's start, 二.存在的不足: a number mark, which
# check tells as such)
_PERIOD = lazy_re(f"(?<=[{CJK}）”%])(?<!^[一二三四五六七八九十])(?<!^[一二三四五六七八九十]{{2}})\\.(?!\\d)")
# "..." or 。。。 or a lone … is the 省略号 ……; a run of … stays as typed (…… is right, never
# made ………)
_ELLIPSIS = lazy_re(r"\.{3,}|(?<!…)…(?!…)|。{3,}")
_RANGE = lazy_re(r"(?<=\d)\s*[-－~～—–]{1,2}\s*(?=\d{1,4}\s*[年月日条])")
_PARENS = lazy_re(r"\(([^()]*)\)")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")
_FULLWIDTH_POINT = lazy_re(r"(?<=\d)．(?=\d)")  # ８８．１ is 88.1


def _parens(m: re.Match[str]) -> str:
    inner = m.group(1)
    if re.search(f"[{CJK}]", inner):
        return f"（{inner}）"
    return m.group(0)


def _quotes(text: str) -> str:
    if '"' not in text:
        return text
    out, open_ = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if open_ else "”")
            open_ = not open_
        else:
            out.append(ch)
    return "".join(out)


def normalize(text: str) -> str:
    """Repair the punctuation of one line of Chinese text."""
    if not text:
        return text
    text = text.translate(_FULLWIDTH_DIGITS)
    text = _FULLWIDTH_POINT.sub(".", text)
    text = _PARENS.sub(_parens, text)
    text = _quotes(text)
    text = _ELLIPSIS.sub("……", text)
    text = _AFTER.sub(lambda m: _MAP[m.group(1)], text)
    text = _BEFORE.sub(lambda m: _MAP[m.group(1)], text)
    text = _PERIOD.sub("。", text)
    text = _RANGE.sub("—", text)
    return text


# Whitespace in a text the clerk gives (a space, NBSP, U+3000, a tab, the space YAML puts for a
# line break in a folded ">" block): Chinese text has none, so a run of it next to a Chinese
# character or full-width punctuation goes; between Latin letters or digits (ISO 9001) one
# ordinary space stays. Every text of a form and of the office's formulas file goes through this.
# A code a programmer's formatting would fill in (%s, %d, %(名)s, ${名}): in a phrase or an
# opening it stands in the report as typed.
FORMAT_CODE = lazy_re(r"%[-+#0]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%\(|\$\{")


def no_orphan_part(parts: list[str]) -> list[str]:
    """A sentence's clauses, the first without a leading 其中: when the clause its whole was
    in is left out (a figure not given), 其中网上可办812项 would be a part of nothing said."""
    if parts and parts[0].startswith("其中") and parts[0][2:].lstrip("，,、：:"):
        return [parts[0][2:].lstrip("，,、：:"), *parts[1:]]
    return parts


def clauses(parts: list[str]) -> str:
    """Clauses of one sentence joined by “，”; one in brackets (（上年5%）) stands right after
    the clause before it, as a note on it, with no comma."""
    return "".join(p if i == 0 or p[:1] in "（(" else "，" + p for i, p in enumerate(parts))


_SPACES = lazy_re(r"\s+")
_WIDE = lazy_re(f"[{CJK}\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2e80-\u2fdf]")


def close_spaces(text: str) -> str:
    """``text`` without whitespace at its ends or beside a Chinese character; any other run
    of whitespace (between Latin words or figures) is one ordinary space."""

    def one(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        if start == 0 or end == len(text) or _WIDE.match(text[start - 1]) or _WIDE.match(text[end]):
            return ""
        return " "

    return _SPACES.sub(one, text) if _SPACES.search(text) else text


# A sequence mark a clerk may type at the head of a title or a paragraph: 一、 （一） 1. （1）
# ① ⑴ ⒈ Ⅰ、 — the marks of a heading, which drafter numbers itself — and the in-paragraph
# ordinals 一是 / 第一， (which, at the head of a title, double the heading's own number).
# 一、二线 (the first and second lines) is a phrase, not a mark.
HEADING_MARK = lazy_re(
    r"^(?:[一二三四五六七八九十]+[、.．](?![一二三四五六七八九十])|[（(][一二三四五六七八九十]+[)）]"
    r"|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[)）]|\d{1,2}[)）](?!\d)|[一二三四五六七八九十]{1,2}[)）]"
    r"|[①-⑳⑴-⒇⒈-⒛]|[Ⅰ-Ⅻⅰ-ⅻ][、.．])"
)
ORDINAL_MARK = lazy_re(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[、，,：:])")


def issuers(signature: str) -> list[str]:
    """The issuers a signature names, one a line when printed (a joint report's two, set apart
    by spaces); a name spaced out a character at a time (永　宁　县　司　法　局) is one issuer."""
    pieces = signature.split()
    return ["".join(pieces)] if any(len(p) == 1 for p in pieces) else pieces


def see_through(text: str) -> tuple[str, list[int] | None]:
    """``text`` without its invisible characters, and where each remaining character (and
    the end) stood in ``text``; None when there were none (the positions are the same)."""
    if not INVISIBLE.search(text):
        return text, None
    kept = [i for i, ch in enumerate(text) if not INVISIBLE.match(ch)]
    return "".join(text[i] for i in kept), kept + [len(text)]


# What the reader's repairs (``normalize``, full-width digits, collapsed spaces, invisible
# characters) may have changed in a character: both sides of a comparison are folded so that
# a repaired quote can be found again, character for character, in the text as typed.
_FOLD = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "。": ".",
    "、": ",",
    "…": ".",
    "—": "-",
    "–": "-",
    "～": "-",
    "~": "-",
}


@lru_cache(maxsize=16)  # the findings of one paragraph all look in the same line
def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` folded (spaces and invisible characters dropped, the rest as in _FOLD), and
    where each folded character stood in ``text``."""
    out, at = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or INVISIBLE.match(ch):
            continue
        out.append(_FOLD.get(ch, ch))
        at.append(i)
    return "".join(out), at


def typed_span(typed: str, quote: str, near: int = 0) -> tuple[int, int] | None:
    """Where in ``typed`` (a line as the clerk wrote it) stands the stretch that reads as
    ``quote`` (a piece of the same text after the reader's repairs): full-width digits,
    spaces and invisible characters inside it kept. The occurrence nearest ``near`` (an
    offset in ``typed``); None when ``quote`` is not there."""
    want, _ = _folded(quote)
    if not want or not typed:
        return None
    have, at = _folded(typed)
    best, i = None, have.find(want)
    while i >= 0:
        if best is None or abs(at[i] - near) < abs(at[best] - near):
            best = i
        i = have.find(want, i + 1)
    if best is None:
        return None
    start, end = at[best], at[best + len(want) - 1] + 1
    lead = len(quote) - len(quote.lstrip())  # spaces the quote itself opens with
    while lead and start and typed[start - 1].isspace():
        start, lead = start - 1, lead - 1
    return start, end


# -- brackets and quotes that pair (GB/T 15834 marks; half-width brackets pair with either width) --
PAIRS = {"（": "）", "《": "》", "〔": "〕", "【": "】", "“": "”", "‘": "’"}
_CLOSING = {v: k for k, v in PAIRS.items()}
_WIDTH = {"(": "（", ")": "）"}
# A list number closed by a bracket (1）完善制度；2）强化考核): not a bracket left open.
_LIST_NUMBER = lazy_re(r"(?:^|(?<=[：:；;。，,\s]))(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,2})$")


def unpaired(text: str) -> list[tuple[int, str]]:
    """(offset, "open" or "close") of each bracket, 书名号 or quote of ``text`` without its
    partner, in order: a closer with no opener, an opener left open (an opening quote before
    the last one closed counts as left open)."""
    stack: list[tuple[str, int]] = []
    found: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        kind = _WIDTH.get(ch, ch)
        if kind in PAIRS:
            if kind == "“" and stack and stack[-1][0] == "“":
                found.append((stack.pop()[1], "open"))
            stack.append((kind, i))
        elif kind in _CLOSING:
            if stack and stack[-1][0] == _CLOSING[kind]:
                stack.pop()
            elif kind == "）" and _LIST_NUMBER.search(text, max(0, i - 4), i):
                continue
            elif any(k == _CLOSING[kind] for k, _ in stack):
                while stack[-1][0] != _CLOSING[kind]:  # the openers between were left open
                    found.append((stack.pop()[1], "open"))
                stack.pop()
            else:
                found.append((i, "close"))
    return sorted(found + [(i, "open") for _, i in stack])


def partner(ch: str) -> str:
    """The mark that pairs with bracket or quote ``ch`` (either width)."""
    kind = _WIDTH.get(ch, ch)
    return PAIRS.get(kind) or _CLOSING[kind]
