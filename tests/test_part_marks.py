"""A part the form names stays that part in drafter's own .docx (issue 18, cause 16, the
report side): render marks each part's heading with a hidden bookmark, and the reader
takes a heading so marked as that part, whatever words the clerk gave it. So drafter's
own report, renamed parts and all, passes drafter's own check, and next year's form finds
its 下一步 items."""

from __future__ import annotations

import re
import zipfile

import pytest
import yaml

from conftest import EXAMPLE
from drafter.model.report import PART_MARKS, THEME_MARK
from hostile_cases import run_clean


@pytest.fixture
def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))

RENAMED = [
    ("问题", "面临的困难和挑战"),
    ("问题", "{下一年度}年需要破解的难题"),
    ("问题", "需要改进的地方"),
    ("下一步", "今后的打算"),
    ("第一责任人", "领导带头"),
    ("第一责任人", "主要领导抓法治"),
    ("成效", "一年来的工作"),
]


def _render(tmp_path, data, key, heading):
    data["写法"] = {"部分标题": {key: heading}}
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    return form, out


@pytest.mark.parametrize("key, heading", RENAMED, ids=[f"{k}-{h[:4]}" for k, h in RENAMED])
def test_drafters_report_with_a_renamed_part_passes_drafters_check(tmp_path, example, key, heading):
    _form, out = _render(tmp_path, example, key, heading)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    names = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    assert {n for n in names if not n.startswith(THEME_MARK)} == {
        PART_MARKS[p] for p in ("成效", "第一责任人", "问题", "下一步")}  # every part the example has
    assert {n[len(THEME_MARK):] for n in names if n.startswith(THEME_MARK)} == {t["主题"] for t in example["成效"]}
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output


@pytest.mark.parametrize("key, heading", RENAMED[:4], ids=[f"{k}-{h[:4]}" for k, h in RENAMED[:4]])
def test_parse_names_a_renamed_part_by_its_mark(tmp_path, example, key, heading):
    _form, out = _render(tmp_path, example, key, heading)
    shown = heading.replace("{下一年度}", "2026")
    result = run_clean(["parse", out], inputs=[out], exit_codes=(0,))
    line = next(li for li in result.output.splitlines() if shown in li)
    assert f"[角色 {key} 1.00]" in line, result.output


def test_next_years_form_finds_the_steps_of_a_renamed_part(tmp_path, example):
    _form, out = _render(tmp_path, example, "下一步", "今后的打算")
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", out, "-o", new], inputs=[out], exit_codes=(0,))
    carried = yaml.safe_load(new.read_text(encoding="utf-8"))["去年安排"]
    assert [item["标题"] for item in carried] == [step["标题"] for step in example["下一步"]]


def test_an_unmarked_report_keeps_the_readers_guess(tmp_path):
    """Without the mark (a report not made by drafter) a heading the reader does not know is
    not taken for a part: the missing part is still reported."""
    text = ("某县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n全年开展执法检查12次。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
            "三、需要改进的地方\n基层力量不足。\n四、2026年工作安排\n继续加强执法监督。\n某县人民政府\n2026年2月6日\n")
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(1,))
    assert "缺少必需部分" in result.output and "不足和原因" in result.output


@pytest.mark.slow
@pytest.mark.skipif(__import__("drafter.files.libreoffice").files.libreoffice.find_soffice() is None, reason="没有安装 LibreOffice")
def test_the_mark_survives_a_save_by_another_word_processor(tmp_path, example):
    """Saved again by LibreOffice (as a clerk's editor would), the part is still known."""
    from drafter.files.libreoffice import run_soffice

    _form, out = _render(tmp_path, example, "问题", "需要改进的地方")
    saved = tmp_path / "另存"
    saved.mkdir()
    run_soffice(["--convert-to", "docx", "--outdir", str(saved), str(out)], 300)
    # (LibreOffice renames the styles; what the reader then makes of 特此报告 is another matter)
    result = run_clean(["check", saved / "报告.docx"], inputs=[saved / "报告.docx"], exit_codes=(0, 1), located=False)
    assert "缺少必需部分" not in result.output
