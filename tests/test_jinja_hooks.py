"""drafter reaches into Jinja in one module (drafter/render/jinja_hooks.py), pinned to one
minor version: the check of its hooks passes on the Jinja installed, and fails loudly, never
quietly, when Jinja changes underneath one of them."""

from __future__ import annotations

import re
import tomllib

import jinja2
import pytest
from jinja2.compiler import CodeGenerator

from conftest import ROOT
from drafter.errors import DrafterError
from drafter.render import jinja_hooks


@pytest.fixture(autouse=True)
def fresh_check():
    jinja_hooks.verify.cache_clear()
    yield
    jinja_hooks.verify.cache_clear()


def test_the_hooks_hold_in_the_jinja_installed():
    jinja_hooks.verify()


def test_jinja_is_pinned_to_the_minor_version_the_hooks_were_written_for():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pin = next(d for d in deps if d.startswith("jinja2"))
    low, high = re.fullmatch(r"jinja2>=([\d.]+),<([\d.]+)", pin).groups()
    assert low.startswith(jinja_hooks.TESTED_WITH + ".") and high == f"3.{int(jinja_hooks.TESTED_WITH.split('.')[1]) + 1}"
    assert jinja2.__version__.startswith(jinja_hooks.TESTED_WITH + ".")


@pytest.mark.parametrize(
    "broken",
    [
        "version",
        "no folding hook",
        "include code changed",
        "no debug_info",
    ],
)
def test_a_jinja_that_changed_underneath_is_refused_loudly(monkeypatch, broken):
    if broken == "version":
        monkeypatch.setattr(jinja2, "__version__", "3.2.0")
    elif broken == "no folding hook":
        monkeypatch.delattr(jinja_hooks.HookedGenerator, "_output_child_to_const")
        monkeypatch.delattr(CodeGenerator, "_output_child_to_const")
    elif broken == "include code changed":
        monkeypatch.setattr(jinja_hooks, "_YIELD_EACH", re.compile("never matches"))
    else:
        real = CodeGenerator.visit_Template

        def without_debug_info(self, node, frame=None):
            real(self, node, frame)
            self.stream.write("\ndebug_info = None\n")

        monkeypatch.setattr(CodeGenerator, "visit_Template", without_debug_info)
    with pytest.raises(DrafterError) as caught:
        jinja_hooks.verify()
    assert "不配套" in caught.value.message and "重新安装" in caught.value.hint


def test_a_render_with_a_broken_hook_stops_before_any_template_runs(tmp_path, monkeypatch):
    """The check runs when a template is compiled: a Jinja that changed never renders one
    with a check missing."""
    from drafter.render import sandbox

    monkeypatch.setattr(jinja2, "__version__", "3.2.0")
    sandbox.make_environment.cache_clear()
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.md.j2").write_text("{{ 1 }}\n", encoding="utf-8")
    try:
        env = sandbox.make_environment(str(folder))
        env.cache = None
        env.bytecode_cache = None
        with pytest.raises(DrafterError, match="不配套"):
            env.get_template("a.md.j2")
    finally:
        sandbox.make_environment.cache_clear()
