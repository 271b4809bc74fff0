"""Last year's promises (--last): each item of last year's 下一步 is looked for in this
year's report by its content words. The only rule that needs jieba's dictionary, loaded
when it runs."""

from __future__ import annotations

import re

from drafter.check.context import Check
from drafter.reading.parser import enumerations

_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def promises(last) -> list[tuple[object, str, str]]:
    """(unit, heading, text) for each item of last year's 下一步 part: its sub-sections,
    or the 一是/二是 items of its paragraphs (also of a merged closing paragraph)."""
    out = []
    units = last.units
    for i, u in enumerate(units):
        if u.part != "下一步":
            continue
        if u.kind == "小标题" and u.node.level > 1:
            body = "".join(b.text for b in u.node.paragraphs)
            out.append((u, u.text, u.text + body))
        elif u.kind == "段落" and not _under_subheading(u, units[:i]):
            text = u.text
            if "下一步" in text:  # a merged closing paragraph: the promises come after 下一步
                text = text[text.index("下一步"):]
            for item in enumerations(text) or ([text] if len(text) > 20 else []):
                out.append((u, item[:30], item))
    return out


def _under_subheading(unit, before) -> bool:
    for u in reversed(before):
        if u.kind == "小标题":
            return u.node.level > 1 and u.part == unit.part and unit.node in u.node.body
    return False


def keywords(text: str, stop: set[str], limit: int) -> list[str]:
    from drafter.segment import cut

    seen: list[str] = []
    for word in cut(text):
        if _WORD.match(word) and word not in stop and word not in seen:
            seen.append(word)
    seen.sort(key=len, reverse=True)  # longer words say more about what was promised
    return seen[:limit]


def run(check: Check) -> None:
    if check.last is None or not check.on("承诺未落实"):
        return
    p = check.table.params
    stop = set(check.table.words("承诺停用词"))
    this_year = "".join(u.text for u in check.doc.units if u.part not in ("下一步",))
    last = check.last
    for unit, heading, text in promises(last):
        words = keywords(text, stop, p["承诺关键词数"])
        if len(words) < 2:
            continue
        found = sum(1 for w in words if w in this_year)
        if found / len(words) >= p["承诺落实比例"]:
            continue
        heading = heading.rstrip("。；，")
        at = max(unit.text.find(heading), 0)
        where = last.where(unit, at, at + len(heading))
        check.add("承诺未落实", where, heading, "去年的承诺",
                  f"去年提出的“{heading}”，今年的报告中没有看到落实情况（没有出现：{'、'.join(w for w in words if w not in this_year)[:40]}）。",
                  "在成效部分写明这项安排落实得怎样；确实没有落实的，在不足部分说明原因。")
