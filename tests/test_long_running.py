"""One process that lives long and renders for several people at once (the local page to
come): hostile templates rendered side by side are each stopped at their own limit and do
not disturb one another or an ordinary render; the process's signal handlers, timer and
limits are never changed; a thousand renders in a row do not grow its memory."""

from __future__ import annotations

import resource
import signal
import threading
from pathlib import Path

import pytest
from docx import Document

from conftest import EXAMPLE
from drafter.errors import DrafterError, TemplateError
from drafter.jobs.pipeline import build, load_form, render_file
from drafter.render import limits
from hostile_cases import copy_default, with_line

pytestmark = pytest.mark.slow


def _folder(tmp_path: Path, name: str, line: str | None = None) -> Path:
    """A copy of the built-in template folder, ``line`` put after its 标题 line."""
    return copy_default(tmp_path, name) if line is None else with_line(tmp_path, line, name)[0]


def _process_state():
    return (
        {s: signal.getsignal(s) for s in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM, signal.SIGHUP)},
        signal.getitimer(signal.ITIMER_REAL),
        resource.getrlimit(resource.RLIMIT_AS),
    )


def _text(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_hostile_renders_side_by_side_are_each_stopped_and_disturb_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SECONDS", 2)
    slow = _folder(tmp_path, "slow", "{{ range(100000)" + "|map('abs')" * 60 + "|list|length }}")  # one long step
    wide = _folder(tmp_path, "wide", "{% for a in range(10**5) %}{% for b in range(10**5) %}x{% endfor %}{% endfor %}")
    deep = _folder(tmp_path, "deep", "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}")
    mine = _folder(tmp_path, "mine")  # a clerk's folder that is sound
    alone = tmp_path / "alone.docx"
    render_file(EXAMPLE, alone)
    before = _process_state()

    results: dict[str, object] = {}

    def run(name: str, folder: Path | None) -> None:
        try:
            render_file(EXAMPLE, tmp_path / f"{name}.docx", template=folder)
            results[name] = "ok"
        except DrafterError as err:
            results[name] = err

    jobs = {"slow": slow, "wide": wide, "deep": deep, "mine": mine, "default": None, "slow2": slow}
    threads = [threading.Thread(target=run, args=(name, folder)) for name, folder in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)

    for name in ("slow", "slow2"):
        err = results[name]
        assert isinstance(err, TemplateError), err
        assert "2 秒" in err.message and str(err.where).startswith("slow/report.md.j2:"), (err.message, err.where)
    wide = results["wide"]  # the output limit, or on a loaded machine the time limit first
    assert isinstance(wide, TemplateError) and ("个字符" in wide.message or "2 秒" in wide.message), wide
    assert str(wide.where).startswith("wide/report.md.j2:"), wide.where
    assert isinstance(results["deep"], DrafterError) and "宏" in results["deep"].message, results["deep"]
    assert str(results["deep"].where).startswith("deep/report.md.j2:"), results["deep"].where
    # the sound renders beside them came out as a render alone does
    assert results["mine"] == results["default"] == "ok"
    assert _text(tmp_path / "mine.docx") == _text(tmp_path / "default.docx") == _text(alone)
    for name in ("slow", "wide", "deep", "slow2"):
        assert not (tmp_path / f"{name}.docx").exists()
    assert _process_state() == before


def _resident() -> int:
    """This process's resident memory in bytes."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def test_a_thousand_renders_in_a_row_do_not_grow_the_process(tmp_path):
    mine = _folder(tmp_path, "mine")
    out = tmp_path / "r.docx"

    def render(k: int) -> None:
        if k % 10:
            render_file(EXAMPLE, out, force=True)  # the built-in template, in this process
        else:
            build(load_form(EXAMPLE), template=mine)  # a clerk's folder, in a worker

    for k in range(100):  # every cache filled
        render(k)
    start = _resident()
    for k in range(1000):
        render(k)
    grown = _resident() - start
    assert grown < 16 << 20, f"grew by {grown >> 20} MB over 1,000 renders"
    assert _text(out)[0]
