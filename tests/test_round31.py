"""Round 31 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

from pathlib import Path

import docx

from conftest import EXAMPLE
from hostile_cases import run_clean, with_line


def _report(tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / "r.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], exit_codes=(0,))
    return out, "\n".join(p.text for p in docx.Document(str(out)).paragraphs) + "\n"


def _check(path: Path, codes=(0, 1)) -> str:
    return run_clean(["check", path], inputs=[path], exit_codes=codes).output


def test_spaces_a_careful_clerk_writes_around_numbers_are_no_broken_number(tmp_path):
    _out, text = _report(tmp_path)
    for k, (old, new) in enumerate([
        ("涉及金额46.8亿元", "涉及金额1 234.5万元"),  # thousands with decimals
        ("涉及金额46.8亿元", "罚没款共计12 345 678.90元"),
        ("年中开展一次全面评估", "年中对照附件1 38项任务开展一次全面评估"),  # a label, then a count
        ("年中开展一次全面评估", "年中对照表2 12个乡镇的结果开展一次全面评估"),
        ("年中开展一次全面评估", "年中对照　98　67.1%开展一次全面评估"),  # columns of a table pasted as text
    ]):
        assert old in text
        path = tmp_path / f"c{k}.txt"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        said = _check(path)
        assert "数字中间有空格" not in said, (new, said)
    # near miss: one space inside one number is still said
    path = tmp_path / "broken.txt"
    path.write_text(text.replace("审结146件", "审结14 6件", 1), encoding="utf-8")
    assert "数字中间有空格" in _check(path, (1,))


def test_the_cells_of_a_table_row_are_never_one_number(tmp_path):
    out, _text = _report(tmp_path)
    document = docx.Document(str(out))
    anchor = next(p for p in document.paragraphs if p.text.startswith("（一）"))
    rows = [["指标", "件数", "比率"], ["按期办结率", "146", "100%"], ["复议纠错率", "18", "12.3%"], ["维持", "98", "67.1%"]]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    anchor._p.addnext(table._tbl)
    path = tmp_path / "table.docx"
    document.save(str(path))
    said = _check(path, (0,))
    assert "没有发现问题" in said, said


def _with_line(tmp_path: Path, name: str, line: str) -> Path:
    return with_line(tmp_path, line, name)[0]


def test_an_include_alone_on_its_line_keeps_its_last_line_a_line(tmp_path):
    from hostile_cases import render_with_template

    files = {"themes/普法.md.j2": '{% include "themes/x.md.j2" %}\n第二段文字。\n', "themes/x.md.j2": "第一段文字。\n"}
    _said, out = render_with_template(tmp_path, files)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "第一段文字。" in paragraphs and "第二段文字。" in paragraphs, paragraphs
    # near miss: an include inside a line of text stays inline
    files["themes/普法.md.j2"] = '前文{% include "themes/x.md.j2" %}后文。\n'
    _said, out = render_with_template(tmp_path, files)
    assert any("前文第一段文字。后文。" in p.text for p in docx.Document(str(out)).paragraphs)


def test_the_expression_limit_counts_operators_not_the_assignment(tmp_path):
    import subprocess
    import sys

    for n, code in ((150, 0), (151, 2)):
        folder = _with_line(tmp_path, f"t{n}", "{% set z = 单位" + "|trim" * n + " %}")
        done = subprocess.run([sys.executable, "-m", "drafter", "render", EXAMPLE, "-o", tmp_path / f"r{n}.docx", "-t", folder],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == code, done.stdout + done.stderr


def test_comments_count_with_tags_against_the_limit_of_one_file(tmp_path):
    import subprocess
    import sys

    folder = _with_line(tmp_path, "comments", "".join(f"{{# 注释{i} #}}" for i in range(2100)))
    done = subprocess.run([sys.executable, "-m", "drafter", "render", EXAMPLE, "-o", tmp_path / "r.docx", "-t", folder],
                          capture_output=True, text=True, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "report.md.j2:" in said and "注释" in said and "2000" in said, said


def test_an_output_folder_that_cannot_be_made_is_said_as_such(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    one, two = tmp_path / "甲.yaml", tmp_path / "乙.yaml"
    for form in (one, two):
        form.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    said = run_clean(["render", one, two, "-o", blocker / "out"], inputs=[one, two, blocker], exit_codes=(2,), located=False).output
    assert "无法建立输出文件夹" in said and "请检查文件或文件夹的名称和路径" not in said, said
