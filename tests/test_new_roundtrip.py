"""new --from one of drafter's own reports: every figure recovered is the one the form
held, under the same data group, over many generated forms (a seeded generator: small
counts, round ones, ones 万/亿 can print exactly and ones they cannot).

The share measured here: every figure recovered is right (100%); figures the report prints
only as a rate, or not at all, cannot all be recovered, so the share of the form's figures
recovered is asserted only not to fall below what it was measured at (84%).
"""

from __future__ import annotations

import copy
import random

import pytest
import docx
import yaml

from drafter.model.catalogue import load_catalogue
from drafter.nextyear.recover import last_year_used
from drafter.jobs.newform import new_form
from drafter.jobs.pipeline import render_file
from drafter.model.numbers import with_unit
from drafter.reading.figure_finder import extract, map_to_catalogue

from conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

FORMS = 200
ROUND = [19999, 20000, 10000, 40000, 100000, 120000, 99999, 468300, 1000000, 400000000, 123456789]


def figures(form: dict, key: str) -> dict[tuple, float]:
    out = {}
    for entry in (form.get("成效") or []) + [dict(form.get("第一责任人") or {}, 主题="第一责任人")]:
        for group, given in (entry.get(key) or {}).items():
            for name, value in (given or {}).items():
                if value is not None:
                    out[(entry["主题"], group, name)] = value
    return out


def _value(rng: random.Random) -> int:
    k = rng.random()
    if k < 0.3:
        return rng.randint(0, 20)
    if k < 0.5:
        return rng.randint(21, 999)
    if k < 0.65:
        return rng.choice(ROUND)
    if k < 0.85:
        return rng.randint(1000, 99999)
    return rng.randint(100000, 50000000)


def generate(seed: int, left_out: float = 0.0) -> dict:
    """The example form with every figure of 数据 drawn anew (within a group, larger first,
    so that a part never exceeds its whole) and no 上年数据; with ``left_out``, that share
    of the figures is not given (the one a sentence's subject rests on among them)."""
    rng = random.Random(seed)
    form = copy.deepcopy(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    for entry in form["成效"] + ([form["第一责任人"]] if form.get("第一责任人") else []):
        for given in (entry.get("数据") or {}).values():
            values = sorted((_value(rng) for _ in given), reverse=True)
            for name, v in zip(list(given), values):
                given[name] = v
                if rng.random() < left_out:
                    del given[name]
        entry.pop("上年数据", None)
    return form


USED = last_year_used(load_catalogue())


def _rate_known_for(key: tuple, given: dict) -> bool:
    """Is ``key``'s last-year value of use next year: printed with its own 同比, or counted in a
    rate the form's figures of its group work out (all its counts given, its whole not 0)?"""
    theme, group, _name = key
    for rate in USED[key]:
        if rate is None:
            return True
        counts = [given.get((theme, group, n)) for n in (rate.numerator, *rate.denominator)]
        if all(c is not None for c in counts) and sum(counts[1:]) > 0:
            return True
    return False


def _shown(key, value) -> str:
    """A count as the report prints it (46.83万件), for telling whether it is printed at all."""
    unit = load_catalogue().themes[key[0]].groups[key[1]].figures[key[2]].unit
    return with_unit(value, unit)


def _outcomes(tmp, seeds, left_out: float = 0.0):
    out = []
    for seed in seeds:
        form = generate(seed, left_out)
        path = tmp / f"{seed}.yaml"
        path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
        report = tmp / f"{seed}.docx"
        render_file(path, report)
        text, _ = new_form(report, 2026)
        # what can be carried: a count whose last-year value a default sentence uses (the rest are
        # comments) and that the report prints (出庭应诉率 is printed, 开庭审理 is not)
        # (or that the report gives as a rate of a count it prints: 按期办结 from 按期办结率)
        printed = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
        got = figures(yaml.safe_load(text), "上年数据")
        # (and whose rate the figures the report gives work out: a count alone, its rate's other
        # count not printed, is a note — next year it could only draw a reminder)
        shown = {k: v for k, v in figures(form, "数据").items() if _shown(k, v) in printed or got.get(k) == v}
        gold = {k: v for k, v in shown.items() if k in USED and _rate_known_for(k, shown)}
        out.append((seed, gold, got))
    return out


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    return _outcomes(tmp_path_factory.mktemp("roundtrip"), range(FORMS))


def test_figures_whose_sentence_lost_its_subject_stay_in_their_group(tmp_path):
    """With figures left out, a sentence may lose the words naming its group (审结52件，败诉2件、
    败诉率3.8%): a count is still filed under the group its sentence is about, not the one
    named last before it (审结 of 行政应诉, not of 行政复议)."""
    got = _outcomes(tmp_path, range(1000, 1000 + FORMS // 2), left_out=0.3)
    wrong = [(seed, key, gold.get(key), value) for seed, gold, got in got for key, value in got.items()
             if gold.get(key) != value]
    assert sum(len(g) for _, _, g in got) > 0 and not wrong, (len(wrong), wrong[:10])


def test_every_recovered_figure_is_the_forms_under_its_group(outcomes):
    wrong = [(seed, key, gold.get(key), value) for seed, gold, got in outcomes for key, value in got.items()
             if gold.get(key) != value]
    recovered = sum(len(got) for _, _, got in outcomes)
    assert recovered > 0 and not wrong, (len(wrong), recovered, wrong[:10])


def test_share_of_the_forms_figures_recovered(outcomes):
    total = sum(len(gold) for _, gold, _ in outcomes)
    right = sum(1 for _, gold, got in outcomes for k, v in got.items() if gold.get(k) == v)
    assert right / total >= 0.85, right / total


@pytest.mark.parametrize("text, value, unit", [
    ("受理信访事项46.83万件。", 468300, "件"), ("涉及金额1.9999亿元。", 1.9999, "亿元"), ("办件量40万件。", 400000, "件"),
    ("收到申请19999件。", 19999, "件"), ("涉及金额40万元。", 40, "万元"), ("按期办结率0.00003%。", 0.00003, "%"),
    ("审结1.2345万件。", 12345, "件"),
])
def test_printed_figures_are_read_back_exactly(text, value, unit):
    found = extract(text)
    assert found and (found[0].value, found[0].unit) == (value, unit) and not found[0].approx


@pytest.mark.parametrize("text, approx", [("受理信访事项约4万件。", "约"), ("培训执法人员1200余人次。", "余"),
                                          ("办件量近5万件。", "近")])
def test_rounded_figures_are_marked_approximate(text, approx):
    assert extract(text)[0].approx == approx


@pytest.mark.parametrize("text, key", [
    ("组织开展法治政府建设督察6次，督察发现问题48个。", "法治督察.督察次数"),
    ("开展普法宣传活动30场次，培养“法律明白人”20人。", "普法宣传.法律明白人"),
    ("依法受理42件，另在受理前协商化解争议5件。", "行政复议.受理前化解"),
])
def test_counts_map_to_their_own_figure(text, key):
    cat = load_catalogue()
    found = extract(text)
    map_to_catalogue(found, text, cat, "健全矛盾纠纷预防调处化解体系，行政复议" if "受理" in text else "")
    assert key in [f.maps_to for f in found], [(f.text, f.label, f.maps_to) for f in found]


def test_the_reports_title_is_never_taken_for_a_measures_heading(tmp_path):
    """The seed carries next year's title under 标题: the 做法 items' own 标题 is a
    different field and starts as its placeholder."""
    form = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    report = tmp_path / "去年.docx"
    path = tmp_path / "去年.yaml"
    path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    render_file(path, report)
    text, _ = new_form(report, 2026)
    new = yaml.safe_load(text)
    assert "2026年度" in new["标题"]
    headings = [m.get("标题") for m in new["第一责任人"]["做法"]]
    assert headings and not any("报告" in (h or "") for h in headings), headings


@pytest.mark.parametrize("text", ["全年收到行政复议申请5件，上年为0件，依法受理5件。",
                                  "全年收到行政复议申请8件，比上年增加3件，依法受理5件。"])
def test_last_years_figure_is_never_taken_for_this_years_count(text):
    cat = load_catalogue()
    found = extract(text)
    map_to_catalogue(found, text, cat, "健全矛盾纠纷预防调处化解体系，行政复议")
    assert {f.maps_to for f in found if f.maps_to} == {"行政复议.收到申请", "行政复议.受理"}, \
        [(f.text, f.label, f.maps_to) for f in found]
