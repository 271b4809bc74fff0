"""Write output files safely: to temporary files beside the targets, then rename.

A command that writes several files (a report and its markup, a form and its schema)
writes all of them or none; a failed run leaves every existing file byte for byte as it
was and no temporary file behind (SIGTERM included: the CLI turns it into SystemExit, so
the ``finally`` below runs). A new file gets the mode a normally created file gets
(0644 under umask 022); a replaced file keeps its own; a read-only file is not replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from drafter.errors import OutputError, os_reason

Writer = Callable[[str], None]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def check_target(target: Path) -> None:
    """Refuse before anything is written: a missing folder, a folder in the way, a read-only file."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"输出文件夹“{folder}”不存在。", "请先建好文件夹，或换一个输出路径。")
    if target.is_dir():
        raise OutputError(f"“{target}”是一个文件夹，不能写成文件。", "请换一个文件名。")
    if target.exists() and not target.is_file():
        raise OutputError(f"“{target}”不是普通文件（可能是设备或管道），不能写在它上面。", "请换一个文件名。")
    if target.exists() and not os.stat(target).st_mode & 0o222:
        raise OutputError(f"“{target}”是只读文件，没有覆盖。", "请去掉它的只读属性，或换一个文件名。")


def write_all(items: Iterable[tuple[str | Path, Writer]]) -> list[Path]:
    """Write every ``(target, write)`` pair: ``write(tmp_path)`` fills a temporary file and
    the temporaries replace their targets only once all of them have been written."""
    plan = [(Path(target), write) for target, write in items]
    for target, _write in plan:
        check_target(target)
    temps: list[tuple[str, Path]] = []
    try:
        for target, write in plan:
            folder = target.parent if str(target.parent) else Path(".")
            try:
                fd, tmp = tempfile.mkstemp(prefix=".drafter-", suffix=".tmp", dir=folder)
            except OSError as err:
                raise OutputError(f"无法在“{folder}”中写文件：{os_reason(err)}。",
                                  "请检查文件夹的写入权限和磁盘空间。") from None
            os.close(fd)
            temps.append((tmp, target))
            write(tmp)
            os.chmod(tmp, _mode_for(target))
        for tmp, target in temps:
            os.replace(tmp, target)
    except PermissionError:
        raise OutputError(f"无法写入“{temps[-1][1] if temps else plan[0][0]}”。",
                          "这个文件可能正在 Word 或 WPS 中打开，请关闭后再试，或换一个文件名。") from None
    except OSError as err:
        where = temps[-1][1] if temps else plan[0][0]
        raise OutputError(f"无法写入“{where}”：{os_reason(err)}。") from None
    finally:
        for tmp, _target in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return [target for target, _write in plan]


def write_atomic(target: str | Path, write: Writer) -> Path:
    """Call ``write(tmp_path)`` and move the result onto ``target`` only if it succeeded."""
    return write_all([(target, write)])[0]


def text_writer(text: str) -> Writer:
    return lambda tmp: Path(tmp).write_text(text, encoding="utf-8")


def write_text_atomic(target: str | Path, text: str) -> Path:
    return write_atomic(target, text_writer(text))


def refuse_existing(target: Path, force: bool) -> None:
    """No file is overwritten without --force."""
    if target.exists() and not force:
        raise OutputError(f"“{target}”已经存在，没有覆盖。", "换一个文件名（-o），或加 --force 覆盖。")


def same_text(target: Path, text: str) -> bool:
    """True when ``target`` already holds exactly ``text`` (nothing to write)."""
    try:
        return target.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
