"""The opening paragraph as data, written like a sentence of the phrase table (句式.yaml).

One line per item; items are joined by “，”, a line “。” ends a sentence there, and an item
ending in “：” ends the paragraph with it (现将有关情况报告如下：). Braces name what the form
and the year give::

    - "{年度}年，{单位}坚持以习近平新时代中国特色社会主义思想为指导"
    - 全面贯彻{会议精神}
    - 。
    - 一年来，{主要成效}

An item naming something the form leaves empty (no 纲要 for the year, no 主要成效) is left
out, as a figure sentence's item is. The default is the phrase table's 开头 entry; a form's
开头.句式 replaces it for that report. Both are checked here, so a slip is said where it was
typed.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.files.patterns import lazy_re
from drafter.model.typography import FORMAT_CODE, clauses, unpaired

NAMES = ("年度", "下一年度", "单位", "会议精神", "纲要", "主要成效")
_SLOT = lazy_re(r"\{([^{}]*)\}")
_END = set("。.．｡")
# An item's ends shed these, as a figure sentence's items do (phrases._TRIMMED): the paragraph
# adds its own “，” and “。” (an end of “：” is kept: it ends the paragraph).
_TRIM = "，,、；;：:。.．｡ \u3000！？!?…⋯—―～~"
_EMPTY_PAIR = lazy_re(r"（\s*）|\(\s*\)|“\s*”|‘\s*’|【\s*】|〔\s*〕|\[\s*\]|［\s*］|「\s*」|〈\s*〉|《\s*》")
HINT = (
    "开头的句式一行一项，项与项之间自动加“，”；单独一行“。”表示句子在这里结束；大括号里可以写："
    + "、".join("{" + n + "}" for n in NAMES)
    + "。"
)


def ends_sentence(item: str) -> bool:
    return bool(item.strip()) and set(item.strip()) <= _END


def problem(item: object, typed: str = "") -> tuple[str, str] | None:
    """What is wrong with one item (what, how to fix it), or None. ``typed``: the item as the
    clerk typed it, when known."""
    if isinstance(item, dict) and len(item) == 1 and next(iter(item.values())) is None and typed.startswith("{"):
        words = next(iter(item))  # - {主要成效}: YAML read a mapping
        return (
            f"这一项被读成了“{words}: ”，不是一句话：以“{{”开头的一项要给整项加上英文引号。",
            f'请写成 - "{{{words}}}"。',
        )
    if isinstance(item, dict) and len(item) == 1 and next(iter(item.values())) is None:
        words = next(iter(item))  # 现将有关情况报告如下: — the half-width colon read as a name's
        return (f"“{words}”末尾的半角冒号“:”让这一项被读成了“名称: 内容”。", f"请改用全角冒号，写成 - {words}：（或给整项加上引号）。")
    if isinstance(item, str) and not item.strip():
        return "这一项里没有文字。", HINT
    if not isinstance(item, str):
        return "开头的句式里每一项应是一段文字。", HINT
    if re.search(r"[\t\v\f\r]", item):  # as in every phrase item: printed as a stretch of blank
        return "这一项里有制表符（Tab）之类的空白，报告里会原样印出一段空白。", "请删去它；词与词之间不用空格。"
    if ends_sentence(item):
        return None
    code = FORMAT_CODE.search(item)
    if code:
        return (f"文字里的“{code.group()}”会原样印进报告：这里要填的内容写在大括号里，不用“{code.group()}”。", HINT)
    if re.search("[｛｝]", item):
        return "这一项里有全角的大括号“｛｝”，名称要写在英文（半角）大括号里，如 {年度}。", HINT
    stray = _SLOT.sub("", item)
    if "{" in stray or "}" in stray:
        return "这一项的大括号没有配对。", HINT
    empty = _EMPTY_PAIR.search(item)
    if empty:
        return f"这一项里有空的{empty.group()}，报告里会照样印出来。", f"请在{empty.group()}里写上内容，或删去它。"
    for name in _SLOT.findall(item):
        if name.strip() not in NAMES:
            return f"开头的句式里不认识“{{{name}}}”。", HINT
    names = [name.strip() for name in _SLOT.findall(item)]
    twice = next((name for name in names if names.count(name) > 1), None)
    if twice:  # 全面贯彻{会议精神}{会议精神}: the formula printed twice, glued together
        return f"这一项里写了两次{{{twice}}}，报告里会把同样的内容印两遍。", f"请删去一个{{{twice}}}。"
    bad = unpaired(item)
    if bad:
        at, _how = bad[0]
        return f"这一项第 {at + 1} 个字“{item[at]}”没有与它配对的括号或引号。", "一项里的括号、引号要在这一项里成对。"
    if not _SLOT.sub("", item).strip(_TRIM) and not _SLOT.search(item):
        return "这一项里没有文字。", HINT
    return None


def after_the_end(items: list[Any] | tuple[Any, ...]) -> int | None:
    """The index of the first item written after one that ends the paragraph with “：”
    (“。” lines aside), or None: nothing can follow 现将有关情况报告如下：."""
    ended = False
    for i, item in enumerate(items):
        if not isinstance(item, str) or ends_sentence(item):
            continue
        if ended:
            return i
        ended = item.rstrip().endswith(("：", ":"))
    return None


AFTER_THE_END = ("以“：”结尾的一项结束全段，它后面不能再写。", "请把这一项移到以“：”结尾的那一项前面，或删去它。")


def fill(items: list[str] | tuple[str, ...], context: dict[str, Any]) -> str:
    """The opening ``items`` write with the names a template context gives (单位, 年度, the
    year's 会议精神 and 纲要, the form's 主要成效 joined by “，”)."""
    highlights = context.get("主要成效") or []
    values = {name: context.get(name) for name in NAMES}
    values["主要成效"] = "，".join(str(h) for h in highlights) if isinstance(highlights, list) else None
    return write(items, values)


EMPTY_HINT = '请加上一项不依赖这些内容的文字，如 "{年度}年，{单位}扎实推进法治政府建设"。'


def write(items: list[str] | tuple[str, ...], values: dict[str, Any]) -> str:
    """The opening paragraph: each item with its names filled in, left out when one of them is
    empty; sentences closed with “。” unless an item ends with “：”."""
    out: list[str] = []
    kept: list[str] = []

    def close() -> None:
        if kept:
            text = clauses(kept)
            out.append(text if text.endswith(("：", ":")) else text + "。")
            kept.clear()

    for item in items:
        if ends_sentence(item):
            close()
            continue
        names = [n.strip() for n in _SLOT.findall(item)]
        if any(not values.get(n) for n in names):
            continue
        colon = item.rstrip().endswith(("：", ":"))
        text = _SLOT.sub(lambda m: str(values[m.group(1).strip()]), item.strip().strip(_TRIM))
        text = text.strip() + ("：" if colon and text.strip() else "")
        if text:
            kept.append(text)
            if colon:
                close()
    close()
    return "".join(out)
