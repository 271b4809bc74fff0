"""The check job: which files a check reads (a folder's reports and forms), each read into a
check Document (a form is built as render builds it), and the rule table run over it."""

from __future__ import annotations

from pathlib import Path

from drafter.check.document import Document
from drafter.check.finding import Finding
from drafter.check.runner import check_document
from drafter.check.table import RuleTable
from drafter.errors import InputFileError, Where
from drafter.files.inputs import FORM_SUFFIXES
from drafter.jobs.batch import expand
from drafter.model.catalogue import Catalogue, load_catalogue
from drafter.model.formulations import FormulaTable
from drafter.model.typography import see_through
from drafter.reading.source import SUFFIXES

INPUT_SUFFIXES = SUFFIXES + FORM_SUFFIXES


def input_files(paths: list[str]) -> list[Path]:
    """The files named, and every report and form in the folders named, in order."""
    return expand(paths, INPUT_SUFFIXES)


def check_file(
    path: Path, table: RuleTable, year: int | None = None, last: Document | None = None, template: str | Path | None = None
) -> tuple[Document, list[Finding]]:
    doc = load_document(path, load_catalogue(), year, template, table.formulas)
    refuse_later_last(doc, last)
    return doc, check_document(doc, table, last)


def refuse_later_last(doc: Document, last: Document | None) -> None:
    """--last must cover an earlier year than the document checked: a copy of this year's
    report, or next year's form, would give 同比 and promises that mean nothing."""
    if last is None or last.year is None or doc.year is None or last.year < doc.year:
        return
    kind = "表单" if last.kind == "表单" else "报告"
    this = f"要检查的“{Path(doc.name).name}”"
    when = f"与{this}同一年度" if last.year == doc.year else f"比{this}（{doc.year} 年度）还晚 {last.year - doc.year} 年"
    raise InputFileError(
        f"--last 给出的“{Path(last.name).name}”是 {last.year} 年度的{kind}，{when}，不能作为去年的{kind}"
        "来核对同比数字和去年的安排，没有检查。",
        f"--last 应当是上一年度（{doc.year - 1} 年度）的报告或表单。如果要检查的报告年度认错了，请用 --year 指明。",
        Where(last.name),
    )


def load_document(
    path: str | Path, cat: Catalogue, year: int | None = None, template: str | Path | None = None, formulas: FormulaTable | None = None
) -> Document:
    """Read a form or a report for checking; a DrafterError when it cannot be used."""
    p = Path(path)
    if p.suffix.lower() in FORM_SUFFIXES:
        from drafter.jobs.pipeline import build, load_form

        src = load_form(p, "check")
        result = build(src, template, rules=False, formulas=formulas)
        doc = Document(str(path), "表单", result.report, cat, year, source=src, data=result.data)
        doc.form_warnings = result.warnings
        return doc
    from drafter.reading.parser import parse_lines
    from drafter.reading.source import read_lines, stand_in

    lines = read_lines(p, keep_invisible=True)  # to see, and place, what a web page left in
    # a stray character (a control, a private-use one) is shown by its stand-in, never joins
    # what stands on either side of it, and is said where it stands (check/typography.py)
    strays: dict[int, list[tuple[int, str]]] = {}
    for n, line in enumerate(lines, 1):
        lines[n - 1], spots = stand_in(line)
        if spots:
            strays[n] = spots
    clean, maps = _see_through_lines(lines)
    report = parse_lines(clean)
    kind = "txt" if p.suffix.lower() == ".txt" else "docx"
    doc = Document(str(path), kind, report, cat, year, lines=lines)
    doc.line_maps = maps
    doc.strays = strays
    return doc


def _see_through_lines(lines: list[str]) -> tuple[list[str], dict[int, list[int]]]:
    """The lines without invisible characters (a direction mark before 一、 must not hide a
    heading, nor one inside 87.2% a figure), and for each line that had some (by its
    1-based number) where its characters stood, so places are said in the file's columns."""
    from drafter.reading.source import retext

    clean, maps = [], {}
    for n, line in enumerate(lines, 1):
        text, at = see_through(line)
        if at is not None:
            maps[n] = at
            line = retext(line, text)  # a .docx line keeps what the document says of it
        clean.append(line)
    return clean, maps


def check_exit_code(failed: int, findings: list[Finding]) -> int:
    """check's exit code: 2 when a file could not be checked, 1 when there is an error, else 0."""
    if failed:
        return 2
    return 1 if any(f.severity == "错误" for f in findings) else 0
