"""Round 39 of the outside attack on issue 18: what the forms, templates and phrase tables
still let through."""

from __future__ import annotations

import pytest
import yaml

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with


def _render(tmp_path, runner, files: dict[str, str]):
    return render_with(runner, tmp_path, clerk_templates(tmp_path, files))


def _form(tmp_path, minimal, themes):
    form = dict(minimal, 成效=themes)
    path = tmp_path / "f.yaml"
    path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    return path


def test_none_of_no_villages_is_never_all_of_them(tmp_path, runner, minimal):
    """村居总数 0, 配备法律顾问村居 0: never “0个村（社区）全部配备法律顾问”."""
    import docx

    path = _form(tmp_path, minimal, [{"主题": "普法", "数据": {"公共法律服务": {"村居总数": 0, "配备法律顾问村居": 0, "法律咨询": 12}}, "做法": [{"标题": "送法下乡。", "内容": "开展讲座。"}]}])
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "全部配备法律顾问" not in text and "解答法律咨询12" in text


def test_a_theme_with_nothing_to_print_stops_render_with_what_to_fill(tmp_path, runner, minimal):
    """按时办结 and 回访满意 without 受理诉求 (their rates' base), no 做法: the theme would be a
    heading with nothing under it (check: 空节 错误) — render says so at its 标题 and how to fix it."""
    path = _form(
        tmp_path,
        minimal,
        minimal["成效"] + [{"主题": "权力监督", "标题": "自觉接受监督，权力运行更加透明", "数据": {"热线": {"按时办结": 179, "回访满意": 141}}}],
    )
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert "空节" in result.output and "f.yaml:" in result.output and "基数" in result.output


def test_a_figure_in_a_reminder_is_quoted_as_typed(tmp_path, runner):
    from conftest import EXAMPLE

    text = EXAMPLE.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for t in data["成效"]:
        if t["主题"] == "重大决策":
            t.setdefault("数据", {}).setdefault("合法性审查", {})["合同金额"] = 0.00001
            t.setdefault("上年数据", {}).setdefault("合法性审查", {})["合同金额"] = 850
    form = tmp_path / "f.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True).replace("1.0e-05", "0.00001"), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(form)])
    assert "e-05" not in result.output and "合同金额: 0.00001" in result.output, result.output


THEME = "themes/普法.md.j2"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("覆盖群众超{{ t.数据.普法宣传.受众 | num }}人次。", "紧挨着“超”"),
        ("开展活动约{{ t.数据.普法宣传.普法活动 | num }}场次。", "紧挨着“约"),
        ("培养法律明白人{{ t.数据.普法宣传.法律明白人 | num }}余人。", "紧挨着“余”"),
        ("覆盖群众超{{ t.数据.普法宣传.受众.约数 }}。", "紧挨着“超”"),
        ("覆盖群众{{ t.数据.普法宣传.受众.约数 }}左右。", "紧挨着“左右”"),
    ],
)
def test_words_of_approximation_beside_num_or_a_rounded_figure_are_refused(tmp_path, runner, line, said):
    out, result = _render(tmp_path, runner, {THEME: "{{ 数据句子(t) }}\n" + line + "\n"})
    assert result.exit_code == 2 and not out.exists(), result.output
    assert result.output.startswith(f"tpl/{THEME}:2") and said in result.output, result.output


def test_num_with_the_unit_written_after_it_is_right(tmp_path, runner):
    out, result = _render(tmp_path, runner, {THEME: "{{ 数据句子(t) }}\n覆盖群众{{ t.数据.普法宣传.受众 | num }}人次，成效明显。\n"})
    assert result.exit_code == 0, result.output


def test_replacing_the_sentence_marks_of_figure_sentences_is_refused_at_its_line(tmp_path, runner):
    out, result = _render(tmp_path, runner, {"themes/矛盾纠纷化解.md.j2": '{{ 数据句子(t) | replace("。", "") }}。\n'})
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith("tpl/themes/矛盾纠纷化解.md.j2:1：") and "句末" in result.output


def test_a_sentence_made_by_items_in_the_clerks_template_is_said_at_that_line(tmp_path, runner):
    """句(项("…{}", x), …) in the clerk's template writes the sentence: said there, never at a
    line of the shipped phrase table that shares a word with it."""
    line = (
        '{{ 句(项("全年共收到行政复议申请{}", t.数据.行政复议.收到申请), 项("审结{}", t.数据.行政复议.审结), '
        '项("结案率{}", t.数据.行政复议.结案率)) }}'
    )
    out, result = _render(tmp_path, runner, {"themes/矛盾纠纷化解.md.j2": line + "\n"})
    assert result.exit_code == 2 and not out.exists()
    assert "tpl/themes/矛盾纠纷化解.md.j2:1：成效（模板生成的文字" in result.output and "default/句式.yaml" not in result.output


def test_a_figure_after_a_bare_qizhong_is_a_repeat(tmp_path, runner):
    out, result = _render(tmp_path, runner, {"句式.yaml": "普法:\n  普法宣传:\n    - 开展普法活动{普法活动}\n    - 其中{普法活动}\n"})
    assert result.exit_code == 2 and not out.exists()
    assert "tpl/句式.yaml:4:" in result.output and "又写了一次“普法活动”" in result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年受理行政复议案件151件、审结146件，其中维持160件。", 1),
        ("全年受理行政复议案件151件、审结146件，结案率96.7%，其中维持140件、纠错18件。", 1),
        ("全年审结行政复议案件112件，受理130件，结案率86.2%，其中维持53件、纠错72件。", 1),
        ("全年受理行政复议案件151件、审结146件，结案率96.7%，其中维持128件、纠错18件。", 0),
        ("全年审结行政复议案件112件，受理130件，结案率86.2%，其中维持53件、纠错52件。", 0),
    ],
)
def test_round40_how_cases_ended_is_of_the_cases_decided(tmp_path, runner, line, code):
    """Round 40: 维持/纠错 after 其中 are of 审结 (the nearest count deciding cases), never of the
    sum 受理 + 审结, nor of a 受理 standing after 审结."""
    from test_round33 import _report

    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "其中超总数" in result.output or "部分大于整体" in result.output


def test_round40_a_figure_a_conditional_item_writes_is_not_written_again_after_it(tmp_path, runner):
    table = "矛盾纠纷化解:\n  行政复议:\n    - 审结{审结}\n    - 如果: 纠错 > 0\n      写: 作出纠错决定{纠错}\n    - 作出纠错决定{纠错}\n"
    out, result = _render(tmp_path, runner, {"句式.yaml": table})
    assert result.exit_code == 2 and not out.exists()
    assert "tpl/句式.yaml:6:" in result.output and "又写了一次“纠错”" in result.output


@pytest.mark.parametrize("tag", ["elif 单位", "else"])
def test_round40_a_stray_elif_or_else_is_said_as_one_without_its_if(tmp_path, runner, tag):
    from hostile_cases import with_line

    folder, line = with_line(tmp_path, "{% " + tag + " %}")
    out = tmp_path / "r.docx"
    from conftest import EXAMPLE

    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert f"tpl/report.md.j2:{line}：" in result.output and "前面没有对应的“{% if %}”" in result.output
    assert "没有“{% " not in result.output


def test_round40_parts_numbered_with_a_half_width_dot_are_parts(tmp_path, runner):
    """二.存在的不足和原因: a part (its mark said by 序号标点), never body text missing a part."""
    from test_round33 import _report

    path = _report(tmp_path, "全年审结行政复议案件98件。")
    text = path.read_text(encoding="utf-8")
    for a, b in (("一、", "一."), ("二、", "二."), ("三、", "三."), ("四、", "四.")):
        text = text.replace(a, b, 1)
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["check", str(path)])
    assert "缺少必需部分" not in result.output and "半角标点" not in result.output, result.output
    assert result.output.count("序号标点") == 4


def test_round40_a_note_mark_raised_by_position_is_not_read_into_the_figure(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from drafter.reading.source import read_lines

    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("全年受理行政复议案件151")
    mark = p.add_run("1")
    position = OxmlElement("w:position")
    position.set(qn("w:val"), "6")
    mark._r.get_or_add_rPr().append(position)
    p.add_run("件，审结146件。")
    path = tmp_path / "r.docx"
    d.save(str(path))
    assert any("受理行政复议案件151件" in line for line in read_lines(path))


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0, reason="run as root (as CI is)")
def test_round40_another_users_link_in_a_shared_folder_is_said_as_theirs_first(tmp_path, runner):
    import os

    from conftest import EXAMPLE

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = shared / "l.docx"
    os.symlink(tmp_path / "elsewhere.docx", link)
    os.lchown(link, 54321, 54321)
    result = runner.invoke(main, ["render", str(EXAMPLE), "-o", str(link)])
    assert result.exit_code == 2 and "属于别的用户" in result.output and "--force" not in result.output
    assert link.is_symlink()
