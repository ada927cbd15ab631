"""Page furniture: running headers and footers, and the one-cell frames drawn around text.

Running lines are found from a few facts per page (``edge_lines``, taken where the page
is read) and the whole document's line spacing; pages are then put right one at a time,
looking one page ahead (``resolved_pages``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from ...textutil import fold
from .lines import Line
from .page import PageContent
from .tables import Element, Table, same_width
from .tolerances import DIGITS, PAGE_NUMBER, Tolerances

Drops = dict[int, set[int]]  # page number: indices of its elements that are running lines


@dataclass(frozen=True)
class EdgeLine:
    """A body line met from the top or bottom edge of its page, inside the band where
    headers and footers live."""

    index: int  # in the page's elements
    where: Literal["top", "bottom"]
    key: str  # its text folded, digits as "#"
    size: float
    top: float
    space: float | None  # to the next line inward when that one has the same size


@dataclass(frozen=True)
class PageEdges:
    number: int
    has_text: bool
    lines: list[EdgeLine]


def edge_lines(page: PageContent, tol: Tolerances) -> PageEdges:
    """The body lines met first from the page's top and bottom edges, inside the band."""
    found: list[EdgeLine] = []
    band = tol.band * page.height
    last = len(page.elements) - 1
    sides: tuple[tuple[Literal["top", "bottom"], range], ...] = (
        ("top", range(last + 1)), ("bottom", range(last, -1, -1)),
    )
    for where, steps in sides:
        for n, index in enumerate(steps):
            element = page.elements[index]
            if not isinstance(element, Line):
                break
            inside = element.bottom <= band if where == "top" else element.top >= page.height - band
            if not inside:
                break
            after = page.elements[steps[n + 1]] if n + 1 < len(steps) else None
            space = None
            if isinstance(after, Line) and abs(after.size - element.size) < tol.size_change:
                space = after.top - element.bottom if where == "top" else element.top - after.bottom
            key = DIGITS.sub("#", fold(element.text)).lower()
            found.append(EdgeLine(index, where, key, element.size, element.top, space))
    return PageEdges(page.number, page.chars > 0, found)


def running_lines(pages: list[PageEdges], gap: float, tol: Tolerances) -> Drops:
    """Body lines in the top/bottom band that recur across half the pages or more at
    the same height (or that are page numbers), given the usual line gap ``gap``.

    A candidate stands apart: it is one of the lines met first from the page's edge,
    and it is not a wrapped line of a paragraph running on into the body. The same text
    at the edge of pages but at other heights ("Assessment Criteria" ending two pages)
    is content."""
    candidates: list[tuple[int, EdgeLine]] = []
    for page in pages:
        stopped: set[str] = set()
        for line in page.lines:
            if line.where in stopped:
                continue
            if line.space is not None and line.space <= tol.paragraph_gap(gap, line.size):
                stopped.add(line.where)  # a paragraph's line, not a running header or footer
                continue
            candidates.append((page.number, line))
    tops: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
    for number, line in candidates:
        tops[(line.where, line.key)].append((line.top, number))
    text_pages = sum(1 for p in pages if p.has_text)
    need = 2 if text_pages <= 3 else max(2, -(-text_pages // 2))  # on half the pages or more
    drops: Drops = defaultdict(set)
    for number, line in candidates:
        pages_there = {n for top, n in tops[(line.where, line.key)] if abs(top - line.top) <= tol.running_drift}
        # "Page 3 of 9" anywhere; a bare number ("4", an outcome's number) only as a running
        # line or on a one-page document
        numbered = PAGE_NUMBER.match(line.key) and (line.key != "#" or text_pages == 1)
        if len(pages_there) >= need or numbered:
            drops[number].add(line.index)
    return dict(drops)


def resolved_pages(pages: Iterable[PageContent], drops: Drops, tol: Tolerances) -> Iterator[PageContent]:
    """The pages without their running lines and with frames resolved, one page read ahead."""
    held: PageContent | None = None
    for page in pages:
        remove = drops.get(page.number, set())
        page.elements = [e for n, e in enumerate(page.elements) if n not in remove]
        if held is not None:
            yield _frames_resolved(held, page, tol)
        held = page
    if held is not None:
        yield _frames_resolved(held, None, tol)


def _frames_resolved(page: PageContent, following: PageContent | None, tol: Tolerances) -> PageContent:
    """A one-cell "table" is a box drawn around text, read as body lines; unless it ends
    its page and a table of the same width starts the next one: then it is the first
    row of a table broken by the page break (a section heading row left behind)."""
    elements: list[Element] = []
    nxt = following.elements[0] if following is not None and following.elements else None
    for i, e in enumerate(page.elements):
        if isinstance(e, Table) and e.cell_count == 1:
            if not (i == len(page.elements) - 1 and isinstance(nxt, Table) and same_width(nxt, e, tol)):
                cells = [s.cell for r in e.rows for s in r.slots if s.cell]
                elements.extend(ln for c in cells for ln in c.lines)
                continue
        elements.append(e)
    page.elements = elements
    return page
