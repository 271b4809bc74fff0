"""Read a real report (its paragraphs as lines) into the Report tree.

Real reports are messier than our markup (../shared/corpus/README.md): web-page chrome
around them, a title repeated or missing, half-width punctuation, numbering that restarts
or skips, 1. items numbered on across sections, headings run straight into their text,
a paragraph broken in two, a whole page on one line, signature or date missing.

The tree keeps the order of what was written; numbers are kept as ``Section.number``.
Nesting follows position, not only the kind of number: a kind met for the first time goes
one level below the heading above it (1、 directly under 一、 is the second level), unless
the usual order (一、 > （一） > 1. > （1） > ①) puts it higher; a kind met again returns to
its level. Two more kinds of heading have no number of their own: 一是/二是 opening
paragraphs of their own, and a run of paragraphs that each open with a short lead
sentence; both are run-in headings of the next level. A part's title typed on a line of
its own without a number (存在的问题, 下一步工作打算) is a part: the numbered headings after
it go below it, their count restarting there.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from drafter.files.patterns import lazy_re
from drafter.model.report import Origin, Paragraph, Report, Section, Segment, TreeBuilder
from drafter.model.typography import issuers, normalize
from drafter.reading.classify import named_roles, part_role
from drafter.reading.figure_finder import UNITS

_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# What follows a number in body text that lists numerals, never a heading's words after its
# number: 一、二季度, 三、四月份, 一、二级, 十、百、千工程 (and 一、二、 itself)
_NUMERALS_ON = rf"[{_CN}百千万两]+(?:[、．.]|季度|月|级|类|等奖|线城市)"
# What a figure, never a heading number, goes on with (1.2万件, 1.5倍, 3.5 亿元, 2.5%)
_NOT_A_NUMBER = "(?:[万亿千百余多倍%％]|" + "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True))) + ")"
_LEGAL_AFTER = rf"(?=[ \u3000\t]+[\u4e00-\u9fff（(“])(?!\s*{_NOT_A_NUMBER})\s*"  # after 1.1: a space, then words
MAX_LEVEL = 4  # the tree's levels (一、 （一） 1. （1）); deeper headings share the fourth


class Kind(NamedTuple):
    """A kind of heading number: its name, its place in the usual order, and its pattern
    (group 1 the number as written)."""

    name: str
    rank: int
    pattern: re.Pattern


@lru_cache(maxsize=1)
def kinds() -> list[Kind]:
    """The kinds of heading number, compiled when first needed (render imports this module
    through the checker and never reads a report)."""
    return [
        # 第一部分: a part above the 一、 headings (as an unnumbered part title is)
        Kind("第一部分", 0, re.compile(rf"^(第[{_CN}]+部分[、：:\s]?)\s*")),
        Kind("一、", 1, re.compile(rf"^([{_CN}]+ ?[、．.])(?!{_NUMERALS_ON})\s*")),
        Kind("（一）", 2, re.compile(rf"^([（(] ?[{_CN}]+ ?[）)][、．.]?)(?![至到、和及与][（(])\s*")),
        Kind("一）", 2, re.compile(rf"^([{_CN}]+[）)])\s*")),
        # Word's legal numbering (1. / 1.1 / 1.1.1, a heading style's list), a space after it
        # as Word puts one: never a figure (1.2万件, 3.5 亿元), nor 1. before one (1.3.15维权)
        Kind("1.1.1", 3, re.compile(rf"^(\d{{1,2}}[.．]\d{{1,2}}[.．]\d{{1,2}}[.．]?){_LEGAL_AFTER}")),
        Kind("1.1", 2, re.compile(rf"^(\d{{1,2}}[.．]\d{{1,2}}[.．]?){_LEGAL_AFTER}")),
        Kind("1.", 3, re.compile(r"^(\d{1,2} ?[.．、](?:(?= ?\d{4}年)|(?![\d%])(?! ?\d)))\s*")),  # 4. 2026年工作安排: a year may follow
        Kind("（1）", 4, re.compile(r"^([（(] ?\d{1,2} ?[）)][、．.]?)\s*")),
        Kind("1）", 4, re.compile(r"^(\d{1,2}[）)])(?!\d)\s*")),
        Kind("①", 5, re.compile(rf"^([{_CIRCLED}][、．.]?)\s*")),
    ]


ENUMERATION = lazy_re(rf"^[{_CN}]+是")
INLINE_ENUMERATION = lazy_re(rf"(?:^|(?<=[。；;，：:将]))([{_CN}]+是)")  # 我们将一是…
_HAN_DIGIT = "〇○零一二三四五六七八九"
# The date line: 2026年2月6日, in Chinese numerals (二〇二六年, with the ○/O/0 WPS users type for 〇), or
# 2026.2.6 / 2026-02-06 (a reminder of its own, 日期写法, says how to write it; the closing is read)
# The date may stand with what clerks put round it: 日期：…, brackets, （星期五）, a full stop, 印发,
# （已盖章） — the date is read all the same (group “date”).
DATE_LINE = lazy_re(
    rf"^(?:日期[：:])?[（(]?(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日"
    rf"|[{_HAN_DIGIT}Oo0]{{4}}年[{_CN}]{{1,2}}月[{_CN}]{{1,3}}日"
    r"|\d{4}(?P<sep>[.\-/])\d{1,2}(?P=sep)\d{1,2})[）)]?"
    r"(?:[（(]?星期[一二三四五六日天][）)]?)?(?:印发)?[。.]?(?:[（(]已?盖章[）)])?$"
)
# A signature line saying it was sealed (示范县人民政府（已盖章）, （盖章）)
_SEAL_WORDS = r"[（(](?:已?盖章|印章|公章|单位印章|盖章处)[）)]"  # the seal's note: （印章）, （已盖章）
_SEALED_NOTE = lazy_re(rf"\s*{_SEAL_WORDS}\s*$")
_CHROME = lazy_re(
    r"^(当前位置|您的位置|您现在的位置|您当前的位置|首页\s*>|文件名称|索引号|公开责任部门|公开目录|文号|有效性|发布机构|"
    r"扫一扫|打印本页|关闭窗口|【关闭窗口】|【打印】|【关闭】|【打印本页】|分享到|上一篇|下一篇|相关链接|相关附件[:：]?$|"
    r"责任编辑[:：]|编辑[:：]|审核[:：]|校对[:：]|【字体[:：])"
    r"|更新时间|浏览次数|发布时间|发布日期|发布于|来源[:：]|公开日期|成文日期[:：]|字体\s*[\[【［]|字号\s*[:：]?\s*[大中小]"
)
# 附注 under the date: in brackets, brackets of its own allowed (（此件公开发布（联系人：张三））),
# as long as a form's 附注 may be (form.spec.NOTE_MAX) and its brackets.
_NOTE = lazy_re(r"^[（(].{1,84}[）)]$")
MAX_NOTES = 4  # notes under the date read back (a template may print several @附注)
# An attachment after the closing: 附件：…, 附件1：…, 附表, 附录, 附：… (its lines, however many, are no body)
_ATTACHMENT = lazy_re(
    r"^附(?:[件表录][一二三四五六七八九十\d]*)?\s*[：:]|^附[件表录][一二三四五六七八九十\d]*$"
    # the 版记: 抄送, 主题词, the issuing office and date, copies printed
    r"|^(?:抄送|抄报|主题词|分送)\s*[：:]|^\S.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$"
    r"|^[（(]?共印\s*\d+\s*份[）)]?$"
    # a note under the date without its brackets: who to ask (联系人：…), or how it is published
    r"|^(?:联系人|联系电话|联系方式|经办人|承办人)\s*[：:]|^此件(?:公开发布|不公开|不予公开|依申请公开)[。]?$"
    # the 版记's rule line (a row of dashes or underscores typed under the date)
    r"|^[—─━＿_\-=－]{4,}$"
)
MAX_ATTACHMENT = 400  # lines looked back over for the start of an attachment
# The 附件说明 above the signature: 附件：1.名称 (or one name), then 2.名称 … a line each
_ATTACHMENT_NOTE = lazy_re(r"^附件[：:]\S")
_ATTACHMENT_ITEM = lazy_re(r"^\d{1,2}[.．、]\S")
MAX_ATTACHMENTS = 30  # attachments one 附件说明 lists
_TITLE_WORDS = lazy_re(r"法治政府建设.{0,12}(报告|总结|情况)$|(报告|总结)$")
_ISSUER = lazy_re(r"(政府|委员会|党委|党组|委|局|厅|办公室|办|管委会|工委|中心|院|署|队|所|站|街道|镇|乡|公司)$")
# The formula that closes a report (特此报告。以上报告，请审阅。专此汇报): the end of its text,
# never a heading, whatever its style or its shape (a short sentence ending in 。).
CLOSING = lazy_re(r"^(?:(?:特此|专此)(?:报告|汇报)|以上(?:报告|汇报|情况)[^。！？]{0,30})[。！]?$")


def closing(line: str) -> bool:
    """Is ``line`` a closing formula (特此报告。) or a date line: text no heading can be?"""
    compact = re.sub(r"[ 　]", "", line)
    return bool(CLOSING.match(compact) or DATE_LINE.match(compact))


Segments = list[tuple[int, int, int]]  # (offset in the cleaned line, 1-based source line, column)


def clean_lines(lines: list[str]) -> list[str]:
    """Normalise punctuation, drop empty lines and stray replacement characters, join a
    line that begins with closing punctuation (a paragraph broken by the web page) to the
    one before, and split a line that holds several paragraphs (a page scraped without
    line breaks)."""
    return [text for text, _ in clean_lines_with_origins(lines)]


_EDGE = "\\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2400-\u2421\u2426\ue000-\uf8ff"
_EDGES = lazy_re(f"^[{_EDGE}]+|[{_EDGE}]+$")
_CONTROL = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2400-\u2421\u2426\ue000-\uf8ff]")  # and check's stand-ins (␇)


def clean_lines_with_origins(lines: list[str]) -> list[tuple[str, Segments]]:
    """``clean_lines``, each line with its segments: (offset in the cleaned line, 1-based
    source line, column there), so whatever is read from it can say where it stands."""
    pieces: list[list[str]] = []  # each cleaned line as the source lines it joins
    origins: list[Segments] = []
    lengths: list[int] = []
    for number, raw in enumerate(lines, 1):
        # a stray control or private-use character at a line's edge (a form feed pdftotext puts at
        # a page break, a DOS end-of-file mark, shown by check as ␌, ␚) hides nothing: the line is
        # read without it, check says where it stands
        line = normalize(_EDGES.sub("", raw.replace("\ufffd", "").replace("\u3000", " ")))
        line = re.sub(r"\s+", " ", line)
        if not line:
            continue
        if pieces and line[0] in "。，；、：）”" and getattr(raw, "level", None) is None:
            # Joined at the end: adding to a growing string each time would be quadratic.
            origins[-1].append((lengths[-1], number, 0))
            pieces[-1].append(line)
            lengths[-1] += len(line)
            continue
        pieces.append([line])
        origins.append([(0, number, 0)])
        lengths.append(len(line))
    out: list[tuple[str, Segments]] = []
    for p, o in zip(pieces, origins):
        text = "".join(p)
        # A table row is never cut into paragraphs (its cells are joined by spaces).
        table = getattr(lines[o[0][1] - 1], "table", False)
        cuts = [] if table else paragraph_breaks(text, first=not out)
        if not cuts:
            out.append((text.strip(), o))
            continue
        offsets = [offset for offset, _, _ in o]
        for a, b in zip([0] + cuts, cuts + [len(text)]):
            piece = text[a:b].strip()
            if piece:
                lead = len(text[a:b]) - len(text[a:b].lstrip())
                out.append((piece, _shift(o, a + lead, b, offsets)))
    return out


def _shift(segments: Segments, start: int, end: int | None = None, offsets: list[int] | None = None) -> Segments:
    """The segments of a line's text from ``start`` (to ``end``) on; with ``offsets`` (the
    segments' offsets) found by bisection, so cutting a long joined line stays linear."""
    offsets = offsets if offsets is not None else [offset for offset, _, _ in segments]
    first = max(bisect.bisect_right(offsets, start) - 1, 0)
    last = len(segments) if end is None else bisect.bisect_left(offsets, end, first)
    offset, line, column = segments[first]
    out: Segments = [(0, line, column + max(start - offset, 0))]
    out += [(o - start, ln, col) for o, ln, col in segments[first + 1 : max(last, first + 1)]]
    return out


# Where a paragraph starts inside a line: after a sentence end or a space, a heading
# number (not one of a list such as 一、二季度, nor a figure such as 1.5万), or any text
# after a sentence end followed by a space (scraped pages keep the paragraph break as one).
@lru_cache(maxsize=1)
def _inline_number() -> re.Pattern:
    return re.compile(
        rf"(?:(?<=[。！？])|(?<=[。！？；：]) | (?=[（(]?[{_CN}]))"
        rf"(?=(?:[{_CN}]{{1,3}}[、．](?![{_CN}]{{1,2}}[、．季])|[（(][{_CN}]{{1,3}}[）)]|\d{{1,2}}[.．、](?![\d%])"
        rf"(?=[\u4e00-\u9fff“《])|[（(]\d{{1,2}}[）)](?=[\u4e00-\u9fff])|[{_CIRCLED}]|[{_CN}]是(?=[\u4e00-\u9fff])))"
    )


_SPACED_BREAK = lazy_re(r"(?<=[。！？；：]) +(?=\S)")
_TITLE_HEAD = lazy_re(r"^(.{6,80}?(?:报告|总结|情况))(?: +|(?=\d{4}年))")
_SIGN_DATE = lazy_re(
    rf" +((?:[^\s。，；：]{{2,30}} +){{0,2}})(\d{{4}} ?年 ?\d{{1,2}} ?月 ?\d{{1,2}} ?日|"
    rf"[{_HAN_DIGIT}]{{4}}年[{_CN}]{{1,2}}月[{_CN}]{{1,3}}日)( *（[^（）]{{2,30}}）)?$"
)


def paragraph_breaks(text: str, first: bool = False) -> list[int]:
    """Offsets in ``text`` where a new paragraph starts although the line goes on.

    Only a long line is looked into (a report's own paragraphs are broken where they end):
    there a heading number after a sentence end, and any text after a sentence end and a
    space, start a paragraph; so do the title at the start of the first line (``first``)
    and the signature, date and note at the end."""
    # The space after a heading number is not a sign of a page run together: Word shows
    # an automatic number's tab as one (一、 坚持……), and clerks type one too.
    found = number_of(text)
    spaced = " " in text[len(text) - len(found.rest) :] if found else " " in text
    if len(text) < 120 or (not spaced and text.count("。") < 3):
        return []
    cuts = set()
    if first:
        m = _TITLE_HEAD.match(text)
        if m and _is_title(m.group(1)):
            cuts.add(m.end(1))
    for m in _SPACED_BREAK.finditer(text):
        cuts.add(m.end())
    if spaced:  # a page run together: headings after a sentence end start lines too
        starts = [0] + [m.end() for m in _inline_number().finditer(text) if m.end() > 0]
        cuts.update(starts[1:])
        for at in starts:  # a heading without a sentence end, a space, then its text
            space = text.find(" ", at, at + 42)
            if space > 0 and number_of(text[at : space + 1]) and not re.search("[。；！？]", text[at:space]):
                cuts.add(space + 1)
    m = _SIGN_DATE.search(text)
    if m and m.start() > 0:
        names = m.group(1).split()
        at = m.start(1)
        for name in names:
            at = text.index(name, at)
            cuts.add(at)
            at += len(name)
        cuts.add(m.start(2))
        if m.group(3):
            cuts.add(m.start(3))
    return sorted(c for c in cuts if 0 < c < len(text))


def origin_from(segments: Segments, start: int = 0) -> Origin:
    """The origin of the cleaned line's text from ``start`` on."""
    return Origin(Segment(offset, line, column) for offset, line, column in _shift(segments, start))


# The first line of a title set on two lines: the issuer and 关于 (and the year), no marks.
_TITLE_FIRST_LINE = lazy_re(r"^[^，。；：、]{2,40}关于[^，。；：、]{0,20}$")


_YEAR_SUBTITLE = lazy_re(r"[（(]\s*(?:19|20)\d{2}\s*年度?\s*[）)]|[—－-]{1,2}\s*(?:19|20)\d{2}\s*年度?")
_BANNER_NAME = lazy_re(r"文件$|[〔\[【]|号$")  # a 版头's 发文机关标志 or 发文字号, never a title's first line


def _title_span(lines: list[str], boxed: list[bool]) -> tuple[int, int] | None:
    """(first, past the last) line of the title among the first lines: one title-like line,
    with the line before it when that opens the title (…人民政府关于 / …情况的报告), and the line
    after it when that ends it (…建设情况 / 的报告); else two to four short lines that make a
    title only together (示例县人民政府 / 关于2025年度 / 法治政府建设 / 情况的报告)."""
    head = lines[:TITLE_LINES]
    for k, line in enumerate(head):
        if not _is_title(line) or boxed[k]:
            continue
        first = k
        for n in (2, 1):  # the title's opening on the one or two lines above (示例县人民政府 / 关于2025年度)
            if k - n < 0 or any(boxed[k - n : k]) or not all(_title_piece(x.strip()) for x in lines[k - n : k]):
                continue
            pieces = [x.strip() for x in lines[k - n : k]]
            above = "".join(pieces)
            opens = bool(_TITLE_FIRST_LINE.search(above)) or (
                # 永宁县司法局 / 关于2025年度…的报告: the issuer alone on the line above 关于 (not
                # the 版头's 永宁县司法局文件)
                (above + line.lstrip())[len(pieces[0]) :].startswith("关于")
                and _is_issuer(pieces[0], False)
                and not _BANNER_NAME.search(pieces[0])
            )
            if opens and _is_title(above + line.lstrip()) and not (n == 2 and _BANNER_NAME.search(pieces[0])):
                first = k - n
                break
        last = k + 1
        ends = last < len(lines) and _title_piece(lines[last]) and _TITLE_END.search("".join(lines[first : last + 1]))
        if not _TITLE_END.search(line) and ends:
            last += 1
        if last < len(lines) and not boxed[last] and _YEAR_SUBTITLE.fullmatch(lines[last].strip()):
            last += 1  # （2025年度） / ——2025年度 under the title: its subtitle
        return first, last
    for k in range(len(head)):
        for n in (2, 3, 4):
            pieces = lines[k : k + n]
            if (
                len(pieces) == n
                and not any(boxed[k : k + n])
                and all(map(_title_piece, pieces))
                and not any(_BANNER_NAME.search(p) for p in pieces)
            ):
                joined = "".join(pieces)
                if _is_title(joined) and _TITLE_END.search(joined):
                    return k, k + n
    return None


def _title_piece(line: str) -> bool:
    """A line that may be a piece of a title set over lines: short, no marks of a sentence."""
    return 0 < len(line) <= 40 and not re.search(r"[，。；：:！？]", line)


TITLE_LINES = 8  # the first lines where the title is looked for
_TITLE_END = lazy_re(r"(?:报告|总结)$")


def _is_title(line: str) -> bool:
    return (
        len(line) <= 80
        and "法治" in line
        and bool(_TITLE_WORDS.search(line))
        and not _CHROME.search(line)
        and ">" not in line
        and "，" not in line
        and "。" not in line
        and number_of(line) is None
    )


class Number(NamedTuple):
    kind: Kind
    number: str  # as written
    rest: str  # the line after it


def bare_number(line: str) -> str | None:
    """The heading number ``line`` holds and nothing else (2. / （二） / 三、), if so."""
    text = line.strip()
    for kind in kinds():
        m = kind.pattern.match(text + " 字")  # (Word's 1.1 is a number before a space and words)
        if m and m.group(1).strip() == text and kind.name != "第一部分":
            return text
    return None


def number_of(line: str) -> Number | None:
    """The heading number ``line`` starts with, if any."""
    for kind in kinds():
        m = kind.pattern.match(line)
        if m and len(line) > len(m.group(0)):
            return Number(kind, m.group(1), line[m.end() :])
    return None


def number_value(number: str) -> int | None:
    """The value of a heading number (三、 → 3, （12） → 12, ④ → 4)."""
    legal = re.fullmatch(r"\s*\d{1,2}(?:[.．]\d{1,2})+[.．]?\s*", number)
    if legal:  # 1.2 → 2: the place under its parent
        return int(re.findall(r"\d+", number)[-1])
    core = re.sub(r"[（）()、.．：:\s第部分]", "", number)
    if core.isascii() and core.isdigit():  # ①.isdigit() is true too
        return int(core)
    if len(core) == 1 and core in _CIRCLED:
        return _CIRCLED.index(core) + 1
    if core and all(c in _CN for c in core):
        if core == "十":
            return 10
        if "十" in core:
            tens, _, ones = core.partition("十")
            return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
        return _CN.index(core) + 1 if len(core) == 1 else None
    return None


# A sentence that states figures clause by clause (全年受理64件，办结50件): what a heading is
# not; a heading names a measure (强化复议监督。) and may hold one figure (出台3项制度。).
# (Any unit the figure reader knows: 卷, 宗, 人次, 万元…)
_STATEMENT = lazy_re(
    r"\d(?:[\d.]*)(?:万|亿)?(?:" + "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True))) + r"|％)[^，。；]{0,30}，[^。；]{0,40}\d"
)


def split_heading(rest: str) -> tuple[str, str]:
    """A heading line's heading sentence and the text run in after it.

    The heading ends at the first 。; where scraping lost that 。 and the text starts
    straight with 一是, it ends before 一是."""
    cut = rest.find("。")
    m = re.search(rf"(?<![{_CN}第])[{_CN}]是", rest)
    if m and m.start() >= 6 and (cut < 0 or m.start() < cut) and rest[m.start() - 1] not in "，、；：":
        return rest[: m.start()], rest[m.start() :]
    if 0 < cut < len(rest) - 1:
        if cut > 80 or _STATEMENT.search(rest, 0, cut):  # a long first sentence, or one stating figures: a numbered paragraph
            return "", rest
        return rest[: cut + 1], rest[cut + 1 :].strip()
    if cut == len(rest) - 1 and (len(rest) > 60 or _STATEMENT.search(rest)):
        return "", rest  # a long sentence, or one stating figures, not a heading: a numbered paragraph
    if cut < 0 and len(rest) > 80:  # no sentence end and long: a paragraph that opens with a number
        return "", rest
    return rest.rstrip("。"), ""


class Levels:
    """The level of each numbered heading, by position (see the module docstring)."""

    ROLE = lazy_re(r"问题|不足|差距|短板|下一步|下步|工作安排|主要安排|工作思路|工作计划|打算|第一责任人|其他")

    def __init__(self) -> None:
        self.stack: list[tuple[str, int | None]] = []  # (kind, value) of each open level
        self.hints: dict[str, int] = {}  # the heading style's level a kind was opened with, when one was
        # text was read since the last heading (its own body, or paragraphs after it): a 1.
        # after a 1. with text between restarts the numbering, it is no sub-heading of it
        self.texted = False

    def level(self, found: Number, heading: str, hint: int | None = None) -> int:
        name, value = found.kind.name, number_value(found.number)
        kinds = [k for k, _ in self.stack]
        styled = name + "″"  # the kind again below itself by a deeper heading style (1、 / （1） / 1.)
        if hint is not None and (
            (styled in kinds and self.hints.get(styled) == hint)
            or (name in kinds and self.hints.get(name) is not None and hint > self.hints[name])
        ):
            at = kinds.index(styled) if styled in kinds else len(self.stack)
            del self.stack[at:]
            self.stack.append((styled, value))
            self.hints[styled] = hint
            return min(len(self.stack), MAX_LEVEL)
        if hint is not None:
            self.hints[name] = hint
        nested = name + "′"  # the kind restarted below itself (一、 inside 一、)
        # a part by its words: short (问题和不足), or a whole part's title however long (2025年度
        # 推进法治政府建设存在的不足和原因, under a 1. that Word's numbering also shows as 1.)
        named_part = bool(self.ROLE.search(heading)) and (len(heading) <= 20 or _part_title(heading))
        if nested in kinds and not named_part:
            at, name = kinds.index(nested), nested
        elif name in kinds:
            at = kinds.index(name)
            if value == 1 and self.stack[at][1] == 1 and at == len(self.stack) - 1 and not named_part and not self.texted:
                at, name = len(self.stack), nested  # 一、 directly under 一、: its first sub-heading
        else:  # a kind not met yet: below the open levels, above those the usual order puts lower
            # — but never in place of the top level: the report's parts numbered 1. 2. with
            # （一） under them keep the 1. as their level (misnumbered, never lost)
            while len(self.stack) > 1 and self._rank(self.stack[-1][0]) >= found.kind.rank:
                self.stack.pop()
            if self.stack and self.stack[0][0] != "§0" and self._rank(self.stack[0][0]) >= found.kind.rank and len(self.stack) == 1:
                pass  # the top level stays; the new kind goes under it
            at = len(self.stack)
        del self.stack[at:]
        self.stack.append((name, value))
        return min(len(self.stack), MAX_LEVEL)

    def follows(self, found: Number) -> bool:
        """Does ``found`` go on from an open heading of its kind (2. after 1.)?"""
        value = number_value(found.number)
        return value is not None and any(k.rstrip("′″") == found.kind.name and v == value - 1 for k, v in self.stack)

    def part(self) -> None:
        """A part's title without a number: every numbered heading goes below it."""
        self.stack[:] = [("§0", None)]

    def outline(self, hint: int) -> int:
        """The level of a heading that has no number but an outline level (a heading style):
        placed as a number kind of the same rank would be (Heading 1 as 一、, Heading 2 as
        （一）…), never deeper than one below the open levels."""
        name = f"§{hint}"
        kinds = [k for k, _ in self.stack]
        if name in kinds:
            del self.stack[kinds.index(name) :]
        else:
            while self.stack and self._rank(self.stack[-1][0]) >= hint:
                self.stack.pop()
        self.stack.append((name, None))
        return min(len(self.stack), MAX_LEVEL)

    @staticmethod
    def _rank(name: str) -> int:
        if name.startswith("§"):
            return int(name[1:])
        return next(k.rank for k in kinds() if k.name == name.rstrip("′″"))


# 主送机关: organs joined by 、, categories by ，(县委、县人大常委会，县政协：; GB/T 9704), no sentence
_ADDRESSEE = lazy_re(r"(?:[^。；;，,\s：:]{2,20}[，,；;])*[^。；;，,\s：:]{2,40}[：:]")
_ADDRESSEE_GOES_ON = lazy_re(r"^[^。；;：:\s]{2,40}[，,、]$")  # the first line of a 主送机关 set on two
_NO_ADDRESSEE = lazy_re(r"如下|报告|情况|我[县区市镇乡局委办]|现将|\d{4}\s*年")


def _one_sentence_items(lines: list[str], numbers: list[Number | None], hints: list[int | None]) -> dict[int, bool]:
    """Lines of one numbered list whose items are one sentence each (1.受理151件。2.审结146件，
    结案率96.7%。3.…): read alike, all headings (each sentence its heading) when none is long,
    else all numbered paragraphs, never some of each — a statement among short sentences would
    fall into the item before it, and come back from import numbered twice. {line: as a heading}."""
    items = [found if _sentence_item(found, hint) else None for found, hint in zip(numbers, hints)]
    out: dict[int, bool] = {}
    k = 0
    while k < len(lines):
        end = k + 1  # the run of items from k: each the next number of the same kind
        while end < len(lines) and _next_item(items[end - 1], items[end]):
            end += 1
        rests = [found.rest for found in items[k:end] if found is not None]
        if len(rests) >= 2:
            split = [bool(split_heading(rest)[0]) for rest in rests]
            if any(split) and not all(split):
                heads = all(len(rest) <= _SENTENCE_HEADING for rest in rests)
                out.update((i, heads) for i in range(k, end))
        k = end
    return out


def _next_item(a: Number | None, b: Number | None) -> bool:
    """Is ``b`` the item right after ``a`` in one list (2. after 1.)?"""
    if a is None or b is None or a.kind is not b.kind:
        return False
    value = number_value(a.number)
    return value is not None and number_value(b.number) == value + 1


_SENTENCE_HEADING = 60  # characters: a one-sentence item longer than this is a paragraph (split_heading)


def _sentence_item(found: Number | None, hint: int | None) -> bool:
    """Is this a numbered line of one sentence ending in 。, with no style saying what it is?"""
    if found is None or hint is not None:
        return False
    rest = found.rest.strip()
    return rest.endswith("。") and rest.count("。") == 1


BOXED_SHARE = 0.5  # of a document's text in text boxes, from which the boxes hold the report itself


def parse_lines(lines: list[str]) -> Report:
    raw = lines
    cleaned = clean_lines_with_origins(lines)
    lines = [text for text, _ in cleaned]
    origins = [segments for _, segments in cleaned]
    report = Report()
    boxed = [all(getattr(raw[n - 1], "boxed", False) for _, n, _ in o) for o in origins]
    if sum(len(line) for line, b in zip(lines, boxed) if b) >= BOXED_SHARE * sum(map(len, lines)):
        boxed = [False] * len(lines)  # the report itself typed in a text box: its flow, not a box beside it
    tables = [all(getattr(raw[n - 1], "table", False) for _, n, _ in o) for o in origins]
    i = 0
    # The title: the first title-like line within the first few lines; chrome before it goes.
    # A title set on two or three lines (…人民政府关于 / 2025年度法治政府建设情况 / 的报告), as a
    # plain-text copy of a .docx keeps it, is one title.
    span = _title_span(lines, boxed)
    if span is None and any(boxed[:TITLE_LINES]):
        span = _title_span(lines, [False] * len(lines))  # the title typed in a text box at the top
    if span is not None:
        first, i = span
        # the 版头 above it (示例县人民政府文件, 示政发〔2026〕3号 签发人：张三), web page chrome aside
        report.before_title = [line for line in lines[:first] if line.strip() and not _CHROME.search(line)]
        report.title = "".join(lines[first:i])
        segments: tuple = ()
        for k in range(first, i):
            shift = sum(len(line) for line in lines[first:k])
            segments += tuple(Segment(s.offset + shift, s.line, s.column) for s in origin_from(origins[k]))
        report.origins["标题"] = Origin(segments)
    # Chrome after the title, and the title repeated (whole or split over lines).
    while i < len(lines):
        line = lines[i]
        repeated = report.title and (line in report.title and len(line) >= 4 or _is_title(line))
        if _CHROME.search(line) or repeated or boxed[i]:  # a text box or frame beside the title floats
            i += 1
            continue
        break
    # a table between the title and the 主送机关 (a box drawn as a table): passed over to reach it
    k = i
    while k < len(lines) and tables[k] and k - i < 8:
        k += 1
    if k > i and k + 1 < len(lines) and _ADDRESSEE.fullmatch(lines[k]):
        i = k
    # 主送机关: a short line ending in ： right after the title, or first (县委、县人大常委会：),
    # or two lines the first of which ends in a mark of a list (县委、县人大常委会， / 县政协：).
    taken = 2 if i + 2 < len(lines) and _ADDRESSEE_GOES_ON.search(lines[i]) else 1
    said = "".join(lines[i : i + taken])
    if i + 1 < len(lines) and _ADDRESSEE.fullmatch(said) and not number_of(said) and not _NO_ADDRESSEE.search(said):
        report.addressee = said[:-1]
        report.origins["主送机关"] = origin_from(origins[i])
        i += taken
    end = _read_end(report, lines, origins, i, boxed, tables)
    _read_body(report, lines[i:end], origins[i:end], _hints(raw, lines[i:end], origins[i:end]), _list_levels(raw, origins[i:end]))
    _given_parts(report, raw)
    _word_numbers(report, raw)
    _table_rows(report, raw)
    report.sealed = report.sealed or any(getattr(line, "sealed", False) for line in raw)  # drafter's own, written with 盖章
    # the paragraphs referring to footnotes or endnotes, once per note (the notes' text is not read)
    report.footnoted = [str(line) for line in raw for _ in range(getattr(line, "notes", 0))]
    return report


def _given_parts(report: Report, raw: list[str]) -> None:
    """A top-level heading drafter marked as a part (docxread ``Line.part``, from the hidden
    bookmark render writes) is that part, whatever the clerk renamed it to; a heading it
    marked as a theme (``Line.theme``) is that theme."""
    for sec in report.walk():  # sub-sections: of a part written for 问题 and 下一步 together
        if sec.origin is not None and 0 < sec.origin.line <= len(raw):
            line = raw[sec.origin.line - 1]
            part = getattr(line, "part", None)
            if part and sec.level <= 2:
                sec.given_role = part
            sec.given_theme = getattr(line, "theme", None)  # a theme drafter marked (report.THEME_MARK)


def _table_rows(report: Report, raw: list[str]) -> None:
    """Paragraphs read from the rows of a table (docxread ``Line.table``) are marked so."""
    for sec in report.walk():
        for item in sec.body:
            if isinstance(item, Paragraph) and item.origin is not None and 0 < item.origin.line <= len(raw):
                item.table = bool(getattr(raw[item.origin.line - 1], "table", False))


def _word_numbers(report: Report, raw: list[str]) -> None:
    """A heading whose number Word's automatic numbering shows (docxread ``Line.auto_number``)
    is marked so: its number is fixed in Word's numbering, never by typing one."""
    for sec in report.walk():
        if sec.number and sec.origin is not None and 0 < sec.origin.line <= len(raw):
            auto = getattr(raw[sec.origin.line - 1], "auto_number", "")
            sec.word_numbered = bool(auto) and auto.strip() == sec.number.strip()


def _hints(raw: list[str], lines: list[str], origins: list[Segments]) -> list[int | None]:
    """What the document says of each cleaned line (drafter/reading/docxread.py ``Line``):
    its outline level as a heading (1 the top), 0 for body text, None for nothing (a .txt;
    a piece cut from a longer line). Table rows are always body text. A body-text style
    is believed only in a document that marks its headings by style too (where every
    paragraph has the same style, a typed 一、 is still a heading), and then only against
    a kind of number the styled headings carry (一、 typed in body text where the 一、
    headings are styled, or numbered by Word): a clerk who styles only the top headings
    types the （一） and 1. below them in body text, and they stay headings. In drafter's own
    report a heading is styled or runs into its text, so a numbered body paragraph of one
    sentence is body text."""
    hints = []
    for segments in origins:
        line = raw[segments[0][1] - 1]
        level = getattr(line, "level", None) if segments[0][2] == 0 else None
        hints.append(level)
    if not any(h for h in hints):
        return [0 if h == 0 and getattr(raw[s[0][1] - 1], "table", False) else None for h, s in zip(hints, origins)]
    own = any(getattr(line, "part", None) for line in raw)  # drafter's own report (its part marks)
    numbers = _numbers(lines)  # 1.100个村居… before 2.: item 1, as in the body reader
    styled = {found.kind.name for h, found in zip(hints, numbers) if h and found}
    for k, (h, _line, segments) in enumerate(zip(hints, lines, origins)):
        if h == 0 and not getattr(raw[segments[0][1] - 1], "table", False):
            found = numbers[k]
            # in drafter's own report a heading has its style, or runs into its text (连排):
            # a numbered body paragraph that is no more than a sentence is body text
            if found and found.kind.name not in styled and not (own and not split_heading(found.rest)[1]):
                hints[k] = None
    return hints


def _read_end(report: Report, lines: list[str], origins: list, i: int, boxed: list[bool], tables: list[bool]) -> int:
    """Read the chrome, 附注, date and signature at the end; the index where the body ends.
    The lines of text boxes (a contact box or seal note anchored beside the date or the
    附注) are passed over: they float beside the closing, never between its lines."""
    at = [k for k in range(i, len(lines)) if not boxed[k]]
    view = [lines[k] for k in at]
    end = _closing_start(report, view, [origins[k] for k in at], [tables[k] for k in at])
    if report.date is not None and not report.signature and end < len(at):
        # the signature alone in a text box or frame right above the date in the flow
        k = at[end] - 1
        while k >= i and boxed[k] and not lines[k].strip():
            k -= 1
        if k >= i and boxed[k] and _is_issuer(lines[k].strip(), False):
            report.signature = "　".join(issuers(lines[k].strip()))
            report.origins["署名"] = origin_from(origins[k])
            return k
    last = range(max(i, len(lines) - _CLOSING_LINES), len(lines))
    # (a signature and date on one line may stand above the 附件 pages and the 版记)
    signed = range(max(i, len(lines) - _SIGNED_REACH), len(lines))
    if report.date is None and (any(boxed[k] or tables[k] for k in last) or any(_signed_row(lines[k]) for k in signed)):
        # no date outside boxes and tables: the closing itself may be in one (the signature and
        # date in a text box, or in a borderless table's cell, beside the seal), read as lines
        kept = list(report.after_closing), list(report.notes)
        rest, where = list(lines[i:]), list(origins[i:])
        split = len(rest)
        for k in range(len(rest) - 1, max(-1, len(rest) - _SIGNED_REACH - 1), -1):
            row = _signed_row(rest[k])
            if row:  # 示范县人民政府 2026年2月6日: a table row's cells, or one line, the signature and the date
                # (with the seal's note in a cell beside them: （印章） 示范县人民政府 2026年2月6日)
                pieces = [p for p in (row["before"], row["name"], row["date"], row["after"]) if p]
                rest[k : k + 1], where[k : k + 1] = pieces, [where[k]] * len(pieces)
                split = k
                break
        whole = _closing_start(report, rest, where, [False] * len(rest))
        if report.date is not None:
            return i + min(whole, split)
        report.after_closing, report.notes = list(kept[0]), list(kept[1])
    return at[end] if end < len(at) else len(lines)


_CLOSING_LINES = 8  # the last lines where a closing in a text box or table may stand
_SIGNED_REACH = 60  # the last lines where a signature and date on one line may stand (附件 pages after it)
# A table row holding the signature and the date side by side (cells joined by spaces)
_SIGNED_ROW = lazy_re(r"^\s*(?P<name>[^\s。，；：]{2,30})\s+(?P<date>\S{6,20}日)\s*$")


def _signed_row(line: str) -> dict[str, str] | None:
    """The signature and the date on one line (示范县人民政府　2026年2月6日; or with a line break
    Word shows and the text lost: 示范县人民政府2026年2月6日), with the seal's note in a cell
    before or after them (（印章）　示范县人民政府 2026年2月6日) as ``before``/``after``; or None."""
    seal = _SEAL_CELL.search(line)
    if seal is not None:
        before, after = (seal.group().strip(), "") if seal.start() == 0 else ("", seal.group().strip())
        line = line[: seal.start()] + line[seal.end() :]
    else:
        before = after = ""
    row = _SIGNED_ROW.match(line) or _SIGNED_TIGHT.match(line)
    if not (row and DATE_LINE.match(row["date"]) and _is_issuer(row["name"], False)):
        return None
    return {"before": before, "name": row["name"], "date": row["date"], "after": after}


# The seal's note as a cell of its own at a closing row's start or end
_SEAL_CELL = lazy_re(rf"^\s*{_SEAL_WORDS}\s+|\s+{_SEAL_WORDS}\s*$")


_SIGNED_TIGHT = lazy_re(
    r"^\s*(?P<name>[^\s。，；：\d]{2,30}?(?:政府|委员会|局|委|办公室|办|厅|院|部|中心|站|所|处))"
    rf"(?P<date>(?:\d{{4}}|[{_HAN_DIGIT}Oo0]{{4}})年\S{{2,14}}?日)\s*$"
)


def _closing_start(report: Report, lines: list[str], origins: list, tables: list[bool]) -> int:
    """_read_end over the lines from the body's start on, without text boxes."""
    end, i = len(lines), 0
    while end > i and _CHROME.search(lines[end - 1]):
        end -= 1
    # a control character inside the date line (2026年2月\x076日) hides no date: check says where it stands
    compact = [_CONTROL.sub("", line.replace(" ", "")) for line in lines]
    # an attachment after the closing (附件：…, or a table right under the date): the closing
    # ends before it
    tail = end
    while tail > i and tables[tail - 1]:
        tail -= 1

    def above_tables(k: int) -> int:  # a table right under the date, then 附件/抄送: both after it
        while k > i and tables[k - 1]:
            k -= 1
        return k

    attached = next(
        (
            above_tables(k)
            for k in range(tail, max(i, tail - MAX_ATTACHMENT) - 1, -1)
            if (k == tail or _ATTACHMENT.match(lines[k])) and _dated_above(compact, above_tables(k), i)
        ),
        end,
    )
    report.after_closing = [line for line in lines[attached:end] if line.strip()]  # 附件, a table, 抄送…: no body
    end = min(end, attached)
    notes = _notes_start(compact, end, i)
    if notes is not None and notes < end:
        for line in lines[notes:end]:  # 附注 under the date, e.g. （此件公开发布）, one or more
            if _SEALED_NOTE.fullmatch(line):
                report.sealed = True  # （印章）/（已盖章） under the date: the seal's note, no 附注
                continue
            if report.notes and not _NOTE_OPEN.match(line.strip()) and not _NOTE_END.search(report.notes[-1].strip()):
                report.notes[-1] += line.strip()  # the rest of a note broken over lines
            else:
                report.notes.append(line)
        end = notes
    dated = _date_above(compact, end, i)
    if dated is not None:
        report.date, used = dated
        report.sealed = report.sealed or bool(_SEALED_NOTE.search(compact[end - 1]))  # 2026年2月6日（已盖章）
        end -= used
        report.origins["日期"] = origin_from(origins[end])
        names: list[str] = []  # one issuer, or two (a joint report of the party committee and government)
        while end > i and _PRINTED_BY.search(compact[end - 1]):  # 县政府办公室 2026年2月5日印发 above the date: no issuer
            report.after_closing.insert(0, lines[end - 1])
            end -= 1
        while end > i and not names and _SEALED_NOTE.fullmatch(lines[end - 1]):  # （印章） on a line of its own
            report.sealed = True
            end -= 1
        while end > i and len(names) < 2:
            # 署名：示例县人民政府: the name after the label; （印章）　示例县人民政府 or 联系人：张三　示例县
            # 人民政府: a table row with the seal's note or a contact in a cell before the name
            beside, name = _cells_before_name(_SIGN_LABEL.sub("", lines[end - 1]))
            if not _is_issuer(_SEALED_NOTE.sub("", name), bool(names)):
                break
            names.insert(0, name)
            for cell in beside:
                if _SEALED_NOTE.fullmatch(cell):
                    report.sealed = True
                else:
                    report.notes.insert(0, f"（{cell}）")
            end -= 1
        if names:
            while end > i and _SEALED_NOTE.fullmatch(lines[end - 1]):  # （印章） on a line above the signature
                report.sealed = True
                end -= 1
            # the 附件说明 under the body, above the signature (GB/T 9704 7.3.3): 附件：1.… / 2.…
            k = end
            while k > i and end - k < MAX_ATTACHMENTS and _ATTACHMENT_ITEM.match(compact[k - 1]):
                k -= 1
            if k > i and _ATTACHMENT_NOTE.match(compact[k - 1]):
                report.attachment_note = lines[k - 1 : end]
                end = k - 1
            # 示范县人民政府（已盖章）: the text says the signature was sealed; the name is the issuer's
            report.sealed = report.sealed or any(_SEALED_NOTE.search(n) for n in names)
            report.signature = "　".join(x for n in names for x in issuers(_SEALED_NOTE.sub("", n)))
            report.origins["署名"] = origin_from(origins[end])
    return end


_CONTACT_CELL = lazy_re(r"(?:联系人|联系电话|电话|联系方式)[:：]")


def _cells_before_name(line: str) -> tuple[list[str], str]:
    """A closing line's cells before the issuer's name that are the seal's note or a contact
    (（印章）　示范县人民政府; 联系人：张三 电话：1234567　示范县人民政府), and the rest: the name."""
    cells = re.split(r"\s+", line.strip())
    k = 0
    while k < len(cells) - 1 and (_SEALED_NOTE.fullmatch(cells[k]) or _CONTACT_CELL.match(cells[k])):
        k += 1
    seal = [c for c in cells[:k] if _SEALED_NOTE.fullmatch(c)]
    contact = " ".join(c for c in cells[:k] if not _SEALED_NOTE.fullmatch(c))
    return seal + ([contact] if contact else []), " ".join(cells[k:]) if k else line


def _notes_start(compact: list[str], end: int, i: int) -> int | None:
    """Where the notes under the date that end at ``end`` begin (``end`` itself when there are
    none), the date right above them; None when no date stands there."""
    k = end
    while k > i + 1 and k > end - MAX_NOTES:
        opened = _note_opened(compact, k - 1, i)  # （此件公开发布， / 联系人：张三）: one note over two lines
        if opened is not None:
            k = opened
        elif _NOTE.match(compact[k - 1]) and not _ATTACHMENT.match(compact[k - 1]):
            k -= 1
        else:
            break
    while k < end and _date_above(compact, k, i) is None:
        k += 1  # the notes run up to the date: what is above it is no note
    return k if k > i and _date_above(compact, k, i) is not None else None


def _note_opened(compact: list[str], last: int, i: int) -> int | None:
    """The line opening the bracketed note that line ``last`` closes (a note broken over two or
    three lines: （此件公开发布， / 联系人：张三，电话：1234567）), or None."""
    if not _NOTE_END.search(compact[last]) or _NOTE_OPEN.match(compact[last]):
        return None
    for j in range(last - 1, max(i, last - MAX_NOTE_LINES), -1):
        if _NOTE_OPEN.match(compact[j]) and not _NOTE_END.search(compact[j]):
            return j
        if _NOTE_OPEN.match(compact[j]) or _NOTE_END.search(compact[j]):
            return None
    return None


_NOTE_OPEN = lazy_re(r"^[（(]")
_NOTE_END = lazy_re(r"[）)]$")
MAX_NOTE_LINES = 3  # lines one bracketed note under the date may be broken over


# A piece of a date set on two or three lines (二〇二六年 / 二月六日, 2026年2月 / 6日)
_DATE_PIECE = lazy_re(
    rf"^(?=.)(?:(?:\d{{4}}|[{_HAN_DIGIT}Oo0]{{4}})年)?(?:(?:\d{{1,2}}|[{_CN}]{{1,2}})月)?(?:(?:\d{{1,2}}|[{_CN}]{{1,3}})日)?$"
)


def _date_above(compact: list[str], k: int, i: int) -> tuple[str, int] | None:
    """The date whose last line is the one above ``k`` (lines from ``i`` on), and how many lines
    it takes: one, or two or three when it is broken between its year, month and day."""
    if k <= i:
        return None
    m = DATE_LINE.match(compact[k - 1])
    if m:
        return m.group("date"), 1
    for n in (2, 3):
        pieces = compact[k - n : k]
        if k - n < i or not all(_DATE_PIECE.match(p) for p in pieces):
            break
        m = DATE_LINE.match("".join(pieces))
        if m:
            return m.group("date"), n
    return None


def _dated_above(compact: list[str], end: int, i: int) -> bool:
    """Is the line above ``end`` the date, or notes under it?"""
    return _notes_start(compact, end, i) is not None


_SIGN_LABEL = lazy_re(r"^\s*(?:署名|落款|发文机关|单位)\s*[：:]\s*")  # a label before the issuer's name
_PRINTED_BY = lazy_re(r"印发[。.]?$|^印发[：:]")  # a 版记's 印发 line (…办公室印发, …2026年2月5日印发)


def _is_issuer(line: str, second: bool) -> bool:
    """A signature line: short, no sentence punctuation, no number; a second one above the
    first must also look like the name of an office."""
    if len(line) > 30 or re.search("[。，；：！？]", line) or number_of(line):
        return False
    return not second or bool(_ISSUER.search(line.split(" ")[-1]))


_LOOSE_NUMBER = lazy_re(r"^(\d{1,2})([.．])(?=\d)")


def _numbers(lines: list[str]) -> list[Number | None]:
    """The heading number of each line. A title that starts with a figure (1.12345热线。…)
    reads as a decimal (1.12345), so "N." before a digit is a number only when the next
    numbered line goes on from it (2.用好考核……): a list item, not a figure."""
    found = [number_of(line) for line in lines]
    dotted = next(k for k in kinds() if k.name == "1.")
    following: Number | None = None  # the next line's number, walking backwards
    for i in range(len(lines) - 1, -1, -1):
        m = None if found[i] else _LOOSE_NUMBER.match(lines[i])
        if m and following is not None and following.kind is dotted and number_value(following.number) == int(m.group(1)) + 1:
            found[i] = Number(dotted, m.group(0), lines[i][m.end() :])
        following = found[i] or following
    return found


def _list_levels(raw: list[str], origins: list[Segments]) -> list[int | None]:
    """The level (1 the top) of each line's automatic number in Word's list (docxread
    ``Line.list_level``), None for a line Word does not number: a heading numbered 1. under a
    （一） numbered one level below a 1. is below both, whatever their kinds."""
    out: list[int | None] = []
    for segments in origins:
        found = getattr(raw[segments[0][1] - 1], "list_level", None) if segments[0][2] == 0 else None
        out.append(found + 1 if found is not None else None)
    return out


def _read_body(report: Report, lines: list[str], origins: list, hints: list[int | None], lists: list[int | None] | None = None) -> None:
    tree = TreeBuilder(report)
    levels = Levels()
    closed = False  # a closing formula was read: the signature lines after it are no headings
    numbers = _numbers(lines)
    items = _one_sentence_items(lines, numbers, hints)
    bare = ""  # a line of only a number before the next heading (its words deleted, not its paragraph)

    def opened(sec: Section) -> Section:
        nonlocal bare
        sec.bare_before, bare = bare, ""
        return sec

    for k, (line, segments, hint, found) in enumerate(zip(lines, origins, hints, numbers)):
        alone = bare_number(line) if not found else None
        if alone is not None:  # (2. alone: no heading, no paragraph; said by check at the next heading)
            bare = alone
            continue
        if (
            hint is None
            and not found
            and 0 < k + 1 < len(lines)
            and _part_title(line)
            and (k == 0 or _ENDED.search(lines[k - 1]) or numbers[k - 1] or _TITLE_LIKE.fullmatch(lines[k - 1]))
            and not _GOES_ON.match(lines[k + 1])
        ):
            # 存在的问题 / 下一步工作打算 on a line of its own: a part, its numbered headings
            # below it (一、 restarting in each part); their marks keep the level they have
            # among numbered headings (check counts numbered levels: Section.numbered_level)
            levels.part()
            levels.texted = False
            opened(tree.heading(1, line.strip().rstrip("：:"), "", "", origin_from(segments)))
            continue
        ends = closing(line)
        closed = closed or ends
        if hint == 0 or (hint and (ends or (closed and _is_issuer(line, False)))):
            # body text, as its style says, whatever it starts with; or a closing formula,
            # date or signature in a heading's style (a re-saved document's renamed styles)
            tree.paragraph(line, origin_from(segments))
            levels.texted = True
            continue
        if hint and not found:  # a heading by its style, with no number in its text
            # 一是 opening it is its number; a heading sentence followed by the text (a
            # run-in heading, or a heading style over a whole paragraph) is split as a
            # numbered one would be.
            enum = ENUMERATION.match(line)
            number = enum.group(0) if enum and len(line) > enum.end() else ""
            rest = line[len(number) :]
            heading, body = split_heading(rest)
            if not heading or not body:
                heading, body = rest, ""
            opened(
                tree.heading(
                    levels.outline(hint),
                    heading,
                    body,
                    number,
                    origin_from(segments, len(number)),
                    origin_from(segments, len(line) - len(body)) if body else None,
                )
            )
            levels.texted = bool(body)
            continue
        if found:
            heading, body = split_heading(found.rest)
            if k in items:  # one list's one-sentence items, read alike
                heading, body = (found.rest.strip().rstrip("。"), "") if items[k] else ("", found.rest)
            elif not heading and _sentence_item(found, hint) and len(found.rest.strip()) <= _SENTENCE_HEADING and levels.follows(found):
                # 2.审结146件，结案率96.7%。 after the heading 1.… (text between): the list's next
                # item, never a numbered paragraph in the body of the one before
                heading, body = found.rest.strip().rstrip("。"), ""
            if hint and not heading:  # a heading by its style, however long its sentence
                heading, body = found.rest, ""
            if heading:
                start = len(line) - len(found.rest)
                sec = opened(
                    tree.heading(
                        levels.level(found, heading, hint if hint is not None or lists is None else lists[k]),
                        heading,
                        body,
                        found.number,
                        origin_from(segments, start),
                        origin_from(segments, len(line) - len(body)) if body else None,
                    )
                )
                if not body and found.rest.rstrip().endswith("。") and not heading.endswith("。"):
                    sec.sentence_end = "。"
                levels.texted = bool(body)
                continue
        tree.paragraph(line, origin_from(segments))
        levels.texted = True
    for sec in list(report.walk()):
        _unnumbered_leads(sec)


# A part's title typed without a number: short, no punctuation but a closing colon, no
# figure but a year, ending in what a part is (存在的问题, 2026年工作打算, 主要做法和成效),
# and named by a part's role words (classify.part_role); 加强工作计划管理 is no part.
_PART_TITLE = lazy_re(
    r"(?:\d{4}年度?)?[^。，、；;！？!?,.．（）()“”\d]{0,24}"
    r"(?:问题|不足|差距|短板|弱项|原因|打算|安排|计划|思路|举措|成效|做法|情况|方向|重点|工作|之处|措施|任务|"
    r"要点|分析|环节|困难)"
)
# a year's plan on a line of its own (2026年工作要点): a part whichever year the report is on
_YEAR_PLAN = lazy_re(r"\d{4}年度?[^。，、；;！？!?,.．（）()“”\d]{0,10}(?:工作|任务|要点|举措|打算|安排|计划|思路|重点)")
# the 第一责任人 part's title in the wording of the rules, 、 and ， included
_DUTY_TITLE = lazy_re(r"[^。；;！？!?“”]{0,30}第一责任人[^。；;！？!?“”]{0,30}")


_ENDED = lazy_re(r"[。！？!?：:；;”’）)]\s*$")  # the line above ends its sentence: no broken line
_TITLE_LIKE = lazy_re(r"[^。，、；;！？!?,]{2,20}")  # a heading-like line above: no sentence broken off
_GOES_ON = lazy_re(r"\s*[，,。；;、：:）)]")  # the line below goes on with the same sentence


def _part_title(line: str) -> bool:
    text = line.strip().rstrip("：:")
    if ENUMERATION.match(text):
        return False  # 一是依法行政能力不足: an item of a part, not a part
    if _YEAR_PLAN.fullmatch(text) or (_DUTY_TITLE.fullmatch(text) and re.search(r"情况|职责$|履职$|第一责任人$", text)):
        return True
    if len(text) <= 40 and not re.search(r"[。；;！？!?“”\d%]", re.sub(r"\d{4}年", "", text)) and len(named_roles(text)) >= 2:
        return True  # 第一责任人、问题及下一步; 存在的问题和2026年安排: a title naming several parts
    if not _PART_TITLE.fullmatch(text):
        return False
    role, confidence = part_role(text)
    return role in ("成效", "问题", "下一步", "第一责任人") and confidence >= 0.95


# A lead sentence: short, no figure, ends in 。 and is followed by the paragraph's text.
_LEAD = lazy_re(r"([^。；：！？\d%]{4,30}。)(?=\S{10}|$)")
_NUMBERED_LEAD = lazy_re(r"([^。；：！？]{2,30}。)(?=\S{10}|$)")
_NEXT_ITEM = lazy_re(rf"[，,、；;][{_CN}]+是")
_RUN_ON = lazy_re(rf"[。；;！？]\s*[{_CN}]+是")
_ENUM_LEAD = lazy_re(rf"^([{_CN}]+是)([^。；！？]{{2,30}}。)(?=\S{{6}})")


def _unnumbered_leads(sec: Section) -> None:
    """Turn the unnumbered leads of a section's paragraphs into run-in headings of the
    next level: 一是/二是 paragraphs (numbered in order from 一是), or a run of paragraphs that
    all open with a short lead sentence. A section with numbered sub-headings keeps its
    paragraphs as they are."""
    if sec.sections or sec.level >= MAX_LEVEL:
        return
    paras = sec.paragraphs
    if sec.run_in and sec.body and isinstance(sec.body[0], Paragraph):
        paras = paras[1:]  # the heading's own line goes on in it: an item there is inline
    while paras and closing(paras[-1].text):
        paras = paras[:-1]  # 特此报告。 closes the report: never the lead of an item
    if not paras:
        return
    # 一是/二是 paragraphs whose lead is a short sentence of its own, numbered from 一是 on
    # (an item run on inside the paragraph, 二是 after 一是's text, stays body text).
    enum = [_ENUM_LEAD.match(p.text) for p in paras]
    # 一是执法力量不足，二是…。: an enumeration run on in one paragraph, never a heading
    # 一是全年受理53件，办结41件，结案率87.2%。: a statement of figures, text to check, never a heading
    # 一是深化改革。二是加强普法。: the next item straight after the lead, an enumeration too
    enum = [
        m
        if m and not _NEXT_ITEM.search(m.group(2)) and not _STATEMENT.search(m.group(2)) and not _RUN_ON.match(m.string, m.end() - 1)
        else None
        for m in enum
    ]
    numbered = [m for m in enum if m]
    if numbered and [m.group(1) for m in numbered] == [f"{_CN[k]}是" for k in range(len(numbered))]:
        _promote(sec, [(p, m.group(1), m.group(2)) for p, m in zip(paras, enum) if m])
        return
    # A lead may open with a heading number typed in body text (（一）带头学法用法。…: a
    # run-in heading whose heading style a re-save lost): the number is split off it.
    numbers = [_number_prefix(p.text) for p in paras]
    # after a typed number the lead may hold a figure (（三）3个乡镇执法力量不足。…): the number
    # already says it is a heading
    leads = [(_NUMBERED_LEAD if number else _LEAD).match(p.text, len(number)) for p, number in zip(paras, numbers)]
    # The run: every paragraph but perhaps an introduction before it.
    run = leads[1:] if leads[0] is None else leads
    matched = [m for m in run if m is not None]
    # A lead standing alone (its text cut off, or still to be written) only ends the run.
    if (
        len(run) >= 2
        and len(matched) == len(run)
        and any(m.end() < len(m.string) for m in matched)
        and all(m.end() < len(m.string) for m in matched[:-1])
        and not any(ENUMERATION.match(p.text) for p in paras)
    ):
        _promote(sec, [(p, number, m.group(1)) for p, number, m in zip(paras, numbers, leads) if m])
    elif (
        len(paras) == 1
        and numbers[0]
        and leads[0]
        and leads[0].end() < len(paras[0].text)
        and (found := number_of(paras[0].text)) is not None
        and number_value(found.number) == 1
    ):
        # the one item of its part ((一)进一步提升……。开展……), its style lost: typed (一) says it is one
        _promote(sec, [(paras[0], numbers[0], leads[0].group(1))])


def _number_prefix(text: str) -> str:
    """The heading number ``text`` opens with, as written (spaces after it included), or ""."""
    found = number_of(text)
    return text[: len(text) - len(found.rest)] if found else ""


def _promote(sec: Section, items: list[tuple[Paragraph, str, str]]) -> None:
    """Replace each paragraph of ``items`` (paragraph, number, lead) with a section."""
    chosen = {id(p): (number, lead) for p, number, lead in items}
    body: list[Paragraph | Section] = []
    for item in sec.body:
        if isinstance(item, Paragraph) and id(item) in chosen:
            number, lead = chosen[id(item)]
            start = len(number) + len(lead)
            sub = Section(sec.level + 1, lead, run_in=True)
            sub.number = number.strip()  # as written, without the spaces after it
            sub.origin = _origin_at(item.origin, len(number))
            rest = item.text[start:].strip()
            if rest:
                sub.body.append(Paragraph(rest, _origin_at(item.origin, start)))
            body.append(sub)
        else:
            body.append(item)
    sec.body = body


def _origin_at(origin: Origin | None, start: int) -> Origin | None:
    if origin is None:
        return None
    return origin_from([(s.offset, s.line, s.column) for s in origin], start)


def parse_report(path) -> Report:
    from drafter.reading.source import read_lines

    return parse_lines(read_lines(path))


def enumerations(text: str) -> list[str]:
    """The 一是/二是… items of a paragraph, in order ([] when it has none)."""
    starts = [m.start(1) for m in INLINE_ENUMERATION.finditer(text)]
    if len(starts) < 2 and not ENUMERATION.match(text):
        return []
    starts.append(len(text))
    return [text[a:b].strip() for a, b in zip(starts, starts[1:])]
