"""The command line. User errors (DrafterError) become one message in Chinese and exit 2.

Heavy modules are imported inside the commands that need them, so ``drafter render``
loads only what rendering uses.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from drafter.errors import DrafterError
from drafter.files.config import read_settings, settings_file
from drafter.files.inputs import shown

CONTEXT = {"help_option_names": ["-h", "--help"]}


def _echo(message: str = "", **kwargs) -> None:
    """Every line drafter prints, with what a terminal must not get (the raw bytes or
    controls a file name may hold) shown as “?”."""
    from drafter.files.inputs import printable

    click.echo(printable(message) if isinstance(message, str) else message, **kwargs)


class _OutPath(click.Path):
    """An output path; an empty one (-o "") is a mistake, not a request for the default."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail("文件名不能为空。", param, ctx)
        if isinstance(value, str) and not self.dir_okay and value.endswith(("/", os.sep)):
            # the path library would drop the slash and write a file where a folder was meant
            self.fail(f"“{value}”以“{value[-1]}”结尾，是文件夹的写法；这里要的是一个文件名。", param, ctx)
        return super().convert(value, param, ctx)


def _warn(problems) -> None:
    for p in problems:
        _echo(p.format(), err=True)


def _fail(err: DrafterError) -> None:
    _echo(err.format(), err=True)
    sys.exit(err.exit_code)


class _Formatter(click.HelpFormatter):
    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：")


class _Context(click.Context):
    formatter_class = _Formatter


def _with_context(parse):
    """Click's parser raises some usage errors (an option without its value) with no
    context; give them the command's, so that its usage line is shown with them."""

    def parse_args(self, ctx, args):
        try:
            return parse(self, ctx, args)
        except click.UsageError as err:
            if err.ctx is None:
                err.ctx = ctx
            raise

    return parse_args


class _Command(click.Command):
    """A command whose help and usage line read in Chinese."""

    context_class = _Context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx, args):
        _refuse_repeated(self, ctx, args)
        rest = _with_context(click.Command.parse_args)(self, ctx, args)
        _refuse_empty(ctx)
        return rest


def _refuse_repeated(command: click.Command, ctx: click.Context, args: list[str]) -> None:
    """An option that takes one value given twice (-o a.docx -o b.docx): click would keep
    the last in silence, and the clerk would look for the first. Said before anything runs."""
    single: dict[str, click.Option] = {}
    for param in command.params:
        if isinstance(param, click.Option) and not param.multiple and not param.is_flag and not param.count:
            single.update({opt: param for opt in param.opts + param.secondary_opts})
    seen: dict[str, list[str]] = {}
    for arg in args:
        if arg == "--":
            break
        opt = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2] if arg.startswith("-") else ""
        param = single.get(opt)
        if param is not None:
            seen.setdefault(param.name, []).append(opt)
            if len(seen[param.name]) == 2:
                said = "和".join(f"“{o}”" for o in dict.fromkeys(seen[param.name]))
                raise click.UsageError(f"选项{said}给了两次，只能给一次。请删去多余的一个。", ctx)


# Parameters whose empty value has a message of its own (--org: “是空的”).
_OWN_EMPTY = {"org"}


def _refuse_empty(ctx: click.Context) -> None:
    """An empty name (drafter check "" or an unset "$F") or one of spaces only is a
    mistake wherever a file, folder or template is asked for: the path library would read
    "" as the current folder and check or overwrite what the user never named."""
    for param in ctx.command.params:
        value = ctx.params.get(param.name)
        values = value if isinstance(value, (tuple, list)) else (value,)
        if param.name in _OWN_EMPTY or not any(isinstance(v, str) and not v.strip() for v in values):
            continue
        if isinstance(param, click.Option):
            what = "/".join(f"“{o}”" for o in param.opts) + "后面给的名称"
        else:  # an argument, named as its usage line shows it (表单, 报告, 文件...)
            what = f"“{(param.metavar or '文件').strip('[].')}”"
        noun = "模板" if param.name in ("template", "name") else "文件或文件夹"
        raise click.UsageError(f"{what}是空的，找不到这样的{noun}（命令里的变量可能没有赋值）。请写出{noun}的名称。", ctx)


class _Group(click.Group):
    """Turns every DrafterError into a message and an exit code; never a traceback.

    Click's own usage errors are shown in Chinese (drafter/clickzh.py), and SIGTERM ends
    the run like an interrupt, so temporary files are cleaned up and outputs left whole."""

    command_class = _Command
    group_class = type
    context_class = _Context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    parse_args = _with_context(click.Group.parse_args)

    def main(self, *args, **kwargs):
        from drafter.cli import clickzh

        clickzh.install()
        kwargs["standalone_mode"] = False
        STOPPED.clear()  # this run's stops only (tests run many in one process)
        previous = _on_stop_signals()
        unraisable = sys.unraisablehook
        sys.unraisablehook = _quiet_unraisable(unraisable)
        try:
            code = super().main(*args, **kwargs)
            if STOPPED:  # a stop Python swallowed on the way: the run was stopped all the same
                _echo("已中止。", err=True)
                sys.exit(STOPPED[0])
        except click.ClickException as err:
            clickzh.show(err)
            sys.exit(err.exit_code)
        except click.Abort:
            _echo("已中止。", err=True)
            sys.exit(1)
        finally:
            _restore_signals(previous)
            sys.unraisablehook = unraisable
        if isinstance(code, int) and code:
            sys.exit(code)

    def invoke(self, ctx):
        try:
            try:
                return super().invoke(ctx)
            except Exception as err:
                code = _stopped_by(err)
                if code is None:
                    raise
                # a library's clean-up failed while a stop unwound it (zipfile: "Can't close
                # the ZIP file while there is an open writing handle"): the stop it is
                _echo("已中止。", err=True)
                sys.exit(code)
        except DrafterError as err:
            _fail(err)
        except BrokenPipeError:  # the reader of our output went away (| head): nothing to say
            try:
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the exit's flush does not fail again
            except OSError:
                pass
            sys.exit(0)
        except OSError as err:
            # The file system refused a path no check of ours foresaw (a name too long, a
            # link loop inside a folder): the path and the reason, in Chinese.
            from drafter.errors import InputFileError, os_reason
            from drafter.files.inputs import shown

            name = f"“{shown(err.filename)}”" if err.filename else "文件"
            _fail(InputFileError(f"无法访问{name}：{os_reason(err)}。", "请检查文件或文件夹的名称和路径。"))
        except KeyboardInterrupt:
            _echo("已中止。", err=True)
            sys.exit(130)


def _arg(path) -> str:
    """A file name in a command the clerk may paste: quoted for the shell when it holds spaces
    or other special characters (my form 2026.yaml → 'my form 2026.yaml')."""
    import shlex

    from drafter.files.inputs import shown

    text = shown(path)
    if text != str(path) or not re.search(r"[\s'\"\\$`;&|<>()\[\]*?!{}~#]", text):
        return text  # nothing the shell reads specially (普通.yaml stays as it is)
    return shlex.quote(text)


def _stopped_by(err: BaseException) -> int | None:
    """The exit code of the stop (Ctrl-C, or one of STOP_SIGNALS) ``err`` was raised while
    handling, if any: found among the exceptions it was raised during."""
    seen = 0
    cause: BaseException | None = err.__context__
    while cause is not None and seen < 20:
        if isinstance(cause, KeyboardInterrupt):
            return 130
        if isinstance(cause, SystemExit) and isinstance(cause.code, int) and cause.code > 128:
            return cause.code
        cause, seen = cause.__context__, seen + 1
    return None


# The stops that reached drafter's handlers in this run. A stop raised where Python only prints
# and ignores an exception (an import's lock callback) would be lost: the run checks this list
# when the command returns, and such an ignored stop is not printed (_quiet_unraisable).
STOPPED: list[int] = []


def _quiet_unraisable(previous):
    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, (KeyboardInterrupt, SystemExit)) and STOPPED:
            return  # our own stop, honoured when the command returns
        previous(unraisable)

    return hook


def _on_stop_signals() -> dict:
    """Each of STOP_SIGNALS raises SystemExit (Ctrl-C KeyboardInterrupt, as always), once
    no thread is between the renames of its outputs, so ``finally`` blocks remove temporary
    files and outputs stay whole. A signal someone chose to ignore (nohup ignores HUP) or to
    handle stays as it was. Returns the handlers replaced."""
    import signal
    import threading

    from drafter.files.writing import STOP_SIGNALS, renames_done

    if threading.current_thread() is not threading.main_thread():
        return {}

    def stop(signum, _frame):
        renames_done()
        STOPPED.append(128 + signum)
        raise SystemExit(128 + signum)

    def interrupt(_signum, _frame):
        renames_done()
        STOPPED.append(130)
        raise KeyboardInterrupt

    replaced = {}
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        replaced[signal.SIGINT] = signal.signal(signal.SIGINT, interrupt)
    for name in STOP_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            replaced[signum] = signal.signal(signum, stop)
    return replaced


def _restore_signals(previous: dict) -> None:
    import signal

    for signum, handler in previous.items():
        signal.signal(signum, handler)


@click.group("drafter", cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="drafter", message="drafter %(version)s", help="显示版本号并退出。")
def main() -> None:
    """法治政府建设年度报告起草助手：填写表单（.yaml 文件），生成符合 GB/T 9704 的 .docx 草稿。

    \b
    常用步骤：
      drafter init -o 2025.yaml          生成带说明的空白表单
      drafter validate 2025.yaml         检查表单
      drafter render 2025.yaml -o 报告.docx   生成报告
      drafter import 去年的报告.docx -o 2024.yaml   把已有报告转成表单
      drafter new 2026 --from 2025.yaml   由去年的表单或报告生成新一年的表单
      drafter check 报告.docx --last 去年.docx   检查报告：比率、必备部分、表述、标点
    """


@main.command(context_settings=CONTEXT)
@click.option(
    "--year", "-y", type=click.IntRange(2000, 2100), default=None, metavar="年度", help="报告年度（默认：上半年为去年，下半年为今年）。"
)
@click.option("--org", default=None, metavar="单位名称", help="报告单位全称，如“某某县人民政府”。")
@click.option("--output", "-o", type=_OutPath(dir_okay=False), default=None, metavar="文件", help="表单文件名（默认：<年度>.yaml）。")
@click.option("--force", is_flag=True, help="文件已存在时覆盖它。")
def init(year, org, output, force) -> None:
    """生成一份带完整说明的空白表单（.yaml 文件），以及供编辑器提示用的结构文件。"""
    from drafter.files.writing import refuse_existing, text_writer, write_all
    from drafter.form.blank import blank_form, default_year
    from drafter.model.catalogue import load_catalogue

    year = default_year() if year is None else year
    target = Path(output or f"{year}.yaml")
    _yaml_name(target)
    refuse_existing(target, force)
    text = blank_form(load_catalogue(), year, _org_name(org) if org is not None else None)
    write_all([(target, text_writer(text))] + _schema_beside(target, force))
    _echo(f"已生成表单：{shown(target)}")
    _echo(f"填好后运行：drafter validate {_arg(target)}，再运行 drafter render {_arg(target)} -o 报告.docx")


@main.command(context_settings=CONTEXT)
@click.argument("form", type=click.Path(dir_okay=False), metavar="表单")
@click.option(
    "--config",
    "-c",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="设置文件",
    help="设置文件（其中的“检查规则”一节可以关闭规则或改变级别）。",
)
def validate(form, config) -> None:
    """检查表单：找出所有错误并指出文件、行、列和字段，不生成报告。"""
    from drafter.check.table import rule_table
    from drafter.jobs.pipeline import build, load_form
    from drafter.typeset.layout import load_layout

    config = read_settings(config)  # once, for every reader of its sections
    table = rule_table(config)
    if config:
        load_layout(config)  # the layout part of the same file is checked too
    warnings = build(load_form(form), rules=table).warnings
    _warn(warnings)
    _echo(f"{form}：表单检查通过。" + (f"（有 {len(warnings)} 条提醒）" if warnings else ""))


def _org_name(org: str) -> str:
    """--org as the form's 单位 takes it: the checks of that field (form/validate.Validator.text),
    said of --org. A control character or a line break is refused; characters that show
    nothing are removed and said so (as a form's are); spaces beside Chinese go, as in the form."""
    from drafter.files.characters import INVISIBLE, invisible_name
    from drafter.files.xmltext import describe, first_invalid, quiet
    from drafter.form.headings import text_problem
    from drafter.form.spec import form_spec
    from drafter.form.validate import word_in
    from drafter.model.catalogue import load_catalogue
    from drafter.model.typography import close_spaces

    hint = "请只写单位全称，如 --org 某某县人民政府。"
    hidden = INVISIBLE.findall(org)
    at = first_invalid(quiet(org))
    if at is not None:
        raise DrafterError(f"--org 给出的单位名称含有{describe(quiet(org)[at])}。", hint)
    if any(ch in org for ch in "\n\r\v\f"):
        raise DrafterError("--org 给出的单位名称里有换行。", "单位名称只写一行；" + hint)
    name = close_spaces(quiet(org))
    longest = form_spec(load_catalogue()).fields["单位"].max_length  # what the form's 单位 takes
    if not name:
        raise DrafterError("--org 给出的单位名称是空的。", hint)
    if not word_in(name):
        raise DrafterError(f"--org 给出的单位名称“{name[:30]}”里没有一个字。", hint)
    if len(name) > longest:
        raise DrafterError(f"--org 给出的单位名称太长了（{len(name)} 个字，最多 {longest} 个）。", hint)
    if text_problem(name):  # as the form's 单位: its text is printed as written
        raise DrafterError(f"--org 给出的单位名称“{name[:30]}”里有大括号，会原样印进表单和报告，不会换成别的内容。", hint)
    if hidden:
        names = "、".join(dict.fromkeys(invisible_name(ch) for ch in hidden[:5]))
        _echo(f"提醒：--org 给出的单位名称里有 {len(hidden)} 个不可见字符：{names}，已删去，表单里写的是“{name}”。", err=True)
    return name


def _schema_beside(target: Path, force: bool) -> list:
    """The form's JSON Schema, written beside it with the form (all or none). An identical
    schema already there is left alone; a different one is replaced only with --force."""
    from drafter.files.writing import same_text, text_writer
    from drafter.form.schema import SCHEMA_NAME, schema_text
    from drafter.model.catalogue import load_catalogue

    path = target.parent / SCHEMA_NAME
    text = schema_text(load_catalogue())
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # a folder, a link or a device where the schema goes: never written over, --force or not
        what = "链接" if path.is_symlink() else "文件夹" if path.is_dir() else "特殊文件（不是普通文件）"
        raise DrafterError(
            f"“{path}”是一个{what}，表单的结构文件要写在这个名称上，没有写入。",
            f"请把这个{what}删去或改名后再试；表单的结构文件供编辑器提示用。",
        )
    if same_text(path, text):
        return []
    if path.exists() and not force:
        raise DrafterError(f"“{path}”已经存在，且与这一版 drafter 的表单结构不同，没有覆盖。", "加 --force 一并更新它，或先删去这个文件。")
    return [(path, text_writer(text))]


def _many(sources: list[str], output: str | None) -> bool:
    """Several inputs, a folder of them, or an output that names a folder (an existing one,
    or one written with a final “/”): then -o is the folder the outputs go into."""
    to_folder = output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    return len(sources) > 1 or Path(sources[0]).is_dir() or to_folder


def _out_folder(output: str | None) -> Path | None:
    if output is None:
        return None
    folder = Path(output)
    if folder.is_dir():  # an existing folder is written into, whatever its name (报告.docx/ included)
        return folder
    if folder.exists() and output.endswith(("/", os.sep)):
        raise DrafterError(
            f"-o 写的“{output}”末尾有“/”，是文件夹的写法，但“{folder}”是一个已有的文件。",
            "要写成一个文件，请写文件名（不带末尾的“/”）；要写进文件夹，请换一个文件夹名。",
        )
    if folder.exists():
        raise DrafterError(f"“{folder}”是文件；处理多个文件时 -o 应当是文件夹。", "请给出一个文件夹（没有时会自动建立）。")
    if folder.suffix.lower() in (".docx", ".yaml", ".yml"):
        raise DrafterError(
            f"“{folder}”是文件名的写法；处理多个文件时 -o 应当是文件夹。", "请给出一个文件夹（没有时会自动建立），如“输出/”。"
        )
    return folder


def _run_batch(jobs, job, label: str, head: tuple[str, str], done: str) -> None:
    """Run the jobs with a progress bar on long runs, each failure shown as it comes, and a
    summary table; exit 1 when any input could not be used (2 when it was the only one).
    Output folders are made here, once every target is known to be free of clashes."""
    from drafter.jobs.batch import run_all, summary

    for _source, target in jobs:
        target.parent.mkdir(parents=True, exist_ok=True)

    def report(outcome):
        if outcome.error is not None:
            _echo(f"\n{outcome.source}：未生成。\n{outcome.error.format()}", err=True)

    if len(jobs) >= 10:
        with click.progressbar(length=len(jobs), label=f"正在{label} {len(jobs)} 个文件", file=sys.stderr, show_pos=True) as bar:

            def step(outcome):
                report(outcome)
                bar.update(1)

            outcomes = run_all(jobs, job, step)
    else:
        outcomes = run_all(jobs, job, report)
    _echo(summary(outcomes, head, done))
    if any(o.error is not None for o in outcomes):
        # one input given (into a folder): it could not be used, as when -o names a file
        sys.exit(2 if len(outcomes) == 1 else 1)


@main.command(context_settings=CONTEXT)
@click.argument("forms", nargs=-1, required=True, type=click.Path(), metavar="表单...")
@click.option(
    "--output",
    "-o",
    type=_OutPath(),
    default=None,
    metavar="文件",
    help="输出的 .docx 文件（默认：与表单同名）；给了多个表单或文件夹时，是存放报告的文件夹。",
)
@click.option("--template", "-t", default=None, metavar="模板", help="模板：自带模板的名称，或自己的模板文件夹。")
@click.option(
    "--config",
    "-c",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="设置文件",
    help="版面设置文件（默认按 GB/T 9704，见 config.yaml）。",
)
@click.option("--markup", is_flag=True, help="同时输出模板生成的报告标记（.md），便于检查模板。")
@click.option("--force", is_flag=True, help="输出的 .docx 在 Word 或 WPS 中修改过时，仍然覆盖它。")
def render(forms, output, template, config, markup, force) -> None:
    """由表单生成 .docx 报告草稿。

    \b
    “表单”可以是一份或多份表单（.yaml），也可以是存放表单的文件夹：
      drafter render 2025.yaml -o 报告.docx
      drafter render 表单/ -o 报告/          每份表单生成一份同名的 .docx
    一次处理多份时，有错误的表单列出错误、不生成，其余照常生成，最后退出码为 1。
    drafter 生成后没有改动过的报告会直接更新；在 Word 或 WPS 中改过的报告不会被覆盖，除非加 --force。
    """
    from drafter.check.table import rule_table
    from drafter.files.inputs import FORM_SUFFIXES
    from drafter.jobs.batch import expand, targets
    from drafter.jobs.pipeline import render_file
    from drafter.typeset.layout import load_layout

    config = read_settings(config)  # once, for every reader of its sections
    table, lay = rule_table(config), load_layout(config)  # made once for every form

    def one(form: Path, out: Path):
        return render_file(form, out, template, config, layout=lay, rules=table, markup=markup, force=force)

    if not _many(forms, output):
        form = Path(forms[0])
        out = Path(output) if output else form.with_suffix(".docx")
        _suffix(out, (".docx",), "Word 文档", "处理多份表单时 -o 是文件夹。")
        result = one(form, out)
        _warn(result.warnings)
        _echo(f"已生成：{shown(out)}（约 {result.report.text_length()} 字）")
        return
    sources = expand(list(forms), FORM_SUFFIXES)
    if not sources:
        raise DrafterError(f"“{'、'.join(forms)}”里没有表单（.yaml）。", "请给出表单文件，或存放表单的文件夹。")
    jobs = list(zip(sources, targets(sources, _out_folder(output), lambda p: p.stem + ".docx")))

    def job(form: Path, out: Path) -> str:
        result = one(form, out)
        n = len(result.warnings)
        return f"约 {result.report.text_length()} 字" + (f"，{n} 条提醒" if n else "")

    _run_batch(jobs, job, "生成", ("表单", "报告"), "生成")


@main.command(context_settings=CONTEXT)
@click.argument("year", type=click.IntRange(2000, 2100), metavar="年度")
@click.option(
    "--from",
    "sources",
    multiple=True,
    required=True,
    type=click.Path(),
    metavar="文件",
    help="去年的表单（.yaml）或报告（.docx、.txt，装了 LibreOffice 时还有 .doc）；可以写多次，也可以是文件夹。",
)
@click.option(
    "--output",
    "-o",
    type=_OutPath(),
    default=None,
    metavar="文件",
    help="新表单的文件名（默认：去年的文件名中的年份换成新年度，放在同一文件夹）；有多个来源时，是存放新表单的文件夹。",
)
@click.option("--force", is_flag=True, help="文件已存在时覆盖它。")
def new(year, sources, output, force) -> None:
    """由去年的表单或报告生成新一年度的表单。

    \b
    报告会写出同比的去年数字放进“上年数据”（注明出处），其余的注明在“数据”下；今年的“数据”留空并注明上年的数字；
    去年的做法、问题作为注释保留；去年的“下一步”列为“去年安排”，逐项填写落实情况。
      drafter new 2026 --from 2025.yaml
      drafter new 2026 --from 去年的报告.docx -o 2026.yaml
      drafter new 2026 --from 各部门2025/ -o 各部门2026/
    """
    from drafter.files.writing import refuse_existing, text_writer, write_all
    from drafter.jobs.batch import expand, targets
    from drafter.jobs.checking import INPUT_SUFFIXES
    from drafter.jobs.newform import new_form, output_name

    def one(last: Path, target: Path) -> list[str]:
        refuse_existing(target, force)
        text, notes = new_form(last, year)
        write_all([(target, text_writer(text))] + _schema_beside(target, force))  # as init writes them
        return notes

    if not _many(sources, output):
        last = Path(sources[0])
        target = Path(output) if output else last.parent / output_name(last, year)
        _suffix(target, (".yaml", ".yml"), "表单", "有多个来源时 -o 是文件夹。")
        targets([last], target.parent, lambda _p: target.name)  # never the input itself
        for note in one(last, target):
            _echo(f"【提醒】{note}", err=True)
        _echo(f"已生成表单：{shown(target)}")
        _echo(f"填好今年的数据后运行：drafter validate {_arg(target)}，再运行 drafter render {_arg(target)}")
        return
    found = expand(list(sources), INPUT_SUFFIXES)
    if not found:
        raise DrafterError(f"“{'、'.join(sources)}”里没有表单或报告。", "请给出去年的 .yaml 表单或 .docx、.txt 报告，或存放它们的文件夹。")
    jobs = list(zip(found, targets(found, _out_folder(output), lambda p: output_name(p, year))))

    def job(last: Path, target: Path) -> str:
        notes = one(last, target)
        return "；".join(notes)

    _run_batch(jobs, job, "生成", ("去年的文件", "新表单"), "生成")


@main.command(context_settings=CONTEXT)
@click.argument("form", type=click.Path(dir_okay=False), metavar="表单")
@click.option("--output", "-o", type=_OutPath(dir_okay=False), default=None, metavar="文件", help="输出的 PDF 文件（默认：与表单同名）。")
@click.option("--png", is_flag=True, help="同时把每一页存成 PNG 图片（文件名后加 -1、-2……）。")
@click.option("--template", "-t", default=None, metavar="模板", help="模板：自带模板的名称，或自己的模板文件夹。")
@click.option("--config", "-c", type=click.Path(dir_okay=False), default=None, metavar="设置文件", help="版面设置文件。")
@click.option("--force", is_flag=True, help="PDF 或图片已存在时覆盖它们。")
def preview(form, output, png, template, config, force) -> None:
    """生成报告并用 LibreOffice 转成 PDF（可加 PNG 图片）预览版式。需要安装 LibreOffice。"""
    from drafter.check.table import rule_table
    from drafter.files.libreoffice import INSTALL_HINT, PreviewError, check_outputs, find_soffice, preview as run_preview
    from drafter.files.writing import check_suffix
    from drafter.jobs.pipeline import build, load_form
    from drafter.model.formulations import office_file
    from drafter.typeset.layout import load_layout
    from drafter.typeset.writer import typeset

    if find_soffice() is None:  # say so before doing any work
        raise PreviewError("没有找到 LibreOffice，无法生成预览。", INSTALL_HINT)
    out = Path(output) if output else Path(form).with_suffix(".pdf")
    check_suffix(out, (".pdf",), "PDF 文件")
    config = read_settings(config)  # once, for every reader of its sections
    inputs = [form, settings_file(config), office_file(config)]
    check_outputs([out], inputs, force)  # said before LibreOffice is started
    lay = load_layout(config)
    result = build(load_form(form), template, rule_table(config))
    _warn(result.warnings)
    doc = typeset(result.report, lay)
    pdf, pngs = run_preview(doc.save, out, png, force, inputs)
    _echo(f"已生成预览：{pdf}" + (f"，以及 {len(pngs)} 张图片" if pngs else ""))


@main.command(context_settings=CONTEXT)
@click.option(
    "--output", "-o", type=_OutPath(dir_okay=False), default=None, metavar="文件", help="结构文件名（默认：drafter-form.schema.json）。"
)
@click.option("--force", is_flag=True, help="文件已存在且内容不同时覆盖它。")
def schema(output, force) -> None:
    """输出表单的 JSON Schema，供 VS Code 等编辑器做自动补全和悬停说明。"""
    from drafter.errors import OutputError
    from drafter.files.writing import check_suffix, check_target, refuse_existing, same_text, write_text_atomic
    from drafter.form.schema import SCHEMA_NAME, schema_text
    from drafter.model.catalogue import load_catalogue

    target = Path(output or SCHEMA_NAME)
    if output is None and target.is_dir():  # the default name taken by a folder: another name, not a file in it
        raise OutputError(
            f"“{target}”是一个文件夹，结构文件默认写在这个名称上，没有写入。",
            "请用 -o 另给一个 .json 文件名（如 -o 表单结构.json），或把这个文件夹改名后再试。",
        )
    check_suffix(target, (".json",), "表单的结构（JSON 文本）")
    if os.path.lexists(target) and not target.is_file():
        check_target(target)  # a pipe or a device is refused before anything reads it (it would never end)
    text = schema_text(load_catalogue())
    if not same_text(target, text):
        refuse_existing(target, force)
        write_text_atomic(target, text)
    _echo(f"已生成：{shown(target)}")


def _analyse(report: str):
    from drafter.model.catalogue import load_catalogue
    from drafter.reading.analysis import Analysis
    from drafter.reading.parser import parse_report

    return Analysis(parse_report(report), load_catalogue())


@main.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(), metavar="文件...")
@click.option(
    "--last",
    "-l",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="文件",
    help="去年的表单或报告：核对去年提出的下一步安排是否落实、同比数字是否算对。",
)
@click.option(
    "--year",
    "-y",
    type=click.IntRange(2000, 2100),
    default=None,
    metavar="年度",
    help="报告年度（报告里看不出年度时使用；给出时以它为准）。",
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出发现的问题（供程序和表格使用）。")
@click.option(
    "--config",
    "-c",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="设置文件",
    help="设置文件（其中的“检查规则”一节可以关闭规则或改变级别）。",
)
@click.option("--template", "-t", default=None, metavar="模板", help="检查表单时使用的模板（默认：自带模板）。")
def check(files, last, year, as_json, config, template) -> None:
    """检查表单或报告：比率与件数、必备部分、政治表述、标点数字、成文日期、去年的承诺。

    \b
    “文件”可以是表单（.yaml）、报告（.docx、.txt，装了 LibreOffice 时还有 .doc），
    也可以是文件夹（检查其中所有的报告和表单，最后列出汇总表）。
    退出码：0 没有错误；1 有错误；2 输入无法使用。
    """
    from drafter.check.table import rule_table
    from drafter.errors import InputFileError
    from drafter.files.inputs import json_printable
    from drafter.jobs.checking import check_file, input_files, load_document
    from drafter.jobs.findings_text import as_json as findings_json, counts, document_text, summary_table
    from drafter.model.catalogue import load_catalogue

    config = read_settings(config)  # once, for every reader of its sections
    table = rule_table(config)
    if config:
        from drafter.typeset.layout import load_layout

        load_layout(config)  # the layout part of the same file is checked too
    paths = input_files(list(files))
    if not paths:
        raise InputFileError(f"“{'、'.join(files)}”里没有报告或表单。", "请给出 .yaml 表单或 .docx、.txt、.doc 报告，或存放它们的文件夹。")
    last_doc = load_document(last, load_catalogue(), template=template, formulas=table.formulas) if last else None
    results, rows, failed = [], [], 0
    many = len(paths) > 1

    def one(path):
        nonlocal failed
        try:
            doc, found = check_file(path, table, year, last_doc, template)
        except DrafterError as err:
            if not many:
                raise
            failed += 1
            _echo(f"{path}：无法检查。\n{err.format()}", err=True)
            rows.append((str(path), None, None, "无法检查"))
            return
        results.append((doc, found))
        e, r = counts(found)
        rows.append((str(path), e, r, ""))
        if not as_json:
            kind = "表单" if doc.kind == "表单" else "报告"
            about = f"{kind}，{doc.year}年度" if doc.year else kind
            _echo(document_text(str(path), found, about) + "\n")

    if len(paths) >= 10:
        with click.progressbar(paths, label=f"正在检查 {len(paths)} 个文件", file=sys.stderr, show_pos=True) as bar:
            for path in bar:
                one(path)
    else:
        for path in paths:
            one(path)
    every = [f for _, found in results for f in found]
    if as_json:
        _echo(json_printable(findings_json(every)))
    elif many:
        _echo(summary_table(rows))
    if failed:
        sys.exit(2)
    sys.exit(1 if counts(every)[0] else 0)


@main.command(context_settings=CONTEXT)
@click.argument("report", type=click.Path(dir_okay=False), metavar="报告")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出完整的结构（供程序使用）。")
def parse(report, as_json) -> None:
    """显示程序如何理解一份已有报告：层级、标题、角色、主题和数字。"""
    a = _analyse(report)
    if as_json:
        import json

        from drafter.files.inputs import json_printable

        _echo(json_printable(json.dumps(a.as_dict(), ensure_ascii=False, indent=2)))
    else:
        _echo(a.outline_text())


@main.command(context_settings=CONTEXT)
@click.argument("folder", type=click.Path(file_okay=False, exists=False), metavar="文件夹")
@click.option(
    "--output",
    "-o",
    type=_OutPath(dir_okay=False),
    default="outline.yaml",
    metavar="文件",
    show_default=True,
    help="挖掘结果（.yaml 文件）。",
)
@click.option("--force", is_flag=True, help="文件已存在时覆盖它。")
def mine(folder, output, force) -> None:
    """从一批已有报告（.txt/.docx/.doc）中挖掘常见的大纲：部分、主题、标题和指标。"""
    import datetime as dt

    import yaml

    from drafter.errors import InputFileError
    from drafter.files.writing import check_target, refuse_existing, refuse_inputs, write_text_atomic
    from drafter.model.catalogue import load_catalogue
    from drafter.reading.mine import mine as run_mine, report_files

    if not Path(folder).is_dir():
        raise InputFileError(f"找不到文件夹“{folder}”。", "请给出存放报告的文件夹。")
    files = report_files(folder)
    if not files:
        raise InputFileError(f"文件夹“{folder}”里没有 .txt、.docx 或 .doc 报告。")
    target = Path(output)
    _yaml_name(target)
    refuse_inputs([target], files)
    refuse_existing(target, force)
    check_target(target)  # a missing folder, a folder or pipe in the way: said before any report is read
    cat = load_catalogue()
    skipped = []  # (file, error): reported after the progress bar, mining goes on
    with click.progressbar(length=len(files), label=f"正在读取 {len(files)} 份报告", file=sys.stderr, show_pos=True) as bar:
        outline = run_mine(files, cat, progress=lambda _path: bar.update(1), on_error=lambda path, err: skipped.append((path, err)))
    for path, err in skipped:
        _echo(f"{path}：【已跳过】{err.message}" + (f"\n    修改建议：{err.hint}" if err.hint else ""), err=True)
    read = outline["报告数"]
    if not read:
        raise InputFileError(f"文件夹“{folder}”里的 {len(files)} 个文件都无法读取，没有生成大纲。", "请按上面列出的原因逐个处理后再试。")
    head = (
        f"# 由 drafter mine 于 {dt.date.today():%Y-%m-%d} 从“{folder}”中的 {read} 份报告挖掘。\n"
        "# 主题和指标的名称与 drafter 的大纲目录一致（drafter init 生成的表单里可以看到）；“未分类”列出没能归入目录主题的小节。\n"
    )
    write_text_atomic(output, head + yaml.safe_dump(outline, allow_unicode=True, sort_keys=False, width=4096))
    _echo(
        f"已生成：{shown(output)}（{read} 份报告，{outline['字数']} 字）"
        + (f"；跳过了 {len(skipped)} 个无法读取的文件，见上面的说明。" if skipped else "")
    )


def _yaml_name(target: Path) -> None:
    """A form or outline is written only under a .yaml name: a typo such as -o 报告.docx
    would otherwise put YAML where a Word file is expected."""
    _suffix(target, (".yaml", ".yml"), "表单或数据文件")


def _suffix(target: Path, suffixes: tuple[str, ...], what: str, more: str = "") -> None:
    """The output's name fits what the command writes (drafter.files.writing.check_suffix); ``more``
    adds to the hint."""
    from drafter.errors import OutputError
    from drafter.files.writing import check_suffix

    try:
        check_suffix(target, suffixes, what)
    except OutputError as err:
        raise OutputError(err.message, err.hint + more) from None


@main.command("import", context_settings=CONTEXT)
@click.argument("report", type=click.Path(dir_okay=False), metavar="报告")
@click.option(
    "--output", "-o", type=_OutPath(dir_okay=False), default=None, metavar="文件", help="表单文件名（默认：与报告同名的 .yaml）。"
)
@click.option("--force", is_flag=True, help="文件已存在时覆盖它。")
def import_(report, output, force) -> None:
    """把一份已有报告转成表单（.yaml 文件），用它可以重新生成同样的报告。"""
    from drafter.files.inputs import shown
    from drafter.files.writing import refuse_existing, refuse_inputs, text_writer, write_all
    from drafter.reading.importer import import_form

    target = Path(output) if output else Path(report).with_suffix(".yaml")
    _yaml_name(target)
    refuse_inputs([target], [report])
    refuse_existing(target, force)
    from drafter.reading.importer import check_importable

    a = _analyse(report)
    check_importable(a.report, shown(report))
    text, notes = import_form(a, shown(Path(report).name))
    write_all([(target, text_writer(text))] + _schema_beside(target, force))
    for note in notes:
        _echo(f"【提醒】{note}", err=True)
    _echo(f"已生成表单：{shown(target)}")


@main.group(context_settings=CONTEXT)
def templates() -> None:
    """查看自带的模板，或复制一份出来修改。"""


@templates.command("list")
@click.argument("folder", required=False, type=click.Path(file_okay=False), metavar="[文件夹]")
def templates_list(folder) -> None:
    """列出自带的模板；给出自己的模板文件夹时，列出它改了哪些文件、哪些用自带的。"""
    from drafter.files.resources import builtin_templates
    from drafter.jobs.pipeline import ENTRY

    if folder is None:
        for path in sorted(builtin_templates().iterdir()):
            if (path / ENTRY).is_file():
                files = [p for p in path.rglob("*") if p.is_file() and p.suffix in (".j2", ".yaml")]
                _echo(f"{path.name}（{len(files)} 个文件）：{path}")
        return
    from drafter.jobs.templatelayers import layers, misspelt, unreadable
    from drafter.render.phrases import PHRASE_FILE

    found = layers(Path(folder))
    for title, names in (
        ("改动了", found.changed),
        ("新增了", found.added),
        ("与自带的相同", found.same),
        ("用自带的（随 drafter 升级）", found.inherited),
    ):
        if names:
            _echo(f"{title}（{len(names)} 个）：")
            for name in names:
                themes = ""
                near = misspelt(name) if title == "新增了" else None
                if near:
                    themes = f"（drafter 不会自己用它：是不是“{near}”？）"
                if name == PHRASE_FILE and title == "改动了":
                    themes = (
                        "（整个文件与自带的不同）"
                        if found.phrases == ["（整个文件）"]
                        else f"（改了主题：{'、'.join(found.phrases)}；其余主题用自带的）"
                    )
                why = unreadable(Path(folder) / name) if title != "用自带的（随 drafter 升级）" else ""
                if why:  # a pipe, a folder, a link out of the folder: render refuses it
                    themes = f"（{why}，drafter 使用它时会报错）"
                _echo(f"  {name}{themes}")


@templates.command("copy")
@click.argument("name", default="default", metavar="模板名称")
@click.argument("dest", type=click.Path(file_okay=False), metavar="文件夹")
@click.argument("files", nargs=-1, metavar="[文件...]")
def templates_copy(name, dest, files) -> None:
    """复制模板：整个复制到新文件夹，或只复制要改的几个文件。

    不写文件名时，把自带模板（或自己的模板文件夹）整个复制到一个新文件夹。写了文件名时（如 句式.yaml），
    只复制这几个文件，其余文件用自带的，drafter 升级时随之更新。改写数字句子的说法只需复制 句式.yaml；
    要用模板语法单独写一个主题，复制 themes/主题名.md.j2（如 themes/普法.md.j2）。
    修改后用 drafter render 表单.yaml --template 文件夹 使用。
    """
    from drafter.jobs.templatecopy import copy_files, copy_template

    if files:
        written = copy_files(name, Path(dest), list(files))
        _echo(f"已复制 {len(written)} 个文件到：{dest}（其余文件用自带的）。修改后运行 drafter render 表单.yaml --template {_arg(dest)}")
        return
    copy_template(name, Path(dest))
    _echo(f"已复制到：{dest}。修改后运行 drafter render 表单.yaml --template {_arg(dest)}")


@templates.command("diff")
@click.argument("folder", type=click.Path(file_okay=False), metavar="文件夹")
def templates_diff(folder) -> None:
    """逐个文件显示自己的模板文件夹相对于自带模板的改动。"""
    from drafter.jobs.templatelayers import diff_text

    _echo(diff_text(Path(folder)), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
