"""Round 32 of the outside attack on issue 18: Ctrl-C pressed twice. The first stop is carried
out; a second one while it is (the clean-up, the template workers ended at exit) is ignored,
so no traceback reaches the clerk."""

from __future__ import annotations

import signal

import pytest

from conftest import EXAMPLE


@pytest.fixture
def handlers():
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)}
    yield
    for s, h in saved.items():
        signal.signal(s, h)


def test_a_second_interrupt_during_the_first_is_ignored(handlers):
    from drafter.cli import commands

    commands.STOPPED.clear()
    previous = commands._on_stop_signals()
    try:
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
        signal.raise_signal(signal.SIGINT)  # while the first is carried out: nothing
        signal.raise_signal(signal.SIGTERM)
        assert commands.STOPPED == [130]
    finally:
        commands._restore_signals(previous)
        commands.STOPPED.clear()


def test_the_template_workers_are_ended_at_exit_deaf_to_a_second_interrupt(tmp_path, handlers):
    import shutil

    from drafter.files.resources import builtin_templates
    from drafter.jobs.pipeline import build, load_form
    from drafter.render import worker

    folder = tmp_path / "mine"
    shutil.copytree(builtin_templates() / "default", folder)
    build(load_form(EXAMPLE), template=folder)
    idle = list(worker._idle)
    assert idle and all(w.process.is_alive() for w in idle)
    worker._shutdown()
    assert not worker._idle and not any(w.process.is_alive() for w in idle)
    assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_the_childs_time_limit_counts_its_processor_time(handlers):
    """A busy computer does not make a sound template late: the child's timer and budget count
    the processor time it uses, not the clock on the wall."""
    from drafter.render import worker

    with worker._alarm(5):
        assert signal.getitimer(signal.ITIMER_PROF)[0] > 0 and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0


def _report_text(tmp_path):
    import docx

    from hostile_cases import run_clean

    out = tmp_path / "r.docx"
    run_clean(["render", EXAMPLE, "-o", out], inputs=[EXAMPLE], exit_codes=(0,))
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs) + "\n"


def test_rows_of_numbers_typed_as_text_and_attachments_after_the_date_draw_no_error(tmp_path):
    from hostile_cases import run_clean

    text = _report_text(tmp_path)
    lines = text.split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("1.把法治政府建设"))
    rows = ["行政复议 53 49 92.5%", "行政机关败诉 0 0%", "行政处罚 2356 68%", "合计 3454 100.0%"]
    path = tmp_path / "rows.txt"
    path.write_text("\n".join(lines[: k + 1] + rows + lines[k + 1 :]), encoding="utf-8")
    assert "数字中间有空格" not in run_clean(["check", path], inputs=[path], exit_codes=(0, 1)).output
    for head in ("附表", "附表1", "附录"):
        path = tmp_path / f"{head}.txt"
        path.write_text(text.rstrip("\n") + f"\n{head}\n主要指标统计表\n行政复议案件53件。\n", encoding="utf-8")
        said = run_clean(["check", path], inputs=[path], exit_codes=(0,)).output
        assert "没有发现问题" in said, said
    # near miss: one number broken by a space before a unit is still said
    path = tmp_path / "broken.txt"
    path.write_text(text.replace("审结146件", "审结14 6件", 1), encoding="utf-8")
    assert "数字中间有空格" in run_clean(["check", path], inputs=[path], exit_codes=(1,)).output


def test_a_part_is_of_the_nearest_whole_not_an_earlier_part_of_the_same_name(tmp_path):
    from hostile_cases import run_clean

    text = EXAMPLE.read_text(encoding="utf-8")
    old = "    - 全县行政机关负责人出庭应诉率连续三年保持100%\n    - 成功创建省级法治政府建设示范县"
    assert old in text
    form = tmp_path / "f.yaml"
    form.write_text(text.replace(old, "    - 对31起典型案例开展以案释法，其中涉及食品药品安全的21起\n"
                                      "    - 对162起典型案例开展以案释法，其中涉及食品药品安全的157起"), encoding="utf-8")
    out = tmp_path / "f.docx"
    run_clean(["render", form, "-o", out], inputs=[form], exit_codes=(0,))
    assert "没有发现问题" in run_clean(["check", out], inputs=[out], exit_codes=(0,)).output
    # near miss: a part larger than its own whole is still an error
    form.write_text(text.replace(old, "    - 对31起典型案例开展以案释法，其中涉及食品药品安全的41起\n    - 成功创建省级法治政府建设示范县"),
                    encoding="utf-8")
    assert "部分大于整体" in run_clean(["render", form, "-o", out], inputs=[form], exit_codes=(0, 2)).output
