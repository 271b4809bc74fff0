"""A clerk's template folder over the built-in default: which files it changes, and how.

``drafter templates list DIR`` names the files the folder overrides and those it takes
from the default; ``drafter templates diff DIR`` shows each change as a unified diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import NamedTuple

from drafter.errors import TemplateError
from drafter.pipeline import is_template_folder
from drafter.render.environment import TEMPLATE_SUFFIX
from drafter.resources import builtin_templates


class Layers(NamedTuple):
    changed: list[str]  # files of the folder that differ from the default's
    same: list[str]  # files of the folder identical to the default's
    added: list[str]  # files only the folder has
    inherited: list[str]  # files the folder lacks, taken from the default


def _files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob(f"*{TEMPLATE_SUFFIX}"))
            if p.is_file() or p.is_symlink()}


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def layers(folder: Path) -> Layers:
    if not is_template_folder(folder):
        raise TemplateError(f"“{folder}”不是模板文件夹（里面没有 {TEMPLATE_SUFFIX} 模板文件）。",
                            "请给出用 drafter templates copy 复制出来的文件夹。")
    default, mine = _files(builtin_templates() / "default"), _files(folder)
    changed, same, added = [], [], []
    for name, path in mine.items():
        if name not in default:
            added.append(name)
        elif _read(path) == _read(default[name]):
            same.append(name)
        else:
            changed.append(name)
    return Layers(changed, same, added, [n for n in default if n not in mine])


def diff_text(folder: Path) -> str:
    """What ``folder`` changes against the default, file by file, as unified diffs."""
    found = layers(folder)
    default = builtin_templates() / "default"
    out = []
    for name in found.changed:
        mine = _read(folder / name).splitlines(keepends=True)
        theirs = _read(default / name).splitlines(keepends=True)
        out.append(f"=== {name}（改动）===\n")
        out += difflib.unified_diff(theirs, mine, f"自带/{name}", f"{folder.name}/{name}")
        if out[-1] and not out[-1].endswith("\n"):
            out.append("\n")
    for name in found.added:
        out.append(f"=== {name}（新增，自带模板里没有）===\n")
        out += [f"+{line}" for line in _read(folder / name).splitlines(keepends=True)]
        if out[-1] and not out[-1].endswith("\n"):
            out.append("\n")
    if not out:
        out.append("这个文件夹没有改动自带模板：" +
                   ("其中的文件与自带的相同。\n" if found.same else "里面没有模板文件。\n"))
    elif found.same:
        out.append(f"另有 {len(found.same)} 个文件与自带的相同（可以删去，删去后随 drafter 升级）：" +
                   "、".join(found.same) + "\n")
    return "".join(out)
