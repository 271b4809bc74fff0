"""Round 30 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE
from drafter.errors import OutputError
from drafter.files import writing
from hostile_cases import run_clean, with_line


def _folder(tmp_path: Path, line: str) -> Path:
    return with_line(tmp_path, line, "模板")[0]


def _render(tmp_path: Path, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", "render", EXAMPLE, "-o", tmp_path / "r.docx", "-t", folder],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize("line", [
    "{{ " + "+".join(["1"] * 200) + " }}",
    "{{ 单位" + "|trim" * 200 + " }}",
    "{% if 单位" + " and 单位" * 200 + " %}x{% endif %}",
])
def test_an_expression_too_long_for_python_is_said_as_such_at_its_line(tmp_path, line):
    done = _render(tmp_path, _folder(tmp_path, line))
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "report.md.j2:8：" in said and "表达式太长" in said, said
    assert "写了两次" not in said and "嵌套太深" not in said, said


@pytest.mark.slow
def test_an_expression_of_ordinary_length_renders(tmp_path):
    done = _render(tmp_path, _folder(tmp_path, "{{ " + "+".join(["1"] * 140) + " }}" + "{{ 单位" + "|trim" * 140 + " }}"))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep")
def test_ctrl_c_during_a_render_in_the_child_stops_at_once(tmp_path):
    folder = _folder(tmp_path, "{% macro f(n) %}{% if n>0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}")
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "render", EXAMPLE, "-o", tmp_path / "r.docx", "-t", folder],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal
    end = time.monotonic() + 30
    while not subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True).stdout and time.monotonic() < end:
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=8)  # well before the template's 10 s
    assert proc.returncode == 130 and "已中止" in out + err and "超过" not in out + err, (out, err)
    time.sleep(0.5)
    assert not subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True).stdout


def test_a_title_spanning_two_years_is_refused_unless_it_ends_on_the_year(tmp_path):
    form = tmp_path / "f.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    for title, refused in (("示例县人民政府2025—2026年度法治政府建设报告", True), ("示例县人民政府2025-2026年度法治政府建设报告", True),
                           ("示例县人民政府2024—2025年度法治政府建设报告", False),
                           ("示例县人民政府关于2025年度法治政府建设情况及2026年度工作计划的报告", False)):
        form.write_text(text.replace("主送机关:", f"标题: {title}\n主送机关:", 1), encoding="utf-8")
        said = run_clean(["validate", form], inputs=[form], exit_codes=(2,) if refused else (0,)).output
        if refused:
            assert "标题" in said and "年度报告只写一年" in said, said


def _report_text(tmp_path: Path) -> str:
    import docx

    out = tmp_path / "r.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], exit_codes=(0,))
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs) + "\n"


def test_a_space_inside_a_number_is_said_as_such_and_nothing_computed_from_its_halves(tmp_path):
    text = _report_text(tmp_path)
    assert "审结146件" in text
    broken = tmp_path / "broken.txt"
    broken.write_text(text.replace("审结146件", "审结14 6件", 1), encoding="utf-8")
    said = run_clean(["check", broken], inputs=[broken], exit_codes=(1,)).output
    assert "数字中间有空格" in said and "“14 6”" in said, said
    assert "比率核算" not in said and "部分大于整体" not in said and "审结14”" not in said, said
    # near miss: digits grouped by thousands are one number
    grouped = tmp_path / "grouped.txt"
    grouped.write_text(text.replace("审结146件", "审结1 146件", 1).replace("依法受理151件", "依法受理1 151件", 1), encoding="utf-8")
    assert "数字中间有空格" not in run_clean(["check", grouped], inputs=[grouped], exit_codes=(0, 1)).output


def test_a_set_of_outputs_is_all_or_none_when_one_cannot_be_replaced(tmp_path, monkeypatch):
    form, schema = tmp_path / "x.yaml", tmp_path / "drafter-form.schema.json"
    form.write_text("r: 1\n", encoding="utf-8")
    real = os.replace

    def refusing(src, dst):
        if Path(dst) == form:
            raise PermissionError(13, "denied")
        return real(src, dst)

    monkeypatch.setattr(writing.os, "replace", refusing)
    with pytest.raises(OutputError) as caught:
        writing.write_all([(schema, writing.text_writer("{}")), (form, writing.text_writer("new"))])
    assert "x.yaml" in caught.value.message and not schema.exists() and form.read_text(encoding="utf-8") == "r: 1\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".drafter-")]


def test_another_users_file_in_a_shared_folder_is_said_as_such(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    form = shared / "x.yaml"
    form.write_text("r: 1\n", encoding="utf-8")
    monkeypatch.setattr(writing.os, "geteuid", lambda: os.stat(form).st_uid + 4242)
    with pytest.raises(OutputError) as caught:
        writing.write_all([(shared / "drafter-form.schema.json", writing.text_writer("{}")), (form, writing.text_writer("new"))])
    assert "属于别的用户" in caught.value.message and "x.yaml" in caught.value.message
    assert sorted(p.name for p in shared.iterdir()) == ["x.yaml"]
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
