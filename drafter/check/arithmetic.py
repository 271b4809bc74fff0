"""Arithmetic: every stated rate, share, breakdown, total and 同比 recomputed from the
figures stated beside it (domain.md §4 for the rates' definitions). Here each paragraph is
read sentence by sentence and each figure handed to the check of its kind, one module each:
rates (a rate against its counts), shares (占比), breakdowns (parts and wholes), changes
(同比); counts holds what they share."""

from __future__ import annotations

from collections.abc import Sequence

from drafter.check.breakdowns import BreakdownChecks
from drafter.check.changes import ChangeChecks
from drafter.check.checker import Check
from drafter.check.counts import _DELTA, NAME_REACH, NEAR_COUNTS, _bounded_by, _rates, sentences, spoken_figures
from drafter.check.rates import RateChecks, says_all_or_none
from drafter.check.shares import _SHARE, _SHARE_OF, _SHARE_OF_COUNT, ShareChecks
from drafter.files.patterns import lazy_re
from drafter.reading.figure_finder import FoundFigure, in_wan

_CLAUSE = lazy_re(r"[，：（）“”]")
# A rate's value last year before this year's (调解成功率由上年的48.2%提高到55.6%; 较上年的50%
# 降至…): not of this year's counts, and this year's, after it, is.
_PREVIOUS = lazy_re(r"率\s*(?:由|从|较|比)(?:上年|去年|上一年度?|\d{4}年)?(?:同期)?的?\s*$")
# A rate named in the clause before, by its change (合格率同比提高10个百分点，达到90%): the
# figure after the comma is that rate's value this year.
_CHANGED_RATE = lazy_re(
    r"(?P<name>[^，。；：（）“”、\d]{1,16}?率)\s*(?:同比|较上年|比上年|较去年|比去年)?"
    r"(?:提高|提升|上升|增长|增加|下降|降低|减少|回落)了?\s*\d+(?:\.\d+)?\s*个百分点\s*[，,]\s*$"
)
_TO = lazy_re(
    r"\s*(?:(?:提高|提升|上升|升|增长|增加|下降|降低|降|减少|回落)?(?:到|至)|"
    r"(?:提高|提升|上升|增长|增加|下降|降低|减少|回落)为|变为|变成)"
)


_PROSE = ("段落", "小标题", "标题", "主送机关", "署名")  # a heading may state figures too (（一）受理247件，审结220件，…)


_PARTS_NEXT = lazy_re(r"(?:[，,][^。，；\d]{1,12})?[。.]\s*其中")  # (…320家，实现全覆盖。其中…: a claim between)


_SENTENCES_SUMMED = 30  # sentences before a 以上合计 read back (a paragraph may run to megabytes)


class Arithmetic(RateChecks, ShareChecks, BreakdownChecks, ChangeChecks):
    """All arithmetic rules over one document."""

    def __init__(self, check: Check):
        self.c = check
        self.cores: dict[str, list[str]] = check.table.words("比率核心词")
        self.sayings: dict[str, list[str]] = check.table.words("指标说法")
        self.rates = _rates(check.doc.cat)
        self.bounded_by = _bounded_by(check.doc.cat)
        self._whole_words: dict[str, list[str] | None] = {}
        self._rate_figures: dict[str, list] = {}  # rates.never_its_whole's words, by rate
        self._form_values: dict[str, float] | None = None  # rates.form_values, read once
        self._pairs = None
        self.known = None  # last year's figures (by key, by label, by label core), from --last
        self.clause_start = 0  # where the clause being checked starts
        self.carried_over: list[FoundFigure] = []  # the counts of the clause before it, across a ；
        self.sentence_before: list[FoundFigure] = []  # the figures of the sentence before, in the paragraph
        self.rates_on = check.on("比率核算", "比率口径", "部分大于整体", "比率无从计算")
        self.breakdown_on = check.on("其中超总数", "部分大于整体")
        self.total_on = check.on("合计不符")

    def run(self) -> None:
        if self.c.last is not None:
            self.known = self.c.last.known_figures()
        # the body's paragraphs, and the one-line parts a clerk types (标题, 主送机关, 署名): a
        # reader takes such a line with figures for a paragraph, so the form's is checked alike
        previous = None  # the unit before, when it is a heading: its counts are this year's for the first sentence under it
        for unit in (u for u in self.c.doc.units if u.kind in _PROSE):
            above, previous = previous, unit
            figures = in_wan(self.c.doc.figures(unit, mapped=self.known is not None))
            claims = self.rates_on and self.c.doc.data is not None and says_all_or_none(unit.text)
            if not figures and not (self.rates_on and "率" in unit.text) and not claims:
                continue
            k, carry = 0, list[FoundFigure]()
            stretch: tuple[int, list[FoundFigure]] | None = None  # clauses joined by ；: (start, figures)
            self.heading_counts = (
                [g for g in in_wan(self.c.doc.figures(above, mapped=self.known is not None)) if g.kind == "count"]
                if unit.kind == "段落" and above is not None and above.kind == "小标题"
                else []
            )
            if self.heading_counts and self.breakdown_on:
                self.parts_of_heading(unit, unit.text, figures, self.heading_counts)
            self.sentence_before = []
            said: list[tuple[list[FoundFigure], str]] = []  # each sentence before in the paragraph: its figures, its end
            for a, b in sentences(unit.text):
                here = []
                while k < len(figures) and figures[k].start < b:
                    if figures[k].start >= a:
                        here.append(figures[k])
                    k += 1
                extra = spoken_figures(unit.text, a, b, here) if self.rates_on else []
                if extra:
                    here = sorted(here + extra, key=lambda g: g.start)
                left = self.sentence(unit, unit.text, a, b, here, carry) if here else []
                if here and said:
                    self.total_of_sentences(unit, unit.text, a, here, said[-_SENTENCES_SUMMED:])
                if not here and claims:  # 审结案件中无一被纠错: a template's words, against the form
                    self.form_claims(unit, unit.text, a, b, [])
                self.heading_counts = []  # (the heading's counts are read by the first sentence only)
                self.sentence_before = here if unit.text[b - 1 : b] == "。" else []
                said.append((here, unit.text[b - 1 : b]))
                # a rate in the clause after a ；reads the counts of the clause before it (审结146件；
                # 结案率96.7%): the counts not yet taken by a rate are carried over once
                carry = left if unit.text[b - 1 : b] == "；" and not carry else []
                if not carry and unit.text[b - 1 : b] == "；" and _NAMED_AGAIN.match(unit.text, b):
                    # …审结79件，结案率90.8%；审结案件中，…纠错10件，纠错率…: the clause after the ；
                    # names a count of this one again, whose rate it goes on to state
                    carry = [g for g in here if g.kind == "count"][-NEAR_COUNTS:]
                # a 其中 list may run on past a ；(其中行政处罚60件；行政许可50件): the breakdowns
                # are read over the clauses a ；joins
                if stretch:
                    stretch[1].extend(here)
                else:
                    stretch = (a, list(here))
                # …受理300件。其中，行政处罚200件…: a sentence opening with 其中 lists the parts
                # of the count that ended the one before
                parts_next = bool(here) and _PARTS_NEXT.match(unit.text, here[-1].start + len(here[-1].text)) is not None
                if unit.text[b - 1 : b] != "；" and not parts_next:
                    self.lists(unit, stretch[0], b, stretch[1])
                    stretch = None
            if stretch:
                self.lists(unit, stretch[0], len(unit.text), stretch[1])

    def lists(self, unit, a: int, b: int, figs: list[FoundFigure]) -> None:
        """Parts and totals over clauses a ；joins (其中…；…, …；…；合计…)."""
        self.breakdowns(unit, unit.text, a, b, figs)
        if self.total_on:
            self.total(unit, unit.text, figs)

    # -- one sentence ----------------------------------------------------------------
    def sentence(self, unit, text: str, a: int, b: int, figs: list[FoundFigure], carry: Sequence[FoundFigure] = ()) -> list[FoundFigure]:
        """Check one sentence; return the counts after its last rate (those a rate in the next
        clause, after a ；, may be computed from)."""
        self.clause_start = a  # counts before it were carried across a ；
        self.carried_over = list(carry)
        counts: list[FoundFigure] = list(carry)  # the sentence's counts so far
        window: list[FoundFigure] = list(carry)  # the counts since the last percentage: what the next rate is about
        listed: dict[int, tuple | None] = {}  # the rates of a 分别 list: index → (name, its counts) or None
        for k, f in enumerate(figs):
            if f.kind == "count":
                counts.append(f)
                window.append(f)
            elif f.kind == "rate" and _TO.match(text, f.start + len(f.text)) and _PREVIOUS.search(text[max(a, f.start - 12) : f.start]):
                continue  # last year's rate: the counts before it are this year's rate's
            elif f.kind == "rate":
                reach = max(a, f.start - NAME_REACH)
                pre_start = max([reach] + [m.end() for m in _CLAUSE.finditer(text, reach, f.start)])
                if (
                    not text[pre_start : f.start].strip()
                    and text[pre_start - 1 : pre_start] in "（“"
                    and pre_start > reach
                    and text[pre_start - 2 : pre_start - 1] == "率"
                    and text[f.start + len(f.text) :][:1] in "）”"
                ):
                    # the rate in brackets or quotes right after its name (结案率（86.7%）, 结案率“86.7%”)
                    pre_start = max([reach] + [m.end() for m in _CLAUSE.finditer(text, reach, pre_start - 1)])
                    pre = text[pre_start : f.start].rstrip().rstrip("（“").rstrip()
                elif not text[pre_start : f.start].strip() and text[pre_start - 1 : pre_start] in "：:" and pre_start > reach:
                    # a name before a colon (结案率：96.7%) names the figure after it
                    pre_start = max([reach] + [m.end() for m in _CLAUSE.finditer(text, reach, pre_start - 1)])
                    pre = text[pre_start : f.start].rstrip().rstrip("：:").rstrip()
                else:
                    # a space between the name or its verb and the figure (结案率为 88.1%) parts nothing
                    pre = text[pre_start : f.start].rstrip()
                if "率" not in pre and "占" not in pre:
                    m = _CHANGED_RATE.search(text, max(a, pre_start - 40), pre_start)
                    if m:
                        pre = m.group("name") + pre  # the words before the name are the rate's
                        pre_start = m.start("name")
                near = counts[-NEAR_COUNTS:]
                # 近/约 read with the figure (约50%) may end the words before it (占比大约50%)
                lead = f.text[:1] if f.approx in ("近", "约") and f.text[:1] in "近约" else ""
                if k not in listed and "分别" in pre and "占" in pre[pre.rfind("分别") :]:
                    listed.update(self.shares_listed(unit, text, pre, pre_start, figs, k, near))
                elif k not in listed and "分别" in pre:
                    listed.update(self.respective(text, pre, pre_start, figs, k, window[-NEAR_COUNTS:]))
                if k in listed:
                    entry = listed[k]
                    if entry is not None:
                        name, pool, after, paired = entry
                        # a pair's rate (复议151件…审结146件…结案率分别为…) is of that pair alone
                        self.rate(unit, text, f, pre, pre_start, pool, pool if paired else near, after, names=[name])
                    window = []
                elif any(p.search(pre + lead) for p in (_SHARE, _SHARE_OF, _SHARE_OF_COUNT)):
                    self.share(unit, text, f, pre, pre_start, near, figs[max(0, k - NEAR_COUNTS) : k + 1])
                else:
                    self.rate(unit, text, f, pre, pre_start, window[-NEAR_COUNTS:], near, self.after(figs, k))
                window = []
            elif f.kind in ("change", "points"):
                self.change(unit, text, a, k, figs)
            if f.kind == "count" and _DELTA.search(f.label) and self.c.on("同比核算"):
                self.delta(unit, text, a, k, figs)
            if f.kind in ("count", "rate") and self.c.on("同比核算"):
                self.direction(unit, text, figs, k)
            if f.kind == "count" and k and self.c.on("同比核算") and self.is_last_year(text, f):
                self.way_said(unit, text, figs, k)
        if self.breakdown_on:
            self.pairs(unit, text, figs)
        if "持平" in text[a:b] and self.c.on("同比核算"):
            self.held_level(unit, text, a, b, figs)
        if any(w in text[a:b] for w in ("倍", "翻", "成", "半")) and self.c.on("同比核算"):
            self.times(unit, text, a, b, figs)
        if self.rates_on:
            self.all_counted(unit, text, a, b, figs)
            if self.c.doc.data is not None:
                self.form_claims(unit, text, a, b, figs)
        return window[-NEAR_COUNTS:]


# A clause opening by naming again what an earlier count counted (审结案件中，办结事项中：)
_NAMED_AGAIN = lazy_re(r"\s*(?:在)?[^，。；、\d]{2,12}?(?:当中|之中|中)[，,：:]")


def run(check: Check) -> None:
    if check.on(
        "比率核算",
        "比率口径",
        "比率无从计算",
        "占比核算",
        "部分大于整体",
        "其中超总数",
        "合计不符",
        "同比核算",
        "同比异常",
        "比率升降单位",
        "百分点误用",
    ):
        Arithmetic(check).run()
