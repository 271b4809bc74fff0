"""check, tenth pass over issue 18: a rate the catalogue defines over a named whole (纠错率 =
纠错 ÷ 审结, 败诉率 = 败诉 ÷ 审结, 调解和解率 = 调解和解 ÷ 审结) is never recomputed over another
count of its sentence (受理, 案件) when its own whole is not stated ("宁可漏报": no error; one that
fits none of the counts stated is a reminder to state its basis); stated with its whole, a wrong
value is still an error; a rate the catalogue does not define is checked as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from conftest import corpus_files, needs_corpus
from hostile_cases import run_clean
from test_check_rules import only, report, run

RATE_RULES = ("比率核算", "比率口径", "部分大于整体", "比率无从计算")


def _rates(found):
    return [f for f in found if f.rule in RATE_RULES]


# -- the catalogue's whole is not stated: nothing is said about the rate -------------------------
WHOLE_MISSING = [
    "全年收到行政复议申请162件，依法受理151件，作出纠错决定18件，纠错率12.3%。",
    "依法受理行政复议案件151件，以调解、和解方式结案41件，调解和解率28.1%。",
    "办理一审行政诉讼案件58件，败诉2件，败诉率3.8%。",
    "新收行政复议案件90件，其中撤销、变更等纠错9件，纠错率为12%。",
    "全年共办理行政应诉案件40件，败诉3件，败诉率达到9.1%。",
]


@pytest.mark.parametrize("body", WHOLE_MISSING)
def test_a_defined_rate_is_not_recomputed_over_a_count_that_is_not_its_whole(body):
    found = _rates(run(report(body)))
    # never an error; a rate that fits none of the counts stated is a reminder to state its basis
    assert [f.severity for f in found] in ([], ["提醒"]), [f.format() for f in found]
    assert all(f.rule == "比率口径" and "文中没有写明" in f.message for f in found)


@pytest.mark.parametrize("body, basis", [
    ("行政诉讼应诉案件52件，败诉3件，败诉率10%。", "5.8%"),
    ("依法受理行政复议案件151件，作出纠错决定18件，纠错率15%。", "11.9%"),
])
def test_a_defined_rate_that_fits_no_stated_count_is_reminded_of_its_basis(body, basis):
    f = only(run(report(body)), "比率口径")
    assert f.severity == "提醒" and basis in f.message and "审结" in f.message


@pytest.mark.parametrize("body", [
    "行政诉讼应诉案件52件，败诉3件，败诉率5.8%。",  # over the count stated: nothing to remind
    "行政诉讼应诉案件52件，败诉3件，败诉率约6%。",  # roughly: not reminded
])
def test_a_defined_rate_that_fits_a_stated_count_is_not_reminded(body):
    assert _rates(run(report(body))) == []


# -- near miss: the whole is stated, a wrong value is still an error ------------------------------
@pytest.mark.parametrize("body, right", [
    ("依法受理151件，审结146件，作出纠错决定18件，纠错率15%。", "12.3%"),
    ("办理一审行政诉讼案件58件，审结53件，败诉2件，败诉率5.8%。", "3.8%"),
    ("审结行政复议案件146件，以调解、和解方式结案41件，调解和解率31.5%。", "28.1%"),
    ("全年办结行政复议案件120件，纠错12件，纠错率为12%。", "10%"),
])
def test_a_defined_rate_over_its_stated_whole_is_still_checked(body, right):
    f = only(run(report(body)), "比率核算")
    assert f.severity == "错误" and right in f.message


@pytest.mark.parametrize("body", [
    "依法受理151件，审结146件，作出纠错决定18件，纠错率12.3%。",
    "办理一审行政诉讼案件58件，审结53件，败诉2件，败诉率3.8%。",
])
def test_a_defined_rate_right_over_its_stated_whole_raises_nothing(body):
    assert _rates(run(report(body))) == []


# -- a rate the catalogue does not define keeps today's reading -----------------------------------
@pytest.mark.parametrize("body, right", [
    ("办理一审行政诉讼案件58件，胜诉50件，胜诉率80%。", "86.2%"),
    ("受理行政案件1117起，办结803起，办结率68%。", "71.9%"),
])
def test_a_rate_the_catalogue_does_not_define_is_checked_as_before(body, right):
    f = only(run(report(body)), "比率核算")
    assert right in f.message


# -- drafter's own report, rendered from a 句式.yaml without the 审结 item ----------------------------
MAIN = Path(__file__).resolve().parent.parent


def test_own_report_without_the_closed_count_is_refused_at_the_phrase_table(tmp_path):
    form = tmp_path / "f.yaml"
    shutil.copy(MAIN / "examples" / "示例县2025.yaml", form)
    templates = tmp_path / "模板"
    run_clean(["templates", "copy", "default", templates, "句式.yaml"], cwd=tmp_path, exit_codes=(0,))
    sentences = templates / "句式.yaml"
    text = sentences.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True) if line.rstrip("\n") != "    - 审结{审结}"]
    assert len(kept) < len(text.splitlines(keepends=True))  # the items (复议, 诉讼) were there, and are gone
    sentences.write_text("".join(kept), encoding="utf-8")
    out = tmp_path / "r.docx"
    # the printed 纠错率 would fit none of the counts its sentence states (check would remind
    # the reader to state its basis): the phrase table is refused where the base went missing
    result = run_clean(["render", form, "-t", templates, "-o", out], inputs=[form, sentences], outputs=[out],
                       exit_codes=(2,))
    assert "句式.yaml:" in result.output and "纠错率前面写它的基数“审结”" in result.output, result.output
    assert not out.exists()


# -- a real report: 败诉率 over 涉诉案件 (not 审结) is never an error, right or wrong -------------
@needs_corpus
@pytest.mark.parametrize("stated", ["败诉率1.61%", "败诉率2.61%"], ids=["as-written", "altered"])
def test_corpus_rate_over_a_whole_that_is_not_the_catalogues_is_left_alone(stated):
    from drafter.reading.source import read_lines
    lines = read_lines(next(p for p in corpus_files() if p.name.startswith("003")))
    assert any("败诉率1.61%" in line for line in lines)
    altered = [line.replace("败诉率1.61%", stated) for line in lines]
    found = [f for f in _rates(run(altered)) if "败诉率" in f.quote]
    if stated == "败诉率1.61%":
        assert not found, [f.format() for f in found]
    else:  # wrong over the count it names, and its own basis not stated: a reminder only
        assert [(f.rule, f.severity) for f in found] == [("比率口径", "提醒")], [f.format() for f in found]
