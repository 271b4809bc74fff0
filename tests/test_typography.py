"""Punctuation repairs applied to generated text (domain.md §6)."""

import pytest

from drafter.model.typography import normalize


@pytest.mark.parametrize("raw, fixed", [
    ("我县,全年收到申请162件;受理150件.", "我县，全年收到申请162件；受理150件。"),
    ("纠错率95.3%,同比提高1.2个百分点", "纠错率95.3%，同比提高1.2个百分点"),
    ("《实施方案(2022-2025年)》", "《实施方案（2022—2025年）》"),
    ("1-10月", "1—10月"),
    ('开展"八五"普法...', "开展“八五”普法……"),
    ("(此件公开发布)", "（此件公开发布）"),
    ("１２３件", "123件"),
    ("数据:如下", "数据：如下"),
])
def test_repairs(raw, fixed):
    assert normalize(raw) == fixed


@pytest.mark.parametrize("text", ["GB/T 9704-2012", "www.gov.cn", "95.3%", "12345热线", "A4纸(210 x 297)"])
def test_latin_and_numbers_left_alone(text):
    assert normalize(text) == text
