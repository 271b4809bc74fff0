"""A hostile layout file (-c) never crashes drafter nor yields a document Word cannot lay out.

Every value a layout file can hold is either used (and the .docx opens, every XML part
parsing) or refused with exit 2 and a Chinese message at the file, line and setting, while
an existing output stays as it was and no temporary file is left behind.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from drafter.cli.commands import main
from drafter.files.datacache import load_yaml
from drafter.jobs.pipeline import render_file
from drafter.files.resources import default_config
from drafter.typeset.layout import BOUNDS, load_layout
from drafter.files.yamlsource import path_text

from conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

ALLOWED_LATIN = {"true", "false", "config", "yaml", "YAML", "GB", "Word", "WPS", "Tab"}  # YAML, file and product names


def _settings(node: dict, path: tuple = ()) -> list[tuple]:
    """(path, default) of every setting in the default config.yaml."""
    out = []
    for key, value in node.items():
        if isinstance(value, dict):
            out += _settings(value, path + (key,))
        else:
            out.append((path + (key,), value))
    return out


DEFAULTS = _settings({k: v for k, v in load_yaml(default_config()).items() if k != "检查规则"})
NUMERIC = [(p, v) for p, v in DEFAULTS if isinstance(v, (int, float)) and not isinstance(v, bool)]
FLAGS = [p for p, v in DEFAULTS if isinstance(v, bool)]
FONTS = [p for p, v in DEFAULTS if isinstance(v, str)]


@pytest.fixture(scope="module")
def old(tmp_path_factory) -> bytes:
    """An earlier render of the example: what out.docx holds before each run."""
    out = tmp_path_factory.mktemp("old") / "old.docx"
    render_file(EXAMPLE, out)
    return out.read_bytes()


def layout_text(path: tuple, literal: str) -> tuple[str, int]:
    """A layout file setting ``path`` to the YAML ``literal``, and the line it stands on."""
    if len(path) == 1:
        return f"{path[0]}: {literal}\n", 1
    return f"{path[0]}:\n  {path[1]}: {literal}\n", 2


@pytest.fixture
def render(runner, tmp_path, old):
    """Render the example with a layout file's text over an existing out.docx."""

    def run(text: str):
        cfg, out = tmp_path / "bad.yaml", tmp_path / "out.docx"
        cfg.write_text(text, encoding="utf-8")
        out.write_bytes(old)
        result = runner.invoke(main, ["render", str(EXAMPLE), "-c", str(cfg), "-o", str(out)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
        assert "Traceback" not in result.output
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "out.docx"]  # no temporary file
        if result.exit_code:
            assert out.read_bytes() == old  # the earlier output is kept, byte for byte
        return result, cfg, out

    return run


def assert_sound_docx(out) -> docx.document.Document:
    """Every XML part parses and python-docx opens the package."""
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            etree.fromstring(z.read(name))
    return docx.Document(str(out))


def assert_refused(result, cfg, line: int, setting: str | None, quoted: str = "") -> None:
    """Exit 2; a Chinese message at file:line (and the setting); no Latin words but the
    allowed ones and those of ``quoted``, the clerk's own text the message may quote."""
    assert result.exit_code == 2, result.output
    text = result.output
    field = f"{re.escape(setting)}：" if setting else ""
    assert re.search(rf"{re.escape(str(cfg))}:{line}(:\d+)?：{field}【错误】", text), text
    rest = re.sub(r"U\+[0-9A-F]{4,6}", "", text.replace(str(cfg), ""))
    foreign = set(re.findall(r"[A-Za-z]{2,}", rest)) - ALLOWED_LATIN - set(re.findall(r"[A-Za-z]{2,}", quoted))
    assert not foreign, text
    assert "修改建议" in text and re.search("[\u4e00-\u9fff]{4}", rest)


def outcome(render, path: tuple, literal: str):
    """Render with ``path`` set to ``literal``: a sound .docx, or a located refusal."""
    text, line = layout_text(path, literal)
    result, cfg, out = render(text)
    if result.exit_code == 0:
        return assert_sound_docx(out)
    assert_refused(result, cfg, line, path_text(path))
    return None


# -- the sweep: every numeric setting, every kind of value --------------------------------

NEVER_VALID = [".nan", ".inf", "-.inf", "-1", "1.0e+300", "1e300", "9" * 300, "-" + "9" * 300,
               "abc", "28mm", "[1]", "{a: 1}", "true", "~", "2026-01-01"]
MAYBE_VALID = ["0", "0.5"]


@pytest.mark.parametrize("literal", NEVER_VALID)
@pytest.mark.parametrize("path", [p for p, _ in NUMERIC], ids=path_text)
def test_hostile_number_is_refused_at_its_place(render, path, literal):
    text, line = layout_text(path, literal)
    result, cfg, out = render(text)
    assert_refused(result, cfg, line, path_text(path), literal if literal in ("abc", "28mm") else "")


@pytest.mark.parametrize("literal", MAYBE_VALID)
@pytest.mark.parametrize("path", [p for p, _ in NUMERIC], ids=path_text)
def test_small_number_is_used_or_refused(render, path, literal):
    outcome(render, path, literal)


@pytest.mark.parametrize("end", ["low", "high", "default"])
@pytest.mark.parametrize("path,default", NUMERIC, ids=[path_text(p) for p, _ in NUMERIC])
def test_in_range_number_is_used_or_refused(render, path, default, end):
    bound = BOUNDS[path]
    value = {"low": bound.low, "high": bound.high, "default": default}[end]
    doc = outcome(render, path, str(value))
    if end == "default":
        assert doc is not None  # the default written out is always accepted


@pytest.mark.parametrize("literal", ["1", "是", "[true]", "~", ".nan", "{a: 1}"])
@pytest.mark.parametrize("path", FLAGS, ids=path_text)
def test_flag_takes_only_true_or_false(render, path, literal):
    text, line = layout_text(path, literal)
    result, cfg, out = render(text)
    assert_refused(result, cfg, line, path_text(path))


BAD_NAMES = {
    "control": '"\\x01仿宋"', "nonchar": '"\\uFFFE"', "reserved_mark": '"\\uE000宋体"',
    "nul": '"仿宋\\0"', "tab": '"仿\\t宋"', "newline": '"仿\\n宋"', "empty": '""', "blank": '"  "',
    "long": "宋" * 10000, "list": "[仿宋]", "mapping": "{a: 1}", "number": "16", "flag": "true", "null": "~",
}


@pytest.mark.parametrize("literal", BAD_NAMES.values(), ids=BAD_NAMES.keys())
@pytest.mark.parametrize("path", FONTS, ids=path_text)
def test_bad_font_name_is_refused(render, path, literal):
    text, line = layout_text(path, literal)
    result, cfg, out = render(text)
    assert_refused(result, cfg, line, path_text(path))
    assert len(result.output) < 2000  # a long name is not echoed back


def test_control_character_in_a_font_name_is_named(render):
    result, cfg, out = render('字体:\n  正文: "\\x01仿宋"\n')
    assert_refused(result, cfg, 2, "字体.正文")
    assert "控制字符（U+0001）" in result.output


def test_font_name_with_markup_characters_is_escaped(render):
    result, _, out = render("字体:\n  标题: 'A&B \"<方正>\"'\n  正文: \" 仿宋\u00a0GB \"\n")
    assert result.exit_code == 0, result.output
    assert_sound_docx(out)
    with zipfile.ZipFile(out) as z:
        fonts = etree.fromstring(z.read("word/fontTable.xml"))
    names = {f.get(qn("w:name")) for f in fonts}
    assert 'A&B "<方正>"' in names and "仿宋 GB" in names


# -- one case per kind of problem -------------------------------------------------------

def test_margins_wider_than_the_paper(render):
    result, cfg, out = render("页边距:\n  左: 200\n  右: 150\n")
    assert_refused(result, cfg, 2, "页边距.左")
    assert "超过了纸宽" in result.output and "共 1 处错误" in result.output


def test_every_problem_of_the_file_in_one_run(render):
    text = ("页边距:\n  上: .nan\n  下: -.inf\n行距: .inf\n字号:\n  正文: .nan\n  标题: 1.0e+300\n"
            "每行字数: 0.5\n每页行数: 1000000000\n字体:\n  正文: [仿宋]\n对称页边距: 1\n")
    result, cfg, out = render(text)
    assert_refused(result, cfg, 2, "页边距.上")
    for line, setting in [(3, "页边距.下"), (4, "行距"), (6, "字号.正文"), (7, "字号.标题"), (8, "每行字数"),
                          (9, "每页行数"), (11, "字体.正文"), (12, "对称页边距")]:
        assert f"{cfg}:{line}:" in result.output and f"：{setting}：【错误】" in result.output
    assert "共 9 处错误" in result.output


def test_huge_count_of_blank_lines_is_refused_at_once(tmp_path):
    """The hang guard: 10,000,000 blank lines once ran for 19 s and took 4 GB."""
    cfg, out = tmp_path / "bad.yaml", tmp_path / "out.docx"
    cfg.write_text("标题:\n  标题后空行: 10000000\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-c", str(cfg), "-o", str(out)],
                          capture_output=True, text=True, timeout=20)
    assert done.returncode == 2 and f"{cfg}:2:" in done.stderr and "0～10 行之间的整数" in done.stderr
    assert not out.exists()


def test_three_hundred_digit_margin_is_not_written(render):
    result, cfg, out = render("页边距:\n  右: " + "1" * 300 + "\n")
    assert_refused(result, cfg, 2, "页边距.右")
    assert "1" * 20 not in result.output and "一个 300 位的数" in result.output


@pytest.mark.parametrize("text,setting,needle", [
    ("每行字数: 0.5\n", "每行字数", "10～60 字之间的整数"),
    ("每行字数: 28.5\n", "每行字数", "整数"),
    ("每页行数: 1000000000\n", "每页行数", "5～60 行之间的整数"),
    ("首行缩进字数: 1.5\n", "首行缩进字数", "整数"),
])
def test_counts_must_be_whole_and_in_range(render, text, setting, needle):
    result, cfg, out = render(text)
    assert_refused(result, cfg, 1, setting)
    assert needle in result.output


def test_whole_number_written_as_decimal_is_used_as_whole(render):
    result, _, out = render("首行缩进字数: 2.0\n每行字数: 28.0\n")
    assert result.exit_code == 0, result.output
    body = assert_sound_docx(out).styles["公文正文"].element
    assert body.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn("w:firstLine")) == "640"


ZERO_SENSIBLE = ["标题后空行", "首行缩进字数", "距版心下边缘", "不盖章时空行", "盖章时空行", "不盖章右空字数",
                 "盖章成文日期右空字数", "上", "左", "右"]


@pytest.mark.parametrize("path", [p for p, _ in NUMERIC if p[-1] in ZERO_SENSIBLE], ids=path_text)
def test_zero_is_accepted_where_it_means_none(render, path):
    text, _ = layout_text(path, "0")
    result, _, out = render(text)
    assert result.exit_code == 0, result.output
    assert_sound_docx(out)


def test_zero_blank_lines_after_the_title(render):
    result, _, out = render("标题:\n  标题后空行: 0\n首行缩进字数: 0\n")
    assert result.exit_code == 0, result.output
    d = assert_sound_docx(out)
    assert d.paragraphs[0].style.name == "公文标题" and d.paragraphs[1].text.strip()
    ind = d.styles["公文正文"].element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert ind.get(qn("w:firstLine")) == "0"


# Settings that are each in range but cannot make a page together: (file, setting blamed, words).
IMPOSSIBLE = {
    "block_width": ("纸张:\n  宽: 120\n页边距:\n  左: 40\n  右: 40\n", (4, "页边距.左"), "50 毫米宽"),
    "block_height": ("纸张:\n  高: 150\n页边距:\n  上: 70\n", (4, "页边距.上"), "50 毫米高"),
    "paper_narrowed": ("纸张:\n  宽: 100\n", (2, "纸张.宽"), "纸宽"),
    "line_pitch": ("行距: 12\n", (1, "行距"), "每行字的上部会被截掉"),
    "body_size": ("字号:\n  正文: 30\n", (2, "字号.正文"), "小于正文字号 30 磅"),
    "title_pitch": ("字号:\n  标题: 36\n", (2, "字号.标题"), "标题的字会被截掉"),
    "lines_per_page": ("每页行数: 23\n", (1, "每页行数"), "每页只排得下 22 行"),
    "line_pitch_for_lines": ("行距: 29\n", (1, "行距"), "每页只排得下 21 行"),
    "condensed": ("每行字数: 40\n", (1, "每行字数"), "字会挤在一起"),
    "title_too_wide": ("纸张:\n  宽: 130\n字号:\n  标题: 60\n标题:\n  行距: 60\n", (4, "字号.标题"), "6 个标题字"),
    "page_number_off_paper": ("页边距:\n  下: 10\n", (2, "页边距.下"), "页码会落到纸外"),
    "page_number_gap": ("页码:\n  距版心下边缘: 40\n", (2, "页码.距版心下边缘"), "页码会落到纸外"),
    "indent": ("每行字数: 10\n首行缩进字数: 6\n纸张:\n  宽: 120\n页边距:\n  左: 10\n  右: 10\n",
               (2, "首行缩进字数"), "一半"),
    "date_indent": ("落款:\n  盖章成文日期右空字数: 10\n每行字数: 16\n字号:\n  正文: 22\n行距: 30\n每页行数: 20\n",
                    (2, "落款.盖章成文日期右空字数"), "一半"),
}


@pytest.mark.parametrize("text,place,needle", IMPOSSIBLE.values(), ids=IMPOSSIBLE.keys())
def test_impossible_page_is_refused_at_a_setting_it_names(render, text, place, needle):
    result, cfg, out = render(text)
    assert_refused(result, cfg, *place)
    assert needle in result.output


def test_fix_suggested_for_the_page_number_is_enough(render):
    result, _, _ = render("页边距:\n  下: 10\n")
    least = re.search(r"加大到至少 ([\d.]+) 毫米", result.output)[1]
    result, _, out = render(f"页边距:\n  下: {least}\n")
    assert result.exit_code == 0, result.output
    assert_sound_docx(out)


# -- the file's own shape -----------------------------------------------------------------

SHAPES = {
    "tab": ("页边距:\n\t上: 30\n", 2, None),
    "duplicate": ("行距: 28\n行距: 29\n", 2, "行距"),
    "top_level_list": ("- 行距: 28\n", 1, None),
    "top_level_scalar": ("仿宋\n", 1, None),
    "section_scalar": ("字体: 仿宋\n", 1, "字体"),
    "section_list": ("页边距: [1, 2]\n", 1, "页边距"),
    "list_for_number": ("行距: [28]\n", 1, "行距"),
    "unknown_key": ("页边距:\n  顶: 35\n", 2, "页边距.顶"),
    "unknown_section": ("版式: 1\n", 1, "版式"),
    "key_not_text": ("[a]: 1\n", 1, None),
}


@pytest.mark.parametrize("text,line,setting", SHAPES.values(), ids=SHAPES.keys())
def test_wrong_shape_is_located_in_chinese(render, text, line, setting):
    result, cfg, out = render(text)
    assert_refused(result, cfg, line, setting)


def test_empty_section_changes_nothing(render):
    result, _, out = render("页码:\n字体:\n")
    assert result.exit_code == 0, result.output
    assert_sound_docx(out)


# -- the defaults ---------------------------------------------------------------------------

def test_every_numeric_setting_has_bounds_and_the_defaults_keep_them():
    assert set(BOUNDS) == {p for p, _ in NUMERIC}
    for path, default in NUMERIC:
        bound = BOUNDS[path]
        assert bound.low <= default <= bound.high, path
        assert not bound.whole or default == int(default), path


def test_default_config_passes_its_own_checks():
    lay = load_layout(default_config())
    assert lay.raw == load_layout().raw
    assert (lay.block_width, lay.block_height, lay.char_spacing) == (8844, 12756, -5)
