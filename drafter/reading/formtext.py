"""A drafter form saved under a report's name (Notepad makes 2025.yaml.txt): told apart
from a report by its content, so that every command says the same of it.

A .txt is a report to check, import and new --from, and render and validate take a form:
a form named .txt would be read as a report full of half-width punctuation by the one and
as a form by the other. Every command refuses it instead, naming the file and the name to
give it. A form is told by its top-level keys written as YAML writes them (at the start of
a line, a half-width colon after): a report quoting one line such as “年度: 2025” is still a
report; it takes three such keys, or two in a text that reads as a YAML mapping.
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import InputFileError, Where
from drafter.files.patterns import lazy_re

# The form's top-level fields (drafter/data/catalogue.yaml, drafter/form/spec.py): a fixed
# list, so that reading a report needs neither the catalogue nor the form's specification.
FORM_KEYS = (
    "单位",
    "年度",
    "成文日期",
    "标题",
    "主送机关",
    "开头",
    "党的领导",
    "成效",
    "第一责任人",
    "问题",
    "下一步",
    "其他",
    "落款",
    "正文",
)
_KEY_LINE = lazy_re(r"^\ufeff?(?:\"|')?(" + "|".join(FORM_KEYS) + r")(?:\"|')?[ \t]*:(?=[ \t]|$)", re.M)
_FORM_SUFFIXES = (".yaml", ".yml")


def _text(raw: bytes) -> str:
    """The file's text as far as telling a form goes: UTF-16/32 by their marks, else UTF-8,
    else GB18030 (Notepad's “ANSI” on a Chinese Windows)."""
    for mark, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if raw.startswith(mark):
            return raw[len(mark) :].decode(encoding, "replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", "replace")


def is_form(raw: bytes) -> bool:
    """True when ``raw`` holds a drafter form rather than a report's text."""
    text = _text(raw)
    keys = set(_KEY_LINE.findall(text))
    if len(keys) >= 3:
        return True
    if len(keys) < 2:
        return False
    import yaml

    try:
        data = yaml.safe_load(text)
    except Exception:  # noqa: BLE001 - any text that is not YAML is not a form
        return False
    return isinstance(data, dict) and len(keys & set(map(str, data))) >= 2


def form_name(p: Path) -> str:
    """The name the form should have: 2025.yaml.txt → 2025.yaml, 2025.txt → 2025.yaml."""
    return p.stem if Path(p.stem).suffix.lower() in _FORM_SUFFIXES else p.stem + ".yaml"


def refuse_form_as_text(raw: bytes, p: Path) -> None:
    """A form under a .txt name is refused by every command, with the name to give it."""
    if p.suffix.lower() == ".txt" and is_form(raw):
        raise InputFileError(
            f"“{p.name}”是一份 drafter 表单，但文件名以 .txt 结尾（.txt 是报告的文本文件），没有读取。",
            f"请把文件名改为“{form_name(p)}”后再试：表单要用 .yaml 结尾（用记事本保存时，“保存类型”选“所有文件”）。",
            Where(str(p)),
        )
