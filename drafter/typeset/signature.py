"""Right indents of the signature and date lines (GB/T 9704 7.3.5, domain.md §1.3).

Without a seal (7.3.5.2) the signature stands right with 2 字 to spare and the date's
first character is 2 字 right of the signature's; when the date is the longer, the date
keeps 2 字 and the signature moves left. With a seal (7.3.5.1) the date keeps 4 字 and
the signature is centred over it.
"""

from __future__ import annotations

from drafter.typeset.titlewrap import width


def indents(signature: str, date: str, sealed: bool, space: float = 2, seal_space: float = 4) -> tuple[float, float]:
    """(signature right indent, date right indent), both in 字."""
    s, d = width(signature), width(date)
    if sealed:
        return seal_space + (d - s) / 2, seal_space
    date_indent = max(space, s - d)
    return date_indent + d - s + space, date_indent
