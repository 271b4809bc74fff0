"""Layout settings: config.yaml read into numbers the typesetter uses.

Every layout number is a named setting with GB/T 9704 defaults (the project's
config.yaml). An office's own file overrides only the keys it names. Each value is
checked on its own against ``BOUNDS`` (a finite number, in range, whole where it counts
lines or characters) or as a font name, then the merged settings are checked together
(``RELATIONS``: the margins leave a text block, a line is as tall as its characters …),
so no layout file can crash the typesetter or yield a page Word cannot lay out. Every
problem is reported at once with file, line, column and setting.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from drafter.errors import Findings, FormError
from drafter.files.config import FORMULAS_SECTION, RULES_SECTION, Settings, read_settings
from drafter.files.datacache import load_yaml
from drafter.files.resources import default_config
from drafter.files.xmltext import describe, first_invalid, quiet
from drafter.files.yamlsource import Source, path_text

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


class Bound(NamedTuple):
    """The values a numeric setting may take."""

    low: float
    high: float
    whole: bool  # counts of lines or characters that the typesetter uses as counts
    unit: str


# Every numeric setting of config.yaml. The ranges are what a page can physically hold and
# Word accepts (its largest page is 22 inches, 558.8 mm); 0 is allowed where "none" means
# something (no blank line, no indent, a margin or gap of nothing).
BOUNDS: dict[tuple, Bound] = {
    ("纸张", "宽"): Bound(100, 558, False, "毫米"),
    ("纸张", "高"): Bound(100, 558, False, "毫米"),
    ("页边距", "上"): Bound(0, 200, False, "毫米"),
    ("页边距", "下"): Bound(0, 200, False, "毫米"),
    ("页边距", "左"): Bound(0, 200, False, "毫米"),
    ("页边距", "右"): Bound(0, 200, False, "毫米"),
    ("每页行数",): Bound(5, 60, True, "行"),
    ("每行字数",): Bound(10, 60, True, "字"),
    ("行距",): Bound(6, 100, False, "磅"),
    ("字号", "正文"): Bound(5, 72, False, "磅"),
    ("字号", "标题"): Bound(5, 72, False, "磅"),
    ("字号", "页码"): Bound(5, 72, False, "磅"),
    # Whole: package.py writes 首行缩进字数 × one character's twips as an integer attribute.
    ("首行缩进字数",): Bound(0, 10, True, "字"),
    ("标题", "行距"): Bound(6, 100, False, "磅"),
    ("标题", "标题后空行"): Bound(0, 10, True, "行"),
    ("页码", "距版心下边缘"): Bound(0, 50, False, "毫米"),
    ("落款", "不盖章时空行"): Bound(0, 10, True, "行"),
    ("落款", "盖章时空行"): Bound(0, 10, True, "行"),
    ("落款", "不盖章右空字数"): Bound(0, 10, False, "字"),
    ("落款", "盖章成文日期右空字数"): Bound(0, 10, False, "字"),
}

NAME_MAX = 64  # a font name; Windows itself keeps at most 31 characters of one
MIN_BLOCK_MM = 50  # the text block, each way
MAX_CONDENSE = 0.2  # each character may lose at most a fifth of its width
MIN_TITLE_CHARS = 6  # title characters one line of the block must hold
WORD_SPACING_LIMIT = 31680  # w:spacing, in twips, either way


def _merge(base: dict, over: Source, path: tuple, found: Findings, bad: set) -> dict:
    """Overlay ``over`` (at ``path``) on ``base``; the defaults fix which keys and types exist.
    The path of every refused value goes into ``bad``; its default is kept."""
    node = over.data
    for key in path:
        node = node[key]
    out = dict(base)
    for key, value in node.items():
        where = path + (key,)
        if not path and key in (RULES_SECTION, FORMULAS_SECTION):
            continue  # not layout: read and checked by drafter.check.table and drafter.model.formulations
        if key not in base:
            names = list(base) + ([FORMULAS_SECTION] if not path and FORMULAS_SECTION not in base else [])
            close = difflib.get_close_matches(key, names, n=1, cutoff=0.4)
            found.add(
                over.where(where, at_key=True),
                f"不认识的设置项“{key}”。",
                f"是不是“{close[0]}”？" if close else "可用的设置项：" + "、".join(names) + "。",
            )
            continue
        if isinstance(base[key], dict):
            if isinstance(value, dict):
                out[key] = _merge(base[key], over, where, found, bad)
            elif value is not None:  # an empty section changes nothing
                found.add(
                    over.where(where),
                    f"“{key}”下应当是若干子项，这里写的是{_shown(value)}。",
                    "请换行缩进两格，逐项写“名称: 内容”，对照默认的 config.yaml。",
                )
            continue
        if isinstance(base[key], bool):
            problem = _flag_problem(value)
        elif isinstance(base[key], (int, float)):
            problem = _number_problem(value, BOUNDS[where], base[key])
            value = int(value) if not problem and BOUNDS[where].whole else value
        else:
            problem = _name_problem(value)
            value = value if problem else quiet(value).strip()
        if problem:
            found.add(over.where(where), *problem)
            bad.add(where)
        else:
            out[key] = value
    return out


# -- one value -------------------------------------------------------------------------


def _num(value: float) -> str:
    """A number as a clerk writes it: 28.95, 37, never 1e+300."""
    if isinstance(value, int) and abs(value) >= 10**12:
        return f"一个 {len(str(abs(value)))} 位的{'负' if value < 0 else ''}数"
    if isinstance(value, int):
        return str(value)
    if abs(value) >= 1e12:
        return "一个极大的数" if value > 0 else "一个极小的负数"
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "接近 0 的数" if text in ("0", "-0") and value else text


def _shown(value) -> str:
    """What was written, described briefly and without Python's words."""
    if value is None:
        return "空的（什么也没写）"
    if isinstance(value, bool):
        return "是非值（true 或 false）"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return "“非数”"
        if isinstance(value, float) and math.isinf(value):
            return "无穷大" if value > 0 else "负无穷大"
        text = _num(value)
        return text if text.startswith(("一个", "接近")) else f"数字 {text}"
    if isinstance(value, str):
        bad = first_invalid(value)
        if bad is not None:
            return f"含{describe(value[bad])}的文字"
        flat = " ".join(value.split())
        short = flat if len(flat) <= 20 else flat[:20] + "……"
        return f"文字“{short}”"
    if isinstance(value, list):
        return "一列内容"
    if isinstance(value, dict):
        return "若干子项"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "一个日期"
    if isinstance(value, bytes):
        return "二进制数据"
    return "无法识别的值"


def _flag_problem(value) -> tuple[str, str] | None:
    if isinstance(value, bool):
        return None
    return f"应当是 true 或 false，这里写的是{_shown(value)}。", "请写 true（是）或 false（否）。"


def _range_text(bound: Bound) -> str:
    kind = "整数" if bound.whole else "数"
    return f"{_num(bound.low)}～{_num(bound.high)} {bound.unit}之间的{kind}"


def _number_problem(value, bound: Bound, default) -> tuple[str, str] | None:
    """Why ``value`` cannot stand for a setting with ``bound``, or None."""
    hint = f"请写 {_range_text(bound)}，只写数字，不加单位和引号；默认是 {_num(default)}。"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"应当是数字，这里写的是{_shown(value)}。", hint
    if isinstance(value, float) and not math.isfinite(value):
        return f"应当是有限的数，这里写的是{_shown(value)}。", hint
    if not bound.low <= value <= bound.high:
        return f"应当是 {_range_text(bound)}，这里写的是{_shown(value)}。", hint
    if bound.whole and value != int(value):
        return f"应当是整数，这里写的是{_shown(value)}。", hint
    return None


def _name_problem(value) -> tuple[str, str] | None:
    """Why ``value`` cannot be written into the document as a font name, or None."""
    hint = "请写一个字体名称，如“仿宋_GB2312”。"
    if not isinstance(value, str):
        return f"应当是字体名称，这里写的是{_shown(value)}。", hint
    text = quiet(value).strip()
    bad = first_invalid(text)
    if bad is not None:
        return (
            f"字体名称的第 {bad + 1} 个字符是{describe(text[bad])}，不能写进文档。",
            "请删去这个字符（它通常是从别处复制时带进来的），" + hint[1:],
        )
    if not text:
        return "没有写字体名称。", hint
    if any(ch in text for ch in "\t\r\n"):
        return "字体名称里有换行或制表符。", "字体名称应当写在一行里，" + hint[1:]
    if len(text) > NAME_MAX:
        return f"字体名称有 {len(text)} 个字符，太长了（最多 {NAME_MAX} 个）。", hint
    return None


# -- the settings together -------------------------------------------------------------


class Relation(NamedTuple):
    """A condition between settings; ``paths`` in the order the first written one is blamed."""

    paths: tuple[tuple, ...]
    test: Callable  # Layout -> (message, hint) or None


RELATIONS: list[Relation] = []


def _relation(*paths: tuple):
    def register(test):
        RELATIONS.append(Relation(paths, test))
        return test

    return register


def _mm_text(twips: float, up: bool = False) -> str:
    """Millimetres to 0.1; ``up`` rounds up, for a least value a hint asks for."""
    tenths = twips / TWIPS_PER_MM * 10
    return _num((math.ceil(tenths - 1e-9) if up else round(tenths)) / 10)


def _pt_text(twips: float, down: bool = False) -> str:
    """Points to 0.01; ``down`` rounds down, for a largest value a hint allows."""
    hundredths = twips / TWIPS_PER_PT * 100
    return _num((math.floor(hundredths + 1e-9) if down else round(hundredths)) / 100)


_WIDTH = (("页边距", "左"), ("页边距", "右"), ("纸张", "宽"))
_HEIGHT = (("页边距", "上"), ("页边距", "下"), ("纸张", "高"))


def _block_problem(lay: Layout, block: int, across: str, sides: tuple[str, str], along: str):
    """The text block, ``block`` twips ``across`` (宽 or 高) between margins ``sides``, is too small."""
    if block >= lay.mm(MIN_BLOCK_MM):
        return None
    size, m = lay["纸张"][across], lay["页边距"]
    first, second = (_num(m[side]) for side in sides)
    left = (f"加起来已经超过了纸{across}，没有地方" if block <= 0 else f"只留下 {_mm_text(block)} 毫米{across}的版心，不够") + "排正文"
    return (
        f"纸{across} {_num(size)} 毫米，{along}页边距 {first} 和 {second} 毫米{left}。",
        f"版心至少要 {MIN_BLOCK_MM} 毫米{across}：请减小“页边距.{sides[0]}”“页边距.{sides[1]}”，或加大“纸张.{across}”。",
    )


@_relation(*_WIDTH)
def _block_wide(lay: Layout):
    return _block_problem(lay, lay.block_width, "宽", ("左", "右"), "左右")


@_relation(*_HEIGHT)
def _block_tall(lay: Layout):
    return _block_problem(lay, lay.block_height, "高", ("上", "下"), "上下")


@_relation(("行距",), ("字号", "正文"))
def _body_line_holds_text(lay: Layout):
    if lay.line_twips >= lay.char_twips:
        return None
    return (
        f"行距 {_num(lay['行距'])} 磅小于正文字号 {_num(lay.body_pt)} 磅，每行字的上部会被截掉。",
        f"请把“行距”加大到至少 {_num(lay.body_pt)} 磅，或减小“字号.正文”。",
    )


@_relation(("标题", "行距"), ("字号", "标题"))
def _title_line_holds_title(lay: Layout):
    size = lay["字号"]["标题"]
    if round(lay["标题"]["行距"] * TWIPS_PER_PT) >= round(size * TWIPS_PER_PT):
        return None
    return (
        f"标题行距 {_num(lay['标题']['行距'])} 磅小于标题字号 {_num(size)} 磅，标题的字会被截掉。",
        f"请把“标题.行距”加大到至少 {_num(size)} 磅，或减小“字号.标题”。",
    )


@_relation(("每页行数",), ("行距",), *_HEIGHT)
def _lines_fit_page(lay: Layout):
    lines = lay["每页行数"]
    if lay.block_height < lay.mm(MIN_BLOCK_MM) or lines * lay.line_twips <= lay.block_height:
        return None
    most = lay.block_height // lay.line_twips
    pitch = lay.block_height // lines
    return (
        f"每页 {lines} 行、行距 {_num(lay['行距'])} 磅共需 {_mm_text(lines * lay.line_twips)} 毫米，"
        f"版心只有 {_mm_text(lay.block_height)} 毫米高，每页只排得下 {most} 行。",
        f"请把“每页行数”减到 {most} 行以内，或把“行距”减到 {_pt_text(pitch)} 磅以内，或减小上下页边距。",
    )


@_relation(("每行字数",), ("字号", "正文"), *_WIDTH)
def _chars_fit_line(lay: Layout):
    chars, width = lay["每行字数"], lay.block_width
    if width < lay.mm(MIN_BLOCK_MM):
        return None
    narrowest = lay.char_twips * (1 - MAX_CONDENSE)
    if width / chars >= narrowest and -lay.char_spacing <= WORD_SPACING_LIMIT:
        return None
    most = int(width // narrowest)
    return (
        f"每行 {chars} 字时每个字只有 {_pt_text(width / chars)} 磅宽，比正文字号 {_num(lay.body_pt)} 磅"
        f"窄了 {round(100 * (1 - width / chars / lay.char_twips))}%，字会挤在一起。",
        f"每个字最多压缩两成：请把“每行字数”减到 {most} 字以内，或减小“字号.正文”，或加宽版心（减小左右页边距或加大纸宽）。",
    )


@_relation(("字号", "标题"), *_WIDTH)
def _title_fits_line(lay: Layout):
    size = lay["字号"]["标题"]
    if lay.block_width < lay.mm(MIN_BLOCK_MM) or lay.block_width >= MIN_TITLE_CHARS * size * TWIPS_PER_PT:
        return None
    return (
        f"标题字号 {_num(size)} 磅时，{_mm_text(lay.block_width)} 毫米宽的版心每行排不下 {MIN_TITLE_CHARS} 个标题字。",
        f"请把“字号.标题”减到 {_pt_text(lay.block_width / MIN_TITLE_CHARS, down=True)} 磅以内，或加宽版心（减小左右页边距或加大纸宽）。",
    )


@_relation(("页码", "距版心下边缘"), ("页边距", "下"), ("字号", "页码"))
def _page_number_on_paper(lay: Layout):
    bottom, gap, size = lay["页边距"]["下"], lay["页码"]["距版心下边缘"], lay["字号"]["页码"]
    if lay.footer_room >= 0:
        return None
    need = lay.mm(gap) + round(size * TWIPS_PER_PT)
    return (
        f"页码在版心下 {_num(gap)} 毫米处、约 {_pt_text(size * TWIPS_PER_PT)} 磅高，下边距 {_num(bottom)} 毫米放不下它，页码会落到纸外。",
        f"请把“页边距.下”加大到至少 {_mm_text(need, up=True)} 毫米，或减小“页码.距版心下边缘”或“字号.页码”。",
    )


def _value(lay: Layout, path: tuple):
    node = lay.raw
    for key in path:
        node = node[key]
    return node


def _indent_within_half_line(key: tuple, what: str):
    @_relation(key, ("每行字数",))
    def test(lay: Layout):
        value, chars = _value(lay, key), lay["每行字数"]
        if value <= chars / 2:
            return None
        return (
            f"{what} {_num(value)} 字，超过了每行 {chars} 字的一半，一行剩不下多少字。",
            f"请把“{path_text(key)}”减到 {_num(chars / 2)} 字以内，或加大“每行字数”。",
        )

    return test


_indent_within_half_line(("首行缩进字数",), "首行缩进")
_indent_within_half_line(("落款", "不盖章右空字数"), "署名右空")
_indent_within_half_line(("落款", "盖章成文日期右空字数"), "成文日期右空")


def _check_relations(lay: Layout, over: Source, bad: set, found: Findings) -> None:
    """Each broken relation once, at the first of its settings the file writes; relations
    involving a refused value are skipped (that value was already reported)."""
    for rel in RELATIONS:
        if bad.intersection(rel.paths):
            continue
        problem = rel.test(lay)
        if problem:
            written = [p for p in rel.paths if p in over.value_marks]
            found.add(over.where(written[0] if written else rel.paths[0]), *problem)


class Layout:
    """The merged settings, with the derived numbers the typesetter needs."""

    def __init__(self, raw: dict):
        self.raw = raw

    def __getitem__(self, key):
        return self.raw[key]

    # Derived numbers, in twips (1/20 pt) unless named otherwise.
    def mm(self, value: float) -> int:
        return round(value * TWIPS_PER_MM)

    @property
    def body_pt(self) -> float:
        return self.raw["字号"]["正文"]

    @property
    def char_twips(self) -> int:
        """One 字 of body text (GB/T 9704 3: the width of one Chinese character)."""
        return round(self.body_pt * TWIPS_PER_PT)

    @property
    def block_width(self) -> int:
        m = self.raw["页边距"]
        return self.mm(self.raw["纸张"]["宽"] - m["左"] - m["右"])

    @property
    def block_height(self) -> int:
        m = self.raw["页边距"]
        return self.mm(self.raw["纸张"]["高"] - m["上"] - m["下"])

    @property
    def margins(self) -> dict[str, int]:
        """Margins in twips, rounded so the text block is exactly 156 × 225 mm
        (8844 × 12756 twips, domain.md §1.3): the 订口 and the bottom take up the rounding."""
        m, paper = self.raw["页边距"], self.raw["纸张"]
        width, height = self.mm(paper["宽"]), self.mm(paper["高"])
        top, right = self.mm(m["上"]), self.mm(m["右"])
        left = width - right - self.block_width
        bottom = height - top - self.block_height
        return {"上": top, "下": bottom, "左": left, "右": right}

    @property
    def line_twips(self) -> int:
        return round(self.raw["行距"] * TWIPS_PER_PT)

    @property
    def char_spacing(self) -> int:
        """Condensing per character (twips, ≤ 0) so 每行字数 characters fit one line.

        28 characters of 16 pt need 448 pt but the 156 mm line is 442.2 pt, so without
        this Word fits only 27 (anchors.md §c); we condense each character slightly.
        """
        per_char = self.block_width / self.raw["每行字数"]
        return min(0, math.floor(per_char - self.char_twips))

    @property
    def footer_room(self) -> int:
        """The footer distance before clamping: negative when the page number is off the paper."""
        bottom = self.raw["页边距"]["下"]
        gap = self.raw["页码"]["距版心下边缘"]
        line_pt = self.raw["字号"]["页码"]
        return self.mm(bottom - gap) - round(line_pt * TWIPS_PER_PT)

    @property
    def footer_distance(self) -> int:
        """From the paper edge to the footer's bottom: the 一字线 stands 7 mm below the block."""
        return max(0, self.footer_room)


def load_layout(path: str | Path | Settings | None = None) -> Layout:
    """The default layout, or the settings file at ``path`` over it; a FormError lists every problem."""
    base = load_yaml(default_config())
    settings = read_settings(path)
    if settings is None:
        return Layout(base)
    over = settings.source
    found = Findings()
    if not isinstance(over.data, dict):
        found.add(over.where(()), "设置文件应当由若干“设置项: 内容”组成。", "请对照默认的 config.yaml。")
        raise FormError(found.items)
    bad: set = set()
    lay = Layout(_merge(base, over, (), found, bad))
    _check_relations(lay, over, bad, found)
    found.raise_if_errors()
    return lay
