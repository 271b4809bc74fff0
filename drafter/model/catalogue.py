"""The outline catalogue: report parts, themes, standard figures and rates, as data.

Read from ``drafter/data/catalogue.yaml`` (or a file an office supplies); the form
definition, the validator and the templates all take their themes and figures from here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from drafter.errors import ConfigError, Where
from drafter.files.datacache import load_yaml

T = TypeVar("T")

DATA = Path(__file__).resolve().parent.parent / "data"


class FigureDef(NamedTuple):
    name: str
    unit: str
    about: str
    upper: float | None = None
    not_above: str | None = None  # another figure of the same group it cannot exceed
    decimal: bool = False  # amounts such as 亿元 may carry decimals; counts may not
    # The figures of the same group whose SUM it cannot exceed: (not_above,) for one, or
    # several (按时办复 ≤ 人大代表建议 + 政协提案); not_above is None when there are several.
    within: tuple[str, ...] = ()
    # The figures of the same group it is never a part of (受理前化解 is settled before 受理):
    # “受理{受理}，其中受理前化解{受理前化解}” is refused in a phrase table.
    outside: tuple[str, ...] = ()
    # The figures of the same group never listed as its parts though it is no part of them
    # either (审结 may hold last year's cases, yet “审结146件，其中受理140件” says nothing).
    excludes: tuple[str, ...] = ()


class RateDef(NamedTuple):
    name: str
    numerator: str
    denominator: tuple[str, ...]  # summed when several
    about: str


class Group(NamedTuple):
    name: str
    about: str
    figures: dict[str, FigureDef]
    rates: dict[str, RateDef]
    aliases: tuple[str, ...] = ()  # words reports use for this group (reading side)


class Theme(NamedTuple):
    key: str
    part: str
    name: str
    outline_area: str
    heading: str
    keywords: tuple[str, ...]
    groups: dict[str, Group]
    vocabulary: tuple[str, ...] = ()  # words reports use for this theme (reading side)


class Part(NamedTuple):
    key: str
    heading: str  # may contain {年度} / {下一年度}
    required: bool
    about: str
    joins: tuple[str, ...] = ()  # a part written instead of these, when the form asks for it

    @property
    def own(self) -> bool:
        """Whether the part stands on its own in the default order (not one written instead of others)."""
        return not self.joins


class Catalogue(NamedTuple):
    outline: str
    parts: tuple[Part, ...]
    themes: dict[str, Theme]

    def part(self, key: str) -> Part:
        return next(p for p in self.parts if p.key == key)

    def themes_of(self, part: str) -> list[Theme]:
        return [t for t in self.themes.values() if t.part == part]


def _figure(name: str, f: dict[str, Any]) -> FigureDef:
    """One figure. Its 不大于 names one figure, or a list of figures whose sum bounds it."""
    bound = f.get("不大于")
    within = tuple(str(b) for b in bound) if isinstance(bound, list) else ((str(bound),) if bound else ())
    outside = tuple(str(b) for b in f.get("不属于") or ())
    return FigureDef(
        name,
        f["单位"],
        f.get("说明", ""),
        f.get("上限"),
        within[0] if len(within) == 1 else None,
        bool(f.get("小数", False)),
        within,
        outside,
        tuple(str(b) for b in f.get("不含") or ()),
    )


def _parse(raw: dict[str, Any], file: str) -> Catalogue:
    try:
        parts = tuple(
            Part(p["键"], p["标题"], bool(p.get("必需", True)), p.get("说明", ""), tuple(str(k) for k in p.get("合写") or ()))
            for p in raw["部分"]
        )
        themes = {}
        for t in raw["主题"]:
            groups = {}
            for gname, g in (t.get("数据组") or {}).items():
                figures = {name: _figure(name, f) for name, f in (g.get("指标") or {}).items()}
                rates = {}
                for name, r in (g.get("比率") or {}).items():
                    den = r["分母"]
                    den = tuple(den) if isinstance(den, list) else (den,)
                    for ref in (r["分子"], *den):
                        if ref not in figures:
                            raise KeyError(f"比率 {gname}.{name} 引用了不存在的指标 {ref}")
                    rates[name] = RateDef(name, r["分子"], den, r.get("说明", ""))
                for f in figures.values():
                    for ref in f.within:
                        if ref not in figures or ref == f.name:
                            raise KeyError(f"指标 {gname}.{f.name} 的“不大于”引用了不存在的指标 {ref}")
                    for ref in f.outside:
                        if ref not in figures or ref == f.name:
                            raise KeyError(f"指标 {gname}.{f.name} 的“不属于”引用了不存在的指标 {ref}")
                    for ref in f.excludes:
                        if ref not in figures or ref == f.name:
                            raise KeyError(f"指标 {gname}.{f.name} 的“不含”引用了不存在的指标 {ref}")
                groups[gname] = Group(gname, g.get("说明", ""), figures, rates, tuple(str(a) for a in g.get("别名", ())))
            themes[t["键"]] = Theme(
                t["键"],
                t["部分"],
                t["名称"],
                t.get("纲要", ""),
                t["默认标题"],
                tuple(str(k) for k in t.get("关键词", ())),
                groups,
                tuple(str(w) for w in t.get("词表", ())),
            )
    except (KeyError, TypeError) as err:
        raise ConfigError(f"大纲目录格式不对：{err}", "请对照 drafter 自带的 catalogue.yaml 修改。", Where(file)) from None
    return Catalogue(raw.get("纲要", ""), parts, themes)


def per_catalogue(build: Callable[[Catalogue], T]) -> Callable[[Catalogue], T]:
    """Cache what ``build(cat)`` derives from a catalogue, keyed by the catalogue object.

    A catalogue holds dicts and cannot be hashed; the cache keeps the object itself beside
    the result, so an id reused by a later catalogue is never mistaken for it."""
    cache: dict[int, tuple[Catalogue, T]] = {}

    def cached(cat: Catalogue) -> T:
        hit = cache.get(id(cat))
        if hit is None or hit[0] is not cat:
            hit = cache[id(cat)] = (cat, build(cat))
        return hit[1]

    return cached


@per_catalogue
def groups_by_name(cat: Catalogue) -> dict[str, Group]:
    """Every 数据组 of the catalogue by its name (group names are unique across themes)."""
    return {g.name: g for t in cat.themes.values() for g in t.groups.values()}


@lru_cache(maxsize=4)
def load_catalogue(path: str | None = None) -> Catalogue:
    file = Path(path) if path else DATA / "catalogue.yaml"
    return _parse(load_yaml(file), str(file))


def wholes_of(group: Group, name: str) -> set[str]:
    """The figures ``name`` is a part of, by the catalogue's 不大于, through every step
    (优秀案卷 within 合格案卷 within 评查案卷)."""
    found: set[str] = set()
    todo = [name]
    while todo:
        for whole in group.figures[todo.pop()].within:
            if whole not in found:
                found.add(whole)
                todo.append(whole)
    return found


def not_a_part(group: Group, whole: str, part: str) -> tuple[str, str]:
    """Why figure ``part`` of ``group`` is no part of ``whole`` by the catalogue: ("unit", "")
    counted in another unit (主动公开 条, 依申请公开 件); ("outside", "") said never to be in it,
    nor any of its parts (受理前化解 and 受理, 纠错), or never listed under it (受理 under 审结);
    ("siblings", the wholes they share) two
    parts of one whole, neither within the other (调解和解, 纠错: of 审结); ("", "") when the
    catalogue does not tell, or it is a part (or the whole) of it."""
    this, that = group.figures[part], group.figures[whole]
    if this.unit != that.unit:
        return "unit", ""
    wholes, its = wholes_of(group, part), wholes_of(group, whole)
    if whole in wholes or part in its:
        return "", ""  # a part of it; or its whole (said where 其中 reverses them)
    if whole in this.outside or {part, *wholes} & set(that.outside) or part in that.excludes:
        return "outside", ""
    if wholes & its:
        return "siblings", "、".join(sorted(wholes & its, key=list(group.figures).index))
    return "", ""
