"""Reader for HTML specifications (web pages, saved or exported documents).

The body is walked in document order by the lxml walker of ``html_cell``: headings
(``<h1>``-``<h6>``) become ``heading`` blocks with their level, paragraphs and ``<br>``-separated
lines ``paragraph`` blocks, list items ``item`` blocks (nested lists deeper, ordered lists
with their displayed number as ``marker``). Each ``<tr>`` of a top-level table is one ``row``
block; a row of ``<th>`` cells or in ``<thead>`` has style "header".

Merged cells keep the grid, as the Word reader keeps columns for vertical merges: a cell
spanning ``colspan`` columns is followed by colspan-1 empty cells, and the rows below a
``rowspan`` cell get an empty cell in its columns (the learning outcome printed once, its
criteria in the rows it spans). Trailing empty cells are dropped, as in the other readers,
so a full-width row is one cell, as a horizontally merged Word cell is (the Word reader does
not pad a merge in the middle of a row).
A table inside a cell is flattened into that cell's parts, row by row.

Provenance: ``table`` (0-based, top-level tables in document order), ``row``, ``cell``
(grid column), ``paragraph`` (piece within the cell, or among the body's pieces) and the
element's source line.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator
from typing import Any

import lxml.html
from lxml import etree

from ..blocks import Block, BlockKind, Cell, Location, Part
from ..errors import InputError
from ..inputs import Input, as_input
from ..limits import Limits, default_limits
from ..textutil import fold
from .damage import Damage
from .html_cell import PieceKind, Walker, row_cells, table_rows, text_of
from .registry import Progress

LineOf = Callable[[Any], int | None]
MAX_COLSPAN = 1000  # the limits of the HTML standard
MAX_ROWSPAN = 65534
TOP_LEVEL: dict[PieceKind, BlockKind] = {"heading": "heading", "paragraph": "paragraph", "item": "item", "run": "paragraph"}


def read_html(
    source: Input | str | os.PathLike[str],
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
    jobs: int | None = None,
) -> Iterator[Block]:
    """Blocks of an HTML input; InputError (raised at once) when it cannot be decoded or is empty."""
    limits = limits or default_limits()
    source = as_input(source, limits)
    root = parse_html(decode_html(source.data, source), source)
    check_tables(root, limits, source, _line)
    return html_blocks(root, _line, limits, source)


def _line(node: Any) -> int | None:
    return node.sourceline


def decode_html(data: bytes, path: object) -> str:
    """The text of an HTML file: UTF-8 (with or without BOM), else the charset it declares."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data)
        if declared is None:
            raise InputError(
                f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}) and no usable charset declared"
            ) from None
    try:
        return data.decode(declared)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {declared} ({exc.reason} at byte {exc.start})") from None


def _declared_charset(data: bytes) -> str | None:
    """The Python codec of a ``<meta charset>`` or http-equiv Content-Type, if known."""
    try:
        head = lxml.html.document_fromstring(data[:4096], parser=lxml.html.HTMLParser(encoding="iso-8859-1"))
    except etree.ParserError:
        return None
    for meta in head.iter("meta"):
        value = meta.get("charset")
        content = (meta.get("content") or "").lower()
        if value is None and "charset=" in content:
            value = content.split("charset=", 1)[1].split(";")[0]
        if value:
            try:
                name = codecs.lookup(value.strip().strip("\"'")).name
            except LookupError:
                return None
            if name.startswith(("utf-16", "utf-32")):  # bytes already read as ASCII: browsers ignore it
                return None
            return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name  # as browsers do
    return None


def parse_html(text: str, path: object) -> Any:
    """The lxml document of an HTML text; InputError when it has no content at all."""
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except etree.ParserError:
        raise InputError(f"{path}: no content (only white space, comments or empty markup)") from None
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":  # libxml2 would silently cut the rest off
            raise InputError(f"{path}: HTML beyond the parser's limits ({error.message}), line {error.line}")
    return root


def check_tables(root: Any, limits: Limits, source: object, line_of: LineOf) -> None:
    """InputError at the first row past ``limits.table_rows`` (rows of all tables, nested ones too) or
    with more than ``limits.row_cells`` cells (``colspan`` counted): checked before any block is made."""
    for rows, row in enumerate(root.iter("tr"), start=1):
        if rows > limits.table_rows:
            raise limits.exceeded("table_rows", _where(source, line_of(row)), f"more than {limits.table_rows} table rows")
        cells = 0
        for cell in row_cells(row):
            cells += _span(cell.get("colspan"), MAX_COLSPAN)
            if cells > limits.row_cells:
                raise limits.exceeded("row_cells", _where(source, line_of(row)), f"more than {limits.row_cells} cells")


def _where(source: object, line: int | None) -> str:
    return f"{source}: line {line}" if line is not None else str(source)


def html_blocks(root: Any, line_of: LineOf, limits: Limits, source: object) -> Iterator[Block]:
    """The blocks of an lxml document; ``line_of`` gives an element's line in the source.
    A row that ``rowspan`` cells from above widen past ``limits.row_cells`` is an InputError."""
    body = root.find("body")
    paragraph, table = -1, -1
    for piece in Walker(in_cell=False).pieces(body if body is not None else root):
        if piece.kind == "table":
            table += 1
            for block in _table(piece.node, table, line_of):
                if len(block.cells) > limits.row_cells:
                    raise limits.exceeded("row_cells", _where(source, block.location.line), f"{len(block.cells)} cells")
                yield block
            continue
        paragraph += 1
        where = Location(line=line_of(piece.node), paragraph=paragraph)
        yield Block(TOP_LEVEL[piece.kind], where, text=piece.text, level=piece.level, marker=piece.marker)


def _table(table: Any, index: int, line_of: LineOf) -> Iterator[Block]:
    for caption in table.iterchildren("caption"):
        text = fold(text_of(caption))
        if text:
            yield Block("paragraph", Location(line=line_of(caption), table=index), text=text)
    covered: dict[int, int] = {}  # grid column -> rows still covered by a rowspan from above
    for number, (row, header) in enumerate(table_rows(table)):
        at = Location(table=index, row=number)
        cells = _row_cells(row, at, covered, line_of)
        while cells and not cells[-1].parts:
            cells.pop()
        style = "header" if header else None
        yield Block("row", at.model_copy(update=dict(line=line_of(row))), cells=tuple(cells), style=style)


def _row_cells(row: Any, at: Location, covered: dict[int, int], line_of: LineOf) -> list[Cell]:
    """The cells of one row on the table's grid, updating ``covered`` for the rows below."""
    cells: list[Cell] = []
    for element in row_cells(row):
        _skip_covered(cells, covered, at)
        column = len(cells)
        where = at.model_copy(update=dict(line=line_of(element), cell=column))
        cells.append(Cell(_cell_parts(element, where, line_of), where))
        span = _span(element.get("colspan"), MAX_COLSPAN)
        cells.extend(Cell((), at.model_copy(update=dict(cell=column + k))) for k in range(1, span))
        rows = _span(element.get("rowspan"), MAX_ROWSPAN)
        if rows > 1:
            covered.update((column + k, rows - 1) for k in range(span))
    while any(column >= len(cells) for column in covered):
        if len(cells) not in covered:
            cells.append(Cell((), at.model_copy(update=dict(cell=len(cells)))))
        _skip_covered(cells, covered, at)
    return cells


def _skip_covered(cells: list[Cell], covered: dict[int, int], at: Location) -> None:
    """Empty cells for the columns that a rowspan from above covers at this point of the row."""
    while len(cells) in covered:
        column = len(cells)
        cells.append(Cell((), at.model_copy(update=dict(cell=column))))
        covered[column] -= 1
        if not covered[column]:
            del covered[column]


def _cell_parts(element: Any, where: Location, line_of: LineOf) -> tuple[Part, ...]:
    pieces = Walker(in_cell=True).pieces(element)
    return tuple(p.part(where.model_copy(update=dict(paragraph=n, line=line_of(p.node)))) for n, p in enumerate(pieces))


def _span(value: str | None, limit: int) -> int:
    """A colspan/rowspan value: 1 when absent, invalid or 0, at most ``limit``."""
    try:
        return min(max(int((value or "1").strip()), 1), limit)
    except ValueError:
        return 1
