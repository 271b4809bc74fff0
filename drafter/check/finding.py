"""One finding of ``check``: a Problem that also names its rule, the part of the report it
stands in and the exact text it is about."""

from __future__ import annotations

from drafter.errors import Problem, Where

PART_ORDER = ("标题", "开头", "成效", "第一责任人", "问题", "下一步", "其他", "落款", "全文", "去年的承诺")


class Finding(Problem):
    def __init__(self, rule: str, severity: str, where: Where, quote: str, message: str, hint: str = "", part: str = "全文"):
        super().__init__(where, message, hint, severity, rule)
        self.quote = quote
        self.part = part

    def sort_key(self) -> tuple:
        w = self.where
        return (PART_ORDER.index(self.part) if self.part in PART_ORDER else len(PART_ORDER), w.line or 0, w.column or 0, self.rule)

    def as_dict(self) -> dict:
        """The JSON contract (README): these keys and nothing else may be relied on."""
        return {
            "文件": self.where.file,
            "部分": self.part,
            "规则": self.rule,
            "级别": self.severity,
            "位置": str(self.where),
            "原文": self.quote,
            "说明": self.message,
            "建议": self.hint,
        }

    def format(self) -> str:
        lines = [f"{self.where}：【{self.severity}】{self.rule}"]
        if self.quote:
            lines.append(f"    原文：“{self.quote}”")
        lines.append(f"    说明：{self.message}")
        if self.hint:
            lines.append(f"    建议：{self.hint}")
        return "\n".join(lines)
