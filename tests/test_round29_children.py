"""Round 29: a clerk's template runs in a child process (render/worker.py). The child goes
when the command goes, however it goes; a child ended from outside is said as such; a limit
that strikes where the template's code has no line, or while it is compiled, is still said
at the template's line."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE
from hostile_cases import render_with_template, with_line

pytestmark = pytest.mark.slow

SLOW_LOOP = "{% for i in range(40000) %}{% for j in range(120) %}{% endfor %}{% endfor %}"


def _folder(tmp_path: Path, line: str) -> Path:
    return with_line(tmp_path, line, "模板")[0]


def _drafter(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "drafter", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def _child_of(proc: subprocess.Popen, wait: float = 30) -> int:
    end = time.monotonic() + wait
    while time.monotonic() < end:
        kids = _children(proc.pid)
        if kids:
            return kids[0]
        time.sleep(0.05)
    raise AssertionError("no template child started")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        return f.read().split()[2] != "Z"


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep")
def test_the_child_goes_when_the_command_is_killed(tmp_path):
    proc = _drafter("render", EXAMPLE, "-o", tmp_path / "r.docx", "-t", _folder(tmp_path, SLOW_LOOP))
    child = _child_of(proc)
    proc.kill()
    proc.communicate(timeout=30)
    end = time.monotonic() + 30
    while _alive(child) and time.monotonic() < end:
        time.sleep(0.1)
    assert not _alive(child), "the template child outlived the command"


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep")
def test_a_child_ended_from_outside_is_said_as_such(tmp_path):
    proc = _drafter("render", EXAMPLE, "-o", tmp_path / "r.docx", "-t", _folder(tmp_path, SLOW_LOOP))
    os.kill(_child_of(proc), signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, (out, err)
    assert "意外结束" in out + err and "超过" not in out + err and "Traceback" not in err, (out, err)
    assert not (tmp_path / "r.docx").exists()


def test_a_time_limit_inside_one_long_step_is_said_at_its_line(tmp_path, monkeypatch):
    folder = _folder(tmp_path, '{% set s = "x" * 400000 %}{% for i in range(100000) %}{% if s in s %}{% endif %}{% endfor %}')
    script = ("import sys\nimport drafter.render.limits as limits\nlimits.MAX_SECONDS = 2\n"
              "from drafter.cli.commands import main\nsys.argv = ['drafter'] + sys.argv[1:]\nmain()\n")
    done = subprocess.run([sys.executable, "-c", script, "render", EXAMPLE, "-o", tmp_path / "r.docx", "-t", folder],
                          capture_output=True, text=True, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "report.md.j2:8：" in said and "2 秒" in said and "数据类型" not in said, said


@pytest.mark.parametrize("line, words", [
    ("".join(f"{{% macro m{i}() %}}{i}{{% endmacro %}}" for i in range(6000)), "标签"),
    ("{{ " + "+".join(["1"] * 3000) + " }}", "表达式太长"),
    ("{{ 单位" + "|trim" * 3000 + " }}", "表达式太长"),
])
def test_templates_too_big_to_compile_in_time_are_refused_at_their_line(tmp_path, line, words):
    # the message quotes the clerk's template line, English words and all
    done = subprocess.run([sys.executable, "-m", "drafter", "render", EXAMPLE, "-o", tmp_path / "r.docx", "-t", _folder(tmp_path, line)],
                          capture_output=True, text=True, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "report.md.j2:8：" in said and words in said and "Traceback" not in said, said
    assert not (tmp_path / "r.docx").exists()


def test_a_template_of_ordinary_size_still_compiles(tmp_path):
    line = "".join(f"{{% if 单位 %}}{i}{{% endif %}}" for i in range(200)) + "{{ " + "+".join(["1"] * 100) + " }}"
    folder = _folder(tmp_path, "{# " + line.replace("{", "(").replace("}", ")") + " #}")
    render_with_template(tmp_path, {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                                    for p in folder.rglob("*") if p.is_file()})
