"""The Jinja environment: sandboxed, strict about undefined names, errors located, costs bounded.

Templates produce report markup (``drafter/model/markup.py``). A mistake in a template — a
syntax error, an undefined name, a figure that does not exist — becomes a TemplateError in
Chinese naming the template file, the line and the name (locate.py).

A template folder is a clerk's to edit, so the environment also keeps a template from
harming the report or the process running it:
- every value printed with {{ }} is marked literal (``markup.literal``): a clerk's text
  can never become a heading or a directive; ``| markup`` and a macro's output are the
  template's own markup;
- template files come only from inside the folder (loader.py);
- operators, calls and filters that can make a value grow are checked first
  (limits.py, filterguards.py), and a render is stopped past its output, iteration and
  nesting limits; the code Jinja generates carries those checks (jinja_hooks.py).
A clerk's folder runs in a child process (worker.py), which alone has a time and memory cap.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import types
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.errors import TemplateError, Where
from drafter.files import bounds
from drafter.files.datacache import cache_root
from drafter.files.patterns import lazy_re
from drafter.files.resources import builtin_templates
from drafter.files.xmltext import INVALID, describe
from drafter.model import numbers
from drafter.model.markup import CLOSE, OPEN, TemplateMarkup, literal
from drafter.render import apart, filterguards as guards, jinja_hooks, limits, messages
from drafter.render.bytecache import BoundedBytecodeCache
from drafter.render.figures import _Missing, owner, stands_apart
from drafter.render.filters import FILTERS, GLOBALS, markup, printable, report_filters, report_text
from drafter.render.intact import FigureText, has_digit, is_form_number, refuse_cut, refuse_raw_number
from drafter.render.loader import FolderLoader, shown_name
from drafter.render.locate import quoting
from drafter.render.phrases import PHRASE_FILE, PhraseBook


def _cache_name() -> str:
    """Compiled templates depend on this module's code generator and finalize and on the
    limits it compiles in: the cache is named by their source, so code compiled by another
    version of drafter is never used."""
    import hashlib

    digest = hashlib.sha1(jinja2.__version__.encode())
    for module in (__file__, limits.__file__, jinja_hooks.__file__, guards.__file__):
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


_PAIRED_MARKS = lazy_re(f"[^{OPEN}{CLOSE}]*(?:{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}[^{OPEN}{CLOSE}]*)+")
_OBJECT_TEXT = lazy_re(r"<[\w.]+ object at 0x[0-9a-fA-F]+>|^<class '")


def finalize(value):
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
    if isinstance(value, str) and (m := _PRINTED_BRACE.search(text)):
        # ({% set x = "{单位}" %}{{ x }}: a brace that reached the output through a name; the
        # form's text holds none, validate refuses them, so it is the template's own)
        shown = text[max(0, m.start() - 8) : m.end() + 8]
        raise TemplateError(messages.PRINTED_BRACE.format(shown=shown), messages.PRINTED_BRACE_HINT)
    limits.spend(len(text))
    if stands_apart(value):
        text = apart.mark(text, *owner(value))  # what stands beside it is judged once the output is whole
    return literal(text)


# What a template may ask of the form's date: its parts, and text of it (checked by
# guards.date_kept); anything else of a date makes another one or a number of its own.
_DATE_PARTS = frozenset("year month day weekday isoweekday isoformat strftime replace".split())

# The methods of text that ask about it (never make new text): asked of the text as printed.
_ASKING = frozenset(
    "startswith endswith find rfind index rindex count isdigit isdecimal isnumeric isalpha isalnum "
    "isspace islower isupper istitle isprintable isascii isidentifier".split()
)


def _concat(parts) -> TemplateMarkup:
    """A macro's output, a {% set %} block, caller(): made by the template, so markup."""
    return TemplateMarkup("".join(parts))


class DrafterEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with drafter's limits: checked operators, calls and formatting, bounded
    nesting of includes and macros, compile errors in Chinese."""

    intercepted_binops = frozenset(limits.BINOPS)
    code_generator_class = jinja_hooks.HookedGenerator

    def inspect_template(self, node) -> None:
        """Refused before the template is compiled: a tag written inside quotes (text, never
        filled in) and a brace printed as it stands (a report never holds braces)."""
        for const in node.find_all(nodes.Const):
            m = _TAG_IN_QUOTES.search(const.value) if isinstance(const.value, str) else None
            if m:
                raise _QuotedTag(const.lineno, m.group())
        for output in node.find_all(nodes.Output):
            for child in output.nodes:
                if not isinstance(child, nodes.TemplateData):
                    _refuse_printed_braces(child)

    def call_binop(self, context, operator, left, right):
        if operator == "%" and isinstance(left, str):  # '收到%s' % 成效: what is written in must be text
            filled = right if isinstance(right, tuple) else (right,)
            for value in filled:
                if not isinstance(value, str):
                    printable(value, "填进 % 格式的")
            result = limits.BINOPS[operator](left, right)
            return apart.mark_each(result, [report_text(v, "") for v in filled if stands_apart(v)])
        if operator in ("+", "*"):  # x | num * 2, x.约数 + x.约数: each copy stands apart
            left, right = (guards.marked(v) if isinstance(v, FigureText) else v for v in (left, right))
        return limits.BINOPS[operator](left, right)

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if isinstance(obj, dt.date) and attr not in _DATE_PARTS:
            # 成文日期.fromisoformat("2030-01-01"), .today(), .min: another date, never the form's
            raise TemplateError(f"这里用了日期的“{attr}”，得到的不是表单里的成文日期。", guards.DATE_HINT)
        return super().is_safe_attribute(obj, attr, value)

    def compared(self, value):
        """One side of a comparison (==, in…): text as printed, without drafter's marks
        (x.值 | string == "0", "县" in m())."""
        return guards.visible(value)

    def getitem(self, obj, argument):
        obj, argument = guards.visible(obj), guards.visible(argument)
        value = super().getitem(obj, argument)
        if has_digit(obj) and isinstance(value, str):  # (收到申请 ~ "")[1:] → 62件
            refuse_cut("截取文字（[…]）", obj, value)
        if isinstance(value, jinja2.Undefined) and not isinstance(argument, (str, int, float)):
            return self.undefined(obj=obj, name="…")  # its message must not print a whole structure
        return value

    def sliced(self, obj, part: slice):
        obj = guards.visible(obj)
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
            [guards.marked(p) if stands_apart(p) else p if isinstance(p, str) else printable(p, "用 ~ 连接的") for p in parts]
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
        if isinstance(owner, str) and name in _ASKING and apart.MARKS.search(owner):
            owner = guards.visible(owner)  # (x.值 | string).startswith("1"): asked of what is printed
            __obj = getattr(owner, name)
        args, kwargs = limits.checked_call(__obj, args, kwargs)
        budget = limits.current() if isinstance(__obj, Macro) else None
        if budget is None:  # dict(a=s, b=s) and its kin are measured like a written {…}
            result = limits.check_result(super().call(__context, __obj, *args, **kwargs))
            if isinstance(owner, dt.date) and not isinstance(owner, dt.datetime):
                guards.date_kept(owner, result)  # 成文日期.replace(year=2030), .strftime("%m月") → 02月
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
        formatter = guards.Formatter(self)

        def bounded(*args, **kwargs):
            if is_map:
                if kwargs or len(args) != 1:
                    raise TemplateError("format_map() 只接受一个字典。", '例如 "{a}".format_map(数据)。')
                args, kwargs = (), args[0]
            return str(formatter.vformat(owner, args, kwargs))

        return bounded

    def get_template(self, name, parent=None, globals=None):
        if parent is not None and jinja_hooks.template_depth(self) >= bounds.INCLUDE_DEPTH:
            raise limits.LimitError(
                f"模板互相引用（include、import、extends）超过 {bounds.INCLUDE_DEPTH} 层，已停止。",
                "请检查这一行引用的模板是否又引用了它自己。",
            )
        return super().get_template(name, parent, globals)

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        try:
            return self._compile_checked(source, name, filename, raw, defer_init)
        except TemplateError as err:
            raise quoting(err, filename) from None

    def _compile_checked(self, source, name, filename, raw, defer_init):
        jinja_hooks.verify()  # compiling: the hooks must hold in the Jinja installed
        where = Where(shown_name(filename, self.loader), None)
        nesting = limits.scan(self, source)
        line = nesting.first_over(bounds.TEMPLATE_NESTING) if nesting else None
        if line:
            raise _too_deep(where._replace(line=line))
        if nesting and nesting.tags_line:  # compiling this many takes longer than a render may
            raise TemplateError(
                f"模板文件里的标签（{{% %}}）和注释（{{# #}}）太多，超过了 {bounds.TEMPLATE_TAGS} 个。",
                "一份报告的模板用不到这么多标签；请把重复的内容写成一个宏或一个循环。",
                where._replace(line=nesting.tags_line),
            )
        if nesting and nesting.longest > bounds.TEMPLATE_STEPS:
            raise TemplateError(
                f"这一行的一个表达式太长：运算、过滤器超过了 {bounds.TEMPLATE_STEPS} 个。",
                "请把它拆成几步（先用 {% set %} 算出一部分），或检查是否误把内容复制了很多遍。",
                where._replace(line=nesting.longest_line),
            )
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
            if err.nested:  # Python's own limit on brackets inside brackets, in the code made of one line
                raise TemplateError(
                    "这一行的表达式太长或套得太深：运算、过滤器、括号一个套一个，程序处理不了。",
                    "请把它拆成几步（先用 {% set %} 算出一部分），或检查是否误把内容复制了很多遍。",
                    where._replace(line=err.line),
                ) from None
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
        source = jinja_hooks.yield_from_includes(source)
        try:
            return super()._compile(source, filename)
        except SyntaxError as err:
            nested = "too many nested parentheses" in str(err.msg)
            raise _GeneratedSyntax(jinja_hooks.template_line(source, err.lineno), nested) from None


def _longest_line(source: str) -> int:
    lines = source.split("\n")
    return max(range(len(lines)), key=lambda i: len(lines[i])) + 1


# {{ 单位 }} or {% if %} written inside quotes: text, never filled in. ({{申请}} without spaces
# is how a 项() pattern writes a brace itself, so it is not taken for a tag.)
_TAG_IN_QUOTES = lazy_re(r"\{\{\s+[^{}]*?\s+\}\}|\{%-?\s.*?%\}")


# A brace written in quotes and printed as it stands ({{ "{{单位}}" }}, {{ 单位 ~ "{x}" }}):
# markup._refuse_braces cannot see it (it is inside a printed value), and a report never
# holds braces. Constants used elsewhere (a condition, replace("{", "")) are not printed.
_PRINTED_BRACE = lazy_re("[{}｛｝]")


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
    def __init__(self, line: int | None, nested: bool = False):
        super().__init__(line)
        self.line, self.nested = line, nested


def _too_deep(where: Where) -> TemplateError:
    return TemplateError(
        f"模板在这里嵌套太深（{{% if %}}、{{% for %}} 等标签或括号套了太多层（最多 {bounds.TEMPLATE_NESTING} 层），"
        "或一个表达式里连着写了太多运算、过滤器）。",
        "请把里层的内容拆成宏或单独的模板文件。",
        where,
    )


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
        finalize=finalize,
        bytecode_cache=BoundedBytecodeCache(cache) if cache else None,
        auto_reload=True,
        # No constant folding: it runs filters while compiling and swallows every error
        # they raise, the render's time limit included.
        optimized=False,
    )
    env.concat = _concat  # type: ignore[method-assign]  # Jinja's documented way to join a block's output
    env.filters.update(limits.guard_filters(env.filters))
    env.filters.update(FILTERS)
    env.filters["safe"] = markup
    env.filters.pop("tojson", None)  # JSON (\u5168…) is never report text
    env.filters.update(guards.text_filters(env.filters))
    env.filters.update(report_filters(env.filters))
    env.filters.update({name: guards.measured(env.filters[name]) for name in guards.BUILDING_FILTERS if name in env.filters})
    env.filters.update({name: guards.numbers_kept(name, env.filters[name]) for name in guards.CUTTING_FILTERS if name in env.filters})
    env.filters.update({name: guards.counted_visible(env.filters[name]) for name in ("length", "count", "wordcount")})
    env.filters["sum"] = guards.summed(env.filters["sum"])
    for name in _REMOVED_GLOBALS:
        env.globals.pop(name, None)
    env.globals.update(GLOBALS)
    loader = env.loader
    assert isinstance(loader, FolderLoader)
    book = PhraseBook(lambda: loader.layers_of(PHRASE_FILE), lambda: loader.stamp_of(PHRASE_FILE))

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
        env.tests[name] = guards.by_value(env.tests[name])
    default = env.filters["default"]

    def default_(value, default_value="", boolean=False):
        return default_value if isinstance(value, _Missing) else default(value, default_value, boolean)

    env.filters["default"] = env.filters["d"] = default_
    return env
