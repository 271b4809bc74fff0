"""The words that tell a section's theme, each with a weight per theme, as the reader uses
them: the data file (drafter/data/theme_words.yaml) for the built-in catalogue, else the
catalogue's own words. How the file is built from the catalogue and real reports is
reading/vocabulary.py."""

from __future__ import annotations

import re

import yaml

from drafter.model.catalogue import DATA, Catalogue, load_catalogue, per_catalogue

FILE = DATA / "theme_words.yaml"
SEED, NAMED, MINED = 1.0, 0.5, 0.2
MIN_WEIGHT = 0.05
MIN_SECTIONS = 3  # a mined word must appear in this many sections
# Words every theme's headings use: they tell no theme apart.
GENERIC = frozenset(
    """
建设 工作 推进 推动 法治 政府 法治政府 法治政府建设 依法 依法行政 行政 加强 深入 深化 持续 全面 不断 进一步
坚持 强化 提升 提高 完善 健全 优化 着力 扎实 积极 切实 大力 全力 有效 有力 更加 明显 显著 落实 开展 实施
规范 水平 能力 体系 机制 制度化 工作机制 全年 今年 我县 我区 我市 全县 全区 全市 各级 有关 相关 情况 主要
""".split()
)


def seed_weights(cat: Catalogue) -> dict[str, dict[str, float]]:
    """word → theme → evidence, from the catalogue alone."""
    from drafter.model.segment import cut

    raw: dict[str, dict[str, float]] = {}

    def add(word: str, theme: str, weight: float) -> None:
        word = word.strip()
        if len(word) >= 2 and word not in GENERIC:
            slot = raw.setdefault(word, {})
            slot[theme] = max(slot.get(theme, 0.0), weight)

    for t in cat.themes.values():
        for word in (*t.vocabulary, *t.keywords):
            add(word, t.key, SEED)
        for gname, group in t.groups.items():
            for word in (gname, *group.aliases):
                add(word, t.key, SEED)
        for text in (t.name, t.outline_area, t.heading):
            for word in cut(re.sub(r"^[一二三四五六七八九十]+、", "", text)):
                add(word, t.key, NAMED)
    return raw


def weights(raw: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Evidence to weights: a word's share of its evidence for a theme times its strength."""
    out = {}
    for word, by_theme in raw.items():
        total = sum(by_theme.values())
        strength = min(1.0, total)
        ws = {t: round(v / total * strength, 3) for t, v in by_theme.items()}
        ws = {t: w for t, w in ws.items() if w >= MIN_WEIGHT}
        if ws:
            out[word] = ws
    return out


@per_catalogue
def theme_words(cat: Catalogue) -> dict[str, dict[str, float]]:
    """The weights for ``cat``: the data file for the built-in catalogue, else built from
    the catalogue alone."""
    if cat is load_catalogue() and FILE.is_file():
        return yaml.safe_load(FILE.read_text(encoding="utf-8"))["词"]
    return dict(sorted(weights(seed_weights(cat)).items()))
