"""Read drafter's own YAML data files through a small pickle cache.

The catalogue, the formulas and the default config are parsed once and kept in the
user's cache folder, keyed by path, size and modification time: parsing them on every
run costs about 20 ms, a tenth of the whole cold-render budget. Any cache problem falls
back to parsing; the cache is never required.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STALE_SECONDS = 24 * 3600  # a cache file unused this long belongs to no drafter in use


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


def load_yaml(path: str | Path) -> Any:
    path = Path(path)
    st = path.stat()
    key = hashlib.sha1(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()
    cached = cache_root() / "data" / f"{key}.pickle"
    try:
        with open(cached, "rb") as kept:
            return pickle.load(kept)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    with open(path, encoding="utf-8") as source:
        data = yaml.load(source, Loader=_Loader)
    write_cache(cached, lambda fh: pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL))
    return data


def write_cache(cached: Path, dump: Callable[[BinaryIO], object]) -> None:
    """Keep what ``dump`` writes at ``cached``: written to a temporary file and renamed, never
    an error (the cache is never required), and the temporary file removed whatever stops
    the write (Ctrl-C, kill, a closed terminal: the stop still ends the run). A new cache
    file is the time to remove the other files of its folder unused for STALE_SECONDS:
    caches of another version or dictionary, and temporary files a killed run left."""
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            dump(fh)
        os.replace(tmp, cached)
    except OSError:
        return
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    _prune(cached)


def _prune(kept: Path) -> None:
    now = time.time()
    try:
        with os.scandir(kept.parent) as it:
            for entry in it:
                if entry.name == kept.name or not entry.is_file(follow_symlinks=False):
                    continue
                with contextlib.suppress(OSError):
                    st = entry.stat(follow_symlinks=False)
                    if now - max(st.st_atime, st.st_mtime) > STALE_SECONDS:
                        os.unlink(entry.path)
    except OSError:
        pass  # another process pruning, or a folder not ours to clean: never an error
