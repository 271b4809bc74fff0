"""The reading side on real reports it was not built on (tests/data/unseen, issue 11).

The set: openings of 40 published reports from 25 provinces, 2018–2025, with gold made by
reading them (see its README). Odd-numbered reports are the ``dev`` split, looked at while
the reader was improved; even-numbered ones are the ``test`` split, scored only. The goals
hold on both.
"""

from __future__ import annotations

import pytest

from unseen_score import DATA, reports, score

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

GOALS = {"标题召回": 0.98, "标题精确": 0.98, "主题正确": 0.90, "数字召回": 0.95, "数字精确": 0.95,
         "角色正确": 0.95, "层级正确": 0.95, "要素正确": 0.95}


def test_the_set_is_there_and_split():
    assert len(reports("dev")) == 20 and len(reports("test")) == 20, DATA


@pytest.mark.parametrize("split", ["dev", "test"])
def test_scores_reach_the_goals(split):
    tally = score(split)
    got = tally.scores()
    short = {k: (got[k], goal) for k, goal in GOALS.items() if got[k] < goal}
    assert not short, (short, tally.misses)


def test_mapped_figures_are_rarely_wrong():
    """A figure mapped to a catalogue count is right four times in five or more (many
    figures stay unmapped: a mapping is given only when the sentence makes it clear)."""
    got = score().scores()
    assert got["指标精确"] >= 0.8, got
