"""Hostile command lines: click's own usage errors and help pages read in Chinese.

Every usage error exits 2 with the command's usage line, the problem in Chinese and where
to find help; no English word from click reaches the clerk (command and option names, which
the clerk types, are the only Latin words allowed).
"""

from __future__ import annotations

import re

import click
import pytest

from drafter.cli.commands import main

from conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


def _names(command: click.Command, ctx_name: str = "drafter") -> set[str]:
    """Every command and option name the clerk can type, and the value names they show."""
    out = {ctx_name}
    for param in command.params:
        out.update(n.lstrip("-") for n in param.opts + param.secondary_opts)
        out.update(w for n in param.opts for w in n.lstrip("-").split("-"))
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            out |= _names(sub, name)
    return out


ALLOWED = {w.lower() for w in _names(main)} | {
    "drafter", "yaml", "docx", "json", "schema", "markup", "word", "wps", "libreoffice", "pdf",
    "png", "gb/t", "utf", "code", "txt", "help", "version", "force", "from", "last", "org", "year",
    "check", "render", "init", "validate", "import", "parse", "mine", "preview", "templates",
    "copy", "list", "default", "outline", "report", "themes",
}


def english_words(text: str) -> list[str]:
    """Runs of 4+ Latin letters that are not names the clerk types or file suffixes."""
    words = re.findall(r"[A-Za-z][A-Za-z_]{3,}", text)
    return [w for w in words if w.lower() not in ALLOWED]


def invoke(runner, *args):
    result = runner.invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


USAGE_ERRORS = [
    ("unknown option", ["render", EXAMPLE, "--from", "x"], "没有“--from”这个选项"),
    ("unknown option with a suggestion", ["new", "2026", "--frm", "x"], "或“--from”？"),
    ("unknown command", ["rendr", EXAMPLE], "没有“rendr”这个命令。是不是“render”？"),
    ("unknown subcommand", ["templates", "cpy"], "没有“cpy”这个命令"),
    ("missing argument", ["new"], "缺少参数“年度”"),
    ("missing argument of render", ["render"], "缺少参数“表单...”"),
    ("missing required option", ["new", "2026"], "缺少选项“--from”"),
    ("not a number", ["new", "abc", "--from", "x"], "“年度”的值不对：“abc”不是有效的数字"),
    ("out of range", ["new", "1999", "--from", "x"], "不在允许的范围"),
    ("extra argument", ["parse", "a.txt", "b.txt"], "多出了参数（b.txt）"),
    ("option without its value", ["render", EXAMPLE, "-o"], "选项“-o”后面要跟一个值"),
    ("flag given a value", ["init", "--force=yes"], "选项“--force”后面不能跟值"),
    ("a folder where a file is expected", ["validate", "."], "是文件夹，这里要的是文件"),
    ("year of init not a number", ["init", "--year", "二〇二五"], "不是有效的数字"),
    ("check year out of range", ["check", EXAMPLE, "--year", "20255"], "不在允许的范围"),
    ("init year out of range", ["init", "--year", "1999"], "不在允许的范围"),
    ("init year zero", ["init", "--year", "0"], "不在允许的范围"),
    ("init output without its value", ["init", "-o"], "选项“-o”后面要跟一个值"),
    ("init org without its value", ["init", "--org"], "选项“--org”后面要跟一个值"),
    ("check flag given a value", ["check", "--json=1", EXAMPLE], "选项“--json”后面不能跟值"),
    ("empty output name", ["init", "-o", ""], "文件名不能为空"),
    ("empty output name of render", ["render", EXAMPLE, "-o", ""], "文件名不能为空"),
    ("output that is a folder", ["init", "-o", "."], "“--output”/“-o”的值不对"),
]


@pytest.mark.parametrize("case, args, expected", USAGE_ERRORS, ids=[c[0] for c in USAGE_ERRORS])
def test_usage_errors_are_chinese(runner, tmp_path, monkeypatch, case, args, expected):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output, result.output
    assert "错误：" in result.output
    typed = {w.lower() for a in args for w in re.findall(r"[A-Za-z]+", str(a))}
    assert not [w for w in english_words(result.output) if w.lower() not in typed], result.output
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize("args, usage", [
    (["render", EXAMPLE, "--from", "x"], "用法：drafter render [选项] 表单..."),
    (["init", "-o"], "用法：drafter init [选项]"),
    (["check", "--json=1", EXAMPLE], "用法：drafter check [选项] 文件..."),
    (["init", "--year", "0"], "用法：drafter init [选项]"),
], ids=["unknown option", "option without value", "flag with value", "bad value"])
def test_usage_error_shows_the_usage_line_and_where_help_is(runner, tmp_path, monkeypatch, args, usage):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, *args)
    assert usage in result.output
    command = args[0]
    assert f"运行“drafter {command} -h”查看帮助。" in result.output


def _commands(group: click.Group, prefix=()):
    for name, sub in sorted(group.commands.items()):
        yield prefix + (name,)
        if isinstance(sub, click.Group):
            yield from _commands(sub, prefix + (name,))


@pytest.mark.parametrize("command", [()] + list(_commands(main)), ids=lambda c: " ".join(c) or "drafter")
def test_every_help_page_is_chinese(runner, command):
    result = invoke(runner, *command, "-h")
    assert result.exit_code == 0
    assert result.output.startswith("用法：drafter")
    assert "选项：" in result.output
    for english in ("Usage", "Options", "Show this message", "Commands", "[OPTIONS]", "PATH", "TEXT",
                    "INTEGER", "FILE"):
        assert english not in result.output, (english, result.output)
    assert not english_words(result.output), english_words(result.output)


def test_version(runner):
    result = invoke(runner, "--version")
    assert result.exit_code == 0 and result.output.startswith("drafter ")


def test_init_org_too_long_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "init", "--org", "某" * 60, "-o", "x.yaml")
    assert result.exit_code == 2 and "太长了" in result.output and list(tmp_path.iterdir()) == []


def _single_value_options():
    """(command path, option) for every option of every command that takes one value."""
    out = []

    def walk(command, path):
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
            return
        for param in command.params:
            if isinstance(param, click.Option) and not param.multiple and not param.is_flag and not param.count:
                out.append((path, param.opts[-1]))

    walk(main, [])
    return out


@pytest.mark.parametrize("path, opt", _single_value_options())
def test_an_option_given_twice_is_refused_before_anything_runs(runner, tmp_path, monkeypatch, path, opt):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, [*path, opt, "a1", opt, "a2", "x.yaml"])
    assert result.exit_code == 2, result.output
    assert f"选项“{opt}”给了两次" in result.output
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_an_option_given_by_its_two_names_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["init", "-y", "2025", "--year=2026", "-o", "yy.yaml"])
    assert result.exit_code == 2 and "“-y”和“--year”给了两次" in result.output
    assert not (tmp_path / "yy.yaml").exists()


@pytest.mark.parametrize("args, said", [
    (["init", "-o", "a b.yaml"], "drafter validate 'a b.yaml'，再运行 drafter render 'a b.yaml'"),
    (["init", "-o", "报告[终稿].yaml"], "drafter validate '报告[终稿].yaml'"),
    (["init", "-o", "普通.yaml"], "drafter validate 普通.yaml，"),
])
def test_the_commands_drafter_suggests_can_be_pasted(runner, tmp_path, monkeypatch, args, said):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, args)
    assert result.exit_code == 0 and said in result.output, result.output


def test_a_suggested_name_drops_a_temporary_suffix(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["init", "-o", "x.yaml.tmp"])
    assert result.exit_code == 2 and "如“x.yaml”" in result.output, result.output
