"""Jinja's own filters, tests and str.format, wrapped so that what a template makes of the
form's text, figures and dates keeps them as the report writes them: a filter that cuts or
reorders text holding a number is refused (intact.py), one that builds a container is
measured (limits.py), join/string/format refuse what would print as Python writes it, a
date stays the form's date, sum adds figures' values and never rates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping

import jinja2
from jinja2.sandbox import SandboxedFormatter

from drafter.errors import TemplateError
from drafter.files.patterns import lazy_re
from drafter.model import numbers
from drafter.render import apart, limits
from drafter.render.apart import visible
from drafter.render.figures import Figure, Rate, owner, stands_apart
from drafter.render.filters import printable, report_text
from drafter.render.intact import (
    RateFloat,
    has_digit,
    is_form_number,
    keeps_numbers,
    refuse_cut,
    refuse_raw_number,
    refuse_split,
    refuse_unkept,
    summed_figures,
)

# The filters that build a new list, tuple or dict (the others give back a string, a number
# or a value the template already had, measured when it was made).
BUILDING_FILTERS = (
    "list",
    "sort",
    "unique",
    "reverse",
    "batch",
    "slice",
    "map",
    "select",
    "reject",
    "selectattr",
    "rejectattr",
    "groupby",
    "dictsort",
    "items",
)


# Jinja's filters that cut, reorder or take apart text given to them (reverse, first, truncate,
# replace, join of a text's characters…): text holding a number keeps it whole (intact.py).
CUTTING_FILTERS = (
    "batch",
    "capitalize",
    "center",
    "first",
    "join",
    "last",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "random",
    "reject",
    "rejectattr",
    "replace",
    "reverse",
    "select",
    "selectattr",
    "slice",
    "sort",
    "string",
    "striptags",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
    "groupby",
    "dictsort",
)


# What a figure's text says beside its digits: its unit, %, 万/亿, 余/多, the way it changed.
# (and the marks that end its sentence: 数据句子(t) | replace("。", "") runs the sentences into
# one, and a rate is then read against another sentence's counts)
_WHAT_A_FIGURE_SAYS = lazy_re(f"[{apart.UNITS}。；]|增长|减少|增加|上升|下降|提高|降低|持平")

_ONE_OF = ("first", "last", "min", "max", "random")  # filters taking one item of what they are given

DATE_HINT = "日期请直接输出：{{ 成文日期 }} 写成“2026年2月6日”；要改日期，请改表单里的“成文日期”。"


def date_kept(date: dt.date, result) -> None:
    """What a template makes of a date keeps it: another date (replace(year=2030)) is
    refused, and text of it must show its numbers as the report writes them (2026年2月6日:
    %Y is 2026, %m is 02 — padded, never the report's way)."""
    if isinstance(result, dt.date) and result != date:
        raise TemplateError("这里把日期改成了另一个日期，报告里就不再是表单里的日期。", DATE_HINT)
    if isinstance(result, str) and not keeps_numbers(numbers.date(date), result):
        raise TemplateError(f"这里把日期另写成了“{result[:20]}”，和报告的写法（2026年2月6日）不同。", DATE_HINT)
    if isinstance(result, str) and re.search(r"[A-Za-z]", result):  # %A %B %b %p: Friday, February, AM
        raise TemplateError(f"这里把日期写成了带英文的“{result[:20]}”，报告里不能有英文的月份、星期。", DATE_HINT)


def numbers_kept(name: str, func):
    """``func`` refusing to print a number of the text it is given cut or reordered."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        result = func(*args, **kwargs)
        value = args[skip] if len(args) > skip else None
        if isinstance(value, RateFloat):  # 纠错率.值 | string
            refuse_raw_number(value)
        before = (
            value
            if isinstance(value, str)
            else str(value)
            if isinstance(value, (Figure, Rate))
            else numbers.date(value)
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime)
            else None
        )
        if isinstance(value, str) and name in _ONE_OF and value:
            # 表现 | min → “。”, 同比 | last → “%”: one character of a text is never report text
            raise TemplateError(
                f"过滤器 {name} 用在了一段文字上，只会取出其中的一个字（或标点）。",
                f"{name} 用在一组内容上，如 {{{{ 主要成效 | {name} }}}}；文字请直接输出。",
            )
        if name == "replace" and isinstance(result, str) and _BRACES.search(result) and not _BRACES.search(str(before or value)):
            # 单位 | replace("县", "{"): a brace the report would print (braces never reach it)
            raise TemplateError(
                "过滤器 replace 换进了一个大括号，报告里会原样印出来。",
                "换成的文字里不能有大括号（{ } ｛ ｝）；请改成要印的文字。",
            )
        if has_digit(before) and name == "replace" and str(result) != before:  # a replace that changes nothing is none
            words = [str(a) for a in (*args[skip + 1 : skip + 3], kwargs.get("old", ""), kwargs.get("new", ""))]
            hit = next((m.group() for w in words for m in [_WHAT_A_FIGURE_SAYS.search(w)] if m), None)
            ended = [str(a) for a in (*args[skip + 1 : skip + 2], kwargs.get("old", ""))]
            if hit in ("。", "；") and not any(hit in w for w in ended):
                hit = None  # a mark put in (，→；) runs no sentences together
            if hit in ("。", "；"):  # 数据句子(t) | replace("。", ""): the sentences run into one
                raise TemplateError(
                    f"过滤器 replace 改动了写数字的句子末尾的“{hit}”，几句连成一句后，数字会和别的句子的数连在一起读。",
                    "写数字的句子不要改句末标点；要换说法，请改句式表。",
                )
            if hit:  # 带同比 | replace("增长", "减少"), 纠错率 | replace("%", "‰"): another value
                raise TemplateError(
                    f"过滤器 replace 改动了数字旁边的“{hit}”，报告里的数就说成了另一个值。",
                    "数字、单位、%、“增长”“减少”这些不能替换；要换说法，请改句式表或写别的文字。",
                )
        if has_digit(before):
            if isinstance(result, str):
                refuse_cut(f"过滤器 {name}", before, result)
            elif result is not None and not isinstance(result, (int, float)):
                raise refuse_split(f"过滤器 {name}")
        if isinstance(result, str) and stands_apart(value):  # x.值 | string * 2, x | trim ~ x | trim
            return marked(value, result)
        return result

    return filter_


_BRACES = lazy_re("[{}｛｝]")


def marked(value, text: str | None = None) -> str:
    """A figure of the form (figures.stands_apart) as text carrying its figure marks, and
    whose it is (whatever string operations then make of it, what stands beside it is
    judged: apart.py); ``text``: what was made of it, when not the figure as written."""
    if text is None:
        text = value if isinstance(value, str) else report_text(value, "")
    return apart.mark(visible(text), *owner(value))


def counted_visible(func):
    """length, count, wordcount over what is printed (no marks)."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        if len(args) > skip:
            args = (*args[:skip], visible(args[skip]), *args[skip + 1 :])
        return func(*args, **kwargs)

    return filter_


def summed(func):
    """sum over figures: of their values ([a, b] | sum is a.值 + b.值), marked as computed
    from the form's; a rate is never summed (its parts are)."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        if len(args) > skip and not isinstance(args[skip], (str, Mapping)) and "attribute" not in kwargs:
            items = list(limits.check_container(args[skip]) if isinstance(args[skip], (list, tuple)) else args[skip])
            if any(isinstance(i, Rate) for i in items):
                raise TemplateError("比率不能相加。", "要合计的是件数：把各项的件数相加，再用过滤器 rate 算比率。")
            if any(isinstance(i, Figure) for i in items):
                units = {i.单位 if isinstance(i, Figure) else None for i in items}
                return summed_figures(
                    limits.derived_sum([i.值 if isinstance(i, Figure) else i for i in items]), units.pop() if len(units) == 1 else None
                )
            args = (*args[:skip], items, *args[skip + 1 :])
        return func(*args, **kwargs)

    return filter_


def by_value(test):
    """A Jinja test judging a figure by its value (x.纠错 is number, is even)."""

    @functools.wraps(test)
    def judged(value, *args):
        return test(value.值 if isinstance(value, (Figure, Rate)) else value, *args)

    return judged


def measured(func):
    """A filter whose result, when a container, is measured as a written one is."""

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        return limits.check_result(func(*args, **kwargs))

    return filter_


def text_filters(filters: dict) -> dict:
    """join, string and format, refusing what would print as Python writes it (a list, a
    theme, True) among what they make text of."""
    join, fmt = filters["join"], filters["format"]

    @jinja2.pass_eval_context
    def join_(eval_ctx, value, d="", attribute=None):
        if attribute is not None:
            value = map(jinja2.filters.make_attrgetter(eval_ctx.environment, attribute), value)
        items = value if isinstance(value, str) else list(value)
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, str):
                refuse_raw_number(item)
                printable(item, "用 join 连接的每一项")
        if isinstance(items, list):  # [x.值, x.值] | join: each figure stands apart
            items = [marked(i) if stands_apart(i) else i for i in items]
        return join(eval_ctx, items, d)

    def string_(value):
        return value if isinstance(value, str) else str(printable(value, "过滤器 string 的输入"))

    def format_(value, *args, **kwargs):
        if isinstance(value, float):
            refuse_raw_number(value)
        for item in (*args, *kwargs.values()):
            if not isinstance(item, str):
                printable(item, "填进 format 的")
        text = fmt(value, *args, **kwargs)
        refuse_unkept("过滤器 format", text, [*args, *kwargs.values()])
        return text

    return {"join": join_, "string": string_, "format": format_}


class Formatter(limits.BoundedFormatterMixin, SandboxedFormatter):
    """str.format in templates: sandboxed attribute access, bounded widths and size, and
    only what can stand as text filled in."""

    def format_field(self, value, format_spec):
        if not format_spec or isinstance(value, RateFloat):  # {:.1%} of a rate: 精度() is the way
            refuse_raw_number(value)
        text = super().format_field(value if isinstance(value, str) else printable(value, "填进 format 的"), format_spec)
        if is_form_number(value) or has_digit(value):  # {:.1e} of 19999, {:.2} of “162件”
            refuse_unkept("format 的格式", text, [value])
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # {:%m月} pads: 02月
            date_kept(value, text)
        return marked(value, text) if stands_apart(value) else text  # "{0}{0}".format(x.值)

    def convert_field(self, value, conversion):
        if conversion in ("r", "a"):
            raise TemplateError(
                f"格式“!{conversion}”写出的是程序里的写法（带引号），不是报告的文字。", "请去掉它，直接写 {}，或直接输出，如 {{ 单位 }}。"
            )
        return super().convert_field(value, conversion)
