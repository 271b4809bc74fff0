"""Regular expressions compiled when first used, not when their module is imported.

drafter holds some three hundred patterns at module level; compiling them all at import
cost a cold ``drafter render`` a good part of its start (most are for reading reports and
for check rules a render never reaches). ``lazy_re`` stands in for ``re.compile`` there:
the pattern is compiled on the first use of any of its methods, which are then the
compiled pattern's own (no cost per call after that)."""

from __future__ import annotations

import re
from typing import Any, overload


class _LazyPattern:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.__dict__["_source"] = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(*self.__dict__["_source"])
        for attr in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner"):
            self.__dict__[attr] = getattr(compiled, attr)
        for attr in ("pattern", "flags", "groups", "groupindex"):
            self.__dict__[attr] = getattr(compiled, attr)
        self.__dict__["compiled"] = compiled
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, tuple[str | bytes, int]]:
        return (lazy_re, self.__dict__["_source"])

    def __repr__(self) -> str:
        return f"lazy_re({self.__dict__['_source'][0]!r})"


@overload
def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]: ...
@overload
def lazy_re(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]: ...


def lazy_re(pattern: str | bytes, flags: int = 0) -> Any:
    """``re.compile(pattern, flags)``, done on first use."""
    return _LazyPattern(pattern, flags)
