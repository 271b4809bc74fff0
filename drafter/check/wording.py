"""Political formulas by the year reported (formulas data, domain.md §6): the congress and
plenum formula, the 纲要 cited, and the exact spelling of the two thought formulas."""

from __future__ import annotations

import datetime as dt
import re

from drafter.check.checker import Check
from drafter.files.patterns import lazy_re

_CN = "一二三四五六七八九十"
# 党的二十大和二十届二中、三中全会精神 / 党的十九大精神 / 二十届三中全会精神
_SPIRIT = lazy_re(
    rf"(?:(?:党的)?(?P<congress>十[六七八九]|二十)大(?:和|及|以及)?)?(?:(?:党的)?(?P<term>十[六七八九]|二十)届"
    rf"(?P<plenums>(?:[{_CN}]中(?:全会)?[、和及]?)+|历次)全会)?精神"
)
_ORDER = ["十六", "十七", "十八", "十九", "二十", "二十一"]
# A congress or plenum named at all, however the formula goes on (…四中全会以及中央全面依法治国
# 工作会议精神): the report does name its year's spirit.
_CONGRESS_NAMED = lazy_re(rf"(?:十[六七八九]|二十)大|(?:十[六七八九]|二十)届[{_CN}、和及]*中?全会|历次全会")
_PLENUM = lazy_re(rf"([{_CN}])中")
_OUTLINE = lazy_re(r"法治政府建设实施纲要\s*[（(]\s*(\d{4})\s*[—\-－–~～至]+\s*(\d{4})\s*年?\s*[）)]")
THOUGHTS = ("习近平新时代中国特色社会主义思想", "习近平法治思想")
OTHER_THOUGHTS = ("习近平经济思想", "习近平生态文明思想", "习近平外交思想", "习近平强军思想", "习近平文化思想")
_THOUGHT = lazy_re(r"习近平([^，。；、：“”（）《》\s]{0,20}?)思想")
_NUMERAL = {c: i + 1 for i, c in enumerate(_CN)}


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def spirit(check: Check) -> None:
    doc = check.doc
    year = doc.year
    if year is None:
        return
    entry = check.table.formulas.get(year)
    if entry is None or not entry.get("党代会") or not entry.get("会议精神"):  # an office's null: no data to compare
        if doc.data is not None:
            return  # a form: rendering has said so already (the opening uses the nearest year's)
        check.add(
            "表述数据缺失",
            doc.where(None),
            "",
            "全文",
            f"drafter 的政治表述数据没有{year}年度，没有核对“党的××大和××届×中全会精神”等提法。",
            "请对照最新的中央文件核对开头段的政治表述，并请维护人员在表述数据中补上这一年。",
        )
        return
    expected = entry["党代会"].rstrip("大")
    plenums = [_NUMERAL[p[0]] for p in entry.get("全会", [])]
    latest_seen = False
    first = None
    for unit in doc.units:
        for m in _SPIRIT.finditer(unit.text):
            congress = m.group("congress") or m.group("term")
            if not congress:
                continue
            first = first or (unit, m)
            where = (unit, m.start(), m.end())  # located only if a finding needs it
            quote = m.group(0)
            if _ORDER.index(congress) < _ORDER.index(expected):
                check.add(
                    "会议精神过时",
                    where,
                    quote,
                    unit.part,
                    f"报告的是{year}年度，“{congress}大”的提法已经过时。",
                    f"应写“{entry['会议精神']}”。",
                )
                continue
            if _ORDER.index(congress) > _ORDER.index(expected):
                check.add(
                    "会议精神过时",
                    where,
                    quote,
                    unit.part,
                    f"报告的是{year}年度，写报告时还没有召开“{congress}大”。",
                    f"应写“{entry['会议精神']}”。",
                )
                continue
            term = m.group("term")
            if term and term != congress:  # 党的二十大和十九届六中全会精神: plenums of another Central Committee
                earlier = _ORDER.index(term) < _ORDER.index(congress)
                what = "上一届中央委员会召开的，这个提法已经过时。" if earlier else "写报告时还没有召开的。"
                fix = f"应写“{entry['会议精神']}”。"
                check.add("会议精神过时", where, quote, unit.part, f"报告的是{year}年度，“{term}届”的全会是{what}", fix)
                continue
            named = m.group("plenums")
            if named == "历次" or (named and plenums and max(_NUMERAL[p] for p in _PLENUM.findall(named)) >= max(plenums)):
                latest_seen = True
            if not named or named == "历次":
                continue
            said = [_NUMERAL[p] for p in _PLENUM.findall(named)]
            if plenums and max(said) > max(plenums) and _unverified(entry, year):
                check.add(
                    "表述数据缺失",
                    where,
                    quote,
                    unit.part,
                    f"drafter 的表述数据核对于{entry['核对日期']:%Y年%-m月%-d日}，只知道{_CN[max(plenums) - 1]}中全会；"
                    "文中的全会是否已经召开，无法核对。",
                    "请对照最新的会议公报核对这一提法。",
                )
            elif plenums and max(said) > max(plenums):
                check.add(
                    "会议精神过时",
                    where,
                    quote,
                    unit.part,
                    f"报告的是{year}年度，文中的全会在写报告时还没有召开。",
                    f"应写“{entry['会议精神']}”。",
                )
            elif plenums and max(said) < max(plenums) and m.group("congress"):
                check.add(
                    "会议精神过时",
                    where,
                    quote,
                    unit.part,
                    f"报告的是{year}年度，写报告时已经召开了{_CN[max(plenums) - 1]}中全会，这个提法过时了。",
                    f"应写“{entry['会议精神']}”。",
                )
            elif m.group("congress") and set(plenums) - set(said) and max(said) == max(plenums):
                missing = "、".join(f"{_CN[p - 1]}中" for p in sorted(set(plenums) - set(said)))
                check.add("会议精神不全", where, quote, unit.part, f"全会列得不全，漏了{missing}全会。", f"应写“{entry['会议精神']}”。")
    if first is None and check.on("会议精神不全") and not any(_CONGRESS_NAMED.search(u.text) for u in doc.units):
        opening = next((u for u in doc.units if u.part == "开头" and u.kind == "段落"), None)
        check.add(
            "会议精神不全",
            doc.where(opening, 0, 12) if opening else doc.where(None),
            "",
            opening.part if opening else "全文",
            f"全文没有写{year}年度应当学习贯彻的会议精神。",
            f"开头段一般写“全面贯彻{entry['会议精神']}”。",
        )
        return
    reported = any((f.rule or "").startswith("会议精神") for f in check.findings)
    if "全会" in entry["会议精神"] and first is not None and not latest_seen and not reported:
        unit, m = first
        check.add(
            "会议精神不全",
            doc.where(unit, m.start(), m.end()),
            m.group(0),
            unit.part,
            f"全文没有写{year}年度应当学习贯彻的最新全会精神。",
            f"开头段一般写“{entry['会议精神']}”。",
        )


def _unverified(entry: dict, year: int) -> bool:
    """The data was last checked before the report season of ``year`` ended, so a later
    plenum may have been held since."""
    checked = entry.get("核对日期")
    return isinstance(checked, dt.date) and checked < dt.date(year + 1, 3, 1)


def outline(check: Check) -> None:
    doc = check.doc
    year = doc.year
    if year is None:
        return
    for unit in doc.units:
        for m in _OUTLINE.finditer(unit.text):
            start, end = int(m.group(1)), int(m.group(2))
            if end < year and _looking_back(unit.text, m.start(), m.end()):
                continue  # 回顾《…（2015—2020年）》实施以来; 全面总结《…》实施情况: a past 纲要 named as past
            if start > year and (unit.part == "下一步" or _looking_ahead(unit.text, m.start())):
                continue  # the next 纲要 in the plans (贯彻落实《…（2026—2030年）》) or looked ahead to (谋划、衔接)
            if not start <= year <= end:
                check.add(
                    "纲要不在施行期",
                    doc.where(unit, m.start(), m.end()),
                    m.group(0),
                    unit.part,
                    f"报告的是{year}年度，而《法治政府建设实施纲要（{start}—{end}年）》的施行期是{start}—{end}年。",
                    "请改为报告年度施行的纲要；新纲要尚未发布时，不写纲要的名称。",
                )


# A 纲要 whose term has ended, named as such: looked back on (回顾, 总结), or by what it did
# (…实施以来, 实施情况, 圆满收官), not as the one being carried out.
_BACK_BEFORE = lazy_re(r"(?:回顾|总结|梳理|评估|盘点|对照检查)[^，。；：]{0,8}$")
_BACK_AFTER = lazy_re(r"^[^，。；：]{0,4}(?:实施以来|实施经验|实施情况|实施成效|圆满收官|收官|评估|总结|期间|时期)")


_AHEAD_BEFORE = lazy_re(r"(?:谋划|衔接|做好|启动|编制|研究制定|起草|对接|准备)[^，。；：]{0,8}$")


def _looking_ahead(text: str, start: int) -> bool:
    return bool(_AHEAD_BEFORE.search(text, max(0, start - 12), start))


def _looking_back(text: str, start: int, end: int) -> bool:
    return bool(_BACK_BEFORE.search(text, max(0, start - 12), start) or _BACK_AFTER.match(text[end : end + 12]))


# The 纲要's name as clerks write it, right or not: 《》 or none, brackets of either width,
# any dash or none, 年 or none (纲要(2021-2025), 纲要（2021—2025年）).
_OUTLINE_NAME = lazy_re(
    r"(?P<open>[《〈]?)法治政府建设实施纲要\s*(?P<lb>[（(])\s*(?P<start>\d{4})\s*(?P<dash>[—\-－–~～至]*)\s*"
    r"(?P<end>\d{4})\s*(?P<year>年?)\s*(?P<rb>[）)])(?P<close>[》〉]?)"
)
# The 纲要 issued (domain.md §3): 2015—2020 and 2021—2025; a later one is known once the
# formulas data names it.
_OUTLINES = {(2015, 2020), (2021, 2025)}


def _in_title(text: str, at: int) -> bool:
    """Does ``at`` stand inside 《…》 or 〈…〉 opened before it (within a title's length)?"""
    before = text[max(0, at - 60) : at]
    opened = max(before.rfind("《"), before.rfind("〈"))
    return opened >= 0 and opened > max(before.rfind("》"), before.rfind("〉"))


def outline_name(check: Check) -> None:
    """The 纲要 cited by a name that is not its own: without 《》, brackets or dash of the wrong
    kind, years without 年, or years of a 纲要 never issued. One finding for each citation."""
    doc = check.doc
    known = set(_OUTLINES)
    for entry in check.table.formulas.years.values():
        m = _OUTLINE.search(entry.get("纲要") or "")
        if m:
            known.add((int(m.group(1)), int(m.group(2))))
    for unit in doc.surface():  # as typed: the reader repairs dashes and brackets
        for m in _OUTLINE_NAME.finditer(unit.text):
            start, end = int(m.group("start")), int(m.group("end"))
            wrong = []
            # inside a title (《关于印发〈……纲要（2021—2025年）〉的通知》, 《市……纲要》): quoted as it should be
            titled = _in_title(unit.text, m.start()) or bool(m.group("open") and m.group("close"))
            if not titled:
                wrong.append("没有加书名号《》")
            # brackets round figures only are no half-width mark to 半角标点 (with 年 inside they
            # are, and said there): said here
            if (m.group("lb") != "（" or m.group("rb") != "）") and not (m.group("year") and check.on("半角标点")):
                wrong.append("括号应当用全角的（）")
            # a wrong dash is said by 连接号, once
            if m.group("dash") != "—" and not check.on("连接号"):
                wrong.append("起止年份之间应当用一字线“—”")
            if not m.group("year"):
                wrong.append("年份后面缺“年”")
            right = f"《法治政府建设实施纲要（{start}—{end}年）》"
            if (start, end) not in known and not (doc.year and start > doc.year):  # a later one: not yet in the data
                issued = "和".join(f"《法治政府建设实施纲要（{a}—{b}年）》" for a, b in sorted(known))
                check.add(
                    "纲要名称",
                    doc.where(unit, m.start(), m.end()),
                    m.group(0),
                    unit.part,
                    f"没有“{start}—{end}年”的法治政府建设实施纲要。",
                    f"已印发的是{issued}，请核对年份。",
                )
            elif wrong:
                check.add(
                    "纲要名称",
                    doc.where(unit, m.start(), m.end()),
                    m.group(0),
                    unit.part,
                    f"纲要的名称写得不对：{'；'.join(wrong)}。",
                    f"写成“{right}”。",
                )


def thoughts(check: Check) -> None:
    doc = check.doc
    for unit in doc.units:
        for m in _THOUGHT.finditer(unit.text):
            # the nearest 习近平 before 思想 (the match may start at an earlier one)
            text = m.group(0)
            inner = text.rfind("习近平")
            start = m.start() + inner
            said = unit.text[start : m.end()]
            if said in THOUGHTS or said in OTHER_THOUGHTS:
                continue
            if re.search("[\u2400-\u243f\ufffd]", said):
                continue  # a stray character stands in it (shown ␜): said by 不可见字符, not a wrong word
            best = min(THOUGHTS, key=lambda t: _distance(said, t))
            if _distance(said, best) <= max(1, len(best) // 5):
                check.add(
                    "表述错字", doc.where(unit, start, m.end()), said, unit.part, f"“{said}”应为“{best}”。", f"请改为“{best}”，一字不差。"
                )


# The year an opening paragraph starts with (2024年，…), not a span reaching the report's year
# (2024年以来, 2021年至今)
_OPENING_YEAR = lazy_re(r"\s*(?P<year>(?:19|20)\d{2})\s*年(?!以来|来|至|到|—|-|－|度以来)")


def opening_year(check: Check) -> None:
    """An opening paragraph that starts with another year than the report's (2024年，我县…
    in a report on 2025: last year's opening copied)."""
    doc = check.doc
    opening = next((u for u in doc.units if u.part == "开头" and u.kind == "段落"), None)
    m = _OPENING_YEAR.match(opening.text) if opening is not None and doc.year else None
    if opening is None or m is None or int(m.group("year")) == doc.year:
        return
    check.add(
        "开头年度",
        doc.where(opening, m.start("year"), m.end()),
        m.group().strip(),
        opening.part,
        f"报告的是{doc.year}年度，开头却从“{m.group('year')}年”写起。",
        f"请改为“{doc.year}年”；如果是沿用了往年的开头，请通读一遍开头段。",
    )


def run(check: Check) -> None:
    if check.on("会议精神过时", "会议精神不全", "表述数据缺失"):
        spirit(check)
    if check.on("开头年度"):
        opening_year(check)
    if check.on("纲要不在施行期"):
        outline(check)
    if check.on("纲要名称"):
        outline_name(check)
    if check.on("表述错字"):
        thoughts(check)
