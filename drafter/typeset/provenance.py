"""Is an existing .docx drafter's own untouched output?

``render`` may replace its own output freely (the clerk fixes the form and renders
again), but never a report someone has edited in Word or WPS, whose edits would be lost.
drafter writes ``lastModifiedBy`` "drafter" and equal created/modified times into
docProps/core.xml; any editor that saves the file changes at least one of them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_MAX_CORE = 64 * 1024  # core.xml is a few hundred bytes; a bigger one is not ours


def _field(xml: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}\b[^>]*>([^<]*)</{tag}>", xml)
    return m.group(1).strip() if m else None


def untouched_render(path: Path) -> bool:
    """True when ``path`` is a .docx drafter wrote and nobody has saved since."""
    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("docProps/core.xml")
            if info.file_size > _MAX_CORE:
                return False
            xml = package.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
    created, modified = _field(xml, "dcterms:created"), _field(xml, "dcterms:modified")
    return _field(xml, "cp:lastModifiedBy") == "drafter" and created is not None and created == modified
