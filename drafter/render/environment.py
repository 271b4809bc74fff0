"""The Jinja environment: sandboxed, strict about undefined names, errors located, costs bounded.

Templates produce report markup (``drafter/markup.py``). A mistake in a template —
a syntax error, an undefined name, a figure that does not exist — becomes a
TemplateError in Chinese naming the template file, the line and the name.

A template folder is a clerk's to edit, so the environment also keeps a template from
harming the machine or the report:
- every value printed with {{ }} is marked literal (``markup.literal``): a clerk's text
  can never become a heading or a directive; ``| markup`` and a macro's output are the
  template's own markup;
- template files come only from inside the folder (no ``..``, no symbolic link out),
  in UTF-8, without characters a .docx cannot hold;
- operators, calls and filters that can make a value grow are checked first, and a
  render is stopped past its time, output, nesting and memory limits (``limits.py``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
import re
import sys
import types
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, optimizeconst
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter

from drafter.errors import DrafterError, InputFileError, TemplateError, TemplateProblems, Where
from drafter.files import bounds
from drafter.files.datacache import cache_root
from drafter.files.inputs import read_bytes
from drafter.files.resources import builtin_templates
from drafter.files.xmltext import INVALID, describe
from drafter.model import numbers
from drafter.model.markup import CLOSE, OPEN, TemplateMarkup, literal, readable_markup
from drafter.render import apart, limits, messages
from drafter.render.bytecache import BoundedBytecodeCache
from drafter.render.figures import Figure, Rate, _Missing
from drafter.render.filters import FILTERS, GLOBALS, markup, printable, report_filters
from drafter.render.intact import (
    RateFloat,
    has_digit,
    is_form_number,
    keeps_numbers,
    refuse_cut,
    refuse_raw_number,
    refuse_split,
    refuse_unkept,
    summed_figures,
)
from drafter.render.phrases import PHRASE_FILE, PhraseBook

TEMPLATE_SUFFIX = ".md.j2"


def _cache_name() -> str:
    """Compiled templates depend on this module's code generator and finalize and on the
    limits it compiles in: the cache is named by their source, so code compiled by another
    version of drafter is never used."""
    import hashlib

    digest = hashlib.sha1()
    for module in (__file__, limits.__file__):
        try:
            digest.update(Path(module).read_bytes())
        except OSError:
            digest.update(module.encode())
    return "jinja-" + digest.hexdigest()[:12]


_REMOVED_GLOBALS = ("lipsum", "cycler", "joiner", "namespace")


def _cache_dir() -> str | None:
    """Compiled templates are cached in the user's cache so a cold render stays fast."""
    path = str(cache_root() / _cache_name())
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def _refuse_characters(text: str, what: str) -> None:
    """A character XML cannot carry (or a literal mark) stops here, named."""
    m = INVALID.search(text)
    if m:
        raise TemplateError(f"{what}含有{describe(m.group())}，Word 无法打开含有它的文档。", "请检查模板中这一处，删去这个字符。")


_PAIRED_MARKS = re.compile(f"[^{OPEN}{CLOSE}]*(?:{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}[^{OPEN}{CLOSE}]*)+")
_OBJECT_TEXT = re.compile(r"<[\w.]+ object at 0x[0-9a-fA-F]+>|^<class '")


def _finalize(value):
    """What {{ }} prints: None as nothing; the template's own markup as it stands; every
    other value as literal text (its lines never read as markup)."""
    if value is None:
        return ""
    if isinstance(value, TemplateMarkup):
        _refuse_characters(value.replace("\ue000", "").replace("\ue001", ""), "模板输出的文字")
        return value
    if isinstance(value, dt.date):  # {{ 成文日期 }}: as the report writes dates, 2026年2月6日
        value = numbers.date(value)
    refuse_raw_number(value)
    text = value if isinstance(value, str) else limits.safe_str(printable(value))
    if isinstance(value, str) and _PAIRED_MARKS.fullmatch(text):
        # a macro's output a string method made plain text again (caller()|replace): its marks,
        # in pairs as drafter sets them, are dropped; a lone one is refused below
        text = text.replace(OPEN, "").replace(CLOSE, "")
    if not isinstance(value, str) and _OBJECT_TEXT.search(text):
        raise TemplateError(
            "这里输出的是一组数据（如一个主题、一组数字），不是可以写进报告的文字。",
            "请输出其中的一项，如 {{ 第一责任人.数据.履职.会前学法 }}，或用 {% for %} 逐项输出。",
        )
    _refuse_characters(text, "模板输出的文字")
    limits.spend(len(text))
    if isinstance(value, (Figure, Rate)) or is_form_number(value):
        text = apart.mark(text)  # what stands beside it is judged once the output is whole
    return literal(text)


# The filters that build a new list, tuple or dict (the others give back a string, a number
# or a value the template already had, measured when it was made).
_BUILDING_FILTERS = (
    "list",
    "sort",
    "unique",
    "reverse",
    "batch",
    "slice",
    "map",
    "select",
    "reject",
    "selectattr",
    "rejectattr",
    "groupby",
    "dictsort",
    "items",
)


# Jinja's filters that cut, reorder or take apart text given to them (reverse, first, truncate,
# replace, join of a text's characters…): text holding a number keeps it whole (intact.py).
_CUTTING_FILTERS = (
    "batch",
    "capitalize",
    "center",
    "first",
    "join",
    "last",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "random",
    "reject",
    "rejectattr",
    "replace",
    "reverse",
    "select",
    "selectattr",
    "slice",
    "sort",
    "string",
    "striptags",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
    "groupby",
    "dictsort",
)


# What a figure's text says beside its digits: its unit, %, 万/亿, 余/多, the way it changed.
_WHAT_A_FIGURE_SAYS = re.compile(f"[{apart.UNITS}]|增长|减少|增加|上升|下降|提高|降低|持平")

_ONE_OF = ("first", "last", "min", "max", "random")  # filters taking one item of what they are given

_DATE_HINT = "日期请直接输出：{{ 成文日期 }} 写成“2026年2月6日”；要改日期，请改表单里的“成文日期”。"


def _date_kept(date: dt.date, result) -> None:
    """What a template makes of a date keeps it: another date (replace(year=2030)) is
    refused, and text of it must show its numbers as the report writes them (2026年2月6日:
    %Y is 2026, %m is 02 — padded, never the report's way)."""
    if isinstance(result, dt.date) and result != date:
        raise TemplateError("这里把日期改成了另一个日期，报告里就不再是表单里的日期。", _DATE_HINT)
    if isinstance(result, str) and not keeps_numbers(numbers.date(date), result):
        raise TemplateError(f"这里把日期另写成了“{result[:20]}”，和报告的写法（2026年2月6日）不同。", _DATE_HINT)
    if isinstance(result, str) and re.search(r"[A-Za-z]", result):  # %A %B %b %p: Friday, February, AM
        raise TemplateError(f"这里把日期写成了带英文的“{result[:20]}”，报告里不能有英文的月份、星期。", _DATE_HINT)


def _numbers_kept(name: str, func):
    """``func`` refusing to print a number of the text it is given cut or reordered."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        result = func(*args, **kwargs)
        value = args[skip] if len(args) > skip else None
        if isinstance(value, RateFloat):  # 纠错率.值 | string
            refuse_raw_number(value)
        before = (
            value
            if isinstance(value, str)
            else str(value)
            if isinstance(value, (Figure, Rate))
            else numbers.date(value)
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime)
            else None
        )
        if isinstance(value, str) and name in _ONE_OF and value:
            # 表现 | min → “。”, 同比 | last → “%”: one character of a text is never report text
            raise TemplateError(
                f"过滤器 {name} 用在了一段文字上，只会取出其中的一个字（或标点）。",
                f"{name} 用在一组内容上，如 {{{{ 主要成效 | {name} }}}}；文字请直接输出。",
            )
        if name == "replace" and isinstance(result, str) and _BRACES.search(result) and not _BRACES.search(str(before or value)):
            # 单位 | replace("县", "{"): a brace the report would print (braces never reach it)
            raise TemplateError(
                "过滤器 replace 换进了一个大括号，报告里会原样印出来。",
                "换成的文字里不能有大括号（{ } ｛ ｝）；请改成要印的文字。",
            )
        if has_digit(before) and name == "replace" and str(result) != before:  # a replace that changes nothing is none
            words = [str(a) for a in (*args[skip + 1 : skip + 3], kwargs.get("old", ""), kwargs.get("new", ""))]
            hit = next((m.group() for w in words for m in [_WHAT_A_FIGURE_SAYS.search(w)] if m), None)
            if hit:  # 带同比 | replace("增长", "减少"), 纠错率 | replace("%", "‰"): another value
                raise TemplateError(
                    f"过滤器 replace 改动了数字旁边的“{hit}”，报告里的数就说成了另一个值。",
                    "数字、单位、%、“增长”“减少”这些不能替换；要换说法，请改句式表或写别的文字。",
                )
        if has_digit(before):
            if isinstance(result, str):
                refuse_cut(f"过滤器 {name}", before, result)
            elif result is not None and not isinstance(result, (int, float)):
                raise refuse_split(f"过滤器 {name}")
        return result

    return filter_


_BRACES = re.compile("[{}｛｝]")


def _visible(value):
    """A macro's output (or other template markup) as the clerk sees it: without drafter's
    own marks round its literal parts, so cutting, indexing or counting it works on what is
    printed (m()[:3] is never half a mark, m() | length never counts them); the result is
    plain text."""
    if isinstance(value, str) and apart.MARKS.search(value):
        return apart.MARKS.sub("", value)
    return value


def _counted_visible(func):
    """length, count, wordcount over what is printed (no marks)."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        if len(args) > skip:
            args = (*args[:skip], _visible(args[skip]), *args[skip + 1 :])
        return func(*args, **kwargs)

    return filter_


def _summed(func):
    """sum over figures: of their values ([a, b] | sum is a.值 + b.值), marked as computed
    from the form's; a rate is never summed (its parts are)."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        if len(args) > skip and not isinstance(args[skip], (str, Mapping)) and "attribute" not in kwargs:
            items = list(limits.check_container(args[skip]) if isinstance(args[skip], (list, tuple)) else args[skip])
            if any(isinstance(i, Rate) for i in items):
                raise TemplateError("比率不能相加。", "要合计的是件数：把各项的件数相加，再用过滤器 rate 算比率。")
            if any(isinstance(i, Figure) for i in items):
                units = {i.单位 if isinstance(i, Figure) else None for i in items}
                return summed_figures(
                    limits.derived_sum([i.值 if isinstance(i, Figure) else i for i in items]), units.pop() if len(units) == 1 else None
                )
            args = (*args[:skip], items, *args[skip + 1 :])
        return func(*args, **kwargs)

    return filter_


def _by_value(test):
    """A Jinja test judging a figure by its value (x.纠错 is number, is even)."""

    @functools.wraps(test)
    def judged(value, *args):
        return test(value.值 if isinstance(value, (Figure, Rate)) else value, *args)

    return judged


def _measured(func):
    """A filter whose result, when a container, is measured as a written one is."""

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        return limits.check_result(func(*args, **kwargs))

    return filter_


def _text_filters(filters: dict) -> dict:
    """join, string and format, refusing what would print as Python writes it (a list, a
    theme, True) among what they make text of."""
    join, fmt = filters["join"], filters["format"]

    @jinja2.pass_eval_context
    def join_(eval_ctx, value, d="", attribute=None):
        if attribute is not None:
            value = map(jinja2.filters.make_attrgetter(eval_ctx.environment, attribute), value)
        items = value if isinstance(value, str) else list(value)
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, str):
                refuse_raw_number(item)
                printable(item, "用 join 连接的每一项")
        return join(eval_ctx, items, d)

    def string_(value):
        return value if isinstance(value, str) else str(printable(value, "过滤器 string 的输入"))

    def format_(value, *args, **kwargs):
        if isinstance(value, float):
            refuse_raw_number(value)
        for item in (*args, *kwargs.values()):
            if not isinstance(item, str):
                printable(item, "填进 format 的")
        text = fmt(value, *args, **kwargs)
        refuse_unkept("过滤器 format", text, [*args, *kwargs.values()])
        return text

    return {"join": join_, "string": string_, "format": format_}


def _concat(parts) -> TemplateMarkup:
    """A macro's output, a {% set %} block, caller(): made by the template, so markup."""
    return TemplateMarkup("".join(parts))


class _Formatter(limits.BoundedFormatterMixin, SandboxedFormatter):
    """str.format in templates: sandboxed attribute access, bounded widths and size, and
    only what can stand as text filled in."""

    def format_field(self, value, format_spec):
        if not format_spec or isinstance(value, RateFloat):  # {:.1%} of a rate: 精度() is the way
            refuse_raw_number(value)
        text = super().format_field(value if isinstance(value, str) else printable(value, "填进 format 的"), format_spec)
        if is_form_number(value) or has_digit(value):  # {:.1e} of 19999, {:.2} of “162件”
            refuse_unkept("format 的格式", text, [value])
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # {:%m月} pads: 02月
            _date_kept(value, text)
        return text

    def convert_field(self, value, conversion):
        if conversion in ("r", "a"):
            raise TemplateError(
                f"格式“!{conversion}”写出的是程序里的写法（带引号），不是报告的文字。", "请去掉它，直接写 {}，或直接输出，如 {{ 单位 }}。"
            )
        return super().convert_field(value, conversion)


class _Generator(CodeGenerator):
    """``a ~ b`` goes through ``environment.join_checked``, which bounds the result; the
    items of every {% for %} loop through ``environment.counted``, which counts them; the
    lists, tuples and dicts a template writes through ``environment.container_checked``."""

    def visit_Template(self, node, frame=None) -> None:
        for const in node.find_all(nodes.Const):
            m = _TAG_IN_QUOTES.search(const.value) if isinstance(const.value, str) else None
            if m:
                raise _QuotedTag(const.lineno, m.group())
        for output in node.find_all(nodes.Output):
            for child in output.nodes:
                if not isinstance(child, nodes.TemplateData):
                    _refuse_printed_braces(child)
        for loop in node.find_all(nodes.For):
            counted = nodes.Call(nodes.EnvironmentAttribute("counted"), [loop.iter], [], None, None)
            loop.iter = counted.set_lineno(loop.iter.lineno).set_environment(self.environment)
        super().visit_Template(node, frame)

    # Lists, tuples and dicts the template writes are measured as they are made (a tuple
    # that is an assignment target, {% for a, b in … %}, is not a value).
    def visit_Tuple(self, node, frame) -> None:
        if node.ctx != "load":
            return super().visit_Tuple(node, frame)
        self._checked(super().visit_Tuple, node, frame)

    def visit_List(self, node, frame) -> None:
        self._checked(super().visit_List, node, frame)

    def visit_Dict(self, node, frame) -> None:
        self._checked(super().visit_Dict, node, frame)

    def _checked(self, visit, node, frame) -> None:
        self.write("environment.container_checked(")
        visit(node, frame)
        self.write(")")

    def _output_child_to_const(self, node, frame, finalize):
        """Jinja works out a printed expression of constants while compiling, outside the
        time limit, and swallows every error; an expression that calls or filters is
        worked out when the template runs, at its line, within the limits. So is one that
        joins with ~ ([1, 2] ~ "件", none ~ ""): folded, it would print Python's writing of
        its parts, never seen by ``join_checked``."""
        kinds = (nodes.Call, nodes.Filter, nodes.Test, nodes.Concat)
        if isinstance(node, kinds) or next(node.find_all(kinds), None) is not None:
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)

    @optimizeconst
    def visit_Getitem(self, node, frame) -> None:
        """A slice (x[1:]) goes through ``environment.sliced`` (Jinja writes it straight), so
        text holding a number is never printed cut."""
        if not isinstance(node.arg, nodes.Slice):
            return super().visit_Getitem(node, frame)
        self.write("environment.sliced(")
        self.visit(node.node, frame)
        self.write(", slice(")
        for k, part in enumerate((node.arg.start, node.arg.stop, node.arg.step)):
            self.write(", " if k else "")
            if part is None:
                self.write("None")
            else:
                self.visit(part, frame)
        self.write("))")

    @optimizeconst
    def visit_Concat(self, node, frame) -> None:
        self.write("environment.join_checked((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


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

    def layers_of(self, name: str) -> list[tuple[str, str, float]]:
        """Every layer's file ``name`` (a data file such as the phrase table), top layer
        first, as (text, file as shown to the clerk, modification time)."""
        out = []
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
        return _lines_keep_their_end(text)


_LAST_TAG = re.compile(r"(\{%[^%]*?|\{#.*?)(?<![-+])([%#])\}[ \t]*$")
_TAGS = re.compile(r"\{%.*?%\}|\{#.*?#\}")


def _lines_keep_their_end(text: str) -> str:
    """A line with text of its own that ends in a tag (要点如下：{% endif %}) keeps its line
    break: Jinja's trim_blocks would drop it and join the next line (a heading) on. A line
    of tags only is still trimmed, so the tags leave no blank line. (``+%}`` is Jinja's own
    way to keep it; the lines stay as many.)"""
    if "%}" not in text and "#}" not in text:
        return text
    out = []
    for line in text.split("\n"):
        m = _LAST_TAG.search(line)
        if m and _TAGS.sub("", line).strip():
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


class DrafterEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with drafter's limits: checked operators, calls and formatting, bounded
    nesting of includes and macros, compile errors in Chinese."""

    intercepted_binops = frozenset(limits.BINOPS)
    code_generator_class = _Generator

    def call_binop(self, context, operator, left, right):
        if operator == "%" and isinstance(left, str):  # '收到%s' % 成效: what is written in must be text
            for value in right if isinstance(right, tuple) else (right,):
                if not isinstance(value, str):
                    printable(value, "填进 % 格式的")
        return limits.BINOPS[operator](left, right)

    def getitem(self, obj, argument):
        obj = _visible(obj)
        value = super().getitem(obj, argument)
        if has_digit(obj) and isinstance(value, str):  # (收到申请 ~ "")[1:] → 62件
            refuse_cut("截取文字（[…]）", obj, value)
        if isinstance(value, jinja2.Undefined) and not isinstance(argument, (str, int, float)):
            return self.undefined(obj=obj, name="…")  # its message must not print a whole structure
        return value

    def sliced(self, obj, part: slice):
        obj = _visible(obj)
        value = obj[part]
        if has_digit(obj) and isinstance(value, str):  # (收到申请 ~ "")[1:] → 62件
            refuse_cut("截取文字（[…]）", obj, value)
        return value

    def container_checked(self, value):
        return limits.check_container(value)

    def join_checked(self, parts) -> str:
        for part in parts:
            refuse_raw_number(part)
        # a figure joined by ~ is marked as printed ones are ("1" ~ x.收到申请 is judged)
        return limits.join(
            [
                p
                if isinstance(p, str)
                else apart.mark(str(p))
                if isinstance(p, (Figure, Rate)) or is_form_number(p)
                else printable(p, "用 ~ 连接的")
                for p in parts
            ]
        )

    def counted(self, iterable):
        if isinstance(iterable, Mapping):  # {% for k in 问题[0] %}: the field names (原因句), never report text
            raise TemplateError(
                "{% for %} 用在了一组“名称: 内容”上（如表单里的一个问题、部分标题），会把各项的名称（如“标题”“原因句”）当作文字写进报告。",
                "请取出其中要写的一项，如 {{ 问题[0].表现 }}、{{ 部分标题.成效 }}；要逐项输出，用 {% for p in 问题 %}…{% endfor %}。",
            )
        budget = limits.current()
        return iterable if budget is None else limits.counted(iterable, budget)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if is_form_number(owner):  # .hex(), .bit_length(), .as_integer_ratio(): no figure of the form
            raise TemplateError(
                "这里对表单里的数用了数的方法，印出来的不是表单里的数。",
                "请直接输出数据（如 {{ 数据.行政复议.收到申请 }}），比率换小数位数用 精度()。",
            )
        if isinstance(owner, str) and name == "encode":  # bytes print as numbers (231164186…)
            raise TemplateError("这里把文字变成了字节，印出来是一串数字，不是报告的文字。", "请直接输出文字，如 {{ 单位 }}。")
        args, kwargs = limits.checked_call(__obj, args, kwargs)
        budget = limits.current() if isinstance(__obj, Macro) else None
        if budget is None:  # dict(a=s, b=s) and its kin are measured like a written {…}
            result = limits.check_result(super().call(__context, __obj, *args, **kwargs))
            if isinstance(owner, dt.date) and not isinstance(owner, dt.datetime):
                _date_kept(owner, result)  # 成文日期.replace(year=2030), .strftime("%m月") → 02月
            if has_digit(owner) and isinstance(__obj, types.BuiltinMethodType):  # "162件".replace("6", "9")
                what = f"文字的 {getattr(__obj, '__name__', '')}()"
                for part in (result,) if isinstance(result, str) else result if isinstance(result, (list, tuple)) else ():
                    if isinstance(part, str):
                        refuse_cut(what, owner, part)
            return result
        if budget.macro_depth >= bounds.MACRO_DEPTH:
            raise limits.LimitError(
                f"宏调用嵌套超过 {bounds.MACRO_DEPTH} 层，已停止。", "请检查这一行的宏是否一层层调用自己，并给它一个停止的条件。"
            )
        budget.macro_depth += 1
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            budget.macro_depth -= 1

    def wrap_str_format(self, value):
        if (
            not isinstance(value, (types.MethodType, types.BuiltinMethodType))
            or value.__name__ not in ("format", "format_map")
            or not isinstance(value.__self__, str)
        ):
            return None
        owner, is_map = value.__self__, value.__name__ == "format_map"
        formatter = _Formatter(self)

        def bounded(*args, **kwargs):
            if is_map:
                if kwargs or len(args) != 1:
                    raise TemplateError("format_map() 只接受一个字典。", '例如 "{a}".format_map(数据)。')
                args, kwargs = (), args[0]
            return str(formatter.vformat(owner, args, kwargs))

        return bounded

    def get_template(self, name, parent=None, globals=None):
        if parent is not None and _template_depth(self) >= bounds.INCLUDE_DEPTH:
            raise limits.LimitError(
                f"模板互相引用（include、import、extends）超过 {bounds.INCLUDE_DEPTH} 层，已停止。",
                "请检查这一行引用的模板是否又引用了它自己。",
            )
        return super().get_template(name, parent, globals)

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        try:
            return self._compile_checked(source, name, filename, raw, defer_init)
        except TemplateError as err:
            raise _quoting(err, filename) from None

    def _compile_checked(self, source, name, filename, raw, defer_init):
        where = Where(_relative(filename, self), None)
        nesting = limits.scan(self, source)
        line = nesting.first_over(bounds.TEMPLATE_NESTING) if nesting else None
        if line:
            raise _too_deep(where._replace(line=line))
        try:
            return super().compile(source, name, filename, raw, defer_init)
        except jinja2.TemplateSyntaxError:
            raise
        except _QuotedTag as err:
            raise TemplateError(
                f"引号里的“{err.tag[:40]}”不会换成数据：写在引号里，它只是文字。",
                '要输出数据，把它写在引号外面，如 {{ 单位 }}；要把文字和数据连起来，用 ~，如 {{ "收到申请" ~ 数据 }}。',
                where._replace(line=err.line),
            ) from None
        except _PrintedBrace as err:
            shown = err.text if len(err.text) <= 40 else err.text[:40] + "……"
            raise TemplateError(
                messages.PRINTED_BRACE.format(shown=shown), messages.PRINTED_BRACE_HINT, where._replace(line=err.line)
            ) from None
        except _GeneratedSyntax as err:
            raise TemplateError(
                "这一行的写法不对：同一个名字在宏的参数里，或在一次调用的参数里写了两次。",
                "请删去重复的参数。",
                where._replace(line=err.line),
            ) from None
        except (RecursionError, MemoryError, SyntaxError):
            # Nested tags and brackets were counted above; deeper still is a chain of
            # operators or filters (1 + 1 + … thousands of times): on the longest line.
            raise _too_deep(where._replace(line=_longest_line(source))) from None
        except (ValueError, OverflowError):  # a number of thousands of digits, which Python will not read
            m = re.search(r"\d{1000,}", source)
            line = source.count("\n", 0, m.start()) + 1 if m else None
            raise TemplateError("模板里有无法识别的写法（例如特别长的数字）。", messages.SYNTAX_HINT, where._replace(line=line)) from None

    def _compile(self, source, filename):
        """Python's compile of the generated code; its syntax errors (which Jinja does not
        catch: a macro with two parameters of one name) located in the template. An include
        yields from the included template (Jinja loops over it), so the render can see which
        template wrote a line, and a limit thrown in stops inside the included file."""
        source = _YIELD_EACH.sub(r"\1yield from gen\n\1pass", source)  # as many lines: debug_info holds
        try:
            return super()._compile(source, filename)
        except SyntaxError as err:
            raise _GeneratedSyntax(_template_line(source, err.lineno)) from None


_YIELD_EACH = re.compile(r"^([ \t]*)for event in gen:\n[ \t]*yield event$", re.M)


def _longest_line(source: str) -> int:
    lines = source.split("\n")
    return max(range(len(lines)), key=lambda i: len(lines[i])) + 1


# {{ 单位 }} or {% if %} written inside quotes: text, never filled in. ({{申请}} without spaces
# is how a 项() pattern writes a brace itself, so it is not taken for a tag.)
_TAG_IN_QUOTES = re.compile(r"\{\{\s+[^{}]*?\s+\}\}|\{%-?\s.*?%\}")


# A brace written in quotes and printed as it stands ({{ "{{单位}}" }}, {{ 单位 ~ "{x}" }}):
# markup._refuse_braces cannot see it (it is inside a printed value), and a report never
# holds braces. Constants used elsewhere (a condition, replace("{", "")) are not printed.
_PRINTED_BRACE = re.compile("[{}｛｝]")


def _printed_constants(node):
    """The string constants a printed expression prints as they stand: the expression itself,
    the operands of ~ and +, the text repeated by *, and both branches of ``a if c else b``."""
    if isinstance(node, nodes.Const):
        if isinstance(node.value, str):
            yield node
    elif isinstance(node, nodes.Concat):
        for part in node.nodes:
            yield from _printed_constants(part)
    elif isinstance(node, nodes.CondExpr):
        yield from _printed_constants(node.expr1)
        if node.expr2 is not None:
            yield from _printed_constants(node.expr2)
    elif isinstance(node, (nodes.Add, nodes.Mul)):
        yield from _printed_constants(node.left)
        yield from _printed_constants(node.right)


def _refuse_printed_braces(node) -> None:
    for const in _printed_constants(node):
        m = _PRINTED_BRACE.search(const.value)
        if m:
            raise _PrintedBrace(const.lineno, const.value)


class _PrintedBrace(Exception):
    def __init__(self, line: int, text: str):
        super().__init__(line)
        self.line, self.text = line, text


class _QuotedTag(Exception):
    def __init__(self, line: int, tag: str):
        super().__init__(line)
        self.line, self.tag = line, tag


class _GeneratedSyntax(Exception):
    def __init__(self, line: int | None):
        super().__init__(line)
        self.line = line


def _template_line(code: str, code_line: int | None) -> int | None:
    """The template line of a line of Jinja's generated code (its ``debug_info`` pairs
    template lines with code lines)."""
    m = re.search(r"^debug_info = '([\d=&]*)'", code, re.M)
    if not m or code_line is None or not m.group(1):
        return None
    pairs = [tuple(map(int, p.split("="))) for p in m.group(1).split("&")]
    before = [t for t, c in pairs if c <= code_line]
    return before[-1] if before else pairs[0][0]


def _too_deep(where: Where) -> TemplateError:
    return TemplateError(
        f"模板在这里嵌套太深（{{% if %}}、{{% for %}} 等标签或括号套了太多层（最多 {bounds.TEMPLATE_NESTING} 层），"
        "或一个表达式里连着写了太多运算、过滤器）。",
        "请把里层的内容拆成宏或单独的模板文件。",
        where,
    )


def _template_depth(env) -> int:
    """How many templates are rendering inside each other right now (include, import, extends)."""
    depth, frame = 0, sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "root" and frame.f_globals.get("environment") is env:
            depth += 1
        frame = frame.f_back
    return depth


def _relative(filename: str | None, env) -> str | None:
    loader = env.loader
    if not filename or not isinstance(loader, FolderLoader):
        return filename
    return loader._where(Path(filename))


@lru_cache(maxsize=8)
def make_environment(template_dir: str) -> DrafterEnvironment:
    """One environment per template folder and process: a batch compiles each template once
    (auto_reload still notices a template edited meanwhile). A clerk's folder is read over
    the built-in default."""
    cache = _cache_dir()
    default = builtin_templates() / "default"
    folders = [template_dir] if Path(template_dir).resolve() == default.resolve() else [template_dir, default]
    env = DrafterEnvironment(
        loader=FolderLoader(*folders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=_finalize,
        bytecode_cache=BoundedBytecodeCache(cache) if cache else None,
        auto_reload=True,
        # No constant folding: it runs filters while compiling and swallows every error
        # they raise, the render's time limit included.
        optimized=False,
    )
    env.concat = _concat
    env.filters.update(limits.guard_filters(env.filters))
    env.filters.update(FILTERS)
    env.filters["safe"] = markup
    env.filters.pop("tojson", None)  # JSON (\u5168…) is never report text
    env.filters.update(_text_filters(env.filters))
    env.filters.update(report_filters(env.filters))
    env.filters.update({name: _measured(env.filters[name]) for name in _BUILDING_FILTERS if name in env.filters})
    env.filters.update({name: _numbers_kept(name, env.filters[name]) for name in _CUTTING_FILTERS if name in env.filters})
    env.filters.update({name: _counted_visible(env.filters[name]) for name in ("length", "count", "wordcount")})
    env.filters["sum"] = _summed(env.filters["sum"])
    for name in _REMOVED_GLOBALS:
        env.globals.pop(name, None)
    env.globals.update(GLOBALS)
    book = PhraseBook(lambda: env.loader.layers_of(PHRASE_FILE), lambda: env.loader.stamp_of(PHRASE_FILE))

    def 数据句子(theme=None, *groups):  # noqa: N802 - the name templates use
        return book(theme, *groups)

    env.globals["数据句子"] = 数据句子

    @jinja2.pass_context
    def 开头句子(context):  # noqa: N802 - the name templates use
        return book.opening(context)

    env.globals["开头句子"] = 开头句子
    env.globals["range"] = limits.safe_range
    # a figure the form does not give is not defined: {% if x.纠错 is defined %}, x.纠错 | default("")
    env.tests["defined"] = lambda value: not isinstance(value, (jinja2.Undefined, _Missing))
    env.tests["undefined"] = lambda value: isinstance(value, (jinja2.Undefined, _Missing))
    # is number / integer / odd / divisibleby(3) on a figure: of its value, as == and > are
    for name in ("number", "integer", "float", "odd", "even", "divisibleby"):
        env.tests[name] = _by_value(env.tests[name])
    default = env.filters["default"]

    def default_(value, default_value="", boolean=False):
        return default_value if isinstance(value, _Missing) else default(value, default_value, boolean)

    env.filters["default"] = env.filters["d"] = default_
    return env


def _template_frame(tb, own: Path | None = None) -> tuple[str | None, int | None, str | None, int | None]:
    """The innermost traceback frame that belongs to a template file, and the innermost that
    belongs to one in the folder ``own`` (the clerk's): a mistake made inside a built-in
    template the clerk's one imports is the clerk's line's to mend."""
    found: tuple = (None, None)
    mine: tuple = (None, None)
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals or frame.f_code.co_filename.endswith(".j2"):
            found = (frame.f_code.co_filename, tb.tb_lineno)
            if own is None or Path(found[0]).resolve().is_relative_to(own):
                mine = found
        tb = tb.tb_next
    return (*mine, *found) if mine[0] else (*found, None, None)


class Rendered(str):
    """A template's output that knows which template line wrote each of its lines, so a
    mistake found in the output (a heading level skipped) is shown where the clerk can
    mend it. ``origins`` maps an output line (1-based) to what wrote its first visible
    character: (template file, line Jinja maps the code to, the chunk, its line in the chunk)."""

    origins: dict = {}
    shown = staticmethod(lambda file: file)  # a template file as the clerk's messages name it

    def origin(self, line: int | None) -> tuple[str, int, str] | None:
        """(template file as shown, its line, its path) of output line ``line``."""
        found = self.origins.get(line) if line else None
        if not found or not found[0]:
            return None
        where, chunk, k = found
        file, mapped = _template_at(*where)
        text = chunk.split(OPEN, 1)[0].rstrip(" \t")  # template text, up to a value folded into it
        if isinstance(chunk, TemplateMarkup) or not text.strip():
            return self.shown(file), mapped, file  # a printed value or a macro's output: where it is printed
        return self.shown(file), _data_line(file, mapped, text, k), file


def _data_line(file: str, mapped: int, chunk: str, k: int) -> int:
    """The template line of line ``k`` of the template text ``chunk``. Jinja maps the code
    that yields template text to the node before it, so the text is looked for in the
    file from that node's line on (template text is copied from the file unchanged, but for
    blanks trimmed around tags)."""
    try:
        source = _lines_keep_their_end(Path(file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return mapped
    start = 0
    for _ in range(mapped - 1):
        start = source.find("\n", start) + 1
        if start == 0:
            return mapped
    found = source.find(chunk, start)
    if found >= 0:
        return source.count("\n", 0, found) + 1 + k
    # a raw block's text is the file's, but its tags around it are not in the output: the
    # line itself is looked for ({% raw %}{x}{% endraw %} on line 2 is line 2, not the node's)
    pieces = _LINE_BREAK.split(chunk)
    piece = pieces[k].strip() if k < len(pieces) else ""
    found = source.find(piece, start) if piece else -1
    # not in the file as it stands (a macro's output, markup built in the template): the
    # line that printed it
    return source.count("\n", 0, found) + 1 if found >= 0 else mapped


def _writer(gen) -> tuple | None:
    """Where the chunk just taken from ``gen`` was yielded: the innermost template generator
    (an include's inside its includer's) as (its code, the instruction it stopped at, its
    ``debug_info``), made into a template line only when asked (``_template_at``)."""
    found, frame_gen = None, gen
    for _ in range(bounds.INCLUDE_DEPTH * 4):
        frame = getattr(frame_gen, "gi_frame", None)
        if frame is None:
            break
        info = frame.f_globals.get("debug_info")
        if info is not None:
            found = (frame.f_code, frame.f_lasti, info)
        frame_gen = getattr(frame_gen, "gi_yieldfrom", None)  # an include's, a block's generator
    return found


def _template_at(code, lasti: int, info: str) -> tuple[str, int]:
    """The template file and line of instruction ``lasti`` of a template's code."""
    line = next((n for start, end, n in code.co_lines() if start <= lasti < end and n is not None), None)
    return code.co_filename, _debug_line(info, line) if line else 1


@lru_cache(maxsize=256)
def _debug_pairs(info: str) -> tuple[list[int], list[int]]:
    """``debug_info`` ('1=13&2=15': template line = code line) as code lines, template lines."""
    pairs = sorted((int(c), int(t)) for t, _, c in (p.partition("=") for p in info.split("&")) if c)
    return [c for c, _ in pairs], [t for _, t in pairs]


def _debug_line(info: str, code_line: int) -> int:
    codes, lines = _debug_pairs(info)
    k = bisect.bisect_right(codes, code_line)
    return lines[k - 1] if k else 1  # code before the first node: the template's start


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # as markup.parse_markup splits lines
_OTHER_BREAK = re.compile("[\r\x85\u2028\u2029]")


def _render(template, context: dict, budget: limits.Budget) -> Rendered:
    """The template's output, stopped (where the template is, so it can be located) past
    the output, line or time limit (what follows the template, reading the markup and
    typesetting it, takes time in proportion to the output). Each output line is credited
    to the template line that wrote its first visible character."""
    parts, lines, origins, at = [], 0, {}, 1
    gen = template.generate(context)
    try:
        for chunk in gen:
            if not isinstance(chunk, str):  # a {% filter %} block's result, not yet printed
                try:
                    chunk = _finalize(chunk)
                except Exception as err:  # noqa: BLE001 - raised where the template yielded it
                    gen.throw(err)
            budget.output += len(chunk)
            lines += chunk.count("\n")
            if budget.output > limits.MAX_OUTPUT or lines > limits.MAX_LINES:
                gen.throw(limits.output_error())
            if budget.over_time():
                gen.throw(limits.RenderTimeout())
            parts.append(chunk)
            if at in origins and "\n" not in chunk and not _OTHER_BREAK.search(chunk):
                continue  # the common case: more of a line already credited
            pieces = _LINE_BREAK.split(chunk)
            writer = None
            for k, piece in enumerate(pieces):
                if at + k not in origins and piece.strip():
                    writer = writer or _writer(gen)
                    origins[at + k] = (writer, chunk, k)
            at += len(pieces) - 1
    finally:
        gen.close()
    out = Rendered("".join(parts))
    out.origins = origins
    return out


def render_markup(template_dir: str | Path, name: str, context: dict) -> str:
    """Render template ``name`` from ``template_dir`` to markup as a person reads it: the
    literal marks removed, a printed line that looks like markup escaped with ``\\``;
    ``parse_markup`` reads it as it reads the marked text."""
    return readable_markup(render_template(template_dir, name, context))


def in_template(err: TemplateError, output: str) -> TemplateError:
    """A mistake ``parse_markup`` found at a line of ``output`` (a Rendered), placed at the
    template file and line that wrote it; as it was when that is not known."""
    origin = output.origin(err.where.line) if isinstance(output, Rendered) else None
    if not origin or not origin[0]:
        return err
    file, line, path = origin
    hint = err.hint
    previous = getattr(err, "previous", None)
    before = output.origin(previous[0]) if previous else None
    if before:
        hint += f"（前一个标题“{previous[1][:30]}”是 {before[0]}:{before[1]} 写出的）"
    return _quoting(TemplateError(err.message, hint, Where(file, line)), path)


def template_texts(template_dir: str | Path) -> tuple[str, ...]:
    """The text of every template file of ``template_dir`` read so far (its own and the
    default's beneath it): a sentence found in one was written there as it stands, not made
    from the form's figures."""
    loader = make_environment(str(Path(template_dir).resolve())).loader
    return tuple(loader.texts.values()) if isinstance(loader, FolderLoader) else ()


def render_template(template_dir: str | Path, name: str, context: dict) -> str:
    """Render template ``name`` from ``template_dir`` to marked markup text (for
    ``parse_markup``; ``readable_markup`` makes it readable)."""
    root = Path(template_dir)
    env = make_environment(str(root.resolve()))
    try:
        with limits.rendering() as budget:
            template = env.get_template(name)
            out = _render(template, context, budget)
            out.shown = lambda file: _relative(file, env)
    except Exception as err:  # noqa: BLE001 - every error of a template becomes a located TemplateError
        raise _located(err, sys.exc_info()[2], env, name) from None
    plain, line, said = apart.apart(out)
    if line is not None:  # a figure joined to what the template printed beside it
        raise in_template(TemplateError(said, apart.HINT, Where("<模板输出>", line)), out)
    kept = Rendered(plain)
    kept.origins, kept.shown = out.origins, out.shown
    return kept


def _located(err: Exception, tb, env, entry: str) -> TemplateError:
    """``err`` as a TemplateError in Chinese at the template file and line it came from."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        source = _source(env, err.name)
        message, hint, line = messages.syntax(err, env, source)
        # Jinja's lexer names some errors (an unclosed {# or {% raw %}) by the file's full
        # path in ``name``, with no ``filename``: shown as the clerk gave the folder all the same
        path = err.filename or (err.name if err.name and os.path.isabs(err.name) else None)
        return _quoting(TemplateError(message, hint, Where(_relative(path, env) or err.name, line)), path)
    if isinstance(err, TemplateProblems):
        return err
    own = env.loader.folder if isinstance(env.loader, FolderLoader) else None
    file, line, inner, inner_line = _template_frame(tb, own)
    if isinstance(err, DrafterError) and err.where.file:  # a template file that cannot be read
        by = _relative(file, env)
        cited = f"（用到它的是 {by}:{line}）" if by and line and by != err.where.file else ""
        return TemplateError(err.message, err.hint + cited, err.where)
    path = file or _entry_file(env, entry)
    where = Where(_relative(path, env), line)
    if isinstance(err, DrafterError):
        return _quoting(TemplateError(err.message, err.hint + _inside(inner, inner_line, file, env, err), where), path)
    if isinstance(err, jinja2.TemplateNotFound):
        message, hint = messages.not_found(err.name, env.loader.folder)
    elif isinstance(err, jinja2.UndefinedError):
        message, hint = messages.undefined(err)
    elif isinstance(err, jinja2.exceptions.SecurityError):
        message, hint = messages.security(err)
    elif isinstance(err, limits.RenderTimeout):
        limit = limits.timeout_error()
        message, hint = limit.message, limit.hint
    else:
        message, hint = messages.runtime(err)
    return _quoting(TemplateError(message, hint + _inside(inner, inner_line, file, env, err), where), path)


def _inside(inner: str | None, line: int | None, file: str | None, env, err: Exception) -> str:
    """Where in a built-in template the clerk's line led to the mistake, when it did: a
    template imported runs on its own, without the data of the one importing it."""
    if not inner or inner == file:
        return ""
    alone = isinstance(err, (jinja2.UndefinedError, DrafterError))
    return f"（出错的是这一行用到的自带模板 {_relative(inner, env)} 的第 {line} 行" + (
        "：用 {% import %} 或 {% from … import %} 导入的模板看不到这里的数据，也只能导入它里面定义的宏；"
        "请改用 {% include %}，或在导入的后面加 with context。）"
        if alone
        else "。）"
    )


def _quoting(error: TemplateError, path: str | None) -> TemplateError:
    """The error with its template line quoted in the hint, so the clerk sees what is meant
    (not when the line cannot be read, or is empty)."""
    text = _line_of(path, error.where.line)
    if not text:
        return error
    shown = text if len(text) <= 60 else text[:60] + "……"
    return TemplateError(error.message, f"{error.hint}（第 {error.where.line} 行是：{shown}）", error.where)


def _line_of(path: str | None, line: int | None) -> str | None:
    if not path or not line:
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            for k, text in enumerate(fh, 1):
                if k == line:
                    return text.strip() or None
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _entry_file(env, name: str) -> str | None:
    try:
        return str(env.loader.folder / name)
    except (AttributeError, TypeError):
        return None


def _source(env, name: str | None) -> str | None:
    try:
        return env.loader.get_source(env, name)[0] if name else None
    except Exception:  # noqa: BLE001 - only used to point at an unclosed tag
        return None
