"""check, fifth pass over issue 18 (what an outside tester found in round 3): a rate written
as a bound or roughly is checked as such (B1); a count named by the words after it, and a
rate of what is done in time, are paired only with their own part and whole (B2); a rate of
a part may be over any whole of its sentence it fits (B3); equal figures are 持平 (B4);
quotes and names are never cut inside a number or a word (B5); a rate that cannot pass 100%
(B6); rates after 高达/实现/：/；and in words (B7); a part larger than its whole without 其中
(B8); 增幅/降幅 and a change stated as a count against last year's stated count (B10)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from conftest import EXAMPLE
from hostile_cases import run_clean
from test_check_rules import only, report, run

ARITHMETIC = ("比率核算", "比率口径", "比率无从计算", "部分大于整体", "占比核算", "其中超总数", "合计不符", "同比核算",
              "同比异常")


def _arith(found):
    return [f for f in found if f.rule in ARITHMETIC]


# -- B1: a rate written as a bound, or roughly ------------------------------------------------------
# 1842 ÷ 1874 = 98.3%
@pytest.mark.parametrize("rate", [
    "整改率达95%以上", "整改率保持在95%以上", "整改率不低于95%", "整改率超过95%", "整改率高于95%",
    "整改率达到95%以上", "整改率在99%以下", "整改率不超过99%", "整改率低于99%", "整改率超95%",
    "整改率约98%", "整改率近99%", "整改率98%左右", "整改率约98.3%",
], ids=lambda r: r[3:])
def test_a_rate_within_its_bound_or_tolerance_is_right(rate):
    assert _arith(run(report(f"排查风险隐患1874处，已整改1842处，{rate}。"))) == []


@pytest.mark.parametrize("rate, said", [
    ("整改率达99%以上", "低于99%"),
    ("整改率不低于99%", "低于99%"),
    ("整改率超过99%", "低于99%"),
    ("整改率在95%以下", "高于95%"),
    ("整改率不超过95%", "高于95%"),
    ("整改率约96%", "相差超过1个百分点"),   # 2.3 points off: a rough rate is still checked
    ("整改率近100%", "相差超过1个百分点"),
    ("整改率95%左右", "相差超过1个百分点"),
], ids=lambda r: r if "率" not in r else r[3:])
def test_a_bound_the_counts_break_or_a_rough_rate_far_off_is_an_error(rate, said):
    f = only(run(report(f"排查风险隐患1874处，已整改1842处，{rate}。")), "比率核算")
    assert f.severity == "错误" and said in f.message and "98.3%" in f.message
    assert f.quote.startswith("整改率") and f.quote.endswith(rate[-3:])


# -- B2: a count named by the words after it; a rate of what is done in time -------------------------
@pytest.mark.parametrize("body", [
    "对42件规范性文件进行出台前合法性审核，报送备案36件，报备及时率97.2%。",
    "对42件规范性文件进行出台前合法性审核，报送备案36件，报备率97.2%。",
    "对42件规范性文件进行出台前合法性审核，报送备案36件，备案及时率97.2%。",
    "对42件规范性文件进行出台前合法性审核，报送备案36件，及时报备率97.2%。",
    "对42件规范性文件进行合法性审核，按时备案35件，报备及时率97.2%。",
    "对42件规范性文件进行合法性审核，报送备案36件，按时备案35件，报备及时率97.2%。",
], ids=["报备及时率", "报备率", "备案及时率", "及时报备率", "按时备案-no-base", "按时备案-base"])
def test_a_rate_is_not_paired_with_counts_that_are_not_its_own(body):
    assert _arith(run(report(body))) == []


@pytest.mark.parametrize("body, right, named", [
    ("对42件规范性文件进行合法性审核，报送备案36件，按时备案35件，报备及时率90.2%。", "97.2%", "“报送备案”36件"),
    ("制发规范性文件42件，报送备案36件，报备率97.2%。", "85.7%", "“制发规范性文件”42件"),
    ("对64件案件进行评查，合格50件，合格率50%。", "78.1%", "“案件”64件"),
], ids=["按时备案÷备案", "报备率÷制发", "对…进行评查"])
def test_a_rate_over_its_own_whole_is_still_checked_and_named(body, right, named):
    f = only(run(report(body)), "比率核算")
    assert right in f.message and named in f.message
    assert "“对”" not in f.message and "“”" not in f.message


def _own_report(tmp_path: Path, edit) -> str:
    """drafter's own report of the example form changed by ``edit``, checked: the output."""
    data = yaml.safe_load(Path(EXAMPLE).read_text(encoding="utf-8"))
    for entry in data["成效"]:
        for figures in (entry.get("数据") or {}).values():
            edit(figures)
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    return run_clean(["check", out], inputs=[out], exit_codes=(0,)).output


@pytest.mark.parametrize("drop", [("制发",), ("制发", "按时备案")], ids=["制发", "制发-按时备案"])
def test_own_report_without_zhifa_raises_nothing(tmp_path, drop):
    def edit(figures):
        for key in drop:
            figures.pop(key, None)
    text = _own_report(tmp_path, edit)
    assert "没有发现问题" in text, text


def test_own_report_with_large_counts_names_them_by_the_words_after(tmp_path):
    def edit(figures):
        for key in ("接入平台单位", "合法性审核"):
            if key in figures:
                figures[key] = 19625
    text = _own_report(tmp_path, edit)
    assert "【错误】" not in text and text.count("超出合理范围") == 2, text
    assert "“19625件规范性文件”超过了" in text and "“19625个执法单位接入行政执法监督平台”超过了" in text
    assert "“对”" not in text and "“”" not in text


# -- B3: a part's rate over another whole of its sentence ---------------------------------------------
@pytest.mark.parametrize("rate", ["调解结案率28.1%", "调解结案率28%", "调解结案率27.2%"],
                         ids=["over-审结", "truncated", "over-受理"])
def test_a_rate_fitting_one_of_the_wholes_is_right(rate):
    body = f"全年受理行政复议案件151件，审结146件，结案率96.7%，其中以调解方式结案41件，{rate}。"
    assert _arith(run(report(body))) == []


def test_a_rate_fitting_no_whole_is_an_error_over_the_nearest():
    body = "全年受理行政复议案件151件，审结146件，结案率96.7%，其中以调解方式结案41件，调解结案率38.1%。"
    f = only(run(report(body)), "比率核算")
    assert "应为28.1%" in f.message and "“审结”146件" in f.message


def test_the_catalogues_whole_stated_keeps_the_basis_reminder():
    f = only(run(report("收到行政复议申请162件，受理151件，审结144件，结案率达88.89%。")), "比率口径")
    assert "95.36%" in f.message


# -- B4: equal figures ------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, said", [
    ("全年受理行政复议案件162件，上年为162件，同比下降5%。", "应为与上年持平"),
    ("行政复议结案率96.7%，上年为96.7%，同比提高2个百分点。", "应为与上年持平"),
], ids=["count", "points"])
def test_a_change_of_equal_figures_is_said_as_level(body, said):
    f = only(run(report(body)), "同比核算")
    assert said in f.message and "0%" not in f.message.split("文中写的是")[0]


@pytest.mark.parametrize("body", ["全年受理行政复议案件162件，上年为162件，同比持平。",
                                  "全年受理行政复议案件162件，上年为162件，同比增长0%。"], ids=["持平", "0%"])
def test_equal_figures_said_level_raise_nothing(body):
    assert [f for f in run(report(body)) if f.rule == "同比核算"] == []


# -- B5: quotes and names whole -------------------------------------------------------------------------
def test_a_quote_never_starts_inside_a_number():
    opening = "2024年以来,某县坚持以习近平新时代中国特色社会主义思想为指导，统筹推进依法行政各项工作。现将有关情况报告如下："
    f = only(run(report("全年受理行政复议案件64件。", opening=opening)), "半角标点")
    assert f.quote.startswith("2024年以来,")


@pytest.mark.parametrize("body, name", [
    ("开庭审理行政诉讼案件40件，行政机关负责人出庭应诉30件，出庭应诉率95%。", "“行政机关负责人出庭应诉”30件"),
    ("本年度县政府作为复议机关接到的行政复议申请共162件，依法受理151件，审结144件，结案率达88.89%。",
     "“行政复议申请”162件"),
], ids=["long-name", "after-的"])
def test_a_count_is_named_whole(body, name):
    f = [f for f in _arith(run(report(body)))][0]
    assert name in f.message


# -- B6: a rate that cannot pass 100% ---------------------------------------------------------------------
@pytest.mark.parametrize("body", ["群众满意率达120%。", "法律顾问覆盖率为101%。", "案卷合格率105.5%。",
                                  "行政诉讼败诉率为110%。"], ids=["满意", "覆盖", "合格", "败诉"])
def test_a_rate_of_a_subset_over_100_is_an_error(body):
    f = only(run(report(body)), "部分大于整体")
    assert "不会超过100%" in f.message and f.severity == "错误"


@pytest.mark.parametrize("body", ["群众满意率达100%。", "年度任务完成率达120%。", "结案率达101.5%。",
                                  "群众满意率不超过120%。", "收案数同比增长120%。"],
                         ids=["100", "完成率", "结案-carry-over", "bound-below", "增长"])
def test_rates_that_may_pass_100_or_do_not_raise_nothing(body):
    assert [f for f in run(report(body)) if f.rule == "部分大于整体"] == []


# -- B7: rates after 高达/实现/：/；and in words ---------------------------------------------------------------
@pytest.mark.parametrize("rate", ["结案率高达76.7%", "结案率实现76.7%", "结案率：76.7%", "结案率为百分之八十九",
                                  "结案率为百分之七十六点七"],
                         ids=["高达", "实现", "colon", "words", "words-decimal"])
def test_a_rate_after_these_words_is_recomputed(rate):
    f = only(run(report(f"全年受理行政复议案件151件，审结146件，{rate}。")), "比率核算")
    assert "应为96.7%" in f.message


def test_a_rate_after_a_semicolon_reads_the_clause_before():
    f = only(run(report("全年受理行政复议案件151件，审结146件；结案率76.7%。")), "比率核算")
    assert "应为96.7%" in f.message


@pytest.mark.parametrize("rate", ["结案率高达96.7%", "结案率实现96.7%", "结案率：96.7%", "结案率为百分之九十六点七",
                                  "结案率为百分之九十七"],
                         ids=["高达", "实现", "colon", "words-decimal", "words"])
def test_the_same_rates_right_raise_nothing(rate):
    assert _arith(run(report(f"全年受理行政复议案件151件，审结146件，{rate}。"))) == []
    assert _arith(run(report(f"全年受理行政复议案件151件，审结146件；{rate}。"))) == []


def test_a_semicolon_carries_counts_once_only():
    # the counts before the first ；are not carried past the second clause
    body = "全年受理行政复议案件151件，审结146件；组织培训12场；结案率76.7%。"
    assert _arith(run(report(body))) == []


# -- B8: a part larger than its whole without 其中 -------------------------------------------------------------
@pytest.mark.parametrize("body, part", [
    ("全年审结行政诉讼案件33件，败诉44件。", "“败诉”44件"),
    ("评查行政执法案卷30卷，合格44卷。", "“合格”44卷"),
    ("调解矛盾纠纷30件，调解成功44件。", "“调解成功”44件"),
    ("受理信访事项30件，按期办结44件。", "“按期办结”44件"),
], ids=["败诉", "合格", "调解成功", "按期办结"])
def test_a_part_larger_than_its_whole_is_an_error(body, part):
    f = only(run(report(body)), "部分大于整体")
    assert part in f.message and f.severity == "错误"


@pytest.mark.parametrize("body", [
    "全年审结行政诉讼案件33件，败诉4件。",
    "收到行政复议申请30件，受理44件。",          # accepted this year, received last year
    "发现问题30个，整改44个。",                   # last year's problems rectified
    "制发规范性文件30件，报送备案34件。",         # a file of December filed in January
    "全年审结行政诉讼案件33件，其中败诉44件。",   # said once, by the 其中 check
], ids=["right", "受理-收到", "整改", "备案", "其中"])
def test_pairs_that_may_hold_carry_over_or_are_right_raise_nothing_new(body):
    assert len([f for f in run(report(body)) if f.rule == "部分大于整体"]) == (1 if "其中" in body else 0)


# -- B10: 同比 wordings ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, said", [
    ("全年受理行政复议案件162件，上年同期138件，增幅27.4%。", "应为上升17.4%"),
    ("全年受理行政复议案件162件，上年同期138件，降幅17.4%。", "应为上升17.4%"),
    ("全年受理行政复议案件889件，同比减少505件，上年同期为1390件。", "应为减少501件"),
    ("全年受理行政复议案件172件，同比增加34件，上年为148件。", "应为增加24件"),
    ("全年受理行政复议案件138件，同比增加4件，上年为138件。", "应为与上年持平"),
], ids=["增幅", "降幅", "减少-count", "增加-count", "equal"])
def test_a_change_in_these_words_is_recomputed(body, said):
    f = only(run(report(body)), "同比核算")
    assert said in f.message and f.severity == "错误"


@pytest.mark.parametrize("body", [
    "全年受理行政复议案件162件，上年同期138件，增幅17.4%。",
    "全年受理行政复议案件889件，同比减少501件，上年同期为1390件。",
    "全年受理行政复议案件172件，同比增加34件，上年为138件。",
    "全年受理行政复议案件172件，同比增加34件。",          # no last year's count to check it by
    "全年受理行政复议案件172件，同比增加约30件，上年为138件。",  # rough
], ids=["增幅", "减少-count", "增加-count", "no-last", "rough"])
def test_right_changes_in_these_words_raise_nothing(body):
    assert [f for f in run(report(body)) if f.rule == "同比核算"] == []
