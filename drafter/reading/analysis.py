"""One report read in full: parsed, classified, figures found and mapped.

``analyse`` is what ``drafter parse`` shows and what ``mine`` and ``import`` build on.
"""

from __future__ import annotations

from drafter.files.patterns import lazy_re
from drafter.model.catalogue import Catalogue
from drafter.model.report import Paragraph, Report, Section
from drafter.reading.classify import classify
from drafter.reading.figure_finder import FoundFigure, extract, map_to_catalogue, tie_rates
from drafter.reading.parser import enumerations

_YEAR = lazy_re(r"(20\d\d)\s*年")
# The year a report is about, as its title says it (关于2025年度…, 2025年法治政府建设…): before
# any other year the title holds (示例县人民政府2026年关于2025年度…).
_YEAR_REPORTED = lazy_re(r"(20\d\d)\s*年\s*(?:度|法治|推进|工作|上半年)")


def report_year(report: Report) -> int | None:
    # the title, else the opening (a title without a year not read as one: its lines come first)
    for text in [report.title] + [p.text for p in report.opening[:3]]:
        m = _YEAR_REPORTED.search(text or "") or _YEAR.search(text or "")
        if m:
            return int(m.group(1))
    return None


_DIGIT = lazy_re(r"\d")


def shape(report: Report) -> list[str]:
    """The outline shapes a report shows (domain.md §5.3)."""
    roles = [s.role for s in report.sections]
    out = []
    if roles and roles[0] == "第一责任人":
        out.append("第一责任人在前")
    if roles.count("成效") > 1:
        out.append("主题式")
    elif "成效" in roles:
        out.append("三段式" if "第一责任人" not in roles else "按规定五项")
    if any(p.roles for s in report.sections for p in s.paragraphs):
        out.append("结尾合并")
    return out


class Analysis:
    """A report with its year, shape and the figures of every paragraph."""

    def __init__(self, report: Report, cat: Catalogue):
        self.report = report
        self.year = report_year(report)
        classify(report, cat, self.year)
        self.shape = shape(report)
        self.figures: dict[int, list[FoundFigure]] = {}  # id(paragraph) → figures
        # a heading that states figures (in a heading style), as a paragraph of its own text:
        # id(section) → that paragraph, whose figures are read as a paragraph's are
        self.headings: dict[int, Paragraph] = {}
        self._find(report, cat)

    def _find(self, report: Report, cat: Catalogue) -> None:
        for para in report.opening:
            self.figures[id(para)] = self._extract(para.text, cat, "")
        for sec in report.walk():
            context = sec.heading
            found = self._extract(sec.heading, cat, context) if _DIGIT.search(sec.heading) else []
            if found:  # （一）全年受理行政复议案件247件，审结220件…: a heading stating figures
                para = self.headings[id(sec)] = Paragraph(sec.heading, sec.origin)
                self.figures[id(para)] = found
            for item in sec.body:
                if not isinstance(item, Section):
                    self.figures[id(item)] = self._extract(item.text, cat, context)

    @staticmethod
    def _extract(text: str, cat: Catalogue, context: str) -> list[FoundFigure]:
        found = extract(text)
        if found:
            map_to_catalogue(found, text, cat, context)
            tie_rates(found, text)
        return found

    def section_figures(self, sec: Section) -> list[FoundFigure]:
        heading = self.headings.get(id(sec))
        out = list(self.figures.get(id(heading), [])) if heading else []
        for item in sec.body:
            out += self.section_figures(item) if isinstance(item, Section) else self.figures.get(id(item), [])
        return out

    def figures_in_text(self):
        """(paragraph text, figure) for every figure, in reading order."""
        for para in self.report.opening:
            for f in self.figures.get(id(para), []):
                yield para.text, f
        for sec in self.report.walk():
            heading = self.headings.get(id(sec))
            for f in self.figures.get(id(heading), []) if heading else []:
                yield sec.heading, f
            for item in sec.body:
                if not isinstance(item, Section):
                    for f in self.figures.get(id(item), []):
                        yield item.text, f

    def all_figures(self) -> list[FoundFigure]:
        out = [f for p in self.report.opening for f in self.figures.get(id(p), [])]
        for sec in self.report.sections:
            out += self.section_figures(sec)
        return out

    # -- the tree as data, for `drafter parse --json` and for people ----------------
    def as_dict(self) -> dict:
        r = self.report

        def para(p) -> dict:
            out = {"段落": p.text}
            items = enumerations(p.text)
            if items:
                out["分项"] = items
            if p.roles:
                out["角色"] = p.roles
            figs = self.figures.get(id(p), [])
            if figs:
                out["数字"] = [f.as_dict() for f in figs]
            return out

        def sec(s: Section) -> dict:
            out = {"级别": s.level, "编号": s.number, "标题": s.heading, "连排": s.run_in}
            if id(s) in self.headings:  # a heading that states figures
                out["标题数字"] = [f.as_dict() for f in self.figures[id(self.headings[id(s)])]]
            if s.role:
                out["角色"] = {"名称": s.role, "置信度": s.role_confidence}
            if s.theme:
                out["主题"] = {"名称": s.theme, "置信度": s.theme_confidence}
            out["内容"] = [sec(b) if isinstance(b, Section) else para(b) for b in s.body]
            return out

        return {
            "标题": r.title,
            "年度": self.year,
            "形态": self.shape,
            "开头": [para(p) for p in r.opening],
            "正文": [sec(s) for s in r.sections],
            "署名": r.signature,
            "日期": r.date,
        }

    def outline_text(self) -> str:
        """An indented outline for the terminal."""
        lines = [
            f"标题：{self.report.title or '（无）'}",
            f"年度：{self.year or '（未识别）'}",
            f"形态：{'、'.join(self.shape) or '（未识别）'}",
            f"开头：{len(self.report.opening)} 段",
        ]

        def walk(s: Section, depth: int) -> None:
            tags = []
            if s.role:
                tags.append(f"角色 {s.role} {s.role_confidence:.2f}")
            if s.theme:
                tags.append(f"主题 {s.theme} {s.theme_confidence:.2f}")
            figs = self.section_figures(s) if not s.sections else []
            if figs:
                mapped = sum(1 for f in figs if f.maps_to)
                tags.append(f"数字 {len(figs)} 个（{mapped} 个对应指标）")
            mark = "（连排）" if s.run_in else ""
            lines.append(f"{'  ' * depth}{s.number or '#' * s.level} {s.heading}{mark}  [{'；'.join(tags)}]")
            for p in s.paragraphs:
                if p.roles:
                    lines.append(f"{'  ' * (depth + 1)}（结尾段，含：{'、'.join(p.roles)}）")
            for sub in s.sections:
                walk(sub, depth + 1)

        for s in self.report.sections:
            walk(s, 0)
        lines.append(f"署名：{self.report.signature or '（无）'}　日期：{self.report.date or '（无）'}")
        return "\n".join(lines)
