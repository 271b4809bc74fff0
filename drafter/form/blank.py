"""The commented form ``drafter init`` and ``drafter new`` write, generated from the form
definition.

Every field carries its explanation as a comment, every figure its unit and what it
counts, every rate its definition. ``init`` leaves values as examples or empty; ``new``
passes a Seed — last year's figures, reference text and promises — that fills some fields
and adds commented reference under others. Either way the result validates as written, so
a clerk can render it at once and fill it in bit by bit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from drafter.form import spec as s
from drafter.form.schema import SCHEMA_NAME
from drafter.model.catalogue import Catalogue, Theme
from drafter.model.numbers import with_unit
from drafter.model.numberwords import plain


class ThemeSeed:
    """One theme as next year's form starts it: its heading if it was the clerk's own,
    last year's figures ({组: {指标: 数}}), and commented reference for 数据 and 做法."""

    def __init__(self, key: str, heading: str | None = None):
        self.key = key
        self.heading = heading
        self.last: dict[str, dict[str, float]] = {}
        self.sources: dict[tuple[str, str], str] = {}  # (组, 指标) → the words of last year's report it was read from
        self.figure_notes: list[str] = []  # figures that could not be mapped, with their sentence
        self.reference: list[str] = []  # last year's 做法, one comment line each


class Seed:
    """What a form starts from besides the catalogue. ``values`` fills scalar fields by
    path ("单位", "落款.署名"); ``notes`` adds comment lines under a field; ``items`` gives
    list fields their items; ``themes`` (None: every theme of the catalogue) and ``leader``
    carry last year's figures; ``tail`` ends the file with comment lines."""

    def __init__(self, values: dict[str, Any] | None = None):
        self.values: dict[str, object] = values or {}
        self.notes: dict[str, list[str]] = {}
        self.items: dict[str, list[dict[str, Any]]] = {}
        self.themes: list[ThemeSeed] | None = None
        self.leader: ThemeSeed | None = None
        self.head: list[str] = []
        self.tail: list[str] = []
        self.examples = True  # optional lists show an example item (init) or stay empty (new)


def _scalar(value: object) -> str:
    """A value as YAML writes it on one line (quoted when plain text would be misread)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return plain(value)  # (0.00005, never 5e-05: the form reader takes no exponent)
    if isinstance(value, dt.date):
        return str(value)
    text = yaml.safe_dump(str(value), allow_unicode=True, default_flow_style=True, width=1 << 30)
    return text.removesuffix("\n").removesuffix("\n...").strip()


MAX_NOTES = 50  # figure notes listed under one heading; a long report's thousands say nothing more


def capped(notes: list[str]) -> list[str]:
    """At most MAX_NOTES notes, and a line saying how many more there were."""
    if len(notes) <= MAX_NOTES:
        return notes
    return notes[:MAX_NOTES] + [f"……另有 {len(notes) - MAX_NOTES} 个数字没有列出。"]


def one_line(text: str) -> str:
    """Text made safe for a comment line."""
    return " ".join(str(text).split())


class _Writer:
    def __init__(self, cat: Catalogue, seed: Seed):
        self.cat = cat
        self.seed = seed
        self.lines: list[str] = []

    def comment(self, text: str, pad: str) -> None:
        if text:
            self.lines.append(f"{pad}# {text}")

    def notes(self, path: str, pad: str) -> None:
        for line in self.seed.notes.get(path, ()):
            self.lines.append(f"{pad}# {one_line(line)}".rstrip())

    def figures(self, theme: Theme, pad: str, last: dict[str, Any] | None = None) -> None:
        """Every figure of the theme, empty; with last year's value beside those known."""
        for gname, group in theme.groups.items():
            self.lines.append(f"{pad}{gname}:  # {group.about}")
            for fname, fig in group.figures.items():
                note = f"  # {fig.unit}：{fig.about}"
                if fig.within:
                    note += "（不大于" + "与".join(f"“{w}”" for w in fig.within) + ("之和）" if len(fig.within) > 1 else "）")
                before = (last or {}).get(gname, {}).get(fname)
                if before is not None:
                    note += f"；上年 {with_unit(before, fig.unit)}"
                self.lines.append(f"{pad}  {fname}:{note}")
            for r in group.rates.values():
                self.lines.append(f"{pad}  # 自动计算 {r.name} = {r.about}")

    def last_figures(self, theme: Theme, last: dict[str, Any], pad: str, sources: dict[Any, str] | None = None) -> None:
        """Last year's figures, each with the words it was read from when it came from a report."""
        for gname, group in theme.groups.items():
            given = {f: v for f, v in last.get(gname, {}).items() if f in group.figures}
            if given:
                self.lines.append(f"{pad}{gname}:")
                for fname, value in given.items():
                    source = (sources or {}).get((gname, fname))
                    note = f"  # 去年报告：{one_line(source)}" if source else ""
                    self.lines.append(f"{pad}  {fname}: {_scalar(value)}{note}")

    def theme_entry(self, node: s.Obj, theme: Theme, pad: str, seed: ThemeSeed | None) -> None:
        self.lines.append(f"{pad}- 主题: {theme.key}  # {theme.name}；纲要：{theme.outline_area}")
        inner = pad + "  "
        self.theme_body(node, theme, inner, seed)

    def theme_body(self, node: s.Obj, theme: Theme, pad: str, seed: ThemeSeed | None) -> None:
        """标题 (成效 only), 数据, 上年数据 and 做法 of a theme entry or of 第一责任人."""
        if "标题" in node.fields:
            self.comment(node.fields["标题"].help + f"默认：{theme.heading}", pad)
            self.lines.append(f"{pad}标题: {_scalar(seed.heading if seed else None)}".rstrip())
        self.comment(node.fields["数据"].help, pad)
        if seed and seed.last:
            self.comment("每项后面注明了上年的数字；填上今年的，报告里就自动写出同比。", pad)
        self.lines.append(f"{pad}数据:")
        for line in capped(seed.figure_notes) if seed else ():
            self.lines.append(f"{pad}  # {one_line(line)}")
        self.figures(theme, pad + "  ", seed.last if seed else None)
        self.comment(node.fields["上年数据"].help + "写法与“数据”相同，只写有的几项即可。", pad)
        self.lines.append(f"{pad}上年数据:")
        if seed and seed.last:
            self.last_figures(theme, seed.last, pad + "  ", seed.sources)
        measures = node.fields["做法"]
        self.comment(measures.help + ("（必填）" if measures.required else ""), pad)
        self.lines.append(f"{pad}做法:")
        if seed and seed.reference:
            self.lines.append(f"{pad}  # 去年的做法（仅供参考，不会进入报告）：")
            self.lines += [f"{pad}  #   {one_line(line)}" for line in seed.reference]
        if seed is None or measures.required:
            # its own path: the item's 标题 is not the report's 标题 that a seed may carry
            assert isinstance(measures, s.Seq) and isinstance(measures.item, s.Obj)  # the spec says so
            self.obj(measures.item, pad + "  ", "做法[]", as_item=True)

    def obj(self, node: s.Obj, pad: str, path: str, as_item: bool = False) -> None:
        first = True
        for key, child in node.fields.items():
            if isinstance(child, s.Body):
                continue  # written by drafter import, not by hand
            lead = pad + ("- " if as_item and first else "  " if as_item else "")
            inner_pad = pad + ("  " if as_item else "")
            first = False
            need = "（必填）" if child.required else ""
            self.comment(child.help + need, inner_pad)
            self.field(key, child, lead, inner_pad, f"{path}.{key}" if path else key)

    def field(self, key: str, node: s.Node, lead: str, pad: str, path: str) -> None:
        if isinstance(node, s.Obj):
            self.lines.append(f"{lead}{key}:")
            self.notes(path, pad + "  ")
            if path == "第一责任人":
                self.theme_body(node, self.cat.themes["第一责任人"], pad + "  ", self.seed.leader)
            else:
                self.obj(node, pad + "  ", path)
        elif isinstance(node, s.Seq):
            self.lines.append(f"{lead}{key}:")
            self.notes(path, pad + "  ")
            self.seq(key, node, pad, path)
        else:
            value = self.seed.values.get(path, node.example if node.required or isinstance(node, s.Boolean) else None)
            self.lines.append(f"{lead}{key}: {_scalar(value)}".rstrip())
            self.notes(path, pad)

    def seq(self, key: str, node: s.Seq, pad: str, path: str) -> None:
        if path == "成效":
            seeds: list[ThemeSeed | None]
            if self.seed.themes is None:
                seeds = [None] * len(self.cat.themes_of("成效"))
                keys = [t.key for t in self.cat.themes_of("成效")]
            else:
                seeds = list(self.seed.themes)
                keys = [t.key for t in self.seed.themes]
            assert isinstance(node.item, s.Obj)  # the spec's 成效 is a list of entries
            for key_, seed in zip(keys, seeds):
                self.theme_entry(node.item, self.cat.themes[key_], pad + "  ", seed)
        elif isinstance(carried := self.seed.values.get(path), list):  # a list of texts carried as it was (部分次序)
            self.lines += [f"{pad}  - {_scalar(v)}" for v in carried]
        elif path in self.seed.items:
            for item in self.seed.items[path]:
                for i, (k, v) in enumerate(item.items()):
                    self.lines.append(f"{pad}  {'- ' if i == 0 else '  '}{k}: {_scalar(v)}".rstrip())
        elif isinstance(node.item, s.Obj) and node.sample:
            self.obj(node.item, pad + "  ", path, as_item=True)
        elif isinstance(node.item, s.Obj):
            self.lines += [
                f"{pad}  # {'- ' if i == 0 else '  '}{k}: {_scalar(f.example)}".rstrip()
                for i, (k, f) in enumerate(node.item.fields.items())
            ]
        elif isinstance(node.example, (list, tuple)) and node.example and self.seed.examples:
            for value in node.example:
                self.lines.append(f"{pad}  - {_scalar(value)}")


def default_year(today: dt.date | None = None) -> int:
    """Reports are written early in the next year: before July we mean last year."""
    today = today or dt.date.today()
    return today.year - 1 if today.month <= 6 else today.year


RULES = [
    "# 填写规则：",
    "#   - 冒号用半角“:”，冒号后空一格；缩进用空格，不用 Tab。",
    "#   - 数据只填数字（如 162，不写“162件”）；不知道的空着，报告里就不出现这一句。",
    "#   - 比率（纠错率、败诉率等）不用填，由件数自动算出，定义写在各数据组下的注释里。",
    "#   - 以 # 开头的是说明，不会进入报告；用不到的主题可以整项删除。",
    "# 检查：drafter validate 本文件    生成：drafter render 本文件 -o 报告.docx",
]


def form_text(cat: Catalogue, seed: Seed) -> str:
    """The whole commented form."""
    w = _Writer(cat, seed)
    w.lines += [f"# yaml-language-server: $schema={SCHEMA_NAME}"] + seed.head + RULES + [""]
    w.obj(s.form_spec(cat), "", "")
    if seed.tail:
        w.lines += [""] + [f"# {one_line(line)}".rstrip() for line in seed.tail]
    return "\n".join(w.lines) + "\n"


def blank_form(cat: Catalogue, year: int, org: str | None = None) -> str:
    seed = Seed({"年度": year, "成文日期": dt.date(year + 1, 2, 1)})
    seed.notes["成文日期"] = [s.date_note(year)]
    if org:
        seed.values["单位"] = org
    seed.head = [f"# 法治政府建设年度报告表单（{year} 年度），由 drafter init 生成。"]
    return form_text(cat, seed)
