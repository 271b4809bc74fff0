"""check: brackets and quotes that do not pair (issue 19 §2) are said whatever else is said:
half-width brackets too (an unclosed “(” never reached the half-width summary), each one left
open and each closer without its opener, up to three a paragraph; a list number 1) is not one."""

from __future__ import annotations

import pytest

from test_check_rules import report, run


def _pairs(found):
    return [f for f in found if f.rule == "括号引号不成对"]


@pytest.mark.parametrize("body, count", [
    ("开展评查(案卷120件，覆盖全县。", 1),
    ("开展评查（案卷120件，覆盖全县。", 1),
    ("开展评查案卷120件)，覆盖全县。", 1),
    ("开展“法治宣传进万家活动，覆盖群众(约2万人次。", 2),
    ("印发《关于规范执法的通知，开展“执法年活动（全年。", 3),
    ("开展“法治宣传”“执法监督”“复议规范化”，“普法(一)(二)(三)，“讲座（四）“五”“六“七。", 3),
])
def test_each_unpaired_mark_is_said(body, count):
    assert len(_pairs(run(report(body)))) == count


def test_said_beside_the_half_width_summary():
    body = "，".join(["全年受理案件53件,审结50件"] * 12) + "，开展评查(案卷120件。"
    found = run(report(body))
    assert any(f.rule == "半角标点" for f in found)
    assert len(_pairs(found)) == 1 and "(" in _pairs(found)[0].message


@pytest.mark.parametrize("body", [
    "开展评查(案卷120件)，覆盖全县。",
    "开展评查(案卷120件），覆盖全县。",  # mixed widths still pair (the half-width rule says the rest)
    "1)规范执法行为，开展案卷评查。",
    "开展“法治宣传进万家”活动，印发《关于规范执法的通知》（试行）。",
])
def test_paired_marks_and_list_numbers_say_nothing(body):
    assert _pairs(run(report(body))) == []
