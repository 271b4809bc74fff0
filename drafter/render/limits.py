"""What a template may cost: time, memory, output, size of values, nesting.

A template folder is a clerk's to edit, so one template can loop for ever or ask for a
billion characters. The sandbox (``sandbox.py``) sends here every operator and call
that can make a value grow (``*`` ``**`` ``%`` ``+`` ``~``, string methods, formatting,
the size-taking filters); rendering stops after MAX_SECONDS and MAX_OUTPUT characters;
a clerk's template, run in a child process (worker.py), may also grow it by MEMORY_HEADROOM
only. Going over a limit is a LimitError saying which limit; locate.py adds the template
file and line.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
import threading
import time
import types
from collections import abc
from contextlib import contextmanager
from string import Formatter

from drafter.errors import TemplateError
from drafter.files.bounds import (
    TEMPLATE_INT_BITS as MAX_INT_BITS,
    TEMPLATE_ITEMS as MAX_ITEMS,
    TEMPLATE_ITERATIONS as MAX_ITERATIONS,
    TEMPLATE_LINES as MAX_LINES,
    TEMPLATE_MADE as MAX_MADE,
    TEMPLATE_OUTPUT as MAX_OUTPUT,
    TEMPLATE_SECONDS as MAX_SECONDS,
    TEMPLATE_STRING as MAX_STRING,
    TEMPLATE_TAGS,
    TEMPLATE_WIDTH as MAX_WIDTH,
)
from drafter.files.patterns import lazy_re
from drafter.render.intact import RateFloat, derived, is_form_number, refuse_raw_number, refuse_unkept

MEMORY_HEADROOM = 1 << 30  # bytes a template's child process may grow by while it runs

_HINT = "请检查这一行：模板只用来排列表单里的文字和数据，用不到这么大的数、这么长的文字或这么多次循环。"


class LimitError(TemplateError):
    """A template went over one of the limits above."""

    def __init__(self, message: str, hint: str = _HINT):
        super().__init__(message, hint)


class RenderTimeout(Exception):
    """Raised inside a template that ran past MAX_SECONDS (by a timer, hence no arguments)."""


# -- sizes -------------------------------------------------------------------------------


def weight(value, limit: int = MAX_STRING) -> int:
    """About how many characters ``str(value)`` takes; counting stops once past ``limit``,
    so a structure that holds one list a million times is measured in a moment."""
    total, stack = 0, [value]
    while stack:
        v = stack.pop()
        if isinstance(v, (str, bytes, bytearray)):
            total += len(v)
        elif isinstance(v, int):
            total += v.bit_length() // 3 + 2
        elif isinstance(v, (list, tuple)):
            total += 2 * len(v) + 2
            stack.extend(v)
        elif isinstance(v, dict):
            total += 4 * len(v) + 2
            stack.extend(v.keys())
            stack.extend(v.values())
        else:
            total += 24
        if total > limit:
            break
    return total


_SEQUENCES = (list, tuple, set, frozenset, abc.KeysView, abc.ValuesView, abc.ItemsView)
_CONTAINERS = _SEQUENCES + (dict,)


def check_result(value):
    """What a call or a filter gave the template: a container is measured as a literal is."""
    return check_container(value) if isinstance(value, _CONTAINERS) else value


def check_container(value):
    """A list, tuple or dict a template writes as a literal: small once written out. Items
    that refer to one value again and again ((s, s) doubled forty times) would otherwise
    make printing, comparing or hashing it run for hours in code no timer can stop."""
    if weight(value) > MAX_STRING:
        raise LimitError(f"模板在这里拼出的列表或字典太大（展开后超过 {MAX_STRING} 个字符）。")
    return value


def bound_text(size: int) -> None:
    if size > MAX_STRING:
        raise LimitError(f"模板在这里要生成的文字太长（超过 {MAX_STRING} 个字符）。")


def check_text(size: int) -> None:
    """A string of ``size`` characters is about to be made: within MAX_STRING, and counted
    against the render's MAX_MADE (values kept in buffers are made this way)."""
    bound_text(size)
    spend(size)


def spend(size: int) -> None:
    budget = current()
    if budget is not None:
        budget.made += size
        if budget.made > MAX_MADE:
            raise LimitError(f"模板一共生成了超过 {MAX_MADE} 个字符的文字，已停止。", "请检查这一行附近的循环：一份报告用不到这么多文字。")


def check_items(count: int) -> None:
    if count > MAX_ITEMS:
        raise LimitError(f"模板在这里要生成的列表太长（超过 {MAX_ITEMS} 项）。")


def check_printable(value) -> None:
    """A value about to be turned into text must not be a huge structure."""
    if not isinstance(value, str):
        check_text(weight(value))


def safe_str(value) -> str:
    """``value`` as text; a float as the report writes a number (138, 0.5), never 138.0 or 1e-05."""
    check_printable(value)
    if isinstance(value, float):
        return float_text(value)
    return str(value)


def float_text(value: float) -> str:
    """138.0 → 138, 2025.0 → 2025, 1e-05 → 0.00001: the digits the value has, without Python's
    .0 or exponent. Not a number (nan, inf) cannot be printed in a report."""
    from decimal import Decimal

    if not math.isfinite(value):
        raise TemplateError("这里算出的不是一个确定的数，不能写进报告。", "请检查这一行的计算和传给过滤器的数据。")
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _int_arg(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TemplateError(f"{name}需要整数。", "请检查这一行给出的参数。")
    return value


def safe_range(*args) -> range:
    """range() in templates: whole numbers only, at most MAX_ITEMS of them."""
    if not 1 <= len(args) <= 3:
        raise TemplateError("range() 需要 1 到 3 个整数。", "例如 range(3)、range(1, 4)。")
    for a in args:
        _int_arg(a, "range() ")
    if len(args) == 3 and args[2] == 0:
        raise TemplateError("range() 的步长不能是 0。", "例如 range(0, 10, 2)。")
    r = range(*args)
    try:
        count = len(r)
    except OverflowError:
        count = MAX_ITEMS + 1
    if count > MAX_ITEMS:
        raise LimitError(f"range() 最多生成 {MAX_ITEMS} 个数。")
    return r


# -- operators -----------------------------------------------------------------------------

# what * repeats (a text or a list)
_TEXTS_AND_LISTS: tuple[type, ...] = (str, bytes, bytearray, list, tuple)


def _repeat(seq, count: int):
    count = max(count, 0)
    if isinstance(seq, (str, bytes, bytearray)):
        check_text(len(seq) * count)
    else:
        check_items(len(seq) * count)
        size = weight(seq) * count
        if size > MAX_STRING:
            raise LimitError(f"模板在这里要生成的列表太大（折合超过 {MAX_STRING} 个字符）。")
        spend(size)
    return seq * count


def _mul(left, right):
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, _TEXTS_AND_LISTS) and is_form_number(times):  # 收到申请.值 * "件": 162 of them
            raise TemplateError(
                "这里把文字或一组内容乘以表单里的数，会把它重复印很多遍，报告里不会这样写。",
                "请直接输出数据，如 {{ 数据.行政复议.收到申请 }}；过滤器比“*”先算，要先乘再用过滤器，请加括号，如 {{ (a * 3) | num }}。",
            )
    if isinstance(left, _TEXTS_AND_LISTS) and isinstance(right, int):
        return _repeat(left, right)
    if isinstance(right, _TEXTS_AND_LISTS) and isinstance(left, int):
        return _repeat(right, left)
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitError(f"模板在这里算出的数太大（超过 {MAX_INT_BITS} 位二进制）。")
    return left * right


def _pow(left, right):
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        if math.log2(abs(left)) * right > MAX_INT_BITS:
            raise LimitError(f"模板在这里算出的数太大（超过 {MAX_INT_BITS} 位二进制）。")
    try:
        return left**right
    except OverflowError:
        raise LimitError("模板在这里算出的数太大，超出了能表示的范围。") from None


_PERCENT_FIELD = lazy_re(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.)", re.S)


def check_percent_format(fmt, args) -> None:
    """``fmt % args``: no * widths, every width and precision at most MAX_WIDTH, and a
    result that fits MAX_STRING."""
    text = fmt.decode("latin-1") if isinstance(fmt, (bytes, bytearray)) else fmt
    size = len(text) + weight(args)
    for m in _PERCENT_FIELD.finditer(text):
        if m.group(3) in ("r", "a"):
            raise TemplateError(
                f"格式“%{m.group(3)}”写出的是程序里的写法（带引号），不是报告的文字。", "请用 %s，或直接输出，如 {{ 单位 }}。"
            )
        for part in m.group(1, 2):
            if part == "*":
                raise LimitError("格式里的宽度或精度不能用“*”。", "请直接写出数字，如 %5d。")
            if part and int(part) > MAX_WIDTH:
                raise LimitError(f"格式里的宽度或精度太大（最多 {MAX_WIDTH}）。")
            size += int(part) if part else 0
    check_text(size)


def _mod(left, right):
    if isinstance(left, (str, bytes, bytearray)):
        check_percent_format(left, right)
        parts = list(right.values() if isinstance(right, abc.Mapping) else right if isinstance(right, tuple) else (right,))
        for part in parts:
            if isinstance(part, RateFloat):
                refuse_raw_number(part)
        result = left % right
        if isinstance(result, str):
            refuse_unkept("格式 %", result, parts)
        return result
    return left % right


def _floordiv(left, right):
    _no_cut(left, right, "//", "整除")
    return left // right


def _no_cut(left, right, sign: str, name: str) -> None:
    """A number of the form cut by // (19999 // 10000 → 1): printed, it is another number."""
    numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (left, right))
    if numbers and (is_form_number(left) or is_form_number(right)) and right and left % right:
        raise TemplateError(
            f"{name}（{sign}）把表单里的数 {safe_str(left)} 截掉了一部分，报告里就不再是原来的数。",
            "报告里的数要和表单一致：直接输出数据（如 {{ 数据.行政复议.收到申请 }}），要写约数用 .约数。",
        )


def _add(left, right):
    if isinstance(left, (str, bytes, bytearray)) and isinstance(right, (str, bytes, bytearray)):
        check_text(len(left) + len(right))
    elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        check_items(len(left) + len(right))
        check_text(weight(left) + weight(right))
    return left + right


def _carried(op, sign: str):
    """``op`` whose result, from a number of the form, is marked as computed from it; a
    figure itself (162件, a unit with it) is never an operand: its .值 is."""

    def run(left, right):
        whole = next((x for x in (left, right) if hasattr(x, "值") and hasattr(x, "名称")), None)
        if whole is not None:
            raise TemplateError(
                f"“{whole.名称}”是带单位的数据，不能直接用“{sign}”计算。",
                f"计算时用它的数值 .值，如 {{{{ a.值 {sign} b.值 }}}}；比率请用过滤器 rate，"
                "如 {{ a | rate(b) }}；一组数据的个数用 {{ 数据组 | length }}。",
            )
        result = op(left, right)
        if any(is_form_number(x) for x in (left, right)) and isinstance(result, (int, float)) and not isinstance(result, bool):
            return derived(result)
        return result

    return run


def derived_sum(values):
    """The sum of numbers, marked as computed from the form's when one of them is."""
    total = 0
    for v in values:
        total = _carried(_add, "+")(total, v)
    return total


BINOPS = {
    "*": _carried(_mul, "*"),
    "**": _pow,
    "%": _mod,
    "+": _carried(_add, "+"),
    "//": _floordiv,
    "-": _carried(operator.sub, "-"),
    "/": _carried(operator.truediv, "/"),
}


def join(parts) -> str:
    """``a ~ b ~ c``: each part turned into text, the whole at most MAX_STRING."""
    texts, size = [], 0
    for part in parts:
        text = part if isinstance(part, str) else safe_str(part)
        size += len(text)
        bound_text(size)
        texts.append(text)
    spend(size)
    return "".join(texts)


# -- formatting ----------------------------------------------------------------------------

_SPEC = lazy_re(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?[a-zA-Z%]?", re.S)
_STRFTIME_WIDTH = lazy_re(r"%[-_0^#]*\d")


def check_spec(spec: str) -> int:
    """A format spec's width and precision, refused over MAX_WIDTH; returns their sum."""
    m = _SPEC.fullmatch(spec)
    if not m:
        return 0
    size = 0
    for part in m.group(1, 2):
        if part:
            if len(part) > 6 or int(part) > MAX_WIDTH:
                raise LimitError(f"格式里的宽度或精度太大（最多 {MAX_WIDTH}）。")
            size += int(part)
    return size


class BoundedFormatterMixin(Formatter):
    """str.format in templates: widths bounded, the result at most MAX_STRING, and no
    width digits in a date format (strftime pads as asked)."""

    _size = 0

    def vformat(self, format_string, args, kwargs):
        self._size = len(format_string)
        text = super().vformat(format_string, args, kwargs)
        spend(len(text))
        return text

    def format_field(self, value, format_spec):
        if isinstance(value, (dt.date, dt.time)) and _STRFTIME_WIDTH.search(format_spec):
            raise LimitError("日期格式里不能写宽度数字。", "请写 {:%Y年%m月%d日} 这样的格式，或用过滤器 cn_date。")
        self._size += check_spec(format_spec) + weight(value)
        bound_text(self._size)
        return super().format_field(value, format_spec)


# -- calls ------------------------------------------------------------------------------------


def _string_method(owner, name: str, args: tuple, kwargs: dict) -> tuple:
    """Refuse a string method call whose result would pass MAX_STRING; returns the
    arguments to call with (join's iterable made a list, so it is measured once)."""
    if name in ("center", "ljust", "rjust", "zfill"):
        width = args[0] if args else kwargs.get("width", 0)
        if isinstance(width, int):
            check_text(width)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            check_text(len(owner) + owner.count("\t" if isinstance(owner, str) else b"\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, type(owner)) and isinstance(new, type(owner)):
            found = len(owner) + 1 if not old else owner.count(old)
            if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
                found = min(found, args[2])
            check_text(len(owner) + found * max(len(new) - len(old), 0))
    elif name == "join" and args:
        items = list(args[0])
        check_items(len(items))
        check_text(sum(weight(i) for i in items) + len(owner) * len(items))
        return (items, *args[1:]), kwargs
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((weight(v) for v in args[0].values()), default=1)
        check_text(len(owner) * max(longest, 1))
    return args, kwargs


def checked_call(obj, args: tuple, kwargs: dict) -> tuple:
    """Look at a call a template makes before it runs; returns the arguments to use."""
    owner = getattr(obj, "__self__", None)
    if not isinstance(obj, types.BuiltinMethodType) or owner is None:
        return args, kwargs
    name = getattr(obj, "__name__", "")
    if isinstance(owner, str) and name in ("format", "format_map"):
        # the sandbox hands out a checked wrapper instead; the bare method reads any attribute
        raise TemplateError("模板不能这样调用 format。", '请直接写 "……{}".format(值)，或用 项()。')
    if isinstance(owner, (str, bytes, bytearray)):
        return _string_method(owner, name, args, kwargs)
    if isinstance(owner, int) and name == "to_bytes":
        check_text(args[0] if args and isinstance(args[0], int) else 1)
    if isinstance(owner, (dt.date, dt.time)) and name == "strftime" and args and isinstance(args[0], str):
        if _STRFTIME_WIDTH.search(args[0]):
            raise LimitError("日期格式里不能写宽度数字。", "请写 %Y年%m月%d日 这样的格式，或用过滤器 cn_date。")
        check_text(len(args[0]) * 8)
    return args, kwargs


# -- one render ------------------------------------------------------------------------------


# The clock a render's time is counted by: wall-clock time in this process; a template's
# child process (worker.py) counts the processor time it uses, so a busy computer does not
# make a sound template late.
CLOCK = time.monotonic


class Budget:
    """What one render has used so far."""

    def __init__(self, seconds: float):
        self.deadline = CLOCK() + seconds
        self.output = 0
        self.made = 0
        self.iterations = 0
        self.macro_depth = 0
        self.active = True

    def over_time(self) -> bool:
        return CLOCK() > self.deadline


_state = threading.local()


def current() -> Budget | None:
    return getattr(_state, "budget", None)


def counted(iterable, budget: Budget):
    """The items of a {% for %} loop, counted against MAX_ITERATIONS; every 1024 turns the
    time is checked too (a loop that prints nothing yields nothing to the output loop)."""
    for item in iterable:
        budget.iterations += 1
        if not budget.iterations & 1023:
            if budget.iterations > MAX_ITERATIONS:
                raise LimitError(
                    f"模板的循环一共转了超过 {MAX_ITERATIONS} 次，已停止。", "请检查这一行的循环：循环次数太多，或循环套着循环。"
                )
            if budget.over_time():
                raise RenderTimeout()
        yield item


def timeout_error() -> LimitError:
    return LimitError(f"模板运行超过 {MAX_SECONDS} 秒，已停止。", "请检查这一行附近的循环：循环次数太多，或宏、include 一层层调用自己。")


def output_error() -> LimitError:
    return LimitError(
        f"模板生成的内容超过 {MAX_OUTPUT} 个字符或 {MAX_LINES} 行，已停止。", "请检查这一行附近的循环：一份报告用不到这么多文字。"
    )


@contextmanager
def rendering(seconds: float | None = None):
    """One render's budget on this thread, counted as the template runs (loops, output,
    time between chunks); nothing of the process is changed."""
    budget = Budget(MAX_SECONDS if seconds is None else seconds)
    previous = current()
    _state.budget = budget
    try:
        yield budget
    finally:
        budget.active = False
        _state.budget = previous


# -- Jinja's own filters that can make a value grow or print a whole structure -------------


def _arg(args: tuple, kwargs: dict, index: int, name: str, default=None):
    return args[index] if len(args) > index else kwargs.get(name, default)


def _printable(args, kwargs):
    if args:
        check_printable(args[0])
    return args, kwargs


def _center(args, kwargs):
    _printable(args, kwargs)
    width = _arg(args, kwargs, 1, "width", 80)
    if isinstance(width, int):
        check_text(width)
    return args, kwargs


def _lines_of(value) -> tuple[int, int]:
    text = safe_str(value)
    return len(text), text.count("\n") + 1


def _indent(args, kwargs):
    _no_figure_cut(args, "indent")
    size, lines = _lines_of(args[0]) if args else (0, 1)
    width = _arg(args, kwargs, 1, "width", 4)
    step = width if isinstance(width, int) else weight(width)
    check_text(size + lines * max(step, 0))
    return args, kwargs


def _no_figure_cut(args, name: str) -> None:
    """wordwrap and indent break lines where widths fall: inside a figure (46.83万件 printed
    as 46. | 83万 | 件, or 46.、83万) the report would show a value it does not have."""
    if args and re.search(r"\d", safe_str(args[0])):
        raise TemplateError(
            f"过滤器 {name} 会在任意位置断行，这里的文字里有数字，会被拆开，报告里就不再是原来的数。",
            f'请去掉 {name}：报告的换行和缩进由排版程序处理；要分开写几项，用 join("、") 或 {{% for %}}。',
        )


def _wordwrap(args, kwargs):
    _no_figure_cut(args, "wordwrap")
    size, lines = _lines_of(args[0]) if args else (0, 1)
    width = _arg(args, kwargs, 1, "width", 79)
    wrap = _arg(args, kwargs, 3, "wrapstring", None)
    if isinstance(width, int) and width > 0:
        lines += size // width
    check_text(size + lines * (weight(wrap) if wrap is not None else 1))
    return args, kwargs


def _replace(args, kwargs):
    if len(args) >= 3:
        text = safe_str(args[0])
        _string_method(
            text, "replace", (safe_str(args[1]), safe_str(args[2]), *([args[3]] if len(args) > 3 and args[3] is not None else [])), {}
        )
    return args, kwargs


def _join(args, kwargs):
    if not args:
        return args, kwargs
    items = list(args[0])
    check_items(len(items))
    sep = _arg(args, kwargs, 1, "d", "")
    check_text(sum(weight(i) for i in items) + weight(sep) * len(items))
    return (items, *args[1:]), kwargs


def _format(args, kwargs):
    if args:
        check_percent_format(safe_str(args[0]), kwargs or args[1:])
    return args, kwargs


def _batch(args, kwargs):
    count = _arg(args, kwargs, 1, "linecount", 1)
    count = count if isinstance(count, int) else 1
    check_items(count)
    fill = _arg(args, kwargs, 2, "fill_with", None)
    if fill is not None:
        check_text(weight(fill) * count)
    return args, kwargs


def _slice(args, kwargs):
    count = _arg(args, kwargs, 1, "slices", 1)
    count = count if isinstance(count, int) else 1
    check_items(count)
    fill = _arg(args, kwargs, 2, "fill_with", None)
    if fill is not None:
        check_text(weight(fill) * count)
    return args, kwargs


def _sum(args, kwargs):
    start = _arg(args, kwargs, 2, "start", 0)
    if isinstance(start, bool) or not isinstance(start, (int, float)):
        raise TemplateError("过滤器 sum 只能把数加起来。", "例如 {{ [1, 2] | sum }}。")
    return args, kwargs


_FILTER_CHECKS = {
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "replace": _replace,
    "join": _join,
    "format": _format,
    "batch": _batch,
    "slice": _slice,
    "sum": _sum,
    **{
        name: _printable
        for name in (
            "string",
            "tojson",
            "pprint",
            "wordcount",
            "trim",
            "upper",
            "lower",
            "title",
            "capitalize",
            "striptags",
            "urlencode",
            "urlize",
            "escape",
            "e",
            "forceescape",
            "xmlattr",
            "list",
            "reverse",
            "truncate",
            "filesizeformat",
        )
    },
}


def guard_filters(filters: dict) -> dict:
    """Jinja's filters of _FILTER_CHECKS, each checking its arguments before it runs."""
    return {name: _guarded(filters[name], check) for name, check in _FILTER_CHECKS.items() if name in filters}


def _guarded(func, check):
    import functools

    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def guarded(*args, **kwargs):
        own, kwargs = check(args[skip:], kwargs)
        return func(*args[:skip], *own, **kwargs)

    return guarded


# -- nesting of one template file ---------------------------------------------------------------

_OPENERS = {"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans", "set"}
_BRACKETS = {"(": ")", "[": "]", "{": "}"}


class Nesting:
    """How deeply a template's tags and brackets nest, and the tags left open at its end."""

    def __init__(self):
        self.deepest = 0
        self.deepest_line = 0
        self.open: list[tuple[str, int]] = []  # (tag, line), innermost last
        self.tags = 0  # {% %} tags in the file
        self.tags_line = 0  # where the TAGS-th tag is (counting stops there)
        self.longest = 0  # most operators and filters in one tag
        self.longest_line = 0

    def first_over(self, limit: int) -> int | None:
        return self.deepest_line if self.deepest > limit else None


def scan(env, source: str, stop_line: int | None = None) -> Nesting | None:
    """Walk the template's tokens (None when Jinja's lexer refuses the text); stop after
    ``stop_line`` if given, to see what is open at that line."""
    out = Nesting()
    stack: list[tuple[str, int]] = []
    pending_tag = None  # the tag name just after {%
    in_set = None  # a {% set %} whose form (block or =) is not known yet
    steps = 0  # operators and filters in the tag being read
    try:
        for lineno, kind, value in env.lexer.tokeniter(source, None):
            if stop_line is not None and lineno > stop_line:
                break
            if kind in ("block_begin", "variable_begin"):
                steps = 0
            elif kind == "operator" and value not in _BRACKETS.values() and value not in (",", ":", ".", "="):
                steps += 1
                if steps > out.longest:
                    out.longest, out.longest_line = steps, lineno
            if kind in ("block_begin", "comment_begin"):  # a comment costs the compiler as a tag does
                out.tags += 1
                if out.tags == TEMPLATE_TAGS + 1:
                    out.tags_line = lineno
                if kind == "comment_begin":
                    continue
                pending_tag = True
                continue
            if pending_tag is True and kind == "name":
                pending_tag = None
                if value.startswith("end"):
                    if stack and stack[-1][0] == value[3:]:
                        stack.pop()
                elif value == "set":
                    in_set = (value, lineno)
                elif value in _OPENERS:
                    stack.append((value, lineno))
            elif kind == "operator":
                if value == "=" and in_set:
                    in_set = None
                elif value in _BRACKETS:
                    stack.append((value, lineno))
                elif value in _BRACKETS.values() and stack and _BRACKETS.get(stack[-1][0]) == value:
                    stack.pop()
            elif kind == "block_end":
                if in_set:
                    stack.append(in_set)
                in_set = pending_tag = None
            if len(stack) > out.deepest:
                out.deepest, out.deepest_line = len(stack), lineno
    except Exception:  # noqa: BLE001 - the lexer's own errors are reported by the compiler
        return None
    out.open = [s for s in stack if s[0] not in _BRACKETS]
    return out
