"""Opening what a clerk names as an input: a form, a layout file, a report.

Before anything is read the path must be an ordinary file of a sane size: a folder, a
device (/dev/zero never ends), a pipe (it blocks until written to), a symbolic-link loop
or a file of gigabytes is refused with a message that names it. File names are shown in
messages and written into comments only in a form that cannot break a line or an
encoding (a name may hold a line break, or bytes that are not UTF-8).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from drafter.errors import InputFileError, Where, os_reason
from drafter.files.patterns import lazy_re

# What to make of a report drafter does not read, before any command can use it
PDF_HINT = "drafter 不读 PDF：请给出报告的 Word 文档（.docx），或把 PDF 的全文复制到记事本、存成 UTF-8 编码的 .txt"
WPS_HINT = "请在 WPS 里把它另存为 Word 文档（.docx）"

FORM_SUFFIXES = (".yaml", ".yml")  # a form; anything else read as a report is one

_UNSHOWABLE = lazy_re(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# What a terminal must not be sent: the same, less line breaks and tabs, plus the controls
# that reorder text on screen (a name with U+202E reads backwards).
_UNPRINTABLE = lazy_re(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` fit for the terminal: a file name's raw bytes or controls become “?”."""
    return _UNPRINTABLE.sub("?", text)


# The same, less the lone surrogates a file name's undecodable bytes become: not text, so
# shown as “?” (by printable) rather than escaped.
_ESCAPED_IN_JSON = lazy_re(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_printable(text: str) -> str:
    """JSON text fit for the terminal with nothing lost: what ``printable`` would show as
    “?” (only ever inside a JSON string) is written as its \\u escape, so a program reading
    the JSON gets the report's characters exactly."""
    return _ESCAPED_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shown(path: str | Path) -> str:
    """``path`` as text safe in a message or a YAML comment: characters that would break
    the line, and bytes the file system gave that are not UTF-8, become “?”."""
    return _UNSHOWABLE.sub("?", str(path))


def shell_word(path: str | Path) -> str:
    """A file name in a command the clerk may paste: quoted for the shell when it holds spaces
    or other special characters (my form 2026.yaml → 'my form 2026.yaml'), ./ before a name
    starting with - (which would be read as an option)."""
    import shlex

    text = shown(path)
    if text != str(path):
        return text  # a name with characters a terminal cannot show: shown, not for pasting
    if text.startswith("-"):
        text = "./" + text
    if not _SHELL_SPECIAL.search(text):
        return text  # nothing the shell reads specially (普通.yaml stays as it is)
    return shlex.quote(text)


_SHELL_SPECIAL = lazy_re(r"[\s'\"\\$`;&|<>()\[\]*?!{}~#]")


def resolved(path: str | Path) -> Path:
    """The absolute real path, or the absolute path where it cannot be resolved (a
    symbolic-link loop): for telling whether two paths are one file, never raising."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _missing_hint(p: Path) -> str:
    """How to find a file not found: the name without a stray dot or space at its end
    (报告.docx. → 报告.docx), when that file is there."""
    bare = p.name.rstrip(". \u3000")
    if bare and bare != p.name and p.with_name(bare).is_file():
        return f"是不是“{shown(p.with_name(bare))}”？文件名末尾多了“{p.name[len(bare) :]}”。"
    return "请检查文件名和所在文件夹。"


def check_regular(path: str | Path, max_bytes: int, what: str = "文件") -> None:
    """Refuse anything but an ordinary file of at most ``max_bytes``; ``what`` names the
    kind of input in messages (表单, 版面设置文件, 报告)."""
    p = Path(path)
    name, where = shown(p), Where(shown(p))
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if _is_link(p):  # the clerk sees it in the folder: said as a link, not as missing
            raise InputFileError(
                f"“{name}”是一个链接（快捷方式），它指向的文件已不存在。", "请给出原文件的路径，或重新建立这个链接。", where
            ) from None
        raise InputFileError(f"找不到文件“{name}”。", _missing_hint(p), where) from None
    except PermissionError:
        raise InputFileError(f"没有权限读取“{name}”。", "请检查文件及其所在文件夹的权限。", where) from None
    except OSError as err:
        if err.errno == errno.ELOOP:  # a link to itself, or links pointing at each other
            raise InputFileError(
                f"无法读取“{name}”：它是一个指向自己的链接（链接绕成了圈）。", "请删去这个链接，或让它指向真正的文件。", where
            ) from None
        raise InputFileError(
            f"无法读取“{name}”：{os_reason(err)}。", "请检查文件名是否正确，或把文件复制到别的文件夹再试。", where
        ) from None
    except ValueError:  # a NUL in the name
        raise InputFileError(f"无法读取“{name}”。", "请检查文件名是否正确，或把文件复制到别的文件夹再试。", where) from None
    if stat.S_ISDIR(st.st_mode):
        try:
            with os.scandir(p):
                pass
        except PermissionError:  # a folder of a batch that could not be opened: what is in it is unread
            raise InputFileError(
                f"没有权限打开文件夹“{name}”，里面的{what}都没有读到。",
                "请检查这个文件夹的权限，或把里面的文件复制到自己能打开的文件夹再试。",
                where,
            ) from None
        except OSError:
            pass
        raise InputFileError(f"“{name}”是文件夹，不是{what}。", f"请给出{what}的路径。", where)
    if not stat.S_ISREG(st.st_mode):
        raise InputFileError(f"“{name}”不是普通文件（可能是设备或管道），不能当作{what}读取。", f"请给出{what}的路径。", where)
    if st.st_size > max_bytes:
        raise InputFileError(
            # (its size rounded could read as the limit itself: said as over it)
            f"“{name}”超过了 {_size(max_bytes)}，太大了，不像是{what}。",
            f"请确认选对了文件；{what}不会超过 {_size(max_bytes)}。",
            where,
        )


def _is_link(p: Path) -> bool:
    """Is ``p`` itself a symbolic link (its target may be gone)? False when it cannot be told."""
    try:
        return p.is_symlink()
    except (OSError, ValueError):
        return False


def read_bytes(path: str | Path, max_bytes: int, what: str = "文件") -> bytes:
    """The bytes of an ordinary file of at most ``max_bytes`` (checked before and while
    reading: the file may grow)."""
    check_regular(path, max_bytes, what)
    p = Path(path)
    try:
        # Without blocking: a file of /proc that looks ordinary but waits for data
        # (/proc/kmsg) gives an error instead of a hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputFileError(f"没有权限读取“{shown(p)}”。", "请检查文件的权限，或把它复制到自己的文件夹再试。", Where(shown(p))) from None
    except OSError:
        raise InputFileError(f"无法读取“{shown(p)}”。", "请检查文件是否完好，或把它复制到别的文件夹再试。", Where(shown(p))) from None
    if raw is None:  # no data yet, and reading would wait for it
        raise InputFileError(
            f"“{shown(p)}”不是普通文件（读取时要一直等待数据），不能当作{what}读取。", f"请给出{what}的路径。", Where(shown(p))
        )
    if len(raw) > max_bytes:
        raise InputFileError(f"“{shown(p)}”太大了，不像是{what}。", "请确认选对了文件。", Where(shown(p)))
    return raw


def peek(path: str | Path, n: int) -> bytes | None:
    """The first ``n`` bytes of an ordinary file, to tell what it is; None when it cannot be
    read at once (a pipe, a device, a file of /proc that waits for data): the reader that
    reads it says why."""
    p = Path(path)
    try:
        if not p.is_file():
            return None
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            return fh.read(n)
    except OSError:
        return None


def named_beside(naming: str | Path, name: str, what: str) -> tuple[Path | None, tuple[str, str] | None]:
    """The file ``name`` (written inside the file ``naming``) stands for, and None; or None
    and (what is wrong, how to fix it) when it is not a relative path inside ``naming``'s
    own folder: an absolute path (/etc/passwd, C:\\…, \\\\server\\…), a “..” out of it, or a
    symbolic link that leads out of it. ``what`` names the file named (表述数据文件). The
    file itself is then read with read_bytes, which checks it is an ordinary file."""
    text = name.strip()
    folder = Path(naming).parent
    hint = f"请把{what}放在这个文件所在的文件夹（或其子文件夹）里，这里只写文件名或相对路径，如“政治表述.yaml”。"
    if re.match(r"^(?:[/\\~]|[A-Za-z]:)", text):
        return None, (f"“{shown(text)}”是绝对路径，{what}只能从这个文件所在的文件夹里读取。", hint)
    if os.path.normpath(text.replace("\\", "/")).split("/")[0] == "..":  # sub/../a.yaml stays inside
        return None, (f"“{shown(text)}”里有“..”，指到了这个文件所在的文件夹以外。", hint)
    path = folder / text
    home, real = resolved(folder), resolved(path)
    if real != home and home not in real.parents:
        return None, (
            f"“{shown(text)}”是一个链接，实际指向这个文件所在的文件夹以外的文件，不能读取。",
            "请把文件本身复制到这个文件夹里，不要用链接。",
        )
    return path, None


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"
