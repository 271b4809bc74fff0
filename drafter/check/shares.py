"""占比: a share (占35.2%, 所占比例为, 占…1286项的, 分别占…和…) is of the count named before it,
over the whole it names, the total of its 其中 list or the count before it; checked as
claimed, and never over 100% unless of a target or of last year (占计划的120%)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.check.counts import (
    _DELTA,
    ABOUT_BEFORE,
    NAME_REACH,
    Amount,
    ArithmeticState,
    _called,
    _claim,
    _fits,
    _no_base,
    _pct,
    _should,
    _shown,
    _stated,
    _whole_called,
)
from drafter.check.rates import FRACTION
from drafter.files.patterns import lazy_re
from drafter.model.numberwords import plain
from drafter.reading.figure_finder import FoundFigure, bigrams

# The verb of a share, with any word of approximation (占比为, 占比约为, 占比大约, 所占比例接近)
_VERB = r"(?:为|达到?|是)?(?:" + "|".join(ABOUT_BEFORE) + r")?(?:为|达到?|是|在)?"
_SHARE_OF = lazy_re(r"占(?P<whole>[^，。；：%\d]{1,24}?)(?:的)?(?:比例|比重)?" + _VERB + "$")
_SHARE = lazy_re(r"(?:所)?占(?:比|比例|比重)?" + _VERB + "$")  # 占比为, 所占比例为, 占比约为
# A share of a whole stated with it (占政务服务事项1286项的88.1%): the whole is that count.
_SHARE_OF_COUNT = lazy_re(r"占[^，。；：%]{0,40}?\d[^，。；：%\d]{0,6}的(?:比例|比重)?" + _VERB + "$")
_OF_COUNT_TAIL = lazy_re(r"[^，。；：%\d]{0,6}?的(?:比例|比重)?" + _VERB + r"\s*$")  # (占全部612件案件的: the noun after the count)
# A share of what may be passed (占年度任务的120%, 占上年的130%): not bounded by 100%.
_MAY_PASS = lazy_re(r"任务|计划|目标|预算|指标|上年|去年|上一年|同期|基数|标准|定额")
_GENERIC = {"案件", "事项", "问题", "总数", "总量", "数量", "件数"}  # words a whole shares with any count


def _siblings(whole: FoundFigure, part: FoundFigure, run: list[FoundFigure], f: FoundFigure, mode: str) -> bool:
    """Are ``whole`` and ``part`` two kinds of one thing (男性申请人, 女性申请人; 简易程序, 普通程序),
    or does the share fit the sum of the counts from one to the other?"""
    a, b = whole.label, part.label
    kinds = len(a) >= 3 and len(b) >= 3 and a != b and a[-2:] == b[-2:] and a[:2] != b[:2]
    total = sum(g.value for g in run if g.unit == part.unit)
    if kinds or len(run) < 2 or not total:
        return kinds
    both = FoundFigure(part.label, total, part.unit, "", f"{plain(total)}{part.unit}", whole.start)
    return _fits(f.value, f.decimals, Amount(part), Amount(both), mode)


def _named_in(label: str, named: str) -> bool:
    """Is the count labelled ``label`` named by the words ``named`` (审结 in 审结案件)?"""
    core = re.sub(r"^(?:其中|全年|共|累计|依法|已)+", "", label)
    return len(core) >= 2 and (core in named or core[-2:] == named[:2])


_NOT_SHARE = lazy_re(r"占(?:地|用|道|有|领|据)|[侵霸挤抢]占")  # 占地面积, 侵占: not a share


_NAMED_SHARE = lazy_re(r"[\u4e00-\u9fff]{2,8}")  # a name of its own before 占比 (纠错占比)


class ShareChecks(ArithmeticState):
    """A share (占…%) against its part and the whole it is of."""

    if TYPE_CHECKING:  # RateChecks', beside it in the Arithmetic checker

        def fraction(self, unit, text, f, end: int, said: str, mode: str, names, rule: str = ...) -> bool: ...

    def share(self, unit, text, f, pre, pre_start, counts, figs) -> None:
        """A share (占35.2%, 占比约30%, 所占比例为27.2%, 占政务服务事项1286项的88.1%) of the
        count named before it, over the whole it names, the total of its 其中 list or the
        count before it; checked as claimed (exactly, as a bound, or within ABOUT_POINTS)."""
        if not self.c.on("占比核算", "比率无从计算", "部分大于整体"):
            return
        claim = _claim(text, f, pre)
        if claim is None:
            return
        if f.approx in ("近", "约") and f.text[:1] in "近约":
            pre += f.text[0]  # 占比大约50%: 约 is read with the figure, the verb is 大约
        at = text.rfind("占", pre_start, f.start)
        at = at if at >= 0 else pre_start
        if _NOT_SHARE.search(text, max(0, at - 1), at + 2):
            return
        start = at - 1 if text[at - 1 : at] == "所" else at
        end = f.start + len(f.text) + len(claim[2])
        if f.value > 100 and claim[0] != "most" and not _MAY_PASS.search(text[at : f.start]):
            self.c.add(
                "部分大于整体",
                (unit, start, end),
                text[start:end],
                unit.part,
                f"占比写的是{_stated(f, claim)}，但部分占整体的比例不会超过100%。",
                "请核对这个占比：可能多写了一位，或写错了数。",
            )
            return
        if FRACTION.match(text, end):
            # 占比69.6%（87项/108项）: the share of its own fraction, whatever the sentence states
            self.fraction(unit, text, f, end, _stated(f, claim), claim[0], [("占比", start)], rule="占比核算")
            return
        if re.search(r"(?:在|占|于)(?:全|本)(?:省|市|国|区|州|县|盟|镇|乡)", text[max(0, at - 4) : at + 4]):
            return  # 约占全省总量的4%, 在全市占比36%: of a whole the sentence does not state
        # a change (同比增加24件, 较上年多420户) or last year's figure is never a part or a whole
        counts = [g for g in counts if not _DELTA.search(g.label) and not self.is_last_year(text, g)]
        stated = next(
            (
                g
                for g in figs
                if g.kind == "count" and at < g.start < f.start and _OF_COUNT_TAIL.match(text, g.start + len(g.text), f.start)
            ),
            None,
        )
        counts = [g for g in counts if g.start < at] if stated is not None else counts
        if not counts:
            return
        listed = self.listed_under(text, counts)
        part = self.share_part(pre, listed[1] if listed else counts)
        if part is None:
            return
        whole = None
        if stated is not None:
            if stated.unit != part.unit:
                return
            whole = stated
        m = _SHARE_OF.search(pre)
        exact: list[FoundFigure] = []  # counts the words of 占…的 name (审结 of 占审结案件的)
        if whole is None and m and not _SHARE.search(pre):
            named = m.group("whole")
            grams = bigrams(named)
            # a count sharing only a generic word (案件) with the whole named is not it: 占全年受理
            # 案件的 is over 受理, not 审结行政复议案件
            telling = bigrams(re.sub(r"全年|全部|所有|总数|总量|本年度?|全|总", "", named)) - _GENERIC
            options = [
                g
                for g in figs
                if g.kind == "count"
                and g is not part
                and g.unit == part.unit
                and (telling & bigrams(g.label) if telling else grams & bigrams(g.label))
            ]
            if options:
                # 占审结案件的: 审结52件 names the whole (its label within the words), not a count
                # sharing only 案件; when none does, a share that fits any count it may name is right
                exact = [g for g in options if _named_in(g.label, named)]
                if not exact and any(
                    not g.approx and not part.approx and _fits(f.value, f.decimals, Amount(part), Amount(g), claim[0]) for g in options
                ):
                    return
                whole = max(exact or options, key=lambda g: len(grams & bigrams(g.label)))
            elif not re.search(r"总|全部|全年|所有", named) or telling:
                return  # a whole the sentence does not state (占全省的10%, 占全年受理案件的)
        if whole is None and listed and listed[0].unit == part.unit:
            # an item of a 其中 list is a share of the list's total, not of the item before it
            # (其中农民工案件400件，占35.2%，未成年人案件100件，占8.8%)
            whole = listed[0]
            if whole.value < part.value and part is not listed[1][0]:
                return  # a larger count later on may have left the list: not checked
        if whole is None:
            earlier = [g for g in counts if g.start < part.start and g.unit == part.unit]
            if not earlier:
                return
            whole = earlier[-1]
            between = text[whole.start : part.start]
            if "其中" not in between and whole.value < part.value:
                return
            if "其中" not in between and _siblings(whole, part, [g for g in counts if whole.start <= g.start <= part.start], f, claim[0]):
                return  # 简易程序2860件，普通程序296件，普通程序案件占9.4%: of their sum, unstated
        # a share that fits another whole stated before its part is right (受理357件，办结351件，
        # 其中涉企143件，占40.1%: of 受理), unless the whole is itself listed under it: 宁可漏报
        if (
            stated is None
            and not exact
            and not part.approx
            and any(
                g is not whole and g.unit == part.unit and not g.approx and _fits(f.value, f.decimals, Amount(part), Amount(g), claim[0])
                for g in counts
                if g.start < whole.start and "其中" not in text[g.start : whole.start]
            )
        ):
            return
        self.share_of(unit, text, f, claim, start, end, part, whole)

    def share_of(self, unit, text, f, claim, start: int, end: int, part: FoundFigure, whole: FoundFigure) -> None:
        """Is the share ``f`` (claimed as ``claim``) ``part`` ÷ ``whole``?"""
        if part.approx or whole.approx:
            return
        quote = text[start:end]
        P, W = Amount(part), Amount(whole)
        if _no_base(W):
            self.c.add(
                "比率无从计算",
                (unit, start, end),
                quote,
                unit.part,
                f"写的是{_shown(f)}，但整体{_called(whole)}：整体为0，占比无从计算。",
                "整体为0时不要写占比，可以直接写明件数，或删去这个占比。",
            )
            return
        mode = claim[0]
        if not _fits(f.value, f.decimals, P, W, mode):
            said = _stated(f, claim)
            should = f"应为{_pct(P, W, f.decimals)}" if mode == "exact" else _should(P, W, f.decimals, mode, f)
            self.c.add(
                "占比核算",
                self.c.doc.where(unit, start, end),
                quote,
                unit.part,
                f"写的是{said}，但{_called(part)} ÷ {_whole_called(whole)}{should}。",
                "请核对占比和这两个数。",
            )

    def shares_listed(self, unit, text, pre, pre_start, figs, k, counts) -> dict[int, None]:
        """Shares listed with 分别 (其中行政处罚60件、行政许可30件，分别占60%和30%): each of
        the counts listed just before, in order, over the total of their 其中 list or the count
        before them; checked when counts and shares pair off one to one. The rates' indexes,
        so that none is read again as a rate."""
        ks = self.rate_run(text, figs, k)
        marks = {i: None for i in ks}
        if not self.c.on("占比核算", "比率无从计算", "部分大于整体"):
            return marks
        at = pre_start + pre.rfind("分别")
        before = [g for g in counts if g.start < at]
        n = len(ks)
        if n < 2 or len(before) < n + 1:
            return marks
        items = before[-n:]
        for prev, g in zip(items, items[1:]):
            if g.unit != items[0].unit or text[prev.start + len(prev.text) : g.start - len(g.label)] not in ("、", "，"):
                return marks
        listed = self.listed_under(text, before)
        whole = listed[0] if listed and listed[1][-n:] == items else before[-n - 1]
        if whole.unit != items[0].unit or any(g.kind != "rate" for g in (figs[i] for i in ks)):
            return marks
        for i, part in zip(ks, items):
            f = figs[i]
            pre_f = pre if i == k else text[figs[i - 1].start + len(figs[i - 1].text) : f.start]
            claim = _claim(text, f, pre_f)
            if claim is None:
                continue
            start = at if i == k else f.start - len(claim[1])  # 分别占60%…; 30%
            end = f.start + len(f.text) + len(claim[2])
            if f.value > 100 and claim[0] != "most":
                self.c.add(
                    "部分大于整体",
                    (unit, start, end),
                    text[start:end],
                    unit.part,
                    f"占比写的是{_stated(f, claim)}，但部分占整体的比例不会超过100%。",
                    "请核对这个占比：可能多写了一位，或写错了数。",
                )
                continue
            self.share_of(unit, text, f, claim, start, end, part, whole)
        return marks

    @staticmethod
    def listed_under(text: str, counts: list[FoundFigure]) -> tuple[FoundFigure, list[FoundFigure]] | None:
        """The total of the last 其中 among ``counts`` (the counts just before a share) and the
        counts listed after it, or None when no 其中 stands between two of them."""
        for i in range(len(counts) - 1, 0, -1):
            # 其中 stands just before the first item's name: a bounded stretch is searched
            gap = max(counts[i - 1].start + len(counts[i - 1].text), counts[i].start - NAME_REACH)
            if text.find("其中", gap, counts[i].start) >= 0:
                return counts[i - 1], counts[i:]
        return None

    @staticmethod
    def share_part(pre: str, counts: list[FoundFigure]) -> FoundFigure | None:
        """The count a share is of: the one named just before 占/占比 (企业占比63.8% is the
        share of 企业164户, not of the count written last), else the nearest count; None when
        the words before 占比 name something no count of the sentence is (纠错占比12.3% after
        受理、审结: the share of 纠错, not stated)."""
        name = pre[: pre.rfind("占")] if "占" in pre else ""
        name = re.sub(r"^(?:其中|分别|合计|共)+|的$", "", name.strip())
        grams = bigrams(name)
        if grams:
            named = [g for g in counts if grams & bigrams(g.label)]
            if named:
                return max(named, key=lambda g: (len(grams & bigrams(g.label)), g.start))
            if _NAMED_SHARE.fullmatch(name):
                return None
        return counts[-1]
