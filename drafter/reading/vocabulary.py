"""The words that tell a section's theme, each with a weight per theme.

Built from two sources and kept as data (drafter/data/theme_words.yaml):
- the catalogue: each theme's 词表 (the 纲要's wording and its usual paraphrases), its
  keywords, data-group names and aliases (weight 1), and the words of its name, 纲要 area
  and default heading, segmented with jieba (weight 0.5);
- real reports: the headings and leads of sections the catalogue's words alone classify
  with confidence, segmented with jieba (weight 0.2 per section a word appears in, two sections at least), so
  wording the catalogue does not list is learned from how reports write.

A word's weight for a theme is its share of the word's evidence across themes times its
strength (its evidence, capped at 1): a word several themes use counts less for each, a
word seen once in a report counts little. Rebuild after changing the catalogue's 词表:

    python -m drafter.reading.vocabulary [REPORT_FOLDER]   (default ../shared/corpus)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from drafter.model.catalogue import Catalogue, load_catalogue
from drafter.reading.themewords import FILE, GENERIC, MIN_SECTIONS, MINED, seed_weights, weights


def mine_reports(cat: Catalogue, files: list[Path], raw: dict[str, dict[str, float]]) -> int:
    """Add the words of confidently classified sections of ``files`` to ``raw``; how many
    sections were used."""
    from drafter.model.segment import cut
    from drafter.reading.classify import LEAD, UNCLASSIFIED, ThemeWords, part_role, score_themes
    from drafter.reading.parser import parse_lines
    from drafter.reading.source import read_lines

    seed = ThemeWords.of(weights(raw))
    used = 0
    mined: dict[str, dict[str, float]] = {}
    for path in files:
        report = parse_lines(read_lines(path))
        # the 问题 part is left out: its words (不足, 不够) tell what is lacking, not a theme
        kept = [top for top in report.sections if part_role(top.heading)[0] != "问题"]
        for sec in _within(kept):
            lead = "".join(p.text for p in sec.paragraphs)[:LEAD]
            theme, confidence = score_themes(sec.heading, lead, seed)
            if theme == UNCLASSIFIED or confidence < 0.8:
                continue
            used += 1
            for word in set(cut(sec.heading + "\n" + lead)):
                if len(word) >= 2 and word not in GENERIC and not re.search(r"\d", word):
                    slot = mined.setdefault(word, {})
                    slot[theme] = slot.get(theme, 0.0) + MINED
    for word, by_theme in mined.items():
        if sum(by_theme.values()) < MINED * MIN_SECTIONS:
            continue  # seen in one section only: more likely chance than the theme's wording
        slot = raw.setdefault(word, {})
        for theme, v in by_theme.items():
            slot[theme] = slot.get(theme, 0.0) + v
    return used


def _within(sections):
    """The sections given and all below them, depth first."""
    for sec in sections:
        yield sec
        yield from _within(sec.sections)


def build(cat: Catalogue, files: Sequence[Path] = ()) -> dict[str, dict[str, float]]:
    raw = seed_weights(cat)
    if files:
        mine_reports(cat, list(files), raw)
    return dict(sorted(weights(raw).items()))


def main(argv: list[str]) -> None:
    from drafter.reading.mine import report_files

    folder = Path(argv[0]) if argv else Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    files = report_files(folder) if folder.is_dir() else []
    cat = load_catalogue()
    raw = seed_weights(cat)
    used = mine_reports(cat, files, raw) if files else 0
    words = dict(sorted(weights(raw).items()))
    head = (
        f"# 由 python -m drafter.reading.vocabulary 生成：目录的词表，加上 {len(files)} 份报告中 {used} 个小节的用词。\n"
        "# 每个词后面是它对各主题的权重（0～1）；请改 catalogue.yaml 的“词表”后重新生成，不要手改本文件。\n"
    )
    from drafter.files.writing import write_text_atomic

    write_text_atomic(FILE, head + yaml.safe_dump({"词": words}, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=None))
    print(f"{FILE}: {len(words)} 个词（{len(files)} 份报告，{used} 个小节）")


if __name__ == "__main__":
    main(sys.argv[1:])
