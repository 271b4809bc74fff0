"""Chinese typography repairs applied to every line of generated text (domain.md §6).

Half-width punctuation next to Chinese characters becomes full-width; straight quotes
become “ ”; "..." becomes ……; a hyphen between years or months becomes the 一字线 —.
Latin and numeric text (95.3%, GB/T 9704, www.gov.cn) is left alone.
"""

from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_OR_CLOSE = f"[{CJK}“”‘’（）《》、，。；：！？]"
_MAP = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}

_AFTER = re.compile(f"(?<={_CJK_OR_CLOSE})\\s*([,;:?!])")
_BEFORE = re.compile(f"([,;:?!])\\s*(?=[{CJK}“（《])")
_PERIOD = re.compile(f"(?<=[{CJK}）”%])\\.(?!\\d)")
_ELLIPSIS = re.compile(r"\.{3,}|…(?!…)|。{3,}")
_RANGE = re.compile(r"(?<=\d)\s*[-－~～—–]{1,2}\s*(?=\d{1,4}\s*[年月日条])")
_PARENS = re.compile(r"\(([^()]*)\)")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")


def _parens(m: re.Match) -> str:
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
    text = _PARENS.sub(_parens, text)
    text = _quotes(text)
    text = _ELLIPSIS.sub("……", text)
    text = _AFTER.sub(lambda m: _MAP[m.group(1)], text)
    text = _BEFORE.sub(lambda m: _MAP[m.group(1)], text)
    text = _PERIOD.sub("。", text)
    text = _RANGE.sub("—", text)
    return text
