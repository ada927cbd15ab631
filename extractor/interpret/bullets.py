"""Recover list items from list text whose bullet markers were lost.

A run such as "The reasons for X How to Y Why Z" is split before a capitalised word that
starts an item. English question words and articles start an item wherever they appear
capitalised (except after "of the"-style glue words). Other words are judged by what the
document itself shows: how often its surviving bulleted items start with the word, against
how often the word appears capitalised inside an item where a split would have been
possible. A sentence end ("... etc. The") is always a boundary; a capitalised word after a
name, an acronym or list punctuation continues the item.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..blocks import Block

DEFAULT_STARTERS = frozenset(
    "how what why when where which who whether the a an ways types different".split()
)
# Words after which a capitalised word continues the same phrase ("the Customer", "e.g., Kotler").
GLUE = frozenset(
    "a an and as at by e.g. e.g., for from i.e. i.e., in into of on or the to vs with within "
    "using including such".split()
)
ABBREVIATIONS = frozenset("e.g. i.e. vs. cf. mr. mrs. dr. st. no.".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def _head(token: str) -> str:
    """The word a token starts with, lower-cased ('"How' -> 'how')."""
    match = WORD.match(token.lstrip("\"'(\u2018\u201c"))
    return match.group(0).lower() if match else ""


def _is_capitalised(token: str) -> bool:
    stripped = token.lstrip("\"'\u2018\u201c")
    return bool(stripped) and stripped[0].isupper() and not stripped.isupper()


def _has_capital(token: str) -> bool:
    """Part of a name or acronym: any capital letter ("8-Step", "SWOT")."""
    return any(ch.isupper() for ch in token)


@dataclass
class StarterModel:
    """Counts of words seen starting an item and seen capitalised inside one."""

    starts: Counter = field(default_factory=Counter)
    inside: Counter = field(default_factory=Counter)

    def learn(self, items: Iterable[str]) -> StarterModel:
        for item in items:
            tokens = item.split()
            if not tokens:
                continue
            if _is_capitalised(tokens[0]):
                self.starts[_head(tokens[0])] += 1
            for prev, token in zip(tokens, tokens[1:]):
                if _is_capitalised(token) and not _ends_sentence(prev) and _open_context(prev):
                    self.inside[_head(token)] += 1
        return self

    def is_starter(self, word: str) -> bool:
        if word in DEFAULT_STARTERS:
            return True
        if word.endswith("ing") and self.inside[word] == 0:
            return True
        return self.starts[word] >= self.inside[word]


def _ends_sentence(token: str) -> bool:
    return token.endswith((".", "?", "!")) and token.lower().lstrip("(\"'\u2018\u201c") not in ABBREVIATIONS


def split_run(text: str, model: StarterModel) -> list[str]:
    """Split marker-less list text into its items."""
    tokens = text.split()
    items: list[list[str]] = [[]]
    for index, token in enumerate(tokens):
        current = items[-1]
        if current and token[0].isupper() and _starts_item(tokens, index, current, model):
            items.append([])
        items[-1].append(token)
    return [" ".join(item) for item in items if item]


def _open_context(prev: str) -> bool:
    """Whether a capitalised word after ``prev`` could start a new item (the model decides)."""
    if prev.lower() in GLUE or prev.endswith((",", ";", ":", "-", "/", "&", "(", "\u2013")):
        return False
    return not _has_capital(prev) or prev.endswith(")")


def _starts_item(tokens: list[str], index: int, current: list[str], model: StarterModel) -> bool:
    prev = tokens[index - 1]
    if _ends_sentence(prev):
        return True
    if not _is_capitalised(tokens[index]):
        return False
    word = _head(tokens[index])
    if len(current) == 1 and _has_capital(prev):
        return False
    if word in DEFAULT_STARTERS and prev.lower() not in GLUE:
        return True
    if len(current) >= 2 and current[-2].endswith(","):
        return False  # "…, servant Leadership (Greenleaf)": a modifier inside an enumeration
    return _open_context(prev) and model.is_starter(word)


def bulleted_fragments(blocks: Iterable[Block]) -> list[list[str]]:
    """The items of every cell list whose bullets survived (two or more of them)."""
    fragments = []
    for block in blocks:
        for cell in block.cells:
            items = [p.text for p in cell.parts if p.kind == "item"]
            if len(items) >= 2:
                fragments.append(items)
    return fragments


def held_out_scores(fragments: list[list[str]]) -> tuple[int, int, int]:
    """(correct, predicted, actual) item boundaries when each fragment is joined into one run
    and re-split by a model learnt from all the *other* fragments."""
    hits = predicted = actual = 0
    for index, items in enumerate(fragments):
        model = StarterModel().learn(item for j, f in enumerate(fragments) if j != index for item in f)
        gold = _boundaries(items)
        guess = _boundaries(split_run(" ".join(items), model))
        hits += len(gold & guess)
        predicted += len(guess)
        actual += len(gold)
    return hits, predicted, actual


def _boundaries(items: list[str]) -> set[int]:
    """Token offsets at which items 2..n start."""
    offsets, position = set(), 0
    for item in items[:-1]:
        position += len(item.split())
        offsets.add(position)
    return offsets


def learn_starters(blocks: list[Block]) -> StarterModel:
    """Item-start words learnt from the list items whose bullets survived."""
    items = (p.text for b in blocks for c in b.cells for p in c.parts if p.kind == "item")
    return StarterModel().learn(items)
