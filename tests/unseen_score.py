"""Score the reading side against the unseen-report set (tests/data/unseen, issue 11).

Each report is an excerpt of a published report (``NN.txt``) with hand-made gold
(``NN.gold.yaml``): its elements (title, 主送机关, signature, date, 附注), every heading with
its level, role and theme, and every figure. The gold was written by reading, not by
running drafter, so the scores say how well drafter reads a report it has not been tuned on.

Scores, each over all reports of a split:
- headings: recall and precision of headings found (text matched in order), and the share
  of matched headings at the right level;
- roles: level-1 headings whose role is right;
- themes: headings whose theme is clear from their words (``theme_clear``) given that theme;
- figures: recall and precision of (value, unit) pairs, and of catalogue mappings;
- elements: title, addressee, signature, date and notes exactly right.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "unseen"
_DROP = re.compile(r"[\s。，、；：:,;.()（）“”\"'《》]")


def norm(text: str | None) -> str:
    """Text compared without spaces and punctuation (the parser repairs half-width marks)."""
    from drafter.model.typography import normalize

    return _DROP.sub("", normalize(text or ""))


def same_heading(gold: str, found: str) -> bool:
    g, f = norm(gold), norm(found)
    return bool(g) and g == f


def reports(split: str | None = None) -> list[tuple[Path, dict]]:
    out = []
    for gold in sorted(DATA.glob("*.gold.yaml")):
        data = yaml.safe_load(gold.read_text(encoding="utf-8"))
        if split is None or data.get("split") == split:
            out.append((gold.with_name(gold.name.replace(".gold.yaml", ".txt")), data))
    return out


@dataclass
class Tally:
    """Counts behind the scores, summed over reports."""

    gold_headings: int = 0
    found_headings: int = 0
    matched_headings: int = 0
    right_levels: int = 0
    gold_roles: int = 0
    right_roles: int = 0
    clear_themes: int = 0
    right_themes: int = 0
    gold_figures: int = 0
    found_figures: int = 0
    matched_figures: int = 0
    gold_maps: int = 0
    found_maps: int = 0
    right_maps: int = 0
    elements: int = 0
    right_elements: int = 0
    misses: list[str] = field(default_factory=list)  # what went wrong, for reading

    def scores(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "标题召回": ratio(self.matched_headings, self.gold_headings),
            "标题精确": ratio(self.matched_headings, self.found_headings),
            "层级正确": ratio(self.right_levels, self.matched_headings),
            "角色正确": ratio(self.right_roles, self.gold_roles),
            "主题正确": ratio(self.right_themes, self.clear_themes),
            "数字召回": ratio(self.matched_figures, self.gold_figures),
            "数字精确": ratio(self.matched_figures, self.found_figures),
            "指标召回": ratio(self.right_maps, self.gold_maps),
            "指标精确": ratio(self.right_maps, self.found_maps),
            "要素正确": ratio(self.right_elements, self.elements),
        }


def _sections(report):
    return list(report.walk())


def score_report(path: Path, gold: dict, tally: Tally) -> None:
    from drafter.model.catalogue import load_catalogue
    from drafter.reading.analysis import Analysis
    from drafter.reading.figure_finder import extract
    from drafter.reading.parser import parse_lines
    from drafter.reading.source import read_lines

    report = parse_lines(read_lines(path))
    analysis = Analysis(report, load_catalogue())
    name = path.stem
    found = _sections(report)
    tally.gold_headings += len(gold.get("headings") or [])
    tally.found_headings += len(found)

    # Headings, matched in order: each gold heading takes the next found one with its text.
    at = 0
    for g in gold.get("headings") or []:
        k = next((j for j in range(at, len(found)) if same_heading(g["text"], found[j].heading)), None)
        clear = g.get("theme_clear") and g.get("theme")
        if g["level"] == 1 and g.get("role"):
            tally.gold_roles += 1
        if clear:
            tally.clear_themes += 1
        if k is None:
            tally.misses.append(f"{name} 缺标题 {g['number']}{g['text']}")
            continue
        sec, at = found[k], k + 1
        tally.matched_headings += 1
        if sec.level == g["level"]:
            tally.right_levels += 1
        else:
            tally.misses.append(f"{name} 层级 {g['text']}：{sec.level}≠{g['level']}")
        if g["level"] == 1 and g.get("role"):
            if sec.role == g["role"]:
                tally.right_roles += 1
            else:
                tally.misses.append(f"{name} 角色 {g['text']}：{sec.role}≠{g['role']}")
        if clear:
            if sec.theme == g["theme"]:
                tally.right_themes += 1
            else:
                tally.misses.append(f"{name} 主题 {g['text']}：{sec.theme}≠{g['theme']}")
    golds = {norm(g["text"]) for g in gold.get("headings") or []}
    for sec in found:
        if norm(sec.heading) not in golds:
            tally.misses.append(f"{name} 多标题 {sec.number}{sec.heading}")

    # Figures: the paragraphs' (as parse shows them) and those in headings' lead sentences.
    figures = analysis.all_figures() + [f for s in found if id(s) not in analysis.headings for f in extract(s.heading)]
    got = Counter((_value(f.value), f.unit) for f in figures)
    want = Counter((_value(g["value"]), g["unit"]) for g in gold.get("figures") or [])
    tally.gold_figures += sum(want.values())
    tally.found_figures += sum(got.values())
    tally.matched_figures += sum((got & want).values())
    for key in (want - got):
        tally.misses.append(f"{name} 缺数字 {key}")
    for key in (got - want):
        tally.misses.append(f"{name} 多数字 {key}")
    # Counts only: the gold maps no rate (a rate is worked out from its counts, never a 数据 figure).
    got_maps = Counter((_value(f.value), f.unit, f.maps_to) for f in figures if f.maps_to and f.kind == "count")
    want_maps = Counter((_value(g["value"]), g["unit"], g["maps_to"]) for g in gold.get("figures") or []
                        if g.get("maps_to"))
    tally.gold_maps += sum(want_maps.values())
    tally.found_maps += sum(got_maps.values())
    tally.right_maps += sum((got_maps & want_maps).values())
    for key in (got_maps - want_maps):
        tally.misses.append(f"{name} 错指标 {key}")

    # Elements of the report, each in its place.
    signature = report.signature
    for label, want_text, got_text in (
        ("标题", gold.get("title"), report.title),
        ("主送机关", gold.get("addressee"), report.addressee),
        ("署名", "".join(gold.get("signature") or []), signature),
        ("日期", gold.get("date"), report.date),
        ("附注", gold.get("notes"), "".join(report.notes) if report.notes else None),
    ):
        tally.elements += 1
        if norm(want_text) == norm(got_text):
            tally.right_elements += 1
        else:
            tally.misses.append(f"{name} {label}：{got_text!r}≠{want_text!r}")


def _value(v) -> float:
    return round(float(v), 4)


def score(split: str | None = None) -> Tally:
    tally = Tally()
    for path, gold in reports(split):
        score_report(path, gold, tally)
    return tally
