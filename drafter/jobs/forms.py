"""Writing the forms and data files the commands make — a blank form (init), next year's form
(new), a report turned into a form (import), the form's JSON Schema (schema), an outline
mined from reports (mine) — each under the same rules, whichever door asked: never over an
input, never over an existing file without ``force``, a form always with its schema beside
it, all written or none."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError, InputFileError, OutputError
from drafter.files.inputs import shown
from drafter.files.writing import (
    check_suffix,
    check_target,
    refuse_existing,
    refuse_inputs,
    same_text,
    text_writer,
    write_all,
    write_text_atomic,
)
from drafter.jobs.outputs import schema_beside, yaml_name


def org_name(org: str) -> tuple[str, str | None]:
    """--org as the form's 单位 takes it: the checks of that field (form/validate.Validator.text),
    said of --org. A control character or a line break is refused; characters that show
    nothing are removed and said so (as a form's are: the notice, or None); spaces beside
    Chinese go, as in the form."""
    from drafter.files.characters import INVISIBLE, invisible_name
    from drafter.files.xmltext import describe, first_invalid, quiet
    from drafter.form.headings import text_problem
    from drafter.form.spec import Text, form_spec
    from drafter.form.validate import word_in
    from drafter.model.catalogue import load_catalogue
    from drafter.model.typography import close_spaces

    hint = "请只写单位全称，如 --org 某某县人民政府。"
    hidden = INVISIBLE.findall(org)
    at = first_invalid(quiet(org))
    if at is not None:
        raise DrafterError(f"--org 给出的单位名称含有{describe(quiet(org)[at])}。", hint)
    if any(ch in org for ch in "\n\r\v\f"):
        raise DrafterError("--org 给出的单位名称里有换行。", "单位名称只写一行；" + hint)
    name = close_spaces(quiet(org))
    field = form_spec(load_catalogue()).fields["单位"]
    longest = field.max_length if isinstance(field, Text) else None  # what the form's 单位 takes
    if not name:
        raise DrafterError("--org 给出的单位名称是空的。", hint)
    if not word_in(name):
        raise DrafterError(f"--org 给出的单位名称“{name[:30]}”里没有一个字。", hint)
    if longest is not None and len(name) > longest:
        raise DrafterError(f"--org 给出的单位名称太长了（{len(name)} 个字，最多 {longest} 个）。", hint)
    if text_problem(name):  # as the form's 单位: its text is printed as written
        raise DrafterError(f"--org 给出的单位名称“{name[:30]}”里有大括号，会原样印进表单和报告，不会换成别的内容。", hint)
    notice = None
    if hidden:
        names = "、".join(dict.fromkeys(invisible_name(ch) for ch in hidden[:5]))
        notice = f"提醒：--org 给出的单位名称里有 {len(hidden)} 个不可见字符：{names}，已删去，表单里写的是“{name}”。"
    return name, notice


def write_blank_form(year: int, org: str | None, target: Path, force: bool) -> None:
    """init: a blank form for ``year`` (``org`` as checked by org_name) and its schema."""
    from drafter.form.blank import blank_form
    from drafter.model.catalogue import load_catalogue

    yaml_name(target)
    refuse_existing(target, force)
    text = blank_form(load_catalogue(), year, org)
    write_all([(target, text_writer(text))] + schema_beside(target, force))


def write_new_form(last: Path, year: int, target: Path, force: bool) -> list[str]:
    """new: next year's form from last year's form or report, with its schema; the notes on
    what could not be carried."""
    from drafter.jobs.newform import new_form

    refuse_existing(target, force)
    text, notes = new_form(last, year)
    write_all([(target, text_writer(text))] + schema_beside(target, force))  # as init writes them
    return notes


def write_imported_form(report: Path, target: Path, force: bool, analyse: Callable[[Path], Any]) -> list[str]:
    """import: the form that renders ``report`` again (``analyse`` reads it), with its
    schema; the notes on what it could not take over."""
    from drafter.reading.importer import check_importable, import_form

    yaml_name(target)
    refuse_inputs([target], [report])
    refuse_existing(target, force)
    a = analyse(report)
    check_importable(a.report, shown(report))
    text, notes = import_form(a, shown(Path(report).name))
    write_all([(target, text_writer(text))] + schema_beside(target, force))
    return notes


def write_schema(output: str | None, force: bool) -> Path:
    """schema: the form's JSON Schema at ``output`` (or its usual name); an identical file
    there is left as it is."""
    from drafter.form.schema import SCHEMA_NAME, schema_text
    from drafter.model.catalogue import load_catalogue

    target = Path(output or SCHEMA_NAME)
    if output is None and target.is_dir():  # the default name taken by a folder: another name, not a file in it
        raise OutputError(
            f"“{target}”是一个文件夹，结构文件默认写在这个名称上，没有写入。",
            "请用 -o 另给一个 .json 文件名（如 -o 表单结构.json），或把这个文件夹改名后再试。",
        )
    check_suffix(target, (".json",), "表单的结构（JSON 文本）")
    if os.path.lexists(target) and not target.is_file():
        check_target(target)  # a pipe or a device is refused before anything reads it (it would never end)
    text = schema_text(load_catalogue())
    if not same_text(target, text):
        refuse_existing(target, force)
        write_text_atomic(target, text)
    return target


def write_outline(
    folder: str,
    target: Path,
    force: bool,
    counting: Callable[[int], Callable[[Path], None]],
    on_error: Callable[[Path, DrafterError], None],
) -> dict[str, Any]:
    """mine: the outline mined from the reports in ``folder``, written at ``target`` with a
    header saying where it comes from. ``counting(n)`` is told how many reports there are
    and gives what to call after each; ``on_error`` hears of each file skipped."""
    import yaml

    from drafter.model.catalogue import load_catalogue
    from drafter.reading.mine import mine, report_files

    if not Path(folder).is_dir():
        raise InputFileError(f"找不到文件夹“{folder}”。", "请给出存放报告的文件夹。")
    files = report_files(folder)
    if not files:
        raise InputFileError(f"文件夹“{folder}”里没有 .txt、.docx 或 .doc 报告。")
    yaml_name(target)
    refuse_inputs([target], files)
    refuse_existing(target, force)
    check_target(target)  # a missing folder, a folder or pipe in the way: said before any report is read
    outline = mine(files, load_catalogue(), progress=counting(len(files)), on_error=on_error)
    read = outline["报告数"]
    if not read:
        raise InputFileError(f"文件夹“{folder}”里的 {len(files)} 个文件都无法读取，没有生成大纲。", "请按上面列出的原因逐个处理后再试。")
    head = (
        f"# 由 drafter mine 于 {dt.date.today():%Y-%m-%d} 从“{folder}”中的 {read} 份报告挖掘。\n"
        "# 主题和指标的名称与 drafter 的大纲目录一致（drafter init 生成的表单里可以看到）；“未分类”列出没能归入目录主题的小节。\n"
    )
    write_text_atomic(target, head + yaml.safe_dump(outline, allow_unicode=True, sort_keys=False, width=4096))
    return outline
