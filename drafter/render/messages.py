"""Jinja's and Python's errors from a template, said in Chinese.

Jinja words its errors in English ("'x' is undefined", "Unexpected end of template. …").
Each common kind is recognised here and said again in Chinese, naming the name or tag
concerned; anything else gets a general message (the environment adds file and line),
never the English text.
"""

from __future__ import annotations

import re

import jinja2

from drafter.files.patterns import lazy_re
from drafter.render import limits

NAMES_HINT = "请检查拼写。模板能用的名字和过滤器见 README 的“自定义模板”一节；也可以用 drafter templates copy default 复制自带模板对照。"
SYNTAX_HINT = "请检查这一行的 {{ }}、{% %} 是否成对，{% if %}/{% for %} 是否有对应的 {% endif %}/{% endfor %}。"
# A string in quotes, with braces, printed as it stands (environment._refuse_printed_braces).
PRINTED_BRACE = "模板把引号里的“{shown}”原样输出，其中的大括号会印进报告，而报告里不能有大括号。"
PRINTED_BRACE_HINT = "要输出数据，直接写 {{ 单位 }}，不要把它放在引号里；引号里的文字不要带大括号（“{ }”或全角的“｛ ｝”）。"
RUNTIME_HINT = "请检查这一行用到的过滤器和数据。"
TAGS = "if、elif、else、for、set、include、import、from、macro、call、with、filter、block、extends，以及相应的 end…"

_TOKENS = {
    "end of print statement": "“}}”",
    "begin of print statement": "“{{”",
    "end of statement block": "“%}”",
    "begin of statement block": "“{%”",
    "end of comment": "“#}”",
    "begin of comment": "“{#”",
    "end of template": "模板结尾",
    "name": "名字",
    "integer": "整数",
    "float": "小数",
    "string": "带引号的文字",
    "end of line statement": "行尾",
}


def _token(text: str) -> str:
    """A token as Jinja describes it ('end of print statement', ',', 'endfor'), in Chinese."""
    return _TOKENS.get(text, f"“{text}”")


def _tag(name: str) -> str:
    return f"“{{% {name} %}}”"


def _left_open(source: str | None, line: int | None, expected: str) -> int | None:
    """The line before ``line`` that opens a {{ (or {%) it does not close, when Jinja,
    expecting its end, stopped at ``line`` itself: the mistake is there."""
    pair = {"end of print statement": ("{{", "}}"), "end of statement block": ("{%", "%}")}.get(expected)
    if not pair or not source or not line or line < 2:
        return None
    lines = source.split("\n")

    def left_open(text: str) -> bool:  # its last opening comes after its last closing (}}{{ too)
        return text.rfind(pair[0]) > text.rfind(pair[1])

    if line > len(lines) or left_open(lines[line - 1]):
        return None  # opened on the line Jinja named: that line is right
    return line - 1 if left_open(lines[line - 2]) else None


_BLOCK_TAG = lazy_re(r"\{%-?\s*(?:end)?(?:for|if|elif|else|macro|call|filter|set|block|with|raw)\b")


def _swallowing_comment(source: str, before: int) -> tuple[int, int] | None:
    """A comment {# … #} over several lines before line ``before`` with block tags inside it
    (an unclosed {# that ran on to a later #}): (its first line, its last), or None."""
    for m in re.finditer(r"\{#.*?#\}", source, re.S):
        first = source.count("\n", 0, m.start()) + 1
        if first >= before:
            break
        if "\n" in m.group() and _BLOCK_TAG.search(m.group()):
            return first, source.count("\n", 0, m.end()) + 1
    return None


def syntax(err: jinja2.TemplateSyntaxError, env, source: str | None) -> tuple[str, str, int | None]:
    """(message, hint, line) for a syntax error; the line of an unclosed tag's opening when
    the template ended before it was closed."""
    text = err.message or ""
    line = err.lineno
    innermost = re.search(r"innermost block that needs to be closed is '(\w+)'", text)
    block_error = text.startswith("Unexpected end of template") or re.match(r"Encountered unknown tag '(end\w+|elif|else)'", text)
    if block_error and source and line and (swallowed := _swallowing_comment(source, line)):
        first, last = swallowed
        return (
            f"模板语法错误：第 {first} 行的注释“{{#”到第 {last} 行的“#}}”才结束，中间的模板代码都成了注释，第 {line} 行因此对不上。",
            f"注释只写一行时，请在第 {first} 行末尾补上“#}}”。",
            first,
        )
    if re.match(r"unexpected char|unexpected '|Expected an expression", text):
        # {{ (or {%) left open at a line's end: Jinja reads on into the next line and stops there
        for expected, mark in (("end of print statement", "{{"), ("end of statement block", "{%")):
            opened = _left_open(source, line, expected)
            if opened:
                return (
                    f"模板语法错误：第 {opened} 行的“{mark}”没有对应的{_token(expected)}。",
                    f"请在这一行补上{_token(expected)}（一对括号写在同一行里）。",
                    opened,
                )
    if text.startswith("Unexpected end of template"):
        nesting = limits.scan(env, source) if source else None
        if nesting and nesting.open:
            tag, line = nesting.open[-1]
            return (
                f"模板语法错误：第 {line} 行的{_tag(tag)}没有对应的{_tag('end' + tag)}，模板就结束了。",
                f"请在这一块结束的地方加上 {{% end{tag} %}}。",
                line,
            )
        if innermost:
            tag = innermost.group(1)
            return f"模板语法错误：{_tag(tag)}没有对应的{_tag('end' + tag)}。", f"请加上 {{% end{tag} %}}。", line
        return "模板语法错误：模板意外结束了。", SYNTAX_HINT, line
    if m := re.match(r"Encountered unknown tag '(\w+)'\.", text):
        tag = m.group(1)
        if innermost and ("nesting mistake" in text or tag.startswith("end")):
            inner = innermost.group(1)
            # the cause is where the block left open began: point there, name both lines
            nesting = limits.scan(env, source, stop_line=line - 1) if source and line else None
            opened = next((n for t, n in reversed(nesting.open) if t == inner), None) if nesting else None
            if opened:
                return (
                    f"模板语法错误：第 {opened} 行的{_tag(inner)}没有对应的{_tag('end' + inner)}（第 {line} 行的{_tag(tag)}对不上它）。",
                    f"请在这一块结束的地方加上 {{% end{inner} %}}。",
                    opened,
                )
            return (
                f"模板语法错误：这里的{_tag(tag)}对不上，它前面的{_tag(inner)}还没有结束。",
                f"请先用 {{% end{inner} %}} 结束它，再检查 {{% {tag} %}} 的位置。",
                line,
            )
        if tag in ("elif", "else"):  # a stray one: no {% if %} (or {% for %}) open before it
            return (
                f"模板语法错误：这里的{_tag(tag)}前面没有对应的{_tag('if')}（或它前面的块已经结束了）。",
                f"请删去多余的 {{% {tag} %}}，或把它移到 {{% if … %}} 和 {{% endif %}} 之间。",
                line,
            )
        if tag.startswith("end") and len(tag) > 3:
            return (
                f"模板语法错误：这里的{_tag(tag)}前面没有对应的{_tag(tag[3:])}。",
                f"请删去多余的 {{% {tag} %}}，或补上开头的 {{% {tag[3:]} … %}}。",
                line,
            )
        return f"模板语法错误：没有{_tag(tag)}这个标签。", f"可用的标签有 {TAGS}。", line
    if m := re.fullmatch(r"Expected an expression, got '(.+)'", text):
        return f"模板语法错误：这里缺少要输出或计算的内容，却是{_token(m.group(1))}。", SYNTAX_HINT, line
    if m := re.fullmatch(r"unexpected end of template, expected '(.+)'\.", text):
        return f"模板语法错误：模板意外结束，缺少{_token(m.group(1))}。", SYNTAX_HINT, line
    if m := re.fullmatch(r"expected token '(.+)', got '(.+)'", text):
        opened = _left_open(source, line, m.group(1))
        if opened:  # {{ 单位 at a line's end: Jinja reads on into the next line and stops there
            mark = "{{" if m.group(1) == "end of print statement" else "{%"
            return (
                f"模板语法错误：第 {opened} 行的“{mark}”没有对应的{_token(m.group(1))}。",
                f"请在这一行补上{_token(m.group(1))}。",
                opened,
            )
        return f"模板语法错误：这里应当是{_token(m.group(1))}，却是{_token(m.group(2))}。", SYNTAX_HINT, line
    if m := re.fullmatch(r"unexpected '(.+)', expected '(.+)'", text):
        return (f"模板语法错误：括号不成对，这里应当是{_token(m.group(2))}，却是{_token(m.group(1))}。", SYNTAX_HINT, line)
    if m := re.fullmatch(r"unexpected '(.+)'", text):
        return f"模板语法错误：这里不应出现{_token(m.group(1))}。", SYNTAX_HINT, line
    if m := re.fullmatch(r"unexpected char (['\"])(.)\1 at \d+", text):
        if m.group(2) in "'\"":
            return (
                f"模板语法错误：第 {line} 行 {{{{ }}}} 或 {{% %}} 里的引号“{m.group(2)}”没有配对，文字没有结束。",
                f'文字要用一对英文引号括起来，如 "特此报告"；请在文字末尾补上“{m.group(2)}”。',
                line,
            )
        return f"模板语法错误：模板里有不能识别的字符“{m.group(2)}”。", SYNTAX_HINT, line
    if text == "Missing end of comment tag":
        return (
            f"模板语法错误：第 {line} 行的注释“{{#”没有结束，它后面的整个模板都成了注释。",
            "注释要写成“{# … #}”：请在注释末尾加上“#}”。",
            line,
        )
    if text == "Missing end of raw directive":
        return (
            f"模板语法错误：第 {line} 行的{_tag('raw')}没有对应的{_tag('endraw')}。",
            "请在要原样输出的文字后面加上 {% endraw %}。",
            line,
        )
    if m := re.fullmatch(r"can't assign to '(.+)'", text):
        return (
            "模板语法错误：{% set %} 等号左边应是一个名字，这里却是"
            f"{'带引号的文字或数' if m.group(1) == 'const' else '不能赋值的写法'}。",
            "请写成 {% set 名字 = 值 %}，名字不加引号。",
            line,
        )
    if text == "non-default argument follows default argument":
        return (
            "模板语法错误：宏的参数里，没有默认值的参数写在了有默认值的参数后面。",
            "请把没有默认值的参数移到前面，如 {% macro 段(标题, 级别=2) %}。",
            line,
        )
    if text == "invalid syntax for function call expression":
        return (
            "模板语法错误：调用的参数顺序不对：按名字给出的参数（如 级别=2）要写在其他参数后面。",
            "请写成 函数(值, 名字=值) 的顺序。",
            line,
        )
    if text == "expected name or number":
        return "模板语法错误：“.”后面缺少属性名。", "请在“.”后面写上属性名，或删去多余的“.”。", line
    if text == "tag name expected":
        return "模板语法错误：“{%” 后面缺少标签名。", f"可用的标签有 {TAGS}。", line
    if m := re.fullmatch(r"No filter named '(.+)'\.", text):
        return (
            f"模板用了不存在的过滤器“{m.group(1)}”。",
            "drafter 的过滤器有 num、percent、rate、yoy、points、cn、cn_date、enumerate_cn、full_stop、markup，"
            "另有 Jinja 自带的 join、default、length 等。",
            line,
        )
    if m := re.fullmatch(r"No test named '(.+)'\.", text):
        return f"模板用了不存在的测试“{m.group(1)}”（is 后面的词）。", "常用的有 is string、is number、is defined。", line
    if m := re.fullmatch(r"block '(.+)' defined twice", text):
        return f"模板语法错误：块“{m.group(1)}”定义了两次。", "每个 {% block %} 的名字只能用一次。", line
    return "模板语法错误。", SYNTAX_HINT, line


_METHODS = {"精度": "精度(2)"}  # what a figure or rate offers as a method, never as a name


def undefined(err: jinja2.UndefinedError, report_names: frozenset[str] = frozenset()) -> tuple[str, str]:
    """An undefined name, attribute, key or element, named; a name of the report's
    (``report_names``) undefined where it is used: a file imported without the report."""
    text = err.message or ""
    if (m := re.fullmatch(r"'(.+)' is undefined", text)) and m.group(1) in report_names:
        return (
            f"“{m.group(1)}”是报告里的内容，但用到它的文件是用 {{% import %}} 导入的，导入的文件看不到报告的内容。",
            f'导入时加上 with context，如 {{% import "宏.md.j2" as 宏 with context %}}；或把“{m.group(1)}”作为参数传给宏。',
        )
    if m := re.fullmatch(r"'(.+)' is undefined", text):
        if m.group(1) in _METHODS:  # 精度(x.纠错率, 2): a rate's own method, written as a function
            return (
                f"“{m.group(1)}”不是单独的名字，是比率自带的写法。",
                f"请写在比率后面，如 {{{{ 数据.行政复议.纠错率.{_METHODS[m.group(1)]} }}}}。",
            )
        return f"模板用了没有定义的名字“{m.group(1)}”。", NAMES_HINT
    if m := re.fullmatch(r".+ has no attribute '(.+)'", text, re.S):
        return f"模板用了不存在的属性或键“{m.group(1)}”。", NAMES_HINT
    if m := re.fullmatch(r".+ has no element (.+)", text, re.S):
        return f"模板取的第 {m.group(1).strip(chr(39))} 项不存在（从 0 数起）。", "请先用 {% if 列表 %} 或 | length 判断。"
    if m := re.fullmatch(r"parameter '(.+)' was not provided", text):
        return f"调用宏时没有给出参数“{m.group(1)}”。", "请在调用时给出它，或在宏的定义里给它默认值。"
    if text.startswith(("No first item", "No last item")):
        return "列表是空的，取不到其中的项。", "请先用 {% if 列表 %} 判断。"
    return "模板用了没有定义的名字或属性。", NAMES_HINT


def security(err: jinja2.exceptions.SecurityError) -> tuple[str, str]:
    """Something the sandbox refused."""
    hint = "模板只能读取表单数据、使用 drafter 提供的过滤器和函数；以下划线开头的内部属性和修改数据的方法都不能用。"
    if m := re.search(r"access to attribute '(.+)' of '.+' object is unsafe", err.message or "", re.S):
        return f"模板不能使用“{m.group(1)}”。", hint
    if "not safely callable" in (err.message or ""):
        return "模板不能调用这个函数。", hint
    return "模板做了不允许的操作。", hint


def not_found(name: object, root) -> tuple[str, str]:
    """A template file that is not in the folder (or is named by a path leading out of it)."""
    if name is None:
        return "引用模板时没有给出文件名。", '请写 {% include "文件名.md.j2" %}。'
    parts = str(name).replace("\\", "/").split("/")
    if ".." in parts or str(name).startswith(("/", "\\")) or re.match(r"[A-Za-z]:", str(name)):
        return (
            f"模板只能引用模板文件夹里的文件，不能引用“{name}”。",
            "请把要引用的文件放进模板文件夹，用相对于模板文件夹的路径（以 / 分隔）引用。",
        )
    return f"找不到模板文件“{name}”。", f"请确认模板文件夹“{root}”里有这个文件（路径相对于模板文件夹，以 / 分隔）。"


# A figure's .上年 (last year's value itself, None when not given) used on a template line
_LAST_YEAR = re.compile(r"([\w.]+)\.上年(?!数)")


def _last_year_unfilled(err: BaseException, line: str | None) -> tuple[str, str] | None:
    """``x.受理.上年 > 3`` (or + 1) where last year's 受理 is not given: Python's TypeError on
    None, said as the figure whose 上年数据 is missing."""
    if not isinstance(err, TypeError) or not line or "NoneType" not in str(err):
        return None
    m = _LAST_YEAR.search(line)
    if not m:
        return None
    parts = [p for p in m.group(1).split(".") if p != "数据" and not p.isascii()]
    name = ".".join(parts[-2:]) or m.group(1)
    return (
        f"模板拿数据“{name}”的上年数（.上年）去比较或计算，表单的“上年数据”里没有填写它。",
        f"请先判断它填了没有，如 {{% if {m.group(1)}.上年 is not none and {m.group(1)}.上年 > 0 %}}；或在这个主题的“上年数据”下填上它。",
    )


def runtime(err: BaseException, line: str | None = None) -> tuple[str, str]:
    """A Python error while a template ran, by kind; never its English text. ``line``: the
    template line it ran at, as written (to name a figure it used)."""
    if said := _last_year_unfilled(err, line):
        return said
    if isinstance(err, RecursionError):
        return (
            "模板调用太深：宏或 include 一层层调用自己，停不下来。",
            "请检查这一行的宏或 include 是否调用了自己，并给它一个停止的条件。",
        )
    if isinstance(err, MemoryError):
        return ("模板运行时需要的内存太多，已停止。", "请检查这一行附近：是否生成了特别长的文字或列表，或循环次数太多。")
    if isinstance(err, ZeroDivisionError):
        return "模板里出现了除以 0 的运算。", "请先用 {% if 除数 %} 判断，再做除法。"
    if isinstance(err, OverflowError):
        return "模板里算出的数太大。", RUNTIME_HINT
    if isinstance(err, TypeError):
        return ("模板里的运算或调用用错了数据类型（例如把文字和数相加、对一个数循环，或参数个数不对）。", RUNTIME_HINT)
    if isinstance(err, ValueError):
        return "模板里的数据转换失败（例如把不是数字的文字当作数）。", RUNTIME_HINT
    if isinstance(err, (KeyError, IndexError)):
        return "模板取的项不存在。", RUNTIME_HINT
    if isinstance(err, AttributeError):
        return "模板用了不存在的属性。", NAMES_HINT
    if isinstance(err, jinja2.TemplateRuntimeError):
        if m := re.fullmatch(r"No (filter|test) named '(.+)'(?: found)?\.", err.message or ""):
            kind = "过滤器" if m.group(1) == "filter" else "测试（is 后面的词）"
            return f"模板用了不存在的{kind}“{m.group(2)}”。", NAMES_HINT
        return "模板运行出错。", RUNTIME_HINT
    return "模板运行出错。", RUNTIME_HINT
