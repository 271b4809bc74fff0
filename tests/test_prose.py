"""Issue 20: the report's order and shape, chosen in the form's 写法; the sentences a reader
meets. Each test renders a form, reopens the .docx and reads what it prints; every shape of
drafter's own report passes drafter's own check and gives next year's form its items."""

from __future__ import annotations

import re

import pytest
import yaml
from docx import Document

from conftest import EXAMPLE
from drafter.model.numbers import points
from hostile_cases import run_clean


@pytest.fixture
def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _render(tmp_path, data, style: dict | None = None, name: str = "报告"):
    if style is not None:
        data["写法"] = style
    form = tmp_path / f"{name}.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / f"{name}.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    return out


def _paragraphs(path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


def _level_one(path) -> list[str]:
    """The top-level headings (一、二、…) as printed."""
    return [t for t in _paragraphs(path) if t[:1] in "一二三四五六七八九十" and "、" in t[:4]]


DEFAULT_ORDER = ["2025年推进法治政府建设的主要举措和成效", "存在的不足和原因",
                 "党政主要负责人履行推进法治建设第一责任人职责情况", "2026年推进法治政府建设的主要安排"]


def test_the_default_order_is_the_rules(tmp_path, example):
    """成效 → 不足和原因 → 第一责任人 → 下一步 (the 督察工作规定's list), with no 写法 at all."""
    out = _render(tmp_path, example)
    assert [t.split("、", 1)[1] for t in _level_one(out)] == DEFAULT_ORDER


SHAPES = {
    "第一责任人在前": ({"部分次序": ["第一责任人", "成效", "问题", "下一步"]},
                  ["党政主要负责人履行推进法治建设第一责任人职责情况", "2025年推进法治政府建设的主要举措和成效",
                   "存在的不足和原因", "2026年推进法治政府建设的主要安排"]),
    "成效在第一责任人之后": ({"部分次序": ["成效", "第一责任人", "问题", "下一步"]},
                    ["2025年推进法治政府建设的主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况",
                     "存在的不足和原因", "2026年推进法治政府建设的主要安排"]),
    "问题和下一步合写": ({"问题和下一步合写": True},
                  ["2025年推进法治政府建设的主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况",
                   "存在的不足和2026年工作安排"]),
    "合写且改名": ({"问题和下一步合写": True,
               "部分标题": {"问题和下一步": "几点思考", "问题": "短处", "下一步": "今后打算"}},
              ["2025年推进法治政府建设的主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况", "几点思考"]),
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_shape_is_one_line_of_the_form_and_passes_drafters_check(tmp_path, example, name):
    style, expected = SHAPES[name]
    out = _render(tmp_path, example, style)
    assert [t.split("、", 1)[1] for t in _level_one(out)] == expected
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output
    # next year's form still finds last year's 下一步 items and problems
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", out, "-o", new], inputs=[out], exit_codes=(0,))
    text = new.read_text(encoding="utf-8")
    carried = yaml.safe_load(text)["去年安排"]
    assert [item["标题"] for item in carried] == [step["标题"] for step in example["下一步"]]
    problems = text[text.index("去年写的问题"):]
    assert example["问题"][0]["表现"][:10] in problems
    assert example["下一步"][0]["内容"][:10] not in problems  # a step is no problem of last year


def test_themes_as_top_level_parts(tmp_path, example):
    """成效分列: each theme is a part of its own (一、…), its measures （一）…; no 成效 heading."""
    out = _render(tmp_path, example, {"成效分列": True})
    tops = [t.split("、", 1)[1] for t in _level_one(out)]
    themes = [t["标题"] for t in example["成效"]]
    assert "2025年推进法治政府建设的主要举措和成效" not in tops
    assert tops[:len(themes)] == themes
    assert tops[len(themes):] == DEFAULT_ORDER[1:]
    texts = _paragraphs(out)
    first = texts.index("一、" + themes[0])
    assert texts[first + 2].startswith("（一）把法治政府建设摆上全局工作的重要位置。")
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output


@pytest.mark.parametrize("order, message", [
    (["成效", "问题", "下一步"], "没有列“第一责任人”"),
    (["成效", "问题", "第一责任人", "下一步", "问题"], "写了两次"),
    (["成效", "问题", "第一责任", "下一步"], "不在可选范围内"),
])
def test_a_wrong_order_is_said_at_its_place(tmp_path, example, order, message):
    example["写法"] = {"部分次序": order}
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(example, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert message in result.output and "写法.部分次序" in result.output, result.output


def test_a_merged_part_of_a_report_not_made_by_drafter_is_both_parts(tmp_path):
    """三、存在的问题和下一步工作打算 with （一）问题 （二）打算: neither part is missing, and the
    advice on a part placed inside 成效 follows the rule's order."""
    text = ("某县司法局关于2025年度法治政府建设情况的报告\n"
            "2025年，我局深入学习贯彻习近平法治思想，现将有关情况报告如下：\n"
            "一、主要工作和成效\n（一）加强组织领导。全年召开党组会议研究法治工作6次。\n"
            "（二）党政主要负责人履行推进法治建设第一责任人职责情况。主要负责人带头学法4次。\n"
            "二、存在的问题和下一步工作打算\n（一）存在的问题。执法人员力量不足，主要原因是编制紧张。\n"
            "（二）下一步工作打算。加强执法队伍建设，开展业务培训。\n某县司法局\n2026年2月6日\n")
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(0,))
    assert "缺少必需部分" not in result.output, result.output
    assert "一般排在“推进法治政府建设存在的不足和原因”之后" in result.output  # 部分未单列, in the rule's order


def test_advice_on_a_missing_part_follows_the_rules_order(tmp_path):
    text = ("某县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n全年开展执法检查12次。\n"
            "二、存在的不足\n基层力量不足，主要原因是人员流动较大。\n三、2026年工作安排\n继续加强执法监督。\n"
            "某县人民政府\n2026年2月6日\n")
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(1,))
    assert ("一般排在“推进法治政府建设存在的不足和原因”之后、“下一年度推进法治政府建设的主要安排”之前"
            in result.output), result.output


@pytest.mark.parametrize("now, before, said", [
    (0.9946, 0.9954, "与上年基本持平"),  # both print 99.5%
    (0.9944, 0.9954, "同比下降0.1个百分点"),  # 99.4% and 99.5%, though they differ by 0.10 exactly
    (0.9954, 0.9936, "同比提高0.1个百分点"),  # 99.5% and 99.4%: not the 0.18 of the values
    (0.5, 0.5, "与上年持平"),
])
def test_the_change_of_a_rate_is_the_difference_of_the_printed_rates(now, before, said):
    assert points(now, before) == said


def test_a_rates_change_in_the_report_agrees_with_its_printed_rates(tmp_path, example):
    """This year 994 of 1000 (99.4%), last year 1991 of 2000 (99.55%, printed 99.6%): the report
    says 下降0.2个百分点, what a reader works out from the two printed rates."""
    theme = next(t for t in example["成效"] if t["主题"] == "矛盾纠纷化解")
    theme["数据"]["信访"] = {"受理信访": 1000, "按期办结": 994}
    theme.setdefault("上年数据", {})["信访"] = {"受理信访": 2000, "按期办结": 1991}
    out = _render(tmp_path, example)
    text = "".join(_paragraphs(out))
    assert "按期办结率99.4%，同比下降0.2个百分点" in text, text


def test_line_breaks_typed_inside_a_text_put_no_space_between_chinese(tmp_path, example):
    form_text = EXAMPLE.read_text(encoding="utf-8")
    form_text = form_text.replace("内容: 县政府党组每季度专题听取一次法治政府建设进展汇报，",
                                  "内容: 县政府党组每季度专题听取一次法治政府建设进展\n          汇报，", 1)
    form_text = form_text.replace("内容: 法治建设在全县综合考核中的权重提高到8%，",
                                  "内容: >\n          法治建设在全县综合考核中的\n          权重提高到8%，", 1)
    form = tmp_path / "表单.yaml"
    form.write_text(form_text, encoding="utf-8")
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    text = "".join(_paragraphs(out))
    assert "建设进展汇报，" in text and "综合考核中的权重" in text


# -- §3: the form and its messages, for a clerk ------------------------------------------------------

def _validate(tmp_path, text: str, codes=(2,)):
    form = tmp_path / "表单.yaml"
    form.write_text(text, encoding="utf-8")
    return run_clean(["validate", form], inputs=[form], exit_codes=codes).output


@pytest.mark.parametrize("old, new", [
    ("        内容: 法治建设在全县综合考核中的权重", "         内容: 法治建设在全县综合考核中的权重"),  # one space too many
    ("        内容: 法治建设在全县综合考核中的权重", "       内容: 法治建设在全县综合考核中的权重"),  # one too few
    ("    标题: 深化放管服改革，营商环境持续向好\n    数据:", "    标题: 深化放管服改革，营商环境持续向好\n     数据:"),
])
def test_an_indentation_slip_is_said_to_be_one_at_its_line(tmp_path, old, new):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    at = next(i for i, li in enumerate(text.splitlines(), 1) if li.startswith(new.splitlines()[-1]))
    out = _validate(tmp_path, text)
    assert f"表单.yaml:{at}:" in out and "缩进不对" in out and "冒号位置不对" not in out, out


def test_a_misspelt_theme_hides_no_other_problem_of_it(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("主题: 矛盾纠纷化解", "主题: 矛盾纠纷化", 1)
    text = text.replace("        收到申请: 162\n", "        收到申请: 很多\n", 1)
    out = _validate(tmp_path, text)
    assert "“矛盾纠纷化”不在可选范围内" in out and "“很多”不是数字" in out, out


PROGRAMMERS = ("YAML", "键", "字符串", "列表", "锚点")


@pytest.mark.parametrize("old, new", [
    ("单位: 示例县人民政府", "单为: 示例县人民政府"),
    ("单位: 示例县人民政府", "单位：示例县人民政府"),
    ("主送机关: 县委、县人大常委会", "主送机关: [县委, 县人大常委会]"),
    ("主送机关: 县委、县人大常委会", "主送机关: *别处"),
    ("主送机关: 县委、县人大常委会", "<<: {主送机关: 县委}"),
    ("成效:\n", "成效: 很多\n"),
    ("问题:\n", "问题: 一个\n"),
    ("单位: 示例县人民政府", "单位: 示例县人民政府\n单位: 又一个"),
    ("        收到申请: 162\n", "        收到申请: \"162\n"),
    ("  - 主题: 政府职能\n", "  - 主题: 政府职能\n\t数据: 1\n"),
])
def test_messages_about_the_form_use_no_programmers_words(tmp_path, old, new):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    out = _validate(tmp_path, text.replace(old, new, 1))
    said = [w for w in PROGRAMMERS if w in out.replace("表单.yaml", "").replace("Tab 键", "")]
    assert not said, (said, out)


def test_the_date_a_new_form_was_given_is_reminded_until_changed(tmp_path):
    form = tmp_path / "2026.yaml"
    run_clean(["init", "-y", "2026", "--org", "示例县人民政府", "-o", form], outputs=[form], exit_codes=(0,))
    text = form.read_text(encoding="utf-8")
    assert "成文日期: 2027-02-01" in text and "暂填 2027-02-01" in text
    example = EXAMPLE.read_text(encoding="utf-8").replace("年度: 2025", "年度: 2026").replace(
        "成文日期: 2026-02-06", "成文日期: 2027-02-01\n# 暂填 2027-02-01，请改为实际的成文日期。")
    out = _validate(tmp_path, example, codes=(0,))
    assert "成文日期还是生成表单时暂填的 2027-02-01" in out, out
    out = _validate(tmp_path, example.replace("成文日期: 2027-02-01", "成文日期: 2027-02-03"), codes=(0,))
    assert "暂填" not in out, out


# -- §2: sentences ------------------------------------------------------------------------------------

def test_the_opening_gives_its_highlights_a_sentence_of_their_own(tmp_path, example):
    out = _render(tmp_path, example)
    opening = _paragraphs(out)[2]
    assert opening.startswith("2025年，示例县人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大")
    sentences = opening.split("。")
    highlights = "，".join(example["开头"]["主要成效"])
    assert any(s.endswith(highlights) and s.startswith("一年来") for s in sentences), opening
    assert sentences[-1] == "现将有关情况报告如下："


def test_the_whole_opening_is_written_from_the_form_with_the_formulas_filled_in(tmp_path, example):
    example["开头"]["句式"] = ["{年度}年是“十四五”收官之年", "。", "{单位}全面贯彻{会议精神}", "对照{纲要}逐项抓落实",
                            "。", "现将情况报告如下："]
    out = _render(tmp_path, example)
    assert _paragraphs(out)[2] == ("2025年是“十四五”收官之年。示例县人民政府全面贯彻党的二十大和二十届历次全会精神，"
                                   "对照《法治政府建设实施纲要（2021—2025年）》逐项抓落实。现将情况报告如下：")
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output


def test_the_opening_of_the_phrase_table_is_a_clerks_to_change(tmp_path, example):
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "句式.yaml").write_text("开头:\n  - \"{年度}年，{单位}认真落实法治政府建设各项任务\"\n  - 。\n"
                                     "  - 现将有关情况报告如下：\n", encoding="utf-8")
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(example, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out, "-t", folder], inputs=[form, folder / "句式.yaml"], outputs=[out],
              exit_codes=(0,))
    assert _paragraphs(out)[2] == "2025年，示例县人民政府认真落实法治政府建设各项任务。现将有关情况报告如下："


@pytest.mark.parametrize("items, words", [
    (["{年份}年，我县…"], "不认识“{年份}”"),
    (["{年度年"], "大括号没有配对"),
    (["（未闭合{单位}"], "没有与它配对"),
    ([12], "应是一段文字"),
])
def test_a_slip_in_the_forms_opening_is_said_at_its_item(tmp_path, example, items, words):
    example["开头"]["句式"] = items
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(example, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert words in result.output and "开头.句式[1]" in result.output, result.output


def test_a_theme_heading_left_at_its_default_is_reminded(tmp_path, example):
    del example["成效"][0]["标题"]
    example["成效"][1]["标题"] = "依法全面履行政府职能，持续优化法治化营商环境"
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(example, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_clean(["validate", form], inputs=[form], exit_codes=(0,))
    said = [li for li in result.output.splitlines() if "沿用默认写法" in li]
    assert len(said) == 2 and "成效[1].主题" in said[0] and "成效[2].标题" in said[1], result.output
    assert "结合本地工作改写" in result.output


_SUBJECTLESS = ("组织", "开展", "梳理", "办理", "制定", "受理", "承办", "取消", "对", "实现", "通过", "依法", "全面")


def test_the_example_reads_as_a_clerk_would_write_it(tmp_path, example):
    """The example's report as a whole: every figure paragraph opens with who or when, not a bare
    verb; no two sections open with the same words; a count and its rate are never joined by 、."""
    out = _render(tmp_path, example)
    texts = _paragraphs(out)
    figure_paragraphs = [texts[i + 1] for i, t in enumerate(texts[:-1])
                         if re.match(r"（[一二三四五六七八九十]+）", t) and "。" not in t and re.search(r"\d", texts[i + 1])]
    assert len(figure_paragraphs) == len(example["成效"]), figure_paragraphs
    for p in figure_paragraphs:
        assert not p.startswith(_SUBJECTLESS) and not p[0].isdigit(), p
    openings = [p[:2] for p in figure_paragraphs]
    assert len(set(openings)) == len(openings), openings
    body = "".join(texts)
    assert not re.search(r"\d+(?:\.\d+)?[件项次人户个场卷条]、[\u4e00-\u9fff（）]{0,12}率\d", body), body


def test_next_years_form_keeps_the_shape_and_the_opening_chosen_last_year(tmp_path, example):
    example["开头"]["句式"] = ["{年度}年，{单位}扎实推进法治政府建设", "。", "现将有关情况报告如下："]
    example["写法"] = {"部分次序": ["第一责任人", "成效", "问题", "下一步"], "问题和下一步合写": True,
                     "部分标题": {"问题和下一步": "{下一年度}年工作打算和存在的短板"}}
    form = tmp_path / "2025.yaml"
    form.write_text(yaml.safe_dump(example, allow_unicode=True, sort_keys=False), encoding="utf-8")
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", form, "-o", new], inputs=[form], outputs=[new], exit_codes=(0,))
    carried = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert carried["写法"]["部分次序"] == ["第一责任人", "成效", "问题", "下一步"]
    assert carried["写法"]["问题和下一步合写"] is True
    assert carried["写法"]["部分标题"]["问题和下一步"] == "{下一年度}年工作打算和存在的短板"
    assert carried["开头"]["句式"] == example["开头"]["句式"]
    assert carried["开头"].get("会议精神") is None  # the year's formulas are next year's own
