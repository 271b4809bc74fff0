"""Mine the canonical outline from a folder of real reports.

Across the reports: which parts they have and in what order, which themes they cover,
where and under what headings, which figures each theme reports and how often, and the
shapes of outline seen. The result is data (YAML) to set beside the catalogue.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files.inputs import resolved
from drafter.model.catalogue import Catalogue
from drafter.reading.analysis import Analysis
from drafter.reading.classify import UNCLASSIFIED
from drafter.reading.parser import parse_lines
from drafter.reading.source import SUFFIXES, read_lines


def report_files(folder: str | Path) -> list[Path]:
    """The reports in ``folder`` and below, by name. Anything with a report's name that is
    not a folder is listed, pipes and broken links too, so that mining says it was skipped
    rather than passing over it in silence."""
    found = sorted(
        p for p in Path(folder).rglob("*") if p.suffix.lower() in SUFFIXES and not p.is_dir() and not p.name.startswith((".", "~$"))
    )
    once: dict[str, Path] = {}  # a report reached twice (through a link to it) counts once
    for p in found:
        once.setdefault(str(resolved(p)), p)
    return list(once.values())


class Miner:
    def __init__(self, cat: Catalogue):
        self.cat = cat
        self.count = 0
        self.chars = 0
        self.shapes: Counter = Counter()
        self.orders: Counter = Counter()
        self.parts: dict[str, dict] = defaultdict(lambda: {"reports": set(), "headings": Counter(), "positions": []})
        self.themes: dict[str, dict] = defaultdict(
            lambda: {"reports": set(), "parts": Counter(), "headings": Counter(), "figures": defaultdict(set)}
        )
        self.unclassified: list[dict] = []
        self.reports: list[dict] = []

    def add(self, name: str, lines: list[str]) -> None:
        a = Analysis(parse_lines(lines), self.cat)
        r = a.report
        self.count += 1
        self.chars += sum(len(line) for line in lines)
        self.shapes.update(a.shape)
        roles = [s.role or "" for s in r.sections]  # every section of a mined report has one
        order: list[str] = []
        for role in roles:
            if not order or order[-1] != role:
                order.append(role)
        closing = [role for s in r.sections for p in s.paragraphs for role in p.roles]
        for role in closing:
            if role not in order:
                order.append(role)
        self.orders["→".join(order)] += 1
        for pos, sec in enumerate(r.sections):
            part = self.parts[sec.role or ""]
            part["reports"].add(name)
            part["positions"].append(pos + 1)
            if sec.role_confidence >= 0.9:
                part["headings"][sec.heading] += 1
        for top in r.sections:
            for sec in (top, *_below(top)):
                self._add_theme(name, a, sec, top.role or "其他")
        figs = a.all_figures()
        self.reports.append(
            {
                "文件": name,
                "标题": r.title,
                "年度": a.year,
                "形态": a.shape,
                "部分": order,
                "数字": len(figs),
                "对应指标的数字": sum(1 for f in figs if f.maps_to),
            }
        )

    def _add_theme(self, name: str, a: Analysis, sec, part: str) -> None:
        if not sec.theme:
            return
        if sec.theme == UNCLASSIFIED:
            self.unclassified.append({"报告": name, "标题": sec.heading})
            return
        t = self.themes[sec.theme]
        t["reports"].add(name)
        t["parts"][part] += 1
        t["headings"][sec.heading] += 1
        for f in a.section_figures(sec):
            if f.maps_to:
                t["figures"][f.maps_to].add(name)

    def outline(self) -> dict:
        n = self.count
        themes = {}
        for key in sorted(self.themes, key=lambda k: -len(self.themes[k]["reports"])):
            t = self.themes[key]
            theme = self.cat.themes.get(key)
            themes[key] = {
                "名称": theme.name if theme else key,
                "报告数": len(t["reports"]),
                "所在部分": dict(t["parts"].most_common()),
                "常见标题": [h for h, _ in t["headings"].most_common(5)],
                "指标": {f: len(names) for f, names in sorted(t["figures"].items(), key=lambda kv: -len(kv[1]))},
            }
        parts = {}
        for role, p in sorted(self.parts.items(), key=lambda kv: sum(kv[1]["positions"]) / len(kv[1]["positions"])):
            parts[role] = {
                "报告数": len(p["reports"]),
                "平均位置": round(sum(p["positions"]) / len(p["positions"]), 1),
                "常见标题": [h for h, _ in p["headings"].most_common(5)],
            }
        return {
            "报告数": n,
            "字数": self.chars,
            "形态": dict(self.shapes.most_common()),
            "部分顺序": dict(self.orders.most_common()),
            "部分": parts,
            "主题": themes,
            "未分类": self.unclassified,
            "报告": self.reports,
        }


def _below(sec):
    """Every section under ``sec``, depth first."""
    for sub in sec.sections:
        yield sub
        yield from _below(sub)


def mine(
    files: list[Path],
    cat: Catalogue,
    progress: Callable[[Path], None] | None = None,
    on_error: Callable[[Path, DrafterError], None] | None = None,
) -> dict:
    """The outline of the reports in ``files``. A file that cannot be read is handed to
    ``on_error`` and mining goes on with the rest (without ``on_error``, the error stops
    it)."""
    miner = Miner(cat)
    for path in files:
        try:
            lines = read_lines(path)
        except DrafterError as err:
            if on_error is None:
                raise
            on_error(path, err)
        else:
            miner.add(path.name, lines)
        if progress:
            progress(path)
    return miner.outline()
