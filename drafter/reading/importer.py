"""Turn an existing report into a form that renders back to the same report.

The body goes into 正文 as written (numbers dropped: the typesetter renumbers), with each
part's role and each section's theme noted; the unit, year, date, title and signature go
into their own fields. The figures found are listed as comments at the end, mapped to the
catalogue where possible, ready to move into 数据 for next year's form.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from drafter.files.bounds import FORM_ITEMS as MAX_PARAGRAPHS, FORM_TEXT as MAX_TEXT
from drafter.files.patterns import lazy_re
from drafter.model.report import Paragraph, Report, Section
from drafter.reading.analysis import Analysis
from drafter.reading.classify import UNCLASSIFIED
from drafter.reading.parser import ENUMERATION, closing

_UNIT_IN_TITLE = lazy_re(r"^(.+?)(?:关于|\d{4}\s*年)")
_UNIT_IN_OPENING = lazy_re(r"^\d{4}年(?:以来|度)?，(?:在[^，]*，)*([^，。]{2,24}?)(?:坚持|深入|始终|认真|全面|以|紧紧|在)")
_SELF = ("我区", "我县", "我市", "我镇", "我乡", "我局", "全区", "全县", "全市")


# A report that makes a form: its text must render back within the template's output bound
# and the form hold fewer values than the form reader accepts (a report has ~10k characters
# and a few hundred paragraphs).


def check_importable(report: Report, name: str) -> None:
    """Refuse a report too long to become a form that validates and renders."""
    from drafter.errors import InputFileError, Where

    length = report.text_length()
    paragraphs = len(report.opening) + sum(1 + len(s.paragraphs) for s in report.walk())
    if length > MAX_TEXT or paragraphs > MAX_PARAGRAPHS:
        size = f"{length} 个字" if length > MAX_TEXT else f"{paragraphs} 段"
        raise InputFileError(
            f"“{name}”太长了（{size}），不像是一份年度报告，不能转成表单。",
            f"一份报告通常一两万字、几百段；请确认选对了文件。"
            f"drafter 能转成表单的报告最多 {MAX_TEXT // 10_000} 万字、{MAX_PARAGRAPHS} 段。",
            Where(name),
        )


def guess_unit(a: Analysis) -> str | None:
    """The reporting unit: the signature's, the title's for a joint report (its issuers signed
    one a line: 单位 is one of them, 署名 both), else the lead issuer's."""
    r = a.report
    issuers = (r.signature or "").split("\u3000")
    if r.signature and len(issuers) == 1:
        return r.signature
    m = _UNIT_IN_TITLE.match(r.title or "")
    if m and len(m.group(1)) >= 2:
        return m.group(1)
    if r.signature:
        return issuers[0]
    for p in r.opening[:1]:
        m = _UNIT_IN_OPENING.match(p.text)
        if m and m.group(1) not in _SELF:
            return m.group(1)
    return None


_HAN_DIGITS = str.maketrans("〇○零Oo一二三四五六七八九", "0000012345678" + "9")


def _date(text: str | None) -> dt.date | None:
    """The date of 2026年2月6日, 二〇二六年二月六日 (with the ○/O/0 WPS users type for 〇) or
    2026.2.6 / 2026-02-06 / 2026/2/6: every date line the reading side takes."""
    from drafter.reading.figure_finder import han_value

    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text or "") or re.match(r"(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})$", text or "")
    if m:
        parts = (int(m[1]), int(m[2]), int(m[3])) if m.lastindex == 3 else (int(m[1]), int(m[3]), int(m[4]))
    else:
        m = re.match(r"([〇○零Oo0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日", text or "")
        if not m:
            return None
        parts = int(m[1].translate(_HAN_DIGITS)), han_value(m[2]) or 0, han_value(m[3]) or 0
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def _section(sec: Section, top: bool, skip: frozenset[int] = frozenset()) -> dict:
    # a numbered sentence (（1）学法12次。) keeps its 。 with nothing under it or items
    # under it: printed as it was, a sentence, never an empty heading
    body = [b for b in sec.body if id(b) not in skip]
    out: dict = {"标题": sec.heading + (sec.sentence_end if not body or isinstance(body[0], Section) else "")}
    if top and sec.role:
        out["角色"] = sec.role
    if sec.theme and sec.theme != UNCLASSIFIED:
        out["主题"] = sec.theme
    out["内容"] = [x for b in body for x in (_items(b, skip) if isinstance(b, Section) else [b.text])]
    return out


def _part(sec: Section) -> dict:
    """A part of the report as the form's item. A closing formula (特此报告。) the reading left
    at the end of the part's last item closes the part, not that item: it is printed after
    the item, whose own sentence keeps its 。 (（二）加强行政执法监督。)."""
    last = sec
    while last.body and isinstance(last.body[-1], Section):
        last = last.body[-1]
    closings: list[Paragraph] = []
    if last is not sec:
        for item in reversed(last.body):
            if not isinstance(item, Paragraph) or not closing(item.text):
                break
            closings.insert(0, item)
    out = _section(sec, True, frozenset(id(p) for p in closings))
    out["内容"] += [p.text for p in closings]
    return out


def _items(sec: Section, skip: frozenset[int] = frozenset()) -> list:
    """A section under a part, as the form's items: a run-in item numbered 一是/二是 with only
    paragraphs under it stays the paragraphs it was (一是基层执法力量不足。主要原因是…), for
    the renderer would number it as a heading ((一)…); any other, a heading."""
    body = [b for b in sec.body if id(b) not in skip]
    texts = [b.text for b in body if isinstance(b, Paragraph)]
    # (一是…: numbered in the report's own words)
    if ENUMERATION.fullmatch(sec.number.strip()) and len(texts) == len(body) and (sec.run_in or not body):
        first = sec.number.strip() + sec.heading + (sec.sentence_end if not texts else "")
        return [first + (texts[0] if texts else ""), *texts[1:]]
    if sec.sentence_end and texts and len(texts) == len(body) and not sec.run_in:
        # a numbered sentence on a line of its own (（2）学法19次。), paragraphs after it: the
        # sentence as it was, the paragraphs after it (a heading ending in 。 would run into them)
        return [_section(sec, False, frozenset(id(b) for b in body)), *texts]
    return [_section(sec, False, skip)]


def missing_parts(a: Analysis) -> list:
    """The parts a report must contain that this one lacks (catalogue order)."""
    from drafter.model.catalogue import load_catalogue
    from drafter.reading.classify import parts_present

    present = parts_present(a.report)
    return [p for p in load_catalogue().parts if p.required and p.key not in present]


def _insert_part(body: list, part, year: int) -> None:
    """A section for a missing part, with a placeholder the clerk replaces, before the
    first part that follows it in the catalogue order."""
    from drafter.model.catalogue import load_catalogue

    order = [p.key for p in load_catalogue().parts]
    later = set(order[order.index(part.key) + 1 :])
    section = {
        "标题": part.heading.format(年度=year, 下一年度=year + 1),
        "角色": part.key,
        "内容": [f"在这里写{part.about}（原报告没有这一部分）。"],
    }
    at = next((i for i, item in enumerate(body) if isinstance(item, dict) and item.get("角色") in later), len(body))
    body.insert(at, section)


def import_form(a: Analysis, source_name: str) -> tuple[str, list[str]]:
    """The form text, and notes on what had to be guessed."""
    r = a.report
    notes = []
    unit = guess_unit(a)
    if not unit:
        unit = "（请填写单位名称）"
        notes.append("没有从原文中识别出单位名称，请填写“单位”。")
    when = _date(r.date)
    year = a.year or (when.year - 1 if when else None)
    if year is None:
        year = dt.date.today().year - 1
        notes.append(f"没有识别出报告年度，暂填 {year}，请核对“年度”。")
    if when is None or when.year < year:
        wrong = r.date and when is None  # 2026年2月30日: a date no calendar has
        when = dt.date(year + 1, 3, 1)
        notes.append(
            f"原文的成文日期“{r.date}”不是日历上有的日子，暂填 {when:%Y-%m-%d}，请核对“成文日期”。"
            if wrong
            else f"原文没有成文日期，暂填 {when:%Y-%m-%d}，请核对“成文日期”。"
        )
    data: dict = {"单位": unit, "年度": year, "成文日期": when}
    if r.title:
        data["标题"] = r.title
    if r.addressee:
        data["主送机关"] = r.addressee
    body: list = [p.text for p in r.opening] + [_part(s) for s in r.sections]
    rows = [p for s in r.walk() for p in s.body if isinstance(p, Paragraph) and p.table]
    if rows:
        notes.append(
            f"原文有表格（{len(rows)} 行），已按每行一段写进正文，第一行是“{rows[0].text[:20]}”；"
            "生成的报告里不会排成表格，单元格之间的空格也会去掉：请把它改写成句子，或放进附件。"
        )
    if r.before_title:
        notes.append(
            f"原文标题前面还有 {len(r.before_title)} 行（如版头的发文机关标志、发文字号、签发人，第一行是“{r.before_title[0][:20]}”），"
            "表单里没有写进去，生成的报告里不会有：需要时请另外加上。"
        )
    if r.attachment_note:
        notes.append(
            f"原文正文后面有附件说明（{len(r.attachment_note)} 行，第一行是“{r.attachment_note[0].strip()[:20]}”），"
            "表单里没有写进去，生成的报告里不会有：请在生成的报告里另外加上，并附上附件。"
        )
    if r.footnoted:
        notes.append(
            f"原文有 {len(r.footnoted)} 条脚注或尾注（第一条在“{r.footnoted[0][:20]}”这一段），表单里没有写进去，"
            "生成的报告里不会有：要保留的内容，请写进正文或附注。"
        )
    if r.after_closing:
        notes.append(
            f"原文落款后面还有 {len(r.after_closing)} 行（附件、表格或抄送等版记，第一行是“{r.after_closing[0][:20]}”），"
            "表单里没有写进去，生成的报告里不会有：请在生成的报告后面另外附上。"
        )
    for part in missing_parts(a):
        notes.append(f"原文没有“{part.about}”这一部分，已在正文中留出位置，请补写。")
        _insert_part(body, part, year)
    data["正文"] = body
    sign: dict[str, str | bool] = {}
    if r.signature:
        sign["署名"] = r.signature
    if r.sealed:  # drafter's own report, written with 盖章: laid out for the seal again
        sign["盖章"] = True
    if r.notes:  # the form holds the note without its brackets; the typesetter adds them
        sign["附注"] = "；".join(n.strip().removeprefix("（").removesuffix("）") for n in r.notes)
    if sign:
        data["落款"] = sign
    head = (
        [
            "# yaml-language-server: $schema=drafter-form.schema.json",
            f"# 由 drafter import 从“{source_name}”生成。正文按原文排列，编号由排版程序重新编排。",
            "# 生成报告：drafter render 本文件 -o 报告.docx",
        ]
        + [f"# 注意：{n}" for n in notes]
        + [""]
    )
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
    return "\n".join(head) + text + _figures_comment(a), notes


def _figures_comment(a: Analysis) -> str:
    """The counts mapped to the catalogue, each with the sentence it stands in (rates are
    worked out from counts, so they are not listed)."""
    from drafter.reading.figure_finder import excerpt

    lines = []
    for text, f in a.figures_in_text():
        if f.maps_to and f.kind == "count":
            lines.append(f"#   {f.maps_to}: {f.value}  # {excerpt(text, f.start, f.start + len(f.text))}")
    if not lines:
        return ""
    head = ["", "# 原文中的数字（已对应到目录中的指标），明年填写“成效”的“数据”时可以参考："]
    return "\n".join(head + lines) + "\n"
