"""Last year's form → the Seed of next year's: 数据 becomes 上年数据 under the same theme,
group and name where a sentence of the default phrase table uses last year's value (the others
are listed in a comment); 做法, 问题 and the opening's highlights become commented reference; 下一步
becomes 去年安排; unit, addressee and signature block carry over."""

from __future__ import annotations

from drafter.form.blank import Seed, ThemeSeed
from drafter.model.catalogue import Catalogue
from drafter.model.numberwords import plain
from drafter.nextyear.recover import drop_unusable, last_year_used


def _figures(raw: dict | None) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for group, figures in (raw or {}).items():
        given = {name: value for name, value in (figures or {}).items() if value is not None}
        if given:
            out[group] = given
    return out


def _theme(key: str, raw: dict, used: dict) -> ThemeSeed:
    """A theme of last year's form: its figures whose last-year value a sentence uses go to
    上年数据, the others are listed in a comment (as values they would only draw a reminder)."""
    seed = ThemeSeed(key, raw.get("标题"))
    for group, figures in _figures(raw.get("数据")).items():
        for name, value in figures.items():
            if (key, group, name) in used:
                seed.last.setdefault(group, {})[name] = value
            else:
                seed.figure_notes.append(f"去年“{group}：{name}”是 {plain(value)}（默认的句式不写它的同比，没有放进上年数据，需要时照填）")
    seed.reference = [f"{m['标题']}：{m['内容']}" for m in raw.get("做法") or []]
    drop_unusable(seed, used)
    return seed


def seed_from_form(data: dict, seed: Seed, cat: Catalogue) -> None:
    """Fill ``seed`` from a validated form's data."""
    used = last_year_used(cat)
    seed.themes = [_theme(raw["主题"], raw, used) for raw in data.get("成效") or []]
    seed.leader = _theme("第一责任人", data.get("第一责任人") or {}, used)
    opening = data.get("开头") or {}
    if opening.get("主要成效"):
        seed.notes["开头.主要成效"] = ["去年开头概括的成效（仅供参考）："] + [f"  - {text}" for text in opening["主要成效"]]
    said = [f"{key}：{opening[key]}" for key in ("会议精神", "纲要") if opening.get(key)]
    if said:
        seed.notes["开头.纲要"] = ["去年表单写的是（今年请按最新的提法填写）："] + said
    seed.items["去年安排"] = [{"标题": a["标题"], "去年内容": a.get("内容"), "落实情况": None} for a in data.get("下一步") or []]
    problems = [f"{p.get('标题') or '（无标题）'}：{p['表现']}{p['原因']}" for p in data.get("问题") or []]
    if problems:
        seed.notes["问题"] = ["去年写的问题（仅供参考，今年的问题请重新写）："] + problems
    if data.get("其他"):
        seed.notes["其他"] = ["去年写的其他情况（仅供参考）："] + list(data["其他"])
