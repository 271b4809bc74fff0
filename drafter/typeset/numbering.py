"""Heading numbers 一、 （一） 1. （1）, counted by the typesetter (domain.md §6).

Templates never write numbers, so a section dropped by a condition leaves no gap, and
each level restarts under a new parent.
"""

from __future__ import annotations

from drafter.model.numberwords import chinese


def label(level: int, n: int) -> str:
    if level == 1:
        return f"{chinese(n)}、"
    if level == 2:
        return f"（{chinese(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


class Counter:
    """Hands out the next label for a level and resets the deeper levels."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0]

    def next(self, level: int) -> str:
        self.counts[level - 1] += 1
        for deeper in range(level, 4):
            self.counts[deeper] = 0
        return label(level, self.counts[level - 1])
