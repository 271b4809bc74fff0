"""Plausibility: figures beyond what a county-level unit reports in a year, and a form's
figures that changed too much from last year's (a likely extra or missing digit)."""

from __future__ import annotations

from drafter.check.checker import Check
from drafter.model.catalogue import Catalogue, per_catalogue
from drafter.model.numberwords import plain
from drafter.reading.figure_finder import count_name, described, map_to_catalogue


@per_catalogue
def _bounds(cat: Catalogue) -> dict[str, tuple]:
    return {
        f"{g.name}.{f.name}": (f.upper, f.about)
        for t in cat.themes.values()
        for g in t.groups.values()
        for f in g.figures.values()
        if f.upper is not None
    }


@per_catalogue
def _lowest(cat: Catalogue) -> dict[str, float]:
    """Unit of measure → the lowest bound of any catalogue figure counted in it: a count at
    or below it is within every bound, so its paragraph need not be mapped (mapping is the
    costliest step of check; a report mostly holds small counts)."""
    out: dict[str, float] = {}
    for t in cat.themes.values():
        for g in t.groups.values():
            for f in g.figures.values():
                if f.upper is not None:
                    out[f.unit] = min(out.get(f.unit, f.upper), f.upper)
    return out


def bounds(check: Check) -> None:
    """A report's figures against the catalogue's bounds (a form's are checked by validate)."""
    doc = check.doc
    limits = _bounds(doc.cat)
    lowest = _lowest(doc.cat)
    for unit in doc.paragraphs():
        big = [f for f in doc.figures(unit) if f.kind == "count" and f.unit in lowest and f.value > lowest[f.unit]]
        if not big:
            continue
        if id(unit) not in doc._mapped:  # only the counts that may be out of bounds are named
            map_to_catalogue(big, unit.text, doc.cat, unit.context)
        for f in big:
            limit = limits.get(f.maps_to or "")
            if f.kind == "count" and limit and f.value > limit[0]:
                # a count with no name before it (对19625件规范性文件) is quoted and named
                # with the words after it, never as “对” or “”
                named = count_name(f) if f.label == count_name(f) else ""
                start = f.start - len(f.label) if named else f.start
                end = f.start + len(f.text) + (0 if named else len(count_name(f)))
                check.add(
                    "超出合理范围",
                    doc.where(unit, start, end),
                    unit.text[start:end],
                    unit.part,
                    f"{described(f)}超过了县级单位一年内的合理范围（{limit[1]}，一般不超过{plain(limit[0])}{f.unit}）。",
                    "请核对是否多写了零；数字确实无误的，可以忽略这条提醒。",
                )


def form_changes(check: Check) -> None:
    """数据 against 上年数据 in a form."""
    doc = check.doc
    p = check.table.params
    data = doc.data or {}
    entries: list[tuple[tuple, dict]] = [(("成效", i), e) for i, e in enumerate(data.get("成效") or [])]
    entries.append((("第一责任人",), data.get("第一责任人") or {}))
    for path, entry in entries:
        last = entry.get("上年数据") or {}
        for group, figures in (entry.get("数据") or {}).items():
            for name, this in figures.items():
                before = (last.get(group) or {}).get(name)
                if before is None or max(this, before) < p["同比异常最小值"] or min(this, before) <= 0:
                    continue
                ratio = this / before
                # as the report's 同比增长368.3% is judged (同比异常百分比), and by the ratio either way
                if ratio >= p["同比异常倍数"] or ratio <= 1 / p["同比异常倍数"] or (ratio - 1) * 100 > p["同比异常百分比"]:
                    where = doc.source.where(path + ("数据", group, name))
                    check.add(
                        "同比异常",
                        where,
                        f"{name}: {doc.source.typed(path + ('数据', group, name), this)}",  # as typed (0.00001, never 1e-05)
                        "成效" if path[0] == "成效" else "第一责任人",
                        f"“{group}.{name}”本年{plain(this)}，上年{plain(before)}，相差约{plain(round(max(ratio, 1 / ratio), 1))}倍。",
                        "变化这么大，请核对是否多写或少写了一位。",
                    )


def run(check: Check) -> None:
    if check.on("超出合理范围") and check.doc.data is None:
        bounds(check)
    if check.on("同比异常") and check.doc.data is not None:
        form_changes(check)
