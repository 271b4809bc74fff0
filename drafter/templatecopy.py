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
    available = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.j2"))
    plan = []
    for file in files:
        rel = file.replace("\\", "/").strip("/")
        if rel not in available:
            near = [a for a in available if a.endswith("/" + rel) or Path(a).name == Path(rel).name]
            hint = f"是不是“{near[0]}”？" if near else "可以复制的文件有：" + "、".join(available) + "。"
            raise TemplateError(f"模板“{name}”里没有文件“{file}”。", hint)
        target = dest / rel
        if target.exists():
            raise OutputError(f"“{target}”已经存在，没有覆盖。", "要重新复制，请先删去或改名这个文件。")
        plan.append((source / rel, target))
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
    write_all((target, text_writer(src.read_text(encoding="utf-8"))) for src, target in plan)
    return [target for _, target in plan]
