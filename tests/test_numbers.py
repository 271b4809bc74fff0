"""Number, rate, year-on-year, numeral and date wording (domain.md §6)."""

import datetime as dt

import pytest

from drafter.model import numbers


@pytest.mark.parametrize("value, text", [
    (0, "0"), (162, "162"), (9999, "9999"), (10000, "1万"), (12000, "1.2万"),
    (468300, "46.83万"), (579500, "57.95万"), (100000000, "1亿"), (335580000, "33558万"), (46.8, "46.8"),
])
def test_number_scales_to_wan_and_yi(value, text):
    assert numbers.number(value) == text


@pytest.mark.parametrize("value, text", [
    (683, "680余"), (680, "680"), (1234, "1200余"), (12345, "12000余"), (19999, "19000余"), (20000, "2万"), (99, "99"),
    (412650, "41万余"),
])
def test_number_approx_marks_yu_never_after_a_decimal(value, text):
    out = numbers.number(value, approx=True)
    assert out == text
    assert not ("." in out and "余" in out)


def test_units_money_rescales():
    assert numbers.with_unit(579500, "万元") == "57.95亿元"
    assert numbers.with_unit(3200, "万元") == "3200万元"
    assert numbers.with_unit(162, "件") == "162件"


@pytest.mark.parametrize("ratio, digits, text", [
    (0.953, 1, "95.3%"), (1.0, 1, "100%"), (0.5, 1, "50%"), (0.95312, 2, "95.31%"), (29 / 151, 1, "19.2%"),
])
def test_percent(ratio, digits, text):
    assert numbers.percent(ratio, digits) == text


def test_rate_from_counts_and_zero_denominator():
    assert numbers.rate(29, 151) == "19.2%"
    with pytest.raises(ZeroDivisionError):
        numbers.rate(1, 0)


@pytest.mark.parametrize("cur, prev, text", [
    (110, 100, "同比增长10%"), (90, 100, "同比减少10%"), (100, 100, "与上年持平"), (162, 138, "同比增长17.4%"),
])
def test_yoy_for_counts(cur, prev, text):
    assert numbers.yoy(cur, prev) == text
    assert numbers.yoy(cur, prev, unit="件") == text  # a base of ten or more: a percentage


@pytest.mark.parametrize("cur, prev, text", [
    (9, 6, "比上年增加3件"), (2, 5, "比上年减少3件"), (4, 0, "上年为0件"), (0, 0, "与上年持平"), (3, 3, "与上年持平"),
])
def test_yoy_from_a_small_base_or_none_says_the_difference(cur, prev, text):
    assert numbers.yoy(cur, prev, unit="件") == text


@pytest.mark.parametrize("cur, prev, text", [
    (0.95, 0.938, "同比提高1.2个百分点"), (0.9, 0.95, "同比下降5个百分点"), (0.9, 0.9, "与上年持平"),
])
def test_points_for_rates(cur, prev, text):
    assert numbers.points(cur, prev) == text


@pytest.mark.parametrize("n, text", [
    (0, "零"), (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百零五"), (110, "一百一十"),
    (1001, "一千零一"), (10010, "一万零一十"), (100000, "十万"), (123456789, "一亿二千三百四十五万六千七百八十九"),
])
def test_chinese_numerals(n, text):
    assert numbers.chinese(n) == text


def test_chinese_rejects_negative():
    with pytest.raises(ValueError):
        numbers.chinese(-1)


def test_date_has_no_zero_padding():
    assert numbers.date(dt.date(2026, 2, 6)) == "2026年2月6日"
    assert numbers.date(dt.date(2025, 12, 31)) == "2025年12月31日"
