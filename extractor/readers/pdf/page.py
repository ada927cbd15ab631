"""One page's content: its words sorted into ruled-table cells and body lines, with
borderless tables recovered from the body lines, in reading order."""

from __future__ import annotations

from dataclasses import dataclass

from .borderless import with_borderless_tables
from .gutters import with_gutter_tables
from .lines import Line, boxes_bbox, containing, group_lines
from .marks import drawn_bullets
from .source import RawPage
from .tables import Element, Table, ruled_rows
from .tolerances import Tolerances, Word


@dataclass
class PageContent:
    number: int
    height: float
    elements: list[Element]  # in reading order
    chars: int
    images: int


def page_content(raw: RawPage, tol: Tolerances) -> PageContent:
    """Words (and bullets drawn as shapes) inside a table go to the cell that holds them;
    the others form body lines."""
    number = raw.number
    if not raw.chars:
        return PageContent(number, raw.height, [], 0, raw.images)
    tables = [Table(number, boxes_bbox(g), []) for g in raw.tables]
    table_words: list[list[Word]] = [[] for _ in raw.tables]
    body: list[Word] = []
    boxes = [t.bbox for t in tables]
    for w in [*raw.words, *drawn_bullets(raw.marks, raw.words, tol)]:
        index = containing(w, boxes)
        (body if index is None else table_words[index]).append(w)
    for table, cells, words in zip(tables, raw.tables, table_words, strict=True):
        table.rows = ruled_rows(number, cells, words, tol)
    elements: list[Element] = []
    run: list[Line] = []
    for e in [*with_gutter_tables(number, list(group_lines(number, body, tol)), tol), None]:
        if isinstance(e, Line):
            run.append(e)
            continue
        elements += with_borderless_tables(number, run, tol)
        run = []
        if e is not None:
            elements.append(e)
    elements += tables
    elements.sort(key=lambda e: e.top)
    return PageContent(number, raw.height, elements, raw.chars, raw.images)
