"""Run the rule table over one document, or over a form that is being rendered."""

from __future__ import annotations

from drafter.check import arithmetic, commitments, contents, plausibility, punctuation, wording
from drafter.check.checker import Check
from drafter.check.document import Document
from drafter.check.finding import Finding
from drafter.check.table import RuleTable
from drafter.errors import Where
from drafter.model.catalogue import load_catalogue
from drafter.model.report import Section

# Each module runs the rules of one kind; a rule that is switched off costs nothing.
MODULES = (contents, wording, arithmetic, plausibility, punctuation, commitments)


def check_document(doc: Document, table: RuleTable, last: Document | None = None, full: bool = True) -> list[Finding]:
    check = Check(doc, table, last, full)
    if doc.year is None:
        check.add(
            "年度不明",
            Where(doc.name, field="全文"),
            "",
            "全文",
            "没有从标题或开头段看出报告的是哪一年，与年度有关的检查（政治表述、成文日期、承诺）没有做。",
            "用 --year 指明报告年度，如 --year 2025。",
        )
    for module in MODULES:
        module.run(check)
    check.close()
    for p in doc.form_warnings:  # what validate found (bounds, years outside the data)
        if p.rule is None or table.severity.get(p.rule):
            severity = table.severity.get(p.rule, p.severity) if p.rule else p.severity
            check.findings.append(Finding(p.rule or "表单检查", severity, p.where, "", p.message, p.hint))
    return sorted(check.findings, key=Finding.sort_key)


def form_rules(src, report, data: dict, table: RuleTable, files: tuple[tuple[str, str, bool], ...] = (), writer=None) -> list[Finding]:
    """The form-level rules render and validate run. A required part missing stops the render,
    as every form error does; so does what the template made wrong (``_templates``): the
    report would fail check, and only the template or phrase table can change it. What the
    clerk typed in the form is only reminded (check of the report says it again); what a
    template wrote, by the form or as it stands in the template file, is the template's.
    ``files``: the template files and phrase tables the render read (Rendered.files), where
    template-made text is said, or ``writer`` (Rendered.writer_of) names the line that printed
    its paragraph. The report's parts are
    known by the form (render marked them: Report.give_roles), not by the words of their
    headings."""
    doc = Document(src.file, "表单", report, load_catalogue(), source=src, data=data, made_in=files, writer=writer)
    found, seen = [], set()
    for f in check_document(doc, table, full=False):
        said = (f.rule, f.where, f.quote, f.message)
        if said not in seen:  # one template line met in every theme is said once
            seen.add(said)
            found.append(f)
    # (a part's own heading left empty is said by validate's reminders about the part: a theme
    # or a measure heading under it that would stand empty stops the render)
    parts = {sec.heading for sec in report.sections} - _theme_parts(data)
    for f in found:
        if f.rule == "缺少必需部分":
            continue
        if f.rule == "空节" and f.severity == "错误":
            # a heading with nothing under it never reaches the report (check of it says 错误):
            # the clerk is told what to fill, or to leave the section out — or, when a heading
            # the template wrote at its level took what was under it, to lower that heading
            pushed = _pushed_aside(doc, report, f.quote)
            if pushed is not None:
                f.where, f.message, f.hint = pushed
                continue
            if f.quote in parts or data.get("正文"):  # (an imported report's own headings: as they were)
                f.severity = "提醒"
            else:
                f.hint = EMPTY_SECTION_HINT
            continue
        if _templates(f, table, doc):
            f.severity = "错误"
            f.hint += TEMPLATE_HINT
        elif f.severity == "错误":
            f.severity = "提醒"
    return found


def _theme_parts(data: dict) -> set[str]:
    """The headings of the themes printed as parts of their own (写法.成效分列): an empty one is
    a theme with nothing to say, which stops the render as under 成效, not a part's own heading."""
    shape = data.get("写法")
    if not isinstance(shape, dict) or not shape.get("成效分列"):
        return set()
    cat = load_catalogue()
    out = set()
    for entry in data.get("成效") or []:
        if isinstance(entry, dict):
            theme = cat.themes.get(str(entry.get("主题")))
            out.add(str(entry.get("标题") or (theme.heading if theme else "")))
    return out


def _pushed_aside(doc: Document, report, heading: str) -> tuple[Where, str, str] | None:
    """(where, what is wrong, how to fix it) when the section headed ``heading`` (below a part)
    is empty because the next heading, at its own level, was written by a clerk's own template
    and not typed in the form (## 行政复议工作 in a theme template, under the theme's ##
    heading): said at the template line that wrote it. None otherwise."""

    def walk(body: list) -> tuple[Where, str, str] | None:
        for k, item in enumerate(body):
            if not isinstance(item, Section):
                continue
            after = body[k + 1] if k + 1 < len(body) else None
            if item.heading == heading and not item.body and isinstance(after, Section) and after.level == item.level > 1:
                place = doc.writer(after.heading) if doc.writer is not None and not doc.typed(after.heading) else None
                # a line of the clerk's own template (the shipped ones write the form's headings)
                if place is not None and not any(name == place[0] and ships for name, _, ships in doc.made_in):
                    lower = "#" * (item.level + 1)
                    return (
                        Where(place[0], place[1]),
                        f"模板写出的标题“{after.heading}”和“{heading}”是同一级，排在它后面，“{heading}”下面就没有内容了。",
                        f"请把模板里的这个标题降一级（多写一个“#”，写成“{lower} {after.heading}”），它和下面的内容就排在“{heading}”下面。",
                    )
            found = walk(item.body)
            if found is not None:
                return found
        return None

    return walk(report.sections)


# What only the template can have made wrong: its wording of the form's figures (any
# arithmetic finding, a reminder of the basis included) and the marks it put between texts.
_TEMPLATE_CATEGORIES = {"算术": ("错误", "提醒"), "标点": ("错误",), "数字": ("错误",)}


def _templates(f: Finding, table: RuleTable, doc: Document) -> bool:
    """Was finding ``f`` made by the template: of a kind only it makes here, about text not
    typed in the form (what a template file says as it stands is the template's too: render's
    output must pass check)?"""
    category = table.rules.get(f.rule or "", {}).get("类别") or ""
    if f.severity != "错误" and f.severity not in _TEMPLATE_CATEGORIES.get(category, ()):
        return False  # (any 错误 of the template's text: 表述错字, 会议精神过时, 占位文字… in it too)
    # (made: its clause stands in no field of the form, Document._form_where; a clerk's
    # typed “,,” printed “，，” is the clerk's, though the form's text reads “，” repaired)
    return bool(f.quote) and f.where in doc.made


EMPTY_SECTION_HINT = (
    "报告里不能有下面没有内容的标题：请给这一节写上内容（做法，或能写成句子的数据——比率要有它的基数，"
    "如按时办结率要有受理诉求），或删去这一节；自己的模板里，标题请只在下面有内容时写出。"
)
TEMPLATE_HINT = "（这段文字是模板或句式表（句式.yaml）写出的：请检查写出这里的那一项。）"
