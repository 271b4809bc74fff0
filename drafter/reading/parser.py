"""Read a real report (its paragraphs as lines) into the Report tree.

Real reports are messier than our markup (../shared/corpus/README.md): web-page chrome
around them, a title repeated or missing, half-width punctuation, numbering that restarts
or skips, 1. items numbered on across sections, headings run straight into their text,
a paragraph broken in two, signature or date missing. The tree keeps the order of what
was written; numbers are kept as ``Section.number`` but nesting follows the kind of
number (一、 > （一） > 1. > （1）), not its value.
"""

from __future__ import annotations

import re

from drafter.report import Origin, Report, Segment, TreeBuilder
from drafter.typography import normalize

_CN = "一二三四五六七八九十"
HEADING_PATTERNS = [
    (1, re.compile(rf"^(第[{_CN}]+部分[、：:\s]?|[{_CN}]+[、．.])\s*")),
    (2, re.compile(rf"^([（(][{_CN}]+[）)][、．.]?)\s*")),
    (3, re.compile(r"^(\d{1,2}[.．、](?!\d))\s*")),
    (4, re.compile(r"^([（(]\d{1,2}[）)][、．.]?)\s*")),
]
ENUMERATION = re.compile(rf"^[{_CN}]+是")
INLINE_ENUMERATION = re.compile(rf"(?:^|(?<=[。；;，]))([{_CN}]+是)")
DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_CHROME = re.compile(
    r"^(当前位置|您的位置|您现在的位置|首页\s*>|文件名称|索引号|公开责任部门|公开目录|文号|有效性|发布机构|"
    r"扫一扫|打印本页|关闭窗口|【打印】|【关闭】|分享到|上一篇|下一篇|相关链接)"
    r"|更新时间|浏览次数|发布时间|发布日期|发布于|来源[:：]|公开日期|成文日期[:：]|字体\s*[\[【［]"
)
_NOTE = re.compile(r"^（[^（）]{2,30}）$")
_TITLE_WORDS = re.compile(r"法治政府建设.{0,12}(报告|总结|情况)$|(报告|总结)$")


def clean_lines(lines: list[str]) -> list[str]:
    """Normalise punctuation, drop empty lines and stray replacement characters, and join a
    line that begins with closing punctuation (a paragraph broken by the web page) to the
    one before."""
    return [text for text, _ in clean_lines_with_origins(lines)]


def clean_lines_with_origins(lines: list[str]) -> list[tuple[str, list[tuple[int, int]]]]:
    """``clean_lines``, each line with its segments: (offset in the cleaned line, 1-based
    source line), so whatever is read from it can say where it stands."""
    pieces: list[list[str]] = []  # each cleaned line as the source lines it joins
    origins: list[list[tuple[int, int]]] = []
    lengths: list[int] = []
    for number, raw in enumerate(lines, 1):
        line = normalize(raw.replace("\ufffd", "").replace("\u3000", " ").strip())
        line = re.sub(r"\s+", " ", line)
        if not line:
            continue
        if pieces and line[0] in "。，；、：）”":
            # Joined at the end: adding to a growing string each time would be quadratic.
            origins[-1].append((lengths[-1], number))
            pieces[-1].append(line)
            lengths[-1] += len(line)
            continue
        pieces.append([line])
        origins.append([(0, number)])
        lengths.append(len(line))
    return [("".join(p), o) for p, o in zip(pieces, origins)]


def origin_from(segments: list[tuple[int, int]], start: int = 0) -> Origin:
    """The origin of the cleaned line's text from ``start`` on."""
    out = []
    for offset, line in segments:
        if offset <= start:
            out = [Segment(0, line, start - offset)]
        else:
            out.append(Segment(offset - start, line, 0))
    return Origin(out)


def _is_title(line: str) -> bool:
    return (len(line) <= 70 and "法治" in line and bool(_TITLE_WORDS.search(line))
            and "，" not in line and not any(p.match(line) for _, p in HEADING_PATTERNS))


def heading_of(line: str) -> tuple[int, str, str] | None:
    """(level, number, rest) when ``line`` starts with a heading number."""
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(line)
        if m and len(line) > len(m.group(0)):
            return level, m.group(1), line[m.end():]
    return None


def split_heading(rest: str) -> tuple[str, str]:
    """A heading line's heading sentence and the text run in after it.

    The heading ends at the first 。; where scraping lost that 。 and the text starts
    straight with 一是, it ends before 一是."""
    cut = rest.find("。")
    m = re.search(rf"(?<![{_CN}第])[{_CN}]是", rest)
    if m and m.start() >= 6 and (cut < 0 or m.start() < cut) and rest[m.start() - 1] not in "，、；：":
        return rest[: m.start()], rest[m.start():]
    if 0 < cut < len(rest) - 1:
        return rest[: cut + 1], rest[cut + 1:].strip()
    if cut == len(rest) - 1 and len(rest) > 60:  # a long sentence, not a heading: a numbered paragraph
        return "", rest
    return rest.rstrip("。"), ""


_ADDRESSEE = re.compile(r"[^。；，\s]{2,40}[：:]")


def parse_lines(lines: list[str]) -> Report:
    cleaned = clean_lines_with_origins(lines)
    lines = [text for text, _ in cleaned]
    origins = [segments for _, segments in cleaned]
    report = Report()
    i = 0
    # The title: the first title-like line within the first few lines; chrome before it goes.
    for k, line in enumerate(lines[:8]):
        if _is_title(line):
            report.title = line
            report.origins["标题"] = origin_from(origins[k])
            i = k + 1
            break
    # Chrome after the title, and the title repeated (whole or split over lines).
    while i < len(lines):
        line = lines[i]
        repeated = report.title and (line in report.title and len(line) >= 4 or _is_title(line))
        if _CHROME.search(line) or repeated:
            i += 1
            continue
        break
    # 主送机关: a short line ending in ： right after the title (县委、县人大常委会：).
    if report.title and i < len(lines) and _ADDRESSEE.fullmatch(lines[i]) and not heading_of(lines[i]) \
            and not re.search(r"如下|\d{4}\s*年", lines[i]):
        report.addressee = lines[i][:-1]
        report.origins["主送机关"] = origin_from(origins[i])
        i += 1
    end = len(lines)
    while end > i and _CHROME.search(lines[end - 1]):
        end -= 1
    if end > i + 1 and _NOTE.match(lines[end - 1]) and DATE_LINE.match(lines[end - 2].replace(" ", "")):
        report.notes.append(lines[end - 1])  # 附注 under the date, e.g. （此件公开发布）
        end -= 1
    if end > i and DATE_LINE.match(lines[end - 1].replace(" ", "")):
        report.date = lines[end - 1].replace(" ", "")
        report.origins["日期"] = origin_from(origins[end - 1])
        end -= 1
        prev = lines[end - 1] if end > i else ""
        if prev and len(prev) <= 30 and not re.search("[。，；：]", prev) and not heading_of(prev):
            report.signature = prev
            report.origins["署名"] = origin_from(origins[end - 1])
            end -= 1
    tree = TreeBuilder(report)
    for k in range(i, end):
        line = lines[k]
        found = heading_of(line)
        if found:
            level, number, rest = found
            heading, body = split_heading(rest)
            if heading:
                start = len(line) - len(rest)
                tree.heading(level, heading, body, number, origin_from(origins[k], start),
                             origin_from(origins[k], len(line) - len(body)) if body else None)
                continue
        tree.paragraph(line, origin_from(origins[k]))
    return report


def parse_report(path) -> Report:
    from drafter.reading.source import read_lines

    return parse_lines(read_lines(path))


def enumerations(text: str) -> list[str]:
    """The 一是/二是… items of a paragraph, in order ([] when it has none)."""
    starts = [m.start(1) for m in INLINE_ENUMERATION.finditer(text)]
    if len(starts) < 2 and not ENUMERATION.match(text):
        return []
    starts.append(len(text))
    return [text[a:b].strip() for a, b in zip(starts, starts[1:])]
