"""check, sixth pass over issue 18 (what an outside tester found in round 5): a 其中 list
written with ，/；/：, or in brackets after its total, is summed as the 、 list is, while its
items are parallel (S1); shares written 所占比例为, 占…N项的, 分别占…和…, 占比约 are checked,
and a share over 100% is an error (S2); a message about counts carried across a ；does not
say they stand in the rate's own sentence (S3)."""

from __future__ import annotations

import json

import pytest

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from hostile_cases import run_clean
from test_check_rules import only, report, run

ARITHMETIC = ("比率核算", "比率口径", "比率无从计算", "部分大于整体", "占比核算", "其中超总数", "合计不符", "同比核算",
              "同比异常")


def _arith(found):
    return [f for f in found if f.rule in ARITHMETIC]


# -- S1: a 其中 list in the layouts reports use -------------------------------------------------------
@pytest.mark.parametrize("body, quote, parts", [
    ("全年办理案件100件，其中行政处罚60件，行政许可50件。", "办理案件100件，其中行政处罚60件，行政许可50件", "60件＋50件"),
    ("全年办理案件100件，其中行政处罚60件；行政许可50件。", "办理案件100件，其中行政处罚60件；行政许可50件", "60件＋50件"),
    ("全年办理案件100件，其中：行政处罚60件，行政许可50件。", "办理案件100件，其中：行政处罚60件，行政许可50件", "60件＋50件"),
    ("全年办理案件100件，其中，行政处罚60件，行政许可50件。", "办理案件100件，其中，行政处罚60件，行政许可50件", "60件＋50件"),
    ("全年办理案件100件（行政处罚60件、行政许可50件）。", "办理案件100件（行政处罚60件、行政许可50件）", "60件＋50件"),
    ("全年办理案件100件（行政处罚60件，行政许可50件），办结98件。", "办理案件100件（行政处罚60件，行政许可50件）",
     "60件＋50件"),
    ("受理案件100件，其中行政处罚60件；行政许可30件；行政强制20件。",
     "受理案件100件，其中行政处罚60件；行政许可30件；行政强制20件", "60件＋30件＋20件"),
    ("接待群众500人次，其中男性300人次，女性280人次。", "接待群众500人次，其中男性300人次，女性280人次", "300人次＋280人次"),
    ("受理案件100件；其中行政处罚案件60件，行政许可案件50件。", "受理案件100件；其中行政处罚案件60件，行政许可案件50件",
     "60件＋50件"),
    ("受理群众诉求500件，其中按时办结300件，超期办结260件，回访满意450件。", "受理群众诉求500件，其中按时办结300件，超期办结260件",
     "300件＋260件"),
], ids=["comma", "semicolon", "colon", "comma-after-其中", "brackets", "brackets-comma", "three-semicolons",
        "shared-char", "其中-after-semicolon", "ends-before-a-quality"])
def test_a_list_of_parts_in_any_layout_that_exceeds_its_total_is_reported(body, quote, parts):
    f = only(run(report(body)), "其中超总数")
    assert f.severity == "错误" and f.quote == quote
    assert f"（{parts}）超过了总数" in f.message


def test_brackets_are_named_as_such_in_the_message():
    f = only(run(report("全年办理案件100件（行政处罚60件、行政许可50件）。")), "其中超总数")
    assert f.message.startswith("括号中列出的各项") and "“其中”" not in f.message


@pytest.mark.parametrize("body, named", [
    ("全年办理案件100件（含行政处罚120件）。", "“行政处罚”120件"),
    ("全年办理案件100件，其中行政处罚60件，行政许可120件。", "“行政许可”120件"),
    ("全年办理案件100件（行政处罚60件、行政许可120件）。", "“行政许可”120件"),
], ids=["included", "comma", "brackets"])
def test_a_listed_part_larger_than_its_total_is_reported(body, named):
    f = only(run(report(body)), "部分大于整体")
    assert named in f.message and "“办理案件”100件" in f.message and "含" not in f.message


@pytest.mark.parametrize("body", [
    "全年办理案件100件，其中行政处罚60件，行政许可40件。",
    "全年办理案件100件，其中行政处罚60件；行政许可40件。",
    "全年办理案件100件（行政处罚60件、行政许可40件）。",
    "全年办理案件100件（含行政处罚60件）。",
    "新增经营主体257户，其中企业164户，个体工商户93户。",
], ids=["comma", "semicolon", "brackets", "included", "no-shared-word"])
def test_a_list_that_adds_up_is_silent(body):
    assert _arith(run(report(body))) == []


# The sentence goes on after the list to another subject, a stage or quality of the same cases,
# last year or a change: nothing after the list is summed into it.
@pytest.mark.parametrize("body", [
    "受理行政复议申请100件，其中涉及行政处罚60件，审结90件。",
    "受理案件100件，其中行政处罚案件60件，审结案件50件。",
    "受理案件100件，其中行政处罚案件60件，全年办结案件95件。",
    "受理案件100件，其中行政处罚案件60件，已办结案件95件。",
    "受理案件100件，其中行政处罚60件，同比增加50件。",
    "受理案件100件，其中农民工案件60件，上年同期50件。",
    "受理案件100件，其中行政处罚案件60件，结案50件。",
    "受理案件100件，其中行政处罚案件60件，按时办结案件50件。",
    "受理案件100件，其中行政处罚案件60件，另有行政许可案件50件。",
    "受理案件100件，其中行政处罚案件60件，此外行政许可案件50件。",
    "受理案件100件，其中行政处罚案件60件，行政许可案件40件，办结98件，结案率98%。",
    "全年发布信息500条，其中通知类120条、要闻类300条，发布解读信息90条。",
    "受理行政诉讼案件100件，其中行政处罚案件60件；行政复议案件50件，审结48件。",
    "受理案件100件；开展培训12场，其中线上8场，线下4场。",
    "全年合法性审查文件356件，其中审查政府合同128件，提出审查意见412条。",
    "审结案件50件；新收的案件中，其中行政处罚60件、行政许可30件。",
    "受理案件100件，其中行政处罚案件60件，办结率95%，行政许可案件50件。",
], ids=["verb-审结", "verb-after-shared-head", "全年", "已", "同比", "上年同期", "结案", "按时办结", "另有", "此外",
        "rate-after", "发布", "semicolon-clause-goes-on", "total-in-clause", "other-unit", "total-clauses-back",
        "rate-between"])
def test_a_sentence_that_moves_on_after_the_list_is_not_summed(body):
    assert _arith(run(report(body))) == []


@pytest.mark.parametrize("body", [
    "办理案件100件（同比增加120件）。",
    "办理案件100件（上年同期为120件）。",
    "受理行政复议案件10件（上年结转20件）。",
    "办理案件100件（行政处罚60件、行政许可30件），办结95件。",
    "办理案件100件（涉及群众200人、企业50家）。",
    "办理案件100件（行政处罚60件、按时办结50件）。",
    "办理案件100件（一审60件，二审30件）。",
], ids=["change", "last-year", "carried-over-alone", "right", "other-units", "overlap", "right-comma"])
def test_brackets_that_are_not_a_list_of_parts_are_silent(body):
    assert _arith(run(report(body))) == []


# Round 3: stages and qualities of the same cases are not summed, whatever parts them.
@pytest.mark.parametrize("body", [
    "受理群众诉求58336件，其中按时办结37629件，回访满意36521件。",
    "受理群众诉求500件，其中办结480件；按时办结300件。",
    "评查行政执法案卷500卷，其中合格案卷480卷，优秀案卷100卷。",
    "审结行政复议案件100件，其中纠错60件，调解和解50件。",
    "梳理政务服务事项1286项，其中网上可办1262项，全程网办1037项。",
    "梳理政务服务事项1286项，其中网上可办1262项、全程网办1037项。",
    "评查行政执法案卷500卷（合格案卷480卷、优秀案卷100卷）。",
], ids=["stage-and-quality", "contained-name", "catalogue-nested", "catalogue-same-whole", "网办-comma", "网办-dun",
        "brackets"])
def test_overlapping_items_are_not_summed_in_the_new_layouts(body):
    assert _arith(run(report(body))) == []


def test_a_comma_list_is_reported_by_the_command(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(report("全年办理案件100件，其中行政处罚60件，行政许可50件。")) + "\n", encoding="utf-8")
    result = run_clean(["check", "--json", path], inputs=[path], exit_codes=(1,))
    found = [f for f in json.loads(result.output) if f["规则"] in ARITHMETIC]
    assert [(f["规则"], f["原文"]) for f in found] == [("其中超总数", "办理案件100件，其中行政处罚60件，行政许可50件")]
    assert found[0]["位置"].endswith(":4:3")


# -- S2: shares in the layouts reports use ------------------------------------------------------------
@pytest.mark.parametrize("body, quote, said", [
    ("办理案件100件，其中行政处罚60件，所占比例为27.2%。", "所占比例为27.2%", "“行政处罚”60件 ÷ “办理案件”100件应为60%"),
    ("网上可办事项1262项，占政务服务事项1286项的88.1%。", "占政务服务事项1286项的88.1%",
     "“网上可办事项”1262项 ÷ “政务服务事项”1286项应为98.1%"),
    ("办理案件100件，其中行政处罚60件、行政许可30件，分别占60%和40%。", "40%", "“行政许可”30件 ÷ “办理案件”100件应为30%"),
    ("办理案件100件，其中行政处罚60件、行政许可30件，分别占40%和30%。", "分别占40%", "“行政处罚”60件 ÷ “办理案件”100件应为60%"),
    ("办理法律援助案件1136件，其中农民工案件400件、未成年人案件100件，分别占35.2%、18.8%。", "18.8%", "应为8.8%"),
    ("办理案件100件，其中行政处罚60件，占比约30%。", "占比约30%", "是60%，与30%相差超过1个百分点"),
    ("办理案件100件，其中行政处罚60件，占比约为62%。", "占比约为62%", "是60%，与62%相差超过1个百分点"),
    ("办理案件100件，其中行政处罚60件，占比超过70%。", "占比超过70%", "是60%，低于70%"),
], ids=["所占比例为", "占-whole-的", "分别占-second", "分别占-first", "分别占-three-places", "约", "约为", "超过"])
def test_a_wrong_share_in_any_layout_is_reported(body, quote, said):
    f = only(run(report(body)), "占比核算")
    assert f.severity == "错误" and f.quote == quote and said in f.message


@pytest.mark.parametrize("body, quote", [
    ("办理案件100件，其中行政处罚60件，所占比例为250%。", "所占比例为250%"),
    ("办理案件100件，其中行政处罚60件，占比250%。", "占比250%"),
    ("全年各类案件中，行政处罚案件占比达130%。", "占比达130%"),
    ("办理案件100件，其中行政处罚60件、行政许可30件，分别占60%和300%。", "300%"),
], ids=["所占比例为", "占比", "no-counts", "分别占"])
def test_a_share_over_100_percent_is_an_error(body, quote):
    f = only(run(report(body)), "部分大于整体")
    assert f.quote == quote and "不会超过100%" in f.message


@pytest.mark.parametrize("body", [
    "办理案件100件，其中行政处罚60件，所占比例为60%。",
    "网上可办事项1262项，占政务服务事项1286项的98.1%。",
    "网上可办事项1262项，占政务服务事项总数1286项的比例为98.1%。",
    "办理案件100件，其中行政处罚60件、行政许可30件，分别占60%和30%。",
    "办理案件100件，行政处罚60件、行政许可30件，分别占60%、30%。",
    "办理法律援助案件1136件，其中农民工案件400件、未成年人案件100件，分别占35.2%、8.8%。",
    "办理案件100件，其中行政处罚60件，占比约60.8%。",
    "办理案件100件，其中行政处罚60件，占比约59%。",
    "办理案件100件，其中行政处罚60件，占比超过50%。",
    "办理案件100件，其中行政处罚60件、行政许可30件，分别占约60%和30%。",
    "全年完成法治宣传活动120场，占年度任务的120%。",
    "全年新增法律明白人1200人，占计划的120%。",
    "新建法治文化阵地的占地面积120%。",
], ids=["所占比例为", "占-whole-的", "占-whole-的比例为", "分别占-和", "分别占-without-其中", "分别占-three-places",
        "约-within", "约-below", "超过", "分别占约", "任务", "计划", "占地"])
def test_a_right_share_or_one_that_may_pass_100_is_silent(body):
    assert _arith(run(report(body))) == []


# -- S3: counts carried across a ；---------------------------------------------------------------------
@pytest.mark.parametrize("body, said", [
    ("全年受理行政复议案件151件，审结146件；结案率76.7%。", "按前一分句中的“审结”146件"),
    ("全年受理行政复议案件151件；审结146件，结案率76.7%。", "按“审结”146件"),
    ("全年受理行政复议案件151件，审结146件，结案率76.7%。", "按同一句中的“审结”146件"),
], ids=["both-carried", "one-carried", "same-clause"])
def test_a_message_says_where_the_counts_of_a_rate_stand(body, said):
    f = only(run(report(body)), "比率核算")
    assert said in f.message and "应为96.7%" in f.message
    if "；结案率" in body or "151件；" in body:
        assert "同一句" not in f.message
