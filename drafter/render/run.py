"""One template rendered in this process: its output, stopped past the output, line and
time limits, each output line credited to the template line that wrote it.

Nothing here changes the process: no signal, no process limit, no exception put into a
thread; the limits are counted as the template runs (limits.Budget). What may need more
(a clerk's folder: a single step that never returns, memory) runs in a child (worker.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import TemplateError, Where
from drafter.files.patterns import lazy_re
from drafter.render import apart, jinja_hooks, limits
from drafter.render.loader import FolderLoader, shown_name
from drafter.render.locate import in_output, located, shipped
from drafter.render.rendered import LINE_BREAK, Rendered
from drafter.render.sandbox import finalize, make_environment

_OTHER_BREAK = lazy_re("[\r\x85\u2028\u2029]")


def render_here(template_dir: str | Path, name: str, context: dict) -> Rendered:
    """Render template ``name`` from ``template_dir`` to marked markup text (for
    ``parse_markup``; ``readable_markup`` makes it readable), in this process."""
    env = make_environment(str(Path(template_dir).resolve()))
    try:
        with limits.rendering() as budget:
            template = env.get_template(name)
            out = _render(template, context, budget)
    except Exception as err:  # noqa: BLE001 - every error of a template becomes a located TemplateError
        raise located(err, sys.exc_info()[2], env, name) from None
    out.names = {f: shown_name(f, env.loader) or f for f in {w[0].co_filename for w, _, _ in out.origins.values() if w}}
    if isinstance(env.loader, FolderLoader):
        out.files = tuple((shown_name(path, env.loader) or path, text, shipped(path)) for path, text in env.loader.texts.items())
    plain, at, said, hint = apart.apart(out)
    if at is not None:  # a figure joined to what the template printed beside it
        line = len(LINE_BREAK.split(out[:at]))
        raise in_output(TemplateError(said or "", hint, Where("<模板输出>", line)), out, at)
    return out.with_text(plain)


def _render(template, context: dict, budget: limits.Budget) -> Rendered:
    """The template's output, stopped (where the template is, so it can be located) past
    the output, line or time limit (what follows the template, reading the markup and
    typesetting it, takes time in proportion to the output). Each output line is credited
    to the template line that wrote its first visible character."""
    parts, lines, origins, at = [], 0, {}, 1
    template.environment.report_names = frozenset(context)  # an imported file sees none of them (messages.undefined)
    gen = template.generate(context)
    try:
        for chunk in gen:
            if not isinstance(chunk, str):  # a {% filter %} block's result, not yet printed
                try:
                    chunk = finalize(chunk)
                except Exception as err:  # noqa: BLE001 - raised where the template yielded it
                    gen.throw(err)
            budget.output += len(chunk)
            lines += chunk.count("\n")
            if budget.output > limits.MAX_OUTPUT or lines > limits.MAX_LINES:
                gen.throw(limits.output_error())
            if budget.over_time():
                gen.throw(limits.RenderTimeout())
            parts.append(chunk)
            if at in origins and "\n" not in chunk and not _OTHER_BREAK.search(chunk):
                continue  # the common case: more of a line already credited
            pieces = LINE_BREAK.split(chunk)
            writer = None
            for k, piece in enumerate(pieces):
                if at + k not in origins and piece.strip():
                    writer = writer or jinja_hooks.writer(gen)
                    origins[at + k] = (writer, chunk, k)
            at += len(pieces) - 1
    finally:
        gen.close()
    out = Rendered("".join(parts))
    out.origins = origins
    return out
