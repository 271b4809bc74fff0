"""Write output files safely: to temporary files beside the targets, then rename.

A command that writes several files (a report and its markup, a form and its schema)
writes all of them or none; a failed run leaves every existing file byte for byte as it
was and no temporary file behind (a run stopped by a signal included: the CLI turns each of
STOP_SIGNALS into SystemExit, so the ``finally`` below runs, and those signals wait while
the temporaries are renamed or removed, so that a set of files is never half replaced). A new file gets the
mode a normally created file gets
(0644 under umask 022); a replaced file keeps its own; a read-only file is not replaced.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from drafter.errors import OutputError, os_reason

Writer = Callable[[str], object]  # writes the file at the path given; what it returns is ignored

# Signals that end a process by default and that a clerk's session can send: the terminal
# window closed (HUP), Ctrl-\ (QUIT), kill, shutdown or a job scheduler (TERM, USR1, USR2,
# PWR), a CPU-time limit (XCPU), a profiler's timers (VTALRM, PROF). Ctrl-C (INT) is
# KeyboardInterrupt already; Python ignores PIPE and XFSZ, so a write then fails as an
# OSError. ALRM is left alone: drafter/render/limits.py times templates with it and arms
# its timer only while the handler is the default one. KILL and STOP cannot be caught.
STOP_SIGNALS = ("SIGHUP", "SIGTERM", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGPWR", "SIGXCPU", "SIGVTALRM", "SIGPROF")


# Held by whichever thread is renaming or removing its temporaries. Python runs signal
# handlers in the main thread only: the main thread's own renames hold the signals back
# (below); a stop handler calls ``renames_done`` so that a rename in another thread (a
# server's worker) finishes before the process ends. Re-entrant: where signals cannot be
# held back, the handler may run in the very thread that holds it.
_renaming = threading.RLock()
_RENAME_WAIT = 30.0  # seconds; renames take milliseconds, a stuck disk must not hang a stop


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and STOP_SIGNALS wait until the block is done: held back in the main thread
    (POSIX), and waited for by ``renames_done`` when the block runs in another thread."""
    with _renaming:
        if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
            yield
            return
        held = {getattr(signal, name) for name in ("SIGINT", *STOP_SIGNALS) if hasattr(signal, name)}
        before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)


def renames_done() -> None:
    """Wait until no thread is between the renames of a set of outputs (for stop handlers)."""
    if _renaming.acquire(timeout=_RENAME_WAIT):
        _renaming.release()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def no_folder(folder: Path, what: str = "输出文件夹") -> OutputError:
    """The error for ``folder``, which is not a folder: a file standing where it or a folder
    above it should be (报告/2025.docx where 报告 is a file) said as such, else missing."""
    from drafter.files.inputs import shown

    for above in (folder, *folder.parents):
        if above.is_dir():
            break
        if os.path.lexists(above):
            inside = "不能把文件写在它里面" if above == folder else f"{what}“{shown(folder)}”建不起来"
            return OutputError(
                f"“{shown(above)}”是一个已有的文件，不是文件夹，{inside}。",
                "请换一个输出路径；一定要用这个文件夹的，先把同名的文件改名或移走。",
            )
    return OutputError(f"{what}“{shown(folder)}”不存在。", "请先建好文件夹，或换一个输出路径。")


def check_target(target: Path) -> None:
    """Refuse before anything is written: a missing folder, a folder in the way, a read-only file."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise no_folder(folder)
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
        refuse_not_ours(target)
    # A target that is not there now is created, never replaced: if another run writes it
    # meanwhile, that file is not ours to overwrite (two clerks' runs never silently lose one).
    absent = {target for target, _write in plan if not os.path.lexists(target) or _seen_absent(target)}
    temps: list[tuple[str, Path]] = []
    current = plan[0][0] if plan else Path(".")  # the target being written or put in place
    try:
        for target, write in plan:
            current = target
            folder = target.parent if str(target.parent) else Path(".")
            try:
                with _signals_held():  # a stop between creating and recording it would leave it behind
                    fd, tmp = tempfile.mkstemp(prefix=".drafter-", suffix=".tmp", dir=folder)
                    temps.append((tmp, target))
            except OSError as err:
                raise OutputError(f"无法在“{folder}”中写文件：{os_reason(err)}。", "请检查文件夹的写入权限和磁盘空间。") from None
            os.close(fd)
            write(tmp)
            os.chmod(tmp, _mode_for(target))
        with _signals_held():
            created: list[Path] = []
            try:
                for tmp, target in temps:
                    current = target
                    if target in absent:
                        if not _create(tmp, target):
                            raise OutputError(
                                f"“{target}”在这次运行期间由别的程序写出了，没有覆盖。",
                                "请看看是谁同时在写这个文件；确实要覆盖，请再运行一次。",
                            )
                        created.append(target)
                for tmp, target in temps:
                    current = target
                    if target not in absent:
                        os.replace(tmp, target)
            except BaseException:
                for made in created:  # all or none: what this run created goes again
                    with suppress(OSError):
                        os.unlink(made)
                raise
    except PermissionError:
        raise OutputError(
            f"无法写入“{current}”：没有权限。", "这个文件可能正在 Word 或 WPS 中打开，请关闭后再试，或换一个文件名。"
        ) from None
    except OSError as err:
        raise OutputError(f"无法写入“{current}”：{os_reason(err)}。") from None
    finally:
        with _signals_held():
            for tmp, _target in temps:
                if os.path.exists(tmp):
                    os.unlink(tmp)
    return [target for target, _write in plan]


def not_ours(target: Path) -> bool:
    """Is ``target`` a file of another user in a folder that lets each user replace only
    their own (a shared folder with the sticky bit, as /tmp)? Root, or the folder's owner,
    could replace it, but the clerk whose file it is would lose it (and the right to change
    it, the new file being another's): so it is not ours, whoever runs drafter."""
    try:
        st = os.lstat(target)
        folder = os.stat(target.parent if str(target.parent) else ".")
    except OSError:
        return False
    me = os.geteuid() if hasattr(os, "geteuid") else None
    return me is not None and bool(folder.st_mode & stat.S_ISVTX) and me != st.st_uid


def refuse_not_ours(target: Path) -> None:
    """Another user's file in a shared folder (not_ours): said before anything is written."""
    if not_ours(target):
        raise OutputError(
            f"“{target}”属于别的用户，这个文件夹只允许各人替换自己的文件，没有写入。",
            "请换一个文件名（-o），或换一个文件夹。",
        )


# Targets found absent by refuse_existing (no --force) in this thread: the run decided on
# that, so they are created, never replaced, even if another run writes one meanwhile.
_checked = threading.local()


def _seen_absent(target: Path) -> bool:
    seen: set[str] = getattr(_checked, "absent", set())
    key = os.path.abspath(target)
    if key in seen:
        _checked.absent = seen - {key}
        return True
    return False


def _create(tmp: str, target: Path) -> bool:
    """Put ``tmp`` in place as ``target`` only if no file of that name exists (a hard link
    is made or fails at once); False when one does. Where the disk has no hard links (a
    USB stick formatted FAT), it is simply renamed."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        return False
    except OSError:
        os.replace(tmp, target)
    return True


def write_atomic(target: str | Path, write: Writer) -> Path:
    """Call ``write(tmp_path)`` and move the result onto ``target`` only if it succeeded."""
    return write_all([(target, write)])[0]


def text_writer(text: str) -> Writer:
    return lambda tmp: Path(tmp).write_text(text, encoding="utf-8")


def write_text_atomic(target: str | Path, text: str) -> Path:
    return write_atomic(target, text_writer(text))


def refuse_existing(target: Path, force: bool) -> None:
    """No file is overwritten without --force (a link whose file is missing included: it
    is replaced, not followed). What --force cannot replace either (a read-only file, a pipe,
    a folder, another user's file in a shared folder) is said first, so the fix given is one
    that helps."""
    check_target(target)
    refuse_not_ours(target)
    if target.is_symlink() and not target.exists() and not force:
        raise OutputError(f"“{target}”是一个链接（它指向的文件不存在），没有替换它。", "换一个文件名（-o），或加 --force 替换这个链接。")
    if target.exists() and not force:
        raise OutputError(f"“{target}”已经存在，没有覆盖。", "换一个文件名（-o），或加 --force 覆盖。")
    seen: set[str] = getattr(_checked, "absent", set()) - {os.path.abspath(target)}
    _checked.absent = seen | ({os.path.abspath(target)} if not force and not os.path.lexists(target) else set())


def refuse_inputs(targets: Iterable[str | Path], inputs: Iterable[str | Path | None]) -> None:
    """No output is written over one of the command's inputs (a form named 报告.pdf given
    to ``preview``, a layout file, a report being read): compared as real paths, so a link
    or ``./`` does not hide it. The one guard every command uses."""
    from drafter.files.inputs import resolved, shown

    real = {resolved(p): p for p in inputs if p is not None}
    for target in targets:
        source = real.get(resolved(target))
        if source is not None:
            also = "" if Path(source) == Path(target) else f"（即“{shown(source)}”）"
            raise OutputError(f"要写出的“{shown(target)}”正是输入的文件{also}，没有覆盖。", "请用 -o 换一个输出文件名。")


def check_suffix(target: str | Path, suffixes: tuple[str, ...], what: str) -> None:
    """``target`` ends in one of ``suffixes`` (the first is the one to suggest): a form
    written as 报告.docx would be a file Word cannot open. ``what`` says what is written."""
    from drafter.files.inputs import shown

    target = Path(target)
    said = f" {what}" if what[:1].isascii() else what  # 是 YAML 文本: a space before a Latin word
    if target.is_dir():
        raise OutputError(
            f"“{shown(target)}”是文件夹，这里要写出的是{said}（{suffixes[0]} 文件）。",
            f"请给出 {suffixes[0]} 结尾的文件名，如“{shown(target / ('输出' + suffixes[0]))}”。",
        )
    if target.suffix.lower() not in suffixes:
        suggested = target.parent / (_bare_stem(target.name) + suffixes[0])  # keeps its folder
        if _bare_stem(target.name) == "输出" and target.name.lower() in _KNOWN_SUFFIXES:
            problem = f"输出文件“{shown(target)}”只写了扩展名，没有文件名，这里写出的是{said}。"
        else:
            problem = f"输出文件“{shown(target)}”不是 {suffixes[0]} 文件名，这里写出的是{said}。"
        raise OutputError(problem, f"请用 {suffixes[0]} 结尾的文件名，如“{shown(suggested)}”。")


# Suffixes a clerk's file names carry: dropped from a suggested name, so that out.yaml.txt
# (Notepad's way) gives out.yaml, not out.yaml.yaml, and x.yaml.tmp gives x.yaml.
_KNOWN_SUFFIXES = (".yaml", ".yml", ".docx", ".doc", ".wps", ".json", ".pdf", ".txt", ".md", ".png", ".tmp", ".bak", ".old", ".new")


def _bare_stem(name: str) -> str:
    """``name`` without every known suffix it ends in; 输出 when nothing else is left."""
    stem = name.rstrip(". ")  # x.docx. (a stray dot at the end) is x.docx
    while Path(stem).suffix.lower() in _KNOWN_SUFFIXES and Path(stem).stem:
        stem = Path(stem).stem
    if not stem.strip(". ") or stem.lower() in _KNOWN_SUFFIXES:
        return "输出"
    return stem


def same_text(target: Path, text: str) -> bool:
    """True when ``target`` already holds exactly ``text`` (nothing to write). Only a
    regular file is read: a pipe or a device under that name would block or never end, so
    it is opened without waiting and left unread (the writer then refuses it as such)."""
    want = text.encode("utf-8")
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(want):
            return False
        with os.fdopen(fd, "rb") as fh:
            fd = -1  # closed with fh
            return fh.read(len(want) + 1) == want
    except OSError:
        return False
    finally:
        if fd >= 0:
            os.close(fd)
