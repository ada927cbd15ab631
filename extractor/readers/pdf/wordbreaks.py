"""Lines joined into text: a space between lines, except where a line broke inside a word.

A layout engine breaks a word without a hyphen only when the word is wider than its line
(a long word or identifier in a narrow cell): the line holds that one word and reaches
the right edge. Such a break is joined when the joined word occurs elsewhere in the same
document, or when neither piece does ("Understandin" / "g"), or, for a word with digits,
when the document prints more words of its shape than of the first piece's ("Y/650/792" /
"8" where "A/651/5975" and the like are printed: letters, digits and punctuation in the
same places).
A line ending in a hyphen
inside a word keeps the hyphen ("decision-" / "making"), unless the line was full and
the document spells the word without it but never with it ("manage-" / "ment"). No
dictionary from outside the document is used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

STRIP = "\"'()[]{}.,;:!?\u201c\u201d\u2018\u2019"
LETTERS = re.compile(r"[^\W\d_]")
DIGITS = re.compile(r"\d")


def _key(token: str) -> str:
    return token.strip(STRIP).lower()


def _shape(key: str) -> str:
    """A word with digits as a pattern: each letter "a", each digit "9"."""
    return DIGITS.sub("9", LETTERS.sub("a", key)) if DIGITS.search(key) else ""


def word_keys(text: str) -> Iterator[str]:
    """The words of ``text`` as the vocabulary counts them."""
    return (_key(t) for t in text.split())


class Vocabulary:
    """How often each word is printed in the document (case and edge punctuation aside)."""

    def __init__(self, counts: Counter[str]):
        self.counts = counts
        self.shapes: Counter[str] = Counter()
        for key, count in self.counts.items():
            shape = _shape(key)
            if shape:
                self.shapes[shape] += count

    def printed(self, word: str, times: int = 1) -> bool:
        """Is ``word`` printed at least ``times`` times?"""
        key = _key(word)
        return bool(key) and self.counts[key] >= times

    def shaped(self, word: str) -> int:
        """How many words with digits of the shape of ``word`` are printed (0 for a word
        without digits)."""
        shape = _shape(_key(word))
        return self.shapes[shape] if shape else 0


def joined(before: str, line: str, after: str, full: bool, vocabulary: Vocabulary) -> str:
    """``before`` and the next line's text ``after`` as one text. ``line``: the text of the
    line that ended ``before``; ``full``: that line reached the right edge of its container."""
    last = before.rsplit(" ", 1)[-1]
    first = after.split(" ", 1)[0]
    if last.endswith("/") and len(last) > 1:
        return before + after
    if last.endswith("-") and len(last) > 1 and last[-2].isalpha() and after[:1].isalpha():
        unhyphenated = last[:-1] + first
        if full and vocabulary.printed(unhyphenated) and not vocabulary.printed(last + first):
            return before[:-1] + after
        return before + after
    if full and " " not in line and last[-1:].isalnum() and first[:1].isalnum():
        # the pieces are printed here once each; elsewhere is a second time
        word = last + first
        elsewhere = vocabulary.printed(last, 2) or vocabulary.printed(first, 2)
        if vocabulary.printed(word) or not elsewhere:
            return before + after
        if vocabulary.shaped(word) > vocabulary.shaped(last):
            return before + after
    return before + " " + after
