"""Blocks from the pages' content: logical tables joined across page breaks, cells and body
lines reflowed into parts and paragraphs.

A table that ends one page and starts the next with the same width is one logical table:
repeated header rows are dropped, and a first row whose cells continue the last row's
cells (text running on from a full line, or a list running on) is joined into that row.
A cell merged down over several rows appears in its first row; the rows it spans get an
empty cell in its place, as in the text form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise

from ...blocks import Block, Cell, Location, Part
from .flow import Flow, fits, marker
from .headings import heading_level
from .lines import Line, rounded
from .measures import DocumentMeasures
from .page import PageContent
from .tables import Element, PdfCell, Row, Table, overlapping, same_columns, same_width
from .tolerances import Tolerances


class Emitter:
    """Blocks from pages, with the document's measures taken beforehand."""

    def __init__(self, measures: DocumentMeasures, tol: Tolerances):
        self.tol = tol
        self.measures = measures

    def blocks(self, pages: Iterable[PageContent]) -> Iterator[Block]:
        """The pages' blocks, each table given out once the next element shows it ends
        (a table is joined with the first table of the next page while it is the last
        element read)."""
        last: Element | None = None
        table_index = -1
        run: list[Line] = []
        for page in pages:
            for n, element in enumerate(page.elements):
                if (
                    n == 0
                    and isinstance(element, Table)
                    and isinstance(last, Table)
                    and last.rows
                    and last.rows[-1].page == page.number - 1
                    and self._continues(last, element)
                ):
                    self._join(last, element)
                    continue
                if isinstance(last, Table):
                    table_index += 1
                    yield from self._table(last, table_index)
                if isinstance(element, Line):
                    run.append(element)
                elif run:
                    yield from self._body(run)
                    run = []
                last = element
        if isinstance(last, Table):
            yield from self._table(last, table_index + 1)
        if run:
            yield from self._body(run)

    # tables across pages

    def _continues(self, before: Table, after: Table) -> bool:
        """``after`` (first on its page) goes on with ``before`` (last on the previous
        page): same width, starting at the top of the text area, and ``before`` ran down
        to the bottom of the text area (a table broken by a page break fills its page)."""
        at_top = after.top <= self.measures.body_top + self.tol.page_top_slack
        filled = before.bottom >= self.measures.body_bottom - self.tol.fill_slack
        if not (same_width(before, after, self.tol) and at_top and filled and after.rows):
            return False
        # and its rows go on in the same columns (or repeat the header rows, or follow a
        # heading row left alone at the foot of the page); a table that starts on the next
        # page with other columns is another table
        return (
            before.cell_count == 1
            or same_columns(before.rows[-1], after.rows[0], self.tol)
            or after.rows[0].texts() == before.rows[0].texts()
        )

    def _join(self, table: Table, more: Table) -> None:
        rows = list(more.rows)
        rows = rows[self._repeated_header(table, rows) :]
        if rows and self._runs_on(table.rows[-1], rows[0]):
            last, first = table.rows[-1], rows.pop(0)
            for slot in first.slots:
                if slot.cell is None or not slot.cell.has_text:
                    continue
                target = overlapping(last, slot)
                if target is not None and target.source is not None:
                    target.source.tail.append(slot.cell)
        table.rows.extend(rows)

    def _repeated_header(self, table: Table, rows: list[Row]) -> int:
        """How many of ``rows`` (the top of the next page) repeat the header rows of
        ``table``: its first rows, or the first rows of its last section in the same
        columns (two tables printed one under the other are read as one)."""
        start = len(table.rows) - 1
        while start > 0 and same_columns(table.rows[start - 1], table.rows[-1], self.tol):
            start -= 1
        for first in dict.fromkeys((0, start)):
            k = 0
            while k < len(rows) and first + k < len(table.rows):
                texts = rows[k].texts()
                if any(texts) and texts == table.rows[first + k].texts():
                    k += 1
                else:
                    break
            if k:
                return k
        return 0

    def _runs_on(self, last: Row, first: Row) -> bool:
        """Does ``first`` (top of a page) continue the cells of ``last`` (bottom of the
        previous page)? Every cell with text must continue text that filled its cell, or
        start a new paragraph under text that reached the page break (then the others
        must go on with a word in lower case, a sentence running on); one at least must
        continue its text."""
        if not same_columns(last, first, self.tol):
            return False  # a row split by a page break keeps its cells
        ran_on, new_paragraph, running = False, False, True
        for slot in first.slots:
            cell = slot.cell
            if cell is None or not cell.has_text:
                continue
            target = overlapping(last, slot)
            source = target.source if target else None
            if source is None:
                return False
            before = source.last_line()
            if before is None:
                return False
            start = cell.lines[0]
            found = marker(start.words)
            if found and found[0] == "bullet":
                ran_on = True
                continue  # a list running on
            reached = source.bbox[3] - before.bottom <= before.size + self.tol.run_on_bottom
            if not reached and source.page == last.page:
                return False  # the text did not reach the page break
            pad = max(0.0, min(ln.x0 for ln in source.lines) - source.bbox[0])
            if not fits(before, start, source.bbox[2] - pad, self.tol):
                ran_on = True
                running = running and start.text[:1].islower()
            elif source.page != last.page:
                return False
            else:
                new_paragraph = True
        return ran_on and (running or not new_paragraph)

    # emitting

    def _table(self, table: Table, index: int) -> Iterator[Block]:
        pad = self._left_pad(table)
        for r, row in enumerate(table.rows):
            cells = []
            for c, slot in enumerate(row.slots):
                box = (slot.x0, row.top, slot.x1, row.bottom) if slot.cell is None else slot.cell.bbox
                where = Location(page=row.page, bbox=rounded(box), table=index, row=r, cell=c)
                parts = self._cell_parts(slot.cell, pad) if slot.cell is not None else []
                cells.append(Cell(tuple(parts), where))
            while cells and not cells[-1].parts:
                cells.pop()
            if not cells:
                continue
            bbox = (table.bbox[0], row.top, table.bbox[2], row.bottom)
            yield Block(
                "row",
                Location(page=row.page, bbox=rounded(bbox), table=index, row=r),
                cells=tuple(cells),
            )

    @staticmethod
    def _left_pad(table: Table) -> float:
        """The table's cell padding: the least space seen between a cell's left edge and
        its text (a cell whose text is indented, a list, has more on its left only)."""
        pads = [
            min(ln.x0 for ln in slot.cell.lines) - slot.cell.bbox[0]
            for row in table.rows
            for slot in row.slots
            if slot.cell is not None and slot.cell.lines
        ]
        return max(0.0, min(pads, default=0.0))

    def _cell_parts(self, cell: PdfCell, pad: float) -> list[Part]:
        pieces = [cell, *cell.tail]
        lines = [ln for piece in pieces for ln in piece.lines]
        if not lines:
            return []
        # the right edge of the text: the cell's edge less the table's padding
        limit = max(max(ln.x1 for ln in lines), cell.bbox[2] - pad - self.tol.cell_right_pad)
        own = self._own_line_gap(pieces)
        gap = self.measures.cell_gap if own is None else own
        flow = Flow(limit=limit, gap=gap, body=False, tol=self.tol, own_gap=own is not None)
        # a piece that ran on over a page break goes on with the last paragraph, unless its
        # first line sits lower in its cell than text normally does (paragraph spacing) in a
        # cell whose text is not centred vertically
        pad_top = min((ln.top - cell.bbox[1] for ln in cell.lines[:1]), default=None)
        for n, piece in enumerate(pieces):
            continued = n > 0 and bool(piece.lines)
            if continued and pad_top is not None:
                above = piece.lines[0].top - piece.bbox[1]
                below = piece.bbox[3] - piece.lines[-1].bottom
                # a cell aligned to its middle (as even as a glyph box's ascent and descent)
                centred = abs(above - below) <= self.tol.centred_ems * piece.lines[0].size
                continued = centred or above <= pad_top + self.tol.run_on_top_slack
            flow.feed(piece.lines, continued=continued)
        return [Part(p.kind, text, p.location()) for p, text in flow.parts(self.measures.vocabulary)]

    def _own_line_gap(self, pieces: list[PdfCell]) -> float | None:
        """The space between the wrapped lines of this cell's paragraphs, measured in the
        cell: its smallest gap between two lines of one size, if that is a line gap by the
        document's measure (None if not: a cell whose lines are all paragraphs of their own)."""
        pairs = [
            (b.top - a.bottom, a.size)
            for piece in pieces
            for a, b in pairwise(piece.lines)
            if abs(a.size - b.size) < self.tol.size_change and b.top - a.bottom >= -1.0
        ]
        if not pairs:
            return None
        gap, size = min(pairs)
        return gap if gap <= self.tol.paragraph_gap(self.measures.cell_gap, size) else None

    def _body(self, lines: list[Line]) -> Iterator[Block]:
        m = self.measures
        flow = Flow(limit=m.body_limit, gap=m.body_gap, body=True, tol=self.tol, body_size=m.body_size)
        prev: Line | None = None
        for line in lines:
            continued = prev is not None and line.page != prev.page and self._page_run_on(prev, line)
            flow.feed([line], continued=continued)
            prev = line
        for p, text in flow.parts(self.measures.vocabulary):
            level = heading_level(p.lines, self.measures.body_size) if p.kind == "paragraph" else None
            if level is None:
                yield Block(p.kind, p.location(), text=text)
            else:
                yield Block("heading", p.location(), text=text, level=level)

    def _page_run_on(self, prev: Line, line: Line) -> bool:
        """A body paragraph running on over a page break: ``prev`` is the last line of its
        page, ``line`` the first of the next, and ``prev`` was full."""
        if line.top > self.measures.body_top + self.tol.page_top_slack or fits(prev, line, self.measures.body_limit, self.tol):
            return False
        # a sentence that ends the page before a capitalised line: a paragraph ended there
        return not (prev.text.rstrip().endswith((".", ":", "?", "!")) and line.text[:1].isupper())
