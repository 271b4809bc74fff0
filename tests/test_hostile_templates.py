"""Templates cannot hurt the machine, read files outside their folder, or turn a clerk's text
into markup (issue 10).

Each attempt goes through the command line: either exit 2 with a Chinese message naming the
template file and line (no traceback, no English, the existing output untouched, no
temporary file left), or exit 0 with a .docx that parses and reopens. The attempts that
could take minutes or gigabytes run in a subprocess with a timeout and a memory cap, so a
regression fails the test instead of stopping the machine.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree

from drafter.cli.commands import main
from drafter.errors import TemplateError
from drafter.model.markup import OPEN, CLOSE, literal, parse_markup, readable_markup
from drafter.jobs.pipeline import build
from drafter.render.templates import render_markup, render_template
from drafter.files.resources import builtin_templates
from drafter.files.yamlsource import load_text
from hostile_cases import copy_default, with_line

from conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

# ASCII words a message may contain: template syntax, names of drafter's filters and
# commands, file names. Anything else would be English leaking from an exception.
ALLOWED = set("""
if elif else for set include import from macro call with filter block extends end endif endfor endset
endmacro endwith endblock endcall endfilter README drafter templates copy default Word UTF range num
percent rate yoy points cn cn_date enumerate_cn full_stop markup join length is string number defined
format_map x Y m d tpl report md j2 themes docx yaml Jinja
""".split())
MEMORY_CAP = 1_500_000_000


def english(text: str, *names: str) -> set[str]:
    """ASCII words in ``text`` that are neither allowed nor the template's own ``names``."""
    text = re.sub(r"U\+[0-9A-F]{4,6}", "", text)  # a character's code point
    text = re.sub(r"（第 \d+ 行是：.*）$", "", text, flags=re.M)  # the template's own line, quoted
    return set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", text)) - ALLOWED - set(names)


def old_output(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "out.docx"
    out.write_bytes(b"OLD")
    return out


def invoke(runner, *args):
    result = runner.invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def assert_refused(code: int, output: str, out: Path, place: str, *names: str) -> None:
    """Exit 2, a Chinese message at ``place`` (file:line), no English, output untouched."""
    assert code == 2, output
    assert place in output, output
    assert "【错误】" in output and "Traceback" not in output
    assert not english(output.replace(str(out.parent.parent), ""), *names), output
    assert out.read_bytes() == b"OLD"
    assert [p.name for p in out.parent.iterdir()] == ["out.docx"]


def assert_good_docx(path: Path) -> docx.Document:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))
    return docx.Document(str(path))


def _cap() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_capped(*args, seconds: int = 3, thread: bool = False, timeout: int = 60) -> tuple[int, str]:
    """drafter in a subprocess with a memory cap and a timeout (a hang fails the test), the
    render time limit set to ``seconds``; with ``thread`` the CLI runs off the main thread."""
    script = (
        "import sys, threading\n"
        "import drafter.render.limits as limits\n"
        f"limits.MAX_SECONDS = {seconds}\n"
        "from drafter.cli.commands import main\n"
        "sys.argv = ['drafter'] + sys.argv[1:]\n"
        "codes = []\n"
        "def run():\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as e:\n"
        "        codes.append(e.code)\n"
        f"if {thread}:\n"
        "    t = threading.Thread(target=run); t.start(); t.join()\n"
        "else:\n"
        "    run()\n"
        "sys.exit(codes[0] if codes else 0)\n")
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_cap, env=dict(os.environ))
    return done.returncode, done.stdout + done.stderr


# -- a clerk's text is never markup -----------------------------------------------------------

HOSTILE = ["@标题 伪造", "@盖章", "# 插入", "\\反斜杠", "## 一、插入", "@附注 伪造", "@未知 指令", "#### 四级"]


from drafter.model.typography import close_spaces  # noqa: E402


def hostile_form(minimal: dict, text: str) -> dict:
    form = copy.deepcopy(minimal)
    form["单位"] = text
    form["其他"] = [text, "第二段"]
    form["问题"][0]["表现"] = text
    form["成效"][0]["做法"][0]["内容"] = text
    return form


def styles(document) -> list[str]:
    return [p.style.name for p in document.paragraphs]


@pytest.mark.parametrize("text", HOSTILE)
def test_form_text_that_looks_like_markup_stays_text(runner, tmp_path, write_form, minimal, text):
    plain = tmp_path / "plain.docx"
    assert invoke(runner, "render", write_form(hostile_form(minimal, "普通文字"), "p.yaml"), "-o", plain)[0] == 0
    out = tmp_path / "hostile.docx"
    code, output = invoke(runner, "render", write_form(hostile_form(minimal, text), "h.yaml"), "-o", out)
    assert code == 0, output
    document, expected = assert_good_docx(out), assert_good_docx(plain)
    assert styles(document) == styles(expected)  # same headings, same signature layout (no seal)
    text = close_spaces(text)  # as every form text: no space beside a Chinese character
    assert document.paragraphs[0].text.replace("\n", "") == f"{text}关于2025年度法治政府建设情况的报告"
    bodies = [p.text for p in document.paragraphs if p.style.name == "公文正文"]
    assert text in bodies  # 其他: a paragraph of its own, verbatim
    assert any(p.endswith("。" + text) for p in bodies)  # 做法 内容 after its run-in heading
    result = build(load_text(yaml.safe_dump(hostile_form(minimal, text), allow_unicode=True), "h.yaml"))
    assert not result.report.sealed and result.report.notes == []


def test_imported_report_lines_that_look_like_markup_stay_text(runner, tmp_path):
    rendered = tmp_path / "ex.docx"
    assert invoke(runner, "render", EXAMPLE, "-o", rendered)[0] == 0
    lines = [p.text.replace("\n", "") for p in docx.Document(str(rendered)).paragraphs if p.text.strip()]
    at = next(i for i, line in enumerate(lines) if line.startswith("一、")) + 2
    injected = ["@标题 伪造的标题", "@盖章", "# 插入的标题"]
    for name, body in (("plain", lines), ("hostile", lines[:at] + injected + lines[at:])):
        (tmp_path / f"{name}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
        assert invoke(runner, "import", tmp_path / f"{name}.txt", "-o", tmp_path / f"{name}.yaml")[0] == 0
        code, output = invoke(runner, "render", tmp_path / f"{name}.yaml", "-o", tmp_path / f"{name}.docx", "--markup")
        assert code == 0, output
    document, plain = assert_good_docx(tmp_path / "hostile.docx"), docx.Document(str(tmp_path / "plain.docx"))
    injected = [close_spaces(t) for t in injected]  # as every form text: no space beside a Chinese character
    assert document.paragraphs[0].text == plain.paragraphs[0].text
    assert [p.style.name for p in document.paragraphs if p.text not in injected] == styles(plain)
    assert [p.text for p in document.paragraphs if p.text in injected] == injected
    assert [p.style.name for p in document.paragraphs if p.text in injected] == ["公文正文"] * 3
    md = (tmp_path / "hostile.md").read_text(encoding="utf-8")
    assert "\\@标题伪造的标题\n\\@盖章\n\\#插入的标题\n" in md and OPEN not in md and CLOSE not in md


def test_markup_filter_and_macros_are_the_templates_own_markup(runner, tmp_path, write_form, minimal):
    folder, _ = with_line(tmp_path, '{% macro h() %}# 宏里的标题{% endmacro %}'
                                    '{{ h() }}\n{{ "## 过滤器标记的标题" | markup }}\n{{ "# 只是文字" }}')
    out = tmp_path / "o.docx"
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert code == 0, output
    texts = [(p.style.name, p.text) for p in assert_good_docx(out).paragraphs]
    assert ("公文正文", "# 只是文字") in texts
    assert not any("宏里的标题" in t and s == "公文正文" for s, t in texts)
    assert any(t.endswith("宏里的标题") for s, t in texts) and any(t.endswith("过滤器标记的标题") for s, t in texts)


@pytest.mark.parametrize("value", ["@标题 x", "  # x", "\\x", "#x", "普通", "@盖章", "a\n# b", "## 一、x"])
@pytest.mark.parametrize("line", ["{v}", "## {v}", "#{v}", "@标题 {v}", "\\{v}", "前{v}"])
def test_readable_markup_reads_as_the_marked_markup(value, line):
    marked = "# 一\n" + line.format(v=literal(value)) + "\n正文"
    readable = readable_markup(marked)
    assert OPEN not in readable and CLOSE not in readable
    assert _outcome(readable) == _outcome(marked)


def _tree(report) -> tuple:
    return (report.title, report.sealed, report.notes,
            [(s.level, s.heading, s.run_in, [p.text for p in s.paragraphs]) for s in report.walk()],
            [p.text for p in report.opening])


def _outcome(text: str) -> tuple:
    try:
        return _tree(parse_markup(text))
    except TemplateError as err:
        return ("错误", err.message, err.where.line)


def test_default_template_markup_is_unchanged_by_the_marks(example_data):
    from drafter.model.catalogue import load_catalogue
    from drafter.form.validate import validate
    from drafter.render.variables import build_context

    data, _ = validate(load_text(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE)), load_catalogue())
    context = build_context(data, load_catalogue())
    folder = builtin_templates() / "default"
    marked = render_template(folder, "report.md.j2", context)
    readable = render_markup(folder, "report.md.j2", context)
    assert readable == marked.replace(OPEN, "").replace(CLOSE, "")  # no line needed escaping
    assert _outcome(readable) == _outcome(marked)


# -- limits (in a capped subprocess) ------------------------------------------------------------

LIMITS = [
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ lipsum(10**6) }}",
    "{{ 'x' * 10**9 }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '%*d' % (10**9, 1) }}",
    "{{ '{:0999999999}'.format(1) }}",
    "{{ '{:{}}'.format(1, 10**9) }}",
    "{{ '%.999999999f' | format(1) }}",
    "{% for a in range(10**5) %}{% for b in range(10**5) %}x{% endfor %}{% endfor %}",
    "{% for a in range(10**5) %}{% for b in range(10**5) %}{% endfor %}{% endfor %}",
    "{% set x %}{% for a in range(10**5) %}{% for b in range(10**5) %}xx{% endfor %}{% endfor %}{% endset %}",
    "{% macro m() %}{% for a in range(10**5) %}{{ 'x' * 1000 }}{% endfor %}{% endmacro %}"
    "{% set y %}{% for i in range(100) %}{{ m() }}{% endfor %}{% endset %}",
    "{{ [1] * 10**9 }}",
    "{% for x in 成效 * 100000 %}{% endfor %}",
    "{{ 10 ** (10**10) }}",
    "{{ 'x' | center(10**9) }}",
    "{{ 'x' | indent(10**9) }}",
    "{{ 'ab' | replace('', 'x' * 10**6) }}",
    "{{ [1] | batch(10**9, 'x') }}",
    "{{ ('x' * 10**5).join(['y'] * 10**5) }}",
    "{{ (1).to_bytes(10**9, 'big') }}",
    "{{ 成文日期.strftime('%0999999999Y') }}",
    "{% set a = 'x' * 2000000 %}{{ a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a~a }}",
    "{% set a = 'x' * 2000000 %}{% set b = [a,a,a,a,a,a,a,a,a,a] %}{% set c = [b,b,b,b,b,b,b,b,b,b] %}"
    "{% set d = [c,c,c,c,c,c,c,c,c,c] %}{{ d }}",
    "{% set a = 'x' * 2000000 %}{% set b = [a,a,a,a,a,a,a,a,a,a] %}{% set c = [b,b,b,b,b,b,b,b,b,b] %}"
    "{% set d = [c,c,c,c,c,c,c,c,c,c] %}{{ {}[d] }}",
    "{% set a = 'x' * 2000000 %}{% set b = [a,a,a,a,a,a,a,a,a,a] %}{{ b | map('string') | join }}",
    "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ f('x', 40) }}",
    # a tuple doubled forty times: hashing or printing it runs in C, where no timer reaches
    "{% macro d(s, n) %}{% if n %}{% set t = (s, s) %}{{ d(t, n-1) }}{% else %}{{ {s: 1} }}{% endif %}"
    "{% endmacro %}{{ d('x', 40) }}",
    "{% macro d(s, n) %}{% if n %}{{ d([s, s], n-1) }}{% else %}{{ s | unique | list }}{% endif %}"
    "{% endmacro %}{{ d('x', 40) }}",
    # work Jinja would do while compiling (constant folding), out of the time limit's reach
    "{{ ('..........'|replace('.', '..........')|replace('.', '..........')|replace('.', '..........')"
    "|replace('.', '..........') ~ 'a.')|urlize|length }}",
    # the same built with dict() and its methods, then compared, sorted or hashed
    "{% macro d(s, t, n) %}{% if n %}{{ d(dict(a=s, b=s), dict(a=t, b=t), n-1) }}{% else %}{{ s == t }}{% endif %}"
    "{% endmacro %}{{ d('x', 'x', 40) }}",
    "{% macro d(s, n) %}{% if n %}{{ d(dict.fromkeys(['a', 'b'], s), n-1) }}{% else %}{{ s == s }}{% endif %}"
    "{% endmacro %}{{ d('x', 40) }}",
    "{% macro d(s, n) %}{% if n %}{{ d(dict(a=s, b=s).values() | list, n-1) }}{% else %}{{ s | sort }}{% endif %}"
    "{% endmacro %}{{ d('x', 40) }}",
    "{% macro d(s, n) %}{% if n %}{{ d(dict.fromkeys(dict(a=s).values(), s).items() | first, n-1) }}{% else %}"
    "{{ s | string | length }}{% endif %}{% endmacro %}{{ d('x', 40) }}",
    # output whose reading and typesetting would take long: many lines
    "{{ ('# x\\n' * 400000) | markup }}",
]


@pytest.mark.parametrize("attack", LIMITS)
def test_costly_templates_are_stopped(tmp_path, write_form, minimal, attack):
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = run_capped("render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：", "lipsum")


@pytest.mark.parametrize("thread", [False, True])
def test_long_work_that_prints_nothing_is_stopped_by_the_time_limit(tmp_path, write_form, minimal, thread):
    # no {% for %} turn to count: the work is inside the filters (millions of calls)
    folder, line = with_line(tmp_path, "{{ range(100000)" + "|map('abs')" * 60 + "|list|length }}")
    out = old_output(tmp_path)
    code, output = run_capped("render", write_form(minimal), "-t", folder, "-o", out, seconds=1, thread=thread)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：")
    assert "1 秒" in output


@pytest.mark.parametrize("attack", [
    "{{ 'x' * 10 }}{{ '%5d' % 3 }}{{ '{:>5}'.format('a') }}{{ 2 ** 10 }}{{ ([1, 2] + [3]) | join('、') }}{{ 'a' ~ 'b' }}",
    "{% for i in range(3) %}{{ i }}{% endfor %}{{ 'x' | center(9) }}{{ ['a', 'b'] | join('、') }}",
    "{{ '%s，%s' | format('甲', '乙') }}{{ 成文日期.strftime('%Y') }}{{ 'a\tb'.expandtabs(4) }}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ n }}{% endif %}{% endmacro %}{{ f(5) }}",
])
def test_ordinary_template_code_still_works(runner, tmp_path, write_form, minimal, attack):
    folder, _ = with_line(tmp_path, attack)
    out = tmp_path / "o.docx"
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert code == 0, output
    assert_good_docx(out)


@pytest.mark.parametrize("attack, words", [
    ("{{ 1" + "0" * 4301 + " }}", "特别长的数字"),
    ("{{ 第一责任人.数据 }}", "不是可以写进报告的文字"),
    ("{{ 成效[0] }}", "不是可以写进报告的文字"),
    ("{% macro m(a, a) %}{% endmacro %}", "写了两次"),
    ("{{ 成效[0].标题 ~ joiner(a=1, a=2)() }}", "写了两次"),
    ("{% include 成效 %}", "后面要写模板文件名"),
    ("{{ ('nan' | float) | num }}", "不是一个有限的数"),
])
def test_template_mistakes_are_named_at_their_line(runner, tmp_path, write_form, minimal, attack, words):
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：", words)
    assert "object at 0x" not in output


def test_a_template_folder_name_too_long_is_refused(runner, tmp_path, write_form, minimal):
    code, output = invoke(runner, "render", write_form(minimal), "-t", tmp_path / ("x" * 5000), "-o", tmp_path / "o.docx")
    assert code == 2 and "找不到模板" in output and "Traceback" not in output


# -- recursion and nesting ------------------------------------------------------------------------

@pytest.mark.parametrize("attack, names", [
    ("{% include 'report.md.j2' %}", ()),
    ("{% import 'report.md.j2' as again with context %}", ("again",)),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", ("f", "n")),
    ("{% for x in [[1]] recursive %}{{ loop([[x]]) }}{% endfor %}", ("loop",)),
    ("{% if 1 %}" * 3000 + "x" + "{% endif %}" * 3000, ()),
    ("".join("{%% for a%d in [1] %%}" % i for i in range(25)) + "x" + "{% endfor %}" * 25, ()),
    ("{{ " + "(" * 300 + "1" + ")" * 300 + " }}", ()),
])
def test_recursion_and_deep_nesting_are_refused(runner, tmp_path, write_form, minimal, attack, names):
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：", *names)


# -- filters and helpers given the wrong kind of value --------------------------------------------

@pytest.mark.parametrize("attack, name", [
    ("{{ 单位 | num }}", "num"),
    ("{{ 'abc' | percent }}", "percent"),
    ("{{ 1 | rate(0) }}", "rate"),
    ("{{ 'x' | cn }}", "cn"),
    ("{{ (10**30) | cn }}", "cn"),
    ("{{ (10**30) | num }}", "num"),
    ("{{ (1e308 * 10) | yoy(1) }}", "yoy"),
    ("{{ 1 | yoy(1e-300) }}", "yoy"),
    ("{{ ((单位[:0] ~ 'nan') | float) | points(0.5) }}", "points"),
    ("{{ 0.5 | percent(10**9) }}", "percent"),
    ("{{ 1 | cn_date }}", "cn_date"),
    ("{{ 单位 | enumerate_cn }}", "enumerate_cn"),
    ("{{ [1, 2] | full_stop }}", "full_stop"),
    ("{{ 成效[0].数据.行政复议.纠错率.精度(10**9) }}", "精度"),
    ("{{ 项(5, 1) }}", "项"),
    ("{{ 项('{}{}', 1) }}", "项"),
    ("{{ 项('{', 1) }}", "项"),
    ("{{ 句([1, 2]) }}", "句"),
    ("{{ range('a') }}", "range"),
    ("{{ nope | num }}", "nope"),
])
def test_filters_refuse_wrong_values_in_chinese(runner, tmp_path, write_form, minimal, attack, name):
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：", "nope", "abc")
    assert name in output


# -- Jinja's own errors, in Chinese -----------------------------------------------------------------

@pytest.mark.parametrize("attack, words, names", [
    ("{{ 单味 }}", "没有定义的名字“单味”", ()),
    ("{{ 单位.长度 }}", "“长度”", ()),
    ("{{ [1][5] }}", "第 5 项", ()),
    ("{% foo %}", "{% foo %}", ("foo",)),
    ("{{ a b }}", "应当是", ("a", "b")),
    ("{{ }}", "语法错误", ()),
    ("{{ (1 }}", "括号", ()),
    ("{{ x | nosuch }}", "nosuch", ("nosuch",)),
    ("{% if 1 is nosuch %}{% endif %}", "nosuch", ("nosuch",)),
    ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}", "参数“a”", ("a",)),
    ("{{ 1 / 0 }}", "除以 0", ()),
    ("{{ 1 + 'a' }}", "数据类型", ("a",)),
    ("{{ [] | first }}", "空", ()),
    ("{% include 'nope.md.j2' %}", "nope.md.j2", ("nope",)),
])
def test_template_errors_are_said_in_chinese(runner, tmp_path, write_form, minimal, attack, words, names):
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：", *names)
    assert words in output


def test_a_missing_end_inside_another_block_points_at_the_block_left_open(runner, tmp_path, write_form, minimal):
    """Deleting an {% endfor %} of the default template (inside its {% if 正文 %}…{% else %}):
    the error names the {% for %} left open, at its line, not the {% endif %} that trips."""
    folder = copy_default(tmp_path)
    report = folder / "report.md.j2"
    lines = report.read_text(encoding="utf-8").split("\n")
    end = next(i for i, text in enumerate(lines) if text.strip() == "{% endfor %}")
    opened = next(i for i in range(end, -1, -1) if lines[i].startswith("{% for")) + 1
    del lines[end]
    report.write_text("\n".join(lines), encoding="utf-8")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{opened}：")
    assert f"第 {opened} 行的“{{% for %}}”没有对应的“{{% endfor %}}”" in output


def test_an_unclosed_tag_is_pointed_at_where_it_opens(runner, tmp_path, write_form, minimal):
    folder, line = with_line(tmp_path, "{% if 单位 %}")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：")
    assert "{% endif %}" in output


def test_error_in_a_theme_file_names_that_file(runner, tmp_path, write_form, minimal):
    folder = copy_default(tmp_path)
    theme = folder / "themes" / "矛盾纠纷化解.md.j2"
    theme.write_text("{{ 'x' * 10**9 }}\n{{ 数据句子(t) }}\n", encoding="utf-8")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, "tpl/themes/矛盾纠纷化解.md.j2:1：")


# -- escaping the sandbox ------------------------------------------------------------------------------

@pytest.mark.parametrize("attack, names", [
    ("{{ 单位.__class__ }}", ("__class__",)),
    ("{{ 单位.__class__.__mro__[1].__subclasses__() }}", ("__class__",)),
    ("{{ 项.__globals__ }}", ("__globals__",)),
    ("{{ 成效[0].__init__.__globals__ }}", ("__init__", "__globals__")),
    ("{{ '{0.__class__}'.format(单位) }}", ("__class__",)),
    ("{{ '{a.__class__.__mro__}'.format_map({'a': 1}) }}", ("a", "__class__", "__mro__")),
    ("{{ 单位 | attr('__class__') }}", ("__class__",)),
    ("{{ ('{0.__class__}' | attr('format'))(1) }}", ("__class__",)),
    ("{{ ('{0.__class__}'['format'])(1) }}", ("__class__",)),
    ("{{ self._TemplateReference__context }}", ("_TemplateReference__context",)),
    ("{{ cycler.__init__.__globals__ }}", ("__init__", "cycler")),
    ("{{ joiner }}{{ namespace }}", ("joiner",)),
    ("{{ 项('{0.__class__.__mro__[1].__subclasses__}', 1) }}", ("__class__", "__mro__", "__subclasses__")),
    ("{{ 项('{0!r:>{1}}', 1, 2) }}", ("r",)),
    ("{{ 其他.append(1) }}", ("append",)),
    ("{% include '../../etc/passwd' %}", ("etc", "passwd")),
    ("{% include '/etc/passwd' %}", ("etc", "passwd")),
    ("{% include 'themes/../../../etc/passwd' %}", ("etc", "passwd")),
])
def test_sandbox_escapes_are_refused(runner, tmp_path, write_form, minimal, attack, names):
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：", *names)
    assert "root:" not in output and "<class" not in output


# -- template files ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["/etc/passwd", "folder"])
def test_a_theme_linked_outside_the_folder_is_refused(runner, tmp_path, write_form, minimal, target):
    folder = copy_default(tmp_path)
    theme = folder / "themes" / "矛盾纠纷化解.md.j2"
    secret = tmp_path / "secret.md.j2"
    secret.write_text("机密内容\n", encoding="utf-8")
    if target == "folder":
        (folder / "themes" / "outside").symlink_to(tmp_path, target_is_directory=True)
        theme.write_text("{% include 'themes/outside/secret.md.j2' %}\n", encoding="utf-8")
        place = "tpl/themes/outside/secret.md.j2："
    else:
        theme.symlink_to(target)
        place = "tpl/themes/矛盾纠纷化解.md.j2："
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, place, "outside", "secret")
    assert "root:" not in output and "机密" not in output


def test_a_template_file_not_in_utf8_is_named(runner, tmp_path, write_form, minimal):
    folder = copy_default(tmp_path)
    (folder / "themes" / "矛盾纠纷化解.md.j2").write_bytes("第一行\n第二行".encode("gbk"))
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, "tpl/themes/矛盾纠纷化解.md.j2:1：")
    assert "UTF-8" in output


@pytest.mark.parametrize("attack, place", [
    ("{{ '\\x01' }}", "{line}："),
    ("{{ '\\ue000# 伪造' }}", "{line}："),
    ("前\x01后", "{line}:2："),
    ("{{ ('\\x0b' | markup) }}", "{line}："),
])
def test_characters_a_docx_cannot_hold_are_refused(runner, tmp_path, write_form, minimal, attack, place):
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, "tpl/report.md.j2:" + place.format(line=line))
    assert "U+" in output


def test_a_huge_template_file_is_refused(runner, tmp_path, write_form, minimal):
    folder = copy_default(tmp_path)
    (folder / "themes" / "矛盾纠纷化解.md.j2").write_text("x" * 2_000_000, encoding="utf-8")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, "tpl/themes/矛盾纠纷化解.md.j2：")


def test_markup_parser_refuses_invalid_characters_with_the_line():
    with pytest.raises(TemplateError) as info:
        parse_markup("# 标题\n正文\x0c续", "t.md")
    assert info.value.where.line == 2 and "U+000C" in info.value.message


def test_an_empty_template_is_named_not_the_form(runner, tmp_path, write_form, minimal):
    folder = copy_default(tmp_path)
    (folder / "report.md.j2").write_text("{# 什么也不输出 #}\n", encoding="utf-8")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, "tpl/report.md.j2：", "report")
    assert "没有生成任何内容" in output


@pytest.mark.parametrize("attack, words", [
    ('{{ "收到{{ 单位 }}件" }}', ("引号里的“{{ 单位 }}”不会换成数据",)),
    ("{% set x = '{% if 单位 %}甲{% endif %}' %}{{ x }}", ("引号里的“{% if 单位 %}”",)),
    ("{% filter attr('__class__') %}x{% endfilter %}", ("__class__",)),
    ("{% filter list %}甲乙{% endfilter %}", ("一组数据",)),
    ("{{ 主要成效 }}", ("一组数据", "join")),
    ("{{ {'甲': 1} }}", ("一组数据",)),
    ('{{ 成效 | join("，") }}', ("用 join 连接的每一项",)),
    ("{{ 句(成效[0]) }}", ("句() 的每一部分",)),
    ("{{ '主题' ~ 成效[0] }}", ("用 ~ 连接的",)),
    ("{{ 成效 | enumerate_cn }}", ("enumerate_cn",)),
    ("{{ 盖章 }}", ("真假值",)),
    ("{{ 项('特此{}', 特此报告) }}", ("真假值",)),
    ("{{ 部分标题.keys() }}", ("不是可以写进报告的文字",)),
    ("{{ 主要成效 | string }}", ("过滤器 string",)),
    ("{{ '%s' % 主要成效 }}", ("填进 % 格式的",)),
    ("{{ '{}'.format(成效) }}", ("填进 format 的",)),
    ("{{ '%s' | format(成效) }}", ("填进 format 的",)),
    ("{% for x in [1] %}{{ loop }}{% endfor %}", ("不是可以写进报告的文字",)),
    ("{{ 成效 | map(attribute='键') }}", ("不是可以写进报告的文字",)),
    ("{{ range(3) }}{{ 项 }}{{ self }}", ("不是可以写进报告的文字",)),
    ("{{ 主要成效 | tojson }}", ("不存在的过滤器",)),
], ids=["value-in-quotes", "tag-in-quotes", "filter-block-attr", "filter-block-list", "list", "dict", "join-themes",
        "sentence-of-theme", "tilde-theme", "enumerate-themes", "bool", "bool-in-item", "keys", "string-filter",
        "percent", "format-method", "format-filter", "loop", "generator", "range-function-self", "tojson"])
def test_template_mistakes_that_would_print_garbage_are_located(runner, tmp_path, write_form, minimal, attack, words):
    """Text a clerk meant as a tag but wrote in quotes, a list or mapping printed as Python
    writes it, a {% filter %} block's result: refused at their line, never printed."""
    folder, line = with_line(tmp_path, attack)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：", "__class__", "attr", "list", "raw", "endraw", "x",
                   "tojson", "enumerate_cn", "string", "format", "loop", "map", "attribute", "self", "keys")
    for word in words:
        assert word in output, output


def test_a_level_skipped_after_a_clerks_heading_names_that_heading(runner, tmp_path, write_form, minimal):
    folder = tmp_path / "tpl"
    (folder / "themes").mkdir(parents=True)
    (folder / "themes" / "矛盾纠纷化解.md.j2").write_text("{{ 数据句子(t) }}\n# 复议工作\n", encoding="utf-8")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    # (since round 61 the clerk's heading is said as what it is, at its own line, with the fix)
    assert code == 2 and "tpl/themes/矛盾纠纷化解.md.j2:2" in output and "“复议工作”是一级标题" in output, output
    assert "### 复议工作" in output


def test_a_line_with_text_that_ends_in_a_tag_keeps_its_line_break(runner, tmp_path, write_form, minimal):
    """要点如下：{% endif %} at a line's end does not pull the next line onto it; a line of
    tags only leaves no blank line."""
    folder, _ = with_line(tmp_path, "{% if 单位 %}要点如下：{% endif %}\n{% if 单位 %}{% endif %}\n正文{# 注 #}")
    out = tmp_path / "o.docx"
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert code == 0, output
    texts = [p.text for p in assert_good_docx(out).paragraphs]
    at = texts.index("要点如下：")
    assert texts[at + 1] == "正文" and texts[at + 2].startswith("2025年，测试县人民政府"), texts[at:at + 3]


def test_text_like_values_still_print(runner, tmp_path, write_form, minimal):
    folder, _ = with_line(tmp_path, "{{ 成效 | join('、', attribute='键') }}|{{ 成文日期 }}|{{ 年度 ~ '年' }}|"
                                     "{{ '%s件' % 3 }}|{{ '{}件'.format(4) }}|{{ [1, 2] | join('、') }}")
    out = tmp_path / "o.docx"
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert code == 0, output
    assert any(p.text.startswith("矛盾纠纷化解|2026年2月6日|2025年|3件|4件|1、2")
               for p in assert_good_docx(out).paragraphs)


def test_a_brace_written_in_an_item_pattern_never_reaches_the_report(runner, tmp_path, write_form, minimal):
    """{{申请}} in a 项() pattern writes a brace itself (never a tag): the report holds no brace,
    so it is refused at that line (round 37)."""
    folder, line = with_line(tmp_path, '{{ 项("收到{{申请}}{}", 成效[0].数据.行政复议.受理) }}')
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/report.md.j2:{line}：")
    assert "报告里不能有大括号" in output


@pytest.mark.parametrize("text", ["@署名 ｛｛ 署名 ｝｝", "## { 单位 }}", "本单位{单位}在{年度}年", "{ { 单位 } }",
                                  "全年收到{收到申请.带同比}", "{% raw %}{{ 单位 }}{% endraw %}"])
def test_braces_in_the_templates_own_text_are_refused(runner, tmp_path, write_form, minimal, text):
    folder, line = with_line(tmp_path, text)
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, "tpl/report.md.j2:", "raw", "endraw")
    assert "大括号写得不对" in output or "报告里不能有大括号" in output
    if "raw" not in text:
        assert f"tpl/report.md.j2:{line}：" in output  # (a raw block's text is credited to the line before)


def test_a_link_out_of_the_folder_names_the_line_that_includes_it(runner, tmp_path, write_form, minimal):
    folder, line = with_line(tmp_path, '{% include "themes/外链.md.j2" %}')
    (folder / "themes" / "外链.md.j2").symlink_to("/etc/passwd")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, "tpl/themes/外链.md.j2：", "passwd", "etc")
    assert f"（用到它的是 tpl/report.md.j2:{line}）" in output


@pytest.mark.parametrize("files, place, quoted", [
    ({"report.md.j2": '@标题 {{ 单位 }}\n## {{ "甲" }}。乙\n'}, "tpl/report.md.j2:2：", "## 甲。乙"),
    ({"report.md.j2": '@标题 {{ 单位 }}\n{% if 单位 %}\n\n{% endif %}\n{# 说明 #}\n{% for x in [1, 2] %}\n'
                      '{% if x == 2 %}\n@未知 {{ x }}\n{% endif %}\n{% endfor %}\n'}, "tpl/report.md.j2:8：", "@未知 2"),
    ({"report.md.j2": '@标题 {{ 单位 }}\n# 一\n{% include "themes/x.md.j2" %}\n',
      "themes/x.md.j2": "{# 主题 #}\n正文\n#### {{ 单位 }}\n"}, "tpl/themes/x.md.j2:3：", "#### 测试县人民政府"),
    ({"report.md.j2": '{% macro h(t) %}\n### {{ t }}\n{% endmacro %}\n@标题 {{ 单位 }}\n{{ h("乙") }}\n'},
     "tpl/report.md.j2:5：", "### 乙"),
    ({"themes/普法.md.j2": "{% import 'm.md.j2' as m %}{{ m.x() }}\n",
      "m.md.j2": "{% macro x() %}\n\n\n\n#### 跳级\n{% endmacro %}\n",
      "report.md.j2": '@标题 {{ 单位 }}\n# 一\n{% with t = 成效[0] %}{% include "themes/普法.md.j2" %}{% endwith %}\n'},
     "tpl/themes/普法.md.j2:1：", "#### 跳级"),
    ({"report.md.j2": '@标题 {{ 单位 }}\n# 一\n{{ "甲\\n乙\\n@落款 丙" | markup }}\n'}, "tpl/report.md.j2:3：", "@落款 丙"),
], ids=["heading", "loop", "include", "macro", "imported-macro", "markup-lines"])
def test_a_mistake_found_in_the_output_is_shown_at_the_template_line(runner, tmp_path, write_form, minimal,
                                                                     files, place, quoted):
    """A heading level skipped, an unknown directive: found when the output is read, shown at
    the template file and line that wrote that output line (a macro's output: where it is
    printed), with the output line quoted."""
    folder = tmp_path / "tpl"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, place)
    assert f"模板输出的这一行是：“{quoted}”" in output and "（输出）" not in output
    line = int(place.rstrip("：").rsplit(":", 1)[1])
    written = (folder / place.split("tpl/", 1)[1].rsplit(":", 1)[0]).read_text(encoding="utf-8").split("\n")[line - 1]
    assert f"（第 {line} 行是：{written.strip()}）" in output  # the template line itself, quoted


def test_a_long_chain_in_a_theme_file_is_located(runner, tmp_path, write_form, minimal):
    folder = copy_default(tmp_path)
    theme = folder / "themes" / f"{minimal['成效'][0]['主题']}.md.j2"
    theme.write_text("{{ 数据句子(t) }}\n{{ " + " + ".join(["1"] * 5000) + " }}\n", encoding="utf-8")
    out = old_output(tmp_path)
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    assert_refused(code, output, out, f"tpl/themes/{theme.name}:2：")


# -- the phrase table (句式.yaml) ---------------------------------------------------------------------

_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
def _deep_otherwise(levels: int) -> str:
    item: object = "b"
    for i in range(levels):
        item = {"如果": f"纠错 > {i}", "写": "a", "否则": item}
    return yaml.safe_dump({"矛盾纠纷化解": {"行政复议": [item]}}, allow_unicode=True)


@pytest.mark.parametrize("content, place", [
    (_BOMB.encode(), "tpl/句式.yaml"),
    (_deep_otherwise(60).encode(), "tpl/句式.yaml:"),
    (_deep_otherwise(20).encode(), None),
    ("矛盾纠纷化解:\n  行政复议:\n    - 收到申请{收到申请}\n".encode("gbk"), "tpl/句式.yaml:1"),
    ("矛盾纠纷化解:\n  行政复议:\n    - 收到\x01申请{收到申请}\n".encode(), "tpl/句式.yaml:3"),
    ("矛盾纠纷化解:\n  行政复议:\n    - 收到\x00申请\n".encode(), "tpl/句式.yaml:3"),
    (b"\xef\xbb\xbf- a\n", "tpl/句式.yaml:1"),
    (b"!!python/object/apply:os.system [ls]\n", "tpl/句式.yaml:1"),
    ("矛盾纠纷化解: !!binary AAAA\n".encode(), "tpl/句式.yaml:1"),
    ("矛盾纠纷化解:\n  行政复议:\n    - a{" + "受理." * 5000 + "}\n", "tpl/句式.yaml:3"),
    ("矛盾纠纷化解:\n  行政复议:\n    - 如果: 纠错 " + "> 1 且 纠错 " * 3000 + "> 1\n      写: a{纠错}\n",
     "tpl/句式.yaml:3"),
    ("矛盾纠纷化解:\n  行政复议:\n    - 如果: 纠错 =\n      写: a\n".encode(), "tpl/句式.yaml:3"),
    ("矛盾纠纷化解:\n  行政复议:\n    - 如果: 纠错 > 1" + "9" * 5000 + "\n      写: a\n", "tpl/句式.yaml:3"),
    ("矛盾纠纷化解:\n  行政复议:\n    - 如果: 纠错 > 1" + "9" * 400 + "\n      写: a\n", None),
    ("123: []\n~: []\ntrue: []\n", "tpl/句式.yaml:1"),
    (("x" * 1_100_000).encode(), "tpl/句式.yaml"),
    ("矛盾纠纷化解:\n  行政复议:\n" + "    - 收到{收到申请}\n" * 50 + "  行政复议:\n    - b\n", "tpl/句式.yaml:53"),
], ids=["alias-bomb", "deep-otherwise", "deep-enough", "gbk", "control", "nul", "bom-list", "python-tag", "binary",
        "dots", "long-condition", "half-condition", "huge-number", "big-number", "odd-keys", "huge", "duplicate-group"])
def test_a_hostile_phrase_table_is_refused_with_its_place(runner, tmp_path, write_form, minimal, content, place):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_bytes(content if isinstance(content, bytes) else content.encode())
    out = old_output(tmp_path) if place else tmp_path / "new.docx"
    code, output = run_capped("render", write_form(minimal), "-t", folder, "-o", out, timeout=60)
    if place is None:  # read, and the render goes on
        assert code == 0, output
        assert_good_docx(out)
        return
    assert "表单" not in output  # the messages of the YAML reader speak of the phrase table here
    assert_refused(code, output, out, place, "python", "object", "apply", "os", "system", "ls", "binary", "AAAA",
                   "x", "a", "b", "e", "YAML")


@pytest.mark.parametrize("kind", ["link-out", "folder", "empty", "comments"])
def test_the_phrase_table_file_itself(runner, tmp_path, write_form, minimal, kind):
    folder = tmp_path / "tpl"
    folder.mkdir()
    table = folder / "句式.yaml"
    if kind == "link-out":
        table.symlink_to("/etc/passwd")
    elif kind == "folder":
        table.mkdir()
        (folder / "report.md.j2").write_text((builtin_templates() / "default" / "report.md.j2").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    else:
        table.write_text("" if kind == "empty" else "# 先空着，全部用自带的\n", encoding="utf-8")
    out = old_output(tmp_path) if kind in ("link-out", "folder") else tmp_path / "new.docx"
    code, output = invoke(runner, "render", write_form(minimal), "-t", folder, "-o", out)
    if kind in ("empty", "comments"):  # no theme of its own: every theme as the default says
        assert code == 0, output
        assert "全年收到行政复议申请120件" in "".join(p.text for p in assert_good_docx(out).paragraphs)
        return
    assert_refused(code, output, out, "tpl/句式.yaml", "passwd", "etc")
    assert "root:" not in output


@pytest.mark.parametrize("target", ["pipe", "/dev/zero", "/dev/stdin"])
def test_diff_and_list_never_wait_on_a_special_file(runner, tmp_path, target):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "正文.md.j2").write_text("x\n", encoding="utf-8")
    if target == "pipe":
        os.mkfifo(tmp_path / "pipe")
        target = tmp_path / "pipe"
    (folder / "report.md.j2").symlink_to(target)
    (folder / "句式.yaml").symlink_to(target)
    for command in ("diff", "list"):
        code, output = run_capped("templates", command, folder, timeout=30)
        assert code == 0 and "Traceback" not in output, output
    shown = run_capped("templates", "diff", folder, timeout=30)[1]
    # said as what it is: these links lead out of the folder (render refuses them so), never read
    assert "指向模板文件夹以外的文件" in shown and "drafter 使用它时会报错" in shown, shown


def test_an_unreadable_phrase_table_is_shown_as_such(runner, tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_bytes("普法: []\n".encode("gbk") + b"\xff")
    code, output = invoke(runner, "templates", "diff", folder)
    assert code == 0 and "无法按 UTF-8 文本读出" in output
    code, output = invoke(runner, "templates", "list", folder)
    assert code == 0 and "句式.yaml（这个文件无法按 UTF-8 文本读出，drafter 使用它时会报错）" in output


def test_a_phrase_table_saved_with_a_bom_is_compared_theme_by_theme(runner, tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_bytes("\ufeff矛盾纠纷化解:\n  行政复议:\n    - 收到{收到申请}\n".encode("utf-8"))
    code, output = invoke(runner, "templates", "diff", folder)
    assert code == 0 and "\ufeff" not in output
    assert "自带/句式.yaml：矛盾纠纷化解" in output and "自带的句式表里没有这个主题" not in output
    code, output = invoke(runner, "templates", "list", folder)
    assert code == 0 and "\ufeff" not in output and "矛盾纠纷化解" in output


@pytest.mark.parametrize("args, words", [
    (["templates", "diff", "/etc"], "不是模板文件夹"),
    (["templates", "diff", "不存在的文件夹"], "不是模板文件夹"),
    (["templates", "list", "/etc"], "不是模板文件夹"),
    (["templates", "copy", "default", "新文件夹", "../../etc/passwd"], "没有文件"),
    (["templates", "copy", "default", "新文件夹", "/etc/passwd"], "没有文件"),
    (["templates", "copy", "/etc", "新文件夹", "passwd"], "既不是自带的模板"),
    (["templates", "copy", "default", "新文件夹", "themes/../../x.md.j2"], "没有文件"),
    (["templates", "copy", "default", "新文件夹", "themes/不存在的主题.md.j2"], "没有文件"),
    (["templates", "copy", "default", "新文件夹", "themes/通用.md.j2/../../句式.yaml"], "没有文件"),
])
def test_template_commands_refuse_what_is_not_a_template(runner, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    code, output = invoke(runner, *args)
    assert code == 2 and words in output and "Traceback" not in output, output
    assert list(tmp_path.iterdir()) == []
