"""Words grouped into visual lines, and the geometry helpers shared by the other steps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .tolerances import BBox, Tolerances, Word


@dataclass
class Line:
    """One visual line of words inside one container (a cell or the page body)."""

    page: int
    words: list[Word]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    text: str

    @classmethod
    def of(cls, page: int, words: list[Word], tol: Tolerances) -> Line:
        words.sort(key=lambda w: w.x0)
        sizes: Counter[float] = Counter()
        for w in words:
            sizes[round(w.size, 1)] += len(w.text)
        return cls(
            page=page,
            words=words,
            x0=words[0].x0,
            top=min(w.top for w in words),
            x1=max(w.x1 for w in words),
            bottom=max(w.bottom for w in words),
            size=sizes.most_common(1)[0][0],
            bold=all("bold" in w.fontname.lower() for w in words if w.text.strip()),
            text=join_words(words, tol),
        )


def join_words(words: list[Word], tol: Tolerances) -> str:
    """Words of one line as text: a space between words unless they touch."""
    pieces: list[str] = []
    prev: Word | None = None
    for w in words:
        if prev is not None and w.x0 - prev.x1 > tol.word_space:
            pieces.append(" ")
        pieces.append(w.text)
        prev = w
    return "".join(pieces)


def group_lines(page: int, words: list[Word], tol: Tolerances) -> list[Line]:
    """Group words into visual lines (words sorted by top; a word joins the current line
    when its vertical centre falls within the span of the line's first word, so that the
    words of neighbouring cells set at other heights do not chain lines together)."""
    lines: list[Line] = []
    current: list[Word] = []
    top = bottom = 0.0
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        cy = (w.top + w.bottom) / 2
        if current and top - tol.same_line <= cy <= bottom + tol.same_line:
            current.append(w)
            continue
        if current:
            lines.append(Line.of(page, current, tol))
        current, top, bottom = [w], w.top, w.bottom
    if current:
        lines.append(Line.of(page, current, tol))
    return lines


def containing(word: Word, boxes: list[BBox]) -> int | None:
    """Index of the first box that holds the word's centre."""
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    for index, (x0, top, x1, bottom) in enumerate(boxes):
        if x0 <= cx <= x1 and top <= cy <= bottom:
            return index
    return None


def boxes_bbox(boxes: list[BBox]) -> BBox:
    return (
        min(c[0] for c in boxes),
        min(c[1] for c in boxes),
        max(c[2] for c in boxes),
        max(c[3] for c in boxes),
    )


def lines_bbox(lines: list[Line]) -> BBox:
    return (
        round(min(ln.x0 for ln in lines), 2),
        round(min(ln.top for ln in lines), 2),
        round(max(ln.x1 for ln in lines), 2),
        round(max(ln.bottom for ln in lines), 2),
    )


def rounded(box: BBox) -> BBox:
    x0, top, x1, bottom = box
    return (round(float(x0), 2), round(float(top), 2), round(float(x1), 2), round(float(bottom), 2))
