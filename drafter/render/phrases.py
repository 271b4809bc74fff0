"""The phrase table (句式.yaml): how the sentences that state figures are worded, as data.

A clerk rewords a figure sentence here without Jinja. The table has one block per theme,
one sentence per data group, one line per item of the sentence::

    矛盾纠纷化解:
      行政复议:
        - 全年收到行政复议申请{收到申请.带同比}
        - 作出纠错决定{纠错}、纠错率{纠错率.带同比}
        - 如果: 配备法律顾问村居 = 村居总数      # wording chosen by the figures
          写: "{村居总数}村（社区）全部配备法律顾问"
          否则: "…"

An item whose figure was not given is left out and the rest are joined by “，” and closed
with “。” (as ``句()`` and ``项()`` do in templates); a line “。” ends a sentence there.
The table is read like the templates: a clerk's folder may hold a 句式.yaml with only the
themes it changes, each replacing the default's block for that theme, so an upgrade of
drafter still reaches the others. The default templates print it with ``数据句子(t)``.

Everything is checked against the catalogue when the table is read, so a misspelt figure
is a located error (file, line, column) and never a silent blank in the report.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from drafter.errors import FormError, Problem, TemplateError, TemplateProblems
from drafter.files.bounds import PHRASE_ITEM as MAX_ITEM
from drafter.files.patterns import lazy_re
from drafter.files.yamlsource import Source, load_text
from drafter.form import opening
from drafter.model import numbers
from drafter.model.catalogue import Catalogue, FigureDef, Group, load_catalogue
from drafter.model.typography import FORMAT_CODE, clauses, no_orphan_part
from drafter.render.apart import (
    EACH,
    EACH_ALONE,
    JOINED_AFTER,
    JOINED_BEFORE,
    JOINER,
    LAST_SAID,
    NAMES_EACH,
    NAMES_SHARE,
    PART_LEAD,
    SAID_CHANGE,
    SET_APART,
    each_names,
    each_swapped,
    last_unsaid,
    names,
    off_the_list,
    part_after,
    part_problem,
    printed_as_change,
    shares_swapped,
    typed_after,
)
from drafter.render.figures import Rate
from drafter.render.variables import ThemeEntry

PHRASE_FILE = "句式.yaml"
ATTRIBUTES = {"": "数字和单位", "同比": "与上年比", "带同比": "数字加同比", "约数": "约数（如680余人次）", "上年": "上年的数字"}
_END_MARKS = set("。.．｡")  # an item of only these: the sentence ends here
_JOINING = "，,、；;：:。.．｡ \u3000"  # punctuation an item's ends need not carry: the sentence adds its own
# What an item's ends shed besides: marks that end or break off a sentence (“162件！，依法受理”
# would print them before the joining “，”), full- and half-width.
_TRIMMED = _JOINING + "！？!?…⋯—―～~"
# Brackets and quotes that must close inside the item they open in: the sentence joins items
# with “，”, so “（含{纠错}” and “{纠错}）” would print a bracket that never closes or opens.
_PAIRS = {
    "（": "）",
    "(": ")",
    "“": "”",
    "‘": "’",
    "《": "》",
    "〈": "〉",
    "「": "」",
    "『": "』",
    "【": "】",
    "〔": "〕",
    "［": "］",
    "[": "]",
    "〖": "〗",
}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_KEYS = ("如果", "写", "否则")


class Slot(NamedTuple):
    """``{收到申请.带同比}``: a figure or rate of a group of the theme, and how to show it."""

    group: str
    name: str
    attr: str  # one of ATTRIBUTES


class Test(NamedTuple):
    """One comparison of a 如果: a figure against a figure or a number (a rate as a ratio)."""

    left: Slot
    op: str
    right: Slot | float


class Choice(NamedTuple):
    """An item: its wording, written when every test holds, else its 否则 (if any)."""

    tests: tuple[Test, ...]
    pieces: tuple  # str | Slot
    otherwise: Choice | None


class Sentence(NamedTuple):
    group: str
    items: tuple[Choice, ...]


PhraseTable = dict  # theme key → tuple[Sentence, ...]; OPENING → the opening's items (tuple[str, ...])
OPENING = "开头"


# -- reading -------------------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


_BRACES = lazy_re(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_WIDE_BRACES = lazy_re("[｛｝]")
_COMPARE = lazy_re(r"^(.+?)\s*(>=|<=|==|!=|≥|≤|≠|＞＝|＜＝|＝＝|＝|=|>|<|＞|＜)\s*(.+)$")
_OPS = {
    ">=": ">=",
    "≥": ">=",
    "＞＝": ">=",
    "<=": "<=",
    "≤": "<=",
    "＜＝": "<=",
    "==": "=",
    "=": "=",
    "＝": "=",
    "＝＝": "=",
    "!=": "!=",
    "≠": "!=",
    ">": ">",
    "＞": ">",
    "<": "<",
    "＜": "<",
}
_NUMBER = lazy_re(r"^-?\d+(?:\.\d+)?[%％]?$")
_AND = lazy_re(r"\s*(?:并且|而且|且)\s*")
_CONDITION_HINT = "写成“数据名 = 数据名”或“数据名 > 0”：可用 =、≠、>、<、>=、<=，数可以带 %，几个条件用“且”连接，如“败诉 = 0 且 案件 > 0”。"


class _Reader:
    """Reads one table file into sentences, collecting every problem with its place."""

    def __init__(self, src: Source, cat: Catalogue, lines: list[str] | None = None):
        self.src, self.cat = src, cat
        self.problems: list[Problem] = []
        self.lines = lines or []  # the file's text, to see how an item was typed
        self.said_lines: set[int] = set()  # items said here as typed in braces (their YAML key problem goes)
        # the slot the sentence's item before ends with: 纠错率{纠错率} then 上年为{纠错率.上年}
        self.slot_before: Slot | None = None
        self.figure_before: Slot | None = None  # the last figure of the item before, when it is always written
        self.sentence_names: list[str] = []  # the figures the sentence's items before always print (this year's), in order
        self.slots_before: list[Slot] = []  # every figure the sentence's items before always print, in order
        self.words_before = ""  # the words of the sentence's items before that are always written

    def typed(self, path: tuple) -> tuple[int | None, str]:
        """(line, the text from where the item at ``path`` begins)."""
        line, column = self.src.value_marks.get(path, (None, None))
        if not line or not column or line > len(self.lines):
            return line, ""
        return line, self.lines[line - 1][column - 1 :]

    def bad(self, path: tuple, message: str, hint: str, at_key: bool = False) -> None:
        self.problems.append(Problem(self.src.where(path, at_key), message, hint))

    def table(self, data) -> PhraseTable:
        if data is None or data == {}:
            return {}
        if isinstance(data, str) and re.match(r"[^\s:：]{1,20}：", data):
            name = data.split("：", 1)[0]
            self.bad((), f"主题名“{name}”后面用了全角冒号“：”。", "请改成半角冒号加一个空格“: ”（在英文输入法下输入冒号）。")
            return {}
        if not isinstance(data, dict):
            self.bad(
                (),
                "句式表应按主题分段：每段以“主题名:”开头，下面写数据组和句子。",
                "请对照 drafter templates copy default 文件夹 句式.yaml 复制出来的文件修改。",
            )
            return {}
        out: dict[str, tuple] = {}
        for key, block in data.items():
            if key == OPENING:
                out[key] = self.opening(block)
                continue
            theme = self.cat.themes.get(key)
            if theme is None:
                self.bad((key,), f"句式表里的主题“{key}”不存在。", _near(key, self.cat.themes, "主题"), at_key=True)
                continue
            out[key] = self.theme(key, block)
        return out

    def opening(self, block) -> tuple[str, ...]:
        """The 开头 entry: the opening paragraph's items (form/opening), each checked."""
        if not isinstance(block, list) or not block:
            self.bad((OPENING,), "“开头”下面应一行一项写开头段的句子，每行以“- ”开头。", opening.HINT)
            return ()
        items = []
        for i, item in enumerate(block):
            found = opening.problem(item, self.src.written_from((OPENING, i)))
            if found:
                self.bad((OPENING, i), *found)
                continue
            items.append(item)
        late = opening.after_the_end(block)
        if late is not None:
            self.bad((OPENING, late), *opening.AFTER_THE_END)
        return tuple(items)

    def theme(self, key: str, block) -> tuple[Sentence, ...]:
        if block is None or block == [] or block == {}:
            return ()  # this theme writes no figure sentences
        if not isinstance(block, dict):
            self.bad(
                (key,),
                f"主题“{key}”下面应按数据组写句子（“数据组名:”，下面一行一项），这里写的是{_kind(block)}。",
                "例如：\n      行政复议:\n        - 全年收到行政复议申请{收到申请.带同比}",
            )
            return ()
        groups = self.cat.themes[key].groups
        sentences = []
        for group, items in block.items():
            if group not in groups:
                self.bad((key, group), f"主题“{key}”没有数据组“{group}”。", _near(group, groups, "这个主题的数据组"), at_key=True)
                continue
            sentences += self.group(key, group, items)
        return tuple(sentences)

    def group(self, key: str, group: str, items) -> list[Sentence]:
        if items is None:
            return []
        if not isinstance(items, list):
            self.bad(
                (key, group),
                f"数据组“{group}”下面应一行一项，每行以“- ”开头，这里写的是{_kind(items)}。",
                "例如：\n        - 全年收到行政复议申请{收到申请.带同比}\n        - 依法受理{受理}",
            )
            return []
        sentences: list[Sentence] = []
        current: list[Choice] = []
        paths: list[tuple] = []
        printed: set[tuple[str, str, str, str]] = set()  # what the items written whatever the figures print
        maybe: set[tuple[str, str, str, str]] = set()  # what the 如果 items print when their condition holds
        conditional: list[tuple[tuple[Test, ...], set]] = []  # each 如果 item's tests and what it prints
        for i, item in enumerate(items):
            if isinstance(item, str) and item.strip() and set(item.strip()) <= _END_MARKS:
                if current:
                    self.based(key, current, paths)
                    sentences.append(Sentence(group, tuple(current)))
                current, paths = [], []
                continue
            before: tuple = current[-1].pieces if current and not current[-1].tests else ()  # not one that may not be written
            # the previous item's last figure, when nothing but a closing bracket follows it
            # (纠错率（{纠错率}） then （上年{纠错率.上年}）: the same rate again)
            tail = before[-1] if before and isinstance(before[-1], str) and not before[-1].strip("）) ") else None
            last = before[-2] if tail is not None and len(before) >= 2 else before[-1] if before else None
            self.slot_before = last if isinstance(last, Slot) else None
            self.figure_before = next((p for p in reversed(before) if isinstance(p, Slot)), None)
            self.slots_before = [p for c in current if not c.tests for p in c.pieces if isinstance(p, Slot)]
            self.sentence_names = [p.name for p in self.slots_before if p.attr not in ("同比", "上年")]
            self.words_before = "，".join("".join(p for p in c.pieces if isinstance(p, str)) for c in current if not c.tests)
            choice = self.choice(key, group, item, (key, group, i))
            self.slot_before = self.figure_before = None
            self.sentence_names, self.slots_before, self.words_before = [], [], ""
            if choice is not None:
                # a 如果 item's every branch is held against the items written whatever the
                # figures (纠错率{纠错率} … 否则: 纠错率{纠错率}); only those are remembered
                branch: Choice | None = choice
                slots: set[tuple[str, str, str, str]] = set()
                within = None  # a figure said twice inside the item itself
                while branch is not None:
                    slots |= _labelled(branch.pieces)
                    within = within or _said_twice(branch.pieces)
                    branch = branch.otherwise
                # (其中{普法活动} after 开展普法活动{普法活动}: a figure under no words of its own is
                # the same statement again, whatever the words before it said)
                # a plain item is held against the 如果 items before it too (如果…写: 作出纠错决定{纠错}
                # then 作出纠错决定{纠错}: said twice whenever the condition holds)
                held = printed if choice.tests else printed | maybe
                again = within or next((s for s in slots if s in held or (not s[3] and any(p[:3] == s[:3] for p in held))), None)
                both = None
                if again is None and choice.tests:
                    # two 如果 items that may both hold (纠错 > 10, 纠错 > 5) would write it twice;
                    # only one the other's exact opposite (纠错 > 10 / 纠错 <= 10) may write it again
                    both = next(
                        (s for s in slots for t, seen in conditional if s[:3] in {p[:3] for p in seen} and not _opposite(t, choice.tests)),
                        None,
                    )
                if both is not None:
                    self.bad(
                        (key, group, i),
                        f"这一项和前面写“{both[1]}”的一项，条件可能同时成立，报告里会把“{both[1]}”写两次。",
                        "要按数换说法，请把这一项的写法放进前一项的“否则”里，或把两个条件写成正好相反的（如“纠错 > 10”和“纠错 <= 10”）。",
                    )
                    choice = None
                elif again is not None:
                    # 审结{审结} twice: the report would say the same figure twice in a row
                    what = f"“{again[1]}”{'的同比' if again[2] == '同比' else ''}"
                    self.bad(
                        (key, group, i),
                        f"这一项里写了两次{what}，报告里会重复。"
                        if within
                        else f"这一项又写了一次{what}，前面的项已经写过它，报告里会重复。",
                        "请删去其中一处；同一个数在一组里只写一次。" if within else "请删去重复的这一项；同一个数在一组里只写一次。",
                    )
                    choice = None
                elif not choice.tests:
                    printed |= slots
                else:
                    maybe |= slots
                    conditional.append((choice.tests, slots))
            if choice is not None and not sentences and not current and _opens_with_part(choice):
                # 其中败诉{败诉} first in 行政应诉: nothing of its group before it is its whole, and
                # the report would read it as the group's before (行政复议)
                self.bad(
                    (key, group, i),
                    f"“{group}”的第一项以“其中”开头，前面没有这一组的总数，报告里会读成上一组的一部分。",
                    "请在它前面加上这一组的总数一项（如这一组的案件数），或删去“其中”。",
                )
                choice = None
            if choice is not None:
                current.append(choice)
                paths.append((key, group, i))
        if current:
            self.based(key, current, paths)
            sentences.append(Sentence(group, tuple(current)))
        return sentences

    def based(self, key: str, choices: list[Choice], paths: list[tuple]) -> None:
        """A rate printed in a sentence that states its numerator states its base too (纠错
        and 纠错率 with 审结), before the rate and whatever 如果 chooses: else a reader, and
        check, take another count of the sentence (受理) for its base and find it wrong. A base
        counts as written when its own branch writes it before the rate, or an earlier item
        writes it in every branch (a base only in a 如果 that may not hold is not written)."""
        groups = self.cat.themes[key].groups
        said = {(s.group, s.name) for c in choices for s in _slots(c)}
        sure: set[tuple[str, str]] = set()  # written by earlier items whichever branch they take
        seen: list[tuple[str, str]] = []  # every slot of earlier items, any branch
        listing: tuple[str, str] | None = None  # the whole of the 其中 list the sentence is in, if any
        for choice, item_path in zip(choices, paths):
            for branch, path in _branch_paths(choice, item_path):
                before = list(seen)
                text = ""  # the words of this branch before the piece
                for piece in branch.pieces:
                    if not isinstance(piece, Slot):
                        text += piece
                        continue
                    rate = groups[piece.group].rates.get(piece.name)
                    share = _SHARE_OF.search(text) if rate is not None else None
                    assert share is None or rate is not None
                    # the count before 占 (败诉{败诉}，占审结案件{审结}的{败诉率}: 败诉, not 审结)
                    k = len(seen) + text[: share.start()].count(_SLOT_MARK) - 1 if share else -1
                    respective = re.search(r"(?:分别|依次)\s*$", text[: share.start()]) if share else None  # 分别占…的{纠错率}、{…}
                    if share and rate and k >= 0 and not respective and before[k] != (piece.group, rate.numerator):
                        # 以调解方式结案41件，占审结案件的{纠错率}: read as the share of the count before it
                        self.bad(
                            path,
                            f"“占……的{{{piece.name}}}”接在{before[k][1]}后面，读者会当成{before[k][1]}所占的比例，"
                            f"而{piece.name}是{rate.numerator}所占的比例。",
                            f"请把这一项紧接在{rate.numerator}后面（如“{rate.numerator}{{{rate.numerator}}}”之后），"
                            f"或写成“{piece.name}{{{piece.name}}}”。",
                        )
                        return
                    whole = before[-1] if before and re.search(r"其中[^，。；、]*$", text.split(_SLOT_MARK)[-1]) else None
                    if whole and whole[0] == piece.group and piece.name in groups[whole[0]].figures.get(whole[1], _NO_FIGURE).within:
                        # 受理{受理}，其中收到申请{收到申请}: 其中 makes it a part of what it bounds
                        self.bad(
                            path,
                            f"“其中”把{piece.name}写成了{whole[1]}的一部分，但{whole[1]}本身是{piece.name}中的一部分"
                            f"（{whole[1]}不会多于{piece.name}），报告里会出现部分大于整体。",
                            f"请去掉“其中”，或把{piece.name}写在{whole[1]}前面、再写“其中{whole[1]}”。",
                        )
                        return
                    counted = [(g, n) for g, n in before if n in groups[g].figures]  # the counts, not rates
                    if whole and counted and counted[-1][0] != piece.group:
                        # 收到行政复议申请{收到申请}，其中败诉{行政应诉.败诉}: of another group, no part of it
                        self.bad(
                            path,
                            f"“其中”把{piece.group}的{piece.name}写成了{counted[-1][0]}的{counted[-1][1]}的一部分，"
                            "两者是不同的事，报告里会把它们混成一件。",
                            f"请去掉“其中”，把{piece.name}另写一句，或写在{piece.group}的数后面。",
                        )
                        return
                    outside = _not_a_part(groups[piece.group], before, piece.name) if whole else None
                    if outside:
                        # 另在受理前协商化解争议{受理前化解}，其中纠错{纠错}: read as a part of what it is not
                        self.bad(path, *outside)
                        return
                    if whole:
                        listing = whole
                    elif (
                        listing
                        and listing[0] == piece.group
                        and not SET_APART.search(text)
                        and (off := off_the_list(groups[piece.group], listing[1], piece.name))
                    ):
                        self.bad(path, *off)  # 审结{审结}，其中纠错{纠错}，调解和解{调解和解}，受理前化解{受理前化解}
                        return
                    text += _SLOT_MARK
                    if rate is not None and (piece.group, rate.numerator) in said:
                        unit = groups[piece.group].figures[rate.numerator].unit
                        written = sure | set(before[len(seen) :])
                        others = [
                            n
                            for g, n in [*before, *sorted(said - set(before))]
                            if g == piece.group
                            and n not in (rate.numerator, *rate.denominator)
                            and n in groups[g].figures
                            and groups[g].figures[n].unit == unit
                        ]
                        # another count of the sentence, before the rate or after it, is what a
                        # reader (and check) takes for its base (收到申请, 受理; 以调解、和解方式
                        # 结案 after it) when the base is not surely written before the rate
                        if others and not any((piece.group, d) in written for d in rate.denominator):
                            base = "、".join(rate.denominator)
                            only_if = any((piece.group, d) in before for d in rate.denominator)
                            self.bad(
                                path,
                                f"这一句写了{rate.numerator}和{piece.name}，却没有在{piece.name}前面写它的基数“{base}”"
                                + ("（只在“如果”成立时才写，或和同比、上年写在一项里：上年数据没填时整项不写）" if only_if else "")
                                + "，读者会拿这一句里别的数去核算，算出来对不上。",
                                f"请在{piece.name}前面加上一项，如“{base}{{{rate.denominator[0]}}}”（不放在“如果”里），"
                                f"或删去 {{{piece.name}}}。",
                            )
                            return
                    before.append((piece.group, piece.name))
            branches = _branches(choice)
            seen += [(s.group, s.name) for s in _slots(choice)]
            # some branch is always written: what all of them write is sure; not an item that also
            # prints last year's (审结{审结}，{审结.同比}): without 上年数据 it is not written at all
            if not branches[-1].tests and not any(isinstance(p, Slot) and p.attr in _LAST_YEAR for b in branches for p in b.pieces):
                sure |= set.intersection(*({(p.group, p.name) for p in b.pieces if isinstance(p, Slot)} for b in branches))

    def choice(self, key: str, group: str, item, path: tuple) -> Choice | None:
        if isinstance(item, str):
            pieces = self.text(key, group, item, path)
            return None if pieces is None else Choice((), pieces, None)
        if (
            isinstance(item, dict) and len(item) == 1 and next(iter(item.values())) is None and next(iter(item)) not in _KEYS
        ):  # - {收到申请}: YAML read a mapping
            self.bad(
                path,
                f"这一项被读成了“{next(iter(item))}: ”：以“{{”开头的一项要给整项加上英文引号。",
                f'请写成 - "{{{next(iter(item))}}}……"。',
            )
            return None
        line, typed = self.typed(path)
        if isinstance(item, dict) and typed.startswith("{{") and not any(k in _KEYS for k in item):
            # - {{收到申请}}: YAML read a mapping whose key is a mapping (a Jinja habit)
            inner = re.match(r"\{\{\s*([^{}]*?)\s*\}\}", typed)
            slot = "{" + inner.group(1) + "}" if inner and inner.group(1) else "{数据名}（如 {收到申请}）"
            if line is not None:
                self.said_lines.add(line)
            quoted = slot if inner and inner.group(1) else "{收到申请}"
            self.bad(
                path,
                f"这一项以“{{{{”开头，被读成了“名称: 内容”，不是一句话：句子里的数据只用一层大括号，写作 {slot}。",
                f'请写成 - "{quoted}……"：以“{{”开头的一项要给整项加上英文引号。',
            )
            return None
        if not isinstance(item, dict):
            self.bad(
                path,
                f"这一项应是一段文字，或“如果”“写”“否则”三行，这里写的是{_kind(item)}。",
                "文字里有“:”“#”或以“{”“[”开头时，请给整段加上英文引号。",
            )
            return None
        unknown = [k for k in item if k not in _KEYS]
        if unknown:
            self.bad(path + (unknown[0],), f"这一项里的“{unknown[0]}”看不懂。", "按数字换说法时只写“如果”“写”“否则”三行。", at_key=True)
            return None
        if not isinstance(item.get("写"), str) or not item["写"].strip():
            self.bad(
                path + (("写",) if "写" in item else ()),
                "按数字换说法的一项要有“写”：条件成立时写的句子。"
                if "写" not in item
                else "“写”后面是空的。"
                if isinstance(item["写"], str) or item["写"] is None
                else "“写”后面应是一段文字（以“{”开头时要给整段加上英文引号）。",
                "例如：\n        - 如果: 败诉 = 0\n          写: 未发生败诉案件\n"
                "          否则: 败诉{败诉}、败诉率{败诉率}\n条件不成立时什么也不写，就不要“否则”这一行。",
            )
            return None
        if "如果" not in item:
            self.bad(path, "这一项有“写”却没有“如果”：不知道什么时候这样写。", _CONDITION_HINT)
            return None
        tests = self.condition(key, group, item["如果"], path + ("如果",))
        pieces = self.text(key, group, item["写"], path + ("写",))
        otherwise = None
        if "否则" in item:
            if item["否则"] is None or isinstance(item["否则"], str) and not item["否则"].strip():
                self.bad(path + ("否则",), "“否则”后面是空的。", "条件不成立时什么也不写，就删去“否则”这一行。")
                return None
            otherwise = self.choice(key, group, item["否则"], path + ("否则",))
            if otherwise is None:
                return None
        if tests is None or pieces is None:
            return None
        return Choice(tests, pieces, otherwise)

    def text(self, key: str, group: str, text: str, path: tuple) -> tuple | None:
        """An item's wording, as pieces; the slips YAML lets through named."""
        try:
            _check_wording(text)
            words = text.strip().strip(_TRIMMED)
            _check_pairs(words)
            pieces = _pieces(words, lambda slot: self.slot(key, group, slot))
            self.no_unit_twice(key, pieces)
            _nothing_joined_before(pieces)
            self.rate_named_right(key, pieces)
            self.beside_its_figure(key, pieces)
            _each_given(pieces)
            return pieces
        except _Bad as err:
            self.bad(path, err.message, err.hint)
            return None

    def no_unit_twice(self, key: str, pieces: tuple) -> None:
        """{纠错}件 would print 18件件: a figure's text carries its unit (a rate its %), and
        a unit, 万 or % right after any slot ({收到申请}万 → 162件万, {收到申请.带同比}件 →
        …17.4%件) reads as part of the figure."""
        groups = self.cat.themes[key].groups
        for slot, after in zip(pieces, pieces[1:]):
            if not isinstance(slot, Slot) or not isinstance(after, str):
                continue
            group = groups[slot.group]
            unit = group.figures[slot.name].unit if slot.name in group.figures else "%"
            if unit and after.startswith(unit) and slot.attr not in ("同比", "带同比"):
                raise _Bad(f"{{{slot.name}}} 写出来已经带着单位（如“18{unit}”），后面的“{unit}”就重复了。", f"请删去花括号后面的“{unit}”。")
            m = _AFTER_FIGURE.match(after)
            if m:
                shown = slot.name + (f".{slot.attr}" if slot.attr else "")
                raise _Bad(
                    f"{{{shown}}} 写出来已经是一个完整的数（如“18{unit}”“同比增长17.4%”），"
                    f"紧跟在后面的“{m.group(1)}”会读成这个数的一部分。",
                    f"请删去花括号后面的“{m.group(1)}”；数字自带单位。",
                )
        for first, second in zip(pieces, pieces[1:]):
            if isinstance(first, Slot) and isinstance(second, Slot):  # {收到申请}{受理} → 162件151件
                one, two = (s.name + (f".{s.attr}" if s.attr else "") for s in (first, second))
                raise _Bad(
                    f"{{{one}}} 和 {{{two}}} 紧挨着，报告里两项会连在一起，读不出各是什么（两个数会连成一个数）。",
                    "请在两个花括号之间写上文字或标点，如“收到{收到申请}，受理{受理}”。",
                )

    def beside_its_figure(self, key: str, pieces: tuple) -> None:
        """A figure's 同比 or 上年 is read as the figure's it stands beside: 受理{受理}，
        {收到申请.同比} reads as 受理's change, 审结{审结}（上年{纠错率.上年}） as 审结's last
        year, 较上年{受理.同比} opening a sentence as the figure after it. So a 同比 follows its
        own figure, a 上年 comes in a sentence that states its figure (由{X.上年}提高到{X}), or
        their words name it (收到申请{收到申请.同比}, 审查件数{审查文件.同比}); a rate's change
        (个百分点) right after a count is no more the rate's than a count's after a rate."""
        groups = self.cat.themes[key].groups

        def rate(slot: Slot) -> bool:
            return slot.name in groups[slot.group].rates

        previous, between, said = self.figure_before, "", list(self.sentence_names)
        trail = list(self.slots_before)  # the sentence's figures up to ``previous``
        listed = self.each_in_order(pieces, said)
        so_far = self.words_before
        for i, piece in enumerate(pieces):
            if not isinstance(piece, Slot):
                between += piece
                so_far += piece
                continue
            shown = "{" + f"{piece.name}.{piece.attr}" + "}"
            if piece.attr == "上年" and not LAST_SAID.search(so_far):
                raise _Bad(*last_unsaid(piece.name, shown))
            if piece.attr == "同比" and not names(between, piece.name):
                if previous is None:
                    raise _Bad(
                        f"{shown} 前面没有写“{piece.name}”的数，也没有写它的名称，报告里会读成后面那个数的同比。",
                        f"请写成 {{{piece.name}.带同比}}（数加同比），或在前面写明名称，如“{piece.name}{shown}”。",
                    )
                if previous.name != piece.name:  # 审结{审结}，{纠错率.同比}: check calls it 百分点误用 of 审结
                    raise _Bad(
                        f"{shown} 是“{piece.name}”的同比，却紧跟在 {{{previous.name}}} 后面，报告里会读成{previous.name}的同比。",
                        f"请写成 {{{piece.name}.带同比}}（数加同比），或在前面写明名称，如“{piece.name}{shown}”。",
                    )
            if piece.attr == "同比" and SAID_CHANGE.search(between):
                raise _Bad(
                    f"{shown} 写出来已经是“同比增长12.3%”“同比减少5%”这样的说法，前面的“{SAID_CHANGE.search(between).group()}”"  # type: ignore[union-attr]
                    "就重复了，数减少时还会写成“增长……减少”。",
                    f"请删去 {shown} 前面的“同比”“增长”这类词，直接写 {shown}。",
                )
            if piece.attr == "上年" and (words := printed_as_change(between, piece.name)):
                # 较上年减少{受理.上年}: last year's figure read as the change
                raise _Bad(
                    f"“{words}”后面写的是 {shown}，“{piece.name}”上年的数，报告里会读成比上年增减了这么多。",
                    f"请删去“{words}”：要写增减，改用 {{{piece.name}.同比}}；要写上年的数，写成“上年为{shown}”。",
                )
            if piece.attr not in ("同比", "上年") and (words := printed_as_change(between, piece.name)):
                # 比上年增加{纠错}: this year's figure read as the change
                raise _Bad(
                    f"“{words}”后面写的是 {{{piece.name}}} 本年的数，报告里会读成比上年增减了这么多。",
                    f"请删去“{words}”：要写增减，改用 {{{piece.name}.同比}}（按本年和上年的数算出，自带“同比增长……”的说法）；"
                    "要写本年的数，只删去这几个字。",
                )
            beside = previous is not None and previous.name == piece.name  # 纠错率{纠错率}（上年{纠错率.上年}）
            if piece.attr == "上年" and i not in listed and not beside and not names(between, piece.name):
                later = any(isinstance(p, Slot) and p.name == piece.name and p.attr not in ("同比", "上年") for p in pieces[i + 1 :])
                if not later:  # 由{纠错率.上年}降低到{纠错率}: its figure right after it
                    where = f"紧跟在 {{{previous.name}}} 后面" if previous is not None else "前面没有写它本年的数"
                    raise _Bad(
                        f"{shown} 是“{piece.name}”上年的数，却{where}，也没有写它的名称，报告里会读成别的数的上年数。",
                        f"请紧跟在 {{{piece.name}}} 的后面写，或在前面写明名称，如“{piece.name}上年为{shown}”。",
                    )
            if previous is not None and piece.attr not in ("同比", "上年") and not rate(piece) and PART_LEAD.search(between):
                # 审结案件上年为{审结.上年}，其中纠错{纠错}; 败诉率{败诉率}，其中败诉{败诉}
                figures = [
                    (
                        (p.group, p.name),
                        p.name,
                        p.attr if p.attr in ("同比", "上年") else "",
                        rate(p),
                        "{" + p.name + (f".{p.attr}" if p.attr else "") + "}",
                    )
                    for p in trail
                ]
                wrong = part_after(piece.name, figures)
                if wrong:
                    raise _Bad(*wrong)
            if piece.attr not in ("同比", "上年"):
                said.append(piece.name)
            previous, between = piece, ""
            trail.append(piece)
        if previous is not None and previous.attr not in ("同比", "上年"):
            # 开展法治督察{督察次数}，比上年增加3次 (or ，上年为100件): a change or last year's figure
            # the table says whatever the figures are
            typed = typed_after(previous.name, between, "{" + previous.name + ".同比}", "{" + previous.name + ".上年}")
            if typed is not None:
                raise _Bad(*typed)

    @staticmethod
    def each_in_order(pieces: tuple, said: list[str]) -> set[int]:
        """上年分别为{受理.上年}、{审结.上年}: each of last year's figures after 分别为/依次为 is
        read against the names said before, in order; so there are two or more, of figures the
        sentence states, in the order it states them. The places of those in ``pieces``."""
        out: set[int] = set()
        for i, piece in enumerate(pieces):
            if not (isinstance(piece, str) and EACH.search(piece)) or i + 1 >= len(pieces):
                continue
            listed = [p for p in pieces[i + 1 :] if isinstance(p, Slot)]
            listed = listed[: next((k for k, p in enumerate(listed) if p.attr != "上年"), len(listed))]
            if not listed:
                continue
            here = [p.name for p in pieces[:i] if isinstance(p, Slot) and p.attr not in ("同比", "上年")]
            stated = list(dict.fromkeys(said + here))
            names = [p.name for p in listed]
            if len(listed) < 2 or [n for n in stated if n in names] != names:
                raise _Bad(
                    f"“{piece.strip()}”后面的上年数（{'、'.join(names)}）要和这一句前面写的数一一对应、次序相同"
                    f"（前面依次是：{'、'.join(stated) or '没有数'}）。",
                    "请按前面写数的次序逐个写上年数，如“依法受理{受理}，审结{审结}，上年分别为{受理.上年}、{审结.上年}”；只有一个数时写“上年为{…}”。",
                )
            out |= {k for k, p in enumerate(pieces) if k > i and isinstance(p, Slot) and p in listed}
        return out

    def rate_named_right(self, key: str, pieces: tuple) -> None:
        """结案率{纠错率} would print the 纠错率 after the word 结案率: the words right before a
        slot that end with a rate's name (…率, then perhaps 为/达/：) must name that slot's
        own rate — its name, or the end of it (成功率 for 调解成功率), or end with it; and a
        rate's slot must follow a rate's name (not 占比{纠错率}, read as a share)."""
        groups = self.cat.themes[key].groups
        listed: list[str] = []  # 结案率和纠错率分别为{结案率}和{纠错率}: the names the slots take in turn
        names: list[str] = []  # the last such list, for 上年分别为{结案率.上年}、{纠错率.上年}
        for at, (before, slot) in enumerate(zip([None, *pieces], pieces)):
            if not isinstance(slot, Slot):
                continue
            is_rate = slot.name in groups[slot.group].rates
            each = _RATES_EACH.search(before) if isinstance(before, str) else None
            if each is None and names and isinstance(before, str) and _LAST_EACH.fullmatch(before):
                each, listed = _LAST_EACH.fullmatch(before), list(names)
            elif each:  # split after each 率 only: 调解和解率 is one name
                listed = [n for n in re.split(r"(?<=率)(?:[和、及与]|以及)", each.group(1)) if n]
                names = list(listed)
                given = len([p for p in pieces[at:] if isinstance(p, Slot)])
                if given < len(listed):
                    raise _Bad(
                        f"“{each.group(1)}”是{len(listed)}个比率，后面只写了{given}个数据，报告会说它们都是这个数。",
                        "“分别为”后面的数据要和前面的比率名称一样多，一一对应。",
                    )
            if listed and isinstance(before, str) and (each or re.fullmatch(r"\s*[和、及与，,；;]\s*", before)):
                word = listed.pop(0)
                if is_rate and (slot.name.endswith(word) or word.endswith(slot.name)):
                    continue
                shown = "{" + ".".join(p for p in (slot.name, slot.attr) if p) + "}"
                raise _Bad(
                    f"“{'、'.join(names) if each else word}”分别对应的这一个是“{word}”，这里写的 {shown} 是“{slot.name}”。",
                    "“分别为”后面的数据要和前面的比率名称一一对应、次序相同。",
                )
            listed = []
            m = _RATE_WORD.search(before) if isinstance(before, str) else None
            again = pieces[at - 2] if at >= 2 else self.slot_before if at == 1 else None
            if (
                is_rate
                and not m
                and isinstance(again, Slot)
                and again.name == slot.name
                and isinstance(before, str)
                and _SAID_AGAIN.fullmatch(before)
            ):
                continue  # the same rate again: 纠错率为{纠错率}，上年为{纠错率.上年} (one item or two); 由{…上年}降低到{…}
            if is_rate and slot.attr != "同比" and not m:
                if isinstance(before, str) and _RATE_NOTED.search(before):
                    continue
                said_so_far = "".join(p for p in pieces[:at] if isinstance(p, str))
                if slot.attr == "上年" and _LAST_LISTED.search(said_so_far):
                    continue  # 上年分别为{审结.上年}、{败诉.上年}、{败诉率.上年}: in the sentence's order (each_in_order)
                said = "".join(p if isinstance(p, str) else _SLOT_MARK for p in pieces[:at])  # 占审结案件{审结}的{败诉率}
                of = _SHARE_OF.search(said)
                rate = groups[slot.group].rates[slot.name]
                last = next((p for p in reversed(pieces[:at]) if isinstance(p, Slot)), self.figure_before)
                if of and any(d in of.group(1) or d[:2] in of.group(1) for d in rate.denominator):
                    if last is None:  # 占审结案件的{纠错率} opening the sentence: a share of nothing said
                        raise _Bad(
                            f"“占……的{{{slot.name}}}”要紧跟在“{rate.numerator}”的数后面，这里前面没有数，读者不知道占的是哪个数。",
                            f"请把这一项放在 {{{rate.numerator}}} 的后面，或写明比率的名称，如“{slot.name}为{{{slot.name}}}”。",
                        )
                    continue  # 败诉{败诉}，占审结案件的{败诉率}: the rate named by its own base
                # 占比{纠错率}, （{纠错率}）: a reader (and check) takes the figure for a share of
                # the count before it, which the rate is not (纠错 ÷ 审结, not ÷ 收到)
                shown = "{" + ".".join(p for p in (slot.name, slot.attr) if p) + "}"
                base = "、".join(rate.denominator)
                raise _Bad(
                    f"{shown} 前面没有写比率的名称，读者会把它当成占前面某个数的比例，不一定按“{rate.numerator}÷{base}”去算。",
                    f"请在 {shown} 前面写上比率的名称，如“{slot.name}{shown}”或“{slot.name}为{shown}”。",
                )
            if not m:
                continue
            word, name = m.group(1), slot.name
            if is_rate and _names_rate(word, name, groups[slot.group].rates[name].numerator):
                continue
            shown = "{" + ".".join(p for p in (slot.name, slot.attr) if p) + "}"
            if is_rate:
                raise _Bad(
                    f"“{word}”后面的 {shown} 是“{name}”，报告里会在“{word}”后面写出{name}的数字。",
                    f"请把 {shown} 改成“{word}”对应的比率，或把“{word}”改成“{name}”。",
                )
            raise _Bad(
                f"“{word}”后面的 {shown} 是计数，不是比率，报告里会写成“{word}18件”这样。",
                f"请在“{word}”后面写比率（如 {{{word}}}，若数据组里有这个比率），或删去“{word}”。",
            )

    def condition(self, key: str, group: str, text, path: tuple) -> tuple[Test, ...] | None:
        if not isinstance(text, str) or not text.strip():
            self.bad(path, "“如果”后面应是一个条件。", _CONDITION_HINT)
            return None
        tests = []
        text = re.sub(r"\s+", " ", text.strip())
        try:
            if len(text) > MAX_ITEM:
                raise _Bad(f"条件太长（超过 {MAX_ITEM} 字）。", _CONDITION_HINT)
            if re.search(r"或|或者|\bor\b", text):
                raise _Bad(f"条件“{text}”里有“或”：条件只能用“且”连接。", "“或”的意思请拆成两项来写：每项一个“如果”。")
            if re.search(r"=>|=<|≧|≦|<>", text):
                raise _Bad(f"条件“{text}”里的比较符号看不懂。", _CONDITION_HINT)
            for part in _AND.split(text):
                if not part.strip():  # 普法活动 > 0 且 / 且 且
                    raise _Bad(f"条件“{text}”里的“且”前面或后面少了一个条件。", _CONDITION_HINT)
                m = _COMPARE.match(part)
                if not m:
                    raise _Bad(f"条件“{part}”看不懂。", _CONDITION_HINT)
                left, op, right = m.groups()
                if _COMPARE.match(right):  # 普法活动 > 受众 > 0
                    raise _Bad(
                        f"条件“{part}”里有两个比较符号：一个条件只比较两样东西。", "几个条件用“且”连接，如“普法活动 > 受众 且 受众 > 0”。"
                    )
                if _NUMBER.match(left.strip()):
                    raise _Bad(f"条件“{part}”应把数据名写在前面。", _CONDITION_HINT)
                named = self.operand(key, group, left)
                if not isinstance(named, Slot):
                    raise _Bad(f"条件“{part}”应把数据名写在前面。", _CONDITION_HINT)
                test = Test(named, _OPS[op], self.operand(key, group, right))
                self.rate_against_percent(key, test, right)
                tests.append(test)
        except _Bad as err:
            self.bad(path, err.message, err.hint)
            return None
        return tuple(tests)

    def rate_against_percent(self, key: str, test: Test, right: str) -> None:
        """Both sides of one kind, or the test can never hold: 出庭应诉率 = 100 (a rate is 0 to 1
        inside: it is 100%), 纠错 = 18% (a count against a percentage), 纠错 = 纠错率."""

        def is_rate(slot: Slot) -> bool:
            return slot.name in self.cat.themes[key].groups[slot.group].rates

        slot = test.left
        percent = right.strip().endswith(("%", "％"))
        if isinstance(test.right, float) and is_rate(slot) and not percent:
            raise _Bad(f"“{slot.name}”是比率，要和带 % 的数比较。", f"例如“{slot.name} = 100%”。")
        if isinstance(test.right, float) and not is_rate(slot) and percent:
            raise _Bad(
                f"“{slot.name}”是件数，不能和带 % 的数比较，这个条件永远不成立。",
                f"件数和不带 % 的数比较，如“{slot.name} > 0”；比率才和带 % 的数比较。",
            )
        if isinstance(test.right, Slot) and is_rate(slot) != is_rate(test.right):
            count, rate = (test.right, slot) if is_rate(slot) else (slot, test.right)
            raise _Bad(
                f"“{count.name}”是件数，“{rate.name}”是比率，两者不能比较，这个条件永远不成立。",
                "请比较同一类的数：件数和件数，比率和比率（或比率和带 % 的数）。",
            )

    def operand(self, key: str, group: str, text: str) -> Slot | float:
        text = text.strip()
        if re.fullmatch(r"-?\.\d+%?", text):
            raise _Bad(f"数“{text}”要写成“0{text.lstrip('-')}”。", _CONDITION_HINT)
        if re.fullmatch(r"-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?%?", text):
            raise _Bad(f"数“{text}”里不要写千位分隔的逗号。", f"写成“{re.sub('[,，]', '', text)}”。")
        if _NUMBER.match(text):
            percent = text[-1] in "%％"
            value = float(text.rstrip("%％"))
            return value / 100 if percent else value
        slot = self.slot(key, group, text.strip("{}｛｝ "))
        if slot.attr not in ("", "上年"):
            raise _Bad(f"条件里的“{text}”不能比较：条件里只能写数据名（或“数据名.上年”）。", _CONDITION_HINT)
        return slot

    def slot(self, key: str, group: str, text: str) -> Slot:
        """``收到申请``, ``收到申请.同比``, ``行政应诉.败诉`` or ``行政应诉.败诉率.同比``."""
        parts = [p.strip() for p in text.replace("．", ".").split(".")]
        if not parts[0]:
            raise _Bad(
                "花括号里要写数据名，如 {收到申请}。" if text.strip() == "" else f"“{{{text}}}”看不懂。",
                "请在花括号里写数据名，或删去这对花括号。" if text.strip() == "" else _SLOT_HINT,
            )
        groups = self.cat.themes[key].groups
        if len(parts) >= 2 and parts[0] in groups and parts[0] not in _names(groups[group]):
            group, parts = parts[0], parts[1:]  # {行政应诉.败诉}: a figure of another group of the theme
        if len(parts) > 2:
            raise _Bad(f"“{{{text}}}”看不懂。", _SLOT_HINT)
        name, attr = parts[0], parts[1] if len(parts) > 1 else ""
        kinds = _names(groups[group])
        if name not in kinds:
            if "。" in name:
                raise _Bad(f"“{{{text}}}”里的“。”应是英文的点“.”。", _SLOT_HINT)
            raise _Bad(f"数据组“{group}”里没有数据“{name}”。", _near(name, kinds, f"数据组“{group}”的数据"))
        if attr not in ATTRIBUTES:
            raise _Bad(f"“{{{text}}}”里的“.{attr}”看不懂。", _SLOT_HINT)
        if attr == "约数" and kinds[name] == "rate":
            raise _Bad(f"比率“{name}”没有约数。", f"请直接写 {{{name}}}。")
        return Slot(group, name, attr)


# The name of a rate ending the words before a slot: 结案率, 结案率为, 成功率达到, 满意率：
# The words joining a rate's name to its figure: 为, 达到, 仅为, 约为, 下降至, 稳定在, 分别为, （, ” …
_RATE_LINK = (
    r"[”’」]?(?:(?:仅|约|仍|均|已|已经|始终|继续|分别|全年|同比|进一步|较上年|比上年|首次|首度|再次|则|也|亦|又|只|"
    r"依然|依旧|仍然|连续[\d一二两三四五六七八九十]*年)*"
    r"(?:(?:较低|较高|偏低|偏高|有所下降|有所上升|有所提高|有所降低|明显下降|明显提高|进一步下降|进一步提高)[，,]?)?"
    r"(?:为|是|有|达到|达|实现|达成|保持在|保持|稳定在|维持在|控制在|"
    r"提高到|提高至|提高为|提升到|提升至|提升为|上升到|上升至|上升为|升至|增至|"
    r"下降到|下降至|下降为|降到|降至|降为|降低到|降低至|降低为|高达|变为|变成|调整为|调整到)了?"
    r"|仅|：|:|（|\(|(?:由|从|比|较)(?:上年|去年|上一年度?)?(?:同期)?的?)?"
)
# Words before a rate's name that are no part of it: 其中整改率, 全年调解成功率
_RATE_OPENERS = lazy_re(r"^(?:其中|全年|全县|全区|全市|累计|合计|同时|总体|整体|综合|平均|本年度?|今年|年度|当年)+")
# A rate said again after its value: 纠错率为{纠错率}，上年为{纠错率.上年}; 由{纠错率.上年}降低到{纠错率}
_SAID_AGAIN = lazy_re(r"\s*[，,、；;（(]?\s*(?:(?:上年|去年|上一年度?|同期|上年同期)(?:同期)?(?:为|是)?|" + _RATE_LINK + r")\s*$")
# 上年分别为 after a 分别 list: the same names again, in turn
_LAST_EACH = lazy_re(r"\s*[，,；;（(]?\s*(?:上年|去年|上一年度?)(?:同期)?(?:分别|依次)(?:为|是)?\s*")
# A share of a named whole right before a rate's slot: 占审结案件的{败诉率}, 占发现问题的{整改率}
_SHARE_OF = lazy_re(r"占(?!比(?:例|重)?(?:为|达到|达|是|[：:])?\s*$)([^，。；]{1,24}?)的?\s*$")  # (纠错占比{纠错率}: the rate named)
# Names of rates listed before 分别为, each slot after taking the next name (结案率和纠错率分别为)


def _opens_with_part(choice: Choice) -> bool:
    """Does any wording of the item (its 写 or 否则) open with 其中?"""
    branch: Choice | None = choice
    while branch is not None:
        first = branch.pieces[0] if branch.pieces else ""
        if isinstance(first, str) and first.lstrip("，,、 ").startswith("其中"):
            return True
        branch = branch.otherwise
    return False


def _each_given(pieces: tuple) -> None:
    """收到申请、受理分别为{收到申请}: two names and one figure, which the report would give
    both (受理 would read 162件): refused, as for rates (rate_named_right)."""
    for at, before in enumerate(pieces):
        bare = EACH_ALONE.search(before) if isinstance(before, str) else None
        if bare and not NAMES_EACH.search(before) and any(isinstance(p, Slot) for p in pieces[at + 1 :]):
            # 受理{受理}，分别为{审结}、{纠错}: no names said before it, so nothing says what each is
            raise _Bad(
                f"“{bare.group().strip()}”前面没有列出名称，后面的几个数报告里读不出各是什么。",
                "请在“分别为”前面写出这几个数的名称，如“审结、纠错分别为{审结}、{纠错}”，或在每个数前面写它自己的名称。",
            )
        share = NAMES_SHARE.search(before) if isinstance(before, str) else None
        if share is not None:  # 纠错、调解和解分别占审结案件的{调解和解率}、{纠错率}
            rates = [p.name for p in pieces[at + 1 :] if isinstance(p, Slot)][: len(each_names(share.group(1)))]
            wrong = shares_swapped(share.group(1), rates)
            if wrong:
                raise _Bad(*wrong)
            continue
        each = NAMES_EACH.search(before) if isinstance(before, str) else None
        if each is None or "率" in each.group(1):
            continue  # rates are matched name by name in rate_named_right
        names = each_names(each.group(1))
        given = len([p for p in pieces[at + 1 :] if isinstance(p, Slot)])
        run = 0  # the figures right after it, joined by 、/和 alone
        for k in range(at + 1, len(pieces)):
            if isinstance(pieces[k], Slot):
                run += 1
            elif not JOINER.fullmatch(pieces[k]):
                break
        fix = "“分别为”后面的数据要和前面的名称一样多，一一对应，如“收到申请、受理分别为{收到申请}、{受理}”。"
        if given < len(names):
            raise _Bad(f"“{each.group(1)}”是{len(names)}项，后面只写了{given}个数据，报告会说它们都是这个数。", fix)
        if run > len(names):
            raise _Bad(f"“{each.group(1)}”是{len(names)}项，后面写了{run}个数据，多出的数报告里读不出是什么。", fix)
        wrong = each_swapped(names, [p.name for p in pieces[at + 1 :] if isinstance(p, Slot)][: len(names)])
        if wrong:
            raise _Bad(*wrong)


_RATES_EACH = lazy_re(r"((?:[\u3400-\u9fff]*?率(?:[和、及与]|以及))+[\u3400-\u9fff]*?率)(?:分别|依次)(?:为|是|达到|达)?\s*$")
_RATE_WORD = lazy_re(r"([\u3400-\u9fff]*(?:率|(?<![占的])比例|(?<=[\u3400-\u9fff])(?<![所的])占比))" + _RATE_LINK + r"\s*$")
# A rate's name with a note on how it is counted (满意率（含基本满意）{满意率}): named all the same.
_LAST_LISTED = lazy_re(r"(?:上年|去年)(?:同期)?(?:分别|依次)")  # 上年分别为: last year's figures in order
_RATE_NOTED = lazy_re(r"率（[^（）]{1,20}）" + _RATE_LINK + r"\s*$")
_LOOKS_LIKE_KEY = lazy_re(r"^\s*(如果|写|否则)\s*(：|:(?!\s))")
_NEXT_ITEM = lazy_re(r"\s-\s+\S")


def _check_wording(text: str) -> None:
    """What YAML reads as one item but a clerk meant otherwise."""
    m = _LOOKS_LIKE_KEY.match(text)
    if m:
        raise _Bad(
            f"“{m.group(1)}”后面的冒号{'是全角的“：”' if m.group(2) == '：' else '后面没有空格'}，这一项被当成了一段文字。",
            f"请写成“{m.group(1)}: ”（半角冒号加一个空格）。",
        )
    if "\n" in text:
        raise _Bad("一项里不能换行：换行会把句子分成两段。", "请把这一项写在一行里，或拆成两项（每项一行，以“- ”开头）。")
    if re.search(r"[\t\v\f\r]", text):
        raise _Bad("这一项里有制表符（Tab）之类的空白，报告里会原样印出一段空白。", "请删去它；词与词之间不用空格。")
    if _NEXT_ITEM.search(text):
        raise _Bad("这一项里有“ - ”：像是下一项的缩进多了几个空格，两项被连成了一项。", "同一组的各项要以“- ”开头并左对齐。")
    if len(text) > MAX_ITEM:
        raise _Bad(f"这一项太长（超过 {MAX_ITEM} 字）。", "一项是句子里的一小段，请拆成几项。")


def _check_pairs(text: str) -> None:
    """Every bracket or quote of an item closes inside it, in order (see _PAIRS)."""
    opened: list[tuple[str, int]] = []
    for at, ch in enumerate(text):
        if ch in _PAIRS:
            opened.append((ch, at))
        elif ch in _CLOSERS:
            if not opened or opened[-1][0] != _CLOSERS[ch]:
                raise _Bad(
                    f"这一项的第 {at + 1} 个字“{ch}”前面没有与它配对的“{_CLOSERS[ch]}”，报告里会印出一个不成对的括号或引号。",
                    f"请在这一项里补上“{_CLOSERS[ch]}”，或删去“{ch}”；括号和引号要在同一项里开、合。",
                )
            opened.pop()
    for straight in ('"', "'"):  # half-width quotes have no open and close: they go in pairs
        if text.count(straight) % 2:
            at = text.rfind(straight)
            raise _Bad(
                f"这一项的第 {at + 1} 个字“{straight}”没有与它配对的另一个，报告里会印出一个不成对的引号。",
                "请改用中文引号“”并成对写出，或删去它。",
            )
    if opened:
        ch, at = opened[-1]
        raise _Bad(
            f"这一项的第 {at + 1} 个字“{ch}”后面没有与它配对的“{_PAIRS[ch]}”，报告里会印出一个不成对的括号或引号。",
            f"请在这一项里补上“{_PAIRS[ch]}”，或删去“{ch}”；括号和引号要在同一项里开、合。",
        )


def _pieces(text: str, slot: Callable[[str], Slot]) -> tuple:
    """A pattern as literal text and slots. ``{{``/``}}`` (braces themselves) and a ``%s``-like
    code are refused: either would stand in the report as typed."""
    wide = _WIDE_BRACES.search(text)
    if wide:
        raise _Bad(f"“{wide.group()}”是全角的大括号，数据名要写在英文（半角）大括号里。", "请把 ｛收到申请｝ 改成 {收到申请}。")
    code = FORMAT_CODE.search(text)
    if code:
        raise _Bad(
            f"文字里的“{code.group()}”会原样印进报告：这里的数据名写在花括号里，不用“{code.group()}”。",
            "请删去它，要填数据的地方写数据名，如 {收到申请}。",
        )
    pieces: list[str | Slot] = []
    at = 0
    for m in _BRACES.finditer(text):
        if m.start() > at:
            pieces.append(text[at : m.start()])
        token = m.group()
        if token in ("{{", "}}"):
            # a report never holds a brace: {{收到申请}} meant a figure, {{}} a slot left empty
            raise _Bad(f"文字里的“{token}”会在报告里印出大括号，报告正文不用大括号。", "数据名写在一对 { } 里，如 {收到申请}，不要写两层。")
        elif token in ("{", "}"):
            raise _Bad("文字里的大括号不成对。", "数据名写在一对 { } 里，如 {收到申请}。")
        else:
            pieces.append(slot(m.group(1)))
        at = m.end()
    if at < len(text):
        pieces.append(text[at:])
    return tuple(pieces)


def _names(group) -> dict[str, str]:
    return {**{n: "figure" for n in group.figures}, **{n: "rate" for n in group.rates}}


# What may never follow a slot: a unit or measure word, 万/亿, % or ‰, 余/多 (the figure has its own),
# or a word making it approximate (左右, 以上): a figure of the form is exact.
_AFTER_FIGURE = lazy_re(r"[\s\u3000\"'”’」』]*" + JOINED_AFTER)  # a closing quote between: "{收到申请}"件 is 162件件
# What may never stand right before a slot: a digit or a sign (1{收到申请} prints 1162件), a
# numeral, or a word making the figure approximate or a bound (约, 近, 超过, 不足).
_BEFORE_FIGURE = lazy_re(JOINED_BEFORE + r"[\s\u3000]*$")


def _names_rate(word: str, name: str, numerator: str = "") -> bool:
    """Does ``word`` (the words before a slot, ending in 率, 比例 or 占比) name the rate ``name``:
    its name, the end of it (成功率 for 调解成功率) or ending with it, after words that qualify
    it (其中, 全年), 比例/占比 for 率, its characters in order (出庭率 for 出庭应诉率), or its
    numerator's name (负责人出庭率 for 出庭应诉率 = 负责人出庭 ÷ 开庭审理; 审结率 for 结案率)?"""
    word = _RATE_OPENERS.sub("", word)
    if word.endswith(("比例", "占比")):
        word = word[:-2] + "率"
    if numerator and word[:-1] == numerator:
        return True
    if name.endswith(word) or word.endswith(name):
        return len(word) >= 2
    chars = iter(name)
    return len(word) >= 3 and word[0] == name[0] and all(c in chars for c in word)


_LAST_YEAR = ("同比", "上年")  # a slot of these is missing when 上年数据 is: its item is not written
_NOW = {"": "今年", "带同比": "今年", "约数": "今年"}  # the attributes that print this year's value


def _labelled(pieces) -> set[tuple[str, str, str, str]]:
    """Each figure an item prints, with the words just before it when they make it a share's
    whole: (group, name, which value, those words). The same figure twice (审结{审结} … 审结
    {审结.带同比}, 受理{受理} … 依法受理{受理}) says it twice; as a share's whole (占审结案件
    {审结}的) it is a part of another statement. A figure's 同比 is said once whatever the
    words ({X.带同比} then 较上年{X.同比} says it twice)."""
    return set(_labels(pieces))


def _labels(pieces) -> list[tuple[str, str, str, str]]:
    """``_labelled`` in the item's order, a figure said twice in it listed twice."""
    out, words = [], ""
    for piece in pieces:
        if isinstance(piece, Slot):
            # under any words but a share's (占审结案件{审结}的: the whole again, in a share of
            # it) a figure says the same (依法受理{受理} after 受理{受理}, 结案率为{结案率} after
            # 结案率{结案率}, 分别为{结案率}和…)
            said = words.strip(_JOINING)
            label = (piece.group, piece.name, _NOW.get(piece.attr, piece.attr), said if "占" in said else "")
            out.append(label)
            if piece.attr in ("同比", "带同比") and label != (piece.group, piece.name, "同比", ""):
                out.append((piece.group, piece.name, "同比", ""))
            words = ""
        else:
            words += piece
    return out


def _not_a_part(group: Group, before: list[tuple[str, str]], part: str) -> tuple[str, str] | None:
    """其中{part} after the sentence's last count of its group (over any rate between): what
    the catalogue says is wrong with it (apart.part_problem), or None."""
    counts = [n for g, n in before if g == group.name and n in group.figures]
    if not counts or counts[-1] == part or part not in group.figures:
        return None
    return part_problem(group, counts[-1], part)


def _said_twice(pieces) -> tuple[str, str, str, str] | None:
    """The first figure (or 同比) one item says twice under the same words, if any."""
    seen: set[tuple[str, str, str, str]] = set()
    for label in _labels(pieces):
        if label in seen:
            return label
        seen.add(label)
    return None


_NO_FIGURE = FigureDef("", "", "", None, None, False, ())
_SLOT_MARK = "\ue0ff"  # where a slot stands in an item's words, when judging what precedes a rate


def _branches(choice: Choice) -> list[Choice]:
    """An item's wordings: its 写, then each 否则 in turn."""
    out = []
    branch: Choice | None = choice
    while branch is not None:
        out.append(branch)
        branch = branch.otherwise
    return out


_OPPOSITE = {">": "<=", "<=": ">", "<": ">=", ">=": "<", "=": "!=", "!=": "="}


def _opposite(one: tuple[Test, ...], other: tuple[Test, ...]) -> bool:
    """Are two 如果 conditions, of one test each, never true together (纠错 > 10 / 纠错 <= 10)?"""
    if len(one) != 1 or len(other) != 1:
        return False
    a, b = one[0], other[0]
    return a.left == b.left and a.right == b.right and _OPPOSITE.get(a.op) == b.op


def _branch_paths(choice: Choice, path: tuple) -> list[tuple[Choice, tuple]]:
    """Each of an item's wordings with where it stands in the phrase table: an item's 写
    (or the item itself when it has no 如果), then each 否则 in turn."""
    out = []
    branch: Choice | None = choice
    while branch is not None:
        out.append((branch, path + ("写",) if branch.tests else path))
        path, branch = path + ("否则",), branch.otherwise
    return out


def _slots(choice: Choice) -> Iterator[Slot]:
    """The slots of an item, its 否则 included."""
    for branch in _branches(choice):
        yield from (p for p in branch.pieces if isinstance(p, Slot))


def _nothing_joined_before(pieces: tuple) -> None:
    """A slot is printed whole and exact: nothing before it joins it or makes it approximate."""
    for before, slot in zip(pieces, pieces[1:]):
        if not isinstance(slot, Slot) or not isinstance(before, str):
            continue
        m = _BEFORE_FIGURE.search(before)
        if m:
            shown = slot.name + (f".{slot.attr}" if slot.attr else "")
            what = (
                "会和数字连在一起，读成另一个数"
                if re.match(r"[\d.．\-－+＋±一二三四五六七八九十百千万两]", m.group(1))
                else "会读成第几个（序数），不是多少"
                if m.group(1) == "第"
                else "会把表单里的准数说成约数或上下限"
            )
            raise _Bad(
                f"{{{shown}}} 前面紧挨着“{m.group(1)}”，{what}。",
                f"请删去花括号前面的“{m.group(1)}”，或在它和花括号之间写上文字；表单里的数照原样写出。",
            )


_SLOT_HINT = "花括号里写数据名，后面可以加 .同比、.带同比、.约数 或 .上年，如 {收到申请.带同比}；别的数据组的数据写“{数据组.数据名}”。"


def _near(word: str, options, what: str) -> str:
    near = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.5)
    listed = "、".join(options)
    return (f"是不是“{near[0]}”？" if near else "") + f"{what}有：{listed}。"


def _kind(value) -> str:
    if isinstance(value, str):
        return f"文字“{value[:20]}”"
    if isinstance(value, list):
        return "一列内容"
    if isinstance(value, dict):
        return "几组“名称: 内容”"
    return "一个数或真假值" if isinstance(value, (int, float)) else "别的内容"


def read_table(text: str, file: str, cat: Catalogue | None = None) -> PhraseTable:
    """One 句式.yaml, checked against the catalogue; every problem raised together."""
    try:
        src = load_text(text, file, "句式表")
    except FormError as err:
        raise TemplateProblems([_of_table(p) for p in err.problems()]) from None
    loaded = src.take_problems()
    reader = _Reader(src, cat or load_catalogue(), text.splitlines())
    table = reader.table(src.data)
    # an item said as typed in braces ({{收到申请}}) is not also said as a key YAML could not read
    problems = [_of_table(p) for p in loaded if not (p.where.line in reader.said_lines and p.severity == "错误")]
    problems += reader.problems
    if problems:
        raise TemplateProblems(problems)
    return table


def _of_table(problem: Problem) -> Problem:
    """A YAML problem as the reader of forms words it, told of the phrase table instead."""

    def said(text: str) -> str:
        return text.replace("drafter init 生成的表单", "自带的句式表（drafter templates copy default 文件夹 句式.yaml）").replace(
            "表单", "句式表"
        )

    return Problem(problem.where, said(problem.message), said(problem.hint), problem.severity, problem.rule)


# -- writing -------------------------------------------------------------------------


def _figure(figures, slot: Slot):
    return figures[slot.group].get(slot.name)


def _holds(test: Test, figures) -> bool | None:
    """Whether the test holds; None when a figure it compares was not given."""

    def value(side):
        if not isinstance(side, Slot):
            return side
        found = _figure(figures, side)
        if found is None:
            return None
        raw = found.上年 if side.attr == "上年" else found.值
        if raw is not None and isinstance(found, Rate) and not isinstance(test.right, Slot):
            # against a number: the rate as the report prints it (96.69% is “96.7%”)
            return float(numbers.percent(raw, found.digits).rstrip("%")) / 100
        return raw

    left, right = value(test.left), value(test.right)
    if left is None or right is None:
        return None
    close = abs(left - right) <= 1e-9 * max(1.0, abs(left), abs(right))
    return {
        "=": close,
        "!=": not close,
        ">": left > right and not close,
        "<": left < right and not close,
        ">=": left > right or close,
        "<=": left < right or close,
    }[test.op]


_PROPERTY = {"": None, "同比": "同比", "带同比": "带同比", "约数": "约数", "上年": "上年数"}  # Figure/Rate names


def _shown(found, attr: str) -> str:
    name = _PROPERTY[attr]
    return str(found) if name is None else str(getattr(found, name))


def _fill(choice: Choice | None, figures) -> tuple[str, bool]:
    """The item's text and whether it rests on figures; "" when a figure it needs (to show,
    or to test: 否则 must not claim what an unknown figure would contradict) is missing.
    Every figure is looked up before any is shown, so a 同比 left out never counts as used."""
    tested = False
    while choice is not None and choice.tests:
        held = [_holds(t, figures) for t in choice.tests]
        if None in held:
            return "", False
        tested = True
        if all(held):
            break
        choice = choice.otherwise
    if choice is None:
        return "", False
    found = {}
    for piece in choice.pieces:
        if isinstance(piece, Slot):
            figure = _figure(figures, piece)
            if figure is None or piece.attr in ("同比", "上年") and figure.上年 is None:
                return "", False
            found[piece] = figure
    text = "".join(_shown(found[p], p.attr) if isinstance(p, Slot) else p for p in choice.pieces)
    return text, (bool(found) or tested) and bool(text.strip())


def write(sentences: tuple[Sentence, ...], figures, groups: tuple[str, ...] = ()) -> str:
    """The theme's figure sentences; a sentence is written when one of its items states a
    figure, its items joined by “，” and closed by “。”. A sentence's leading item names the
    work its figures count (办理一审行政诉讼案件…); when it is not printed, the group's name
    leads instead (“行政应诉方面，审结52件。”), or the figures would read as the last
    sentence's (审结52件 right after the 行政复议 sentence)."""
    out = []
    for sentence in sentences:
        if groups and sentence.group not in groups:
            continue
        filled = [_fill(item, figures) for item in sentence.items]
        if not any(has for _, has in filled):
            continue
        kept = no_orphan_part([k for k in (t.strip().strip(_JOINING) for t, _ in filled) if k])
        if kept and not filled[0][0].strip().strip(_JOINING):
            kept.insert(0, f"{sentence.group}方面")
        if kept:  # an item in brackets ((上年5%)) stands right after the one before, with no “，”
            out.append(clauses(kept) + "。")
    return "".join(out)


def compared(table: PhraseTable) -> set[tuple[str, str, str]]:
    """(theme, group, figure) of every figure the table can print with its 同比 ({审结.带同比},
    {审结.同比}): last year's value of any other is used by no sentence."""
    out: set[tuple[str, str, str]] = set()
    for theme, sentences in table.items():
        if theme == OPENING:
            continue
        for sentence in sentences:
            for choice in sentence.items:
                while choice is not None:
                    out.update((theme, p.group, p.name) for p in choice.pieces if isinstance(p, Slot) and p.attr in ("同比", "带同比"))
                    choice = choice.otherwise
    return out


def builtin_compared(cat: Catalogue) -> set[tuple[str, str, str]]:
    """``compared`` of the bundled default phrase table."""
    from drafter.files.resources import builtin_templates

    path = builtin_templates() / "default" / PHRASE_FILE
    return compared(read_table(path.read_text(encoding="utf-8"), PHRASE_FILE, cat))


def merged_table(layers: Sequence[tuple[str, str, object]]) -> PhraseTable:
    """The layers' tables (top layer first), each theme taken from the highest that has it."""
    merged: PhraseTable = {}
    for text, file, _ in reversed(layers):
        merged.update(read_table(text, file))
    return merged


class PhraseBook:
    """The phrase table of one template folder: each layer's 句式.yaml (the clerk's over the
    default's), merged theme by theme, read again when a file changes.

    ``layers()`` gives, top layer first, (text, file shown to the clerk, key) for each layer
    that has the file; ``stamp()`` gives the keys alone, cheaply (to notice an edit)."""

    def __init__(self, layers: Callable[[], Sequence[tuple[str, str, object]]], stamp: Callable[[], tuple]):
        self._layers, self._stamp = layers, stamp
        self._key: tuple | None = None
        self._table: PhraseTable = {}

    def table(self) -> PhraseTable:
        key = self._stamp()
        if key != self._key:
            self._table, self._key = merged_table(self._layers()), key
        return self._table

    def __call__(self, theme=None, *groups) -> str:
        """``数据句子(t)``: theme t's figure sentences; ``数据句子(t, "行政复议")``: only
        those of the groups named."""
        if not isinstance(theme, ThemeEntry):
            raise TemplateError(
                "数据句子() 要给出一个主题，如 数据句子(t)。",
                "在 {% for t in 成效 %} 里写 {{ 数据句子(t) }}；第一责任人写 {{ 数据句子(第一责任人) }}。",
            )
        known = theme.数据._theme.groups
        for group in groups:
            if not isinstance(group, str):  # a name left without quotes (数据句子(t, 行政复议)): never printed as Python does
                raise TemplateError(
                    "数据句子() 在主题后面要写数据组的名称，名称要加引号。",
                    f'例如 数据句子(t, "{next(iter(known), "行政复议")}")；这个主题的数据组有：{"、".join(known)}。',
                )
            if group not in known:
                raise TemplateError(f"数据句子() 的数据组“{group}”不在主题“{theme.键}”里。", f"这个主题的数据组有：{'、'.join(known)}。")
        return write(self.table().get(theme.键, ()), theme.数据, tuple(groups))

    def opening(self, context) -> str:
        """``开头句子()``: the opening paragraph, by the form's 开头.句式 if it has one, else by
        the table's 开头 entry, with the unit, the year and its formulas filled in."""
        own = context.get("开头句式")  # (an empty one of the form's is refused before: pipeline.build)
        items = own if own else self.table().get(OPENING, ())
        text = opening.fill(items, context)
        if not text and items:  # every item named something the form leaves empty, or was a “。”
            raise TemplateError(
                f"按句式表（{PHRASE_FILE}）的“开头”写出的开头段一个字也没有：它的每一项都用到了"
                "这份表单没有的内容（如没填的主要成效、这一年没有的纲要），或只有“。”。",
                f"在句式表的“开头”里：{opening.EMPTY_HINT}",
            )
        return text


# -- the same sentences in Jinja (a theme file of its own starts from them) ----------------------


def as_jinja(sentences: tuple[Sentence, ...]) -> str:
    """The theme's sentences as template text with 句() and 项(), which print as the table does."""
    return (
        "\n".join(
            ("{{- " if i else "{{ ") + "句(" + ", ".join(_jinja_item(c) for c in s.items) + f', 主语="{s.group}方面") }}}}'
            for i, s in enumerate(sentences)
        )
        + "\n"
    )


def _jinja_item(choice: Choice | None) -> str:
    if choice is None:
        return '""'
    text = "".join(p.replace("{", "{{").replace("}", "}}") if isinstance(p, str) else "{}" for p in choice.pieces)
    args = [_jinja_slot(p) for p in choice.pieces if isinstance(p, Slot)]
    item = "项(" + ", ".join([_quoted(text), *args]) + ")"
    if not choice.tests:
        return item
    given = " and ".join(dict.fromkeys(g for t in choice.tests for g in _jinja_given(t)))
    tests = " and ".join(_jinja_test(t) for t in choice.tests)
    return f'(({item} if {tests} else {_jinja_item(choice.otherwise)}) if {given} else "")'


def _jinja_slot(slot: Slot, value: bool = False) -> str:
    base = f"t.数据.{slot.group}.{slot.name}"
    if value:
        return base + (".上年" if slot.attr == "上年" else ".值")
    return base + (f".{_PROPERTY[slot.attr]}" if _PROPERTY[slot.attr] else "")


def _jinja_given(test: Test) -> list[str]:
    """What must be given for the test to be made (else the item is left out)."""
    return [
        f"t.数据.{s.group}.{s.name}" + (".上年 is not none" if s.attr == "上年" else "")
        for s in (test.left, test.right)
        if isinstance(s, Slot)
    ]


def _jinja_test(test: Test) -> str:
    right = _jinja_slot(test.right, True) if isinstance(test.right, Slot) else repr(test.right)
    return f"{_jinja_slot(test.left, True)} {'==' if test.op == '=' else test.op} {right}"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
