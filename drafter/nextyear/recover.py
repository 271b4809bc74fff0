"""Last year's report → the Seed of next year's form, through the reading side.

The themes are the sections classification named; a count mapped to a catalogue figure
goes to 上年数据 under the theme that owns its group (wherever in the report it stood),
unless the report gives that figure two different values or only an approximate one (约, 余,
or 万/亿 in a report drafter did not write as it stands: see ``seed_from_report``). Every
other count is listed as a comment with the sentence it came from; sections that match no
theme, last year's problems and measures are kept as commented reference; the 下一步 items
become 去年安排.
"""

from __future__ import annotations

import math
from decimal import Decimal

from drafter.files.patterns import lazy_re
from drafter.form.blank import Seed, ThemeSeed, capped
from drafter.model.catalogue import Catalogue
from drafter.model.numberwords import plain
from drafter.model.report import Paragraph, Section
from drafter.reading.analysis import Analysis
from drafter.reading.classify import UNCLASSIFIED
from drafter.reading.figure_finder import FoundFigure, excerpt, may_be_rounded
from drafter.reading.promises import LEAD_IN, next_steps


def _paragraphs(sec: Section, headings: dict[int, Paragraph]) -> list[Paragraph]:
    """Every paragraph of a section and its sub-sections, in order, with a heading that states
    figures as one (Analysis.headings)."""
    out = [headings[id(sec)]] if id(sec) in headings else []
    for item in sec.body:
        out += _paragraphs(item, headings) if isinstance(item, Section) else [item]
    return out


def _text(sec: Section) -> list[str]:
    """A section as reference lines: its heading, then each paragraph, sub-sections indented."""
    out = [sec.heading]
    for item in sec.body:
        if isinstance(item, Section):
            out += ["  " + line for line in _text(item)]
        else:
            out.append("  " + item.text)
    return out


def _problem_lines(part: Section) -> list[str]:
    """A 问题 part's reference lines (its heading left out); in a part written for 问题 and
    下一步 together, only its 问题 sub-sections and the paragraphs before them."""
    if not any(sub.role == "下一步" for sub in part.sections):
        return _text(part)[1:]
    out = []
    for item in part.body:
        if isinstance(item, Section):
            out += _text(item) if item.role != "下一步" else []
        else:
            out.append(item.text)
    return out


class _Reader:
    def __init__(self, a: Analysis, cat: Catalogue, scaled_exact: bool = False):
        self.a = a
        self.scaled_exact = scaled_exact  # 万/亿 in this report lose no digit
        self.rounded = 0  # counts in 万/亿 left out of 上年数据 as possibly rounded
        self.cat = cat
        self.owner = {g: t.key for t in cat.themes.values() for g in t.groups}
        self.themes: dict[str, ThemeSeed] = {}
        self.loose: list[str] = []  # figure notes with no theme to stand under
        self.unthemed: list[str] = []
        self.rates: list[tuple[FoundFigure, tuple, str, ThemeSeed | None]] = []  # mapped rates: (figure, sentence, excerpt, theme)
        self.places: dict[str, set[tuple]] = {}  # each exact count's sentences, as (paragraph, sentence number)
        self.last_used = last_year_used(cat)

    def used(self, theme: str, group: str, name: str) -> bool:
        """Does a sentence of the default phrase table print last year's ``name`` (its 同比,
        or the 同比 of a rate it is counted in)? Others would only draw a reminder."""
        return (theme, group, name) in self.last_used

    def theme(self, key: str) -> ThemeSeed:
        if key not in self.themes:
            self.themes[key] = ThemeSeed(key)
        return self.themes[key]

    def sections(self) -> list[tuple[Section, str | None]]:
        """Each section that stands for one theme (or for none), with the theme."""
        out = []
        for part in self.a.report.sections:
            role = part.role or "成效"
            if any(sub.role in ("成效", "第一责任人") for sub in part.sections):
                # a part written for several (一、工作成效和存在的不足): its sub-sections say which
                out += [
                    (sub, "第一责任人" if sub.role == "第一责任人" else sub.theme if sub.theme in self.cat.themes else None)
                    for sub in part.sections
                    if sub.role in ("成效", "第一责任人")
                ]
            elif role == "第一责任人":
                out.append((part, "第一责任人"))
            elif role == "成效" and part.theme and part.theme != UNCLASSIFIED:
                out.append((part, part.theme))  # a report written theme by theme
            elif role == "成效":
                for sec in part.sections:
                    theme = sec.theme if sec.theme in self.cat.themes else None
                    out.append((sec, theme))
                if part.paragraphs and not part.sections:
                    out.append((part, None))
                elif part.paragraphs:
                    # a theme written as a part whose theme is not told (推进数字赋能…): its own
                    # paragraphs (the figure sentence before the 做法 headings) are listed as
                    # unthemed, never lost
                    out.append((Section(part.level, part.heading, body=list(part.paragraphs)), None))
        return out

    def read(self) -> None:
        found: dict[str, list[tuple[FoundFigure, str]]] = {}
        for sec, theme in self.sections():
            seed = self.theme(theme) if theme else None
            if seed is not None:
                seed.reference += [line for sub in sec.sections for line in _text(sub)]
            elif sec.heading:
                self.unthemed += _text(sec)
            for para in _paragraphs(sec, self.a.headings):
                for f in self.a.figures.get(id(para), []):
                    said = excerpt(para.text, f.start, f.start + len(f.text))
                    if f.kind == "rate" and f.maps_to:
                        self.rates.append((f, _sentence(para, f.start), said, seed))
                    if f.kind != "count":
                        continue
                    rounded = may_be_rounded(f) and not self.scaled_exact
                    if f.maps_to and not f.approx and not rounded:
                        found.setdefault(f.maps_to, []).append((f, said))
                        self.places.setdefault(f.maps_to, set()).add(_sentence(para, f.start))
                    else:
                        why = "约数，" if f.maps_to and f.approx else ""
                        note = f"{f.text}（{why}{f.label or '无标签'}）：{said}"
                        if f.maps_to and rounded and not f.approx:
                            self.rounded += 1
                            note = (
                                f"{f.text}（{f.label or '无标签'}；用“{f.scale or f.written_unit}”写的数字"
                                f"可能经过四舍五入，没有填进上年数据，请把准确的数字填在上年数据的"
                                f"“{f.maps_to.replace('.', '：')}”下）：{said}"
                            )
                        (seed.figure_notes if seed is not None else self.loose).append(note)
        exact: dict[str, float] = {}  # counts stated exactly, by key: the bases of rates
        for key, seen in found.items():
            group, name = key.split(".", 1)
            seed = self.theme(self.owner[group])
            values = {f.value for f, _ in seen}
            if len(values) == 1 and not self.used(seed.key, group, name):
                f, said = seen[0]
                # 40万元 for a figure the form keeps in 亿元: the value to fill in, in the form's unit
                fill = "照填" if f.text == plain(f.value) + f.unit else f"填 {plain(f.value)}（{f.unit}）"
                seed.figure_notes.append(
                    f"{f.text}（“{key.replace('.', '：')}”；默认的句式不写它的同比，没有放进上年数据，需要时{fill}）：{said}"
                )
                exact[key] = f.value  # still the base of a rate of its sentence
            elif len(values) == 1:
                seed.last.setdefault(group, {})[name] = seen[0][0].value
                seed.sources[(group, name)] = seen[0][1]
                # Counts in 万/亿 reach here only from drafter's own untouched report, which
                # prints them only where no digit is lost (46.83万件 is 468 300): every count
                # here is exact and can be the base of a rate.
                exact[key] = seen[0][0].value
            else:
                seed.figure_notes += [f"{f.text}（可能是“{key}”，但原文有不同的数字）：{said}" for f, said in seen]
        self._from_rates(exact)

    def _from_rates(self, exact: dict[str, float]) -> None:
        """A count the report gives only as a rate of counts it states exactly: 按时办复率100%
        of 建议112件 + 提案134件 is 246件, 满意率98.8% of those 246 is 243 件; kept only when
        exactly one whole number rounds to the rate and the base stands in the rate's own
        sentence. A count so found is the base of a rate after it (满意 over 按时办复). A rate the
        reading side maps to a group whose count stands elsewhere (“满意率100%” among 建议提案's
        figures, mapped to 热线) says nothing sure of that group: it is a comment, never a figure."""
        todo = [r for r in self.rates if r[0].maps_to is not None and not r[0].approx]
        # a count found makes the base of another rate: until none is (a chain is as long as
        # the catalogue's rates of one group, each found count being a group's figure)
        for _ in range(len(todo)):
            left = [r for r in todo if not self._from_rate(exact, *r)]
            if len(left) == len(todo):
                break
            todo = left

    def _from_rate(self, exact: dict[str, float], f: FoundFigure, sentence: tuple, said: str, where: ThemeSeed | None) -> bool:
        """The count ``f``, a rate, gives (see _from_rates): True when it is now known."""
        mapped = f.maps_to or ""  # (only mapped rates reach here)
        group, rname = mapped.split(".", 1)
        theme = self.cat.themes[self.owner[group]]
        rate = theme.groups[group].rates.get(rname)
        if rate is None:
            return False
        base_keys = [f"{group}.{d}" for d in rate.denominator]
        last = self.theme(theme.key).last.get(group, {})
        if not all(k in exact for k in base_keys) or rate.numerator in last or f"{group}.{rate.numerator}" in exact:
            return False
        if not all(sentence in self.places.get(k, ()) for k in base_keys):
            missing = "、".join(f"“{k.replace('.', '：')}”" for k in base_keys if sentence not in self.places.get(k, ()))
            note = (
                f"{f.text}（{f.label or '无标签'}；可能是“{mapped.replace('.', '：')}”，但这一句里没有它的基数{missing}，"
                f"没有据此推算上年数据）：{said}"
            )
            (where.figure_notes if where is not None else self.loose).append(note)
            return True  # said once: nothing more to find from it
        # In decimal: the bounds of what rounds to the printed rate, without binary error.
        half = Decimal(5).scaleb(-f.decimals - 1)
        base = sum(Decimal(str(exact[k])) for k in base_keys)  # (办复率: 建议 + 提案)
        shown = Decimal(str(f.value))
        low, high = (shown - half) * base / 100, (shown + half) * base / 100
        # 100% is all of the base and 0% none (check holds reports to that); any other rate is
        # neither (99.6% of 246 is never 246)
        whole = [
            n
            for n in range(math.ceil(low), math.floor(high) + 1)
            if 0 <= n <= base and (n == base) == (shown == 100) and (n == 0) == (shown == 0)
        ]
        if len(whole) != 1:
            return False
        key = f"{group}.{rate.numerator}"
        exact[key] = whole[0]  # the base of a rate after it in the sentence (满意率 over 按时办复)
        self.places.setdefault(key, set()).add(sentence)
        if self.used(theme.key, group, rate.numerator):  # (printed without its 同比: nothing to carry)
            self.theme(theme.key).last.setdefault(group, {})[rate.numerator] = whole[0]
            self.theme(theme.key).sources[(group, rate.numerator)] = f"由{f.text}推算：{said}"
        return True


def last_year_used(cat: Catalogue) -> dict[tuple[str, str, str], list]:
    """(theme, group, figure) of every count whose last-year value the default phrase table
    uses, with how: None when printed with its 同比, else the rate (RateDef) it is counted in,
    printed with its 同比."""
    from drafter.render.phrases import builtin_compared

    out: dict[tuple[str, str, str], list] = {}
    for theme, group, name in builtin_compared(cat):
        rate = cat.themes[theme].groups[group].rates.get(name)
        for n in [rate.numerator, *rate.denominator] if rate else [name]:
            out.setdefault((theme, group, n), []).append(rate)
    return out


def drop_unusable(seed: ThemeSeed, used: dict[tuple[str, str, str], list]) -> None:
    """Move to the notes each of ``seed``'s last-year figures that only rates use whose
    last-year whole is 0, or one of whose counts is not stated (审结0件, or 受理信访 without
    按期办结: no rate last year, so no 同比 of it): in
    上年数据 it would only draw a reminder that its 同比 is not printed."""
    for group, figures in list(seed.last.items()):
        given = dict(figures)  # (judged on all of last year's, whatever is moved before)
        for name in list(figures):
            rates = used.get((seed.key, group, name), [None])
            if any(r is None or _rate_known(r, given) for r in rates):
                continue
            value = figures.pop(name)
            whole = "、".join(dict.fromkeys(d for r in rates for d in r.denominator))
            seed.figure_notes.append(
                f"去年“{group}：{name}”是 {plain(value)}"
                f"（去年的比率算不出：{whole}是0，或比率的件数没有写全；没有放进上年数据，需要时照填）"
            )
        if not figures:
            del seed.last[group]


def _rate_known(rate, figures: dict[str, float]) -> bool:
    """Can ``rate`` be worked out for last year: all its counts given, its whole not 0?"""
    return all(n in figures for n in (rate.numerator, *rate.denominator)) and sum(figures[d] for d in rate.denominator) > 0


def seed_from_report(a: Analysis, cat: Catalogue, seed: Seed, scaled_exact: bool = False) -> int:
    """Fill ``seed`` from an analysed report. ``scaled_exact``: the report is drafter's own,
    untouched since (drafter/typeset/provenance.py), whose 万/亿 lose no digit; in any other a
    count in 万/亿 may be rounded (1.29万条 may stand for 12 873), so it is listed for the clerk
    to fill in, not taken as last year's figure. Returns how many were so listed."""
    reader = _Reader(a, cat, scaled_exact)
    reader.read()
    order = [t.key for t in cat.themes_of("成效")]
    seed.themes = [reader.themes[k] for k in order if k in reader.themes]
    seed.leader = reader.themes.get("第一责任人")
    for theme in [*seed.themes, *([seed.leader] if seed.leader else [])]:
        drop_unusable(theme, reader.last_used)
    if reader.loose:
        seed.tail += ["去年报告中没能对应到指标的数字（仅供参考）："] + ["  " + n for n in capped(reader.loose)]
    if reader.unthemed:
        seed.notes["成效"] = ["去年报告中没有归入主题的内容（仅供参考，可以整理到合适的主题下）："] + reader.unthemed
    problems = [line for part in a.report.sections if part.role == "问题" for line in _problem_lines(part)]
    problems += [p.text for part in a.report.sections for p in _paragraphs(part, {}) if "问题" in p.roles]
    if problems:
        seed.notes["问题"] = ["去年写的问题（仅供参考，今年的问题请重新写）："] + problems
    seed.items["去年安排"] = [_promise(p) for p in next_steps(a.report)]
    return reader.rounded


_SENTENCE_END = lazy_re(r"[。；！？;!?]")


def _sentence(para: Paragraph, at: int) -> tuple[int, int]:
    """Where a figure stands: its paragraph and the number of its sentence in it (a
    clause after ；counts as a sentence of its own: a rate there may be another group's)."""
    return id(para), len(_SENTENCE_END.findall(para.text, 0, at))


_ITEM_MARK = lazy_re(r"^[一二三四五六七八九十]+是")
_CLAUSE = lazy_re(r"[，。；：！？]")


def _promise(p) -> dict:
    """A 去年安排 item: a sub-section's heading, or an enumerated item's first clause."""
    if isinstance(p.node, Section):
        heading, body = p.heading, p.text[len(p.heading) :]
    else:
        text = _ITEM_MARK.sub("", p.text)
        lead = LEAD_IN.match(text)
        text = (text[len(lead.group(0)) :] if lead else text) or text  # 下一步，… : the plan, not its lead-in
        heading, body = _CLAUSE.split(text, 1)[0], p.text
    return {"标题": heading.rstrip("。；，"), "去年内容": body or None, "落实情况": None}
