"""Find the figures in report text: label, value, unit, approximation; map them to the
catalogue; tie a percentage to the two counts nearby it is computed from.

Not figures: years and dates (2024年, 1—10月), document numbers (〔2024〕12号), ordinal
ranks (第3名, 前3), and slogan numbers, which reports write in Chinese numerals
(三项制度, 八五普法) and this reader does not take as counts at all.

Every look-back is bounded (the label, the subject of a sentence, the counts a rate may be
computed from) and sentence boundaries are found once per text, so a paragraph of any
length costs time in proportion to its length.
"""

from __future__ import annotations

import bisect
import copy
import os
import re
from decimal import Decimal
from functools import lru_cache

from drafter.files.patterns import lazy_re
from drafter.model.catalogue import Catalogue, groups_by_name, per_catalogue

UNITS = [
    "个百分点",
    "平方公里",
    "平方米",
    "人次",
    "户次",
    "件次",
    "场次",
    "家次",
    "批次",
    "万元",
    "亿元",
    "千元",
    "公里",
    "公顷",
    "大类",
    "方面",
    "件",
    "人",
    "次",
    "场",
    "个",
    "项",
    "条",
    "份",
    "卷",
    "户",
    "家",
    "起",
    "处",
    "类",
    "元",
    "篇",
    "期",
    "批",
    "名",
    "部",
    "所",
    "支",
    "台",
    "套",
    "宗",
    "单",
    "天",
    "轮",
    "门",
    "张",
    "册",
    "票",
    "本",
    "幅",
    "座",
    "间",
    "辆",
    "吨",
    "亩",
    "位",
    "届",
    "堂",
    "讲",
    "例",
    "种",
    "对",  # 婚姻登记4512对
    "株",
    "棵",
    "千米",
    "倍",
    "%",
    "‰",
]
_UNIT = "(?P<unit>" + "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True))) + ")"
# Thousands grouped by a comma, a space or a thin space (68,420; 68 420): one number, read
# as such, never two (公文 writes none, but text pasted from spreadsheets and web pages does).
GROUPING = ",\u0020\u00a0\u2009\u202f"
# A rate is never grouped (146 100% is two cells of a table row, 146 and 100%).
_DIGITS = rf"(?:\d{{1,3}}(?:[{GROUPING}]\d{{3}})+(?!\d|[{GROUPING}]\d)(?!(?:\.\d+)?\s?[%％‰])|\d{{1,15}})(?:\.\d+)?"
_NUMBER = lazy_re(
    # A number starts where a run of digits starts (never inside one, which would make a
    # long run of digits quadratic) and has at most 15 digits before the point (any number
    # after it: 70.0000000000000000% pasted from a spreadsheet is 70%). A
    # stray space may stand between the parts (“236 项”, “94.3 %”, “1.3 万件”); a range
    # (3至5次) is read as its lower end.
    rf"(?P<pre>近|约|超过|超|逾|达)?(?<!\d)(?P<num>{_DIGITS})"
    rf"(?: ?(?:至|到|～|~|—|-) ?(?P<high>{_DIGITS}))?"
    r" ?(?P<scale>万(?!元)|亿(?!元)|千(?!元))?(?P<approx>余|多)? ?" + _UNIT
)
SCALES = {"千": 1_000, "万": 10_000, "亿": 100_000_000}
# Money in any of its units is one kind of figure: 40万元 is 0.004亿元 (domain.md §6).
MONEY = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}


def exact(number: str | Decimal, scale: int | Decimal = 1) -> int | float:
    """``number`` (as written) times ``scale``, computed in decimal so that no binary error
    creeps in (641.57万 is 6415700, never 6415700.000000001): an int when whole, else the
    float nearest the exact value."""
    value = Decimal(number) * scale
    return int(value) if value == value.to_integral_value() else float(value)


def in_unit(value: int | float, unit: str, target: str) -> int | float:
    """A sum of money in ``unit`` said in ``target`` (both of MONEY), exactly."""
    return exact(Decimal(str(value)) * MONEY[unit] / MONEY[target])


def in_wan(figures: list[FoundFigure]) -> list[FoundFigure]:
    """``figures`` with each sum of money said in 万元 (a copy of it: 1.1亿元 is 11000万元,
    written to one place, so anything from 10500 to 11500; 5000元 is 0.5万元), so that sums
    written in different units are compared (a whole in 亿元, its parts in 万元)."""
    out = []
    for f in figures:
        if f.unit not in MONEY or f.unit == "万元":
            out.append(f)
            continue
        g = copy.copy(f)
        g.value = in_unit(f.value, f.unit, "万元")
        g.upper = in_unit(f.upper, f.unit, "万元") if f.upper is not None else None
        g.unit = "万元"
        if MONEY.get(f.written_unit, 0) > MONEY["万元"]:  # as written: 4500万元 kept in 亿元 is exact
            g.money_half = 0.5 * 10**-f.decimals * MONEY[f.written_unit] / MONEY["万元"]
        out.append(g)
    return out


# Counts in Chinese numerals (十二个, 两次, 千余人): only where they are plainly counts, since
# reports write their slogans the same way (三项制度, 两个维护, 四个意识).
_HAN = "两一二三四五六七八九十百千万"


@lru_cache(maxsize=1)
def _han_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(count, counting verb, slogan tail), compiled when a text first needs them."""
    number = re.compile(
        rf"(?P<pre>近|约|超过|超|逾|上)?(?<![\d.{_HAN}第届])(?P<num>[{_HAN}]{{1,6}})(?P<approx>余|多)?"
        r"(?P<unit>人次|场次|件次|户次|个|次|项|件|场|名|人|家|户|期|批|条|份|篇|轮|所|支|起|处)"
    )
    verb = re.compile(
        r"(开展|召开|组织|举办|举行|建成|建立|培育|创建|制定|出台|修订|印发|办理|审查|发布|推出|设立|新增|"
        r"达到|达|共|累计|全年|培训|受理|审结|化解|调解|接待|解答|参加|参与|覆盖|评选|选树|打造|检查|督察|走访)"
    )
    tail = re.compile(
        r"^(制度|意识|自信|维护|确立|务必|全面|代表|清单|一体|结合|统一|服务|机制|平台|中心|体系|工程|"
        r"行动|目标|重点|方面|不|必须|优先|联动|融合|作风|示范|标准|模式|字|化|率|同|能力|关键|主体|全会|党代)"
    )
    return number, verb, tail


_IN_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"))
# (÷ × = and a slash after a figure part two figures of a fraction: 审结146件÷受理151件)
# An aside in brackets right before a figure, naming no figure itself (（含简易程序）)
_ASIDE = lazy_re(r"[（(][^（）()\d%，。；]{1,20}[）)]$")
_CLAUSE_START = lazy_re(r"[，。；：、！？（）“”《》÷×＝=／]|(?<=[\d件人次项个户家起条份场名批期宗卷元%])/")
# Words that open a label without being part of it; 和/及/与 only as conjunctions (和解,
# 及时 and 与会 are words of the label).
# An item's own number (1.全年受理…, 一是全年受理…) names nothing either.
_LEADING = lazy_re(
    r"^(\d{1,2}[.．、](?![\d%])|[一二三四五六七八九十]{1,2}是(?![非否])|"
    r"其中|共|全年|累计|分别|合计|今年以来|年内|全区|全县|全市|目前|已|实际|同时|并|和(?![解谐睦])|及(?![时格])|与(?!会))+"
)
# a change as its words say it: 同比增长, 增长了, 下降幅度为, 增幅达
_CHANGE = lazy_re(
    r"(同比|较上年|比上年|环比)?(上升|下降|增长|减少|提高|降低|增加|增幅|降幅|涨幅|压缩|压减|缩短|缩减)(?:了|幅度)?(为|达到|达|是)?$"
)
# 由85%上升为90%: the figure after 为 is the level reached, not a change
_FROM_LEVEL = lazy_re(
    r"(?:由|从)[^，。；]{0,12}?\d+(?:\.\d+)?\s*[%％][^，。；\d]{0,4}?"
    r"(?:上升|下降|增长|减少|提高|降低|增加)为$"
)
LABEL_REACH = 60
MAX_PLACES = 12  # decimal places of a figure as written that are judged (a float holds about 15 digits)
SUBJECT_REACH = 200  # characters of a figure's sentence before it where its subject is named
CONTEXT_REACH = 200  # characters of the heading above a paragraph that count as its context
# A catalogue figure sharing a third or less of a label's words, beside its group named in the
# sentence (the label naming neither), is that figure only when one of them is the label's last word, its head noun
# (参与培训 → 培训人次); 讲法治课 is a 课, not 研究法治议题 for the 法治 they share.
MIN_SHARE = 0.34
TIE_COUNTS = 8  # counts before a percentage (in its sentence) that it may be computed from
APPROX_BEFORE = {"近": "近", "约": "约", "超过": "多", "超": "多", "逾": "多"}


class FoundFigure:
    """One figure as written in the text."""

    def __init__(
        self,
        label: str,
        value: float,
        unit: str,
        approx: str,
        text: str,
        start: int,
        upper: float | None = None,
        scale: str = "",
        after: str = "",
    ):
        self.label = label
        self.after = after  # the words after the figure in its clause (对42件规范性文件进行…: 规范性文件进行…)
        self.scale = scale  # 万/亿/千 as written (1.29万条): a count so written may be rounded
        self.upper = upper  # the upper end of a range (3至5次)
        self.value = value
        self.unit = unit
        self.written_unit = unit  # ``unit`` may become the catalogue's (40万元 → 0.004亿元)
        self.money_half = 0.0  # said in 万元 from a rounded 亿元 (in_wan): how far the sum may be from ``value``
        self.approx = approx
        self.text = text
        self.start = start
        self.maps_to: str | None = None  # "行政复议.收到申请" or "行政复议.纠错率"
        self.from_counts: tuple[int, int] | None = None  # indexes of numerator and denominator
        self.kind = "rate" if unit == "%" else "points" if unit == "个百分点" else "count"
        self.negative = False  # a change written with a minus sign (同比增长-1.4%): the other way
        if self.kind == "rate" and label[-1:] in "-－−" and _CHANGE.search(label[:-1]):
            self.label, self.negative = label[:-1], True
        if self.kind == "rate" and _CHANGE.search(self.label) and not _FROM_LEVEL.search(self.label):
            self.kind = "change"

    @property
    def decimals(self) -> int:
        """Decimal places as written (12.3% → 1), which is how precisely it was rounded."""
        num = re.search(r"\d+(?:\.\d+)?", ungrouped(self.text))
        places = len(num.group(0).split(".")[1]) if num and "." in num.group(0) else 0
        places = min(places, MAX_PLACES)  # places past what a float holds say nothing more
        return places + 1 if self.text.endswith("‰") else places  # 55.6‰ is 5.56%

    def as_dict(self) -> dict:
        out = {"标签": self.label, "数值": self.value, "单位": self.unit, "原文": self.text}
        if self.approx:
            out["约数"] = self.approx
        if self.upper is not None:
            out["上限"] = self.upper
        if self.maps_to:
            out["对应指标"] = self.maps_to
        if self.from_counts:
            out["由计数算出"] = list(self.from_counts)
        return out


def ungrouped(number: str) -> str:
    """A number as written without its thousands separators (68,420 → 68420)."""
    return re.sub(rf"(?<=\d)[{GROUPING}](?=\d{{3}})", "", number)


def _excluded(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 2) : m.start()]
    after = text[m.end() : m.end() + 1]
    if before.endswith(("第", "前", "〔", "[")) or after in ("号", "〕", "]"):
        return True
    if m.group("unit") == "单" and after in ("位", "元", "据", "独", "项"):
        return True  # 6单位通报表扬: 单 is a word's first character, not the unit 单
    # a number in a document's title (《……23条措施》) or in a short quoted name (“3个100%”工程,
    # “15分钟法律服务圈”): part of the name, not a figure
    return _quoted(text, m.start(), "《", "》") or _short_quote(text, m.start(), m.end())


_SHORT_NAME = 16  # characters of a quoted name (“百名法官进万家”); a longer quote may state figures


def _short_quote(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a “…” of at most _SHORT_NAME characters."""
    opening = text.rfind("“", max(0, start - _SHORT_NAME), start)
    if opening < 0 or "”" in text[opening:start]:
        return False
    closing = text.find("”", end, opening + _SHORT_NAME + 2)
    # a quote of the figure alone (结案率“86.7%”) still states it
    return closing >= 0 and "“" not in text[end:closing] and bool((text[opening + 1 : start] + text[end:closing]).strip())


def _quoted(text: str, at: int, opening: str, closing: str, reach: int = 60) -> bool:
    """Whether ``at`` stands inside ``opening``…``closing`` opened at most ``reach`` back."""
    window = text[max(0, at - reach) : at]
    return window.rfind(opening) > window.rfind(closing)


def may_be_rounded(f: FoundFigure) -> bool:
    """Whether the figure is written in a unit that a writer rounds to: 万/亿/千 (1.29万条),
    or money in a larger unit than the figure is kept in (3.5万元 of a figure kept in 元)."""
    return bool(f.scale) or MONEY.get(f.written_unit, 0) > MONEY.get(f.unit, MONEY.get(f.written_unit, 0))


def han_value(numeral: str) -> int | None:
    """十二 → 12, 两 → 2, 三千五百 → 3500, 千 → 1000, 一万二千 → 12000; None if malformed."""
    digits = {"两": 2, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, section, digit = 0, 0, None
    for ch in numeral:
        if ch in digits:
            if digit is not None:
                return None  # 二三: not one number
            digit = digits[ch]
        elif ch in units:
            section += (1 if digit is None else digit) * units[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0) or 1) * 10_000
            section, digit = 0, None
    return total + section + (digit or 0)


def _han_figure(text: str, m: re.Match) -> FoundFigure | None:
    """A count written in Chinese numerals, when it is plainly one: not 一 alone, not in
    quotes, a title or after 第, not a slogan (三项制度), and ending its clause or counted
    by a verb (召开会议两次，建成三个站点)."""
    numeral, unit = m.group("num"), m.group("unit")
    value = han_value(numeral)
    rough = m.group("pre") or m.group("approx")
    if value is None or (value == 1 and not rough) or (numeral in "千万百" and not rough):
        return None
    if any(_quoted(text, m.start(), a, b) for a, b in _IN_QUOTES):
        return None
    _, counting, slogan = _han_patterns()
    tail = text[m.end() : m.end() + 2]
    if slogan.match(tail):
        return None
    clause = _CLAUSE_START.split(text[max(0, m.start() - 20) : m.start()])[-1]
    if not (rough or tail[:1] in "，。；、：）！？" or counting.search(clause)):
        return None
    approx = m.group("approx") or {"近": "近", "约": "约", "超过": "多", "超": "多", "逾": "多", "上": "多"}.get(m.group("pre") or "", "")
    label = _LEADING.sub("", _CLAUSE_START.split(text[max(0, m.start() - LABEL_REACH) : m.start()])[-1].strip())
    return FoundFigure(label, value, unit, approx, m.group(0), m.start())


def _to_places(number: str) -> Decimal:
    """A number as written, rounded to MAX_PLACES when written with more (66.66666666666667
    pasted from a spreadsheet is 66.666666666667, as its decimals are judged)."""
    value = Decimal(ungrouped(number))
    if "." in number and len(number.rsplit(".", 1)[1]) > MAX_PLACES:
        value = value.quantize(Decimal(1).scaleb(-MAX_PLACES))
    return value


def extract(text: str) -> list[FoundFigure]:
    found = []
    for m in _NUMBER.finditer(text):
        if _excluded(text, m):
            continue
        scale = SCALES.get(m.group("scale") or "", 1)
        value = exact(_to_places(m.group("num")), scale)
        upper = exact(_to_places(m.group("high")), scale) if m.group("high") else None
        approx = m.group("approx") or APPROX_BEFORE.get(m.group("pre") or "", "")
        # A label is the clause before the number; a longer stretch names nothing, and
        # looking further back would make a long run of figures quadratic.
        clause = _CLAUSE_START.split(text[max(0, m.start() - LABEL_REACH) : m.start()])[-1]
        if not clause.strip() and text[max(0, m.start() - 1) : m.start()] in ("”", "》"):
            clause = _quoted_label(text, m.start())  # 培养“法律明白人”20人: the quoted name labels it
        elif not clause.strip() and (aside := _ASIDE.search(text, max(0, m.start() - 30), m.start())):
            # 依法受理（含简易程序）151件: the name before the aside labels it
            clause = _CLAUSE_START.split(text[max(0, aside.start() - LABEL_REACH) : aside.start()])[-1]
        elif (opened := _WHOLE_IN_BRACKETS.search(text, max(0, m.start() - 4), m.start())) and _BRACKET_CLOSES.match(text, m.end()):
            # 受理行政复议案件（816件）中审结602件: the name before the brackets labels the figure in them
            clause = _CLAUSE_START.split(text[max(0, opened.start() - LABEL_REACH) : opened.start()])[-1]
        elif clause.startswith(("中", "当中", "之中")) and text[max(0, m.start() - len(clause) - 1) : m.start() - len(clause)] in "）)":
            clause = re.sub(r"^(?:当|之)?中", "", clause)  # （816件）中审结602件: 审结, of the whole in brackets
        # “570件中调解成功317件”: 317件 is named 调解成功, of the whole 570件 before it
        clause = _FIGURE_JOINED.sub("", clause)  # 承办人大代表建议112件和政协提案134件: 政协提案
        label = _OF_WHOLE.sub("", _LEADING.sub("", clause.strip()))
        unit = "类" if m.group("unit") == "大类" else m.group("unit")  # 3大类 counts 类
        if unit == "‰":  # a rate per thousand is the rate per hundred it is (55.6‰ is 5.56%)
            value, unit = exact(_to_places(m.group("num")), Decimal("0.1")), "%"
        found.append(
            FoundFigure(label, value, unit, approx, m.group(0), m.start(), upper, m.group("scale") or "", _words_after(text, m.end()))
        )
    if any(c in text for c in _HAN):
        han = [f for f in (_han_figure(text, m) for m in _han_patterns()[0].finditer(text)) if f]
        if han:
            found = sorted(found + han, key=lambda f: f.start)
    _name_respective(text, found)
    return found


_RESPECTIVE = lazy_re(r"分别(?:为|是|达到|达|有|共)?$")
_LIST_JOIN = lazy_re(r"\s*[、和及与]\s*")


def _name_respective(text: str, found: list[FoundFigure]) -> None:
    """Counts listed after names with 分别 (维持、纠错分别为128件、18件): each count takes the
    name in its place of the list (维持 128件, 纠错 18件), not the words just before the first
    (纠错分别为). Left as they are when names and counts do not pair off one to one."""
    for i, f in enumerate(found):
        if f.kind != "count" or not _RESPECTIVE.search(f.label):
            continue
        run = [f]
        while (
            i + len(run) < len(found)
            and found[i + len(run)].unit == f.unit
            and len(run) < 30
            and _LIST_JOIN.fullmatch(text, run[-1].start + len(run[-1].text), found[i + len(run)].start)
        ):
            run.append(found[i + len(run)])
        before = text[max(0, f.start - LABEL_REACH) : f.start]
        at = before.rfind("分别")
        names = [_LEADING.sub("", n.strip()) for n in re.split(r"[，。；：！？（）“”《》]", before[:at])[-1].split("、")]
        if len(run) < 2 or len(names) != len(run) or not all(names):
            continue
        for g, name in zip(run, names):
            g.label = name
    for i, f in enumerate(found):
        # 分别审结146件、40件: the counts after the first are named as it is
        if f.kind != "count" or not f.label or not re.search(r"分别[^，。；、\d]{1,12}$", text[max(0, f.start - 16) : f.start]):
            continue
        for prev, g in zip(found[i : i + 29], found[i + 1 : i + 30]):
            if g.label or g.unit != f.unit or not _LIST_JOIN.fullmatch(text, prev.start + len(prev.text), g.start):
                break
            g.label = f.label


# A whole a count is of, before its name (570件中调解成功317件; 在150件中): not its name.
# A whole alone in brackets after its name: 受理行政复议案件（816件）, （共816件）
_WHOLE_IN_BRACKETS = lazy_re(r"[（(]\s*(?:共计|共|合计|计)?\s*$")
_BRACKET_CLOSES = lazy_re(r"\s*[）)]")
_LISTED_NAME = lazy_re(r"[\u4e00-\u9fff]、$")  # a name of a list of names right before a figure's label
# A figure of its own and a conjunction before a label: the words after them name the figure
_FIGURE_JOINED = lazy_re(
    r"^.*\d(?:万|亿)?[件个项次人起份条户家宗卷场批元%]*(?:和(?![解谐睦])|以及|及(?![时格])|与(?!会))(?=[\u4e00-\u9fff])"
)
_OF_WHOLE = lazy_re(r"^在?\d+(?:\.\d+)?(?:万|亿)?[件个项次人起份条户家宗]*(?:中|当中|之中)")
# The words after a figure, up to the end of its clause (bounded: a name is short).
_WORDS_AFTER = lazy_re(r"[^，。；：、！？（）“”《》\d%％]{0,20}")


def _words_after(text: str, at: int, pattern: re.Pattern[str] = _WORDS_AFTER) -> str:
    """The words ``pattern`` (which matches the empty string too) takes from ``at`` on."""
    m = pattern.match(text, at)
    return m.group(0) if m else ""


# Words before a count that name nothing (对42件规范性文件进行审核, 先后3次): the count's name
# is then the words after it.
_NAMELESS = lazy_re(r"(?:对|向|为|共|共计|累计|全年|依法|先后|分别|合计|总计|已|已经|同时|并|均|达|有|其中)*")
# Where the name after a count ends: at the verb its clause goes on with (规范性文件|进行审核).
_NAME_ENDS = lazy_re(r"进行|开展|实施|予以|作出|提出|通过|参加|参与|接受|完成|办理|纳入|实现|获得|得到|被|的|和|及|与")


def count_name(f: FoundFigure) -> str:
    """What a count counts, as messages and the rates' names read it: its label without the
    words that name nothing (对, 共, 累计, 先后…); when nothing is left, the words after it up
    to the verb of its clause (对42件规范性文件进行审核 → 规范性文件; 34个执法单位接入平台 →
    执法单位接入平台). "" when neither names anything."""
    if not nameless(f):
        return f.label
    after = f.after.strip()
    if re.match(r"(?:当|之)?中", after):
        return ""  # 570件中调解成功…: the words after it name its part, not it
    cut = _NAME_ENDS.search(after, 2)
    return after[: cut.start()] if cut else after


def nameless(f: FoundFigure) -> bool:
    """Do the words before the count name nothing (对42件, 共3次, a figure opening its clause)?"""
    return _NAMELESS.fullmatch(f.label) is not None


def described(f: FoundFigure) -> str:
    """A count as a message names it: “名称”数字 when it has a name before it, else the figure
    with the words after it (“42件规范性文件”), never an empty name."""
    if not nameless(f):
        return f"“{f.label}”{f.text}"
    name = count_name(f)
    return f"“{f.text}{name}”" if name else f"“{f.text}”"


_CLAUSE_OUTSIDE_QUOTES = lazy_re(r"[，。；：、！？（）]")


def _quoted_label(text: str, at: int) -> str:
    """The clause before ``at`` read through the quotation marks that end right there."""
    return (
        _CLAUSE_OUTSIDE_QUOTES.split(text[max(0, at - LABEL_REACH) : at])[-1]
        .replace("“", "")
        .replace("”", "")
        .replace("《", "")
        .replace("》", "")
    )


@per_catalogue
def _index(cat: Catalogue):
    counts: dict[str, list] = {}
    rates = []
    units: dict[str, str] = {}  # each count's unit
    for theme in cat.themes.values():
        for gname, group in theme.groups.items():
            for fname, fig in group.figures.items():
                counts.setdefault(_unit_kind(fig.unit), []).append(
                    (f"{gname}.{fname}", (gname, *group.aliases), fname, bigrams(fname + fig.about))
                )
                units[f"{gname}.{fname}"] = fig.unit
            for rname in group.rates:
                rates.append((f"{gname}.{rname}", (gname, *group.aliases), rname))
    return counts, rates, units


@per_catalogue
def _grams_of(cat: Catalogue) -> dict[str, set[str]]:
    """Each catalogue count's words as bigrams (its name and what it is about), by key."""
    counts, _, _ = _index(cat)
    return {key: g for options in counts.values() for key, _, _, g in options}


def _unit_kind(unit: str) -> str:
    """The units a figure may be written in interchangeably: money in any unit of MONEY."""
    return "元" if unit in MONEY else unit


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


_SENTENCE_END = "。；！？"
_SENTENCE_ENDS = lazy_re(f"[{_SENTENCE_END}]")
_last_ends: tuple[str, list[int]] = ("", [])  # the text last asked about, and its marks


def _sentence_ends(text: str) -> list[int]:
    """Offsets of the sentence-ending marks of ``text``, found once per text: every figure
    of a paragraph asks for its sentence. The text is recognised by identity (comparing
    equal copies of a long paragraph would cost as much as finding its marks again)."""
    global _last_ends
    last = _last_ends
    if last[0] is not text:
        last = _last_ends = (text, [m.start() for m in _SENTENCE_ENDS.finditer(text)])
    return last[1]


def sentence_span(text: str, at: int) -> tuple[int, int]:
    """Start and end of the sentence of ``text`` that holds offset ``at``."""
    ends = _sentence_ends(text)
    k = bisect.bisect_left(ends, at)
    return (ends[k - 1] + 1 if k else 0), (ends[k] + 1 if k < len(ends) else len(text))


_CLAUSE_END = "，。；：！？"


def excerpt(text: str, start: int, end: int, reach: int = 60) -> str:
    """What to quote for the figure at ``start``…``end`` of ``text``: its sentence when that
    is short, else its clause, never more than ``reach`` characters on either side (an
    ellipsis marks a cut), so quoting every figure of a long paragraph stays linear."""
    a, b = sentence_span(text, start)
    if b - a <= 2 * reach + (end - start):
        return text[a:b].strip()
    before = max(text.rfind(c, max(a, start - reach), start) for c in _CLAUSE_END) + 1
    cut_before = before == 0 and start - a > reach
    before = max(before, a, start - reach)
    ends = [i for i in (text.find(c, end, min(b, end + reach)) for c in _CLAUSE_END) if i >= 0]
    after = min(ends) if ends else min(b, end + reach)
    cut_after = not ends and after < b
    return ("……" if cut_before else "") + text[before:after].strip() + ("……" if cut_after else "")


_AFTER = lazy_re(r"[^，。；：、！？（）“”《》]{0,20}")


def _group_nearness(present: dict, sentence: str, window: str) -> dict[tuple, float]:
    """How strongly the text before a figure points at each group: the group named last in
    the figure's own sentence is its subject (1.0); another group named earlier in the
    sentence counts a little (0.4); when the sentence names none, a group named in the
    heading or the 80 characters before counts (0.8). ``present``: the groups whose names
    the paragraph or its heading holds at all (group → those names)."""
    last = {g: max(sentence.rfind(n) for n in names) for g, names in present.items()}
    named = {g: pos for g, pos in last.items() if pos >= 0}
    if named:
        top = max(named.values())
        return {g: 1.0 if pos == top else 0.4 for g, pos in named.items()}
    return {g: 0.8 for g in present if g[0] in window}


def _present(groups, text: str, context: str) -> dict[tuple, tuple]:
    """The groups named somewhere in a paragraph or its heading, with the names found:
    looked up once per paragraph, so each figure searches only for these."""
    out = {}
    for names in groups:
        found = tuple(n for n in names if n in text or n in context)
        if found:
            out[names] = found
    return out


_TITLE = lazy_re(r"《[^《》\n]{0,60}》")


def _outside_titles(text: str) -> str:
    """``text`` with the words inside 《…》 blanked out, offsets kept: a group named in a
    document's title (对照《行政复议案件办理办法》) is what the document is about, not the
    subject of the figures after it."""
    if "《" not in text:
        return text
    return _TITLE.sub(lambda m: "《" + "\u3000" * (len(m.group(0)) - 2) + "》", text)


def map_to_catalogue(figures: list[FoundFigure], text: str, cat: Catalogue, context: str = "") -> None:
    """Name the catalogue figure each one is, where the label and the group its sentence
    is about make that clear; leave ``maps_to`` empty otherwise."""
    counts, rates, units = _index(cat)
    grams = _grams_of(cat)
    text, context = _outside_titles(text), _outside_titles(context)
    groups = {names: names for options in counts.values() for _, names, _, _ in options}
    # the count names specific enough that a label holding one names that count (应急演练, 回访满意)
    specific = frozenset(n for key in units if len(n := key.split(".", 1)[1]) >= 4)
    context = context[-CONTEXT_REACH:]
    present = _present(groups, text, context)
    scored: dict[tuple[str, str], list] = {}
    decided: list[tuple[FoundFigure, str, tuple, bool, int]] = []  # (figure, its key, its group, group named, sentence)
    foreign: list[tuple[int, int]] = []  # spans of 其中 parts naming another group than their whole's (in order)
    decided_as: dict[int, tuple[str, tuple]] = {}  # id of a decided figure → (its key, its group)
    starts = [g.start for g in figures]
    # Rates first: the group a rate of the sentence belongs to is the subject of a count
    # whose sentence names none (“审结52件，败诉2件、败诉率3.8%” is about 行政应诉).
    rate_groups: dict[int, set] = {}
    for f in figures:
        if f.kind != "rate":
            continue
        window = context + text[max(0, f.start - 80) : f.start]
        # a rate written by a shorter name (整改率 for 隐患整改率) may be any rate so ending
        options = [(key, g) for key, g, r in rates if f.label.endswith(r) or r.endswith(f.label)]
        in_window = [(key, names) for key, names in options if any(n in window for n in names)]
        chosen = in_window[-1] if in_window else options[0] if len(options) == 1 else None
        if chosen:
            f.maps_to = chosen[0]
            if len(options) == 1:  # the rate's name alone says its group
                rate_groups.setdefault(sentence_span(text, f.start)[0], set()).add(chosen[1])
    for f in figures:
        if f.kind != "count" or _LAST_YEARS.match(f.label):  # 上年为0件 is last year's, not this year's
            continue
        window = context + text[max(0, f.start - 80) : f.start]
        words = f.label
        if len(words) < 2:  # "34个执法单位接入……": the noun follows the figure
            words = _words_after(text, f.start + len(f.text), _AFTER)
        elif _LISTED_NAME.search(text, max(0, f.start - len(words) - 2), f.start - len(words)):
            # 各类合同、协议18件: the names listed before the figure all name it (合同 too, not 协议 alone)
            start = max(text.rfind(c, max(0, f.start - LABEL_REACH), f.start) for c in "，。；：！？（）") + 1
            if not re.search(r"\d", text[start : f.start]):  # (names only: 受理网上问政1094件、市长热线… is a list of figures)
                words = _LEADING.sub("", text[start : f.start].strip()) or words
        kind = _unit_kind(f.unit)
        if (words, kind) not in scored:
            scored[words, kind] = _label_scores(words, counts.get(kind, ()), present)
        by_label = scored[words, kind]
        if not by_label:
            continue
        sentence_start = sentence_span(text, f.start)[0]
        start = max(sentence_start, f.start - SUBJECT_REACH)
        subject = text[start : f.start]
        for a, b in foreign[bisect.bisect_left(foreign, (start, 0)) :]:  # 受理110件，其中调解9件，审结100件: 审结 is still 行政复议's
            subject = subject[: a - start] + "\u3000" * (b - a) + subject[b - start :]
        nearness = _group_nearness(present, subject, window)
        if not any(v >= 1.0 for v in nearness.values()) and rate_groups.get(sentence_start):
            nearness = {**nearness, **{g: 1.0 for g in rate_groups[sentence_start]}}
        best, best_score, best_overlap, only, own_words = None, 0.0, 0.0, False, False
        best_names: tuple = ()
        for key, names, overlap, bonus, in_words in by_label:
            score = overlap + max(nearness.get(names, 0.0), in_words) + bonus
            # On a tie the figure whose own words the label shares more of wins (受理前化解
            # over 受理 for “受理前协商化解争议5件”).
            if score > best_score + 1e-9 or (abs(score - best_score) <= 1e-9 and overlap > best_overlap):
                best, best_score, best_overlap, best_names = key, score, overlap, names
                only = in_words and sum(1 for o in by_label if o[1] == names) == 1
                own_words = bool(bonus or in_words)  # the label holds the figure's or its group's name
        # The label names the group, which has one count of this unit, and shares a word
        # with it: that count (“组织开展法治政府建设督察56125次”).
        if best and words in best_names and best.rsplit(".", 1)[-1] not in words:
            # 全年行政应诉40件: named by its group alone, the group's first count (its cases),
            # never another count of it whose description shares a word (负责人出庭应诉); but a
            # name of the group that is a word of one other count's name is that count's (全年
            # 学法12次: 会前学法, not the first count 研究法治议题)
            group_of = best.split(".", 1)[0] + "."
            holding = [key for key in units if key.startswith(group_of) and words in key[len(group_of) :]]
            if len(holding) == 1 and _unit_kind(units[holding[0]]) == kind:
                best = holding[0]  # 办件14.6万件: 办件量, the count its name is a word of
            else:
                best = next(row[0] for row in by_label if row[1] == best_names)
        if best and _names_another(best, words, specific):
            continue  # “其中应急演练138件” is not 修订预案, “回访满意” not 建议提案的满意: a comment
        if best and _sibling_act(best, words, units):
            continue  # 排查矛盾纠纷728件 is not 调解纠纷 (its sibling 排查纠纷 counts in 次): a comment
        if (
            best
            and best_overlap <= MIN_SHARE
            and words[-2:] not in grams[best]
            and best.split(".", 1)[1] not in words
            and any(n in words for n in best_names[1:])
            and any(any(n in window for n in names) for names in present if names != best_names)
        ):
            # 行政应诉… / 调解撤诉3件: a word of a group's name (调解) before an act none of its
            # figures is (撤诉), under another matter said near it: a comment, not a guess
            continue
        named = own_words or best_overlap > MIN_SHARE or (best is not None and words[-2:] in grams[best])
        if best and not _ambiguous(best, by_label, nearness) and (best_score >= 1.3 and named or (only and best_overlap > 0)):
            grouped = nearness.get(best_names, 0.0) >= 1.0 or any(row[4] for row in by_label if row[0] == best)
            part_at = _foreign_part(f, best_names, text, sentence_start, figures, starts, decided_as, units)
            if part_at is not None:
                foreign.append((part_at, f.start))
                continue
            decided.append((f, best, best_names, grouped, sentence_start))
            decided_as[id(f)] = (best, best_names)
    # A figure named only by itself (发现问题68个), its group said nowhere near, in a sentence
    # another figure of which is another group's (抽查执法案卷500卷，发现问题68个): that matter's,
    # not a guess at the group its name belongs to (法治督察): left unmapped, a note.
    # (so is one beside a count no group claims: 开展专项检查12次，发现问题35个 under 权力监督)
    groups_of: dict[int, set[tuple]] = {}
    for _f, _best, names, _grouped, sentence in decided:
        groups_of.setdefault(sentence, set()).add(names)
    claimed = {id(f) for f, *_ in decided}
    unclaimed: set[int] = set()  # sentences with a count of this year no group claims
    for f in figures:
        if f.kind == "count" and id(f) not in claimed and not _LAST_YEARS.match(f.label) and f.label:
            unclaimed.add(sentence_span(text, f.start)[0])
    for f, best, _names, grouped, sentence in decided:
        if not grouped and (len(groups_of[sentence]) > 1 or sentence in unclaimed):
            continue
        f.maps_to = best
        written, target = f.unit, units[best]
        if target != written:  # 40万元 of a figure kept in 亿元: 0.004亿元
            f.value, f.unit = in_unit(f.value, written, target), target
            if f.upper is not None:
                f.upper = in_unit(f.upper, written, target)
    _wholes_among(figures, text, cat, units)


_AMONG = lazy_re(r"[^，。；、：\d]{0,12}?中(?:有|的)?")


def _wholes_among(figures: list[FoundFigure], text: str, cat: Catalogue, units: dict) -> None:
    """X中有Y: a count no words name, right before 中有 and a count the catalogue bounds by
    one whole, is that whole (2059个村（社区）中有2058个配备法律顾问: 2059 is 村居总数)."""
    groups = groups_by_name(cat)
    mapped = {h.maps_to for h in figures}
    for f, g in zip(figures, figures[1:]):
        if f.maps_to or f.kind != "count" or g.kind != "count" or not g.maps_to:
            continue
        if not _AMONG.fullmatch(text, f.start + len(f.text), g.start):
            continue
        group, name = g.maps_to.split(".", 1)
        fig = groups[group].figures.get(name) if group in groups else None
        whole = f"{group}.{fig.not_above}" if fig is not None and fig.not_above else None
        if whole is not None and units.get(whole) == f.unit and whole not in mapped:
            f.maps_to = whole
            mapped.add(whole)


_LAST_YEARS = lazy_re(r"(上年|去年|上一年|同比|比上年)")
_PART_LABEL = lazy_re(r"其中[^，。；、：\d]{0,20}$")


def _foreign_part(
    f: FoundFigure, names: tuple, text: str, sentence: int, figures: list[FoundFigure], starts: list[int], decided: dict, units: dict
) -> int | None:
    """Where a 其中 part begins when it is put in another group than the count it is a part
    of while its words may also name a count of the whole's own group (受理110件，其中调解9件:
    行政复议 has its 调解和解, so 调解 is not surely 人民调解's). Such a part is left unmapped (a
    note), and its words do not become the sentence's subject. A part naming nothing of the
    whole's group (合法性审查 149件，其中审查行政规范性文件17件) keeps its own group.
    (Only the words right before the figure are read: a sentence may run to megabytes.)"""
    lo = max(sentence, f.start - 24)
    m = _PART_LABEL.search(text, lo, f.start)
    if not m or len(f.label) < 2:
        return None
    at = m.start()
    k = bisect.bisect_left(starts, at) - 1
    while k >= 0 and figures[k].kind != "count" and figures[k].start >= sentence:
        k -= 1
    if k < 0 or figures[k].start < sentence:
        return None
    found = decided.get(id(figures[k]))
    if found is None or found[1] == names:
        return None
    group = found[0].split(".", 1)[0] + "."
    own = any(key.startswith(group) and f.label in key[len(group) :] for key in units)
    return at if own else None


def _names_another(best: str, words: str, names: frozenset[str]) -> bool:
    """Do the figure's words name another count of the catalogue than ``best`` by its specific
    name (其中应急演练 for 修订预案, 回访满意 for 满意)? Then the figure is not ``best``."""
    own = best.rsplit(".", 1)[-1]
    return any(n != own and n in words and (own not in words or own in n) for n in names)


def _sibling_act(best: str, words: str, units: dict[str, str]) -> bool:
    """Does the label say the act of another count of ``best``'s group instead of its own (排查
    of 排查纠纷 in 排查矛盾纠纷, the group's 调解纠纷 being 调解…)?"""
    return any(theirs in words and mine not in words for mine, theirs in _distinctions(best, units))


_DISTINCTIONS: dict[tuple[int, str], list[tuple[str, str]]] = {}


def _distinctions(best: str, units: dict[str, str]) -> list[tuple[str, str]]:
    """(what tells ``best`` apart, what tells the other apart) for each other count of its group
    whose name ends as its own does (调解纠纷, 排查纠纷: 调解, 排查); worked out once a name."""
    known = _DISTINCTIONS.get((id(units), best))
    if known is not None:
        return known
    group, own = best.split(".", 1)
    out = []
    for key in units:
        other = key.split(".", 1)[1]
        if not key.startswith(group + ".") or other == own:
            continue
        shared = len(os.path.commonprefix([own[::-1], other[::-1]]))
        mine, theirs = own[: len(own) - shared], other[: len(other) - shared]
        if shared >= 2 and len(theirs) >= 2 and len(mine) >= 2:
            out.append((mine, theirs))
    _DISTINCTIONS[id(units), best] = out
    return out


def _ambiguous(best: str, by_label: list, nearness: dict) -> bool:
    """True when nothing in the figure's own sentence or label says which group it is and
    another group counts a figure of the same name: “…行政复议申请162件。审结52件。” may be
    行政应诉's 审结 as well as 行政复议's, so it is left unmapped (a note), not guessed."""
    name = best.rsplit(".", 1)[-1]
    rows = [row for row in by_label if row[0].rsplit(".", 1)[-1] == name]
    if len({row[1] for row in rows}) < 2:
        return False
    return not any(row[4] or nearness.get(row[1], 0.0) >= 1.0 for row in rows)


def _label_scores(words: str, options, present: dict) -> list[tuple[str, tuple, float, float, float]]:
    """For each catalogue count of the figure's unit: (key, group, the share of its words in
    ``words``, 0.5 when ``words`` holds its name, 1.0 when ``words`` names its group). The
    same label recurs in a paragraph; this part of the score is worked out once for it."""
    label = bigrams(words)
    if not label:
        return []
    # ``words`` is part of the paragraph: only the names present can be in it.
    in_words = {g for g, names in present.items() if any(n in words for n in names)}
    return [
        (key, names, len(label & grams) / len(label), 0.5 if name in words else 0, 1.0 if names in in_words else 0.0)
        for key, names, name, grams in options
    ]


def tie_rates(figures: list[FoundFigure], text: str) -> None:
    """Tie each percentage to two counts of the same sentence whose ratio it is (among the
    TIE_COUNTS counts before it)."""
    sentence, near = -1, list[tuple[int, FoundFigure]]()  # the sentence being read, and its counts so far (index, figure)
    for k, f in enumerate(figures):
        start = sentence_span(text, f.start)[0]
        if start != sentence:
            sentence, near = start, []
        if f.kind == "count":
            near = near[-(TIE_COUNTS - 1) :] + [(k, f)]
        elif f.kind == "rate":
            f.from_counts = _ratio_of(f, near)


def _ratio_of(f: FoundFigure, near: list[tuple[int, FoundFigure]]) -> tuple[int, int] | None:
    """The (numerator, denominator) indexes among ``near`` whose ratio rounds to ``f``: the
    nearest numerator first, the earliest denominator."""
    digits = f.decimals
    for i, a in reversed(near):
        for j, b in near:
            if i == j or not b.value or a.unit != b.unit or a.value > b.value:
                continue
            if abs(round(a.value / b.value * 100, digits) - f.value) <= 0.5 * 10**-digits + 1e-9:
                return i, j
    return None
