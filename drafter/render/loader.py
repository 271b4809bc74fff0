"""Where template files come from: inside the template folders only, in layers.

A clerk's folder holds only the files it changes; every other file comes from the built-in
default beneath it, so an upgrade of drafter still reaches them. A name leading out of a
folder, a link pointing out of it, a file that is not a UTF-8 text of template size or
holds a character a .docx cannot carry: each is refused, named."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

from drafter.errors import InputFileError, TemplateError, Where
from drafter.files import bounds
from drafter.files.inputs import read_bytes
from drafter.files.patterns import lazy_re
from drafter.files.xmltext import INVALID, describe

TEMPLATE_SUFFIX = ".md.j2"

SHARED_THEME = "themes/通用.md.j2"


def _shared_theme(template: str) -> str | None:
    """The file that writes a theme with no file of its own (the phrase table's sentences), for
    ``themes/<a theme of the catalogue>.md.j2``: the default once had one file per theme, and a
    clerk's older report.md.j2 still names them. None for any other name."""
    from drafter.model.catalogue import load_catalogue

    if template == SHARED_THEME or not template.startswith("themes/") or not template.endswith(TEMPLATE_SUFFIX):
        return None
    key = template[len("themes/") : -len(TEMPLATE_SUFFIX)]
    return SHARED_THEME if key in load_catalogue().themes else None


class FolderLoader(jinja2.BaseLoader):
    """Template files from inside the given folders, the first that has a file winning: a
    clerk's folder holds only the files it changes, and every other file comes from the
    built-in default below it, so an upgrade of drafter still reaches them.

    A name leading out of a folder (``..``, an absolute path) is not found, and a file whose
    real path is outside its real folder (a symbolic link to /etc/passwd) is refused. Files
    are UTF-8, at most MAX_TEMPLATE_BYTES, with no character a .docx cannot hold."""

    def __init__(self, *folders: str | Path):
        self.folders = [Path(f).resolve() for f in folders]
        self.folder = self.folders[0]  # the folder named by the clerk (or the default itself)
        self.texts: dict[str, str] = {}  # each template file read, as its text: what it writes as it stands

    def _where(self, path: Path) -> str:
        for folder in self.folders:
            try:
                return str(path.relative_to(folder.parent))
            except ValueError:
                continue
        return str(path)

    def get_source(self, environment, template: str):
        from jinja2.loaders import split_template_path

        if not isinstance(template, str):  # {% include 成效 %}: data where a file name goes
            raise TemplateError(
                "include、import、extends 后面要写模板文件名（加引号的文字），这里给的不是文件名。",
                '例如 {% include "themes/普法.md.j2" %}。',
            )
        parts = split_template_path(template)
        for folder in self.folders:
            path = folder.joinpath(*parts)
            if os.path.lexists(path):
                return self._source_in(folder, path, template)
        shared = _shared_theme(template)
        if shared is not None:  # an older report.md.j2 includes themes/<主题>.md.j2 with no fallback
            return self.get_source(environment, shared)
        raise jinja2.TemplateNotFound(template)

    def layers_of(self, name: str) -> list[tuple[str, str, tuple | None]]:
        """Every layer's file ``name`` (a data file such as the phrase table), top layer
        first, as (text, file as shown to the clerk, modification stamp)."""
        out: list[tuple[str, str, tuple | None]] = []
        for folder in self.folders:
            path = folder / name
            if os.path.lexists(path):
                text, file, _ = self._source_in(folder, path, name)
                out.append((text, self._where(Path(file)), _mtime(path)))
        return out

    def stamp_of(self, name: str) -> tuple:
        """What changes when a layer's file ``name`` is added, removed or edited."""
        return tuple(_mtime(folder / name) for folder in self.folders)

    def _source_in(self, folder: Path, path: Path, template: str):
        """A file that is there (``path`` exists, maybe as a broken link) read, or refused
        saying what it is: never taken for a missing file (a theme's own file that is a pipe
        would be passed over for the shared one without a word)."""
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            raise self._not_a_file(path, template, "是一个指向自己的链接（链接绕成了圈）") from None
        if real != folder and folder not in real.parents:
            raise TemplateError(
                f"模板文件“{template}”实际指向模板文件夹以外的文件，不能使用。",
                "模板文件夹里的文件不能是指向别处的链接；请把文件本身复制进模板文件夹。",
                Where(self._where(path)),
            )
        if not real.is_file():
            raise self._not_a_file(
                path,
                template,
                "是文件夹，不是文件"
                if real.is_dir()
                else "是断开的链接，指向的文件不存在"
                if not real.exists()
                else "不是普通文件（可能是管道或设备）",
            )
        text = self._read(real, path)
        mtime = real.stat().st_mtime
        self.texts[str(path)] = text
        return text, str(path), lambda: _unchanged(real, mtime)

    def _not_a_file(self, path: Path, template: str, what: str) -> TemplateError:
        return TemplateError(
            f"模板文件“{template}”{what}，不能读取。",
            "请删去它，或换成 UTF-8 编码的普通文本文件（可以用 drafter templates copy 复制自带的）。",
            Where(self._where(path)),
        )

    def _read(self, real: Path, path: Path) -> str:
        where = Where(self._where(path))
        too_big = TemplateError(
            f"模板文件太大（超过 {bounds.TEMPLATE_BYTES} 字节）。", "模板只写报告的骨架和句式；请检查是否选错了文件。", where
        )
        try:
            if real.stat().st_size > bounds.TEMPLATE_BYTES:
                raise too_big
            # the shared input checks: an ordinary file, of template size while it is read
            data = read_bytes(real, bounds.TEMPLATE_BYTES, "模板文件")
        except (OSError, InputFileError):
            if real.exists() and real.stat().st_size > bounds.TEMPLATE_BYTES:
                raise too_big from None  # it grew while read
            raise TemplateError("模板文件无法读取。", "请确认文件存在并且有读取权限。", where) from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            raise TemplateError("模板文件不是 UTF-8 编码。", "请用“另存为”把模板存成 UTF-8 编码。", where._replace(line=line)) from None
        m = INVALID.search(text)
        if m:
            line = text.count("\n", 0, m.start()) + 1
            column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            raise TemplateError(
                f"模板文件含有{describe(m.group())}，Word 无法打开含有它的文档。",
                "请用文本编辑器删去这个字符。",
                where._replace(line=line, column=column),
            )
        return lines_keep_their_end(text)


_LAST_TAG = lazy_re(r"(\{%[^%]*?|\{#.*?)(?<![-+])([%#])\}[ \t]*$")
_TAGS = lazy_re(r"\{%.*?%\}|\{#.*?#\}")


# an {% include %} alone on its line: it stands for the included file's lines, whose last
# (Jinja drops a file's final line break) must not run into the next line
_INCLUDE_ALONE = lazy_re(r"[ \t]*\{%[-+]?\s*include\b[^%]*?%\}[ \t]*")


def lines_keep_their_end(text: str) -> str:
    """A line with text of its own that ends in a tag (要点如下：{% endif %}) keeps its line
    break: Jinja's trim_blocks would drop it and join the next line (a heading) on; so does a
    line that is only an {% include %}. A line of other tags only is still trimmed, so the
    tags leave no blank line. (``+%}`` is Jinja's own way to keep it; the lines stay as many.)"""
    if "%}" not in text and "#}" not in text:
        return text
    out = []
    for line in text.split("\n"):
        m = _LAST_TAG.search(line)
        if m and (_TAGS.sub("", line).strip() or _INCLUDE_ALONE.fullmatch(line)):
            line = line[: m.start(2)] + "+" + line[m.start(2) :]
        out.append(line)
    return "\n".join(out)


def _mtime(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


def shown_name(filename: str | None, loader) -> str | None:
    """A template file as the clerk's messages name it (relative to its folder's parent)."""
    if not filename or not isinstance(loader, FolderLoader):
        return filename
    return loader._where(Path(filename))
