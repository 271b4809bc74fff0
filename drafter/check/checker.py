"""The state one check run shares between its rules: the document, the rule table, last
year's document (with --last) and the findings gathered so far."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.check.finding import Finding
from drafter.check.table import RuleTable
from drafter.errors import Where

if TYPE_CHECKING:
    from drafter.check.document import Document

# Findings of one rule listed for one document: a real report has a handful; a text with
# thousands (a file of many reports, a page of figures) lists these and counts the rest, so
# the output stays readable and check's memory bounded.
MAX_PER_RULE = 200


class Check:
    def __init__(self, doc: Document, table: RuleTable, last: Document | None = None, full: bool = True):
        self.doc = doc
        self.table = table
        self.last = last
        self.full = full  # False while rendering: only the quick form-level rules
        self.findings: list[Finding] = []
        self.told: dict[str, int] = {}
        self.untold: dict[str, int] = {}  # rule → findings beyond MAX_PER_RULE, only counted

    def on(self, *rules: str) -> bool:
        return self.table.on(*rules)

    def add(self, rule: str, where: Where | tuple, quote: str, part: str, message: str, hint: str = "") -> None:
        """Record a finding of ``rule`` at its table severity; nothing when it is switched off.
        ``where`` may be (unit, start, end) of this document: located only when recorded,
        since tracing a form's text back to its line costs."""
        severity = self.table.severity.get(rule)
        if severity:
            told = self.told.get(rule, 0)
            if told >= MAX_PER_RULE:
                self.untold[rule] = self.untold.get(rule, 0) + 1
                return
            self.told[rule] = told + 1
            at: Where = where if isinstance(where, Where) else self.doc.where(*where)
            quote = self.doc.verbatim(at, quote)
            self.findings.append(Finding(rule, severity, at, quote, message, hint, part))

    def close(self) -> None:
        """One finding for each rule's findings beyond MAX_PER_RULE."""
        for rule, n in self.untold.items():
            self.findings.append(
                Finding(
                    rule,
                    self.table.severity[rule] or "提醒",
                    Where(self.doc.name, field="全文"),
                    "",
                    f"同类问题还有{n}处，没有一一列出（每条规则最多列出{MAX_PER_RULE}处）。",
                    "先改正上面列出的，再重新检查。",
                    "全文",
                )
            )
