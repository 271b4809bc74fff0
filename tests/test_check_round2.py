"""check, second pass over issue 18 (an outside tester's findings): a space before a rate,
counts in any order, a rate of none in words, 原文 quoted as typed, a folder's unreadable
files listed, and expected rates printed without claiming a value they do not have."""

from __future__ import annotations

import json
import os
import sys

import docx
import pytest
import yaml

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from hostile_cases import run_clean
from test_check_rules import only, report, rules, run


def _rate(found):
    return [f for f in found if f.rule in ("比率核算", "比率口径", "比率无从计算", "部分大于整体")]


# -- K1: a space between 为/是/达 and the figure ---------------------------------------------------
@pytest.mark.parametrize("gap", [" ", "\u3000", "  ", " \u3000"], ids=["half", "full", "two-half", "mixed"])
@pytest.mark.parametrize("verb", ["为", "是", "达", "达到", ""])
def test_a_space_before_the_figure_hides_no_wrong_rate(gap, verb):
    f = only(run(report(f"全年受理行政复议案件64件，办结50件，结案率{verb}{gap}88.1%。")), "比率核算")
    assert "应为78.1%" in f.message and f.quote == f"结案率{verb}{gap}88.1%"


@pytest.mark.parametrize("gap", [" ", "\u3000"], ids=["half", "full"])
def test_a_space_before_a_rate_of_none_is_still_a_rate_of_none(gap):
    f = only(run(report(f"全年审结行政应诉案件0件，败诉0件，败诉率为{gap}0%。")), "比率无从计算")
    assert "无从计算" in f.message


@pytest.mark.parametrize("gap", [" ", "\u3000"], ids=["half", "full"])
def test_a_right_rate_after_a_space_is_not_reported(gap):
    assert _rate(run(report(f"全年受理行政复议案件64件，办结50件，结案率为{gap}78.1%。"))) == []


# 78.1% written roughly, with a space: read as rough (约/近 within a point, 超过 as a bound),
# not as the exact 78% or 77%, which would be wrong (since round 5 a rough rate is checked
# within its tolerance: test_check_round5)
@pytest.mark.parametrize("rough, value", [("约", 79), ("超过", 77), ("近", 79)])
def test_a_rough_rate_after_a_space_is_read_as_rough(rough, value):
    assert _rate(run(report(f"全年受理行政复议案件64件，办结50件，结案率{rough} {value}%。"))) == []


def test_a_space_before_a_share_hides_no_wrong_share():
    f = only(run(report("共调解案件200件，其中调处成功150件，占比为 80%。")), "占比核算")
    assert "75" in f.message


# -- K2: counts in any order ---------------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "全年办结50件，受理行政复议案件64件，结案率为88.1%。",
    "结案率为88.1%（全年受理行政复议案件64件，办结50件）。",
    "结案率为88.1%（全年办结50件，受理行政复议案件64件）。",
    "全年受理行政复议案件64件，结案率为88.1%（办结50件）。",
], ids=["part-first", "rate-first", "rate-then-part-first", "part-after-rate"])
def test_a_wrong_rate_is_found_whatever_the_order_of_its_counts(body):
    f = only(run(report(body)), "比率核算")
    assert "应为78.1%" in f.message and f.quote == "结案率为88.1%"


@pytest.mark.parametrize("body", [
    "全年办结50件，受理行政复议案件64件，结案率为78.1%。",
    "结案率为78.1%（全年受理行政复议案件64件，办结50件）。",
    "全年受理行政复议案件64件，结案率为78.1%（办结50件）。",
])
def test_a_right_rate_in_any_order_is_not_reported(body):
    assert _rate(run(report(body))) == []


def test_a_rate_before_its_counts_over_none_cannot_be_computed():
    f = only(run(report("败诉率为0%（行政应诉案件审结0件，败诉0件）。")), "比率无从计算")
    assert f.quote == "败诉率为0%"


@pytest.mark.parametrize("body", [
    # two wholes listed, not a part and its whole
    "全年办结人大代表建议120件、政协提案86件，办结率100%。",
    # a change is not a whole
    "全年办结案件50件，同比增加64件，结案率为88.1%。",
    # last year's figure is not this year's whole
    "全年办结案件50件，上年受理64件，结案率为88.1%。",
], ids=["listed-wholes", "change", "last-year"])
def test_a_count_after_the_part_that_is_not_its_whole_is_not_used(body):
    assert _rate(run(report(body))) == []


# -- K3: a rate of none in words --------------------------------------------------------------------------
@pytest.mark.parametrize("body, quote", [
    ("全年审结行政应诉案件0件，败诉0件，败诉率为零。", "败诉率为零"),
    ("全年审结行政应诉案件0件，败诉0件，败诉率为百分之零。", "败诉率为百分之零"),
    ("全年审结行政应诉案件0件，败诉0件，败诉率0/0。", "败诉率0/0"),
    ("行政应诉案件审结数为0，败诉率0%。", "败诉率0%"),
    ("行政应诉案件审结数为0，败诉率为零。", "败诉率为零"),
    ("败诉率为零（行政应诉案件审结0件，败诉0件）。", "败诉率为零"),
], ids=["zero", "percent-zero", "fraction", "bare-base", "bare-base-words", "words-first"])
def test_a_rate_of_none_in_words_cannot_be_computed(body, quote):
    f = only(run(report(body)), "比率无从计算")
    assert f.severity == "提醒" and f.quote == quote and "基数为0" in f.message


@pytest.mark.parametrize("body", [
    "全年审结行政应诉案件5件，败诉0件，败诉率为零。",  # 0 of 5 is none
    "行政应诉案件审结数为5，败诉率0%。",  # a base that is not none
    "全年审结行政应诉案件0件，败诉0件，零售网点12个。",  # 零 that is no rate
    "行政应诉案件审结数为0，胜诉案件较多。",  # no rate at all
])
def test_near_misses_of_a_rate_of_none_in_words(body):
    assert "比率无从计算" not in rules(run(report(body)))


def test_a_count_without_a_unit_is_checked_as_a_base():
    f = only(run(report("行政复议案件受理数为64，办结50件，结案率为88.1%。")), "比率核算")
    assert "应为78.1%" in f.message


# -- K4: 原文 as typed ----------------------------------------------------------------------------------
TYPED = [
    "全年受理行政复议案件64件，办结50件，结案率为８８.１％。",
    "全年受理行政复议案件64件，办结50件，结案率为８８．１％。",
    "全年受理行政复议案件64件，办结50件，结案率为88.1％。",
    "全年受理行政复议案件64件，办结50件，结案率为\u200e88.1%\u200f。",
    "全年受理行政复议案件64件，办结50件，结案率为\u300088.1%。",
    "全年受理行政复议案件64件，办结50件，结案率为88.1 ％。",
]


def _typed_rate(body: str) -> str:
    at = body.index("结案率")
    return body[at:body.rindex("％" if "％" in body else "%") + 1]


@pytest.mark.parametrize("body", TYPED, ids=["full-digits", "full-point", "full-percent", "marks", "full-space",
                                             "space-percent"])
def test_the_quote_of_a_txt_is_as_typed_in_text_and_json(tmp_path, body):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(report(body)) + "\n", encoding="utf-8")
    want = _typed_rate(body)
    result = run_clean(["check", path], inputs=[path], exit_codes=(1,))
    assert f"原文：“{want}”" in result.output, result.output
    result = run_clean(["check", "--json", path], inputs=[path], exit_codes=(1,))
    found = [f for f in json.loads(result.output) if f["规则"] == "比率核算"]
    assert [f["原文"] for f in found] == [want]
    assert found[0]["位置"].endswith(f":4:{body.index('结案率') + 1}")


def test_the_quote_of_a_docx_is_as_typed(tmp_path):
    path = tmp_path / "报告.docx"
    d = docx.Document()
    for line in report(TYPED[0]):
        d.add_paragraph(line)
    d.save(path)
    result = run_clean(["check", "--json", path], inputs=[path], exit_codes=(1,), located=False)
    found = [f for f in json.loads(result.output) if f["规则"] == "比率核算"]
    assert [f["原文"] for f in found] == ["结案率为８８.１％"]


def test_the_quote_of_a_form_is_as_typed(tmp_path, minimal):
    minimal["成效"][0]["做法"][0]["内容"] = TYPED[0]
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(minimal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_clean(["check", "--json", form], inputs=[form], exit_codes=(1,))
    found = [f for f in json.loads(result.output) if f["规则"] == "比率核算"]
    assert [f["原文"] for f in found] == ["结案率为８８.１％"]


def test_an_ascii_quote_stays_as_it_was():
    f = only(run(report("全年受理行政复议案件64件，办结50件，结案率为88.1%。")), "比率核算")
    assert f.quote == "结案率为88.1%"


# -- K5: a folder's files that cannot be read -----------------------------------------------------------------
needs_posix = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="pipes and /dev")


@needs_posix
@pytest.mark.parametrize("command", [["check"], ["render", "-o", "输出"], ["new", "2026", "-o", "新表单", "--from"]],
                         ids=["check", "render", "new"])
def test_every_report_named_file_of_a_folder_is_listed(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "报告"
    folder.mkdir()
    good = folder / "好.txt"
    good.write_text("\n".join(report("全年受理行政复议案件64件，办结50件，结案率为78.1%。")) + "\n", encoding="utf-8")
    suffix = ".yaml" if command[0] == "render" else ".txt"
    os.mkfifo(folder / f"管道{suffix}")
    os.symlink("/dev/zero", folder / f"设备{suffix}")
    os.symlink(tmp_path / "没有这个文件", folder / f"不在{suffix}")
    if command[0] == "render":
        good = folder / "好.yaml"
        good.write_text("年度: 2025\n", encoding="utf-8")  # a form with errors of its own is listed as well
    result = run_clean([*command, folder], inputs=[good], exit_codes=(1, 2), located=False)
    for name in (f"管道{suffix}", f"设备{suffix}", f"不在{suffix}", good.name):
        assert name in result.output, result.output
    # a broken link is said as a link (round 7, K7), a form's too (round 8, C2)
    assert "不是普通文件" in result.output and "指向的文件已不存在" in result.output
    assert "找不到文件" not in result.output
    if command[0] == "check":
        assert result.exit_code == 2 and "合计（4 份）" in result.output
        assert result.output.count("无法检查") >= 6  # said above its message, and in the table


@needs_posix
def test_the_message_in_a_folder_is_the_one_for_the_file_alone(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    os.mkfifo(folder / "管道.txt")
    alone = run_clean(["check", folder / "管道.txt"], inputs=[], exit_codes=(2,), located=False)
    listed = run_clean(["check", folder], inputs=[], exit_codes=(2,), located=False)
    said = [line for line in alone.output.splitlines() if "【错误】" in line]
    assert said and all(line in listed.output for line in said)


def test_hidden_files_and_lock_files_are_still_left_out(tmp_path):
    from drafter.jobs.batch import expand

    (tmp_path / ".隐藏.txt").write_text("字", encoding="utf-8")
    (tmp_path / "~$报告.docx").write_text("字", encoding="utf-8")
    (tmp_path / "说明.md").write_text("字", encoding="utf-8")
    (tmp_path / "子.txt").mkdir()  # a folder named like a report is looked into, not listed
    (tmp_path / "子.txt" / "甲.txt").write_text("字", encoding="utf-8")
    assert [p.name for p in expand([str(tmp_path)], (".txt", ".docx"))] == ["甲.txt"]


# -- K6: the expected rate printed without claiming a value it does not have -----------------------------------------
@pytest.mark.parametrize("body, expected", [
    ("全年调解纠纷2684件，调解成功2683件，调解成功率100%。", "应为99.96%"),
    ("全年审结行政复议案件20000件，纠错1件，纠错率0%。", "应为0.005%"),
    ("全年审结行政复议案件19999件，纠错1件，纠错率0%。", "应为0.005%"),
    ("全年调解纠纷20000件，调解成功19999件，调解成功率100%。", "应为99.995%"),
    ("全年受理行政复议案件64件，办结50件，结案率为88.1%。", "应为78.1%"),
    ("全年受理行政复议案件4件，办结2件，结案率为75%。", "应为50%"),
], ids=["near-100", "near-0", "near-0-inexact", "nearer-100", "ordinary", "whole"])
def test_the_expected_rate_never_reads_as_a_value_it_is_not(body, expected):
    f = only(run(report(body)), "比率核算")
    assert expected + "。" in f.message, f.message
    assert "100.0%" not in f.message and "应为0.0%" not in f.message


def test_the_expected_share_never_reads_as_a_value_it_is_not():
    f = only(run(report("共调解案件20000件，其中调处成功1件，占比为0%。")), "占比核算")
    assert "应为0.005%" in f.message


def test_the_expected_change_never_reads_as_none():
    f = only(run(report("全年受理行政复议案件100001件，上年为100000件，同比增长5%。")), "同比核算")
    assert "应为上升0.001%" in f.message and "0.0%" not in f.message


def test_a_sum_is_printed_in_full():
    f = only(run(report("受理1234567件、办结1件，共计5件。")), "合计不符")
    assert "1234568件" in f.message and "e+" not in f.message


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
                                  "\u034f", "\u3164", "\u115f", "\u1160", "\ufe0f", "\u17b4", "\U000e0020", "\uffa0"])
def test_zero_width_characters_in_a_report_are_reported_where_they_stand(tmp_path, mark):
    """The reader keeps them for check (the other readers drop them): each is a 提醒 at its
    own column, and the columns after it count it."""
    line = f"全年受理行政复议案件6{mark}4件，办结50件，结案率为88.1%。"
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(report(line)) + "\n", encoding="utf-8")
    n = report(line).index(line) + 1
    result = run_clean(["check", path], inputs=[path], exit_codes=(1,))
    assert f"报告.txt:{n}:12：【提醒】不可见字符" in result.output, result.output
    assert f"报告.txt:{n}:{line.index('结案率') + 1}：【错误】比率核算" in result.output


@pytest.mark.parametrize("line, fires", [
    ("全年审结行政复议案件12件，以调解、和解方式结案0件，调解和解率0%。", False),  # 和解 is a word, not “and 解”
    ("全年审结行政复议案件0件，以调解、和解方式结案0件，调解和解率0%。", True),
    ("受理信访事项936件，及时办结921件，及时办结率98.4%。", False),
])
def test_a_label_that_opens_with_a_word_like_a_conjunction_keeps_it(tmp_path, line, fires):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(report(line)) + "\n", encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(0, 1))
    assert ("无从计算" in result.output) == fires, result.output
    assert "比率核算" not in result.output, result.output


def test_a_large_change_is_said_as_a_report_writes_numbers(tmp_path, minimal):
    minimal["成效"] = [{"主题": "矛盾纠纷化解", "数据": {"行政复议": {"收到申请": 84300}},
                      "上年数据": {"行政复议": {"收到申请": 20}}}]
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(minimal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_clean(["validate", form], inputs=[form], exit_codes=(0, 1))
    assert "相差约4215倍" in result.output and ".0倍" not in result.output, result.output


def test_json_quotes_direction_marks_exactly_and_the_terminal_never_gets_them(tmp_path):
    """A direction mark in 原文 is escaped in the JSON text (\\u202a), so the terminal is not
    reordered and a program reading the JSON gets the report's characters exactly."""
    line = "全年受理行政复议案件64件，办结50件，结\u202a案率为88.1%。"
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(report(line)) + "\n", encoding="utf-8")
    result = run_clean(["check", path, "--json"], inputs=[path], exit_codes=(1,))
    assert "\u202a" not in result.output and "?" not in result.output

    def quotes(node):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from ([v] if k == "原文" else quotes(v))
        elif isinstance(node, list):
            for v in node:
                yield from quotes(v)

    assert "结\u202a案率为88.1%" in list(quotes(json.loads(result.output)))
