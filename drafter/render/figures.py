"""Figures as templates see them: counts with units, rates derived from counts.

A template asks ``数据.行政复议.收到申请``. A figure the catalogue knows but the clerk
did not give is ``MISSING`` (false in ``{% if %}``, dropped by ``项()``); a name the
catalogue does not know is an error, so a typo in a template never prints a silent blank.
Rates are never typed by the clerk: they are computed here from their counts
(definitions in the catalogue, domain.md §4).
"""

from __future__ import annotations

from fractions import Fraction

from drafter.errors import TemplateError
from drafter.model import numbers
from drafter.model.catalogue import Group, RateDef, Theme
from drafter.model.numberwords import exact
from drafter.render.intact import FigureText, figure_text, is_form_number, owned, rate_number


class _Missing:
    """A figure that was not given (``name``: its group and name, for messages). Printing it,
    or comparing it with a number, is a template bug: said so, naming it."""

    def __init__(self, name: str = "", last_year: str = ""):
        self._name = name
        # the figure was given; last year's (上年数, 同比) was not: "count" or "rate"
        self._last_year = last_year

    def __bool__(self) -> bool:
        return False

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def _said(self) -> str:
        return f"数据“{self._name}”" if self._name else "一个数据"

    def __str__(self) -> str:
        if self._last_year:
            missing = f"“{self._name}”" if self._last_year == "count" else f"算“{self._name}”要用的件数"
            raise TemplateError(
                f"模板直接输出了“{self._name}”的上年数或同比，表单的“上年数据”里没有填写{missing}。",
                f"请在这个主题的“上年数据”下填上{missing}，或用 {{% if x.{self._name}.上年 %}}…{{% endif %}} 包住它；"
                f"也可以写 {{{{ x.{self._name}.带同比 }}}}，没有上年数时只写今年的数。",
            )
        raise TemplateError(
            f"模板直接输出了{self._said()}，表单里没有填写它。",
            '请用 {% if 数据 %}…{% endif %} 或 项("……{}", 数据) 包住它，没填时整句不出现。',
        )

    def _compared(self, other):
        raise TemplateError(
            f"模板拿{self._said()}和别的数比较，表单里没有填写它。",
            "请先判断它填了没有，如 {% if x.纠错 and x.纠错 > 0 %}；没填时整句不写。",
        )

    __lt__ = __le__ = __gt__ = __ge__ = _compared

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


class _Compared:
    """A figure compared by its value ({% if x.收到申请 > 100 %}, [a, b] | max): as its .值 is."""

    def _other(self, other):
        return other.值 if isinstance(other, _Compared) else other

    def __lt__(self, other):
        return self.值 < self._other(other)

    def __le__(self, other):
        return self.值 <= self._other(other)

    def __gt__(self, other):
        return self.值 > self._other(other)

    def __ge__(self, other):
        return self.值 >= self._other(other)

    # == and in as < and > do: {% if y.败诉 == 0 %}, x.纠错 in [18] (by value, as the README says)
    def __eq__(self, other):
        if isinstance(other, (_Compared, int, float)) and not isinstance(other, bool):
            return self.值 == self._other(other)
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self):
        return hash(self.值)


class Figure(_Compared):
    """One count: ``str()`` gives 162件 / 57.95万人次; ``.同比`` the change against last year;
    ``.上年`` last year's value (a number), ``.上年数`` the same with its unit."""

    def __init__(self, name: str, value: float, unit: str, previous: float | None = None, group: str = ""):
        self.名称 = name
        self.值 = owned(value, self)  # marked: printed changed (rounded, cut) is refused
        self.单位 = unit
        self.上年 = owned(previous, self, "上年")
        self._group = group  # its 数据组's name: what may be written as its 其中 (apart.part_problem)
        self.compared = False  # whether the template printed its 同比 (unused: a reminder)

    def __str__(self) -> str:
        return numbers.with_unit(self.值, self.单位)

    @property
    def 约数(self) -> str:
        """Rounded down and marked 余: 683人次 → 680余人次."""
        return figure_text(numbers.with_unit(self.值, self.单位, approx=True), self)  # this figure's (said twice is judged)

    @property
    def 同比(self):
        if self.上年 is None:
            return _Missing(self.名称, last_year="count")
        self.compared = True
        return figure_text(numbers.yoy(self.值, self.上年, unit=self.单位), self, "同比")

    @property
    def 带同比(self) -> FigureText:
        """162件，同比增长12.3% — or just 162件 when last year is not known."""
        return figure_text(f"{self}，{self.同比}" if self.上年 is not None else str(self), self)

    @property
    def 上年数(self):
        """Last year's value with its unit (144件), MISSING when not given."""
        if self.上年 is None:
            return _Missing(self.名称, last_year="count")
        self.compared = True
        return figure_text(numbers.with_unit(self.上年, self.单位), self, "上年")

    def __repr__(self) -> str:
        return f"Figure({self.名称}={self.值}{self.单位})"


class Rate(_Compared):
    """A rate computed from two counts; ``str()`` → 95.3%; ``.同比`` → 提高1.2个百分点."""

    def __init__(self, definition: RateDef, value, previous, digits: int = 1, counts: tuple = ()):
        self.名称 = definition.name
        self.定义 = definition.about
        # Printed and compared from the exact fractions of its counts: two rates of different
        # counts can be the same float (999999999999 ÷ 10^12 and 999999999998 ÷ 999999999999),
        # and 与上年持平 would claim they are equal. Templates see plain floats.
        self._exact = exact(value)
        self._previous = None if previous is None else exact(previous)
        self.值 = rate_number(float(value))
        self.上年 = None if previous is None else rate_number(float(previous))
        self.digits = digits
        self._counts = counts  # the Figures it is worked out from: its 同比 uses their last year

    def __str__(self) -> str:
        return numbers.percent(self._exact, self.digits)

    def 精度(self, digits: int) -> Rate:
        """The same rate shown with another number of decimals: {{ x.纠错率.精度(2) }}."""
        if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 6:
            raise TemplateError("精度() 的小数位数应是 0 到 6 的整数。", "例如 {{ x.纠错率.精度(2) }}。")
        return Rate(RateDef(self.名称, "", (), self.定义), self._exact, self._previous, digits, self._counts)

    @property
    def 同比(self):
        if self.上年 is None:
            return _Missing(self.名称, last_year="rate")
        for figure in self._counts:
            figure.compared = True
        return figure_text(numbers.points(self._exact, self._previous, self.digits), self, "同比")

    @property
    def 带同比(self) -> FigureText:
        return figure_text(f"{self}，{self.同比}" if self.上年 is not None else str(self), self)

    @property
    def 上年数(self):
        """Last year's rate (93%), MISSING when its counts for last year are not given."""
        if self.上年 is None:
            return _Missing(self.名称, last_year="rate")
        for figure in self._counts:
            figure.compared = True
        return figure_text(numbers.percent(self._previous, self.digits), self, "上年")

    def __repr__(self) -> str:
        return f"Rate({self.名称}={self.值:.4f})"


def stands_apart(value) -> bool:
    """Is ``value`` a figure of the form, or its text as a filter writes it (a count, a rate,
    162件, 41万余人次)? Whatever text a template makes of it carries figure marks, so what
    stands beside it in the report is judged (apart.py)."""
    return isinstance(value, (Figure, Rate, FigureText)) or is_form_number(value)


def owner(value) -> tuple[tuple[int, str, bool, str] | None, str]:
    """Whose figure ``value`` writes, as apart.mark takes it: (an identity that outlives
    精度(), the figure's name, whether it is a rate, and its 数据组 when a count; or None when
    not known), and "同比" or "上年" when it is that figure's change or last year's value,
    else ""."""
    if isinstance(value, FigureText):
        return (owner(value.of)[0] if value.of is not None else None), value.kind
    if isinstance(value, Rate):
        return (id(value._counts), value.名称, True, ""), ""  # 精度() makes another Rate of the same counts
    if isinstance(value, Figure):
        return (id(value), value.名称, False, value._group), ""
    return None, ""


def _ratio(defn: RateDef, counts: dict) -> Fraction | None:
    """The rate's exact value from its counts (a count typed 46.8 is 468/10), None when a
    count is missing or the denominator is 0."""
    if defn.numerator not in counts or any(d not in counts for d in defn.denominator):
        return None
    den = sum(exact(counts[d]) for d in defn.denominator)
    return exact(counts[defn.numerator]) / den if den else None


class FigureGroup:
    """The figures and rates of one 数据组, by attribute or by key."""

    def __init__(self, theme: str, group: Group, counts: dict, previous: dict):
        self._theme = theme
        self._group = group
        self._items: dict[str, object] = {}
        for name, fdef in group.figures.items():
            if name in counts:
                self._items[name] = Figure(name, counts[name], fdef.unit, previous.get(name), group.name)
        for name, rdef in group.rates.items():
            now = _ratio(rdef, counts)
            if now is not None:
                parts = tuple(self._items[n] for n in (rdef.numerator, *rdef.denominator) if n in self._items)
                self._items[name] = Rate(rdef, now, _ratio(rdef, previous), counts=parts)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str):
        if not isinstance(name, str):
            raise _by_number(name, f"t.数据.{self._group.name}.受理", "x")
        if name in self._items:
            return self._items[name]
        if name in self._group.figures or name in self._group.rates:
            return _Missing(f"{self._group.name}.{name}")
        known = "、".join([*self._group.figures, *self._group.rates])
        raise TemplateError(
            f"模板引用了不存在的数据“{self._theme}.{self._group.name}.{name}”。", f"数据组“{self._group.name}”中有：{known}。"
        )

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self):
        return iter(self._items.values())

    def __len__(self) -> int:  # {{ x | length }}: the figures and rates the form gives
        return len(self._items)

    def __reversed__(self):  # {% for x in g | reverse %}: the figures, last first
        return iter(list(self._items.values())[::-1])

    # dictsort and other filters that take a mapping: the figures and rates the form gives
    def items(self) -> list[tuple[str, object]]:
        return list(self._items.items())

    def keys(self) -> list[str]:
        return list(self._items)

    def values(self) -> list[object]:
        return list(self._items.values())

    def get(self, name: str):
        """The figure or rate ``name`` if the form gives it, else None."""
        return self._items.get(name)


def all_both_years(group: FigureGroup, name: str) -> bool:
    """Is the count ``name`` counted in a rate of ``group`` that is all (100%) this year and
    last (246个村（社区）全部配备, as the year before): its 同比 says nothing, none is printed."""
    for rdef in group._group.rates.values():
        rate = group._items.get(rdef.name)
        if name in (rdef.numerator, *rdef.denominator) and isinstance(rate, Rate) and rate._exact == 1 == rate._previous:
            return True
    return False


class FigureSet:
    """All groups of one theme: ``数据.行政复议`` is a FigureGroup (empty when not given)."""

    def __init__(self, theme: Theme, counts: dict, previous: dict):
        self._theme = theme
        self._groups = {
            name: FigureGroup(theme.key, g, counts.get(name) or {}, previous.get(name) or {}) for name, g in theme.groups.items()
        }

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> FigureGroup:
        if not isinstance(name, str):
            raise _by_number(name, "t.数据.行政复议", "g")
        try:
            return self._groups[name]
        except KeyError:
            raise TemplateError(
                f"模板引用了不存在的数据组“{self._theme.key}.{name}”。",
                "主题“{}”的数据组有：{}。".format(self._theme.key, "、".join(self._groups)),
            ) from None

    def __bool__(self) -> bool:
        return any(self._groups.values())

    # {% for g in t.数据 %}, {% if "行政复议" in t.数据 %}: the names of the groups the form
    # gives figures for (a group without any is as good as absent, as 数据句子 treats it)
    def __iter__(self):
        return iter([name for name, group in self._groups.items() if group])

    def __contains__(self, name) -> bool:
        return bool(self._groups.get(name)) if isinstance(name, str) else False

    def __len__(self) -> int:
        return sum(1 for group in self._groups.values() if group)

    def __reversed__(self):  # {% for g in t.数据 | reverse %}: the groups' names, last first
        return iter(list(self)[::-1])

    # dictsort and other filters that take a mapping: the groups the form gives figures for
    def items(self) -> list[tuple[str, FigureGroup]]:
        return [(name, group) for name, group in self._groups.items() if group]

    def keys(self) -> list[str]:
        return list(self)

    def values(self) -> list[FigureGroup]:
        return [group for group in self._groups.values() if group]


def _by_number(index: object, example: str, each: str) -> TemplateError:
    """A group or figure asked for by a number (t.数据[0]): they have names, not places."""
    return TemplateError(
        f"模板按序号（{index}）取数据，数据组和数据只能按名称取。",
        f"请写名称，如 {example}；要逐个取，写 {{% for {each} in … %}}……{{% endfor %}}。",
    )
