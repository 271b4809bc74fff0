"""Render a template folder: the built-in templates in this process (run.py), a clerk's
folder in a child process with its own time and memory cap (worker.py)."""

from __future__ import annotations

from pathlib import Path

from drafter.files.resources import builtin_templates
from drafter.model.markup import readable_markup
from drafter.render.loader import TEMPLATE_SUFFIX
from drafter.render.rendered import Rendered
from drafter.render.run import render_here

__all__ = ["TEMPLATE_SUFFIX", "render_markup", "render_template"]


def render_template(template_dir: str | Path, name: str, context: dict) -> Rendered:
    """Template ``name`` of ``template_dir`` rendered to marked markup text (for
    ``parse_markup``; ``readable_markup`` makes it readable)."""
    folder = Path(template_dir).resolve()
    if folder.is_relative_to(builtin_templates().resolve()):
        return render_here(folder, name, context)
    from drafter.render.worker import render_in_child

    return render_in_child(folder, name, context)


def render_markup(template_dir: str | Path, name: str, context: dict) -> str:
    """Render template ``name`` from ``template_dir`` to markup as a person reads it: the
    literal marks removed, a printed line that looks like markup escaped with ``\\``;
    ``parse_markup`` reads it as it reads the marked text."""
    return readable_markup(render_template(template_dir, name, context))
