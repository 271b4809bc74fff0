"""A clerk's template folder over the built-in default: which files it changes, and how.

``drafter templates list DIR`` names the files the folder overrides and those it takes
from the default; ``drafter templates diff DIR`` shows each change as a unified diff. The phrase table
(句式.yaml) is compared theme by theme, as it is read: a theme the folder's table leaves out
comes from the default, it is not removed.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import NamedTuple

from drafter.errors import TemplateError
from drafter.files.patterns import lazy_re
from drafter.files.resources import builtin_templates
from drafter.jobs.pipeline import is_template_folder
from drafter.render.loader import TEMPLATE_SUFFIX
from drafter.render.phrases import OPENING, PHRASE_FILE


class Layers(NamedTuple):
    changed: list[str]  # files of the folder that differ from the default's
    same: list[str]  # files of the folder identical to the default's
    added: list[str]  # files only the folder has
    inherited: list[str]  # files the folder lacks, taken from the default
    phrases: list[str] = []  # themes of the folder's phrase table that differ from the default's


def _files(folder: Path) -> dict[str, Path]:
    # every entry by a template's name, whatever it is: a pipe or a folder named 普法.md.j2 is
    # listed (and said unreadable), as render refuses it
    found = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob(f"*{TEMPLATE_SUFFIX}")) if os.path.lexists(p)}
    table = folder / PHRASE_FILE
    if os.path.lexists(table):
        found[PHRASE_FILE] = table
    return found


_UNREADABLE = "\0"  # what _read gives for a file that cannot be read as UTF-8 text


def unreadable(path: Path) -> str:
    """Why a file of the folder cannot be read, as the message of the shared input checks
    says it (a pipe, a folder, a link that loops)."""
    from drafter.errors import DrafterError
    from drafter.files.bounds import TEMPLATE_BYTES as MAX_TEMPLATE_BYTES
    from drafter.files.inputs import read_bytes

    if _outside(path):
        return "它指向模板文件夹以外的文件"
    try:
        text = read_bytes(path, MAX_TEMPLATE_BYTES, "模板文件").decode("utf-8-sig")
    except DrafterError as err:
        return err.message.rstrip("。")
    except OSError:
        return "这个文件读不出来"
    except UnicodeDecodeError:
        return "这个文件无法按 UTF-8 文本读出"
    if path.name == PHRASE_FILE:  # read as render reads it: a table it refuses is no edit of a theme
        from drafter.render.phrases import read_table

        try:
            read_table(text, str(path))
        except TemplateError as err:
            at = (
                f"第 {err.where.line} 行" + (f"第 {err.where.column} 列" if err.where.column else "")
                if err.where and err.where.line
                else "这个文件"
            )
            said = err.message.split("写法有误：", 1)[-1].rstrip("。")
            return f"句式表写法有误（{at}：{said}）"
    return ""


def _outside(path: Path) -> bool:
    """Does the template file ``path`` (in a folder or its themes/) lead out of that folder,
    as render refuses it (a link to /etc/hostname)?"""
    root = path.parent.parent if path.parent.name == "themes" else path.parent
    try:
        real, top = path.resolve(), root.resolve()
    except (OSError, RuntimeError):
        return False  # a looping link: said unreadable by the reading itself
    return real != top and top not in real.parents


def _read(path: Path) -> str:
    """A file's text; _UNREADABLE for what is not an ordinary UTF-8 file of template size
    (a pipe, /dev/zero, a link to a device are refused before being opened)."""
    from drafter.errors import DrafterError
    from drafter.files.bounds import TEMPLATE_BYTES as MAX_TEMPLATE_BYTES
    from drafter.files.inputs import read_bytes

    if _outside(path):
        return _UNREADABLE
    try:
        # utf-8-sig: the BOM Notepad writes is not part of the first theme's name
        return read_bytes(path, MAX_TEMPLATE_BYTES, "模板文件").decode("utf-8-sig")
    except (DrafterError, OSError, UnicodeDecodeError):
        return _UNREADABLE


def layers(folder: Path) -> Layers:
    if not is_template_folder(folder):
        raise TemplateError(
            f"“{folder}”不是模板文件夹（里面没有 {TEMPLATE_SUFFIX} 模板文件或 {PHRASE_FILE}）。",
            "请给出用 drafter templates copy 复制出来的文件夹。",
        )
    default, mine = _files(builtin_templates() / "default"), _files(folder)
    changed: list[str] = []
    same: list[str] = []
    added: list[str] = []
    themes: list[str] = []
    for name, path in mine.items():
        if name not in default:
            added.append(name)
        elif name == PHRASE_FILE:
            themes = _changed_themes(_read(path), _read(default[name]))
            (changed if themes else same).append(name)
        elif _read(path) == _read(default[name]):
            same.append(name)
        else:
            changed.append(name)
    return Layers(changed, same, added, [n for n in default if n not in mine], themes)


# -- the phrase table, theme by theme --------------------------------------------------------

_TOP_KEY = lazy_re(r"^([^\s#\-][^:：]*?)\s*[:：]")


def _theme_blocks(text: str) -> dict[str, str]:
    """The phrase table's text cut at its top-level keys (its themes), comments and blank
    lines at a block's end left out: a clerk's table replaces the default's theme by theme."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines(keepends=True):
        m = _TOP_KEY.match(line)
        if m:
            current = m.group(1).strip().strip("\"'")
            blocks[current] = []
        if current is not None:
            blocks[current].append(line)
    out = {}
    for key, lines in blocks.items():
        while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            lines.pop()
        out[key] = "".join(lines)
    return out


def _changed_themes(mine: str, default: str) -> list[str]:
    """The themes whose block in ``mine`` differs from the default's (all of them, when the
    file is not a table at all)."""
    theirs = _theme_blocks(default)
    ours = _theme_blocks(mine)
    if mine == _UNREADABLE:
        return ["（整个文件）"]
    if not ours and mine.strip() and any(not ln.lstrip().startswith("#") for ln in mine.splitlines() if ln.strip()):
        return ["（整个文件）"]
    return [k for k, block in ours.items() if _normal(block) != _normal(theirs.get(k, ""))]


def _normal(block: str) -> list[str]:
    return [ln.rstrip() for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _phrase_diff(mine_path: Path, default_path: Path, folder: Path) -> list[str]:
    mine, default = _read(mine_path), _read(default_path)
    changed = _changed_themes(mine, default)
    why = unreadable(mine_path)
    if mine == _UNREADABLE or why:
        return [f"（{why}，drafter 使用它时会报错）\n"]
    if changed == ["（整个文件）"]:
        return list(
            difflib.unified_diff(
                default.splitlines(keepends=True), mine.splitlines(keepends=True), f"自带/{PHRASE_FILE}", f"{folder.name}/{PHRASE_FILE}"
            )
        )
    ours, theirs = _theme_blocks(mine), _theme_blocks(default)
    out = []
    for key in changed:
        if key not in theirs:
            out.append(f"--- 主题“{key}”（自带的句式表里没有这个主题）\n")
            out += [f"+{line}" for line in ours[key].splitlines(keepends=True)]
            continue
        out += difflib.unified_diff(
            theirs[key].splitlines(keepends=True),
            ours[key].splitlines(keepends=True),
            f"自带/{PHRASE_FILE}：{key}",
            f"{folder.name}/{PHRASE_FILE}：{key}",
        )
    rest = [k for k in theirs if k not in ours and k != OPENING]
    opening = "开头段和" if OPENING in theirs and OPENING not in ours else ""
    if rest:
        out.append(f"（{opening}其余 {len(rest)} 个主题用自带的句式：{'、'.join(rest)}）\n")
    elif opening:
        out.append("（开头段用自带的句式）\n")
    return out


def misspelt(name: str) -> str | None:
    """The file a name of the clerk's folder was probably meant to be (themes/普发.md.j2 →
    themes/普法.md.j2): a file the default has, or a theme's own file; None when the name is
    one of those or near none."""
    from drafter.model.catalogue import load_catalogue

    known = set(_files(builtin_templates() / "default")) | {f"themes/{k}{TEMPLATE_SUFFIX}" for k in load_catalogue().themes}
    if name in known:
        return None
    folder, _, file = name.rpartition("/")
    stems = {k.rpartition("/")[2].removesuffix(TEMPLATE_SUFFIX): k for k in known if k.rpartition("/")[0] == folder}
    near = difflib.get_close_matches(file.removesuffix(TEMPLATE_SUFFIX), sorted(stems), n=1, cutoff=0.5)
    return stems[near[0]] if near else None


def diff_text(folder: Path) -> str:
    """What ``folder`` changes against the default, file by file, as unified diffs (the
    phrase table theme by theme)."""
    found = layers(folder)
    default = builtin_templates() / "default"
    out = []
    for name in found.changed:
        out.append(f"=== {name}（改动）===\n")
        if name == PHRASE_FILE:
            out += _phrase_diff(folder / name, default / name, folder)
        elif _read(folder / name) == _UNREADABLE:
            out.append(f"（{unreadable(folder / name)}，drafter 使用它时会报错）\n")
        else:
            mine = _read(folder / name).splitlines(keepends=True)
            theirs = _read(default / name).splitlines(keepends=True)
            out += difflib.unified_diff(theirs, mine, f"自带/{name}", f"{folder.name}/{name}")
        if out[-1] and not out[-1].endswith("\n"):
            out.append("\n")
    for name in found.added:
        near = misspelt(name)
        out.append(f"=== {name}（新增，自带模板里没有{f'；drafter 不会自己用它，是不是“{near}”？' if near else ''}）===\n")
        if _read(folder / name) == _UNREADABLE:
            out.append(f"（{unreadable(folder / name)}，drafter 使用它时会报错）\n")
        else:
            out += [f"+{line}" for line in _read(folder / name).splitlines(keepends=True)]
        if out[-1] and not out[-1].endswith("\n"):
            out.append("\n")
    if not out:
        out.append("这个文件夹没有改动自带模板：" + ("其中的文件与自带的相同。\n" if found.same else "里面没有模板文件。\n"))
    elif found.same:
        out.append(f"另有 {len(found.same)} 个文件与自带的相同（可以删去，删去后随 drafter 升级）：" + "、".join(found.same) + "\n")
    return "".join(out)
