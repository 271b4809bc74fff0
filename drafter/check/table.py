"""The rule table: every rule's id, severity and category, from ``data/rules.yaml``, with an
office's overrides from the ``检查规则`` section of its config file applied.

Rules are data so that an office can switch one off or change its severity without code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from drafter.errors import Findings
from drafter.files.config import RULES_SECTION, Settings, read_settings
from drafter.files.datacache import load_yaml
from drafter.model.catalogue import DATA
from drafter.model.formulations import FormulaTable, builtin, formula_table

SEVERITIES = ("错误", "提醒")
OFF = "关闭"


class RuleTable:
    """Severity of each rule (None when switched off), parameters and word lists."""

    def __init__(self, raw: dict, overrides: dict[str, str] | None = None, formulas: FormulaTable | None = None):
        self.raw = raw
        self.formulas = formulas or builtin()  # the political formulas the wording rules compare with
        self.rules: dict[str, dict] = raw["规则"]
        self.severity: dict[str, str | None] = {k: v["级别"] for k, v in self.rules.items()}
        for rule, value in (overrides or {}).items():
            self.severity[rule] = None if value == OFF else value
        self.params: dict = raw["参数"]

    def on(self, *rules: str) -> bool:
        """True when any of ``rules`` is switched on."""
        return any(self.severity.get(r) for r in rules)

    def words(self, key: str):
        return self.raw[key]


@lru_cache(maxsize=1)
def _raw() -> dict:
    return load_yaml(DATA / "rules.yaml")


def rule_table(config: str | Path | Settings | None = None) -> RuleTable:
    """The shipped table, with the overrides of ``config`` (its 检查规则 section) and the
    formulas its 表述数据 file adds."""
    raw = _raw()
    settings = read_settings(config)
    if settings is None:
        return RuleTable(raw)
    return RuleTable(raw, overrides_from(settings, raw["规则"]), formula_table(settings))


def overrides_from(settings: Settings, rules: dict) -> dict[str, str]:
    """Check the 检查规则 section of an office's settings file; every problem is reported with
    its line and column."""
    from drafter.files.yamlsource import as_typed

    src = settings.source
    found = Findings()
    section = src.data.get(RULES_SECTION) if isinstance(src.data, dict) else None
    out: dict[str, str] = {}
    if section is None:
        return out
    if not isinstance(section, dict):
        found.add(
            src.where((RULES_SECTION,)),
            f"“{RULES_SECTION}”下应当是若干“规则: 级别”。",
            f"例如“比率口径: 关闭”；级别写 {OFF}、错误 或 提醒。",
        )
        found.raise_if_errors()
    for rule, value in section.items():
        where = src.where((RULES_SECTION, rule), at_key=True)
        if rule not in rules:
            import difflib

            close = difflib.get_close_matches(str(rule), list(rules), n=1, cutoff=0.4)
            found.add(
                where,
                f"没有名为“{as_typed(rule)}”的检查规则。",
                f"是不是“{close[0]}”？" if close else "规则的名称见 README 的“检查规则”一节。",
            )
        elif value not in (OFF, *SEVERITIES):
            found.add(
                src.where((RULES_SECTION, rule)),
                f"“{src.typed((RULES_SECTION, rule), value)}”不是规则的级别。",
                f"请写 {OFF}、错误 或 提醒。",
            )
        else:
            out[rule] = value
    found.raise_if_errors()
    return out
