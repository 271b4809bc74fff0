"""A rate against its counts. A rate is tied to its counts by name, within its sentence: the
numerator is a count whose label carries the rate's core word (办结率 ↔ 办结803起; 结案率 ↔
审结/办结), the denominator the whole it belongs to (受理1117起), by the catalogue's definition
where the catalogue knows the rate. A rate whose name matches none of the counts beside it is
not checked ("宁可漏报，不可误报"). Rounding and truncation at the stated precision are both
right; a rate written as a bound (95%以上, 不低于, 超过; 以下, 不超过) is checked as that bound,
one written roughly (any word of counts.ABOUT_BEFORE / ABOUT_AFTER: 约、大约、将近、接近、大致、
左右、上下…) within ABOUT_POINTS percentage points. A closure beside the cases carried over
from last year (any rate, when the sentence states the carry-over) is over new + carried;
one over 100% of its whole is never said to be over 100% (a reminder of the basis). In
由上年的48.2%提高到55.6% the second rate is this year's."""

from __future__ import annotations

import copy
import re
from decimal import Decimal

from drafter.check.counts import (
    _DELTA,
    MAX_ITEMS,
    NEAR_COUNTS,
    Amount,
    ArithmeticState,
    _called,
    _claim,
    _exclusive,
    _fits,
    _no_base,
    _pct,
    _should,
    _shown,
    _stated,
    added,
    rate_groups,
    rough,
    rounded,
    summed,
)
from drafter.files.patterns import lazy_re
from drafter.model.catalogue import groups_by_name, not_a_part, wholes_of
from drafter.model.numbers import kin
from drafter.model.numberwords import plain, trim
from drafter.reading.figure_finder import FoundFigure, bigrams, count_name, nameless

_VERBS = lazy_re(
    r"(?:均|分别|都|始终|一直|持续|连续\d+年|稳定|保持|继续)?(?:同比|较上年|比上年|较去年|比去年|环比)?"
    r"(?:为|达到|达|是|在|至|到|约|约为|仅为|高达|超过|提升至|提高至|提高到|提升到|上升至|上升到|"
    r"下降至|下降到|降至|降为|升至|增至|实现|实现了|达到了|高)?$"
)  # 高: 高达76.7% (达 read with the figure)
_OPENERS = lazy_re(r"^(?:其中|全年|累计|合计|同时|并且|另有)+(?=.)")  # words before a rate's name
_UNBOUNDED = ("结案", "办结", "审结")  # closures may include last year's carry-over: over 100% is possible
_FROM_TO = lazy_re(
    r"(?P<name>率)\s*(?:由|从|较|比)(?:上年|去年|上一年度?|\d{4}年)?(?:同期)?的?\s*"
    r"\d+(?:\.\d+)?\s*[%％]\s*(?:(?:提高|提升|上升|升|增长|增加|下降|降低|降|减少|回落)?(?:到|至)|"
    r"(?:提高|提升|上升|增长|增加|下降|降低|减少|回落)为|变为|变成)$"
)
_PART_OF = lazy_re(r"(?:其中|含|包括)[^，。；（）]*$")  # a count that is a part, never a whole
# A rate's own fraction in brackets after it: (3/29), （146件÷151件）, （审结146件÷受理151件×100%）
_FRACTION_UNIT = r"(?:人次|件次|户次|[件卷次个人项份起宗户家条名场批期])?"
_FRACTION_WORDS = r"[^\d（）()/／÷。；，,]{0,8}?"
FRACTION = lazy_re(
    rf"\s*[（(]\s*{_FRACTION_WORDS}(?P<part>\d{{1,9}})\s*{_FRACTION_UNIT}\s*[/／÷]\s*{_FRACTION_WORDS}"
    rf"(?P<whole>\d{{1,9}})\s*{_FRACTION_UNIT}\s*(?:[×xX*]\s*100\s*[%％])?\s*[）)]"
)
# Cases carried over from last year (上年结转12件, 旧存5件): closed this year with the new ones,
# so a closure's whole may be new + carried (domain.md §4 结案率); never a whole by itself.
# a rate named as another year's (上年纠错率, 2024年的结案率)
_OTHER_YEAR = lazy_re(r"(?:上年|去年|上一年度?|上年度|(?P<year>(?:19|20)\d{2})年度?)(?:同期)?的?(?=.)")
_CARRIED = lazy_re(r"结转|旧存|积存|上年未结|上一年度?未结|去年未结|上年遗留")
# Things that are never parts of one another: a count of one side is no whole of a count of the
# other (办结人大代表建议112件 is not of 承办政协委员提案134件; 行政诉讼 not of 行政复议).
_APART = (("人大", "政协"), ("建议", "提案"), ("复议", "诉讼"))


# What stands between a whole and its first part (80件，其中…40件)
_WHOLE_OF_NEXT = lazy_re(r"\s*[，,]?\s*其中\s*[：:，,]?\s*")


def _apart(part: str, whole: str) -> bool:
    """Do the labels ``part`` and ``whole`` name two different things of one pair above?"""
    return any(
        (a in part and b not in part and b in whole and a not in whole) or (b in part and a not in part and a in whole and b not in whole)
        for a, b in _APART
    )


# Rates whose part is a subset of their whole (满意的 are among those asked, 覆盖的村居 among
# all): never over 100%. Not closures (结案率 over 受理 may pass 100% with last year's
# carry-over, domain.md §4 结案率), nor growth or completion of a target (完成率 120%).
_WITHIN = (
    "满意",
    "覆盖",
    "合格",
    "优秀",
    "败诉",
    "胜诉",
    "纠错",
    "出庭",
    "应诉",
    "报备",
    "备案",
    "知晓",
    "公开",
    "整改",
    "网办",
    "可办",
    "成功",
    "采纳",
    "签约",
    "配备",
    "达标",
    "准确",
    "及时",
    "按时",
    "按期",
)
_MAY_EXCEED = ("增长", "增幅", "增加", "上升", "提高", "完成", "超额", "同比", "环比", "执行", "到位", "使用")


def _plus(whole: FoundFigure, carried: FoundFigure) -> Amount:
    """New + carried cases as one whole (a range when either is rounded)."""
    a, b = Amount(whole), Amount(carried)
    total = FoundFigure(
        whole.label, whole.value + carried.value, whole.unit, "", f"{plain(whole.value + carried.value)}{whole.unit}", whole.start
    )
    out = Amount(total)
    out.lo, out.hi = added((a.lo, b.lo)), added((a.hi, b.hi))
    return out


def _minus(whole: FoundFigure, rest: FoundFigure) -> Amount:
    """A whole without some of it (评查320卷 but 不合格11卷) as one count."""
    a, b = Amount(whole), Amount(rest)
    out = Amount(
        FoundFigure(whole.label, whole.value - rest.value, whole.unit, "", f"{plain(whole.value - rest.value)}{whole.unit}", whole.start)
    )
    out.lo, out.hi = added((a.lo, -b.hi)), added((a.hi, -b.lo))
    return out


def _within_whole(stem: str) -> bool:
    """Is the rate named ``stem`` (without 率) one that cannot exceed 100%?"""
    return any(w in stem for w in _WITHIN) and not any(w in stem for w in _MAY_EXCEED)


# A rate of what is done in time (报备及时率, 按期办结率) is of the counts done in time, never
# of all of them: 报送备案36件 is not the part of 备案及时率.
_TIMELY = ("及时", "按时", "按期", "准时", "限时")


def _timely(stem: str, label: str) -> bool:
    """May a count named ``label`` be the part of a rate whose name (without 率) is ``stem``?
    Not when the rate is of timeliness and the count is not."""
    return not any(w in stem for w in _TIMELY) or any(w in label for w in _TIMELY)


# Words before a count's core word that make it the rest, not the part (未办结, 不合格, 尚未整改,
# 不予受理); and those that make it a part of the part (按时办结, 网上办结, 基本合格, 正在整改).
_NEGATED = lazy_re(r"^(?:其中|另有|还有|其余)?(?:未|不|没有|尚未|暂未|无法)|(?:未|不|没有|尚未|暂未|无法)(?:予以?)?$")
# grades of an assessment, best first: a rate of one grade may count the grades above it
_GRADES = (("优秀",), ("良好", "较好"), ("合格", "及格", "达标"))


def _graded(label: str) -> bool:
    """Does ``label`` name a grade of an assessment (优秀, 不合格, 基本合格)?"""
    return any(w in label for words in _GRADES for w in words)


def _one_list(text: str, a: FoundFigure, b: FoundFigure, counts: list[FoundFigure]) -> bool:
    """Are ``a`` and ``b`` items of one list of three or more joined by 、 (维持、纠错、驳回、调解和解:
    parallel items; two, 办结95件、满意98件, may be a whole and its part)?"""
    run: list[FoundFigure] = []
    for g in counts:
        if run and re.fullmatch(r"\s*、\s*", text[run[-1].start + len(run[-1].text) : g.start - len(g.label)]):
            run.append(g)
        elif a in run:
            break
        else:
            run = [g]
    return a in run and b in run and len(run) >= 3


def _listed_on(text: str, whole: FoundFigure, part: FoundFigure, counts: list[FoundFigure]) -> bool:
    """Is ``whole`` an item of a list joined by 、 that goes on before ``part`` (国产12批次、
    进口28批次，合格12批次)? The part after the list is not of that one item."""
    end = whole.start + len(whole.text)
    return any(
        g.unit == whole.unit and whole.start < g.start < part.start and re.fullmatch(r"\s*、\s*", text[end : g.start - len(g.label)])
        for g in counts
    )


_QUALIFIERS = lazy_re(r"按时|按期|及时|限时|即时|当场|当日|现场|网上|线上|依法|逾期|超期|基本|正在|部分|其中")
_RATE_NONE = lazy_re(r"(?P<name>[\u4e00-\u9fff]{1,12}率)(?:均|仍)?(?:为|是|仅为|保持为?)?(?:零|0)(?![\d.%％‰])")  # 纠错率为0
_ON_TIME = lazy_re(r"^(?:按期|按时|如期)")
_CLOSED = lazy_re(r"审结|办结|结案")  # three words for closing a case  # within the time set: one meaning, said either way


# A rate of a change (压缩率, 精简比例, 减少率, 增长率): not a part of a whole; checked only
# against the before and after values the sentence states (由20天压缩到5天).
_CHANGE_RATE = lazy_re(r"压缩|压减|减少|下降|精简|降低|缩短|缩减|削减|减负|提速|增长|增加|提高|提升|上升|增幅|降幅|减幅")
_FALLING = lazy_re(r"压缩|压减|减少|下降|精简|降低|缩短|缩减|削减|减|降")
_CHANGED_TO = lazy_re(
    r"[^\d，。；、%％]{0,8}?(?P<verb>压缩|压减|减少|下降|精简|降低|缩短|缩减|削减|减|降|提高|增加|增长|提升|上升|升|增)"
    r"(?:到|至|为|成)"
)


def _shortened(stem: str) -> re.Pattern | None:
    """The words of a rate's name in order, at most two characters apart (网办 in 网上办件, 网上可办):
    how a name abbreviates its count's; None for a one-character name."""
    return re.compile(".{0,2}".join(map(re.escape, stem))) if len(stem) >= 2 else None


def _owed(label: str, heads: list[str], stem: str) -> bool:
    """Does ``label`` name what was owed (应公示事项, 应当报备; what was ordered: 责令整改,
    下发整改通知书), the whole of the rate, not its part (unless the rate itself is of what
    was owed)?"""
    return not stem.startswith(("应", "责令")) and any(
        re.search(f"(?:应(?:当|该)?|责令(?:限期)?){re.escape(h)}|{re.escape(h)}(?:通知|意见)书?$", label) for h in heads
    )


def _before_head(label: str, heads: list[str]) -> str:
    """The words of ``label`` before the rate's core word in it (未 in 未办结)."""
    at = min((label.find(h) for h in heads if h in label), default=-1)
    return label[:at] if at >= 0 else ""


def _narrower(stem: str, label: str, heads: list[str]) -> bool:
    """Does ``label`` qualify the core word with a word the rate's name does not have (按时办结
    for 办结率, not for 按时办结率)?"""
    return any(q not in stem for q in _QUALIFIERS.findall(_before_head(label, heads)))


def _compatible(stem: str, label: str, head: str) -> bool:
    """A rate's qualifier and a count's must not contradict: 调解成功率 fits 调处成功, but
    实质性化解率 is not 受理前化解 (the words before the core share no character)."""
    before_stem = stem.split(head)[0] if head in stem else ""
    before_label = _AS_DONE.sub("", label.split(head)[0])  # (实持证 of 执法证件持证率: what was done, no kind)
    return not (before_stem and before_label) or bool(set(before_stem) & set(before_label))


_AS_DONE = lazy_re(r"^(?:实际|实)")


_SENTENCE_REACH = 400  # characters back from a rate that may still be its sentence (a sentence may run to megabytes)
_CLAIM_REACH = 16  # characters after a claim of all within which the count of its act is its own

# 全部 of what is left: 除……外, or 其余/剩余/余下/其他 … right before it
_ALL_BUT = lazy_re(r"除[^。；！？]{1,30}?(?:外|以外|之外)|(?:其余|剩余|余下|其他|其它|另)[^，。；！？]{0,12}$")


# Words that make a count after a rate a kind of the rate's part (调解结案 for 结案率), never it
# Verbs of taking cases up, before the rate's core word (排查化解, 受理调处): the count so named
# is of all the cases taken up, the whole of those the core word's act succeeded in.
_TAKEN_IN_WORDS = ["排查", "摸排", "受理", "接收", "登记", "收到"]
_TAKEN_IN = lazy_re("|".join(_TAKEN_IN_WORDS))
_QUALIFIED = lazy_re(r"调解|和解|按时|按期|及时|提前|当场|现场|线上|网上")
# A closure qualified by how it was reached (以调解、和解方式结案, 通过和解方式办结): a kind of it
_BY_MEANS = lazy_re(r"方式(?:结案|办结|审结|了结)")


# All of a count said done, or none of it happened, at a clause's end (均已按期办结。无一败诉，)
_ALL_DONE = lazy_re(
    r"(?:全部|均已|全都|悉数|全数|均(?=[在于](?:法定|规定)))(?:予以|依法|已|按法定程序|[在于](?:规定|法定)(?:期限|时限)内|达到)*(?:完成)?"
    r"(?P<act>(?:(?!均已|全部|全都)[^，。；、\d（）()]){2,8}?)(?:标准|到位|完毕|完结|结束|完成)?(?=[，。；！（(]|$)"
)  # 均已整改到位, 全部审结完毕, 全部完成整改: the act without the words of its being done
# None late (无一超期, 未出现超期办结): all on time, as 均已按期办结 says
_NONE_LATE = lazy_re(
    r"(?:无一|没有|未出现|未发生|无)(?:超期|逾期)(?P<act>办结|办理|答复|办复|处理)?(?:的?(?:情况|现象|问题))?(?=[，。；！]|$)"
)
_IN_TIME = lazy_re(r"(?:规定|法定)(?:期限|时限)内")  # within the time set: 按期
_CLAIM_LEAD = lazy_re(r"全部|均已|全都|悉数|全数|无一|没有|未出现|未发生|无")
_NONE_DONE = lazy_re(r"(?:无一|没有一[件起例个宗]|未发生|均未|全部未)(?P<act>[^，。；、\d（）()]{2,6})(?=[，。；！]|$)")
_DONE_LEAD = lazy_re(r"^(?:全年|本年度?|今年|共|累计|依法|已|其中)+")


_RATE_VERB = lazy_re(r"(?:达到|达|为|是|保持|均为|实现|已达)+$")  # after a rate's name (按期办结率达到100%)


def _of_a_part(text: str, at: int) -> bool:
    """Is the claim at ``at`` in a clause opening with 其中 (其中重大隐患11处全部整改): said of
    that part, not of the sentence's whole?"""
    clause = max(text.rfind(c, max(0, at - _CLAIM_CLAUSE), at) for c in "，,；;。")
    return "其中" in text[clause + 1 : at]


_CLAIM_CLAUSE = 60  # characters back to the clause a 全部/均已 claim stands in
_COUNT_NAMED = lazy_re(r"([\u4e00-\u9fff]{2,10})(?=\d)")  # the words right before a figure: what it counts

# Words before a claim that make its clause's subject the whole (上述隐患全部整改), or that
# only lead the clause (目前已全部整改): neither names a part.
_WHOLE_SUBJECT = lazy_re(r"^(?:所有|全部|上述|以上|这些|各类|各项|相关|此类|该类)")
_SUBJECT_COUNT = lazy_re(r"\d[\d.]*(?:万|亿)?[处件个项起人次户家宗条卷份]?$")  # the part's own count after its name
_CLAUSE_LEAD = lazy_re(r"^(?:目前|截至目前|截至年底|年内|同时|并且?|且|已经?|均)+|(?:均|已经?|都|也|并|已然)+$")


def _of_a_named_part(text: str, at: int, name: str) -> bool:
    """Is the claim at ``at`` said of a part its clause names, narrower than what ``name`` (the
    rate's or count's own words) counts (一般隐患整改率96.1%，重大隐患全部整改到位: of 重大隐患)?
    A subject is such a part when it ends with a word the sentence counts (隐患 of 排查隐患) and
    puts a word of its own before it that ``name`` has not (重大); the same subject
    (隐患全部整改), the rate's own (一般隐患 of 一般隐患整改率) or one naming the whole (上述隐患)
    is not."""
    clause = max(text.rfind(c, max(0, at - _CLAIM_CLAUSE), at) for c in "，,；;。")
    subject = _SUBJECT_COUNT.sub("", _CLAUSE_LEAD.sub("", text[clause + 1 : at]))  # 重大隐患20处均已整改: 重大隐患
    if len(subject) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]+", subject) or _WHOLE_SUBJECT.match(subject):
        return False
    sentence = text[max(0, at - _SENTENCE_REACH) : clause + 1]
    sentence = sentence[max(sentence.rfind(c) for c in "。！？") + 1 :]
    first = _COUNT_NAMED.search(sentence)
    if first and subject in first.group(1):
        return False  # 受理信访事项936件，…，信访事项均已按期办结: the whole the sentence opens with
    noun = next((subject[k:] for k in range(1, len(subject) - 1) if subject[k:] in name + sentence), None)
    return noun is not None and subject[: -len(noun)] not in name


def says_all_or_none(text: str) -> bool:
    """Does ``text`` say 全部/均已…, 无一…, or a rate of 0 in words (weighed against a form's figures)?"""
    return bool(_ALL_DONE.search(text) or _NONE_DONE.search(text) or _RATE_NONE.search(text) or _NONE_LATE.search(text))


def _counts_act(g: FoundFigure, act: str) -> bool:
    """Is ``g`` a count of the act a claim of all names: its name ends with the act (已配备40个
    for 全部配备), or opens with it and goes on to its object (配备法治副校长40所), or is the
    act's verb alone (配备38所 for 全部配备法治副校长), or the words after it say it (40所配备
    法治副校长)?"""
    name = _DONE_LEAD.sub("", g.label).removesuffix("的")
    return (
        name.endswith(act)
        or (len(act) >= 2 and name.startswith(act))
        or (len(name) >= 2 and act.startswith(name))  # 配备38所 of 全部配备法治副校长: the act's verb
        or g.after.startswith(act)
    )


# A count that is the whole its clause speaks within: 570件中, （816件）中, 286个行政村（社区）中，
_IN_WHOLE = lazy_re(r"[）)]?(?:当|之)?中|[^，。；、\d（）()]{1,12}(?:[（(][^（）()，。]{1,8}[）)])?(?:当|之)?中[，,：:]")


def _of_whole(text: str, g: FoundFigure) -> bool:
    """Is ``g`` the whole its clause goes on within (在全县286个行政村（社区）中，有281个…)?"""
    return bool(_IN_WHOLE.match(text, g.start + len(g.text)))


def _right_after(text: str, m: re.Match, g: FoundFigure) -> bool:
    """Does the count ``g`` stand right after the claim ``m``, in its sentence (均已整改到位，
    整改315处; 无一败诉，败诉1件)?"""
    return m.end() <= g.start <= m.end() + _CLAIM_REACH and not re.search(r"[。；;！？]", text[m.end() : g.start])


def _claimed_act(m: re.Match) -> str:
    """The act a claim of all says, with its own word of time (均已按期办结 → 按期办结)."""
    timely = next((q for q in ("按期", "按时") if q in m.group()), "")
    return m.group("act") if m.group("act").startswith(timely) else timely + m.group("act")


def _claim_lead(claim: str) -> str:
    """The word a claim of all or none opens with (均已 of 均已整改), for the fix to name."""
    m = _CLAIM_LEAD.match(claim)
    return m.group() if m else claim


def _on_time_figure(group, act: str):
    """The group's figure of what was done on time (按期办结, 按时办复), of ``act`` when given."""
    return next((f for n, f in group.figures.items() if _ON_TIME.match(n) and (not act or n.endswith(act))), None)


def _figure_of_act(group, act: str, bare: str):
    """The group's figure a claim's act names: by its name (审结), or the one figure whose name
    opens with the act (整改 → 整改问题, 合格 → 合格案卷, 配备法律顾问 → 配备法律顾问村居) or that
    the act ends with (报送备案 → 备案)."""
    found = group.figures.get(act) or group.figures.get(bare)
    if found is not None:
        return found
    timely = _ON_TIME.match(act)
    if timely:  # 按时报送备案 → 按时备案: the group's on-time figure of the act's end
        named = [f for n, f in group.figures.items() if _ON_TIME.match(n) and bare.endswith(n[2:])]
        if len(named) == 1:
            return named[0]
    named = [f for n, f in group.figures.items() if len(bare) >= 2 and (n.startswith(bare) or (len(n) >= 2 and bare.endswith(n)))]
    if not named:  # 完成决策 → 完成事项: the one figure named by the act's verb
        named = [f for n, f in group.figures.items() if len(bare) >= 3 and n[:2] == bare[:2] and not _ON_TIME.match(n)]
    return named[0] if len(named) == 1 else None


def _owner(said_as: str, by_name: dict) -> str:
    """The one group with a rate ``said_as`` ends with (纠错率: 行政复议), else ""."""
    found = [name for name, group in by_name.items() if any(said_as.endswith(r) for r in group.rates)]
    return found[0] if len(found) == 1 else ""


def _group_by_values(figs: list[FoundFigure], values: dict[str, float], by_name: dict) -> list[str]:
    """The group whose form figures the sentence's counts print the most of (审结146件 under a
    heading that names no matter: 行政复议's, when no other group prints as many), else none."""
    printed = {(g.value, g.unit) for g in figs if g.kind == "count"}
    matched = {
        name: sum(1 for k, fig in group.figures.items() if (values.get(f"{name}.{k}"), fig.unit) in printed)
        for name, group in by_name.items()
    }
    most = max(matched.values(), default=0)
    found = [name for name, n in matched.items() if n == most]
    return found if most and len(found) == 1 else []


def _form_figure(name: str, value: float, unit: str) -> FoundFigure:
    """A figure of the form, as a count the checks can weigh (its name, value and unit)."""
    return FoundFigure(name, value, unit, "", plain(value) + unit, 0)


class RateChecks(ArithmeticState):
    """A stated rate against the counts of its sentence it is computed from."""

    @staticmethod
    def after(figs: list[FoundFigure], k: int) -> list[FoundFigure]:
        """The counts of the sentence after the rate ``figs[k]`` and before the next rate or
        change: the counts a rate stated first is computed from (败诉率为0%（审结0件，败诉0件）)."""
        out = []
        for g in figs[k + 1 : k + 1 + NEAR_COUNTS]:  # a slice bounded, or a long sentence is quadratic
            if g.kind != "count":
                break
            out.append(g)
        return out

    def respective(self, text, pre, pre_start, figs, k, window) -> dict[int, tuple | None]:
        """The rates of a 分别 list starting at ``figs[k]`` (办结率、满意率分别为95%、98%), each
        with the name in the same place of the list and the counts of the whole list; every
        rate None (not checked) when names and values do not pair off one to one, or the
        list is of shares (分别占…); and whether it is one rate of several pairs, each checked
        over its own pair only (never the sum of the list its whole stands in)."""
        cut = pre.rfind("分别")
        ks = self.rate_run(text, figs, k)
        names = self.names(pre[:cut], pre_start)
        if len(names) == 1 and len(ks) >= 2 and "占" not in pre[cut:]:
            # one rate of several pairs (受理复议151件、诉讼58件，分别审结146件、40件，结案率分别为
            # 96.7%、69%): the two lists just before it, each of as many counts, in order
            runs = self.count_runs(text, window)
            if len(runs) >= 2 and len(runs[-1]) == len(runs[-2]) == len(ks):
                wholes = [self.with_verb(names[0][0], runs[-2][0], w) for w in runs[-2]]
                return {i: (names[0], [w, p], [], True) for i, w, p in zip(ks, wholes, runs[-1])}
            return {i: None for i in ks}
        if len(names) != len(ks) or len(ks) < 2 or "占" in pre[cut:]:
            return {i: None for i in ks}
        if any("分别" in g.label for g in window):
            # the counts listed with 分别 too (受理、发现分别为1581件、452个，审结、整改分别为1169件、278个):
            # a name stands by the first count of its list only, so no rate is paired by name
            return {i: None for i in ks}
        after = self.after(figs, ks[-1])
        return {i: (name, window, after, False) for i, name in zip(ks, names)}

    def with_verb(self, name: str, lead: FoundFigure, g: FoundFigure) -> FoundFigure:
        """A count of a list named after the first's verb: in 受理复议151件、诉讼58件 the 58件
        are 受理 too (the base of 结案率); ``g`` itself when there is nothing to add."""
        for word in self.base_words(name):
            at = lead.label.find(word)
            if g is not lead and at >= 0 and word not in g.label:
                named = copy.copy(g)
                named.label = lead.label[: at + len(word)] + g.label
                return named
        return g

    @staticmethod
    def count_runs(text, counts) -> list[list[FoundFigure]]:
        """``counts`` grouped into lists joined by 、 (受理复议151件、诉讼58件 is one)."""
        runs: list[list[FoundFigure]] = []
        for g in counts:
            end = runs[-1][-1].start + len(runs[-1][-1].text) if runs else 0
            # 、 before the count's name, or before the count itself (分别审结146件、40件: named as the first)
            if runs and any(re.fullmatch(r"\s*、\s*", text[end:at]) for at in (g.start - len(g.label), g.start)):
                runs[-1].append(g)
            else:
                runs.append([g])
        return runs

    @staticmethod
    def rate_run(text, figs, k) -> list[int]:
        """The indexes of the percentages listed from ``figs[k]`` on (95%、98%; 60%和30%)."""
        ks = [k]
        while len(ks) < MAX_ITEMS and ks[-1] + 1 < len(figs) and figs[ks[-1] + 1].kind == "rate":
            prev, nxt = figs[ks[-1]], figs[ks[-1] + 1]
            if not re.fullmatch(r"\s*(?:、|和|及|与|，|,)\s*", text[prev.start + len(prev.text) : nxt.start]):
                break
            ks.append(ks[-1] + 1)
        return ks

    def names(self, pre: str, pre_start: int) -> list[tuple[str, int]]:
        """The rate names a percentage is stated for (报备率、报备及时率均达100%)."""
        stripped = _VERBS.sub("", pre.rstrip()).rstrip()
        out, pos = [], pre_start
        # 、 always parts names; 和/及/与 only after a name (报备率和报备及时率), not inside one (调解和解率)
        for piece in re.split(r"(、|(?<=率)[和及与])", stripped):
            bare = _OPENERS.sub("", piece)  # 其中纠错率 is 纠错率
            pos += len(piece) - len(bare)
            piece = bare
            if piece and piece not in "、和及与" and piece.endswith("比例") and len(piece) >= 4:
                out.append((piece[:-2] + "率", pos))  # 合格比例 is 合格率 (a share, 占…比例, is read before)
            elif piece and piece not in "、和及与" and piece.endswith("率") and len(piece) >= 2:
                out.append((piece, pos))
            pos += len(piece)
        return out

    def heads(self, stem: str) -> list[str]:
        for core in sorted(self.cores, key=len, reverse=True):
            if core in stem:
                return self.cores[core]
        return [stem[-2:]] if len(stem) >= 2 else [stem]

    def rate(self, unit, text, f, pre, pre_start, window, counts, after=(), names=None) -> None:
        if not self.rates_on:
            return
        claim = _claim(text, f, pre)
        if claim is None:
            return  # a bound and an approximation at once, or both bounds: not checked
        mode, before_word, after_word = claim
        pre = pre[: len(pre) - len(before_word)].rstrip()
        m = _FROM_TO.search(pre)
        if m:  # 调解成功率由上年的48.2%提高到55.6%: this year's rate is named before last year's
            pre = pre[: m.end("name")]
        stated, decimals = f.value, f.decimals
        end = f.start + len(f.text) + len(after_word)
        said = _stated(f, claim)
        if self.fraction(unit, text, f, end, said, mode, names or self.names(pre, pre_start)):
            return
        for name, at in names or self.names(pre, pre_start):
            other = _OTHER_YEAR.match(name)
            if other and not (other.group("year") and self.c.doc.year and int(other.group("year")) == self.c.doc.year):
                continue  # 上年纠错率为16%, 2024年纠错率: another year's rate, not of this year's counts
            stem = name[:-1]
            if _CHANGE_RATE.search(stem):
                # 压缩率, 减少率: of a change, (before − after) ÷ before, never a part ÷ its whole
                self.of_change(unit, text, f, at, end, name, said, mode, window)
                continue
            heads = self.heads(stem)
            quote = text[at:end]
            # 全部审结 speaks of 结案率; 均已办结 not of 按时办结率 (a qualified rate: its own words only)
            said_all = [stem] if _QUALIFIERS.search(stem) else [stem, *heads]
            if self.all_said(unit, text, f, said_all, at, end, said, mode, name):
                continue
            if stated > 100 and mode != "most" and _within_whole(stem):
                self.c.add(
                    "部分大于整体",
                    self.c.doc.where(unit, at, end),
                    quote,
                    unit.part,
                    f"{name}写的是{said}，但{name}是整体中的一部分所占的比例，不会超过100%。",
                    "请核对这个比率：可能多写了一位，或写错了数。",
                )
                continue

            def named(pool):
                return [
                    g
                    for g in pool
                    if g.unit  # noqa: B023 - called at once, in this turn of the loop
                    and not _DELTA.search(g.label)  # 败诉案件比上年减少1件: a change, never the part
                    and not self.is_last_year(text, g)
                    and any(h in g.label and _compatible(stem, g.label, h) for h in heads)  # noqa: B023
                    and _timely(stem, g.label)  # noqa: B023
                ]

            # The part by name: among the counts before the rate, else among those just after it;
            # 应公示39项 is the whole of 公示率, never its part
            nums, pool = [g for g in named(window) if not _owed(g.label, heads, stem)], window
            if not nums:
                # after the rate, a count marked 其中, or one narrower than the rate's own (办结率100%，
                # 其中按期办结921件; 结案率100%，其中调解结案41件), is a part of the rate's part, never it
                nums, pool = (
                    [
                        g
                        for g in named(after)
                        if not _owed(g.label, heads, stem)
                        and not _narrower(stem, g.label, heads)
                        # (败诉率3.8%，其中败诉2件: named by the rate's word alone, it is the part)
                        and (not _PART_OF.search(text[end : g.start]) or g.label.removeprefix("其中") in heads)
                        and not any(q not in stem for q in _QUALIFIED.findall(_before_head(g.label, heads)))
                    ],
                    list(after),
                )
            if not nums:
                # a rate named by an abbreviation of its count (网办率 ↔ 网上办件): the one count
                # of the sentence whose name holds the rate's words in order
                nums, pool = self.abbreviated(stem, window), window
            if not nums:
                self.base_only(unit, at, f, quote, name, window + list(after))
                continue  # no count beside it by that name: not checked
            # The part is the count named as plainly as the rate: 办结90件 for 办结率, never
            # 未办结 (the rest) nor 其中按时办结 (a part of the part) when both stand there.
            if not _NEGATED.search(stem):  # 未…/不… counts are the rest, unless the rate is of them
                nums = [g for g in nums if not _NEGATED.search(_before_head(g.label, heads))]
            if not nums:
                self.base_only(unit, at, f, quote, name, window + list(after))
                continue
            grams = bigrams(stem)
            # (化解纠纷870件，其中诉前化解230件，化解率…: a part 其中 opens is narrower than the
            # count it is of, unless it alone is named as the catalogue's part: 出庭应诉案件80件，
            # 其中负责人出庭40件，出庭率…)
            told = self.numerator_words(name)
            num = max(
                nums,
                key=lambda g: (
                    not _narrower(stem, g.label, heads)
                    and not (
                        len(nums) > 1
                        and _PART_OF.search(text, max(0, g.start - len(g.label) - 24), g.start)
                        and not any(w in g.label and not any(w in o.label for o in nums if o is not g) for w in told)
                    ),
                    len(grams & bigrams(g.label)),
                    g.start,
                ),
            )
            if rough(num) or self.is_base(name, num, heads):
                continue
            dens = self.wholes(text, name, num, heads, pool, counts)
            if not dens and num.start > end and text[end : end + 1] in "（(":
                # the rate's own counts in brackets right after it, the part first (结案率98.5%
                # （结案577件，审结598件）): the count after the part is its whole
                dens = self.wholes(text, name, num, heads, pool, counts, any_after=True)
            if not dens and after and pool is not after:
                # the whole in brackets after the rate (办结80件，办结率90%（受理100件）)
                dens = self.wholes(text, name, num, heads, list(pool) + list(after), counts)
            begun = max(text.rfind(c, max(0, f.start - _SENTENCE_REACH), f.start) for c in "。！？") + 1
            if not dens and self.base_words(name) and self.of_its_group(name, text[begun:end]):
                # 负责人出庭应诉65件，应诉案件78件，出庭应诉率…: a whole after the part that is not
                # the catalogue's base is no basis to recompute over, but a rate that fits it not
                # is a reminder to state the basis, as in the other order
                later = self.wholes(text, name, num, heads, pool, counts, any_after=True)
                if later:
                    self.basis_unstated(unit, at, end, quote, name, said, num, later, f, mode)
                    continue
            if not dens:
                self.heading_whole(unit, at, end, quote, name, said, num, f, mode, [*window, *after])
                continue
            preferred = self.preferred(name, dens)
            N, D = Amount(num), Amount(preferred)
            bounded = not any(w in stem for w in _UNBOUNDED)
            words = self.base_words(name)
            if bounded and N.lo > D.hi and not any(w in preferred.label for w in words):
                # the nearest whole is smaller than the part, and the catalogue names no base
                # here: the part is of a larger whole before it (受理100件，办结95件、满意98件，
                # 满意率98%), if there is one
                larger = next((g for g in reversed(dens) if Amount(g).hi >= N.lo), None)
                if larger is not None:
                    preferred, D = larger, Amount(larger)
            # the part the last of a list joined by 、 (评为优秀96卷、合格213卷，合格率96.6%: 合格
            # and above): the rate may be of the list's sum
            part_sum = self.listed_whole(text, num, None, pool, counts)
            if part_sum is not None and any(_fits(stated, decimals, part_sum, Amount(g), mode) for g in dens):
                continue
            # the grades above the rate's own counted as it (优秀42卷，合格140卷，合格率97.8%: 合格
            # and above), however the grades are joined
            above = self.graded_above(stem, num, pool)
            if above is not None and any(_fits(stated, decimals, above, Amount(g), mode) for g in dens):
                continue
            # the rest of a graded list (优秀96卷、合格213卷、不合格11卷，合格率96.6%: all but 不合格)
            failed = [
                g
                for g in pool
                if g is not num
                and g.unit == num.unit
                and any(h in g.label for h in heads)
                and _NEGATED.search(_before_head(g.label, heads))
            ]
            if any(_fits(stated, decimals, _minus(d, g), Amount(d), mode) for g in failed for d in dens if d.value > g.value):
                continue
            # the whole the last of a list joined by 、 (承办建议112件、提案134件，按时办复244件):
            # the rate may be over the sum of the list
            listed = self.listed_whole(text, preferred, num, pool, counts) or self.catalogue_sum(name, num, pool)
            if listed is not None and (N.lo > D.hi or not _fits(stated, decimals, N, D, mode)):
                if _fits(stated, decimals, N, listed, mode):
                    continue
                if N.lo > D.hi:  # the part is said against the largest whole it may have
                    preferred, D = listed.f, listed
            # the cases carried over from last year, when the sentence states them: the rate's
            # whole may be new + carried (结案率, and 调解成功率 over 新收 + 上年结转)
            carried = self.carried(num, pool, counts, after)
            if bounded and N.lo > D.hi and (carried is None or N.lo > _plus(preferred, carried).hi):
                if self.another_pair_fits(text, stem, heads, num, list(pool), stated, decimals, mode):
                    continue
                where = self.c.doc.where(unit, at, end)
                self.c.add(
                    "部分大于整体",
                    where,
                    quote,
                    unit.part,
                    f"{_called(num)}多于它所属的{_called(preferred)}"
                    + (f"与{_called(carried)}之和" if carried is not None else "")
                    + f"，{name}不可能是{said}。",
                    "请核对这两个数：部分不能多于整体。",
                )
                continue
            # (the matter of the rate's own sentence, ``begun``, its clauses joined by ；too: a
            # 热线 sentence after it says nothing of it)
            if words and not self.states_base(name, preferred) and self.of_its_group(name, text[begun:end]):
                # the catalogue defines the rate's whole (纠错率 = 纠错 ÷ 审结) and the sentence
                # does not state it: never recomputed over another count of it (受理, 案件),
                # which is not the rate's basis ("宁可漏报"); a part larger than its nearest
                # whole is still said, above; a rate that fits none of the wholes stated is
                # a reminder to state the basis (应诉52件，败诉3件，败诉率10%)
                self.basis_unstated(unit, at, end, quote, name, said, num, dens, f, mode)
                continue
            if _no_base(D):
                self.no_base(unit, at, f, quote, name, num, preferred)
                continue
            if _fits(stated, decimals, N, D, mode):
                both = _plus(preferred, carried) if carried is not None else None
                if both is None or rounded(N, both, decimals) != Decimal(plain(stated)):
                    # rounded right over new + carried (the README's basis): nothing to remind
                    self.truncated(unit, at, end, quote, name, said, num, preferred, N, D, f, mode)
                continue
            if carried is not None:
                # the sentence states the carry-over: the closure's whole is new + carried
                both = _plus(preferred, carried)
                if _fits(stated, decimals, N, both, mode):
                    continue
                if N.lo <= both.hi:
                    self.c.add(
                        "比率核算",
                        self.c.doc.where(unit, at, end),
                        quote,
                        unit.part,
                        f"{name}写的是{said}，但按{_called(num)} ÷（{_called(preferred)}＋{_called(carried)}）算，"
                        f"{_should(N, both, decimals, mode, f)}。",
                        "请核对比率和这几个数：可能是比率算错、写错，也可能是件数写错。",
                    )
                    continue
            # Another whole of the sentence it fits (to its printed precision): right when the
            # catalogue does not define the rate or its own whole is not stated (调解结案率
            # 28.1% = 以调解方式结案41件 ÷ 审结146件, not ÷ 受理151件); a reminder of the basis
            # when the catalogue's whole is stated and the rate is over another.
            alt = next(
                (
                    g
                    for g in reversed(dens)
                    if g is not preferred and not _no_base(Amount(g)) and _fits(stated, decimals, N, Amount(g), mode)
                ),
                None,
            )
            if alt is not None and (not any(w in preferred.label for w in words) or any(w in alt.label for w in words)):
                continue  # 行政复议审结146件，行政诉讼审结52件: the base it fits is the one it is over
            where = self.c.doc.where(unit, at, end)
            if not bounded and N.lo > D.hi:
                # a closure over 100% of its whole: the part may hold cases carried over from
                # last year, which the sentence does not state (or states too few of); no rate
                # over 100% is suggested, the basis is asked for
                more = (
                    f"{_called(num)}多于{_called(preferred)}与{_called(carried)}之和"
                    if carried is not None
                    else f"{_called(num)}多于{_called(preferred)}，多出的可能是上年结转的案件"
                )
                self.c.add(
                    "比率口径",
                    where,
                    quote,
                    unit.part,
                    f"{name}{said}是按{_called(alt)}算的（{_shown(num)} ÷ {_shown(alt)}）；{more}。"
                    if alt is not None
                    else f"{name}写的是{said}，但{more}，按文中的数算不出这个比率。",
                    "请核对这几个数和上年结转的件数。"
                    if carried is not None
                    else f"{name}含上年结转案件的，请在文中写明结转件数和计算口径；否则请核对这两个数。",
                )
            elif alt is not None:
                self.c.add(
                    "比率口径",
                    where,
                    quote,
                    unit.part,
                    f"{name}{said}是按{_called(alt)}算的（{_shown(num)} ÷ {_shown(alt)}）；"
                    f"按{_called(preferred)}算应为{_pct(N, D, decimals)}。",
                    f"{name}通常以{_called(preferred)}为基数；本地确实按{_called(alt)}计算的，可以不改，最好在文中写明口径。",
                )
            elif self.another_pair_fits(text, stem, heads, num, list(pool), stated, decimals, mode):
                continue
            else:
                self.c.add(
                    "比率核算",
                    where,
                    quote,
                    unit.part,
                    f"{name}写的是{said}，但按{self.said_where(num, preferred)}{_called(num)} ÷ "
                    f"{_called(preferred)}算，{_should(N, D, decimals, mode, f)}。",
                    "请核对比率和这两个数：可能是比率算错、写错，也可能是件数写错；口径不同的（如含上年结转），请在文中写明。",
                )

    def basis_unstated(self, unit, at, end, quote, name, said, num, dens, f, mode) -> None:
        """A catalogue rate whose own whole the sentence does not state and that fits none of
        the counts it does state: a reminder naming the basis to state (比率口径)."""
        N = Amount(num)
        if mode == "exact" and ((N.lo > 0 and f.value == 0) or (N.hi == 0 and f.value != 0)):
            # 败诉0件，败诉率4.0% / 败诉3件，败诉率为0%: none of any whole is 0%, and some never is,
            # whatever the base
            self.c.add(
                "比率核算",
                self.c.doc.where(unit, at, end),
                quote,
                unit.part,
                f"{name}写的是{said}，但{_called(num)}，无论以什么为基数，{name}都{'是' if N.hi == 0 else '不是'}0%。",
                "请核对比率和这个数。",
            )
            return
        if mode != "exact" or any(_no_base(Amount(g)) or _fits(f.value, f.decimals, N, Amount(g), mode) for g in dens):
            return
        # the reading offered is one a rate can have: never a whole smaller than the part
        whole = next((g for g in reversed(dens) if Amount(g).hi >= N.lo), None)
        basis = "、".join(dict.fromkeys(self.base_words(name)))
        reading = (
            f"按{_called(num)} ÷ {_called(whole)}算是{_pct(N, Amount(whole), f.decimals)}"
            if whole is not None
            else "按文中的数算不出这个比率"
        )
        self.c.add(
            "比率口径",
            self.c.doc.where(unit, at, end),
            quote,
            unit.part,
            f"{name}写的是{said}，{reading}；{name}通常以{basis}的件数为基数，文中没有写明。",
            f"请写明{name}的基数（如{self.base_words(name)[0]}多少件），并核对这个比率。",
        )

    def fraction(self, unit, text, f, end: int, said: str, mode: str, names, rule: str = "比率核算") -> bool:
        """A rate (or a share: ``rule``) with its own fraction in brackets after it (办结率7%
        （3/29）): checked against that fraction; True when it is wrong (said)."""
        m = FRACTION.match(text, end)
        if not m or int(m.group("whole")) == 0:
            return False
        part, whole = (FoundFigure("", int(m.group(g)), "", "", m.group(g), m.start(g)) for g in ("part", "whole"))
        N, D = Amount(part), Amount(whole)
        if _fits(f.value, f.decimals, N, D, mode):
            return False
        name, at = names[-1] if names else ("比率", f.start)
        self.c.add(
            rule,
            self.c.doc.where(unit, at, m.end()),
            text[at : m.end()],
            unit.part,
            f"{name}写的是{said}，但按括号中的{m.group('part')}/{m.group('whole')}算，{_should(N, D, f.decimals, mode, f)}。",
            "请核对比率和括号中的两个数。",
        )
        return True

    def all_said(self, unit, text, f, words: list[str], at: int, end: int, said: str, mode: str, name: str) -> bool:
        """受理936件，全部按期办结，按期办结率98.4%: “全部” is 100%, the rate says less — an error
        (True when said). Only in the rate's own sentence, of the rate's own words."""
        words = [w for w in words if len(w) >= 2]
        if mode != "exact" or f.value >= 100 or not words:
            return False
        # the sentence, as far back as a sentence goes (a text without stops is not read whole
        # for each rate: linear time)
        start = max(max(text.rfind(c, max(0, f.start - _SENTENCE_REACH), f.start) for c in "。；！？") + 1, f.start - _SENTENCE_REACH)
        if text[start - 1 : start] == "；" and not re.search(r"\d", text[start:at]):
            # 均已按期办结；办结率97.3%: a clause of the rate alone goes on from the one before
            start = max(max(text.rfind(c, max(0, start - 1 - _SENTENCE_REACH), start - 1) for c in "。；！？") + 1, start - _SENTENCE_REACH)
        on_time = any(_ON_TIME.match(w) for w in words)  # (无一超期 of an on-time rate: all on time)
        # 按期 and 按时 say the same (均已按期办复 of 按时办复率): the act after either
        words = [_ON_TIME.sub("(?:按期|按时|如期)", re.escape(w), count=1) if _ON_TIME.match(w) else re.escape(w) for w in words]
        # 审结, 办结 and 结案 close a case alike (按期审结率99.8%，均已按期办结)
        words = [_CLOSED.sub("(?:审结|办结|结案)", w) for w in words]
        done = "|".join(sorted(set(words), key=len, reverse=True))
        # (均已按期办结: all closed, on time too; so every rate of closing is 100%)
        claim = re.compile(
            rf"(?:全部|均已|全都|悉数|全数)(?:予以|依法|已)?(?:按期|按时|及时|限时|当场|当日)?(?:{done})(?![率的])"
            + (f"|{_NONE_LATE.pattern}" if on_time else "")
        )
        m = claim.search(text, start, at)
        if m is None:  # or said after the rate, in its sentence (结案率96.7%，均已按期办结)
            stop = min([len(text), end + _SENTENCE_REACH] + [i for c in "。；！？" if (i := text.find(c, end, end + _SENTENCE_REACH)) >= 0])
            m = claim.search(text, end, stop)
            start = end
        # (the rate's own words, and those of its part stated before it: 一般隐患整改280处，整改率…)
        own = name + "".join(_COUNT_NAMED.findall(text, max(0, at - _CLAIM_CLAUSE * 2), at)[-1:])
        if not m or _ALL_BUT.search(text, start, m.start()) or _of_a_part(text, m.start()) or _of_a_named_part(text, m.start(), own):
            return False  # 除5件正在审理外，其余59件全部审结: all of the rest (其中重大隐患11处全部整改, 重大隐患全部整改: of a part)
        whole = m.group()
        end = max(end, m.end())
        self.c.add(
            "比率核算",
            self.c.doc.where(unit, at, end),
            text[at:end],
            unit.part,
            f"{'前面' if m.start() < at else '后面'}写了“{whole}”，{name}就应是100%，这里写的是{said}。",
            f"请核对：若确是全部，比率写100%；若不是全部，请删去“{_claim_lead(whole)}”或写明未完成的件数。",
        )
        return True

    def all_counted(self, unit, text: str, a: int, b: int, figs: list[FoundFigure]) -> None:
        """“全部…”/“均已…” after a count of that act smaller than the count it is of (信访936件，
        按期办结921件，均已按期办结), or “无一…” after a count of that act that is not 0 (败诉2件，
        无一败诉): the sentence says against itself what the rate would. Only a count named by
        the very act the words say, in the same sentence, and nothing set apart (除…外, 其余)."""
        counts = [g for g in figs if g.kind == "count" and not rough(g) and not _DELTA.search(g.label)]
        for m in _ALL_DONE.finditer(text, a, b):
            before = [g for g in counts if g.start < m.start() and not self.is_last_year(text, g)]
            # (the count of that act: 审结146件; 已按法定程序完成决策6项 of 完成决策)
            part = next((g for g in reversed(before) if _counts_act(g, m.group("act"))), None)
            if part is None:
                # the count of that act right after the claim (均已整改到位，整改315处; 全部完成整改
                # （整改315处）), in its sentence
                part = next(
                    (
                        g
                        for g in counts
                        if _right_after(text, m, g)
                        and not re.search(r"[%％]|\d", text[m.end() : g.start - len(g.label)])
                        and not self.is_last_year(text, g)
                        and _counts_act(g, m.group("act"))
                        # (全部报备，…，按时报备35件: a narrower count, unless the claim says it too:
                        # 均已按期办结，按期办结921件; under 其中 only the claim's own act again)
                        and not any(q not in m.group() for q in _QUALIFIERS.findall(_DONE_LEAD.sub("", g.label)))
                        and ("其中" not in text[m.end() : g.start] or _DONE_LEAD.sub("", g.label) in (m.group("act"), _claimed_act(m)))
                    ),
                    None,
                )
            if part is None or _ALL_BUT.search(text, a, m.start()) or _of_a_part(text, m.start()):
                continue
            if _of_a_named_part(text, m.start(), part.label):
                continue  # 整改1842处，重大隐患全部整改到位: all of 重大隐患, not of what was 排查
            self.short_of_whole(
                unit,
                text,
                m,
                before,
                part,
                "并不是全部",
                f"请核对：若确是全部，两个数应当相同；若不是全部，请删去“{_claim_lead(m.group())}”或写明未完成的件数。",
            )
        for m in _NONE_LATE.finditer(text, a, b):  # 按期办结921件，无一超期: all on time, not so
            before = [g for g in counts if g.start < m.start() and not self.is_last_year(text, g)]
            part = next((g for g in reversed(before) if _ON_TIME.match(_DONE_LEAD.sub("", g.label))), None)
            if part is None or (m.group("act") and not part.label.endswith(m.group("act"))) or _of_a_part(text, m.start()):
                continue
            self.short_of_whole(
                unit,
                text,
                m,
                before,
                part,
                "并不是都按期",
                f"请核对：若确实没有超期的，两个数应当相同；若有，请删去“{m.group()}”或写明超期的件数。",
            )
        for m in _NONE_DONE.finditer(text, a, b):
            # the count of that act before the claim, or right after it in its sentence (无一败诉，
            # 败诉1件; 无一败诉，其中败诉1件)
            part = next(
                (
                    g
                    for g in counts
                    if (g.start < m.start() or _right_after(text, m, g))
                    and _DONE_LEAD.sub("", g.label).endswith(m.group("act"))
                    and g.value > 0
                ),
                None,
            )
            if part is None or self.is_last_year(text, part):
                continue
            start = part.start - len(part.label)
            self.c.add(
                "比率核算",
                self.c.doc.where(unit, start, m.end()),
                text[start : m.end()],
                unit.part,
                f"写了“{m.group()}”，但同一句写的是{_called(part)}。",
                "请核对：若确实没有，这个数应为0（或删去它）；若有，请删去“无一”“未发生”这样的说法。",
            )

    def short_of_whole(self, unit, text: str, m: re.Match, before: list[FoundFigure], part: FoundFigure, so: str, hint: str) -> None:
        """A claim of all (``m``) after ``part`` that is less than the count of its kind before
        it (its whole: the nearest that is not a part itself and not smaller than it, 受理 of
        收到申请8件，受理6件，审结6件，全部审结; 发现问题 of 抽查326户，发现问题48户，整改48户):
        比率核算, said at the claim (the phrase item that types it)."""
        whole = next(
            (
                g
                for g in reversed(before)
                if g.start < part.start
                and kin(g.unit) == kin(part.unit)
                and Amount(g).hi >= Amount(part).lo
                and not _PART_OF.search(text, max(0, g.start - len(g.label) - 24), g.start)
            ),
            None,
        )
        if whole is None or not Amount(part).hi < Amount(whole).lo:
            return
        start = whole.start - len(whole.label)
        self.c.add(
            "比率核算",
            self.c.doc.where(unit, m.start(), m.end()),
            text[start : m.end()],
            unit.part,
            f"写了“{m.group()}”，但{_called(part)}少于{_called(whole)}，{so}。",
            hint,
        )

    def form_claims(self, unit, text: str, a: int, b: int, figs: list[FoundFigure]) -> None:
        """What a template says of a group in words of its own, against the form's figures
        (only a form's report, whose figures drafter knows): a rate typed as it stands (按期办结率
        达到100% of 921 ÷ 936), 全部/均已… of a count the form gives less than its whole, 无一… of
        one it gives more than 0. The figures printed beside them are checked as data."""
        values = self.form_values()
        # a rate's name, or its numerator's with 率 (审结率 for 结案率, as templates may write it)
        names = {n for g in groups_by_name(self.c.doc.cat).values() for r, d in g.rates.items() for n in (r, d.numerator + "率")}
        rates = [
            f
            for f in figs
            if f.kind == "rate"
            and not f.approx
            and any(_RATE_VERB.sub("", f.label).endswith(r) for r in names)  # (a rate the form can give)
            and not self.form_gives(_RATE_VERB.sub("", f.label), f, values)
        ]
        if not rates and not any(p.search(text, a, b) for p in (_ALL_DONE, _NONE_DONE, _RATE_NONE, _NONE_LATE)):
            return  # (the usual sentence: its rates are the form's; mapped figures are costly)
        figs = [g for g in self.c.doc.figures(unit, mapped=True) if a <= g.start < b]
        by_name = groups_by_name(self.c.doc.cat)
        groups = (
            [g.maps_to.split(".", 1)[0] for g in figs if g.maps_to]
            or _group_by_values(figs, values, by_name)
            or [name for name in by_name if name in text[a:b]]  # 行政复议结案率达到100%: the group named
            # 受理151件，审结146件。全部审结。: a sentence of no figures goes on about the one before
            or (_group_by_values(self.sentence_before, values, by_name) if not figs else [])
        )
        nones = [(m.start(), m.end()) for m in _RATE_NONE.finditer(text, a, b)]
        for f in rates:  # (in digits or in words: 百分之百, 九成)
            if any(lo <= f.start < hi for lo, hi in nones):
                continue  # 纠错率为零: a rate of none, weighed below as such (said once)
            # the rate by its name in the sentence's own group (its counts name it: 按期办结率达到
            # 100% of 信访), else the one group with a rate of that name (纠错率), never one of
            # several the name suggests; and not when the form's figures of any group give it
            # (代表委员满意率 of 建议提案, not 热线's 满意率)
            said_as = _RATE_VERB.sub("", f.label)
            group = groups[0] if groups else _owner(said_as, by_name)
            if not group:
                continue
            name = next((r for r in by_name[group].rates if said_as.endswith(r)), "") or next(
                (r for r, d in by_name[group].rates.items() if said_as.endswith(d.numerator + "率")), ""
            )
            rate = by_name[group].rates.get(name) if name else None
            if rate is None or any(f"{group}.{n}" not in values for n in (rate.numerator, *rate.denominator)):
                continue
            unit_of = by_name[group].figures[rate.numerator].unit
            part = _form_figure(rate.numerator, values[f"{group}.{rate.numerator}"], unit_of)
            whole = _form_figure("＋".join(rate.denominator), sum(values[f"{group}.{d}"] for d in rate.denominator), unit_of)
            printed = {g.value for g in figs if g.kind == "count"}
            if part.value in printed and (whole.value in printed or all(values[f"{group}.{d}"] in printed for d in rate.denominator)):
                continue  # its counts printed in the sentence: checked over them
            if not whole.value:
                continue
            if self.c.doc.typed(text[f.start - len(f.label) : f.start + len(f.text)]):
                continue  # the clerk's own words in the form: checked over its own counts
            if not _fits(f.value, f.decimals, Amount(part), Amount(whole), "exact"):
                start = f.start - len(f.label)
                self.c.add(
                    "比率核算",
                    self.c.doc.where(unit, start, f.start + len(f.text)),
                    text[start : f.start + len(f.text)],
                    unit.part,
                    f"{name}写的是{_shown(f)}，但表单里的数是{_called(part)} ÷ {_called(whole)}，"
                    f"{_should(Amount(part), Amount(whole), f.decimals, 'exact', f)}。",
                    f"这个比率是写死在模板或句式表里的：请改成表单里的比率（如 {{{name}}}），或删去它。",
                )
        for m in _RATE_NONE.finditer(text, a, b):  # 纠错率为0, 败诉率为零: none of the part
            group = groups[0] if groups else _owner(m.group("name"), by_name)
            rate = next((r for n, r in by_name[group].rates.items() if m.group("name").endswith(n)), None) if group else None
            key = f"{group}.{rate.numerator}" if rate else ""
            if rate is None or not values.get(key) or self.c.doc.typed(m.group()):
                continue
            counted = by_name[group].figures[rate.numerator]
            self.c.add(
                "比率核算",
                self.c.doc.where(unit, m.start(), m.end()),
                m.group(),
                unit.part,
                f"写了“{m.group()}”，但表单里“{counted.name}”是{plain(values[key])}{counted.unit}，{rate.name}不是0。",
                f"这是写死在模板或句式表里的说法：请改成表单里的比率（如 {{{rate.name}}}），或删去它。",
            )
        for claims, none in ((_ALL_DONE, False), (_NONE_DONE, True), (_NONE_LATE, False)):
            for m in claims.finditer(text, a, b):
                act = m.group("act") or ""
                bare = act.removeprefix("按期").removeprefix("按时").removeprefix("被")  # (均已按期办结; 无一被纠错)
                if _IN_TIME.search(m.group()) and act == bare and any(_figure_of_act(g, "按期" + act, bare) for g in by_name.values()):
                    act = "按期" + act  # 均在法定期限内办结: on time, as 均已按期办结 says
                # the sentence's group, else the one group with a figure of that name (无一败诉);
                # 无一超期 is of the group's on-time figure (按期办结, 按时办复)
                if claims is _NONE_LATE:
                    named = [g for g in by_name.values() if _on_time_figure(g, act)]
                else:
                    named = [g for g in by_name.values() if _figure_of_act(g, act, bare)]
                # (only groups the form gives that figure: 全部审结 of the one group with a 审结)
                named = [g for g in named if any(k.startswith(f"{g.name}.") for k in values)] or named
                of = next((by_name[g] for g in groups if by_name[g] in named), named[0] if len(named) == 1 else None)
                if of is None:
                    continue
                fig = _on_time_figure(of, act) if claims is _NONE_LATE else _figure_of_act(of, act, bare)
                key = f"{of.name}.{fig.name}" if fig else ""
                if fig is None or key not in values or any(g.maps_to == key for g in figs) or self.c.doc.typed(m.group()):
                    continue  # a count of the act printed in the sentence (all_counted's), or the clerk's words
                # what “all” is of: the base of the group's rate of the act (审结 of 受理 for 结案率),
                # else the figures the catalogue bounds it by
                base = next((r.denominator for r in of.rates.values() if r.numerator == fig.name), fig.within)
                keys = [f"{of.name}.{w}" for w in base]
                total = sum(values[w] for w in keys) if keys and all(w in values for w in keys) else None
                wrong = values[key] > 0 if none else total is not None and values[key] < total
                if not wrong:
                    continue
                said = f"表单里“{fig.name}”是{plain(values[key])}{fig.unit}"
                if not none:
                    said += f"，“{'＋'.join(base)}”是{plain(total or 0)}{fig.unit}"
                self.c.add(
                    "比率核算",
                    self.c.doc.where(unit, m.start(), m.end()),
                    m.group(),
                    unit.part,
                    f"写了“{m.group()}”，但{said}。",
                    "这是写死在模板或句式表里的说法：请按表单里的数写，或删去这几个字。",
                )

    def form_gives(self, said_as: str, f: FoundFigure, values: dict[str, float]) -> bool:
        """Does the form's figures of some group give the rate ``f`` under a name ``said_as`` ends with?"""
        for g in groups_by_name(self.c.doc.cat).values():
            for r in g.rates.values():
                keys = [f"{g.name}.{n}" for n in (r.numerator, *r.denominator)]
                if not (said_as.endswith(r.name) or r.name.endswith(said_as)) or not all(
                    k in values for k in keys
                ):  # (整改率 of 隐患整改率)
                    continue
                total = sum(values[k] for k in keys[1:])
                part, whole = _form_figure("", values[keys[0]], ""), _form_figure("", total, "")
                if total and _fits(f.value, f.decimals, Amount(part), Amount(whole), "exact"):
                    return True
        return False

    def form_values(self) -> dict[str, float]:
        """The form's figures by catalogue key (行政复议.受理 → 151), each group's first (read
        once per document)."""
        if self._form_values is not None:
            return self._form_values
        out: dict[str, float] = {}
        data = self.c.doc.data or {}
        for entry in [*(data.get("成效") or []), data.get("第一责任人") or {}]:
            for group, figures in ((entry or {}).get("数据") or {}).items():
                for name, value in (figures or {}).items():
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        out.setdefault(f"{group}.{name}", value)
        self._form_values = out
        return out

    def truncated(self, unit, at, end, quote, name, said, num, den, N, D, f, mode) -> None:
        """A rate right only by truncation (756 ÷ 766 written 98.6%): rounding, the usual way,
        gives 98.7% — a reminder, not an error (both are read as right)."""
        if mode != "exact" or not self.c.on("比率截尾") or f.text.endswith("‰"):
            return
        value = rounded(N, D, f.decimals)
        if value is None or value == Decimal(plain(f.value)) or value >= 100 or value <= 0:
            return
        self.c.add(
            "比率截尾",
            self.c.doc.where(unit, at, end),
            quote,
            unit.part,
            f"{name}写的是{said}，是按{_called(num)} ÷ {_called(den)}截尾得出的；四舍五入应为{trim(value)}%。",
            f"比率一般四舍五入，写成{trim(value)}%；本地确实按截尾计算的，可以不改。",
        )

    @staticmethod
    def another_pair_fits(text, stem: str, heads: list[str], num: FoundFigure, pool, stated: float, decimals: int, mode: str) -> bool:
        """Does the rate fit another reading of its sentence: a count the rate's name may
        stand for (by its core word or as an abbreviation: 网办 of 网上可办) over any exact count
        before it of its unit — a sub-group's own whole (其中涉企案件20件，审结20件，结案率100%),
        the nearer of two pairs (…排查9起，成功调处9起，调处成功率100%)? Then the sentence
        can be read right, and nothing is said ("宁可漏报")."""
        shortened = _shortened(stem)
        seen = {id(g): g for g in pool}
        counts = sorted(seen.values(), key=lambda g: g.start)
        parts = [
            g
            for g in counts
            if g.unit
            and not rough(g)
            and (
                g is num
                or (any(h in g.label for h in heads) or shortened and shortened.search(g.label))
                and not _narrower(stem, g.label, heads)
                and not _NEGATED.search(_before_head(g.label, heads))
            )
        ]
        for part in parts:
            for whole in counts:
                if (
                    whole is part
                    or whole.start >= part.start
                    or whole.unit != part.unit
                    or rough(whole)
                    or _DELTA.search(whole.label)
                    or not whole.value
                    or (_graded(part.label) and _graded(whole.label))  # 优秀10卷，合格10卷: two grades
                    or _listed_on(text, whole, part, counts)  # 其中国产12批次、进口28批次，合格12批次
                    or _exclusive(part.label, whole.label)  # 其中维持50件、纠错10件: siblings, never part and whole
                    or text[whole.start + len(whole.text) : part.start - len(part.label)] == "、"  # (items of one list)
                ):
                    continue
                if _fits(stated, decimals, Amount(part), Amount(whole), mode):
                    return True
        return False

    def of_change(self, unit, text, f, at: int, end: int, name: str, said: str, mode: str, pool) -> None:
        """A rate of a change stated with its two values (审批时限由20个工作日压缩到5个工作日，
        压缩率75%): (20 − 5) ÷ 20. Nothing is said when the sentence does not state them so."""
        for a, b in zip(pool, pool[1:]):
            gap = text[a.start + len(a.text) : b.start]
            verb = _CHANGED_TO.fullmatch(gap)
            if (
                not verb
                or a.unit != b.unit
                or rough(a)
                or rough(b)
                or not a.value
                or not re.search(r"(?:由|从)(?:原来的|原|上年的|上年)?\s*$", text[max(0, a.start - 6) : a.start])
            ):
                continue
            down = bool(_FALLING.search(verb.group("verb")))
            if down != bool(_FALLING.search(name)):
                return  # 由20天压缩到5天，提速率…: which way the rate runs is not plain
            high, low = (a, b) if down else (b, a)
            change = high.value - low.value
            delta = FoundFigure("", change, a.unit, "", f"{plain(change)}{a.unit}", a.start)
            N, D = Amount(delta), Amount(a)
            if change < 0 or _fits(f.value, f.decimals, N, D, mode):
                return
            self.c.add(
                "比率核算",
                self.c.doc.where(unit, at, end),
                text[at:end],
                unit.part,
                f"{name}写的是{said}，但由{_shown(a)}到{_shown(b)}，按（{_shown(high)} − {_shown(low)}）÷ {_shown(a)}算，"
                f"{_should(N, D, f.decimals, mode, f)}。",
                "请核对比率和前后两个数。",
            )
            return

    @staticmethod
    def abbreviated(stem: str, pool) -> list[FoundFigure]:
        """The one count of ``pool`` whose name holds the characters of ``stem`` in order, at
        most two apart (网办 in 网上办件), when the rate's own words name none; none when
        another count shares its first word (网上办件、网上申报: which one is 网办 is a guess)."""
        pattern = _shortened(stem)
        if pattern is None:
            return []
        found = [g for g in pool if g.unit and pattern.search(g.label) and not _NEGATED.search(g.label)]
        near = [g for g in pool if g.unit and stem[0] in g.label]
        return found if len(found) == 1 and len(near) == 1 else []

    def listed_whole(self, text, whole: FoundFigure, num: FoundFigure | None, *pools) -> Amount | None:
        """The sum of the list joined by 、 that holds ``whole`` (建议112件、提案134件 → 246件),
        each item exact, of its unit and a count of this year, ``num`` not among them; None when
        it ends no such list. (With ``num`` None, the list a part ends: 优秀96卷、合格213卷.)"""
        pool = sorted({id(g): g for p in pools for g in p}.values(), key=lambda g: g.start)
        run = next((r for r in self.count_runs(text, pool) if any(g is whole for g in r)), None)
        if (
            run is None
            or len(run) < 2
            or num in run
            or any(
                g.unit != whole.unit or rough(g) or _DELTA.search(g.label) or _CARRIED.search(g.label) or self.is_last_year(text, g)
                for g in run
            )
        ):
            return None
        return summed(run)

    def graded_above(self, stem: str, num: FoundFigure, pool) -> Amount | None:
        """``num`` with the counts of the grades above it the sentence states (合格率's part may
        be 优秀 + 良好 + 合格), each exact, of ``num``'s unit and of this year; None when the
        rate is of no grade or no higher grade is stated."""
        rank = next((k for k, words in enumerate(_GRADES) if any(w in stem for w in words)), None)
        if rank is None or _NEGATED.search(stem) or not any(w in num.label for w in _GRADES[rank]):
            return None
        higher = [w for words in _GRADES[:rank] for w in words]
        above = [
            g
            for g in pool
            if g is not num
            and g.unit == num.unit
            and not rough(g)
            and not _DELTA.search(g.label)
            and not _NEGATED.search(g.label)
            and any(w in g.label for w in higher)
        ]
        return summed(sorted([*above, num], key=lambda g: g.start)) if above else None

    def catalogue_sum(self, name: str, num: FoundFigure, pool) -> Amount | None:
        """The whole of a rate the catalogue defines over a sum (办复率: 按时办复 ÷ (人大代表建议
        + 政协提案)) when the sentence states each of its parts, however joined (承办建议112件，
        政协委员提案134件，按时办复246件): their sum. None otherwise."""
        known = self.rates.get(name) or next((v for r, v in self.rates.items() if name.endswith(r)), None)
        if known is None or len(known[1]) < 2:
            return None
        parts: list[FoundFigure] = []
        for d in known[1]:
            words = [d, *self.sayings.get(d, []), d[-2:]]  # 政协委员提案 says 政协提案 by its last word
            g = next(
                (
                    g
                    for g in reversed(pool)
                    if g is not num and g.unit == num.unit and not rough(g) and g not in parts and any(w in g.label for w in words)
                ),
                None,
            )
            if g is None:
                return None
            parts.append(g)
        return summed(sorted(parts, key=lambda g: g.start))

    @staticmethod
    def carried(num: FoundFigure, *pools) -> FoundFigure | None:
        """The count of cases carried over from last year the sentence states beside a
        closure (上年结转12件; 审结162件（含上年结转12件）), exact and in the part's unit."""
        return next(
            (g for pool in pools for g in pool if g is not num and g.unit == num.unit and _CARRIED.search(g.label) and not rough(g)), None
        )

    def said_where(self, *counts: FoundFigure) -> str:
        """Where a message says the counts of a rate stand: 同一句中的 when in the rate's own
        clause, 前一分句中的 when all carried across a ；(审结146件；结案率76.7%), nothing when
        they stand on both sides of it."""
        carried = [g for g in counts if g.start < self.clause_start]
        return "同一句中的" if not carried else "前一分句中的" if len(carried) == len(counts) else ""

    def wholes(self, text, name, num, heads, pool, counts, any_after: bool = False) -> list[FoundFigure]:
        """The counts ``num`` may be a part of, nearest last: of its unit, exact, not of the
        rate's own kind, not a part itself (其中…), not a change (同比增加…) nor last year's.
        Those before the part first (受理64件，办结50件); else those after it (办结50件，
        受理64件，结案率…; 败诉率为0%（审结0件，败诉0件）) — by the base's words, or with
        ``any_after`` any whole after it (for a reminder of the basis only)."""
        stem = name[:-1]
        related = self.whole_words(name)

        def own_kind(g):
            """Named by the rate's core word (审结 beside 结案率): the rate's part, not its
            whole, unless it is the catalogue's base of the rate (报送备案 for 报备及时率), what
            was owed (应公示 for 公示率), or the rate is of a kind of it the count is not
            (调解结案率 is 以调解方式结案 ÷ 审结)."""
            if not any(h in g.label for h in heads) or _owed(g.label, heads, stem):
                return False
            if self.is_base(name, g, heads):
                return False
            if g is not num and _WHOLE_OF_NEXT.fullmatch(text, g.start + len(g.text), num.start - len(num.label)):
                return False  # 出庭应诉案件80件，其中负责人出庭40件: the count 其中 opens the parts of
            if g is not num and _TAKEN_IN.search(_before_head(g.label, heads)):
                return False  # 排查化解1546起 beside 成功化解1540起: what was taken up, the whole
            before_head = next((stem.split(h)[0] for h in heads if h in stem), "")
            # (仲裁案件按期结案率: its qualifier 按期, not the matter's words before it)
            qualifier = (_QUALIFIERS.findall(before_head) or [before_head])[-1]
            # (按期结案577件，审结598件 in the rate's own brackets: the unqualified count after it too)
            return not (len(qualifier) >= 2 and qualifier not in g.label and qualifier in num.label and (g.start < num.start or any_after))

        def whole(g):
            called = count_name(g)
            of_whole = _of_whole(text, g)  # 570件中调解成功317件, （816件）中, 286个行政村（社区）中，: a whole
            return (
                g is not num
                and g.unit in (num.unit, "")
                and not rough(g)
                and (called or of_whole)
                and not own_kind(g)
                and not _apart(num.label, g.label)
                and not _exclusive(num.label, g.label)  # 维持5件，纠错8件: siblings, never part and whole
                # 维持190件、纠错15件、驳回176件、调解和解53件: an item of the part's own list, never its
                # whole, unless it is the rate's base (受理151件、审结146件，结案率…)
                and not (_one_list(text, g, num, counts) and not self.states_base(name, g))
                and not self.never_its_whole(name, g)  # 纠错18件，审结146件，结案率…: a part of 审结
                and not (_graded(num.label) and _graded(g.label))  # 优秀42卷，不合格4卷: two grades, siblings
                and not (_NEGATED.search(g.label) and not _NEGATED.search(stem))  # 不予受理138件: the rest, never the whole
                # a part (其中…) is no whole, unless it is the rate's own base (其中依法受理151件 for 结案率)
                # (one after the part, 整改隐患4521处，其中重大隐患12处: a part of that part, never its whole)
                and (not _PART_OF.search(text, max(0, g.start - 24), g.start) or (self.states_base(name, g) and g.start < num.start))
                and not _DELTA.search(g.label)
                and not self.is_last_year(text, g)
                and not _CARRIED.search(g.label)
                and not re.search(r"上年|去年|上一年", g.label)
                # a count named only by the words after it (对42件规范性文件进行合法性审核)
                # is a whole when they name the rate's own whole: the catalogue's base or a
                # count bounded with it (评查 for 合格率), or for a rate the catalogue does not
                # know a word of its name; 报备率 is never over 合法性审核
                and (
                    not nameless(g)
                    or of_whole
                    or bool(bigrams(g.after) & set().union(*(bigrams(w) for w in (related if related is not None else [stem]))))
                )
            )

        before = [g for g in pool if g.start < num.start] or [g for g in counts if g.start < num.start]
        dens = [g for g in before if whole(g)]
        words = self.base_words(name)
        if words and not any(self.states_base(name, g) for g in dens):
            # the catalogue's base stated earlier in the sentence, before another rate (审结146件，
            # 结案率96.7%，…调解和解41件，调解和解率28.1%: over 审结)
            based = [g for g in counts if g.start < num.start and g not in dens and whole(g) and self.states_base(name, g)]
            dens = based[-1:] + dens
        # 受理复议151件，审结146件；诉讼58件，审结40件，结案率69%: a whole in the part's own
        # stretch after a ； is its own, before those of the stretch before
        stretch = max(text.rfind("；", 0, num.start), text.rfind(";", 0, num.start))
        if stretch >= 0 and any(g.start > stretch for g in dens):
            dens = [g for g in dens if g.start > stretch]
        words = self.base_words(name)
        if dens and words:
            # the catalogue's whole, when stated after the part, is the rate's, nearest: the
            # counts before the part are its siblings (维持128件、纠错18件，审结146件，纠错率…) or
            # another matter's (受理信访事项5347件；审结复议201件，受理复议247件，结案率…)
            after = [g for g in pool if g.start > num.start and whole(g) and self.states_base(name, g)]
            if after or not any(self.states_base(name, g) for g in dens):
                return dens + after[:1]
        if not dens:
            # A whole after its part only when it is the rate's own base by the catalogue
            # (受理 for 结案率): 办结建议120件、提案86件，办结率100% lists two wholes, not a
            # part and its whole.
            # A rate the catalogue defines may name its whole in other words of it (合格108件，评查
            # 行政执法案卷120件: 评查 of 评查案卷; 排查隐患 bounds 整改 for 整改率).
            # A rate it knows nothing of (化解率) is of what was taken up (化解86件，受理119件).
            words = self.base_words(name) or self.paired_words(heads) or _TAKEN_IN_WORDS
            dens = [
                g
                for g in pool
                if g.start > num.start
                and whole(g)
                and (
                    any_after
                    or any(w in g.label for w in words)
                    or (name in self.rates and self.states_base(name, g))
                    or _owed(g.label, heads, stem)  # 实际报备24件，应报备26件: what was owed is the whole
                )
            ][:1]
        return dens

    def never_its_whole(self, name: str, g: FoundFigure) -> bool:
        """Does the catalogue say the count ``g`` is never the whole of the rate ``name``'s part:
        a part of that part (纠错 of 审结 for 结案率), a sibling of it, or a count the part is
        never in (受理前化解 beside 审结)? ``g`` is named by its longest figure name or saying in a group that
        defines the rate; a count named by none is not judged here."""
        for group, r, words in self.rate_figures(name):
            fig = max(((w, n) for w, n in words if w in g.label), key=lambda x: len(x[0]), default=("", ""))[1]
            if not fig or fig == r.numerator or fig in r.denominator or fig in wholes_of(group, r.numerator):
                continue
            if r.numerator in wholes_of(group, fig) or not_a_part(group, fig, r.numerator)[0] in ("outside", "siblings"):
                return True
        return False

    def rate_figures(self, name: str) -> list:
        """Each group defining the rate ``name``: (the group, the rate, its figures' names and
        sayings as (word, figure) pairs); found once per rate."""
        if name not in self._rate_figures:
            self._rate_figures[name] = [
                (group, group.rates[name], [(w, n) for n in group.figures for w in {n, *self.sayings.get(n, ())}])
                for theme in self.c.doc.cat.themes.values()
                for group in theme.groups.values()
                if name in group.rates
            ]
        return self._rate_figures[name]

    def whole_words(self, name: str) -> list[str] | None:
        """The words that may name the whole of the catalogue's rate ``name``, in any group
        that defines it: its base and the figures the catalogue bounds with the base (受理 ≤
        收到申请), by name and by their sayings; None for a rate the catalogue does not know."""
        if name not in self._whole_words:
            out: list[str] | None = None
            for theme in self.c.doc.cat.themes.values():
                for group in theme.groups.values():
                    r = group.rates.get(name)
                    if r is None:
                        continue
                    out = out or []
                    for d in r.denominator:
                        for n in [d, *sorted(self.bounded_by.get(d, ()))]:
                            out += [w for w in [n, *self.sayings.get(n, [])] if w not in out]
            self._whole_words[name] = out
        return self._whole_words[name]

    def paired_words(self, heads: list[str]) -> list[str]:
        """The words of the whole the catalogue pairs with a part named by ``heads``, for a rate
        the catalogue does not define by that name: 办结率 is named after 办结, which the
        catalogue says as 审结, the numerator of 结案率 over 受理; so 受理/新收/收案 is its
        whole (办结50件，受理64件，办结率…). A numerator matches by its name or its sayings
        equal to a head word, not by containing it (按时办结 is not 办结)."""
        out: list[str] = []
        for numerator, denominators in self.rates.values():
            if numerator in heads or set(self.sayings.get(numerator, ())) & set(heads):
                for d in denominators:
                    out += [w for w in self.sayings.get(d, [d]) if w not in out]
        return out

    def is_base(self, name: str, count: FoundFigure, heads: list[str]) -> bool:
        """Is ``count``, found by the rate's core word, the rate's base by the catalogue and
        not its part: 报送备案1件 beside 报备及时率 is the 备案 that 按时备案 is counted over
        (the part, 按时备案, is not stated). So when the core words its name has are all
        words of the base, and it has none of the part's own (以调解、和解方式结案 has 结案, a
        word of 调解和解率's base, but it is named by 和解, the part's word)."""
        known = self.rates.get(name)
        base = self.base_words(name)
        named_by = [h for h in heads if h in count.label]
        if not known or not named_by or not all(any(h in w or w in h for w in base) for h in named_by):
            return False
        part = set(self.sayings.get(known[0], [])) | {known[0]}
        return not any(w in count.label for w in part)

    def heading_whole(self, unit, at: int, end: int, quote: str, name: str, said: str, num: FoundFigure, f, mode: str, pool) -> None:
        """A rate whose whole is stated only in the heading right above its sentence ((一)行政复议
        受理151件 / 审结146件，结案率96.7%): worked out over that count, when the heading states one
        count named by the rate's base and the sentence no other count of the part's kind. A
        rate the catalogue does not define (受理率) is over what it pairs with or was taken in
        (收到申请)."""
        words = self.base_words(name) or [w for w in (self.paired_words(self.heads(name[:-1])) or _TAKEN_IN_WORDS) if w not in name]
        wholes = [
            g
            for g in self.heading_counts
            if kin(g.unit) == kin(num.unit) and not g.approx and not _DELTA.search(g.label) and any(w in g.label for w in words)
        ]
        others = [g for g in pool if g is not num and g.kind == "count" and kin(g.unit) == kin(num.unit)]
        if len(wholes) != 1 or others or rough(num) or mode != "exact":
            return
        N, D = Amount(num), Amount(wholes[0])
        if _no_base(D) or _fits(f.value, f.decimals, N, D, mode) or N.lo > D.hi:
            return  # (a part larger than the heading's count: of another whole, not said)
        self.c.add(
            "比率核算",
            self.c.doc.where(unit, at, end),
            quote,
            unit.part,
            f"{name}写的是{said}，但按{_called(num)} ÷ 上面标题里的{_called(wholes[0])}算，{_should(N, D, f.decimals, mode, f)}。",
            "请核对比率和这两个数：可能是比率算错、写错，也可能是件数写错；口径不同的（如含上年结转），请在文中写明。",
        )

    def numerator_words(self, name: str) -> list[str]:
        """The words that name the catalogue's part of the rate ``name`` (none if unknown)."""
        known = self.rates.get(name)
        return [known[0], *self.sayings.get(known[0], ())] if known else []

    def base_words(self, name: str) -> list[str]:
        """The words that name the catalogue's base of the rate ``name`` (none if unknown)."""
        known = self.rates.get(name)
        return [w for d in known[1] for w in self.sayings.get(d, [d])] if known else []

    def of_its_group(self, name: str, text: str) -> bool:
        """Does ``text`` speak of the matter the catalogue defines the rate ``name`` for (a word
        of its group, or of its base: 热线, 诉求 for 按时办结率)? Else the rate is of the
        sentence's own counts (全年办理行政许可事项1848件，按时办结1816件，按时办结率…)."""
        return any(w in text for w in (*rate_groups(self.c.doc.cat).get(name, ()), *self.base_words(name)))

    def states_base(self, name: str, g: FoundFigure) -> bool:
        """May ``g`` be the catalogue's whole of the rate ``name``: unnamed (570件中), or named,
        before or after it, with a word sharing two characters with the base or one of its
        sayings (排查风险隐患 for 排查隐患; 对64件案件进行评查 for 评查案卷). 依法受理 is not
        审结, nor 一审行政诉讼案件."""
        if re.match(r"(?:当|之)?中", g.after) or not (g.label or "").strip() and not g.after:
            return True
        if _owed(g.label or "", self.heads(name[:-1]), name[:-1]):
            return True  # 应报备20件: what was owed is the whole of 报备率 by its meaning
        if _BY_MEANS.search(g.label or ""):
            return False  # 以调解、和解方式结案: a kind of closure, a part of 审结, never its whole
        grams = bigrams(g.label) | bigrams(g.after[:12])
        return any(bigrams(w) & grams for w in self.base_words(name) + self.kin_words(name))

    def kin_words(self, name: str) -> list[str]:
        """The words of the figures the catalogue bounds a part of the rate's own kind with:
        排查隐患 (≥ 整改隐患) for 整改率, 受理诉求 (≥ 回访满意) for 满意率; a rate of a name the
        catalogue uses in more than one group may be over any of their wholes."""
        stem = name[:-1]
        wholes = {d for _, dens in self.rates.values() for d in dens}  # 纠错 is bounded with 调解和解, not a whole
        out: list[str] = []
        for fig, bounded in self.bounded_by.items():
            if fig in wholes and any(stem in b for b in bounded):
                out += [w for w in [fig, *self.sayings.get(fig, [])] if w not in out]
        return out

    def base_only(self, unit, at: int, f: FoundFigure, quote: str, name: str, pool) -> None:
        """A rate whose part the sentence does not state, over a base it states as none
        (审结数为0，败诉率0%): the base is the catalogue's, by name, or nothing is said."""
        words = self.base_words(name)
        base = next((g for g in reversed(pool) if any(w in g.label for w in words) and not rough(g)), None)
        known = self.rates.get(name)
        if base is not None and known is not None and len(known[1]) > 1:
            # a base of several counts (办复率: 建议 + 提案): none only when all of them are none
            # (人大代表建议12件、政协提案0件，均已按期办复，办复率100%)
            if any(any(w in g.label for w in words) and not _no_base(Amount(g)) for g in pool if g.kind == "count"):
                return
        if base is not None and _no_base(Amount(base)):
            self.no_base(unit, at, f, quote, name, None, base)

    def no_base(self, unit, at: int, f: FoundFigure, quote: str, name: str, num: FoundFigure | None, base: FoundFigure) -> None:
        """A rate stated over a whole of none: said as a rate that cannot be computed."""
        part = f"（{_called(num)}）" if num is not None else ""
        self.c.add(
            "比率无从计算",
            (unit, at, f.start + len(f.text)),
            quote,
            unit.part,
            f"{name}写的是{_shown(f)}，但它的基数{_called(base)}{part}：基数为0，比率无从计算。",
            "基数为0时不要写比率，可以直接写明件数（如“未发生……”），或删去这个比率。",
        )

    def preferred(self, name: str, dens: list[FoundFigure]) -> FoundFigure:
        """The base the rate is defined over: the catalogue's, by name, where it knows the
        rate and the sentence states it; otherwise the nearest whole before the part."""
        known = self.rates.get(name)
        if known:
            words = []
            for d in known[1]:
                words += self.sayings.get(d, [d])
            named = [g for g in dens if any(w in g.label for w in words)]
            if named:
                return named[-1]
        return dens[-1]
