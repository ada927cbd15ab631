"""The one lxml walker from HTML content to text pieces: headings, paragraphs, list items.

The HTML and Markdown readers walk a document and each of its table cells with it; the text
reader uses ``cell_parts`` for the HTML fragments in its cells. Block elements (``<p>``,
``<div>``, headings, lists) and ``<br>`` end a paragraph; inline elements (emphasis, links,
spans) only give their text. A list item is one piece (a ``<p>`` or ``<br>`` inside it is a
space); a nested list gives deeper items (``level`` 2, 3...); an ordered list's displayed
number is the item's ``marker``. Text inside a list but outside any ``<li>`` (markup whose
items were lost) is split on bullet glyphs when they survived, otherwise it is one ``run``.
Bullet glyphs inside other text split it the same way. Scripts, styles, navigation,
hidden elements and comments are not content. In a cell, headings are paragraphs and a
nested table is flattened, cell by cell in row order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import lxml.html
from lxml import etree

from ..blocks import BULLET_GLYPHS, Location, Part, PartKind
from ..textutil import fold

BULLET_SPLIT = re.compile("[" + "".join(sorted(BULLET_GLYPHS)) + "]")
DROPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "head", "title", "iframe", "object", "svg", "math",
     "button", "select", "textarea", "input", "img", "map", "audio", "video", "canvas"}
)
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
     "html", "legend", "main", "p", "section", "summary", "td", "th", "tr", "thead", "tbody", "tfoot"}
)
PieceKind = Literal["heading", "paragraph", "item", "run", "table"]
PART_KIND: dict[PieceKind, PartKind] = {"heading": "paragraph", "paragraph": "paragraph", "item": "item", "run": "run"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LISTS = frozenset({"ul", "ol", "menu", "dir"})
CELLS = frozenset({"td", "th"})
ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


@dataclass(frozen=True)
class Piece:
    """One heading, paragraph, list item or list run; or a table (``node``) left to the caller."""

    kind: PieceKind
    text: str
    node: Any
    level: int | None = None
    marker: str | None = None

    def part(self, where: Location) -> Part:
        """This piece as a part of a cell, at ``where``."""
        return Part(PART_KIND[self.kind], self.text, where, self.level, self.marker)


@dataclass
class _Buffer:
    """Text gathered for the piece being read; ``joined`` pieces ignore paragraph breaks."""

    kind: PieceKind
    node: Any
    level: int | None = None
    marker: str | None = None
    joined: bool = False
    texts: list[str] = field(default_factory=list)
    started: bool = False  # some visible text was added: ``node`` is where the piece starts

    def add(self, text: str | None, node: Any) -> None:
        if not text:
            return
        if not self.started:
            self.node, self.started = node, not text.isspace()
        self.texts.append(text)

    def flush(self) -> Iterator[Piece]:
        text = fold("".join(self.texts))
        self.texts.clear()
        self.started = False
        if not text:
            return
        pieces = [fold(p) for p in BULLET_SPLIT.split(text)] if self.kind != "heading" else [text]
        kind: PieceKind = self.kind
        if len(pieces) > 1 and kind == "run":
            kind = "paragraph"
        if pieces[0]:
            yield Piece(kind, pieces[0], self.node, self.level, self.marker)
        item_level = self.level if self.kind in ("item", "run") else None
        yield from (Piece("item", p, self.node, item_level) for p in pieces[1:] if p)
        if self.kind == "item":  # text after a nested list continues the item, unnumbered
            self.kind, self.level, self.marker = "paragraph", None, None


class Walker:
    """Pieces of an element's content; ``in_cell``: headings are paragraphs, tables flattened."""

    def __init__(self, in_cell: bool):
        self.in_cell = in_cell

    def pieces(self, root: Any, depth: int = 0) -> Iterator[Piece]:
        buffer = _Buffer("paragraph", root)
        yield from self._content(root, buffer, depth)
        yield from buffer.flush()

    def _content(self, node: Any, buffer: _Buffer, depth: int) -> Iterator[Piece]:
        buffer.add(node.text, node)
        for child in node:
            yield from self._child(child, buffer, depth)
            buffer.add(child.tail, child)

    def _child(self, child: Any, buffer: _Buffer, depth: int) -> Iterator[Piece]:
        tag = child.tag.lower() if isinstance(child.tag, str) else None
        if tag is None or tag in DROPPED or child.get("hidden") is not None:
            return
        if tag == "br":
            if buffer.joined:
                buffer.add(" ", child)
            else:
                yield from buffer.flush()
        elif tag in LISTS:
            yield from buffer.flush()
            yield from self._list(child, depth + 1)
        elif tag == "li":
            yield from buffer.flush()
            yield from self._item(child, max(depth, 1), None)
        elif tag == "table":
            yield from buffer.flush()
            if self.in_cell:
                for row, _ in table_rows(child):
                    for cell in row_cells(row):
                        yield from self.pieces(cell, depth)
            else:
                yield Piece("table", "", child)
        elif tag == "pre":
            yield from buffer.flush()
            for line in text_of(child, keep_lines=True).splitlines():
                if fold(line):
                    yield Piece("paragraph", fold(line), child)
        elif buffer.joined and (tag in BLOCKS or tag in HEADINGS):
            buffer.add(" ", child)
            yield from self._content(child, buffer, depth)
            buffer.add(" ", child)
        elif tag in HEADINGS:
            yield from buffer.flush()
            heading = _Buffer("paragraph", child) if self.in_cell else _Buffer("heading", child, HEADINGS[tag])
            heading.joined = True
            yield from self._content(child, heading, depth)
            yield from heading.flush()
        elif tag in BLOCKS:
            yield from buffer.flush()
            inner = _Buffer("paragraph", child)
            yield from self._content(child, inner, depth)
            yield from inner.flush()
        else:  # inline: its text joins the current piece
            yield from self._content(child, buffer, depth)

    def _list(self, node: Any, depth: int) -> Iterator[Piece]:
        loose = _Buffer("run", node, depth)
        numbers = _ordinals(node)
        loose.add(node.text, node)
        for child in node:
            if isinstance(child.tag, str) and child.tag.lower() == "li":
                yield from loose.flush()
                if child.get("hidden") is None:
                    yield from self._item(child, depth, numbers(child))
            else:
                yield from self._child(child, loose, depth)
            loose.add(child.tail, child)
        yield from loose.flush()

    def _item(self, node: Any, depth: int, marker: str | None) -> Iterator[Piece]:
        buffer = _Buffer("item", node, depth, marker, joined=True)
        yield from self._content(node, buffer, depth)
        yield from buffer.flush()


def _ordinals(node: Any):
    """The displayed number of each ``<li>`` of an ordered list, in order (None for bullets)."""
    if node.tag.lower() != "ol":
        return lambda li: None
    items = [c for c in node if isinstance(c.tag, str) and c.tag.lower() == "li"]
    descending = node.get("reversed") is not None
    step = -1 if descending else 1
    state = {"next": _int(node.get("start"), len(items) if descending else 1)}
    style = node.get("type") or "1"

    def number(li: Any) -> str:
        value = _int(li.get("value"), state["next"])
        state["next"] = value + step
        return _format_ordinal(value, style)

    return number


def _format_ordinal(value: int, style: str) -> str:
    if value <= 0 or style not in ("a", "A", "i", "I"):
        return str(value)
    if style in ("i", "I"):
        out, rest = "", value
        for amount, letters in ROMAN:
            while rest >= amount:
                out, rest = out + letters, rest - amount
        return out.upper() if style == "I" else out
    letters = ""
    while value > 0:
        value, remainder = divmod(value - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters.upper() if style == "A" else letters


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def text_of(node: Any, keep_lines: bool = False) -> str:
    """The text of ``node`` without dropped elements; ``<br>`` is a new line when lines are kept."""
    out: list[str] = [node.text or ""]
    for child in node:
        tag = child.tag.lower() if isinstance(child.tag, str) else None
        if tag == "br":
            out.append("\n" if keep_lines else " ")
        elif tag is not None and tag not in DROPPED:
            out.append(text_of(child, keep_lines))
        out.append(child.tail or "")
    return "".join(out)


def table_rows(table: Any) -> Iterator[tuple[Any, bool]]:
    """(row, is a header row) of a table in document order; nested tables are not entered."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else None
        if tag == "tr":
            yield child, _all_headers(child)
        elif tag in ("thead", "tbody", "tfoot"):
            for row in child:
                if isinstance(row.tag, str) and row.tag.lower() == "tr":
                    yield row, tag == "thead" or _all_headers(row)


def row_cells(row: Any) -> list[Any]:
    """The ``<td>`` and ``<th>`` elements of a row."""
    return [c for c in row if isinstance(c.tag, str) and c.tag.lower() in CELLS]


def _all_headers(row: Any) -> bool:
    cells = row_cells(row)
    return bool(cells) and all(c.tag.lower() == "th" for c in cells)


def cell_parts(raw: str, where: Location) -> list[Part]:
    """Parts of one cell whose text may carry HTML fragments, all at ``where``."""
    if not raw.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(raw, create_parent="div")
    except (etree.ParserError, ValueError):
        text = fold(raw)
        return [Part("paragraph", text, where)] if text else []
    return [p.part(where) for p in Walker(in_cell=True).pieces(root)]
