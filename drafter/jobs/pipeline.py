"""The main job, in-process: form → validate → context → template → markup → tree → .docx.

The CLI and the benchmarks call these functions; nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.check.table import RuleTable, rule_table
from drafter.errors import Findings, FormError, InputFileError, OutputError, Problem, TemplateError, Where
from drafter.files.config import Settings, read_settings, settings_file
from drafter.files.inputs import PDF_HINT, WPS_HINT, peek, shell_word, shown
from drafter.files.resources import builtin_templates
from drafter.files.writing import check_target, refuse_inputs, refuse_not_ours, text_writer, write_all
from drafter.files.yamlsource import Source, load_file
from drafter.form import opening
from drafter.form.validate import validate
from drafter.model.catalogue import load_catalogue
from drafter.model.formulations import FormulaTable, office_file
from drafter.model.markup import parse_markup, readable_markup, strip_marks
from drafter.model.report import Report
from drafter.render.locate import in_template, theme_level_heading
from drafter.render.phrases import PHRASE_FILE
from drafter.render.templates import TEMPLATE_SUFFIX, render_template
from drafter.render.variables import build_context, unused_last_year
from drafter.typeset.layout import Layout, load_layout
from drafter.typeset.provenance import untouched_render
from drafter.typeset.writer import typeset

ENTRY = "report" + TEMPLATE_SUFFIX


@dataclass
class Result:
    """What a render produced: the tree, the markup it came from, the validated form data,
    and the warnings."""

    report: Report
    markup: str
    warnings: list[Problem]
    data: dict[str, Any]


def printed_parts(context: dict[str, Any]) -> tuple[list[tuple[str, str | None]], dict[str, dict[str, str | None]]]:
    """(part, heading) of each top-level heading the form's shape prints, in order, and the
    headings inside a part written for two: the headings a part is known by in drafter's own
    report (Report.give_roles). Headings the shape does not print are none of them."""
    cat = load_catalogue()
    headings = context.get("部分标题") or {}
    printed: list[tuple[str, str | None]] = []
    joins: dict[str, dict[str, str | None]] = {}
    for key in context.get("部分次序") or [p.key for p in cat.parts if p.own]:
        if key == "成效" and context.get("成效分列"):  # each theme a part of its own
            printed += [("成效", t.标题) for t in context.get("成效") or []]
            if context.get("去年安排"):  # printed only when there is last year's to report on
                printed.append(("成效", context.get("去年安排标题")))
            continue
        if key == "其他" and not context.get("其他"):
            continue  # nothing to say: the part and its heading are not printed
        printed.append((key, headings.get(key)))
        joined = cat.part(key).joins
        if joined:
            joins[key] = {k: headings.get(k) for k in joined}
    return printed, joins


def check_form(src: Source) -> tuple[dict[str, Any], list[Problem]]:
    """Validate a loaded form; raise FormError with every problem, or return data and warnings."""
    data, found = validate(src, load_catalogue())
    found.raise_if_errors()
    return data, found.warnings


def template_dir(template: str | Path | None) -> Path:
    """A template folder: the built-in default, a built-in name, or a clerk's own folder,
    which may hold only the files it changes (the rest come from the default)."""
    if template is None:
        return builtin_templates() / "default"
    path = Path(template)
    if _unopenable(path):
        # listed but not entered (chmod 644): its files cannot be read, never passed over for the default's
        raise TemplateError(
            f"无法访问模板文件夹“{template}”：没有权限打开它。",
            "请检查这个文件夹的权限，让它能够打开，或把模板复制到别的文件夹再试。",
            Where(str(template)),
        )
    if is_template_folder(path):
        return path
    named = builtin_templates() / str(template)
    if "/" not in str(template) and (named / ENTRY).is_file():
        return named
    raise TemplateError(
        f"找不到模板“{template}”。",
        "模板应当是一个放着 .md.j2 模板文件或句式表（句式.yaml）的文件夹（只放要改的文件即可）；用 drafter templates list 查看自带的模板。",
    )


def _unopenable(path: Path) -> bool:
    """A folder that is there but cannot be opened (no permission to list or enter it)."""
    try:
        return path.is_dir() and not os.access(path, os.R_OK | os.X_OK)
    except (OSError, ValueError):  # a name too long or with a NUL: not found, said as such
        return False


def is_template_folder(path: Path) -> bool:
    """A folder holding at least one template file (.j2), at its top or in themes/, or a
    phrase table (句式.yaml)."""
    try:
        return path.is_dir() and (
            any(path.glob(f"*{TEMPLATE_SUFFIX}")) or any(path.glob(f"themes/*{TEMPLATE_SUFFIX}")) or os.path.lexists(path / PHRASE_FILE)
        )  # a pipe there is said when read
    except OSError:
        return False


def build(src: Source, template: str | Path | None = None, rules: RuleTable | bool = True, formulas: FormulaTable | None = None) -> Result:
    """Validate, fill the template and read its markup into the tree. With ``rules`` (True:
    the shipped check rule table, or an office's table), the form-level check rules run too:
    their findings are reminders, and a required part missing from the report is an error
    (FormError). The opening's formulas come from ``formulas``, else the rule table's."""
    data, warnings = check_form(src)
    found = Findings(list(warnings))
    formulas = formulas or (rules.formulas if isinstance(rules, RuleTable) else None)
    context = build_context(data, load_catalogue(), found, src.file, formulas)
    if context.get("开头句式") and not opening.fill(context["开头句式"], context):
        raise FormError(
            [
                Problem(
                    src.where(("开头", "句式")),
                    "按“开头.句式”写出的开头段一个字也没有：它的每一项都用到了这份表单没有的内容"
                    "（如没填的主要成效、这一年没有的纲要），或只有“。”。",
                    opening.EMPTY_HINT,
                )
            ]
        )
    folder = template_dir(template)
    marked = render_template(folder, ENTRY, context)
    if not strip_marks(marked).strip():
        raise TemplateError(
            f"模板“{ENTRY}”没有生成任何内容。",
            "请检查这个模板文件是否是空的；可以用 drafter templates copy default 复制自带模板对照。",
            Where(str(folder / ENTRY)),
        )
    misplaced = theme_level_heading(marked)  # (first: the level mistakes and 空节 it leads to are its doing)
    if misplaced is not None:
        raise misplaced
    try:
        report = parse_markup(marked, f"{folder / ENTRY}（输出）")
    except TemplateError as err:  # found in the output: shown at the template line that wrote it
        raise in_template(err, marked) from None
    for path, message, hint in unused_last_year(data, context, marked.files):
        found.add(src.where(path), message, hint, "提醒")
    # A part the form names is that part, whatever its heading says; the .docx marks it so.
    report.give_roles(*printed_parts(context if isinstance(context, dict) else {}))
    report.give_themes([(t.键, t.标题) for t in context.get("成效") or []])
    report.verbatim = isinstance(data, dict) and bool(data.get("正文"))
    result = Result(report, readable_markup(marked), found.items, data)
    if rules:
        from drafter.check.runner import form_rules

        table = rules if isinstance(rules, RuleTable) else rule_table()
        result.warnings += form_rules(src, report, data, table, marked.files, marked.writer_of)
        Findings(result.warnings).raise_if_errors()
    return result


def load_form(path: str | Path, use: str = "import") -> Source:
    """The form at ``path``; one named .txt is refused as every command refuses it (a .txt
    is a report's name: drafter/reading/formtext.py), and a report given for a form is said
    as such (refuse_report). ``use``: what the clerk meant to do with a Word document or PDF
    saved under a form's name ("import", "check" or "new"), for the fix."""
    refuse_report(path, use)
    return load_file(Path(path))


# What reports are saved as: given where a form is asked for, said as a report (with the
# commands that make a form of it), never read as a form that is not UTF-8 or not indented.
REPORT_SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".pdf")
# Those no reader takes, and what to make of them first (the reading side's own words)
UNREAD_SUFFIXES = {".pdf": PDF_HINT, ".wps": WPS_HINT}


def refuse_report(path: str | Path, use: str = "import") -> None:
    """A report (or a form saved under a report's name) given to a command that takes a form."""
    p = Path(path)
    suffix = p.suffix.lower()
    if p.name == PHRASE_FILE and p.is_file():  # a template's phrase table, kept beside the forms
        raise InputFileError(
            f"“{shown(p)}”是模板的句式表（{PHRASE_FILE}），不是表单。",
            f"句式表放在模板文件夹里，生成报告时这样使用它：drafter render 表单.yaml --template {shell_word(p.parent)}"
            "（句式表写错的地方，这个命令会指出）。",
            Where(str(p)),
        )
    if suffix not in REPORT_SUFFIXES and p.is_file():
        _refuse_renamed_document(p, use)
    if suffix not in REPORT_SUFFIXES or not p.is_file():
        return
    if suffix == ".txt":
        from drafter.reading.formtext import refuse_form_as_text

        raw = peek(p, _FORM_PEEK)
        if raw is None:
            return  # said by load_file, as for any form it cannot read
        refuse_form_as_text(raw, p)  # a form named .txt: said with the name to give it
    name = shown(p)
    if suffix in UNREAD_SUFFIXES and _form_inside(p):
        return  # a form saved as 报告.pdf: read as the form it is (preview says its PDF is the form)
    if suffix in UNREAD_SUFFIXES:  # drafter reads neither: the commands it would name refuse it too
        raise InputFileError(
            f"“{name}”是报告（{suffix} 文件），不是表单：这个命令要的是表单（.yaml 文件）。",
            f"{UNREAD_SUFFIXES[suffix]}，再用 drafter import 由它生成表单，或用 drafter new 2026 --from 由它生成下一年的表单"
            "（2026 换成要写的年度）。",
            Where(str(p)),
        )
    raise InputFileError(
        f"“{name}”是报告（{suffix} 文件），不是表单：这个命令要的是表单（.yaml 文件）。",
        f"要由这份报告得到表单，请运行 drafter import {shell_word(p)} -o 表单.yaml；"
        f"要为下一年生成表单，请运行 drafter new 2026 --from {shell_word(p)}（2026 换成要写的年度）；"
        f"检查这份报告用 drafter check {shell_word(p)}。",
        Where(str(p)),
    )


_FORM_PEEK = 1 << 20  # a form's top-level keys stand well within its first megabyte


def _form_inside(p: Path) -> bool:
    """Is the file at ``p``, named as a document drafter does not read, a form all the same?"""
    from drafter.reading.formtext import is_form
    from drafter.reading.source import document_kind

    raw = peek(p, _FORM_PEEK)
    return raw is not None and document_kind(p, raw[:_DOCUMENT_PEEK]) is None and is_form(raw)


def _refuse_renamed_document(p: Path, use: str) -> None:
    """A Word document or a PDF saved under a form's name (报告.yaml): said as what it is, with
    the name to give it before it is imported, checked or carried to next year (``use``)."""
    from drafter.reading.source import document_kind

    raw = peek(p, _DOCUMENT_PEEK)
    if raw is None:
        return  # said by load_file, as for any form it cannot read
    kind = document_kind(p, raw)
    if kind is None:
        return
    what = f"“{shown(p)}”是{kind}，不是表单，只是扩展名写成了 {p.suffix or '（没有扩展名）'}。"
    if kind.startswith("PDF"):
        then = {"check": "再检查它", "new": "再由它生成下一年的表单"}.get(use, "再用 drafter import 由它生成表单")
        hint = f"{PDF_HINT}，{then}。"
    else:
        target = p.with_name(p.stem + (".doc" if "（.doc）" in kind else ".docx"))
        renamed = shell_word(target)
        then = {
            "check": f"再运行 drafter check {renamed}",
            "new": f"再运行 drafter new 2026 --from {renamed}（2026 换成要写的年度）",
        }.get(
            use,
            f"再运行 drafter import {renamed} -o 表单.yaml 由它生成表单（或 drafter new 2026 --from {renamed} 生成下一年的表单）",
        )
        hint = f"它是报告的话，请把文件名改为“{shown(target.name)}”，{then}。"
    raise InputFileError(what, hint, Where(str(p)))


_DOCUMENT_PEEK = 8  # the first bytes say what a document is


def render_file(
    form: str | Path,
    out: str | Path,
    template: str | Path | None = None,
    config: str | Path | Settings | None = None,
    layout: Layout | None = None,
    rules: RuleTable | None = None,
    markup: bool = False,
    force: bool = False,
) -> Result:
    """Render the form at ``form`` into the .docx ``out`` and, with ``markup``, the markup
    beside it as .md (both or neither). A .docx edited since drafter wrote it is replaced
    only with ``force``. The settings file is read once (a batch also passes the layout and
    rule table it made of it once)."""
    refuse_report(form)  # before its output is named after it (去年的报告.docx → 去年的报告.docx)
    out = Path(out)
    targets = [out] + ([out.with_suffix(".md")] if markup else [])
    settings = read_settings(config)
    refuse_inputs(targets, (form, settings_file(settings), office_file(settings)))
    lay = layout or load_layout(settings)
    result = build(load_form(form), template, rules or rule_table(settings))
    doc = typeset(result.report, lay)
    if not force:
        refuse_edited(out)
        if markup:
            refuse_foreign_markup(out.with_suffix(".md"), out)
    writers = [doc.save] + ([text_writer(result.markup)] if markup else [])
    write_all(zip(targets, writers))
    return result


def refuse_foreign_markup(md: Path, docx: Path) -> None:
    """A .md is replaced only when it was written with the untouched .docx beside it (in
    the same run: its time within seconds of the report's) and begins as drafter's markup
    does (with the @标题 line); a note of the clerk's is not."""
    refuse_not_ours(md)
    if md.is_symlink():
        raise OutputError(f"“{md}”是一个链接，没有替换它。", "换一个输出文件名（-o），或加 --force 把链接换成报告标记。")
    if not md.exists():
        return
    check_target(md)  # a folder, a pipe or a read-only file: said as such (--force would not help)
    try:
        ours = (
            md.is_file()
            and docx.is_file()
            and untouched_render(docx)
            and abs(md.stat().st_mtime - docx.stat().st_mtime) <= 5
            and _starts_as_markup(md)
        )
    except OSError:
        ours = False
    if not ours:
        raise OutputError(
            f"“{md}”已经存在，不是 drafter 与“{docx.name}”一起生成的，没有覆盖。", "换一个输出文件名（-o），或确认不要它后加 --force 覆盖。"
        )


def _starts_as_markup(md: Path) -> bool:
    with open(md, "rb") as fh:
        head = fh.read(64).decode("utf-8", "replace").lstrip("\ufeff \n")
    return head.startswith("@标题 ")


def refuse_edited(out: Path) -> None:
    """A report edited in Word or WPS (or not drafter's at all) is not replaced."""
    check_target(out)  # a folder, a pipe or a read-only file is said as such, never opened
    refuse_not_ours(out)  # another user's, in a shared folder: --force would not help
    if out.is_symlink():  # replaced, the link would be lost, whatever it points to
        raise OutputError(f"“{out}”是一个链接，没有替换它。", "换一个输出文件名（-o），或加 --force 把链接换成报告。")
    if out.exists() and not untouched_render(out):
        raise OutputError(
            f"“{out}”在 Word 或 WPS 中修改过（或不是 drafter 生成的），重新生成会丢掉这些修改，没有覆盖。",
            "换一个输出文件名（-o），或确认不要这些修改后加 --force 覆盖。",
        )


def validate_file(form: str | Path, config: str | Path | Settings | None = None) -> list[Problem]:
    """validate: the form checked as render checks it (the settings file's rules and layout
    too), nothing written; its reminders."""
    from drafter.check.table import rule_table
    from drafter.typeset.layout import load_layout

    settings = read_settings(config)  # once, for every reader of its sections
    table = rule_table(settings)
    if settings:
        load_layout(settings)  # the layout part of the same file is checked too
    return build(load_form(form), rules=table).warnings


def preview_file(
    form: str | Path,
    output: str | Path | None,
    png: bool,
    template: str | Path | None,
    config: str | Path | Settings | None,
    force: bool,
    warn: Callable[[list[Problem]], None],
) -> tuple[Path, list[Path], list[Problem]]:
    """preview: the report rendered and made a PDF (and with ``png`` a picture of each page)
    by LibreOffice, under render's rules for what may be written over; ``warn`` hears the
    form's reminders before LibreOffice starts. (The PDF, the pictures, the reminders.)"""
    from drafter.check.table import rule_table
    from drafter.files.libreoffice import INSTALL_HINT, PreviewError, check_outputs, find_soffice, preview
    from drafter.files.writing import check_suffix
    from drafter.typeset.layout import load_layout
    from drafter.typeset.writer import typeset

    if find_soffice() is None:  # said before doing any work
        raise PreviewError("没有找到 LibreOffice，无法生成预览。", INSTALL_HINT)
    refuse_report(form)  # a report (a PDF too) said as one, before its output is named after it
    out = Path(output) if output else Path(form).with_suffix(".pdf")
    check_suffix(out, (".pdf",), "PDF 文件")
    settings = read_settings(config)  # once, for every reader of its sections
    inputs = [form, settings_file(settings), office_file(settings)]
    check_outputs([out], inputs, force)  # said before LibreOffice is started
    lay = load_layout(settings)
    result = build(load_form(form), template, rule_table(settings))
    warn(result.warnings)
    doc = typeset(result.report, lay)
    pdf, pngs = preview(doc.save, out, png, force, inputs)
    return pdf, pngs, result.warnings
