"""The phrase table (句式.yaml): figure sentences a clerk words without Jinja (issue 12 §2).

Each rule of the table is tried on a small table and form written here; the default table
is also checked to print exactly what its Jinja translation (a theme file of its own) prints.
"""

from __future__ import annotations

import copy
import time

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from drafter.model.catalogue import load_catalogue
from drafter.cli.commands import main
from drafter.errors import TemplateError, TemplateProblems
from drafter.jobs.pipeline import build
from drafter.render.templates import render_markup
from drafter.render.phrases import PHRASE_FILE, as_jinja, read_table
from drafter.files.resources import builtin_templates
from drafter.files.yamlsource import load_text

from conftest import EXAMPLE
from test_templates import context

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

ENTRY = "{{ 数据句子(成效[0]) }}"


def said(tmp_path, table: str, form: dict, entry: str = ENTRY) -> str:
    """What ``entry`` prints with ``table`` as the folder's phrase table."""
    (tmp_path / PHRASE_FILE).write_text(table, encoding="utf-8")
    (tmp_path / "report.md.j2").write_text(entry, encoding="utf-8")
    return render_markup(tmp_path, "report.md.j2", context(form))


def refused(table: str) -> TemplateProblems:
    with pytest.raises(TemplateProblems) as info:
        read_table(table, "tpl/句式.yaml")
    return info.value


REVIEW = "矛盾纠纷化解:\n  行政复议:\n"


def test_items_without_their_figure_are_left_out(tmp_path, minimal):
    out = said(tmp_path, REVIEW + "    - 收到申请{收到申请}\n    - 调解和解{调解和解}\n    - 纠错率{纠错率}\n", minimal)
    assert out == "收到申请120件，纠错率9%。"


def test_a_sentence_with_no_figure_is_not_written_not_even_its_plain_items(tmp_path, minimal):
    table = ("矛盾纠纷化解:\n  行政应诉:\n    - 全面推行负责人出庭应诉\n    - 办理案件{案件}\n"
             "  行政复议:\n    - 依法办理复议案件\n    - 受理{受理}\n")
    assert said(tmp_path, table, minimal) == "依法办理复议案件，受理110件。"


def test_a_line_with_a_full_stop_starts_a_new_sentence(tmp_path, minimal):
    out = said(tmp_path, REVIEW + "    - 收到申请{收到申请}\n    - 。\n    - 审结{审结}\n    - 结案率{结案率}\n", minimal)
    assert out == "收到申请120件。审结100件，结案率90.9%。"


@pytest.mark.parametrize("test, expected", [
    ("纠错 > 0", "纠错9件"), ("纠错 = 0", "无纠错"), ("纠错率 >= 9%", "纠错9件"), ("纠错率 < 9%", "无纠错"),
    ("纠错 ≠ 审结", "纠错9件"), ("纠错 ＞ 0 且 审结 = 100", "纠错9件"), ("纠错 > 0 且 审结 > 100", "无纠错"),
    ("调解和解 = 0", ""),  # a figure not given: neither wording (否则 would claim what is unknown)
    ('"{纠错} < {审结}"', "纠错9件"),
])
def test_wording_chosen_by_the_figures(tmp_path, minimal, test, expected):
    table = REVIEW + f"    - 如果: {test}\n      写: 纠错{{纠错}}\n      否则: 无纠错\n"
    assert said(tmp_path, table, minimal) == (expected + "。" if expected else "")


def test_an_item_without_otherwise_is_left_out_when_its_test_fails(tmp_path, minimal):
    table = REVIEW + "    - 收到申请{收到申请}\n    - 如果: 纠错 = 0\n      写: 未发生纠错\n"
    assert said(tmp_path, table, minimal) == "收到申请120件。"


def test_otherwise_may_choose_again(tmp_path, minimal):
    table = REVIEW + ("    - 如果: 纠错 > 50\n      写: 纠错很多\n      否则:\n        如果: 纠错 > 5\n"
                      "        写: 纠错{纠错}\n        否则: 纠错很少\n")
    assert said(tmp_path, table, minimal) == "纠错9件。"


def test_last_year_and_approximations_and_other_groups(tmp_path, minimal):
    minimal["成效"][0]["上年数据"] = {"行政复议": {"收到申请": 100, "审结": 90, "纠错": 12}}
    minimal["成效"][0]["数据"]["行政应诉"] = {"案件": 683}
    table = REVIEW + ("    - 收到申请{收到申请.带同比}（上年{收到申请.上年}）\n    - 纠错率{纠错率}，{纠错率.同比}\n"
                      "    - 上年纠错率{纠错率.上年}\n    - 应诉案件{行政应诉.案件.约数}\n    - 应诉{行政应诉.案件.同比}\n")
    out = said(tmp_path, table, minimal)
    assert out == ("收到申请120件，同比增长20%（上年100件），纠错率9%，同比下降4.3个百分点，上年纠错率13.3%，"
                   "应诉案件680余件。")


def test_only_the_groups_asked_for(tmp_path, minimal):
    minimal["成效"][0]["数据"]["行政应诉"] = {"案件": 5}
    table = REVIEW + "    - 收到申请{收到申请}\n  行政应诉:\n    - 应诉案件{案件}\n"
    assert said(tmp_path, table, minimal, '{{ 数据句子(成效[0], "行政应诉") }}') == "应诉案件5件。"


def test_punctuation_at_an_items_ends_is_not_doubled(tmp_path, minimal):
    table = REVIEW + ("    - 收到申请{收到申请}，\n    - ，受理{受理},\n    - '，'\n    - 审结{审结}、\n    - 。。\n"
                      "    - 纠错{纠错}：\n    - ．\n    - 结案率{结案率}.\n")
    assert said(tmp_path, table, minimal) == "收到申请120件，受理110件，审结100件。纠错9件。结案率90.9%。"


def test_a_rate_is_compared_as_the_report_prints_it(tmp_path, minimal):
    minimal["成效"][0]["数据"]["行政复议"].update({"受理": 151, "审结": 146})
    table = REVIEW + "    - 如果: 结案率 = 96.7%\n      写: 结案率{结案率}\n      否则: 别的\n"
    assert said(tmp_path, table, minimal) == "结案率96.7%。"  # 146 ÷ 151 = 96.69%


def test_braces_themselves_and_empty_theme(tmp_path, minimal):
    # a report never holds braces: doubled braces are refused (issue 18, render3 T1)
    assert "大括号" in str(refused(REVIEW + "    - 收到{{申请}}{收到申请}\n"))
    assert said(tmp_path, "矛盾纠纷化解: []\n", minimal) == ""


def test_a_printed_same_year_figure_counts_its_last_year_as_used(tmp_path, minimal, write_form):
    """A 同比 the table prints is no reminder; one whose item is left out stays a reminder."""
    minimal["成效"][0]["上年数据"] = {"行政复议": {"收到申请": 100, "受理": 90}}
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / PHRASE_FILE).write_text(REVIEW + "    - 收到申请{收到申请.带同比}\n"
                                      "    - 受理{受理.带同比}，调解{调解和解}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(write_form(minimal)), "-t", str(folder), "-o",
                                       str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    assert "收到申请" not in result.output
    assert "上年数据.行政复议.受理：【提醒】上年的“受理”填了，但报告里没有写它的同比" in result.output
    assert "{受理.带同比}" in result.output  # the hint says how, in the table's own words


def test_an_edited_table_is_read_again(tmp_path, minimal):
    assert said(tmp_path, REVIEW + "    - 收到申请{收到申请}\n", minimal) == "收到申请120件。"
    time.sleep(0.01)
    assert said(tmp_path, REVIEW + "    - 共收到申请{收到申请}\n", minimal) == "共收到申请120件。"


# -- errors: located, in Chinese, all at once -------------------------------------------------

@pytest.mark.parametrize("table, line, words", [
    ("矛盾纠纷化:\n  行政复议: []\n", 1, ("主题“矛盾纠纷化”不存在", "是不是“矛盾纠纷化解”")),
    (REVIEW.replace("行政复议", "行政复义") + "    - a{受理}\n", 2, ("没有数据组“行政复义”", "是不是“行政复议”")),
    (REVIEW + "    - 收到{收到申情}\n", 3, ("没有数据“收到申情”", "是不是“收到申请”")),
    (REVIEW + "    - 收到{收到申请.同比率}\n", 3, ("“.同比率”看不懂", ".带同比")),
    (REVIEW + "    - 纠错率{纠错率.约数}\n", 3, ("比率“纠错率”没有约数",)),
    (REVIEW + "    - 收到{收到申请\n", 3, ("大括号不成对",)),
    (REVIEW + "    - 收到｛收到申请｝\n", 3, ("全角的大括号",)),
    (REVIEW + "    - 收到{}\n", 3, ("花括号里要写数据名",)),
    (REVIEW + "    - 收到{收到申请。同比}\n", 3, ("英文的点",)),
    (REVIEW + "    - 12\n", 3, ("应是一段文字",)),
    (REVIEW + "    - 如果: 纠错 > 0\n      写: a{纠错}\n      那么: b\n", 5, ("“那么”看不懂",)),
    (REVIEW + "    - 如果: 纠错 > 0\n      否则: b\n", 3, ("要有“写”",)),
    (REVIEW + "    - 写: a{纠错}\n", 3, ("没有“如果”",)),
    (REVIEW + "    - 如果: 纠错很多\n      写: a\n", 3, ("条件“纠错很多”看不懂", "且")),
    (REVIEW + "    - 如果: 0 < 纠错\n      写: a\n", 3, ("数据名写在前面",)),
    (REVIEW + "    - 如果: 纠错.同比 > 0\n      写: a\n", 3, ("不能比较",)),
    ("矛盾纠纷化解: 收到申请{收到申请}\n", 1, ("应按数据组写句子",)),
    (REVIEW + "    收到申请{收到申请}\n", 3, ("一行一项",)),
    ("- 矛盾纠纷化解\n", 1, ("按主题分段",)),
    (REVIEW + "    - 收到申请{收到申请}\n  行政复议:\n    - b\n", 4, ("重复",)),
    (REVIEW + "    - {受理}件\n", 3, ("以“{”开头的内容后面还有文字", '"{受理}件"')),
    (REVIEW + "    - 审结{审结}\n    - 如果：纠错 = 0\n      写：未作出纠错决定\n", 4, ("冒号是全角的",)),
    (REVIEW + "    - 如果:纠错 = 0\n", 3, ("冒号后面没有空格",)),
    (REVIEW + "    - 全年收到{收到申请}\n     - 依法受理{受理}\n", 3, ("下一项的缩进多了",)),
    (REVIEW + "    - 作出纠错决定{纠错}件\n", 3, ("后面的“件”就重复了",)),
    (REVIEW + "    - 纠错率{纠错率}%\n", 3, ("后面的“%”就重复了",)),
    (REVIEW + "    - |\n      全年收到{收到申请}\n      依法受理{受理}\n", 3, ("不能换行",)),
    (REVIEW + "    - 如果: 纠错 > 0\n      写: \"\"\n", 4, ("“写”后面是空的",)),
    (REVIEW + "    - 如果: 纠错 > 0\n      写: a{纠错}\n      否则:\n", 5, ("“否则”后面是空的",)),
    (REVIEW + "    - 如果: 结案率 = 100\n      写: a\n", 3, ("要和带 % 的数比较",)),
    (REVIEW + "    - 如果: \"纠错" + " " * 100000 + "x\"\n      写: a\n", 3, ("条件“纠错 x”看不懂",)),
    (REVIEW + "    - 如果: 纠错 > " + "1" * 600 + "\n      写: a\n", 3, ("太长",)),
    (REVIEW + "    - 如果: 纠错 = 0 或 受理 = 0\n      写: a\n", 3, ("只能用“且”连接",)),
    (REVIEW + "    - 如果: 纠错 => 18\n      写: a\n", 3, ("比较符号看不懂",)),
    (REVIEW + "    - 如果: 纠错率 > .5%\n      写: a\n", 3, ("要写成“0.5%”",)),
    (REVIEW + "    - {收到申请}\n", 3, ("加上英文引号",)),
    (REVIEW + "    - 如果: 纠错 > 0\n      写: {纠错}\n", 4, ("英文引号",)),
    (REVIEW + "    - 如果: {纠错} < {审结}\n      写: a\n", 3, ("以“{”开头的内容后面还有文字",)),
])
def test_each_mistake_is_located_and_explained(table, line, words):
    err = refused(table)
    text = err.format()
    assert f"tpl/句式.yaml:{line}" in text, text
    for word in words:
        assert word in text, text


def test_every_mistake_of_a_file_is_reported_in_one_run():
    err = refused(REVIEW + "    - 收到{收到申情}\n    - 受理{受里}\n  行政复义:\n    - a\n普发:\n  x: []\n")
    text = err.format()
    assert "共 4 处错误" in text
    assert [p.where.line for p in err.problems()] == [3, 4, 5, 7]


def test_a_mistake_in_the_table_stops_the_render_with_its_place(tmp_path, write_form, minimal):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / PHRASE_FILE).write_text(REVIEW + "    - 收到{收到申情}\n", encoding="utf-8")
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(main, ["render", str(write_form(minimal)), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 2 and "tpl/句式.yaml:3" in result.output and "收到申情" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_the_helper_wants_a_theme(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        said(tmp_path, "", minimal, "\n{{ 数据句子(成效) }}")
    assert "要给出一个主题" in info.value.message and info.value.where.line == 2
    with pytest.raises(TemplateError) as info:
        said(tmp_path, "", minimal, '{{ 数据句子(成效[0], "普法宣传") }}')
    assert "不在主题“矛盾纠纷化解”里" in info.value.message


# -- the default table and its Jinja translation ------------------------------------------------

def _default() -> dict:
    return read_table((builtin_templates() / "default" / PHRASE_FILE).read_text(encoding="utf-8"), "default")


def _figures(data: dict) -> list[tuple]:
    out = []
    for i, entry in enumerate(data["成效"]):
        for when in ("数据", "上年数据"):
            for group, names in (entry.get(when) or {}).items():
                out += [(i, when, group, name) for name in names]
    return out


EXAMPLE_DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.sampled_from(_figures(EXAMPLE_DATA))), st.integers(0, 3))
def test_the_jinja_translation_says_what_the_table_says(tmp_path_factory, dropped, bump):
    """For the example with any figures left out (and coverage made full or not), each theme's
    sentences from the table equal those of its translation into 句() and 项()."""
    data = copy.deepcopy(EXAMPLE_DATA)
    for i, when, group, name in dropped:
        data["成效"][i][when][group].pop(name, None)
    for entry in data["成效"]:
        service = (entry.get("数据") or {}).get("公共法律服务")
        if service and "村居总数" in service and "配备法律顾问村居" in service:
            service["配备法律顾问村居"] = max(0, service["村居总数"] - bump)
    table = _default()
    folder = tmp_path_factory.mktemp("j")
    body = "".join(f"{{% with t = 成效[{i}] %}}{as_jinja(table[e['主题']]).rstrip()}{{% endwith %}}@@\n"
                   for i, e in enumerate(data["成效"]))
    (folder / "report.md.j2").write_text(body, encoding="utf-8")
    via_table = "".join(f"{{{{ 数据句子(成效[{i}]) }}}}@@\n" for i in range(len(data["成效"])))
    (folder / "table.md.j2").write_text(via_table, encoding="utf-8")
    data["成文日期"] = "2026-02-06"
    ctx = context(yaml.safe_load(yaml.safe_dump(data, allow_unicode=True)))
    assert render_markup(folder, "report.md.j2", ctx) == render_markup(folder, "table.md.j2", ctx)


def test_the_default_template_reads_the_table_and_no_theme_file():
    folder = builtin_templates() / "default"
    assert [p.name for p in (folder / "themes").iterdir()] == ["通用.md.j2"]
    assert "数据句子(t)" in (folder / "themes" / "通用.md.j2").read_text(encoding="utf-8")
    result = build(load_text(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE)))
    text = "".join(p.text for s in result.report.walk() for p in s.paragraphs)
    assert "全年收到行政复议申请162件，同比增长17.4%" in text and "246个村（社区）全部配备法律顾问" in text
    assert set(_default()) == set(load_catalogue().themes) | {"开头"}


def test_the_readme_example_table_reads_and_says_what_the_readme_says(tmp_path, minimal):
    import re

    from pathlib import Path

    readme = Path(__file__).resolve().parent.parent / "README.md"
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
                 if b.startswith("矛盾纠纷化解:"))
    out = said(tmp_path, block, minimal)
    assert out == "全年收到行政复议申请120件，依法受理110件，审结100件，作出纠错决定9件，纠错率9%。"
    minimal["成效"][0]["数据"]["行政复议"]["纠错"] = 0
    assert said(tmp_path, block, minimal).endswith("审结100件，未作出纠错决定。")
    minimal["成效"][0]["数据"]["行政复议"]["调解和解"] = 30
    assert said(tmp_path, block, minimal).endswith("未作出纠错决定。以调解、和解方式结案30件。")
