"""The commented form ``drafter init`` writes, generated from the form definition.

Every field carries its explanation as a comment, every figure its unit and what it
counts, every rate its definition; values are examples or left empty (not given).
The result validates as written, so a clerk can render it at once and fill it in bit
by bit.
"""

from __future__ import annotations

import datetime as dt

from drafter.catalogue import Catalogue, Theme
from drafter.form import spec as s
from drafter.form.schema import SCHEMA_NAME


def _scalar(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _Writer:
    def __init__(self, cat: Catalogue, values: dict):
        self.cat = cat
        self.values = values
        self.lines: list[str] = []

    def comment(self, text: str, pad: str) -> None:
        if text:
            self.lines.append(f"{pad}# {text}")

    def figures(self, theme: Theme, pad: str, with_comments: bool = True) -> None:
        for gname, group in theme.groups.items():
            self.lines.append(f"{pad}{gname}:" + (f"  # {group.about}" if with_comments else ""))
            for fname, fig in group.figures.items():
                note = f"  # {fig.unit}：{fig.about}" if with_comments else ""
                if with_comments and fig.not_above:
                    note += f"（不大于“{fig.not_above}”）"
                self.lines.append(f"{pad}  {fname}:{note}")
            if with_comments:
                for r in group.rates.values():
                    self.lines.append(f"{pad}  # 自动计算 {r.name} = {r.about}")

    def theme_entry(self, node: s.Obj, theme: Theme, pad: str) -> None:
        self.lines.append(f"{pad}- 主题: {theme.key}  # {theme.name}；纲要：{theme.outline_area}")
        inner = pad + "  "
        self.comment(node.fields["标题"].help + f"默认：{theme.heading}", inner)
        self.lines.append(f"{inner}标题:")
        self.comment(node.fields["数据"].help, inner)
        self.lines.append(f"{inner}数据:")
        self.figures(theme, inner + "  ")
        self.comment(node.fields["上年数据"].help + "写法与“数据”相同，只写有的几项即可。", inner)
        self.lines.append(f"{inner}上年数据:")
        self.comment(node.fields["做法"].help, inner)
        self.lines.append(f"{inner}做法:")
        self.obj(node.fields["做法"].item, inner + "  ", as_item=True)

    def obj(self, node: s.Obj, pad: str, as_item: bool = False) -> None:
        first = True
        for key, child in node.fields.items():
            if isinstance(child, s.Body):
                continue  # written by drafter import, not by hand
            lead = pad + ("- " if as_item and first else "  " if as_item else "")
            inner_pad = pad + ("  " if as_item else "")
            first = False
            need = "（必填）" if child.required else ""
            self.comment(child.help + need, inner_pad)
            self.field(key, child, lead, inner_pad)

    def field(self, key: str, node: s.Node, lead: str, pad: str) -> None:
        if isinstance(node, s.Obj):
            self.lines.append(f"{lead}{key}:")
            self.obj(node, pad + "  ")
        elif isinstance(node, s.Figures):
            self.lines.append(f"{lead}{key}:")
            if node.theme and key == "数据":
                self.figures(self.cat.themes[node.theme], pad + "  ")
        elif isinstance(node, s.Seq):
            self.lines.append(f"{lead}{key}:")
            if key == "成效":
                for theme in self.cat.themes_of("成效"):
                    self.theme_entry(node.item, theme, pad + "  ")
            elif isinstance(node.item, s.Obj) and node.sample:
                self.obj(node.item, pad + "  ", as_item=True)
            elif isinstance(node.item, s.Obj):
                self.lines += [f"{pad}  # {'- ' if i == 0 else '  '}{k}: {_scalar(f.example)}".rstrip()
                               for i, (k, f) in enumerate(node.item.fields.items())]
            elif node.example:
                for value in node.example:
                    self.lines.append(f"{pad}  - {_scalar(value)}")
        else:
            value = self.values.get(key, node.example if node.required or isinstance(node, s.Boolean) else None)
            self.lines.append(f"{lead}{key}: {_scalar(value)}".rstrip())


def default_year(today: dt.date | None = None) -> int:
    """Reports are written early in the next year: before July we mean last year."""
    today = today or dt.date.today()
    return today.year - 1 if today.month <= 6 else today.year


def blank_form(cat: Catalogue, year: int, org: str | None = None) -> str:
    values = {"年度": year, "成文日期": f"{year + 1}-02-01"}
    if org:
        values["单位"] = org
    w = _Writer(cat, values)
    w.lines += [
        f"# yaml-language-server: $schema={SCHEMA_NAME}",
        f"# 法治政府建设年度报告表单（{year} 年度），由 drafter init 生成。",
        "# 填写规则：",
        "#   - 冒号用半角“:”，冒号后空一格；缩进用空格，不用 Tab。",
        "#   - 数据只填数字（如 162，不写“162件”）；不知道的空着，报告里就不出现这一句。",
        "#   - 比率（纠错率、败诉率等）不用填，由件数自动算出，定义写在各数据组下的注释里。",
        "#   - 以 # 开头的是说明，不会进入报告；用不到的主题可以整项删除。",
        "# 检查：drafter validate 本文件    生成：drafter render 本文件 -o 报告.docx",
        "",
    ]
    w.obj(s.form_spec(cat), "")
    return "\n".join(w.lines) + "\n"
