"""How check findings are shown: for people (grouped by part, counted, a summary table
for several files) and as JSON (the contract documented in the README)."""

from __future__ import annotations

import json

from drafter.check.finding import Finding
from drafter.jobs.batch import pad as _pad, text_width as _width


def counts(found: list[Finding]) -> tuple[int, int]:
    errors = sum(f.severity == "错误" for f in found)
    return errors, len(found) - errors


def document_text(name: str, found: list[Finding], about: str = "") -> str:
    errors, reminders = counts(found)
    head = f"== {name}" + (f"（{about}）" if about else "")
    if not found:
        return f"{head}\n没有发现问题。"
    lines = [head]
    part = None
    for f in found:
        if f.part != part:
            part = f.part
            lines.append(f"【{part}】")
        lines.append("  " + f.format().replace("\n", "\n  "))
    lines.append(f"共 {errors} 处错误、{reminders} 条提醒。")
    return "\n".join(lines)


def summary_table(rows: list[tuple[str, int | None, int | None, str]]) -> str:
    """rows: (file, errors, reminders, note); errors None when the file could not be read."""
    name_w = max([_width("文件")] + [_width(r[0]) for r in rows])
    lines = [f"{_pad('文件', name_w)}  {_pad('错误', 4, True)}  {_pad('提醒', 4, True)}"]
    total_e = total_r = 0
    for name, e, r, note in rows:
        if e is None:
            lines.append(f"{_pad(name, name_w)}  {_pad('—', 4, True)}  {_pad('—', 4, True)}  {note}")
            continue
        total_e += e
        total_r += r or 0
        lines.append(f"{_pad(name, name_w)}  {_pad(str(e), 4, True)}  {_pad(str(r), 4, True)}")
    label = f"合计（{len(rows)} 份）"
    lines.append(f"{_pad(label, name_w)}  {_pad(str(total_e), 4, True)}  {_pad(str(total_r), 4, True)}")
    return "\n".join(lines)


def as_json(found: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=2)
