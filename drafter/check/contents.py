"""What the report must contain (domain.md §2.1), what must not be left in it, and its
成文日期 (the year must have ended; the report is due by 1 March, domain.md §2.2)."""

from __future__ import annotations

import datetime as dt
import re

from drafter.check.checker import Check
from drafter.check.document import Unit
from drafter.errors import Where
from drafter.files.patterns import lazy_re
from drafter.files.yamlsource import as_date
from drafter.reading.classify import LEADER as _LEADER, own_parts

_CAUSE = lazy_re(r"原因|由于|源于|根源|导致|造成|缘于|究其|主要是|在于")


def _written_inside(check: Check, key: str) -> Unit | None:
    """The first heading or paragraph of 成效 that covers the leaders' duties (a sub-section
    党政主要负责人履行…职责, a run-in item 一是…带头履行第一责任人职责), or None. Said of
    第一责任人 only: its name is unambiguous; a mention in 问题 or 下一步 is no account of it."""
    if key != "第一责任人":
        return None
    return next((u for u in check.doc.units if u.part == "成效" and u.kind in ("小标题", "段落") and _LEADER.search(u.text)), None)


def required_parts(check: Check) -> None:
    doc = check.doc
    present = own_parts(doc.report)
    parts = [p for p in doc.cat.parts if p.own]  # in the order the rule lists them (domain.md §2.1)
    for i, part in enumerate(parts):
        if not part.required or part.key in present:
            continue
        inside = _written_inside(check, part.key)
        if inside is not None:
            if check.on("部分未单列"):
                m = _LEADER.search(inside.text)
                assert m is not None  # _written_inside found it there
                start = max(0, m.start() - 20)
                start = max([start] + [k + 1 for k in range(start, m.start()) if inside.text[k] in "。；;，,"])
                check.add(
                    "部分未单列",
                    doc.where(inside, start, m.end()),
                    inside.text[start : m.end()],
                    "成效",
                    f"“{part.about}”写在了成效部分里，没有单列一部分。",
                    f"可以把这部分内容单列出来（{_place(parts, i, present | {'成效'})}），审阅时更容易找到；作为成效的一项来写也可以。",
                )
            continue
        if not check.on("缺少必需部分"):
            continue
        place = _place(parts, i, present)
        after = next((p for p in parts[i + 1 :] if p.key in present), None)
        anchor = _anchor(check, after.key if after else None)
        check.add(
            "缺少必需部分",
            doc.where(anchor) if anchor else Where(doc.name, field="全文"),
            "",
            part.key,
            f"报告中没有“{part.about}”这一部分。",
            f"法治政府建设年度报告应当写明这部分内容，{place}。",
        )
    if "问题" in present and check.on("缺少原因"):
        text = "".join(u.text for u in doc.units if u.part == "问题")
        if text and not _CAUSE.search(text):
            check.add(
                "缺少原因",
                doc.where(_anchor(check, "问题")),
                "",
                "问题",
                "“不足”部分只写了问题，没有写原因。",
                "年度报告要求写明存在的不足和原因：每个问题后面写一两句产生的原因。",
            )


def _place(parts, i: int, present: set[str]) -> str:
    """Where part ``i`` belongs among the parts a report has, in the rule's order."""
    before = next((p for p in reversed(parts[:i]) if p.key in present), None)
    after = next((p for p in parts[i + 1 :] if p.key in present), None)
    if before and after:
        return f"一般排在“{before.about}”之后、“{after.about}”之前"
    if before:
        return f"一般排在“{before.about}”之后"
    if after:
        return f"一般排在“{after.about}”之前"
    return "按" + "、".join(p.about for p in parts if p.required) + "的顺序写"


def _anchor(check: Check, part: str | None):
    """The first unit of a part: where a finding about the part points."""
    return next((u for u in check.doc.units if u.part == part and u.kind != "原文"), None) if part else None


def _typed_line(doc, unit) -> str:
    """The line a unit was read from, as typed (a heading's own 。 is not in its text), or its text."""
    lines = getattr(doc, "lines", None)
    at = next((seg.line for seg in unit.origin or ()), None)
    return lines[at - 1] if lines and at and at <= len(lines) else unit.text


def empty_sections(check: Check) -> None:
    doc = check.doc
    for unit in doc.units:
        sec = unit.node
        # a numbered sentence (（一）严格落实述法制度。, ①行政执法类5项；) is content, not a title;
        # so is an item of the plans or the problems, which reports list one sentence each
        if (
            unit.kind == "小标题"
            and not sec.body
            and unit.part not in ("下一步", "问题")
            and not _typed_line(doc, unit).rstrip().endswith(("。", "；", ";", "！", "？", "!", "?"))
        ):
            check.add(
                "空节",
                doc.where(unit, 0, len(unit.text)),
                unit.text,
                unit.part,
                f"标题“{unit.text}”下面没有内容。",
                "在标题下补写内容，或删去这个标题。",
            )


_DOUBLE_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒"}


def placeholders(check: Check) -> None:
    doc = check.doc
    words = check.table.words("占位文字")
    pattern = re.compile("|".join(map(re.escape, words)))
    surnames = set(check.table.words("化名姓氏"))
    for unit in doc.units:
        # 张某某, 王某某诉……案: a party's name withheld, not a placeholder
        # (王××, 欧阳××: the same, written with ×)
        m = next(
            (
                m
                for m in pattern.finditer(unit.text)
                if not (
                    m.group(0).startswith(("某", "×"))
                    and m.start() > 0
                    and (
                        unit.text[m.start() - 1 : m.start()] in surnames or unit.text[max(0, m.start() - 2) : m.start()] in _DOUBLE_SURNAMES
                    )
                )
            ),
            None,
        )
        if m:
            end = min(len(unit.text), m.end() + 10)
            check.add(
                "占位文字",
                doc.where(unit, m.start(), m.end()),  # the place is the word itself (the quote runs on)
                unit.text[m.start() : end],
                unit.part,
                f"这里还留着占位文字“{m.group(0)}”。",
                "请换成实际内容，或删去这一句。",
            )


def _line_column(mark: tuple | None) -> tuple[int | None, int | None]:
    """(line, column) of a form's value, (None, None) when it has no place."""
    return (mark[0], mark[1]) if mark else (None, None)


def date_of(check: Check) -> tuple[dt.date | None, Unit | None]:
    doc = check.doc
    if doc.data is not None:
        return doc.data.get("成文日期"), next((u for u in doc.units if u.kind == "日期"), None)
    unit = next((u for u in doc.units if u.kind == "日期"), None)
    return (as_date(unit.text) if unit else None), unit


_ARABIC_DATE = lazy_re(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _no_such_day(text: str) -> bool:
    """Is ``text`` a date in Arabic figures that no calendar has (2026年2月30日, 2026年13月5日)?"""
    m = _ARABIC_DATE.search(text)
    if m is None:
        return False
    try:
        dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return True
    return False


def written_date(check: Check) -> None:
    doc = check.doc
    when, unit = date_of(check)
    if unit is None:
        # (at the end of a report; a form's date is missing because its template did not
        # print it, which no paragraph of the form says)
        last = doc.units[-1] if doc.units and doc.data is None else None
        check.add(
            "成文日期缺失",
            doc.where(last) if last else Where(doc.name, field="全文"),
            "",
            "落款",
            "文末没有成文日期。",
            "在署名下一行写成文日期，如“2026年2月6日”。",
        )
        return
    year = doc.year
    where = (
        doc.where(unit, 0, len(unit.text))
        if doc.kind != "表单"
        else Where(doc.name, *_line_column(doc.source.value_marks.get(("成文日期",))), field="成文日期")
    )
    if when is None and _no_such_day(unit.text):
        # 2026年2月30日: read as the date line, but no day of the calendar
        check.add(
            "成文日期有误",
            where,
            unit.text,
            "落款",
            f"成文日期“{unit.text.strip()}”不是日历上有的日子。",
            "请核对月和日，写成“2026年2月6日”这样的日期。",
        )
        return
    if when is None or year is None:
        return
    if when < dt.date(year + 1, 1, 1):
        check.add(
            "成文日期过早",
            where,
            unit.text,
            "落款",
            f"成文日期{unit.text}在报告年度（{year}年）结束之前。",
            f"报告的是{year}年全年的工作，成文日期应在{year + 1}年年初；请核对成文日期和报告年度。",
        )
    elif when > dt.date(year + 1, 3, 1):
        check.add(
            "成文日期过晚",
            where,
            unit.text,
            "落款",
            f"成文日期{unit.text}晚于{year + 1}年3月1日。",
            f"年度报告应在{year + 1}年3月1日前报送、4月1日前公开；请核对日期。",
        )


_MONTH = r"(\d{1,2}|十[一二]|[一二三四五六七八九十])"
# Figures of part of the year: 1—10月, 2025年1至10月, 截至10月底, 截至2025年11月30日, 前三季度, 上半年.
_PART_OF_YEAR = lazy_re(
    rf"(?:(?:(?P<year>\d{{4}})\s*年\s*)?(?<!\d)(?:1|一)\s*[—\-－–~～至到]\s*(?P<to>{_MONTH[1:-1]})\s*月"
    rf"(?!份?\s*[—\-－–~～至到])"
    rf"|截至\s*(?:(?P<until_year>\d{{4}})\s*年)?\s*(?P<until>{_MONTH[1:-1]})\s*月\s*(?:底|末|\d{{1,2}}\s*日|份)"
    rf"|前三季度|上半年|前三个季度)"
)


def part_of_year(check: Check) -> None:
    """Figures that cover only part of the year reported (1—10月, 截至10月底, 前三季度): an
    annual report states the whole year's. Said at most three times, in 开头 and 成效."""
    doc = check.doc
    said = 0
    for unit in doc.units:
        if unit.part not in ("开头", "成效", "第一责任人") or unit.kind != "段落":
            continue
        for m in _PART_OF_YEAR.finditer(unit.text):
            if re.search(r"(?:与|比|较|同|环比|对比)$", unit.text[max(0, m.start() - 3) : m.start()]) or unit.text[
                m.end() : m.end() + 2
            ] in ("相比", "同期"):
                continue  # 环比（与上半年相比）: what the year is compared with, not what was counted
            rest = unit.text[m.end() :].lstrip("，,：: ")
            clause = re.split(r"[，,；;。！？]", rest, maxsplit=1)[0]
            if not _COUNTED.search(clause):
                continue  # 上半年，通过示范县验收: when it happened, not what was counted
            month = m.group("to") or m.group("until")
            year = m.group("year") or m.group("until_year")
            if year and doc.year and int(year) != doc.year:
                continue  # 截至2024年10月: another year's figure
            value = None
            if month is not None:
                value = int(month) if month.isdigit() else _HAN_MONTHS.get(month)
                if value is None or value >= 12:
                    continue  # 1—12月 is the whole year
            if (
                _REST_OF_YEAR.search(_sentence_after(unit.text, m.end()))
                or value is not None
                and re.search(rf"(?<!\d){value + 1}\s*(?:月|[—\-－–~～至到])", _sentence_after(unit.text, m.end()))
            ):
                continue  # 上半年…，下半年…，全年共…: the rest of the year, or the whole, is stated too
            check.add(
                "全年数据不全",
                doc.where(unit, m.start(), m.end()),
                m.group(0),
                unit.part,
                f"这里的数字只统计到“{m.group(0)}”，不是全年的。",
                "年度报告写全年的数字；全年数字还没出来的，请写明统计截止时间，定稿前换成全年数字。",
            )
            said += 1
            if said >= 3:
                return


_REST_OF_YEAR = lazy_re(r"全年|下半年|第?四季度|全年度")


def _sentence_after(text: str, at: int) -> str:
    """The rest of the sentence from ``at``."""
    end = re.search(r"[。！？]", text[at:])
    return text[at : at + end.start()] if end else text[at:]


_COUNTED = lazy_re(r"\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:件|个|项|次|人|起|%|％|元|家|户|场|份|条|宗|卷|处|名|期|批)")
_HAN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def run(check: Check) -> None:
    if check.on("缺少必需部分", "缺少原因", "部分未单列"):
        required_parts(check)
    if check.on("空节"):
        empty_sections(check)
    if check.on("占位文字"):
        placeholders(check)
    if check.on("成文日期缺失", "成文日期有误", "成文日期过早", "成文日期过晚"):
        written_date(check)
    if check.on("全年数据不全"):
        part_of_year(check)
