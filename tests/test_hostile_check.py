"""check against what no report is (issue 18, cause 8: sizes refused with the limits said,
before the time and memory go), and render/check of a form whose parts the clerk renamed
(cause 16: a part the form names is that part, whatever its heading says)."""

from __future__ import annotations

import pytest
import yaml

from drafter.reading import source

from hostile_cases import run_clean
from test_check_rules import report

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- cause 8: size ------------------------------------------------------------------------------------
def test_a_file_larger_than_any_report_is_refused_with_the_limit(tmp_path):
    assert source.MAX_BYTES < 40 * 2 ** 20  # a real report is under 1 MB; with pictures, a few MB
    big = tmp_path / "合订本.txt"
    with open(big, "wb") as fh:  # sparse: nothing is really written
        fh.truncate(40 * 2 ** 20)
    result = run_clean(["check", big], inputs=[big], exit_codes=(2,), located=False)
    assert "合订本.txt" in result.output and "太大了" in result.output
    assert f"{source.MAX_BYTES // 2 ** 20} MB" in result.output


@pytest.mark.parametrize("line", ["字", "", "一、", "受理1件，办结1件，办结率100%。"],
                         ids=["one-character", "blank", "headings", "figures"])
@pytest.mark.parametrize("command", [["check"], ["parse"], ["import", "-o", "表.yaml"], ["new", "2026", "--from"]])
def test_more_paragraphs_than_any_report_are_refused_before_reading_them(tmp_path, monkeypatch, line, command):
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path / "很多行.txt", ["某县2025年度法治政府建设情况报告"] + [line] * source.MAX_PARAGRAPHS)
    result = run_clean([*command, path], inputs=[path], exit_codes=(2,), located=False)
    assert not (tmp_path / "表.yaml").exists()
    assert "很多行.txt" in result.output and "不像是一份年度报告" in result.output
    assert f"{source.MAX_PARAGRAPHS // 10_000} 万段" in result.output


def test_more_characters_than_any_report_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_CHARS", 20_000)
    path = _write(tmp_path / "长文.txt", report("全年受理行政复议案件53件，审结50件。" * 2000))
    result = run_clean(["check", path], inputs=[path], exit_codes=(2,), located=False)
    assert "长文.txt" in result.output and "2 万字" in result.output and "字，不像是一份年度报告" in result.output


def test_a_long_report_within_the_limits_is_checked(tmp_path):
    body = "全年受理行政复议案件53件，办结41件，结案率为87.2%。" * 200
    path = _write(tmp_path / "长.txt", report(body))
    result = run_clean(["check", path], inputs=[path], exit_codes=(1,))
    assert "比率核算" in result.output


def test_an_oversized_file_in_a_folder_does_not_stop_the_others(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    _write(folder / "甲.txt", ["字"] * (source.MAX_PARAGRAPHS + 1))
    _write(folder / "乙.txt", report("全年受理行政复议案件53件，办结41件，结案率为87.2%。"))
    result = run_clean(["check", folder], inputs=list(folder.iterdir()), exit_codes=(1, 2), located=False)
    assert "不像是一份年度报告" in result.output and "比率核算" in result.output
    assert "合计（2 份）" in result.output


# -- cause 16: parts renamed in the form ----------------------------------------------------------------------
RENAMED = [
    ("问题", "面临的困难和挑战"),
    ("问题", "{下一年度}年需要破解的难题"),  # words of another part
    ("下一步", "今后的打算"),
    ("第一责任人", "主要领导抓法治"),
    ("成效", "一年来的工作"),
]


@pytest.mark.parametrize("key, heading", RENAMED, ids=[f"{k}-{h[:4]}" for k, h in RENAMED])
def test_a_part_the_form_names_is_that_part_whatever_its_heading(tmp_path, minimal, key, heading):
    minimal["写法"] = {"部分标题": {key: heading}}
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(minimal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    shown = heading.replace("{下一年度}", "2026")
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    assert "缺少必需部分" not in result.output
    import docx

    assert any(shown in p.text for p in docx.Document(str(out)).paragraphs)
    for args in (["validate", form], ["check", form]):
        result = run_clean(args, inputs=[form], exit_codes=(0,))
        assert "缺少必需部分" not in result.output, result.output


def test_a_part_a_template_leaves_out_is_still_missing(tmp_path, minimal):
    """Knowing the parts by the form does not hide a part the output lacks: a clerk's
    template that drops the 问题 part is refused, the message naming that part."""
    from drafter.files.resources import builtin_templates

    folder = tmp_path / "模板"
    folder.mkdir()
    text = (builtin_templates() / "default" / "report.md.j2").read_text(encoding="utf-8")
    start, end = text.index("# {{ 部分标题.问题 }}"), text.index("# {{ 部分标题.下一步 }}")
    (folder / "report.md.j2").write_text(text[:start] + text[end:], encoding="utf-8")
    minimal["写法"] = {"部分标题": {"问题": "面临的困难和挑战"}}
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(minimal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "--template", folder], inputs=[form], outputs=[out],
                       exit_codes=(2,), located=False)
    assert "缺少必需部分" in result.output and "不足和原因" in result.output


def test_thousands_of_findings_of_one_rule_are_counted_not_listed(tmp_path):
    lines = report("全年受理行政复议案件53件，办结41件，结案率为87.2%。")
    at = lines.index("全年受理行政复议案件53件，办结41件，结案率为87.2%。")
    lines[at:at + 1] = [f"第{i}批受理行政复议案件53件，办结41件，结案率为87.2%。" for i in range(250)]
    path = _write(tmp_path / "重复.txt", lines)
    result = run_clean(["check", path], inputs=[path], exit_codes=(1,))
    assert result.output.count("【错误】比率核算") == 201
    assert "同类问题还有50处，没有一一列出（每条规则最多列出200处）" in result.output
    assert "共 201 处错误" in result.output


def test_pictures_do_not_count_against_a_reports_text_limit(tmp_path, monkeypatch):
    """A .docx may be larger than any text because of its pictures, which are never read:
    only its text is bounded."""
    from test_hostile_reading import package, paragraphs

    path = package(tmp_path / "带图.docx", paragraphs("全年受理行政复议案件53件。"),
                   {"word/media/image1.png": __import__("os").urandom(300_000)})
    monkeypatch.setattr(source, "MAX_BYTES", 200_000)
    result = run_clean(["parse", path], inputs=[path], exit_codes=(0,))
    assert "开头：1 段" in result.output
