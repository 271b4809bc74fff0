"""The compiled-template cache in the user's cache folder, kept to a bounded size.

Jinja's FileSystemBytecodeCache never removes a file: every template a clerk ever rendered
(and every version of drafter, which caches in a folder of its own) stays. Here each write
is followed by a prune: the cache keeps its MAX_FILES most recently used files within
MAX_BYTES (a file read is marked used), a temporary file left by an interrupted write goes
after STALE_SECONDS, and the folders of other drafter versions go once unused for
STALE_SECONDS. Several processes may prune at once: a file another one removed first is
simply gone, and a reader that opened a file keeps reading it (POSIX), or compiles again;
a cache file that cannot be read or written is never an error (the template is compiled).
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import jinja2

from drafter.files.bounds import BYTECACHE_BYTES as MAX_BYTES, BYTECACHE_FILES as MAX_FILES

STALE_SECONDS = 24 * 3600
PREFIX = "__jinja2_"
FOLDER_PREFIX = "jinja-"


class BoundedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """FileSystemBytecodeCache that prunes itself after each write."""

    def __init__(self, directory: str, max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES):
        super().__init__(directory, PREFIX + "%s.cache")
        self.max_files = max_files
        self.max_bytes = max_bytes

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):
            bucket.reset()  # removed or cut short by another process: compiled again
            return
        if bucket.code is not None:
            try:  # used now: the prune keeps the most recently used
                os.utime(self._get_cache_filename(bucket))
            except OSError:
                pass

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return  # the folder gone or full meanwhile: the template was compiled, only not kept
        prune(Path(self.directory), self.max_files, self.max_bytes)


def _entries(folder: Path) -> list[tuple[float, int, Path]]:
    out = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.startswith(PREFIX):
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue  # removed meanwhile
                    out.append((st.st_mtime, st.st_size, Path(entry.path)))
    except OSError:
        return []
    return out


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # another process removed it first, or it cannot be removed: never an error


def prune(folder: Path, max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES, now: float | None = None) -> None:
    """Bring ``folder`` within ``max_files`` and ``max_bytes``, oldest first; drop stale
    temporary files and the stale cache folders of other drafter versions beside it."""
    now = time.time() if now is None else now
    kept = []
    for mtime, size, path in _entries(folder):
        if path.name.endswith(".tmp"):
            if now - mtime > STALE_SECONDS:
                _remove(path)
        else:
            kept.append((mtime, size, path))
    kept.sort(reverse=True)  # newest first
    total = 0
    for k, (_mtime, size, path) in enumerate(kept):
        total += size
        if k >= max_files or total > max_bytes:
            _remove(path)
    _prune_other_versions(folder, now)


def _prune_other_versions(folder: Path, now: float) -> None:
    try:
        siblings = [
            p
            for p in folder.parent.iterdir()
            if p.name.startswith(FOLDER_PREFIX) and p.name != folder.name and p.is_dir() and not p.is_symlink()
        ]
    except OSError:
        return
    for other in siblings:
        entries = _entries(other)
        if any(now - mtime <= STALE_SECONDS for mtime, _size, _path in entries):
            continue  # another drafter version still in use
        for _mtime, _size, path in entries:
            _remove(path)
        try:
            other.rmdir()  # only when nothing else is in it
        except OSError:
            pass
