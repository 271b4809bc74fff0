"""check, ninth pass over issue 18 (false alarms an outside tester found in round 5): a change
written roughly or as a bound (同比增长近26%, 超过24%, 24%以上) is checked as it is claimed and
quoted with its word (G1); only a change against last year is read against last year's figure
(环比, 比2020年, 连续三年 are not: G2); last year's figure belongs to the count it was said of, not
to a 其中 sub-item (G3); 、-separated parts are added up even when their names share no word, but
not qualities that overlap (G4); a 其中 list of any length is added up (G5)."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from hostile_cases import run_clean
from test_check_rules import report, run

WHOLE = "全年受理行政复议案件100件，上年为80件，"  # a rise of 25% exactly


def _changes(found):
    return [f for f in found if f.rule in ("同比核算", "同比异常", "比率升降单位")]


def _sums(found):
    return [f for f in found if f.rule in ("其中超总数", "部分大于整体")]


# -- G1: a rough or bounded change is checked as claimed -----------------------------------------
ROUGH_RIGHT = [
    "全年受理行政复议案件100件，同比增长近26%，上年为80件。",
    "全年受理行政复议案件100件，同比增长约26%，上年为80件。",
    "全年受理行政复议案件100件，同比增长26%左右，上年为80件。",
    "全年受理行政复议案件100件，同比增长超过24%，上年为80件。",
    "全年受理行政复议案件100件，同比增长24%以上，上年为80件。",
    "全年受理行政复议案件100件，同比增长逾24%，上年为80件。",
    "全年受理行政复议案件100件，同比增长将近26%，上年为80件。",
    "全年受理行政复议案件100件，同比增长不到26%，上年为80件。",
    "全年受理行政复议案件70件，同比下降约13%，上年为80件。",
    "行政复议纠错率为15.5%，上年为12.6%，同比提高约3个百分点。",
]


@pytest.mark.parametrize("body", ROUGH_RIGHT)
def test_a_rough_or_bounded_change_that_holds_is_not_an_error(body):
    assert _changes(run(report(body))) == []


# near misses: the claim as written does not hold; the message quotes it with its word
ROUGH_WRONG = [
    ("全年受理行政复议案件100件，同比增长近36%，上年为80件。", "同比增长近36%"),
    ("全年受理行政复议案件100件，同比增长约20%，上年为80件。", "同比增长约20%"),
    ("全年受理行政复议案件100件，同比增长36%左右，上年为80件。", "同比增长36%左右"),
    ("全年受理行政复议案件100件，同比增长超过30%，上年为80件。", "同比增长超过30%"),
    ("全年受理行政复议案件100件，同比增长30%以上，上年为80件。", "同比增长30%以上"),
    ("全年受理行政复议案件100件，同比增长逾30%，上年为80件。", "同比增长逾30%"),
    ("全年受理行政复议案件100件，同比下降约25%，上年为80件。", "同比下降约25%"),
    ("行政复议纠错率为15.5%，上年为12.6%，同比提高约5个百分点。", "同比提高约5个百分点"),
]


@pytest.mark.parametrize("body,said", ROUGH_WRONG)
def test_a_rough_or_bounded_change_that_fails_is_quoted_as_written(body, said):
    found = _changes(run(report(body)))
    assert [f.rule for f in found] == ["同比核算"]
    assert f"“{said}”" in found[0].message


def test_an_exact_change_is_still_checked_exactly():
    found = _changes(run(report("全年受理行政复议案件100件，同比增长26%，上年为80件。")))
    assert [f.rule for f in found] == ["同比核算"]
    assert "应为上升25%" in found[0].message and "“同比增长26%”" in found[0].message


# -- G2: a change against another point is not read against last year's figure -------------------
OTHER_POINT = [
    WHOLE + "四季度受理量环比增长6.7%。",
    "全年受理行政复议案件64件，上年为52件，同比增长23.1%，比2020年增长60%。",
    "全年受理行政复议案件64件，上年为52件，较“十三五”末增长60%。",
    "全年受理行政复议案件64件，上年为52件，连续三年增长10%以上。",
    "全年受理行政复议案件64件，上年为52件，年均增长15%。",
    "全年受理行政复议案件64件，上年为52件，较2020年增加30件。",
    "全年受理行政复议案件64件，上年为52件，与2021年相比增长40%。",
    "全年受理行政复议案件64件，上年为52件，同比增长23.1%、比2020年增长60%。",
]


@pytest.mark.parametrize("body", OTHER_POINT)
def test_a_change_against_another_point_is_not_read_against_last_year(body):
    assert _changes(run(report(body))) == []


# near misses: a change against last year, however said, is still checked
AGAINST_LAST = [
    WHOLE + "同比增长30%。",
    WHOLE + "比上年增长30%。",
    WHOLE + "较去年增长30%。",
    WHOLE + "增长30%。",
    WHOLE + "比2024年增长30%。",
    WHOLE + "同比增长25%，比2020年增长60%，同比增加30件。",
    "全年受理行政复议案件64件，上年为52件，同比增长30%，比2020年增长60%。",
    "全年受理行政复议案件64件，上年为52件，比2020年增长60%、同比增长30%。",
    "全年参与调解100件，上年为80件，参与件数增长30%。",  # 与 of 参与 names no point
    "全年行政复议纠错占比为15.5%，上年为12.6%，占比提高5个百分点。",  # nor 比 of 占比
]


@pytest.mark.parametrize("body", AGAINST_LAST)
def test_a_change_against_last_year_is_still_checked(body):
    assert [f.rule for f in _changes(run(report(body)))] == ["同比核算"]


# -- G3: last year's figure belongs to the count it was said of ----------------------------------
SUB_ITEM_RIGHT = [
    "全年受理行政复议申请100件，上年为80件，同比增长25%，其中网上申请60件，同比增长20%。",
    "全年受理行政复议申请100件，上年为80件，其中网上申请60件，同比增长20%。",
    "全年受理行政复议申请100件，上年为80件，同比增加20件，其中网上申请60件，同比增加10件。",
    "全年受理行政复议申请100件，同比增长25%，上年为80件，其中网上申请60件，同比下降10%。",
    "全年受理行政复议申请100件，同比增长25%，其中网上申请60件，上年为40件，同比增长50%。",
]


@pytest.mark.parametrize("body", SUB_ITEM_RIGHT)
def test_a_sub_items_change_is_not_read_against_the_wholes_last_year(body):
    found = run(report(body))
    assert _changes(found) == [] and _sums(found) == []


# near misses: a change against a last-year figure of its own count is still checked, and the
# whole's change is still checked against the whole's
SUB_ITEM_WRONG = [
    ("全年受理行政复议申请100件，上年为80件，同比增长30%，其中网上申请60件，同比增长20%。", "本年100件、上年80件"),
    ("全年受理行政复议申请100件，上年为80件，同比增长25%，其中网上申请60件，上年为40件，同比增长20%。",
     "本年60件、上年40件"),
    ("全年受理行政复议申请100件，上年为80件，同比增加30件，其中网上申请60件，同比增加10件。", "本年100件、上年80件"),
]


@pytest.mark.parametrize("body,said", SUB_ITEM_WRONG)
def test_a_change_against_its_own_last_year_is_still_checked(body, said):
    found = _changes(run(report(body)))
    assert [f.rule for f in found] == ["同比核算"]
    assert said in found[0].message


def test_the_whole_before_qi_zhong_is_this_years_count_not_a_change_beside_it():
    found = _sums(run(report("全年受理行政复议申请100件，同比增加20件，其中网上申请160件。")))
    assert [f.rule for f in found] == ["部分大于整体"] and "100件" in found[0].message


# -- G4: 、-separated parts are added up though their names share no word --------------------------
UNNAMED_KINDS = [
    "全年受理行政复议申请100件，其中征地拆迁60件、行政处罚50件。",
    "全年受理行政复议申请100件（征地拆迁60件、市场监管50件）。",
    "全年办理行政执法案件100件，其中市场监管40件、生态环境35件、交通运输30件。",
    "全年收到政府信息公开申请100件，其中：自然资源60件、住房保障45件。",
]


@pytest.mark.parametrize("body", UNNAMED_KINDS)
def test_kinds_whose_names_share_no_word_are_added_up(body):
    assert [f.rule for f in _sums(run(report(body)))] == ["其中超总数"]


# near misses: the sum within the total, and qualities of the same cases or people, which overlap
NOT_SUMMED = [
    "全年受理行政复议申请100件，其中征地拆迁50件、行政处罚50件。",
    "全年受理行政复议申请100件（征地拆迁40件、市场监管50件）。",
    "全年受理行政复议申请100件，其中按时办结60件、回访满意50件。",
    "全年受理行政复议申请100件，其中重大案件60件、行政处罚50件。",
    "全年受理行政复议申请100件，其中涉企60件、行政处罚50件。",
    "全市执法人员100人，其中女性30人、党员80人。",
]


@pytest.mark.parametrize("body", NOT_SUMMED)
def test_a_sum_within_its_total_or_overlapping_qualities_is_not_an_error(body):
    assert _sums(run(report(body))) == []


# -- G5: a 其中 list of any length is added up ------------------------------------------------------
@pytest.mark.parametrize("n", [11, 30, 31, 40, 150, 600])
def test_a_long_list_after_qi_zhong_is_added_up(n):
    items = "、".join(f"第{i}类事项1件" for i in range(1, n + 1))
    found = _sums(run(report(f"全年受理行政复议申请{n - 1}件，其中{items}。")))
    assert [f.rule for f in found] == ["其中超总数"]
    assert f"总数{n - 1}件" in found[0].message
    # near miss: the same list adding up to its total
    assert _sums(run(report(f"全年受理行政复议申请{n}件，其中{items}。"))) == []


def _named(n: int) -> str:
    """``n`` parts of 1件 each, their names without figures (甲子事项1件、乙子事项1件…)."""
    return "、".join(f"{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{'子丑寅卯辰巳午未申酉戌亥'[i // 10 % 12]}"
                    f"{'东南西北'[i // 120 % 4]}事项1件" for i in range(n))


@pytest.mark.parametrize("n", [31, 150, 400])
def test_a_long_list_in_brackets_and_before_gong_is_added_up(n):
    items = _named(n)
    found = run(report(f"全年受理行政复议申请{n - 1}件（{items}）。"))
    assert [f.rule for f in _sums(found)] == ["其中超总数"]
    assert _sums(run(report(f"全年受理行政复议申请{n}件（{items}）。"))) == []
    found = run(report(f"全年受理{items}，共计{n + 1}件。"))
    assert [f.rule for f in found if f.rule == "合计不符"] == ["合计不符"]
    assert [f for f in run(report(f"全年受理{items}，共计{n}件。")) if f.rule == "合计不符"] == []


def test_the_cli_reports_a_rough_change_as_claimed(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(report("全年受理行政复议案件100件，同比增长近36%，上年为80件。")), encoding="utf-8")
    out = run_clean(["check", path], inputs=[path], exit_codes=(1,), located=False).output
    assert "同比增长近36%" in out and "同比增长36%”" not in out
    right = tmp_path / "对的.txt"
    right.write_text("\n".join(report("全年受理行政复议案件100件，同比增长近26%，上年为80件。")), encoding="utf-8")
    out = run_clean(["check", right], inputs=[right], exit_codes=(0, 1), located=False).output
    assert "同比核算" not in out and "上升25%" not in out
