"""Run a drafter command in-process and assert that its outcome is clean.

Whatever a clerk gives drafter, a command ends in one of two ways: it does its work (exit 0,
and every .docx it wrote opens and is well-formed XML throughout), or it refuses with a
message in Chinese that says where the problem is (exit 2). Never a traceback, never an
English fragment from a library, never an input file changed, never an existing output
damaged by a failed run, never a temporary file left behind. ``run_clean`` asserts all of
that; the hostile-input tests (tests/test_hostile_*.py) import it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from click.testing import CliRunner, Result
from lxml import etree

from drafter.cli.commands import main

COMMANDS = {"init", "validate", "render", "new", "check", "parse", "import", "mine", "preview",
            "templates", "schema", "list", "copy", "default"}
# Latin words a message may hold: file suffixes, formats and programs the clerk knows,
# the command names and the words of the YAML syntax the hints quote.
ALLOWED_WORDS = COMMANDS | {
    "drafter", "yaml", "docx", "txt", "json", "schema", "utf", "gbk", "ansi", "word", "wps",
    "libreoffice", "tab", "true", "false", "null", "force", "markup", "template", "config",
    "output", "help", "year", "from", "last", "org",
    # the template language a clerk's own template is written in, and the template folder's names
    "endif", "endfor", "include", "import", "with", "context", "themes", "readme", "report", "replace",
}
_CHINESE = re.compile("[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z]{4,}")
_QUOTED = re.compile("“([^“”]*)”")


def english_words(text: str, names: tuple[str, ...] = (), written: str = "") -> list[str]:
    """Runs of four or more Latin letters that are not allowed words, not in ``names`` (the
    paths the test passed) and not inside a quotation “…” of what the clerk ``written``."""
    text = _QUOTED.sub(lambda m: " " if m.group(1).rstrip("…") in written else m.group(0), text)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = re.sub(r"U\+[0-9A-F]{4,6}", " ", text)  # a character named by its code
    return [w for w in _WORD.findall(text) if w.lower() not in ALLOWED_WORDS]


def leftovers(folders) -> list[Path]:
    """Temporary files an interrupted write would leave: .name….tmp."""
    return [p for f in folders if Path(f).is_dir() for p in Path(f).iterdir()
            if p.name.startswith(".") and p.name.endswith(".tmp")]


def assert_docx_sound(path: Path) -> None:
    """The .docx opens with python-docx and every XML part of it parses."""
    docx.Document(str(path))
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))  # raises on any character XML 1.0 refuses


def _snapshot(paths) -> dict[Path, bytes | None]:
    return {Path(p): (Path(p).read_bytes() if Path(p).is_file() else None) for p in paths}


def run_clean(args, *, inputs=(), outputs=(), cwd=None, exit_codes=(0, 2), located: bool = True,
              runner: CliRunner | None = None) -> Result:
    """Run ``drafter args`` in-process and assert a clean outcome (see the module docstring).

    ``inputs`` must come out byte for byte unchanged; ``outputs`` are the files the command may
    write (each .docx among them is opened when the run succeeds; on failure each must be as
    it was). ``located``: an error must name an input file with a line number
    (file:line). ``cwd`` (default: the folder of the first input) is searched for leftovers.
    """
    args = [str(a) for a in args]
    watched = [*inputs, *outputs]
    before = _snapshot(watched)
    folders = {Path(p).resolve().parent for p in watched} | ({Path(cwd)} if cwd else set())
    result = (runner or CliRunner()).invoke(main, args, catch_exceptions=True)
    output = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"drafter {' '.join(args)} raised {result.exception!r}\n{output}")
    assert "Traceback" not in output, output
    assert result.exit_code in exit_codes, f"exit {result.exit_code}\n{output}"
    names = tuple(args) + tuple(str(p) for p in watched)
    written = "".join(b.decode("utf-8", "replace") for p, b in before.items() if b is not None and p in
                      {Path(i) for i in inputs})
    stray = english_words(output, names, written)
    assert not stray, (stray, output)
    for path in inputs:
        assert _snapshot([path]) == {Path(path): before[Path(path)]}, f"{path} was changed"
    if result.exit_code == 0:
        for path in outputs:
            if Path(path).suffix == ".docx" and Path(path).is_file():
                assert_docx_sound(Path(path))
    else:
        assert _CHINESE.search(output), output
        if located and inputs:
            assert any(re.search(re.escape(Path(p).name) + r":\d+", output) for p in inputs), output
        for path in outputs:
            assert _snapshot([path]) == {Path(path): before[Path(path)]}, f"{path} changed in a failed run"
    assert not leftovers(folders), leftovers(folders)
    return result


def example_form(tmp_path: Path, *swaps: tuple[str, str], name: str = "表单.yaml") -> Path:
    """The bundled example form with each (old, new) replaced once, written to ``tmp_path``."""
    from conftest import EXAMPLE

    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new, 1)
    form = tmp_path / name
    form.write_text(text, encoding="utf-8")
    return form


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of ``path`` where ``needle`` first stands."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def render_with_template(tmp_path, files: dict[str, str], form_text: str | None = None, exit_codes=(0,),
                         located: bool = True):
    """Render the example form (or ``form_text``) with a template folder holding ``files``
    (name → text), through run_clean: (what the command said, the .docx path)."""
    from conftest import EXAMPLE

    folder = tmp_path / "模板"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    form = tmp_path / "表单.yaml"
    form.write_text(form_text or EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "-t", folder], inputs=[form, *folder.rglob("*.*")],
                       outputs=[out], exit_codes=exit_codes, located=located)
    return result.output, out


def copy_default(tmp_path: Path, name: str = "tpl") -> Path:
    """A copy of the built-in template folder, as a clerk's own (``tmp_path/name``)."""
    import shutil

    from drafter.files.resources import builtin_templates

    folder = tmp_path / name
    shutil.copytree(builtin_templates() / "default", folder)
    return folder


def with_line(tmp_path: Path, text: str, name: str = "tpl") -> tuple[Path, int]:
    """A copy of the default templates with ``text`` as the line after ``@标题``; its line number."""
    folder = copy_default(tmp_path, name)
    report = folder / "report.md.j2"
    lines = report.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("@标题")) + 1
    lines.insert(at, text)
    report.write_text("\n".join(lines), encoding="utf-8")
    return folder, at + 1


def clerk_templates(tmp_path: Path, files: dict[str, str], name: str = "tpl") -> Path:
    """A clerk's template folder holding only ``files`` (relative name → text): the rest comes
    from the built-in templates, as layered folders do."""
    folder = tmp_path / name
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return folder


def render_with(runner, tmp_path: Path, folder: Path, form: Path | None = None):
    """``drafter render`` of ``form`` (the bundled example) with the templates of ``folder``,
    to ``tmp_path/r.docx``: (that output, the click result)."""
    from conftest import EXAMPLE

    from drafter.cli.commands import main

    out = tmp_path / "r.docx"
    return out, runner.invoke(main, ["render", str(form or EXAMPLE), "-t", str(folder), "-o", str(out)])

