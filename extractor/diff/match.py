"""Pairing the elements of the old document with those of the new one.

Both functions return pairs of indexes ``(old, new)`` (``None`` on the side where the
element is missing), in the order of the new document, each unpaired old element
placed before the first new element whose partner follows it in the old document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..textutil import fold
from .words import similarity

T = TypeVar("T")
Pair = tuple[int | None, int | None]

TITLE_SIMILARITY = 0.8
SAME_NUMBER_SIMILARITY = 0.6
MOVED_SIMILARITY = 0.8


class _Pairing:
    """Pairs found so far between ``n_old`` old and ``n_new`` new elements."""

    def __init__(self, n_old: int, n_new: int) -> None:
        self.n_old, self.n_new = n_old, n_new
        self.new_of: dict[int, int] = {}
        self.old_of: dict[int, int] = {}

    def free(self) -> list[tuple[int, int]]:
        """Every (old, new) couple of elements both still unpaired, in order."""
        olds = [i for i in range(self.n_old) if i not in self.new_of]
        news = [j for j in range(self.n_new) if j not in self.old_of]
        return [(i, j) for i in olds for j in news]

    def add(self, i: int, j: int) -> bool:
        """Pair ``i`` with ``j`` when both are free; whether it was done."""
        if i in self.new_of or j in self.old_of:
            return False
        self.new_of[i], self.old_of[j] = j, i
        return True

    def best(self, score: Callable[[int, int], float | None]) -> list[int]:
        """Pair free couples by decreasing score (``None``: not a candidate); old indexes paired."""
        scored = [(s, i, j) for i, j in self.free() if (s := score(i, j)) is not None]
        scored.sort(key=lambda c: (-c[0], c[1], c[2]))
        return [i for _, i, j in scored if self.add(i, j)]

    def pairs(self) -> list[Pair]:
        """Every element once, in the order described in the module docstring."""
        removed = [i for i in range(self.n_old) if i not in self.new_of]
        result: list[Pair] = []
        for j in range(self.n_new):
            i = self.old_of.get(j)
            while removed and i is not None and removed[0] < i:
                result.append((removed.pop(0), None))
            result.append((i, j))
        return result + [(i, None) for i in removed]


def pair_records(
    old: Sequence[T],
    new: Sequence[T],
    keys: Sequence[tuple[str, Callable[[T], str | None]]],
    title: Callable[[T], str],
) -> tuple[list[Pair], dict[int, str]]:
    """Pair records by each key in turn (equal and not empty), then by title similarity.

    Returns the pairs and, for each paired old index, the name of the key that paired it
    (``"title"`` for a pairing by similarity).
    """
    pairing = _Pairing(len(old), len(new))
    by: dict[int, str] = {}
    for name, key in keys:
        for i, j in pairing.free():
            if key(old[i]) and key(old[i]) == key(new[j]) and pairing.add(i, j):
                by[i] = name

    def score(i: int, j: int) -> float | None:
        s = similarity(title(old[i]), title(new[j]))
        return s if s >= TITLE_SIMILARITY else None

    by.update({i: "title" for i in pairing.best(score)})
    return pairing.pairs(), by


def pair_texts(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]) -> list[Pair]:
    """Pair numbered texts ``(number, text)``.

    In turn: same text and number; same text (a move); same number and similar text
    (a rewording); similar text under another number (a move and a rewording).
    """
    pairing = _Pairing(len(old), len(new))

    def scorer(same_number: bool, threshold: float) -> Callable[[int, int], float | None]:
        def score(i: int, j: int) -> float | None:
            if (old[i][0] == new[j][0]) != same_number:
                return None
            s = similarity(old[i][1], new[j][1])
            return s if s >= threshold else None

        return score

    news_by_text: dict[str, list[int]] = {}
    for j, (_, text) in enumerate(new):
        news_by_text.setdefault(fold(text), []).append(j)
    old_texts = [fold(text) for _, text in old]
    for same_number in (True, False):
        for i in range(len(old)):
            for j in news_by_text.get(old_texts[i], []):
                if (old[i][0] == new[j][0] or not same_number) and pairing.add(i, j):
                    break
    pairing.best(scorer(True, SAME_NUMBER_SIMILARITY))
    pairing.best(scorer(False, MOVED_SIMILARITY))
    return pairing.pairs()
