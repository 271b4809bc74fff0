"""Round 43 of the outside attack on issue 18: figures in Word headings, a closing the
original never had, and what a phrase table or template lets a figure be read as."""

from __future__ import annotations

import pytest
import yaml

from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _last_years_report, _report

THEME = "themes/矛盾纠纷化解.md.j2"
X = "t.数据.行政复议"


def _heading_docx(path, heading: str) -> None:
    import docx

    d = docx.Document()
    for text, style in [
        ("临溪县人民政府关于2025年度法治政府建设情况的报告", "Title"),
        ("2025年，临溪县全面贯彻党的二十大和二十届历次全会精神，扎实推进法治政府建设。", None),
        ("一、主要工作成效", "Heading 1"),
        (heading, "Heading 2"),
        ("县司法局加强案件审理，提高办案质量。", None),
        ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "Heading 1"),
        ("县政府主要负责人专题研究法治政府建设5次。", None),
        ("三、存在的问题和不足", "Heading 1"),
        ("基层法治力量较为薄弱。主要原因是保障机制尚不健全。", None),
        ("四、2026年工作安排", "Heading 1"),
        ("2026年，我们将推进乡镇综合行政执法规范化建设。", None),
        ("临溪县人民政府", None),
        ("2026年2月6日", None),
    ]:
        d.add_paragraph(text, style=style) if style else d.add_paragraph(text)
    d.save(str(path))


def test_round43_a_heading_that_states_figures_is_read_and_checked(tmp_path, runner):
    """（一）全年受理…247件，审结220件，结案率99.1%。 in a heading style: checked (89.1%) and
    its figures carried by new --from, as a paragraph's are."""
    report = tmp_path / "r.docx"
    _heading_docx(report, "（一）全年受理行政复议案件247件，审结220件，结案率99.1%。")
    result = runner.invoke(main, ["check", str(report)])
    assert result.exit_code == 1 and "比率核算" in result.output and "应为89.1%" in result.output, result.output
    form = tmp_path / "n.yaml"
    assert runner.invoke(main, ["new", "2026", "--from", str(report), "-o", str(form)]).exit_code == 0
    last = [t.get("上年数据", {}) for t in yaml.safe_load(form.read_text(encoding="utf-8"))["成效"]]
    assert any(g.get("行政复议", {}).get("受理") == 247 and g["行政复议"].get("审结") == 220 for g in last), last


def test_round43_a_heading_of_words_is_no_figure_sentence(tmp_path, runner):
    report = tmp_path / "r.docx"
    _heading_docx(report, "（一）全年受理行政复议案件247件，审结220件，结案率89.1%。")
    assert runner.invoke(main, ["check", str(report)]).exit_code == 0


def test_round43_an_imported_report_without_a_closing_gets_none(tmp_path, runner):
    import docx

    source = _report(tmp_path, "全年受理行政复议案件153件，审结141件。")
    source.write_text(source.read_text(encoding="utf-8").replace("法治政府建设情况的报告\n", "法治政府建设情况的报告\n市人民政府：\n"), encoding="utf-8")
    form, out = tmp_path / "f.yaml", tmp_path / "r.docx"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    assert runner.invoke(main, ["render", str(form), "-o", str(out)]).exit_code == 0
    assert "特此报告。" not in [p.text for p in docx.Document(str(out)).paragraphs]


@pytest.mark.parametrize(
    ("table", "line", "said"),
    [
        ("    - 依法受理{受理}\n    - 结案率{结案率}\n    - 审结{审结}\n    - 结案率为{结案率}\n", 6, "又写了一次“结案率”"),
        ("    - 受理{受理}\n    - 依法受理{受理}\n", 4, "又写了一次“受理”"),
        ("    - 较上年{受理.同比}\n    - 审结{审结}\n", 3, "读成后面那个数的同比"),
        ("    - 审结{审结}\n    - 上年为{受理.上年}\n", 4, "上年的数"),
        ("    - 占审结案件的{纠错率}\n    - 审结{审结}\n", 3, "要紧跟在“纠错”的数后面"),
    ],
)
def test_round43_phrase_items_that_say_a_figure_again_or_as_anothers_are_refused(tmp_path, runner, table, line, said):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n" + table}))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert result.output.startswith(f"tpl/句式.yaml:{line}:7：") and said in result.output, result.output


def test_round43_last_years_figures_named_after_a_single_name_are_refused(tmp_path, runner):
    table = "权力监督:\n  建议提案:\n    - 本年度承办人大代表建议{人大代表建议}\n    - 上年分别为{人大代表建议.上年}、{政协提案.上年}\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2 and "tpl/句式.yaml:4:7：" in result.output and "政协提案" in result.output


@pytest.mark.parametrize(
    "table",
    [
        "    - 审结{审结}\n    - 纠错{纠错}\n    - 占审结案件的{纠错率}\n",
        "    - 审结{审结}\n    - 纠错率由{纠错率.上年}降低到{纠错率}\n",
        "    - 审结{审结}\n    - 纠错率{纠错率}（上年{纠错率.上年}）\n",
    ],
)
def test_round43_phrase_items_beside_their_own_figures_render(tmp_path, runner, table):
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n" + table}))
    assert result.exit_code == 0, result.output


def _form_with_last_year(tmp_path):
    from conftest import EXAMPLE

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for theme in data["成效"]:
        if "行政复议" in (theme.get("数据") or {}):
            theme.setdefault("上年数据", {}).setdefault("行政复议", {}).update({"受理": 130, "审结": 128, "纠错": 20})
    path = tmp_path / "form.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (f'{{{{ 句(项("依法受理{{}}", {X}.受理), 项("审结{{}}", {X}.审结), 项("（上年{{}}）", {X}.纠错率.上年数)) }}}}', "上年的数"),
        (f'{{{{ 句(项("较上年{{}}", {X}.受理.同比), 项("审结{{}}", {X}.审结)) }}}}', "读成审结的同比"),
    ],
)
def test_round43_a_template_printing_a_change_or_last_year_beside_another_figure_is_refused(tmp_path, runner, line, said):
    folder = clerk_templates(tmp_path, {THEME: line + "\n"})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and not out.exists(), result.output
    assert f"tpl/{THEME}:1" in result.output and said in result.output, result.output


@pytest.mark.parametrize(
    "line",
    [
        f"纠错率{{{{ {X}.纠错率 }}}}（上年{{{{ {X}.纠错率.上年数 }}}}）。",
        f"纠错率由{{{{ {X}.纠错率.上年数 }}}}降低到{{{{ {X}.纠错率 }}}}。",
    ],
)
def test_round43_a_template_printing_last_year_beside_its_own_figure_renders(tmp_path, runner, line):
    folder = clerk_templates(tmp_path, {THEME: "{{ 数据句子(t) }}\n" + line + "\n"})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年审结146件，纠错率由8%降低到12.3%。", 1),
        ("受理案件从120件增加到100件。", 1),
        ("全年审结146件，纠错率由16.8%降低到12.3%。", 0),
        ("受理案件从100件增加到120件。", 0),
    ],
)
def test_round43_a_change_word_the_figures_contradict(tmp_path, runner, line, code):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output


def test_round43_a_comment_closing_before_a_sentence_leaves_it_the_clerks(tmp_path, runner):
    line = (
        f'{{#\n#}}{{{{ 句(项("依法受理{{}}", {X}.受理), 项("审结{{}}，同比{{}}", {X}.审结, {X}.审结.同比), '
        f'项("较上年{{}}", {X}.受理.同比)) }}}}\n'
    )
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {THEME: line}), _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and result.output.startswith(f"tpl/{THEME}:2："), result.output


def test_round43_a_phrase_table_part_over_its_whole_is_said_at_the_tables_line(tmp_path, runner):
    table = "权力监督:\n  建议提案:\n    - 政协委员提案{政协提案}\n    - 其中按时办复{按时办复}\n"
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2 and "tpl/句式.yaml:4：" in result.output and "部分大于整体" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("全年投入法治建设经费1.1亿元，其中县级财政13000万元。", "部分大于整体"),
        ("全年投入普法经费1.1亿元，其中县级财政3326万元、上级补助9674万元。", "其中超总数"),
        ("全年投入普法经费1.1亿元，其中县级财政5600万元、上级补助5600万元。", None),  # 1.1亿 may be 1.12亿
    ],
)
def test_round43_sums_of_money_in_yi_and_wan_are_compared(tmp_path, runner, line, said):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == (1 if said else 0), result.output
    if said:
        assert said in result.output


def test_round43_last_years_money_in_wan_against_this_years_in_yi(tmp_path, runner):
    last = _last_years_report(tmp_path, "全年投入法治建设经费12000万元。")
    wrong = _report(tmp_path, "全年投入法治建设经费1.5亿元，同比增长50%。", name="wrong.txt")
    result = runner.invoke(main, ["check", str(wrong), "--last", str(last)])
    assert "同比核算" in result.output and "应为上升25%" in result.output, result.output
    right = _report(tmp_path, "全年投入法治建设经费1.5亿元，同比增长25%。", name="right.txt")
    assert "同比核算" not in runner.invoke(main, ["check", str(right), "--last", str(last)]).output
