"""Rates over a whole of none (issue 18, cause 7) and invisible characters in the text
(cause 18a): check reads through them on every path (a .txt, a .docx, a form checked,
validated or rendered, a folder) and says what it found in plain words."""

from __future__ import annotations

import re

import pytest
import yaml

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from hostile_cases import run_clean
from test_check_rules import only, report, rules, run

WRONG = "全年受理行政复议案件53件，办结41件，结案率为87.2%。"  # 41 ÷ 53 is 77.4%


# -- cause 7: a rate over zero -------------------------------------------------------------------
@pytest.mark.parametrize("body, quote", [
    ("全年审结行政应诉案件0件，败诉0件，败诉率为0%。", "败诉率为0%"),
    ("受理行政复议案件0件，审结0件，结案率100%。", "结案率100%"),
    ("收到行政复议申请0件，受理0件，审结0件，结案率达88.89%。", "结案率达88.89%"),
    ("受理行政复议案件0件，审结3件，结案率100%。", "结案率100%"),  # carried over from last year
    ("办理政务服务事项0.0万件，办结0.0万件，办结率为100%。", "办结率为100%"),
    ("共调解案件0件，其中调处成功0件，占0%。", "占0%"),
    ("共调解案件0件，调处成功0件，占比为0%。", "占比为0%"),
], ids=["0-of-0-is-0", "0-of-0-is-100", "named-base-0", "closures-over-0", "wan-0", "share-0", "share-of-0"])
def test_a_rate_over_a_whole_of_none_cannot_be_computed(body, quote):
    f = only(run(report(body)), "比率无从计算")
    assert f.severity == "提醒" and f.quote == quote
    assert "无从计算" in f.message and "0" in f.message


def test_a_part_over_a_whole_of_none_is_still_a_part_larger_than_its_whole():
    found = run(report("全年审结行政应诉案件0件，败诉2件，败诉率为100%。"))
    assert "部分大于整体" in rules(found) and "比率无从计算" not in rules(found)


def test_a_rate_over_a_whole_still_checked_beside_a_zero():
    """A zero elsewhere in the sentence takes nothing away from the rate that can be computed."""
    f = only(run(report("收到申请0件，受理行政复议案件53件，办结41件，结案率为87.2%。")), "比率核算")
    assert "77.4%" in f.message


def test_the_new_rule_can_be_switched_off(tmp_path):
    from drafter.check.table import rule_table

    config = tmp_path / "设置.yaml"
    config.write_text("检查规则:\n  比率无从计算: 关闭\n", encoding="utf-8")
    assert run(report("全年审结行政应诉案件0件，败诉0件，败诉率为0%。"), table=rule_table(config)) == []


ZERO = "全年审结行政应诉案件0件，败诉0件，败诉率为0%。"


def _form(tmp_path, minimal, content: str):
    minimal["成效"][0]["做法"][0]["内容"] = content
    path = tmp_path / "表单.yaml"
    path.write_text(yaml.safe_dump(minimal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_zero_rate_in_a_form_through_validate_render_and_check(tmp_path, minimal):
    form = _form(tmp_path, minimal, ZERO)
    out = tmp_path / "报告.docx"
    for args, outputs in ((["validate", form], ()), (["render", form, "-o", out], (out,)), (["check", form], ())):
        result = run_clean(args, inputs=[form], outputs=outputs, exit_codes=(0,))
        assert "比率无从计算" in result.output and "败诉率为0%" in result.output, result.output
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))  # the .docx rendered
    assert "比率无从计算" in result.output and "第" in result.output


def test_zero_rate_in_a_folder_checks_every_file(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    lines = report(ZERO)
    (folder / "甲.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "乙.txt").write_text("\n".join(report(WRONG)) + "\n", encoding="utf-8")
    result = run_clean(["check", folder], inputs=list(folder.iterdir()), exit_codes=(1,))
    assert "比率无从计算" in result.output and "比率核算" in result.output
    assert "甲.txt" in result.output and "乙.txt" in result.output and "合计（2 份）" in result.output


# -- cause 18a: invisible characters ------------------------------------------------------------------
FAMILY = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
          "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u061c"]


@pytest.mark.parametrize("mark", FAMILY, ids=[f"U+{ord(c):04X}" for c in FAMILY])
@pytest.mark.parametrize("where", ["around", "inside", "before-name"])
def test_a_wrong_rate_behind_invisible_marks_is_found(mark, where):
    text = {"around": WRONG.replace("87.2%", f"{mark}87.2%{mark}"),
            "inside": WRONG.replace("87.2%", f"87{mark}.2{mark}%"),
            "before-name": WRONG.replace("结案率", f"结{mark}案率").replace("53件", f"5{mark}3件")}[where]
    found = run(report(text))
    f = only(found, "比率核算")
    # 原文 is quoted as typed, the marks included (README: 一字不改; issue 18, check2 K4)
    assert f.quote == re.search(f"结{mark}?案率.*%", text).group(0) and "77.4%" in f.message
    marks = only(found, "不可见字符")
    assert f"U+{ord(mark):04X}" in marks.message and marks.severity == "提醒"
    assert mark in marks.quote and mark not in marks.message


def test_places_are_the_file_columns_counting_the_invisible_characters(tmp_path):
    body = "全年受理行政复议案件53件，办结41件，\u200e\u200e结案率为\u202b87.2%\u202c。"
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(report(body)) + "\n", encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(1,))
    # “结案率” stands at column 23 of line 4 once the two marks before it (21, 22) are counted
    assert "报告.txt:4:23：【错误】比率核算" in result.output, result.output
    assert "报告.txt:4:21：【提醒】不可见字符" in result.output, result.output
    assert re.search("说明：这一段有4个看不见的字符：从左到右标记（U\\+200E）2个、从右到左嵌入（U\\+202B）、"
                     "方向格式结束（U\\+202C）。", result.output), result.output


def test_a_heading_behind_a_direction_mark_is_still_a_part(tmp_path):
    lines = report("全年受理行政复议案件53件，审结50件，结案率94.3%。")
    lines = ["\u200f" + line if re.match("[一二三四]、", line) else line for line in lines]
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(0,))
    assert "缺少必需部分" not in result.output and "不可见字符" in result.output


def test_many_paragraphs_with_invisible_characters_are_summed_up():
    lines = report("开展专项工作。")
    at = lines.index("开展专项工作。")
    lines[at:at + 1] = [f"第{i}项工作\u200e已经完成。" for i in range(12)]
    f = only(run(lines), "不可见字符")
    assert "全文有12个看不见的字符（分布在12段）" in f.message


def test_invisible_characters_in_a_form_are_seen_through(tmp_path, minimal):
    form = _form(tmp_path, minimal, WRONG.replace("87.2%", "\u200e87.2%\u200f"))
    result = run_clean(["check", form], inputs=[form], exit_codes=(1,))
    assert "【错误】比率核算" in result.output and "【提醒】不可见字符" in result.output
    assert "成效[1].做法[1].内容" in result.output
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    assert "比率核算" in result.output and "不可见字符" in result.output
