"""Parts and wholes: a list of parts (其中…, or in brackets right after its total) is summed
while its items are parallel: no part, nor the sum of parallel parts, may exceed the total.
A part written without 其中 may not exceed the whole the catalogue bounds it by (败诉 ≤ 审结),
and a list before 共/合计 adds up to it."""

from __future__ import annotations

import bisect
import copy
import os
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from drafter.check.counts import (
    _DELTA,
    _INCLUDED,
    _LABEL_VERBS,
    NEAR_COUNTS,
    Amount,
    ArithmeticState,
    _called,
    _exclusive,
    _item_name,
    _outcome,
    _part_called,
    _short,
    _shown,
    _words_of,
    added,
    rough,
    sentences,
    summed,
)
from drafter.files.patterns import lazy_re
from drafter.model.catalogue import groups_by_name, not_a_part
from drafter.model.numbers import YUAN_IN
from drafter.model.numberwords import plain
from drafter.reading.figure_finder import MONEY, FoundFigure, bigrams, in_unit, map_to_catalogue, nameless

_HEADING_PARTS = lazy_re(r"\s*(其中)[，,：:]?")  # a paragraph opening with 其中: the parts of its heading's count
_SPELLED_ITEMS = 12  # items a message spells out one by one (60件＋50件); a longer list is summed
_TOTAL_HEAD = lazy_re(
    r"[，,；;]\s*(?:[一二三四五六七八九十]{1,3}是)?(?:以上|上述|[以上述这]?[一二两三四五六七八九十]{1,2}项)?"
    r"(共计|合计|总计|累计|共)[^，。；、\d]{0,8}$"
)  # (，三项合计2880件; ，以上合计…: the items before, summed)
# A list of parts goes on across 、; across ，/； only while its items are parallel (_parallel).
_LIST_GAP = lazy_re(r"[、，；]")


def _other_things(part: str, part_words, whole: str, whole_words) -> bool:
    """Do a part and its whole by the catalogue name different things besides the acts the
    catalogue pairs (清理规章 and 废止规范性文件: 规章, 规范性文件)? Only when both name one."""

    def rest(label: str, words) -> set[str]:
        for w in sorted(words, key=len, reverse=True):
            label = label.replace(w, "|")
        return _nouns(label) - _SHARED_WORDS

    mine, theirs = rest(part, part_words), rest(whole, whole_words)
    return bool(mine) and bool(theirs) and not mine & theirs


# Words many different things share (行政复议案件, 行政诉讼案件): never what tells two apart.
_SHARED_WORDS = {"行政", "案件", "案卷", "文件", "事项", "工作", "一审", "二审", "全县", "全市", "全区", "全镇", "各类"}


# Acts that take cases in, one for another (办理食品经营许可1548件，其中窗口受理…)
_INTAKE = {"收到": "受理", "办理": "受理"}


def _acts(label: str) -> set[str]:
    """The acts a count's name says were done (受理, 办结…), those taking cases in as one."""
    return {_INTAKE.get(a, a) for a in _LABEL_VERBS.findall(label)}


def _nouns(label: str) -> set[str]:
    """The pairs of characters of a count's name left when the acts done on it go (受理信访事项
    → 信访, 访事, 事项; 按期办结 → none): what it counts, to tell whose part a 其中 item is."""
    label = label.replace("来信来访", "信访")  # the long form of 信访: 受理群众来信来访…，其中网上信访…
    rest = _LABEL_VERBS.sub("|", re.sub(r"其中|全年|本年|今年|共计|累计|依法|按期|按时|成功|[^\u4e00-\u9fff]", "|", label))
    return {w for w in bigrams(rest) if "|" not in w}


_NOT_A_PART = lazy_re(r"\d|率|上年|去年|上一年|同期|同比|环比")
# Words that open a new subject, not another part (同比, 上年, 此外, 累计…); those _LEADING
# drops from a label (全年, 共, 已…) stay between the items and end the list by themselves.
_MOVES_ON = lazy_re(
    r"^(?:同比|较上年|比上年|上年|去年|上一年|同期|本年|今年|当年|此外|另外|另|还|又|再|涉及|新增|"
    r"累计|总计|合计|均|全部|所有|其余|剩余|其他|以上|上述)"
)
# What is done to the cases: a part doing what the first part does not (审结, 办结, 发布,
# 满意…) is a stage or a quality of the same cases, or another subject.
_ACTS = lazy_re(
    _LABEL_VERBS.pattern[3:-1] + r"|发布|回应|举办|召开|开通|培训|新增|完成|实现|达到|满意|回访|"
    r"解决|反馈|公开|审批|移送|立案|结转|退回|驳回|撤回|终止|纠错|败诉|胜诉"
)

# Steps of a procedure the same cases go through, one after another or side by side (经合法性
# 审核、经集体讨论; 公开听证、专家论证): items doing different ones overlap.
_STEPS = lazy_re(r"^经|听证|论证|讨论|调查|征求|评估|公示|审议|会签|备案|专家咨询|鉴定|勘验")  # 咨询(类) alone: a kind of request

# Units of people, whose listed qualities overlap (女性30人、党员80人), and words naming a
# quality of cases rather than a kind (重大、疑难、涉企、按时): such items are summed only
# when their names share a word.
_PEOPLE = ("人", "名", "人次", "位")
_QUALITY = lazy_re(
    r"重大(?!行政决策|决策)|疑难|复杂|典型|重点|新型|首次|涉|按时|按期|超期|逾期|及时|满意|当场|当日|即时|线上|线下|网上|"
    r"现场|集中|专项|联合|跨"
)


# Outcomes that are decisions, and cases closed without one (by mediation or settlement).
_DECISION = lazy_re(r"纠错|维持|驳回|撤销|变更|确认违法|责令履行")
# (or named by both ways alone: 调解和解41件, 调解、和解41件)
_SETTLED = lazy_re(r"(?:调解|和解)[^，。；\d]{0,6}(?:结案|审结|办结|终结)|(?:调解[、和或]?和解|和解[、和或]?调解)(?:方式)?$")

# A total of review cases decided, whose outcomes may follow it without 其中 (审结146件，维持…)
_DECIDED = lazy_re(r"审结|结案|办结|作出[^，。；]{0,6}决定")


def _parallel(first: FoundFigure, g: FoundFigure) -> bool:
    """May ``g`` be another part in a list whose first part is ``first`` (其中行政处罚60件，
    行政许可50件)? Its name is of the same kind (the same last character, or a word in
    common: 男性/女性, 行政处罚/行政许可), opens with no new subject (同比, 上年, 此外…) the
    first does not open with, and does nothing the first does not (其中行政处罚案件60件，审结
    案件50件: 审结 is a stage of the same cases). 宁可漏报: when in doubt the list ends."""
    name, head = _item_name(g), _item_name(first)
    if not name or not head or nameless(g) or _NOT_A_PART.search(name) or _DELTA.search(name):
        return False
    opens = _MOVES_ON.match(name)
    if opens and not head.startswith(opens.group(0)):
        return False
    if _exclusive(head, name):
        return True
    if not set(_ACTS.findall(name)) <= set(_ACTS.findall(head)):
        return False
    return name[-1] == head[-1] or bool(bigrams(name) & bigrams(head))


# Ways one case is handled, one or the other (网上办理、现场办理): parts that add up.
_CHANNELS = (("网上", "线上", "掌上"), ("现场", "线下", "窗口"))
_TIMELINESS = (("按时", "按期", "及时", "限时"), ("超期", "逾期"))


def _channels(labels: list[str]) -> bool:
    """Is each item one of two ways a case goes, none named twice (网上办理、现场办理; 按时办结、
    超期办结)?"""
    return any(_one_each(labels, family) for family in (_CHANNELS, _TIMELINESS))


# The ways a petition comes in (来信、来访、来电、网上信访): each item one way, named once, and
# nothing else in its name — a name may hold another's (来访, 电话来访) and still add up.
_PETITION_WAY = lazy_re(
    r"(?:群众|信访人)?(?P<way>来信|书信|信件|来访|走访|来电|电话来访|电话|网上信访|网上|网络|网信|领导信箱|信箱|手机)"
    r"(?:信访|反映|投诉)?(?:事项|案件|问题|件)?"
)
_WAY_KIND = {"书信": "来信", "信件": "来信", "走访": "来访", "电话来访": "来电", "电话": "来电"}


_RECEIVED = lazy_re(r"受理|收到|接收|接到|登记|来信来访|信访(?:事项|件)?$")  # petitions as they came in


def _petition_ways(labels: list[str]) -> bool:
    """Is each item one way a petition came in, none twice (来访、电话来访、网上信访)?"""
    ways = []
    for label in labels:
        m = _PETITION_WAY.fullmatch(label)
        if m is None:
            return False
        way = m.group("way")
        ways.append(_WAY_KIND.get(way, "网上" if way not in ("来信", "来访", "来电") else way))
    return len(labels) > 1 and len(set(ways)) == len(ways)


# Ways one case is closed, one or the other (调解结案、判决结案; 通过调解化解、通过诉讼化解;
# 以决定方式结案; 终止审理), and what the closing is called after the way.
_WAYS_CLOSED = lazy_re(r"调解|和解|判决|裁决|仲裁|诉讼|撤诉|撤回申请|撤回|决定|终止|复议|信访")
_CLOSING = lazy_re(r"(?:以|通过|经)?(?:方式)?(?:结案|审结|办结|化解|追回|解决|审理|处理)")
# A sentence opening with the sum of the sentences before it (以上合计1300起, 合计1300起)
_SENTENCES_TOTAL = lazy_re(r"\s*(?:以上|上述)?(?:各项|几项|[一二两三四五六七八九十]项)?(合计|共计|总计)(?:为|达)?")
# Cases closed (审结劳动人事争议案件): each closed one way (taken up, 受理, a case may be
# mediated and then go to arbitration: not summed)
_CASES_CLOSED = lazy_re(r"审结|结案|办结")


def _ways_closed(labels: list[str], whole: str = "") -> bool:
    """Does each item name one way of closing, none twice, and nothing but how it closed
    (调解结案、判决结案; 调解追回、仲裁追回; 以调解方式结案、以决定方式结案; 终止审理; the way alone,
    调解、裁决、撤诉, of cases the ``whole`` says were closed)? Each case closes one way, so
    they add up."""
    bare = bool(_CASES_CLOSED.search(whole))
    ways = []
    for label in labels:
        found = _WAYS_CLOSED.findall(label)
        rest = _WAYS_CLOSED.sub("", label, count=1).replace("方式", "")
        if len(found) != 1 or not (_CLOSING.fullmatch(rest) or (bare and not rest)):
            return False
        ways.append(found[0])
    return len(set(ways)) == len(ways)


_NOT = lazy_re(r"^(?:未|不予|不|没有|尚未|非)")  # (住宅、非住宅 too)


# Kinds of administrative act a case for review or in court is brought against (其中涉及行政处罚
# 30件、行政强制27件、信息公开12件): each case is filed under one, so the kinds add up.
_CASE_KIND = lazy_re(
    r"(?:涉及|涉)?(?:(?:行政)?(?:处罚|强制|许可|征收|征用|确认|给付|裁决|奖励|协议|赔偿|不作为|检查)|"
    r"(?:政府)?信息公开|(?:不动产|工伤|房屋|土地)(?:登记|认定|征收|征用|补偿)|举报投诉|征地拆迁|其他|其余)"
    r"类?(?:行政)?(?:案件|事项|纠纷)?"
)
_UNDER_REVIEW = lazy_re(r"复议|诉讼|应诉|一审|二审")


def _case_kinds(labels: list[str], whole: str) -> bool:
    """Are the items, of cases for review or in court (``whole``: 受理行政复议案件), kinds of
    administrative act a case is brought against, each named plainly (行政处罚、行政强制、政府
    信息公开类案件), at least two of them not 其他? (Not of 执法案件: a 处罚 case may hold a
    强制 measure too.)"""
    named = [x for x in labels if not x.startswith(("其他", "其余"))]
    return bool(len(named) >= 2 and _UNDER_REVIEW.search(whole) and all(_CASE_KIND.fullmatch(x) for x in labels))


def _gap(text: str, end: int, g: FoundFigure) -> str:
    """The text from ``end`` to the name of the count ``g``, or to ``g`` itself when its name
    was given by position and does not stand before it (维持、纠错分别为138件、18件)."""
    named_at = g.start - len(g.label)
    return text[end : named_at if named_at >= end and text[named_at : g.start] == g.label else g.start]


# Between a total and the first of its parts: a comma, or names given by position (审结146件，
# 维持、纠错分别为138件、18件)
_AFTER_TOTAL = lazy_re(r"\s*[，,]\s*(?:(?!其中)[^，。；\d]+分别(?:为|是)?[：:]?\s*)?")


def _yes_and_no(labels: list[str]) -> bool:
    """Two items, one what the other is not (采纳、未采纳; 已采纳、不予采纳; 调解成功、调解未成功):
    they add up."""
    if len(labels) != 2:
        return False
    a, b = (re.sub(r"^已", "", x) for x in labels)
    # the words both begin with go first (调解成功、调解未成功: 成功、未成功)
    same = len(os.path.commonprefix([a, b]))
    a, b = re.sub(r"^已", "", a[same:]), re.sub(r"^已", "", b[same:])
    # (调解成功、未成功: a kind of what the other is not, so never the same case either)
    return any(
        _NOT.match(n) is not None and y and (_NOT.sub("", n) == y or (len(_NOT.sub("", n)) >= 2 and y.endswith(_NOT.sub("", n))))
        for n, y in ((a, b), (b, a))
    )


def _one_each(labels: list[str], family) -> bool:
    seen = []
    for label in labels:
        kinds = [k for k, words in enumerate(family) if any(w in label for w in words)]
        if len(kinds) != 1 or kinds[0] in seen or _QUALITY.search(re.sub("|".join(sum(family, ())), "", label)):
            return False
        seen.append(kinds[0])
    return True


# After a ；, the whole named again before its parts (审结283件；审结案件中，其中维持…): 审结的案件中
_WHOLE_AGAIN = lazy_re(r"；\s*(?:在)?(?P<name>[^，。；\d]{2,12}?)(?:当中|之中|中)[，,：:]?\s*$")


def _names_whole_again(between: str, label: str) -> bool:
    """Does ``between`` (the text from a total to 其中) end with a ；and words naming the total
    again by its own first word (审结283件；审结案件中，) — never another whole (审结50件；新收的
    案件中，)?"""
    m = _WHOLE_AGAIN.search(between)
    return m is not None and len(label) >= 2 and label[:2] in m.group("name")


_RATE_CLAUSE = lazy_re(r"[，,；;][^，,；;。\d]{0,16}\d+(?:\.\d+)?\s*[%％](?:[^，,；;。\d]{0,8}\d+(?:\.\d+)?个百分点)?")


def _only_rates(gap: str) -> bool:
    """Does ``gap`` (between a list's last item and its 合计) hold nothing but rates and their
    changes (，出庭应诉率100%; ，同比增长20%)? 合计 still sums the list before them."""
    return not gap or not _RATE_CLAUSE.sub("", gap)


# Between two items of a list: the separator, then the start of the next item's name where it
# lists words with 、 (，以调解、|和解方式结案41件: the name's figure label starts after the 、).
# Between a whole and a part of it: its noun, then 中 (200个村（社区）中有246个): among them
_AMONG = lazy_re(r"[^，,。；;、\d%％]{0,16}?(?:当中|之中|中)(?:有|共有|共)?")
_NAME_LISTS = lazy_re(r"[，,；;](?:[^，,；;。、\d%％]{1,10}、){1,6}")
_MAP_REACH = 80  # characters before a 其中's whole read to name the two figures (figure_finder reads 80 back)
_RUN_REACH = 50  # items a 合计 is read back over when its last item is in another unit
_SHORTER_RUNS = 3  # runs one to three items shorter than a 其中 list tried when it cannot be summed whole
# The number of an item of a list numbered 一是、二是 (；二是调解和解41件), after its separator
_NUMBERED_ITEM = lazy_re(r"[、，,；;]\s*[一二三四五六七八九十]{1,3}是")
_NUMBERED_END = lazy_re(r"[一二三四五六七八九十]{1,3}是\s*$")
# An item's name opening with a quoted name (、“双随机、一公开”抽查22次): the quote is its name's
_QUOTED_NAME = lazy_re(r"([、，,；;])\s*[“\"‘'《「『][^”\"’'》」』。；\d%％]{1,24}[”\"’'》」』]")


def _name_start(text: str, f: FoundFigure) -> int:
    """Where ``f``'s name stands before it; its own start when its name was given from a list
    before 分别为 (…分别为112件、134件: 134件 is named 政协提案, which stands elsewhere)."""
    at = f.start - len(f.label)
    return at if at >= 0 and text[at : f.start] == f.label else f.start


def _a_tail_adds_up(listed: list[FoundFigure], total: FoundFigure) -> bool:
    """May the last two or more of ``listed`` add up to ``total`` (ranges for rounded figures)?
    Summed from the end once, so a long list costs in proportion to its length."""
    T = Amount(total)
    lo = hi = 0.0
    for n, g in enumerate(reversed(listed), 1):
        a = Amount(g)
        lo, hi = added((lo, a.lo)), added((hi, a.hi))
        if n >= 2 and lo <= T.hi and hi >= T.lo:
            return True
    return False


class BreakdownChecks(ArithmeticState):
    """Parts against their whole: 其中 lists, parts in brackets, a part and its whole, 共/合计."""

    def breakdowns(self, unit, text, a, b, figs) -> None:
        """The lists of parts of a total in ``text[a:b]`` (one sentence, or clauses a ；
        joins): after 其中 (受理100件，其中行政处罚60件、行政许可50件; 其中：…) and in brackets
        right after the total (办理案件100件（行政处罚60件、行政许可50件）)."""
        if not self.breakdown_on:
            return
        counts = [g for g in figs if g.kind == "count"]
        if len(counts) < 2:
            return
        if "其中" in text[a:b]:
            self.breakdown(unit, text, a, b, counts)
        self.outcomes(unit, text, counts)
        if "（" in text[a:b]:
            self.bracketed(unit, text, b, counts)

    def breakdown(self, unit, text, a, b, counts) -> None:
        """Each 其中 of ``text[a:b]``: the count before it (across a ；only right before it)
        is the total, the list from the count after it its parts."""
        starts = [g.start for g in counts]
        for m in re.finditer("其中", text[a:b]):
            at = a + m.start()
            k = bisect.bisect_left(starts, at)
            if k == 0 or k == len(counts):
                continue
            first, t = counts[k], k - 1
            # the whole is a count of this year: not a change beside it (同比增加20件) nor last
            # year's figure (上年为80件) stated between it and 其中, nor a sum of money said of
            # the cases (查处案件68件，罚没款512.36万元。其中大气污染类22件…: of the 68)
            while t > max(0, k - NEAR_COUNTS) and (
                _DELTA.search(counts[t].label)
                or self.is_last_year(text, counts[t])
                or (counts[t].unit in YUAN_IN and first.unit not in YUAN_IN)
            ):
                t -= 1
            total = counts[t]
            if _DELTA.search(total.label) or self.is_last_year(text, total):
                continue
            between = _NUMBERED_END.sub("", text[total.start + len(total.text) : at])  # ；二是其中…: after the ；
            if "；" in between and not between.endswith("；") and not _names_whole_again(between, total.label):
                continue  # a total across a ；only right before it (受理100件；其中…), or named again there
            lead = text[at + 2 : first.start]  # 其中行政处罚, 其中：行政处罚, 其中，行政处罚
            if first.unit != total.unit or re.search(r"[，；。]", lead.lstrip("，：:")):
                continue
            if "分别" in lead and not re.search(r"[、和及与]", lead.split("分别")[0]):
                # 分别为3156件、2300件，其中网上办理分别为…: parts of several wholes, by position
                # (其中维持、纠错分别为138件、18件: parts of one, each named)
                continue
            if _outcome(first.label) and self.not_of_settled(unit, text, total, first, at):
                continue
            if self.outside_its_whole(unit, text, total, first, at):
                continue
            if _outcome(first.label):
                # 受理151件、审结146件，其中维持…; 审结112件，受理130件，结案率…，其中维持…: how
                # cases ended is of the cases decided, the nearest such count of the clause
                decided = next(
                    (
                        counts[i]
                        for i in range(t, max(-1, t - NEAR_COUNTS), -1)
                        if _DECIDED.search(counts[i].label)
                        and counts[i].unit == first.unit
                        and not _outcome(counts[i].label)
                        and not _DELTA.search(counts[i].label)
                        and not self.is_last_year(text, counts[i])
                        and "。" not in text[counts[i].start : at]
                    ),
                    None,
                )
                if decided is not None:
                    rest = (counts[i] for i in range(k + 1, len(counts)))
                    self.judge(unit, text, decided, self.listed(text, first, rest, decided.unit, b), "“其中”")
                    continue
            named = self.named_whole(text, counts, t, first)
            if named is not None:  # 受理信访事项936件，按期办结600件，其中网上信访事项700件
                rest = (counts[i] for i in range(k + 1, len(counts)))
                self.judge(unit, text, named, self.listed(text, first, rest, named.unit, b), "“其中”")
                continue
            rest = (counts[i] for i in range(k + 1, len(counts)))  # however long: read until the list ends
            items = self.listed(text, first, rest, total.unit, b)
            # a total that ends a list joined by 、 (受理刑事案件300件、民事案件500件，其中…): the
            # parts may be of the whole list, so they are judged against its sum
            run = [total]
            for g in reversed(counts[max(0, t - NEAR_COUNTS) : t]):
                if g.unit != total.unit or text[g.start + len(g.text) : run[0].start - len(run[0].label)] != "、":
                    break
                run.insert(0, g)
            if len(run) > 1 and not any(rough(g) or Amount(g).hi > Amount(g).lo for g in run):
                self.judge(unit, text, summed(run).f, items, "“其中”", run[0].start - len(run[0].label))
            else:
                self.judge(unit, text, total, items, "“其中”")

    def parts_of_heading(self, unit, text, figs: list[FoundFigure], heading: list[FoundFigure]) -> None:
        """A paragraph opening with 其中 under a heading that states one count ((二)全年办理行政
        处罚案件817件 / 其中…): its list is of that count."""
        lead = _HEADING_PARTS.match(text)
        wholes = [g for g in heading if not _DELTA.search(g.label) and not self.is_last_year(g.label, g)]
        counts = [g for g in figs if g.kind == "count"]
        if lead is None or len(wholes) != 1 or not counts or counts[0].start - len(counts[0].label) > lead.end():
            return
        total, first = wholes[0], counts[0]
        if first.unit != total.unit or self.is_last_year(text, first) or _DELTA.search(first.label):
            return
        end = next((b for a, b in sentences(text)), len(text))
        items = self.listed(text, first, counts[1:], total.unit, end)
        self.judge(unit, text, total, [i for i in items if i.start < end], "标题下“其中”", begin=lead.start(1))

    def not_of_settled(self, unit, text, total: FoundFigure, first: FoundFigure, at: int) -> bool:
        """以调解、和解方式结案41件，其中纠错18件: a decision (纠错, 维持, 驳回…) said to be a part of
        the cases closed by mediation or settlement, which end without one. Said, and True."""
        decision = _DECISION.search(first.label)
        if decision is None or not _SETTLED.search(total.label) or not self.c.on("其中不属"):
            return False
        end = first.start + len(first.text)
        start = total.start - len(total.label)
        whole = re.sub(r"^(?:全年|本年|今年|共|累计)+", "", re.split(r"[，。；：,;:]", text[max(0, total.start - 30) : total.start])[-1])
        self.c.add(
            "其中不属",
            self.c.doc.where(unit, at, end),
            text[start:end],
            unit.part,
            f"“其中”后面的“{_short(first)}”是作出决定的结果，以调解、和解方式结案的案件不作这种决定，"
            f"它不是“{whole or _short(total)}”的一部分。",
            "请把它写在审结（办结）的件数后面，如“审结146件，其中纠错18件”；或删去“其中”，另起一句。",
        )
        return True

    def outside_its_whole(self, unit, text, total: FoundFigure, first: FoundFigure, at: int) -> bool:
        """受理前化解23件，其中纠错18件: a part the catalogue says is never in that whole (its
        不属于, through every step of its 不大于), both figures known as one group's. Said, and
        True. (Two parts of one whole and other units are judged by the rules that follow.)"""
        if not self.c.on("其中不属"):
            return False
        named = [copy.copy(total), copy.copy(first)]  # (mapping may change a copy's unit, never the figure's)
        # only the words around the two (a sentence may run to megabytes: mapping reads all it is given)
        lo = max(0, total.start - _MAP_REACH)
        for g in named:
            g.start -= lo
        map_to_catalogue(named, text[lo : first.start + len(first.text)], self.c.doc.cat, unit.context)
        groups = groups_by_name(self.c.doc.cat)
        if named[0].maps_to and named[1].maps_to:
            (group_name, whole), (its_group, part) = named[0].maps_to.split(".", 1), named[1].maps_to.split(".", 1)
            pairs = [(groups.get(group_name), whole, part)] if group_name == its_group else []
        else:  # 另在受理前化解23件，其中纠错18件: each label ends with a figure's own name of one group
            pairs = [
                (g, w, p)
                for g in groups.values()
                for w in [max((n for n in g.figures if total.label.endswith(n)), key=len, default="")]
                for p in [max((n for n in g.figures if first.label.endswith(n)), key=len, default="")]
                if w and p and len(w) >= 4
            ]
        if not any(g is not None and w in g.figures and p in g.figures and not_a_part(g, w, p)[0] == "outside" for g, w, p in pairs):
            return False
        start, end = total.start - len(total.label), first.start + len(first.text)
        self.c.add(
            "其中不属",
            self.c.doc.where(unit, at, end),
            text[start:end],
            unit.part,
            f"“其中”后面的“{_short(first)}”不在“{_short(total)}”之内，报告里会把两件事混成一件。",
            f"请删去“其中”，把“{_short(first)}”作为另外的一项来写。",
        )
        return True

    def named_whole(self, text, counts, t: int, first: FoundFigure) -> FoundFigure | None:
        """The whole a 其中 part names by its own noun when the count right before 其中 is an
        act on it that names none (受理信访事项936件，按期办结600件，其中网上信访事项700件: the
        part is of the 信访事项, not of those 按期办结): an earlier count of the clause that
        shares a noun with the part while the count before 其中 shares none. None otherwise."""
        if _NOT.match(_item_name(first) or first.label):
            return None  # 行政处罚…，行政强制87件，其中不予处罚264件: what 处罚 is not is no part of it
        words = _nouns(first.label)
        act = counts[t].label
        if _PETITION_WAY.fullmatch(_item_name(first) or first.label) and not _RECEIVED.search(act):
            # 受理信访事项1032件，按期办结1028件…；其中来信216件、来访387件: ways a petition came
            # in are of those received, never of those closed
            return next(
                (
                    g
                    for g in reversed(counts[max(0, t - NEAR_COUNTS) : t])
                    if g.unit == first.unit
                    and _RECEIVED.search(g.label)
                    and not _DELTA.search(g.label)
                    and not self.is_last_year(text, g)
                    and "。" not in text[g.start : counts[t].start]
                ),
                None,
            )
        # or by its own act (全年受理…1548件，按时办结1500件。其中窗口受理101件、网上受理1447件:
        # the parts are what was 受理, by channel, not what was 按时办结)
        done = _acts(act)  # the count before 其中 is an act of its own (按时办结), not the matter itself
        acts = _acts(first.label) - done if done else set()
        if act and act in first.label:  # 其中按期办结网上…: of the act's
            return None
        if not acts and (not words or words & _nouns(act)):
            return None
        if _nouns(counts[t].after or ""):  # 对162起典型案例…，其中…: it names its noun after the figure
            return None
        for g in reversed(counts[max(0, t - NEAR_COUNTS) : t]):
            # (a 其中 opening the next sentence is still of the count before it: breakdown)
            if "；" in text[g.start : counts[t].start] or "。" in text[g.start : counts[t].start]:
                return None
            if g.label.startswith("其中"):  # a part of another whole is no whole
                continue
            named = (words and words & _nouns(g.label) and not words & _nouns(act)) or acts & _acts(g.label)
            if g.unit == first.unit and named and not _DELTA.search(g.label) and not self.is_last_year(text, g):
                return g
        return None

    def outcomes(self, unit, text, counts) -> None:
        """The review cases decided, then how they ended, without 其中 (审结146件，维持128件、
        纠错18件): outcomes of one family listed right after the total add up under it."""
        for k, total in enumerate(counts[:-2]):
            first = counts[k + 1]
            if (
                not _DECIDED.search(total.label)
                or _outcome(total.label)
                or first.unit != total.unit
                or not _AFTER_TOTAL.fullmatch(_gap(text, total.start + len(total.text), first))
                or not _outcome(_item_name(first))
            ):
                continue
            items = [first]
            for g in counts[k + 2 :]:
                prev = items[-1]
                if (
                    g.unit != total.unit
                    or _gap(text, prev.start + len(prev.text), g) != "、"
                    or not all(_exclusive(_item_name(i), _item_name(g)) for i in items)
                ):
                    break
                items.append(g)
            if len(items) >= 2:
                self.judge(unit, text, total, items, "总数后面")

    def bracketed(self, unit, text, b, counts) -> None:
        """A total with its parts in brackets right after it: the brackets hold nothing but
        the list, of the total's unit; one part alone only when said to be included (（含…）)."""
        starts = [g.start for g in counts]
        # each bracket's close found by bisect, not by a scan: linear in the sentence's length
        closes = [m.start() for m in re.compile("）").finditer(text, counts[0].start, b)]
        for k, total in enumerate(counts[:-1]):
            opening = total.start + len(total.text)
            if text[opening : opening + 1] != "（":
                continue
            c = bisect.bisect_left(closes, opening)
            if c == len(closes):
                continue
            close = closes[c]
            last = bisect.bisect_left(starts, close, k + 1)  # counts[k + 1:last] stand inside
            if last == k + 1:
                continue
            first = counts[k + 1]
            if (
                first.unit != total.unit
                or text[opening + 1 : first.start - len(first.label)]
                or _NOT_A_PART.search(first.label)
                or _DELTA.search(first.label)
            ):
                continue  # （其中…） is read as 其中; （同比增加…）, （上年…） are not parts
            items = self.listed(text, first, (counts[i] for i in range(k + 2, last)), total.unit, close)
            if len(items) != last - k - 1 or items[-1].start + len(items[-1].text) != close:
                continue  # the brackets hold more than the list
            if len(items) == 1 and not _INCLUDED.match(first.label):
                continue
            self.judge(unit, text, total, items, "括号中")

    def listed(self, text, first: FoundFigure, rest: Iterable[FoundFigure], unit_: str, end: int) -> list[FoundFigure]:
        """The items of a list of parts from ``first`` on: parted by 、 always, by ，/；
        while they are parallel (_parallel); an item after a ；must be all its clause holds
        (…；行政许可50件。), or the clause is about something else (…；行政复议案件50件，审结48件)."""
        items = [first]
        for g in rest:
            prev = items[-1]
            gap = _gap(text, prev.start + len(prev.text), g)
            if _NAME_LISTS.fullmatch(gap):
                gap = gap[0]  # ，撤销、|变更等纠错2件: the item's own name lists words with 、
            elif _QUOTED_NAME.fullmatch(gap):
                gap = gap[0]  # 、“双随机、一公开”抽查22次: a quoted name opens the item's name
            if g.unit != unit_ or not _LIST_GAP.fullmatch(gap):
                break
            the_rest = _item_name(g).startswith(("其他", "其余"))  # 其中维持100件，纠错18件，其他30件: the rest, the list's end
            if gap != "、" and not the_rest and not _parallel(first, g) and not self.disjoint([_item_name(first), _item_name(g)]):
                break  # (受理151件，受理前化解23件: parts the catalogue says never overlap)
            items.append(g)
            if the_rest:
                break
        for i in range(1, len(items)):
            prev = items[i - 1]
            if "；" not in text[prev.start + len(prev.text) : items[i].start]:
                continue
            j = i
            while j + 1 < len(items) and "；" not in text[items[j].start : items[j + 1].start]:
                j += 1
            after = items[j].start + len(items[j].text)
            if after < end and text[after : after + 1] not in "；。！？）":
                return items[:i]
        return items

    def judge(self, unit, text, total: FoundFigure, items: list[FoundFigure], where_said: str, begin: int | None = None) -> None:
        """A part larger than the total, or parallel parts that add up to more than it; the
        quote from ``begin`` (where a listed total's first item is named) or the total's name."""
        if any(i.approx for i in items) or (total.approx and not any(i.value > 2 * total.value > 0 for i in items)):
            return  # (an approximate whole, 160余件, is no base but for a part over twice it: 2684件)
        T = Amount(total)
        if total.approx:
            T.hi = 2 * total.value
        end = items[-1].start + len(items[-1].text)
        if where_said == "括号中":
            end += 1  # the closing bracket, quoted with the list
        begin = total.start - len(total.label) if begin is None else begin
        quote = text[begin:end]
        where = (unit, begin, end)
        big = next((i for i in items if Amount(i).lo > T.hi), None)
        if big is not None:
            self.c.add(
                "部分大于整体",
                where,
                quote,
                unit.part,
                f"{where_said}的{_part_called(big)}多于总数{_called(total)}。",
                "请核对这两个数：其中的一项不能多于总数。",
            )
        elif len(items) > 1 and (items := self.summable(items, T.hi, total.label)):
            parts = "＋".join(i.text for i in items)
            if len(items) > _SPELLED_ITEMS:  # a long list: its count and sum, not every item
                parts = f"{len(items)}项共{plain(sum(Decimal(plain(i.value)) for i in items))}{total.unit}"
            self.c.add(
                "其中超总数",
                where,
                quote,
                unit.part,
                f"{where_said}列出的各项加起来（{parts}）超过了总数{_shown(total)}。",
                "请核对各项和总数；如果各项有重叠（一件可以算在几项里），请在文中说明。",
            )

    def total_below_an_item(self, unit, text, head: re.Match, before: list[FoundFigure], t: FoundFigure) -> None:
        """合计300件 after a list whose last item is in another unit (…行政强制案件45件，开展执法检查
        120次，合计300件): the items in the 合计's unit, joined to it by list marks in its clause,
        are never more than it one by one (行政处罚案件376件)."""
        run: list[FoundFigure] = []
        for g in reversed(before[-_RUN_REACH:]):  # back over list marks only (a long sentence stays linear)
            gap = text[g.start + len(g.text) : _name_start(text, run[-1]) if run else head.start()]
            if not re.fullmatch(r"[、，,；;]?", gap.strip()) and not _NUMBERED_ITEM.fullmatch(gap):
                break
            run.append(g)
        big = next((g for g in run if g.unit == t.unit and not g.approx and not t.approx and Amount(g).lo > Amount(t).hi), None)
        if big is None or any(_DELTA.search(g.label) or self.is_last_year(text, g) for g in run):
            return
        start, end = _name_start(text, big), t.start + len(t.text)
        self.c.add(
            "合计不符",
            self.c.doc.where(unit, head.start(1), end),
            text[start:end],
            unit.part,
            f"“{head.group(1)}”{_shown(t)}比前面列出的{_called(big)}还少。",
            "请核对各项和合计数：合计是前面列出的各项之和。",
        )

    def summable(self, items: list[FoundFigure], most: float, whole: str = "") -> list[FoundFigure]:
        """The items of a 其中 list (of the count named ``whole``) that may be summed and that add up to more than ``most``: the
        whole list, else the longest run from its start that may (一般程序299件、简易程序145件
        before 移送司法机关8件, an act the same cases may also have gone through); [] if none."""
        for n in range(len(items), max(1, len(items) - _SHORTER_RUNS), -1):  # (a few: a long list stays linear)
            run = items[:n]
            if added(Amount(i).lo for i in run) > most and self.partition(run, whole):
                return run
        return []

    @staticmethod
    def one_item(text, counts: list[FoundFigure], k: int) -> bool:
        """Is ``counts[k - 1]`` the only count of its sentence before the total ``counts[k]``?"""
        if k < 2:
            return True
        # (the count right before it is the nearest: in another sentence, so are all before it)
        return re.search(r"[。！？]", text[counts[k - 2].start : counts[k - 1].start]) is not None

    def total_of_sentences(self, unit, text: str, a: int, here: list[FoundFigure], before: list[tuple[list[FoundFigure], str]]) -> None:
        """A sentence opening with 以上合计/合计/总计 (办理治安案件980起。办理交通违法案件200起。以上
        合计1300起。): the sum of the sentences before it in the paragraph (``before``: each
        sentence's figures and the mark that ends it), each stating one count of its unit (a
        sentence stating two, or none, or ended by a ；, ends what is read back; fewer than two
        items: not judged)."""
        head = _SENTENCES_TOTAL.match(text, a)
        if head is None or not self.breakdown_on:
            return
        t = next((g for g in here if g.kind == "count"), None)
        if t is None or t.approx or t.start != head.end() or rough(t):
            return
        items: list[FoundFigure] = []
        for figs, ended in reversed(before):
            own = [g for g in figs if g.kind == "count" and g.unit == t.unit]
            if any(g.kind == "count" and g.unit != t.unit and g.unit not in MONEY for g in figs):
                return  # 行政许可事项193项。行政确认278件。合计…: the list may go on in another unit (宁可漏报)
            if (
                ended != "。"
                or len(own) != 1
                or own[0].approx
                or rough(own[0])
                or _DELTA.search(own[0].label)
                or self.is_last_year(text, own[0])
            ):
                break
            items.insert(0, own[0])
        if len(items) < 2 or not self.partition(items):
            return  # (受理120件。审结100件。: stages of one matter, never summed)
        lo, hi = added(Amount(g).lo for g in items), added(Amount(g).hi for g in items)
        if Amount(t).lo <= hi and lo <= Amount(t).hi:
            return
        total = sum(Decimal(plain(g.value)) for g in items)
        start = items[0].start - len(items[0].label)
        self.c.add(
            "合计不符",
            self.c.doc.where(unit, head.start(1), t.start + len(t.text)),
            text[start : t.start + len(t.text)],
            unit.part,
            f"前面{len(items)}句列出的各项之和是{plain(total)}{t.unit}，与写明的“{head.group(1)}”{_shown(t)}不符。",
            "请核对各项和合计数：合计是前面列出的各项之和。",
        )

    def total_of_one(self, unit, text, head: re.Match, item: FoundFigure, t: FoundFigure) -> None:
        """合计 after a single count (作出纠错决定18件，合计146件): a sum of one item is that item.
        Only 合计/总计 (共 may count more than was listed), right after the item, with nothing
        after the total that may say what else it holds (（含上年结转…）)."""
        if head.group(1) not in ("合计", "总计") or text[item.start + len(item.text) : head.start() + 1] not in ("，", ",", "；", ";"):
            return
        if item.unit != t.unit or item.approx or t.approx or text[head.end(1) : t.start].strip():
            return
        if re.match(r"\s*[（(]", text[t.start + len(t.text) :]) or (Amount(item).hi >= Amount(t).lo and Amount(item).lo <= Amount(t).hi):
            return
        start = item.start - len(item.label)
        end = t.start + len(t.text)
        self.c.add(
            "合计不符",
            self.c.doc.where(unit, head.start(1), end),
            text[start:end],
            unit.part,
            f"“{head.group(1)}”前面只列了一项（{_shown(item)}），与写明的“{head.group(1)}”{_shown(t)}不符。",
            "请核对：合计是前面列出的各项之和；只列了其中一部分的，请把其余各项写全，或删去“合计”。",
        )

    def partition(self, items: list[FoundFigure], whole: str = "") -> bool:
        """May the items of a 其中 list be summed: are they parallel categories of one whole
        (农民工案件、未成年人案件), not stages or qualities of the same cases (按时办结、回访满意)?
        Not when one item's name holds another's (办结、按时办结), when the names share no
        word at all, or when the catalogue bounds one by another or both by one whole
        (合格案卷、优秀案卷). 宁可漏报: when in doubt the items are not summed."""
        labels = [_item_name(i) for i in items]
        # (a last item 其他 is the rest: 予以公开31件、部分公开8件、其他7件)
        ways = labels[:-1] if len(labels) > 2 and labels[-1].startswith(("其他", "其余")) else labels
        if all(_exclusive(x, y) for i, x in enumerate(ways) for y in ways[i + 1 :]):
            return True  # outcomes of one family (维持、纠错、驳回): each case ends one way
        if _yes_and_no(labels):
            return True  # 采纳、未采纳; 按时办结、未按时办结: what one is the other is not
        if self.disjoint(labels):
            return True  # 受理、受理前化解: the catalogue says neither is ever in the other
        if _petition_ways(labels):
            return True  # 来访、电话来访、网上信访: each petition comes in one way
        if _case_kinds(labels, whole):
            return True  # 涉及行政处罚、行政强制、信息公开: each case is brought against one kind of act
        if any(_QUALITY.search(x) for x in labels) and not _channels(labels):
            return False  # 按时办结、网上办理; 重大案件、涉企案件: qualities of the same cases overlap
        if _ways_closed(labels, whole):
            return True  # 调解结案、判决结案、终止审理: each case closes one way
        categories = all(x.endswith("类") for x in labels)  # 概况类、信息公开类: kinds, whatever words they hold
        if not categories and len({frozenset(_ACTS.findall(x) + _STEPS.findall(x)) for x in labels}) > 1 and not _channels(labels):
            return False  # 经合法性审核、经集体讨论; 立案、结案: steps the same cases go through
        # one name within another (办结、按时办结): each name's substrings looked up, so a long
        # list costs in proportion to its length
        known = set(labels)
        sizes = {len(x) for x in known if x}
        if any(x[i : i + n] in known for x in labels for n in sizes if n < len(x) for i in range(len(x) - n + 1)):
            return False
        if not set.intersection(*(set(x) for x in labels)) and not self.kinds(items, labels):
            return False
        # a figure by its name, its sayings, or the name of what it counts (网上可办事项 → 网上可办)
        names = [{n for n in self.bounded_by if any(w in x for w in [n, *_words_of(n, self.sayings)])} for x in labels]
        held = Counter(n for these in names for n in these)  # how many items name each figure
        for these in names:
            related = set().union(*(self.bounded_by[n] for n in these)) if these else set()
            # a figure related to this item's named by another item (by one not this one)
            if any(held[n] > (n in these) for n in related):
                return False
        return True

    def disjoint(self, labels: list[str]) -> bool:
        """Are the items, named each by a figure of one catalogue group (受理, 受理前化解), such that
        the catalogue says none is ever a part of another (不属于)?"""
        if len(labels) > _SPELLED_ITEMS:
            return False
        for theme in self.c.doc.cat.themes.values():
            for group in theme.groups.values():
                names = [max((n for n in group.figures if x.endswith(n)), key=len, default="") for x in labels]
                if (
                    all(names)
                    and len(set(names)) == len(names)
                    and all(not_a_part(group, a, b)[0] == "outside" for a in names for b in names if a != b)
                ):
                    return True
        return False

    @staticmethod
    def kinds(items: list[FoundFigure], labels: list[str]) -> bool:
        """May items whose names share no word be summed (其中征地拆迁60件、行政处罚50件)? Only
        kinds of a thing: not qualities of the same cases (按时办结、回访满意, 重大、涉企) nor of
        people (女性、党员), which overlap."""
        if any(i.unit in _PEOPLE for i in items):
            return False
        return not any(_ACTS.search(x) or _QUALITY.search(x) for x in labels)

    def pairs(self, unit, text, figs) -> None:
        """A part larger than its whole written without 其中 (审结33件，败诉44件), for the
        catalogue's pairs that cannot hold last year's carry-over (败诉 ≤ 审结, 合格 ≤ 评查,
        调解成功 ≤ 调解, 按期办结 ≤ 受理信访): the part the nearest count after its whole,
        both exact and of one unit. A sentence with a rate is left to the rate's own check (but
        for X中有Y, whatever follows it: 66个乡镇中有105个…，占比7.6%)."""
        rated = any(g.kind == "rate" for g in figs)
        counts = [g for g in figs if g.kind == "count" and g.unit and not rough(g)]
        for i, part in enumerate(counts[1:], 1):
            whole = counts[i - 1]
            if whole.unit != part.unit or "其中" in text[whole.start : part.start]:
                continue
            if self.in_list_of_parts(text, counts, i):
                continue  # 其中现场调解299件、调解成功390件: both parts of the total before 其中 (judged there)
            if _AMONG.fullmatch(text, whole.start + len(whole.text), part.start) and Amount(part).lo > Amount(whole).hi:
                # 200个村（社区）中有246个…: what is among those is never more than they are
                said = f"“{text[whole.start : part.start]}”后面的{_shown(part)}多于前面的{_shown(whole)}。"
                self.part_over(unit, text, whole, part, said, "请核对这两个数：其中的一部分不能多于整体。")
                continue
            if rated:
                continue
            for part_words, whole_words in self.part_pairs():
                if not (
                    any(w in part.label for w in part_words)
                    and any(w in whole.label for w in whole_words)
                    and not any(w in whole.label for w in part_words)
                ):
                    continue
                if _other_things(part.label, part_words, whole.label, whole_words):
                    break  # 清理规章2件，废止规范性文件5件: of another kind of document, no part of it
                if Amount(part).lo > Amount(whole).hi and Amount(part).lo > self.run_sum(text, counts, i - 1):
                    said = f"{_called(part)}多于它所属的{_called(whole)}。"
                    self.part_over(unit, text, whole, part, said, "请核对这两个数：部分不能多于整体。")
                break

    def part_over(self, unit, text, whole: FoundFigure, part: FoundFigure, said: str, hint: str) -> None:
        """部分大于整体, quoted from the whole's name to the part."""
        start, end = whole.start - len(whole.label), part.start + len(part.text)
        self.c.add("部分大于整体", self.c.doc.where(unit, start, end), text[start:end], unit.part, said, hint)

    @staticmethod
    def in_list_of_parts(text, counts: list[FoundFigure], i: int) -> bool:
        """Is ``counts[i]`` a later item of a list of parts opened by 其中 (其中A299件、B390件)?"""
        k = i
        while k > 0 and text[counts[k - 1].start + len(counts[k - 1].text) : counts[k].start - len(counts[k].label)] == "、":
            k -= 1
        at = counts[k].start - len(counts[k].label)
        return k < i and bool(re.search(r"其中[：:，,]?\s*$", text[max(0, at - 8) : at]))

    @staticmethod
    def run_sum(text, counts: list[FoundFigure], k: int) -> float:
        """The most the list joined by 、 that ends at ``counts[k]`` may add up to (审结复议30件、
        诉讼20件: 50): a part after it may be of the whole list."""
        total, first = Amount(counts[k]).hi, counts[k]
        for g in reversed(counts[:k]):
            if g.unit != first.unit or text[g.start + len(g.text) : first.start - len(first.label)] != "、":
                break
            total, first = added((total, Amount(g).hi)), g
        return total

    def part_pairs(self) -> list[tuple[list[str], list[str]]]:
        """The catalogue's (part, whole) pairs of 不大于 as words a report names them by, for
        the parts that cannot include last year's cases: not 受理 ≤ 收到申请 (an application
        of December is accepted in January), nor what is rectified, completed or filed (整改
        may close last year's problems; a file of December is filed in January)."""
        if self._pairs is None:
            out = []
            skip_parts, skip_wholes = ("整改问题", "整改隐患", "完成事项", "受理", "备案"), ("收到申请",)
            for theme in self.c.doc.cat.themes.values():
                for group in theme.groups.values():
                    for fig in group.figures.values():
                        if not fig.not_above or fig.name in skip_parts or fig.not_above in skip_wholes:
                            continue
                        out.append((_words_of(fig.name, self.sayings), _words_of(fig.not_above, self.sayings)))
            self._pairs = out
        return self._pairs

    def total(self, unit, text, figs) -> None:
        counts = [g for g in figs if g.kind == "count"]
        for k, t in enumerate(counts):
            if k < 1:
                continue
            reach = max(0, t.start - 16)
            head = _TOTAL_HEAD.search(text, reach, t.start)
            if not head:
                continue
            if k == 1 or self.one_item(text, counts, k):
                self.total_of_one(unit, text, head, counts[k - 1], t)
                continue
            if counts[k - 1].unit != t.unit:
                self.total_below_an_item(unit, text, head, counts[:k], t)
                continue
            listed, commas, other_unit = [counts[k - 1]], False, False
            for g in (counts[i] for i in range(k - 2, -1, -1)):  # the list however long: it ends at a gap not 、 ，；
                gap = text[g.start + len(g.text) : _name_start(text, listed[0])]
                if _NAME_LISTS.fullmatch(gap):
                    gap = gap[0]  # ，以调解、|和解方式结案41件: the item's own name lists words with 、
                elif _NUMBERED_ITEM.fullmatch(gap):
                    gap = gap[0]  # ；二是调解和解41件: items numbered 一是、二是 are a list too
                elif _QUOTED_NAME.fullmatch(gap):
                    gap = gap[0]  # 、“双随机、一公开”抽查22次: a quoted name opens the item's name
                if gap in ("、", "，", ",", "；", ";") and g.unit != t.unit and g.kind == "count" and not _DELTA.search(g.label):
                    other_unit = True  # 行政许可事项193项；行政确认278件…；合计538件: the list goes on in 项
                if gap not in ("、", "，", ",", "；", ";") or g.unit != t.unit:
                    break
                if listed[0].label.startswith("其中"):
                    break  # 审结146件，其中维持…: the list starts at 其中
                listed.insert(0, g)
                commas = commas or gap != "、"
            if len(listed) == 1 and text.endswith("其中", 0, _name_start(text, listed[0])) and Amount(counts[k - 2]).lo != Amount(t).lo:
                # 受理151件，其中纠错18件，合计146件: the sum of one part is that part (the 合计 may
                # say the whole again: 合计151件)
                self.total_of_one(unit, text, head, listed[0], t)
                continue
            if (
                len(listed) < 2
                or listed[-1].unit != t.unit
                or not _only_rates(text[listed[-1].start + len(listed[-1].text) : head.start()])
            ):
                continue
            # with “，” or “；” the items must be kinds of one thing (受理151件，审结146件，共…: stages
            # of one matter, never summed); the list may begin with the whole named again
            # (审结146件，维持80件，纠错18件，驳回20件，合计146件): what follows it adds up
            if commas and not self.partition(listed):
                if len(listed) >= 3 and listed[0].value == t.value and self.partition(listed[1:]):
                    listed = listed[1:]
                elif _a_tail_adds_up(listed, t):
                    continue  # 审结146件，维持80件，纠错18件，合计98件: the list 合计 sums starts later
                # else 办理行政许可248件；行政确认164件；合计…: a verb or a word of quality on the first
                # item only, and no list ending at 合计 adds up to it: the sum is wrong wherever it starts
            said = text[head.end(1) : t.start].strip()
            if (
                said
                and not re.fullmatch(r"(?:计|有|达|是|为)+", said)
                and not bigrams(said) & set().union(*(bigrams(g.label) for g in listed))
            ):
                continue  # 新收120件、旧存15件，共审结128件: what the listed became, not their sum
            if t.approx or any(g.approx for g in listed):
                continue
            lo = added(Amount(g).lo for g in listed)
            hi = added(Amount(g).hi for g in listed)
            T = Amount(t)
            if other_unit and lo <= T.hi:
                continue  # an item in another unit may hold the rest (宁可漏报): only a sum past the 合计 is wrong
            if hi < T.lo or lo > T.hi:
                start = _name_start(text, listed[0])
                if start == listed[0].start:  # named from a list before 分别为: quoted from its clause's start
                    start = max(text.rfind(c, 0, start) for c in "，。；,;") + 1
                end = t.start + len(t.text)
                total = sum(Decimal(plain(g.value)) for g in listed)
                said_in = t.written_unit if t.unit in MONEY and t.written_unit in MONEY else t.unit
                if said_in != t.unit:  # the sum in the unit the 合计 was written in (878000元, not 87.8万元)
                    total = Decimal(plain(in_unit(float(total), t.unit, said_in)))
                self.c.add(
                    "合计不符",
                    self.c.doc.where(unit, head.start(1), end),  # at the 合计: what a template wrote last
                    text[start:end],
                    unit.part,
                    f"列出的各项之和是{plain(total)}{said_in}，与写明的“{head.group(1)}”{_shown(t)}不符。",
                    "请核对各项和合计数。",
                )
