"""Filters and helpers for templates (the built-in ones and a clerk's own).

Filters take plain numbers or the Figure/Rate objects of ``figures.py``:
    {{ 15000 | num }} → 1.5万        {{ 683 | num(approx=true) }} → 680余
    {{ 0.9531 | percent(2) }} → 95.31%   {{ a | rate(b) }} → a ÷ b as a percentage
    {{ 110 | yoy(100) }} → 同比增长10%   {{ 0.95 | points(0.93) }} → 同比提高2个百分点
    {{ 12 | cn }} → 十二             {{ 成文日期 | cn_date }} → 2026年2月6日
    {{ ["甲", "乙"] | enumerate_cn }} → 一是甲；二是乙。   {{ "加强审查" | full_stop }} → 加强审查。
    {{ 标记 | markup }}             → printed as markup (#, @ at a line start count), not as text
Helpers that keep sentences whole when a figure is missing:
    项("收到申请{}", x)  → "" when x was not given, else the text with x filled in
    句(a, b, c)         → the non-empty parts joined by "，" and closed with "。"

Each checks what it is given and says in a TemplateError what it wanted instead; the
environment adds the template file and line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from string import Formatter

import jinja2

from drafter.errors import TemplateError
from drafter.files.patterns import lazy_re
from drafter.model import numbers
from drafter.model.markup import TemplateMarkup
from drafter.model.typography import clauses, no_orphan_part
from drafter.render import apart
from drafter.render.figures import Figure, Rate, _Missing, owner, stands_apart
from drafter.render.intact import (
    FigureText,
    RateFloat,
    figure_text,
    form_number,
    is_form_number,
    rate_number,
    refuse_changed,
    refuse_lost,
    refuse_raw_number,
)
from drafter.render.limits import MAX_ITEMS, MAX_WIDTH, bound_text, check_items, safe_str

MAX_NUMBER = 10**15  # 千万亿: more than any figure of a report
MAX_DIGITS = 6  # decimals a percentage may show
_HINT = "请检查这一行传给过滤器的数据。"


def _kind(x) -> str:
    """What a value is, in words a clerk knows: 文字“abc”, 列表, 日期 …"""
    if x is None:
        return "空值"
    if isinstance(x, bool):
        return "真假值"
    if isinstance(x, str):
        return f"文字“{x[:20]}{'…' if len(x) > 20 else ''}”"
    if isinstance(x, (int, float, Decimal)):
        return f"数 {x}" if isinstance(x, int) and x.bit_length() < 64 else "一个数"
    if isinstance(x, dt.date):
        return "日期"
    if isinstance(x, (list, tuple)):
        return "列表"
    if isinstance(x, dict):
        return "字典"
    return "其他数据"


def _given(x):
    """An undefined name raises its own error (which names it) instead of being judged."""
    if isinstance(x, jinja2.Undefined):
        x._fail_with_undefined_error()
    return x


def _value(x, name: str):
    """A Figure or Rate gives its value; a figure that was not filled in is an error."""
    x = _given(x)
    if isinstance(x, (Figure, Rate)):
        return x.值
    if isinstance(x, _Missing):
        raise TemplateError(f"过滤器 {name} 用到了表单里没有填写的数据。", "请用 {% if 数据 %}…{% endif %} 包住这一句，没填时整句不出现。")
    return x


def _number(x, name: str):
    """A finite number below MAX_NUMBER in size, from a plain number, Figure or Rate."""
    value = _value(x, name)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TemplateError(f"过滤器 {name} 需要一个数，得到的是{_kind(value)}。", _HINT)
    if isinstance(value, (float, Decimal)) and not math.isfinite(value):
        raise TemplateError(f"过滤器 {name} 得到的不是一个有限的数。", _HINT)
    if abs(value) >= MAX_NUMBER:  # type: ignore[operator]  # a number, by the checks above
        raise TemplateError(f"过滤器 {name} 得到的数太大（应小于 {MAX_NUMBER}）。", _HINT)
    return value


def _digits(d, name: str) -> int:
    if isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= MAX_DIGITS:
        raise TemplateError(
            f"过滤器 {name} 的小数位数应是 0 到 {MAX_DIGITS} 的整数，得到的是{_kind(d)}。", f"例如 {{{{ x | {name}(1) }}}}。"
        )
    return d


def _computed(name: str, compute):
    """The wording of a result, or a TemplateError when it is out of range."""
    try:
        return compute()
    except (ValueError, ArithmeticError):
        raise TemplateError(f"过滤器 {name} 算出的结果超出了能表示的范围。", _HINT) from None


# A ratio (纠错率 0.192) and a count or amount (162件, 46.8万元, 年度 2025) are different kinds:
# percent and points take ratios, num, rate, yoy and cn counts. The other kind would print an
# impossible figure (a count as 16200%, a year as 提高202400个百分点, a rate as 0.19), so it is
# refused at the template line.
_RATIO_HINT = (
    "比率是 0 到 1 之间的小数，如 {{ 数据.行政复议.纠错率 }}；由两个计数算比率用 rate，"
    "如 {{ 数据.行政复议.纠错 | rate(数据.行政复议.审结) }}。"
)
_COUNT_HINT = "比率请直接输出（如 {{ 数据.行政复议.纠错率 }}），它的同比用 {{ 数据.行政复议.纠错率.同比 }}（个百分点）。"


def _ratio(x, name: str):
    """A ratio for percent / points: a Rate, or a plain number from 0 to 1."""
    given = _given(x)
    if isinstance(given, Figure):
        raise TemplateError(f"过滤器 {name} 要的是比率，这里给的是计数“{given}”。", _RATIO_HINT)
    value = _number(x, name)
    if not isinstance(given, Rate) and not 0 <= value <= 1:
        raise TemplateError(f"过滤器 {name} 要的是 0 到 1 之间的比率，这里给的是{_kind(value)}。", _RATIO_HINT)
    return value


def _count(x, name: str):
    """A count or amount for num / rate / yoy / cn: a Figure or a plain number, not a Rate."""
    if isinstance(_given(x), Rate):
        raise TemplateError(f"过滤器 {name} 要的是计数或金额，这里给的是比率“{x}”。", _COUNT_HINT)
    if isinstance(_given(x), RateFloat):  # 纠错率.值: a rate's inner fraction is no count either
        raise TemplateError(f"过滤器 {name} 要的是计数或金额，这里给的是比率的内部数值（0 到 1 之间的小数）。", _COUNT_HINT)
    return _number(x, name)


def num(x, approx: bool = False) -> str:
    value = _count(x, "num")
    return FigureText(_computed("num", lambda: numbers.number(value, bool(approx))))


def percent(x, digits: int = 1) -> str:
    value, digits = _ratio(x, "percent"), _digits(digits, "percent")
    return _computed("percent", lambda: numbers.percent(value, digits))


def rate(numerator, denominator, digits: int = 1) -> str:
    top, bottom = _count(numerator, "rate"), _count(denominator, "rate")
    digits = _digits(digits, "rate")
    # a figure's unit, or that of the figures a sum adds ([a, b] | sum)
    kinds = [_given(v).单位 if isinstance(_given(v), Figure) else getattr(_given(v), "unit", None) for v in (numerator, denominator)]
    if kinds[0] != kinds[1]:  # 46.8万元 ÷ 3, 12件 ÷ 5人次: not one count's part of another
        shown = ["计数“" + str(_given(v)) + "”" if k else _kind(_given(v)) for v, k in zip((numerator, denominator), kinds)]
        raise TemplateError(
            f"过滤器 rate 的分子是{shown[0]}，分母是{shown[1]}，不是同一种计数，算出的比率没有意义。",
            "rate 用同一单位的两个计数，如 {{ 数据.行政复议.纠错 | rate(数据.行政复议.审结) }}；要改小数位数，写 rate(分母, 2)。",
        )
    if not bottom:
        raise TemplateError("过滤器 rate 的分母是 0，算不出比率。", "请用 {% if 分母 %}…{% endif %} 包住这一句。")
    return _computed("rate", lambda: numbers.rate(top, bottom, digits))


def _whose(x) -> tuple[Figure | None, str]:
    """The figure a number is of, and "上年" when it is last year's: a Figure is its own this
    year's; a figure's .值 / .上年 know theirs (intact.owned); any other number is nobody's."""
    x = _given(x)
    if isinstance(x, Figure):
        return x, ""
    of = getattr(x, "of", None)
    return (of, getattr(x, "kind", "")) if isinstance(of, Figure) else (None, "")


def yoy(current, previous) -> str:
    now, before = _count(current, "yoy"), _count(previous, "yoy")
    (this, this_kind), (last, last_kind) = _whose(current), _whose(previous)
    if this is not None and last is not None and (this is not last or this_kind or last_kind != "上年"):
        said = [f"“{f.名称}”{'上年' if k else '本年'}的数" for f, k in ((this, this_kind), (last, last_kind))]
        raise TemplateError(
            f"过滤器 yoy 比的是{said[0]}和{said[1]}，不是同一项的本年数和上年数，算出的同比是错的。",
            "同比请直接输出，如 {{ x.审结.同比 }}；用 yoy 时写同一项的本年数和上年数，如 {{ x.审结.值 | yoy(x.审结.上年) }}。",
        )
    text = _computed("yoy", lambda: numbers.yoy(now, before))
    # said beside the figure it is of, as that figure's own .同比 is (apart.py)
    return figure_text(text, this, "同比") if this is not None and last is not None else text


def points(current, previous) -> str:
    now, before = _ratio(current, "points"), _ratio(previous, "points")
    # a Rate compares by its exact fraction (two rates can be the same float: figures.Rate)
    now, before = (x._exact if isinstance(_given(x), Rate) else v for x, v in ((current, now), (previous, before)))
    return _computed("points", lambda: numbers.points(now, before))


def cn(n) -> str:
    value = _count(n, "cn")
    if value < 0 or value != int(value) or value >= 10**12:
        raise TemplateError(f"过滤器 cn 只能把 0 到 999999999999 之间的整数写成汉字，得到的是{_kind(value)}。", _HINT)
    if value >= 1000 or is_form_number(_given(n)) or isinstance(_given(n), Figure):
        # 二千零二十五年, 一百六十二件: years and counts are written in figures (domain.md §6)
        raise TemplateError(
            f"过滤器 cn 用来写序号（一、十二、九十九），{int(value)} 这样的年份和表单里的数量在公文里用阿拉伯数字写。",
            "年份直接写 {{ 年度 }}年；件数直接输出数据，如 {{ 数据.行政复议.收到申请 }}。",
        )
    return numbers.chinese(int(value))


def cn_date(d) -> str:
    d = _given(d)
    if not isinstance(d, dt.date):
        raise TemplateError(f"过滤器 cn_date 需要日期，得到的是{_kind(d)}。", "例如 {{ 成文日期 | cn_date }}。")
    return numbers.date(d)


_PRINTABLE = (str, int, float, Decimal, dt.date, Figure, Rate)


def printable(x, what: str = "这里输出的"):
    """``x`` when it can stand in a report as text: text, a number, a date, a figure. A
    真假值, a list, a mapping, a theme or any other object would print as Python writes it
    (False, ['甲'], <… object at 0x…>): a template mistake, said so."""
    if isinstance(x, (jinja2.Undefined, _Missing)):
        str(x)  # raises its own error, which names what is missing
    if isinstance(x, bool):
        raise TemplateError(
            f"{what}是一个真假值（是或否），不是可以写进报告的文字。", "真假值用在 {% if %} 里，如 {% if 盖章 %}…{% endif %}。"
        )
    if isinstance(x, (list, tuple, dict, set, frozenset)):
        raise TemplateError(
            f"{what}是一组数据（一个列表或一组“名称: 内容”），不是可以写进报告的文字。",
            '列表用 join 连起来，如 {{ 主要成效 | join("，") }}，或用 {% for %} 逐项输出。',
        )
    if not isinstance(x, _PRINTABLE):
        raise TemplateError(
            f"{what}是一组数据或模板里的一样东西（如一个主题、一个函数），不是可以写进报告的文字。",
            "请输出其中的一项，如 {{ 第一责任人.数据.履职.会前学法 }}，或用 {% for %} 逐项输出。",
        )
    return x


def _text(x, name: str) -> str:
    """A value as text for a helper: text, a number or a figure; not a list or a mapping."""
    if type(x) is str:
        return x
    if isinstance(x, (Figure, Rate)):
        return str(x)
    return safe_str(printable(_given(x), name))


def _shown(x, name: str) -> str:
    """``_text`` of a value a helper prints, a form's figure marked as printed ones are (what
    stands beside it, and whether it is said twice, is judged once the output is whole)."""
    text = _text(x, name)
    x = _given(x)
    return apart.mark(text, *owner(x)) if stands_apart(x) else text


def enumerate_cn(items, sep: str = "；", end: str = "。") -> str:
    """["甲", "乙"] → 一是甲；二是乙。 (trailing punctuation of each item is dropped)."""
    items = _given(items)
    if isinstance(items, Iterator):  # 问题 | map(attribute="标题") | enumerate_cn
        items = list(itertools.islice(items, MAX_ITEMS + 1))
    if isinstance(items, (str, dict)) or not isinstance(items, (list, tuple)):
        raise TemplateError(f"过滤器 enumerate_cn 需要一个列表，得到的是{_kind(items)}。", '例如 {{ ["甲", "乙"] | enumerate_cn }}。')
    check_items(len(items))
    sep, end = _text(sep, "过滤器 enumerate_cn 的分隔符"), _text(end, "过滤器 enumerate_cn 的结尾")
    parts = [t.rstrip("。；;，, ") for t in (_shown(i, "过滤器 enumerate_cn 的每一项") for i in items) if t.strip()]
    bound_text(sum(map(len, parts)) + len(parts) * (len(sep) + 16))
    if not parts:
        return ""
    return sep.join(f"{numbers.chinese(i)}是{p}" for i, p in enumerate(parts, 1)) + end


def full_stop(text) -> str:
    """A heading sentence closed with 。 (what makes ``## …`` a run-in heading)."""
    text = _text(text, "过滤器 full_stop 的输入").strip().rstrip("，,、；;：:。.！!？? ")
    return text + "。" if text else ""


def markup(text) -> TemplateMarkup:
    """``{{ x | markup }}``: the template means ``x`` as markup, so a #, @ or \\ at the
    start of its lines counts. Only for text the template itself made."""
    text = _given(text)
    if text is None:
        return TemplateMarkup("")
    return text if isinstance(text, TemplateMarkup) else TemplateMarkup(safe_str(text))


_FIELD_SPEC = lazy_re(r"(?:.?[<>^])?(\d{0,4})(?:\.(\d{1,4}))?s?", re.S)


def _pattern_fields(text: str, count: int) -> int:
    """Check 项()'s pattern for ``count`` values; returns the characters widths may add."""
    needed, extra = (_known_pattern if len(text) <= 200 else _pattern)(text)
    if needed > count:
        raise TemplateError(f"项() 的文字里要填第 {needed} 个数据，却只给了 {count} 个。", "请让 {} 的个数与后面给出的数据个数相同。")
    if needed < count:  # a value given and never printed: its figure would be dropped without a word
        raise TemplateError(
            f"项() 的文字里{f'只有 {needed} 处' if needed else '没有'}要填数据的 {{}}，却给了 {count} 个数据，多出的不会印进报告。",
            '请在文字里每个数据要出现的地方写一个 {}，如 项("收到申请{}", 数据)。',
        )
    return extra


def _pattern(text: str) -> tuple[int, int]:
    """项()'s pattern: only {} or {0}, {1} … with an optional width. Returns how many values
    it needs and the characters its widths may add."""
    try:
        fields = list(Formatter().parse(text))
    except ValueError:
        raise TemplateError("项() 的文字里大括号不成对。", "要填数据的地方写 {}；要写大括号本身，请写 {{ 或 }}。") from None
    auto, extra, needed = 0, 0, 0
    for _lit, field, spec, conversion in fields:
        if field is None:
            continue
        if field and not field.isdigit() or conversion or spec and not _FIELD_SPEC.fullmatch(spec):
            raise TemplateError(
                f"项() 的文字里“{{{field}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}”不能用。",
                "项() 里要填数据的地方只能写 {}（或 {0}、{1}），不能取属性、下标或写转换。",
            )
        index = int(field) if field else auto
        auto += not field
        needed = max(needed, index + 1)
        spec_parts = _FIELD_SPEC.fullmatch(spec or "")
        widths = spec_parts.groups() if spec_parts else ()
        for w in widths:
            if w and int(w) > MAX_WIDTH:
                raise TemplateError(f"项() 的格式宽度太大（最多 {MAX_WIDTH}）。", "一般直接写 {} 即可。")
            extra += int(w) if w else 0
    return needed, extra


_known_pattern = lru_cache(maxsize=1024)(_pattern)  # a template repeats its short patterns


def item(text, *values) -> str:
    """项(): fill ``{}`` in ``text`` with the values, or give "" if any value is missing."""
    text = _given(text)
    if not isinstance(text, str):
        raise TemplateError(f"项() 的第一个参数应是带 {{}} 的文字，得到的是{_kind(text)}。", '例如 项("收到申请{}", 数据)。')
    extra = _pattern_fields(text, len(values))  # judged whether the data is given or not
    if any(isinstance(_given(v), _Missing) or v is None for v in values):
        return ""
    parts = [_shown(v, "项() 的数据") for v in values]  # 项("收到1{}", x) is judged
    bound_text(len(text) + extra + sum(map(len, parts)) * max(text.count("{"), 1))
    return text.format(*parts)


def sentence(*parts, 主语=None) -> str:
    """句(): the non-empty parts joined by "，" and closed with "。"; "" when all are empty.
    ``主语``: words that lead instead when the first part is empty and another is not (the
    phrase table's group name, “行政应诉方面”: the sentence must still name its subject);
    judged whether it is used or not, so a wrong one never waits for the data that uses it."""
    if _given(主语) is not None:
        _text(主语, "句() 的主语")
    texts = [_shown(p, "句() 的每一部分") for p in map(_given, parts) if p]
    bound_text(sum(map(len, texts)) + len(texts))
    first = _given(parts[0]) if parts else None
    if first and _text(first, "句() 的每一部分").strip().startswith("其中"):
        # 句(项("其中纠错{}", …)): a part with no whole before it, read as the last sentence's
        # (the phrase table refuses a group opening with 其中 alike)
        raise TemplateError(
            "句() 的第一项以“其中”开头，前面没有它所属的总数，报告里会读成上一句的一部分。",
            '请先写总数的一项（如 项("审结{}", x.审结)），或去掉“其中”，再用 主语="行政复议方面" 写明是哪件事。',
        )
    # a part of nothing but marks (“，”, “。”) is empty too: never a sentence of a lone “。”
    kept = no_orphan_part([c for c in (t.strip().rstrip("，。；,;") for t in texts) if apart.visible(c).strip("，。；,; \u3000")])
    lead = _given(parts[0]) if parts else None
    if 主语 and kept and not (lead and _text(lead, "句() 的每一部分").strip()):
        kept.insert(0, _text(主语, "句() 的主语"))
    return clauses(kept) + "。" if kept else ""


# -- Jinja's own filters on drafter's values ------------------------------------------------
# Jinja's filters make text with str(), which for a theme, a figure set, a function or a date
# is Python's own writing (<… object at 0x…>, 2026-02-06). Each builtin filter is wrapped by
# what it does: those that make text get the value as the report writes it (a figure 162件, a
# date 2026年2月6日) or refuse it; those that make a number take a figure's value and never
# turn what is not a number into 0; those whose result is program or web notation are refused.


def report_text(x, what: str) -> str:
    """``x`` as the report writes it: text, a number, a figure (162件), a rate (95.3%), a
    date (2026年2月6日); anything else is refused with a TemplateError naming ``what``."""
    x = _given(x)
    if isinstance(x, str):
        return x
    if isinstance(x, (Figure, Rate, _Missing)):
        return str(x)  # a figure not given raises its own error
    if isinstance(x, dt.date) and not isinstance(x, dt.datetime):
        return numbers.date(x)
    refuse_raw_number(x)  # 纠错率.值 | e: a rate's inner fraction is never report text
    return safe_str(printable(x, what))


def _argument(x, what: str):
    """An argument of a text filter: a number or a flag as it is, anything else as text."""
    x = _given(x)
    if x is None or isinstance(x, (bool, int, float, Decimal)):
        return x
    return report_text(x, what)


def _known_as_text(x):
    """A figure, rate or date as the report writes it; any other value as it is."""
    if isinstance(x, (Figure, Rate, _Missing)) or isinstance(x, dt.date) and not isinstance(x, dt.datetime):
        return report_text(x, "")
    return x


TEXT_FILTERS = (
    "capitalize",
    "center",
    "lower",
    "upper",
    "title",
    "trim",
    "truncate",
    "wordwrap",
    "indent",
    "replace",
    "striptags",
    "wordcount",
    "format",
    "string",
    "safe",
    "markup",
)
AS_IS_FILTERS = ("e", "escape", "forceescape")  # HTML escaping: a .docx prints text as it is
NUMBER_FILTERS = ("int", "float", "round", "abs")
REFUSED_FILTERS = {  # what each writes (the template line, quoted with the message, names the filter)
    "pprint": "程序里的写法（带引号、括号）",
    "urlencode": "网址编码（%E7%A4%BA……）",
    "urlize": "网页链接的代码",
    "xmlattr": "网页代码",
    "filesizeformat": "英文的文件大小（如 2.0 kB）",
}


def _passes(func) -> int:
    return 1 if getattr(func, "jinja_pass_arg", None) is not None else 0


def _text_filter(name: str, func):
    import functools

    skip = _passes(func)

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        head, rest = args[:skip], args[skip:]
        if rest and name == "format":  # its values are judged by format itself (templates' own wording)
            filled = [*rest[1:], *kwargs.values()]
            rest = (report_text(rest[0], "过滤器 format 的输入"), *map(_known_as_text, rest[1:]))
            text = func(*head, *rest, **{k: _known_as_text(v) for k, v in kwargs.items()})
            return apart.mark_each(text, [report_text(v, "") for v in filled if stands_apart(v)])
        if rest:
            value = (
                rest[0]
                if name in ("safe", "markup") and isinstance(rest[0], TemplateMarkup)
                else report_text(rest[0], f"过滤器 {name} 的输入")
            )
            rest = (value, *(_argument(a, f"过滤器 {name} 的参数") for a in rest[1:]))
        kwargs = {k: _argument(v, f"过滤器 {name} 的参数") for k, v in kwargs.items()}
        if name == "truncate":
            _truncate_fits(rest, kwargs)
        return func(*head, *rest, **kwargs)

    return filter_


def _truncate_fits(rest: tuple, kwargs: dict) -> None:
    """truncate(length, killwords, end): a length shorter than the ending it adds cannot be
    kept (Jinja stops on it); said here, with the numbers the template gave."""
    length = rest[1] if len(rest) > 1 else kwargs.get("length", 255)
    end = rest[3] if len(rest) > 3 else kwargs.get("end", "...")
    if isinstance(length, int) and not isinstance(length, bool) and length < 0:
        raise TemplateError(f"过滤器 truncate 的长度 {length} 是负数。", '请写要保留的字数，如 truncate(30, end="……")。')
    if isinstance(length, int) and not isinstance(length, bool) and isinstance(end, str) and length < len(end):
        raise TemplateError(
            f"过滤器 truncate 的长度 {length} 比它加在末尾的“{end}”（{len(end)} 个字）还短。",
            '请把长度写得比结尾长，如 truncate(30, end="……")。',
        )


def _as_is(value, *_args):
    """e / escape / forceescape: the text as it is (a report is not a web page: &lt; would be
    printed as it stands)."""
    return report_text(value, "过滤器 escape 的输入")


def _number_filter(name: str, func):
    import functools

    skip = _passes(func)

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        head, rest = args[:skip], list(args[skip:])
        if rest:
            if isinstance(_given(rest[0]), Rate):  # a ratio (0.9375): int → 0, round → 1.0
                raise TemplateError(
                    f"过滤器 {name} 不能用在比率上：比率里存的是 0 到 1 之间的小数，会写成 0 或 1。",
                    "比率请直接输出（如 93.8%），要换小数位数用 精度()，如 {{ x.纠错率.精度(2) }}。",
                )
            value = apart.visible(_value(rest[0], name))  # x.值 | string | int: the number printed
            base = rest[2] if name == "int" and len(rest) > 2 else kwargs.get("base", 10)
            if name == "int" and base != 10:
                raise TemplateError(
                    "过滤器 int 写了 base（按别的进制读数），报告里的数就成了另一个值（如 151 按十六进制读成 337）。",
                    "报告里的数都是十进制：请去掉 base，或直接输出数据。",
                )
            if isinstance(value, str) and name in ("int", "float") and len(rest) < 2 and "default" not in kwargs:
                try:
                    float(value.strip().replace("_", "")) if name == "float" or "." in value else int(value.strip(), 0)
                except ValueError:
                    raise TemplateError(
                        f"过滤器 {name} 得到的{_kind(value)}不是数，会被当作 0 写进报告。",
                        f"请对数字用 {name}；确实要在不是数时用别的值，写 {name}(default=…)。",
                    ) from None
            elif not isinstance(value, str):
                value = _number(value, name)
            rest[0] = value
        result = func(*head, *rest, **kwargs)
        return _kept_number(name, args[skip:], kwargs, rest[0] if rest else None, result)

    return filter_


def _kept_number(name: str, given: tuple, kwargs: dict, value, result):
    """A number filter's result, refused when it prints a number other than it was given: a
    figure of the form changed (19999 | round(-2) → 20000, 46.8 | int → 46), any number cut
    at a negative place, or made 0 when it is not; the form's mark kept on what it returns."""
    from_form = bool(given) and (isinstance(_given(given[0]), (Figure, Rate)) or is_form_number(value))
    places = given[1] if len(given) > 1 else kwargs.get("precision", 0)
    if name == "round" and isinstance(places, int) and not isinstance(places, bool) and places < 0:
        raise TemplateError(
            "过滤器 round 的位数是负数，会把数的末几位写成 0，报告里就不再是原来的数。",
            "报告里的数要和表单一致：直接输出数据；要写约数用 .约数。",
        )
    numeric = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
    if numeric and isinstance(result, (int, float, Decimal)):
        if from_form:
            refuse_changed(f"过滤器 {name}", value, result)
        refuse_lost(f"过滤器 {name}", value, result)
    if isinstance(value, RateFloat) and isinstance(result, float):
        return rate_number(result)  # 纠错率.值 | abs: still a rate's inner value, never printed
    return form_number(result) if from_form else result


def _refused(why: str):
    def filter_(*_args, **_kwargs):
        raise TemplateError(
            f"这里用的过滤器写出的是{why}，不是报告的文字，不能用在报告里。", "请直接输出，如 {{ 单位 }}、{{ 数据.行政复议.收到申请 }}。"
        )

    return filter_


# Filters that go through a collection item by item. Given a mapping (a form item such as
# 问题[0], or 部分标题) they go through its keys, the program's names of its fields (标题、表现、
# 原因), and print those as if they were the report's words; so a mapping is refused.
COLLECTION_FILTERS = (
    "list",
    "first",
    "last",
    "min",
    "max",
    "length",
    "count",
    "dictsort",
    "sort",
    "unique",
    "map",
    "select",
    "reject",
    "selectattr",
    "rejectattr",
    "batch",
    "slice",
    "sum",
    "groupby",
    "random",
    "items",
    "reverse",
    "join",
)


def _no_mapping(name: str, func):
    import functools

    skip = _passes(func)

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        if len(args) > skip and isinstance(_given(args[skip]), _Missing):
            str(_given(args[skip]))  # a figure not given, gone through item by item: nothing (its own message)
        if len(args) > skip and isinstance(_given(args[skip]), (Figure, Rate)):
            raise TemplateError(
                f"过滤器 {name} 要用在一组内容上，这里用在了一个数据“{_given(args[skip])}”上。",
                f"数据请直接输出，如 {{{{ 数据.行政复议.收到申请 }}}}；{name} 用在列表上，如 {{{{ 主要成效 | {name} }}}}。",
            )
        if len(args) > skip and isinstance(_given(args[skip]), Mapping):
            raise TemplateError(
                f"过滤器 {name} 用在了一组“名称: 内容”上（如表单里的一个问题、部分标题），"
                "会把各项的名称（如“标题”“表现”）当作文字写进报告。",
                "请取出其中要写的一项，如 {{ 问题[0].表现 }}、{{ 部分标题.成效 }}；要逐项输出，用 {% for p in 问题 %}…{% endfor %}。",
            )
        return func(*args, **kwargs)

    return filter_


# The arguments of Jinja's filters that are written into the output as text (join's
# separator, replace's words, truncate's ending, wordwrap's break, indent's prefix), with
# how a template writes them right. Each must be text, a number or a figure, a date as the
# report writes it; None only where it is the filter's own default (wordwrap's break).
TEXT_ARGUMENTS = {
    "join": (("d",), 'join("、")'),
    "replace": (("old", "new"), 'replace("县", "区")'),
    "truncate": (("end",), 'truncate(30, end="……")'),
    "wordwrap": (("wrapstring",), 'wordwrap(30, wrapstring="、")'),
    "indent": (("width",), "indent(2)"),
}


def _text_arguments(name: str, func):
    import functools
    import inspect

    skip = _passes(func)
    params = [p for p in inspect.signature(func).parameters.values()][skip + 1 :]  # after the input
    names, example = TEXT_ARGUMENTS[name]
    at = {p.name: (k, p.default) for k, p in enumerate(params) if p.name in names}

    def judged(value, param: str):
        k, default = at[param]
        what = f"过滤器 {name} 的第 {k + 1} 个参数"
        value = _given(value)
        if value is None and default is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and name == "indent":
            return value  # a number of spaces
        if value is None or isinstance(value, bool):
            raise TemplateError(
                f"{what}是{_kind(value)}，不是可以写进报告的文字（报告里会印成一个英文词）。",
                f"这里要写文字或数字，如 {{{{ … | {example} }}}}。",
            )
        try:
            return report_text(value, what)
        except TemplateError as err:
            raise TemplateError(err.message, f"这里要写文字或数字，如 {{{{ … | {example} }}}}。") from None

    @functools.wraps(func)
    def filter_(*args, **kwargs):
        args = list(args)
        for param, (k, _) in at.items():
            if skip + 1 + k < len(args):
                args[skip + 1 + k] = judged(args[skip + 1 + k], param)
            elif param in kwargs:
                kwargs[param] = judged(kwargs[param], param)
        return func(*args, **kwargs)

    return filter_


def report_filters(filters: dict) -> dict:
    """The builtin filters in ``filters`` wrapped as above (TEXT_FILTERS … COLLECTION_FILTERS),
    their text arguments checked first (TEXT_ARGUMENTS)."""
    out = {name: _no_mapping(name, filters[name]) for name in COLLECTION_FILTERS if name in filters}
    out.update({name: _text_filter(name, filters[name]) for name in TEXT_FILTERS if name in filters})
    out.update({name: _as_is for name in AS_IS_FILTERS})
    out.update({name: _number_filter(name, filters[name]) for name in NUMBER_FILTERS if name in filters})
    out.update({name: _refused(why) for name, why in REFUSED_FILTERS.items()})
    out.update({name: _text_arguments(name, out.get(name, filters[name])) for name in TEXT_ARGUMENTS if name in filters})
    return out


FILTERS = {
    "num": num,
    "percent": percent,
    "rate": rate,
    "yoy": yoy,
    "points": points,
    "cn": cn,
    "cn_date": cn_date,
    "enumerate_cn": enumerate_cn,
    "full_stop": full_stop,
    "markup": markup,
}
GLOBALS = {"项": item, "句": sentence}
