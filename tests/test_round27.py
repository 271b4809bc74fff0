"""Round 27 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

from pathlib import Path

import yaml
from docx import Document

from conftest import EXAMPLE
from hostile_cases import render_with_template, run_clean


def _render(tmp_path, files: dict[str, str], form_text: str | None = None, exit_codes=(0,), located=True):
    return render_with_template(tmp_path, files, form_text, exit_codes, located)


def test_a_change_said_twice_is_refused_at_the_second(tmp_path):
    table = "矛盾纠纷化解:\n  行政复议:\n    - 全年收到行政复议申请{收到申请.带同比}\n    - 收到申请{收到申请.同比}\n    - 依法受理{受理}\n"
    said, _out = _render(tmp_path, {"句式.yaml": table}, exit_codes=(2,))
    assert "句式.yaml:4:" in said and "又写了一次“收到申请”的同比" in said, said
    # near miss: the change of another figure
    _render(tmp_path, {"句式.yaml": table.replace("收到申请{收到申请.同比}", "依法受理{受理.带同比}").replace("    - 依法受理{受理}\n", "")})


def test_last_years_rate_after_the_rate_in_brackets_is_that_rates(tmp_path):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    theme = next(t for t in data["成效"] if t["主题"] == "矛盾纠纷化解")
    theme["上年数据"]["行政复议"].update({"审结": 125, "纠错": 20})
    table = ("矛盾纠纷化解:\n  行政复议:\n    - 审结行政复议案件{审结}\n    - 作出纠错决定{纠错}\n    - 纠错率（{纠错率}）\n"
             "    - （上年{纠错率.上年}）\n")
    _said, out = _render(tmp_path, {"句式.yaml": table}, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert any("纠错率（12.3%）（上年16%）" in p.text for p in Document(str(out)).paragraphs)
    assert "没有发现问题" in run_clean(["check", out], inputs=[out], exit_codes=(0,)).output


def test_a_brace_put_in_by_replace_is_refused(tmp_path):
    said, _out = _render(tmp_path, {"themes/矛盾纠纷化解.md.j2": '{{ 单位 | replace("县", "{") }}\n'}, exit_codes=(2,))
    assert "矛盾纠纷化解.md.j2:1" in said and "大括号" in said, said
    # near miss: a brace taken out is fine
    _render(tmp_path, {"themes/矛盾纠纷化解.md.j2": '{{ 单位 | replace("县", "区") }}\n'})


def test_a_stray_space_inside_a_part_title_splits_no_word(tmp_path):
    out = tmp_path / "报告.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], outputs=[out], exit_codes=(0,))
    lines = [p.text for p in Document(str(out)).paragraphs if p.text.strip()]
    for title in ("二、存在的不 足和原因", "二、存在的不足和原因"):  # the near miss: no space
        text = tmp_path / "报告.txt"
        text.write_text("\n".join(title if line == "二、存在的不足和原因" else line for line in lines) + "\n", encoding="utf-8")
        said = run_clean(["check", text], inputs=[text], exit_codes=(0,)).output
        assert "缺少必需部分" not in said, said


def test_a_theme_part_whose_theme_is_not_told_keeps_its_figures_in_next_years_form(tmp_path):
    """成效分列: the 数字法治 part's heading names no theme; its figure sentence still reaches
    next year's form (as notes), never lost."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["写法"] = {"成效分列": True}
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out, new = tmp_path / "报告.docx", tmp_path / "2026.yaml"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    run_clean(["new", "2026", "--from", out, "-o", new], inputs=[out], outputs=[new], exit_codes=(0,))
    text = new.read_text(encoding="utf-8")
    assert "34个" in text and "1253件" in text


SHORT_LEADER = """示例县人民政府关于2025年度法治政府建设情况的报告
县委、县人大常委会：
2025年，示例县人民政府全面贯彻党的二十大和二十届历次全会精神，深入学习贯彻习近平法治思想。现将有关情况报告如下：
工作成效和不足
全年受理行政复议案件151件，审结146件，结案率96.7%。
存在的问题：基层执法能力仍有短板，主要原因是基层人员流动性大。
{title}
县政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开专题会议4次，带头述法。
下一步工作打算
进一步提升行政执法质量，开展基层执法人员轮训。
特此报告。
示例县人民政府
2026年2月6日
"""


import pytest  # noqa: E402


@pytest.mark.parametrize("title", ["第一责任人履职", "第一责任人", "党政主要负责人履行第一责任人职责情况"])
def test_a_short_unnumbered_title_of_the_leaders_part_is_that_part(tmp_path, title):
    path = tmp_path / "报告.txt"
    path.write_text(SHORT_LEADER.format(title=title), encoding="utf-8")
    said = run_clean(["check", path], inputs=[path], exit_codes=(0, 1)).output
    assert "缺少必需部分" not in said, said


def test_a_template_folder_that_cannot_be_opened_is_said_not_passed_over(tmp_path, monkeypatch):
    """A folder listed but not entered (chmod 644, as a non-root user): its files would be taken
    from the default without a word. (Root opens any folder, so the refusal is simulated.)"""
    import os

    import drafter.jobs.pipeline as pipeline

    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "句式.yaml").write_text("开头:\n  - 统筹推进依法行政各项工作\n", encoding="utf-8")
    real = os.access
    monkeypatch.setattr(pipeline.os, "access", lambda p, mode: False if Path(p) == folder else real(p, mode))
    out = tmp_path / "报告.docx"
    said = run_clean(["render", EXAMPLE, "-o", out, "-t", folder], inputs=[EXAMPLE], exit_codes=(2,), located=False).output
    assert "无法访问模板文件夹" in said and not out.exists(), said


def test_copying_a_template_folder_whose_phrase_table_is_a_folder_is_refused(tmp_path):
    folder = tmp_path / "我的模板"
    run_clean(["templates", "copy", "default", folder], outputs=[folder], exit_codes=(0,))
    (folder / "句式.yaml").unlink()
    (folder / "句式.yaml").mkdir()
    target = tmp_path / "副本"
    said = run_clean(["templates", "copy", folder, target], exit_codes=(2,)).output
    assert "是文件夹，不是文件" in said and not target.exists(), said
    # near miss: the themes folder is a folder as it should be
    (folder / "句式.yaml").rmdir()
    run_clean(["templates", "copy", folder, target], exit_codes=(0,))
    assert (target / "themes").is_dir()
