"""The Jinja environment: sandboxed, strict about undefined names, errors located.

Templates produce report markup (``drafter/markup.py``). A mistake in a template —
a syntax error, an undefined name, a figure that does not exist — becomes a
TemplateError naming the template file, the line and the name.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from drafter.datacache import cache_root
from drafter.errors import DrafterError, TemplateError, Where
from drafter.render.filters import FILTERS, GLOBALS

TEMPLATE_SUFFIX = ".md.j2"


def _cache_dir() -> str | None:
    """Compiled templates are cached in the user's cache so a cold render stays fast."""
    path = str(cache_root() / "jinja")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def _finalize(value):
    """None prints as nothing (a template guards optional fields with {% if %}).

    Line breaks inside the clerk's text cannot reach the markup: the validator joins the
    lines of every text field, so a value cannot start a heading or a directive."""
    return "" if value is None else value


@lru_cache(maxsize=8)
def make_environment(template_dir: str) -> SandboxedEnvironment:
    """One environment per template folder and process: a batch compiles each template once
    (auto_reload still notices a template edited meanwhile)."""
    cache = _cache_dir()
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(template_dir), encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=_finalize,
        bytecode_cache=jinja2.FileSystemBytecodeCache(cache) if cache else None,
        auto_reload=True,
    )
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


def _template_frame(tb, root: Path) -> tuple[str | None, int | None]:
    """The innermost traceback frame that belongs to a template file."""
    found = (None, None)
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _rel(name: str | None, root: Path) -> str | None:
    if not name:
        return None
    try:
        return str(Path(name).resolve().relative_to(root.resolve().parent))
    except ValueError:
        return name


def render_markup(template_dir: str | Path, name: str, context: dict) -> str:
    """Render template ``name`` from ``template_dir`` to markup text."""
    root = Path(template_dir)
    env = make_environment(str(root.resolve()))
    try:
        template = env.get_template(name)
        return template.render(context)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateError(f"模板语法错误：{err.message}",
                            "请检查这一行的 {{ }}、{% %} 是否成对，{% if %}/{% for %} 是否有对应的 end。",
                            Where(_rel(err.filename, root) or err.name, err.lineno)) from None
    except UnicodeDecodeError:
        raise TemplateError("模板文件不是 UTF-8 编码。", "请用“另存为”把模板存成 UTF-8 编码。",
                            Where(str(root))) from None
    except jinja2.TemplateNotFound as err:
        raise TemplateError(f"找不到模板“{err.name}”。",
                            f"请确认模板文件夹“{root}”中有这个文件。") from None
    except jinja2.UndefinedError as err:
        file, line = _template_frame(sys.exc_info()[2], root)
        raise TemplateError(f"模板用了没有定义的名字：{err.message}",
                            "请检查拼写；表单里能用的名字见 README 的“模板中可用的内容”。",
                            Where(_rel(file, root), line)) from None
    except DrafterError as err:
        file, line = _template_frame(sys.exc_info()[2], root)
        raise TemplateError(err.message, err.hint, Where(_rel(file, root), line)) from None
    except jinja2.TemplateError as err:
        file, line = _template_frame(sys.exc_info()[2], root)
        raise TemplateError(f"模板出错：{err}", "", Where(_rel(file, root), line)) from None
    except (TypeError, ValueError, ZeroDivisionError, AttributeError, KeyError, IndexError) as err:
        file, line = _template_frame(sys.exc_info()[2], root)
        raise TemplateError(f"模板运行出错：{err}", "请检查这一行用到的过滤器和数据。",
                            Where(_rel(file, root), line)) from None
