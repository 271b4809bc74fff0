"""Classify a parsed report: each top-level part's role and each section's theme.

Roles (成效 / 问题 / 下一步 / 第一责任人 / 其他) come from the heading's words and from
position when the heading says nothing (a thematic report lists its achievements as
top-level parts before 问题). Themes are scored with the theme words (reading/vocabulary:
the catalogue's 词表 and words mined with jieba from real reports, each weighted per
theme): one pattern finds them in the heading (counted three times), the lead of the body
(where a section states its subject) and the body after it (counted half). Thin or split
evidence gives "未分类" rather than a wrong guess.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from drafter.files.patterns import lazy_re
from drafter.model.catalogue import Catalogue, per_catalogue
from drafter.model.report import Report, Section

# Role words: a word of two characters counts only in a short heading (see part_role). They
# cover what clerks rename a part to (写法.部分标题): 问题 as 困难、不足、短板、差距、薄弱环节;
# 下一步 as 明年、来年、下一年度、今后、工作安排、打算、计划、思路 (and "<next year>年…").
ROLE_WORDS = [  # checked in this order: the first that matches wins
    ("第一责任人", ("第一责任人", "主要负责人")),
    (
        "问题",
        (
            "问题",
            "不足",
            "差距",
            "短板",
            "弱项",
            "薄弱环节",
            "困难",
            "存在的问题",
            "存在问题",
            "主要问题",
            "不足和原因",
            "存在的不足",
            "问题和不足",
            "存在的困难",
            "存在的短板",
            "存在的差距",
            "短板和原因",
            "差距和原因",
            "困难和原因",
            "问题和原因",
        ),
    ),
    (
        "下一步",
        (
            "下一步",
            "下步",
            "安排",
            "工作思路",
            "工作计划",
            "主要安排",
            "工作安排",
            "打算",
            "努力方向",
            "工作重点",
            "展望",
            "工作打算",
            "下一年度",
            "明年",
            "来年",
            "今后",
            "计划",
            "思路",
            "改进措施",
        ),
    ),
    (
        "成效",
        (
            "成效",
            "举措",
            "做法",
            "工作开展情况",
            "开展情况",
            "工作情况",
            "进展",
            "成绩",
            "主要工作",
            "主要举措",
            "举措和成效",
            "主要成效",
            "工作成效",
            "主要做法",
            "做法和成效",
            "取得的成效",
            "进展情况",
            "建设情况",
            "完成情况",
            "一年来",
            "落实情况",
        ),
    ),
    ("其他", ("其他",)),
]
# What a problem's heading says (基层执法力量薄弱, 普法针对性有待提高): it falls short.
_SHORT_OF = lazy_re(
    r"不足|不够|有待|仍需|仍有|尚需|尚未|薄弱|不到位|欠缺|短板|差距|问题|滞后|不强|不高|偏低|偏弱|"
    r"不平衡|不充分|不规范|不完善|不健全|困难|瓶颈|弱项|较弱|较低|参差不齐"
)
PROBLEM_WORDS = ("不足", "问题", "差距", "短板", "薄弱")
NEXT_WORDS = (
    "下一步",
    "下步",
    "将继续",
    "将进一步",
    "我们将",
    "将坚持",
    "将以",
    "我县将",
    "我区将",
    "我市将",
    "我镇将",
    "我乡将",
    "我局将",
    "我委将",
    "我办将",
)
UNCLASSIFIED = "未分类"
LEAD = 80  # characters of body segmented with jieba: where a section states its subject
HEAD_REACH = 200  # characters of a heading read; a longer "heading" is a paragraph read as one
BODY_REACH = 2000  # characters of body after the lead that count (a part's whole text would drown its heading)


# Role words used as a modifier of something else: 困难群众 is a group helped, 行动计划 a
# programme carried out; neither names the part (帮助困难群众 is not the 问题 part).
_NOT_ROLE = lazy_re(
    r"困难(?:群众|群体|家庭|人员|户|企业|职工|事)|(?:行动|规划|五年|三年|普法|培训|学法|学习)计划|"
    r"(?:上年度?|去年|上一年度?)的?(?:工作)?(?:安排|计划|部署|打算)"
)  # 落实上年度工作安排情况: this year's work


_SPACES = lazy_re(r"[ \t\u3000\u00a0]+")


def _names(heading: str, role: str) -> bool:
    """Whether ``heading`` names ``role`` by one of its words (two-character words only in a
    short heading, as in part_role)."""
    heading = _SPACES.sub("", heading)
    short = len(heading) <= 16
    heading = _NOT_ROLE.sub("", heading)
    keys = next(k for r, k in ROLE_WORDS if r == role)
    return any(k in heading for k in keys if len(k) > 2 or short)


def merged_part(sec: Section) -> bool:
    """A top-level part written for 问题 and 下一步 together (三、存在的问题和下一步打算, or the
    part a form wrote so: Section.joins): its sub-sections each say which of the two they are."""
    if sec.joins or any(sub.given_role for sub in sec.sections):
        return True
    return sec.role in ("问题", "下一步") and _names(sec.heading, "问题") and _names(sec.heading, "下一步")


def part_role(heading: str, next_year: int | None = None) -> tuple[str | None, float]:
    # A part named by its role is short (存在问题, 下步安排); in a thematic heading, a long
    # slogan, only the longer role words count (解决突出问题 is not the 问题 part).
    heading = _SPACES.sub("", heading)  # 存在的不 足和原因: a stray space splits no word
    short = len(heading) <= 16
    heading = _NOT_ROLE.sub("", heading)
    for role, keys in ROLE_WORDS:
        if role == "成效" and next_year and f"{next_year}年" in heading:
            return "下一步", 0.95  # 2026年工作举措 in a report on 2025: next year's measures, not this year's
        hit = any(k in heading for k in keys if len(k) > 2) or (short and any(k in heading for k in keys))
        if hit:
            return role, 0.95
    if next_year and f"{next_year}年" in heading:
        return "下一步", 0.8
    return None, 0.0


class ThemeWords(NamedTuple):
    """Word → theme → weight, and one pattern finding the words, longest first."""

    weights: dict[str, dict[str, float]]
    pattern: re.Pattern

    @classmethod
    def of(cls, weights: dict[str, dict[str, float]]) -> ThemeWords:
        return cls(weights, re.compile("|".join(sorted(map(re.escape, weights), key=len, reverse=True))))


@per_catalogue
def _theme_words(cat: Catalogue) -> ThemeWords:
    from drafter.reading.themewords import theme_words

    return ThemeWords.of(theme_words(cat))


def score_themes(heading: str, lead: str, words: ThemeWords, rest: str = "") -> tuple[str, float]:
    """The theme that ``heading`` (counted three times), ``lead`` (once) and ``rest`` (half)
    point to, and the share of the evidence it has over the runner-up; 未分类 when the
    evidence is thin or split."""
    scores: dict[str, float] = {}
    for text, weight in ((heading[:HEAD_REACH], 3.0), (lead, 1.0), (rest, 0.5)):
        for m in words.pattern.finditer(text):
            for theme, w in words.weights[m.group(0)].items():
                scores[theme] = scores.get(theme, 0.0) + w * weight
    if not scores:
        return UNCLASSIFIED, 0.0
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    top, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    share = score / (score + second)
    if score < MIN_SCORE or share < MIN_SHARE:
        return UNCLASSIFIED, round(share, 2)
    # The share understates how often the theme is right: on real reports not used to build
    # the words (tests/data/unseen), every theme given at a share of 0.55 or more was right.
    # 1 - (1 - share)² gives 0.80 at the threshold and 0.96 at a share of 0.8.
    return top, round(1 - (1 - share) ** 2, 2)


MIN_SCORE = 1.5  # one clear word in the heading
MIN_SHARE = 0.55


def theme_of(heading: str, body: str, cat: Catalogue) -> tuple[str, float]:
    return score_themes(heading, body[:LEAD], _theme_words(cat), body[LEAD : LEAD + BODY_REACH])


def section_text(sec: Section) -> str:
    parts = [p.text for p in sec.paragraphs]
    for sub in sec.sections:
        parts.append(sub.heading)
        parts.append(section_text(sub))
    return "".join(parts)


def classify(report: Report, cat: Catalogue, year: int | None = None) -> Report:
    """Set role/theme (with confidences) on the report's sections, and roles on a closing
    paragraph that merges 问题 and 下一步."""
    classify_roles(report, year)
    # themes written as parts of their own (写法.成效分列): several top-level parts marked 成效
    split = sum(1 for s in report.sections if s.given_role == "成效") > 1
    for sec in report.walk():
        # a part named by its role holds many themes; a theme written as a part of its own (its
        # heading no role's) is that theme
        own_theme = split and sec.given_role == "成效" and part_role(sec.heading, year + 1 if year else None)[0] is None
        if sec.level == 1 and (sec.role_confidence >= 0.95 or sec.role == "其他") and not own_theme:
            if sec.role == "第一责任人":
                sec.theme, sec.theme_confidence = "第一责任人", 1.0
            continue  # a part named by its role holds many themes
        if sec.given_theme in cat.themes:  # the theme the form wrote (drafter's own .docx)
            sec.theme, sec.theme_confidence = sec.given_theme, 1.0
            continue
        body = section_text(sec)
        sec.theme, sec.theme_confidence = theme_of(sec.heading, body, cat)
    return report


def classify_roles(report: Report, year: int | None = None) -> Report:
    """The roles alone: each top-level part's, and a merged closing paragraph's. Needs no
    jieba, so ``check`` can have them without loading its dictionary."""
    next_year = year + 1 if year else None
    tops = report.sections
    seen_problem = False
    for sec in tops:
        # a part the form named (render's mark, read back from drafter's .docx) is that part
        role, conf = (sec.given_role, 1.0) if sec.given_role else part_role(sec.heading, next_year)
        if role is None:  # thematic shape: achievements before 问题, anything after is 其他
            role, conf = ("其他", 0.4) if seen_problem else ("成效", 0.6)
        seen_problem = seen_problem or role in ("问题", "下一步")
        sec.role, sec.role_confidence = role, conf
        if merged_part(sec):
            named = [sub.given_role or part_role(sub.heading, next_year)[0] for sub in sec.sections]
            both = {"问题", "下一步"} <= set(named)
            for sub, sub_role in zip(sec.sections, named):
                if sub_role in ("问题", "下一步"):
                    sub.role, sub.role_confidence = sub_role, 0.95 if not sub.given_role else 1.0
                elif not both:
                    # a sub-section that does not name its part ((一)存在的不足 (二)改进措施, or
                    # 问题段落 then (一)深化… (二)提升…): one that says what falls short is a
                    # problem, any other one of the plans
                    sub.role = "问题" if _SHORT_OF.search(sub.heading) else "下一步"
                    sub.role_confidence = 0.7
            # the plans run on after the last problem, in its sub-section (（二）普法针对性不强 … 下一步，
            # 我们将…一是…二是…): that paragraph is the 下一步 part
            problems = [sub for sub in sec.sections if sub.role == "问题"]
            if problems and not any(sub.role == "下一步" for sub in sec.sections) and problems[-1].paragraphs:
                _closing_roles(problems[-1].paragraphs[-1], "问题")
        else:
            _sub_roles(sec, next_year)
            _paragraph_roles(sec, next_year)
    # A report that names no part 成效 and writes its themes as parts of their own after the
    # 问题 or 下一步 part (写法.部分次序 puts 问题 first): those parts are its achievements.
    if not any(s.role == "成效" for s in tops):
        for sec in tops:
            if sec.role == "其他" and sec.role_confidence < 0.5:
                sec.role, sec.role_confidence = "成效", 0.6
    # A part named by no role after 下一步 but before the 问题 part (themes written as parts of
    # their own, placed after next year's plans): achievements, not 其他.
    for k, sec in enumerate(tops):
        if sec.role == "其他" and sec.role_confidence < 0.5 and any(t.role == "问题" for t in tops[k + 1 :]):
            sec.role, sec.role_confidence = "成效", 0.6
    # The closing paragraph ends the last part that reports work (a 第一责任人 or 其他 part
    # may follow it).
    last = next((s for s in reversed(tops) if s.role not in ("第一责任人", "其他")), None)
    if last is not None and not last.given_role:  # a part the form named holds only that part
        for para in last.paragraphs[-2:]:
            problem = any(w in para.text for w in PROBLEM_WORDS)
            nxt = any(w in para.text for w in NEXT_WORDS)
            if last.role == "成效" and problem:
                para.roles = ["问题", "下一步"] if nxt else ["问题"]
            elif last.role == "问题":
                _closing_roles(para, "问题")
    return report


_OWN_ROLES = ("成效", "问题", "第一责任人", "下一步")


def _sub_roles(sec: Section, next_year: int | None) -> None:
    """A part whose heading names several parts, one of them 成效 or 第一责任人 (二、第一责任人履职、
    存在问题及下一步安排; 一、工作成效和存在的不足), and whose sub-sections say which is which: each
    sub-section is the part it names; one naming none is the part before it (the heading's first
    part for the first ones)."""
    heading_roles = named_roles(sec.heading)
    if len(heading_roles) < 2 or not {"成效", "第一责任人"} & set(heading_roles):
        return
    subs = [(sub, part_role(sub.heading, next_year)[0]) for sub in sec.sections]
    if not any(role in heading_roles for _, role in subs):
        return
    current = heading_roles[0]
    for sub, role in subs:
        if role in heading_roles:
            current = role
        sub.role, sub.role_confidence = current, 0.95 if role in heading_roles else 0.7


def _paragraph_roles(sec: Section, next_year: int | None) -> None:
    """A part whose heading names several parts, written as paragraphs (三、第一责任人履职情况和
    2026年工作安排 / …履职… / 2026年，我们将…一是…): a paragraph that opens on the plans is the
    下一步 part, one that opens on the problems the 问题 part, when the heading names them."""
    named = named_roles(sec.heading)
    if len(named) < 2 or sec.given_role:
        return
    opening_next = NEXT_WORDS + ((f"{next_year}年",) if next_year else ())
    for para in sec.paragraphs:
        lead = para.text[:16]
        if "下一步" in named and any(w in lead for w in opening_next):
            para.roles = ["下一步"]
        elif "问题" in named and any(w in lead for w in PROBLEM_WORDS):
            para.roles = ["问题"]


def named_roles(heading: str) -> list[str]:
    """The parts ``heading`` names, in the order it names them (一、工作成效和存在的不足:
    成效, 问题)."""
    heading = _SPACES.sub("", heading)
    text = _NOT_ROLE.sub("", heading)
    found = {role: m.start() for role in _OWN_ROLES if (m := re.search("|".join(_role_words(role, heading)) or "(?!)", text))}
    # each piece between 、 和 及 (履行第一责任人职责情况、存在问题和今后打算) is read as a short
    # heading of its own: 今后打算 names the plans there as it does alone
    at = 0
    for piece in _PIECES.split(text):
        role = part_role(piece)[0] if len(piece) >= 2 else None
        if role in _OWN_ROLES and role not in found:
            found[role] = at
        at += len(piece) + 1
    return [role for role, _ in sorted(found.items(), key=lambda kv: kv[1])]


_PIECES = lazy_re(r"[、，,；;]|以及|及|和|与|并")


def _role_words(role: str, heading: str) -> list[str]:
    """The words of ``role`` that count in ``heading`` (two-character ones only in a short one)."""
    keys = next(k for r, k in ROLE_WORDS if r == role)
    return [re.escape(k) for k in keys if len(k) > 2 or len(heading) <= 16]


def _closing_roles(para, part: str) -> None:
    """A paragraph of the 问题 part that goes on to the plans (下一步，我们将…): the 下一步 part,
    and 问题 too when its problems or their causes come first (…主要原因是…。下一步，…)."""
    found = [para.text.find(w) for w in NEXT_WORDS if w in para.text]
    if part != "问题" or not found:
        return
    at = min(found)
    para.roles = ["问题", "下一步"] if any(w in para.text[:at] for w in PROBLEM_WORDS + ("原因",)) else ["下一步"]


# A heading that names the leaders' duties: the 第一责任人 part, or a section of 成效 giving it.
LEADER = lazy_re(r"第一责任人|主要负责人.{0,12}(职责|履职)")


def own_parts(report: Report) -> set[str]:
    """The parts a report gives a part of their own (roles classified): its top-level parts'
    roles, both of a part written for 问题 and 下一步 together (whatever its sub-headings say)
    and its sub-sections' roles, every part a top-level heading names when it names several,
    and the roles of a merged closing paragraph."""
    own = {s.role for s in report.walk() if s.role}
    for sec in report.sections:
        if merged_part(sec):
            own.update(("问题", "下一步"))
        if not sec.given_role:  # 二、第一责任人履职情况、存在的问题及下一步打算: each part it names
            named = named_roles(sec.heading)
            own.update(named if len(named) > 1 else ())
    for sec in report.walk():
        own.update(r for p in sec.paragraphs for r in p.roles)
    return own


def parts_present(report: Report) -> set[str]:
    """The parts a report has at all: its own parts, and 第一责任人 wherever a heading names it
    (often a section of 成效)."""
    present = own_parts(report)
    if any(LEADER.search(sec.heading) for sec in report.walk()):
        present.add("第一责任人")
    return present
