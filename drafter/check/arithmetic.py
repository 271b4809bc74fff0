"""Arithmetic: every stated rate, share, breakdown, total and 同比 recomputed from the
figures stated beside it (domain.md §4 for the rates' definitions).

A rate is tied to its counts by name, within its sentence: the numerator is a count whose
label carries the rate's core word (办结率 ↔ 办结803起; 结案率 ↔ 审结/办结), the denominator
the whole it belongs to (受理1117起), by the catalogue's definition where the catalogue
knows the rate. A rate whose name matches none of the counts beside it is not checked
("宁可漏报，不可误报"). Rounding and truncation at the stated precision are both right; a
count written with 万/亿 stands for the whole range it rounds from; a count with 余/多/近/约
is not exact and nothing is recomputed from it. A rate written as a bound (95%以上, 不低于,
超过; 以下, 不超过) is checked as that bound, one written roughly (约, 近, 左右) within
ABOUT_POINTS percentage points. A fall of 100% leaves nothing, so it contradicts a count of
this year that is not 0, and no count falls by more than 100%.

A list of parts (其中…, or in brackets right after its total) is summed while its items are
parallel; a share (占35.2%, 所占比例为, 占…1286项的, 分别占…和…) is of the count named before it,
checked as claimed, and never over 100% unless of a target or of last year (占计划的120%).
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from drafter.catalogue import Catalogue, per_catalogue
from drafter.check.context import Check
from drafter.numberwords import MAX_PLACES, change_percent, percent, plain
from drafter.reading.figures import FoundFigure, bigrams, count_name, han_value, nameless

_SENTENCE = re.compile(r"[。；！？]|(?<=[^\s，、；：。（“一二三四五六七八九十第])(?=[一二三四五六七八九十]是)")
_CLAUSE = re.compile(r"[，：（）“”]")
_VERBS = re.compile(r"(?:均|分别|都|始终|一直|持续|连续\d+年|稳定|保持|继续)?"
                    r"(?:为|达到|达|是|在|至|到|约|约为|仅为|高达|超过|提升至|提高至|提高到|提升到|上升至|上升到|"
                    r"下降至|下降到|降至|降为|升至|增至|实现|实现了|达到了|高)?$")  # 高: 高达76.7% (达 read with the figure)
_SHARE_OF = re.compile(r"占(?P<whole>[^，。；：%\d]{1,24}?)(?:的)?(?:比例|比重)?(?:为|达到?|约为?|是)?$")
_SHARE = re.compile(r"(?:所)?占(?:比|比例|比重)?(?:为|达到?|约为?|是)?$")  # 占比为, 所占比例为, 占比约为
# A share of a whole stated with it (占政务服务事项1286项的88.1%): the whole is that count.
_SHARE_OF_COUNT = re.compile(r"占[^，。；：%]{0,40}?\d[^，。；：%\d]{0,6}的(?:比例|比重)?(?:为|达到?|约为?|是)?$")
_OF_COUNT_TAIL = re.compile(r"的(?:比例|比重)?(?:为|达到?|约为?|是)?\s*$")
# A share of what may be passed (占年度任务的120%, 占上年的130%): not bounded by 100%.
_MAY_PASS = re.compile(r"任务|计划|目标|预算|指标|上年|去年|上一年|同期|基数|标准|定额")
_NOT_SHARE = re.compile(r"占(?:地|用|道|有|领|据)|[侵霸挤抢]占")  # 占地面积, 侵占: not a share
_CHANGE_UP = ("上升", "增长", "提高", "增加", "增幅", "涨幅")
_CHANGE_DOWN = ("下降", "减少", "降低", "降幅")
_UNBOUNDED = ("结案", "办结", "审结")  # closures may include last year's carry-over: over 100% is possible
NAME_REACH = 40  # characters before a percentage where its name stands
NEAR_COUNTS = 8  # counts before a percentage that it may be computed from
MAX_ITEMS = 30  # items of a 其中 breakdown or of a list before 共
_TOTAL_HEAD = re.compile(r"[，,](共计|合计|总计|累计|共)[^，。；、\d]{0,8}$")
_DELTA = re.compile(r"(?:同比|较上年|比上年|较去年|比去年)?(?:增加|减少|上升|下降|降低|多|少)了?$")
_PART_OF = re.compile(r"(?:其中|含|包括)[^，。；（）]*$")  # a count that is a part, never a whole
_LAST_YEAR = re.compile(r"(?:上年|去年|上一年度?)(?:同期)?(?:的|为|是|共)?$")
# A word of approximation before a figure, parted from it by a space (约 50件, 超过 90%): the
# figure is not exact, as if written 约50件.
_ROUGH = re.compile(r"(?:近|约|超过|超|逾|将近|接近)$")
# A rate of none written in words (败诉率为零, 为百分之零) or as the fraction 0/0: the same
# claim as 0%, read as such.
_ZERO_RATE = re.compile(r"(?<=率)(?:\s*(?:为|是|均为|仅为))?\s*(?P<zero>百分之零|零|0\s*/\s*0)(?![点\d.%％个次件项])")
# A count written without a unit (审结数为0，受理数是12): only a label ending in 数 and a
# number ending its clause, so no year, code or ordinal is read as one.
_BARE_COUNT = re.compile(r"数(?:为|是|共|达)?\s*(?P<num>\d{1,15})(?=[，。；、）)]|$)")


# A rate written in words (百分之八十九, 百分之九十五点三, 百分之百); 百分之零 is a rate of none,
# read by _ZERO_RATE.
_SPOKEN_RATE = re.compile(r"百分之(?P<num>[一二三四五六七八九十百][零〇一二三四五六七八九十百]*(?:点[零〇一二三四五六七八九]+)?)")
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _spoken_value(words: str) -> float | None:
    """八十九 → 89, 九十五点三 → 95.3, 百 → 100, 一百 → 100; None when not a number."""
    whole, _, frac = words.partition("点")
    if whole in ("百", "一百"):
        value = 100
    else:
        value = han_value(whole.replace("零", "").replace("〇", ""))
        if value is None or value > 100:
            return None
    if frac:
        return float(Decimal(value) + Decimal("0." + "".join(str(_HAN_DIGITS[c]) for c in frac)))
    return value


class _SpokenRate(FoundFigure):
    """A rate written in words: its precision is that of its words (九十五点三 has one place)."""

    def __init__(self, label: str, value: float, text: str, start: int, words: str):
        super().__init__(label, value, "%", "", text, start)
        self._places = len(words.partition("点")[2])

    @property
    def decimals(self) -> int:
        return self._places


def rough(f: FoundFigure) -> bool:
    """Is ``f`` an approximation (余/多/近/约, before it or after it)?"""
    return bool(f.approx) or bool(_ROUGH.search(f.label))


def spoken_figures(text: str, a: int, b: int, figs: list[FoundFigure]) -> list[FoundFigure]:
    """The figures of ``text[a:b]`` the reader does not take as such and arithmetic needs:
    a rate of none in words (败诉率为零、败诉率0/0) and a count with no unit (审结数为0)."""
    taken = {f.start for f in figs}
    out = []
    for m in _ZERO_RATE.finditer(text, a, b):
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, m.start() - 40):m.start("zero")])[-1].strip()
        out.append(FoundFigure(label, 0, "%", "", m.group("zero"), m.start("zero")))
    for m in _SPOKEN_RATE.finditer(text, a, b):
        value = _spoken_value(m.group("num"))
        if value is None:
            continue
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, m.start() - 40):m.start()])[-1].strip()
        out.append(_SpokenRate(label, value, m.group(0), m.start(), m.group("num")))
    for m in _BARE_COUNT.finditer(text, a, b):
        at = m.start("num")
        if at in taken:
            continue
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, at - 40):at])[-1].strip()
        label = re.sub(r"(?<=数)(?:为|是|共|达)$", "", label)
        out.append(FoundFigure(label, int(m.group("num")), "", "", m.group("num"), at))
    return out


class Amount:
    """A figure as a range: 1.6万 is anything that rounds to it, 162 is 162."""

    def __init__(self, f: FoundFigure):
        self.f = f
        scale = 1e4 if re.search("万(?!元)", f.text) else 1e8 if re.search("亿(?!元)", f.text) else \
            1e3 if re.search("千(?!元)", f.text) else 1
        half = 0.5 * 10 ** -f.decimals * scale if scale != 1 else 0.0
        self.lo, self.hi = f.value - half, f.value + half

    @property
    def label(self) -> str:
        return self.f.label


# Verbs a long count label may hold before its name (全年共收到向区政府提出行政复议申请):
# the name is taken whole after the last of them, never cut in the middle of a word.
_LABEL_VERBS = re.compile(r"(?:收到|受理|办理|审结|办结|结案|发生|开展|组织|审核|审查|出台|制发|印发|报送|办复|答复|"
                          r"调解|化解|排查|整改|发现|接待|参加|参与|作出|提起|提出|新收|收案)")
_NAME_LIMIT = 16  # characters of a count's name a message quotes before looking for where it starts


def _short(g: FoundFigure | str) -> str:
    """A count's name as messages say it, taken whole, never cut inside a word: its label
    (or, when the label names nothing, the words after the number: 对42件规范性文件 →
    规范性文件) without a verb of counting at its end (申请共 → 申请), what follows its last 的 (“2024年共收到向区政府提出的行政复议申请” →
    “行政复议申请”), and a name still long from its last verb on (the verb kept)."""
    label = count_name(g) if isinstance(g, FoundFigure) else g
    label = re.sub(r"(?<=..)(?:共计|合计|总计|累计|共|达|为|计|有)$", "", label)  # 行政复议申请共162件
    tail = label.rsplit("的", 1)[-1]
    label = tail if len(tail) >= 2 else label
    if len(label) > _NAME_LIMIT:
        starts = [m.start() for m in _LABEL_VERBS.finditer(label) if len(label) - m.start() >= 2]
        if starts:
            label = label[starts[-1]:]
    return label


def _called(g: FoundFigure) -> str:
    """A count in a message: “名称”数字 (“审结”146件), or the figure alone when nothing names
    it, never “” or a word that names nothing (“对”)."""
    name = _short(g)
    return f"“{name}”{_shown(g)}" if name else _shown(g)


def _shown(f: FoundFigure) -> str:
    """A figure as written, without the word before the number (达85% → 85%)."""
    return re.sub(r"^(近|约|超过|超|逾|达)", "", f.text)


def _pct_consistent(stated: float, decimals: int, num: Amount, den: Amount) -> bool:
    """Can num ÷ den, rounded or truncated to ``decimals`` places, be ``stated`` %?"""
    if den.hi <= 0:
        return False
    unit = 10 ** -decimals
    lo = num.lo / den.hi * 100
    hi = num.hi / max(den.lo, 1e-9) * 100
    if stated >= 100 and num.hi < den.lo:
        return False  # 100% claims every case: 99.6 is not 100
    if stated == 0 and num.lo > 0:
        return False
    return lo < stated + unit - 1e-9 and hi >= stated - unit / 2 - 1e-9


# How a rate is claimed (README, 比率怎么核对): exactly, as a bound (95%以上, 不低于95%,
# 超过95%; 以下, 不超过, 低于), or roughly (约95%, 近95%, 95%左右). A bound is checked only as a
# bound; a rough rate is right within ABOUT_POINTS percentage points of its counts.
_AT_LEAST_BEFORE = re.compile(r"(?:不低于|不少于|不小于|高于|大于|多于|超出|超过|逾)$")
_AT_MOST_BEFORE = re.compile(r"(?:不高于|不超过|不大于|不多于|未超过|低于|少于|小于|不足|不到|未达到|未达)$")
_ABOUT_BEFORE = re.compile(r"(?:约为|约|将近|接近|近)$")
_AFTER_WORD = re.compile(r"\s*(?:(?P<least>及以上|以上|之上)|(?P<most>及以下|以下|之下|以内)|(?P<about>左右|上下))")
ABOUT_POINTS = 1.0  # how far (in percentage points) a rate written 约/近/左右 may stand from its counts


def _claim(text: str, f: FoundFigure, pre: str) -> tuple[str, str, str] | None:
    """How ``f`` is claimed: (mode, the bound word before it, the word after it), mode one of
    exact / least / most / about; None when the words contradict (约95%以上 is read as a
    bound; 不低于95%以下 is nothing)."""
    modes, before = set(), ""
    for mode, pattern in (("least", _AT_LEAST_BEFORE), ("most", _AT_MOST_BEFORE), ("about", _ABOUT_BEFORE)):
        m = pattern.search(pre.rstrip())
        if m:
            modes.add(mode)
            before = pre[m.start():]
            break
    if f.approx in ("近", "约"):
        modes.add("about")
    elif f.approx and re.match(r"超|逾", f.text) and re.search(r"[不未]$", pre.rstrip()):
        modes, before = {"most"}, pre.rstrip()[-1]  # 不超过95%: 超过 is read with the figure
    elif f.approx:  # 超过/超/逾 before it, 余/多 after it
        modes.add("least")
    m = _AFTER_WORD.match(text, f.start + len(f.text))
    after = m.group(0) if m else ""
    if m:
        modes.add(m.lastgroup)
    if "least" in modes and "most" in modes:
        return None
    mode = "least" if "least" in modes else "most" if "most" in modes else "about" if modes else "exact"
    return mode, before, after


def _stated(f: FoundFigure, claim: tuple[str, str, str]) -> str:
    """The rate as the text claims it (95%以上, 不低于95%, 约95%), without a plain 达."""
    mode, before, after = claim
    return before.strip() + re.sub(r"^达", "", f.text) + after.strip()


def _fits(stated: float, decimals: int, num: Amount, den: Amount, mode: str) -> bool:
    """Is num ÷ den what the rate claims: the value (rounded or truncated), within the bound
    (at the stated precision), or within ABOUT_POINTS of a rough value?"""
    if mode == "exact":
        return _pct_consistent(stated, decimals, num, den)
    if den.hi <= 0:
        return False
    half = 10 ** -decimals / 2
    lo = num.lo / den.hi * 100
    hi = num.hi / max(den.lo, 1e-9) * 100
    if mode == "least":
        return hi >= stated - half - 1e-9
    if mode == "most":
        return lo < stated + half + 1e-9
    return lo <= stated + ABOUT_POINTS + 1e-9 and hi >= stated - ABOUT_POINTS - 1e-9


def _should(num: Amount, den: Amount, decimals: int, mode: str, f: FoundFigure) -> str:
    """What a message says the rate is, for the way it is claimed."""
    value = _pct(num, den, decimals)
    if mode == "least":
        return f"是{value}，低于{_shown(f)}"
    if mode == "most":
        return f"是{value}，高于{_shown(f)}"
    if mode == "about":
        return f"是{value}，与{_shown(f)}相差超过{plain(ABOUT_POINTS)}个百分点"
    return f"应为{value}"


# Rates whose part is a subset of their whole (满意的 are among those asked, 覆盖的村居 among
# all): never over 100%. Not closures (结案率 over 受理 may pass 100% with last year's
# carry-over, domain.md §4 结案率), nor growth or completion of a target (完成率 120%).
_WITHIN = ("满意", "覆盖", "合格", "优秀", "败诉", "胜诉", "纠错", "出庭", "应诉", "报备", "备案", "知晓", "公开",
           "网办", "可办", "成功", "采纳", "签约", "配备", "达标", "准确", "及时", "按时", "按期")
_MAY_EXCEED = ("增长", "增幅", "增加", "上升", "提高", "完成", "超额", "同比", "环比", "执行", "到位", "使用")


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


def _pct(num: Amount, den: Amount, decimals: int) -> str:
    """The rate num ÷ den as it should be written: to the stated precision (at least one
    decimal), and never 0% or 100% when it is not (numberwords.percent): 2683 of 2684 is
    99.96%, 1 of 20000 is 0.005%."""
    try:
        return percent(num.f.value / den.f.value, min(max(decimals, 1), MAX_PLACES))
    except ValueError:  # beyond any real rate (a figure of 15 digits over a fraction)
        return f"{plain(num.f.value)} ÷ {plain(den.f.value)}"


def _no_base(den: Amount) -> bool:
    """A whole of none (0件, 0.0万件): no percentage of it can be computed, whatever is
    stated (0/0 is not 0%, nor 100%)."""
    return den.f.value == 0 or den.hi <= 0


def _compatible(stem: str, label: str, head: str) -> bool:
    """A rate's qualifier and a count's must not contradict: 调解成功率 fits 调处成功, but
    实质性化解率 is not 受理前化解 (the words before the core share no character)."""
    before_stem = stem.split(head)[0] if head in stem else ""
    before_label = label.split(head)[0]
    return not (before_stem and before_label) or bool(set(before_stem) & set(before_label))


def _words_of(name: str, sayings: dict[str, list[str]]) -> list[str]:
    """The words a report names a catalogue figure by: its sayings (指标说法), else its name,
    or a name of a thing counted by what is done to it (合格案卷 → 合格, 评查案卷 → 评查)."""
    if name in sayings:
        return list(sayings[name])
    m = re.fullmatch(r"(.{2,})(案卷|事项|文件|村居)", name)
    return [name, m.group(1)] if m else [name]


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE.finditer(text):
        end = m.end() if m.group(0) else m.start()
        if end > start:
            spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@per_catalogue
def _rates(cat: Catalogue) -> dict[str, tuple]:
    """Catalogue rate name → (numerator, denominators) of the first group that defines it."""
    out = {}
    for theme in cat.themes.values():
        for group in theme.groups.values():
            for r in group.rates.values():
                out.setdefault(r.name, (r.numerator, r.denominator))
    return out


@per_catalogue
def _bounded_by(cat: Catalogue) -> dict[str, set[str]]:
    """Catalogue figure name → the names of its group it is bounded with by 不大于: those
    above it (回访满意 ≤ 按时办结 ≤ 受理诉求) and those under the same whole (纠错 and 败诉
    under 审结). Such figures are parts of one another or of one whole, not a partition."""
    out: dict[str, set[str]] = {}
    for theme in cat.themes.values():
        for group in theme.groups.values():
            above = {}
            for fig in group.figures.values():
                chain, seen = [], fig.not_above
                while seen and seen not in chain and seen in group.figures:
                    chain.append(seen)
                    seen = group.figures[seen].not_above
                above[fig.name] = chain
            for fig in group.figures.values():
                related = set(above[fig.name])
                related |= {g for g, chain in above.items() if fig.name in chain}
                if fig.not_above:
                    related |= {g.name for g in group.figures.values() if g.not_above == fig.not_above}
                related.discard(fig.name)
                if related:
                    out.setdefault(fig.name, set()).update(related)
    return out


# A list of parts goes on across 、; across ，/； only while its items are parallel
# (_parallel). A part's name may say it is included (含行政处罚60件).
_LIST_GAP = re.compile(r"[、，；]")
_INCLUDED = re.compile(r"^(?:含|包括|包含)")
_NOT_A_PART = re.compile(r"\d|率|上年|去年|上一年|同期|同比|环比")
# Words that open a new subject, not another part (同比, 上年, 此外, 累计…); those _LEADING
# drops from a label (全年, 共, 已…) stay between the items and end the list by themselves.
_MOVES_ON = re.compile(r"^(?:同比|较上年|比上年|上年|去年|上一年|同期|本年|今年|当年|此外|另外|另|还|又|再|涉及|新增|"
                       r"累计|总计|合计|均|全部|所有|其余|剩余|其他|以上|上述)")
# What is done to the cases: a part doing what the first part does not (审结, 办结, 发布,
# 满意…) is a stage or a quality of the same cases, or another subject.
_ACTS = re.compile(_LABEL_VERBS.pattern[3:-1] + r"|发布|回应|举办|召开|开通|培训|新增|完成|实现|达到|满意|回访|"
                   r"解决|反馈|公开|审批|移送|立案|结转|退回|驳回|撤回|终止|纠错|败诉|胜诉")


def _item_name(g: FoundFigure) -> str:
    """The name of a listed part, without 含/包括 before it."""
    return _INCLUDED.sub("", g.label)


def _whole_called(g: FoundFigure) -> str:
    """A share's whole in a message, named without the 占 before it (占政务服务事项1286项的)."""
    name = re.sub(r"^占", "", _short(g))
    return f"“{name}”{_shown(g)}" if name else _shown(g)


def _part_called(g: FoundFigure) -> str:
    """A listed part in a message, named without 含/包括 (“行政处罚”120件)."""
    return f"“{_short(_item_name(g))}”{_shown(g)}" if _INCLUDED.match(g.label) and _item_name(g) else _called(g)


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
    if not set(_ACTS.findall(name)) <= set(_ACTS.findall(head)):
        return False
    return name[-1] == head[-1] or bool(bigrams(name) & bigrams(head))


class Arithmetic:
    """All arithmetic rules over one document."""

    def __init__(self, check: Check):
        self.c = check
        self.cores: dict[str, list[str]] = check.table.words("比率核心词")
        self.sayings: dict[str, list[str]] = check.table.words("指标说法")
        self.rates = _rates(check.doc.cat)
        self.bounded_by = _bounded_by(check.doc.cat)
        self._whole_words: dict[str, list[str] | None] = {}
        self._pairs: list | None = None
        self.known = None  # last year's figures (by key, by label), from --last
        self.clause_start = 0  # where the clause being checked starts
        self.rates_on = check.on("比率核算", "比率口径", "部分大于整体", "比率无从计算")
        self.breakdown_on = check.on("其中超总数", "部分大于整体")
        self.total_on = check.on("合计不符")

    def run(self) -> None:
        if self.c.last is not None:
            self.known = self.c.last.known_figures()
        for unit in self.c.doc.paragraphs():
            figures = self.c.doc.figures(unit, mapped=self.known is not None)
            if not figures and not (self.rates_on and "率" in unit.text):
                continue
            k, carry = 0, []
            stretch: tuple[int, list[FoundFigure]] | None = None  # clauses joined by ；: (start, figures)
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
                # a rate in the clause after a ；reads the counts of the clause before it (审结146件；
                # 结案率96.7%): the counts not yet taken by a rate are carried over once
                carry = left if unit.text[b - 1:b] == "；" and not carry else []
                # a 其中 list may run on past a ；(其中行政处罚60件；行政许可50件): the breakdowns
                # are read over the clauses a ；joins
                if stretch:
                    stretch[1].extend(here)
                else:
                    stretch = (a, list(here))
                if unit.text[b - 1:b] != "；":
                    self.breakdowns(unit, unit.text, stretch[0], b, stretch[1])
                    stretch = None
            if stretch:
                self.breakdowns(unit, unit.text, stretch[0], len(unit.text), stretch[1])

    # -- one sentence ----------------------------------------------------------------
    def sentence(self, unit, text: str, a: int, b: int, figs: list[FoundFigure],
                 carry: list[FoundFigure] = ()) -> list[FoundFigure]:
        """Check one sentence; return the counts after its last rate (those a rate in the next
        clause, after a ；, may be computed from)."""
        self.clause_start = a  # counts before it were carried across a ；
        counts: list[FoundFigure] = list(carry)  # the sentence's counts so far
        window: list[FoundFigure] = list(carry)  # the counts since the last percentage: what the next rate is about
        listed: dict[int, tuple | None] = {}  # the rates of a 分别 list: index → (name, its counts) or None
        for k, f in enumerate(figs):
            if f.kind == "count":
                counts.append(f)
                window.append(f)
            elif f.kind == "rate":
                reach = max(a, f.start - NAME_REACH)
                pre_start = max([reach] + [m.end() for m in _CLAUSE.finditer(text, reach, f.start)])
                if not text[pre_start:f.start].strip() and text[pre_start - 1:pre_start] in "：:" and pre_start > reach:
                    # a name before a colon (结案率：96.7%) names the figure after it
                    pre_start = max([reach] + [m.end() for m in _CLAUSE.finditer(text, reach, pre_start - 1)])
                    pre = text[pre_start:f.start].rstrip().rstrip("：:").rstrip()
                else:
                    # a space between the name or its verb and the figure (结案率为 88.1%) parts nothing
                    pre = text[pre_start:f.start].rstrip()
                near = counts[-NEAR_COUNTS:]
                if k not in listed and "分别" in pre and "占" in pre[pre.rfind("分别"):]:
                    listed.update(self.shares_listed(unit, text, pre, pre_start, figs, k, near))
                elif k not in listed and "分别" in pre:
                    listed.update(self.respective(text, pre, pre_start, figs, k, window[-NEAR_COUNTS:]))
                if k in listed:
                    if listed[k] is not None:
                        name, pool, after = listed[k]
                        self.rate(unit, text, f, pre, pre_start, pool, near, after, names=[name])
                    window = []
                elif _SHARE.search(pre) or _SHARE_OF.search(pre) or _SHARE_OF_COUNT.search(pre):
                    self.share(unit, text, f, pre, pre_start, near, figs[max(0, k - NEAR_COUNTS):k + 1])
                else:
                    self.rate(unit, text, f, pre, pre_start, window[-NEAR_COUNTS:], near, self.after(figs, k))
                window = []
            elif f.kind in ("change", "points"):
                self.change(unit, text, a, k, figs)
            if f.kind == "count" and _DELTA.search(f.label) and self.c.on("同比核算"):
                self.delta(unit, text, a, k, figs)
        if self.breakdown_on:
            self.pairs(unit, text, figs)
        if self.total_on:
            self.total(unit, text, figs)
        return window[-NEAR_COUNTS:]

    # -- rates -----------------------------------------------------------------------
    @staticmethod
    def after(figs: list[FoundFigure], k: int) -> list[FoundFigure]:
        """The counts of the sentence after the rate ``figs[k]`` and before the next rate or
        change: the counts a rate stated first is computed from (败诉率为0%（审结0件，败诉0件）)."""
        out = []
        for g in figs[k + 1:k + 1 + NEAR_COUNTS]:  # a slice bounded, or a long sentence is quadratic
            if g.kind != "count":
                break
            out.append(g)
        return out

    def respective(self, text, pre, pre_start, figs, k, window) -> dict[int, tuple | None]:
        """The rates of a 分别 list starting at ``figs[k]`` (办结率、满意率分别为95%、98%), each
        with the name in the same place of the list and the counts of the whole list; every
        rate None (not checked) when names and values do not pair off one to one, or the
        list is of shares (分别占…)."""
        cut = pre.rfind("分别")
        ks = self.rate_run(text, figs, k)
        names = self.names(pre[:cut], pre_start)
        if len(names) != len(ks) or len(ks) < 2 or "占" in pre[cut:]:
            return {i: None for i in ks}
        after = self.after(figs, ks[-1])
        return {i: (name, window, after) for i, name in zip(ks, names)}

    @staticmethod
    def rate_run(text, figs, k) -> list[int]:
        """The indexes of the percentages listed from ``figs[k]`` on (95%、98%; 60%和30%)."""
        ks = [k]
        while len(ks) < MAX_ITEMS and ks[-1] + 1 < len(figs) and figs[ks[-1] + 1].kind == "rate":
            prev, nxt = figs[ks[-1]], figs[ks[-1] + 1]
            if not re.fullmatch(r"\s*(?:、|和|及|与|，|,)\s*", text[prev.start + len(prev.text):nxt.start]):
                break
            ks.append(ks[-1] + 1)
        return ks

    def names(self, pre: str, pre_start: int) -> list[tuple[str, int]]:
        """The rate names a percentage is stated for (报备率、报备及时率均达100%)."""
        stripped = _VERBS.sub("", pre.rstrip()).rstrip()
        out, pos = [], pre_start
        # 、 always parts names; 和/及/与 only after a name (报备率和报备及时率), not inside one (调解和解率)
        for piece in re.split(r"(、|(?<=率)[和及与])", stripped):
            if piece and piece not in "、和及与" and piece.endswith("率") and len(piece) >= 2:
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
        pre = pre[:len(pre) - len(before_word)].rstrip()
        stated, decimals = f.value, f.decimals
        end = f.start + len(f.text) + len(after_word)
        said = _stated(f, claim)
        for name, at in names or self.names(pre, pre_start):
            stem = name[:-1]
            heads = self.heads(stem)
            quote = text[at:end]
            if stated > 100 and mode != "most" and _within_whole(stem):
                self.c.add("部分大于整体", self.c.doc.where(unit, at, end), quote, unit.part,
                           f"{name}写的是{said}，但{name}是整体中的一部分所占的比例，不会超过100%。",
                           "请核对这个比率：可能多写了一位，或写错了数。")
                continue

            def named(pool):
                return [g for g in pool if g.unit and any(h in g.label and _compatible(stem, g.label, h) for h in heads)
                        and _timely(stem, g.label)]

            # The part by name: among the counts before the rate, else among those just after it.
            nums, pool = named(window), window
            if not nums:
                nums, pool = named(after), list(after)
            if not nums:
                self.base_only(unit, at, f, quote, name, window + list(after))
                continue  # no count beside it by that name: not checked
            grams = bigrams(stem)
            num = max(nums, key=lambda g: (len(grams & bigrams(g.label)), g.start))
            if rough(num) or self.is_base(name, num, heads):
                continue
            dens = self.wholes(text, name, num, heads, pool, counts)
            if not dens:
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
            if bounded and N.lo > D.hi:
                where = self.c.doc.where(unit, at, end)
                self.c.add("部分大于整体", where, quote, unit.part,
                           f"{_called(num)}多于它所属的{_called(preferred)}，"
                           f"{name}不可能是{said}。",
                           "请核对这两个数：部分不能多于整体。")
                continue
            if _no_base(D):
                self.no_base(unit, at, f, quote, name, num, preferred)
                continue
            if _fits(stated, decimals, N, D, mode):
                continue
            # Another whole of the sentence it fits (to its printed precision): right when the
            # catalogue does not define the rate or its own whole is not stated (调解结案率
            # 28.1% = 以调解方式结案41件 ÷ 审结146件, not ÷ 受理151件); a reminder of the basis
            # when the catalogue's whole is stated and the rate is over another.
            alt = next((g for g in reversed(dens) if g is not preferred and not _no_base(Amount(g))
                        and _fits(stated, decimals, N, Amount(g), mode)), None)
            if alt is not None and not any(w in preferred.label for w in words):
                continue
            where = self.c.doc.where(unit, at, end)
            if alt is not None:
                self.c.add("比率口径", where, quote, unit.part,
                           f"{name}{said}是按{_called(alt)}算的（{_shown(num)} ÷ {_shown(alt)}）；"
                           f"按{_called(preferred)}算应为{_pct(N, D, decimals)}。",
                           f"{name}通常以{_called(preferred)}为基数；本地确实按{_called(alt)}计算的，"
                           "可以不改，最好在文中写明口径。")
            else:
                self.c.add("比率核算", where, quote, unit.part,
                           f"{name}写的是{said}，但按{self.said_where(num, preferred)}{_called(num)} ÷ "
                           f"{_called(preferred)}算，{_should(N, D, decimals, mode, f)}。",
                           "请核对比率和这两个数：可能是比率算错、写错，也可能是件数写错；"
                           "口径不同的（如含上年结转），请在文中写明。")

    def said_where(self, *counts: FoundFigure) -> str:
        """Where a message says the counts of a rate stand: 同一句中的 when in the rate's own
        clause, 前一分句中的 when all carried across a ；(审结146件；结案率76.7%), nothing when
        they stand on both sides of it."""
        carried = [g for g in counts if g.start < self.clause_start]
        return "同一句中的" if not carried else "前一分句中的" if len(carried) == len(counts) else ""

    def wholes(self, text, name, num, heads, pool, counts) -> list[FoundFigure]:
        """The counts ``num`` may be a part of, nearest last: of its unit, exact, not of the
        rate's own kind, not a part itself (其中…), not a change (同比增加…) nor last year's.
        Those before the part first (受理64件，办结50件); else those after it (办结50件，
        受理64件，结案率…; 败诉率为0%（审结0件，败诉0件）)."""
        stem = name[:-1]
        related = self.whole_words(name)

        def own_kind(g):
            """Named by the rate's core word (审结 beside 结案率): the rate's part, not its
            whole, unless it is the catalogue's base of the rate (报送备案 for 报备及时率) or
            the rate is of a kind of it the count is not (调解结案率 is 以调解方式结案 ÷ 审结)."""
            if not any(h in g.label for h in heads):
                return False
            if self.is_base(name, g, heads):
                return False
            qualifier = next((stem.split(h)[0] for h in heads if h in stem), "")
            return not (len(qualifier) >= 2 and qualifier not in g.label and qualifier in num.label
                        and g.start < num.start)

        def whole(g):
            called = count_name(g)
            return (g is not num and g.unit in (num.unit, "") and not rough(g) and called
                    and not own_kind(g)
                    and not _PART_OF.search(text, max(0, g.start - 24), g.start)
                    and not _DELTA.search(g.label) and not self.is_last_year(text, g)
                    and not re.search(r"上年|去年|上一年", g.label)
                    # a count named only by the words after it (对42件规范性文件进行合法性审核)
                    # is a whole when they name the rate's own whole: the catalogue's base or a
                    # count bounded with it (评查 for 合格率), or for a rate the catalogue does not
                    # know a word of its name; 报备率 is never over 合法性审核
                    and (not nameless(g) or bool(bigrams(g.after) & set().union(
                        *(bigrams(w) for w in (related if related is not None else [stem]))))))

        before = [g for g in pool if g.start < num.start] or [g for g in counts if g.start < num.start]
        dens = [g for g in before if whole(g)]
        if not dens:
            # A whole after its part only when it is the rate's own base by the catalogue
            # (受理 for 结案率): 办结建议120件、提案86件，办结率100% lists two wholes, not a
            # part and its whole.
            words = self.base_words(name) or self.paired_words(heads)
            dens = [g for g in pool if g.start > num.start and whole(g) and any(w in g.label for w in words)][:1]
        return dens

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

    def base_words(self, name: str) -> list[str]:
        """The words that name the catalogue's base of the rate ``name`` (none if unknown)."""
        known = self.rates.get(name)
        return [w for d in known[1] for w in self.sayings.get(d, [d])] if known else []

    def base_only(self, unit, at: int, f: FoundFigure, quote: str, name: str, pool) -> None:
        """A rate whose part the sentence does not state, over a base it states as none
        (审结数为0，败诉率0%): the base is the catalogue's, by name, or nothing is said."""
        words = self.base_words(name)
        base = next((g for g in reversed(pool) if any(w in g.label for w in words) and not rough(g)), None)
        if base is not None and _no_base(Amount(base)):
            self.no_base(unit, at, f, quote, name, None, base)

    def no_base(self, unit, at: int, f: FoundFigure, quote: str, name: str, num: FoundFigure | None,
                base: FoundFigure) -> None:
        """A rate stated over a whole of none: said as a rate that cannot be computed."""
        part = f"（{_called(num)}）" if num is not None else ""
        self.c.add("比率无从计算", (unit, at, f.start + len(f.text)), quote, unit.part,
                   f"{name}写的是{_shown(f)}，但它的基数{_called(base)}"
                   f"{part}：基数为0，比率无从计算。",
                   "基数为0时不要写比率，可以直接写明件数（如“未发生……”），或删去这个比率。")

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

    # -- shares ----------------------------------------------------------------------
    def share(self, unit, text, f, pre, pre_start, counts, figs) -> None:
        """A share (占35.2%, 占比约30%, 所占比例为27.2%, 占政务服务事项1286项的88.1%) of the
        count named before it, over the whole it names, the total of its 其中 list or the
        count before it; checked as claimed (exactly, as a bound, or within ABOUT_POINTS)."""
        if not self.c.on("占比核算", "比率无从计算", "部分大于整体"):
            return
        claim = _claim(text, f, pre)
        if claim is None:
            return
        at = text.rfind("占", pre_start, f.start)
        at = at if at >= 0 else pre_start
        if _NOT_SHARE.search(text, max(0, at - 1), at + 2):
            return
        start = at - 1 if text[at - 1:at] == "所" else at
        end = f.start + len(f.text) + len(claim[2])
        if f.value > 100 and claim[0] != "most" and not _MAY_PASS.search(text[at:f.start]):
            self.c.add("部分大于整体", (unit, start, end), text[start:end], unit.part,
                       f"占比写的是{_stated(f, claim)}，但部分占整体的比例不会超过100%。",
                       "请核对这个占比：可能多写了一位，或写错了数。")
            return
        stated = next((g for g in figs if g.kind == "count" and at < g.start < f.start
                       and _OF_COUNT_TAIL.match(text, g.start + len(g.text), f.start)), None)
        counts = [g for g in counts if g.start < at] if stated is not None else counts
        if not counts:
            return
        listed = self.listed_under(text, counts)
        part = self.share_part(pre, listed[1] if listed else counts)
        whole = None
        if stated is not None:
            if stated.unit != part.unit:
                return
            whole = stated
        m = _SHARE_OF.search(pre)
        if whole is None and m and not _SHARE.search(pre):
            named = m.group("whole")
            grams = bigrams(named)
            options = [g for g in figs if g.kind == "count" and g is not part and g.unit == part.unit
                       and grams & bigrams(g.label)]
            if options:
                whole = max(options, key=lambda g: len(grams & bigrams(g.label)))
            elif not re.search(r"总|全部|全年|所有", named):
                return  # a whole the sentence does not state (占全省的10%)
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
            between = text[whole.start:part.start]
            if "其中" not in between and whole.value < part.value:
                return
        self.share_of(unit, text, f, claim, start, end, part, whole)

    def share_of(self, unit, text, f, claim, start: int, end: int, part: FoundFigure, whole: FoundFigure) -> None:
        """Is the share ``f`` (claimed as ``claim``) ``part`` ÷ ``whole``?"""
        if part.approx or whole.approx:
            return
        quote = text[start:end]
        P, W = Amount(part), Amount(whole)
        if _no_base(W):
            self.c.add("比率无从计算", (unit, start, end), quote, unit.part,
                       f"写的是{_shown(f)}，但整体{_called(whole)}：整体为0，占比无从计算。",
                       "整体为0时不要写占比，可以直接写明件数，或删去这个占比。")
            return
        mode = claim[0]
        if not _fits(f.value, f.decimals, P, W, mode):
            said = _stated(f, claim)
            should = f"应为{_pct(P, W, f.decimals)}" if mode == "exact" else _should(P, W, f.decimals, mode, f)
            self.c.add("占比核算", self.c.doc.where(unit, start, end), quote, unit.part,
                       f"写的是{said}，但{_called(part)} ÷ {_whole_called(whole)}{should}。",
                       "请核对占比和这两个数。")

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
            if g.unit != items[0].unit or text[prev.start + len(prev.text):g.start - len(g.label)] not in ("、", "，"):
                return marks
        listed = self.listed_under(text, before)
        whole = listed[0] if listed and listed[1][-n:] == items else before[-n - 1]
        if whole.unit != items[0].unit or any(g.kind != "rate" for g in (figs[i] for i in ks)):
            return marks
        for i, part in zip(ks, items):
            f = figs[i]
            pre_f = pre if i == k else text[figs[i - 1].start + len(figs[i - 1].text):f.start]
            claim = _claim(text, f, pre_f)
            if claim is None:
                continue
            start = at if i == k else f.start - len(claim[1])  # 分别占60%…; 30%
            end = f.start + len(f.text) + len(claim[2])
            if f.value > 100 and claim[0] != "most":
                self.c.add("部分大于整体", (unit, start, end), text[start:end], unit.part,
                           f"占比写的是{_stated(f, claim)}，但部分占整体的比例不会超过100%。",
                           "请核对这个占比：可能多写了一位，或写错了数。")
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
    def share_part(pre: str, counts: list[FoundFigure]) -> FoundFigure:
        """The count a share is of: the one named just before 占/占比 (企业占比63.8% is the
        share of 企业164户, not of the count written last), else the nearest count."""
        name = pre[:pre.rfind("占")] if "占" in pre else ""
        name = re.sub(r"^(?:其中|分别|合计|共)+|的$", "", name.strip())
        grams = bigrams(name)
        if grams:
            named = [g for g in counts if grams & bigrams(g.label)]
            if named:
                return max(named, key=lambda g: (len(grams & bigrams(g.label)), g.start))
        return counts[-1]

    # -- 其中 and 共 ------------------------------------------------------------------
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
            total, first = counts[k - 1], counts[k]
            between = text[total.start + len(total.text):at]
            if "；" in between and not between.endswith("；"):
                continue  # a total across a ；only right before it (受理100件；其中…)
            lead = text[at + 2:first.start]  # 其中行政处罚, 其中：行政处罚, 其中，行政处罚
            if first.unit != total.unit or re.search(r"[，；。]", lead.lstrip("，：:")):
                continue
            items = self.listed(text, first, counts[k + 1:k + MAX_ITEMS], total.unit, b)
            self.judge(unit, text, total, items, "“其中”")

    def bracketed(self, unit, text, b, counts) -> None:
        """A total with its parts in brackets right after it: the brackets hold nothing but
        the list, of the total's unit; one part alone only when said to be included (（含…）)."""
        for k, total in enumerate(counts[:-1]):
            opening = total.start + len(total.text)
            if text[opening:opening + 1] != "（":
                continue
            close = text.find("）", opening, min(b, opening + 40 * MAX_ITEMS))
            inside = [g for g in counts[k + 1:k + 1 + MAX_ITEMS] if g.start < close]
            if close < 0 or not inside:
                continue
            first = inside[0]
            if (first.unit != total.unit or text[opening + 1:first.start - len(first.label)]
                    or _NOT_A_PART.search(first.label) or _DELTA.search(first.label)):
                continue  # （其中…） is read as 其中; （同比增加…）, （上年…） are not parts
            items = self.listed(text, first, inside[1:], total.unit, close)
            if len(items) != len(inside) or items[-1].start + len(items[-1].text) != close:
                continue  # the brackets hold more than the list
            if len(items) == 1 and not _INCLUDED.match(first.label):
                continue
            self.judge(unit, text, total, items, "括号中")

    @staticmethod
    def listed(text, first: FoundFigure, rest: list[FoundFigure], unit_: str, end: int) -> list[FoundFigure]:
        """The items of a list of parts from ``first`` on: parted by 、 always, by ，/；
        while they are parallel (_parallel); an item after a ；must be all its clause holds
        (…；行政许可50件。), or the clause is about something else (…；行政复议案件50件，审结48件)."""
        items = [first]
        for g in rest:
            prev = items[-1]
            gap = text[prev.start + len(prev.text):g.start - len(g.label)]
            if g.unit != unit_ or not _LIST_GAP.fullmatch(gap) or (gap != "、" and not _parallel(first, g)):
                break
            items.append(g)
        for i in range(1, len(items)):
            prev = items[i - 1]
            if "；" not in text[prev.start + len(prev.text):items[i].start]:
                continue
            j = i
            while j + 1 < len(items) and "；" not in text[items[j].start:items[j + 1].start]:
                j += 1
            after = items[j].start + len(items[j].text)
            if after < end and text[after:after + 1] not in "；。！？）":
                return items[:i]
        return items

    def judge(self, unit, text, total: FoundFigure, items: list[FoundFigure], where_said: str) -> None:
        """A part larger than the total, or parallel parts that add up to more than it."""
        if total.approx or any(i.approx for i in items):
            return
        T = Amount(total)
        end = items[-1].start + len(items[-1].text)
        if where_said == "括号中":
            end += 1  # the closing bracket, quoted with the list
        quote = text[total.start - len(total.label):end]
        where = (unit, total.start - len(total.label), end)
        big = next((i for i in items if Amount(i).lo > T.hi), None)
        if big is not None:
            self.c.add("部分大于整体", where, quote, unit.part,
                       f"{where_said}的{_part_called(big)}多于总数{_called(total)}。",
                       "请核对这两个数：其中的一项不能多于总数。")
        elif len(items) > 1 and sum(Amount(i).lo for i in items) > T.hi and self.partition(items):
            parts = "＋".join(i.text for i in items)
            self.c.add("其中超总数", where, quote, unit.part,
                       f"{where_said}列出的各项加起来（{parts}）超过了总数{_shown(total)}。",
                       "请核对各项和总数；如果各项有重叠（一件可以算在几项里），请在文中说明。")

    def partition(self, items: list[FoundFigure]) -> bool:
        """May the items of a 其中 list be summed: are they parallel categories of one whole
        (农民工案件、未成年人案件), not stages or qualities of the same cases (按时办结、回访满意)?
        Not when one item's name holds another's (办结、按时办结), when the names share no
        word at all, or when the catalogue bounds one by another or both by one whole
        (合格案卷、优秀案卷). 宁可漏报: when in doubt the items are not summed."""
        labels = [_item_name(i) for i in items]
        if any(x and x != y and x in y for x in labels for y in labels):
            return False
        if not set.intersection(*(set(x) for x in labels)):
            return False
        # a figure by its name, its sayings, or the name of what it counts (网上可办事项 → 网上可办)
        names = [{n for n in self.bounded_by if any(w in x for w in [n, *_words_of(n, self.sayings)])} for x in labels]
        for i, these in enumerate(names):
            related = set().union(*(self.bounded_by[n] for n in these)) if these else set()
            if any(related & other for j, other in enumerate(names) if j != i):
                return False
        return True

    def pairs(self, unit, text, figs) -> None:
        """A part larger than its whole written without 其中 (审结33件，败诉44件), for the
        catalogue's pairs that cannot hold last year's carry-over (败诉 ≤ 审结, 合格 ≤ 评查,
        调解成功 ≤ 调解, 按期办结 ≤ 受理信访): the part the nearest count after its whole,
        both exact and of one unit. A sentence with a rate is left to the rate's own check."""
        if any(g.kind == "rate" for g in figs):
            return
        counts = [g for g in figs if g.kind == "count" and g.unit and not rough(g)]
        for i, part in enumerate(counts[1:], 1):
            whole = counts[i - 1]
            if whole.unit != part.unit or "其中" in text[whole.start:part.start]:
                continue
            for part_words, whole_words in self.part_pairs():
                if not (any(w in part.label for w in part_words) and any(w in whole.label for w in whole_words)
                        and not any(w in whole.label for w in part_words)):
                    continue
                if Amount(part).lo > Amount(whole).hi:
                    start, end = whole.start - len(whole.label), part.start + len(part.text)
                    self.c.add("部分大于整体", self.c.doc.where(unit, start, end), text[start:end], unit.part,
                               f"{_called(part)}多于它所属的{_called(whole)}。",
                               "请核对这两个数：部分不能多于整体。")
                break

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
            if k < 2:
                continue
            reach = max(0, t.start - 12)
            head = _TOTAL_HEAD.search(text, reach, t.start)
            if not head:
                continue
            listed = [counts[k - 1]]
            for g in reversed(counts[max(0, k - MAX_ITEMS):k - 1]):
                gap = text[g.start + len(g.text):listed[0].start - len(listed[0].label)]
                if gap != "、" or g.unit != t.unit:
                    break
                listed.insert(0, g)
            if len(listed) < 2 or listed[-1].unit != t.unit or head.start() != listed[-1].start + len(listed[-1].text):
                continue
            if t.approx or any(g.approx for g in listed):
                continue
            lo = sum(Amount(g).lo for g in listed)
            hi = sum(Amount(g).hi for g in listed)
            T = Amount(t)
            if hi < T.lo or lo > T.hi:
                start = listed[0].start - len(listed[0].label)
                end = t.start + len(t.text)
                total = sum(Decimal(plain(g.value)) for g in listed)
                self.c.add("合计不符", self.c.doc.where(unit, start, end), text[start:end], unit.part,
                           f"列出的各项之和是{plain(total)}{t.unit}，与写明的“{head.group(1)}”{_shown(t)}不符。",
                           "请核对各项和合计数。")

    # -- 同比 ------------------------------------------------------------------------
    def change(self, unit, text, a, k, figs) -> None:
        lo = max(0, k - NEAR_COUNTS)
        figs, k = figs[lo:k + 3], k - lo  # a change is about the figures just before it
        f = figs[k]
        subject = next((g for g in reversed(figs[:k]) if g.kind in ("count", "rate")
                        and not self.is_last_year(text, g) and not _DELTA.search(g.label)), None)
        if subject is None or subject.start < a:
            return
        if subject.kind == "rate" and f.unit == "%":
            self.c.add("比率升降单位", self.c.doc.where(unit, f.start - len(f.label), f.start + len(f.text)),
                       text[f.start - len(f.label):f.start + len(f.text)], unit.part,
                       f"{_short(subject)}{_shown(subject)}是比率，它的升降写成了“{_shown(f)}”。",
                       f"比率的升降一般写“提高/下降X个百分点”；如果{_shown(f)}确是相对上年的增幅，请写明“增长{_shown(f)}”的基数。")
            return
        up = any(w in f.label for w in _CHANGE_UP)
        down = any(w in f.label for w in _CHANGE_DOWN)
        if up == down:
            return
        start = subject.start - len(subject.label)
        end = f.start + len(f.text)
        quote = text[start:end]
        if down and subject.kind == "count" and f.unit == "%" and self.impossible_fall(unit, start, end, quote, subject, f):
            return
        if subject.approx:
            return
        last = self.last_value(text, subject, figs, k)
        if last is None and not (f.unit == "%" and f.value > self.c.table.params["同比异常百分比"]):
            return
        if last is None and self.c.doc.data is not None and not self.c.doc.typed(quote):
            return  # the template's sentence from the form's figures: checked as data
        where = self.c.doc.where(unit, start, end)
        if last is None:
            if f.unit == "%" and f.value > self.c.table.params["同比异常百分比"]:
                self.c.add("同比异常", where, quote, unit.part,
                           f"同比变化{_shown(f)}，变化很大。", "请核对本年和上年的数字，是否多写或少写了一位。")
            return
        value, source = last
        self.plausible(unit, where, quote, subject.value, value, source)
        if subject.kind == "count" and f.unit == "%" and value > 0:
            exact = (Decimal(plain(subject.value)) - Decimal(plain(value))) / Decimal(plain(value)) * 100
            change = float(exact)
            wrong_way = (change > 0 and down) or (change < 0 and up)
            this, before = Amount(subject), value
            lo = (this.lo - before) / before * 100
            hi = (this.hi - before) / before * 100
            d = f.decimals
            unit_ = 10 ** -d
            magnitude_ok = min(abs(lo), abs(hi)) < f.value + unit_ - 1e-9 and max(abs(lo), abs(hi)) >= f.value - unit_ / 2 - 1e-9
            if wrong_way or not magnitude_ok:
                word = "上升" if change > 0 else "下降"
                should = f"{word}{change_percent(abs(exact), max(d, 1))}%" if exact else "与上年持平"
                self.c.add("同比核算", where, quote, unit.part,
                           f"本年{_shown(subject)}、上年{plain(value)}{subject.unit}（{source}），"
                           f"应为{should}，"
                           f"文中写的是“{f.label}{_shown(f)}”。",
                           "请核对本年、上年的数字和增减幅度。")
        elif subject.kind == "rate" and f.unit == "个百分点":
            exact = Decimal(plain(subject.value)) - Decimal(plain(value))
            change = float(exact)
            if (change > 0 and down) or (change < 0 and up) or abs(abs(change) - f.value) > 10 ** -f.decimals + 1e-9:
                word = "提高" if change > 0 else "下降"
                should = (f"{word}{change_percent(abs(exact), max(f.decimals, 1))}个百分点" if exact
                          else "与上年持平")
                self.c.add("同比核算", where, quote, unit.part,
                           f"本年{_shown(subject)}、上年{plain(value)}%（{source}），"
                           f"应为{should}，"
                           f"文中写的是“{f.label}{_shown(f)}”。",
                           "请核对本年、上年的比率和增减的百分点。")

    def delta(self, unit, text, a, k, figs) -> None:
        """A change stated as a count (同比减少505件) against this year's and last year's
        counts the sentence states (受理889件…上年同期为1390件: 889 − 1390 = −501)."""
        f = figs[k]
        if rough(f) or not re.search(r"同比|上年|去年", f.label + text[max(a, f.start - 12):f.start]):
            return
        subject = next((g for g in reversed(figs[max(0, k - NEAR_COUNTS):k]) if g.kind == "count"
                        and g.unit == f.unit and not self.is_last_year(text, g) and not _DELTA.search(g.label)), None)
        last = next((g for g in figs[max(0, k - NEAR_COUNTS):k + 3] if g is not subject and g.kind == "count"
                     and g.unit == f.unit and self.is_last_year(text, g)), None)
        if subject is None or last is None or subject.start < a or last.start < a or rough(subject) or rough(last):
            return
        sign = -1 if re.search(r"(减少|下降|降低|少)了?$", f.label) else 1
        exact = Decimal(plain(subject.value)) - Decimal(plain(last.value))
        if sign * Decimal(plain(f.value)) == exact or Amount(subject).hi - Amount(subject).lo > 0:
            return
        start = subject.start - len(subject.label)
        end = max(f.start + len(f.text), last.start + len(last.text))
        should = f"{'增加' if exact > 0 else '减少'}{plain(abs(exact))}{f.unit}" if exact else "与上年持平"
        self.c.add("同比核算", self.c.doc.where(unit, start, end), text[start:end], unit.part,
                   f"本年{_shown(subject)}、上年{_shown(last)}（文中写明），应为{should}，"
                   f"文中写的是“{f.label}{_shown(f)}”。",
                   "请核对本年、上年的数字和增减的数。")

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
        self.c.add("同比核算", self.c.doc.where(unit, start, end), quote, unit.part, why,
                   "请核对本年、上年的数字和减少的幅度。")
        return True

    def last_value(self, text, subject, figs, k) -> tuple[float, str] | None:
        """Last year's value of ``subject``: stated in the sentence (上年为138件; 同比增加24件),
        or known from --last."""
        for g in figs:
            if g is not subject and g.unit == subject.unit and not g.approx and self.is_last_year(text, g):
                return g.value, "文中写明"
        for g in figs[figs.index(subject) + 1:k + 1]:
            if g.unit == subject.unit and g.kind == "count" and not g.approx and _DELTA.search(g.label):
                sign = -1 if re.search(r"(减少|下降|降低|少)$", g.label) else 1
                return subject.value - sign * g.value, "由文中的增减数推算"
        if self.known:
            by_key, by_label = self.known
            if subject.maps_to and subject.maps_to in by_key:
                return by_key[subject.maps_to], "去年的报告"
            if (subject.label, subject.unit) in by_label:
                return by_label[(subject.label, subject.unit)], "去年的报告"
        return None

    def is_last_year(self, text: str, g: FoundFigure) -> bool:
        """Is ``g`` last year's figure (上年为138件, 2024年同期的138件)?"""
        before = text[max(0, g.start - 10):g.start]
        year = self.c.doc.year
        return bool(_LAST_YEAR.search(before) or (year and re.search(rf"{year - 1}年(?:同期)?(?:的|为|是)?$", before)))

    def plausible(self, unit, where, quote, this: float, last: float, source: str) -> None:
        p = self.c.table.params
        if max(this, last) < p["同比异常最小值"] or min(this, last) <= 0:
            return
        ratio = this / last
        if ratio >= p["同比异常倍数"] or ratio <= 1 / p["同比异常倍数"]:
            self.c.add("同比异常", where, quote, unit.part,
                       f"本年{plain(this)}，上年{plain(last)}（{source}），相差约{plain(round(max(ratio, 1 / ratio), 1))}倍。",
                       "变化这么大，请核对是否多写或少写了一位；确实如此的，最好在文中说明原因。")


def run(check: Check) -> None:
    if check.on("比率核算", "比率口径", "比率无从计算", "占比核算", "部分大于整体", "其中超总数", "合计不符", "同比核算",
                "同比异常", "比率升降单位"):
        Arithmetic(check).run()

