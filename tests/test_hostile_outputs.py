"""What a command writes, and only that (issue 18: files and outputs).

``preview`` replaces nothing it did not write in this run (no pictures of the clerk's are
removed, whatever the name), never writes over its input or an existing file without
--force; ``templates copy`` reads every file as drafter reads an input; every command's
output name fits what it writes; a run stopped by any signal a session can send leaves no
temporary file behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
import yaml

from drafter.cli.commands import main
from hostile_cases import english_words, leftovers, run_clean
from conftest import ROOT

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

needs_libreoffice = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or __import__("drafter.files.libreoffice").files.libreoffice.find_soffice() is None,
    reason="没有安装 LibreOffice 或 pdftoppm")


def _form(folder: Path, minimal: dict, name: str = "form.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(minimal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# -- cause 1: preview --png replaces only what it wrote -----------------------------------

@needs_libreoffice
@pytest.mark.parametrize("stem, theirs", [
    ("报告", ["报告-封面.png", "报告-2024.png", "报告-1-旧.png"]),
    # a name with glob characters: 报告[终稿]-*.png would match 报告终-… and 报告稿-…
    ("报告[终稿]", ["报告终-1.png", "报告稿-照片.png", "报告[终稿]-封面.png"]),
    ("图*", ["图-1.png", "图片-1.png", "图表-2.png"]),
])
def test_preview_png_leaves_the_clerks_pictures_alone(tmp_path, minimal, stem, theirs):
    form = _form(tmp_path, minimal)
    for i, name in enumerate(theirs):
        (tmp_path / name).write_bytes(b"\x89PNG clerk's own picture %d" % i)
    before = _snapshot(tmp_path)
    out = tmp_path / f"{stem}.pdf"
    result = run_clean(["preview", form, "-o", out, "--png"], inputs=[form], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    after = _snapshot(tmp_path)
    assert {name: after.get(name) for name in before} == before
    made = sorted(set(after) - set(before))
    assert made[0] == f"{stem}-1.png" and f"{stem}.pdf" in made
    assert all(after[name].startswith(b"\x89PNG\r\n") for name in made if name.endswith(".png"))


@needs_libreoffice
def test_preview_png_replaces_an_existing_page_only_with_force(tmp_path, minimal):
    form = _form(tmp_path, minimal)
    page = tmp_path / "预览-1.png"
    page.write_bytes(b"the clerk's picture")
    out = tmp_path / "预览.pdf"
    result = run_clean(["preview", form, "-o", out, "--png"], inputs=[form, page], outputs=[out], cwd=tmp_path,
                       located=False)
    assert result.exit_code == 2 and "预览-1.png" in result.output and "--force" in result.output
    assert not out.exists()  # the PDF and its pages are written all or none
    result = run_clean(["preview", form, "-o", out, "--png", "--force"], inputs=[form], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert page.read_bytes().startswith(b"\x89PNG\r\n") and out.read_bytes().startswith(b"%PDF")


# -- cause 2: preview follows render's rules for its PDF -----------------------------------

@pytest.fixture
def no_conversion(monkeypatch):
    """LibreOffice 'found' but never to be started: the refusals come before any work."""
    import drafter.files.libreoffice

    def started(*_args, **_kw):
        raise AssertionError("LibreOffice was started")

    monkeypatch.setattr(drafter.files.libreoffice, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(drafter.files.libreoffice, "run_soffice", started)


@pytest.mark.parametrize("form_name, output", [
    ("报告.pdf", None),                # the default output is the form itself
    ("报告.PDF", "{dir}/报告.PDF"),
    ("报告.pdf", "{dir}/sub/../报告.pdf"),
    ("报告.pdf", "{dir}/链接.pdf"),      # a link to the form
])
def test_preview_never_writes_over_its_form(tmp_path, minimal, no_conversion, form_name, output):
    form = _form(tmp_path, minimal, form_name)
    (tmp_path / "sub").mkdir()
    (tmp_path / "链接.pdf").symlink_to(form)
    args = ["preview", form] + (["-o", output.format(dir=tmp_path)] if output else [])
    for extra in ([], ["--force"]):
        result = run_clean(args + extra, inputs=[form], cwd=tmp_path, located=False)
        assert result.exit_code == 2 and "正是输入的文件" in result.output and form_name in result.output


def test_preview_never_writes_over_its_layout_file(tmp_path, minimal, no_conversion):
    form = _form(tmp_path, minimal)
    config = tmp_path / "版式.pdf"
    config.write_text("# 版面设置\n", encoding="utf-8")
    result = run_clean(["preview", form, "-c", config, "-o", config, "--force"], inputs=[form, config],
                       cwd=tmp_path, located=False)
    assert result.exit_code == 2 and "正是输入的文件" in result.output


def test_preview_refuses_an_existing_pdf_without_force(tmp_path, minimal, no_conversion):
    form = _form(tmp_path, minimal)
    out = tmp_path / "旧的预览.pdf"
    out.write_bytes(b"%PDF-1.4 the clerk's file")
    result = run_clean(["preview", form, "-o", out], inputs=[form, out], cwd=tmp_path, located=False)
    assert result.exit_code == 2 and "已经存在" in result.output and "--force" in result.output


@needs_libreoffice
def test_preview_replaces_an_existing_pdf_with_force(tmp_path, minimal):
    form = _form(tmp_path, minimal)
    out = tmp_path / "旧的预览.pdf"
    out.write_bytes(b"%PDF-1.4 old")
    result = run_clean(["preview", form, "-o", out, "--force"], inputs=[form], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.yaml", "旧的预览.pdf"]


# -- causes 3 and 17: templates copy reads as every reader does -----------------------------

@pytest.fixture
def template(tmp_path, runner) -> Path:
    folder = tmp_path / "我的模板"
    assert runner.invoke(main, ["templates", "copy", "default", str(folder)]).exit_code == 0
    return folder


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "别处" / "机密.txt"
    secret.parent.mkdir()
    secret.write_text("不该被复制进模板的内容\n", encoding="utf-8")
    return secret


def _spoil(folder: Path, tmp_path: Path, how: str) -> str:
    """Make one file of the template folder hostile; return its path inside the folder."""
    if how == "link out":
        (folder / "themes" / "外链.md.j2").symlink_to(_outside(tmp_path))
        return "themes/外链.md.j2"
    if how == "link to /etc/passwd":
        (folder / "passwd.md.j2").symlink_to("/etc/passwd")
        return "passwd.md.j2"
    if how == "link to a device":
        (folder / "零.md.j2").symlink_to("/dev/zero")
        return "零.md.j2"
    if how == "link to a folder outside":
        _outside(tmp_path)
        (folder / "外部文件夹").symlink_to(tmp_path / "别处", target_is_directory=True)
        return "外部文件夹"
    if how == "replaced by a link out":
        (folder / "句式.yaml").unlink()
        (folder / "句式.yaml").symlink_to(_outside(tmp_path))
        return "句式.yaml"
    if how == "gbk":
        (folder / "report.md.j2").write_bytes("{# 旧模板 #}\n报告正文\n".encode("gbk"))
        return "report.md.j2"
    if how == "gbk table":
        (folder / "句式.yaml").write_bytes("普法:\n  - 开展普法活动\n".encode("gbk"))
        return "句式.yaml"
    if how == "huge":
        (folder / "themes" / "通用.md.j2").write_bytes(b"x" * 3_000_000)
        return "themes/通用.md.j2"
    if how == "broken link":
        (folder / "断链.md.j2").symlink_to(tmp_path / "不存在")
        return "断链.md.j2"
    raise AssertionError(how)


def _copy_refused(args: list, tmp_path: Path, *names) -> str:
    """Run ``templates copy …``; it must end with a Chinese message (exit 2) naming no word of
    a library, write nothing and leave no temporary file. Returns the message."""
    from click.testing import CliRunner

    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(main, ["templates", "copy", *map(str, args)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), (result.exception, result.output)
    assert "Traceback" not in result.output and "错误" in result.output
    assert not english_words(result.output, tuple(map(str, [*args, *names]))), result.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written
    assert not leftovers([tmp_path])
    return result.output


WHOLE_CASES = ["link out", "link to /etc/passwd", "link to a device", "link to a folder outside",
               "replaced by a link out", "gbk", "gbk table", "huge", "broken link"]


@pytest.mark.parametrize("how", WHOLE_CASES)
def test_templates_copy_of_a_folder_refuses_a_hostile_file(tmp_path, template, how):
    rel = _spoil(template, tmp_path, how)
    output = _copy_refused([template, tmp_path / "副本"], tmp_path, template / rel, rel, os.path.realpath(template / rel))
    assert output.startswith(str(template / rel))  # where: the file itself
    assert "没有复制" in output or "不像是模板文件" in output


@pytest.mark.parametrize("how, rel", [("replaced by a link out", "句式.yaml"), ("gbk", "report.md.j2"),
                                      ("gbk table", "句式.yaml"), ("huge", "themes/通用.md.j2")])
def test_templates_copy_of_named_files_refuses_a_hostile_file(tmp_path, template, how, rel):
    assert _spoil(template, tmp_path, how) == rel
    output = _copy_refused([template, tmp_path / "副本", rel], tmp_path, template / rel,
                           os.path.realpath(template / rel))
    assert output.startswith(str(template / rel))  # where: the file itself


def test_templates_copy_of_a_named_file_refuses_a_link_out_of_a_theme(tmp_path, template):
    (template / "themes" / "普法.md.j2").symlink_to(_outside(tmp_path))
    output = _copy_refused([template, tmp_path / "副本", "themes/普法.md.j2"], tmp_path,
                           template / "themes" / "普法.md.j2", _outside.__name__, tmp_path / "别处" / "机密.txt")
    assert "普法.md.j2" in output and "以外" in output


def test_templates_copy_of_a_folder_with_gbk_file_names_its_line(tmp_path, template):
    (template / "report.md.j2").write_bytes("第一行\n第二行\n{# 旧 #}\n".encode("gbk"))
    output = _copy_refused([template, tmp_path / "副本"], tmp_path, template / "report.md.j2", "report.md.j2")
    assert "report.md.j2:1" in output and "UTF-8" in output


def test_templates_copy_keeps_links_that_stay_inside_as_files(tmp_path, template):
    (template / "themes" / "普法.md.j2").symlink_to(template / "themes" / "通用.md.j2")
    dest = tmp_path / "副本"
    result = run_clean(["templates", "copy", template, dest], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    copied = dest / "themes" / "普法.md.j2"
    assert not copied.is_symlink() and copied.read_bytes() == (template / "themes" / "通用.md.j2").read_bytes()


def _run_cli(args: list, cwd: Path) -> subprocess.CompletedProcess:
    """A run in its own process, with a time limit: a pipe read by mistake would block for ever."""
    return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="没有命名管道")
@pytest.mark.parametrize("named", [False, True])
def test_templates_copy_refuses_a_named_pipe_without_waiting(tmp_path, template, named):
    (template / "themes" / "通用.md.j2").unlink()
    os.mkfifo(template / "themes" / "通用.md.j2")
    dest = tmp_path / "副本"
    result = _run_cli(["templates", "copy", template, dest] + (["themes/通用.md.j2"] if named else []), tmp_path)
    assert result.returncode == 2, result.stderr
    assert "通用.md.j2" in result.stderr and "管道" in result.stderr and "Traceback" not in result.stderr
    assert not dest.exists() and not leftovers([tmp_path])


@pytest.mark.parametrize("inside", ["", "子文件夹", "子/孙"])
def test_templates_copy_into_its_own_folder_names_both(tmp_path, template, inside):
    dest = (template / inside if inside else template) / "副本"
    output = _copy_refused([template, dest], tmp_path)
    assert f"“{dest}”在模板文件夹“{template}”里面" in output


def test_templates_copy_of_named_files_never_writes_into_drafters_own_templates(tmp_path):
    from drafter.files.resources import builtin_templates

    dest = builtin_templates() / "default" / "临时副本"
    for args in (["default", dest, "句式.yaml"], ["default", builtin_templates() / "新模板"]):
        output = _copy_refused(args, tmp_path)
        assert "自带的模板文件夹里面" in output or "里面，不能把模板复制" in output
        assert not dest.exists() and not (builtin_templates() / "新模板").exists()


# -- cause 5: every output's name fits what is written --------------------------------------

SUFFIX_CASES = [
    (["init", "-o", "报告.docx"], ".yaml"),
    (["init", "-o", "表单.json"], ".yaml"),
    (["init", "-o", "表单"], ".yaml"),
    (["schema", "-o", "x.docx"], ".json"),
    (["schema", "-o", "结构.yaml"], ".json"),
    (["render", "{form}", "-o", "报告.yaml"], ".docx"),
    (["render", "{form}", "--markup", "-o", "报告.md"], ".docx"),
    (["render", "{form}", "-o", "报告.pdf"], ".docx"),
    (["new", "2026", "--from", "{form}", "-o", "2026.docx"], ".yaml"),
    (["import", "{report}", "-o", "表单.docx"], ".yaml"),
    (["mine", "{folder}", "-o", "大纲.json"], ".yaml"),
    (["preview", "{form}", "-o", "预览.docx"], ".pdf"),
    (["preview", "{form}", "-o", "预览.png"], ".pdf"),
    (["templates", "copy", "default", "模板.docx"], "文件夹"),
    (["templates", "copy", "default", "模板.yaml", "句式.yaml"], "文件夹"),
]


def _refused_writing_nothing(tmp_path, minimal, monkeypatch, args) -> str:
    """Run ``args`` ({form}, {report}, {folder} filled in) in a folder holding a form and a
    folder with one report; it must be refused (exit 2) with nothing written. The message."""
    monkeypatch.chdir(tmp_path)
    form = _form(tmp_path, minimal)
    folder = tmp_path / "报告们"
    folder.mkdir()
    report = folder / "去年.txt"
    report.write_text("某县人民政府关于2024年度法治政府建设情况的报告\n一、主要成效\n做了一些工作。\n", encoding="utf-8")
    args = [a.format(form=form, report=report, folder=folder) for a in args]
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = run_clean(args, inputs=[form, report], cwd=tmp_path, located=False)
    assert result.exit_code == 2, result.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written
    return result.output


@pytest.mark.parametrize("args, expected", SUFFIX_CASES)
def test_an_output_name_that_does_not_fit_is_refused(tmp_path, minimal, monkeypatch, no_conversion, args, expected):
    output = _refused_writing_nothing(tmp_path, minimal, monkeypatch, args)
    assert expected in output, output


@pytest.mark.parametrize("args, name", [
    (["init", "-o", "表单.YML"], "表单.YML"),
    (["schema", "-o", "结构.JSON"], "结构.JSON"),
])
def test_an_output_name_that_fits_is_taken_in_any_case(tmp_path, monkeypatch, args, name):
    monkeypatch.chdir(tmp_path)
    result = run_clean(args, cwd=tmp_path)
    assert result.exit_code == 0 and (tmp_path / name).is_file(), result.output


# -- cause 6: a run stopped by a signal leaves no temporary file -----------------------------

_SLOW_WRITE = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import drafter.files.writing

    ready, go, target = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    if sys.argv[4] == "ignore-hup":
        import signal
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as nohup starts a command

    def slow(text):
        def write(tmp):
            Path(tmp).write_text(text[: len(text) // 2], encoding="utf-8")
            ready.write_text("half written", encoding="utf-8")
            while not go.exists():
                time.sleep(0.05)
            Path(tmp).write_text(text, encoding="utf-8")
        return write

    drafter.files.writing.text_writer = slow
    from drafter.cli.commands import main
    main(["schema", "-o", target])
""")


def _start_slow_write(tmp_path: Path, mode: str = "") -> tuple[subprocess.Popen, Path, Path]:
    ready, go, target = tmp_path / "ready", tmp_path / "go", tmp_path / "out" / "结构.json"
    target.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITE, str(ready), str(go), str(target), mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    for _ in range(1200):  # until the temporary file is half written (at most a minute)
        if ready.exists() or proc.poll() is not None:
            break
        try:
            proc.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            pass
    assert ready.exists(), proc.communicate()
    assert leftovers([target.parent])  # the write is under way
    return proc, go, target


STOP = [name for name in ("SIGINT", "SIGHUP", "SIGTERM", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGXCPU", "SIGPWR",
                          "SIGVTALRM", "SIGPROF") if hasattr(signal, name)]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("name", STOP)
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path, name):
    proc, go, target = _start_slow_write(tmp_path)
    signum = getattr(signal, name)
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=60)
    go.touch()
    assert proc.returncode == 128 + signum, (proc.returncode, err)
    assert not leftovers([target.parent]) and not target.exists()
    assert b"Traceback" not in err


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_a_hangup_ignored_by_nohup_stays_ignored(tmp_path):
    proc, go, target = _start_slow_write(tmp_path, "ignore-hup")
    proc.send_signal(signal.SIGHUP)
    go.touch()
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert target.read_text(encoding="utf-8").startswith("{") and not leftovers([target.parent])


def test_a_render_changes_nothing_of_the_process(tmp_path):
    """A render leaves the process as it found it: no signal handler, no timer, no process
    limit changed (a clerk's template is timed and capped in a child of its own), with the
    built-in template and with a clerk's folder alike."""
    import resource

    form = tmp_path / "f.yaml"
    from conftest import MINIMAL

    form.write_text(yaml.safe_dump(MINIMAL, allow_unicode=True), encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    from drafter.files.resources import builtin_templates

    shutil.copy(builtin_templates() / "default" / "report.md.j2", mine / "report.md.j2")

    def state():
        return (
            {s: signal.getsignal(s) for s in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM)},
            signal.getitimer(signal.ITIMER_REAL),
            resource.getrlimit(resource.RLIMIT_AS),
        )

    before = state()
    for k, extra in enumerate(([], ["-t", mine])):
        result = run_clean(["render", form, "-o", tmp_path / f"r{k}.docx", *extra], inputs=[form])
        assert result.exit_code == 0, result.output
        assert state() == before


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signals")
def test_a_signal_while_files_are_renamed_waits_until_all_are_in_place(tmp_path, monkeypatch):
    """A set of files (a form and its schema, a report and its markup) is never half replaced:
    a signal landing between two renames takes effect once all are done."""
    import drafter.files.writing as output

    first, second = tmp_path / "表单.yaml", tmp_path / "结构.json"
    first.write_text("旧表单", encoding="utf-8")
    second.write_text("旧结构", encoding="utf-8")
    real_replace = os.replace

    def replace_then_signal(src, dst):
        real_replace(src, dst)
        # to this thread: a signal sent to the process may land on another thread of the
        # test run (one an earlier test left), which does not hold it
        signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGUSR1, stop)
    monkeypatch.setattr(output.os, "replace", replace_then_signal)
    try:
        with pytest.raises(SystemExit):
            output.write_all([(first, output.text_writer("新表单")), (second, output.text_writer("新结构"))])
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == ("新表单", "新结构")
    assert not leftovers([tmp_path])


# -- found by the outside round after the fixes above ------------------------------------------

@pytest.mark.parametrize("args", [
    ["init", "--output", "表单.yaml/"], ["import", "{report}", "--output", "表单.yaml/"],
    ["mine", "{folder}", "--output", "大纲.yaml/"], ["schema", "--output", "结构.json/"], ["preview", "{form}", "--output", "预览.pdf/"],
])
def test_a_file_name_written_as_a_folder_is_refused(tmp_path, minimal, monkeypatch, no_conversion, args):
    """A final “/” means a folder: the file must not be written under the name without it."""
    output = _refused_writing_nothing(tmp_path, minimal, monkeypatch, args)
    assert "文件夹的写法" in output, output


@pytest.mark.parametrize("command, made", [
    (["render", "{form}"], "表单.docx"),
    (["new", "2026", "--from", "{form}"], "表单-2026.yaml"),
])
@pytest.mark.parametrize("folder", ["已有", "新建/"])
def test_one_input_with_a_folder_for_output_goes_into_it(tmp_path, minimal, monkeypatch, command, made, folder):
    """-o naming a folder (an existing one, or written with a final “/”) takes the output
    under its usual name, as it does for many inputs."""
    monkeypatch.chdir(tmp_path)
    form = _form(tmp_path, minimal, "表单.yaml")
    (tmp_path / "已有").mkdir()
    args = [a.format(form=form) for a in command] + ["-o", str(tmp_path) + "/" + folder]
    result = run_clean(args, inputs=[form], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / folder.rstrip("/") / made).is_file()


def test_a_link_to_nowhere_is_not_replaced_without_force(tmp_path, minimal, no_conversion):
    form = _form(tmp_path, minimal)
    link = tmp_path / "预览.pdf"
    link.symlink_to(tmp_path / "不存在" / "x.pdf")
    result = run_clean(["preview", form, "-o", link], inputs=[form], cwd=tmp_path, located=False)
    assert result.exit_code == 2 and "链接" in result.output and "--force" in result.output
    assert link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="没有命名管道")
def test_templates_copy_of_a_named_phrase_table_that_is_a_pipe_is_refused_not_replaced(tmp_path, template):
    """Not silently the built-in table in its place; and the message says what the file is."""
    (template / "句式.yaml").unlink()
    os.mkfifo(template / "句式.yaml")
    dest = tmp_path / "副本"
    for named in (["句式.yaml"], ["report.md.j2", "themes/普法.md.j2"]):
        result = _run_cli(["templates", "copy", template, dest, *named], tmp_path)
        assert result.returncode == 2, result.stderr
        assert "句式.yaml" in result.stderr and "管道" in result.stderr and "文件夹" not in result.stderr
        assert not dest.exists() and not leftovers([tmp_path])


def test_templates_copy_of_a_file_named_twice_copies_it_once_and_says_so(tmp_path):
    from click.testing import CliRunner

    dest = tmp_path / "副本"
    result = CliRunner().invoke(main, ["templates", "copy", "default", str(dest), "句式.yaml", "./句式.yaml"])
    assert result.exit_code == 0, result.output
    assert "已复制 1 个文件" in result.output and [p.name for p in dest.iterdir()] == ["句式.yaml"]


@needs_libreoffice
def test_two_previews_at_once_both_succeed(tmp_path, minimal):
    """They share LibreOffice's profile in the cache: the second waits for the first."""
    runs = []
    for name in ("甲", "乙", "丙"):
        folder = tmp_path / name
        folder.mkdir()
        form = _form(folder, minimal)
        runs.append((folder, subprocess.Popen([sys.executable, "-m", "drafter", "preview", str(form)], cwd=folder,
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                              env={**os.environ, "PYTHONPATH": str(ROOT)})))
    for folder, proc in runs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert (folder / "form.pdf").read_bytes().startswith(b"%PDF")


def test_a_ctrl_c_while_drafter_is_still_loading_ends_quietly(monkeypatch, capsys):
    """The interrupt may come before the command line can catch it (while its modules load):
    the entry point says 已中止 in Chinese and exits 130, with no traceback."""
    import drafter.cli.commands
    import drafter.cli.launch

    def loading():
        raise KeyboardInterrupt

    monkeypatch.setattr(drafter.cli.commands, "main", loading)
    with pytest.raises(SystemExit) as stop:
        drafter.cli.launch.main()
    assert stop.value.code == 130 and capsys.readouterr().err == "已中止。\n"


def test_two_runs_creating_the_same_file_never_both_succeed(tmp_path):
    """Whichever run writes the new file first keeps it; the other says it was written
    meanwhile (or already exists), exit 2, and never replaces it."""
    outcomes = []
    for attempt in range(6):
        target = tmp_path / f"表{attempt}.yaml"
        runs = [subprocess.Popen([sys.executable, "-m", "drafter", "init", "--org", org, "-o", str(target)],
                                 cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
                for org in ("甲县人民政府", "乙县人民政府")]
        for run in runs:
            run.communicate(timeout=120)
        codes = [run.returncode for run in runs]
        assert sorted(codes) == [0, 2], codes
        unit = yaml.safe_load(target.read_text(encoding="utf-8"))["单位"]
        winner = ("甲县人民政府", "乙县人民政府")[codes.index(0)]
        outcomes.append(unit == winner)
    assert all(outcomes)


def test_render_never_replaces_a_link_without_force(tmp_path, minimal):
    form = _form(tmp_path, minimal)
    real = tmp_path / "真的.docx"
    assert run_clean(["render", form, "-o", real], inputs=[form]).exit_code == 0
    for name, points_to in (("断链.docx", tmp_path / "无" / "x.docx"), ("链接.docx", real)):
        link = tmp_path / name
        link.symlink_to(points_to)
        result = run_clean(["render", form, "-o", link], inputs=[form], located=False)
        assert result.exit_code == 2 and "链接" in result.output and link.is_symlink()


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGUSR1", "SIGINT"])
def test_a_signal_while_another_thread_renames_waits_until_its_files_are_in_place(tmp_path, monkeypatch, name):
    """Python runs handlers in the main thread only, which cannot hold back a signal for a
    worker thread (the coming local page writes from one): the CLI's stop handlers wait
    until the worker's set of files is whole, then stop."""
    import drafter.files.writing as output
    from drafter.cli.commands import _on_stop_signals, _restore_signals

    first, second = tmp_path / "报告.docx", tmp_path / "报告.md"
    first.write_text("旧报告", encoding="utf-8")
    second.write_text("旧标记", encoding="utf-8")
    real_replace = os.replace
    between = threading.Event()

    def slow_replace(src, dst):
        real_replace(src, dst)
        if not between.is_set():
            between.set()
            time.sleep(0.5)  # the signal arrives while the second file is still old

    monkeypatch.setattr(output.os, "replace", slow_replace)
    worker = threading.Thread(target=output.write_all, args=([(first, output.text_writer("新报告")),
                                                              (second, output.text_writer("新标记"))],))
    previous = _on_stop_signals()
    seen = None
    try:
        worker.start()
        assert between.wait(30)
        with pytest.raises((SystemExit, KeyboardInterrupt)):
            signal.pthread_kill(threading.main_thread().ident, getattr(signal, name))
            time.sleep(5)  # the handler runs here
        seen = (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8"))
    finally:
        _restore_signals(previous)
        worker.join(30)
    assert seen == ("新报告", "新标记")
    assert not leftovers([tmp_path])


# -- round 5: the name suggested for a wrong suffix ------------------------------------------------

@pytest.mark.parametrize("args, wrong, suggested", [
    (["init", "--year", "2025", "-o", "out.yaml.txt"], "out.yaml.txt", "out.yaml"),  # Notepad's way
    (["schema", "-o", "x.yaml.txt"], "x.yaml.txt", "x.json"),
    (["render", "{form}", "-o", "out.docx.yaml"], "out.docx.yaml", "out.docx"),
    (["init", "--year", "2025", "-o", "a.b.txt"], "a.b.txt", "a.b.yaml"),  # a dot that is no suffix stays
    (["init", "--year", "2025", "-o", ".yaml"], ".yaml", "输出.yaml"),  # only a suffix: no name
    (["render", "{form}", "-o", "x.docx."], "x.docx.", "x.docx"),  # round 12: a stray dot at the end
    (["init", "--year", "2025", "-o", "x.yaml."], "x.yaml.", "x.yaml"),
])
def test_a_suggested_name_drops_the_wrong_suffixes(tmp_path, minimal, monkeypatch, args, wrong, suggested):
    """Following the advice must give a right name, never out.yaml.yaml."""
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(minimal, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_clean([str(form) if a == "{form}" else a for a in args], inputs=[form], cwd=tmp_path,
                       exit_codes=(2,), located=False)
    assert f"如“{suggested}”" in result.output, result.output
    assert ("没有文件名" in result.output) == (wrong == ".yaml"), result.output
    assert not (tmp_path / wrong).exists()


# -- round 6: the moment the temporary file is made, and a library failing as a stop unwinds --

_SIGNAL_AT_MKSTEMP = textwrap.dedent("""
    import os, signal, sys, tempfile
    import drafter.files.writing

    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        made = real(*args, **kwargs)
        os.kill(os.getpid(), getattr(signal, sys.argv[2]))  # the signal lands right after the file is made
        return made

    drafter.files.writing.tempfile.mkstemp = mkstemp
    from drafter.cli.commands import main
    main(["schema", "-o", sys.argv[1]])
""")


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_as_the_temporary_file_is_made_leaves_nothing(tmp_path, name):
    target = tmp_path / "结构.json"
    proc = subprocess.run([sys.executable, "-c", _SIGNAL_AT_MKSTEMP, str(target), name], capture_output=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode in (130, 128 + getattr(signal, name)), proc.stderr
    assert not leftovers([tmp_path]) and not target.exists()
    assert b"Traceback" not in proc.stderr


def test_a_failure_while_a_stop_unwinds_a_write_is_the_stop(runner, tmp_path, monkeypatch):
    """zipfile's close raises ValueError when a stop lands inside a member's write: the run
    ends as stopped (128 + n, 已中止), never with that error's traceback."""
    import drafter.files.writing as output

    def writer(*_args, **_kwargs):
        def write(tmp):
            try:
                raise SystemExit(143)
            finally:
                raise ValueError("Can't close the ZIP file while there is an open writing handle on it.")
        return write

    monkeypatch.setattr(output, "text_writer", writer)
    result = runner.invoke(main, ["schema", "-o", str(tmp_path / "结构.json")])
    assert result.exit_code == 143, result.output
    assert "已中止" in result.output and "ZIP" not in result.output
    assert not leftovers([tmp_path]) and not (tmp_path / "结构.json").exists()


@needs_libreoffice
@pytest.mark.skipif(not hasattr(os, "killpg") or not Path("/proc").is_dir(), reason="POSIX process groups")
def test_a_stopped_preview_ends_libreoffice_before_its_temporary_folders_go(tmp_path):
    """Round 15: soffice starts soffice.bin, which went on writing the report into a temporary
    folder already removed; a stop now ends LibreOffice first, so no copy is left behind."""
    private = tmp_path / "tmp"
    private.mkdir()
    form = tmp_path / "表单.yaml"
    shutil.copy(ROOT / "examples" / "示例县2025.yaml", form)
    env = {**os.environ, "TMPDIR": str(private)}
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "preview", str(form), "-o", str(tmp_path / "o.pdf")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def ours() -> list[str]:
        found = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if str(private).encode() in cmdline.read_bytes():
                    found.append(cmdline.parent.name)
            except OSError:
                pass
        return found

    deadline = time.monotonic() + 60
    while not ours() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.5)  # caught mid-conversion
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    time.sleep(3)  # what LibreOffice would still write, it writes now
    assert ours() == []
    assert list(private.iterdir()) == []
