"""Reader for the text conversion of a specification.

Table rows are tab-separated lines whose cells may carry HTML fragments; other lines are
paragraphs, or list items when they start with a bullet ("-", "•") or a number ("1.").
Rows made only of dashes (``--\t--``) are table-end debris and are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..blocks import Block, Cell, Location
from ..errors import InputError
from ..textutil import fold
from . import Progress
from .html_cell import cell_parts

ITEM_MARKER = re.compile(r"^\s*(?:[-\u2022\uf0b7]|\d+\.)\s+")
DEBRIS = re.compile(r"^[\s\-\t]*$")


def read_text(path: Path, progress: Progress | None = None) -> Iterator[Block]:
    """Blocks of a UTF-8 text specification, one per non-blank line."""
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    table, row = -1, 0
    in_table = False
    for number, line in enumerate(content.splitlines(), start=1):
        if "\t" in line:
            if DEBRIS.match(line):
                in_table = False
                continue
            if not in_table:
                table, row, in_table = table + 1, 0, True
            yield _row(line, number, table, row)
            row += 1
            continue
        text = fold(line)
        if not text:
            continue
        in_table = False
        where = Location(line=number)
        marker = ITEM_MARKER.match(line)
        if marker:
            yield Block("item", where, text=fold(line[marker.end():]))
        else:
            yield Block("paragraph", where, text=text)


def _row(line: str, number: int, table: int, row: int) -> Block:
    raw_cells = line.split("\t")
    while raw_cells and not raw_cells[-1].strip():
        raw_cells.pop()
    cells = tuple(
        Cell(tuple(cell_parts(raw, Location(line=number, cell=i))), Location(line=number, cell=i))
        for i, raw in enumerate(raw_cells)
    )
    return Block("row", Location(line=number, table=table, row=row), cells=cells)
