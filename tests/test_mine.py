"""Mining the outline, and the parse / mine / import commands."""

from __future__ import annotations

import pytest

import json

import yaml

from drafter.model.catalogue import load_catalogue
from drafter.reading.mine import mine, report_files
from drafter.render.phrases import PHRASE_FILE, read_table
from drafter.files.resources import builtin_templates

from conftest import CORPUS, needs_corpus
from test_cli import run

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


@needs_corpus
def test_mined_outline_agrees_with_catalogue_and_template():
    """Every theme the corpus covers is in the catalogue and in the default template; the
    sections left unclassified are few, and named here when they are not."""
    cat = load_catalogue()
    outline = mine(report_files(CORPUS), cat)
    assert outline["报告数"] == 5
    missing = [t for t in outline["主题"] if t not in cat.themes]
    assert not missing, f"语料中有目录里没有的主题：{missing}"
    table = read_table((builtin_templates() / "default" / PHRASE_FILE).read_text(encoding="utf-8"), "句式.yaml")
    no_template = [t for t in outline["主题"] if not table.get(t)]
    assert not no_template, f"默认模板缺少这些主题：{no_template}"
    figures = {f for t in outline["主题"].values() for f in t["指标"]}
    known = {f"{g}.{name}" for t in cat.themes.values() for g, grp in t.groups.items()
             for name in (*grp.figures, *grp.rates)}
    assert figures and figures <= known
    sections = sum(len(t["常见标题"]) for t in outline["主题"].values())
    assert len(outline["未分类"]) <= 0.25 * (sections + len(outline["未分类"])), outline["未分类"]
    # The parts every report has, in the order reports put them.
    assert outline["部分顺序"] == {"成效→问题→下一步": 5}
    assert set(outline["形态"]) == {"三段式", "主题式", "结尾合并"}
    assert len(outline["主题"]) >= 8


def _report(tmp_path):
    path = tmp_path / "县报告.txt"
    path.write_text("某县人民政府关于2025年度法治政府建设情况的报告\n2025年，某县坚持依法行政。\n"
                    "一、主要举措和成效\n（一）化解矛盾纠纷\n全年收到行政复议申请52件，审结48件，纠错6件，纠错率12.5%。\n"
                    "二、存在的问题\n基层力量不足。\n三、下一步工作安排\n（一）加强队伍建设。开展轮训。\n"
                    "某县人民政府\n2026年2月6日\n", encoding="utf-8")
    return path


def test_parse_command(runner, tmp_path):
    result = run(runner, "parse", _report(tmp_path))
    assert result.exit_code == 0
    assert "（一） 化解矛盾纠纷  [主题 矛盾纠纷化解" in result.output
    assert "二、 存在的问题  [角色 问题 0.95]" in result.output


def test_parse_json(runner, tmp_path):
    result = run(runner, "parse", _report(tmp_path), "--json")
    data = json.loads(result.output)
    assert data["年度"] == 2025 and data["署名"] == "某县人民政府"
    figs = data["正文"][0]["内容"][0]["内容"][0]["数字"]
    assert figs[-1] == {"标签": "纠错率", "数值": 12.5, "单位": "%", "原文": "12.5%",
                        "对应指标": "行政复议.纠错率", "由计数算出": [2, 1]}


def test_mine_command(runner, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    _report(folder)
    out = tmp_path / "outline.yaml"
    result = run(runner, "mine", folder, "-o", out)
    assert result.exit_code == 0, result.output
    outline = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert outline["报告数"] == 1 and "矛盾纠纷化解" in outline["主题"]
    assert outline["主题"]["矛盾纠纷化解"]["指标"]["行政复议.纠错率"] == 1


def test_mine_empty_folder(runner, tmp_path):
    result = run(runner, "mine", tmp_path, "-o", tmp_path / "o.yaml")
    assert result.exit_code == 2 and "没有" in result.output


def test_import_command_and_render_back(runner, tmp_path):
    report = _report(tmp_path)
    form = tmp_path / "form.yaml"
    result = run(runner, "import", report, "-o", form)
    assert result.exit_code == 0, result.output
    text = form.read_text(encoding="utf-8")
    assert "行政复议.纠错: 6  # 全年收到行政复议申请52件，审结48件，纠错6件" in text and "角色: 问题" in text
    assert "行政复议.纠错率:" not in text  # a rate is worked out from its counts, not a figure to fill in
    assert run(runner, "validate", form).exit_code == 0
    assert run(runner, "render", form, "-o", tmp_path / "back.docx").exit_code == 0
    again = run(runner, "import", report, "-o", form)
    assert again.exit_code == 2 and "--force" in again.output


def test_import_missing_file(runner, tmp_path):
    result = run(runner, "import", tmp_path / "nope.docx")
    assert result.exit_code == 2 and "找不到文件" in result.output


def test_parse_unsupported_type(runner, tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF")
    result = run(runner, "parse", path)
    assert result.exit_code == 2 and "drafter 不读 PDF" in result.output


def test_doc_through_libreoffice(runner, tmp_path):
    import pytest

    from drafter.files.libreoffice import run_soffice, find_soffice

    if find_soffice() is None:
        pytest.skip("没有安装 LibreOffice")
    from conftest import EXAMPLE

    docx_path = tmp_path / "r.docx"
    assert run(runner, "render", EXAMPLE, "-o", docx_path).exit_code == 0
    run_soffice(["--convert-to", "doc", "--outdir", str(tmp_path), str(docx_path)], 300)
    result = run(runner, "parse", tmp_path / "r.doc")
    assert result.exit_code == 0, result.output
    assert "标题：示例县人民政府关于2025年度法治政府建设情况的报告" in result.output
