"""Round 25 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

import pytest
import yaml

from conftest import EXAMPLE
from hostile_cases import render_with_template, run_clean

LAST_YEAR = "    上年数据:\n      规范性文件:\n        制发: 32\n        备案: 32\n        按时备案: 31\n"


def _render(tmp_path, files: dict[str, str], form_text: str | None = None, exit_codes=(0,), located=True):
    return render_with_template(tmp_path, files, form_text, exit_codes, located)


@pytest.mark.parametrize("last", ["    - 上年为{报备率.上年}\n", "    - （上年{报备率.上年}）\n"])
def test_last_years_rate_written_after_one_rate_is_not_anothers(tmp_path, last):
    """The README allows a rate's 上年 as the next item: it is that rate's, never the next
    rate's (whose own 同比 is right)."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("        修改: 7\n", "        修改: 7\n" + LAST_YEAR, 1)
    table = ("制度建设:\n  规范性文件:\n    - 制发规范性文件{制发}\n    - 报送备案{备案}\n    - 报备率{报备率}\n"
             + last + "    - 报备及时率{报备及时率.带同比}\n")
    _said, out = _render(tmp_path, {"句式.yaml": table}, text)
    assert "没有发现问题" in run_clean(["check", out], inputs=[out], exit_codes=(0,)).output


def test_last_years_rate_beside_its_own_rate_is_still_checked(tmp_path):
    """Near miss: 上年 in brackets right after the rate is that rate's, and a wrong 同比 is said."""
    path = tmp_path / "报告.txt"
    path.write_text("示范县人民政府关于2025年度法治政府建设情况的报告\n一、主要工作成效\n"
                    "全年报备及时率97.2%（上年96.9%），同比提高0.5个百分点。\n", encoding="utf-8")
    said = run_clean(["check", path], inputs=[path], exit_codes=(1,)).output
    assert "同比核算" in said and "应为提高0.3个百分点" in said, said


def test_importing_from_the_shared_theme_template_says_what_import_sees(tmp_path):
    said, _out = _render(tmp_path, {"themes/普法.md.j2": '{% from "themes/通用.md.j2" import 没有 %}\n'}, exit_codes=(2,))
    assert "themes/普法.md.j2:1：" in said and "导入的模板看不到这里的数据" in said, said


BASE = """示例县人民政府关于2025年度法治政府建设情况的报告
县委、县人大常委会：
2025年，示例县人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，深入学习贯彻习近平法治思想。现将有关情况报告如下：
{body}
特此报告。
示例县人民政府
2026年2月6日
"""
ACHIEVED = "（一）规范执法行为。评查行政执法案卷320卷，合格率96.6%。\n（二）化解行政争议。全年受理行政复议案件151件，审结146件，结案率96.7%。"
PROBLEMS = "（一）基层执法能力仍有短板。主要原因是基层人员流动性大。\n（二）普法针对性有待提高。主要原因是精准分析群体需求的手段不多。"
PLANS = "（一）进一步提升行政执法质量。开展基层执法人员轮训。\n（二）进一步增强普法实效。针对不同群体开发普法产品。"
LEADER = "县政府主要负责同志全年带头讲法治课2次，在年终现场述法。"
PROBLEM_LINE = "一是基层执法能力仍有短板，主要原因是基层人员流动性大；二是普法针对性有待提高，主要原因是精准分析群体需求的手段不多。"
PLAN_LINE = "一是进一步提升行政执法质量，开展基层执法人员轮训；二是进一步增强普法实效，针对不同群体开发普法产品。"


def _check(tmp_path, body: str, exit_codes=(0,)) -> str:
    path = tmp_path / "报告.txt"
    path.write_text(BASE.format(body=body), encoding="utf-8")
    return run_clean(["check", path], inputs=[path], exit_codes=exit_codes).output


@pytest.mark.parametrize("sentence", [
    "制发规范性文件36件，全部报送备案，报备率100%，其中按时报备35件，报备及时率97.2%。",
    "受理信访事项936件，全部办结，办结率100%，其中按期办结921件，按期办结率98.4%。",
    "受理行政复议案件151件，全部审结，结案率100%，其中调解结案41件。",
    "发现问题48个，全部整改到位，整改率100%，其中按期整改45个。",
    "制发规范性文件36件，全部报备，报备率100%，按时报备35件。",
])
def test_a_narrower_count_after_a_rate_is_not_its_part(tmp_path, sentence):
    body = f"一、主要举措和成效\n{sentence}\n二、存在的不足和原因\n{PROBLEMS}\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n{LEADER}\n四、2026年推进法治政府建设的主要安排\n{PLANS}"
    said = _check(tmp_path, body)
    assert "没有发现问题" in said, said


def test_the_rates_own_part_after_it_is_still_its_part(tmp_path):
    """Near miss: 办结921件 after 办结率90% is the rate's own part, and the rate is wrong."""
    body = (f"一、主要举措和成效\n受理信访事项936件，办结率90%，办结921件。\n二、存在的不足和原因\n{PROBLEMS}\n"
            f"三、党政主要负责人履行推进法治建设第一责任人职责情况\n{LEADER}\n四、2026年推进法治政府建设的主要安排\n{PLANS}")
    assert "比率核算" in _check(tmp_path, body, exit_codes=(1,))


@pytest.mark.parametrize("body", [
    f"一、2025年工作成效和存在的不足\n{ACHIEVED}\n同时也存在一些不足：{PROBLEM_LINE}\n"
    f"二、党政主要负责人履行推进法治建设第一责任人职责情况\n{LEADER}\n三、2026年推进法治政府建设的主要安排\n{PLANS}",
    f"一、主要举措成效和党政主要负责人履职情况\n{ACHIEVED}\n{LEADER}\n二、存在的不足和原因\n{PROBLEMS}\n"
    f"三、2026年推进法治政府建设的主要安排\n{PLANS}",
    f"一、2025年推进法治政府建设的主要举措和成效\n{ACHIEVED}\n二、存在的不足和原因\n{PROBLEMS}\n"
    f"三、第一责任人履职情况和2026年工作安排\n{LEADER}\n2026年，我们将重点做好以下工作：{PLAN_LINE}",
    f"一、2025年推进法治政府建设的主要举措和成效\n{ACHIEVED}\n二、第一责任人履职情况、存在的问题及下一步打算\n{LEADER}\n"
    f"存在的问题：{PROBLEM_LINE}\n下一步，我们将：{PLAN_LINE}",
], ids=["成效+问题", "成效+第一责任人", "第一责任人+下一步", "第一责任人+问题+下一步"])
def test_a_title_naming_several_parts_holds_each_without_sub_headings(tmp_path, body):
    said = _check(tmp_path, body)
    assert "没有发现问题" in said, said
    path, new = tmp_path / "报告.txt", tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", path, "-o", new], inputs=[path], outputs=[new], exit_codes=(0,))
    plans = [a["标题"] for a in yaml.safe_load(new.read_text(encoding="utf-8"))["去年安排"]]
    assert plans == ["进一步提升行政执法质量", "进一步增强普法实效"], plans
