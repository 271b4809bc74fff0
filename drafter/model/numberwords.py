"""How a computed percentage is written so that it never claims a value it does not have
(domain.md §4, §6): shared by render, which prints the rates it computes, and check, which
prints the rate a report should have stated; and ordinals in Chinese numerals (chinese), shared
by render, typeset and check."""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

MAX_PLACES = 10  # decimals a rate or a change may take so as not to read 0%, 100% or 持平 when it is not
_DIGITS_KEPT = 38  # decimals closest_true may go to (decimal() works to 40 digits)


def trim(d: Decimal) -> str:
    """A decimal without trailing zeros nor exponent: 78.10 → 78.1, 100.0 → 100."""
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def plain(value: float | int | Decimal) -> str:
    """A figure as written, in full (1234567, 0.005; never 1.23457e+06)."""
    return trim(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))


def closest_true(exact: Decimal, digits: int, wrong: Callable[[Decimal], bool]) -> Decimal:
    """``exact`` rounded to ``digits`` decimals; where that would be ``wrong`` (0 or 100 for
    a value that is not), rounded instead at the first digit that tells it apart, so that
    the figure printed is still the value's own (0.005 → 0.005, not 0.01, which is twice
    it; 99.996274 → 99.996). Never more digits than that first one: a change of 6.56e-11
    is 0.00000000007, not the forty digits of its exact value (render prints such a change as
    与上年基本持平 past MAX_PLACES; check states it so). Nor is it ever a fifth or more away
    from ``exact`` (_far): 0.05 → 0.05, not 0.1."""
    shown = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if not wrong(shown) and not _far(shown, exact):
        return shown
    for places in range(digits + 1, _DIGITS_KEPT + 1):
        step = Decimal(1).scaleb(-places)
        truncated = exact.quantize(step, rounding=ROUND_DOWN)
        if not wrong(truncated) and not wrong(truncated + (step if exact > 0 else -step)):
            shown = exact.quantize(step, rounding=ROUND_HALF_UP)
            if not wrong(shown) and not _far(shown, exact):
                return shown
    return exact


def exact(value: float | int | Fraction | Decimal | str) -> Fraction:
    """A figure as an exact fraction: a float as written (0.1 is 1/10, not its binary
    neighbour), a Fraction (a rate worked out from its counts) as it is."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("数值超出范围")
        return Fraction(repr(value))
    return Fraction(value)


def decimal(value: Fraction) -> Decimal:
    """A fraction as a decimal, exact when it ends within 40 digits (else to 40)."""
    with localcontext() as ctx:
        ctx.prec = 40
        return Decimal(value.numerator) / Decimal(value.denominator)


def ratio_percent(value: float | Fraction) -> Decimal:
    """A ratio (a float, or a Fraction worked out from two counts) in per cent."""
    if isinstance(value, Fraction):
        if abs(value) >= 10**15:
            raise ValueError("数值超出范围")
        return decimal(value * 100)
    if not math.isfinite(value) or abs(value) >= 1e15:
        raise ValueError("数值超出范围")
    return Decimal(str(value)) * 100


def percent(value: float | Fraction, digits: int = 1) -> str:
    """0.953 → 95.3%. A ratio, not a percentage, goes in. 100% stays 100%; a rate that is
    not 0 or 100% is never printed so (domain.md §4): 1 ÷ 19999 → 0.005%, 0.99995 → 99.995%."""
    if not 0 <= digits <= MAX_PLACES:
        raise ValueError("小数位数超出范围")
    exact = ratio_percent(value)
    shown = closest_true(exact, digits, lambda d: (d == 0) != (exact == 0) or (d == 100) != (exact == 100))
    return trim(shown) + "%"


def _far(shown: Decimal, exact: Decimal) -> bool:
    """Is ``shown`` more than a fifth away from ``exact`` (0.05 rounded to 0.1, twice it; 0.15 to
    0.2): a small rate or change printed so claims another value, and takes another digit."""
    return exact != 0 and abs(shown - exact) * 5 > abs(exact)


def false_change(exact: Decimal) -> Callable[[Decimal], bool]:
    """What a change of ``exact`` (per cent or points) must not be printed as: 0 when it is not
    none (that is 持平), or 100 when it is not exactly 100 (减少100% means it fell to nothing)."""
    return lambda d: (d == 0) != (exact == 0) or (abs(d) == 100) != (abs(exact) == 100)


def change_percent(exact: Decimal, digits: int = 1) -> str:
    """A change (in percent or in points) to ``digits`` decimals, or more where fewer would
    print it falsely (false_change), as render's numbers.yoy prints it: 0.004 → 0.004,
    12.34 → 12.3, 0.05 → 0.05."""
    return trim(closest_true(exact, digits, false_change(exact)))


# -- ordinals in Chinese numerals (headings, 一是/二是) ----------------------------------------
_DIGITS = "零一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]


def _four(n: int) -> str:
    """0 < n < 10000 in Chinese numerals, with inner 零 where a place is skipped."""
    out, zero = "", False
    for place in range(3, -1, -1):
        d = n // 10**place % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _UNITS[place]
    return out


def chinese(n: int) -> str:
    """12 → 十二, 105 → 一百零五, 20000 → 二万; for headings and 一是/二是 style ordinals."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError("只能把非负整数写成汉字")
    if n == 0:
        return "零"
    if n >= 10**12:
        raise ValueError("数太大，不能写成汉字")
    groups, out = [], ""
    while n:
        groups.append(n % 10000)
        n //= 10000
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            if out and not out.endswith("零"):
                out += "零"
            continue
        if out and g < 1000 and not out.endswith("零"):
            out += "零"
        out += _four(g) + ["", "万", "亿"][i]
    out = out.rstrip("零")
    if out.startswith("一十"):
        out = out[1:]  # 一十二 → 十二
    return out
