"""Load last year's form or report and write next year's form from it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError, InputFileError
from drafter.files.inputs import FORM_SUFFIXES, shown
from drafter.form.blank import Seed, form_text
from drafter.form.spec import date_note
from drafter.model.catalogue import Catalogue, groups_by_name, load_catalogue
from drafter.model.numberwords import plain


def _advance(title: str | None, last: int, year: int) -> str | None:
    return title.replace(f"{last}年", f"{year}年") if title else None


def _common(
    seed: Seed, year: int, last: int | None, unit: str | None, title: str | None, addressee: str | None, sign: dict[str, Any]
) -> None:
    """The fields every start shares: unit, year, date, title, addressee, signature block."""
    seed.values.update({"单位": unit, "年度": year, "成文日期": dt.date(year + 1, 2, 1)})
    seed.notes["成文日期"] = [date_note(year)]
    if title and last and f"{last}年" in title:
        seed.values["标题"] = _advance(title, last, year)
        seed.notes["标题"] = ["由去年的标题改写了年度，请核对。"]
    elif title:
        seed.notes["标题"] = [f"去年的标题：{title}"]
    seed.values["主送机关"] = addressee
    for key in ("署名", "盖章", "附注"):
        if sign.get(key) is not None:
            seed.values[f"落款.{key}"] = sign[key]


def new_form(last_path: str | Path, year: int) -> tuple[str, list[str]]:
    """Next year's form text from ``last_path``, and notes on what had to be guessed."""
    path = Path(last_path)
    cat = load_catalogue()
    seed = Seed()
    seed.examples = False
    notes: list[str] = []
    if path.suffix.lower() in FORM_SUFFIXES:
        _from_form(path, year, cat, seed, notes)
        kind = "表单"
    else:
        _from_report(path, year, cat, seed, notes)
        kind = "报告"
    notes += _parts_over_wholes(seed, cat, kind if path.suffix.lower() in FORM_SUFFIXES else "报告")
    if not seed.themes:
        seed.themes = None  # every theme, as drafter init writes them
        notes.append("没有从去年的报告中认出工作主题，成效部分列出了全部主题，请按主题填写。")
    seed.head = [
        f"# 法治政府建设年度报告表单（{year} 年度），由 drafter new 从去年的{kind}“{shown(path.name)}”生成。",
        "# 去年的数字中，报告会写出同比的已经放进各主题的“上年数据”（旁边注明出处），其余的注明在“数据”下；",
        "# 今年的“数据”请逐项填写，填了就自动写出同比。",
        "# “去年安排”列出了去年报告提出的下一步安排，请逐项写“落实情况”。",
    ]
    seed.head += [f"# 注意：{n}" for n in notes]
    return form_text(cat, seed), notes


def _check_year(year: int, last: int | None, path: Path) -> None:
    if last is not None and year <= last:
        raise DrafterError(
            f"“{shown(path.name)}”已经是 {last} 年度的，新表单的年度 {year} 应当晚于它。",
            f"写 drafter new {last + 1} --from {shown(path.name)}。",
        )


def _from_form(path: Path, year: int, cat: Catalogue, seed: Seed, notes: list[str]) -> None:
    from drafter.jobs.pipeline import build, check_form, load_form
    from drafter.nextyear.carry import seed_from_form

    src = load_form(path, "new")
    verbatim = isinstance(src.data, dict) and bool(src.data.get("正文"))
    built = build(src, rules=False) if verbatim else None  # validates as check_form does
    data = built.data if built else check_form(src)[0]
    last = data["年度"]
    _check_year(year, last, path)
    _year_apart(year, last, "表单", notes)
    _common(seed, year, last, data["单位"], data.get("标题"), data.get("主送机关"), data.get("落款") or {})
    _carry_style(data, seed)
    if built:  # an imported report: its figures are in the prose
        from drafter.nextyear.recover import seed_from_report
        from drafter.reading.analysis import Analysis

        _note_rounded(seed_from_report(Analysis(built.report, cat), cat, seed), notes)
    else:
        seed_from_form(data, seed, cat)


def _year_apart(year: int, last: int | None, what: str, notes: list[str]) -> None:
    """A note when the form or report carried from is not of the year before ``year``."""
    if last is not None and last != year - 1:
        notes.append(f"去年的{what}是 {last} 年度的，上年数据按它填写，请核对。")


def _carry_style(data: dict[str, Any], seed: Seed) -> None:
    """How last year's form chose to write the report (写法, 开头.句式) is the unit's own style,
    kept from year to year; the year's formulas (会议精神, 纲要) are not: next year has its own."""
    style = data.get("写法") or {}
    for key, value in style.items():
        if key == "部分标题":
            for part, heading in (value or {}).items():
                if heading:
                    seed.values[f"写法.部分标题.{part}"] = heading
        elif value is not None and value != []:
            seed.values[f"写法.{key}"] = value
    wording = (data.get("开头") or {}).get("句式")
    if wording:
        seed.values["开头.句式"] = list(wording)


def _from_report(path: Path, year: int, cat: Catalogue, seed: Seed, notes: list[str]) -> None:
    from drafter.nextyear.recover import seed_from_report
    from drafter.reading.analysis import Analysis
    from drafter.reading.importer import check_importable, guess_unit
    from drafter.reading.parser import parse_report
    from drafter.typeset.provenance import figures_printed_by_drafter

    report = parse_report(path)
    check_importable(report, shown(path))
    a = Analysis(report, cat)
    r = a.report
    if not r.sections and not r.opening:
        raise InputFileError(f"没有从“{path}”中读出报告的正文。", "请确认这是去年的报告（.docx、.txt 或 .doc），而不是空文件或扫描的图片。")
    last = a.year
    _check_year(year, last, path)
    _year_apart(year, last, "报告", notes)
    unit = guess_unit(a)
    if not unit:
        unit = "在这里写单位全称"
        notes.append("没有从原报告中识别出单位名称，请填写“单位”。")
    sign = {
        "署名": r.signature if r.signature and r.signature != unit else None,
        "盖章": r.sealed or None,
        "附注": _unbracketed(r.notes[0]) if r.notes else None,
    }
    _common(seed, year, last, unit, r.title, r.addressee, sign)
    # Only drafter's own report, as it wrote it, prints 万/亿 exactly.
    _note_rounded(seed_from_report(a, cat, seed, scaled_exact=path.suffix.lower() == ".docx" and figures_printed_by_drafter(path)), notes)


def _parts_over_wholes(seed: Seed, cat: Catalogue, kind: str) -> list[str]:
    """Last year's figures carried as written that break a bound of the catalogue (整改问题 45
    over 发现问题 40, as the report said them): said, so the clerk checks them before the form's
    own check does."""
    out: list[str] = []
    groups = groups_by_name(cat)
    for theme in seed.themes or []:
        for group, figures in theme.last.items():
            known = groups.get(group)
            for name, value in figures.items():
                fig = known.figures.get(name) if known else None
                if fig is None or not fig.within or not all(w in figures for w in fig.within):
                    continue
                wholes = list(fig.within)
                total = sum(figures[w] for w in wholes)
                if value > total:
                    out.append(
                        f"去年的{kind}里“{group}：{name}”{plain(value)}{fig.unit}多于“{'＋'.join(wholes)}”"
                        f"{plain(total)}{fig.unit}，"
                        "已照原样写进上年数据，请核对后改正。"
                    )
    return out


def _unbracketed(note: str) -> str:
    """A 附注 without the one pair of brackets render puts round it, its own kept:
    （此件公开发布（联系人：张三））→ 此件公开发布（联系人：张三）."""
    note = note.strip()
    if note[:1] in "（(" and note[-1:] in "）)":
        return note[1:-1].strip()
    return note


def _note_rounded(rounded: int, notes: list[str]) -> None:
    """Tell the clerk, at the head of the form, how many figures are left to fill in."""
    if rounded:
        notes.append(
            f"去年的报告有 {rounded} 个数字用“万”或“亿”写出，可能经过四舍五入，没有填进上年数据，"
            "已在所在主题的“数据”下注明，请查出准确的数字填写。"
        )


_NAME_SUFFIXES = (".yaml", ".yml", ".docx", ".doc", ".txt")


def output_name(last_path: str | Path, year: int) -> str:
    """The new form's file name: last year's with its year advanced, else with the year added.
    A name with two suffixes (2025.yaml.txt, 报告.docx.txt) loses both: never 2026.yaml.yaml."""
    stem = Path(last_path).stem
    while Path(stem).suffix.lower() in _NAME_SUFFIXES and Path(stem).stem:
        stem = Path(stem).stem
    years = re.findall(r"20\d\d", stem)
    if years:
        return re.sub(years[-1] + r"(?!.*20\d\d)", str(year), stem) + ".yaml"
    return f"{stem}-{year}.yaml"
