"""check, seventh pass over issue 18 (what an outside tester found in round 4): every rough
wording of a rate is checked alike (K1); a closure rate beside cases carried over from last
year is over new + carried, and never said to be over 100% (K2); a rate written 由…提高到… is
checked by its current value (K3); a change contradicting the difference or last year's
figure stated beside it is reported (K4); stray characters in a .txt are said where they
stand and never join the figures around them (K6); brackets, ‰, decimals named a rate and a
broken link (K7)."""

from __future__ import annotations

import os

import pytest

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from hostile_cases import run_clean
from test_check_rules import only, report, run

ARITHMETIC = ("比率核算", "比率口径", "比率无从计算", "部分大于整体", "占比核算", "其中超总数", "合计不符", "同比核算",
              "同比异常")
COUNTS = "全年受理调解案件570件，调解成功317件，"  # 317 ÷ 570 = 55.6%


def _arith(found):
    return [f for f in found if f.rule in ARITHMETIC]


# -- K1: every rough wording of a rate, within ABOUT_POINTS ------------------------------------------
ROUGH = ["大约20%", "约为20%", "约20%", "将近20%", "接近20%", "近20%", "大致为20%", "大概是20%", "20%左右", "20%上下",
         "约达20%"]


@pytest.mark.parametrize("claim", ROUGH)
def test_a_rough_rate_far_from_its_counts_is_an_error(claim):
    f = only(run(report(f"{COUNTS}调解成功率{claim}。")), "比率核算")
    assert f.severity == "错误" and f.quote == f"调解成功率{claim}"
    assert "55.6%" in f.message and "相差超过1个百分点" in f.message


@pytest.mark.parametrize("claim", [w.replace("20%", "56%") for w in ROUGH] + ["大约55%", "将近56.5%"])
def test_a_rough_rate_within_a_point_is_right(claim):
    assert _arith(run(report(f"{COUNTS}调解成功率{claim}。"))) == []


@pytest.mark.parametrize("count", ["大约570件", "大致570件", "570件左右", "570件上下"])
def test_a_rough_count_is_never_computed_from(count):
    assert _arith(run(report(f"全年受理调解案件{count}，调解成功317件，调解成功率20%。"))) == []


@pytest.mark.parametrize("claim, said", [("占比大约50%", "大约50%"), ("占比接近50%", "接近50%"), ("所占比例将近50%", "将近50%"),
                                         ("占全部案件的大致50%", "大致50%"), ("占比约50%", "约50%")])
def test_a_rough_share_far_from_its_counts_is_an_error(claim, said):
    f = only(run(report(f"全年受理案件120件，其中行政处罚案件100件，{claim}。")), "占比核算")
    assert "83.3%" in f.message and "相差超过1个百分点" in f.message and f"写的是{said}，" in f.message


@pytest.mark.parametrize("claim", ["占比大约83%", "占比接近84%", "所占比例将近83%", "占全部案件的大致83%"])
def test_a_rough_share_within_a_point_is_right(claim):
    assert _arith(run(report(f"全年受理案件120件，其中行政处罚案件100件，{claim}。"))) == []


# -- K2: carry-over written out ---------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "全年新收行政复议案件150件，上年结转12件，审结162件，结案率100%。",
    "全年新收行政复议案件150件，加上年结转12件，共审结162件，结案率100%。",
    "全年新收行政复议案件150件，审结162件（含上年结转12件），结案率100%。",
    "全年新收行政复议案件150件，旧存12件，审结162件，结案率100%。",
    "全年新收行政复议案件150件，上年结转12件，审结160件，结案率98.8%。",
    "全年新收行政复议案件150件，上年结转12件，审结150件，结案率100%。",  # over the new ones: right too
], ids=["stated", "added", "bracketed", "旧存", "not-all-closed", "new-only"])
def test_a_closure_rate_over_new_and_carried_cases_is_right(body):
    assert _arith(run(report(body))) == []


def test_a_closure_rate_wrong_over_new_and_carried_is_computed_over_both():
    f = only(run(report("全年新收行政复议案件150件，上年结转12件，审结160件，结案率100%。")), "比率核算")
    assert "应为98.8%" in f.message and "“上年结转”12件" in f.message


@pytest.mark.parametrize("body", [
    "全年新收行政复议案件150件，审结162件，结案率100%。",
    "全年受理行政复议案件150件，审结162件，结案率95%。",
    "全年新收行政复议案件150件，上年结转12件，审结170件，结案率100%。",
], ids=["no-carry-stated", "no-carry-95", "more-than-both"])
def test_a_closure_rate_over_100_percent_of_its_whole_is_only_a_reminder(body):
    found = _arith(run(report(body)))
    assert [f.rule for f in found] == ["比率口径"], [f.format() for f in found]
    assert found[0].severity == "提醒" and "108" not in found[0].message and "应为" not in found[0].message


def test_a_closure_rate_over_another_whole_never_suggests_over_100_percent():
    found = _arith(run(report("全年收到行政复议申请170件，受理150件，审结162件，结案率95.3%。")))
    assert [f.rule for f in found] == ["比率口径"] and "108" not in found[0].message, [f.format() for f in found]


def test_a_wrong_closure_rate_within_its_whole_is_still_an_error():
    f = only(run(report("全年受理行政复议案件150件，审结140件，结案率90%。")), "比率核算")
    assert "应为93.3%" in f.message


# -- K3: 由上年的…提高到… --------------------------------------------------------------------------------
@pytest.mark.parametrize("change", ["由上年的48.2%提高到20%", "较上年的50%提高到20%", "由48.2%升至20%",
                                    "从2024年的60%下降到20%", "由60%降至20%"])
def test_the_current_rate_of_a_change_is_checked(change):
    f = only(run(report(f"{COUNTS}调解成功率{change}。")), "比率核算")
    assert "写的是20%" in f.message and "应为55.6%" in f.message


@pytest.mark.parametrize("change", ["由上年的48.2%提高到55.6%", "较上年的90%下降到55.6%", "由60%降至55.6%"])
def test_last_years_rate_is_not_checked_against_this_years_counts(change):
    assert _arith(run(report(f"{COUNTS}调解成功率{change}。"))) == []


# -- K4: a change against the difference or last year's figure beside it ----------------------------
@pytest.mark.parametrize("body, last", [
    ("全年受理行政复议案件150件，较上年增长20%，增加12件。", "上年138件（由文中的增减数推算）"),
    ("全年受理行政复议案件150件，较上年减少20%，减少12件。", "上年162件（由文中的增减数推算）"),
    ("全年受理行政复议案件150件，同比增长20%，上年受理138件。", "上年138件（文中写明）"),
    ("全年受理行政复议案件150件，同比增长20%，去年全年受理138件。", "上年138件（文中写明）"),
], ids=["difference-after", "fall", "上年受理", "去年全年受理"])
def test_a_change_contradicting_its_clause_is_reported(body, last):
    f = only(run(report(body)), "同比核算")
    assert last in f.message and ("上升8.7%" in f.message or "下降7.4%" in f.message)


@pytest.mark.parametrize("body", [
    "全年受理行政复议案件150件，较上年增长8.7%，增加12件。",
    "全年受理行政复议案件150件，同比增长8.7%，上年受理138件。",
    "全年受理行政复议案件150件，同比增长20%，上年结转12件。",  # carried over: not last year's total
    "全年受理行政复议案件150件，同比增长20%，审结140件，增加12件。",  # the difference of another count
], ids=["right-difference", "right-last-year", "carried", "another-count"])
def test_a_change_agreeing_or_about_another_count_is_not_reported(body):
    assert [f for f in run(report(body)) if f.rule == "同比核算"] == []


# -- K6: stray characters in a .txt ---------------------------------------------------------------------
STRAYS = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\ufffe", "\ue000", "\uf8ff", "\x9b"]
HEAD = "某县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n"


def _write(tmp_path, line: str):
    path = tmp_path / "报告.txt"
    path.write_bytes((HEAD + line + "\n").encode("utf-8"))
    return path


@pytest.mark.parametrize("ch", STRAYS, ids=[f"U+{ord(c):04X}" for c in STRAYS])
def test_a_stray_character_is_said_where_it_stands_and_parts_the_figures(tmp_path, ch):
    line = f"全年受理行政复议案件150件，审结146件，结案率9{ch}0%。"  # joined, 90% would be wrong
    path = _write(tmp_path, line)
    out = run_clean(["check", path], inputs=[path], exit_codes=(0, 1)).output
    assert f"报告.txt:3:{line.index(ch) + 1}：【提醒】不可见字符" in out, out
    assert f"U+{ord(ch):04X}" in out, out
    assert "比率核算" not in out and "90%" not in out, out  # neither 90% nor 0% is read
    if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F:
        assert ch not in out  # a control reaches the terminal as its picture, never itself


def test_stray_characters_in_a_figure_that_joins_right_are_still_reported(tmp_path):
    line = "全年受理行政复议案件150件，审结146件\x1b，结案率9\x007.3%。"
    path = _write(tmp_path, line)
    out = run_clean(["check", path], inputs=[path], exit_codes=(0, 1)).output
    assert f"报告.txt:3:{line.index(chr(0x1b)) + 1}：【提醒】不可见字符" in out, out
    assert "2个不能显示的字符" in out and "U+0000" in out and "U+001B" in out, out


def test_a_finding_after_a_stray_character_keeps_its_column(tmp_path):
    line = "全年受理行政复议案件15\x010件，审结146件,结案率97.3%。"
    path = _write(tmp_path, line)
    out = run_clean(["check", path], inputs=[path], exit_codes=(0, 1)).output
    assert f"报告.txt:3:{line.index(',') + 1}：【错误】半角标点" in out, out
    assert "比率核算" not in out, out


def test_stray_characters_in_many_paragraphs_are_summed_up(tmp_path):
    filler = "坚持依法行政，推进严格规范公正文明执法，持续优化法治化营商环境，不断提升政府治理能力。" * 2
    lines = "\n".join(f"{filler}第{i}项工作推进\x01有力。" for i in range(12))
    path = _write(tmp_path, lines)
    out = run_clean(["check", path], inputs=[path], exit_codes=(0, 1)).output
    assert out.count("不可见字符") == 1 and "全文有12个不能显示的字符（分布在12段）" in out, out


# -- K7: brackets, ‰, decimals, a broken link ---------------------------------------------------------
def test_counts_in_brackets_after_the_rate_are_named_as_written():
    f = only(run(report("调解成功率20%（570件中调解成功317件）。")), "比率核算")
    assert "“调解成功”317件 ÷ 570件" in f.message and "中调解成功" not in f.message


def test_counts_in_brackets_after_a_right_rate_raise_nothing():
    assert _arith(run(report("调解成功率55.6%（570件中调解成功317件）。"))) == []


@pytest.mark.parametrize("rate, said", [("55.6‰", "556.1‰"), ("5.3‰", "556.1‰")])
def test_a_rate_per_thousand_is_checked(rate, said):
    f = only(run(report(f"{COUNTS}调解成功率{rate}。")), "比率核算")
    assert f"写的是{rate}" in f.message and f"应为{said}" in f.message


@pytest.mark.parametrize("body", [f"{COUNTS}调解成功率556.1‰。", "全年受理调解案件570件，调解成功3件，调解成功率5.3‰。"])
def test_a_right_rate_per_thousand_raises_nothing(body):
    assert _arith(run(report(body))) == []


def test_a_decimal_named_a_rate_is_checked():
    f = only(run(report(f"{COUNTS}调解成功率为0.2。")), "比率核算")
    assert "写的是0.2" in f.message and "应为55.6%" in f.message


@pytest.mark.parametrize("body", [f"{COUNTS}调解成功率为0.556。", f"{COUNTS}平均每件用时0.2天。",
                                  f"{COUNTS}调解成功率为0.2万元。"])
def test_a_decimal_right_or_not_named_a_rate_raises_nothing(body):
    assert _arith(run(report(body))) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_broken_link_in_a_folder_is_said_as_a_link(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "好.txt").write_text(HEAD + "全年受理行政复议案件150件。\n", encoding="utf-8")
    os.symlink(tmp_path / "已删除.txt", folder / "坏.txt")
    for target in (folder, folder / "坏.txt"):
        out = run_clean(["check", target], inputs=[folder / "好.txt"], exit_codes=(0, 1, 2), located=False).output
        assert "坏.txt" in out and "链接" in out and "指向的文件已不存在" in out and "找不到文件" not in out, out
