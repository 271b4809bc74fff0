"""Layout settings: config.yaml read into numbers the typesetter uses.

Every layout number is a named setting with GB/T 9704 defaults (the project's
config.yaml). An office's own file overrides only the keys it names; unknown keys and
wrong types are reported with file, line and column.
"""

from __future__ import annotations

import difflib
import math
from pathlib import Path

from drafter.check.table import SECTION as RULES_SECTION
from drafter.formulas import SECTION as FORMULAS_SECTION
from drafter.datacache import load_yaml
from drafter.errors import FormError, Findings
from drafter.resources import default_config
from drafter.yamlsource import Source, load_file

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def _merge(base: dict, over: Source, path: tuple, found: Findings) -> dict:
    """Overlay ``over`` (at ``path``) on ``base``; the defaults fix which keys and types exist."""
    node = over.data
    for key in path:
        node = node[key]
    out = dict(base)
    for key, value in node.items():
        where = path + (key,)
        if not path and key in (RULES_SECTION, FORMULAS_SECTION):
            continue  # not layout: read and checked by drafter.check.table and drafter.formulas
        if key not in base:
            close = difflib.get_close_matches(key, list(base), n=1, cutoff=0.4)
            found.add(over.where(where, at_key=True), f"不认识的设置项“{key}”。",
                      f"是不是“{close[0]}”？" if close else "可用的设置项：" + "、".join(base) + "。")
        elif isinstance(base[key], dict):
            if isinstance(value, dict):
                out[key] = _merge(base[key], over, where, found)
            else:
                found.add(over.where(where), f"“{key}”下应当是若干子项。", "请对照默认的 config.yaml。")
        elif isinstance(base[key], bool):
            if not isinstance(value, bool):
                found.add(over.where(where), f"“{value}”不是 true 或 false。", "请写 true 或 false。")
            else:
                out[key] = value
        elif isinstance(base[key], (int, float)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                found.add(over.where(where), f"“{value}”不是正数。", "请只写数字，不加单位。")
            else:
                out[key] = value
        elif not isinstance(value, str) or not value.strip():
            found.add(over.where(where), f"“{value}”不是有效的名称。", "请写字体名称等文字。")
        else:
            out[key] = value.strip()
    return out


class Layout:
    """The merged settings, with the derived numbers the typesetter needs."""

    def __init__(self, raw: dict):
        self.raw = raw

    def __getitem__(self, key):
        return self.raw[key]

    # Derived numbers, in twips (1/20 pt) unless named otherwise.
    def mm(self, value: float) -> int:
        return round(value * TWIPS_PER_MM)

    @property
    def body_pt(self) -> float:
        return self.raw["字号"]["正文"]

    @property
    def char_twips(self) -> int:
        """One 字 of body text (GB/T 9704 3: the width of one Chinese character)."""
        return round(self.body_pt * TWIPS_PER_PT)

    @property
    def block_width(self) -> int:
        m = self.raw["页边距"]
        return self.mm(self.raw["纸张"]["宽"] - m["左"] - m["右"])

    @property
    def margins(self) -> dict[str, int]:
        """Margins in twips, rounded so the text block is exactly 156 × 225 mm
        (8844 × 12756 twips, domain.md §1.3): the 订口 and the bottom take up the rounding."""
        m, paper = self.raw["页边距"], self.raw["纸张"]
        width, height = self.mm(paper["宽"]), self.mm(paper["高"])
        top, right = self.mm(m["上"]), self.mm(m["右"])
        left = width - right - self.mm(paper["宽"] - m["左"] - m["右"])
        bottom = height - top - self.mm(paper["高"] - m["上"] - m["下"])
        return {"上": top, "下": bottom, "左": left, "右": right}

    @property
    def line_twips(self) -> int:
        return round(self.raw["行距"] * TWIPS_PER_PT)

    @property
    def char_spacing(self) -> int:
        """Condensing per character (twips, ≤ 0) so 每行字数 characters fit one line.

        28 characters of 16 pt need 448 pt but the 156 mm line is 442.2 pt, so without
        this Word fits only 27 (anchors.md §c); we condense each character slightly.
        """
        per_char = self.block_width / self.raw["每行字数"]
        return min(0, math.floor(per_char - self.char_twips))

    @property
    def footer_distance(self) -> int:
        """From the paper edge to the footer's bottom: the 一字线 stands 7 mm below the block."""
        bottom = self.raw["页边距"]["下"]
        gap = self.raw["页码"]["距版心下边缘"]
        line_pt = self.raw["字号"]["页码"]
        return max(0, self.mm(bottom - gap) - round(line_pt * TWIPS_PER_PT))


def load_layout(path: str | Path | None = None) -> Layout:
    base = load_yaml(default_config())
    if path is None:
        return Layout(base)
    over = load_file(path)
    found = Findings()
    if not isinstance(over.data, dict):
        found.add(over.where(()), "设置文件应当由若干“设置项: 值”组成。", "请对照默认的 config.yaml。")
        raise FormError(found.items)
    merged = _merge(base, over, (), found)
    found.raise_if_errors()
    return Layout(merged)
