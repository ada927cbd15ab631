"""Borderless tables, recovered from text alignment: runs of body lines made of column
segments that start where the first line's columns start."""

from __future__ import annotations

from itertools import pairwise

from .flow import marker
from .lines import Line
from .tables import Element, PdfCell, Row, Slot, Table
from .tolerances import Tolerances, Word


def segments(line: Line, tol: Tolerances) -> list[list[Word]]:
    """The line split where the gap between words is a column gap."""
    gap = tol.column_gap(line.size)
    out = [[line.words[0]]]
    for prev, w in pairwise(line.words):
        if w.x0 - prev.x1 >= gap:
            out.append([])
        out[-1].append(w)
    return out


def with_borderless_tables(page: int, lines: list[Line], tol: Tolerances) -> list[Element]:
    """Body lines, with runs of column-aligned lines turned into tables."""
    out: list[Element] = []
    i = 0
    while i < len(lines):
        run = 0 if marker(lines[i].words) is not None else _aligned_run(lines, i, tol)
        if run:
            out.append(_text_table(page, lines[i : i + run], tol))
            i += run
        else:
            out.append(lines[i])
            i += 1
    return out


def _aligned_run(lines: list[Line], start: int, tol: Tolerances) -> int:
    """Number of lines from ``start`` forming a borderless table (0 if none): lines whose
    column segments start at the first line's column starts, at least two of them with
    two or more segments. A one-segment line in the first column belongs to the table
    only as a wrapped line of the cell above."""
    first = lines[start]
    segs = segments(first, tol)
    if len(segs) < 2:
        return 0
    columns = [s[0].x0 for s in segs]
    count, multi = 1, 1
    prev = first
    for line in lines[start + 1 :]:
        gap = line.top - prev.bottom
        if gap > tol.row_gap_ems * prev.size:
            break
        starts = [s[0].x0 for s in segments(line, tol)]
        if not all(any(abs(x - c) <= tol.same_edge for c in columns) for x in starts):
            break
        if (
            len(starts) == 1
            and abs(starts[0] - columns[0]) <= tol.same_edge
            and gap > tol.wrap_gap_ems * prev.size
        ):
            break
        if len(starts) >= 2:
            multi += 1
        count, prev = count + 1, line
    return count if multi >= 2 else 0


def _text_table(page: int, lines: list[Line], tol: Tolerances) -> Table:
    columns = [s[0].x0 for s in segments(lines[0], tol)]
    placed: list[list[list[Word]]] = []
    for line in lines:
        pieces: list[list[Word]] = [[] for _ in columns]
        for seg in segments(line, tol):
            col = max(i for i, c in enumerate(columns) if seg[0].x0 >= c - tol.same_edge)
            pieces[col].extend(seg)
        placed.append(pieces)
    # a column's right edge: the widest text in it
    rights = [
        max((max(w.x1 for w in p[i]) for p in placed if p[i]), default=columns[i] + 1)
        for i in range(len(columns))
    ]
    rows: list[Row] = []
    cells: list[PdfCell] = []
    for line, pieces in zip(lines, placed, strict=True):
        if pieces[0] or not rows:
            cells = [PdfCell(page, (c, line.top, r, line.bottom)) for c, r in zip(columns, rights, strict=True)]
            rows.append(Row(page, line.top, line.bottom, [Slot(c.bbox[0], c.bbox[2], c) for c in cells]))
        rows[-1].bottom = line.bottom
        for cell, ws in zip(cells, pieces, strict=True):
            if ws:
                cell.lines.append(Line.of(page, ws, tol))
            x0, top, x1, _ = cell.bbox
            cell.bbox = (x0, top, x1, line.bottom)
    bbox = (min(line.x0 for line in lines), lines[0].top, max(rights), lines[-1].bottom)
    return Table(page, bbox, rows)
