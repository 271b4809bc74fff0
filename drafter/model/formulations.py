"""The political formulas of the opening, by report year (domain.md §6).

Three layers, the later winning key by key: the built-in data (``data/formulas.yaml``), an
office's own file named in its config file under ``表述数据`` (so an office can add next
year before drafter is upgraded), and the form's own ``开头.会议精神`` / ``开头.纲要``.
A year nobody covers has no formulas: the opening then leaves them out rather than print
one that may be out of date.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError, Findings, InputFileError
from drafter.files.config import FORMULAS_SECTION, Settings, read_settings
from drafter.files.datacache import load_yaml
from drafter.files.inputs import named_beside
from drafter.files.patterns import lazy_re
from drafter.files.yamlsource import Source
from drafter.model.catalogue import DATA
from drafter.model.typography import close_spaces

_CONGRESS = lazy_re(r"(十[六七八九]|二十[一二]?)大")
_PLENUM = lazy_re(r"[一二三四五六七八九十]中")
FIELDS = ("会议精神", "纲要", "党代会", "全会", "核对日期")


class FormulaTable:
    """Year → {会议精神, 纲要, 党代会, 全会, 核对日期}; a key may be missing or empty."""

    def __init__(self, years: dict[int, dict[str, Any]]):
        self.years = years

    def get(self, year: int | None) -> dict[str, Any] | None:
        return self.years.get(year) if year is not None else None

    def span(self) -> str:
        return f"{min(self.years)}—{max(self.years)}" if self.years else "（无）"

    def merged(self, other: dict[int, dict[str, Any]]) -> FormulaTable:
        years = {y: dict(e) for y, e in self.years.items()}
        for year, entry in other.items():
            mine = years.setdefault(year, {})
            for key, value in entry.items():
                if value is None:
                    mine.pop(key, None)  # null: none for this year, over the built-in value
                else:
                    mine[key] = value
        return FormulaTable(years)


@lru_cache(maxsize=1)
def builtin() -> FormulaTable:
    return FormulaTable(load_yaml(DATA / "formulas.yaml"))


def office_file(config: str | Path | Settings | None) -> Path | None:
    """The formulas file a settings file names (表述数据), if it names one; never raising
    (the file's own problems are reported where it is read)."""
    try:
        settings = read_settings(config)
    except DrafterError:
        return None
    name = settings.data.get(FORMULAS_SECTION) if settings is not None else None
    if settings is None or not isinstance(name, str) or not name.strip():
        return None
    return named_beside(settings.path, name, "表述数据文件")[0]


def formula_table(config: str | Path | Settings | None = None) -> FormulaTable:
    """The built-in formulas, with those of the file the settings' 表述数据 names over them."""
    settings = read_settings(config)
    if settings is None:
        return builtin()
    src = settings.source
    name = src.data.get(FORMULAS_SECTION) if isinstance(src.data, dict) else None
    if name is None:
        return builtin()
    if not isinstance(name, str) or not name.strip():
        found = Findings()
        found.add(
            src.where((FORMULAS_SECTION,)),
            f"“{FORMULAS_SECTION}”应当是一个文件名。",
            "写表述数据文件的路径（相对于设置文件所在的文件夹），如“表述数据: 政治表述.yaml”。",
        )
        found.raise_if_errors()
    path, problem = named_beside(settings.path, name, "表述数据文件")
    if problem:
        raise InputFileError(f"“{FORMULAS_SECTION}”写的文件不能使用：{problem[0]}", problem[1], src.where((FORMULAS_SECTION,)))
    assert path is not None  # named_beside gives a path or a problem
    try:
        office = office_formulas(path)
    except InputFileError as err:
        if err.where.line is not None:  # a problem inside the formulas file, located there
            raise
        # The file cannot be opened: say where the layout file names it.
        raise InputFileError(f"“{FORMULAS_SECTION}”指向的文件无法使用：{err.message}", err.hint, src.where((FORMULAS_SECTION,))) from None
    return builtin().merged(office)


def office_formulas(path: Path) -> dict[int, dict[str, Any]]:
    """Read and check an office's formulas file; every problem is located."""
    from drafter.files.yamlsource import as_date, load_file

    src = load_file(path, "表述数据文件")
    found = Findings()
    if not isinstance(src.data, dict):
        found.add(
            src.where(()),
            "表述数据文件应当按年度分段，如“2026:”下写“会议精神: ……”。",
            "请对照 drafter 自带的表述数据（README 的“开头的政治表述”一节有示例）。",
        )
        found.raise_if_errors()
    out: dict[int, dict[str, Any]] = {}
    for key, entry in src.data.items():
        year = int(key) if re.fullmatch(r"\d{4}", str(key)) else None
        if year is None or not 2000 <= year <= 2100:
            found.add(src.where((key,), at_key=True), f"“{key}”不是年度。", "每段以四位年份开头，如“2026:”。")
            continue
        if not isinstance(entry, dict):
            found.add(src.where((key,)), f"{year} 年度下应当是若干“项目: 内容”。", "可以写的项目：" + "、".join(FIELDS) + "。")
            continue
        clean: dict[str, object] = {}
        for name, value in entry.items():
            where = src.where((key, name))
            typed = _typed(src, (key, name), value)
            if name not in FIELDS:
                found.add(src.where((key, name), at_key=True), f"不认识的项目“{name}”。", "可以写的项目：" + "、".join(FIELDS) + "。")
            elif value is None:
                clean[name] = None  # null: none (as the built-in data's 纲要: null); merged() drops the built-in's
            elif name in ("会议精神", "纲要") and not (isinstance(value, str) and value.strip()):
                found.add(where, f"“{name}”应当是一段文字。", f"例如“{_EXAMPLE[name]}”；没有时删去这一项。")
            elif name in ("会议精神", "纲要") and (wrong := (spirit_problem if name == "会议精神" else outline_problem)(value)):
                found.add(where, *wrong)
            elif name == "纲要" and (wrong := _outline_of_another_year(value, year)):
                found.add(where, *wrong)
            elif name == "党代会" and not (isinstance(value, str) and _CONGRESS.fullmatch(value.strip())):
                found.add(where, f"{typed}不是党代会的写法。", "请写“二十大”这样的简称。")
            elif name == "全会" and not (
                isinstance(value, list) and all(isinstance(v, str) and _PLENUM.fullmatch(v.strip()) for v in value)
            ):
                found.add(where, "“全会”应当是一列全会的简称。", "例如“全会: [二中, 三中, 四中]”。")
            elif name == "核对日期" and as_date(value) is None:
                found.add(where, f"{typed}不是日期。", "请写成 2027-01-15 的形式。")
            else:
                clean[name] = (
                    as_date(value)
                    if name == "核对日期"
                    else formula_text(value)
                    if name in ("会议精神", "纲要")
                    else value.strip()
                    if isinstance(value, str)
                    else value
                )
        # judged with the built-in 党代会/全会 it will be merged with: check compares the
        # report with both, so a 会议精神 they call stale would be check's 错误 in every report
        # an office's null or [] (no data) never switches the judgement off: the built-in's stand in
        given: dict[str, Any] = {k: v for k, v in clean.items() if v is not None and v != []}
        merged = builtin().merged({year: given}).get(year) or {}
        problem = _disagreement(merged)
        if problem and "会议精神" in clean:
            own = [k for k in ("党代会", "全会") if given.get(k)]
            hint = (
                problem[1]
                if own
                else (
                    f"drafter 自带的 {year} 年度数据是：党代会 {merged.get('党代会') or '（无）'}，"
                    f"全会 {'、'.join(merged.get('全会') or []) or '（无）'}。"
                    "“会议精神”要与它们一致；确有新的会议时，在本文件这一年同时写上“党代会”“全会”。"
                )
            )
            found.add(src.where((key, "会议精神")), problem[0], hint)
        elif problem and any(given.get(k) for k in ("党代会", "全会")):
            # 党代会 or 全会 alone, against the built-in 会议精神 the report will print: the
            # opening would say what check then calls stale
            alone = next(k for k in ("党代会", "全会") if given.get(k))
            found.add(
                src.where((key, alone)),
                f"{problem[0]}（“会议精神”用的是 drafter 自带的：{merged.get('会议精神')}）",
                f"改了“{alone}”，就在本文件这一年同时写上与它一致的“会议精神”，或删去“{alone}”。",
            )
        out[year] = clean
    found.raise_if_errors()
    return out


_ORDER = "一二三四五六七八九十"


def _disagreement(entry: dict[str, Any]) -> tuple[str, str] | None:
    """A year's 会议精神 that disagrees with its own 党代会 or 全会 (another congress, or a
    plenum later than the last one 全会 lists): check compares reports with both."""
    spirit, plenums, congress = entry.get("会议精神"), entry.get("全会"), entry.get("党代会")
    if not isinstance(spirit, str):
        return None
    congress = congress.strip() if isinstance(congress, str) else ""
    # a spirit naming no congress at all (中央全面依法治国工作会议精神) is the office's choice
    names_one = _CONGRESS.search(spirit) or re.search(r"(?:十[六七八九]|二十[一二]?)届", spirit)
    if congress and names_one and congress not in spirit and congress.rstrip("大") + "届" not in spirit:
        return (f"“会议精神”没有写到“党代会”里的{congress}。", "这两项要一致：“会议精神”写出这次党代会，或改正“党代会”。")
    if isinstance(plenums, list) and plenums and "历次" not in spirit:
        # 全会 lists the plenums held by then; the spirit may name fewer (2023: 党的二十大精神
        # with 二中 held), never a later one, which check would call not yet held
        latest = max(plenums, key=lambda p: _ORDER.index(p.strip()[0]))
        said = _PLENUM.findall(spirit)
        later = [p for p in said if _ORDER.index(p[0]) > _ORDER.index(latest.strip()[0])]
        if later:
            return (
                f"“会议精神”写到了{later[-1]}全会，“全会”只列到{latest.strip()}全会。",
                "这两项要一致：把这次全会加进“全会”，或改正“会议精神”。",
            )
        # naming plenums, it names them all up to the latest (check calls fewer stale, a gap incomplete)
        left = [p.strip() for p in plenums if p.strip() not in said]
        if said and left and congress and congress in spirit:
            return (
                f"“会议精神”写了{'、'.join(said)}全会，漏了“全会”里的{'、'.join(left)}全会。",
                "这两项要一致：在“会议精神”里写全已召开的全会（或写“历次全会”），或改正“全会”。",
            )
    return None


def _typed(src: Source, path: tuple[str | int, ...], value: object) -> str:
    """A value for a message, as the clerk typed it: “null”, “true”, “一个列表”."""
    typed = src.raw.get(path)
    if typed:
        return f"“{typed}”"
    if isinstance(value, list):
        return "一列内容"
    if isinstance(value, dict):
        return "几项“名称: 内容”"
    return f"“{value}”" if isinstance(value, str) else "空的（什么也没写）"


# The opening says 全面贯彻{会议精神} and 对照{纲要}确定的目标任务 (templates/default/report.md.j2).
# A 会议精神 may open with one usual verb, which is dropped (SPIRIT_VERB); any verb left after
# it would be printed twice (全面贯彻坚决贯彻…), so is a problem where the value is written.
SPIRIT_VERB = lazy_re(
    r"^(?:深入学习贯彻|认真学习贯彻|全面学习贯彻|学习贯彻|全面贯彻落实|全面贯彻|深入贯彻落实|深入贯彻|"
    r"认真贯彻落实|认真贯彻|贯彻落实|贯彻)"
)
_ANY_VERB = lazy_re(
    r"^(?:(?:全面|深入|认真|坚决|切实|扎实|坚定|持续|进一步|积极|自觉)?"
    r"(?:学习|宣传|贯彻|落实|领会|践行|宣讲|传达))+"
)
# What a 会议精神 is the 精神 of: a congress or meeting (二十大, 三中全会, 党代会, 工作会议), or a
# leader's speech, instruction or thought (domain.md §6 lists these formulas).
_NAMED_SOURCE = lazy_re(r"大|会|讲话|指示|批示|论述|思想")
_OUTLINE_VERB = lazy_re(r"^(?:对照|按照|依照|根据|依据|围绕|贯彻|落实|深入贯彻|全面落实)")
_OUTLINE_TAIL = lazy_re(r"(?:确定的|提出的|部署的)?(?:目标任务|各项任务|任务)[，。；]?$")
EMPTY_TITLE = lazy_re(r"《[\s\u3000]*》|〈[\s\u3000]*〉")
LINE_BREAK = lazy_re("[\r\n\x85\u2028\u2029]")


def without_verb(spirit: str) -> str:
    """A 会议精神 without the one usual verb it may open with (全面贯彻党的… → 党的…)."""
    rest = SPIRIT_VERB.sub("", spirit.strip(), count=1)
    return rest or spirit


_ENDS = "。，、；：,.;:！？!? \u3000"
_PAIRS = ("《》", "〈〉", "（）", "()", "“”", "‘’", "【】", "[]")
_CJK_CHAR = lazy_re("[\u3400-\u4dbf\u4e00-\u9fff]")
_PLACEHOLDER = lazy_re(r"[{}｛｝]|%[sdr(]")
_PLACEHOLDER_WORDS = lazy_re(r"某某|××|XX|XXX")  # a name left to be filled in (《某某纲要》)
_DOUBLED_MARKS = lazy_re(r"[，。；：、！？,;:!?]{2,}")
_STOPS = lazy_re(r"[。；！？;!?]")


def formula_text(value: str) -> str:
    """A 会议精神 or 纲要 as the opening prints it: no space beside a Chinese character and no
    punctuation at its ends, which the opening's own “，” would double (精神。，)."""
    return close_spaces(value).strip(_ENDS)


def _shape_problem(name: str, text: str) -> tuple[str, str] | None:
    """What makes a 会议精神 or 纲要 (``name``) unprintable whatever its words: a brace or %s
    left from a pattern, no Chinese at all, doubled or unpaired brackets and quotes."""
    if m := _PLACEHOLDER.search(text):
        return (
            f"“{name}”里有“{m.group()}”，报告里会原样印出来（这里不会替换成年份等内容）。",
            f"请写出完整的文字，年份直接写数字，如“{_EXAMPLE[name]}”。",
        )
    if m := _PLACEHOLDER_WORDS.search(text):
        return (
            f"“{name}”里还留着占位文字“{m.group()}”。",
            f"请写出完整的名称，如“{_EXAMPLE[name]}”；没有时删去这一项。",
        )
    if not _CJK_CHAR.search(text):
        shown = f"全面贯彻{text}" if name == "会议精神" else f"对照{citation(text)}"
        return (f"“{name}”里没有中文名称，报告里会写成“{shown}”。", f"请写完整的名称，如“{_EXAMPLE[name]}”；没有时删去这一项。")
    doubled = _DOUBLED_MARKS.search(text)
    if doubled:
        return (f"“{name}”里的“{doubled.group()}”是两个标点连在一起。", "请删去多余的一个。")
    stop = _STOPS.search(text)
    if stop:
        return (
            f"“{name}”中间有“{stop.group()}”，开头这一句会从这里断开。",
            f"这里只写一个名称，中间不用句号、分号，如“{_EXAMPLE[name]}”。",
        )
    foreign = _foreign_bracket(text)
    if foreign:
        shown = f"对照{citation(text)}" if name == "纲要" else f"全面贯彻{_head(text)}"
        return (
            f"“{name}”里的“{foreign}”不是书名号，报告里会原样印成“{_head(shown)}”。",
            f"文件名称只用书名号“《》”（书名号里再引用时用“〈〉”），请改成“{_EXAMPLE[name]}”这样的写法。",
        )
    if "《《" in text or "》》" in text:
        return (f"“{name}”里的书名号重复了，报告里会印出“《《”或“》》”。", "书名号只写一对，如“《……》”。")
    for pair in _PAIRS:
        depth = 0
        for ch in text:
            depth += (ch == pair[0]) - (ch == pair[1])
            if depth < 0:
                break
        if depth:
            return (
                f"“{name}”里的“{pair[0]}{pair[1]}”不成对，报告里会印出半个{_PAIR_NAMES.get(pair, '括号')}。",
                f"请补上缺的“{pair[1] if depth > 0 else pair[0]}”，或删去多出的那一个。",
            )
    return None


# Brackets clerks type for a title that are not 书名号 (domain.md §6: titles in 《》, nested
# 〈〉). 〈〉 stands only inside 《》; outside it is a title mark typed for 《》.
_FOREIGN_BRACKETS = set("<>＜＞‹›«»「」『』【】〖〗︽︾︿﹀")


def _foreign_bracket(text: str) -> str | None:
    """The first bracket in ``text`` used as a title mark where 《》 belong, if any."""
    depth = 0
    for ch in text:
        depth += (ch == "《") - (ch == "》")
        if ch in _FOREIGN_BRACKETS or ch in "〈〉" and depth <= 0:
            return ch
    return None


_EXAMPLE = {"会议精神": "党的二十大和二十届历次全会精神", "纲要": "《法治政府建设实施纲要（2021—2025年）》"}
_PAIR_NAMES = {"《》": "书名号", "〈〉": "书名号", "“”": "引号", "‘’": "引号"}


def spirit_problem(spirit: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix) when a 会议精神 would print badly in the opening."""
    if LINE_BREAK.search(spirit.strip()):
        return LINE_PROBLEM
    spirit = formula_text(spirit)
    if EMPTY_TITLE.search(spirit):
        return EMPTY_PROBLEM
    shape = _shape_problem("会议精神", spirit)
    if shape:
        return shape
    rest = without_verb(spirit)
    verb = _ANY_VERB.match(rest)
    if verb:
        return (
            f"“会议精神”前面的“{verb.group()}”与开头段的“全面贯彻”重复，报告里会写成“全面贯彻{_head(rest)}”。",
            "这里只写会议和“精神”，如“党的二十大和二十届历次全会精神”；“全面贯彻”由模板写出。",
        )
    if not _NAMED_SOURCE.search(rest):
        return (
            f"“会议精神”没有写出是哪次会议的精神，报告里会写成“全面贯彻{_head(rest)}”。",
            "请写出会议的名称，如“党的二十大和二十届历次全会精神”“中央全面依法治国工作会议精神”；不确定时删去这一项，开头就不写会议精神。",
        )
    if EMPTY_TITLE.search(spirit):
        return EMPTY_PROBLEM
    if not rest.rstrip("。，；").endswith("精神"):
        # 全面贯彻党的二十大和二十届二中、三中全会，: the sentence needs the word, and check
        # reads the formula by it
        return (
            f"“会议精神”没有以“精神”结尾，报告里会写成“全面贯彻{_head(rest)}，”。",
            f"请在最后加上“精神”，写成“{rest.rstrip('。，；')}精神”。",
        )
    return None


def outline_problem(outline: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix) when a 纲要 would print badly in 对照《…》确定的目标任务."""
    text = outline.strip()
    if LINE_BREAK.search(text):
        return LINE_PROBLEM
    text = formula_text(text)
    if not text.strip("《》 \u3000") or EMPTY_TITLE.search(text):
        return (
            "“纲要”的书名号里是空的，报告里会写成“对照《》”。",
            "请写纲要的全称，如“法治政府建设实施纲要（2021—2025年）”；没有可以引用的纲要时删去这一项。",
        )
    shape = _shape_problem("纲要", text) or _term_problem(text)
    if shape:
        return shape
    verb = _OUTLINE_VERB.match(text.lstrip("《")) or _ANY_VERB.match(text.lstrip("《"))
    if verb:
        return (
            f"“纲要”前面的“{verb.group()}”与开头段的“对照”重复，报告里会写成“对照《{_head(text.lstrip('《'))}”。",
            "这里只写纲要的名称，如“法治政府建设实施纲要（2021—2025年）”；“对照……确定的目标任务”由模板写出。",
        )
    tail = _OUTLINE_TAIL.search(text)
    if tail:
        return (
            f"“纲要”后面的“{tail.group()}”与开头段的“确定的目标任务”重复。",
            "这里只写纲要的名称，如“法治政府建设实施纲要（2021—2025年）”。",
        )
    return None


_TERM = lazy_re(r"(\d{4})\s*年?\s*[—\-－–~～至]+\s*(\d{4})")
# A term in brackets as clerks type it, right or not: (2021-2025), （2021—2025）, （2021～2025年）.
_YEAR = r"[\d〇○零OＯ一二三四五六七八九]{4}"  # 2021, or 二〇二一 (with ○, 零 or O for 〇)
_TERM_BRACKETS = lazy_re(rf"[（(]\s*({_YEAR})\s*年?\s*[—\-－–~～至]*\s*({_YEAR})\s*年?\s*[）)]")
_HAN_YEAR = str.maketrans("〇○零OＯ一二三四五六七八九", "00000123456789")


def _term_problem(text: str) -> tuple[str, str] | None:
    """A term written otherwise than （2021—2025年）, the one form the 纲要's title has
    (domain.md §6); check calls any other a wrong name (纲要名称), so it is refused here."""
    m = _TERM_BRACKETS.search(text)
    right = f"（{m.group(1).translate(_HAN_YEAR)}—{m.group(2).translate(_HAN_YEAR)}年）" if m else ""
    if m and m.group(0) != right:
        return (f"“纲要”里的施行期写成了“{m.group(0)}”，报告里会原样印出来。", f"施行期用全角括号、一字线，年份后写“年”：“{right}”。")
    return None


def _outline_of_another_year(outline: str, year: int) -> tuple[str, str] | None:
    """(what is wrong, how to fix) when an office's data gives a year a 纲要 not in force
    then (a 2015—2020 纲要 under 2025): the opening of every report of that year would cite it."""
    m = _TERM.search(outline)
    if m and not int(m.group(1)) <= year <= int(m.group(2)):
        return (
            f"{year} 年度的“纲要”写的是施行期为 {m.group(1)}—{m.group(2)} 年的纲要，这一年不在它的施行期内。",
            f"请写 {year} 年施行的纲要；新纲要尚未发布时，删去这一项（开头段就不写纲要）。",
        )
    return None


def _head(text: str) -> str:
    return text if len(text) <= 14 else text[:14] + "……"


LINE_PROBLEM = ("这一项里有换行，开头段会从这里断成两段。", "请把这一项写在一行里（去掉中间的换行）。")
EMPTY_PROBLEM = ("书名号“《》”里是空的，报告里会印出一对空书名号。", "请在书名号里写上文件或法规的名称，或删去这对书名号。")


def citation(outline: str) -> str:
    """A 纲要 title as cited: inside 《》 whether or not the clerk typed them."""
    outline = outline.strip()
    return outline if outline.startswith("《") else f"《{outline.strip('《》')}》"
