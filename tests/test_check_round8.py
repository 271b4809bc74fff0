"""check, eighth pass over issue 18 (what an outside tester found in round 4): a change whose
own words name a count (审查件数同比减少100%) is paired with a count of that measure, never
with an amount of money or a figure of another unit stated between (C1); a form that is a
link whose target is gone is said to be such a link, not a missing file (C2)."""

from __future__ import annotations

import copy
import os

import pytest

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from hostile_cases import run_clean
from test_check_rules import report, run
from test_own_output_checks_clean import CAT, DATA, THEMES, own_findings


def _changes(found):
    return [f for f in found if f.rule in ("同比核算", "同比异常", "比率升降单位")]


# -- C1: a change is about the figure of the measure its words name ----------------------------------
# This year's count is 0 and a figure of another unit stands between it and its change: the fall
# of 100% is right.
RIGHT = [
    "审查政府合同0件，涉及金额46.8亿元，审查件数同比减少100%。",
    "审查政府合同0件，涉及金额46.8万元，审查件数同比下降100%。",
    "受理复议案件0件，涉及金额3亿元，案件数量同比下降100%。",
    "培训执法人员0人次，培训经费12万元，培训人次同比减少100%。",
    "开展抽查0次，检查对象35户，抽查次数同比减少100%。",
    "负责人出庭0人，涉案标的1200元，出庭人数同比下降100%。",
    "受理复议案件0件，上年为12件，涉及金额3亿元，受理件数同比下降100%。",
    "接入平台单位0个，投入资金300万元，接入单位数量同比减少100%。",
]


@pytest.mark.parametrize("body", RIGHT)
def test_a_fall_of_a_count_to_nothing_is_never_read_against_money(body):
    assert _changes(run(report(body))) == []


# The same sentences with this year's count not 0: the fall is wrong, and said of the count.
@pytest.mark.parametrize("body, this", [
    ("审查政府合同5件，涉及金额46.8亿元，审查件数同比减少100%。", "5件"),
    ("受理复议案件120件，涉及金额3亿元，案件数量同比下降100%。", "120件"),
    ("培训执法人员300人次，培训经费12万元，培训人次同比减少100%。", "300人次"),
    ("开展抽查4次，检查对象35户，抽查次数同比减少100%。", "4次"),
])
def test_a_wrong_fall_of_a_count_names_the_count(body, this):
    found = _changes(run(report(body)))
    assert [f.rule for f in found] == ["同比核算"], found
    assert f"文中写的本年是{this}。" in found[0].message, found[0].message
    assert "万元" not in found[0].message and "亿元" not in found[0].message


def test_a_change_naming_a_count_is_checked_against_that_count():
    found = _changes(run(report("受理复议案件120件，上年为100件，涉及金额3亿元，受理件数同比增长30%。")))
    assert [f.rule for f in found] == ["同比核算"], found
    assert "本年120件、上年100件" in found[0].message and "应为上升20%" in found[0].message


def test_a_change_naming_the_count_by_its_words_skips_a_nearer_count():
    # 受理件数 is about 受理 (120 → 100 is +20%), not about the nearer 审结96件
    body = "全年受理复议案件120件，上年为100件，审结96件，受理件数同比增长20%。"
    assert _changes(run(report(body))) == []


def test_a_change_naming_money_is_read_against_the_money():
    body = "办理案件0件，涉案金额3亿元，涉案金额同比减少100%。"
    found = _changes(run(report(body)))
    assert [f.rule for f in found] == ["同比核算"], found
    assert "文中写的本年是3亿元" in found[0].message


def test_a_change_naming_nothing_is_still_about_the_figure_just_before_it():
    found = _changes(run(report("审查政府合同0件，涉及金额46.8亿元，同比减少100%。")))
    assert [f.rule for f in found] == ["同比核算"] and "46.8亿元" in found[0].message


def _form(entries):
    form = copy.deepcopy(DATA)
    form["成效"] = entries
    form.pop("去年安排", None)
    return form


def _practice(key):
    return next((e["做法"] for e in DATA["成效"] if e["主题"] == key),
                [{"标题": "健全工作机制", "内容": "明确责任分工，按季度调度推进情况。"}])


@pytest.mark.parametrize("files, contracts, amount", [
    (0, 0, 46.8), (0, 0, 0.004), (5, 0, 46.8), (5, 5, 1.5), (356, 0, 46.8), (0, None, 46.8),
])
@pytest.mark.parametrize("last", [{"审查文件": 999}, {"审查文件": 999, "审查合同": 40, "合同金额": 12.5},
                                  {"审查合同": 40}, {"审查文件": 0}])
def test_drafters_own_review_figures_pass_its_own_check(files, contracts, amount, last):
    """The tester's form and its family: counts of 合法性审查 at 0 or not, the amount between
    them and their change, last year's figures given."""
    now = {"审查文件": files, "提出意见": 0, "合同金额": amount}
    if contracts is not None:
        now["审查合同"] = contracts
    entry = {"主题": "重大决策", "数据": {"合法性审查": now}, "上年数据": {"合法性审查": last},
             "做法": _practice("重大决策")}
    found = own_findings(_form([entry]))
    assert not found, "\n".join(f.format() for f in found)


@pytest.mark.parametrize("key", THEMES)
def test_drafters_own_report_with_every_count_fallen_to_nothing_passes_its_own_check(key):
    """Every figure of a theme 0 this year (the amounts not), last year's given."""
    theme = CAT.themes[key]
    data = {g: {n: (46.8 if f.decimal else 0) for n, f in group.figures.items()} for g, group in theme.groups.items()}
    last = {g: {n: (12.5 if f.decimal else 30) for n, f in group.figures.items()} for g, group in theme.groups.items()}
    entry = {"主题": key, "数据": data, "上年数据": last, "做法": _practice(key)}
    found = own_findings(_form([entry]))
    assert not found, "\n".join(f.format() for f in found)


# -- C2: a form that is a broken link ----------------------------------------------------------------
LINK = not hasattr(os, "symlink")


def _said_as_link(out: str, name: str) -> None:
    assert f"“{name}”是一个链接（快捷方式），它指向的文件已不存在。" in out and "找不到文件" not in out, out


@pytest.mark.skipif(LINK, reason="no symbolic links here")
@pytest.mark.parametrize("command", [["render", "表单.yaml", "-o", "报告.docx"], ["validate", "表单.yaml"],
                                     ["check", "表单.yaml"], ["render", ".", "-o", "报告"]])
def test_a_form_that_is_a_broken_link_is_said_as_a_link(tmp_path, monkeypatch, command):
    os.symlink(tmp_path / "已删除.yaml", tmp_path / "表单.yaml")
    monkeypatch.chdir(tmp_path)
    out = run_clean(command, exit_codes=(1, 2) if "." in command else (2,), located=False, cwd=tmp_path).output
    _said_as_link(out, "表单.yaml")
    assert not (tmp_path / "报告.docx").exists()


@pytest.mark.skipif(LINK, reason="no symbolic links here")
def test_a_link_to_a_broken_link_is_said_as_a_link(tmp_path, monkeypatch):
    os.symlink(tmp_path / "已删除.yaml", tmp_path / "中间.yaml")
    os.symlink(tmp_path / "中间.yaml", tmp_path / "表单.yaml")
    monkeypatch.chdir(tmp_path)
    _said_as_link(run_clean(["render", "表单.yaml", "-o", "报告.docx"], located=False, cwd=tmp_path).output, "表单.yaml")


@pytest.mark.skipif(LINK, reason="no symbolic links here")
def test_a_layout_file_that_is_a_broken_link_is_said_as_a_link(tmp_path, monkeypatch):
    from conftest import EXAMPLE
    form = tmp_path / "表单.yaml"
    form.write_bytes(EXAMPLE.read_bytes())
    os.symlink(tmp_path / "已删除.yaml", tmp_path / "版面.yaml")
    monkeypatch.chdir(tmp_path)
    out = run_clean(["render", "表单.yaml", "-c", "版面.yaml", "-o", "报告.docx"], inputs=[form], located=False,
                    cwd=tmp_path).output
    _said_as_link(out, "版面.yaml")


def test_a_missing_form_is_still_said_as_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in (["render", "没有.yaml", "-o", "报告.docx"], ["validate", "没有.yaml"]):
        out = run_clean(command, exit_codes=(2,), located=False, cwd=tmp_path).output
        assert "找不到文件“没有.yaml”" in out and "链接" not in out, out
