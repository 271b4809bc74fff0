"""The command line. User errors (DrafterError) become one message in Chinese and exit 2.

Heavy modules are imported inside the commands that need them, so ``drafter render``
loads only what rendering uses.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from drafter.errors import DrafterError
from drafter.files.config import read_settings
from drafter.files.inputs import shown

CONTEXT = {"help_option_names": ["-h", "--help"]}


def _echo(message: str = "", **kwargs) -> None:
    """Every line drafter prints, with what a terminal must not get (the raw bytes or
    controls a file name may hold) shown as “?”. When the reader of the output has gone
    (drafter render 表单 | head -1), the rest is not printed but the work goes on, and the
    run ends with the code its results call for — never a success it did not have."""
    from drafter.files.inputs import printable

    try:
        click.echo(printable(message) if isinstance(message, str) else message, **kwargs)
    except BrokenPipeError:
        try:
            devnull = open(os.devnull, "w")  # noqa: SIM115 - stands for the closed stream until the run ends
        except OSError:
            return
        if kwargs.get("err"):
            sys.stderr = devnull
        else:
            sys.stdout = devnull


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
    for option in command.params:
        if isinstance(option, click.Option) and not option.multiple and not option.is_flag and not option.count:
            single.update({opt: option for opt in option.opts + option.secondary_opts})
    takes_value = {
        opt
        for option in command.params
        if isinstance(option, click.Option) and not option.is_flag and not option.count
        for opt in option.opts + option.secondary_opts
    }
    seen: dict[str, list[str]] = {}
    value_next = False
    for arg in args:
        if value_next:  # -o -o.docx: the value of the option before it, a file's name
            value_next = False
            continue
        if arg == "--":
            break
        opt = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2] if arg.startswith("-") else ""
        value_next = arg in takes_value  # written apart from its value (-o x, not -ox or --out=x)
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
    """A file name in a command the clerk may paste (files.inputs.shell_word)."""
    from drafter.files.inputs import shell_word

    return shell_word(path)


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
    STOPPED.clear()  # the stops of the run these handlers are installed for

    # a second stop while the first is being carried out (Ctrl-C pressed twice) is not
    # another: it would break off the clean-up the first one started
    def stop(signum, _frame):
        if STOPPED:
            return
        renames_done()
        STOPPED.append(128 + signum)
        raise SystemExit(128 + signum)

    def interrupt(_signum, _frame):
        if STOPPED:
            return
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


def _config_option(help_text: str):
    """--config/-c: the settings file (layout, check rules, formulas), read once by the job."""
    return click.option("--config", "-c", type=click.Path(dir_okay=False), default=None, metavar="设置文件", help=help_text)


def _template_option(help_text: str = "模板：自带模板的名称，或自己的模板文件夹。"):
    """--template/-t: a built-in template's name or the clerk's own template folder."""
    return click.option("--template", "-t", default=None, metavar="模板", help=help_text)


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
    from drafter.form.blank import default_year
    from drafter.jobs.forms import org_name, write_blank_form

    year = default_year() if year is None else year
    target = Path(output or f"{year}.yaml")
    name, notice = org_name(org) if org is not None else (None, None)
    if notice:
        _echo(notice, err=True)
    write_blank_form(year, name, target, force)
    _echo(f"已生成表单：{shown(target)}")
    _echo(f"填好后运行：drafter validate {_arg(target)}，再运行 drafter render {_arg(target)} -o 报告.docx")


@main.command(context_settings=CONTEXT)
@click.argument("form", type=click.Path(dir_okay=False), metavar="表单")
@_config_option("设置文件（其中的“检查规则”一节可以关闭规则或改变级别）。")
def validate(form, config) -> None:
    """检查表单：找出所有错误并指出文件、行、列和字段，不生成报告。"""
    from drafter.jobs.pipeline import validate_file

    warnings = validate_file(form, config)
    _warn(warnings)
    _echo(f"{form}：表单检查通过。" + (f"（有 {len(warnings)} 条提醒）" if warnings else ""))


def _run_batch(jobs, job, label: str, head: tuple[str, str], done: str) -> None:
    """Run the jobs with a progress bar on long runs, each failure shown as it comes, and a
    summary table; exit 1 when any input could not be used (2 when it was the only one).
    Output folders are made here, once every target is known to be free of clashes."""
    from drafter.jobs.batch import exit_code, make_folders, run_all, summary

    make_folders([target for _source, target in jobs])

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
    code = exit_code(outcomes)
    if code:
        sys.exit(code)


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
@_template_option()
@_config_option("版面设置文件（默认按 GB/T 9704，见 config.yaml）。")
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
    from drafter.jobs.outputs import many, out_folder, require_suffix
    from drafter.jobs.pipeline import render_file
    from drafter.typeset.layout import load_layout

    config = read_settings(config)  # once, for every reader of its sections
    table, lay = rule_table(config), load_layout(config)  # made once for every form

    def one(form: Path, out: Path):
        return render_file(form, out, template, config, layout=lay, rules=table, markup=markup, force=force)

    if not many(forms, output):
        form = Path(forms[0])
        out = Path(output) if output else form.with_suffix(".docx")
        require_suffix(out, (".docx",), "Word 文档", "处理多份表单时 -o 是文件夹。")
        result = one(form, out)
        _warn(result.warnings)
        _echo(f"已生成：{shown(out)}（约 {result.report.text_length()} 字）")
        return
    sources = expand(list(forms), FORM_SUFFIXES)
    if not sources:
        raise DrafterError(f"“{'、'.join(forms)}”里没有表单（.yaml）。", "请给出表单文件，或存放表单的文件夹。")
    jobs = list(zip(sources, targets(sources, out_folder(output), lambda p: p.stem + ".docx")))

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
    from drafter.jobs.batch import expand, targets
    from drafter.jobs.checking import INPUT_SUFFIXES
    from drafter.jobs.forms import write_new_form
    from drafter.jobs.newform import output_name
    from drafter.jobs.outputs import many, out_folder, require_suffix

    if not many(sources, output):
        last = Path(sources[0])
        target = Path(output) if output else last.parent / output_name(last, year)
        require_suffix(target, (".yaml", ".yml"), "表单", "有多个来源时 -o 是文件夹。")
        targets([last], target.parent, lambda _p: target.name)  # never the input itself
        for note in write_new_form(last, year, target, force):
            _echo(f"【提醒】{note}", err=True)
        _echo(f"已生成表单：{shown(target)}")
        _echo(f"填好今年的数据后运行：drafter validate {_arg(target)}，再运行 drafter render {_arg(target)}")
        return
    found = expand(list(sources), INPUT_SUFFIXES)
    if not found:
        raise DrafterError(f"“{'、'.join(sources)}”里没有表单或报告。", "请给出去年的 .yaml 表单或 .docx、.txt 报告，或存放它们的文件夹。")
    jobs = list(zip(found, targets(found, out_folder(output), lambda p: output_name(p, year))))

    def job(last: Path, target: Path) -> str:
        return "；".join(write_new_form(last, year, target, force))

    _run_batch(jobs, job, "生成", ("去年的文件", "新表单"), "生成")


@main.command(context_settings=CONTEXT)
@click.argument("form", type=click.Path(dir_okay=False), metavar="表单")
@click.option("--output", "-o", type=_OutPath(dir_okay=False), default=None, metavar="文件", help="输出的 PDF 文件（默认：与表单同名）。")
@click.option("--png", is_flag=True, help="同时把每一页存成 PNG 图片（文件名后加 -1、-2……）。")
@_template_option()
@_config_option("版面设置文件。")
@click.option("--force", is_flag=True, help="PDF 或图片已存在时覆盖它们。")
def preview(form, output, png, template, config, force) -> None:
    """生成报告并用 LibreOffice 转成 PDF（可加 PNG 图片）预览版式。需要安装 LibreOffice。"""
    from drafter.jobs.pipeline import preview_file

    pdf, pngs, warnings = preview_file(form, output, png, template, config, force, _warn)
    _echo(f"已生成预览：{pdf}" + (f"，以及 {len(pngs)} 张图片" if pngs else ""))


@main.command(context_settings=CONTEXT)
@click.option(
    "--output", "-o", type=_OutPath(dir_okay=False), default=None, metavar="文件", help="结构文件名（默认：drafter-form.schema.json）。"
)
@click.option("--force", is_flag=True, help="文件已存在且内容不同时覆盖它。")
def schema(output, force) -> None:
    """输出表单的 JSON Schema，供 VS Code 等编辑器做自动补全和悬停说明。"""
    from drafter.jobs.forms import write_schema

    _echo(f"已生成：{shown(write_schema(output, force))}")


def _analyse(report: str | Path):
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
@_config_option("设置文件（其中的“检查规则”一节可以关闭规则或改变级别）。")
@_template_option("检查表单时使用的模板（默认：自带模板）。")
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
    from drafter.jobs.checking import check_exit_code, check_file, input_files, load_document
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
    sys.exit(check_exit_code(failed, every))


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
    from drafter.jobs.forms import write_outline

    skipped: list = []  # (file, error): reported after the progress bar, mining goes on
    bars: list = []

    def counting(n: int):
        bar = click.progressbar(length=n, label=f"正在读取 {n} 份报告", file=sys.stderr, show_pos=True)
        bars.append(bar.__enter__())
        return lambda _path: bar.update(1)

    try:
        outline = write_outline(folder, Path(output), force, counting, lambda path, err: skipped.append((path, err)))
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)
        for path, err in skipped:
            _echo(f"{path}：【已跳过】{err.message}" + (f"\n    修改建议：{err.hint}" if err.hint else ""), err=True)
    _echo(
        f"已生成：{shown(output)}（{outline['报告数']} 份报告，{outline['字数']} 字）"
        + (f"；跳过了 {len(skipped)} 个无法读取的文件，见上面的说明。" if skipped else "")
    )


@main.command("import", context_settings=CONTEXT)
@click.argument("report", type=click.Path(dir_okay=False), metavar="报告")
@click.option(
    "--output", "-o", type=_OutPath(dir_okay=False), default=None, metavar="文件", help="表单文件名（默认：与报告同名的 .yaml）。"
)
@click.option("--force", is_flag=True, help="文件已存在时覆盖它。")
def import_(report, output, force) -> None:
    """把一份已有报告转成表单（.yaml 文件），用它可以重新生成同样的报告。"""
    from drafter.jobs.forms import write_imported_form

    target = Path(output) if output else Path(report).with_suffix(".yaml")
    for note in write_imported_form(Path(report), target, force, _analyse):
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
