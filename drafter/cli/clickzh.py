"""Click's own words in Chinese: help headings, usage lines and usage errors.

Click looks its texts up through ``gettext`` by their English wording; ``install`` points
the lookups of click's modules at the table below, so help pages and messages read
"用法：… [选项]" instead of "Usage: … [OPTIONS]". Usage errors (unknown option or
command, missing argument, bad value) are shown by ``show``: the command's usage line, the
problem in Chinese, and where to find help. A wording click adds in a later release falls
back to English; the CLI tests sweep every kind of usage error, so that would be noticed.
"""

from __future__ import annotations

import importlib

import click

_ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Aborted!": "已中止。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "No such option {name!r}.": "没有“{name}”这个选项。",
    "No such option: {name}": "没有“{name}”这个选项。",
    "No such command {name!r}.": "没有“{name}”这个命令。",
    "No such command '{name}'.": "没有“{name}”这个命令。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Option {name!r} does not take a value.": "选项“{name}”后面不能跟值。",
    "Option {name!r} requires an argument.": "选项“{name}”后面要跟一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项“{name}”后面要跟 {nargs} 个值。",
    "Argument {name!r} takes {nargs} values.": "参数“{name}”要有 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）。",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）。",
    "Invalid value: {message}": "值不对：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "{value} is not in the range {range}.": "{value} 不在允许的范围（{range}）内。",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的数字。",
    "{value!r} is not {choice}.": "“{value}”不是 {choice}。",
    "{value!r} is not one of {choices}.": "“{value}”不是可选的值之一：{choices}。",
    "{name} {filename!r} does not exist.": "“{filename}”不存在。",
    "{name} {filename!r} is a file.": "“{filename}”是文件，这里要的是文件夹。",
    "{name} {filename!r} is a directory.": "“{filename}”是文件夹，这里要的是文件。",
    "{name} {filename!r} is not readable.": "“{filename}”无法读取。",
    "{name} {filename!r} is not writable.": "“{filename}”无法写入。",
    "{name} {filename!r} is not executable.": "“{filename}”无法执行。",
    "Value must be an iterable.": "这里应当是一组值。",
    "Takes {nargs} values but 1 was given.": "要有 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "要有 {nargs} 个值，给了 {len} 个。",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "Did you mean {possibility}?": "是不是 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是其中之一：{possibilities}？）",
}

_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui", "utils")


def gettext(message: str) -> str:
    return _ZH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Make click's modules look their texts up here."""
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a module a later click drops
            continue
        for attr, replacement in (("_", gettext), ("ngettext", ngettext)):
            if hasattr(module, attr):
                setattr(module, attr, replacement)


def _quoted(hint) -> str:
    """A parameter as clerks read it: “--year”/“-y”, “FORMS”."""
    if hint is None:
        return ""
    # click joins several names into one string ("'--output' / '-o'") before handing it on
    names = hint.split(" / ") if isinstance(hint, str) else list(hint)
    return "/".join(f"“{n.strip(chr(39))}”" for n in names)


def _maybe(possibilities) -> str:
    if not possibilities:
        return ""
    return "是不是" + "或".join(f"“{p}”" for p in sorted(possibilities)) + "？"


def message(err: click.ClickException) -> str:
    """The problem in Chinese, without the usage line."""
    if isinstance(err, click.exceptions.NoSuchOption):
        return f"没有“{err.option_name}”这个选项。" + _maybe(err.possibilities)
    command = getattr(err, "command_name", None)
    if command is not None:
        return f"没有“{command}”这个命令。" + _maybe(getattr(err, "possibilities", None))
    if isinstance(err, click.MissingParameter):
        param, ctx = err.param, err.ctx
        kind = err.param_type or (param.param_type_name if param is not None else "parameter")
        hint = (
            err.param_hint if err.param_hint is not None else (param.get_error_hint(ctx) if param is not None and ctx is not None else None)
        )
        word = "选项" if kind == "option" else "参数"
        return f"缺少{word}{_quoted(hint)}。"
    if isinstance(err, click.BadParameter):
        param, ctx = err.param, err.ctx
        hint = (
            err.param_hint if err.param_hint is not None else (param.get_error_hint(ctx) if param is not None and ctx is not None else None)
        )
        if hint is None:
            return f"值不对：{err.message}"
        return f"{_quoted(hint)}的值不对：{err.message}"
    return err.format_message()


def show(err: click.ClickException) -> None:
    """Print a usage error as click would, in Chinese: usage line, problem, where to look."""
    ctx = getattr(err, "ctx", None)
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(f"运行“{ctx.command_path} -h”查看帮助。", err=True)
    from drafter.files.inputs import printable

    click.echo(printable(f"错误：{message(err)}"), err=True)
