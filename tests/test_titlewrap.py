"""Title wrapping: words kept whole, lines balanced, the first line not shorter than the last."""

import pytest

from drafter.typeset.titlewrap import segment, width, wrap_title

from conftest import corpus_files, needs_corpus

TITLES = [
    "示例县人民政府关于2025年度法治政府建设情况的报告",
    "湘中市芦江区人民政府2024年法治政府建设情况报告",
    "十堰经济技术开发区党工委、管委会关于2023年度法治政府建设情况的报告",
    "某某自治州某某自治县市场监督管理局关于2025年度法治政府建设工作情况的报告",
    "示例县司法局2025年度法治政府建设情况报告",
]


def check(title: str, capacity: float = 20) -> list[str]:
    lines = wrap_title(title, capacity)
    assert "".join(lines) == title
    assert all(width(line) <= capacity for line in lines)
    if len(lines) > 1:
        assert width(lines[0]) >= width(lines[-1])
        assert all(width(line) >= 3 for line in lines)
        words = segment(title)
        edges, pos = set(), 0
        for w in words:
            pos += len(w)
            edges.add(pos)
        cut = 0
        for line in lines[:-1]:
            cut += len(line)
            assert cut in edges, f"{title} split inside a word at {cut}"
    return lines


@pytest.mark.parametrize("title", TITLES)
def test_invariants(title):
    check(title)


def test_known_breaks():
    assert wrap_title(TITLES[0], 20) == ["示例县人民政府关于2025年度", "法治政府建设情况的报告"]
    assert wrap_title(TITLES[4], 20) == [TITLES[4]]


def test_unknown_place_names_are_kept_whole():
    assert segment("湘中市芦江区人民政府")[:2] == ["湘中市", "芦江区"]
    assert "示例" not in segment("示例县人民政府")


def test_punctuation_never_starts_a_line():
    for line in wrap_title(TITLES[2], 20)[1:]:
        assert line[0] not in "、，。）》"


@needs_corpus
def test_corpus_titles():
    for path in corpus_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if "法治政府建设" in line and line.endswith(("报告", "情况")) and len(line) < 50:
                check(line)
                break
