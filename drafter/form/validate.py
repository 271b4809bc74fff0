"""Check a loaded form against the form definition and the catalogue.

Every problem is collected with its file, line, column and field path, so a clerk
sees all of them in one run. What passes is returned as plain data with dates parsed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from drafter.catalogue import Catalogue, Theme
from drafter.errors import Findings
from drafter.form import spec as s
from drafter.yamlsource import Source, as_date


def _suggest(word: str, options) -> str:
    import difflib  # only when there is something to suggest

    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.4)
    return f"是不是“{close[0]}”？" if close else ""


def _given(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


class Validator:
    def __init__(self, src: Source, cat: Catalogue):
        self.src = src
        self.cat = cat
        self.found = Findings()

    # -- helpers -----------------------------------------------------------
    def error(self, path, message, hint="", at_key=False, severity="错误", rule=None):
        self.found.add(self.src.where(path, at_key), message, hint, severity, rule)

    def unknown_key(self, path, key, options, extra_hint=""):
        guess = _suggest(key, options)
        hint = guess or ("可以填写的键有：" + "、".join(options) + "。")
        self.error(path + (key,), f"不认识的键“{key}”。", (extra_hint + hint).strip(), at_key=True)

    # -- nodes -------------------------------------------------------------
    def check(self, node: s.Node, value: Any, path: tuple, parent: dict | None = None):
        if isinstance(node, s.Obj):
            return self.obj(node, value, path)
        if isinstance(node, s.Seq):
            return self.seq(node, value, path)
        if isinstance(node, s.Figures):
            return self.figures(node, value, path, parent or {})
        if isinstance(node, s.Body):
            return self.body(value, path, 1)
        if isinstance(node, s.Integer):
            return self.integer(node, value, path)
        if isinstance(node, s.Date):
            d = as_date(value)
            if d is None:
                self.error(path, f"“{value}”不是有效的日期。", "请写成 2026-02-06 的形式。")
            return d
        if isinstance(node, s.Boolean):
            if not isinstance(value, bool):
                self.error(path, f"“{value}”不是是否值。", "请写 true（是）或 false（否）。")
                return node.default
            return value
        if isinstance(node, s.Choice):
            if not isinstance(value, str) or value not in node.choices:
                self.error(path, f"“{value}”不在可选范围内。",
                           _suggest(str(value), node.choices) or "可选：" + "、".join(node.choices) + "。")
                return None
            return value
        return self.text(value, path)

    def text(self, value, path):
        if isinstance(value, (dict, list)):
            self.error(path, "这里应当是一段文字，却写成了多层内容。", "请检查缩进：文字应写在冒号后面的同一行。")
            return None
        if isinstance(value, (dt.date, bool)):
            self.error(path, "这里应当是一段文字。", "如果内容就是这样，请给它加上引号。")
            return None
        text = str(value).strip()
        if "\n\n" in text:
            self.error(path, "一段文字里有空行。", "每个字段只写一段；多段内容请拆成多项。")
        # One field is one paragraph: its lines are joined (Chinese needs no space between).
        return "".join(line.strip() for line in text.splitlines())

    def integer(self, node: s.Integer, value, path):
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(path, f"“{value}”不是整数。", "请写四位年份等整数，不加引号和单位。")
            return None
        if node.minimum is not None and value < node.minimum or node.maximum is not None and value > node.maximum:
            self.error(path, f"{value} 超出了合理范围（{node.minimum}—{node.maximum}）。", "请核对这个数字。")
        return value

    def obj(self, node: s.Obj, value, path):
        if not isinstance(value, dict):
            hint = "请检查缩进，下一级内容要比这一行多缩进两个空格。"
            if isinstance(value, str) and "：" in value:
                hint = "键和值之间要用半角冒号“:”加一个空格，不能用全角冒号“：”。"
            self.error(path, "这里应当是若干“键: 值”。" if path else "表单应当由若干“键: 值”组成。", hint)
            return {}
        out = {}
        for key, val in value.items():
            if key not in node.fields:
                self.unknown_key(path, key, node.fields)
        verbatim = not path and _given(value.get("正文"))
        for key, child in node.fields.items():
            val = value.get(key)
            if not _given(val):
                if child.required and verbatim and key not in ("单位", "年度", "成文日期"):
                    continue  # a verbatim body: required parts are checked on its roles
                if child.required:
                    where = path + (key,) if key in value else path
                    self.error(where, f"缺少必填项“{key}”。", child.help)
                out[key] = [] if isinstance(child, s.Seq) else (
                    child.default if isinstance(child, s.Boolean) else None)
                continue
            out[key] = self.check(child, val, path + (key,), value)
        return out

    def seq(self, node: s.Seq, value, path):
        if not isinstance(value, list):
            self.error(path, "这里应当是列表。", "每一项另起一行，以“- ”开头。")
            return []
        if len(value) < node.min_items:
            self.error(path, f"至少要写 {node.min_items} 项。", node.help)
        return [self.check(node.item, item, path + (i,)) for i, item in enumerate(value)]

    def body(self, value, path, depth: int):
        if not isinstance(value, list):
            self.error(path, "“正文”应当是列表：每项一段文字或一节。", "每一项另起一行，以“- ”开头。")
            return []
        out = []
        for i, item in enumerate(value):
            ipath = path + (i,)
            if isinstance(item, str):
                out.append(self.text(item, ipath))
                continue
            if not isinstance(item, dict):
                self.error(ipath, "这一项既不是一段文字，也不是一节。", "一节写成“标题: …”和“内容: …”。")
                continue
            section = {}
            for key in item:
                if key not in ("标题", "角色", "主题", "内容"):
                    self.unknown_key(ipath, key, ("标题", "角色", "主题", "内容"))
            if item.get("标题") is not None:
                section["标题"] = self.text(item["标题"], ipath + ("标题",))
            if item.get("角色") is not None:
                section["角色"] = self.check(s.Choice(choices=s.Body.ROLES), item["角色"], ipath + ("角色",))
            if item.get("主题") is not None:
                section["主题"] = item["主题"]
                if item["主题"] not in self.cat.themes and item["主题"] != "未分类":
                    self.error(ipath + ("主题",), f"“{item['主题']}”不是目录中的主题。",
                               _suggest(str(item["主题"]), self.cat.themes) or "不确定时可以删去这一行。")
            if depth >= s.Body.MAX_DEPTH and item.get("内容") and any(isinstance(x, dict) for x in item["内容"]):
                self.error(ipath, "正文的层级超过了四级。", "公文标题最多四级（一、（一）1.（1）），请把更深的内容并入上一级。")
                continue
            section["内容"] = self.body(item.get("内容") or [], ipath + ("内容",), depth + 1)
            if not section.get("标题"):
                self.error(ipath, "这一节没有标题。", "写上“标题: …”，或把内容直接写成段落。")
            out.append(section)
        return out

    def figures(self, node: s.Figures, value, path, parent: dict):
        theme_key = node.theme or parent.get("主题")
        theme: Theme | None = self.cat.themes.get(theme_key) if isinstance(theme_key, str) else None
        if theme is None:
            return {}  # the 主题 error is reported on its own field
        if not isinstance(value, dict):
            self.error(path, "“数据”应当按“数据组: 指标: 数字”填写。",
                       "可用的数据组：" + "、".join(theme.groups) + "。")
            return {}
        out: dict[str, dict] = {}
        for gname, gval in value.items():
            gpath = path + (gname,)
            group = theme.groups.get(gname)
            if group is None:
                owner = next((t.key for t in self.cat.themes.values() if gname in t.groups), None)
                extra = f"数据组“{gname}”属于主题“{owner}”，请移到那个主题下。" if owner else ""
                self.unknown_key(path, gname, theme.groups, extra)
                continue
            if not _given(gval):
                continue
            if not isinstance(gval, dict):
                self.error(gpath, f"数据组“{gname}”下应当是“指标: 数字”。",
                           "可用的指标：" + "、".join(group.figures) + "。")
                continue
            counts = {}
            for fname, fval in gval.items():
                fpath = gpath + (fname,)
                fig = group.figures.get(fname)
                if fig is None:
                    if fname in group.rates:
                        r = group.rates[fname]
                        self.error(fpath, f"“{fname}”是比率，不用填写。",
                                   f"它由“{r.numerator} ÷ {'＋'.join(r.denominator)}”自动算出；请删除这一行，填写这几个计数。",
                                   at_key=True)
                    else:
                        self.unknown_key(gpath, fname, group.figures)
                    continue
                if fval is None:
                    continue
                number = self.count(fig, fval, fpath)
                if number is not None:
                    counts[fname] = number
            for fname, number in counts.items():
                fig = group.figures[fname]
                if fig.not_above and fig.not_above in counts and number > counts[fig.not_above]:
                    self.error(gpath + (fname,),
                               f"“{fname}”（{number}）大于“{fig.not_above}”（{counts[fig.not_above]}），这不可能。",
                               f"{fig.about}不能多于{group.figures[fig.not_above].about}，请核对这两个数。")
            out[gname] = counts
        return out

    def count(self, fig, value, path):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = f"只写数字，单位“{fig.unit}”会自动加上。"
            if isinstance(value, str) and any(ch in value for ch in "万亿"):
                hint = "请写成完整的数字（例如 1.5万 写成 15000），生成报告时会自动换算成“万”“亿”。"
            elif isinstance(value, str) and "%" in value:
                hint = "这里填件数等计数，不填百分比；比率会自动计算。"
            self.error(path, f"“{value}”不是数字。", hint)
            return None
        if isinstance(value, float) and not fig.decimal and not value.is_integer():
            self.error(path, f"{value} 不是整数。", f"“{fig.name}”是计数（{fig.unit}），应当是整数。")
            return None
        if value < 0:
            self.error(path, f"{value} 是负数。", "计数不能小于 0，请核对。")
            return None
        if fig.upper is not None and value > fig.upper:
            self.error(path, f"{value}{fig.unit} 超过了一般县级单位的合理范围（{fig.upper:g}{fig.unit}）。",
                       "请核对是否多写了零；数字确实无误时可以忽略这条提醒。", severity="提醒", rule="超出合理范围")
        return value if fig.decimal else int(value)

    # -- whole-form rules --------------------------------------------------
    def cross_checks(self, data: dict):
        year, when = data.get("年度"), data.get("成文日期")
        if isinstance(year, int) and isinstance(when, dt.date):
            if when.year < year:
                self.error(("成文日期",), f"成文日期 {when:%Y-%m-%d} 早于报告年度 {year} 年。",
                           f"报告写的是 {year} 年的工作，成文日期一般在 {year + 1} 年年初。")
            elif when.year > year + 1:
                self.error(("成文日期",), f"成文日期 {when:%Y-%m-%d} 比报告年度晚了一年多。",
                           f"请核对“年度”和“成文日期”，报告一般在 {year + 1} 年3月1日前报送。")
        seen: dict[str, int] = {}
        for i, entry in enumerate(data.get("成效") or []):
            key = (entry or {}).get("主题")
            if key in seen:
                self.error(("成效", i, "主题"), f"主题“{key}”写了两次（另一次是第 {seen[key] + 1} 项）。",
                           "同一主题的数据和做法请合并到一项里。")
            elif key:
                seen[key] = i


def validate(src: Source, cat: Catalogue) -> tuple[dict, Findings]:
    """Validate ``src``; returns the cleaned data and every finding (errors and warnings)."""
    v = Validator(src, cat)
    data = v.check(s.form_spec(cat), src.data, ())
    v.cross_checks(data)
    return data, v.found
