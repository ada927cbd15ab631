"""Measures of the whole document, taken page by page: the usual line spacing in the body
and in cells, the right margin of the body, the text area, and the words printed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from .flow import usual_gap
from .lines import Line
from .page import PageContent
from .tolerances import Tolerances
from .wordbreaks import Vocabulary, word_keys


def page_line_gaps(page: PageContent, tol: Tolerances) -> tuple[list[float], list[float]]:
    """The spaces between consecutive lines of one size in the body, and between the lines
    of each cell, on one page."""
    body: list[float] = []
    cells: list[float] = []
    prev = None
    for e in page.elements:
        if isinstance(e, Line):
            if prev is not None and abs(e.size - prev.size) < tol.size_change:
                body.append(e.top - prev.bottom)
            prev = e
            continue
        prev = None
        for row in e.rows:
            for slot in row.slots:
                if slot.cell is not None:
                    lines = slot.cell.lines
                    cells.extend(b.top - a.bottom for a, b in pairwise(lines))
    return body, cells


def wrapped_ends(page: PageContent, tol: Tolerances) -> list[float]:
    """Where body lines end that a sentence runs on from: the next line, right below at
    the same left edge, starts in lower case. Such a line was wrapped at the right margin
    (few lines may reach it where most paragraphs are short)."""
    lines = [e for e in page.elements if isinstance(e, Line)]
    return [
        a.x1
        for a, b in pairwise(lines)
        if b.text[:1].islower()
        and abs(b.x0 - a.x0) <= tol.indent
        and abs(a.size - b.size) < tol.size_change
        and 0 <= b.top - a.bottom <= a.size
    ]


@dataclass(frozen=True)
class DocumentMeasures:
    body_gap: float  # the usual space between wrapped lines of one body paragraph
    cell_gap: float  # the same in cells
    body_limit: float  # the right margin: the widest body line, outliers aside, or wider where text wrapped
    body_top: float  # where the text area starts on a page
    body_bottom: float  # and where it ends
    body_size: float  # the font size of most body text
    vocabulary: Vocabulary


class Measuring:
    """Measures gathered from the pages as they go by (keeping numbers, not pages)."""

    def __init__(self, tol: Tolerances):
        self.tol = tol
        self.body_gaps: list[float] = []
        self.cell_gaps: list[float] = []
        self.words: Counter[str] = Counter()
        self.sizes: Counter[float] = Counter()  # characters of body text by font size
        self.body_x1: list[float] = []
        self.wrapped_x1 = 0.0  # the widest body line that a sentence runs on from
        self.tops: list[float] = []
        self.bottoms: list[float] = []

    def add(self, page: PageContent) -> None:
        body, cells = page_line_gaps(page, self.tol)
        self.body_gaps += body
        self.cell_gaps += cells
        self.wrapped_x1 = max([self.wrapped_x1, *wrapped_ends(page, self.tol)])
        for e in page.elements:
            if isinstance(e, Line):
                self.words.update(word_keys(e.text))
                self.body_x1.append(e.x1)
                self.sizes[e.size] += len(e.text)
                continue
            for row in e.rows:
                for slot in row.slots:
                    if slot.cell is not None:
                        for line in slot.cell.lines:
                            self.words.update(word_keys(line.text))
        if page.elements:
            self.tops.append(page.elements[0].top)
            self.bottoms.append(page.elements[-1].bottom)

    def done(self) -> DocumentMeasures:
        xs = sorted(self.body_x1)
        p90 = xs[int(0.9 * (len(xs) - 1))] if xs else 0.0
        tops, bottoms = sorted(self.tops), sorted(self.bottoms)
        return DocumentMeasures(
            body_gap=usual_gap(self.body_gaps, self.tol),
            cell_gap=usual_gap(self.cell_gaps or self.body_gaps, self.tol),
            body_limit=max(max((x for x in xs if x <= p90 + 20), default=0.0), self.wrapped_x1),
            # a stray element at the start or end of a page here and there aside
            body_top=tops[(len(tops) - 1) // 4] if tops else 0.0,
            body_bottom=bottoms[int(0.9 * (len(bottoms) - 1))] if bottoms else 0.0,
            body_size=self.sizes.most_common(1)[0][0] if self.sizes else 0.0,
            vocabulary=Vocabulary(self.words),
        )
