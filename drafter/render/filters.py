"""Filters and helpers for templates (the built-in ones and a clerk's own).

Filters take plain numbers or the Figure/Rate objects of ``figures.py``:
    {{ 15000 | num }} → 1.5万        {{ 683 | num(approx=true) }} → 680余
    {{ 0.9531 | percent(2) }} → 95.31%   {{ a | rate(b) }} → a ÷ b as a percentage
    {{ 110 | yoy(100) }} → 同比上升10%   {{ 0.95 | points(0.93) }} → 同比提高2个百分点
    {{ 12 | cn }} → 十二             {{ 成文日期 | cn_date }} → 2026年2月6日
    {{ ["甲", "乙"] | enumerate_cn }} → 一是甲；二是乙。   {{ "加强审查" | full_stop }} → 加强审查。
Helpers that keep sentences whole when a figure is missing:
    项("收到申请{}", x)  → "" when x was not given, else the text with x filled in
    句(a, b, c)         → the non-empty parts joined by "，" and closed with "。"
"""

from __future__ import annotations

import datetime as dt

from drafter.render import numbers
from drafter.render.figures import Figure, Rate, _Missing


def _value(x):
    if isinstance(x, (Figure, Rate)):
        return x.值
    if isinstance(x, _Missing):
        raise ValueError("这个数据没有填写")
    return x


def num(x, approx: bool = False) -> str:
    return numbers.number(_value(x), approx)


def percent(x, digits: int = 1) -> str:
    return numbers.percent(_value(x), digits)


def rate(numerator, denominator, digits: int = 1) -> str:
    return numbers.rate(_value(numerator), _value(denominator), digits)


def yoy(current, previous) -> str:
    return numbers.yoy(_value(current), _value(previous))


def points(current, previous) -> str:
    return numbers.points(_value(current), _value(previous))


def cn(n) -> str:
    return numbers.chinese(int(_value(n)))


def cn_date(d) -> str:
    if not isinstance(d, dt.date):
        raise ValueError(f"cn_date 需要日期，得到的是“{d}”")
    return numbers.date(d)


def enumerate_cn(items, sep: str = "；", end: str = "。") -> str:
    """["甲", "乙"] → 一是甲；二是乙。 (trailing punctuation of each item is dropped)."""
    parts = [str(t).rstrip("。；;，, ") for t in items if str(t).strip()]
    if not parts:
        return ""
    return sep.join(f"{numbers.chinese(i)}是{p}" for i, p in enumerate(parts, 1)) + end


def full_stop(text) -> str:
    """A heading sentence closed with 。 (what makes ``## …`` a run-in heading)."""
    text = str(text).strip().rstrip("，,；;：:。.！!？? ")
    return text + "。" if text else ""


def item(text: str, *values) -> str:
    """项(): fill ``{}`` in ``text`` with the values, or give "" if any value is missing."""
    if any(isinstance(v, _Missing) or v is None for v in values):
        return ""
    return text.format(*(str(v) for v in values))


def sentence(*parts) -> str:
    """句(): the non-empty parts joined by "，" and closed with "。"; "" when all are empty."""
    kept = [str(p).strip().rstrip("，。；") for p in parts if p and str(p).strip()]
    return "，".join(kept) + "。" if kept else ""


FILTERS = {
    "num": num, "percent": percent, "rate": rate, "yoy": yoy, "points": points,
    "cn": cn, "cn_date": cn_date, "enumerate_cn": enumerate_cn, "full_stop": full_stop,
}
GLOBALS = {"项": item, "句": sentence}
