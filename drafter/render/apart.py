"""A figure of the form stands apart in the report: nothing printed right before or after it
joins it into another number or makes it another amount (收到1{{ x.收到申请 }} → 收到1162件,
{{ x.受理.值 }}{{ x.收到申请 }} → 151162件, {{ x.收到申请 }}万 → 162件万, 约{{ x }}).

A template prints a figure through ``_finalize`` (and 项(), ~), which rounds its text with
FIG_OPEN/FIG_CLOSE; once the whole output is known, ``apart`` judges what stands beside each
and removes the marks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.files.characters import INVISIBLE
from drafter.files.patterns import lazy_re
from drafter.model.catalogue import Group, groups_by_name, load_catalogue, not_a_part
from drafter.model.markup import CLOSE, FIG_CLOSE, FIG_OPEN, OF_CLOSE, OF_OPEN, OPEN

_OF = f"(?:{OF_OPEN}(?P<kind>[~^]?)(?P<rate>%?)(?P<id>\\d+)\\|(?P<name>[^|{OF_CLOSE}]*)(?:\\|(?P<group>[^{OF_CLOSE}]*))?{OF_CLOSE})?"
_MARKED = lazy_re(f"{FIG_OPEN}{_OF}(?P<text>[^{FIG_OPEN}{FIG_CLOSE}]*){FIG_CLOSE}")
# drafter's own marks, literal and figure, and whose figure it is
MARKS = lazy_re(f"{OF_OPEN}[^{OF_CLOSE}]*{OF_CLOSE}|[{OPEN}{CLOSE}{FIG_OPEN}{FIG_CLOSE}{OF_OPEN}{OF_CLOSE}]")
EACH = lazy_re(r"(?:分别|依次)(?:为|是)?[\s：:]*$")  # 上年分别为 before a list read in order (phrases too)
JOINER = lazy_re(r"\s*(?:[、，,]|和|及|与)\s*")  # between the figures of a list (phrases too)
# Words of a change right before a figure's 同比, which says them itself (同比增长{{ x.同比 }})
_CHANGE_VERB = "增长|减少|增加|下降|上升|提高|降低"
SAID_CHANGE = lazy_re(
    rf"(?:(?:同比|较上年|比上年|较去年|比去年|同期)(?:(?:{_CHANGE_VERB})了?)?|(?:{_CHANGE_VERB})了?|"
    r"(?:增速|增幅|涨幅|降幅|变化幅度|变化|幅度)(?:为|是|达到?)?)[\s：:]*$"
)  # (增速{x.同比}: 增速同比减少9.4%, the size of a change read as having fallen)
# Words saying the figure after them is a change against last year (比上年增加, 同比减少了,
# 较上年同期增长): a figure of this year printed there reads as the change
AGAINST_LAST = lazy_re(
    r"(?:同比|(?:较|比|与)(?:上年|去年|上一年度?)(?:同期)?(?:相比)?)[，,]?\s*(?:增长|减少|增加|下降|上升|提高|降低|多|少)了?\s*$"
)
# A figure of the form that is itself a change (减少涉企检查: 比上年减少的次数)
CHANGE_FIGURE = lazy_re(r"^(?:减少|增加|增长|下降|降低|压减|压缩|提高|上升)")


# A change typed with its amount right after a figure (，比上年减少7件): the same words every
# year, whatever the form's figures say; so too a change in times or tenths with or without
# the words of last year (增长1.5倍, 增长近两成, 实现翻番, 是上年的2倍)
_AGAINST = r"(?:同比|(?:较|比|与)(?:上年|去年|上一年度?)(?:同期)?(?:相比)?)"
_ROUGHLY = r"(?:近|接近|将近|约|逾|超过|超)?"
_HAN_AMOUNT = r"[一二两三四五六七八九十半][零〇一二两三四五六七八九十百千万点]*"
_PERCENT_WORDS = r"百分之[零〇一二两三四五六七八九十百点]+"  # 百分之三十: a percentage in words
FIXED_CHANGE = lazy_re(
    r"^[，,]?\s*(?:"
    rf"{_AGAINST}[，,]?\s*(?:增长|减少|增加|下降|上升|提高|降低|多|少)了?\s*{_ROUGHLY}\s*"
    rf"(?:\d[\d.]*\s*(?:个百分点|[%％]|[^\d，。；、（）()\s]{{0,2}})|{_HAN_AMOUNT}(?:个百分点|倍|成|[件次人项个起])|{_PERCENT_WORDS})"
    rf"|(?:增长|增加|提高|上升|下降|减少|降低)了?\s*{_ROUGHLY}\s*(?:\d[\d.]*\s*(?:个百分点|[%％]|倍|成)|{_HAN_AMOUNT}(?:个百分点|倍|成)|{_PERCENT_WORDS})"
    rf"|(?:{_AGAINST}|实现)?[，,]?\s*(?:{_ROUGHLY}|基本)翻了?(?:一番|番|两番|二番|三番)"
    rf"|(?:是|为|相当于)(?:上年|去年|上一年度?)(?:同期)?的\s*{_ROUGHLY}\s*(?:\d[\d.]*|{_HAN_AMOUNT})\s*倍"
    rf"|(?:增幅|涨幅|降幅|增速|降速|增长率|下降率)(?:达到?|为|是)?\s*{_ROUGHLY}\s*(?:\d[\d.]*\s*[%％]|{_PERCENT_WORDS})"
    rf"|(?:{_AGAINST}|实现)?[，,]?\s*(?:减半|减少一半|下降一半|增加一倍|增长一倍)"
    r")"
)
# Last year's figure typed after this year's (，上年为100件; （上年100件）; 较上年的100件): the same
# every year, whatever the form's 上年数据 says
FIXED_LAST = lazy_re(
    r"^[，,]?\s*[（(]?\s*(?:较|比|与)?(?:上年|去年|上一年度?)(?:同期)?(?:为|是|的|共|[：:])?\s*"
    r"(?:\d|(?=[一二两三四五六七八九十百千万]+(?:人次|件次|[件项人次个起户家宗卷场批名条])))"
)
# A share typed in tenths after a figure (，占比不足一成; 占审结案件的两成): the same every year
FIXED_SHARE = lazy_re(
    r"^[，,]?\s*(?:所)?占(?:比|比例|比重|[^，。；\d]{1,12}?的(?:比例|比重)?)?(?:为|达到?|是)?"
    r"(?:不足|不到|超过|逾|近|接近|将近|约|达到?)?[一二两三四五六七八九十半]成"
)
_TYPED_AMOUNT = lazy_re(r"[\d.一二两三四五六七八九十百千]*(?:万|亿)?(?:人次|件次|元|[件项人次个起户家宗卷场批名条%％])?")


def typed_after(name: str, text: str, change_fix: str, last_fix: str, template: bool = False) -> tuple[str, str] | None:
    """The message for a change or last year's figure a template or phrase table types itself
    right after the figure ``name`` (``text``: what follows it up to the next figure), or None.
    In a ``template`` a percentage after 上年 may be the form's own rate put through a filter
    ({{ x.败诉率.上年 | percent }} prints unmarked): not taken for one typed."""
    fixed = FIXED_CHANGE.match(text)
    if fixed is not None:
        return fixed_change(name, fixed.group().strip("，, "), change_fix)
    share = FIXED_SHARE.match(text)
    if share is not None:
        return (
            f"“{name}”后面的“{share.group().strip('，, ')}”是写死在模板里的占比，报告里可能和表单里的数对不上。",
            "请删去这几个字；要写比例，请用表单算出的比率（如纠错率），或写明两个数。",
        )
    last = FIXED_LAST.match(text)
    if last is not None:
        said = text[: last.end() + len(_TYPED_AMOUNT.match(text, last.end()).group())]  # type: ignore[union-attr]  # (matches empty)
        if template and said.rstrip().endswith(("%", "％")):
            return None
        return (
            f"“{name}”后面的“{said.strip('，,（( ')}”是写死在模板里的上年数，报告里可能和表单里的上年数对不上。",
            f"请改用 {last_fix}（按表单里“上年数据”的数写出）。",
        )
    return None


def fixed_change(name: str, said: str, fix: str) -> tuple[str, str]:
    """The message for a change the template or phrase table types itself after ``name``."""
    return (
        f"“{name}”后面的“{said}”不是按表单里本年、上年的数算出的同比（是模板里写死的，或模板自己算的），报告里可能和这两个数对不上。",
        f"请删去这几个字，改用 {fix}（按本年和上年的数算出，自带“同比增长……”的说法）。",
    )


def printed_as_change(lead: str, name: str) -> str | None:
    """The words before a figure of this year that make it read as a change against last
    year (比上年增加{{ x.纠错 }}), unless the figure is a change itself (减少涉企检查)."""
    against = AGAINST_LAST.search(lead)
    return against.group().strip() if against and not CHANGE_FIGURE.match(name) else None


# 占审结案件的{{ x.纠错率 }}: a share of a named whole (not 占比, 纠错占比{{ x.纠错率 }}: the rate named)
_EACH_SHARE = lazy_re(r"(?:分别|依次)\s*占[^，。；、\d]*$")
_SHARE_OF_WHOLE = lazy_re(r"占(?!比(?:为|达到|达|是|[：:])?\s*$)([^，。；、\d]{1,24}?)的?\s*$")


def _denominators(rate: str) -> tuple[str, ...]:
    """The counts the catalogue works the rate ``rate`` out over (纠错率: 审结), () if unknown."""
    found = _rate_def(rate)
    return found.denominator if found is not None else ()


def _numerator(rate: str) -> str:
    """The count the catalogue works the rate ``rate`` out of (纠错率: 纠错), "" if unknown."""
    found = _rate_def(rate)
    return found.numerator if found is not None else ""


def _rate_def(rate: str):
    from drafter.model.catalogue import load_catalogue  # only when a template names a share's whole

    for theme in load_catalogue().themes.values():
        for group in theme.groups.values():
            if rate in group.rates:
                return group.rates[rate]
    return None


_BARE_SHARE = lazy_re(r"(?:^|[，,；;：:、\s])(?:占比|所占比例|比例|占)(?:为|达到|达|是|[：:])?\s*$")  # a share of what, not said
# 分别为 right after a mark or at a sentence's start, with no names before it: whose figures, not said
# (an item of a list numbered 一是、二是 opens after its number: 一是受理151件；二是分别为18件)
_LISTED = r"(?:[一二三四五六七八九十]{1,3}是)?"
EACH_ALONE = lazy_re(rf"(?:^|[，,；;：:])\s*{_LISTED}(?:其中)?(?:分别|依次)(?:为|是|达到|达|有|占)?\s*$")
_NAMED_RATE = lazy_re(r"率|比例|占比|比重|占")  # words that say a percentage is a rate or a share
_RATE_CALLED = lazy_re(r"([\u4e00-\u9fff]{1,8}率)(?:为|达到|达|是|[：:])?\s*$")
_SENTENCE_END = lazy_re("[。；;！？!?\n\r]")
_FULL_STOP = lazy_re("[。！？!?\n\r]")  # what ends a sentence, not a clause
# What joins a figure into another amount, shared with the phrase table's checks (phrases.py):
# before it, a digit or sign, a numeral, a word making it approximate or a bound;
JOINED_BEFORE = (
    r"(\d|[.．\-－+＋±]|(?:大约|(?<![预签节履制公契缔条邀相守践违合])约)(?:为|计|合|有|是|达到?)?|将近|接近|"
    r"(?<![就附接最邻靠亲贴])近|超过|(?<![高赶])超|逾|不足|不到|上万|上千|数十|数百|数千|几十|几百|"
    r"(?<!第)[一二三四五六七八九十百千万两]|[十百千万]余|(?<![次等门府宅])第)"  # 第162件 is the 162nd, not 162; 百余162件
)
# after a figure that carries its unit, a unit or measure word, 万/亿, %, 余/多, or a word of approximation.
UNITS = "件次人项个起份条户家元万亿千%％‰场名批期宗余多倍卷"
JOINED_AFTER = rf"([{UNITS}]|左右|以上|以下|上下|之多|开外|有余|出头|来(?=[，,。；;、！？]|$)|强(?![化制调度])|许(?!可))"
_BEFORE = lazy_re(JOINED_BEFORE + "$")
# after a bare number (x.值, its unit written by the template): what changes it or makes it rough
_AFTER_NUMBER = lazy_re(r"^(\d|[.．]\d|[万亿千百十%％‰余多]|左右|以上|以下|上下|之多|开外|有余|强(?![化制调度])|许(?!可))")
_AFTER_FIGURE = lazy_re(r"^(\d|" + JOINED_AFTER[1:])
_LINE_BREAK = lazy_re("\r\n|[\n\r\x85\u2028\u2029]")
HINT = (
    "表单里的数照原样写出：它前后不要紧挨着数字、单位、“万”或“约”“左右”这类词，"
    "中间写上文字或标点；数据自带单位，{{ 数据.行政复议.收到申请 }} 就是“162件”。"
)


def visible(value):
    """A macro's output (or other template markup) as the clerk sees it: without drafter's
    own marks round its literal parts, so cutting, indexing or counting it works on what is
    printed (m()[:3] is never half a mark, m() | length never counts them); the result is
    plain text."""
    if isinstance(value, str) and MARKS.search(value):
        return MARKS.sub("", value)
    return value


CHANGE_HINT = (
    "同比要紧跟在它自己的数后面：写 {{{{ x.{name}.带同比 }}}}（数加同比），或在同比前写明是哪个数的，如“{name}{{{{ x.{name}.同比 }}}}”。"
)


def names(words: str, name: str) -> bool:
    """Do ``words`` name the figure ``name`` (a word of two characters of it: 审查件数 names
    审查文件)? A 同比 so named is of that figure, wherever it stands."""
    return any(name[i : i + 2] in words for i in range(max(1, len(name) - 1)))


# Names listed before 分别/依次 (收到申请、受理分别为…): each takes one figure after it.
NAMES_EACH = lazy_re(r"([\u3400-\u9fff]+(?:(?:[和、及与]|以及)[\u3400-\u9fff]+)+)(?:分别|依次)(?:为|是|达到|达|有)?\s*$")
# Names listed before 分别占…的 (纠错和调解和解分别占审结案件的…): each takes one share after it,
# the rate worked out of that count.
NAMES_SHARE = lazy_re(r"([\u3400-\u9fff]+(?:(?:[和、及与]|以及)[\u3400-\u9fff]+)+)(?:分别|依次)占[^，。；、\d]{1,24}?的?\s*$")


def each_names(listed: str) -> list[str]:
    """The names of a list before 分别为: split at 、 when it has one (调解和解、纠错 is two),
    else at 和/及/与/以及 (受理和审结)."""
    # (not the 和 of 调解和解率, 和谐; the 及 of 及时)
    parts = listed.split("、") if "、" in listed else re.split(r"以及|和(?![解谐睦])|及(?![时格])|与(?!会)", listed)
    return [n for n in parts if n]


def _calls(word: str, name: str) -> bool:
    """Does ``word`` of a list before 分别为 call the figure ``name`` (成功率 for 调解成功率)?"""
    return len(word) >= 2 and (word == name or name.endswith(word) or word.endswith(name))


def _swapped(listed: list[str], given: list[str]) -> tuple[str, str, str] | None:
    """合格率、优秀率分别为{优秀率}、{合格率}: a name before 分别为 that calls not the figure in its
    place but another of the list, which the report would then print under it. (The listed
    names, the name, the figure written in its place) of the first such, or None."""
    for word, own in zip(listed, given):
        if _calls(word, own):
            continue
        if any(_calls(word, other) for other in given if other != own):
            return "、".join(listed), word, own
    return None


def each_swapped(listed: list[str], given: list[str]) -> tuple[str, str] | None:
    """(What is wrong, how to fix it) when ``_swapped``, else None."""
    found = _swapped(listed, given)
    if found is None:
        return None
    names, word, own = found
    return (
        f"“{names}”中与这个数对应的是“{word}”，这里写的却是“{own}”的数，报告里两个数会对调。",
        "“分别为”后面的数据要和前面的名称次序相同、一一对应。",
    )


def shares_swapped(written: str, rates: list[str]) -> tuple[str, str] | None:
    """纠错、调解和解分别占审结案件的{调解和解率}、{纠错率}: each share after 分别占 is the rate of
    the count named in its place (纠错率 of 纠错); (what is wrong, how to fix it) when a name
    calls another share of the list, which the report would print under it."""
    found = _swapped(each_names(written), [_numerator(r) or r for r in rates])
    if found is None:
        return None
    _names, word, own = found
    return (
        f"“{written}”中与这个比率对应的是“{word}”，这里写的却是“{own}”所占的比率，报告里两个比率会对调。",
        "“分别占……的”后面的比率要和前面的名称次序相同、一一对应。",
    )


def _each_counted(output: str, marks: list[re.Match], i: int) -> tuple[str, str] | None:
    """受理、审结分别为{{ 受理 }}、{{ 审结 }}、{{ 纠错 }}: as many figures after 分别为 (joined by
    、/和 alone) as names before it, else one is left without a name, or a name without one."""
    m = marks[i]
    if m.group("kind"):
        return None  # 上年分别为: last year's figures in the sentence's order (_each_in_order)
    lead = MARKS.sub("", output[marks[i - 1].end() if i else 0 : m.start()])
    each = NAMES_EACH.search(lead)
    share = NAMES_SHARE.search(lead) if each is None and m.group("rate") else None
    if share is not None:
        listed = each_names(share.group(1))
        rates = [m.group("name") or ""]
        while i + len(rates) < len(marks) and len(rates) < len(listed):
            after, at = marks[i + len(rates) - 1], marks[i + len(rates)]
            if not (at.group("rate") and JOINER.fullmatch(MARKS.sub("", output[after.end() : at.start()]))):
                break
            rates.append(at.group("name") or "")
        return shares_swapped(share.group(1), rates) if len(rates) == len(listed) else None
    if each is None and (bare := EACH_ALONE.search(lead)):
        # 审结146件，分别为18件: no names before it, so nothing says whose the figures are
        return (
            f"“{bare.group().strip('，,；;：: ')}”前面没有列出名称，后面的数报告里读不出是什么。",
            "请在“分别为”前面写出这几个数的名称，如“审结、纠错分别为……”，或删去“分别为”，在数前面写它自己的名称。",
        )
    if each is None:
        return None
    listed = each_names(each.group(1))
    run = 1
    while i + run < len(marks) and JOINER.fullmatch(MARKS.sub("", output[marks[i + run - 1].end() : marks[i + run].start()])):
        run += 1
    if run == len(listed):
        return each_swapped(listed, [marks[i + j].group("name") or "" for j in range(run)])
    said = f"“{each.group(1)}”是{len(listed)}项，后面写了{run}个数据，"
    return (
        said + ("多出的数报告里读不出是什么。" if run > len(listed) else "有的名称后面没有数，读者会把别的数当成它的。"),
        "“分别为”后面的数据要和前面的名称一样多，次序相同、一一对应：列出几个名称，就接着写几个数据。",
    )


_KIND_MARK = {"同比": "~", "上年": "^"}


def mark(text: str, of: tuple[int, str, bool, str] | None = None, kind: str = "") -> str:
    """``text`` marked as a figure of the form's; ``of``: whose (an identity, its name, whether
    it is a rate, its 数据组), ``kind``: "同比" or "上年" when it is that figure's change or last
    year's value (figures.owner)."""
    if of is None:
        return FIG_OPEN + text + FIG_CLOSE
    ident, name, rate, group = of
    tail = "|" + group if group else ""
    return f"{FIG_OPEN}{OF_OPEN}{_KIND_MARK.get(kind, '')}{'%' if rate else ''}{ident}|{name}{tail}{OF_CLOSE}{text}{FIG_CLOSE}"


def mark_each(text: str, shown: list[str]) -> str:
    """``text`` (a format's result) with each of ``shown`` (the figures filled in, as the report
    writes them) marked where it first stands whole and unmarked: "%s件" % x.值 is then judged
    as x.值 printed is."""
    for figure in shown:
        figure = MARKS.sub("", figure)
        if not figure:
            continue
        inside = _marked_spans(text)
        for m in re.finditer(r"(?<![\d.])" + re.escape(figure) + (r"(?![\d])" if figure[-1].isdigit() else ""), text):
            if not any(a <= m.start() < b for a, b in inside):
                text = text[: m.start()] + mark(figure) + text[m.end() :]
                break
    return text


_SENTENCE_MARKS = "。；;！？\n"


def sentence_at(text: str, at: int) -> tuple[int, int]:
    """Where the sentence holding offset ``at`` of ``text`` starts, and where its end mark is
    (or the text's end)."""
    start = max(text.rfind(c, 0, at) for c in _SENTENCE_MARKS) + 1
    ends = [e for e in (text.find(c, at) for c in _SENTENCE_MARKS) if e >= 0]
    return start, min(ends) if ends else len(text)


# Words before a last-year figure that say it is last year's (上年为, 去年, 同期, 2024年), or
# that it is the start of a change (由…提高到, 较…增长): without any, it reads as this year's.
LAST_SAID = lazy_re(r"上年|去年|上一年|前一年|同期|上期|\d{4}年|[由从较]|比(?![例重率])")


def last_unsaid(name: str, shown: str) -> tuple[str, str]:
    """(What is wrong, how to fix it) for last year's figure ``shown`` of ``name`` printed with
    no word that says it is last year's (全年收到行政复议申请138件 from .上年)."""
    return (
        f"{shown} 是“{name}”上年的数，这一句里却没有“上年”“去年”这样的字，报告里会读成今年的数。",
        f"请在它前面写明是上年的，如“{name}上年为{shown}”；要写今年的数，请去掉“.上年”。",
    )


def _in_sentence(output: str, a: re.Match | None, b: re.Match | None) -> bool:
    """Do marks ``a`` and ``b`` (in this order) stand in one sentence?"""
    return a is not None and b is not None and not _SENTENCE_END.search(MARKS.sub("", output[a.end() : b.start()]))


def _lead(output: str, previous: re.Match | None, m: re.Match) -> str:
    """The words right before mark ``m``: from the figure before it, or the sentence's start."""
    if previous is not None and _in_sentence(output, previous, m):
        start = previous.end()
    else:
        start = sentence_at(output, m.start())[0]
    return MARKS.sub("", output[start : m.start()])


def _of_another(output: str, previous: re.Match | None, m: re.Match, following: re.Match | None) -> tuple[str, str] | None:
    """A figure's 同比 or 上年 is read as the figure's it stands beside: 受理{{ x.受理 }}，
    {{ x.收到申请.同比 }} as 受理's change (a count's after a rate too: 结案率96.7%，同比增长
    17.4%; and a rate's change in points after a count, which check calls 百分点误用); 较上年{{ x.受理.同比 }}，
    审结{{ x.审结 }} as 审结's; 审结{{ x.审结 }}（上年{{ x.纠错率.上年数 }}） as 审结's last year.
    Words naming its figure make it its own. (What is wrong, how to fix it) or None."""
    kind = m.group("kind")
    name, shown = m.group("name"), MARKS.sub("", m.group("text"))
    if kind == "^" and m.group("id") and not LAST_SAID.search(MARKS.sub("", output[sentence_at(output, m.start())[0] : m.start()])):
        return last_unsaid(name, f"“{shown}”")
    if not kind or not m.group("id") or names(_lead(output, previous, m), m.group("name")):
        return None
    before = previous if previous is not None and _in_sentence(output, previous, m) and previous.group("id") else None
    after = following if following is not None and _in_sentence(output, m, following) and following.group("id") else None
    if kind == "~":
        if before is not None:
            if before.group("id") == m.group("id"):
                return None
            other = before.group("name")
            said_of = f"却紧跟在“{other}”的数后面"
        elif after is not None and after.group("id") != m.group("id"):
            other = after.group("name")
            said_of = f"前面没有写“{name}”的数，后面紧接着是“{other}”的数"
        else:
            return None
        return f"“{shown}”是“{name}”的同比，{said_of}，报告里会读成{other}的同比。", CHANGE_HINT.format(name=name)
    if (before is not None and before.group("id") == m.group("id")) or (
        after is not None and after.group("id") == m.group("id") and not after.group("kind")
    ):
        return None  # 纠错率12.3%（上年16.8%）; 由16.8%降低到12.3%: right beside its own figure
    where = f"却紧跟在“{before.group('name')}”的数后面" if before is not None else "这一句里它前后没有“" + name + "”本年的数"
    return (
        f"“{shown}”是“{name}”上年的数，{where}，也没有写它的名称，报告里会读成别的数的上年数。",
        f"请紧跟在“{name}”的数后面写，或在前面写明名称，如“{name}上年为{{{{ x.{name}.上年数 }}}}”。",
    )


def _each_in_order(output: str, marks: list[re.Match], i: int, said: list[str], listed: set[int]) -> tuple[str, str] | None:
    """上年分别为{{ a.上年数 }}、{{ b.上年数 }}: last year's figures after 分别为/依次为 are read
    against the figures the sentence said, in order; so two or more, of those, in that order.
    Their places go to ``listed`` when they are."""
    m = marks[i]
    if m.group("kind") != "^" or not EACH.search(MARKS.sub("", output[marks[i - 1].end() if i else 0 : m.start()])):
        return None
    run = [m]
    for n in marks[i + 1 :]:
        if n.group("kind") != "^" or not JOINER.fullmatch(MARKS.sub("", output[run[-1].end() : n.start()])):
            break
        run.append(n)
    ids = [n.group("id") for n in run]
    if len(run) >= 2 and all(ids) and [x for x in said if x in ids] == ids:
        listed.update(n.start() for n in run)
        return None
    names = "、".join(n.group("name") for n in run)
    return (
        f"“分别为”后面的上年数（{names}）要和这一句前面写的数一一对应、次序相同。",
        "请按前面写数的次序逐个写上年数；只有一个数时写“上年为……”，紧跟在它自己的数后面。",
    )


def _changed_as_typed(output: str, marks: list[re.Match], i: int) -> tuple[str, str] | None:
    """A change typed with its amount right after this year's figure (案件{{ x.案件 }}，比上年
    减少7件): what the template says whatever the form's figures are."""
    m = marks[i]
    if m.group("kind") or not m.group("name"):
        return None
    end = marks[i + 1].start() if i + 1 < len(marks) else len(output)
    name = m.group("name")
    return typed_after(
        name,
        MARKS.sub("", output[m.end() : min(end, m.end() + 40)]),
        f"{{{{ x.{name}.同比 }}}}",
        f"{{{{ x.{name}.上年数 }}}}",
        template=True,
    )


def _worded(output: str, previous: re.Match | None, m: re.Match) -> tuple[str, str] | None:
    """Words beside a figure that say something else of it: 同比增长{{ x.同比 }} (同比增长同比减少
    10%), 纠错率{{ x.结案率 }} (a rate under another rate's name)."""
    lead = _lead(output, previous, m)
    name, shown = m.group("name"), MARKS.sub("", m.group("text"))
    if m.group("kind") == "~" and (said := SAID_CHANGE.search(lead)):
        return (
            f"“{shown}”自带“同比增长”“同比减少”这样的说法，前面的“{said.group()}”就重复了，数减少时还会写成“增长……减少”。",
            f"请删去前面的“{said.group()}”，直接写 {{{{ x.{name}.同比 }}}}。",
        )
    if not m.group("kind") and name and (against := printed_as_change(lead, name)):
        return (
            f"“{against}”后面写的是“{name}”本年的数（{shown}），报告里会读成比上年增减了这么多。",
            f"请删去“{against}”：要写增减，改用 {{{{ x.{name}.同比 }}}}（按本年和上年的数算出，自带“同比增长……”的说法）；"
            "要写本年的数，只删去这几个字。",
        )
    if m.group("kind") == "^" and name and (against := printed_as_change(lead, name)):
        # 较上年减少{{ x.受理.上年数 }}: last year's figure read as the change
        return (
            f"“{against}”后面写的是“{name}”上年的数（{shown}），报告里会读成比上年增减了这么多。",
            f"请删去“{against}”：要写增减，改用 {{{{ x.{name}.同比 }}}}；要写上年的数，写成“上年为{{{{ x.{name}.上年数 }}}}”。",
        )
    if m.group("rate") and not m.group("kind") and name and _BARE_SHARE.search(lead):
        # 纠错18件，占比12.3%: read as the share of the count before it, which the rate is not
        return (
            f"“{name}”（{shown}）前面没有写比率的名称，读者会把它当成占前面某个数的比例。",
            f"请在它前面写上比率的名称，如“{name}{{{{ x.{name} }}}}”。",
        )
    if m.group("rate") and not m.group("kind") and name and (share := _SHARE_OF_WHOLE.search(lead)):
        dens, part = _denominators(name), _numerator(name)
        before = previous.group("name") if previous is not None and _in_sentence(output, previous, m) else None
        respective = _EACH_SHARE.search(lead) is not None  # 纠错…、调解和解…，分别占审结案件的…、…: by position
        if part and before and before != part and not respective and not previous.group("rate"):  # type: ignore[union-attr]
            # 优秀96卷，占评查案卷的96.6%: read as 优秀's share, which 合格率 is not (so after 受理's
            # own 上年 or 同比: 受理151件（上年129件），占审结案件的12.3%)
            return (
                f"“占{share.group(1)}的”{shown}接在“{before}”的数后面，读者会当成{before}所占的比例，但它是“{name}”（按{part}算的）。",
                f"请把它紧跟在“{part}”的数后面写，或写明比率的名称“{name}”。",
            )
        if dens and not any(d in share.group(1) or d[:2] in share.group(1) for d in dens):
            # 纠错18件，占受理案件的12.3%: 12.3% is 纠错 ÷ 审结, never ÷ 受理
            return (
                f"“占{share.group(1)}的”后面写的是“{name}”（{shown}），它是按{'、'.join(dens)}算的，不是占{share.group(1)}的比例。",
                f"请写“占{dens[0]}的”，或写明比率的名称“{name}”。",
            )
    if m.group("rate") and not m.group("kind") and name and (called := _RATE_CALLED.search(lead)):
        stem = called.group(1)[:-1]
        if stem and not set(stem) & set(name[:-1]):
            return (
                f"“{called.group(1)}”后面写的是“{name}”（{shown}），报告里会把它读成{called.group(1)}。",
                f"请写“{name}”，或输出“{called.group(1)}”自己的数据。",
            )
    if m.group("rate") and not m.group("kind") and name and not _rate_named(output, previous, m, lead):
        # 审结146件，纠错18件，12.3%: a bare percentage reads as a share of the count before it
        return (
            f"“{name}”（{shown}）前面没有写比率的名称，读者会把它当成占前面某个数的比例。",
            f"请在它前面写上比率的名称，如“{name}为{{{{ x.{name} }}}}”。",
        )
    return None


def _rate_named(output: str, previous: re.Match | None, m: re.Match, lead: str) -> bool:
    """Is the rate at mark ``m`` named in its clause (纠错率为, 纠错率（, 占审结案件的), or the
    next of a list of rates (结案率和纠错率分别为96.7%和12.3%), or the same rate again (由16.8%
    降低到12.3%)?"""
    if previous is not None and _in_sentence(output, previous, m):
        if previous.group("id") == m.group("id"):
            return True
        if previous.group("rate") and JOINER.fullmatch(lead):
            return True
    clauses = re.split(r"[，,；;：:]", lead)
    said = _RATE_SAID.search(clauses[-2]) if len(clauses) > 1 and _LINK_ONLY.fullmatch(clauses[-1]) else None
    if said and set(said.group(1)[:-1]) & set(m.group("name")[:-1]):
        return True  # 纠错率较低，为12.3%: the rate named in the clause before, then 为
    return bool(_NAMED_RATE.search(clauses[-1]))


# A clause of only the words joining a rate to its figure (为, 达到), and a clause before it that
# names a rate and says how it stands (纠错率较低, 结案率较上年有所下降)
_LINK_ONLY = lazy_re(r"\s*(?:为|是|达到|达|仅为|约为|降至|升至|降到|升到|提高到|降低到)\s*")
_RATE_SAID = lazy_re(
    r"([\u4e00-\u9fff]{1,8}率)(?:同比|较上年|比上年)?(?:较低|较高|偏低|偏高|不高|不低|有所下降|有所上升|有所提高|有所降低|明显下降|明显提高|进一步下降|进一步提高|下降|上升|提高|降低)\s*$"
)


PART_LEAD = lazy_re(rf"^[\s，,、：:；;]*{_LISTED}其中")  # 其中 opening what follows a figure: a part of it


def part_after(part: str, before: Sequence[tuple[object, str, str, bool, str]]) -> tuple[str, str] | None:
    """其中{part} is read as a part of the count of this year before it, over any rate and any
    figure's own 同比 or 上年 between (审结146件（上年120件），纠错率12.3%，其中纠错…: of 审结).
    ``before``: the sentence's figures before it, in order, each (identity, name, kind "同比" /
    "上年" / "", is a rate, as printed). (What is wrong, how to fix it) when what it would be
    read against is last year's value or a 同比 standing without its own figure (审结案件上年为
    120件，其中纠错18件), or only a rate (败诉率3.8%，其中败诉2件); None otherwise."""
    k, rate = len(before) - 1, None
    while k >= 0:
        ident, name, kind, is_rate, shown = before[k]
        if kind:
            own = before[k - 1] if k else None
            if own is None or own[0] != ident or own[2]:
                what = "的同比" if kind == "同比" else "上年的数"
                return (
                    f"“其中”后面的“{part}”会读成前面那个数的一部分，但前面紧挨着的是“{name}”{what}（{shown}），不是本年的数。",
                    f"请把“其中{part}”紧跟在它所属的本年的数后面写。",
                )
            k -= 1
            continue
        if not is_rate:
            return None
        rate = rate or (name, shown)
        k -= 1
    if rate is None:
        return None
    return (
        f"“其中”后面的“{part}”会读成前面那个数的一部分，但这一句前面只有比率“{rate[0]}”（{rate[1]}），没有它所属的件数。",
        f"请把“其中{part}”紧跟在它所属的件数后面写。",
    )


_KIND_WORD = {"~": "同比", "^": "上年"}


def _part_of_another(output: str, marks: list[re.Match], i: int) -> tuple[str, str] | None:
    """A figure of the form after 其中 (其中{{ x.纠错 }}): what it is read as a part of (part_after)."""
    m = marks[i]
    if not i or not m.group("id") or m.group("kind") or m.group("rate") or not _in_sentence(output, marks[i - 1], m):
        return None
    if not PART_LEAD.search(MARKS.sub("", output[marks[i - 1].end() : m.start()])):
        return None
    k = i - 1
    while k > 0 and _in_sentence(output, marks[k - 1], marks[k]):
        k -= 1
    before = [
        (w.group("id"), w.group("name"), _KIND_WORD.get(w.group("kind") or "", ""), bool(w.group("rate")), MARKS.sub("", w.group("text")))
        for w in marks[k:i]
    ]
    said = part_after(m.group("name"), before)
    whole = next((w for w in reversed(marks[k:i]) if w.group("id") and not w.group("kind") and not w.group("rate")), None)
    if said is not None or whole is None or not m.group("group") or whole.group("group") != m.group("group"):
        return said
    groups = groups_by_name(load_catalogue())
    return part_problem(groups[m.group("group")], whole.group("name"), m.group("name"))  # 审结…，其中受理…


_LIST_REACH = 12  # figures back a 其中 list is looked for (a sentence of a template's output may hold thousands)
SET_APART = lazy_re(r"另|此外|还有|同时|以外|之外")  # words that set an item apart from a 其中 list before it


def _on_the_list(output: str, marks: list[re.Match], i: int) -> tuple[str, str] | None:
    """A count written on in a 其中 list (审结…，其中纠错…，调解和解…，受理前化解…) is read as
    another part of its whole: wrong when the catalogue says it never is one and no word sets
    it apart (另, 此外)."""
    m = marks[i]
    if not i or not m.group("id") or m.group("kind") or m.group("rate") or not m.group("group"):
        return None
    k = i - 1
    while (
        k > max(0, i - _LIST_REACH)
        and _in_sentence(output, marks[k - 1], marks[k])
        and not PART_LEAD.search(MARKS.sub("", output[marks[k - 1].end() : marks[k].start()]))
    ):
        k -= 1
    if k < 1 or k == i or not _in_sentence(output, marks[k], m):
        return None
    if not PART_LEAD.search(MARKS.sub("", output[marks[k - 1].end() : marks[k].start()])):
        return None  # no 其中 list before it in the sentence
    if SET_APART.search(MARKS.sub("", output[marks[k].end() : m.start()])):
        return None
    whole = marks[k - 1]
    if whole.group("kind") or whole.group("rate") or whole.group("group") != m.group("group"):
        return None
    groups = groups_by_name(load_catalogue())
    return off_the_list(groups[m.group("group")], whole.group("name"), m.group("name"))


def off_the_list(group: Group, whole: str, part: str) -> tuple[str, str] | None:
    """{part} written on in a 其中 list after {whole}, both of ``group``, no word setting it
    apart: (what is wrong, how to fix it) when the catalogue says it is never a part of it."""
    if part == whole or part not in group.figures or whole not in group.figures or not_a_part(group, whole, part)[0] != "outside":
        return None
    return (
        f"“其中”后面接着写的各项都会读成{whole}的一部分，但{part}不在{whole}之内，报告里会把两件事混成一件。",
        f"请在{part}前面写上“另”“此外”这样的词（如“另在……{part}……”），或另起一句。",
    )


def part_problem(group: Group, whole: str, part: str) -> tuple[str, str] | None:
    """其中{part} right after {whole}, both of ``group``: (what is wrong, how to fix it) when the
    catalogue says it is no part of that count — counted in another unit (主动公开…条，其中依申请
    公开…件), a part of another count (调解和解…，其中纠错…: both are parts of 审结), or said
    never to be one (受理…，其中受理前化解…; 审结…，其中受理…). None when the catalogue does not
    tell (开庭审理 after 案件; 受理, 其中纠错: of the cases 审结, mostly 受理's)."""
    if whole == part:
        return None  # one figure said twice: judged as such
    this, that = group.figures[part], group.figures[whole]
    fix = f"请去掉“其中”，或把“其中{part}”写在它所属的数后面。"
    kind, of = not_a_part(group, whole, part)
    if kind == "unit":
        return f"“其中”把{part}（{this.unit}）写成了{whole}（{that.unit}）的一部分，两者计的不是同一种东西，报告里读不通。", fix
    if kind == "outside":
        return (
            f"“其中”把{part}写成了{whole}的一部分，但{part}不在{whole}之内，报告里会把两件事混成一件。",
            f"请去掉“其中”，把{part}作为另外的一项来写。",
        )
    if kind == "siblings":
        return f"“其中”把{part}写成了{whole}的一部分，但两者都是{of}中的一部分，{part}不是{whole}中的。", fix
    return None


def _again(said: list[str], m: re.Match) -> tuple[str, str] | None:
    """句(项("受理{}", x.受理), 项("受理{}", x.受理)): one figure printed twice in a sentence."""
    if not m.group("id") or m.group("kind") or m.group("id") not in said:
        return None
    return (
        f"表单里的“{m.group('name')}”（{MARKS.sub('', m.group('text'))}）在同一句里写了两次，报告里会重复。",
        "请删去其中一处：同一个数在一句里只写一次。",
    )


def _marked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MARKED.finditer(text)] if FIG_OPEN in text else []


def apart(output: str) -> tuple[str, int | None, str | None, str]:
    """(``output`` without figure marks, where in ``output`` the first figure stands that is
    joined to what stands beside it, or said of another figure, or said again in its
    sentence, or None; what is wrong there, how to fix it)."""
    if FIG_OPEN not in output:
        return output, None, None, HINT
    previous = None
    said: list[str] = []  # the figures printed in this sentence so far (their identities), in order
    listed: set[int] = set()  # last year's figures after 分别为, in the order of theirs (said as a list)
    marks = list(_MARKED.finditer(output))
    for i, m in enumerate(marks):
        if previous is not None and _FULL_STOP.search(MARKS.sub("", output[previous.end() : m.start()])):
            said = []  # (a “；” joins clauses of one sentence: a figure said again after it is said twice)
        wrong = (
            _each_in_order(output, marks, i, said, listed)
            or (None if m.start() in listed else _of_another(output, previous, m, marks[i + 1] if i + 1 < len(marks) else None))
            or _worded(output, previous, m)
            or _changed_as_typed(output, marks, i)
            or _part_of_another(output, marks, i)
            or _on_the_list(output, marks, i)
            or _each_counted(output, marks, i)
            or _again(said, m)
        )
        if wrong:
            return output, m.start(), *wrong
        if m.group("id") and not m.group("kind") and m.group("id") not in said:
            said.append(m.group("id"))
        previous = m
        shown = MARKS.sub("", m.group("text"))
        # (as printed: an invisible character between is dropped, 162件 and 万 still meet)
        before = INVISIBLE.sub("", MARKS.sub("", output[max(0, m.start() - 40) : m.start()]))
        after = INVISIBLE.sub("", MARKS.sub("", output[m.end() : m.end() + 40]))
        bare = not re.search(r"\D$", shown)  # a number printed without a unit (x.值)
        b = _BEFORE.search(before)
        # (a closing quote between a figure and a unit joins them all the same: “162件”件)
        a = _AFTER_NUMBER.match(after) if bare else _AFTER_FIGURE.match(after.lstrip("\"'”’」』"))
        if b or a:
            joined = (b or a).group(1)  # type: ignore[union-attr]  # one of them matched
            told = f"表单里的数“{shown}”{'前面' if b else '后面'}紧挨着“{joined}”"
            if not b and bare and joined in "万亿":
                # x.值 / 10000 then 万: drafter cannot tell it from x.值 * 2 then 万
                return (
                    output,
                    m.start(),
                    (
                        told + "：程序分不清它是不是按“" + joined + "”折算过的。"
                        "要按万、亿写，请直接输出数据并用过滤器 num（如 {{ x.收到申请 | num }}），"
                        "它在不丢数字时写成“万”“亿”。"
                    ),
                    HINT,
                )
            why = "，报告里会读成第几个（序数），不是多少。" if joined == "第" else "，报告里会连成另一个数，或变成约数。"
            return output, m.start(), told + why, HINT
    return MARKS.sub(lambda m: m.group() if m.group() in (OPEN, CLOSE) else "", output), None, None, HINT
