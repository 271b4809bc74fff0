"""``drafter templates copy``: a built-in template, or a clerk's template folder, copied
whole into a new folder, or only the named files of it into a folder (new or existing),
or nothing copied at all."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from drafter.errors import OutputError, TemplateError, os_reason
from drafter.pipeline import ENTRY, is_template_folder
from drafter.render.environment import TEMPLATE_SUFFIX
from drafter.render.phrases import PHRASE_FILE
from drafter.resources import builtin_templates


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
    raise TemplateError(f"“{name}”既不是自带的模板，也不是模板文件夹（其中没有 {ENTRY}）。",
                        f"自带的模板有：{names}；也可以给出自己的模板文件夹。")


def copy_template(name: str, dest: Path) -> Path:
    source = template_source(name)
    if dest.exists() or dest.is_symlink():
        raise OutputError(f"“{dest}”已经存在，没有覆盖。", "请换一个新的文件夹名。")
    parent = dest.parent if str(dest.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"文件夹“{parent}”不存在。", "请先建好它，或换一个位置。")
    if dest.resolve().is_relative_to(source.resolve()):
        raise OutputError("不能把模板复制到它自己的文件夹里面。", "请换一个位置。")
    try:
        staging = tempfile.mkdtemp(prefix=".drafter-", suffix=".tmp", dir=parent)
    except OSError as err:
        raise OutputError(f"无法在“{parent}”中建文件夹：{os_reason(err)}。", "请检查文件夹的写入权限。") from None
    try:
        # Links are copied as links: a template may not reach outside its folder, and the
        # loader refuses such a link when the copy is used.
        shutil.copytree(source, Path(staging) / "t", symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        os.rename(Path(staging) / "t", dest)
    except shutil.Error:
        raise OutputError(f"复制到“{dest}”时有文件无法复制。", "请检查模板文件夹中的文件能否读取。") from None
    except OSError as err:
        raise OutputError(f"无法复制到“{dest}”：{os_reason(err)}。", "请检查文件夹的写入权限和磁盘空间。") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return dest


def copy_files(name: str, dest: Path, files: list[str]) -> list[Path]:
    """Copy only ``files`` (paths inside the template, such as themes/普法.md.j2) into
    ``dest``, made if missing: a clerk's folder then overrides just these. A file already
    in ``dest`` is never overwritten; all are checked before any is written."""
    from drafter.output import text_writer, write_all

    source = template_source(name)
    # a clerk's folder holds only what it changes: the rest of it is the default's
    layers = [source] + ([] if source.resolve() == _default().resolve() else [_default()])
    files_of = {}
    for layer in reversed(layers):
        files_of.update({p.relative_to(layer).as_posix(): p for p in layer.rglob("*.j2")})
        if (layer / PHRASE_FILE).is_file():
            files_of[PHRASE_FILE] = layer / PHRASE_FILE
    available = sorted(files_of)
    plan = []
    for file in files:
        rel = file.replace("\\", "/").strip("/")
        if _theme_file(rel, available):  # themes/普法.md.j2: the theme's sentences, in Jinja
            plan.append((_theme_text([dest, *layers], rel), _new_target(dest / rel)))
            continue
        if rel not in available:
            near = [a for a in available if a.endswith("/" + rel) or Path(a).name == Path(rel).name]
            if not near and _theme_file(f"themes/{Path(rel).name}", available):
                near = [f"themes/{Path(rel).name}"]
            hint = f"是不是“{near[0]}”？" if near else (
                "可以复制的文件有：" + "、".join(available) + "，以及给一个主题单独写的 themes/主题名.md.j2。")
            raise TemplateError(f"模板“{name}”里没有文件“{file}”。", hint)
        plan.append((files_of[rel], _new_target(dest / rel)))
    if dest.exists() and not dest.is_dir():
        raise OutputError(f"“{dest}”不是文件夹。", "请换一个文件夹名。")
    parent = dest.parent if str(dest.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"文件夹“{parent}”不存在。", "请先建好它，或换一个位置。")
    try:
        for _, target in plan:
            target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"无法在“{dest}”中建文件夹：{os_reason(err)}。", "请检查文件夹的写入权限。") from None
    write_all((target, text_writer(src if isinstance(src, str) else src.read_text(encoding="utf-8")))
              for src, target in plan)
    return [target for _, target in plan]


SHARED_THEME = "themes/通用.md.j2"  # what report.md.j2 includes for a theme without a file of its own


def _theme_file(rel: str, available: list[str]) -> bool:
    """``themes/<theme>.md.j2`` for a theme of the catalogue that the template has no file for."""
    from drafter.catalogue import load_catalogue

    if rel in available or SHARED_THEME not in available or not rel.startswith("themes/"):
        return False
    return rel[len("themes/"):].removesuffix(TEMPLATE_SUFFIX) in load_catalogue().themes and rel.endswith(TEMPLATE_SUFFIX)


def _new_target(target: Path) -> Path:
    if target.exists() or target.is_symlink():
        raise OutputError(f"“{target}”已经存在，没有覆盖。", "要重新复制，请先删去或改名这个文件。")
    return target


def _default() -> Path:
    return builtin_templates() / "default"


def _theme_text(folders: list[Path], rel: str) -> str:
    """A theme file of its own: what the phrase table says for the theme where the file
    goes (the destination's table over the source's over the default's), written with
    句() and 项()."""
    from drafter.render.environment import FolderLoader
    from drafter.render.phrases import as_jinja, merged_table

    key = rel[len("themes/"):].removesuffix(TEMPLATE_SUFFIX)
    table = merged_table(FolderLoader(*[f for f in folders if f.is_dir()]).layers_of(PHRASE_FILE))
    return (f"{{#- 主题“{key}”的数字句子。有了这个文件，句式表（句式.yaml）里“{key}”的句子就不再使用。\n"
            "    项(\"文字{}\", 数据)：数据没填时整项不写；句(项, 项, …)：把各项用“，”连成一句，句末加“。”。\n"
            "    数据后面可以加 .带同比、.同比、.约数、.上年数；要回到句式表，删去本文件即可。 -#}\n"
            + as_jinja(table.get(key, ())))
