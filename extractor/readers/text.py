"""Reader for the text conversion of a specification.

Table rows are tab-separated lines whose cells may carry HTML fragments; other lines are
paragraphs, or list items when they start with a bullet ("-", "•") or a number ("1.").
Rows made only of dashes (``--\t--``) are table-end debris and are dropped.

A line with no tab between rows of one table, followed by a row that continues that table
(not its header again, cells shaped like its rows), is a row whose tabs were lost: it is
read by its column positions (``mend``) and recorded as damage, or, when it cannot be split,
recorded as unreadable and skipped; either way the table goes on. A line right after a
table that splits into cells shaped like the table's rows is such a row at the table's end.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from ..blocks import BULLET_GLYPHS, Block, Cell, Location
from ..inputs import Input, as_input
from ..limits import Limits, default_limits
from ..textutil import fold
from .damage import Damage
from .encoding import decode_text
from .html_cell import cell_parts
from .mend import continues, mend
from .registry import Progress

ITEM_MARKER = re.compile(r"^\s*(?:[-" + "".join(sorted(BULLET_GLYPHS)) + r"]|\d+\.)\s+")
DEBRIS = re.compile(r"^[\s\-\t]*$")


def read_text(
    source: Input | str | os.PathLike[str],
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
    jobs: int | None = None,
) -> Iterator[Block]:
    """Blocks of a text specification, one per non-blank line."""
    limits = limits or default_limits()
    source = as_input(source, limits)
    lines = decode_text(source).splitlines()
    _check_lines(source, lines, limits)
    return _blocks(lines, limits, damage if damage is not None else [], source)


def _check_lines(source: Input, lines: list[str], limits: Limits) -> None:
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.line_chars:
            raise limits.exceeded("line_chars", f"{source}: line {number}", f"{len(line)} characters")
        if line.count("\t") >= limits.row_cells:
            raise limits.exceeded("row_cells", f"{source}: line {number}", f"{line.count(chr(9)) + 1} cells")


def _blocks(lines: list[str], limits: Limits, damage: list[Damage], source: Input) -> Iterator[Block]:
    table, row, rows = -1, 0, 0
    body: list[list[str]] = []  # the current table's rows, header first
    for index, line in enumerate(lines):
        number = index + 1
        if "\t" in line:
            if DEBRIS.match(line):
                body = []
                continue
            if not body:
                table, row = table + 1, 0
            cells = _split(line)
            body.append(cells)
            yield _row(cells, number, table, row)
            row, rows = row + 1, rows + 1
            if rows > limits.table_rows:
                raise limits.exceeded("table_rows", f"{source}: line {number}", f"more than {limits.table_rows} table rows")
            continue
        text = fold(line)
        if not text:
            continue
        marker = ITEM_MARKER.match(line)
        if body and not marker:
            following = _next_row(lines, index)
            within = following is not None and continues(body, following)
            like = following if following is not None and within else body[-1]
            mended = mend(line, body, like) if within or len(body) > 1 else ()
            if within or mended:  # a row inside the table, or one more row at its end
                damage.append(Damage(Location(line=number, table=table, row=row), line, len(like), mended))
                if mended:
                    body.append(list(mended))
                    yield _row(list(mended), number, table, row)
                row += 1
                continue
        body = []
        where = Location(line=number)
        if marker:
            yield Block("item", where, text=fold(line[marker.end():]))
        else:
            yield Block("paragraph", where, text=text)


def _split(line: str) -> list[str]:
    cells = line.split("\t")
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _next_row(lines: list[str], index: int) -> list[str] | None:
    """The cells of the next non-blank line when it is a table row, else None."""
    for later in range(index + 1, len(lines)):
        line = lines[later]
        if line.strip():
            return _split(line) if "\t" in line and not DEBRIS.match(line) else None
    return None


def _row(cells: list[str], number: int, table: int, row: int) -> Block:
    parts = tuple(
        Cell(tuple(cell_parts(raw, Location(line=number, cell=i))), Location(line=number, cell=i))
        for i, raw in enumerate(cells)
    )
    return Block("row", Location(line=number, table=table, row=row), cells=parts)
