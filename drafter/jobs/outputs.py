"""Where a command's outputs go, and what may be written over: the same for the command line
and the local page. One input and ``-o`` a file; several inputs, a folder of them, or ``-o``
naming a folder, and ``-o`` is the folder the outputs go into. A form is written with its
JSON Schema beside it (for editors), all or none; every output's name must fit what is
written in it."""

from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import DrafterError, OutputError
from drafter.files.writing import Writer, check_suffix, not_ours, same_text, text_writer


def many(sources: list[str], output: str | None) -> bool:
    """Several inputs, a folder of them, or an output that names a folder (an existing one,
    or one written with a final “/”): then -o is the folder the outputs go into."""
    to_folder = output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    return len(sources) > 1 or Path(sources[0]).is_dir() or to_folder


def out_folder(output: str | None) -> Path | None:
    """The folder ``-o`` names when the outputs are many; None for beside their inputs."""
    if output is None:
        return None
    folder = Path(output)
    if folder.is_dir():  # an existing folder is written into, whatever its name (报告.docx/ included)
        return folder
    if folder.exists() and output.endswith(("/", os.sep)):
        raise DrafterError(
            f"-o 写的“{output}”末尾有“/”，是文件夹的写法，但“{folder}”是一个已有的文件。",
            "要写成一个文件，请写文件名（不带末尾的“/”）；要写进文件夹，请换一个文件夹名。",
        )
    if folder.exists():
        raise DrafterError(f"“{folder}”是文件；处理多个文件时 -o 应当是文件夹。", "请给出一个文件夹（没有时会自动建立）。")
    if folder.suffix.lower() in (".docx", ".yaml", ".yml"):
        raise DrafterError(
            f"“{folder}”是文件名的写法；处理多个文件时 -o 应当是文件夹。", "请给出一个文件夹（没有时会自动建立），如“输出/”。"
        )
    return folder


def require_suffix(target: Path, suffixes: tuple[str, ...], what: str, more: str = "") -> None:
    """The output's name fits what the command writes (files.writing.check_suffix); ``more``
    adds to the hint."""
    try:
        check_suffix(target, suffixes, what)
    except OutputError as err:
        raise OutputError(err.message, err.hint + more) from None


def yaml_name(target: Path, more: str = "") -> None:
    """A form or outline is written only under a .yaml name: a typo such as -o 报告.docx
    would otherwise put YAML where a Word file is expected."""
    require_suffix(target, (".yaml", ".yml"), "表单或数据文件", more)


def schema_beside(target: Path, force: bool) -> list[tuple[Path, Writer]]:
    """The form's JSON Schema, to be written beside it with the form (all or none). An
    identical schema already there is left alone; a different one is replaced only with
    --force."""
    from drafter.form.schema import SCHEMA_NAME, schema_text
    from drafter.model.catalogue import load_catalogue

    path = target.parent / SCHEMA_NAME
    text = schema_text(load_catalogue())
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # a folder, a link or a device where the schema goes: never written over, --force or not
        what = "链接" if path.is_symlink() else "文件夹" if path.is_dir() else "特殊文件（不是普通文件）"
        raise DrafterError(
            f"“{path}”是一个{what}，表单的结构文件要写在这个名称上，没有写入。",
            f"请把这个{what}删去或改名后再试；表单的结构文件供编辑器提示用。",
        )
    if same_text(path, text):
        return []
    if not_ours(path):  # its name is fixed: another -o does not help, another folder does
        raise DrafterError(
            f"“{path}”属于别的用户，这个文件夹只允许各人替换自己的文件，表单和它都没有写入。",
            "表单的结构文件总是写在表单旁边、用这个名称：请把表单写到别的文件夹里"
            f"（-o 写上那个文件夹里的文件名，如 我的表单/{target.name}），或请这个文件的主人删去它。",
        )
    if path.exists() and not force:
        raise DrafterError(f"“{path}”已经存在，且与这一版 drafter 的表单结构不同，没有覆盖。", "加 --force 一并更新它，或先删去这个文件。")
    return [(path, text_writer(text))]
