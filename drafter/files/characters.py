"""Characters that draw nothing (direction marks, zero-width spaces, the BOM…): one list for
every reader and writer, with the names a clerk can look them up by."""

from __future__ import annotations

from drafter.files.patterns import lazy_re

# Characters that show nothing on the page: direction marks and embeddings (U+200E/F,
# U+202A–E, U+2066–9, U+061C), zero-width space and joiners (U+200B–D), word joiner and
# invisible operators (U+2060–4), the BOM (U+FEFF), the soft hyphen (U+00AD), U+180E. Pasted
# from web pages, they split a figure from its name, so the checks read the text without them.
# Also the characters that draw nothing though they are not marks: the combining grapheme
# joiner, Hangul fillers, the Khmer inherent vowels, variation selectors and tag characters.
# The one list: check reports these (INVISIBLE) and xmltext.quiet drops them from every form
# text and every line of a rendered report, so what check calls invisible never reaches one.
INVISIBLE_RANGES = (
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x2029),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x2069),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0xE0000, 0xE007F),
)
INVISIBLE_CHARS = "".join(chr(c) for lo, hi in INVISIBLE_RANGES for c in range(lo, hi + 1))
INVISIBLE = lazy_re("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in INVISIBLE_RANGES) + "]")
INVISIBLE_NAMES = {
    "\u200e": "从左到右标记",
    "\u200f": "从右到左标记",
    "\u061c": "阿拉伯字母标记",
    "\u202a": "从左到右嵌入",
    "\u202b": "从右到左嵌入",
    "\u202c": "方向格式结束",
    "\u202d": "从左到右强制",
    "\u202e": "从右到左强制",
    "\ufff9": "行间注释标记",
    "\ufffa": "行间注释标记",
    "\ufffb": "行间注释标记",
    "\u0085": "下一行符",
    "\u2028": "行分隔符",
    "\u2029": "段分隔符",
    "\u2066": "从左到右隔离",
    "\u2067": "从右到左隔离",
    "\u2068": "方向隔离",
    "\u2069": "方向隔离结束",
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u2060": "零宽不换行",
    "\ufeff": "零宽不换行空格（字节顺序标记）",
    "\u00ad": "软连字符",
    "\u180e": "蒙古文元音分隔符",
    "\u034f": "组合用字形连接符",
    "\u115f": "韩文填充符",
    "\u1160": "韩文填充符",
    "\u3164": "韩文填充符",
    "\uffa0": "半角韩文填充符",
    "\u17b4": "高棉文不发音元音",
    "\u17b5": "高棉文不发音元音",
    **{chr(c): "变体选择符" for c in range(0xFE00, 0xFE10)},
    **{chr(c): "标签字符" for c in range(0xE0000, 0xE0080)},
}


def invisible_name(ch: str) -> str:
    """An invisible character as a clerk can look it up: 从左到右标记（U+200E）."""
    return f"{INVISIBLE_NAMES.get(ch, '不可见字符')}（U+{ord(ch):04X}）"
