"""Check a loaded form against the form definition and the catalogue.

Every problem is collected with its file, line, column and field path, so a clerk
sees all of them in one run: the problems found while loading, every value's type before it
is used, and the values under a misspelt key (checked as the key it most likely meant).
What passes is returned as plain data with dates parsed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_DOWN, Decimal
from typing import Any

from drafter.errors import Findings
from drafter.files.bounds import FORM_ITEMS as MAX_ITEMS, FORM_TEXT as MAX_TEXT
from drafter.files.characters import INVISIBLE_NAMES, invisible_name
from drafter.files.patterns import lazy_re
from drafter.files.xmltext import quiet
from drafter.files.yamlsource import BAD, PathT, Source, as_date
from drafter.form import headings, opening, spec as s
from drafter.model.catalogue import Catalogue, FigureDef, Group, Theme
from drafter.model.formulations import EMPTY_PROBLEM, EMPTY_TITLE, outline_problem, spirit_problem
from drafter.model.numbers import YUAN_IN
from drafter.model.numberwords import plain
from drafter.model.typography import CJK, FORMAT_CODE, HEADING_MARK, ORDINAL_MARK, close_spaces, issuers, normalize, partner, unpaired

# No count or amount reaches this: past it a number is a typing slip, and past 10^16 or so
# the report's arithmetic would lose digits or overflow.
HARD_MAX = 10**12

# Money is written to the 分 at most: this many decimals in each money unit, so that the
# report prints every digit given (render/numbers.with_unit writes the amount in full).
MONEY_PLACES = {"元": 2, "万元": 6, "亿元": 10}
# a year a title names (关于2025年度…), not the end of a span (《纲要（2021—2025年）》)
# the years a title's work spans (2025—2026年度): the report is read as of the later one
_TITLE_SPAN = lazy_re(r"(?P<start>(?:19|20)\d{2})\s*年?\s*[—\-－–~～至到]\s*(?P<end>(?:19|20)\d{2})\s*年度")
_TITLE_YEAR = lazy_re(r"(?<![—\-－–~～至到\d])((?:19|20)\d{2})\s*年")
_SCIENTIFIC = r"[-+]?\d+(\.\d*)?[eE][-+]?\d+"  # compiled by re on first use (an error path)


# A text field must hold at least one Chinese character, letter or digit: “，” or “……” alone
# is not a title, a measure or a unit's name.
_WORD = lazy_re(r"[^\W_]")
# The texts printed right after a title in its paragraph, or in its place (问题 without 标题).
_RUN_IN = ("内容", "表现", "原因", "落实情况")
_NAMES = ("单位", "署名", "主送机关", "附注")  # printed inside a sentence or apart: a leading mark is a slip
_LEADING_MARK = lazy_re(r"[.．、,，;；:：。!！?？%％·•~～—…]")
_TRAILING_MARK = lazy_re(r"[、,，;；:：]$")


# Brackets the pairing check above (typography.unpaired, shared with check) does not know, and
# quotes that are the same mark at both ends: counted, as a form's field is one short text.
_MORE_PAIRS = ("〈〉", "「」", "［］", "[]", "『』", "〖〗", "｟｠", "﹝﹞", "︵︶", "«»")  # not < >: comparisons (PM2.5<35)
_EMPTY = lazy_re(r"（\s*）|\(\s*\)|“\s*”|‘\s*’|【\s*】|〔\s*〕|\[\s*\]|［\s*］|「\s*」|〈\s*〉")


def _odd_marks(text: str) -> tuple[str, str] | None:
    """A lone straight quote, a bracket of _MORE_PAIRS without its partner, or empty brackets
    (（）, “”): each prints as it stands. (what is wrong, how to fix it), or None."""
    for mark, name in (('"', "英文双引号"), ("'", "英文单引号")):
        at = [i for i, ch in enumerate(text) if ch == mark]
        if len(at) % 2:
            return (
                f"这一项第 {at[-1] + 1} 个字是{name}“{mark}”，只有一个，报告里会印出一个不成对的引号。",
                "请用中文引号“”把要引的话括起来，或删去这个引号。",
            )
    for pair in _MORE_PAIRS:
        if text.count(pair[0]) != text.count(pair[1]):
            lone = pair[0] if text.count(pair[0]) > text.count(pair[1]) else pair[1]
            return (
                f"这一项里的“{lone}”没有与它配对的“{pair[1] if lone == pair[0] else pair[0]}”，报告里会印出一个不成对的括号。",
                f"请补上与它配对的括号，或删去“{lone}”。",
            )
    empty = _EMPTY.search(text)
    if empty:
        return (
            f"这一项第 {empty.start() + 1} 个字起是空的“{empty.group()}”，里面什么也没有，报告里会照样印出来。",
            f"请在“{empty.group()}”里写上内容，或删去它。",
        )
    return None


def word_in(text: str) -> bool:
    """Whether ``text`` holds a Chinese character, a letter or a digit (what a text field needs)."""
    return bool(_WORD.search(text))


def _matches(word: str, options: Iterable[str]) -> list[str]:
    import difflib  # only when there is something to suggest

    return difflib.get_close_matches(word, [str(o) for o in options], n=2, cutoff=0.4)


def _suggest(word: str, options: Iterable[str]) -> str:
    close = _matches(word, options)
    return f"是不是“{close[0]}”？" if close else ""


def _closest(word: str, options: Iterable[str]) -> str | None:
    """The one option ``word`` is most likely a misspelling of; None when two are as close."""
    import difflib

    close = _matches(word, options)
    if not close:
        return None
    if len(close) > 1:
        ratio = [difflib.SequenceMatcher(None, word, c).ratio() for c in close]
        if ratio[0] == ratio[1]:
            return None
    return close[0]


def _says_something(entry: Any) -> bool:
    """Whether a 成效 item as written holds any figure or measure (right or wrong)."""
    if not isinstance(entry, dict):
        return True  # refused on its own
    figures = entry.get("数据")
    return (
        bool(entry.get("做法"))
        or (isinstance(figures, dict) and _filled(figures))
        or (figures is not None and not isinstance(figures, dict))
    )


def _filled(figures: Any) -> bool:
    """Whether any figure of a 数据 mapping is given: a group of blank figures (受理信访: with
    nothing after it) gives none, and its theme prints nothing."""
    if isinstance(figures, dict):
        return any(_filled(v) for v in figures.values())
    return _given(figures)


def _colon_hint(value: Any) -> str | None:
    """Why text stands where “名称: 内容” lines were meant: a full-width colon, or a full-width
    space after the colon (办件量:　2001 is one word to YAML)."""
    if isinstance(value, str) and (":\u3000" in value or re.fullmatch(r"[^\s:：]{1,30}:\s\S.*", value)):
        # (a no-break space is a plain one by the time the value is read: the line was no mapping)
        return "名称后面的冒号后面空的是全角空格或特殊空格（多半是复制来的），读不成“名称: 内容”：请删去它，重新输入一个半角空格。"
    if isinstance(value, str) and "：" in value:
        return "名称和内容之间要用半角冒号“:”加一个空格，不能用全角冒号“：”。"
    return None


_SCALED_AMOUNT = lazy_re(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(万|亿)?元?\s*")  # (compiled when first used)


def _in_unit(typed: str, unit: str) -> str | None:
    """An amount typed with its unit (4680万元, 46.8亿, 1200元) as the number of ``unit`` (元,
    万元, 亿元) the form takes: 0.468 for 4680万元 in 亿元. None for another unit or text."""
    m = _SCALED_AMOUNT.fullmatch(typed)
    if unit not in YUAN_IN or m is None or not (m.group(2) or typed.strip().endswith("元")):
        return None
    yuan = Decimal(m.group(1)) * (YUAN_IN[m.group(2) + "元"] if m.group(2) else 1)
    return plain(yuan / YUAN_IN[unit])


_SEPARATORS = {",": "千位分隔符“,”", "，": "千位分隔符“，”", "\u3000": "全角空格", " ": "空格", "\u00a0": "空格"}


def _without_separators(value: str) -> tuple[str, str] | None:
    """A number typed with separators a clerk sees as nothing (1,936; 1，936; 3 156; a
    full-width space before or after it): (the number without them, what they were)."""
    found = [_SEPARATORS[ch] for ch in dict.fromkeys(value) if ch in _SEPARATORS]
    bare = "".join(ch for ch in value if ch not in _SEPARATORS)
    if not found or not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", bare) or bare == value.strip(" "):
        return None
    if re.search(r"[,，](?![0-9]{3}(?:[^0-9]|$))", value):
        return None  # 1,5: no thousands separator (a decimal comma?), said as no number
    return bare, "、".join(dict.fromkeys(found))


def _given(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value != [] and value != {}


def _show(value: Any) -> str:
    """A value as the clerk wrote it, short enough for a message: “text” in quotes, a
    list or a mapping by what it is."""
    if value is None:
        return "空的（什么也没写）"
    if isinstance(value, list):
        return "一列内容（以“- ”开头的几项）"
    if isinstance(value, dict):
        return "几项“名称: 内容”"
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and not math.isfinite(value):
        text = ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    elif isinstance(value, int) and abs(value) >= HARD_MAX:
        text = f"{str(value)[:8]}……（{len(str(abs(value)))} 位数）"
    elif isinstance(value, float) and abs(value) >= HARD_MAX:
        text = f"{value:.3g}"
    else:
        text = str(value)
        text = text if len(text) <= 30 else text[:30] + "……"
    return f"“{text}”"


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "……"


def _half_width_number(value: str) -> str | None:
    """``value`` as a plain number in half-width digits when it is one written in other digits
    (１６２, 16２, ١٦٢); None otherwise."""
    text = value.strip()
    if text.isascii() or not re.fullmatch(r"[+-]?\d+(?:[.．]\d+)?", text):
        return None
    plain = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else "." if ch in ".．" else ch for ch in text)
    return _no_leading_zero(plain)


_GLUED_COMMENT = lazy_re(r"\s*([+-]?[0-9]+(?:\.[0-9]+)?)\s*([#＃])(.*)$", re.S)  # 151#注, 151 ＃ 注: a comment YAML did not take


def _unseen_beside(typed: str, value: str) -> str:
    """What a clerk cannot see beside a number they typed (2001 and a no-break space, a thin
    space or a zero-width space after it): its name, or "" when the number stands alone."""
    if not re.fullmatch(r"[+-]?[0-9]+(?:\.[0-9]+)?", quiet(value).strip()):
        return ""
    for ch in typed.split(" #", 1)[0].strip(" \t"):
        if ch in INVISIBLE_NAMES:
            return invisible_name(ch)
        if ch.isspace() and ch not in " \t":
            return f"特殊空格（U+{ord(ch):04X}）"
    return ""


def _no_leading_zero(number: str) -> str:
    """``number`` as a fix may give it: 012 would be read as 10 (an octal number), so 12."""
    return re.sub(r"^([+-]?)0+(?=\d)", r"\1", number)


def _whole_needed(fig: FigureDef, number: str) -> str:
    """What a fix that rewrites ``number`` must add when the figure is a count and the number
    is not whole (１２.５ → 12.5, which would be refused next): "" otherwise."""
    try:
        whole = fig.decimal or Decimal(number) == Decimal(number).to_integral_value()
    except ArithmeticError:
        return ""
    return "" if whole else f"；“{fig.name}”是计数（{fig.unit}），还应当是整数，请一并核对小数部分"


def _whole_given(group: Group, name: str, counts: dict[str, Any]) -> tuple[str, ...] | None:
    """The nearest whole given that ``name`` is part of: the figure(s) of its 不大于 (a sum
    when several), or, one of them missing, the whole of a single one, and so on up."""
    seen, whole = {name}, group.figures[name].within
    while whole and not all(w in counts for w in whole):
        if len(whole) != 1 or whole[0] not in group.figures or whole[0] in seen:
            return None  # a sum with a term missing bounds nothing
        seen.add(whole[0])
        whole = group.figures[whole[0]].within
    return whole or None


class Validator:
    def __init__(self, src: Source, cat: Catalogue):
        self.src = src
        self.cat = cat
        self.found = Findings()

    # -- helpers -----------------------------------------------------------
    def error(
        self, path: PathT, message: str, hint: str = "", at_key: bool = False, severity: str = "错误", rule: str | None = None
    ) -> None:
        self.found.add(self.src.where(path, at_key), message, hint, severity, rule)

    def show(self, value: Any, path: PathT) -> str:
        """``value`` for a message (_show); one YAML read as a number, date, true/false or null
        is quoted as the clerk typed it (null, 1.0e+1), never as Python writes it (None, 10.0)."""
        typed = self.src.raw.get(tuple(path))
        if typed and not isinstance(value, (str, list, dict)) and not (isinstance(value, int) and abs(value) >= HARD_MAX):
            return f"“{typed if len(typed) <= 30 else typed[:30] + '……'}”"
        return _show(value)

    def figure(self, value: Any, path: PathT) -> str:
        """A number for a message, as typed (1.0e+1) or as the report writes it (12.5, 3)."""
        typed = self.src.raw.get(tuple(path))
        if typed:
            return typed
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)

    def unknown_key(self, path: PathT, key: str, options: Iterable[str], extra_hint: str = "") -> str | None:
        """Report a key the definition does not have; the key it most likely means, if one."""
        guess = _suggest(key, options)
        hint = guess or ("这里可以填写的项有：" + "、".join(options) + "。")
        self.error(path + (key,), f"不认识的项“{key}”。", (extra_hint + hint).strip(), at_key=True)
        return _closest(key, options)

    # -- nodes -------------------------------------------------------------
    def check(self, node: s.Node, value: Any, path: PathT, parent: dict[str, Any] | None = None) -> Any:
        if value is BAD:
            return None  # reported where it was read
        if isinstance(node, s.Obj):
            return self.obj(node, value, path)
        if isinstance(node, s.Seq):
            return self.seq(node, value, path)
        if isinstance(node, s.Figures):
            return self.figures(node, value, path, parent or {})
        if isinstance(node, s.Body):
            return self.body(value, path, 1)
        if isinstance(node, s.Integer):
            return self.integer(node, value, path)
        if isinstance(node, s.Date):
            d = as_date(value)
            if d is None:
                self.error(path, f"{self.show(value, path)}不是有效的日期。", "请写成 2026-02-06 的形式，并核对年、月、日。")
            return d
        if isinstance(node, s.Boolean):
            if not isinstance(value, bool):
                self.error(path, f"{self.show(value, path)}不是是否值。", "请写 true（是）或 false（否）。")
                return node.default
            return value
        if isinstance(node, s.Choice):
            return self.choice(node.choices, value, path)
        return self.text(value, path, node if isinstance(node, s.Text) else None)

    def choice(self, choices: Iterable[str], value: Any, path: PathT, hint: str = "") -> Any:
        if not isinstance(value, str):
            self.error(path, f"这里应当从可选的词中选一个，却写成了{self.show(value, path)}。", "可选：" + "、".join(choices) + "。")
            return None
        words = [w for w in re.split(r"[，、；,;\s]+", value) if w]
        if value not in choices and len(words) > 1 and all(w in choices for w in words):
            self.error(
                path,
                f"“{value}”把几项写在了一项里（中间用了中文逗号、顿号或空格）。",
                f"请用半角逗号“,”分开，写成 [{', '.join(words)}]，或每项另起一行，以“- ”开头。",
            )
            return None
        if value not in choices:
            self.error(
                path, f"{self.show(value, path)}不在可选范围内。", hint or _suggest(value, choices) or "可选：" + "、".join(choices) + "。"
            )
            return None
        return value

    def text(self, value: Any, path: PathT, node: s.Text | None = None) -> Any:
        """One paragraph of text. ``node``: the form's field it fills, where the blank form's
        example words (spec.PLACEHOLDER) mean it has not been filled in yet; None for 正文."""
        if tuple(path[:2]) == ("开头", "句式"):  # an item of the opening: its own rules (form/opening)
            found = opening.problem(value, self.src.written_from(path))
            if found:
                self.error(path, *found)
                return None
            return value
        if isinstance(value, (dict, list)):
            self.error(path, "这里应当是一段文字，却写成了多层内容。", "请检查缩进：文字应写在冒号后面的同一行。")
            return None
        if value is None:
            self.error(path, "这一项是空的。", "请填写内容，或删去这一项。")
            return None
        if not isinstance(value, str):
            value = self.typed_text(value, path)
            if value is None:
                return None
        text = quiet(value).strip()  # the characters that show nothing go (typography.INVISIBLE)
        if not _WORD.search(text) and not EMPTY_TITLE.search(text):  # an empty 《》 is named below
            self.error(
                path,
                f"“{_short(text)}”里没有一个字。" if text else "这一项是空的。",
                "文字项至少要有一个汉字、字母或数字，请写上内容；可以不填的项，不写时删去这一行。",
            )
            return None
        mark = self.mark(text, path)
        if mark:
            self.error(path, *mark)
            return None
        if "\n\n" in text:
            self.error(path, "一段文字里有空行。", "每个字段只写一段；多段内容请拆成多项。")
        hashed = self.src.hashed_line(path) if path[:1] != ("正文",) else None
        if hashed:  # “# 来源：法制科” inside a | block is text, not a comment: it would be printed
            self.found.add(
                hashed,
                "多行文字（| 或 > 后面）里的“#”和它后面的字不是注释，会原样印进报告。",
                "注释请写在这段文字的外面（另起一行，写在“内容:”这样的键的上面）；不要的就删去它。",
            )
        # Braces: a part heading of 写法.部分标题 may hold {年度} (part_headings judges it);
        # every other text is printed as written, braces and all.
        braces = None if len(path) == 3 and path[:2] == ("写法", "部分标题") else headings.text_problem(text)
        if braces:
            self.error(path, *braces)
        if tuple(path[:1]) == ("写法",):  # a heading drafter fills in ({年度}) and the connective it places
            code = FORMAT_CODE.search(text)
            if code:
                self.error(
                    path, f"文字里的“{code.group()}”会原样印进报告。", "请删去它；部分标题里要换成年份的地方写 {年度} 或 {下一年度}。"
                )
            elif path[-1] == "原因连接词" and not re.search(f"[{CJK}]", text):
                self.error(path, f"原因连接词“{_short(text)}”里没有汉字。", "请写成“主要原因是”“究其原因”这样的词语。")
        # check calls it an error in the report: refused here, where it can be mended (not in an
        # imported report's 正文, the author's text kept as it stands: a reminder there)
        bad = unpaired(text) if path[:1] != ("正文",) else []
        if not bad and path[:1] != ("正文",):
            odd = _odd_marks(text)
            if odd:
                self.error(path, *odd)
        if bad:
            at, how = bad[0]
            ch = text[at]
            self.error(
                path,
                f"这一项第 {at + 1} 个字“{ch}”"
                + ("前面没有与它配对的" if how == "close" else "后面没有与它配对的")
                + f"“{partner(ch)}”，报告里会印出一个不成对的括号或引号。",
                f"请补上“{partner(ch)}”，或删去“{ch}”。",
            )
        if path and path[:2] == ("开头", "主要成效") and re.search(r"[。！？；]", text.rstrip("。！？；，、 ")):
            self.error(
                path,
                "这一项里有句号（或问号、分号），报告里它接在开头段的句子中间，会断成两句。",
                "每项只写一句概括的话，不加句号；要写几件事，请分成几项。",
            )
        # A title's closing 。 is not counted: the template adds one where there is none.
        size = len(text.rstrip("。")) if path and path[-1] == "标题" else len(text)
        if node is not None and node.max_length and size > node.max_length:
            if path and path[-1] == "标题":
                self.error(
                    path,
                    f"标题太长了（{size} 个字），报告里超过 {s.TITLE_MAX} 个字的标题会被当成一段正文。",
                    f"标题最多写 {node.max_length} 个字，请压缩成一句概括的话，具体内容写进正文。",
                )
            else:
                self.error(
                    path,
                    f"这一项太长了（{len(text)} 个字）。",
                    f"“{path[-1]}”一般不超过 {node.max_length} 个字，请核对是否把别的内容写了进来。",
                )
        if EMPTY_TITLE.search(text):
            self.error(path, *EMPTY_PROBLEM)
        if node is not None and s.PLACEHOLDER in text:
            self.error(
                path,
                f"还没有填写：请把“{s.PLACEHOLDER}……”换成内容，或删去这一项。",
                "这是 drafter 生成空白表单时留下的示例文字，不能写进报告。",
            )
        # One field is one paragraph: its lines are joined, and no space stays beside a
        # Chinese character (a space, NBSP, U+3000, a tab, a folded ">" block's line break).
        if path[-1] == "署名":  # but a joint report's issuers stay apart, one a line when printed
            return "\u3000".join(close_spaces(x) for x in issuers(text) if x)
        return close_spaces(text)

    def mark(self, text: str, path: PathT) -> tuple[str, str] | None:
        """A sequence mark typed at the head of a title (一、 （一） 1. 一是 …: drafter numbers
        headings itself, so the report would print 一、一、) or of a paragraph that follows a
        title or stands for one (内容, 表现, …: （一） would read as a heading of its own; an
        in-paragraph 一是 is ordinary there). (what is wrong, how to fix it), or None."""
        key = path[-1] if path else None
        title = (key == "标题" and len(path) > 1) or (len(path) >= 2 and path[-2] == "部分标题")  # not the report's own
        # one-line texts and 其他's paragraphs, printed after other text or a mark of drafter's
        named = key in _NAMES or tuple(path) == ("标题",) or (len(path) == 2 and path[0] == "其他")
        if not title and key not in _RUN_IN and not named:
            return None
        m = HEADING_MARK.match(text) or (ORDINAL_MARK.match(text) if title else None)
        stray = _LEADING_MARK.match(text)
        part_heading = len(path) == 3 and tuple(path[:2]) == ("写法", "部分标题")
        if (named or part_heading) and not stray and (key in ("单位", "署名") or part_heading):
            stray = _TRAILING_MARK.search(text)  # 示例县人民政府， signs the report; 一、成效， heads a part
            if stray:
                return (
                    f"这一项以标点“{stray.group()}”结尾，报告里会照样印出来" + ("（一级标题后面不加标点）" if part_heading else "") + "。",
                    f"请删去末尾的“{stray.group()}”。",
                )
        if stray and not m:  # .abc, 、开展: printed after the number (（二）.abc) and read as a bad mark
            if title:
                return (f"标题以标点“{stray.group()}”开头，印出来是“（二）{stray.group()}……”这样。", f"请删去开头的“{stray.group()}”。")
            # 内容 after its heading's 。 (…短板。：部分乡镇), 单位 after “2025年，”: two marks in a row
            return (
                f"这一项以标点“{stray.group()}”开头，报告里它接在别的标点后面，会印成两个标点连在一起。",
                f"请删去开头的“{stray.group()}”。",
            )
        if named:
            return None
        if not m:
            return None
        if title:
            return (
                f"标题以序号“{m.group()}”开头，生成报告时会自动编号，这样会印成两个序号。",
                f"drafter 自己给标题编号（一、（一）1.（1）），请删去开头的“{m.group()}”。",
            )
        return (
            f"这一段以序号“{m.group()}”开头，在报告里会被当成另一个标题。",
            f"请删去开头的“{m.group()}”；段内分条请用“一是……；二是……”。",
        )

    def typed_text(self, value: Any, path: PathT) -> str | None:
        """A text field YAML read as a number, a date or true/false. A plain number (2025,
        3.5) is text as typed; any other (.nan, 1.0e+1, 0x0C, 1_000, true, 2025-01-01) would
        print as something else than what was typed, so is refused (None) with a hint."""
        typed = self.src.raw.get(tuple(path))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and typed and re.fullmatch(r"-?\d+(?:\.\d+)?", typed):
            return typed
        kind = (
            "是否值（true/false）"
            if isinstance(value, bool)
            else "日期"
            if isinstance(value, dt.date)
            else "数"
            if isinstance(value, (int, float))
            else "别的内容"
        )
        shown = typed if typed else str(value)
        self.error(
            path,
            f"这里应当是一段文字，“{_short(shown)}”却会被读成{kind}，报告里写出的就不是原样了。",
            f"如果内容就是这样，请给它加上引号，如 '{_short(shown)}'。",
        )
        return None

    def number(self, value: Any, path: PathT, name: str) -> bool:
        """A finite number of a sane size; else reported. ``name`` is what it counts."""
        if isinstance(value, float) and not math.isfinite(value):
            self.error(path, f"{self.show(value, path)}不是一个确定的数。", f"请写{name}的实际数字。")
            return False
        if abs(value) >= HARD_MAX:
            self.error(path, f"{self.show(value, path)}太大了，不可能是{name}的数字。", "请核对是否多写了零。")
            return False
        return True

    def integer(self, node: s.Integer, value: Any, path: PathT) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            key = path[-1] if path else ""
            if isinstance(value, str) and (wide := _half_width_number(value)) is not None:
                self.error(
                    path, f"“{value.strip()}”用了全角（或别种）数字，会被当作文字，不是数字。", f"数字用半角的 0—9，写成 {key}: {wide}"
                )
            elif isinstance(value, str) and re.fullmatch(r"[0-9]+", value.strip()):
                self.error(
                    path,
                    f"“{value.strip()}”加了引号（或标成了文字），会被当作文字，不是数字。",
                    f"数字不要加引号，写成 {key}: {value.strip()}",
                )
            elif isinstance(value, float) and value.is_integer() and math.isfinite(value):
                self.error(path, f"{self.show(value, path)}带着小数点，这里要写整数。", f"请去掉小数点，写成 {key}: {int(value)}")
            else:
                self.error(path, f"{self.show(value, path)}不是整数。", "请写四位年份等整数，不加引号和单位。")
            return None
        if not self.number(value, path, f"“{path[-1]}”"):
            return None
        if node.minimum is not None and value < node.minimum or node.maximum is not None and value > node.maximum:
            self.error(path, f"{self.figure(value, path)} 超出了合理范围（{node.minimum}—{node.maximum}）。", "请核对这个数字。")
        return value

    def obj(self, node: s.Obj, value: Any, path: PathT) -> Any:
        if not isinstance(value, dict):
            hint = _colon_hint(value) or "请检查缩进，下一级内容要比这一行多缩进两个空格。"
            self.error(path, "这里应当是几项“名称: 内容”。" if path else "表单应当由若干“名称: 内容”组成。", hint)
            return {}
        meant = {}  # field → the misspelt key written for it
        for key in value:
            if key not in node.fields:
                guess = self.unknown_key(path, key, node.fields)
                if guess and guess not in value and guess not in meant:
                    meant[guess] = key
        body = value.get("正文")
        verbatim = not path and body is not BAD and _given(body)
        out = {}
        for key, child in node.fields.items():
            val = value.get(key)
            if isinstance(val, (list, dict)) and not val and not isinstance(child, (s.Seq, s.Obj, s.Figures, s.Body)):
                out[key] = self.check(child, val, path + (key,), value)  # [] where a text or true/false goes: said so
                continue
            if not _given(val):
                if key in meant and _given(value[meant[key]]):  # checked under the misspelt key
                    self.check(child, value[meant[key]], path + (meant[key],), value)
                elif child.required and verbatim and key not in ("单位", "年度", "成文日期"):
                    pass  # a verbatim body: required parts are checked on its roles
                elif child.required:
                    where = path + (key,) if key in value else path
                    self.error(where, f"缺少必填项“{key}”。", child.help)
                out[key] = [] if isinstance(child, s.Seq) else (child.default if isinstance(child, s.Boolean) else None)
                continue
            out[key] = self.check(child, val, path + (key,), value)
        return out

    def seq(self, node: s.Seq, value: Any, path: PathT) -> Any:
        if not isinstance(value, list):
            self.error(path, "这里应当是一列内容。", "每一项另起一行，以“- ”开头。")
            return []
        if len(value) < node.min_items:
            self.error(path, f"至少要写 {node.min_items} 项。", node.help)
        return [self.check(node.item, item, path + (i,)) for i, item in enumerate(value)]

    SECTION_KEYS = ("标题", "角色", "主题", "内容")

    def body(self, value: Any, path: PathT, depth: int) -> Any:
        if not isinstance(value, list):
            self.error(path, "“正文”应当是一列内容：每项一段文字或一节。", "每一项另起一行，以“- ”开头。")
            return []
        out = []
        for i, item in enumerate(value):
            ipath = path + (i,)
            if item is BAD:
                continue
            if isinstance(item, (str, int, float, dt.date)):  # a number or date: as typed, or refused
                text = self.text(item, ipath)
                if text is not None:
                    out.append(text)
                continue
            if not isinstance(item, dict):
                self.error(ipath, "这一项既不是一段文字，也不是一节。", "一节写成“标题: …”和“内容: …”。")
                continue
            section = self.section(item, ipath, depth)
            if section is not None:
                out.append(section)
        return out

    def section(self, item: dict[str, Any], ipath: PathT, depth: int) -> dict[str, Any] | None:
        section = {}
        for key in item:
            if key not in self.SECTION_KEYS:
                self.unknown_key(ipath, key, self.SECTION_KEYS)
        if _given(item.get("标题")):
            section["标题"] = self.check(s.Text(max_length=s.TITLE_MAX), item["标题"], ipath + ("标题",))
        if item.get("角色") is not None:
            section["角色"] = self.check(s.Choice(choices=s.Body.ROLES), item["角色"], ipath + ("角色",))
        theme = item.get("主题")
        if theme is not None and theme is not BAD:
            themes = (*self.cat.themes, "未分类")
            section["主题"] = self.choice(
                themes, theme, ipath + ("主题",), _suggest(str(theme), self.cat.themes) or "不确定时可以删去这一行。"
            )
        content = item.get("内容")
        if content is BAD:
            content = None
        if depth >= s.Body.MAX_DEPTH and isinstance(content, list) and any(isinstance(x, dict) for x in content):
            self.error(ipath, "正文的层级超过了四级。", "公文标题最多四级（一、（一）1.（1）），请把更深的内容并入上一级。")
            return None
        section["内容"] = self.body(content or [], ipath + ("内容",), depth + 1)
        if not section.get("标题"):
            self.error(ipath, "这一节没有标题。", "写上“标题: …”，或把内容直接写成段落。")
        return section

    def figures(self, node: s.Figures, value: Any, path: PathT, parent: dict[str, Any]) -> Any:
        theme_key = node.theme or parent.get("主题")
        theme: Theme | None = self.cat.themes.get(theme_key) if isinstance(theme_key, str) else None
        if theme is None:
            # the 主题 error is reported on its own field; a misspelt one (矛盾纠纷化) still has
            # its figures checked as the theme it most likely means, so no problem waits for the next run
            guess = _closest(theme_key, self.cat.themes) if isinstance(theme_key, str) and theme_key.strip() else None
            if guess is None:
                return {}
            self.figures(s.Figures(theme=guess), value, path, parent)
            return {}
        if not isinstance(value, dict):
            self.error(path, "“数据”应当按“数据组: 指标: 数字”填写。", "可用的数据组：" + "、".join(theme.groups) + "。")
            return {}
        out: dict[str, dict[str, Any]] = {}
        for gname, gval in value.items():
            gpath = path + (gname,)
            group = theme.groups.get(gname)
            if group is None:
                owner = next((t.key for t in self.cat.themes.values() if gname in t.groups), None)
                extra = f"数据组“{gname}”属于主题“{owner}”，请移到那个主题下。" if owner else ""
                guess = self.unknown_key(path, gname, theme.groups, extra)
                if guess and not owner and guess not in value:  # still check the figures below it
                    self.group(theme.groups[guess], gval, gpath)
                continue
            counts = self.group(group, gval, gpath)
            if counts is not None:
                out[gname] = counts
        return out

    def group(self, group: Group, value: Any, gpath: PathT) -> dict[str, Any] | None:
        """The counts of one data group, each checked; None when there are none to use."""
        if value is BAD or not _given(value):
            return None
        if not isinstance(value, dict):
            listed = "可用的指标：" + "、".join(group.figures) + "。"
            self.error(gpath, f"数据组“{group.name}”下应当是“指标: 数字”。", (_colon_hint(value) or "") + listed)
            return None
        counts = {}
        for fname, fval in value.items():
            fpath = gpath + (fname,)
            fig = group.figures.get(fname)
            if fig is None:
                if fname in group.rates:
                    r = group.rates[fname]
                    self.error(
                        fpath,
                        f"“{fname}”是比率，不用填写。",
                        f"它由“{r.numerator} ÷ {'＋'.join(r.denominator)}”自动算出；请删除这一行，填写这几个计数。",
                        at_key=True,
                    )
                    continue
                guess = self.unknown_key(gpath, fname, group.figures)
                if guess and guess not in value and fval is not None and fval is not BAD:
                    self.count(group.figures[guess], fval, fpath)  # its value is checked all the same
                continue
            if fval is None or fval is BAD:
                continue
            number = self.count(fig, fval, fpath)
            if number is not None:
                counts[fname] = number
        for fname, number in counts.items():
            whole = _whole_given(group, fname, counts)  # 优秀案卷 ≤ 合格案卷 ≤ 评查案卷, a step may be missing
            if whole:
                self.over_whole(group, fname, number, whole, counts, gpath)
        return counts

    def over_whole(self, group: Group, fname: str, number: Any, whole: tuple[str, ...], counts: dict[str, Any], gpath: PathT) -> None:
        """``fname`` more than the figure, or the sum of the figures, it is part of: an error at
        its line (按时办复（300）大于人大代表建议与政协提案之和（246））."""
        total = sum(counts[w] for w in whole)
        if number <= total:
            return
        if len(whole) == 1:
            said = f"“{whole[0]}”（{self.figure(total, gpath + whole)}）"
            of = group.figures[whole[0]].about
        else:
            said = "与".join(f"“{w}”" for w in whole) + f"之和（{self.figure(total, ())}）"
            of = "与".join(group.figures[w].about for w in whole) + "之和"
        self.error(
            gpath + (fname,),
            f"“{fname}”（{self.figure(number, gpath + (fname,))}）大于{said}，这不可能。",
            f"{group.figures[fname].about}不能多于{of}，请核对这几个数。"
            if len(whole) > 1
            else f"{group.figures[fname].about}不能多于{of}，请核对这两个数。",
        )

    def count(self, fig: FigureDef, value: Any, path: PathT) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = f"只写数字，单位“{fig.unit}”会自动加上。"
            if isinstance(value, str) and (scaled := _in_unit(value, fig.unit)) is not None:
                # 4680万元 where the form keeps 亿元: the number in the form's own unit
                hint = f"这一项以“{fig.unit}”计，只写数字：{value.strip()}写成 {path[-1]}: {scaled}"
            elif isinstance(value, str) and any(ch in value for ch in "万亿"):
                hint = "请写成完整的数字（例如 1.5万 写成 15000），生成报告时会自动换算成“万”“亿”。"
            elif isinstance(value, str) and "%" in value:
                hint = "这里填件数等计数，不填百分比；比率会自动计算。"
            elif isinstance(value, str) and re.fullmatch(_SCIENTIFIC, value.strip()):
                hint = "请写成完整的数字，不用科学记数法（例如 1e3 写成 1000）。"
            elif isinstance(value, str) and (wide := _half_width_number(value)) is not None:
                # １６２ (full-width digits, or other digits Python reads as numbers): text to YAML
                self.error(
                    path,
                    f"“{value.strip()}”用了全角（或别种）数字，会被当作文字，不是数字。",
                    f"数字用半角的 0—9，写成 {path[-1]}: {wide}" + _whole_needed(fig, wide),
                )
                return None
            elif isinstance(value, str) and (bare := _without_separators(value)) is not None:
                # 1,936 / 1，936 / 3 156 / a full-width space before 921: what stands between is no digit
                self.error(
                    path,
                    f"{self.show(value, path)}里有{bare[1]}，会被当作文字，不是数字。",
                    f"只写数字，写成 {path[-1]}: {_no_leading_zero(bare[0])}" + _whole_needed(fig, bare[0]),
                )
                return None
            elif isinstance(value, str) and (hashed := _GLUED_COMMENT.match(value)):
                # 151#注 or 151 ＃注: YAML starts a comment only at a half-width # after a space
                self.error(
                    path,
                    f"“{value.strip()}”里的“{hashed.group(2)}”不算注释：注释要用半角“#”，前面空一格；这样写，整项会被当作文字，不是数字。",
                    f"写成 {path[-1]}: {hashed.group(1)}  # {hashed.group(3).strip()}" + _whole_needed(fig, hashed.group(1)),
                )
                return None
            elif isinstance(value, str) and (odd := _unseen_beside(self.src.written_from(path), value)):
                # 2001 and a no-break space, pasted from a web page: no quotes to be seen
                number = _no_leading_zero(quiet(value).strip())
                self.error(
                    path,
                    f"“{number}”前后有一个看不见的{odd}，会被当作文字，不是数字；这种字符多半是复制文字时带进来的。",
                    f"请删去数字前后的空白（可以删掉整个数字重新输入），写成 {path[-1]}: {number}" + _whole_needed(fig, number),
                )
                return None
            elif isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]+(?:\.[0-9]+)?", value.strip()):
                # "162" or !!str 162: a number the clerk quoted, read as text
                self.error(
                    path,
                    f"“{value.strip()}”加了引号（或标成了文字），会被当作文字，不是数字。",
                    f"数字不要加引号，写成 {path[-1]}: {_no_leading_zero(value.strip())}" + _whole_needed(fig, value.strip()),
                )
                return None
            self.error(path, f"{self.show(value, path)}不是数字。", hint)
            return None
        if not self.number(value, path, f"“{fig.name}”"):
            return None
        if isinstance(value, float) and not fig.decimal and not value.is_integer():
            self.error(path, f"{self.figure(value, path)} 不是整数。", f"“{fig.name}”是计数（{fig.unit}），应当是整数。")
            return None
        if value < 0 or (isinstance(value, float) and value == 0 and math.copysign(1, value) < 0):
            # -0.0 too: it would print as “-0元”
            self.error(path, f"{self.figure(value, path)} 是负数。", "计数、金额不能小于 0，请核对。")
            return None
        if isinstance(value, float) and not self.digits_kept(fig, value, path):
            return None
        if fig.upper is not None and value > fig.upper:
            self.error(
                path,
                f"{self.figure(value, path)}{fig.unit} 超过了一般县级单位的合理范围（{plain(fig.upper)}{fig.unit}）。",
                "请核对是否多写了零；数字确实无误时可以忽略这条提醒。",
                severity="提醒",
                rule="超出合理范围",
            )
        return value if fig.decimal else int(value)

    def digits_kept(self, fig: FigureDef, value: float, path: PathT) -> bool:
        """Whether the report can print ``value`` as typed (a figure never shows a value it
        does not have): money to the 分 at most (MONEY_PLACES: 2 decimals in 元, 6 in 万元,
        10 in 亿元), and no figure with more digits than a number keeps (about 15). Else
        refused here, at the value, rather than rounded in the report."""
        typed = self.src.raw.get(tuple(path)) or repr(value)
        try:
            given = Decimal(typed.replace("_", ""))
        except ArithmeticError:  # 1_0.5, 0x… are refused as not numbers elsewhere
            return True
        places = MONEY_PLACES.get(fig.unit)
        if places is not None and given != given.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN):
            shown = typed if len(typed) <= 30 else typed[:30] + "……"
            self.error(
                path,
                f"金额“{shown}”写到了分以下：以{fig.unit}计时最多写到小数点后 {places} 位（即到分）。",
                "报告中的金额只写到分，请把这个数四舍五入到分后再填写。",
            )
            return False
        if Decimal(repr(value)) != given:
            self.error(
                path,
                f"“{typed if len(typed) <= 30 else typed[:30] + '……'}”的有效数字太多，生成报告时无法保持原样。",
                "请核对这个数，去掉多余的小数位（一般写到小数点后两位即可）。",
            )
            return False
        return True

    # -- whole-form rules --------------------------------------------------
    def title_year(self, data: dict[str, Any]) -> None:
        """A 标题 that names a year, none of them the form's 年度 (关于2025年度… in a 2024 form):
        the report would say one year in its title and another everywhere else, and check,
        reading the title's year, would find the body's wording and date wrong."""
        year, title = data.get("年度"), data.get("标题")
        if not isinstance(year, int) or not isinstance(title, str):
            return
        named = [int(m.group(1)) for m in _TITLE_YEAR.finditer(title)]
        span = _TITLE_SPAN.search(title)
        if span and int(span.group("end")) != year:
            # 2025—2026年度: a report of two years, read (by check too) as of the later one
            self.error(
                ("标题",),
                f"标题写的是{span.group(0)}，表单的“年度”是{year}。",
                f"年度报告只写一年的工作，标题写“{year}年度”；下一年的安排写在报告的最后一部分。",
            )
        elif named and year not in named:
            self.error(
                ("标题",),
                f"标题写的是{named[0]}年，表单的“年度”是{year}。",
                "报告的是哪一年的工作，标题里的年份和“年度”就都写那一年（成文日期一般在下一年年初）；请改正其中写错的一个。",
            )

    def cross_checks(self, data: dict[str, Any]) -> None:
        year, when = data.get("年度"), data.get("成文日期")
        if isinstance(year, int) and isinstance(when, dt.date):
            if when.year < year:
                self.error(
                    ("成文日期",),
                    f"成文日期 {when:%Y-%m-%d} 早于报告年度 {year} 年。",
                    f"报告写的是 {year} 年的工作，成文日期一般在 {year + 1} 年年初。",
                )
            elif when.year > year + 1:
                self.error(
                    ("成文日期",),
                    f"成文日期 {when:%Y-%m-%d} 比报告年度晚了一年多。",
                    f"请核对“年度”和“成文日期”，报告一般在 {year + 1} 年3月1日前报送。",
                )
        if isinstance(when, dt.date):
            self.placeholder_date(when)
        self.title_year(data)
        self.size(data)
        self.part_headings(data)
        self.part_order(data)
        self.opening(data)
        self.empty_achievements(data)
        self.default_headings(data)
        seen: dict[str, int] = {}
        for i, entry in enumerate(data.get("成效") or []):
            key = (entry or {}).get("主题")
            if key in seen:
                self.error(
                    ("成效", i, "主题"), f"主题“{key}”写了两次（另一次是第 {seen[key] + 1} 项）。", "同一主题的数据和做法请合并到一项里。"
                )
            elif key:
                seen[key] = i

    def placeholder_date(self, when: dt.date) -> None:
        """成文日期 still the date drafter put in a new form, its note beside it: a reminder on
        every run until the clerk writes the real one."""
        for m in re.finditer(s.DATE_NOTE, self.src.text, re.MULTILINE):
            if m.group(1) == f"{when:%Y-%m-%d}":
                self.error(
                    ("成文日期",),
                    f"成文日期还是生成表单时暂填的 {when:%Y-%m-%d}。",
                    "请改为实际的成文日期（印发报告的日期）；改好后可以删去“暂填”那行说明。",
                    severity="提醒",
                )
                return

    def default_headings(self, data: dict[str, Any]) -> None:
        """A theme heading left as drafter ships it: twenty units' reports would share it word for
        word, so the clerk is reminded to write the unit's own (at its 标题, or its 主题 when none)."""
        if data.get("正文"):
            return
        for i, entry in enumerate(data.get("成效") or []):
            theme = self.cat.themes.get(entry.get("主题") or "") if isinstance(entry, dict) else None
            # as printed: 加强党的领导,健全… is the default once its comma is made full-width
            if theme is None or normalize(entry.get("标题") or theme.heading).rstrip("。") != theme.heading:
                continue
            if not any((entry.get("数据") or {}).values()) and not entry.get("做法"):
                continue  # left out of the report (said above)
            self.error(
                ("成效", i, "标题" if entry.get("标题") else "主题"),
                f"主题“{theme.key}”的标题沿用默认写法（{theme.heading}），各单位的报告会一字不差。",
                "建议结合本地工作改写：在这一项里写上“标题: ……”，概括本单位这一年在这方面做了什么。",
                severity="提醒",
            )

    def empty_achievements(self, data: dict[str, Any]) -> None:
        """成效 must say something: a theme with neither figures nor measures is left out of the
        report (a reminder at it); when every theme is so, the report's first part would be a
        heading over nothing (an error)."""
        entries = [e for e in data.get("成效") or [] if isinstance(e, dict) and e.get("主题")]
        if not entries or data.get("正文"):
            return  # none at all: the required field is said where it stands; 正文: printed as written
        # judged on what was written (a figure refused above is no emptiness of the theme's)
        written = self.src.data.get("成效") if isinstance(self.src.data, dict) else None
        written = written if isinstance(written, list) else []
        empty = [
            i
            for i, e in enumerate(data.get("成效") or [])
            if isinstance(e, dict)
            and e.get("主题")
            and not _filled(e.get("数据"))
            and not e.get("做法")
            and not (i < len(written) and _says_something(written[i]))
        ]
        if len(empty) == len(entries):
            self.error(
                ("成效",),
                "成效部分没有内容：列出的主题既没有填数据，也没有写做法。",
                "成效是报告必须写的部分：请至少为一个主题填上数据或写上做法。",
            )
            return
        for i in empty:
            self.error(
                ("成效", i, "主题"),
                f"主题“{data['成效'][i]['主题']}”既没有数据，也没有做法，报告里不会出现。",
                "请填上这个主题的数据或做法；不写这个主题时，删去这一项。",
                severity="提醒",
            )

    def opening(self, data: dict[str, Any]) -> None:
        """开头.句式: nothing after the item that ends the paragraph with “：”. 开头.会议精神 and
        开头.纲要 as the opening prints them (全面贯彻…，对照《…》确定的目标任务):
        a verb the opening already says, an empty 《》, named at the value."""
        given = data.get("开头") or {}
        late = opening.after_the_end(given.get("句式") or [])
        if late is not None:
            self.error(("开头", "句式", late), *opening.AFTER_THE_END)
        for key, judge in (("会议精神", spirit_problem), ("纲要", outline_problem)):
            value = given.get(key)
            found = judge(value) if isinstance(value, str) and value.strip() else None
            if found and isinstance(value, str) and not EMPTY_TITLE.search(value):  # an empty 《》 is reported on every text
                self.error(("开头", key), *found)

    def part_headings(self, data: dict[str, Any]) -> None:
        """A part heading of 写法.部分标题 may hold {年度} and {下一年度}; any other brace is
        named at that heading (it would otherwise be printed, or stop the render)."""
        style = data.get("写法") or {}
        own = style.get("部分标题") or {}
        for key, text in own.items():
            found = headings.problem(text) if isinstance(text, str) else None
            if found:
                self.error(("写法", "部分标题", key), *found)
        if style.get("成效分列") is True and isinstance(own.get("成效"), str) and own["成效"].strip():
            self.error(
                ("写法", "部分标题", "成效"),
                "“成效分列”是 true 时成效的各个主题各作一个一级标题，不写成效的总标题，这里的标题用不上。",
                "要用这个标题，请把“成效分列”改成 false；否则可以删去这一行。",
                severity="提醒",
            )

    def part_order(self, data: dict[str, Any]) -> None:
        """写法.部分次序 names each part once and leaves out none the report must have."""
        order = (data.get("写法") or {}).get("部分次序")
        if not order:
            return
        seen: dict[str, int] = {}
        for i, key in enumerate(order):
            if key in seen:
                self.error(
                    ("写法", "部分次序", i),
                    f"“{key}”在部分次序里写了两次（另一次是第 {seen[key] + 1} 项）。",
                    "每个部分只写一次，请删去其中一项。",
                )
            elif key:
                seen[key] = i
        if None in order:
            return  # a name not among the parts: said at it
        missing = [p.key for p in self.cat.parts if p.own and p.required and p.key not in seen]
        if missing:
            self.error(
                ("写法", "部分次序"),
                f"部分次序里没有列“{'”“'.join(missing)}”。",
                "报告必须有成效、问题、第一责任人、下一步这四个部分，请把没列的部分加到想放的位置；"
                "不想改次序时删去“部分次序”这一项，按规定的次序排。",
            )

    def size(self, data: Any) -> None:
        """A form whose report would be beyond any real one (its text, its paragraphs) is
        refused here, at its longest text or its longest list, before the template would
        stop at its output bounds."""
        total, items = 0, 0
        longest: tuple[PathT, int] = ((), 0)
        biggest: tuple[PathT, int] = ((), 0)
        stack: list[tuple[PathT, object]] = [((), data)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, str):
                total += len(value)
                if len(value) > longest[1]:
                    longest = (path, len(value))
            elif isinstance(value, dict):
                stack.extend((path + (k,), v) for k, v in value.items())
            elif isinstance(value, list):
                items += len(value)
                if len(value) > biggest[1]:
                    biggest = (path, len(value))
                stack.extend((path + (i,), v) for i, v in enumerate(value))
        if total > MAX_TEXT:
            self.error(
                longest[0],
                f"表单里的文字一共 {total} 个字，超出了一份报告的篇幅（最多 {MAX_TEXT // 10_000} 万字）；"
                f"最长的是这一项（{longest[1]} 个字）。",
                "请检查是否把别的文件整个粘贴了进来；一份年度报告通常一两万字。",
            )
        if items > MAX_ITEMS:
            self.error(
                biggest[0],
                f"表单里一共有 {items} 项内容，超出了一份报告能有的段落数（最多 {MAX_ITEMS} 项）；最多的是这一列（{biggest[1]} 项）。",
                "请检查是否误把别的内容整个粘贴了进来；一份年度报告通常只有几百段。",
            )


# A form's report must fit the template's output bounds (render/limits: 500,000 characters and
# 30,000 lines); these leave room for the template's own text.


def validate(src: Source, cat: Catalogue) -> tuple[dict[str, Any], Findings]:
    """Validate ``src``; returns the cleaned data and every finding (errors and warnings),
    those found while loading it included."""
    v = Validator(src, cat)
    v.found.items.extend(src.take_problems())
    data = v.check(s.form_spec(cat), src.data, ())
    v.cross_checks(data or {})
    return data or {}, v.found
