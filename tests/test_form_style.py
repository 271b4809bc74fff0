"""What a clerk changes in the form without touching a template (issue 12 §2): part
headings, which themes appear and in which order, a theme's heading, 特此报告, and the
connective between a problem's 表现 and 原因."""

from __future__ import annotations

import copy

import docx
import pytest
import yaml

from drafter.jobs.pipeline import render_file

from conftest import EXAMPLE

DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def render(tmp_path, data) -> list[tuple[str, str]]:
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    render_file(form, out, force=True)
    return [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]


def headings(paragraphs, style="一级标题") -> list[str]:
    return [t for s, t in paragraphs if s == style]


def test_part_headings_from_the_form(tmp_path):
    data = copy.deepcopy(DATA)
    data["写法"] = {"部分标题": {"成效": "{年度}年主要工作", "下一步": "{下一年度}年工作打算"}}
    got = headings(render(tmp_path, data))
    assert got[0] == "一、2025年主要工作" and "2026年工作打算" in got[-1]
    assert any("第一责任人" in h for h in got)  # the others keep their default


def test_themes_appear_as_listed_in_the_form(tmp_path):
    data = copy.deepcopy(DATA)
    chosen = [data["成效"][3], data["成效"][0]]
    chosen[0]["标题"] = "我们自己的小标题"
    data["成效"] = chosen
    got = headings(render(tmp_path, data), "二级标题")
    assert got[0] == "（一）我们自己的小标题" and got[1] == "（二）" + chosen[1]["标题"]
    assert len([h for h in got if h.startswith("（")]) >= 2


@pytest.mark.parametrize("addressee, wanted, closes", [
    ("县委、县人大常委会", None, True), (None, None, False), ("县委", False, False), (None, True, True)])
def test_the_closing_line(tmp_path, addressee, wanted, closes):
    data = copy.deepcopy(DATA)
    data.pop("主送机关", None)
    if addressee:
        data["主送机关"] = addressee
    if wanted is not None:
        data["写法"] = {"特此报告": wanted}
    texts = [t for _, t in render(tmp_path, data)]
    assert ("特此报告。" in texts) == closes
    if closes:
        assert texts.count("特此报告。") == 1
        assert texts.index("特此报告。") < texts.index(data.get("落款", {}).get("署名") or data["单位"])


def test_a_connective_joins_the_cause_unless_it_has_one(tmp_path):
    data = copy.deepcopy(DATA)
    data["问题"] = [{"标题": "队伍力量不足", "表现": "乡镇执法人员偏少", "原因": "编制没有随任务增加"},
                   {"标题": "培训不够", "表现": "培训覆盖面窄", "原因": "究其原因，经费保障不足"}]
    texts = [t for _, t in render(tmp_path, data)]
    assert any("乡镇执法人员偏少。主要原因是编制没有随任务增加。" in t for t in texts)
    assert any("培训覆盖面窄。究其原因，经费保障不足。" in t for t in texts)
    data["写法"] = {"原因连接词": "原因在于"}
    texts = [t for _, t in render(tmp_path, data)]
    assert any("乡镇执法人员偏少。原因在于编制没有随任务增加。" in t for t in texts)


def test_init_documents_the_style_section(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    out = tmp_path / "2025.yaml"
    assert CliRunner().invoke(main, ["init", "--year", "2025", "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "写法:" in text and "特此报告" in text and "原因连接词" in text and "部分标题" in text
    schema = (tmp_path / "drafter-form.schema.json").read_text(encoding="utf-8")
    assert "\"写法\"" in schema and "原因连接词" in schema


@pytest.mark.parametrize("covered, expected", [
    (246, "246个村（社区）全部配备法律顾问。"),
    (230, "246个村（社区）中有230个配备法律顾问、覆盖率93.5%。"),
])
def test_coverage_reads_as_people_write_it(tmp_path, covered, expected):
    data = copy.deepcopy(DATA)
    theme = next(t for t in data["成效"] if t["主题"] == "普法")
    theme["数据"]["公共法律服务"]["配备法律顾问村居"] = covered
    texts = [t for _, t in render(tmp_path, data)]
    assert any(t.endswith(expected) for t in texts), [t for t in texts if "法律顾问" in t]


def test_every_rate_with_last_years_counts_gets_its_change(tmp_path):
    data = copy.deepcopy(DATA)
    theme = next(t for t in data["成效"] if t["主题"] == "矛盾纠纷化解")
    theme["上年数据"] = {"行政复议": {"审结": 120, "纠错": 18}}
    texts = "".join(t for _, t in render(tmp_path, data))
    assert "纠错率12.3%，同比下降2.7个百分点" in texts  # 18/146 against 18/120


def test_last_years_figures_the_report_does_not_use_are_reminders(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    data = copy.deepcopy(DATA)
    theme = next(t for t in data["成效"] if t["主题"] == "矛盾纠纷化解")
    theme["上年数据"] = {"行政复议": {"受理": 140}, "信访": {"受理信访": 800, "按期办结": 780}, "人民调解": {"排查纠纷": 1200}}
    theme["数据"].pop("信访")
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(form)])
    assert result.exit_code == 0, result.output
    assert "上年数据.行政复议.受理：【提醒】上年的“受理”填了，但报告里没有写它的同比" in result.output
    assert "今年没有填：信访.受理信访、信访.按期办结" in result.output
    assert result.output.count("【提醒】") == 3  # 受理, 排查纠纷 and the line for 信访


def test_theme_paragraphs_do_not_all_open_the_same_way(tmp_path):
    texts = [t for s, t in render(tmp_path, copy.deepcopy(DATA)) if s == "公文正文" and t]
    openings = [t[:2] for t in texts]
    assert openings.count("全年") <= 1, [t[:12] for t in texts if t.startswith("全年")]
    assert all(a != b for a, b in zip(openings, openings[1:]) if not a[0].isdigit())


@pytest.mark.parametrize("spirit", ["党的二十大精神", "深入学习贯彻党的二十大精神", "全面贯彻党的二十大精神",
                                    "认真贯彻落实党的二十大精神"])
def test_the_opening_says_each_verb_once(tmp_path, spirit):
    data = copy.deepcopy(DATA)
    data["开头"] = {**(data.get("开头") or {}), "会议精神": spirit}
    opening = next(t for s, t in render(tmp_path, data) if t.startswith("2025年，"))
    first = opening.split("。")[0]
    assert "全面贯彻党的二十大精神，深入学习贯彻习近平法治思想" in first, first
    assert first.count("贯彻") == 2 and "贯彻落实" not in first
