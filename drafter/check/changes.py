"""同比: a change stated after a figure (同比增长12.5%, 提高3个百分点, 同比减少505件) against
last year's value, stated in the sentence or known from --last; a rate's change is in
percentage points, not %. A fall of 100% leaves nothing, so it contradicts a count of this
year that is not 0, and no count falls by more than 100%; a change many times over is
pointed out (同比异常)."""

from __future__ import annotations

import bisect
import copy
import re
from decimal import Decimal

from drafter.check.counts import _DELTA, ABOUT_POINTS, NEAR_COUNTS, Amount, ArithmeticState, _claim, _short, _shown, rough
from drafter.check.document import label_core, without_who
from drafter.files.patterns import lazy_re
from drafter.model.numbers import YUAN_IN, kin
from drafter.model.numberwords import change_percent, plain, trim
from drafter.reading.figure_finder import MONEY, FoundFigure, bigrams, han_value, map_to_catalogue

_CHANGE_UP = ("上升", "增长", "提高", "增加", "增幅", "涨幅")
_CHANGE_DOWN = ("下降", "减少", "降低", "降幅", "压缩", "压减", "缩短", "缩减")
# A time limit cut (由30个工作日压缩到10个工作日，压缩66.7%): a change between the two figures
# written, never against last year's
_SHRINK_ONLY = lazy_re(r"^(?:[^同较比]*?)(?:压缩|压减|缩短|缩减)(?:了|幅度)?(?:为|达到|达|是)?$")
# (较上年（52件）增长15.4%: last year's figure in brackets after the comparison)
# (上年为138件, 上年：300件, 上年数：300件; 上年末20000户: a stock at last year's end)
_LAST_YEAR = lazy_re(r"(?:上年|去年|上一年度?)(?:同期|末|底)?(?:数|数量)?(?:的|为|是|共|[：:])?[（(]?$")
# Last year's figure named by its own words (上年受理138件, 去年全年办结120件): the words after
# 上年 are a name, not a comparison (较上年增加12件) nor cases carried over (上年结转12件);
# 上年新增 is a name (上年新增市场主体10900户).
_LAST_YEAR_NAMED = lazy_re(r"(?<![较比与])(?:上年|去年|上一年度?)(?:同期)?(?P<words>[^\d，。；、：（）%％]{1,12})$")
_NOT_A_NAME = lazy_re(r"(?<!新)增|减|升|降|提高|多|少|结转|未结|遗留|以来|底|末|同比|相比|对比")
# The words of a change up to where the change itself begins (审查件数|同比减少): what it is about.
_CHANGE_START = lazy_re(r"同比|同期|较|比上年|比去年|与上年|与去年|上升|增长|提高|增加|增幅|涨幅|下降|减少|降低|降幅|压缩|压减|缩短|缩减")
# A measure the change's words name, and the units a figure of it is written in (件数 → 件):
# a change is paired only with a figure of that measure, never with money or another unit.
_MEASURES = [
    ("人次", ("人次",)),
    ("件次", ("件次",)),
    ("场次", ("场次",)),
    ("户次", ("户次",)),
    ("家次", ("家次",)),
    ("件数", ("件", "件次")),
    ("次数", ("次", "人次", "件次", "场次", "户次", "家次")),
    ("人数", ("人", "名", "人次")),
    ("户数", ("户", "户次")),
    ("家数", ("家", "家次")),
    ("场数", ("场", "场次")),
    ("项数", ("项",)),
    ("个数", ("个",)),
    ("起数", ("起",)),
    ("条数", ("条",)),
    ("份数", ("份",)),
    ("宗数", ("宗",)),
    ("批数", ("批", "批次")),
    ("批次", ("批次",)),
    ("期数", ("期",)),
]
# 由90%提高到95%: the value before (by 由/从, of no year or last year) and the words up to the value after
_FROM = lazy_re(r"(?:由|从)(?:上年|去年|上一年度?|(?P<year>(?:19|20)\d{2})年)?(?:同期)?的?\s*$")
_TO_NEXT = lazy_re(
    r"\s*(?:个?(?:工作日|自然日|日|天|小时|分钟|个月|月|周))?"  # 由30个工作日压缩到: the measure after the figure
    r"\s*(?:(?:提高|提升|上升|升|增长|增加|下降|降低|降|减少|回落|压缩|压减|缩短|缩减)(?:到|至|为)?|变为|变成|到|至)\s*"
)
_GOES_DOWN = lazy_re(r"下降|降低|减少|回落|降")
_GOES_UP = lazy_re(r"提高|提升|上升|增长|增加|升")
# Words naming whose last year's figure follows (败诉案件上年为3件, 败诉案件的上年数为).
_NAMED_BEFORE_LAST = lazy_re(r"(?P<name>[^\d，。；、：（）%％]{2,12}?)的?(?:上年|去年|上一年度?)(?:同期)?(?:数)?(?:的|为|是|共)?[（(]?$")
_GENERIC = {"案件", "行政", "事项", "文件", "工作", "数量", "件数", "总数"}  # words many counts' names share
_THEN_NAMED = lazy_re(
    r"\s*[，,]\s*(?!其中|包括|含)(?:全年|今年|本年|共|累计)?[^，。；\d%]{0,16}"
)  # ，全年受理 before its figure (not a part)
_THEN_AMOUNT = lazy_re(r"\s*[，,]\s*(?:达到|达|为|是|共计|共|计|累计)\s*")
_THEN_FROM = lazy_re(r"\s*[，,]?\s*(?:由|从)(?:上年|去年|上一年度?|(?:19|20)\d{2}年)?(?:同期)?的?\s*")
_FROM_TO_SAID = "由……到……"  # the source of a value before said so, not said to be last year's
_ANY_COUNT = lazy_re(r"数量|数目|总数|总量")
# What a change is measured against: last year (同比, 较上年, 比去年, 与上年相比), or another
# point (环比, 比2020年, 较“十三五”末, 连续三年, 年均). Only a change against last year, or a
# bare 增长 naming no point, is checked against last year's figure.
_AGAINST_LAST = lazy_re(r"同比|(?:较|比|与)(?:上年|去年|上一年)")
_AGAINST_OTHER = lazy_re(r"环比|连续|年均|平均每年|累计|以来|(?<![占参给赋])(?:较|比|与)(?!上年|去年|上一年|例|重|率|对)\S")
_CLAUSE_END = lazy_re(r"[，,；;。：:！？]")
# Words naming a figure right after them as the point a change is measured from (与上年300件相比)
_COMPARED_WITH = lazy_re(r"(?:与|较|比|同)(?:上年|去年|上一年度?|(?:19|20)\d{2}年)(?:同期)?的?[（(]?")
_MONEY_WORDS = lazy_re(r"金额|资金|经费|费用|款项|标的额|\B额$")
# 个百分点 is a difference of two rates: never a rate's own level (办结率为86.7个百分点) nor a
# count's change (受理128件，同比增长12个百分点). Only these plain wordings are read.
_LEVEL_IN_POINTS = lazy_re(r"(?:率|比例|占比)(?:均|都|分别)?(?:为|是|达到|达|约为|仅为|在)?$")
_BARE_CHANGE = lazy_re(r"(?:同比|较上年|比上年|较去年|比去年)?(?:增长|增加|上升|提高|下降|减少|降低)了?$")


# A figure inside a change's label (与上年300件相比增长: 上年300件 is last year's, not words of it)
_FIGURE_IN_LABEL = lazy_re(r"^.*\d[\d.]*\s*[件起宗次人户家个项条份元万亿%％]*")


def change_words(f: FoundFigure) -> str:
    """The words of a change's label before the change (审查件数同比减少 → 审查件数), after any
    figure the label holds (与上年300件相比增长 → 相比)."""
    label = _FIGURE_IN_LABEL.sub("", f.label)
    m = _CHANGE_START.search(label)
    return label[: m.start()] if m else label


def _own_change(text: str, g: FoundFigure, h: FoundFigure) -> bool:
    """Is ``h`` the change of ``g``, said right after it (罚款金额1023.6万元，同比增长3.8%)?"""
    between = text[g.start + len(g.text) : h.start - len(h.label)]
    return bool(re.fullmatch(r"\s*[，,]?\s*", between) and _CHANGE_START.match(h.label.lstrip("，, ")))


def measure_of(words: str) -> tuple[str, object]:
    """What a change's own words say it is about: ("rate", None) for 率; ("count", units) for
    a count in one of ``units`` (审查件数 → ("count", ("件", "件次"))), or in any unit but money
    (案件数量 → ("count", None)); ("money", None) for 金额; ("", None) when they say nothing."""
    if "率" in words:
        return "rate", None
    for word, units in _MEASURES:
        if words.endswith(word) or f"{word}的" in words:
            return "count", units
    if _MONEY_WORDS.search(words):
        return "money", None
    if _ANY_COUNT.search(words):
        return "count", None
    return "", None


def fits(g: FoundFigure, measure: str, units) -> bool:
    """May ``g`` be the figure a change of ``measure`` (in one of ``units``) is about?"""
    if measure == "rate":
        return g.kind == "rate"
    if measure == "money":
        return g.kind == "count" and g.unit in MONEY
    if measure == "count":
        return g.kind == "count" and g.unit not in MONEY and (units is None or g.unit in units)
    return True


# A count that is a part (其中审查政府合同50件): 其中 in its own clause before it.
# 与上年持平, 同比持平: the two years the same (not 基本持平, 大致持平: about the same)
_HELD = lazy_re(
    r"(?:与上年|较上年|比上年|与去年|同比|[与较比](?P<year>(?:19|20)\d{2})年)"
    r"(?:[（(][^（）()。；]{0,20}[）)]|的?\d[\d.]*[^\d，。；、（）()持]{0,3})?(?:相比)?持平"
)  # (与上年（516件）持平, 与上年的80件持平, 与2024年的80件持平)
# Last year's figure in brackets right after a change (同比减少52.5%（上年为1617件）)
_LAST_IN_BRACKETS = lazy_re(r"[（(](?:上年|去年|上一年度?|(?:19|20)\d{2}年)(?:同期)?(?:的|为|是|[：:])?[\d.]+[^\d（）()，。；]{0,3}[）)]")
_HELD_REACH = 12  # characters after 持平 within which last year's figure in brackets is its own
_EACH_LAST = lazy_re(r"(?:上年|去年|上一年度?)(?:同期)?(?:分别|依次)(?:为|是)?$")  # 上年分别为64件、60件
_LAST_JOIN = lazy_re(r"\s*[、和及]\s*")
# Only the way a count went after last year's figure (，有所增加; ）增长。): no amount after it
_WAY_ONLY = lazy_re(
    r"[）)]?\s*[，,]?\s*(?:有所|明显|大幅|略有|稳步|持续)?(?P<verb>增加|增长|增多|上升|提高|减少|下降|降低)(?:了)?(?=[，。；！]|$)"
)
_LAST_BETWEEN = lazy_re(r"[，,]?\s*(?:比|较|与)?(?:上年|去年|上一年度?)(?:同期)?(?:的|为|是|[：:])?\s*[（(]?")  # 58件，比上年的|64件
_EACH_LAST_SAID = lazy_re(r"(?:上年|去年|上一年度?)(?:同期)?(?:分别|依次)?(?:为|是)?$")
# Changes listed after the counts they are of: 受理151件、审结146件，同比分别增长27.1%、21.7%
_EACH_CHANGE = lazy_re(r"(?:分别|依次)(?:为|是)?(?:同比|较上年|比上年|较去年)?(?P<verb>增长|下降|增加|减少|上升|降低|提高|下滑)了?\s*$")
_EACH_REACH = 12  # characters before a change where 分别同比增长 is looked for
# Between two changes of such a list: a mark, and the next one's own verb if it has one (、下降30%)
_EACH_NEXT = lazy_re(r"\s*[、和及，,]\s*(?P<verb>增长|下降|增加|减少|上升|降低|提高|下滑)?了?\s*")
_EACH_UP = ("增长", "增加", "上升", "提高")
# A change said in times: 增长1.5倍, 是上年的2倍; 翻番, 翻了一番, 翻两番 (not 近/接近/基本翻番)
_TIMES_SAID = lazy_re(r"(?:增长|增加|提高|上升)了?$|(?:是|为|相当于)(?:上年|去年|上一年度?)(?:同期)?的$")
_DOUBLED = lazy_re(r"(?<![近接基约乎])(?:实现)?翻(?:了)?(?P<n>一番|番|两番|二番|三番)")
_DOUBLINGS = {"一番": 2, "番": 2, "两番": 4, "二番": 4, "三番": 8}
# A change in words of times or tenths (增长两倍, 增长近五成, 下降三成, 增长逾1.5倍)
_WORDED_CHANGE = lazy_re(
    r"(?P<verb>增长|增加|提高|上升|下降|减少|降低)了?(?P<about>近|接近|将近|约|逾|超过|超)?"
    r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十半]{1,3})(?P<unit>倍|成)"
)
_DOWN_WORDS = ("下降", "减少", "降低")
_HALVED = lazy_re(r"(?<![近接约乎])(?:减半|(?:减少|下降|降低)了?一半)")
_PART_REACH = 200  # characters before a count within which a 其中 makes it a part (a clause may run to megabytes)
_AFTER_QIZHONG = lazy_re(r"其中[^，。；、\d]*$")


def named_subject(candidates: list[FoundFigure], words: str, parts: frozenset[int] = frozenset()) -> FoundFigure | None:
    """The nearest of ``candidates`` (nearest first) of the measure the change's words name,
    preferring one whose own label holds the name the words give it (审查件数 → 审查政府合同).
    None when only parts (``parts``: ids of counts after 其中) hold it: in 审查文件、合同等200件，
    其中审查合同50件，审查件数同比增长100% the change may be of the 200."""
    measure, units = measure_of(words)
    fitting = [g for g in candidates if fits(g, measure, units)]
    if not measure:
        return fitting[0] if fitting else None
    name = _MONEY_WORDS.sub("", _ANY_COUNT.sub("", words))
    for word, _ in _MEASURES:
        name = name.replace(word, "")
    name = name.rstrip("的")
    if len(name) >= 2:
        named = [g for g in fitting if name in g.label]
        if named and all(id(g) in parts for g in named):
            return None  # only a 其中 part holds the name: the total may be meant (宁可漏报)
        if named:
            return named[0]
    return fitting[0] if fitting else None


def _against_last_year(text: str, a: int, figs: list[FoundFigure], k: int, year: int | None) -> bool:
    """Is the change ``figs[k]`` measured against last year: 同比/较上年 (or 比2024年 in a report
    on 2025) in its own words (its clause, after the figure before it), or no point of comparison
    named there at all?"""
    f = figs[k]
    reach = max(a, f.start - len(f.label) - 40)  # the words of this change, not the whole sentence
    # (the figure before it may be the point of comparison itself: 与上年300件相比增长…, its words too)
    before = [g for g in figs[max(0, k - 1) : k] if g.start + len(g.text) <= f.start]
    compared = [m.start() for g in before if (m := _COMPARED_WITH.search(text, max(reach, g.start - 12), g.start)) and m.end() == g.start]
    start = max(
        [reach]
        + [m.end() for m in _CLAUSE_END.finditer(text, reach, compared[0] if compared else f.start)]
        + ([] if compared else [g.start + len(g.text) for g in before])
    )
    words = text[start : f.start]
    if year:
        words = re.sub(rf"(?<=[较比与]){year - 1}年", "上年", words)
    if _AGAINST_LAST.search(words):
        return True
    return not _AGAINST_OTHER.search(words)


def _claimed(lo: float, hi: float, stated: float, decimals: int, mode: str, points: float | None = None) -> bool:
    """Does a change of ``lo``..``hi`` (its size, from this year's figure as it may have been
    rounded) match the change as claimed: exactly at the stated precision, as a bound (超过24%,
    24%以上), or within ABOUT_POINTS of a rough value (近26%, 26%左右), as rates are checked?
    ``points``: for a change in 个百分点, how far the two rates as written may be from their
    exact values together (97.3% and 98.3% are each within 0.05): the stated change is the
    exact one rounded, so within half its own last place of a difference so reached."""
    unit = 10**-decimals
    lo, hi = min(lo, hi), max(lo, hi)
    if mode == "exact":
        if points is not None:
            return abs(lo - stated) <= unit / 2 + points + 1e-9
        return lo < stated + unit - 1e-9 and hi >= stated - unit / 2 - 1e-9
    if mode == "least":
        return hi >= stated - unit / 2 - 1e-9
    if mode == "most":
        return lo < stated + unit / 2 + 1e-9
    return lo <= stated + ABOUT_POINTS + 1e-9 and hi >= stated - ABOUT_POINTS - 1e-9


def _places(r: FoundFigure | float) -> int:
    """Decimal places of a rate as written (90.0% → 1), or of a value known only as a number."""
    if isinstance(r, FoundFigure):
        return r.decimals
    return len(plain(r).split(".")[1]) if "." in plain(r) else 0


def _written_slack(*rates: FoundFigure | float) -> float:
    """How far rates written as they are (97.3, 98, 90.0) may together be from their exact
    values: half the last place of each, as written."""
    return sum(0.5 * 10 ** -_places(r) for r in rates)


_FALLS = lazy_re(r"(?:减少|下降|降低|少)了?$")  # a difference said as a fall (比上年减少287件)


def _sign(delta: FoundFigure) -> int:
    """−1 for a difference said as a fall (减少287件), else 1."""
    return -1 if _FALLS.search(delta.label) else 1


def _fits_change(g: FoundFigure, last: float, f: FoundFigure, mode: str) -> bool:
    """Is the change ``f`` (in %) the change of count ``g`` from ``last``, in size and way?"""
    if last <= 0:
        return False
    x = (g.value - last) / last * 100
    return _claimed(abs(x), abs(x), f.value, f.decimals, mode) and (x < 0) == (bool(_GOES_DOWN.search(f.label)) != f.negative)


def _stated_change(text: str, a: int, f: FoundFigure) -> tuple[str, str, bool, bool, str] | None:
    """How the change ``f`` is said: (mode of the claim, the word after it, up, down, the
    change as written: 同比增长近26%); None for a bound and an approximation at once, or no
    single direction."""
    claim = _claim(text, f, text[max(a, f.start - 20) : f.start])  # the words right before it
    if claim is None:
        return None
    mode, before_word, after_word = claim
    up = any(w in f.label for w in _CHANGE_UP)
    down = any(w in f.label for w in _CHANGE_DOWN)
    if up == down:
        return None
    sign = "-" if f.negative else ""
    if f.negative:  # 同比增长-1.4%: a fall of 1.4%
        up, down = down, up
    label = f.label
    if before_word.strip() and label.endswith(before_word.strip()):
        label = label[: -len(before_word.strip())]
    said = f"{f.label}{sign}{_shown(f)}" if mode == "exact" else f"{label}{before_word.strip()}{sign}{f.text}{after_word.strip()}"
    return mode, after_word, up, down, said


def _measured(text: str, f: FoundFigure) -> str:
    """``f`` as written with the measure after its unit (30个工作日, not 30个)."""
    m = _MEASURE_AFTER.match(text, f.start + len(f.text))
    return _shown(f) + (m.group() if m else "")


_MEASURE_AFTER = lazy_re(r"工作日|自然日|小时|分钟")


_FROM_DELTA = "由文中的增减数推算"


def _pair(this: str, before: str, source: str) -> str:
    """This year's and last year's figures as a message says them (由90%到95% when the text
    names no year for the first)."""
    if source == _FROM_TO_SAID:
        return f"由{before}到{this}"
    return f"本年{this}、上年{before}（{source}）"


def _share_of_count_before(text: str, figs, share) -> bool:
    """Is ``share`` a share (占27.8%) of the count written right before it (45件，占…)?"""
    k = figs.index(share)
    return (
        k > 0
        and figs[k - 1].kind == "count"
        and re.fullmatch(
            r"[，,、（(]?\s*(?:所)?占[^，。；%\d]{0,12}?(?:比|比例|比重)?(?:为|达|约|达到)?",
            text[figs[k - 1].start + len(figs[k - 1].text) : share.start],
        )
        is not None
    )


class ChangeChecks(ArithmeticState):
    """A 同比 change against this year's and last year's figures."""

    def change(self, unit, text, a, k, figs) -> None:
        if figs[k].unit == "个百分点" and self.points_misused(unit, text, a, k, figs):
            return
        if figs[k].unit == "%" and _EACH_CHANGE.search(text[max(a, figs[k].start - _EACH_REACH) : figs[k].start]):
            self.changes_each(unit, text, a, k, figs)
            return
        lo = max(0, k - NEAR_COUNTS)
        figs, k = figs[lo : k + 3], k - lo  # a change is about the figures just before it
        f = figs[k]
        if k and self.other_year(text, figs[k - 1]):
            return  # 较2023年的98件增长54.1%: against a year before last, which says nothing of 上年
        # the figure the change is about: of the measure its own words name (审查件数同比减少
        # is about a count in 件, never the 金额 stated between), else the nearest before it
        subject = named_subject(
            [
                g
                for g in reversed(figs[:k])
                if g.kind in ("count", "rate")
                and not self.is_last_year(text, g)
                and not self.other_year(text, g)
                and not _DELTA.search(g.label)
            ],
            change_words(f),
            frozenset(id(g) for g in figs[:k] if _AFTER_QIZHONG.search(text, max(a, g.start - 24), g.start)),
        )
        by_words = self.named_by_words(text, figs, k)  # the change says whose it is: judged as that one's
        subject = self.named_by_delta(text, figs, k) or by_words or subject
        after = self.from_to_after(text, figs, k) or self.figure_after(text, figs, k, subject)
        key = None  # (the catalogue figure, the words) the subject is, when only the change's words say it
        if after is not None:  # 同比减少45.6%，由上年的1230次减少到792次: of the figure it goes on to
            subject, key = after, self.named_by_change(unit, text, f, after)
        carried = self.carried_subject(text, figs, k) if subject is None else None
        if carried is not None:  # 受理110件；上年为648件，同比下降80.3%: of the count before the ；
            subject, figs, k = carried, [carried, *figs], k + 1
            a = carried.start - len(carried.label)
        if subject is None:
            self.from_delta(unit, text, a, k, figs)
            return
        if subject.start < a:
            return
        if "分别" in text[max(a, subject.start - 40) : f.start]:
            return  # 64件、60件，分别增长14.3%、11.1%: pairs by position, not by nearness (宁可漏报)
        named_last = None  # 上年受理129件 after the change, naming the count it is of
        if by_words is not None and subject is by_words:  # 受理数同比下降8.8%（上年为1314起）
            near = [*figs[k + 1 : k + 3], *figs[max(0, k - 1) : k]]
            named_last = next((g for g in near if g.kind == "count" and g.start > subject.start and self.is_last_year(text, g)), None)
        if f.unit == "%" and (subject.kind == "rate" or subject.unit in YUAN_IN or self.a_part(text, figs, subject)):
            # 按时答复率100%，同比增加36件，增长28%: the count's change, not the rate's; so after a
            # sum of money or a 其中 list, when last year's count says which (立案544件，其中…364件，
            # 罚没金额6538万元，较上年（477件）增长14.0%: the 544's)
            counted = self.count_changed(text, figs, k, subject)
            if counted is not None:
                subject = counted
                near = [*figs[k + 1 : k + 3], *figs[max(0, k - 1) : k]]  # 上年受理129件 after it; 较上年（477件） before it
                named_last = next((g for g in near if g.kind == "count" and g.start > subject.start and self.is_last_year(text, g)), None)
        if f.unit == "%" and subject.kind == "count" and named_last is None:
            # 发放补助金2365.8万元，惠及2318人，增长11.9%（上年为2152.4万元）: last year's figure in
            # another unit than the nearest count names the count of its own unit before it
            other = self.subject_of_last(text, figs, k, subject, a)
            if other is not None:
                subject, named_last = other
        own = re.sub(r"^[，,\s]*(?:同比|较上年|比上年|较去年|比去年|全年|今年)?", "", change_words(f)).strip()
        if subject.kind == "rate" and f.unit == "%" and own and not re.search(r"率|比例|占比|比重", own):
            return  # 办件量增长12%: the change names a count of its own, not the rate before it
        if subject.kind == "rate" and f.unit == "%" and _share_of_count_before(text, figs, subject):
            return  # 涉企申请45件，占27.8%，同比增长28.6%: the count's growth as likely as the share's
        if subject.kind == "rate" and f.unit == "%":
            self.c.add(
                "比率升降单位",
                self.c.doc.where(unit, f.start - len(f.label), f.start + len(f.text)),
                text[f.start - len(f.label) : f.start + len(f.text)],
                unit.part,
                f"{_short(subject)}{_shown(subject)}是比率，它的升降写成了“{_shown(f)}”。",
                f"比率的升降一般写“提高/下降X个百分点”；如果{_shown(f)}确是相对上年的增幅，请写明“增长{_shown(f)}”的基数。",
            )
            return
        if not _against_last_year(text, a, figs, k, self.c.doc.year):
            return  # 环比, 比2020年, 连续三年: last year's figure says nothing of it
        stated = _stated_change(text, a, f)
        if stated is None:
            return  # a bound and an approximation at once, or no direction: not checked
        mode, after_word, up, down, said = stated
        start = min(subject.start - len(subject.label), f.start - len(f.label))
        end = max(f.start + len(f.text) + len(after_word), subject.start + len(subject.text))
        quote = text[start:end]
        if down and subject.kind == "count" and f.unit == "%" and self.impossible_fall(unit, start, end, quote, subject, f):
            return
        if subject.approx:
            return
        last = self.last_value(text, subject, figs, k, key if subject is after else None)
        if (
            (last is None or last[1] == self.last_source)  # (the sentence's own base before last year's report)
            and named_last is not None
            and kin(named_last.unit) == kin(subject.unit)
            and not named_last.approx
        ):
            last = named_last.value, "文中写明", named_last
        if last is None and not (f.unit == "%" and f.value > self.c.table.params["同比异常百分比"]):
            return
        if last is None and self.c.doc.data is not None and not self.c.doc.typed(quote):
            return  # the template's sentence from the form's figures: checked as data
        where = self.c.doc.where(unit, start, end)
        if last is None:
            if f.unit == "%" and f.value > self.c.table.params["同比异常百分比"]:
                self.c.add(
                    "同比异常",
                    where,
                    quote,
                    unit.part,
                    f"同比变化{_shown(f)}，变化很大。",
                    "请核对本年和上年的数字，是否多写或少写了一位。",
                )
            return
        value, source, written = last
        if source != _FROM_TO_SAID and _SHRINK_ONLY.search(f.label):
            return  # 审批时限压缩40%: of a limit cut, not a change from last year's figure
        before = _shown(written) if written is not None else f"{plain(value)}{'%' if subject.kind == 'rate' else subject.unit}"
        self.plausible(unit, where, quote, subject.value, value, source, (_shown(subject), before))
        if subject.kind == "count" and f.unit == "%" and value > 0:
            exact = (Decimal(plain(subject.value)) - Decimal(plain(value))) / Decimal(plain(value)) * 100
            change = float(exact)
            wrong_way = (change > 0 and down) or (change < 0 and up)
            this = Amount(subject)
            # last year's figure as a range too, when written in 万/亿 (11.88万件 is 118 750 to 118 849)
            was = Amount(written) if written is not None else None
            ends = [
                (t - b) / b * 100 for t in (this.lo, this.hi) for b in ((was.lo, was.hi) if was is not None and was.lo > 0 else (value,))
            ]
            lo, hi = min(ends), max(ends)
            d = f.decimals
            # the size of the change: from 0 when the range of it runs across no change at all
            # (1.2万件 against 1万件, each rounded, may be anything from −23% to +150%)
            small, large = (0.0, max(-lo, hi)) if lo <= 0 <= hi else sorted((abs(lo), abs(hi)))
            if (
                (not _claimed(small, large, f.value, d, mode) or wrong_way)
                and not (source == _FROM_DELTA and self.delta_fits_another(text, figs, k, subject, subject.value - value, mode))
                and not (
                    # 受理1915件，办结1870件，同比增长48.1%（上年为1293件）: last year's count as
                    # written, the change of another count of the clause (受理's)
                    source == "文中写明"
                    and subject is not by_words
                    and self.last_fits_another(text, figs, k, subject, value, lambda g: _fits_change(g, value, f, mode))
                )
            ):
                word = "上升" if change > 0 else "下降"
                should = f"{word}{change_percent(abs(exact), max(d, 1))}%" if exact else "与上年持平"
                self.c.add(
                    "同比核算",
                    where,
                    quote,
                    unit.part,
                    f"{_pair(_measured(text, subject), _measured(text, written) if written is not None else before, source)}，"
                    f"{'应为' if mode == 'exact' else '算得'}{should}，文中写的是“{said}”。",
                    "请核对前后两个数和增减幅度。" if source == _FROM_TO_SAID else "请核对本年、上年的数字和增减幅度。",
                )
        elif subject.kind == "rate" and f.unit == "个百分点":
            exact = Decimal(plain(subject.value)) - Decimal(plain(value))
            change = float(exact)
            if (
                (change > 0 and down)
                or (change < 0 and up)
                or not _claimed(abs(change), abs(change), f.value, f.decimals, mode, points=_written_slack(subject, written or value))
            ):
                word = "提高" if change > 0 else "下降"
                should = f"{word}{change_percent(abs(exact), max(f.decimals, 1))}个百分点" if exact else "与上年持平"
                self.c.add(
                    "同比核算",
                    where,
                    quote,
                    unit.part,
                    f"{_pair(_shown(subject), _shown(written) if written is not None else f'{plain(value)}%', source)}，"
                    f"{'应为' if mode == 'exact' else '算得'}{should}，"
                    f"文中写的是“{said}”。",
                    "请核对本年、上年的比率和增减的百分点。",
                )

    def points_misused(self, unit, text, a, k, figs) -> bool:
        """A figure in 个百分点 that is no difference of rates: a rate's level (办结率为86.7个百分点)
        or the change of the count right before it (受理128件，同比增长12个百分点). True when said."""
        if not self.c.on("百分点误用"):
            return False
        f = figs[k]
        prev = figs[k - 1] if k else None
        start = f.start - len(f.label)
        if _LEVEL_IN_POINTS.search(f.label) and not _CHANGE_START.search(f.label) and start >= a:
            name = re.sub(r"(?:均|都|分别)?(?:为|是|达到|达|约为|仅为|在)?$", "", f.label)
            why = f"{name}是比率，它的数值写成了“{_shown(f)}”；“个百分点”只用来说两个比率相差多少。"
            fix = f"请写成“{f.label}{plain(f.value)}%”。"
        elif (
            prev is not None
            and prev.kind == "count"
            and prev.start >= a
            and not _DELTA.search(prev.label)
            and _BARE_CHANGE.fullmatch(f.label)
            and re.fullmatch(r"\s*[，,]?\s*", text[prev.start + len(prev.text) : start])
        ):
            start = prev.start - len(prev.label)
            why = f"{_shown(prev)}是件数，它的增减写成了“{f.label}{_shown(f)}”；“个百分点”只用来说两个比率相差多少。"
            fix = f"件数的增减请写成“{f.label}X%”（按本年、上年的件数算），或写明增减的件数。"
        else:
            return False
        end = f.start + len(f.text)
        self.c.add("百分点误用", self.c.doc.where(unit, start, end), text[start:end], unit.part, why, fix)
        return True

    def delta(self, unit, text, a, k, figs) -> None:
        """A change stated as a count (同比减少505件) against this year's and last year's
        counts the sentence states (受理889件…上年同期为1390件: 889 − 1390 = −501)."""
        f = figs[k]
        words = f.label + text[max(a, f.start - 24) : f.start]  # (较2024年（1522起）减少…: the year too)
        year = self.c.doc.year
        if year:  # 比2024年的1522起减少311起 in a report on 2025: against last year
            words = re.sub(rf"(?<=[较比与]){year - 1}年", "上年", words)
        if rough(f) or not re.search(r"同比|上年|去年", words):
            return
        if not _against_last_year(text, a, figs, k, year):
            return  # 比2020年增加12件: not against last year's figure
        subject = next(
            (
                g
                for g in reversed(figs[max(0, k - NEAR_COUNTS) : k])
                if g.kind == "count" and kin(g.unit) == kin(f.unit) and not self.is_last_year(text, g) and not _DELTA.search(g.label)
            ),
            None,
        )
        listed = self.last_listed(text, subject, figs[max(0, k - NEAR_COUNTS) : k + 6]) if subject is not None else None
        if listed is not None and listed is subject:
            return  # a 上年分别为 list that does not pair: no base
        last = listed or next(
            (
                g
                for g in figs[max(0, k - NEAR_COUNTS) : k + 3]
                if g is not subject and g.kind == "count" and kin(g.unit) == kin(f.unit) and self.is_last_year(text, g)
            ),
            None,
        )
        if last is None and self.known:
            self.delta_against_last(unit, text, a, k, figs, subject)
            return
        named = None
        if last is not None and (subject is None or subject.start < a) and last.start >= a:
            named = subject = self.named_before(text, f, last)  # 受理量比上年增加558件（上年为246件）: the count named
        if subject is None or last is None or last.start < a or rough(subject) or rough(last):
            return
        if named is None and not self.said_of(text, subject, last, figs[max(0, k - NEAR_COUNTS) : k + 3]):
            return  # last year's figure of another count (the whole's, before 其中)
        sign = _sign(f)
        exact = Decimal(plain(subject.value)) - Decimal(plain(last.value))
        if sign * Decimal(plain(f.value)) == exact or Amount(subject).hi - Amount(subject).lo > 0:
            return
        wanted = sign * Decimal(plain(f.value))
        if self.last_fits_another(
            text, figs, k, subject, last.value, lambda g: Decimal(plain(g.value)) - Decimal(plain(last.value)) == wanted
        ):
            return  # 受理1915件，办结1870件，较上年（1293件）增加622件: 受理's difference
        start = subject.start - len(subject.label) if named is None else min(f.start - len(f.label), last.start - len(last.label))
        end = max(f.start + len(f.text), last.start + len(last.text))
        self.delta_wrong(unit, text, start, end, f, exact, f"本年{_shown(subject)}、上年{_shown(last)}（文中写明）")

    def delta_against_last(self, unit, text, a: int, k: int, figs, subject: FoundFigure | None) -> None:
        """A change stated as a count with no last year's figure in its sentence, with --last:
        this year's count (the nearest before it, or the one it goes on to: 比上年减少287件，
        达到458件) against last year's report. Not when another count of the clause fits the
        difference against its own last year's figure (受理…，办结…，比上年增加20件: 受理's)."""
        f = figs[k]
        key = None
        if subject is None or subject.start < a:
            subject = self.figure_after(text, figs, k, None) or self.named_before(text, f, f)
            if subject is None or kin(subject.unit) != kin(f.unit):
                return
            key = self.named_by_change(unit, text, f, subject)
        if rough(subject) or Amount(subject).hi > Amount(subject).lo:
            return
        before = self.known_last(subject, key)
        if before is None:
            return
        sign = _sign(f)
        wanted = sign * Decimal(plain(f.value))
        exact = Decimal(plain(subject.value)) - Decimal(plain(before))
        if wanted == exact:
            return
        for g in figs[max(0, k - NEAR_COUNTS) : k]:
            if g is subject or g.kind != "count" or kin(g.unit) != kin(subject.unit) or g.start < self.clause_start or g.approx:
                continue
            its = self.known_last(g)
            if its is not None and Decimal(plain(g.value)) - Decimal(plain(its)) == wanted:
                return
        start = min(subject.start - len(subject.label), f.start - len(f.label))
        end = max(f.start + len(f.text), subject.start + len(subject.text))
        self.delta_wrong(
            unit, text, start, end, f, exact, f"本年{_shown(subject)}、上年{plain(before)}{subject.unit}（{self.last_source}）"
        )

    def delta_wrong(self, unit, text: str, start: int, end: int, f: FoundFigure, exact: Decimal, pair: str) -> None:
        should = f"{'增加' if exact > 0 else '减少'}{plain(abs(exact))}{f.unit}" if exact else "与上年持平"
        self.c.add(
            "同比核算",
            self.c.doc.where(unit, start, end),
            text[start:end],
            unit.part,
            f"{pair}，应为{should}，文中写的是“{f.label}{_shown(f)}”。",
            "请核对本年、上年的数字和增减的数。",
        )

    def impossible_fall(self, unit, start: int, end: int, quote: str, subject: FoundFigure, f: FoundFigure) -> bool:
        """A fall of a count that no last year's figure can give: over 100% (a count cannot
        fall below none), or 100% exactly (this year is then 0) beside a count of this year
        that is not 0 (办理案件5件，同比减少100%). Said as 同比核算; True when said."""
        if rough(f) or f.value < 100:
            return False
        if f.value == 100 and (subject.value == 0 or rough(subject)):
            return False  # 败诉0件，同比减少100%: right
        if self.c.doc.data is not None and not self.c.doc.typed(quote):
            return False  # the template's sentence from the form's figures: checked as data
        if f.value > 100:
            why = f"减少的幅度不会超过100%（减少100%就是本年为0），文中写的是“{f.label}{_shown(f)}”。"
        else:
            why = f"“{f.label}{_shown(f)}”意味着本年为0，但文中写的本年是{_shown(subject)}。"
        self.c.add("同比核算", self.c.doc.where(unit, start, end), quote, unit.part, why, "请核对本年、上年的数字和减少的幅度。")
        return True

    def last_value(self, text, subject, figs, k, key: tuple[str | None, str] | None = None) -> tuple[float, str, FoundFigure | None] | None:
        """Last year's value of ``subject``: stated in the sentence (上年为138件; 同比增加24件),
        or known from --last (as the catalogue figure, else the words, of ``key`` when given:
        what the change's words name); with the figure as written when the sentence states it."""
        before = self.from_value(text, subject, figs)
        if before is not None:
            return before.value, _FROM_TO_SAID, before
        listed = self.last_listed(text, subject, figs)
        if listed is not None:  # 案件58件…，审结52件…，上年分别为64件、60件: by position
            return (listed.value, "文中写明", listed) if listed is not subject else None
        at = figs.index(subject)
        # the nearest first, after it before before it: 146件（上年125件） is 146's, and a 上年
        # figure right after another count of this year (151件（上年130件），…，146件) is that one's
        for g in sorted(figs, key=lambda g: (abs(figs.index(g) - at), figs.index(g) < at)):
            if (
                g is not subject
                and kin(g.unit) == kin(subject.unit)  # (查处600起，上年为500件)
                and not g.approx
                and self.is_last_year(text, g)
                and self.said_of(text, subject, g, figs)
            ):
                return g.value, "文中写明", g
        # the difference stated beside the change, before it or just after it (较上年增长20%，
        # 增加12件); a count after the change that is not a difference ends the search (its
        # own difference may follow)
        for i, g in enumerate(figs[figs.index(subject) + 1 :], figs.index(subject) + 1):
            if g.kind != "count":
                continue
            if kin(g.unit) == kin(subject.unit) and not g.approx and _DELTA.search(g.label):
                known = self.known_last(subject, key)
                if known is not None:
                    # last year's report before a base worked back from the difference (which
                    # is itself checked against the report): 比上年增加40亩，增长25% over 120亩
                    return known, self.last_source, None
                sign = _sign(g)
                return subject.value - sign * g.value, _FROM_DELTA, None
            if i > k:
                break
        value = self.known_last(subject, key)
        return (value, self.last_source, None) if value is not None else None

    def delta_fits_another(self, text: str, figs: list[FoundFigure], k: int, subject: FoundFigure, delta: float, mode: str) -> bool:
        """受理1915件，办结1870件，较上年增加622件，增长48.1%: the stated difference and change fit
        an earlier count of the clause (受理: 622 ÷ 1293), not the nearest: that count's."""
        f = figs[k]
        for g in figs[:k]:
            if (
                g is subject
                or g.kind != "count"
                or kin(g.unit) != kin(subject.unit)
                or g.approx
                or g.start < self.clause_start
                or _DELTA.search(g.label)
                or self.is_last_year(text, g)
            ):
                continue
            last = g.value - delta
            if last > 0:
                size = abs(delta) / last * 100
                if _claimed(size, size, f.value, f.decimals, mode):
                    return True
        return False

    def last_listed(self, text: str, subject: FoundFigure, figs: list[FoundFigure]) -> FoundFigure | None:
        """Last year's figure of ``subject`` from a 上年分别为 list after it (办理案件58件，同比减少
        9.4%，审结52件，同比减少13.3%，上年分别为64件、60件): the one in its place among the
        clause's counts of this year; ``subject`` itself when the list does not pair (counts and
        list of unlike length: no base); None when there is no such list."""
        run: list[FoundFigure] = []
        for g in figs:
            if g.start <= subject.start or g.kind != "count":
                continue
            gap = text[run[-1].start + len(run[-1].text) : g.start] if run else g.label
            if not run and _EACH_LAST_SAID.search(g.label):  # (the changes say 分别: 上年为5起、4人 is in order too)
                run = [g]
            elif run and _LAST_JOIN.fullmatch(gap):
                run.append(g)
            elif run:
                break
        if len(run) < 2:
            return None
        this = [
            g
            for g in figs
            if g.kind == subject.kind
            and self.clause_start <= g.start < run[0].start
            and not self.is_last_year(text, g)
            and not _DELTA.search(g.label)
        ]
        if len(this) != len(run) or subject not in this:
            return subject
        last = run[this.index(subject)]
        return last if kin(last.unit) == kin(subject.unit) else subject

    def last_fits_another(self, text: str, figs: list[FoundFigure], k: int, subject: FoundFigure, last: float, fits) -> bool:
        """Does the change ``figs[k]``, against last year's count as written, ``fits`` another
        count of this year in the clause (of the subject's unit) than the nearest one, or the
        count of the heading right above the sentence ((一)查办案件400件 / 办结380件，…，同比
        增长25.0%（上年为320件）: the 400's)?"""
        heading = (
            g
            for g in self.heading_counts
            if g.kind == "count" and kin(g.unit) == kin(subject.unit) and not g.approx and not _DELTA.search(g.label)
        )
        return any(not self.is_last_year(g.label, g) and fits(g) for g in heading) or any(
            g is not subject
            and g.kind == "count"
            and kin(g.unit) == kin(subject.unit)
            and not g.approx
            and g.start >= self.clause_start
            and not _DELTA.search(g.label)
            and not self.is_last_year(text, g)
            and fits(g)
            for g in figs[max(0, k - NEAR_COUNTS) : k]
        )

    def known_last(self, subject: FoundFigure, key: tuple[str | None, str] | None = None) -> float | None:
        """Last year's value of ``subject`` from --last (as the catalogue figure, else the
        words, of ``key`` when given: what the change's words name); None when not known."""
        if not self.known:
            return None
        by_key, by_label, by_core = self.known
        named, words = key or (None, "")
        # The words first: last year's report stating a count under the same words (查办各类
        # 违法案件417件), or the same words but for the verb and when (全年受理投诉举报76件 for
        # 受理投诉举报; 完成食品抽检 for 食品抽检) — what the catalogue figure this sentence's
        # context suggests (受理 of 行政复议, two sentences back) may be guessed wrong.
        unit = kin(subject.unit)  # (查处600起 against last year's 500件)
        # the change's own words, as written or but for the verb, before the figure's own label
        # (行政处罚案件同比增长7.3%，全年受理530件: last year's 受理行政处罚案件494件, never the bare
        # 受理149件 of another matter)
        lookups = [(by_label, words), (by_core, label_core(words) if words else "")]
        lookups += [(by_label, subject.label), (by_label, without_who(subject.label))]  # 全局罚没款 is last year's 罚没款
        lookups += [(by_core, label_core(subject.label))]
        for table, label in lookups:
            value = table.get((label, unit)) if label else None
            if value is not None:
                return value
        named = named or subject.maps_to
        if named and named in by_key:
            return by_key[named]
        return None

    def from_to_after(self, text: str, figs: list[FoundFigure], k: int) -> FoundFigure | None:
        """The figure a change goes on to say it went to from last year's, right after it
        (同比减少45.6%，由上年的1230次减少到792次): that 792次; None when none follows so."""
        if k + 2 >= len(figs):
            return None
        f, before, this = figs[k], figs[k + 1], figs[k + 2]
        between = text[f.start + len(f.text) : before.start]
        if not _THEN_FROM.fullmatch(between) or self.from_value(text, this, figs) is not before:
            return None
        return this

    def direction(self, unit, text: str, figs: list[FoundFigure], k: int) -> None:
        """由8%降低到12.3%, 从120件增加到100件: the word says the figure went the other way."""
        this = figs[k]
        before = self.from_value(text, this, figs[max(0, k - 1) : k + 1])  # the one before it: never a search of the whole sentence
        if before is None or before.approx or this.approx:
            return
        said = text[before.start + len(before.text) : this.start]
        down, up = _GOES_DOWN.search(said), _GOES_UP.search(said)
        lo, hi = Amount(before), Amount(this)
        wrong = (down and hi.lo > lo.hi) or (up and hi.hi < lo.lo)
        if not wrong:
            return
        start = before.start - len(before.label)
        end = this.start + len(this.text)
        word = (down or up).group()  # type: ignore[union-attr]  # one of them matched
        self.c.add(
            "同比核算",
            self.c.doc.where(unit, start, end),
            text[start:end],
            unit.part,
            f"从{_shown(before)}到{_shown(this)}是{'提高' if down else '降低'}，文中写的是“{word}”。",
            "请核对前后两个数和“提高”“降低”这类词。",
        )

    def subject_of_last(self, text: str, figs: list[FoundFigure], k: int, subject: FoundFigure, a: int):
        """(the count, last year's figure) when the last year's figure right around the change
        ``figs[k]`` is in another unit than ``subject`` and one count of its unit stands before
        ``subject`` in the clause (not an average: 人均1.02万元); None otherwise."""
        near = [g for g in (*figs[k + 1 : k + 3], *figs[max(0, k - 1) : k]) if g.kind == "count" and self.is_last_year(text, g)]
        last = next((g for g in near if kin(g.unit) != kin(subject.unit) and not g.approx), None)
        if last is None:
            return None
        same = [
            g
            for g in figs[:k]
            if g.kind == "count"
            and a <= g.start < subject.start
            and kin(g.unit) == kin(last.unit)
            and not self.is_last_year(text, g)
            and not _DELTA.search(g.label)
            and not re.search(r"[人户]均|平均", g.label)
        ]
        return (same[-1], last) if len(same) == 1 else None

    def way_said(self, unit, text: str, figs: list[FoundFigure], k: int) -> None:
        """Last year's figure stated, then only the way the count went (58件，比上年的64件有所
        增加; 上年为64件，有所增加): the word says the other way than the two figures."""
        last = figs[k]
        m = _WAY_ONLY.match(text, last.start + len(last.text))
        this = next(
            (g for g in reversed(figs[max(0, k - NEAR_COUNTS) : k]) if g.kind == "count" and kin(g.unit) == kin(last.unit)),
            None,
        )
        if m is None or this is None or this.approx or last.approx or self.is_last_year(text, this) or _DELTA.search(this.label):
            return
        if not _LAST_BETWEEN.fullmatch(text, this.start + len(this.text), last.start):
            return  # (only last year's words between: the count's own last year)
        now, was = Amount(this), Amount(last)
        up = m.group("verb") in _EACH_UP + ("增多",)
        if (up and now.hi < was.lo) or (not up and now.lo > was.hi):
            start = this.start - len(this.label)
            self.c.add(
                "同比核算",
                self.c.doc.where(unit, start, m.end()),
                text[start : m.end()],
                unit.part,
                f"本年{_shown(this)}、上年{_shown(last)}（文中写明），是{'减少' if up else '增加'}，文中写的是“{m.group('verb')}”。",
                "请核对本年、上年的数字和“增加”“减少”这类词。",
            )

    def held_level(self, unit, text: str, a: int, b: int, figs: list[FoundFigure]) -> None:
        """“与上年持平” after a count whose last year's figure the sentence states (or --last
        knows) and which is not the same: 检查1985次，上年为1868次，与上年持平. (基本持平, 大致持平
        allow a difference: not judged.)"""
        starts = [g.start for g in figs]
        for m in _HELD.finditer(text, a, b):
            if m.group("year") and int(m.group("year")) + 1 != self.c.doc.year:
                continue  # 与2020年持平: another year's level, nothing of last year's
            k = bisect.bisect_left(starts, m.start())
            near = figs[max(0, k - NEAR_COUNTS) : k]  # (the figures just before it: a sentence may hold thousands)
            before = [g for g in near if g.kind == "count" and not rough(g) and not _DELTA.search(g.label)]
            this = [g for g in before if not self.is_last_year(text, g)]
            if not this:
                continue
            subject = this[-1]
            if any(g.kind in ("change", "points", "rate") and subject.start < g.start for g in near):
                continue  # a rate or a change stated between: 持平 is of that
            lead = re.split(r"[，,；;]", text[subject.start + len(subject.text) : m.start()])[-1].strip()
            if lead and lead not in subject.label:
                continue  # 涉及金额3000万元，审查件数与上年持平: 持平 names a count of its own
            # last year's figure stated before it, within it (与上年（516件）持平) or in brackets
            # right after it (与上年持平（上年为516件）)
            after = [g for g in figs[k : k + 2] if g.start < m.end() + _HELD_REACH and not rough(g)]
            stated = [
                g for g in before + after if g.start > subject.start and kin(g.unit) == kin(subject.unit) and self.is_last_year(text, g)
            ]
            last, source = (stated[0].value, "文中写明") if stated else (self.known_last(subject), self.last_source)
            if last is None or last == subject.value:
                continue
            change = (Decimal(plain(subject.value)) - Decimal(plain(last))) / Decimal(plain(last)) * 100 if last else None
            should = f"{'上升' if subject.value > last else '下降'}{change_percent(abs(change), 1)}%" if change is not None else "有增减"
            start = subject.start - len(subject.label)
            self.c.add(
                "同比核算",
                self.c.doc.where(unit, start, m.end()),
                text[start : m.end()],
                unit.part,
                f"本年{_shown(subject)}、上年{plain(last)}{subject.unit}（{source}），并不持平，应为{should}。",
                "请核对本年、上年的数字；两年确实相同才写“与上年持平”。",
            )

    def times(self, unit, text: str, a: int, b: int, figs: list[FoundFigure]) -> None:
        """A change said in times or tenths (同比增长1.5倍, 是上年的2倍, 实现翻番, 翻了两番, 增长两倍,
        增长近五成) after a count whose last year's figure the sentence states (or --last
        knows): the count over last year's must be that. 增长N倍 read either way (N + 1 times,
        or N times as often meant): only a ratio that fits neither is an error; 近/约/逾 widen
        what fits (近五成: a rise of 40–50%); 近/接近/基本翻番 are not judged."""
        claims: list[tuple] = [
            (g.start, g.start + len(g.text), f"{g.label}{_shown(g)}", self.fits_times(g.value, g.decimals, g.label, ""))
            for g in figs
            if g.unit == "倍" and not g.approx and _TIMES_SAID.search(g.label)
        ]
        for m in _DOUBLED.finditer(text, a, b):
            n = _DOUBLINGS[m.group("n")]
            claims.append((m.start(), m.end(), m.group(), lambda r, n=n: r >= Decimal(n) * Decimal("0.995")))
        for m in _HALVED.finditer(text, a, b):  # 减半: to about half (45–55% of last year's)
            claims.append((m.start(), m.end(), m.group(), lambda r: abs(r - Decimal("0.5")) <= Decimal("0.05")))
        for m in _WORDED_CHANGE.finditer(text, a, b):
            if m.group("n")[0].isdigit() and m.group("unit") == "倍" and not m.group("about"):
                continue  # 增长1.5倍: a figure, above
            said_n = m.group("n")
            worded = Decimal("0.5") if said_n == "半" else None if "半" in said_n else han_value(said_n)
            amount = Decimal(said_n) if said_n[0].isdigit() else None if worded is None else Decimal(worded)
            if amount is None:
                continue
            down = m.group("verb") in _DOWN_WORDS
            if m.group("unit") == "成":
                fits = self.fits_tenths(amount, down, m.group("about"))
            elif down:
                continue  # 下降两倍: no reading to weigh
            else:
                fits = self.fits_times(amount, -1, m.group("verb") or "", m.group("about"))
            claims.append((m.start(), m.end(), m.group(), fits))
        for at, end, said, fits in claims:
            before = [g for g in figs if g.start < at and g.start >= a and g.kind == "count" and g.unit != "倍" and not rough(g)]
            this = [g for g in before if not self.is_last_year(text, g) and not _DELTA.search(g.label)]
            if not this:
                continue
            subject = this[-1]
            after = [g for g in figs if at < g.start < at + _HELD_REACH and g.kind == "count" and not rough(g)]
            stated = [
                g for g in before + after if g.start > subject.start and kin(g.unit) == kin(subject.unit) and self.is_last_year(text, g)
            ]
            # the claim of the count right before it, in its clause, or with only last year's
            # figure between (162件，上年为138件，增长1.5倍)
            between = text[subject.start + len(subject.text) : at]
            for g in stated:
                if g.start < at:
                    lo = g.start - len(g.label) - subject.start - len(subject.text)
                    between = between[: max(0, lo)] + between[lo + len(g.label) + len(g.text) :]
            if re.search(r"[，,；;]", between.strip("，, ").removesuffix("同比").strip("，, ")):
                continue
            last, source = (stated[0].value, "文中写明") if stated else (self.known_last(subject), self.last_source)
            if not last or last <= 0:
                continue
            ratio = Decimal(plain(subject.value)) / Decimal(plain(last))
            if fits(ratio):
                continue
            start = subject.start - len(subject.label)
            self.c.add(
                "同比核算",
                self.c.doc.where(unit, start, end),
                text[start:end],
                unit.part,
                f"本年{_shown(subject)}、上年{plain(last)}{subject.unit}（{source}），"
                + (
                    f"本年比上年{'增长' if ratio >= 1 else '下降'}{trim(round(abs(ratio - 1) * 100, 1))}%"
                    if said.endswith("成")
                    else f"本年是上年的{trim(round(ratio, 2))}倍"
                )
                + f"，与“{said}”不符。",
                "请核对本年、上年的数字和倍数；“增长N倍”是上年的N＋1倍，“翻番”是上年的2倍，“增长N成”是增长N×10%。",
            )

    @staticmethod
    def fits_times(n, decimals: int, label: str, about: str | None):
        """Does a ratio this year / last year fit N times said after ``label`` (增长 reads either
        N or N + 1 times), to the precision written (``decimals``; -1 for a numeral in words:
        to the half), a ratio half way between two said as it is, widened by 近 (down to three quarters of it), 约 (a quarter either side)
        or 逾/超过 (at least it)?"""
        n = Decimal(plain(n))
        slack = Decimal("0.5") if decimals < 0 else Decimal(5) / Decimal(10) ** (decimals + 1)
        grown = label.rstrip("了").endswith(("增长", "增加", "提高", "上升"))
        readings = [n, n + 1] if grown else [n]

        def fits(ratio: Decimal) -> bool:
            for r in readings:
                if about in ("近", "接近", "将近"):
                    ok = r * Decimal("0.75") <= ratio <= r + Decimal("0.005")
                elif about == "约":
                    ok = abs(ratio - r) <= r / 4
                elif about in ("逾", "超过", "超"):
                    ok = ratio >= r - Decimal("0.005")
                else:  # (exactly half way, 2.5 for 3倍, is said as it is: 2.5倍)
                    ok = abs(ratio - r) < slack
                if ok:
                    return True
            return False

        return fits

    @staticmethod
    def fits_tenths(n: Decimal, down: bool, about: str | None):
        """Does a ratio fit a change of N tenths (增长两成: a rise of 20%, to the nearest tenth;
        近五成: 40–50%; 逾三成: at least 30%; 约: within half a tenth)?"""
        tenth = Decimal("0.1")

        def fits(ratio: Decimal) -> bool:
            change = (1 - ratio) if down else (ratio - 1)
            said = n * tenth
            if about in ("近", "接近", "将近"):
                return said - tenth <= change <= said + Decimal("0.005")
            if about in ("逾", "超过", "超"):
                return change >= said - Decimal("0.005")
            return abs(change - said) <= tenth / 2 + Decimal("0.005")

        return fits

    @property
    def last_source(self) -> str:
        """Where last year's figures given with --last come from, as messages say it."""
        return "去年的表单" if self.c.last is not None and self.c.last.data is not None else "去年的报告"

    def named_by_words(self, text: str, figs: list[FoundFigure], k: int) -> FoundFigure | None:
        """The count a change's own words name (受理治安案件1246起，查处1198起，受理数同比下降
        8.8%: the 1246; 按期办结690件，…，受理信访事项同比下降2.8%: the 受理信访事项), when they
        name one count of the clause; None otherwise."""
        said = change_words(figs[k])
        if _ANY_COUNT.search(said) or said.endswith("件数"):
            return None  # 审查件数同比…: a measure, named_subject's (it may be the total's)
        words = re.sub(r"^[，,\s]*|[数量]$", "", said)
        if len(words) < 2 or figs[k].unit != "%":
            return None
        named = [
            g
            for g in figs[:k]
            if g.kind == "count"
            and g.start >= self.clause_start
            and words in g.label
            and not _DELTA.search(g.label)
            and not self.is_last_year(text, g)
        ]
        return named[-1] if len(named) == 1 and not self.a_part(text, figs, named[-1]) else None

    def named_by_delta(self, text: str, figs: list[FoundFigure], k: int) -> FoundFigure | None:
        """The count a difference right before the change names (办理行政处罚案件376件、…、行政
        检查2100次，行政处罚案件同比减少24件（上年为400件），下降8.0%: the 376件), when its words
        name one count of the sentence of its unit; None otherwise."""
        delta = next((g for g in reversed(figs[max(0, k - 2) : k]) if g.kind == "count" and _DELTA.search(g.label)), None)
        if delta is None:
            return None
        name = _DELTA.sub("", delta.label).strip("，, ")
        if len(name) < 2:
            return None
        named = [
            g
            for g in figs[:k]
            if g.kind == "count"
            and g.unit == delta.unit
            and g.start >= self.clause_start
            and name in g.label
            and not _DELTA.search(g.label)
            and not self.is_last_year(text, g)
        ]
        return named[-1] if len(named) == 1 else None

    def a_part(self, text: str, figs: list[FoundFigure], g: FoundFigure) -> bool:
        """Is count ``g`` one of a list after 其中 in its clause (其中一般程序180件、简易程序364件)?"""
        at = text.rfind("其中", max(self.clause_start, g.start - _PART_REACH), g.start)
        return at >= 0 and any(h.kind == "count" and self.clause_start <= h.start < at for h in figs)

    def count_changed(self, text: str, figs: list[FoundFigure], k: int, rate: FoundFigure) -> FoundFigure | None:
        """A change in % after a rate (or a sum of money, or a 其中 part: ``rate``) that the
        sentence says is a count's: a difference in a count's unit right before it (同比增加36件，
        增长28%) or last year's count after it (同比增长27.4%，上年受理129件). The count of that
        unit, up to ``rate``, last year's words name, or whose change it is, else the nearest;
        None when the sentence says nothing of last year's count."""
        evidence = [g for g in figs[max(0, k - 2) : k] if g.kind == "count" and _DELTA.search(g.label) and g.start > rate.start]
        evidence += [g for g in figs[k + 1 : k + 3] if g.kind == "count" and self.is_last_year(text, g)]
        # 按期办结率达100%，较上年（363件）增长25.0%: last year's count in brackets before the change
        evidence += [g for g in figs[max(0, k - 1) : k] if g.kind == "count" and g.start > rate.start and self.is_last_year(text, g)]
        units = {kin(g.unit) for g in evidence}
        if not units:
            return None
        counts = [
            g
            for g in reversed(figs[:k])
            if g.kind == "count"
            and g.start <= rate.start
            and kin(g.unit) in units
            and g.start >= self.clause_start
            and not _DELTA.search(g.label)
            and not self.is_last_year(text, g)
        ]
        # 上年受理129件 names the count it is last year's of (受理, not the nearer 审结)
        named = bigrams("".join(re.sub(r"上年|去年|上一年度?|同期|为|是", "", g.label) for g in evidence)) - _GENERIC
        chosen = next((g for g in counts if named & bigrams(g.label)), None)
        if chosen is not None or not counts:
            return chosen
        # 受理630件，办结626件，办结率99.4%，同比下降42.9%（上年为1104件）: last year's count names
        # none of them; the one whose change it is, when one is (受理), else the nearest
        last = next((g for g in evidence if self.is_last_year(text, g) and g.value > 0), None)
        f = figs[k]
        if last is not None and f.unit == "%":
            # (the way it went too: 800 against 1000 is no 增长20%)
            fitting = [g for g in counts if _fits_change(g, last.value, f, "exact")]
            if fitting:
                return fitting[0]
        # none fits: the whole of a 其中 list rather than its last part (立案544件，其中…364件，
        # 较上年（477件）增长23.3%: wrong of the 544), unless the whole's own change was said
        # before (受理100件，上年为80件，同比增长25%，其中网上60件，上年为40件，同比增长20%: the 60's)
        whole = next((g for g in counts if not self.a_part(text, figs, g)), None)
        if whole is None or any(h.kind == "change" and whole.start < h.start < rate.start for h in figs[:k]):
            return counts[0]
        return whole

    def carried_subject(self, text: str, figs: list[FoundFigure], k: int) -> FoundFigure | None:
        """The count a change is of when its clause states none of this year before it: the
        last of the clause before the ；(受理110件；上年为648件，同比下降80.3%)."""
        if any(g.kind in ("count", "rate") and not self.is_last_year(text, g) for g in figs[:k]):
            return None
        carried = [g for g in self.carried_over if g.kind == "count" and not self.is_last_year(text, g) and not _DELTA.search(g.label)]
        return carried[-1] if carried else None

    def from_delta(self, unit, text: str, a: int, k: int, figs: list[FoundFigure]) -> None:
        """A change in % whose sentence states no figure of this year (it stands in the heading
        above) but last year's count, and the change in it (受理量比上年减少140件，上年为252件，
        较上年下降57.1%) or this year's count in the heading right above ((二)审结112件 /
        上年为252件，比上年下降45.6%): the percentage is the one over the other."""
        f = figs[k]
        if f.unit != "%" or not _against_last_year(text, a, figs, k, self.c.doc.year):
            return
        clause = [g for g in figs[:k] if g.kind == "count" and g.start >= a and not g.approx]
        deltas = [g for g in clause if _DELTA.search(g.label)]
        lasts = [g for g in clause if self.is_last_year(text, g) and not _DELTA.search(g.label)]
        following = figs[k + 1] if k + 1 < len(figs) else None
        if (
            not clause
            and following is not None
            and following.kind == "count"
            and not following.approx
            and self.is_last_year(text, following)
            and not re.search(r"[。；;！？]", text[f.start + len(f.text) : following.start])
        ):
            # 同比增长641.9%，上年为350件 under (一)…办理行政许可2571件: last year's after the change
            clause = lasts = [following]
        if not clause and not lasts:
            self.heading_against_last(unit, text, a, f)
            return
        if len(lasts) != 1 or lasts[0].value <= 0:
            return
        last = lasts[0]
        heading = [g for g in self.heading_counts if g.unit == last.unit and not g.approx and not self.is_last_year(g.label, g)]
        if len(deltas) == 1 and len(clause) == 2 and deltas[0].unit == last.unit:
            delta = deltas[0]
            sign = _sign(delta)
            exact = sign * Decimal(plain(delta.value)) / Decimal(plain(last.value)) * 100
            pair = f"上年{_shown(last)}、{_short(delta) or '增减'}{_shown(delta)}（文中写明）"
            start = min(delta.start - len(delta.label), last.start - len(last.label))
        elif not deltas and len(clause) == 1 and (len(heading) == 1 or self.named_before(text, f, last) is not None):
            this = heading[0] if len(heading) == 1 else self.named_before(text, f, last)
            assert this is not None
            exact = (Decimal(plain(this.value)) - Decimal(plain(last.value))) / Decimal(plain(last.value)) * 100
            pair = f"本年{_shown(this)}（{'上面的标题' if len(heading) == 1 else '前一句'}）、上年{_shown(last)}（文中写明）"
            first = min(last.start, f.start - len(f.label))
            start = a + len(text[a:first]) - len(text[a:first].lstrip())  # the clause from its first word
        else:
            return
        stated = _stated_change(text, a, f)
        if stated is None:
            return
        end = max(f.start + len(f.text) + len(stated[1]), last.start + len(last.text))
        self.change_wrong(unit, text, start, end, f, exact, stated, pair)

    def named_before(self, text: str, f: FoundFigure, last: FoundFigure) -> FoundFigure | None:
        """The count of the sentence before that a change opening its sentence names by its own
        words (…全年受理投诉举报904件，办结890件。受理量同比增长267.5%（上年为246件）: the 904;
        受理量比上年增加558件 too), when one count there is so named, in last year's unit, with
        no change of its own."""
        words = re.sub(r"^[，,\s]*|[数量]$", "", change_words(f))
        if len(words) < 2 or (f.unit != "%" and kin(f.unit) != kin(last.unit)) or _ANY_COUNT.search(words):
            return None
        before = self.sentence_before
        named = [
            (j, g)
            for j, g in enumerate(before)
            if g.kind == "count"
            and words in g.label
            and kin(g.unit) == kin(last.unit)
            and not g.approx
            and not _DELTA.search(g.label)
            and not self.is_last_year(text, g)
        ]
        if len(named) != 1:
            return None
        j, g = named[0]
        after = before[j + 1] if j + 1 < len(before) else None
        return None if after is not None and after.unit == "%" and _own_change(text, g, after) else g

    def changes_each(self, unit, text: str, a: int, k: int, figs: list[FoundFigure]) -> None:
        """受理151件、审结146件，同比分别增长27.1%、21.7%（上年分别为129件、120件）: each change in
        its place is of the count in that place, against last year's in that place (or from
        --last); judged only when counts, changes and last year's figures pair off one to one."""
        f = figs[k]
        verbs = [_EACH_CHANGE.search(text[max(a, f.start - _EACH_REACH) : f.start]).group("verb")]  # type: ignore[union-attr]  # (matched by the caller)
        changes = [f]
        for g in figs[k + 1 :]:
            gap = _EACH_NEXT.fullmatch(text, changes[-1].start + len(changes[-1].text), g.start) if g.unit == "%" else None
            if gap is None:
                break
            changes.append(g)
            verbs.append(gap.group("verb") or verbs[-1])  # (增长35%、30%: the verb said once goes on)
        counts = [
            g
            for g in figs[:k]
            if g.kind == "count" and g.start >= a and not self.is_last_year(text, g) and not _DELTA.search(g.label) and not g.approx
        ]
        if len(changes) < 2 or len(counts) != len(changes):
            return
        after = figs[k + len(changes) :]
        run: list[FoundFigure] = []
        for g in after:
            if g.kind != "count":
                break
            if not run and _EACH_LAST_SAID.search(g.label):  # (the changes say 分别: 上年为5起、4人 is in order too)
                run = [g]
            elif run and _LAST_JOIN.fullmatch(text[run[-1].start + len(run[-1].text) : g.start]):
                run.append(g)
            else:
                break
        if run and len(run) != len(counts):
            return  # a 上年分别为 list that does not pair: no base
        for i, (count, change, verb) in enumerate(zip(counts, changes, verbs)):
            if run:
                last, source = run[i].value, "文中写明"
                if kin(run[i].unit) != kin(count.unit):
                    continue
            else:
                known = self.known_last(count)
                if known is None:
                    continue
                last, source = known, self.last_source
            if last <= 0:
                continue
            amount = Amount(count)
            lo, hi = ((v - last) / last * 100 for v in (amount.lo, amount.hi))
            up = (verb in _EACH_UP) != change.negative
            exact = (Decimal(plain(count.value)) - Decimal(plain(last))) / Decimal(plain(last)) * 100
            if _claimed(abs(lo), abs(hi), change.value, change.decimals, "exact") and (exact == 0 or (exact > 0) == up):
                continue
            said = f"{'同比' if '同比' in f.label else ''}{verb}{'-' if change.negative else ''}{_shown(change)}"
            start = count.start - len(count.label)
            end = max(change.start + len(change.text), run[-1].start + len(run[-1].text) if run else 0)
            pair = f"本年{_shown(count)}、上年{plain(last)}{count.unit}（{source}）"
            self.change_wrong(unit, text, start, end, change, exact, ("exact", "", up, not up, said), pair)

    def change_wrong(self, unit, text: str, start: int, end: int, f: FoundFigure, exact: Decimal, stated, pair: str) -> None:
        """The change ``f`` (said as ``stated``) against the ``exact`` one worked out from the two
        figures ``pair`` names: 同比核算 when it does not match, in size or direction."""
        mode, _after_word, up, down, said = stated
        if _claimed(abs(float(exact)), abs(float(exact)), f.value, f.decimals, mode) and not ((exact > 0 and down) or (exact < 0 and up)):
            return
        word = "上升" if exact > 0 else "下降"
        should = f"{word}{change_percent(abs(exact), max(f.decimals, 1))}%" if exact else "与上年持平"
        self.c.add(
            "同比核算",
            self.c.doc.where(unit, start, end),
            text[start:end],
            unit.part,
            f"{pair}，{'应为' if mode == 'exact' else '算得'}{should}，文中写的是“{said}”。",
            "请核对本年、上年的数字和增减幅度。",
        )

    def heading_against_last(self, unit, text: str, a: int, f: FoundFigure) -> None:
        """A change in % opening its sentence under a heading that states one count ((一)查处
        环境违法案件300件 / 同比下降10.0%，…), with --last: the heading's count against last
        year's report."""
        heading = [g for g in self.heading_counts if g.kind == "count" and not g.approx and not self.is_last_year(g.label, g)]
        if len(heading) != 1 or not _against_last_year(text, a, [f], 0, self.c.doc.year):
            return
        this = heading[0]
        value = self.known_last(this)
        stated = _stated_change(text, a, f)
        if value is None or value <= 0 or stated is None:
            return
        exact = (Decimal(plain(this.value)) - Decimal(plain(value))) / Decimal(plain(value)) * 100
        start = f.start - len(f.label)
        start += len(text[start : f.start]) - len(text[start : f.start].lstrip("，, "))
        end = f.start + len(f.text) + len(stated[1])
        pair = f"本年{_shown(this)}（上面的标题）、上年{plain(value)}{this.unit}（{self.last_source}）"
        self.change_wrong(unit, text, start, end, f, exact, stated, pair)

    def named_by_change(self, unit, text: str, f: FoundFigure, after: FoundFigure) -> tuple[str | None, str] | None:
        """What the figure a change goes on to is (受理同比增长30.8%，达到151件), named by the
        change's own words when its label names no catalogue figure (达到): (the catalogue
        figure, or None; those words), so that --last finds last year's 受理 for it, or the
        figure last year's report states under those words. None when its label names one,
        or nothing does."""
        words = change_words(f).strip("，,、 ")
        if not words or self.known is None:
            return None
        if after.maps_to and not bigrams(words) - bigrams(after.label):
            return None  # 受理同比增长…，达到151件: its own label names it
        named = copy.copy(after)
        named.label = words + after.label
        map_to_catalogue([named], text, self.c.doc.cat, unit.context)
        return named.maps_to or None, words

    def figure_after(self, text: str, figs: list[FoundFigure], k: int, before: FoundFigure | None) -> FoundFigure | None:
        """The figure a change names before it, given right after it (受理信访事项同比下降80.3%，
        达到110件; 行政复议案件同比增长20.8%，全年受理151件): when no figure of the change's
        sentence comes before it, or its own words name none before it but this one
        (依法受理151件（上年130件），审结同比增长21.7%，达到146件)."""
        if k + 1 >= len(figs):
            return None
        f, g = figs[k], figs[k + 1]
        link_from = f.start + len(f.text)
        bracket = _LAST_IN_BRACKETS.match(text, link_from)
        if bracket and bracket.end() == g.start + len(g.text) + 1 and self.is_last_year(text, g) and k + 2 < len(figs):
            # 同比减少52.5%（上年为1617件），全年受理868件: last year's in brackets, then the figure
            k, g, link_from = k + 1, figs[k + 2], bracket.end()
        if g.kind != "count" or self.is_last_year(text, g) or _DELTA.search(g.label):
            return None
        if k + 2 < len(figs) and _own_change(text, g, figs[k + 2]):
            return None  # 同比下降20.7%，罚款金额1023.6万元，同比增长3.8%: that figure's change follows it
        measure, units = measure_of(change_words(f))
        if measure and not fits(g, measure, units):
            return None  # 审查件数同比减少50.2%，提出审查意见157条: 条 is not what it counts
        link = text[link_from : g.start]
        earlier = any(h.kind in ("count", "rate") and h.start >= self.clause_start and not self.is_last_year(text, h) for h in figs[:k])
        if not (_THEN_AMOUNT.fullmatch(link) or (_THEN_NAMED.fullmatch(link) and (before is not None or not earlier))):
            return None  # with counts before it in the sentence, only 达到/为 says the figure after is its own
        own = bigrams(re.sub(r"同比|较上年|比上年|较去年|全年|今年", "", change_words(f))) - _GENERIC
        if not own and not earlier and not _THEN_AMOUNT.fullmatch(link) and any(not h.approx for h in self.heading_counts):
            return None  # （一）查处案件46件 / 同比下降20.7%，罚款金额…: the heading's figure's change
        if before is not None and before.start >= self.clause_start:
            # a figure before it in the sentence: only when the change names this one (审结同比
            # 增长21.7%，达到146件), not that one (依法受理151件)
            named = _THEN_AMOUNT.fullmatch(link) or own & bigrams(g.label)
            return g if own and named and not own & bigrams(before.label) else None
        return g

    def from_value(self, text: str, subject: FoundFigure, figs: list[FoundFigure]) -> FoundFigure | None:
        """The value ``subject`` rose or fell from, stated right before it (办结率由90%提高到95%;
        受理案件从100件增加到120件), when no year or only last year is named for it (由上年的,
        由2024年的 in a report of 2025): a change said after them (提高5个百分点) is their difference."""
        i = figs.index(subject)
        g = figs[i - 1] if i else None
        if (
            g is None
            or g.kind != subject.kind
            or kin(g.unit) != kin(subject.unit)
            or g.approx
            or not _TO_NEXT.fullmatch(text[g.start + len(g.text) : subject.start])
        ):
            return None
        said = _FROM.search(text[max(0, g.start - 12) : g.start])
        if said is None or (said.group("year") and int(said.group("year")) + 1 != self.c.doc.year):
            return None  # 由2020年的…: that year's, not last year's
        return g

    def said_of(self, text: str, subject: FoundFigure, g: FoundFigure, figs: list[FoundFigure]) -> bool:
        """Is last year's figure ``g`` said of the same count (or rate) as ``subject``? It stands
        right beside it: no other count (rate) of this year between them, and no 其中 (a sub-item's change is
        never read against the whole's 上年为80件, nor the whole's against a sub-item's)."""
        i, j = sorted((figs.index(subject), figs.index(g)))
        lo, hi = sorted((subject.start, g.start))
        if "其中" in text[lo:hi] or "其中" in (g.label if g.start > subject.start else subject.label):
            return False
        if any(
            h.kind == subject.kind
            and (h.kind != "count" or kin(h.unit) == kin(g.unit))  # (罚款320万元 between 86起 and （70起）: not its)
            and not self.is_last_year(text, h)
            and not _DELTA.search(h.label)
            for h in figs[i + 1 : j]
        ):  # another rate between two rates' figures: 上年为 is its
            return False
        if self.named_other(text, subject, g, figs):  # 败诉案件上年为3件: 败诉's, not 审结's
            return False
        if g.start < subject.start:  # before it: not right after a count of this year of its own
            # (over its change: 58件，同比减少9.4%（上年64件），审结52件: the 64 is the 58's)
            own = next((h for h in reversed(figs[: figs.index(g)]) if h.kind not in ("change", "points")), None)
            if (
                own is not None
                and own is not subject
                and own.kind == subject.kind
                and own.unit == g.unit
                and not self.is_last_year(text, own)
                and not _DELTA.search(own.label)
            ):
                return False
        return True

    @staticmethod
    def named_other(text: str, subject: FoundFigure, g: FoundFigure, figs: list[FoundFigure]) -> bool:
        """Do the words right before last year's ``g`` name another count of the sentence and
        not ``subject`` (败诉2件，审结52件，同比减少13.3%，败诉案件上年为3件: 败诉's)?"""
        m = _NAMED_BEFORE_LAST.search(text[max(0, g.start - 24) : g.start])
        if m is None:
            return False
        named = bigrams(m.group("name")) - _GENERIC
        if not named or named & bigrams(subject.label):
            return False
        return any(h is not subject and h is not g and h.kind == g.kind and named & bigrams(h.label) for h in figs)

    def other_year(self, text: str, g: FoundFigure) -> bool:
        """Is ``g`` the figure of a year neither this one nor the last, compared with (较2023年的98件)?"""
        m = re.search(r"[较比与于]\s*((?:19|20)\d{2})\s*年(?:同期)?(?:的|为|是)?[（(]?$", text[max(0, g.start - 12) : g.start])
        year = self.c.doc.year
        return m is not None and (year is None or int(m.group(1)) not in (year, year - 1))

    def is_last_year(self, text: str, g: FoundFigure) -> bool:
        """Is ``g`` last year's figure (上年为138件, 2024年同期的138件)?"""
        before = text[max(0, g.start - 10) : g.start]
        year = self.c.doc.year
        if _LAST_YEAR.search(before) or (year and re.search(rf"{year - 1}年(?:同期)?(?:的|为|是|[：:])?[（(]?$", before)):
            return True
        named = _LAST_YEAR_NAMED.search(g.label)
        return bool(named and not _NOT_A_NAME.search(named.group("words")))

    def plausible(self, unit, where, quote, this: float, last: float, source: str, shown=(None, None)) -> None:
        """A change too large to be likely; the figures said as written when they are (59.79万件)."""
        p = self.c.table.params
        if max(this, last) < p["同比异常最小值"] or min(this, last) <= 0:
            return
        ratio = this / last
        if ratio >= p["同比异常倍数"] or ratio <= 1 / p["同比异常倍数"]:
            self.c.add(
                "同比异常",
                where,
                quote,
                unit.part,
                f"{_pair(shown[0] or plain(this), shown[1] or plain(last), source)}，相差约{plain(round(max(ratio, 1 / ratio), 1))}倍。",
                "变化这么大，请核对是否多写或少写了一位；确实如此的，最好在文中说明原因。",
            )
