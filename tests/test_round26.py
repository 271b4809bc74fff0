"""Round 26 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

import os

import pytest
from docx import Document

from conftest import EXAMPLE
from hostile_cases import render_with_template, run_clean

BASE = """示例县人民政府关于2025年度法治政府建设情况的报告
县委、县人大常委会：
2025年，示例县人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，深入学习贯彻习近平法治思想。现将有关情况报告如下：
一、主要举措和成效
{sentence}
二、存在的不足和原因
基层执法能力仍有短板。主要原因是基层人员流动性大。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责同志全年带头讲法治课2次，在年终现场述法。
四、2026年推进法治政府建设的主要安排
进一步提升行政执法质量，开展基层执法人员轮训。
特此报告。
示例县人民政府
2026年2月6日
"""


def _check(tmp_path, text: str, exit_codes=(0,)) -> str:
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    return run_clean(["check", path], inputs=[path], exit_codes=exit_codes).output


@pytest.mark.parametrize("sentence", [
    "全年受理行政复议案件、发现问题分别为1581件、452个，审结、整改到位分别为1169件、278个，结案率、整改率分别为73.9%、61.5%。",
    "受理信访事项和承办人大代表建议分别为2028件和138件，按期办结率和按时办复率分别达到69.6%和85.5%（按期办结1412件、按时办复118件）。",
])
def test_rates_listed_with_分别_over_counts_listed_with_分别_are_not_paired_by_the_first_name(tmp_path, sentence):
    said = _check(tmp_path, BASE.format(sentence=sentence))
    assert "没有发现问题" in said, said


def test_rates_listed_with_分别_over_counts_named_one_by_one_are_still_checked(tmp_path):
    sentence = "全年受理信访事项2028件，按期办结1412件，承办建议138件，按时办复118件，按期办结率和按时办复率分别为69.6%和95.5%。"
    said = _check(tmp_path, BASE.format(sentence=sentence), exit_codes=(1,))
    assert "比率核算" in said and "应为85.5%" in said, said


def _own_report_with(tmp_path, first: str, second: str) -> str:
    """drafter's own report as text, its four parts put under two titles: ``first`` over the
    achievements, ``second`` over the leader's duties, the problems and the plans."""
    out = tmp_path / "报告.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], outputs=[out], exit_codes=(0,))
    lines = [p.text for p in Document(str(out)).paragraphs]

    def at(prefix):
        return next(k for k, line in enumerate(lines) if line.startswith(prefix))

    a, b, c, d, e = at("一、2025年"), at("二、存在"), at("三、党政"), at("四、2026年"), at("特此报告")
    return "\n".join(lines[:a] + [first] + lines[a + 1:b] + [second] + lines[c + 1:d] + lines[b + 1:c]
                     + lines[d + 1:e] + lines[e:]) + "\n"


@pytest.mark.parametrize("first, second", [
    ("主要做法和成效", "第一责任人、问题及下一步"),
    ("主要做法和成效", "第一责任人履职、存在问题及下一步打算"),
    ("一、主要做法和成效", "二、履行第一责任人职责情况、存在问题和今后打算"),
    ("一、主要做法和成效", "二、第一责任人职责履行、不足及2026年安排"),
])
def test_a_title_naming_several_parts_in_any_words_holds_each(tmp_path, first, second):
    said = _check(tmp_path, _own_report_with(tmp_path, first, second), exit_codes=(0,))
    assert "缺少必需部分" not in said and "部分未单列" not in said, said


def test_an_unnumbered_title_of_the_problems_in_other_words_is_the_problems_part(tmp_path):
    out = tmp_path / "报告.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], outputs=[out], exit_codes=(0,))
    titles = {"一、2025年": "主要做法和成效", "二、存在": "存在的短板弱项", "三、党政": "主要负责人履职情况",
              "四、2026年": "下一步工作打算"}
    lines = [next((t for k, t in titles.items() if p.text.startswith(k)), p.text) for p in Document(str(out)).paragraphs]
    said = _check(tmp_path, "\n".join(lines) + "\n")
    assert "没有发现问题" in said, said


@pytest.mark.parametrize("args", [["check", "圈.txt"], ["validate", "圈.yaml"], ["render", "圈.yaml", "-o", "x.docx"],
                                  ["check", "甲.txt"]])
def test_a_link_to_itself_is_said_as_such(tmp_path, args):
    for suffix in (".txt", ".yaml"):
        os.symlink(f"圈{suffix}", tmp_path / f"圈{suffix}")
    os.symlink("乙.txt", tmp_path / "甲.txt")  # two links pointing at each other
    os.symlink("甲.txt", tmp_path / "乙.txt")
    result = run_clean([args[0]] + [str(tmp_path / a) if "." in a else a for a in args[1:]], exit_codes=(2,))
    assert "指向自己的链接" in result.output and "请删去这个链接" in result.output, result.output


def _render(tmp_path, files: dict[str, str], form_text: str | None = None, exit_codes=(0,), located=True):
    return render_with_template(tmp_path, files, form_text, exit_codes, located)


def test_a_basis_written_only_beside_last_years_change_is_not_surely_written(tmp_path):
    """审结{审结}，{审结.同比}: without 上年数据 the whole item goes, and the rate after it with it."""
    table = ("矛盾纠纷化解:\n  行政复议:\n    - 全年收到行政复议申请{收到申请.带同比}\n    - 依法受理{受理}\n"
             "    - 审结{审结}，{审结.同比}\n    - 作出纠错决定{纠错}\n    - 纠错率{纠错率}\n")
    said, _out = _render(tmp_path, {"句式.yaml": table}, exit_codes=(2,))
    assert "句式.yaml:7:" in said and "上年数据没填时整项不写" in said, said
    # near miss: the basis on an item of its own
    said, out = _render(tmp_path, {"句式.yaml": table.replace("审结{审结}，{审结.同比}", "审结{审结.带同比}")})
    assert "没有发现问题" in run_clean(["check", out], inputs=[out], exit_codes=(0,)).output


@pytest.mark.parametrize("theme, rule", [
    ("{% set x = t.数据.行政复议 %}全年收到行政复议申请{{ x.收到申请 }}，审结{{ x.审结 }}，结案率{{ x.结案率 }}。\n", "比率口径"),
    ('{{ 数据句子(t) }}\n{{ 问题 | map(attribute="表现") | join("；") }}\n', "重复标点"),
])
def test_what_a_template_makes_that_check_would_point_out_stops_render(tmp_path, theme, rule):
    # said at the sentence and its part (the form's field when the clerk's heading is the one left bare)
    said, out = _render(tmp_path, {"themes/矛盾纠纷化解.md.j2": theme}, exit_codes=(2,), located=False)
    assert rule in said and "模板或句式表（句式.yaml）写出的" in said and not out.exists(), said


def test_the_readmes_own_phrase_table_example_renders_clean(tmp_path):
    """The README's example table (its 如果 item no longer repeats a figure written before)."""
    readme = (EXAMPLE.parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n矛盾纠纷化解:\n  行政复议:\n") + len("```yaml\n")
    table = readme[start:readme.index("```", start)]
    _said, out = _render(tmp_path, {"句式.yaml": table})
    assert "没有发现问题" in run_clean(["check", out], inputs=[out], exit_codes=(0,)).output
    # near miss: a 如果 item writing the rate again under the same words is refused
    again = table.replace("否则: 作出纠错决定{纠错}，纠错率{纠错率.带同比}", "否则: 纠错率{纠错率}")
    again = again.replace("    - 审结{审结}\n", "    - 审结{审结}\n    - 作出纠错决定{纠错}\n    - 纠错率{纠错率}\n")
    said, _out = _render(tmp_path, {"句式.yaml": again}, exit_codes=(2,))
    assert "又写了一次“纠错率”" in said, said
