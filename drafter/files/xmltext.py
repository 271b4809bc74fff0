"""Characters that cannot go into a .docx, and those we quietly make ordinary.

XML 1.0 allows tab, line feed, carriage return and everything from U+0020 up, except the
surrogates and U+FFFE/U+FFFF. A .docx holding anything else is refused by Word, so such a
character must be stopped where it comes in (form, layout file, template output, report
read), with its place. A few harmless look-alikes (no-break and zero-width spaces, the
soft hyphen, the BOM) are normalised instead of refused.
"""

from __future__ import annotations

from drafter.files.characters import INVISIBLE_CHARS
from drafter.files.patterns import lazy_re

# What XML 1.0 cannot carry. Private-use U+E000/U+E001 are reserved for drafter's own
# literal-text marks in template output (drafter/markup.py), so a clerk cannot type them.
INVALID = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\ue000\ue001]")

# Harmless look-alikes: a no-break space is a space; every character that shows nothing
# (typography.INVISIBLE: zero-width characters, direction marks and overrides, the soft
# hyphen, a stray BOM, U+180E, …) is dropped — the same list check reports as invisible.
QUIET = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", **{ch: None for ch in INVISIBLE_CHARS}})


LOOKALIKE = lazy_re("[" + "".join(map(chr, QUIET)) + "]")


def quiet(text: str) -> str:
    """Text with the harmless look-alikes made ordinary."""
    return text.translate(QUIET)


def first_invalid(text: str) -> int | None:
    """The index of the first character XML cannot carry, or None."""
    m = INVALID.search(text)
    return m.start() if m else None


def describe(ch: str) -> str:
    """A character as a clerk can find it: 控制字符 U+0001."""
    code = f"U+{ord(ch):04X}"
    if ch == "\x00":
        return f"空字符（{code}）"
    if ord(ch) < 0x20:
        return f"控制字符（{code}）"
    return f"不能写入文档的字符（{code}）"


def strip_invalid(text: str) -> str:
    """Text with every character XML cannot carry removed and the look-alikes made ordinary."""
    return INVALID.sub("", quiet(text))


def drop_invalid(text: str) -> str:
    """Text with every character XML cannot carry removed, the rest as it is (a report as
    read: check wants to see, and place, the invisible characters quiet() would drop)."""
    return INVALID.sub("", text)
