"""Build the template context from a validated form.

Everything a template may use is made here: the unit's names, dates, the political
formulas for the report year (from data, domain.md §6), part headings from the
catalogue, and each theme's figures with rates derived from counts.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.errors import Findings, Where
from drafter.files.patterns import lazy_re
from drafter.form import headings
from drafter.model.catalogue import Catalogue
from drafter.model.formulations import FormulaTable, builtin, citation, formula_text, without_verb
from drafter.model.numbers import date as printed_date
from drafter.render.figures import FigureSet, all_both_years


class ThemeEntry:
    """One theme of the form as templates see it."""

    def __init__(self, key: str, name: str, heading: str, figures: FigureSet, measures: list, area: str):
        self.键 = key
        self.名称 = name
        self.标题 = heading
        self.数据 = figures
        self.做法 = measures
        self.纲要 = area

    @property
    def 有内容(self) -> bool:
        return bool(self.数据) or bool(self.做法)


def opening_formulas(
    data: dict, table: FormulaTable, findings: Findings | None = None, file: str | None = None
) -> tuple[str | None, str | None]:
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
        findings.add(
            Where(file, field=keys[0]),
            f"{what}，开头暂不写{leave}。",
            f"请在表单的 {'、'.join(keys)} 中填写（纲要写全称，带书名号），或由管理员在设置文件的“表述数据”中补上这一年。",
            severity="提醒",
            rule="表述数据缺失",
        )
    spirit, outline = (formula_text(v) if isinstance(v, str) else None for v in (spirit, outline))
    return _without_verb(spirit), citation(outline) if outline else None


def _without_verb(spirit: str | None) -> str | None:
    return without_verb(spirit) if spirit else None


def build_context(
    data: dict, cat: Catalogue, findings: Findings | None = None, file: str | None = None, formulas: FormulaTable | None = None
) -> dict:
    year = data["年度"]
    style = data.get("写法") or {}
    own = style.get("部分标题") or {}
    # only {年度}/{下一年度} are replaced (validate reports any other brace): never str.format
    part_headings = {p.key: headings.fill(own.get(p.key) or p.heading, year) for p in cat.parts}

    def entry(key: str, raw: dict) -> ThemeEntry:
        theme = cat.themes[key]
        return ThemeEntry(
            key,
            theme.name,
            raw.get("标题") or theme.heading,
            FigureSet(theme, raw.get("数据") or {}, raw.get("上年数据") or {}),
            _ended(raw.get("做法") or []),
            theme.outline_area,
        )

    achievements = [entry(raw["主题"], raw) for raw in data.get("成效") or []]
    leader = entry("第一责任人", data.get("第一责任人") or {})
    unit = data["单位"]
    sign = data.get("落款") or {}
    spirit, outline = opening_formulas(data, formulas or builtin(), findings, file)
    return {
        "单位": unit,
        "年度": year,
        "下一年度": year + 1,
        "成文日期": PrintedDate.of(data["成文日期"]),
        "标题": data.get("标题") or f"{unit}关于{year}年度法治政府建设情况的报告",
        # followed by the colon drafter adds: a mark of the clerk's own before it would print 。：
        "主送机关": (data.get("主送机关") or "").rstrip("。！？；，、：:;,.!? \u3000") or None,
        # each joined into the opening's sentence: a closing 。 of its own would print 。。
        "主要成效": [t.strip("。！？；，、：:;,.!? \u3000") for t in (data.get("开头") or {}).get("主要成效") or []],
        "开头句式": (data.get("开头") or {}).get("句式") or None,  # the form's own opening (form/opening)
        "会议精神": spirit,
        "纲要": outline,
        "部分标题": part_headings,
        "部分次序": part_order(style, cat),
        "成效分列": bool(style.get("成效分列")),
        "成效": [t for t in achievements if t.有内容],
        "第一责任人": leader,
        "去年安排": [a for a in data.get("去年安排") or [] if a.get("落实情况")],  # only those reported on
        "去年安排标题": LAST_YEAR_HEADING,
        # a connective's own punctuation would stand beside the 。 before it (。，原因是)
        "问题": [_with_cause(p, _connective(style.get("原因连接词"))) for p in data.get("问题") or []],
        "下一步": _ended(data.get("下一步") or []),
        "其他": data.get("其他") or [],
        "正文": data.get("正文") or [],
        "署名": sign.get("署名") or unit,
        "盖章": bool(sign.get("盖章")),
        "附注": sign.get("附注"),
        "特此报告": _closing(style.get("特此报告"), data),
    }


def part_order(style: dict, cat: Catalogue) -> list[str]:
    """The parts of the body in the order they are printed: the form's 写法.部分次序, else the
    rule's (domain.md §2.1); 其他 last when not placed; 问题 and 下一步 written as one part
    (写法.问题和下一步合写) where the later of the two stands."""
    order = [k for k in style.get("部分次序") or [p.key for p in cat.parts if p.own] if k]
    order += [p.key for p in cat.parts if p.own and p.key not in order]  # 其他, when not placed
    if style.get("问题和下一步合写"):
        joined = next(p for p in cat.parts if p.joins)
        at = max(order.index(k) for k in joined.joins)
        order = [joined.key if i == at else k for i, k in enumerate(order) if k not in joined.joins or i == at]
    return order


LAST_YEAR_HEADING = "落实上年度工作安排情况"  # the heading over 去年安排 when themes are parts of their own

_CONNECTIVE_MARKS = "，,、；;：:。.！!？?…　 \t"
CAUSE = "主要原因是"  # the default connective between a problem's 表现 and 原因
# How a 原因 may already open: then no connective is added before it.
_OPENS_WITH_CAUSE = lazy_re(r"^(主要原因|究其原因|原因是|原因在于|其原因|这主要是|主要是|之所以|由于|因为|一方面|一是)")
CLOSING = "特此报告。"


# A connective the 原因 reads straight on from (主要原因是, 原因在于, 由于); any other (究其原因)
# takes a comma before the 原因.
_RUNS_ON = lazy_re(r"(?:是|为|在于|由于|因为|源于|归因于)$")


_BROKEN_OFF = "，,、；;：:"  # a paragraph ending in one of these was cut short: it ends with 。


def _ended(items: list) -> list:
    """做法/下一步 items whose 内容 ends in ，、；： ending with 。 instead, as the headings and
    表现/原因 do (full_stop): the paragraph never stops on a comma."""
    out = []
    for item in items:
        text = item.get("内容") if isinstance(item, dict) else None
        if isinstance(text, str) and text.rstrip().endswith(tuple(_BROKEN_OFF)):
            item = {**item, "内容": text.rstrip().rstrip(_BROKEN_OFF) + "。"}
        out.append(item)
    return out


def _connective(given: str | None) -> str:
    """The clerk's 原因连接词 without marks at its ends, with the comma it needs (究其原因，)."""
    core = (given or "").strip(_CONNECTIVE_MARKS)
    if not core:
        return CAUSE
    return core if _RUNS_ON.search(core) else core + "，"


def _with_cause(problem: dict, connective: str) -> dict:
    """The problem with 原因句: its 原因 after the connective, unless it opens with one."""
    cause = (problem.get("原因") or "").strip()
    if cause and not _OPENS_WITH_CAUSE.match(cause):
        cause = connective + cause
    return {**problem, "原因句": cause}


def _closing(wanted: bool | None, data: dict) -> bool:
    """Whether the body ends with 特此报告。: as the form says, else when there is a 主送机关
    (a report addressed to someone closes so) and the body is not one written out (正文,
    from import: it closes as the report it was read from did); never twice when the body
    already does."""
    last = _last_text(data.get("正文") or [])
    if last is not None and last.strip().rstrip("。") == CLOSING.rstrip("。"):
        return False
    if wanted is None:
        return bool(data.get("主送机关")) and not data.get("正文")
    return bool(wanted)


def _last_text(body: list) -> str | None:
    """The last paragraph of a written-out body (正文), however deep its sections go."""
    for _ in range(8):  # 正文 nests four levels at most
        if not body:
            return None
        item = body[-1]
        if isinstance(item, str):
            return item
        body = item.get("内容") or [] if isinstance(item, dict) else []
    return None


def _own_tables(files: tuple[tuple[str, str, bool], ...]) -> list[tuple[str, dict]]:
    """The clerk's own phrase tables among ``files`` (Rendered.files), read once: (name shown,
    its themes)."""
    import yaml

    out = []
    for shown, text, ships in files:
        if ships or not shown.endswith("句式.yaml"):
            continue
        try:
            table = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        if isinstance(table, dict):
            out.append((shown, table))
    return out


def _own_fix(shown: str, text: str, group: str, name: str) -> str:
    """The fix in the clerk's own theme template ``shown`` that writes ``group`` itself: the
    figure by the template's own name for the group ({% set e = t.数据.执法办案 %}: e.行政处罚)."""
    alias = re.search(rf"\{{%-?\s*set\s+(\w+)\s*=\s*t\.数据\.{re.escape(group)}\s*-?%\}}", text)
    said = f"{alias.group(1)}.{name}" if alias else f"t.数据.{group}.{name}"
    if not re.search(rf"\.{re.escape(name)}(?!\w)|[\"']{re.escape(name)}[\"']", text):
        # ({% set x = t.数据.行政复议 %} and nothing of x printed: no {{ x.收到申请 }} to change)
        return f"这个主题由模板 {shown} 写出，模板里没有写“{group}”的“{name}”：需要时在那里写出 {{{{ {said}.带同比 }}}}，"
    return f"这个主题由模板 {shown} 写出：需要时在那里把 {{{{ {said} }}}} 改成 {{{{ {said}.带同比 }}}}，"


def _mend_unused(files: tuple[tuple[str, str, bool], ...], tables: list[tuple[str, dict]], key: str | None, group: str, name: str) -> str:
    """Where a clerk prints the 同比 of figure ``name`` (of ``group``, theme ``key``): their own
    theme template when it writes the theme itself (not through 数据句子 or an include), else
    the phrase table that holds the theme — theirs (``tables``: saying when it leaves the group
    out) or drafter's. ``files``: Rendered.files (name shown, text, whether drafter ships it)."""
    drop = "或删去这个上年数字。"
    own = next((f for f in files if not f[2] and key and f[0].endswith(f"themes/{key}.md.j2")), None)
    if own is not None:
        shown, text = own[0], own[1]
        if not re.search(r"数据句子|\{%-?\s*(?:include|extends)\b", text):
            if not re.search(rf"(?<!\w){re.escape(group)}(?!\w)", text):
                # the template names nothing of the group: none of its figures is printed
                return (
                    f"这个主题由模板 {shown} 写出，模板里没有写“{group}”这一组，这一组的数都不会写进报告："
                    f'需要时在那里写出它们（如 {{{{ 数据句子(t, "{group}") }}}}）；{drop}'
                )
            return _own_fix(shown, text, group, name) + drop
        calls = re.findall(r"数据句子\(([^()]*)\)", text)
        # (a group the template writes itself, t.数据.行政应诉 beside 数据句子(t, "信访"), is not left out)
        # (or named in quotes: {% if k == "行政复议" %} in a loop over t.数据)
        written = re.search(rf"\.数据\.{re.escape(group)}(?!\w)|[\"']{re.escape(group)}[\"']", text)
        if written:
            return _own_fix(shown, text, group, name) + drop
        if calls and all("," in c for c in calls) and not any(re.search(rf"[\"']{re.escape(group)}[\"']", c) for c in calls):
            return f'模板 {shown} 的 数据句子() 没有写“{group}”这一组：需要时在那里加上 {{{{ 数据句子(t, "{group}") }}}}；{drop}'
    for shown, table in tables:
        theme = table.get(key)
        if not isinstance(theme, dict):
            continue  # the theme is taken from a lower layer
        if group not in theme:
            # (an item of another group may still print one of its figures: {行政应诉.败诉})
            borrowed = f"{{{group}." in str(theme)
            said = "只在别的组的句子里写了它的个别数" if borrowed else "这一组的数都不会写进报告"
            return (
                f"句式表 {shown} 的“{key}”下没有“{group}”这一组，{said}：需要时在那里加上“{group}:”"
                f"和一项，如“- {name}{{{name}.带同比}}”；{drop}"
            )
        return f"需要时在句式表 {shown} 的“{group}”下把 {{{name}}} 改成 {{{name}.带同比}}（没有这一项就加上）；{drop}"
    return f"默认的句式只给部分数字写同比；需要时在句式表（句式.yaml）里把 {{{name}}} 改成 {{{name}.带同比}}，{drop}"


def unused_last_year(data: dict, context: dict, files: tuple[tuple[str, str, bool], ...] = ()) -> list[tuple]:
    """Last year's counts the report does not use, as (form path, message, hint): a count
    whose 同比 no sentence printed (after the template ran), and, one line per theme, counts
    given for last year only. ``files`` (Rendered.files): a theme the clerk's own theme
    template writes is mended there, not in the phrase table."""
    if data.get("正文"):
        return []  # the body is written out: 成效's figures are data only
    entries = {t.键: t for t in context["成效"]}
    places: list[tuple[tuple, dict]] = [(("成效", i), raw) for i, raw in enumerate(data.get("成效") or []) if isinstance(raw, dict)]
    places.append((("第一责任人",), data.get("第一责任人") or {}))
    out: list[tuple] = []
    tables = _own_tables(files)
    for path, raw in places:
        entry = context["第一责任人"] if path == ("第一责任人",) else entries.get(raw.get("主题"))
        previous = raw.get("上年数据") or {}
        if entry is None or not isinstance(previous, dict):
            continue
        only_last: list[str] = []
        for group, names in previous.items():
            if not isinstance(names, dict):
                continue
            for name in names:
                figure = entry.数据[group].get(name) if group in entry.数据._groups else None
                if figure is None:
                    only_last.append(f"{group}.{name}")
                elif hasattr(figure, "compared") and not figure.compared and not all_both_years(entry.数据[group], name):
                    key = "第一责任人" if path == ("第一责任人",) else raw.get("主题")
                    hint = _mend_unused(files, tables, key, group, name)
                    out.append((path + ("上年数据", group, name), f"上年的“{name}”填了，但报告里没有写它的同比。", hint))
        if only_last:
            out.append(
                (
                    path + ("上年数据",),
                    f"上年数据里有 {len(only_last)} 项今年没有填："
                    f"{'、'.join(only_last[:6])}{'等' if len(only_last) > 6 else ''}，报告里不会出现它们的同比。",
                    "请在“数据”里填上今年的这几项；确实没有的，可以删去上年的数字。",
                )
            )
    return out


class PrintedDate(dt.date):
    """The report's date in a template: a date (cn_date and comparisons work), written as the
    report writes dates wherever it is turned into text (成文日期 ~ "" is 2026年2月6日, never
    2026-02-06)."""

    @classmethod
    def of(cls, value):
        return cls(value.year, value.month, value.day) if isinstance(value, dt.date) else value

    def __str__(self) -> str:
        return printed_date(self)

    def __format__(self, spec: str) -> str:
        return printed_date(self) if not spec else super().__format__(spec)
