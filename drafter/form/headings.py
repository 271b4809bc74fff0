"""The year placeholders a clerk may write in the form's own part headings (写法.部分标题).

Only {年度} and {下一年度} are filled in, by plain replacement: a heading is the clerk's
text, never a Python format string (which would reach attributes, take widths or fail on a
lone brace). Anything else in braces is a mistake reported where the heading is written.
"""

from __future__ import annotations

from drafter.files.patterns import lazy_re

PLACEHOLDERS = ("年度", "下一年度")
_BRACE = lazy_re(r"\{([^{}]*)\}|[{}]")
_DOUBLED = lazy_re(r"\{\{([^{}]*)\}\}")
_WIDE = lazy_re(r"｛([^｛｝]*)｝|[｛｝]")  # full-width braces: a placeholder typed with the Chinese keyboard


def problem(text: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for the first brace in ``text`` that is not a
    placeholder; None when every brace is one."""
    known = "、".join("{" + p + "}" for p in PLACEHOLDERS)
    wide = _WIDE.search(text)
    if wide:
        meant = f"请改成 {{{wide.group(1)}}}；" if wide.group(1) in PLACEHOLDERS else ""
        return (
            f"标题里有全角的大括号“{wide.group()[:20]}”，生成时会原样印出。",
            f"{meant}标题里的年份写作 {known}，用半角大括号（切换到英文输入法再输入）；不是要写年份的，请删去这个大括号。",
        )
    doubled = _DOUBLED.search(text)
    if doubled:  # {{年度}}: template writing; the heading takes one pair of braces
        inner = doubled.group(1).strip()
        meant = f"请写成 {{{inner}}}" if inner in PLACEHOLDERS else f"请改成 {known} 中的一个"
        return (
            f"标题里的“{_short(doubled.group())}”用了两层大括号，生成时会原样印出，不会换成年份。",
            f"{meant}（只用一层大括号）；标题里能写的只有 {known}。",
        )
    for m in _BRACE.finditer(text):
        if m.group(1) is not None and m.group(1) in PLACEHOLDERS:
            continue
        if m.group(1) is None:
            return (
                f"标题里有一个不成对的大括号“{m.group()}”。",
                f"标题里的大括号只用来写 {known}（生成时换成年份）；请删去这个大括号，或补全成 {known}。",
            )
        shown = m.group() if len(m.group()) <= 20 else m.group()[:20] + "……"
        return (f"标题里的“{shown}”不能用。", f"标题里只能写 {known}，生成时换成年份；请改成其中一个，或删去这对大括号。")
    return None


# Braces anywhere in a form's text (Jinja's {{ }} and {% %}, a {placeholder}, one brace alone,
# full-width ones): the form's text is printed as written, so each would reach the report.
_ANY_BRACE = lazy_re(r"\{\{.*?\}\}|\{%.*?%\}|\{[^{}]*\}|｛[^｛｝]*｝|[{}｛｝]")


def text_problem(text: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for the first brace in a text field of the form other
    than a part heading of 写法.部分标题 (see ``problem``); None when it has none."""
    m = _ANY_BRACE.search(text)
    if not m:
        return None
    shown = _short(m.group())
    inner = m.group().strip("{}｛｝%").strip()
    known = "、".join("{" + p + "}" for p in PLACEHOLDERS)
    if inner in PLACEHOLDERS:
        message = f"这里的“{shown}”不会换成年份：表单里的文字照原样印进报告，报告里会印出大括号。"
    elif len(m.group()) > 1:
        message = f"这里的“{shown}”不会换成别的内容：表单里的文字照原样印进报告，报告里会印出大括号。"
    else:
        message = f"这里有一个大括号“{shown}”，报告里会原样印出。"
    return (message, f"请直接写出要印的文字（如年份、单位名称），删去大括号；{known} 只在“写法.部分标题”里会换成年份。")


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "……"


def fill(text: str, year: int) -> str:
    """``text`` with {年度} and {下一年度} replaced by the years; every other character as written."""
    values = {"年度": str(year), "下一年度": str(year + 1)}
    return _BRACE.sub(lambda m: values.get(m.group(1), m.group()) if m.group(1) is not None else m.group(), text)
