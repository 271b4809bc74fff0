"""Round 38 of the outside attack on issue 18: a part numbered 1. 2. 3. 4. whose heading begins
with the year (4. 2026年工作安排) is that part."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main

REPORT = """临溪县人民政府关于2025年度法治政府建设情况的报告
2025年，临溪县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中、四中全会精神，深入学习贯彻习近平法治思想，扎实推进法治政府建设。
1. 主要工作成效
全年审结行政复议案件98件。
2. 党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人主持召开县政府常务会议专题研究法治政府建设5次，带头开展述法。
3. 存在的问题和不足
基层法治力量较为薄弱，乡镇法治审核人员不足。主要原因是保障机制尚不健全。
4{sep}2026年工作安排
2026年，我们将开展行政执法质量提升行动，推进乡镇综合行政执法规范化建设。
临溪县人民政府
2026年2月6日
"""


@pytest.mark.parametrize("sep", [". ", ".", "．"])
def test_a_part_heading_that_begins_with_the_year_after_its_number_is_that_part(tmp_path, runner, sep):
    path = tmp_path / "r.txt"
    path.write_text(REPORT.replace("{sep}", sep), encoding="utf-8")
    result = runner.invoke(main, ["check", str(path)])
    assert "缺少必需部分" not in result.output and result.exit_code == 0, result.output
    parsed = runner.invoke(main, ["parse", str(path)])
    assert "2026年工作安排  [角色 下一步" in parsed.output, parsed.output


def test_a_number_then_a_decimal_is_still_no_heading_number():
    from drafter.reading.parser import number_of

    assert number_of("1.2万件 1.18万件 98.3%") is None
    assert number_of("4. 25件") is None
    assert number_of("4. 2026年工作安排").number.strip() == "4."
