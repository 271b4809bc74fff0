"""drafter's own output never draws a finding from drafter's own check (issue 18, cause 11).

Forms are generated — any theme, counts missing, 0, small or at the catalogue's upper bound,
parts equal to their whole, last year's values missing, 0, equal or far off, amounts with
decimals — rendered with the default template, and the .docx is checked as ``drafter check``
checks it. No 错误 may come out, and no 提醒 about the wording (only reminders about the
figures themselves, such as a change too large to be likely, may).
"""

from __future__ import annotations

import pytest

import copy
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from drafter.model.catalogue import load_catalogue
from drafter.jobs.checking import check_file
from drafter.check.table import rule_table
from drafter.form.validate import _whole_given
from drafter.jobs.pipeline import render_file

from conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
CAT = load_catalogue()
THEMES = [k for k in CAT.themes if k != "第一责任人"]
# Reminders about the figures a clerk gave, not about how drafter wrote them.
ABOUT_THE_FIGURES = {"同比异常", "超出合理范围", "承诺未落实", "表述数据缺失"}


def _count(upper):
    top = int(upper or 10**6)
    return st.one_of(st.just(0), st.integers(1, 12), st.integers(1, top), st.sampled_from([top, 9999, 10000, 19999]))


def _amount():
    return st.one_of(st.just(0), st.integers(1, 10**7).map(lambda n: n / 100), st.sampled_from([0.004, 0.5, 46.8, 1.23456]))


def _cap(group, name, given):
    """What ``name`` may be at most, as the validator bounds it (validate._whole_given: its
    whole, or the sum it is within, or the whole of a missing one further up); None if nothing."""
    whole = _whole_given(group, name, given)
    return sum(given[w] for w in whole) if whole else None


@st.composite
def group_values(draw, group):
    now, before = {}, {}
    for name, fig in group.figures.items():
        value = draw(st.one_of(st.none(), _amount() if fig.decimal else _count(fig.upper)))
        if value is None:
            continue
        cap = _cap(group, name, now)
        if cap is not None:
            value = min(value, cap) if not draw(st.booleans()) else cap
        now[name] = value
        kind = draw(st.sampled_from(["none", "zero", "same", "other"]))
        if kind == "zero":
            before[name] = 0
        elif kind == "same":
            before[name] = value
        elif kind == "other":
            before[name] = draw(_amount() if fig.decimal else _count(fig.upper))
    for values in (now, before):  # parts within their whole (or sum) in the order the catalogue gives them
        for name in group.figures:
            cap = _cap(group, name, values) if name in values else None
            if cap is not None:
                values[name] = min(values[name], cap)
    return now, before


@st.composite
def theme_entry(draw, key):
    theme = CAT.themes[key]
    data, last = {}, {}
    for gname, group in theme.groups.items():
        if draw(st.booleans()):
            now, before = draw(group_values(group))
            if now:
                data[gname] = now
            if before:
                last[gname] = before
    return data, last


@st.composite
def forms(draw):
    form = copy.deepcopy(DATA)
    examples = {e["主题"]: e for e in DATA["成效"]}
    chosen = draw(st.lists(st.sampled_from(THEMES), min_size=1, max_size=5, unique=True))
    entries = []
    for key in chosen:
        data, last = draw(theme_entry(key))
        entry = {"主题": key, "数据": data, "上年数据": last}
        entry["做法"] = copy.deepcopy(examples[key]["做法"]) if key in examples else [
            {"标题": "健全工作机制", "内容": "明确责任分工，按季度调度推进情况。"}]
        entries.append({k: v for k, v in entry.items() if v})
    form["成效"] = entries
    data, last = draw(theme_entry("第一责任人"))
    form["第一责任人"] = {k: v for k, v in {"数据": data, "上年数据": last,
                                            "做法": DATA["第一责任人"]["做法"]}.items() if v}
    form.pop("去年安排", None)
    return form


def own_findings(form: dict) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "表单.yaml"
        path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
        out = Path(folder) / "报告.docx"
        render_file(path, out)
        _doc, found = check_file(out, rule_table())
    return [f for f in found if f.severity == "错误" or f.rule not in ABOUT_THE_FIGURES]


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms())
def test_drafters_own_report_passes_drafters_own_check(form):
    found = own_findings(form)
    assert not found, "\n".join(f.format() for f in found)


def test_last_year_zero_then_its_parts():
    """The issue's example: 356件，上年为0件，其中审查政府合同128件."""
    form = copy.deepcopy(DATA)
    for entry in form["成效"]:
        if entry["主题"] == "重大决策":
            entry["上年数据"] = {"合法性审查": {"审查文件": 0}}
    found = own_findings(form)
    assert not found, "\n".join(f.format() for f in found)


def test_rates_near_the_edges_and_big_numbers():
    form = copy.deepcopy(DATA)
    form["成效"] = [{"主题": "矛盾纠纷化解", "做法": DATA["成效"][0]["做法"],
                   "数据": {"行政复议": {"收到申请": 19999, "受理": 19999, "审结": 19999, "纠错": 1, "调解和解": 19998},
                          "人民调解": {"调解纠纷": 99999, "调解成功": 99998}},
                   "上年数据": {"行政复议": {"收到申请": 20000, "审结": 19998, "纠错": 0}}}]
    found = own_findings(form)
    assert not found, "\n".join(f.format() for f in found)
