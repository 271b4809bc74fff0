"""What the arithmetic checks share: the sentences of a paragraph, the catalogue's rates and
the figures it bounds by one another, a figure as the range it stands for (a count written
with 万/亿 stands for the whole range it rounds from; a count with 余/多/近/约 is not exact and
nothing is recomputed from it), rates written in words, how a message names a figure, and how
a percentage is claimed (exactly, as a bound, or roughly within ABOUT_POINTS) and checked
against a part and its whole."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from drafter.files.patterns import lazy_re
from drafter.model.catalogue import Catalogue, per_catalogue
from drafter.model.numberwords import MAX_PLACES, percent, plain, trim
from drafter.reading.figure_finder import FoundFigure, count_name, han_value

if TYPE_CHECKING:
    from drafter.check.checker import Check

_SENTENCE = lazy_re(r"[。；！？]|(?<=[^\s，、；：。（“一二三四五六七八九十第])(?=[一二三四五六七八九十]是)")
NAME_REACH = 40  # characters before a percentage where its name stands
NEAR_COUNTS = 8  # counts before a percentage that it may be computed from
MAX_ITEMS = 30  # items of a 其中 breakdown or of a list before 共
_DELTA = lazy_re(r"(?:同比|较上年|比上年|较去年|比去年)?(?:增加|减少|上升|下降|降低|多|少)了?$")
# The one list of the words that say a figure is rough, shared by counts and rates: before it
# (约、大约、将近、接近、大致…, a verb may follow: 约为、大致为) or after it (左右、上下). A count
# so written is not exact; a rate so written is right within ABOUT_POINTS.
ABOUT_BEFORE = (
    "大约",
    "大概",
    "大致",
    "大体",
    "约莫",
    "(?<![签节预合制契履公邀特违条集简解])约",
    "将近",
    "接近",
    "几近",
    "近",
)  # 签约、节约 are words, not 约
ABOUT_AFTER = ("左右", "上下")
_ABOUT_VERB = r"(?:为|是|达到|达|在|有|占)?"
# A word of approximation before a figure, parted from it by a space (约 50件, 超过 90%): the
# figure is not exact, as if written 约50件.
_ROUGH = lazy_re("(?:" + "|".join(ABOUT_BEFORE) + r"|超过|超|逾)" + _ABOUT_VERB + "$")
_ROUGH_AFTER = lazy_re(r"\s*(?:" + "|".join(ABOUT_AFTER) + ")")
# A rate of none written in words (败诉率为零, 为百分之零) or as the fraction 0/0: the same
# claim as 0%, read as such.
_ZERO_RATE = lazy_re(
    r"(?<=率)(?:\s*(?:为|是|均为|仅为))?\s*(?P<zero>百分之零|零|0\s*/\s*0|0(?=\s*(?:[，。；、）)！？]|$)))(?![点\d.%％个次件项])"
)  # (纠错率为0。: 0 with no % ends its clause)
# A count written without a unit (审结数为0，受理数是12): only a label ending in 数 and a
# number ending its clause, so no year, code or ordinal is read as one.
_BARE_COUNT = lazy_re(r"数(?:为|是|共|达)?\s*(?P<num>\d{1,15})(?=[，。；、）)]|$)")


# A rate written in words (百分之八十九, 百分之九十五点三, 百分之百); 百分之零 is a rate of none,
# read by _ZERO_RATE.
_SPOKEN_RATE = lazy_re(r"百分之(?P<num>[一二三四五六七八九十百][零〇一二三四五六七八九十百]*(?:点[零〇一二三四五六七八九]+)?)")
# A rate in tenths (合格率达九成, 约九成五): 九成 is 90% to the nearest ten points, 九成五 95%
# to the point. Only after a rate's name, so that 九成新 or 一成不变 are never read.
_TENTHS_RATE = lazy_re(
    r"(?:率|比例)(?:均|都)?(?:为|是|达到|达|在|约为|约|近|将近|接近|超过|超|逾|仅为|不足|不到)?\s*"
    r"(?<![一二三四五六七八九十])(?P<num>(?P<tens>十|[一二三四五六七八九])成(?P<ones>[一二三四五六七八九])?)"
    r"(?![成十百千万件个项次人起份条户家元]|不变)"
)
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _spoken_value(words: str) -> float | None:
    """八十九 → 89, 九十五点三 → 95.3, 百 → 100, 一百 → 100; None when not a number."""
    whole, _, frac = words.partition("点")
    value: float | None
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


class _TenthsRate(FoundFigure):
    """A rate written in tenths: 九成 is to the nearest ten points (decimals −1), 九成五 to the point."""

    def __init__(self, label: str, value: float, text: str, start: int, places: int):
        super().__init__(label, value, "%", "", text, start)
        self._places = places

    @property
    def decimals(self) -> int:
        return self._places


# A rate written as a decimal fraction, only where the sentence names it a rate (调解成功率为
# 0.556): 0.556 is 55.6%. A decimal elsewhere is left alone (a sum, a score).
_DECIMAL_RATE = lazy_re(
    r"率(?:为|是|达到|达|约为|仅为)?\s*(?P<num>0\.\d{1,6}|1\.0{1,6})(?![\d.％%‰]|\s*[%％‰]|[\u4e00-\u9fff]*[件个项次人起份条户家元万亿])"
)


class _DecimalRate(FoundFigure):
    """A rate written as a fraction of one: its precision in percent is two places fewer."""

    def __init__(self, label: str, value: float, text: str, start: int, places: int):
        super().__init__(label, value, "%", "", text, start)
        self._places = max(places - 2, 0)

    @property
    def decimals(self) -> int:
        return self._places


def rough(f: FoundFigure) -> bool:
    """Is ``f`` an approximation (余/多/近/约, before it or after it)?"""
    return bool(f.approx) or bool(_ROUGH.search(f.label)) or bool(_ROUGH_AFTER.match(f.after))


def spoken_figures(text: str, a: int, b: int, figs: list[FoundFigure]) -> list[FoundFigure]:
    """The figures of ``text[a:b]`` the reader does not take as such and arithmetic needs:
    a rate of none in words (败诉率为零、败诉率0/0) and a count with no unit (审结数为0)."""
    taken = {f.start for f in figs}
    out = []
    for m in _ZERO_RATE.finditer(text, a, b):
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, m.start() - 40) : m.start("zero")])[-1].strip()
        out.append(FoundFigure(label, 0, "%", "", m.group("zero"), m.start("zero")))
    for m in _SPOKEN_RATE.finditer(text, a, b):
        value = _spoken_value(m.group("num"))
        if value is None:
            continue
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, m.start() - 40) : m.start()])[-1].strip()
        out.append(_SpokenRate(label, value, m.group(0), m.start(), m.group("num")))
    for m in _TENTHS_RATE.finditer(text, a, b):
        tens = 10 if m.group("tens") == "十" else _HAN_DIGITS[m.group("tens")]
        ones = _HAN_DIGITS[m.group("ones")] if m.group("ones") else 0
        if tens * 10 + ones > 100:
            continue
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, m.start("num") - 40) : m.start("num")])[-1].strip()
        out.append(_TenthsRate(label, tens * 10 + ones, m.group("num"), m.start("num"), 0 if m.group("ones") else -1))
    for m in _DECIMAL_RATE.finditer(text, a, b):
        if m.start("num") in taken:
            continue
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, m.start() - 40) : m.start("num")])[-1].strip()
        places = len(m.group("num").partition(".")[2])
        out.append(_DecimalRate(label, float(Decimal(m.group("num")) * 100), m.group("num"), m.start("num"), places))
    for m in _BARE_COUNT.finditer(text, a, b):
        at = m.start("num")
        if at in taken:
            continue
        label = re.split(r"[，。；：、！？（）“”]", text[max(a, at - 40) : at])[-1].strip()
        label = re.sub(r"(?<=数)(?:为|是|共|达)$", "", label)
        out.append(FoundFigure(label, int(m.group("num")), "", "", m.group("num"), at))
    return out


class Amount:
    """A figure as a range: 1.6万 is anything that rounds to it, 162 is 162."""

    def __init__(self, f: FoundFigure):
        self.f = f
        scale = (
            1e4 if re.search("万(?!元)", f.text) else 1e8 if re.search("亿(?!元)", f.text) else 1e3 if re.search("千(?!元)", f.text) else 1
        )
        half = 0.5 * 10**-f.decimals * scale if scale != 1 else 0.0
        half = max(half, f.money_half)  # 1.1亿元 said in 万元: 10500 to 11500
        self.lo, self.hi = f.value - half, f.value + half

    @property
    def label(self) -> str:
        return self.f.label


# Verbs a long count label may hold before its name (全年共收到向区政府提出行政复议申请):
# the name is taken whole after the last of them, never cut in the middle of a word.
_LABEL_VERBS = lazy_re(
    r"(?:收到|受理|办理|审结|办结|结案|发生|开展|组织|审核|审查|出台|制发|印发|报送|办复|答复|"
    r"调解|化解|排查|整改|发现|接待|参加|参与|作出|提起|提出|新收|收案)"
)
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
            label = label[starts[-1] :]
    return label


def _called(g: FoundFigure) -> str:
    """A count in a message: “名称”数字 (“审结”146件), or the figure alone when nothing names
    it, never “” or a word that names nothing (“对”)."""
    name = _short(g)
    return f"“{name}”{_shown(g)}" if name else _shown(g)


def _shown(f: FoundFigure) -> str:
    """A figure as written, without the word before the number (达85% → 85%)."""
    return re.sub(r"^(近|约|超过|超|逾|达)", "", f.text)


def added(values: Iterable[float]) -> float:
    """The sum of figures as written (81.4411 + 6.3589 is 87.8, never a hair over): each
    added as the decimal it prints as, so exact parts never exceed their exact whole."""
    return float(sum((Decimal(repr(v)) for v in values), Decimal(0)))


def summed(run: list[FoundFigure]) -> Amount:
    """The counts of a list as one whole (a range when any is rounded), named by their names."""
    value = sum(Decimal(plain(g.value)) for g in run)
    total = FoundFigure(
        "、".join(_short(g) for g in run),
        float(value) if value % 1 else int(value),
        run[-1].unit,
        "",
        f"{plain(value)}{run[-1].unit}",
        run[-1].start,
    )
    out = Amount(total)
    out.lo, out.hi = added(Amount(g).lo for g in run), added(Amount(g).hi for g in run)
    return out


# A listed part's name may say it is included (含行政处罚60件).
_INCLUDED = lazy_re(r"^(?:含|包括|包含|涉及)")


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


def _pct_consistent(stated: float, decimals: int, num: Amount, den: Amount) -> bool:
    """Can num ÷ den, rounded or truncated to ``decimals`` places, be ``stated`` %?"""
    if den.hi <= 0:
        return False
    unit = 10**-decimals
    lo = num.lo / den.hi * 100
    hi = num.hi / max(den.lo, 1e-9) * 100
    if stated >= 100 and num.hi < den.lo:
        return False  # 100% claims every case: 99.6 is not 100
    if stated == 0 and num.lo > 0:
        return False
    if num.lo == num.hi and den.lo == den.hi and den.lo > 0 and decimals > 6:
        # printed to more places than a float holds at 100 (drafter prints 99.9999999999% rather
        # than 100%): worked out exactly, rounded half up or cut
        exact = Decimal(plain(num.lo)) / Decimal(plain(den.lo)) * 100
        places, said = Decimal(1).scaleb(-decimals), Decimal(plain(stated))
        return said in (exact.quantize(places, rounding=ROUND_HALF_UP), exact.quantize(places, rounding=ROUND_DOWN))
    return lo < stated + unit - 1e-9 and hi >= stated - unit / 2 - 1e-9


def rounded(num: Amount, den: Amount, decimals: int) -> Decimal | None:
    """num ÷ den in percent rounded half up to ``decimals`` places, when both are exact
    figures (not 1.6万, a range) and den is not 0; else None."""
    if num.lo != num.hi or den.lo != den.hi or den.f.value <= 0 or decimals < 0 or decimals > 20:
        return None
    exact = Decimal(plain(num.f.value)) / Decimal(plain(den.f.value)) * 100
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


# How a rate is claimed (README, 比率怎么核对): exactly, as a bound (95%以上, 不低于95%,
# 超过95%; 以下, 不超过, 低于), or roughly (约95%, 近95%, 95%左右). A bound is checked only as a
# bound; a rough rate is right within ABOUT_POINTS percentage points of its counts.
# 超 alone before a rate in tenths (超九成): the reader takes 超 with a figure in digits (超90%)
_AT_LEAST_BEFORE = lazy_re(r"(?:不低于|不少于|不小于|高于|大于|多于|超出|超过|(?<![不未])超|逾)$")
_AT_MOST_BEFORE = lazy_re(r"(?:不高于|不超过|不大于|不多于|未超过|不超|未超|低于|少于|小于|不足|不到|未达到|未达)$")
_ABOUT_BEFORE = lazy_re("(?:" + "|".join(ABOUT_BEFORE) + ")" + _ABOUT_VERB + "$")
_AFTER_WORD = lazy_re(r"\s*(?:(?P<least>及以上|以上|之上)|(?P<most>及以下|以下|之下|以内)|(?P<about>" + "|".join(ABOUT_AFTER) + "))")
ABOUT_POINTS = 1.0  # how far (in percentage points) a rate written 约/近/左右 may stand from its counts


def _claim(text: str, f: FoundFigure, pre: str) -> tuple[str, str, str] | None:
    """How ``f`` is claimed: (mode, the bound word before it, the word after it), mode one of
    exact / least / most / about; None when the words contradict (约95%以上 is read as a
    bound; 不低于95%以下 is nothing)."""
    modes, before = set(), ""
    # 近/约 read with the figure (近20%) may end a longer word before it (将近、接近、大约)
    pre = pre.rstrip()
    lead = f.text[:1] if f.approx in ("近", "约") else ""
    for mode, pattern in (("least", _AT_LEAST_BEFORE), ("most", _AT_MOST_BEFORE), ("about", _ABOUT_BEFORE)):
        m = pattern.search(pre + lead) if mode == "about" else pattern.search(pre)
        if m and m.start() < len(pre):
            modes.add(mode)
            before = pre[m.start() :]
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
        modes.add(m.lastgroup or "")
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
    (at the stated precision), or within ABOUT_POINTS of a rough value (a rate in tenths,
    约九成, within a tenth: its own precision is wider than any 约)?"""
    if mode == "exact":
        return _pct_consistent(stated, decimals, num, den)
    if den.hi <= 0:
        return False
    half = 10**-decimals / 2
    lo = num.lo / den.hi * 100
    hi = num.hi / max(den.lo, 1e-9) * 100
    if mode == "least":
        return hi >= stated - half - 1e-9
    if mode == "most":
        return lo < stated + half + 1e-9
    about = max(ABOUT_POINTS, 10**-decimals)
    return lo <= stated + about + 1e-9 and hi >= stated - about - 1e-9


def _should(num: Amount, den: Amount, decimals: int, mode: str, f: FoundFigure) -> str:
    """What a message says the rate is, for the way it is claimed (per thousand when it is
    written so: 55.6‰ is read as 5.56%)."""
    value = _pct(num, den, decimals)
    if f.text.endswith("‰"):
        try:
            # the rate in % with one place more, moved one place: never 1000‰ when not all
            shown = percent(num.f.value / den.f.value, min(max(decimals - 1, 1) + 1, MAX_PLACES))
            value = trim(Decimal(shown[:-1]).scaleb(1)) + "‰"
        except ValueError:
            pass
    if mode == "least":
        return f"是{value}，低于{_shown(f)}"
    if mode == "most":
        return f"是{value}，高于{_shown(f)}"
    if mode == "about":
        return f"是{value}，与{_shown(f)}相差超过{plain(max(ABOUT_POINTS, 10**-decimals))}个百分点"
    return f"应为{value}"


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
    out = RateNames()
    for theme in cat.themes.values():
        for group in theme.groups.values():
            for r in group.rates.values():
                out.setdefault(r.name, (r.numerator, r.denominator))
    return out


class RateNames(dict):
    """The catalogue's rates by name, found by a short name too: 出庭率 is 出庭应诉率 (its
    characters in order, the first the same), when it is one rate's so shortened."""

    def get(self, name, default=None):
        found = super().get(name)
        if found is not None:
            return found
        short = self.shortened(name)
        return super().get(short, default) if short else default

    def __contains__(self, name) -> bool:
        return super().__contains__(name) or bool(self.shortened(name))

    def shortened(self, name) -> str:
        if not isinstance(name, str) or len(name) < 3 or not name.endswith("率") or super().__contains__(name):
            return ""
        found = [r for r in self if len(r) > len(name) and r[0] == name[0] and _in_order(name, r)]
        return found[0] if len(found) == 1 else ""


def _in_order(short: str, name: str) -> bool:
    """Are the characters of ``short`` in ``name``, in order?"""
    rest = iter(name)
    return all(c in rest for c in short)


@per_catalogue
def rate_groups(cat: Catalogue) -> dict[str, tuple[str, ...]]:
    """Catalogue rate name → the words of the groups that define it (their names and aliases:
    热线, 12345 for 按时办结率): a sentence naming none of them uses the rate's name of its own
    matter (办理行政许可事项…按时办结率), not in the catalogue's sense."""
    out: dict[str, tuple[str, ...]] = {}
    for theme in cat.themes.values():
        for group in theme.groups.values():
            for r in group.rates.values():
                out[r.name] = out.get(r.name, ()) + (group.name, *group.aliases)
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


class ArithmeticState:
    """What the arithmetic checks (rates, shares, breakdowns, changes; one class of each,
    joined in arithmetic.Arithmetic) share: the check run, the rule table's words, the
    catalogue's rates and bounds, and the methods one kind asks of another. Declared here
    so each kind's module says what it relies on; set in Arithmetic.__init__."""

    c: Check
    cores: dict[str, list[str]]
    sayings: dict[str, list[str]]
    rates: dict[str, tuple]
    bounded_by: dict[str, set[str]]
    _whole_words: dict[str, list[str] | None]
    _rate_figures: dict[str, list]
    _form_values: dict[str, float] | None
    _pairs: list[tuple[list[str], list[str]]] | None
    # last year's figures, from --last (Document.known_figures: by key, by label, by label core)
    known: tuple[dict[str, float], dict[tuple[str, str], float | None], dict[tuple[str, str], float | None]] | None
    clause_start: int
    carried_over: list[FoundFigure]  # the counts of the clause before, across a ；
    heading_counts: list[FoundFigure]  # the counts of the heading right above the paragraph's first sentence
    sentence_before: list[FoundFigure]  # the figures of the sentence before, in the same paragraph
    rates_on: bool
    breakdown_on: bool
    total_on: bool

    if TYPE_CHECKING:

        def is_last_year(self, text: str, g: FoundFigure) -> bool: ...

        @staticmethod
        def rate_run(text: str, figs: list[FoundFigure], k: int) -> list[int]: ...

        def whole_words(self, name: str) -> list[str] | None: ...


# How cases end (domain.md §4 纠错率): each case ends one way, so outcomes of one of these
# families add up under the cases decided (其中维持70件、纠错20件、驳回15件), and one is never
# the whole of another (维持5件，纠错8件，纠错率…: over 审结); 纠错 is 撤销 + 变更 + 确认违法 +
# 责令履行, so it is never summed with them, nor their sibling.
_OUTCOMES = (("维持", "驳回", "终止", "纠错"), ("维持", "驳回", "终止", "撤销", "变更", "确认违法", "责令履行"), ("胜诉", "败诉"))


def _outcome(name: str) -> str | None:
    return next((w for family in _OUTCOMES for w in family if w in name), None)


# What a clean-up of documents does with each one: 废止 (or 宣布失效), 修改, or kept in force.
_CLEANED = ("废止", "失效", "修改", "修订", "保留", "继续有效", "继续施行")


# How each request for government information was answered (政府信息公开条例 第三十六条): one way each.
_ANSWERED = ("予以公开", "同意公开", "部分公开", "不予公开", "信息不存在", "不属于本机关", "无法提供", "不予处理", "驳回")


def _exclusive(head: str, name: str) -> bool:
    """Are ``head`` and ``name`` two different outcomes of one family (维持 and 纠错; 废止 and
    修改 in a clean-up; 予以公开 and 信息不存在 of information requests)?"""
    for family in (*_OUTCOMES, _CLEANED, _ANSWERED):
        a, b = (next((w for w in family if w in x), None) for x in (head, name))
        if a and b and a != b and not (a in b or b in a):
            return True
    return False
