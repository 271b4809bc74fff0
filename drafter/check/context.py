"""The state one check run shares between its rules: the document, the rule table, last
year's document (with --last) and the findings gathered so far."""

from __future__ import annotations

from drafter.check.finding import Finding
from drafter.check.table import RuleTable
from drafter.errors import Where


class Check:
    def __init__(self, doc, table: RuleTable, last=None, full: bool = True):
        self.doc = doc
        self.table = table
        self.last = last
        self.full = full  # False while rendering: only the quick form-level rules
        self.findings: list[Finding] = []

    def on(self, *rules: str) -> bool:
        return self.table.on(*rules)

    def add(self, rule: str, where: Where | tuple, quote: str, part: str, message: str, hint: str = "") -> None:
        """Record a finding of ``rule`` at its table severity; nothing when it is switched off.
        ``where`` may be (unit, start, end) of this document: located only when recorded,
        since tracing a form's text back to its line costs."""
        severity = self.table.severity.get(rule)
        if severity:
            if not isinstance(where, Where):
                where = self.doc.where(*where)
            self.findings.append(Finding(rule, severity, where, quote, message, hint, part))
