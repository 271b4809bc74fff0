"""Wrap a 公文 title into balanced lines at word boundaries (GB/T 9704 7.3.1).

The standard asks that a wrapped title keep words whole and that its lines be
symmetrical (梯形 or 菱形). We segment the title against a small lexicon of title
words (``data/title_words.txt``) instead of importing jieba, which alone costs more
time (≈140 ms through pkg_resources) than the whole render budget leaves. Runs of
characters the lexicon does not know are kept whole, except after an administrative
suffix (省市县区…), so an unknown place name is never cut in the middle.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

_LEXICON = Path(__file__).resolve().parent.parent / "data" / "title_words.txt"
_ADMIN_SUFFIX = set("省市县区州盟旗镇乡")
_CLOSING = set("、，。；：）》”’")
_OPENING = set("（《“‘")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset, int]:
    words = {line.strip() for line in _LEXICON.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(words), max(map(len, words))


def segment(text: str) -> list[str]:
    """Split ``text`` into tokens a line break may fall between."""
    words, longest = _lexicon()
    n = len(text)
    # best[i]: (characters covered by lexicon words, -tokens, previous cut, is word) for text[:i]
    best: list = [None] * (n + 1)
    best[0] = (0, 0, -1, False)
    for i in range(n):
        if best[i] is None:
            continue
        cov, neg, _, _ = best[i]
        options = [(i + 1, False)]
        options += [(i + k, True) for k in range(2, min(longest, n - i) + 1) if text[i : i + k] in words]
        if text[i] in words:
            options.append((i + 1, True))
        for j, is_word in options:
            cand = (cov + (j - i if is_word else 0), neg - 1, i, is_word)
            if best[j] is None or cand[:2] > best[j][:2]:
                best[j] = cand
    pieces: list[tuple[str, bool]] = []
    j = n
    while j > 0:
        _, _, i, is_word = best[j]
        pieces.append((text[i:j], is_word))
        j = i
    pieces.reverse()
    # Merge unknown single characters into runs; digits and Latin stay together too.
    tokens: list[str] = []
    unknown = ""
    for piece, is_word in pieces:
        if is_word:
            if unknown:
                tokens.extend(_split_unknown(unknown))
                unknown = ""
            tokens.append(piece)
        else:
            unknown += piece
    if unknown:
        tokens.extend(_split_unknown(unknown))
    return _attach_punctuation(tokens)


def _split_unknown(run: str) -> list[str]:
    out, cur = [], ""
    for k, ch in enumerate(run):
        cur += ch
        if ch in _ADMIN_SUFFIX and len(cur) >= 2 and k < len(run) - 1:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def _attach_punctuation(tokens: list[str]) -> list[str]:
    out: list[str] = []
    carry = ""
    for tok in tokens:
        tok = carry + tok
        carry = ""
        while tok and tok[0] in _CLOSING and out:
            out[-1] += tok[0]
            tok = tok[1:]
        while tok and tok[-1] in _OPENING:
            carry = tok[-1] + carry
            tok = tok[:-1]
        if tok:
            out.append(tok)
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def width(text: str) -> float:
    """Width in 字: Chinese characters count 1, ASCII letters and digits ½."""
    return sum(0.5 if ord(ch) < 128 else 1 for ch in text)


def wrap_title(title: str, capacity: float) -> list[str]:
    """Break ``title`` into the fewest lines of at most ``capacity`` 字, as even as possible,
    the first line never shorter than the last, no line under three 字, no word split."""
    if width(title) <= capacity:
        return [title]
    tokens = segment(title)
    widths = [width(t) for t in tokens]
    total = sum(widths)
    for lines in range(math.ceil(total / capacity), len(tokens) + 1):
        best = _best_split(tokens, widths, lines, capacity)
        if best:
            return best
    return [title]


def _best_split(tokens, widths, lines, capacity):
    n = len(tokens)
    target = sum(widths) / lines
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    best_cost, best_cuts = None, None

    def search(start: int, left: int, cuts: list[int], cost: float):
        nonlocal best_cost, best_cuts
        if left == 1:
            w = prefix[n] - prefix[start]
            if w > capacity or w < 3:
                return
            all_cuts = cuts + [n]
            first = prefix[all_cuts[0]]
            if first < w:  # the first line may not be shorter than the last
                return
            total = cost + (w - target) ** 2
            if best_cost is None or total < best_cost:
                best_cost, best_cuts = total, all_cuts
            return
        for end in range(start + 1, n - left + 2):
            w = prefix[end] - prefix[start]
            if w > capacity:
                break
            if w < 3:
                continue
            search(end, left - 1, cuts + [end], cost + (w - target) ** 2)

    search(0, lines, [], 0.0)
    if best_cuts is None:
        return None
    out, start = [], 0
    for end in best_cuts:
        out.append("".join(tokens[start:end]))
        start = end
    return out
