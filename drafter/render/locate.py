"""A template's mistake placed where the clerk can mend it: the template file and line it
came from (a built-in template's line the clerk's one led to named beside it), the line
quoted, in Chinese."""

from __future__ import annotations

import os
import re

import jinja2

from drafter.errors import DrafterError, TemplateError, TemplateProblems, Where
from drafter.files.patterns import lazy_re
from drafter.files.resources import builtin_templates
from drafter.model.markup import strip_marks
from drafter.render import limits, messages
from drafter.render.apart import sentence_at
from drafter.render.jinja_hooks import raw_template_line, template_frame
from drafter.render.loader import SHARED_THEME, TEMPLATE_SUFFIX, FolderLoader, shown_name
from drafter.render.rendered import LINE_BREAK, Rendered
from drafter.render.writers import says_words, written_at


def _relative(filename: str | None, env) -> str | None:
    return shown_name(filename, env.loader)


def located(err: Exception, tb, env, entry: str) -> TemplateError:
    """``err`` as a TemplateError in Chinese at the template file and line it came from."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        source = _source(env, err.name)
        message, hint, line = messages.syntax(err, env, source)
        # Jinja's lexer names some errors (an unclosed {# or {% raw %}) by the file's full
        # path in ``name``, with no ``filename``: shown as the clerk gave the folder all the same
        path = err.filename or (err.name if err.name and os.path.isabs(err.name) else None)
        return quoting(TemplateError(message, hint, Where(_relative(path, env) or err.name, line)), path)
    if isinstance(err, TemplateProblems):
        return err
    own = env.loader.folder if isinstance(env.loader, FolderLoader) else None
    cause = err.__context__
    if isinstance(err, TypeError) and isinstance(cause, (limits.RenderTimeout, DrafterError)) and _in_jinja_debug(tb):
        # the limit struck where the generated code had no line (inside one long step): Jinja
        # failed rewriting its traceback; the limit is the mistake, found in the raw frames
        err, tb = cause, cause.__traceback__
        file, line = raw_template_line(tb)
        inner, inner_line = None, None
    else:
        file, line, inner, inner_line = template_frame(tb, own)
    if isinstance(err, DrafterError) and err.where.file:  # a template file that cannot be read
        by = _relative(file, env)
        cited = f"（用到它的是 {by}:{line}）" if by and line and by != err.where.file else ""
        return TemplateError(err.message, err.hint + cited, err.where)
    path = file or _entry_file(env, entry)
    where = Where(_relative(path, env), line)
    if isinstance(err, DrafterError):
        return quoting(TemplateError(err.message, err.hint + _inside(inner, inner_line, file, env, err), where), path)
    if isinstance(err, jinja2.TemplateNotFound):
        message, hint = messages.not_found(err.name, env.loader.folder)
    elif isinstance(err, jinja2.UndefinedError):
        message, hint = messages.undefined(err, getattr(env, "report_names", frozenset()))
    elif isinstance(err, jinja2.exceptions.SecurityError):
        message, hint = messages.security(err)
    elif isinstance(err, limits.RenderTimeout):
        limit = limits.timeout_error()
        message, hint = limit.message, limit.hint
        if not line:  # while the template was compiled or loaded: no line of it ran yet
            hint = "模板太大或太复杂，编译用完了时间：请检查是否误把内容复制了很多遍，或把它拆成几个文件。"
    else:
        message, hint = messages.runtime(err, _line_of(path, line))
    return quoting(TemplateError(message, hint + _inside(inner, inner_line, file, env, err), where), path)


def _in_jinja_debug(tb) -> bool:
    """The exception was raised by Jinja's own traceback rewriting (jinja2/debug.py and the
    environment's handle_exception it is called from)."""
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    return last is not None and "jinja2" in last.tb_frame.f_code.co_filename


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


def quoting(error: TemplateError, path: str | None) -> TemplateError:
    """The error with its template line quoted in the hint, so the clerk sees what is meant
    (not when the line cannot be read, or is empty)."""
    text = _line_of(path, error.where.line)
    if not text:
        return error
    shown = text if len(text) <= 60 else text[:60] + "……"
    return TemplateError(error.message, f"{as_written(error.hint, text)}（第 {error.where.line} 行是：{shown}）", error.where)


_NAMED_IN_HINT = lazy_re(r"(?<![\w.])x\.([\w\u4e00-\u9fff]+)")


def as_written(hint: str, line: str) -> str:
    """A fix that writes a figure as ``x.名称`` (x.行政处罚.同比) in the words the template line
    uses for it (执法.行政处罚.同比, t.数据.执法办案.行政处罚.同比): a clerk's template has no x."""
    for name in dict.fromkeys(_NAMED_IN_HINT.findall(hint)):
        m = re.search(
            r"([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*(?:\.[\w\u4e00-\u9fff]+)*)\." + re.escape(name) + r"(?![\w\u4e00-\u9fff])", line
        )
        if m:
            written = f"{m.group(1)}.{name}"
            hint = re.sub(r"(?<![\w.])x\." + re.escape(name) + r"(?![\w\u4e00-\u9fff])", written.replace("\\", "\\\\"), hint)
    if _NAMED_IN_HINT.search(hint):
        hint += "（x 指模板里这个数据前面的部分，如 t.数据.行政复议）"
    return hint


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


def shipped(path: str | None) -> bool:
    """Is ``path`` a file of the templates drafter ships (which the clerk does not edit)?"""
    root = str(builtin_templates().resolve())
    return bool(path) and os.path.abspath(str(path)).startswith(root + os.sep)


def in_output(err: TemplateError, output: Rendered, at: int) -> TemplateError:
    """A mistake at offset ``at`` of a render's output, said at the template line whose own
    words write its sentence (a macro's output where the macro says it, not where it is
    printed); else at the line that wrote the output line (in_template)."""
    start, end = sentence_at(output, at)
    sentence = strip_marks(output[start : end + 1])
    place, sure = written_at(sentence, output.files)
    if not sure:  # one phrase item may hold clauses a ；joins (纠错{纠错}；…；合计{受理}): the whole sentence
        whole = strip_marks(output[_sentence_start(output, at) : end + 1])
        if whole != sentence and (across := written_at(whole, output.files))[1]:
            place, sure = across
    origin = output.origin(err.where.line)
    if place and origin and not shipped(origin[2]) and any(name == place[0] and ships for name, _, ships in output.files):
        place = None  # a built-in line sharing its words, when the clerk's own file wrote the line
    if place and not sure and origin and not _says_any(output, origin, sentence):
        sure = True  # the line that printed it says none of its words (a macro's caller): the one that does
    if place and sure:
        file, line = place
        text = next((t for name, t, _ in output.files if name == file), "").split("\n")
        shown = text[line - 1].strip() if line <= len(text) else ""
        cited = f"（第 {line} 行是：{shown if len(shown) <= 60 else shown[:60] + '……'}）" if shown else ""
        return TemplateError(err.message, as_written(err.hint, shown) + cited, Where(file, line))
    return in_template(err, output)


_THEME_LEVEL = lazy_re(r"^\s*(#{1,2})(?!#)\s*(\S.*)$")  # a part's (#) or a theme's (##) heading


def theme_level_heading(output: Rendered) -> TemplateError | None:
    """A heading a clerk's theme template (themes/主题.md.j2) writes at a part's or a theme's
    own level: the report would take it for another theme (or part), and what follows it
    there, the theme's measures too, would stand under it. Said at the template line."""
    from drafter.model.catalogue import load_catalogue

    themes = load_catalogue().themes
    lines = LINE_BREAK.split(output)
    for n, raw in enumerate(lines, 1):
        m = _THEME_LEVEL.match(strip_marks(raw))
        if m is None:
            continue
        origin = output.origin(n)
        if origin is None or shipped(origin[2]) or not _theme_file(origin[2], themes):
            continue
        level, heading = m.group(1), m.group(2).strip()
        if level == "##" and _under_a_part(output, lines, n, themes):
            continue  # a theme right under its part (第一责任人): ## is its sub-heading's level
        what = "一级标题（和“成效”这样的部分同级）" if level == "#" else "二级标题（和主题的标题同级）"
        return quoting(
            TemplateError(
                f"主题模板写出的标题“{heading}”是{what}，报告里它会成为另一个{'部分' if level == '#' else '主题'}，"
                "这个主题的做法和后面的内容都会排到它下面。",
                f"主题模板里的小标题请写成“### {heading}”（比主题的标题低一级）；要另写一个主题，请在表单的“成效”里加一项。",
                Where(origin[0], origin[1]),
            ),
            origin[2],
        )
    return None


def _under_a_part(output: Rendered, lines: list[str], n: int, themes) -> bool:
    """Does the theme whose template wrote output line ``n`` (of ``lines``) stand right under a
    part (#), with no heading of its own (第一责任人)? The nearest heading before it not written
    by a theme template says."""
    for k in range(n - 1, 0, -1):
        m = _HEADING_LINE.match(strip_marks(lines[k - 1]))
        if m is None:
            continue
        origin = output.origin(k)
        if origin is not None and not shipped(origin[2]) and _theme_file(origin[2], themes):
            continue  # the theme template's own sub-headings
        return m.group(1) == "#"
    return False


_HEADING_LINE = lazy_re(r"^\s*(#{1,4})(?!#)\s*\S")


def _theme_file(path: str, themes) -> bool:
    """Is ``path`` a theme template (themes/矛盾纠纷化解.md.j2: a theme's key in a themes folder)?"""
    folder, name = os.path.split(os.path.normpath(path))
    if os.path.basename(folder) != "themes" or not name.endswith(TEMPLATE_SUFFIX):
        return False
    return name[: -len(TEMPLATE_SUFFIX)] in themes or f"themes/{name}" == SHARED_THEME  # (通用: every theme's)


def _says_any(output: Rendered, origin: tuple, sentence: str) -> bool:
    """Does the template line ``origin`` (file, line, path) print words of its own in ``sentence``?"""
    text = next((t for name, t, _ in output.files if name == origin[0]), None)
    if text is None:
        return True  # not known: as if it did
    lines = text.split("\n")
    return origin[1] is None or origin[1] > len(lines) or says_words(lines[origin[1] - 1], sentence)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset ``at`` starts, across any ；(only 。！？ and line breaks end it)."""
    return max(text.rfind(c, 0, at) for c in "。！？\n") + 1


def in_template(err: TemplateError, output: Rendered | str) -> TemplateError:
    """A mistake ``parse_markup`` found at a line of ``output`` (a Rendered), placed at the
    template file and line that wrote it; as it was when that is not known."""
    if not isinstance(output, Rendered):
        return err
    origin = output.origin(err.where.line)
    if not origin or not origin[0]:
        return err
    file, line, path = origin
    hint = err.hint
    previous = err.previous
    if "级标题前面缺少" in err.message and previous and previous[1].lstrip().startswith("# ") and not shipped(path):
        from drafter.model.catalogue import load_catalogue

        if _theme_file(path, load_catalogue().themes):
            # ### from a theme template under a part with no theme headings (第一责任人)
            said = hint.find("（模板输出的这一行是")  # (the output line the parser noted stays)
            hint = (
                f"这个主题直接排在部分标题“{previous[1].lstrip('# ')[:20]}”下面，没有主题自己的标题，"
                "主题模板在这里写的小标题要用“##”；同一个模板也写别的主题时，请按主题分开写"
                "（第一责任人这样直接排在部分标题下面的用“##”，其他主题用“###”）。"
            ) + (hint[said:] if said >= 0 else "")
    before = output.origin(previous[0]) if previous else None
    if previous and before:
        if previous[1].startswith("@") and shipped(path) and not shipped(before[2]):
            # two @署名, the clerk's and the built-in template's: said at the clerk's line
            hint += f"（另一个{previous[1][:30]}是 {file}:{line} 写出的）"
            return quoting(TemplateError(err.message, hint, Where(before[0], before[1])), before[2])
        what = previous[1][:30] if previous[1].startswith("@") else f"标题“{previous[1][:30]}”"
        hint += f"（前一个{what}是 {before[0]}:{before[1]} 写出的）"
    return quoting(TemplateError(err.message, hint, Where(file, line)), path)
