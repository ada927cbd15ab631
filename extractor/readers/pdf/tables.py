"""Ruled tables: cells found from the drawn lines, filled with the lines of words they hold,
grouped into rows; a cell merged down over several rows holds a place in each."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...textutil import fold
from .lines import Line, containing, group_lines
from .tolerances import BBox, Tolerances, Word


@dataclass
class PdfCell:
    """A drawn cell on one page, with its lines; ``tail`` holds the cells that ran on from
    it over page breaks (its parts are reflowed from all of them)."""

    page: int
    bbox: BBox
    lines: list[Line] = field(default_factory=list)
    tail: list[PdfCell] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.lines)

    def last_line(self) -> Line | None:
        for piece in reversed(self.tail):
            if piece.lines:
                return piece.lines[-1]
        return self.lines[-1] if self.lines else None


@dataclass
class Slot:
    """One cell position in a row: the cell itself (its first row) or a place held by a
    cell merged down from an earlier row (``cover``)."""

    x0: float
    x1: float
    cell: PdfCell | None
    cover: PdfCell | None = None

    @property
    def source(self) -> PdfCell | None:
        return self.cell or self.cover


@dataclass
class Row:
    page: int
    top: float
    bottom: float
    slots: list[Slot]

    def texts(self) -> tuple[str, ...]:
        return tuple(
            fold(" ".join(line.text for line in s.cell.lines)) if s.cell else "" for s in self.slots
        )


@dataclass
class Table:
    page: int
    bbox: BBox
    rows: list[Row]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]

    @property
    def cell_count(self) -> int:
        return sum(len(r.slots) for r in self.rows)


Element = Line | Table  # what a page holds, in reading order


def ruled_rows(page: int, cell_boxes: list[BBox], words: list[Word], tol: Tolerances) -> list[Row]:
    """Rows of a ruled table: one per distinct cell top; cells merged down hold a place."""
    cells = [PdfCell(page, (b[0], b[1], b[2], b[3])) for b in cell_boxes]
    cell_words: dict[int, list[Word]] = defaultdict(list)
    boxes = [c.bbox for c in cells]
    for w in words:
        index = containing(w, boxes)
        if index is not None:
            cell_words[index].append(w)
    for i, ws in cell_words.items():
        cells[i].lines = group_lines(page, ws, tol)
    tops = sorted({round(c.bbox[1], 1) for c in cells})
    rows = []
    for top in tops:
        starting = [c for c in cells if round(c.bbox[1], 1) == top]
        bottom = min(c.bbox[3] for c in starting)
        slots = [Slot(c.bbox[0], c.bbox[2], c) for c in starting]
        for c in cells:
            if round(c.bbox[1], 1) < top and c.bbox[3] > top + tol.merged_down:
                slots.append(Slot(c.bbox[0], c.bbox[2], None, cover=c))
        slots.sort(key=lambda s: s.x0)
        rows.append(Row(page, float(top), float(bottom), slots))
    return rows


def same_columns(a: Row, b: Row, tol: Tolerances) -> bool:
    return len(a.slots) == len(b.slots) and all(
        abs(x.x0 - y.x0) <= tol.same_column and abs(x.x1 - y.x1) <= tol.same_column
        for x, y in zip(a.slots, b.slots, strict=True)
    )


def same_width(a: Table, b: Table, tol: Tolerances) -> bool:
    return abs(a.bbox[0] - b.bbox[0]) <= tol.same_edge and abs(a.bbox[2] - b.bbox[2]) <= tol.same_edge


def overlapping(row: Row, slot: Slot) -> Slot | None:
    """The slot of ``row`` that overlaps ``slot`` most."""
    best, overlap = None, 0.0
    for s in row.slots:
        o = min(s.x1, slot.x1) - max(s.x0, slot.x0)
        if o > overlap:
            best, overlap = s, o
    return best
