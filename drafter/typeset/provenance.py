"""Is an existing .docx drafter's own untouched output?

``render`` may replace its own output freely (the clerk fixes the form and renders
again), but never a report someone has edited in Word or WPS, whose edits would be lost.
drafter writes ``lastModifiedBy`` "drafter" and equal created/modified times into
docProps/core.xml, which any editor that saves the file changes, and the fingerprint of
every other part, which any change of content changes (a tool that edits the XML and leaves
the properties alone included).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from drafter.files.patterns import lazy_re

_MAX_CORE = 64 * 1024  # core.xml is a few hundred bytes; a bigger one is not ours


def _field(xml: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}\b[^>]*>([^<]*)</{tag}>", xml)
    return m.group(1).strip() if m else None


CORE_PART = "docProps/core.xml"
_MAX_PARTS = 64 * 1024 * 1024  # drafter's own parts are far smaller: a bigger package is not ours untouched


_IDENTIFIER = lazy_re(rb"<dc:identifier>[^<]*</dc:identifier>")


def fingerprint(parts: dict[str, bytes]) -> str:
    """The fingerprint of a package: every part, the core properties without the element
    that holds the fingerprint (so a changed title, author or comment there is seen too)."""
    digest = hashlib.sha256()
    for name in sorted(parts):
        data = _IDENTIFIER.sub(b"", parts[name]) if name == CORE_PART else parts[name]
        digest.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return "drafter:sha256:" + digest.hexdigest()


VERBATIM = "drafter:verbatim"  # the keyword of a report whose body the clerk typed (an imported form's)


def figures_printed_by_drafter(path: Path) -> bool:
    """Are the figures of ``path`` drafter's own printing (exact, 万/亿 only where no digit is
    lost): an untouched render of a form's 数据, not of a body the clerk typed (imported)?"""
    if not untouched_render(path):
        return False
    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read(CORE_PART).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return False
    return _field(xml, "cp:keywords") != VERBATIM


def untouched_render(path: Path) -> bool:
    """True when ``path`` is a .docx drafter wrote and nobody has saved or changed since."""
    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo(CORE_PART)
            infos = package.infolist()
            if info.file_size > _MAX_CORE or sum(i.file_size for i in infos) > _MAX_PARTS:
                return False
            xml = package.read(info).decode("utf-8", "replace")
            created, modified = _field(xml, "dcterms:created"), _field(xml, "dcterms:modified")
            if _field(xml, "cp:lastModifiedBy") != "drafter" or created is None or created != modified:
                return False
            stated = _field(xml, "dc:identifier")
            parts = {i.filename: package.read(i) for i in infos}
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return False
    return stated is not None and stated == fingerprint(parts)
