"""Run the rule table over one document, or over a form that is being rendered."""

from __future__ import annotations

from pathlib import Path

from drafter.model.catalogue import load_catalogue
from drafter.check import arithmetic, commitments, contents, plausibility, typography, wording
from drafter.check.context import Check
from drafter.check.document import Document
from drafter.check.finding import Finding
from drafter.check.table import RuleTable
from drafter.errors import InputFileError, Where

# Each module runs the rules of one kind; a rule that is switched off costs nothing.
MODULES = (contents, wording, arithmetic, plausibility, typography, commitments)


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
