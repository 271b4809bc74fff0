"""Signature and date indents (GB/T 9704 7.3.5)."""

import pytest

from drafter.typeset.signature import indents


@pytest.mark.parametrize("sign, date, expected", [
    ("示例县人民政府", "2026年2月6日", (3, 2)),          # S 7 > D 6: date 2, signature moves left 1
    ("示例县司法局", "2026年12月16日", (5, 2)),          # D 7 > S 6: date keeps 2 字, signature moves left
    ("某某市某某区人民政府办公室", "2026年2月6日", (2, 7)),  # S 13: signature 2 字, date S − D = 7
])
def test_no_seal(sign, date, expected):
    s, d = indents(sign, date, sealed=False)
    assert (s, d) == expected
    from drafter.typeset.titlewrap import width
    assert (s + width(sign)) - (d + width(date)) == 2  # date starts 2 字 right of the signature
    assert min(s, d) >= 2


def test_seal_centres_signature_over_date():
    s, d = indents("示例县人民政府", "2026年2月6日", sealed=True)
    assert d == 4
    assert s + 7 / 2 == d + 6 / 2  # centres coincide
