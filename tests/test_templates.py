"""Templates: located errors, filters, no silent blanks, no dangling words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.model.catalogue import load_catalogue
from drafter.errors import TemplateError
from drafter.jobs.pipeline import build
from drafter.render.variables import build_context
from drafter.render.templates import render_markup
from drafter.render.phrases import PHRASE_FILE, read_table
from drafter.files.resources import builtin_templates
from drafter.files.yamlsource import load_text

import yaml


def context(minimal):
    data = dict(minimal)
    data["成文日期"] = dt.date(2026, 2, 6)
    data.setdefault("落款", {})
    for entry in data["成效"]:
        entry.setdefault("上年数据", {})
    return build_context(data, load_catalogue())


def render(tmp_path: Path, text: str, ctx: dict, name: str = "report.md.j2") -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return render_markup(tmp_path, name, ctx)


def test_filters_in_a_template(tmp_path, minimal):
    out = render(
        tmp_path,
        "{{ 15000 | num }} {{ 683 | num(approx=true) }} {{ 0.95312 | percent(2) }} "
        "{{ 29 | rate(151) }} {{ 110 | yoy(100) }} {{ 0.95 | points(0.93) }} {{ 12 | cn }} "
        "{{ 成文日期 | cn_date }} {{ ['甲', '乙'] | enumerate_cn }}",
        context(minimal),
    )
    assert out == "1.5万 680余 95.31% 19.2% 同比增长10% 同比提高2个百分点 十二 2026年2月6日 一是甲；二是乙。"


def test_figures_and_rates_from_counts(tmp_path, minimal):
    # (one rate at two precisions: two sentences, as a figure is said once in a sentence)
    # (a rate is printed under its name: a bare percentage is refused, as a share of nothing said)
    out = render(
        tmp_path,
        "{% set f = 成效[0].数据.行政复议 %}{{ f.收到申请 }} 纠错率{{ f.纠错率 }}。纠错率{{ f.纠错率.精度(2) }} 结案率{{ f.结案率 }}",
        context(minimal),
    )
    assert out == "120件 纠错率9%。纠错率9% 结案率90.9%"


def test_missing_figure_drops_its_whole_clause(tmp_path, minimal):
    out = render(
        tmp_path,
        '{% set f = 成效[0].数据.行政复议 %}{{ 句(项("收到申请{}", f.收到申请), 项("调解和解{}", f.调解和解), 项("纠错率{}", f.纠错率)) }}',
        context(minimal),
    )
    assert out == "收到申请120件，纠错率9%。"
    assert "，，" not in out and "调解" not in out


def test_group_with_no_data_gives_nothing(tmp_path, minimal):
    out = render(tmp_path, '{% set f = 成效[0].数据.行政应诉 %}[{{ 句(项("案件{}", f.案件)) }}]{% if f %}有{% endif %}', context(minimal))
    assert out == "[]"


def test_yoy_only_when_last_year_given(tmp_path, minimal):
    minimal["成效"][0]["上年数据"] = {"行政复议": {"收到申请": 100, "审结": 100, "纠错": 5}}
    out = render(
        tmp_path,
        "{% set f = 成效[0].数据.行政复议 %}{{ f.收到申请.带同比 }}|{{ f.受理.带同比 }}|纠错率{{ f.纠错率.带同比 }}",
        context(minimal),
    )
    assert out == "120件，同比增长20%|110件|纠错率9%，同比提高4个百分点"


def test_undefined_name_is_located(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "第一行\n{{ 单位 }}\n{{ 单味 }}\n", context(minimal))
    err = info.value
    assert "单味" in err.message and err.where.line == 3 and err.where.file.endswith("report.md.j2")
    assert err.hint.endswith("（第 3 行是：{{ 单味 }}）")


def test_unknown_figure_is_an_error_not_a_blank(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "\n{{ 成效[0].数据.行政复议.收到申情 }}", context(minimal))
    err = info.value
    assert "收到申情" in err.message and "收到申请" in err.hint and err.where.line == 2


def test_printing_a_missing_figure_directly_is_an_error(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "{{ 成效[0].数据.行政复议.调解和解 }}", context(minimal))
    assert "没有填写" in info.value.message and info.value.where.line == 1


def test_syntax_error_is_located(tmp_path, minimal):
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "a\n{% if 单位 %}\nb\n", context(minimal))
    assert "语法错误" in info.value.message and info.value.where.line >= 2


def test_error_in_an_included_theme_names_that_file(tmp_path, minimal):
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "x.md.j2").write_text("ok\n{{ nope }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render(tmp_path, '{% include "themes/x.md.j2" %}', context(minimal))
    assert info.value.where.file.endswith("x.md.j2") and info.value.where.line == 2


def test_sandbox_blocks_python_internals(tmp_path, minimal):
    with pytest.raises(TemplateError):
        render(tmp_path, "{{ 单位.__class__.__mro__ }}", context(minimal))


def test_printed_values_cannot_break_the_markup(tmp_path, minimal):
    minimal["问题"][0]["表现"] = "第一行\n# 不是标题"
    result = build(load_text(yaml.safe_dump(minimal, allow_unicode=True), "f.yaml"))
    assert all(not s.heading.startswith("不是标题") for s in result.report.walk())
    assert "第一行#不是标题" in result.markup  # one paragraph; no space stays beside a Chinese character


def test_theme_with_no_data_and_no_measures_does_not_appear(minimal):
    minimal["成效"].append({"主题": "普法"})
    result = build(load_text(yaml.safe_dump(minimal, allow_unicode=True), "f.yaml"))
    headings = [s.heading for s in result.report.walk()]
    assert not any("普法" in h for h in headings)


def test_default_phrase_table_states_every_figure_of_every_theme():
    """Every theme of the catalogue has sentences in the default table, and every figure and
    rate of the catalogue is stated by one of them, directly or through a rate (a figure no
    sentence states would be lost)."""
    from drafter.render.phrases import Slot

    table = read_table((builtin_templates() / "default" / PHRASE_FILE).read_text(encoding="utf-8"), "t")
    for key, theme in load_catalogue().themes.items():
        assert table.get(key), key
        used = set()
        for sentence in table[key]:
            for choice in sentence.items:
                while choice is not None:
                    used |= {(p.group, p.name) for p in choice.pieces if isinstance(p, Slot)}
                    choice = choice.otherwise
        for g, name in list(used):  # a count is stated through the rates worked out from it
            rate = theme.groups[g].rates.get(name)
            used |= {(g, n) for n in (rate.numerator, *rate.denominator)} if rate else set()
        every = {(g, n) for g, grp in theme.groups.items() for n in (*grp.figures, *grp.rates)}
        assert every <= used, (key, sorted(every - used))


def test_example_uses_formula_of_its_year(example_data):
    from drafter.model.formulations import builtin

    result = build(load_text(yaml.safe_dump(example_data, allow_unicode=True), "f.yaml"))
    assert builtin().years[2025]["会议精神"] in result.report.opening[0].text


def test_template_not_utf8(tmp_path, minimal):
    (tmp_path / "report.md.j2").write_bytes("标题".encode("gbk"))
    with pytest.raises(TemplateError) as info:
        render_markup(tmp_path, "report.md.j2", context(minimal))
    assert "UTF-8" in info.value.message


# -- a clerk's folder over the default (issue 12 §1) --------------------------------------------


def _texts(path):
    import docx

    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def _rendered(runner, tmp_path, *args):
    from drafter.cli.commands import main
    from conftest import EXAMPLE

    out = tmp_path / f"r{len(list(tmp_path.glob('r*.docx')))}.docx"
    result = runner.invoke(main, ["render", str(EXAMPLE), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return _texts(out)


def test_a_folder_with_only_the_phrase_table_rewords_a_figure_sentence(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    runner = CliRunner()
    folder = tmp_path / "我的模板"
    result = runner.invoke(main, ["templates", "copy", "default", str(folder), "句式.yaml"])
    assert result.exit_code == 0, result.output
    assert [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()] == ["句式.yaml"]
    table = folder / "句式.yaml"
    table.write_text(
        table.read_text(encoding="utf-8").replace("普法责任单位开展普法宣传活动{", "本年度共组织普法宣传活动{"), encoding="utf-8"
    )
    before, after = _rendered(runner, tmp_path), _rendered(runner, tmp_path, "-t", str(folder))
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(after) == len(before) and len(changed) == 1  # every other sentence and file as the default's
    assert changed[0][1][1] == changed[0][0][1].replace("普法责任单位开展普法宣传活动", "本年度共组织普法宣传活动")

    diff = runner.invoke(main, ["templates", "diff", str(folder)])
    assert diff.exit_code == 0 and "=== 句式.yaml（改动）===" in diff.output
    assert "-    - 普法责任单位开展普法宣传活动{普法活动.带同比}" in diff.output
    assert "+    - 本年度共组织普法宣传活动{普法活动.带同比}" in diff.output
    assert diff.output.count("@@") == 2  # one hunk: only the theme 普法
    listed = runner.invoke(main, ["templates", "list", str(folder)])
    assert "改动了（1 个）：\n  句式.yaml（改了主题：普法；其余主题用自带的）" in listed.output
    assert "用自带的（随 drafter 升级）" in listed.output and "report.md.j2" in listed.output


def test_a_table_with_one_theme_replaces_that_theme_only(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    runner = CliRunner()
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "句式.yaml").write_text(
        "# 只改行政复议这一句，其余主题用自带的\n"
        "矛盾纠纷化解:\n"
        "  行政复议:\n"
        "    - 本年度共收到复议申请{收到申请}\n"
        "    - 审结{审结}\n"
        "    - 如果: 纠错 > 0\n"
        "      写: 纠错{纠错}（纠错率{纠错率}）\n"
        "      否则: 未作出纠错决定\n"
        "    - 。\n"
        "    - 上年同期收到申请{收到申请.上年}\n",
        encoding="utf-8",
    )  # (a last year's figure names its own)
    before, after = _rendered(runner, tmp_path), _rendered(runner, tmp_path, "-t", str(folder))
    changed = [b for a, b in zip(before, after) if a != b]
    assert len(after) == len(before) and len(changed) == 1
    # only 行政复议 is written now (the theme's other groups are not in this table's block)
    assert changed[0][1] == "本年度共收到复议申请162件，审结146件，纠错18件（纠错率12.3%）。上年同期收到申请138件。"
    diff = runner.invoke(main, ["templates", "diff", str(folder)]).output
    assert "句式.yaml：矛盾纠纷化解" in diff and "（开头段和其余 10 个主题用自带的句式：" in diff


def test_a_theme_file_of_its_own_starts_as_the_table_says_and_then_overrides_it(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    runner = CliRunner()
    folder = tmp_path / "我的模板"
    result = runner.invoke(main, ["templates", "copy", "default", str(folder), "themes/普法.md.j2"])
    assert result.exit_code == 0, result.output
    theme = folder / "themes" / "普法.md.j2"
    assert '句(项("普法责任单位开展普法宣传活动{}", t.数据.普法宣传.普法活动.带同比)' in theme.read_text(encoding="utf-8")
    plain = _rendered(runner, tmp_path)
    assert _rendered(runner, tmp_path, "-t", str(folder)) == plain  # the same sentences, now in Jinja
    theme.write_text(theme.read_text(encoding="utf-8").replace("开展普法宣传活动", "组织普法活动"), encoding="utf-8")
    after = _rendered(runner, tmp_path, "-t", str(folder))
    changed = [(a, b) for a, b in zip(plain, after) if a != b]
    assert len(changed) == 1 and changed[0][1][1] == changed[0][0][1].replace("开展普法宣传活动", "组织普法活动")
    listed = runner.invoke(main, ["templates", "list", str(folder)]).output
    assert "新增了（1 个）：\n  themes/普法.md.j2" in listed


def test_a_theme_file_starts_from_the_table_of_the_folder_it_goes_into(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    runner = CliRunner()
    mine = tmp_path / "我的"
    mine.mkdir()
    (mine / "句式.yaml").write_text("普法:\n  普法宣传:\n    - 组织普法活动{普法活动}\n", encoding="utf-8")
    assert runner.invoke(main, ["templates", "copy", "default", str(mine), "themes/普法.md.j2"]).exit_code == 0
    assert '{{ 句(项("组织普法活动{}", t.数据.普法宣传.普法活动), 主语="普法宣传方面") }}' in (mine / "themes" / "普法.md.j2").read_text(
        encoding="utf-8"
    )
    # from a clerk's folder, a file it takes from the default can be copied too
    other = tmp_path / "另一份"
    result = runner.invoke(main, ["templates", "copy", str(mine), str(other), "report.md.j2", "themes/通用.md.j2"])
    assert result.exit_code == 0, result.output
    assert (other / "report.md.j2").read_text(encoding="utf-8") == (builtin_templates() / "default" / "report.md.j2").read_text(
        encoding="utf-8"
    )


def test_a_deleted_file_falls_back_to_the_default(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    runner = CliRunner()
    folder = tmp_path / "整套"
    assert runner.invoke(main, ["templates", "copy", "default", str(folder)]).exit_code == 0
    (folder / "句式.yaml").unlink()
    (folder / "themes" / "通用.md.j2").unlink()
    assert _rendered(runner, tmp_path, "-t", str(folder)) == _rendered(runner, tmp_path)
    assert "这个文件夹没有改动自带模板" in runner.invoke(main, ["templates", "diff", str(folder)]).output


def test_copying_named_files_never_overwrites(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    runner = CliRunner()
    folder = tmp_path / "t"
    assert runner.invoke(main, ["templates", "copy", "default", str(folder), "themes/普法.md.j2"]).exit_code == 0
    (folder / "themes" / "普法.md.j2").write_text("我的", encoding="utf-8")
    again = runner.invoke(main, ["templates", "copy", "default", str(folder), "themes/普法.md.j2"])
    assert again.exit_code == 2 and "已经存在" in again.output
    assert (folder / "themes" / "普法.md.j2").read_text(encoding="utf-8") == "我的"
    wrong = runner.invoke(main, ["templates", "copy", "default", str(folder), "普法.md.j2"])
    assert wrong.exit_code == 2 and "是不是“themes/普法.md.j2”" in wrong.output
    wrong = runner.invoke(main, ["templates", "copy", "default", str(folder), "句式.yml"])
    assert wrong.exit_code == 2 and "句式.yaml" in wrong.output


def test_a_misspelt_file_of_a_clerks_folder_is_pointed_out(tmp_path):
    from click.testing import CliRunner

    from drafter.cli.commands import main

    folder = tmp_path / "t"
    (folder / "themes").mkdir(parents=True)
    for name in ("themes/普发.md.j2", "reprot.md.j2", "themes/宏.md.j2"):
        (folder / name).write_text("x\n", encoding="utf-8")
    listed = CliRunner().invoke(main, ["templates", "list", str(folder)]).output
    assert "themes/普发.md.j2（drafter 不会自己用它：是不是“themes/普法.md.j2”？）" in listed
    assert "reprot.md.j2（drafter 不会自己用它：是不是“report.md.j2”？）" in listed
    assert "  themes/宏.md.j2\n" in listed  # a file of its own (a macro file, say): nothing to suggest
