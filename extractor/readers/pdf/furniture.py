"""Page furniture: running headers and footers, and the one-cell frames drawn around text."""

from __future__ import annotations

from collections import defaultdict

from ...textutil import fold
from .lines import Line
from .page import PageContent
from .tables import Element, Table, same_width
from .tolerances import DIGITS, PAGE_NUMBER, Tolerances


def _running_key(line: Line) -> str:
    return DIGITS.sub("#", fold(line.text)).lower()


def drop_running_lines(pages: list[PageContent], gap: float, tol: Tolerances) -> None:
    """Remove body lines in the top/bottom band that recur across pages (or, in a
    one-page document, that are bare page numbers).

    A candidate stands apart: it is one of the lines met first from the page's edge,
    and it is not a wrapped line of a paragraph running on into the body."""
    candidates: list[tuple[PageContent, Line, str, str]] = []
    for page in pages:
        band = tol.band * page.height
        for where, order in (("top", page.elements), ("bottom", page.elements[::-1])):
            for n, element in enumerate(order):
                if not isinstance(element, Line):
                    break
                inside = element.bottom <= band if where == "top" else element.top >= page.height - band
                if not inside:
                    break
                after = order[n + 1] if n + 1 < len(order) else None
                if isinstance(after, Line) and abs(after.size - element.size) < tol.size_change:
                    space = after.top - element.bottom if where == "top" else element.top - after.bottom
                    if space <= tol.paragraph_gap(gap, element.size):
                        break  # a paragraph's line, not a running header or footer
                candidates.append((page, element, where, _running_key(element)))
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page, _, where, key in candidates:
        seen[(where, key)].add(page.number)
    text_pages = sum(1 for p in pages if p.chars)
    need = 2 if text_pages <= 3 else max(2, round(0.3 * text_pages))
    drop: set[int] = set()
    for _, line, where, key in candidates:
        if len(seen[(where, key)]) >= need or PAGE_NUMBER.match(key):
            drop.add(id(line))
    for page in pages:
        page.elements = [e for e in page.elements if id(e) not in drop]


def resolve_frames(pages: list[PageContent], tol: Tolerances) -> None:
    """A one-cell "table" is a box drawn around text, read as body lines; unless it ends
    its page and a table of the same width starts the next one: then it is the first
    row of a table broken by the page break (a section heading row left behind)."""
    for n, page in enumerate(pages):
        elements: list[Element] = []
        for i, e in enumerate(page.elements):
            if isinstance(e, Table) and e.cell_count == 1:
                following = pages[n + 1].elements if n + 1 < len(pages) else []
                nxt = following[0] if following else None
                if not (i == len(page.elements) - 1 and isinstance(nxt, Table) and same_width(nxt, e, tol)):
                    cells = [s.cell for r in e.rows for s in r.slots if s.cell]
                    elements.extend(ln for c in cells for ln in c.lines)
                    continue
            elements.append(e)
        page.elements = elements
