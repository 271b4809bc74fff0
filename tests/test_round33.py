"""Round 33 of the outside attack on issue 18 (and round 32's open reading causes): what the
reading side carries into next year's form is what the report printed, under the right group."""

from __future__ import annotations

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


def test_an_unpaired_quote_written_in_a_template_as_it_stands_is_reminded_at_that_line(tmp_path, runner):
    from conftest import EXAMPLE

    folder = _theme_file(tmp_path, "全面落实“谁执法谁普法责任制，成效明显。")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(EXAMPLE), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 0 and out.exists()
    places = [line for line in result.output.splitlines() if "括号引号不成对" in line]
    assert places and all(line.startswith(f"{folder.name}/themes/通用.md.j2:2：") and "提醒" in line for line in places)
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
    assert "模板按表单写出" not in result.output
