"""Last year's promises (--last, or a form's own 去年安排): each is looked for in this
year's report by its content words. The only rule that needs jieba's dictionary, loaded
when it runs."""

from __future__ import annotations

from drafter.check.checker import Check
from drafter.files.patterns import lazy_re
from drafter.reading.promises import next_steps

_WORD = lazy_re(r"^[\u4e00-\u9fff]{2,}$")


def keywords(text: str, stop: set[str], limit: int) -> list[str]:
    from drafter.model.segment import cut

    seen: list[str] = []
    for word in cut(text):
        if _WORD.match(word) and word not in stop and word not in seen:
            seen.append(word)
    seen.sort(key=len, reverse=True)  # longer words say more about what was promised
    return seen[:limit]


def _last_year_items(check: Check):
    """(where, heading, text, hint) for each of last year's promises: from --last, else from
    the form's own 去年安排 (only in a full check: rendering never loads jieba)."""
    if check.last is not None:
        last = check.last
        unit_of = {id(u.node): u for u in last.units if u.node is not None}
        for node, heading, text in next_steps(last.report):
            unit = unit_of[id(node)]
            heading = heading.rstrip("。；，")
            at = max(unit.text.find(heading), 0)
            yield (
                last.where(unit, at, at + len(heading)),
                heading,
                text,
                "在成效部分写明这项安排落实得怎样；确实没有落实的，在不足部分说明原因。",
            )
        return
    data = check.doc.data
    if data is None or not check.full:
        return
    for i, item in enumerate(data.get("去年安排") or []):
        if item.get("落实情况"):
            continue  # reported on in its own section
        heading = str(item.get("标题") or "").rstrip("。；，")
        yield (
            check.doc.source.where(("去年安排", i, "标题")),
            heading,
            heading + str(item.get("去年内容") or ""),
            f"在表单的 去年安排[{i + 1}].落实情况 中写明落实得怎样；确实没有落实的，在“问题”中说明原因。",
        )


def run(check: Check) -> None:
    if not check.on("承诺未落实"):
        return
    items = list(_last_year_items(check))
    if not items:
        return
    p = check.table.params
    stop = set(check.table.words("承诺停用词"))
    this_year = "".join(u.text for u in check.doc.units if u.part not in ("下一步",))
    for where, heading, text, hint in items:
        if len(heading) >= 4 and heading in this_year:
            continue  # named in this year's report (落实上年度工作安排: 2.进一步提升行政执法质量。已…)
        words = keywords(text, stop, p["承诺关键词数"])
        if len(words) < 2:
            continue
        found = sum(1 for w in words if w in this_year)
        if found / len(words) >= p["承诺落实比例"]:
            continue
        check.add(
            "承诺未落实",
            where,
            heading,
            "去年的承诺",
            f"去年提出的“{heading}”，今年的报告中没有看到落实情况（没有出现：{'、'.join(w for w in words if w not in this_year)[:40]}）。",
            hint,
        )
