"""Punctuation, digits, dates and heading numbers as a 公文 clerk checks them (domain.md §6),
read from the text as it was typed (a report's source lines, before the reader repaired
them)."""

from __future__ import annotations

import bisect
import re

from drafter.check.checker import Check
from drafter.check.document import comma_numbers, split_numbers
from drafter.errors import Where
from drafter.files.characters import INVISIBLE, invisible_name
from drafter.files.patterns import lazy_re
from drafter.model.numberwords import chinese
from drafter.model.typography import normalize, partner, unpaired
from drafter.reading.parser import number_of, number_value
from drafter.reading.source import stray_name

# Half-width marks are found first and judged by their neighbours in Python: a character
# class of the CJK ranges costs about a millisecond to compile each time it appears, and
# this module is imported on every render.
_HALF_MARK = lazy_re(r'[,;:?!.()"]')
_CJK_CLOSE = "“”‘’（）《》、，。；：！？"
_RANGE = lazy_re(r"\d{1,4}\s*(-{1,2}|－|~|～|–|——)\s*\d{1,4}\s*[年月日条]")
_DASH = lazy_re(r"(?<!\s)\s*(--|－－|-|－)\s*")  # starts only where a run of spaces starts: linear
_DOUBLE = lazy_re(r"([，。；：、！？])[，。；：、！？]")
_FULL_DIGITS = lazy_re(r"[０-９]+(?:[．.][０-９]+)?[％%]?")
_PERCENT_SPACE = lazy_re(r"\d\s+[%％]")
# A date with its month or day padded (2026年02月06日: one date, said once)
_ZERO_DATE = lazy_re(r"(?:\d{4}\s*年\s*)?(?<!\d)(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?")
_OTHER_DATE = lazy_re(r"(?<![\d.])20\d\d\s*([./])\s*\d{1,2}\s*\1\s*\d{1,2}(?![\d.])|(?<![\d-])20\d\d-\d{1,2}-\d{1,2}(?![\d-])")
# 二〇二六年二月六日, with the ○ (a circle), O or 0 typed for 〇
_CN_DATE = lazy_re(
    r"(?=[^年]{0,3}[一二三四五六七八九])[〇○OoＯ0零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
    r"(?:[一二三四五六七八九十]{1,3}日)?"
)
_CN = "一二三四五六七八九十"


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _half_marks(text: str):
    """(offset, mark) of each half-width mark that stands in Chinese text."""
    for m in _HALF_MARK.finditer(text):
        at, mark = m.start(), m.group(0)
        before = text[max(0, at - 4) : at].rstrip(" \t")[-1:]
        after = text[at + 1 : at + 5].lstrip(" \t")[:1]
        if mark in ",;:?!":
            if (before and (_cjk(before) or before in _CJK_CLOSE)) or (after and (_cjk(after) or after in "“（《")):
                yield at, mark
        elif mark == ".":
            nxt = text[at + 1 : at + 2]
            if re.fullmatch(r"\s*[一二三四五六七八九十]{1,3}", text[:at]):
                continue  # 二.存在的不足: a heading number's mark, said by 序号标点
            if before and (_cjk(before) or before in "）”") and not (nxt.isascii() and (nxt.isalnum() or nxt == ".")):
                yield at, mark
        elif mark == "(":
            close = text.find(")", at)
            inner = text[at + 1 : close] if close > 0 else ""
            if "(" not in inner and any(_cjk(c) for c in inner):
                yield at, mark
        elif mark == '"':
            yield at, mark


def half_width(check: Check) -> None:
    doc = check.doc
    hits = []
    for unit in doc.surface():
        if not any(_cjk(c) for c in unit.text):
            continue
        hits += [(unit, at, mark) for at, mark in _half_marks(unit.text)]
    if not hits:
        return
    limit = check.table.params["半角标点汇总"]
    if len(hits) > limit:
        unit, at, mark = hits[0]
        lines = len({id(u) for u, _, _ in hits})
        check.add(
            "半角标点",
            doc.where(unit, at, at + 1),
            _around(unit.text, at),
            unit.part,
            f"全文有{len(hits)}处半角标点（分布在{lines}段），第一处是这里的“{mark}”。",
            "中文里的逗号、句号、冒号、分号、括号、引号都用全角（，。：；（）“”）。从网页复制的文字常被转成半角，"
            "可在 Word/WPS 中用“查找替换”统一改正。",
        )
        return
    for unit, at, mark in hits:
        check.add(
            "半角标点",
            doc.where(unit, at, at + 1),
            _around(unit.text, at),
            unit.part,
            f"中文里用了半角的“{mark}”。",
            f"改为全角的“{normalize('字' + mark + '字')[1]}”。" if mark in ",;:?!" else "改为全角标点（（）“”。）。",
        )


def invisible(check: Check) -> None:
    """Characters that show nothing (direction marks, zero-width characters, soft hyphens):
    pasted from web pages, they hide a figure from searches and from these checks (which
    read the text without them), and a direction override can reorder what is printed."""
    doc = check.doc
    hits = []
    for unit in doc.surface():
        if unit._at is not None:
            hits.append((unit, [m.start() for m in INVISIBLE.finditer(unit.raw)]))
    if not hits:
        return
    limit = check.table.params["不可见字符汇总"]
    if len(hits) > limit:
        unit, spots = hits[0]
        total = sum(len(s) for _, s in hits)
        check.add(
            "不可见字符",
            _invisible_where(doc, unit, spots[0]),
            _around(unit.text, _clean_at(unit, spots[0])),
            unit.part,
            f"全文有{total}个看不见的字符（分布在{len(hits)}段），第一处在这里，是{invisible_name(unit.raw[spots[0]])}。",
            _INVISIBLE_HINT,
        )
        return
    for unit, spots in hits:
        kinds: dict[str, int] = {}
        for at in spots:
            kinds[unit.raw[at]] = kinds.get(unit.raw[at], 0) + 1
        named = "、".join(invisible_name(ch) + (f"{n}个" if n > 1 else "") for ch, n in kinds.items())
        check.add(
            "不可见字符",
            _invisible_where(doc, unit, spots[0]),
            _around(unit.text, _clean_at(unit, spots[0])),
            unit.part,
            f"这一段有{len(spots)}个看不见的字符：{named}。",
            _INVISIBLE_HINT,
        )


_INVISIBLE_HINT = (
    "这些字符多是从网页复制带来的，屏幕上和打印出来都看不见，却会把数字和它的名称隔开，查找、核对都找不到。"
    "请删去：在 Word/WPS 中把这段文字剪切后用“只保留文本”的方式重新粘贴，或重新输入这一段。"
)


def strays(check: Check) -> None:
    """Stray characters of a report file (controls, non-characters, private-use ones:
    reading/source.STRAY), shown by a stand-in (␀, ␛, �): said where they stand, each line
    once (or once for the whole file when many lines hold them). The checks read them as a
    break (“结案率9␀0%” is neither 9 nor 0%), so a figure beside one is not computed from."""
    doc = check.doc
    if not doc.strays:
        return
    surface = {u.line: u for u in doc.surface() if u.line in doc.strays}
    hits = [(surface[n], doc.strays[n]) for n in sorted(surface)]
    if not hits:
        return
    limit = check.table.params["不可见字符汇总"]
    for unit, spots in hits if len(hits) <= limit else hits[:1]:
        at, ch = spots[0]
        kinds: dict[str, int] = {}
        for _, c in spots:
            kinds[c] = kinds.get(c, 0) + 1
        named = "、".join(stray_name(c) + (f"{n}个" if n > 1 else "") for c, n in kinds.items())
        said = (
            f"全文有{sum(len(s) for _, s in hits)}个不能显示的字符（分布在{len(hits)}段），第一处在这里，是{stray_name(ch)}"
            if len(hits) > limit
            else f"这一段有{len(spots)}个不能显示的字符：{named}"
        )
        check.add(
            "不可见字符",
            _invisible_where(doc, unit, at),
            _around(unit.text, _clean_at(unit, at)),
            unit.part,
            f"{said}（原文中以{''.join(dict.fromkeys(f'“{unit.raw[a]}”' for a, _ in spots))}标出）。"
            "核对时把它当作断开：它两边的数字不连起来读，也不据以核算。",
            _STRAY_HINT,
        )


_STRAY_HINT = (
    "这类字符多是从其他系统导出或转换格式时带来的，屏幕上看不见或显示为方框，Word 文档也写不进去。"
    "请在原文件中删去它；如果它夹在数字中间，请核对这个数字是否完整。"
)


def _clean_at(unit, raw_at: int) -> int:
    """The offset in the unit's text (without invisible characters) of raw offset ``raw_at``."""
    return bisect.bisect_left(unit._at, raw_at) if unit._at is not None else raw_at


def _invisible_where(doc, unit, raw_at: int):
    if unit.kind == "原文" and doc.kind != "docx":
        return doc.said(Where(doc.name, unit.line, raw_at + 1), unit.raw, raw_at)
    k = _clean_at(unit, raw_at)
    return doc.where(unit, k, min(len(unit.text), k + 8))  # a form finds the place by these words


def _around(text: str, at: int, before: int = 6, after: int = 6) -> str:
    return text[max(0, at - before) : at + after]


def dashes(check: Check) -> None:
    doc = check.doc
    for unit in doc.surface():
        for m in _RANGE.finditer(unit.text):
            if m.group(1) == "—":
                continue
            check.add(
                "连接号",
                doc.where(unit, m.start(), m.end()),
                m.group(0),
                unit.part,
                f"时间、序号的起止用了“{m.group(1)}”。",
                f"改为一字线“—”：{m.group(0).replace(m.group(1), '—').replace(' ', '')}。",
            )
        for m in _DASH.finditer(unit.text):
            before, after = unit.text[m.start() - 1 : m.start()], unit.text[m.end() : m.end() + 1]
            if not (before and after and _cjk(before) and _cjk(after)):
                continue
            check.add(
                "连接号",
                doc.where(unit, m.start(1), m.end(1)),
                _around(unit.text, m.start(1)),
                unit.part,
                f"汉字之间用了“{m.group(1)}”。",
                "表示起止用一字线“—”，表示解释说明用破折号“——”。",
            )


# 、 between items each in quotes or 书名号 (“放管服”、“一网通办”): GB/T 15834 leaves it out
# (a bracket note after an item, ”（…）、“, keeps it, and is not matched here).
_QUOTED_LIST = lazy_re(r"[”》]、[“《]")
# A character typed twice (的的, 在在, 是是): right only when one of the two belongs to a word
# with its neighbour (目的的, 在在线平台, 就是是否…), so the words each may end or begin are
# listed and such a pair is left alone. Other doubled characters (和和谐, 被被告, 把把关) are
# too often two words to say anything about.
_DOUBLED = lazy_re(r"(的的|在在|是是)")
_ENDS = {"的": "目标有端似别真是好对", "在": "存现所实正自内外潜不还都就仍也", "是": "但就还只总要若正而都也不于凡可或"}
_BEGINS = {"的": "确士", "在": "线职建押场岗校编册逃案内于即途办审用外任", "是": "非否"}


def quoted_lists(check: Check) -> None:
    doc = check.doc
    for unit in doc.surface():
        text = normalize(unit.text) if unit.kind == "原文" else unit.text
        for m in _QUOTED_LIST.finditer(text):
            check.add(
                "引号间顿号",
                doc.where(unit, m.start(), m.end()),
                _around(text, m.start() + 1),
                unit.part,
                "引号（书名号）括起的并列成分之间用了顿号。",
                "按标点符号用法，这里通常不用顿号，可以删去“、”。",
            )


def doubled(check: Check) -> None:
    doc = check.doc
    for unit in doc.units:
        if unit.kind not in ("段落", "小标题", "标题"):
            continue
        for m in _DOUBLED.finditer(unit.text):
            c, before, after = m.group(0)[0], unit.text[m.start() - 1 : m.start()], unit.text[m.end() : m.end() + 1]
            if c == "是" and before and before in _CN and unit.kind == "段落" and _ITEM.match(unit.text, m.start() - 1):
                continue  # 二是是 opening an item: said by 列举编号
            if (before and before in _ENDS[c]) or (after and after in _BEGINS[c]):
                continue  # 目的的, 在在线: a word and the character
            check.add(
                "重复字",
                doc.where(unit, m.start(), m.end()),
                _around(unit.text, m.start() + 1),
                unit.part,
                f"“{m.group(0)}”：同一个字连写了两次。",
                f"删去一个“{m.group(0)[0]}”。",
            )


def marks(check: Check) -> None:
    """Doubled punctuation, unbalanced pairs, full-width digits, spaces before %, dates."""
    doc = check.doc
    rules = ("重复标点", "括号引号不成对", "全角数字", "百分号空格", "数字中间有空格", "数字中间有逗号", "日期补零", "日期写法")
    on = {rule: check.on(rule) for rule in rules}
    for unit in doc.surface():
        text = normalize(unit.text) if unit.kind == "原文" else unit.text
        if on["重复标点"]:
            for m in _DOUBLE.finditer(text):
                check.add(
                    "重复标点",
                    doc.where(unit, m.start(), m.end()),
                    _around(text, m.start()),
                    unit.part,
                    f"“{m.group(0)}”两个标点连在一起。",
                    "删去多余的一个。",
                )
        if on["括号引号不成对"]:
            pairs(check, unit, text)
        if on["全角数字"]:
            for m in _FULL_DIGITS.finditer(unit.text):
                check.add(
                    "全角数字",
                    doc.where(unit, m.start(), m.end()),
                    m.group(0),
                    unit.part,
                    f"“{m.group(0)}”是全角数字。",
                    f"改为半角：{normalize(m.group(0))}。",
                )
        if on["百分号空格"]:
            for m in _PERCENT_SPACE.finditer(unit.text):
                check.add(
                    "百分号空格",
                    doc.where(unit, m.start(), m.end()),
                    _around(unit.text, m.start(), 4, 4),
                    unit.part,
                    "数字和“%”之间有空格。",
                    "删去空格，写成“93.2%”。",
                )
        if on["数字中间有空格"]:
            for start, end in split_numbers(unit.text):
                whole = unit.text[start : end + len(re.match(r"[\d.]*", unit.text[end:]).group())]  # type: ignore[union-attr]  # matches empty
                check.add(
                    "数字中间有空格",
                    doc.where(unit, start, start + len(whole)),
                    _around(unit.text, start, 4, 6),
                    unit.part,
                    f"数字“{whole}”中间有空格，读起来是两个数。",
                    "删去数字中间的空格；如果本来是两个数，请在中间加上文字或标点。",
                )
        if on["数字中间有逗号"]:
            for start, end in comma_numbers(unit.text):
                whole = unit.text[start : end + len(re.match(r"[\d.]*", unit.text[end:]).group())]  # type: ignore[union-attr]  # matches empty
                check.add(
                    "数字中间有逗号",
                    doc.where(unit, start, start + len(whole)),
                    _around(unit.text, start, 4, len(whole) + 1),
                    unit.part,
                    f"数字“{whole}”中间的“，”是全角逗号，读起来是两个数。",
                    f"删去逗号，写成“{whole.replace('，', '')}”（数字不加分隔符，大数用“万”“亿”）；本来是两个数的，请在中间加上文字。",
                )
        if on["日期补零"]:
            for m in _ZERO_DATE.finditer(unit.text):
                if not (m.group("month").startswith("0") or (m.group("day") or "").startswith("0")):
                    continue
                check.add(
                    "日期补零",
                    doc.where(unit, m.start(), m.end()),
                    _around(unit.text, m.start(), 0, 12),
                    unit.part,
                    "日期的月或日前面补了零。",
                    "月、日不补零，写成“2026年2月6日”。",
                )
        if on["日期写法"]:
            for m in list(_OTHER_DATE.finditer(unit.text)) + list(_CN_DATE.finditer(unit.text)):
                check.add(
                    "日期写法",
                    doc.where(unit, m.start(), m.end()),
                    m.group(0),
                    unit.part,
                    f"日期写成了“{m.group(0)}”。",
                    "公文的日期用阿拉伯数字写全年、月、日，如“2026年2月6日”。",
                )


_MAX_PAIR_FINDINGS = 3  # per paragraph: past that the paragraph is garbled, three show it


def pairs(check: Check, unit, text: str) -> None:
    """Brackets, 书名号 and quotes that do not pair (typography.unpaired), half-width brackets
    included (whether or not the half-width summary fires), up to three a paragraph."""
    for i, how in unpaired(text)[:_MAX_PAIR_FINDINGS]:
        ch = text[i]
        said = f"这里的“{ch}”前面没有对应的“{partner(ch)}”。" if how == "close" else f"这里的“{ch}”没有对应的“{partner(ch)}”。"
        check.add("括号引号不成对", check.doc.where(unit, i, i + 1), _around(text, i), unit.part, said, "补上或删去，使引号、括号成对。")


# -- heading numbers -----------------------------------------------------------------------
_FORMS = {  # level → (the right form, what the number must look like)
    1: ("一、", lazy_re(rf"^(?:[{_CN}]+、|第[{_CN}]+部分)$")),
    2: ("（一）", lazy_re(rf"^（[{_CN}]+）$")),
    3: ("1.", lazy_re(r"^\d{1,2}[.．]$")),
    4: ("（1）", lazy_re(r"^（\d{1,2}）$")),
}


_PART_NUMBER = lazy_re(rf"^第[{_CN}]+部分")


# 一是、二是…: the enumeration official prose uses at any level, in a paragraph of its own
# or several in one; never a wrong number mark, though still numbered in order.
_ENUM_NUMBER = lazy_re(rf"^([{_CN}]+)是$")


def headings(check: Check) -> None:
    doc = check.doc
    by_node = {id(u.node): u for u in doc.units if u.kind == "小标题"}

    def siblings(secs, parent_name: str, above: int, under_part: bool = False, body=()) -> None:
        """``above``: the level of the numbered heading above ``secs`` (0: none). A part's
        title typed without a number (存在的问题) or numbered as a part (第一部分) shifts no
        mark: the 一、 below it are of the first level, and （一） there is right too (the
        title stands for the first level). ``body``: the parent's paragraphs and sections in
        order; a paragraph numbered as the headings are (1.全年受理64件，…。, a statement the
        reader keeps as text) stands before them in the count."""
        prev = None
        skipped = False
        numbered = _numbered_paragraphs(body)
        for sec in secs:
            unit = by_node.get(id(sec))
            number = sec.number.strip()
            if prev is None and number and id(sec) in numbered:
                prev = numbered[id(sec)].get(_shape_of(number))
            if not number or unit is None:
                continue
            where = doc.where(unit, 0, len(unit.text))
            level = min(above + 1, len(_FORMS))
            if under_part and level < len(_FORMS) and _FORMS[level + 1][1].match(number):
                level += 1
            form, shape = _FORMS[level]
            enum = _ENUM_NUMBER.match(number)
            deeper = next((lower for lower, (_, other) in _FORMS.items() if lower > level and other.match(number)), None)
            if deeper is not None and not enum:
                # 1． right under 一、: a right mark of a lower level, the level between left out;
                # said once for the headings of one parent
                if not skipped and check.on("层次跳级"):
                    check.add(
                        "层次跳级",
                        where,
                        number + sec.heading[:10],
                        unit.part,
                        f"{parent_name}下直接用了“{_FORMS[deeper][0]}”这一层的序号，跳过了“{form}”这一层。",
                        f"结构层次依次为一、（一）1.（1）：这一层写成“{form}”这样，或在上面补上“{form}”一层的标题。" + _in_word(sec),
                    )
                skipped = True
            # ①②: items listed under any level, never a level's own number
            elif check.on("序号标点") and not enum and not shape.match(number) and number[:1] not in _CIRCLED:
                check.add(
                    "序号标点",
                    where,
                    number + sec.heading[:10],
                    unit.part,
                    f"序号“{number}”的写法不对。",
                    f"这一级序号写成“{form}”这样：{_right(number, form)}。" + _in_word(sec),
                )
            if enum and sec.heading.startswith("是") and not sec.heading.startswith(("是非", "是否")) and check.on("列举编号"):
                check.add("列举编号", where, number + sec.heading[:10], unit.part, f"“{number}”后面多了一个“是”。", f"写成“{number}”。")
            value = number_value(enum.group(1) if enum else number)
            if value is None:
                continue
            empty = number_value(sec.bare_before) if sec.bare_before else None
            if check.on("标题编号") and empty is not None and empty == (prev or 0) + 1 and value == empty + 1:
                # 2. left alone on a line (its words deleted, not its paragraph): Word numbers
                # on, so nothing skips; the line itself is what to remove
                check.add(
                    "标题编号",
                    where,
                    number + sec.heading[:10],
                    unit.part,
                    f"“{number}{sec.heading[:10]}”前面有一行只有编号“{sec.bare_before}”，没有文字（多半是删了标题的文字，没删它的段落）。",
                    "请删去那一行"
                    + (
                        "（在 Word 里连同它的编号一起删掉），后面的编号会自动接上。"
                        if sec.word_numbered
                        else "，再把后面的编号依次改过来。"
                    ),
                )
            elif check.on("标题编号"):
                if prev is None and value != 1:
                    check.add(
                        "标题编号",
                        where,
                        number + sec.heading[:10],
                        unit.part,
                        f"{parent_name}下的第一个标题编为“{number}”，没有从头编起。",
                        "每一级编号在上一级标题下都从“一”或“1”重新编起。" + _in_word(sec),
                    )
                elif prev is not None and value == prev:
                    check.add(
                        "标题编号",
                        where,
                        number + sec.heading[:10],
                        unit.part,
                        f"编号“{number}”重复了。",
                        "请按顺序重新编号。" + _in_word(sec),
                    )
                elif prev is not None and value < prev:
                    check.add(
                        "标题编号",
                        where,
                        number + sec.heading[:10],
                        unit.part,
                        f"编号在“{_show(prev, number)}”之后又回到了“{number}”。",
                        "请按顺序重新编号。" + _in_word(sec),
                    )
                elif prev is not None and value > prev + 1:
                    check.add(
                        "标题编号",
                        where,
                        number + sec.heading[:10],
                        unit.part,
                        f"编号从“{_show(prev, number)}”跳到了“{number}”。",
                        "请按顺序重新编号，或补上缺的部分。" + _in_word(sec),
                    )
            prev = value
        for sec in secs:
            if sec.sections:
                # 第一部分 stands above the levels as a part's title without a number does; below
                # a numbered heading, the level its own mark has (a level skipped is said once)
                number = sec.number.strip()
                part = not number or bool(_PART_NUMBER.match(number))
                own = next((lvl for lvl, (_, shape) in _FORMS.items() if shape.match(number)), None)
                # a part numbered 1. (its level skipped, said once) keeps （一） right below it
                top_skipped = sec.level == 1 and own is not None and own > 1
                siblings(
                    sec.sections,
                    f"“{sec.number}{sec.heading[:12]}”",
                    above if part else 1 if top_skipped else own if own is not None else above + 1,
                    part and sec.level == 1,
                    sec.body,
                )

    siblings(doc.report.sections, "正文", 0)


def _in_word(sec) -> str:
    """What to add to a numbering fix when Word's automatic numbering shows the number: typed
    in the text, another number would stand beside it."""
    if not getattr(sec, "word_numbered", False):
        return ""
    return "这个序号是 Word 自动编号的（不在文字里）：请选中这些标题，在 Word 的“编号”里改编号格式或重新编号，不要在文字里另打序号。"


def _shape_of(number: str) -> str:
    """A heading number's form without its value (3. → 0., （二） → （一）-like)."""
    return re.sub(r"\d+", "0", re.sub(rf"[{_CN}]+", "一", number))


def _numbered_paragraphs(body) -> dict[int, dict[str, int]]:
    """For each section of ``body``: the last value of each number form that opened a
    paragraph before it (1.全年受理… before 2.强化复议监督。)."""
    from drafter.model.report import Paragraph

    seen: dict[str, int] = {}
    out: dict[int, dict[str, int]] = {}
    for item in body:
        if isinstance(item, Paragraph):
            found = number_of(item.text)
            value = number_value(found.number) if found else None
            if found and value is not None:
                seen[_shape_of(found.number.strip())] = value
        elif seen:
            out[id(item)] = dict(seen)
    return out


# An item of an enumeration inside a paragraph: 一是 at its start or after a stop, a comma or
# a colon (……工作中，一是…；二是…).
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ITEM = lazy_re(rf"(?:^|(?<=[。；;，,：:]))\s*(?P<n>[{_CN}]{{1,3}})是(?P<again>是(?![非否]))?")  # 一是是非观念: a word


def enumerations(check: Check) -> None:
    """一是/二是 items written in body paragraphs, in one paragraph or run on across the
    paragraphs that open with one: a gap (一是、二是、四是), a repeat, a step back, or a
    doubled 是 (二是是). A run is only judged once it has begun at 一是; 一是 again starts a
    new one. (Items the reader made run-in headings are judged with the headings.)"""
    doc = check.doc
    prev: int | None = None  # the last item's value in the current run
    for unit in doc.units:
        if unit.kind != "段落":
            prev = None
            continue
        items = list(_ITEM.finditer(unit.text))
        if not items or items[0].start() > 0 and unit.text[: items[0].start("n")].strip():
            prev = None  # the paragraph does not open with an item: a run of its own, if any
        since = 0  # where the text after the previous item starts in this paragraph
        for m in items:
            value = number_value(m.group("n"))
            if value is None:
                continue
            number = m.group("n") + "是"
            where = doc.where(unit, m.start("n"), m.end())
            quote = unit.text[m.start("n") : m.start("n") + 12]
            if m.group("again"):
                check.add("列举编号", where, quote, unit.part, f"“{number}”后面多了一个“是”。", f"写成“{number}”。")
            if prev is not None and value == prev + 2:
                # the missing item is there, run on without a stop before it (…不断提升二是强化…)
                missed = _show(prev + 1, number)
                at = unit.text.find(missed, since, m.start("n"))
                if at > 0:
                    check.add(
                        "列举编号",
                        doc.where(unit, at, at + len(missed)),
                        unit.text[max(0, at - 6) : at + 6],
                        unit.part,
                        f"“{missed}”前面少了句号或分号，和上一项连在了一起。",
                        f"在“{missed}”前面补上句号或分号。",
                    )
                    prev = prev + 1
            since = m.end()
            if prev is not None and value != 1 and value != prev + 1:
                if value == prev:
                    check.add("列举编号", where, quote, unit.part, f"列举的“{number}”重复了。", "请按“一是、二是、三是”的顺序重新排。")
                elif value > prev + 1:
                    check.add(
                        "列举编号",
                        where,
                        quote,
                        unit.part,
                        f"列举从“{_show(prev, number)}”跳到了“{number}”。",
                        "请按顺序重新排，或补上缺的一项。",
                    )
                elif value < prev:
                    check.add(
                        "列举编号", where, quote, unit.part, f"列举在“{_show(prev, number)}”之后又回到了“{number}”。", "请按顺序重新排。"
                    )
                prev = None  # said once: the rest of this run is not judged again
                continue
            prev = value if prev is not None or value == 1 else None


def _show(value: int, like: str) -> str:
    """``value`` written in the style of ``like`` (for messages)."""
    if any(c in like for c in _CN):
        cn = (
            _CN[value - 1] if value <= 10 else f"{_CN[value // 10 - 1] if value >= 20 else ''}十{_CN[value % 10 - 1] if value % 10 else ''}"
        )
        return re.sub(rf"[{_CN}]+", cn, like, count=1)
    return re.sub(r"\d+", str(value), like, count=1)


def _right(number: str, form: str) -> str:
    """The number written in the level's form: 1、 at the （一） level is （一）, 二. at the 1. level 2."""
    core = re.sub(r"[（）()、.．，,\s]", "", number)
    # 1.2 (Word's legal numbering) is the second of its level, not the twelfth
    value = (number_value(number) or number_value(core)) if core else None
    if value is not None:
        core = chinese(value) if "一" in form else str(value)
    return f"应写“{form.replace('一', core).replace('1', core)}”" if core else f"如“{form}”"


def run(check: Check) -> None:
    if check.on("不可见字符"):
        invisible(check)
        strays(check)
    if check.on("半角标点"):
        half_width(check)
    if check.on("连接号"):
        dashes(check)
    if check.on("重复标点", "括号引号不成对", "全角数字", "百分号空格", "日期补零", "日期写法"):
        marks(check)
    if check.on("序号标点", "标题编号", "列举编号"):
        headings(check)
    if check.on("列举编号"):
        enumerations(check)
    if check.on("引号间顿号"):
        quoted_lists(check)
    if check.on("重复字"):
        doubled(check)
