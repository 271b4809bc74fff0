"""Figures printed as the form has them. A template may print a figure, compute with its
value, cut or reorder text; what it prints must never show a figure with a value it does not
have (19999件 as 20000 or 2万, 162件 reversed as 件261, 46.83万 cut into 46.), whichever of
Jinja's filters, string methods, slices or formats it goes through.

Two checks: the numbers taken from the form (a figure's 值 and 上年) are marked, and an
operation that would print one changed — rounded, cut by //, formatted in another notation —
is refused (so is one computed from them: 19999 ÷ 10000 rounded); and text that holds a number, when cut, reordered or formatted, must
keep every number of it whole (the numbers of the result are among those of the input)."""

from __future__ import annotations

import math
import re

from drafter.errors import TemplateError
from drafter.files.patterns import lazy_re
from drafter.model.numberwords import plain
from drafter.render.apart import visible

MAX_PRINTED_PLACES = 6  # a computed number printed with more decimals is an unrounded quotient


class FigureText(str):
    """A figure of the form as a filter or a figure's own wording writes it (num: 412650,
    .约数: 41万余人次, .同比: 同比增长17.4%): it stands apart in the report as the figure
    itself does (apart.py). ``of``: the figure (Figure, Rate) it writes, when known;
    ``kind``: "同比" or "上年" when it is that figure's change or last year's value, which
    must stand beside that figure, never read as another's."""

    of: object = None
    kind = ""


def figure_text(text: str, of: object = None, kind: str = "") -> FigureText:
    out = FigureText(text)
    out.of, out.kind = of, kind
    return out


class FormInt(int):
    """A whole number from the form (a count, last year's count)."""

    __slots__ = ()


class FormFloat(float):
    """A number with decimals from the form (46.8 万元, a rate's 0.9375)."""

    __slots__ = ()


class OwnedInt(FormInt):
    """A figure's own whole number (Figure.值, .上年), knowing whose it is: ``of`` the Figure,
    ``kind`` "上年" for last year's. yoy() takes its two numbers to be one figure's, and says
    so when they are not. (Arithmetic gives plain numbers: a sum is nobody's.)"""

    of: object = None
    kind = ""


class OwnedFloat(FormFloat):
    """OwnedInt for a number with decimals (46.8 万元)."""

    of: object = None
    kind = ""


def owned(value, of: object, kind: str = ""):
    """``value`` marked as the form's, and as ``of``'s own (this year's, or ``kind`` 上年)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    out = OwnedInt(value) if isinstance(value, int) else OwnedFloat(value)
    out.of, out.kind = of, kind
    return out


class RateFloat(FormFloat):
    """A rate's value as a fraction of one (0.1232876712328767): printed, it is no report text."""

    __slots__ = ()


class DerivedInt(FormInt):
    """A whole number computed from the form's (a sum, a product): never printed changed."""

    __slots__ = ()


class DerivedFloat(FormFloat):
    """A number computed from the form's (19999 ÷ 10000, a rate × 100): printed changed —
    rounded, formatted to fewer places — it would show a figure the form does not have."""

    __slots__ = ()


class SumInt(DerivedInt):
    """[a, b] | sum of figures of one unit: a count of that unit (a rate's whole), ``unit``."""

    unit: str


class SumFloat(DerivedFloat):
    """As SumInt, with decimals (amounts in 万元)."""

    unit: str


def summed_figures(total, unit: str | None):
    """The sum of figures' values, as a count of ``unit`` when they all have it."""
    out = derived(total)
    if unit and isinstance(out, (DerivedInt, DerivedFloat)):
        out = (SumInt if isinstance(out, int) else SumFloat)(out)
        out.unit = unit
    return out


FORM_NUMBERS = (FormInt, FormFloat)
DERIVED = (DerivedInt, DerivedFloat)


def _marked(value, whole: type, decimal: type):
    """``value`` as ``whole`` or ``decimal`` (flags, None and other kinds as they are)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return whole(value) if isinstance(value, int) else decimal(value)


def derived(value):
    """``value`` marked as computed from the form's numbers."""
    return _marked(value, DerivedInt, DerivedFloat)


def form_number(value):
    """``value`` marked as the form's; one already marked keeps its mark."""
    return value if isinstance(value, (FormInt, FormFloat)) else _marked(value, FormInt, FormFloat)


def rate_number(value):
    """A rate's value, marked as such (and as the form's)."""
    return None if value is None else RateFloat(value)


def refuse_raw_number(value) -> None:
    """A number printed as it is must read as a figure: never a rate's inner fraction
    (0.1232876712328767 for 12.3%), nor a computed quotient with a tail of decimals
    (19.714285714285715)."""
    if isinstance(value, RateFloat):
        raise TemplateError(
            "这里直接输出了比率的内部数值（0 到 1 之间的小数），报告里应写成百分数。",
            "请直接输出比率，如 {{ t.数据.行政复议.纠错率 }}（写成 12.3%），换小数位数用 精度()；"
            "上年的比率用 .上年数，如 {{ t.数据.行政复议.纠错率.上年数 }}。",
        )
    if isinstance(value, float) and math.isfinite(value) and (not isinstance(value, FormFloat) or isinstance(value, DerivedFloat)):
        text = plain(value)
        if len(text.partition(".")[2]) > MAX_PRINTED_PLACES:
            raise TemplateError(
                f"这里算出的数 {text[:20]} 有很多位小数，报告里不会这样写数字。",
                "两个数之比请用过滤器 rate，如 {{ a | rate(b) }}；由表单里的数算出的数不能再舍入，只印除得尽的。",
            )


def is_form_number(value) -> bool:
    return isinstance(value, FORM_NUMBERS)


# A number as text, with the 万/亿 that scales it: 46.83万 is one number, 46. is another.
_NUMBER = lazy_re(r"\d+(?:\.\d+)?(?:万|亿)?")


def numbers_in(text: str) -> list[str]:
    return _NUMBER.findall(text)


def keeps_numbers(before: str, after: str) -> bool:
    """Are the numbers of ``after`` numbers of ``before``, whole and in the same order (text
    cut after a number, or with whole numbers left out, keeps them; 162 reversed or cut
    into 16 does not)?"""
    if not re.search(r"\d", after):
        return True
    rest = iter(numbers_in(before))
    return all(any(n == m for m in rest) for n in numbers_in(after))


def has_digit(value) -> bool:
    return isinstance(value, str) and bool(re.search(r"\d", value))


_HINT = "报告里的数要和表单一致：直接输出数据（如 {{ 数据.行政复议.收到申请 }}），要写约数用 .约数，比率换小数位数用 精度()。"


def refuse_cut(what: str, before: str, after: str) -> None:
    """Refuse ``what`` when it made ``after`` of ``before`` with a number cut or reordered."""
    if not keeps_numbers(before, after):
        seen = visible(after)  # as the report would print it: without drafter's figure marks
        shown = seen if len(seen) <= 20 else seen[:20] + "…"
        raise TemplateError(f"{_said(what)}把含数字的文字拆开或打乱了（得到“{shown}”），报告里就不再是原来的数。", _HINT)


def refuse_split(what: str) -> TemplateError:
    return TemplateError(f"{_said(what)}把含数字的文字拆成了一个个字，报告里就不再是原来的数。", _HINT)


def refuse_changed(what: str, before, after) -> None:
    """Refuse ``what`` when it changed a number taken from the form (19999 → 20000), or one
    computed from them (19999 ÷ 10000 = 1.9999 → 2)."""
    if after != before:
        whose = "由表单里的数算出的" if isinstance(before, DERIVED) else "表单里的数"
        raise TemplateError(
            f"{_said(what)}把{whose} {_plain(before)} 改成了 {_plain(after)}，报告里就不再是原来的数。",
            _HINT + "两个数之比请用过滤器 rate，如 {{ a | rate(b) }}。",
        )


def refuse_lost(what: str, before, after) -> None:
    """Refuse a number made 0 from one that is not (a rate of 0.005% rounded to 0)."""
    if after == 0 and before != 0:
        raise TemplateError(f"{_said(what)}把不为 0 的数 {_plain(before)} 变成了 0，报告里会写成 0。", _HINT)


def refuse_unkept(what: str, result: str, parts) -> None:
    """A format's result must show every number of what was filled in whole: a number from
    the form as the report writes it, text with its numbers as they stand."""
    have = numbers_in(result)
    for part in parts:
        if is_form_number(part):
            wanted = [_plain(part)]
        elif isinstance(part, str):
            wanted = numbers_in(part)
        else:
            continue
        for n in wanted:
            if n not in have:
                raise TemplateError(f"{_said(what)}没有把“{n}”原样写出（得到“{result[:20]}”），报告里就不再是原来的数。", _HINT)
            have.remove(n)


def _said(what: str) -> str:
    """``what`` as the subject of a message: a space after a name in Latin letters."""
    return what + " " if what[-1:].isascii() else what


def _plain(value) -> str:
    if isinstance(value, float) and math.isfinite(value):
        return plain(round(value, 8) or value)  # 0.005000250012500625 said as 0.00500025
    return str(int(value)) if isinstance(value, int) else str(value)
