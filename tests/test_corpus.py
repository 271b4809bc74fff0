"""Facts checked against the real reports in ../shared/corpus (skipped when it is absent)."""

import re

import pytest
from collections import defaultdict

from drafter.model.formulations import builtin
from drafter.model.typography import normalize

from conftest import corpus_files, needs_corpus

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


@needs_corpus
def test_formula_of_each_year_is_one_real_reports_of_that_year_use():
    formulas = builtin().years
    by_year = defaultdict(list)
    for path in corpus_files():
        text = normalize(path.read_text(encoding="utf-8"))
        year = re.search(r"(20\d\d)年(?:度)?法治政府建设", text)
        if year:
            by_year[int(year.group(1))].append(text)
    checked = 0
    for year, texts in by_year.items():
        if year in formulas:
            assert any(formulas[year]["会议精神"] in t for t in texts), year
            checked += 1
    assert checked >= 2
