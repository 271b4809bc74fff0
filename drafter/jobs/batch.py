"""Many inputs in one process (render, new, check): folders expanded, one job per input,
a broken input reported and the others done, and a table at the end of what became of each.

Nothing here prints; the CLI passes ``report`` to show progress and problems as they come.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from drafter.errors import DrafterError, OutputError
from drafter.files.inputs import resolved
from drafter.render.phrases import PHRASE_FILE


class Outcome(NamedTuple):
    source: Path
    target: Path | None  # what was written; None when the input could not be used
    note: str  # e.g. "3 条提醒"
    error: DrafterError | None = None


def expand(paths: list[str], suffixes: tuple[str, ...]) -> list[Path]:
    """The files named, and the files with ``suffixes`` in the folders named (not hidden
    files nor Office's ~$ lock files), in order. Every entry of a folder with such a name
    that is not itself a folder is listed, whatever it is (a pipe, a link to a device or to
    nothing): the job refuses it with the message it gives for it alone, and the summary
    shows it, rather than the folder seeming to hold only the files that could be read."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            shut: list[Path] = []  # folders inside it that cannot be opened: listed, so the job says why
            found = [Path(root) / name for root, _dirs, files in os.walk(p, onerror=_noting(shut)) for name in files]
            out += sorted(
                [
                    f
                    for f in found
                    if (f.suffix.lower() in suffixes or _saved_as_text(f, suffixes))
                    and not f.name.startswith((".", "~$"))
                    and f.name != PHRASE_FILE  # a template's phrase table kept beside the forms: no form
                ]
                + [d for d in shut if d != p]
            )
        else:
            out.append(p)
    # a file named twice (a folder and a file in it; a link to it beside it) is done once, under
    # its own name rather than a link's (报告.yaml, not its link a副本.yaml)
    once: dict[Path, Path] = {}
    for f in out:
        key = resolved(f)
        if key not in once or (once[key].is_symlink() and not f.is_symlink()):
            once[key] = f
    return list(once.values())


def _noting(shut: list[Path]) -> Callable[[OSError], None]:
    """os.walk's onerror: the folder it could not open, noted in ``shut``."""
    return lambda err: shut.append(Path(err.filename))


def _saved_as_text(path: Path, suffixes: tuple[str, ...]) -> bool:
    """A file saved by Notepad with .txt after its own suffix (甲局.yaml.txt): listed, so the
    job says to rename it as it does for the file alone, never passed over in silence."""
    name = path.name.lower()
    return ".txt" not in suffixes and any(name.endswith(s + ".txt") for s in suffixes)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a link that loops, a name too long: not a folder, refused when read
        return False


def targets(sources: list[Path], folder: Path | None, name: Callable[[Path], str]) -> list[Path]:
    """Where each output goes: ``folder`` (or beside its source) under ``name(source)``.
    Two sources that would write the same file are an error before anything is written."""
    out = [(folder or src.parent) / name(src) for src in sources]
    seen: dict[Path, Path] = {}
    for src, target in zip(sources, out):
        key = resolved(target)
        if key in seen:
            raise OutputError(f"“{seen[key]}”和“{src}”都会写成“{target}”。", "请把同名的文件放在不同的文件夹里分别处理，或改一个文件名。")
        if key == resolved(src):
            raise OutputError(
                f"输出文件不能与输入的“{src}”相同。", "请用 -o 另给一个文件名" + ("。" if len(sources) == 1 else "，或另一个文件夹。")
            )
        seen[key] = src
    return out


def run_all(
    jobs: list[tuple[Path, Path]], job: Callable[[Path, Path], str], report: Callable[[Outcome], None] = lambda _o: None
) -> list[Outcome]:
    """Run ``job(source, target)`` for each pair; its return value is the outcome's note.
    A DrafterError stops that job only: nothing is written for it (every writer writes to a
    temporary file and renames), and it is reported."""
    done = []
    for source, target in jobs:
        try:
            outcome = Outcome(source, target, job(source, target))
        except DrafterError as err:
            outcome = Outcome(source, None, "", err)
        report(outcome)
        done.append(outcome)
    return done


def text_width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - text_width(text))
    return space + text if right else text + space


def summary(outcomes: list[Outcome], head: tuple[str, str], done: str) -> str:
    """A table: each input, what was written (or 未生成), the note; then the totals."""
    rows = [(str(o.source), str(o.target) if o.target else "未生成（见上面的错误）", o.note) for o in outcomes]
    w0 = max([text_width(head[0])] + [text_width(r[0]) for r in rows])
    w1 = max([text_width(head[1])] + [text_width(r[1]) for r in rows])
    lines = [f"{pad(head[0], w0)}  {head[1]}"]
    lines += [f"{pad(a, w0)}  {pad(b, w1)}  {c}".rstrip() for a, b, c in rows]
    failed = sum(o.error is not None for o in outcomes)
    lines.append(f"共 {len(outcomes)} 份：{done} {len(outcomes) - failed} 份" + (f"，{failed} 份有错误、未生成。" if failed else "。"))
    return "\n".join(lines)


def exit_code(outcomes: list[Outcome]) -> int:
    """0 when every input was used; 1 when some could not be; 2 when the one input given
    (into a folder) could not be, as when -o names a file."""
    if not any(o.error is not None for o in outcomes):
        return 0
    return 2 if len(outcomes) == 1 else 1


def make_folders(targets: list[Path]) -> None:
    """The folders the outputs go into, made once every target is known to be free of
    clashes; a folder that cannot be made is said with its reason."""
    for folder in dict.fromkeys(t.parent for t in targets):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            from drafter.errors import os_reason

            raise OutputError(
                f"无法建立输出文件夹“{folder}”：{os_reason(err)}。", "请检查上一级文件夹的写入权限，或用 -o 换一个输出文件夹。"
            ) from None
