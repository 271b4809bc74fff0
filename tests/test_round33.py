"""Round 33 of the outside attack on issue 18 (and round 32's open reading causes): what the
reading side carries into next year's form is what the report printed, under the right group."""

from __future__ import annotations

import os

import pytest
import yaml

from drafter.cli.commands import main

REPORT = """示例县人民政府关于2025年度法治政府建设情况的报告

一、2025年度推进法治政府建设的主要举措和成效
（一）强化行政权力制约和监督
对照《行政复议案件办理办法》规范窗口接待，全年受理群众诉求5280件，按时办结5100件，按时办结率96.6%。
二、存在的不足和原因
（一）基层力量不足。主要原因是人员少。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人带头学法。
四、2026年度推进法治政府建设的主要安排
（一）加强监督。推进制约监督体系建设。
"""


def test_a_group_named_in_a_documents_title_is_not_the_subject_of_the_figures_after_it(tmp_path, runner):
    """《行政复议案件办理办法》 names a document; 受理群众诉求5280件 after it is the hotline's, never
    行政复议's 受理."""
    report = tmp_path / "去年.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "2026.yaml"
    result = runner.invoke(main, ["new", "2026", "--from", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    form = yaml.safe_load(out.read_text(encoding="utf-8"))
    last = {k: v for theme in form["成效"] for k, v in (theme.get("上年数据") or {}).items()}
    assert "行政复议" not in last
    assert last["热线"] == {"受理诉求": 5280, "按时办结": 5100}


def test_a_problem_in_what_an_alias_brings_is_said_where_the_alias_is(tmp_path, runner):
    """单位: &u 示例县人民政府 … 收到申请: *u — the wrong value is said at the 收到申请 line, not at
    the anchor's (round 31's open cause); a collection brought by an alias likewise."""
    from conftest import EXAMPLE

    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    unit = next(i for i, line in enumerate(lines) if line.startswith("单位:"))
    use = next(i for i, line in enumerate(lines) if line.strip() == "收到申请: 162")
    lines[unit] = lines[unit].replace("单位: ", "单位: &u ")
    lines[use] = lines[use].replace("162", "*u")
    form = tmp_path / "f.yaml"
    form.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(form)])
    assert result.exit_code == 2
    assert f"f.yaml:{use + 1}:" in result.output and "收到申请" in result.output
    assert f"f.yaml:{unit + 1}:" not in result.output


def test_every_value_an_alias_brings_is_placed_at_the_alias():
    from drafter.files.yamlsource import load_text

    text = "a: &k 名称\n*k: 1\nb: *k\nc: &m\n  x: 1\n  y: [*k, 2]\n<<: *m\nd: *m\ne:\n  - *m\n  - *k\n"
    src = load_text(text, "a.yaml")
    marks = src.value_marks
    assert marks[("b",)] == (3, 4)
    assert marks[("c", "y", 0)] == (6, 7)  # the alias inside the anchored content, where it is
    assert {marks[("d",) + k] for k in [(), ("x",), ("y",), ("y", 1)]} == {(8, 4)}
    assert marks[("e", 0, "y", 1)] == (10, 5) and marks[("e", 1)] == (11, 5)


def _theme_file(tmp_path, second_line: str):
    from hostile_cases import copy_default

    folder = copy_default(tmp_path)
    (folder / "themes" / "通用.md.j2").write_text("{{ 数据句子(t) }}\n" + second_line + "\n", encoding="utf-8")
    return folder


def test_an_unpaired_quote_a_theme_template_makes_is_said_at_its_line_not_at_a_form_field(tmp_path, runner):
    """全面落实“{{ t.标题 }}，… made by a theme template: refused at that template line, once per
    sentence, never placed at a form field that merely holds a quote mark too."""
    from conftest import EXAMPLE

    folder = _theme_file(tmp_path, "全面落实“{{ t.标题 }}，成效明显。")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    places = [line for line in result.output.splitlines() if "括号引号不成对" in line]
    assert places and all(line.startswith(f"{folder.name}/themes/通用.md.j2:2：") for line in places), result.output
    assert "示例县2025.yaml:" not in result.output
    assert len(places) == len(set(places))


def test_an_unpaired_quote_written_in_a_template_as_it_stands_is_the_templates(tmp_path, runner):
    """Text a template file says as it stands is the template's too (round 36): an unpaired
    quote in it is refused at that line, so no report drafter wrote draws a check 错误."""
    from conftest import EXAMPLE

    folder = _theme_file(tmp_path, "全面落实“谁执法谁普法责任制，成效明显。")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    places = [line for line in result.output.splitlines() if "括号引号不成对" in line]
    assert places and all(line.startswith(f"{folder.name}/themes/通用.md.j2:2：") and "错误" in line for line in places)
    assert "示例县2025.yaml:" not in result.output


def test_punctuation_the_clerk_typed_is_the_clerks_not_the_templates(tmp_path, runner):
    """“套餐,,平均” typed in a 做法 prints “，，”: reminded at the field where it was typed (check
    of the report says it again), never refused as if the template had made it."""
    from conftest import EXAMPLE

    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "内容:" in line and "套餐，" in line)
    lines[at] = lines[at].replace("套餐，", "套餐,,", 1)
    form = tmp_path / "f.yaml"
    form.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0 and out.exists(), result.output
    assert f"f.yaml:{at + 1}:" in result.output and "【提醒】重复标点" in result.output
    assert "模板或句式表（句式.yaml）写出的" not in result.output


def _report(tmp_path, line5: str, name: str = "r.txt"):
    text = """临溪县人民政府关于2025年度法治政府建设情况的报告
2025年，临溪县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中、四中全会精神，深入学习贯彻习近平法治思想，扎实推进法治政府建设。
一、主要工作成效
（一）发挥行政复议化解行政争议主渠道作用
{line5}
二、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人主持召开县政府常务会议专题研究法治政府建设5次，带头开展述法。
三、存在的问题和不足
基层法治力量较为薄弱，乡镇法治审核人员不足。主要原因是保障机制尚不健全。
四、2026年工作安排
2026年，我们将开展行政执法质量提升行动，推进乡镇综合行政执法规范化建设。
临溪县人民政府
2026年2月6日
""".replace("{line5}", line5)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _last_years_report(tmp_path, line5: str):
    """``_report`` one year earlier (2024's, signed in 2025), as last.txt: for check --last."""
    path = _report(tmp_path, line5, name="last.txt")
    path.write_text(path.read_text(encoding="utf-8").replace("2025", "2024").replace("2026", "2025"), encoding="utf-8")
    return path


def test_one_outcome_is_never_the_whole_of_another(tmp_path, runner):
    """维持5件，纠错8件，纠错率8.2% (of 审结98件): 纠错率 is never worked out over 维持."""
    for line in (
        "全年审结行政复议案件98件。维持5件，纠错8件，纠错率8.2%。",
        "新收行政复议案件138件，审结98件，审结率达71%；审结案件中，维持5件，纠错8件，纠错率8.2%。",
        "全年审结行政复议案件98件。维持60件，纠错8件，纠错率8.2%。",
    ):
        result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
        assert result.exit_code == 0, (line, result.output)
        assert "维持" not in result.output
    wrong = _report(tmp_path, "全年审结行政复议案件98件，维持60件，纠错8件，纠错率9.2%。")
    result = runner.invoke(main, ["check", str(wrong)])
    assert result.exit_code == 1 and "比率核算" in result.output and "应为8.2%" in result.output


def test_a_numbered_sentence_stating_figures_is_checked_as_text(tmp_path, runner):
    """1.全年受理…64件，办结50件，结案率为88.1%。 is a numbered paragraph, not a heading: its
    rate is checked (78.1%), and a heading 2. after it is numbered in order."""
    line = "1.全年受理行政复议案件64件，办结50件，结案率为88.1%。\n2.强化复议监督。全年审结行政复议案件30件。"
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1
    assert "比率核算" in result.output and "应为78.1%" in result.output
    assert "“受理行政复议案件”64件" in result.output  # the item's number is no part of the name
    assert "标题编号" not in result.output
    parsed = runner.invoke(main, ["parse", str(_report(tmp_path, line))])
    assert "强化复议监督" in parsed.output and "1. 全年受理" not in parsed.output


def test_a_count_sharing_one_word_with_a_figure_of_the_group_named_is_not_that_figure(tmp_path, runner):
    """讲法治课2次 beside 常务会议 is not 研究法治议题 (they share only 法治): a comment, never
    上年数据."""
    report = _report(tmp_path, "全年审结行政复议案件98件。")
    text = report.read_text(encoding="utf-8").replace(
        "县政府主要负责人主持召开县政府常务会议专题研究法治政府建设5次，带头开展述法。",
        "县政府主要负责同志在常务会议前带头学法，全年讲法治课2次。",
    )
    report.write_text(text, encoding="utf-8")
    out = tmp_path / "2026.yaml"
    result = runner.invoke(main, ["new", "2026", "--from", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    form = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert not (form["第一责任人"].get("上年数据") or {})
    assert "讲法治课" in out.read_text(encoding="utf-8")  # listed as a comment


def test_a_part_whose_whole_is_not_given_prints_without_qizhong(tmp_path, runner, minimal):
    """网上可办 given without 政务服务事项: “政务服务方面，网上可办812项”, never “其中网上可办”."""
    import docx

    form = dict(minimal)
    form["成效"] = [
        {"主题": "政府职能", "数据": {"政务服务": {"网上可办事项": 812}}, "做法": [{"标题": "推进一网通办。", "内容": "事项全部进驻平台。"}]},
        {"主题": "行政执法", "数据": {"案卷评查": {"优秀案卷": 41}}, "做法": [{"标题": "开展案卷评查。", "内容": "评查覆盖全部执法部门。"}]},
    ]
    path = tmp_path / "f.yaml"
    path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "政务服务方面，网上可办812项" in text and "案卷评查方面，优秀案卷41卷" in text
    assert "方面，其中" not in text
    checked = runner.invoke(main, ["check", str(out)])
    assert checked.exit_code == 0, checked.output


def test_the_next_step_command_for_a_name_starting_with_a_dash_can_be_pasted(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["init", "-y", "2025", "--org", "临川县人民政府", "-o", "-x.yaml"])
    assert result.exit_code == 0, result.output
    assert "drafter validate ./-x.yaml" in result.output and "drafter render ./-x.yaml" in result.output
    again = runner.invoke(main, ["validate", "./-x.yaml"])
    assert "选项" not in again.output and "-x.yaml:" in again.output  # read as the file, not an option


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="run as root (as CI is)")
def test_root_does_not_replace_another_users_file_in_a_shared_folder(tmp_path, runner):
    """In a folder with the sticky bit (as /tmp), a clerk's report is theirs: root's render
    refuses to replace it (it would become root's), with or without --force."""
    from conftest import EXAMPLE

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    theirs = shared / "a.docx"
    theirs.write_bytes(b"their report")
    os.chown(theirs, 54321, 54321)
    for extra in ([], ["--force"]):
        result = runner.invoke(main, ["render", str(EXAMPLE), "-o", str(theirs), *extra])
        assert result.exit_code == 2, result.output
        assert "属于别的用户" in result.output or not extra  # (without --force: not drafter's own, said first)
        assert theirs.read_bytes() == b"their report" and theirs.stat().st_uid == 54321
    assert sorted(p.name for p in shared.iterdir()) == ["a.docx"]


def _render_with(tmp_path, runner, files: dict[str, str]):
    from conftest import EXAMPLE
    from hostile_cases import copy_default

    folder = copy_default(tmp_path)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    return folder, out, result


def test_last_years_value_compared_when_not_given_names_the_figure(tmp_path, runner):
    folder, out, result = _render_with(
        tmp_path, runner, {"themes/矛盾纠纷化解.md.j2": "{% if t.数据.行政复议.受理.上年 > 3 %}受理较多。{% endif %}\n{{ 数据句子(t) }}\n"}
    )
    assert result.exit_code == 2 and not out.exists()
    assert f"{folder.name}/themes/矛盾纠纷化解.md.j2:1：" in result.output
    assert "“行政复议.受理”的上年数" in result.output and "上年数据" in result.output
    assert "数据类型" not in result.output


def test_a_directive_given_twice_is_said_at_the_clerks_line_naming_the_other(tmp_path, runner):
    """A clerk's folder holding only a theme file (the rest from the built-in templates) that
    prints @署名 again: said at the clerk's line, the built-in one named as the other."""
    from conftest import EXAMPLE

    folder = tmp_path / "mine"
    (folder / "themes").mkdir(parents=True)
    (folder / "themes" / "矛盾纠纷化解.md.j2").write_text("@署名 {{ 单位 }}\n{{ 数据句子(t) }}\n", encoding="utf-8")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith("mine/themes/矛盾纠纷化解.md.j2:1："), result.output
    assert "两次“@署名”" in result.output and "另一个@署名是 default/report.md.j2:" in result.output
    # both the clerk's own: the later one is said, the earlier named
    folder, out, result = _render_with(tmp_path, runner, {"themes/矛盾纠纷化解.md.j2": "@署名 {{ 单位 }}\n{{ 数据句子(t) }}\n"})
    assert result.exit_code == 2 and f"前一个@署名是 {folder.name}/themes/矛盾纠纷化解.md.j2:1" in result.output


def test_an_expression_left_open_at_a_lines_end_is_said_at_that_line(tmp_path, runner):
    text = "@标题 {{ 标题 }}\n{{ 开头句子() }}\n# 主要成效 {{ 单位 \n{% for t in 成效 %}\n## {{ t.标题 }}\n{% endfor %}\n"
    folder, out, result = _render_with(tmp_path, runner, {"report.md.j2": text})
    assert result.exit_code == 2 and not out.exists()
    assert result.output.startswith(f"{folder.name}/report.md.j2:3：") and "第 3 行的“{{”没有对应的“}}”" in result.output
