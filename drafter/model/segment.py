"""jieba, loaded fast: for mining and classification only (never on the render path).

Two costs are cut. ``import jieba`` imports pkg_resources (≈ 140 ms, and a deprecation
warning on new setuptools); jieba falls back to plain file access when that import fails,
so we make it fail. Building jieba's prefix dictionary takes about a second; we keep
(FREQ, total) marshalled in the user's cache, keyed by jieba's version and dictionary
file, and hand it to the tokenizer (≈ 0.3 s). The catalogue's keywords are added as
user words so they come out whole.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from drafter.files.datacache import cache_root, write_cache

if TYPE_CHECKING:
    from drafter.model.catalogue import Catalogue


def _import_jieba() -> Any:
    saved = sys.modules.get("pkg_resources", None)
    had = "pkg_resources" in sys.modules
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # see module docstring
    try:
        import jieba
    finally:
        if had:
            sys.modules["pkg_resources"] = saved  # type: ignore[assignment]  # what was there, None included
        else:
            del sys.modules["pkg_resources"]
    import logging

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _dictionary_path(jieba: Any) -> str:
    return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """The jieba tokenizer with its dictionary loaded and the catalogue's words added."""
    jieba = _import_jieba()
    tk = jieba.dt
    path = _dictionary_path(jieba)
    st = os.stat(path)
    key = hashlib.sha1(f"{jieba.__version__}|{path}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()
    cached = cache_root() / "jieba" / f"{key}.marshal"
    loaded = False
    gc.disable()  # hundreds of thousands of small objects: the collector only slows the load
    try:
        try:
            with open(cached, "rb") as fh:
                tk.FREQ, tk.total = marshal.loads(fh.read())
            loaded = True
        except (OSError, EOFError, ValueError, TypeError):
            pass
        if not loaded:
            with open(path, "rb") as fh:
                tk.FREQ, tk.total = tk.gen_pfdict(fh)
            write_cache(cached, lambda fh: marshal.dump((tk.FREQ, tk.total), fh))
    finally:
        gc.enable()
    tk.initialized = True
    from drafter.model.catalogue import load_catalogue

    for word in domain_words(load_catalogue()):
        tk.add_word(word, freq=max(tk.FREQ.get(word, 0), 2000))
    return tk


def domain_words(cat: Catalogue) -> set[str]:
    words: set[str] = set()
    for theme in cat.themes.values():
        words.update(theme.keywords)
        for gname, group in theme.groups.items():
            words.add(gname)
            words.update(group.figures)
            words.update(group.rates)
    return {w for w in words if len(w) >= 2}


CHUNK = 2000  # characters segmented at once: jieba's work and memory grow with the block


def cut(text: str) -> list[str]:
    """Dictionary words of ``text`` (no HMM: new-word guessing is not needed to find keywords).
    A long text is segmented in sentence-sized chunks, so a paragraph of any length costs
    time and memory in proportion to its length."""
    tk = tokenizer()
    if len(text) <= CHUNK:
        return list(tk.lcut(text, HMM=False))
    words: list[str] = []
    for piece in chunks(text):
        words += tk.lcut(piece, HMM=False)
    return words


_BREAKS = "。；！？，、：\n "


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, each ending after punctuation where
    the second half of the piece has some (jieba splits there anyway, so the words are the
    same), else cut at ``size``."""
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        brk = max(text.rfind(c, start + size // 2, end) for c in _BREAKS)
        end = brk + 1 if brk >= 0 else end
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out
