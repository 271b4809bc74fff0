"""Write output files safely: to a temporary file beside the target, then rename.

A failed run never leaves a half-written or clobbered document behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from drafter.errors import OutputError


def write_atomic(target: str | Path, write: Callable[[str], None]) -> Path:
    """Call ``write(tmp_path)`` and move the result onto ``target`` only if it succeeded."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"输出文件夹“{folder}”不存在。", "请先建好文件夹，或换一个输出路径。")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"无法在“{folder}”中写文件：{err.strerror}。", "请检查文件夹的写入权限。") from None
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except PermissionError:
        raise OutputError(f"无法写入“{target}”。",
                          "这个文件可能正在 Word 或 WPS 中打开，请关闭后再试，或换一个文件名。") from None
    except OSError as err:
        raise OutputError(f"无法写入“{target}”：{err.strerror}。") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def write_text_atomic(target: str | Path, text: str) -> Path:
    return write_atomic(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
