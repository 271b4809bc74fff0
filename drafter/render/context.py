"""Build the template context from a validated form.

Everything a template may use is made here: the unit's names, dates, the political
formulas for the report year (from data, domain.md §6), part headings from the
catalogue, and each theme's figures with rates derived from counts.
"""

from __future__ import annotations

from drafter.catalogue import Catalogue, load_formulas
from drafter.errors import Findings, Where
from drafter.render.figures import FigureSet


class ThemeEntry:
    """One theme of the form as templates see it."""

    def __init__(self, key: str, name: str, heading: str, figures: FigureSet, measures: list,
                 area: str):
        self.键 = key
        self.名称 = name
        self.标题 = heading
        self.数据 = figures
        self.做法 = measures
        self.纲要 = area

    @property
    def 有内容(self) -> bool:
        return bool(self.数据) or bool(self.做法)


def formulas_for(year: int, findings: Findings | None = None, file: str | None = None) -> dict:
    """The formulas for ``year``; a year outside the data uses the nearest entry and warns."""
    table = load_formulas()
    if year in table:
        return table[year]
    nearest = max(table) if year > max(table) else min(table)
    if findings is not None:
        findings.add(Where(file, field="年度"),
                     f"内置的政治表述只有 {min(table)}—{max(table)} 年度，{year} 年度暂用 {nearest} 年度的表述。",
                     "请核对开头段“深入学习贯彻……精神”的写法，并在 drafter/data/formulas.yaml 中补上这一年。",
                     severity="提醒", rule="表述数据缺失")
    return table[nearest]


def build_context(data: dict, cat: Catalogue, findings: Findings | None = None,
                  file: str | None = None) -> dict:
    year = data["年度"]
    fill = {"年度": year, "下一年度": year + 1}
    part_headings = {p.key: p.heading.format(**fill) for p in cat.parts}

    def entry(key: str, raw: dict) -> ThemeEntry:
        theme = cat.themes[key]
        return ThemeEntry(key, theme.name, raw.get("标题") or theme.heading,
                          FigureSet(theme, raw.get("数据") or {}, raw.get("上年数据") or {}),
                          raw.get("做法") or [], theme.outline_area)

    achievements = [entry(raw["主题"], raw) for raw in data.get("成效") or []]
    leader = entry("第一责任人", data.get("第一责任人") or {})
    unit = data["单位"]
    sign = data.get("落款") or {}
    formulas = formulas_for(year, findings, file)
    return {
        "单位": unit,
        "年度": year,
        "下一年度": year + 1,
        "成文日期": data["成文日期"],
        "标题": data.get("标题") or f"{unit}关于{year}年度法治政府建设情况的报告",
        "主送机关": data.get("主送机关"),
        "主要成效": (data.get("开头") or {}).get("主要成效") or [],
        "会议精神": formulas["会议精神"],
        "纲要": formulas["纲要"],
        "部分标题": part_headings,
        "成效": [t for t in achievements if t.有内容],
        "第一责任人": leader,
        "问题": data.get("问题") or [],
        "下一步": data.get("下一步") or [],
        "其他": data.get("其他") or [],
        "正文": data.get("正文") or [],
        "署名": sign.get("署名") or unit,
        "盖章": bool(sign.get("盖章")),
        "附注": sign.get("附注"),
    }
