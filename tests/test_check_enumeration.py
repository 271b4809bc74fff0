"""check on 一是/二是 enumerations (issue 19 §1): official prose numbers items 一是、二是… in
paragraphs of their own or several in one; that is never a wrong number mark (序号标点), on
the corpus reports or on a made-up report, while a gap or a repeat in them is still said."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import corpus_files, needs_corpus
from test_check_rules import report, rules, run


def _with(paragraphs: list[str]) -> list[str]:
    lines = report("全面推进依法行政。")
    lines[4:4] = paragraphs
    return lines


@pytest.mark.parametrize("paragraphs", [
    ["一是加强学习。组织专题学习4次。", "二是规范执法。开展案卷评查。", "三是化解纠纷。推进诉源治理。"],
    ["一是加强学习，组织专题学习4次；二是规范执法，开展案卷评查；三是化解纠纷，推进诉源治理。"],
    ["一是加强学习。组织专题学习4次。二是规范执法。开展案卷评查。"],
])
def test_yi_shi_items_are_never_a_wrong_number_mark(paragraphs):
    assert "序号标点" not in rules(run(_with(paragraphs)))


def test_a_gap_in_yi_shi_paragraphs_is_still_said():
    found = run(_with(["一是加强学习。组织专题学习4次。", "二是规范执法。开展案卷评查。", "四是化解纠纷。推进诉源治理。"]))
    assert rules(found).count("列举编号") == 1
    assert "跳到了“四是”" in next(f for f in found if f.rule == "列举编号").message


def test_a_wrong_mark_on_other_numbers_is_still_said():
    found = run(_with(["一）加强学习。组织专题学习4次。"]))
    assert "序号标点" in rules(found)


@pytest.mark.slow
@needs_corpus
def test_no_wrong_number_mark_on_the_corpus_reports():
    out = subprocess.run([sys.executable, "-m", "drafter", "check", *map(str, corpus_files())],
                         capture_output=True, text=True)
    assert "序号标点" not in out.stdout and out.returncode in (0, 1), out.stderr


def _enum(found):
    return [f for f in found if f.rule == "列举编号"]


@pytest.mark.parametrize("paragraphs, said", [
    (["一是加强学习，组织学习4次；二是规范执法，开展评查；四是化解纠纷，推进诉源治理。"], "跳到了“四是”"),
    (["一是加强学习，组织学习4次；二是规范执法，开展评查；二是化解纠纷，推进诉源治理。"], "“二是”重复了"),
    (["一是加强学习，组织学习4次；三是规范执法，开展评查；二是化解纠纷，推进诉源治理。"], "跳到了“三是”"),
    (["一是加强学习，组织学习4次；二是是规范执法，开展评查。"], "多了一个“是”"),
    (["一是加强学习，组织学习4次。", "二是规范执法，开展评查。", "二是化解纠纷，推进诉源治理。"], "“二是”重复了"),
    (["工作中抓了几件事：一是加强学习，组织学习4次；二是规范执法；四是化解纠纷。"], "跳到了“四是”"),
])
def test_a_wrong_enumeration_is_said_once_where_it_goes_wrong(paragraphs, said):
    found = _enum(run(_with(paragraphs)))
    assert len(found) == 1 and said in found[0].message and found[0].severity == "提醒", [f.format() for f in found]


@pytest.mark.parametrize("paragraphs", [
    ["一是加强学习，组织学习4次；二是规范执法；三是化解纠纷。"],
    ["一是加强学习。", "二是规范执法。", "三是化解纠纷。"],
    # two lists, each from 一是
    ["一是加强学习；二是规范执法。", "另外，一是化解纠纷；二是诉源治理。"],
    ["一是加强学习；二是规范执法。", "一是化解纠纷；二是诉源治理。"],
    # a list that does not begin at 一是 here (its start is in words the reader cannot see) is not judged
    ["二是规范执法；四是化解纠纷。"],
    # not items: 统一是、唯一是, 是 in a word after a number
    ["执法标准统一是关键，唯一是不够的。", "三是非分明，一是一，二是二。"][:1],
])
def test_right_enumerations_and_near_misses_say_nothing(paragraphs):
    assert _enum(run(_with(paragraphs))) == []


def test_a_doubled_shi_in_a_run_in_heading_is_said():
    found = _enum(run(_with(["一是加强学习。组织学习4次。", "二是是规范执法。开展评查工作。", "三是化解纠纷。推进诉源治理。"])))
    assert len(found) == 1 and "多了一个“是”" in found[0].message


def test_an_item_run_on_without_a_stop_is_said_as_such_not_as_a_gap():
    found = _enum(run(_with(["一是加强学习，组织学习4次，水平不断提升二是规范执法，开展评查；三是化解纠纷。"])))
    assert len(found) == 1 and "“二是”前面少了句号或分号" in found[0].message, [f.format() for f in found]
