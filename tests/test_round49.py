"""Round 49 of the outside attack on issue 18: a numbered paragraph deleted with tracked
changes takes no number of its own."""

from __future__ import annotations

from test_reading_docx_features import TITLE, lines_of, p, r


def _deleted(num: tuple[int, int], text: str) -> str:
    """A numbered paragraph whose text and mark are tracked deletions."""
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        '<w:rPr><w:del w:id="9" w:author="甲"/></w:rPr></w:pPr>'
        f'<w:del w:id="8" w:author="甲"><w:r><w:delText>{text}</w:delText></w:r></w:del></w:p>'
    )


def test_round49_a_deleted_numbered_paragraph_gives_no_number_to_the_next(tmp_path):
    """Deleted with its mark, a 4. item is gone once the changes are accepted: the heading after
    it keeps its own number (（二）), and the items after it count on as if it never was."""
    body = (
        p(TITLE)
        + p("主要举措和成效", num=(1, 0))
        + p("加强行政复议", num=(1, 1))
        + p("化解行政争议86件。", num=(1, 2))
        + p("审查规范性文件27件。", num=(1, 2))
        + _deleted((1, 2), "审查88件。")
        + p("强化普法", num=(1, 1))
        + p("开展普法活动120场。", num=(1, 2))
        + p("落实普法责任制。", num=(1, 2))
    )
    assert lines_of(tmp_path, body)[1:] == [
        "一、主要举措和成效",
        "（一）加强行政复议",
        "1. 化解行政争议86件。",
        "2. 审查规范性文件27件。",
        "（二）强化普法",
        "1. 开展普法活动120场。",
        "2. 落实普法责任制。",
    ]


def test_round49_a_numbered_paragraph_whose_mark_alone_is_deleted_joins_under_the_next_number(tmp_path):
    """Its text kept and its mark deleted, it runs into the next paragraph, whose number Word
    shows before the joined text."""
    first = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>'
        '<w:rPr><w:del w:id="9" w:author="甲"/></w:rPr></w:pPr>' + r("前半句，") + "</w:p>"
    )
    body = p(TITLE) + p("主要举措和成效", num=(1, 0)) + p("加强行政复议", num=(1, 1)) + first + p("后半句。", num=(1, 2))
    assert lines_of(tmp_path, body)[1:] == ["一、主要举措和成效", "（一）加强行政复议", "1. 前半句，后半句。"]
