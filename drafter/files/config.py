"""The settings file (config.yaml): the names of its sections, shared by their readers.

Everything in it is layout (typeset/layout.py) except two sections read by others: the check
rules' overrides (check/table.py) and the name of an office's formulations file
(model/formulations.py). The file is read once (``read_settings``) and the Settings handed to
each of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.files.yamlsource import Source, load_file

RULES_SECTION = "检查规则"  # overrides of the check rules' severities
FORMULAS_SECTION = "表述数据"  # the file of an office's political formulations


@dataclass(frozen=True)
class Settings:
    """An office's settings file, read once (with every value's line and column) and handed to
    each reader of its sections: the layout, the check rules, the formulations file."""

    path: Path
    source: Source

    @property
    def data(self) -> dict[str, Any]:
        return self.source.data if isinstance(self.source.data, dict) else {}


def read_settings(path: str | Path | Settings | None) -> Settings | None:
    """The settings file at ``path`` (None: none given, the defaults hold), read once; a
    Settings given is passed through."""
    if path is None or isinstance(path, Settings):
        return path
    return Settings(Path(path), load_file(path, KIND))


def settings_file(settings: Settings | None) -> Path | None:
    """The file the settings were read from, if any: an input no output may replace."""
    return settings.path if settings is not None else None


KIND = "版面设置文件"  # how messages name the file
