"""``drafter templates copy``: a built-in template, or a clerk's template folder, copied
whole into a new folder, or only the named files of it into a folder (new or existing),
or nothing copied at all.

Every file copied is read as drafter reads an input (drafter/inputfile.py): an ordinary
file inside the template's folder (a link out of it, to /etc/passwd, is refused; so are a
pipe, which would block for ever, and a device), UTF-8 text where drafter reads it as a
template or table, of a template's size. All are read and checked before anything is written."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, InputFileError, OutputError, Problem, TemplateError, TemplateProblems, Where, os_reason
from drafter.files.bounds import TEMPLATE_BYTES as MAX_TEMPLATE_BYTES, TEMPLATE_FILES as MAX_FILES
from drafter.files.inputs import read_bytes, resolved, shown
from drafter.files.resources import builtin_templates
from drafter.files.writing import Writer, no_folder, not_ours
from drafter.jobs.pipeline import ENTRY, is_template_folder
from drafter.render.loader import SHARED_THEME, TEMPLATE_SUFFIX
from drafter.render.phrases import PHRASE_FILE


def template_source(name: str) -> Path:
    """A built-in template by name, or a folder holding a template's entry file; nothing else
    (not /etc, not drafter's own source)."""
    builtin = builtin_templates()
    if name and "/" not in name and "\\" not in name and name not in (".", ".."):
        if (builtin / name / ENTRY).is_file():
            return builtin / name
    folder = Path(name)
    if is_template_folder(folder):
        return folder
    names = "、".join(sorted(p.name for p in builtin.iterdir() if (p / ENTRY).is_file()))
    raise TemplateError(
        f"“{name}”既不是自带的模板，也不是模板文件夹（其中没有 {ENTRY}）。", f"自带的模板有：{names}；也可以给出自己的模板文件夹。"
    )


# What drafter reads as text from a template folder, hence must be UTF-8.
TEXT_SUFFIXES = (TEMPLATE_SUFFIX, ".yaml", ".yml")
# Names of files, not folders: `templates copy default 报告.docx` is a slip of the hand.
FILE_SUFFIXES = (".docx", ".doc", ".wps", ".pdf", ".yaml", ".yml", ".json", ".md", ".txt", ".j2", ".png")


def check_dest(dest: Path, source: Path | None) -> None:
    """``dest`` is a folder's name and lies outside the template folder copied from (a copy
    inside its own source would copy itself) and outside drafter's own templates."""
    if dest.suffix.lower() in FILE_SUFFIXES:
        raise OutputError(
            f"“{shown(dest)}”像是文件名（{dest.suffix}），这里要的是存放模板的文件夹。",
            f"请给出一个文件夹名，如“{shown(dest.stem or '我的模板')}”。",
        )
    target = resolved(dest)
    if source is not None and target.is_relative_to(resolved(source)):
        raise OutputError(
            f"“{shown(dest)}”在模板文件夹“{shown(source)}”里面，不能把模板复制到它自己的文件夹里。",
            f"请换一个不在“{shown(source)}”里面的位置。",
        )
    if target.is_relative_to(resolved(builtin_templates())):
        raise OutputError(f"“{shown(dest)}”在 drafter 自带的模板文件夹里面，不能往里面复制。", "请换一个自己的文件夹，如“我的模板”。")


def read_template_file(path: Path, folder: Path) -> bytes:
    """The bytes of ``path``, a file of the template folder ``folder``, read as every input
    is read. Messages name the file by its place in the folder, and locate it by its path."""
    where = Where(shown(path))
    shown_as = shown(path.relative_to(folder).as_posix())
    real = resolved(path)
    if not real.is_relative_to(resolved(folder)):
        raise TemplateError(
            f"模板文件夹里的“{shown_as}”指向模板文件夹以外的“{shown(real)}”，没有复制。",
            "模板文件夹里的文件不能是指向别处的链接；请把文件本身复制进模板文件夹，或删去这个链接。",
            where,
        )
    try:
        data = read_bytes(path, MAX_TEMPLATE_BYTES, "模板文件")
    except InputFileError as err:
        # (the clerk named the folder, not this file: the fix is in the folder)
        raise InputFileError(err.message, "只能复制普通的模板文件：请删去它，或换成同名的 UTF-8 文本文件，再复制。", where) from None
    if path.name.endswith(TEXT_SUFFIXES):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            raise TemplateError(
                f"模板文件“{shown_as}”不是 UTF-8 编码，没有复制。",
                "请用记事本等编辑器“另存为” UTF-8 编码后再复制。",
                where._replace(line=line),
            ) from None
    return data


def _folder_files(source: Path) -> list[tuple[str, bytes]]:
    """Every file of the template folder ``source`` (not Python's caches) as (path inside
    it, bytes), each read by ``read_template_file``; a link to a folder is refused, since a
    copy cannot keep it pointing inside. Every file that cannot be copied is said at once."""
    found: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for top, dirs, names in os.walk(source, onerror=_walk_error):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for entry in [*dirs, *sorted(names)]:
            path = Path(top) / entry
            rel = path.relative_to(source).as_posix()
            if entry in dirs:
                if entry.endswith(TEXT_SUFFIXES):  # a folder named 句式.yaml: render would refuse it
                    problems.append(
                        Problem(
                            Where(shown(path)),
                            f"模板文件夹里的“{shown(rel)}”是文件夹，不是文件，没有复制。",
                            "drafter 用到它时会报错；请删去这个文件夹，或换成同名的文件。",
                        )
                    )
                elif path.is_symlink():
                    problems.append(
                        Problem(
                            Where(shown(path)),
                            f"模板文件夹里的“{shown(rel)}”是指向别处的文件夹链接，没有复制。",
                            "请把文件夹本身放进模板文件夹，或删去这个链接。",
                        )
                    )
                continue
            if entry.endswith(".pyc"):
                continue
            if len(found) + len(problems) >= MAX_FILES:
                raise TemplateError(
                    f"“{shown(source)}”里的文件超过 {MAX_FILES} 个，不像是模板文件夹，没有复制。",
                    "请确认给出的是模板文件夹。",
                    Where(shown(source)),
                )
            try:
                found.append((rel, read_template_file(path, source)))
            except DrafterError as err:
                problems.append(Problem(err.where, err.message, err.hint))
    if problems:
        raise TemplateProblems(problems)
    return found


def _walk_error(err: OSError) -> None:
    raise InputFileError(
        f"无法读取“{shown(err.filename)}”：{os_reason(err)}。", "请检查文件夹的读取权限。", Where(shown(err.filename))
    ) from None


def copy_template(name: str, dest: Path) -> Path:
    source = template_source(name)
    check_dest(dest, source)
    if dest.exists() or dest.is_symlink():
        raise OutputError(f"“{shown(dest)}”已经存在，没有覆盖。", "请换一个新的文件夹名。")
    parent = dest.parent if str(dest.parent) else Path(".")
    if not parent.is_dir():
        raise no_folder(parent, "文件夹")
    files = _folder_files(source)  # all read and checked before anything is written
    try:
        staging = tempfile.mkdtemp(prefix=".drafter-", suffix=".tmp", dir=parent)
    except OSError as err:
        raise OutputError(f"无法在“{shown(parent)}”中建文件夹：{os_reason(err)}。", "请检查文件夹的写入权限。") from None
    try:
        made = Path(staging) / "t"
        made.mkdir()
        for rel, data in files:
            (made / rel).parent.mkdir(parents=True, exist_ok=True)
            (made / rel).write_bytes(data)
        os.rename(made, dest)
    except OSError as err:
        raise OutputError(f"无法复制到“{shown(dest)}”：{os_reason(err)}。", "请检查文件夹的写入权限和磁盘空间。") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return dest


def copy_files(name: str, dest: Path, files: list[str]) -> list[Path]:
    """Copy only ``files`` (paths inside the template, such as themes/普法.md.j2) into
    ``dest``, made if missing: a clerk's folder then overrides just these. A file already
    in ``dest`` is never overwritten; all are checked before any is written."""
    from drafter.files.writing import write_all

    source = template_source(name)
    # a clerk's folder holds only what it changes: the rest of it is the default's
    layers = [source] + ([] if source.resolve() == _default().resolve() else [_default()])
    check_dest(dest, None)  # a clerk's own folder may take the files it inherits
    files_of = {}
    for layer in reversed(layers):
        files_of.update({p.relative_to(layer).as_posix(): p for p in layer.rglob("*.j2")})
        if os.path.lexists(layer / PHRASE_FILE):  # whatever it is: a pipe there is refused, not skipped
            files_of[PHRASE_FILE] = layer / PHRASE_FILE
    available = sorted(files_of)
    plan: list[tuple[str | bytes, Path]] = []
    # each file once, however written (./句式.yaml is 句式.yaml; a “..” stays, and is refused)
    asked = list(dict.fromkeys("/".join(p for p in f.replace("\\", "/").split("/") if p not in ("", ".")) for f in files))
    for rel in asked:
        if _theme_file(rel, available):  # themes/普法.md.j2: the theme's sentences, in Jinja
            plan.append((_theme_text([dest, *layers], rel), _new_target(dest / rel)))
            continue
        if rel not in available:
            near = [a for a in available if a.endswith("/" + rel) or Path(a).name == Path(rel).name]
            if not near and _theme_file(f"themes/{Path(rel).name}", available):
                near = [f"themes/{Path(rel).name}"]
            hint = (
                f"是不是“{near[0]}”？"
                if near
                else ("可以复制的文件有：" + "、".join(available) + "，以及给一个主题单独写的 themes/主题名.md.j2。")
            )
            raise TemplateError(f"模板“{name}”里没有文件“{rel}”。", hint)
        layer = next(f for f in layers if files_of[rel].is_relative_to(f))
        plan.append((read_template_file(files_of[rel], layer), _new_target(dest / rel)))
    if dest.exists() and not dest.is_dir():
        raise OutputError(f"“{shown(dest)}”不是文件夹。", "请换一个文件夹名。")
    parent = dest.parent if str(dest.parent) else Path(".")
    if not parent.is_dir():
        raise no_folder(parent, "文件夹")
    try:
        for _, target in plan:
            target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"无法在“{shown(dest)}”中建文件夹：{os_reason(err)}。", "请检查文件夹的写入权限。") from None
    write_all((target, _bytes_writer(src.encode("utf-8") if isinstance(src, str) else src)) for src, target in plan)
    return [target for _, target in plan]


def _bytes_writer(data: bytes) -> Writer:
    return lambda tmp: Path(tmp).write_bytes(data)


def _theme_file(rel: str, available: list[str]) -> bool:
    """``themes/<theme>.md.j2`` for a theme of the catalogue that the template has no file for."""
    from drafter.model.catalogue import load_catalogue

    if rel in available or SHARED_THEME not in available or not rel.startswith("themes/"):
        return False
    return rel[len("themes/") :].removesuffix(TEMPLATE_SUFFIX) in load_catalogue().themes and rel.endswith(TEMPLATE_SUFFIX)


def _new_target(target: Path) -> Path:
    if (target.exists() or target.is_symlink()) and not_ours(target):
        # a shared folder's file of another user's: it cannot be removed either
        raise OutputError(
            f"“{shown(target)}”已经存在，属于别的用户，这个文件夹只允许各人替换自己的文件，没有覆盖。",
            "请换一个文件夹复制，或请这个文件的主人删去它。",
        )
    if target.exists() or target.is_symlink():
        raise OutputError(f"“{shown(target)}”已经存在，没有覆盖。", "要重新复制，请先删去或改名这个文件。")
    return target


def _default() -> Path:
    return builtin_templates() / "default"


def _theme_text(folders: list[Path], rel: str) -> str:
    """A theme file of its own: what the phrase table says for the theme where the file
    goes (the destination's table over the source's over the default's), written with
    句() and 项()."""
    from drafter.render.loader import FolderLoader
    from drafter.render.phrases import as_jinja, merged_table

    key = rel[len("themes/") :].removesuffix(TEMPLATE_SUFFIX)
    table = merged_table(FolderLoader(*[f for f in folders if f.is_dir()]).layers_of(PHRASE_FILE))
    return (
        f"{{#- 主题“{key}”的数字句子。有了这个文件，句式表（句式.yaml）里“{key}”的句子就不再使用。\n"
        '    项("文字{}", 数据)：数据没填时整项不写；句(项, 项, …)：把各项用“，”连成一句，句末加“。”。\n'
        "    数据后面可以加 .带同比、.同比、.约数、.上年数；要回到句式表，删去本文件即可。 -#}\n" + as_jinja(table.get(key, ()))
    )
