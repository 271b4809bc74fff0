"""Where the built-in templates and the default config.yaml are.

In a checkout (and an editable install) they are at the top of the project, where a
clerk finds them; a built wheel carries them inside the package as ``drafter/_builtin``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    packaged = _PACKAGE / "_builtin"
    if (packaged / "config.yaml").is_file():
        return packaged
    return _PACKAGE.parent


def builtin_templates() -> Path:
    return builtin_root() / "templates"


def default_config() -> Path:
    return builtin_root() / "config.yaml"
