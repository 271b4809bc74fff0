"""Validation: every problem located by file, line, column and field, all at once."""

import pytest

from drafter.model.catalogue import load_catalogue
from drafter.errors import FormError, InputFileError
from drafter.form.validate import validate
from drafter.jobs.pipeline import check_form
from drafter.files.yamlsource import load_file, load_text


def problems(text: str):
    src = load_text(text, "f.yaml")
    _, found = validate(src, load_catalogue())
    return found


HEAD = "单位: 某县人民政府\n年度: 2025\n成文日期: 2026-02-06\n"
TAIL = ("第一责任人:\n  做法:\n    - 标题: 带头\n      内容: 学法。\n问题:\n  - 表现: 甲\n    原因: 乙\n"
        "下一步:\n  - 标题: 丙\n    内容: 丁\n")


def form(body: str) -> str:
    return HEAD + body + TAIL


def only(found):
    assert len(found.errors) == 1, [p.format() for p in found.items]
    return found.errors[0]


def test_good_form_has_no_problems():
    found = problems(form("成效:\n  - 主题: 普法\n    标题: 普法宣传进村入户\n    数据:\n      普法宣传:\n        普法活动: 12\n"))
    assert found.items == []


def test_unknown_key_suggests_the_right_one():
    p = only(problems(HEAD.replace("单位", "单为") + "单位: x\n" + "成效:\n  - 主题: 普法\n    做法:\n      - 标题: 甲\n        内容: 乙。\n" + TAIL))
    assert (p.where.line, p.where.column, p.where.field) == (1, 1, "单为")
    assert "不认识的项" in p.message and "单位" in p.hint


def test_unknown_theme_suggests():
    p = only(problems(form("成效:\n  - 主题: 矛盾纠纷\n")))
    assert p.where.field == "成效[1].主题" and (p.where.line, p.where.column) == (5, 9)
    assert "矛盾纠纷化解" in p.hint


def test_figure_with_unit_text():
    p = only(problems(form("成效:\n  - 主题: 普法\n    数据:\n      普法宣传:\n        普法活动: 12场\n")))
    assert p.where.field == "成效[1].数据.普法宣传.普法活动" and p.where.line == 8
    assert "不是数字" in p.message and "场次" in p.hint


def test_wan_written_in_text():
    p = only(problems(form("成效:\n  - 主题: 普法\n    数据:\n      普法宣传:\n        受众: 1.5万\n")))
    assert "15000" in p.hint


def test_negative_and_fraction():
    found = problems(form("成效:\n  - 主题: 普法\n    数据:\n      普法宣传:\n        普法活动: -3\n        受众: 2.5\n"))
    messages = sorted(p.message for p in found.errors)
    assert any("负数" in m for m in messages) and any("不是整数" in m for m in messages)


def test_part_larger_than_whole():
    p = only(problems(form("成效:\n  - 主题: 矛盾纠纷化解\n    数据:\n      人民调解:\n"
                           "        调解纠纷: 100\n        调解成功: 120\n")))
    assert p.where.field == "成效[1].数据.人民调解.调解成功" and p.where.line == 9
    assert "大于" in p.message


def test_typed_rate_is_refused_with_its_definition():
    p = only(problems(form("成效:\n  - 主题: 矛盾纠纷化解\n    数据:\n      行政复议:\n        纠错率: 12\n")))
    assert "比率" in p.message and "纠错 ÷ 审结" in p.hint


def test_group_in_the_wrong_theme():
    p = only(problems(form("成效:\n  - 主题: 普法\n    数据:\n      行政复议:\n        受理: 3\n")))
    assert "矛盾纠纷化解" in p.hint


def test_missing_required_parts_all_reported():
    found = problems(HEAD + "成效:\n  - 主题: 普法\n    做法:\n      - 标题: 甲\n        内容: 乙。\n")
    missing = {p.message for p in found.errors}
    assert missing == {"缺少必填项“第一责任人”。", "缺少必填项“问题”。", "缺少必填项“下一步”。"}


def test_date_before_the_year():
    p = only(problems(form("成效:\n  - 主题: 普法\n    做法:\n      - 标题: 甲\n        内容: 乙。\n").replace("2026-02-06", "2024-12-30")))
    assert p.where.field == "成文日期" and p.where.line == 3 and "早于" in p.message


def test_bad_date_text():
    p = only(problems(form("成效:\n  - 主题: 普法\n    做法:\n      - 标题: 甲\n        内容: 乙。\n").replace("2026-02-06", "2026年2月30日")))
    assert "不是有效的日期" in p.message


def test_achievements_with_nothing_in_them_are_an_error():
    """成效 listing themes with neither figures nor measures: the report's first part would be a
    heading over nothing (issue 20); one such theme among others is only a reminder."""
    p = only(problems(form("成效:\n  - 主题: 普法\n")))
    assert p.where.field == "成效" and "成效部分没有内容" in p.message
    found = problems(form("成效:\n  - 主题: 普法\n    做法:\n      - 标题: 甲\n        内容: 乙。\n  - 主题: 数字法治\n"))
    assert not found.errors and "成效[2].主题" in [w.where.field for w in found.warnings]
    assert any("既没有数据，也没有做法" in w.message for w in found.warnings)
    # a figure written wrong is no emptiness: only its own error
    p = only(problems(form("成效:\n  - 主题: 普法\n    数据:\n      普法宣传:\n        普法活动: 12场\n")))
    assert "不是数字" in p.message


def test_same_theme_twice():
    p = only(problems(form("成效:\n  - 主题: 普法\n    做法:\n      - 标题: 甲\n        内容: 乙。\n  - 主题: 普法\n    做法:\n      - 标题: 丙\n        内容: 丁。\n")))
    assert p.where.field == "成效[2].主题" and "两次" in p.message


def test_implausible_figure_is_a_warning_only():
    found = problems(form("成效:\n  - 主题: 党的领导\n    标题: 督察考核双管齐下\n    数据:\n      法治督察:\n        督察次数: 100000\n"))
    assert found.errors == [] and len(found.warnings) == 1 and "合理范围" in found.warnings[0].message


def test_all_problems_at_once():
    text = form("成效:\n  - 主题: 普法\n    数据:\n      普法宣传:\n        普法活动: 十二\n        受众: -1\n")
    found = problems(text.replace("年度: 2025", "年度: 二〇二五"))
    assert len(found.errors) == 3


def test_duplicate_key_is_an_error():
    with pytest.raises(FormError) as info:
        _ = load_text("单位: a\n单位: b\n", "f.yaml").data  # kept on the source for the validator
    p = info.value.problems()[0]
    assert (p.where.line, p.where.field) == (2, "单位") and "重复" in p.message and "第 1 行" in p.message


@pytest.mark.parametrize("text, words", [
    ("单位: a\n\t年度: 1\n", "Tab"),
    ("单位: a: b\n", "冒号"),
    ("成效:\n  - 主题: 普法\n   数据: 1\n", "缩进不对"),
])
def test_yaml_syntax_errors_are_located(text, words):
    with pytest.raises(FormError) as info:
        load_text(text, "f.yaml")
    p = info.value.problems()[0]
    assert words in p.message + p.hint and p.where.line >= 1


def test_full_width_colon_gets_a_hint():
    with pytest.raises(FormError) as info:
        check_form(load_text("单位：某县\n", "f.yaml"))
    assert "全角冒号" in info.value.problems()[0].hint


def test_non_utf8_file(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("单位: 某县\n".encode("gbk"))
    with pytest.raises(InputFileError) as info:
        load_file(path)
    assert "UTF-8" in info.value.message


def test_missing_file(tmp_path):
    with pytest.raises(InputFileError) as info:
        load_file(tmp_path / "nope.yaml")
    assert "找不到文件" in info.value.message


def test_error_text_format():
    with pytest.raises(FormError) as info:
        check_form(load_text(form("成效:\n  - 主题: 矛盾纠纷\n"), "f.yaml"))
    text = info.value.format()
    assert text.splitlines()[0].startswith("f.yaml:5:9：成效[1].主题：【错误】")
    assert "修改建议：是不是“矛盾纠纷化解”？" in text and text.endswith("共 1 处错误，请逐条修改后再运行。")
