"""Number, percentage, year-on-year and date wording for 公文 text (domain.md §6).

Arabic figures; no thousands separators; 万 and 亿 above four digits; approximation
marks (余) never after a decimal; rate changes in 个百分点; dates without zero padding.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

# How a computed percentage or change is rounded is shared with check: to the digits asked,
# or at the first digit that tells it from 0 or 100 when it is neither (0.005%, not 0.01%).
from drafter.model.numberwords import (
    MAX_PLACES,
    chinese,
    closest_true,
    decimal,
    exact as _exact_value,
    false_change,
    percent,
    ratio_percent,
    trim as _trim,
)

__all__ = ["number", "with_unit", "percent", "rate", "yoy", "points", "chinese", "date"]


def _round(value: float, digits: int) -> Decimal:
    if not math.isfinite(value) or abs(value) >= 1e18 or not 0 <= digits <= 10:
        raise ValueError("数值或小数位数超出范围")
    q = Decimal(1).scaleb(-digits) if digits > 0 else Decimal(1)
    return Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP)


def _exact(v: Decimal, scale: int, digits: int) -> Decimal | None:
    """``v`` in units of ``scale`` when that takes at most ``digits`` decimals, else None."""
    scaled = v / scale
    return scaled if scaled == scaled.quantize(Decimal(1).scaleb(-digits)) else None


def _plain(v: Decimal, digits: int) -> str:
    """A number below 10,000 as it is: an integer in full, a fraction to ``digits`` decimals,
    or to as many more as it takes not to print 0 for a value that is not 0."""
    if v == v.to_integral_value():
        return _trim(v)
    for places in range(digits, 11):
        shown = _round(float(v), places)
        if shown:
            return _trim(shown)
    return _trim(v)


def number(value: float | int | Decimal, approx: bool = False, digits: int = 2) -> str:
    """1234 → 1234; 579500 → 57.95万; 335580000 → 33558万; approx: 683 → 680余, 12345 → 12000余.

    Below 10,000 a count is written out in full. From 10,000 it is written in 万 (from
    100,000,000 in 亿) only when at most ``digits`` decimals say it exactly: a figure never
    claims a value it does not have (19999 stays 19999, not 2万; domain.md §6 takes 万/亿
    where no digit is lost); a fraction is written with every digit it has. With ``approx``
    the number is cut down to a round figure and marked 余, which by rule never follows a
    decimal.
    """
    if value is None:
        raise ValueError("没有给出数值")
    v = Decimal(str(value))
    if not v.is_finite() or abs(v) >= Decimal(10) ** 18:
        raise ValueError("数值超出范围")
    if v < 0:
        return "-" + number(-v, approx, digits)
    if approx:
        if v >= 100:
            return _round_figure(v)
        return _plain(v, digits)
    for scale, word in ((100_000_000, "亿"), (10_000, "万")):
        if v >= scale:
            scaled = _exact(v, scale, digits)
            if scaled is not None:
                return _trim(scaled) + word
    return _trim(v)  # every digit given: 12345.6789 is not 12345.68


def _round_figure(v: Decimal) -> str:
    """A figure from 100 up cut down to its first two digits and marked 余 when that drops
    any: 683 → 680余, 9999 → 9900余, 199999 → 19万余. Two digits at every size, never one
    at a 万 or 亿 boundary (19999 is not “1万余”). 余 never follows a decimal (domain.md §6:
    “13.5万多人” is to be avoided), so where the two digits are not whole 万 or 亿 they are
    written in the next smaller unit: 19999 → 19000余, 199999999 → 19000万余."""
    step = Decimal(10) ** (len(str(int(v))) - 2)
    rounded = int(v // step * step)
    mark = "余" if rounded != v else ""
    for scale, word in ((100_000_000, "亿"), (10_000, "万")):
        if rounded >= scale and rounded % scale == 0:
            return f"{rounded // scale}{word}{mark}"
    return f"{rounded}{mark}"


YUAN_IN = {"元": 1, "万元": 10_000, "亿元": 100_000_000}  # 元 in one of each unit money is kept in
_OWN_UNIT_PLACES = 4  # decimals an amount of 1 or more is still written with in the unit the form gives it

# Units that count the same things (受理来信来访137件次 against 上年279件; 查处130起 against 100件)
_KIN_UNITS = {"件次": "件", "起": "件", "宗": "件", "人次": "人", "名": "人", "家次": "家", "户次": "户"}


def kin(unit: str) -> str:
    """The unit ``unit`` counts in, for setting a count against last year's (件次 is 件)."""
    return _KIN_UNITS.get(unit, unit)


def with_unit(value: float | int | Decimal, unit: str, approx: bool = False) -> str:
    """A count with its unit. Money (元/万元/亿元) is written in the unit the form gives it
    when that says it with at most four decimals, is at least 1 and no larger unit holds it
    (1234.567亿元, 1234.5678万元), else in the unit that says it exactly: 579500万元 → 57.95亿元, 0.004亿元 → 40万元 (never 0亿元);
    an amount not in whole 元 in 元 with every digit given (the form refuses money below the 分)."""
    if unit in YUAN_IN:
        given = Decimal(str(value))
        amount = given * YUAN_IN[unit]
        larger = any(amount >= scale for scale in YUAN_IN.values() if scale > YUAN_IN[unit])
        if not approx and unit != "元" and given >= 1 and not larger and -given.normalize().as_tuple().exponent <= _OWN_UNIT_PLACES:  # type: ignore[operator]
            return _trim(given) + unit  # 1234.567亿元 as the form gives it, not 12345670万元
        if not approx and amount != amount.to_integral_value():
            return _trim(amount) + "元"  # not whole 元: in full (万/亿 would hide the 分; the form keeps to the 分)
        return number(amount, approx) + "元"
    return number(value, approx) + unit


def rate(numerator: float, denominator: float, digits: int = 1) -> str:
    """The percentage numerator ÷ denominator, e.g. rate(29, 151) → 19.2%."""
    if not denominator:
        raise ZeroDivisionError("分母为 0，无法计算比率")
    return percent(numerator / denominator, digits)


SMALL_BASE = 10  # below this many last year, a percentage says less than the difference itself


# The one wording of a change that is not none but too small to print: past MAX_PLACES
# decimals it would read 0 (持平, a claim the two are equal), so it says “basically level”.
NEARLY_LEVEL = "与上年基本持平"


def _change(exact: Decimal, digits: int) -> Decimal | None:
    """A change that is not 0 as printed (closest_true, at most MAX_PLACES decimals); None
    when even MAX_PLACES decimals would read 0."""
    change = closest_true(exact, digits, false_change(exact))
    return None if abs(change) < Decimal(1).scaleb(-MAX_PLACES) else change


def _fraction(value: float | int | Fraction | Decimal) -> Fraction:
    """A figure or ratio as an exact fraction (numberwords.exact), its range checked."""
    if isinstance(value, float) and (not math.isfinite(value) or abs(value) >= 1e18):
        raise ValueError("数值超出范围")
    return _exact_value(value)


def yoy(current: float | int | Fraction, previous: float | int | Fraction, digits: int = 1, unit: str = "") -> str:
    """Change of a count against last year, as counts are spoken of: 同比增长12.3% /
    同比减少5%; from a small base the difference itself (比上年增加3件); from none, last
    year's value with its unit (上年为0件); 与上年持平 only when the two are equal, and
    与上年基本持平 when they differ by less than MAX_PLACES decimals of a per cent."""
    now, before = _fraction(current), _fraction(previous)
    if now == before:
        return "与上年持平"
    if before == 0:
        return f"上年为0{unit}"
    if before < SMALL_BASE and unit:
        diff = abs(decimal(now - before))
        return f"比上年{'增加' if now > before else '减少'}{with_unit(diff, unit)}"
    exact = decimal((now - before) / before * 100)
    change = _change(exact, digits)
    if change is None:
        return NEARLY_LEVEL
    word = "增长" if change > 0 else "减少"
    return f"同比{word}{_trim(abs(change))}%"


def points(current: float | int | Fraction, previous: float | int | Fraction, digits: int = 1) -> str:
    """Change of a rate (both as ratios, floats or the exact Fractions of figures.Rate), as a
    reader works it out from the two rates printed: 99.5% last year and 99.4% this year is
    同比下降0.1个百分点, whatever their unrounded values. 与上年持平 only when the rates are
    equal (compared exactly: two rates of different counts may be the same float), and
    与上年基本持平 when they differ but print the same."""
    ratio_percent(current), ratio_percent(previous)  # their range
    if _fraction(current) == _fraction(previous):
        return "与上年持平"
    change = Decimal(percent(current, digits)[:-1]) - Decimal(percent(previous, digits)[:-1])
    if change == 0:
        return NEARLY_LEVEL
    word = "提高" if change > 0 else "下降"
    return f"同比{word}{_trim(abs(change))}个百分点"


def date(value: dt.date) -> str:
    """2026-02-06 → 2026年2月6日 (GB/T 9704 7.3.5.4: Arabic, no zero padding)."""
    return f"{value.year}年{value.month}月{value.day}日"
