"""Run the rule table over one document, a list of files or folders, or a form that is
being rendered."""

from __future__ import annotations

from pathlib import Path

from drafter.batch import expand
from drafter.catalogue import load_catalogue
from drafter.check import arithmetic, commitments, contents, plausibility, typography, wording
from drafter.check.context import Check
from drafter.check.document import FORM_SUFFIXES, Document, load_document
from drafter.check.finding import Finding
from drafter.check.table import RuleTable
from drafter.errors import InputFileError, Where
from drafter.reading.source import SUFFIXES

# Each module runs the rules of one kind; a rule that is switched off costs nothing.
MODULES = (contents, wording, arithmetic, plausibility, typography, commitments)
INPUT_SUFFIXES = SUFFIXES + FORM_SUFFIXES


def check_document(doc: Document, table: RuleTable, last: Document | None = None,
                   full: bool = True) -> list[Finding]:
    check = Check(doc, table, last, full)
    if doc.year is None:
        check.add("年度不明", Where(doc.name, field="全文"), "", "全文",
                  "没有从标题或开头段看出报告的是哪一年，与年度有关的检查（政治表述、成文日期、承诺）没有做。",
                  "用 --year 指明报告年度，如 --year 2025。")
    for module in MODULES:
        module.run(check)
    check.close()
    for p in doc.form_warnings:  # what validate found (bounds, years outside the data)
        if p.rule is None or table.severity.get(p.rule):
            severity = table.severity.get(p.rule, p.severity) if p.rule else p.severity
            check.findings.append(Finding(p.rule or "表单检查", severity, p.where, "", p.message, p.hint))
    return sorted(check.findings, key=Finding.sort_key)


def form_rules(src, report, data: dict, table: RuleTable, written: tuple[str, ...] = ()) -> list[Finding]:
    """The form-level rules render and validate run: printed as reminders, except a
    required part missing, which stops the render as every form error does. The report's
    parts are known by the form (render marked them: Report.give_roles), not by the words
    of their headings."""
    doc = Document(src.file, "表单", report, load_catalogue(), source=src, data=data)
    found = check_document(doc, table, full=False)
    for f in found:
        if f.rule == "缺少必需部分" or f.severity != "错误":
            continue
        if table.rules.get(f.rule, {}).get("类别") == "算术" and f.quote and not doc.typed(f.quote) \
                and not any(f.quote in text for text in written):
            # figures the template wrote from the form's (drafter worked them out) in its own
            # wording, neither typed in the form nor in a template file (``written``) as they
            # stand: the report would fail check, and only the template or phrase table can
            # change it
            f.hint += TEMPLATE_HINT
        else:
            f.severity = "提醒"  # the clerk's own text: check of the report says it again
    return found


TEMPLATE_HINT = "（这句话是模板按句式表写出的：请检查模板或句式表（句式.yaml）里写出这一句的那一项。）"


def input_files(paths: list[str]) -> list[Path]:
    """The files named, and every report and form in the folders named, in order."""
    return expand(paths, INPUT_SUFFIXES)


def check_file(path: Path, table: RuleTable, year: int | None = None, last: Document | None = None,
               template=None) -> tuple[Document, list[Finding]]:
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
        Where(last.name))
