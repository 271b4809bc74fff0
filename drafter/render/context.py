"""Build the template context from a validated form.

Everything a template may use is made here: the unit's names, dates, the political
formulas for the report year (from data, domain.md §6), part headings from the
catalogue, and each theme's figures with rates derived from counts.
"""

from __future__ import annotations

from drafter.catalogue import Catalogue
from drafter.errors import Findings, Where
from drafter.formulas import FormulaTable, builtin, citation
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


def opening_formulas(data: dict, table: FormulaTable, findings: Findings | None = None,
                     file: str | None = None) -> tuple[str | None, str | None]:
    """会议精神 and 纲要 of the opening: the form's own, else the data's for the year. What
    neither gives is None (the template leaves it out) and a reminder names the form key."""
    year = data["年度"]
    given = data.get("开头") or {}
    entry = table.get(year) or {}
    spirit = given.get("会议精神") or entry.get("会议精神")
    outline = given.get("纲要") or entry.get("纲要")
    if findings is not None and not (spirit and outline):
        keys = [k for k, v in (("开头.会议精神", spirit), ("开头.纲要", outline)) if not v]
        if not entry:
            what = f"drafter 的政治表述数据只有 {table.span()} 年度，没有 {year} 年度的"
        elif not entry.get("纲要") and not given.get("纲要"):
            what = f"{year} 年度没有可以确认的法治政府建设实施纲要"
        else:
            what = f"{year} 年度的政治表述数据不全"
        leave = "、".join("会议精神" if k.endswith("会议精神") else "纲要" for k in keys)
        findings.add(Where(file, field=keys[0]), f"{what}，开头暂不写{leave}。",
                     f"请在表单的 {'、'.join(keys)} 中填写（纲要写全称，带书名号），"
                     "或由管理员在设置文件的“表述数据”中补上这一年。",
                     severity="提醒", rule="表述数据缺失")
    return spirit, citation(outline) if outline else None


def build_context(data: dict, cat: Catalogue, findings: Findings | None = None,
                  file: str | None = None, formulas: FormulaTable | None = None) -> dict:
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
    spirit, outline = opening_formulas(data, formulas or builtin(), findings, file)
    return {
        "单位": unit,
        "年度": year,
        "下一年度": year + 1,
        "成文日期": data["成文日期"],
        "标题": data.get("标题") or f"{unit}关于{year}年度法治政府建设情况的报告",
        "主送机关": data.get("主送机关"),
        "主要成效": (data.get("开头") or {}).get("主要成效") or [],
        "会议精神": spirit,
        "纲要": outline,
        "部分标题": part_headings,
        "成效": [t for t in achievements if t.有内容],
        "第一责任人": leader,
        "去年安排": [a for a in data.get("去年安排") or [] if a.get("落实情况")],  # only those reported on
        "问题": data.get("问题") or [],
        "下一步": data.get("下一步") or [],
        "其他": data.get("其他") or [],
        "正文": data.get("正文") or [],
        "署名": sign.get("署名") or unit,
        "盖章": bool(sign.get("盖章")),
        "附注": sign.get("附注"),
    }
