"""Every use drafter makes of Jinja's internals, in this one module, with a check that each
still takes hold (``verify``). Jinja is pinned to the minor version these were written for
(pyproject.toml); a Jinja that changes underneath fails ``verify`` loudly, never by letting
a template quietly past a limit.

What drafter needs from inside Jinja:
- its code generator (``HookedGenerator``): the parsed template is shown to
  ``environment.inspect_template`` before it is compiled; every {% for %} iterates through
  ``environment.counted``, every ``~`` goes through ``environment.join_checked``, every
  slice through ``environment.sliced``, every side of a comparison (==, <, in…) through
  ``environment.compared``, every list, tuple and dict the template writes
  through ``environment.container_checked``; a printed expression that calls, filters or
  joins is never worked out at compile time (``_output_child_to_const``, private);
- the Python it generates (``yield_from_includes``): an include's ``for event in gen:
  yield event`` becomes ``yield from gen``, so the render sees which template wrote a line
  and a limit thrown in stops inside the included file;
- that code's ``debug_info`` (template line = code line) and its frames: which template
  line wrote an output line (``writer``, ``template_at``), which template a traceback
  passed through (``template_frame``), how deeply templates are rendering inside each
  other (``template_depth``), which template line a generated line stands for
  (``template_line``).
"""

from __future__ import annotations

import bisect
import re
import sys
from functools import lru_cache
from pathlib import Path
from types import FrameType

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, optimizeconst

from drafter.errors import DrafterError
from drafter.files import bounds
from drafter.files.patterns import lazy_re

# The Jinja minor version the hooks were written and tested with (pyproject.toml pins it).
TESTED_WITH = "3.1"


class HookedGenerator(CodeGenerator):
    """Jinja's code generator with drafter's checks written into the code it makes."""

    def visit_Template(self, node, frame=None) -> None:
        self.environment.inspect_template(node)  # type: ignore[attr-defined]  # drafter's environments have it
        for loop in node.find_all(nodes.For):
            counted = nodes.Call(nodes.EnvironmentAttribute("counted"), [loop.iter], [], None, None)
            loop.iter = counted.set_lineno(loop.iter.lineno).set_environment(self.environment)
        for compare in list(node.find_all(nodes.Compare)):
            compare.expr = self._compared(compare.expr)
            for op in compare.ops:
                op.expr = self._compared(op.expr)
        super().visit_Template(node, frame)

    def _compared(self, expr):
        call = nodes.Call(nodes.EnvironmentAttribute("compared"), [expr], [], None, None)
        return call.set_lineno(expr.lineno).set_environment(self.environment)

    # Lists, tuples and dicts the template writes are measured as they are made (a tuple
    # that is an assignment target, {% for a, b in … %}, is not a value).
    def visit_Tuple(self, node, frame) -> None:
        if node.ctx != "load":
            return super().visit_Tuple(node, frame)
        self._checked(super().visit_Tuple, node, frame)

    def visit_List(self, node, frame) -> None:
        self._checked(super().visit_List, node, frame)

    def visit_Dict(self, node, frame) -> None:
        self._checked(super().visit_Dict, node, frame)

    def _checked(self, visit, node, frame) -> None:
        self.write("environment.container_checked(")
        visit(node, frame)
        self.write(")")

    def _output_child_to_const(self, node, frame, finalize):
        """Jinja works out a printed expression of constants while compiling, outside the
        time limit, and swallows every error; an expression that calls or filters is
        worked out when the template runs, at its line, within the limits. So is one that
        joins with ~ ([1, 2] ~ "件", none ~ ""): folded, it would print Python's writing of
        its parts, never seen by ``join_checked``."""
        kinds = (nodes.Call, nodes.Filter, nodes.Test, nodes.Concat)
        if isinstance(node, kinds) or next(node.find_all(kinds), None) is not None:
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)

    @optimizeconst
    def visit_Getitem(self, node, frame) -> None:
        """A slice (x[1:]) goes through ``environment.sliced`` (Jinja writes it straight), so
        text holding a number is never printed cut."""
        if not isinstance(node.arg, nodes.Slice):
            return super().visit_Getitem(node, frame)
        self.write("environment.sliced(")
        self.visit(node.node, frame)
        self.write(", slice(")
        for k, part in enumerate((node.arg.start, node.arg.stop, node.arg.step)):
            self.write(", " if k else "")
            if part is None:
                self.write("None")
            else:
                self.visit(part, frame)
        self.write("))")

    @optimizeconst
    def visit_Concat(self, node, frame) -> None:
        self.write("environment.join_checked((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


_YIELD_EACH = lazy_re(r"^([ \t]*)for event in gen:\n[ \t]*yield event$", re.M)


def yield_from_includes(source: str) -> str:
    """Jinja's generated code with each include yielding from the included template (as
    many lines as before: ``debug_info`` still holds)."""
    return _YIELD_EACH.sub(r"\1yield from gen\n\1pass", source)


def template_line(code: str, code_line: int | None) -> int | None:
    """The template line of a line of Jinja's generated code (its ``debug_info`` pairs
    template lines with code lines)."""
    m = re.search(r"^debug_info = '([\d=&]*)'", code, re.M)
    if not m or code_line is None or not m.group(1):
        return None
    pairs = [tuple(map(int, p.split("="))) for p in m.group(1).split("&")]
    before = [t for t, c in pairs if c <= code_line]
    return before[-1] if before else pairs[0][0]


def template_depth(env) -> int:
    """How many templates of ``env`` are rendering inside each other right now (include,
    import, extends): their ``root`` functions on this thread's stack."""
    depth = 0
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "root" and frame.f_globals.get("environment") is env:
            depth += 1
        frame = frame.f_back
    return depth


def template_frame(tb, own: Path | None = None) -> tuple[str | None, int | None, str | None, int | None]:
    """The innermost traceback frame that belongs to a template file, and the innermost that
    belongs to one in the folder ``own`` (the clerk's): a mistake made inside a built-in
    template the clerk's one imports is the clerk's line's to mend."""
    found: tuple = (None, None)
    mine: tuple = (None, None)
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals or frame.f_code.co_filename.endswith(".j2"):
            found = (frame.f_code.co_filename, tb.tb_lineno)
            if own is None or Path(found[0]).resolve().is_relative_to(own):
                mine = found
        tb = tb.tb_next
    return (*mine, *found) if mine[0] else (*found, None, None)


def raw_template_line(tb) -> tuple[str | None, int | None]:
    """The template file and line of the innermost frame of generated code in a traceback
    Jinja has not rewritten (its frames are code lines, mapped through ``debug_info``)."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        frame = tb.tb_frame
        info = frame.f_globals.get("debug_info")
        if info is not None and frame.f_globals.get("environment") is not None:
            found = template_at(frame.f_code, tb.tb_lasti, info)
        tb = tb.tb_next
    return found


def writer(gen) -> tuple | None:
    """Where the chunk just taken from ``gen`` was yielded: the innermost template generator
    (an include's inside its includer's) as (its code, the instruction it stopped at, its
    ``debug_info``), made into a template line only when asked (``template_at``)."""
    found, frame_gen = None, gen
    for _ in range(bounds.INCLUDE_DEPTH * 4):
        frame = getattr(frame_gen, "gi_frame", None)
        if frame is None:
            break
        info = frame.f_globals.get("debug_info")
        if info is not None:
            found = (frame.f_code, frame.f_lasti, info)
        frame_gen = getattr(frame_gen, "gi_yieldfrom", None)  # an include's, a block's generator
    return found


def template_at(code, lasti: int, info: str) -> tuple[str, int]:
    """The template file and line of instruction ``lasti`` of a template's code."""
    starts, lines = _code_lines(code)
    k = bisect.bisect_right(starts, lasti) - 1
    while k >= 0 and lines[k] is None:  # an instruction of no line (inside one long step): the one before
        k -= 1
    line = lines[k] if k >= 0 else None
    return code.co_filename, _debug_line(info, line) if line else 1


@lru_cache(maxsize=64)
def _code_lines(code) -> tuple[list[int], list[int | None]]:
    """The code's instructions' line numbers as (offsets where a range starts, its line)."""
    ranges = sorted((start, line) for start, _end, line in code.co_lines())
    return [s for s, _ in ranges], [n for _, n in ranges]


@lru_cache(maxsize=256)
def _debug_pairs(info: str) -> tuple[list[int], list[int]]:
    """``debug_info`` ('1=13&2=15': template line = code line) as code lines, template lines."""
    pairs = sorted((int(c), int(t)) for t, _, c in (p.partition("=") for p in info.split("&")) if c)
    return [c for c, _ in pairs], [t for _, t in pairs]


def _debug_line(info: str, code_line: int) -> int:
    codes, lines = _debug_pairs(info)
    k = bisect.bisect_right(codes, code_line)
    return lines[k - 1] if k else 1  # code before the first node: the template's start


# -- the check -------------------------------------------------------------------------------


class _Probe(jinja2.Environment):
    """A bare environment with the hooks in place and every check letting all through."""

    code_generator_class = HookedGenerator

    inspected = False
    loops = 0
    joined = False
    sliced_ = False
    compares = 0

    def inspect_template(self, node) -> None:
        self.inspected = True

    def counted(self, iterable):
        self.loops = getattr(self, "loops", 0) + 1
        return iterable

    def join_checked(self, parts) -> str:
        self.joined = True
        return "".join(map(str, parts))

    def sliced(self, obj, part: slice):
        self.sliced_ = True
        return obj[part]

    def container_checked(self, value):
        return value

    def compared(self, value):
        self.compares += 1
        return value

    def _compile(self, source, filename):
        return super()._compile(yield_from_includes(source), filename)


@lru_cache(maxsize=1)
def verify() -> None:
    """Each hook above still takes hold in the Jinja installed; a DrafterError saying so
    when one does not (drafter installed beside a Jinja it was not made for)."""
    wrong: list[str] = []
    if not jinja2.__version__.startswith(TESTED_WITH + "."):
        wrong.append(f"版本是 {jinja2.__version__}，drafter 是按 {TESTED_WITH} 编写的")
    if not callable(getattr(CodeGenerator, "_output_child_to_const", None)):
        wrong.append("代码生成器没有 _output_child_to_const")
    sources = {
        "a.j2": '{% for i in [1] %}{{ "x" ~ i }}{{ ("ab" ~ i)[1:] }}{% endfor %}\n{% include "b.j2" %}',
        "b.j2": "b\n\n{% if 1 in [1] %}end{% endif %}",
    }
    env = _Probe(loader=jinja2.FunctionLoader(lambda name: (sources[name], name, lambda: True)), optimized=False)
    try:
        code = env.compile('{% include "b.j2" %}', "c.j2", "c.j2", raw=True)
        gen = env.get_template("a.j2").generate()
        out: list[str] = []
        where = None
        for chunk in gen:
            out.append(chunk)
            if "end" in chunk:
                where = writer(gen)
        close = getattr(gen, "close", None)
        if close:
            close()
    except Exception as err:  # noqa: BLE001 - any failure here is the finding
        wrong.append(f"试运行出错：{type(err).__name__}")
    else:
        if "".join(out) != "x1b1\nb\n\nend":
            wrong.append("试运行的输出不对")
        if not getattr(env, "inspected", False) or not getattr(env, "loops", 0) or not getattr(env, "joined", False):
            wrong.append("代码生成器的检查没有生效")
        if not getattr(env, "sliced_", False):
            wrong.append("截取文字的检查没有生效")
        if getattr(env, "compares", 0) < 2:
            wrong.append("比较的检查没有生效")
        if "yield from gen" not in yield_from_includes(code) or "debug_info = '" not in code:
            wrong.append("生成的代码和预期的不同")
        if where is None or template_at(*where) != ("b.j2", 3):
            wrong.append("找不到输出行出自模板的哪一行")
    if wrong:
        raise DrafterError(
            "drafter 和安装的 Jinja2 不配套：" + "；".join(wrong) + "。模板的安全检查无法保证，没有运行模板。",
            f"请按 README 重新安装 drafter（它需要 Jinja2 {TESTED_WITH}.x）。",
        )
