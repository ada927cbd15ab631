"""Word-level wording comparison: similarity of two texts and the edit between them."""

from __future__ import annotations

from difflib import SequenceMatcher

from ..textutil import fold
from .report import WordOp


def same(a: str, b: str) -> bool:
    """Equal once whitespace is folded."""
    return fold(a) == fold(b)


def similarity(a: str, b: str) -> float:
    """difflib ratio of the folded, case-folded texts (1.0 identical, 0.0 nothing shared)."""
    return SequenceMatcher(None, fold(a).casefold(), fold(b).casefold(), autojunk=False).ratio()


def word_ops(old: str, new: str) -> list[WordOp]:
    """The edit from ``old`` to ``new`` as runs of equal, inserted, deleted and replaced words."""
    a, b = old.split(), new.split()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [
        WordOp(op=tag, old=a[i1:i2], new=b[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
