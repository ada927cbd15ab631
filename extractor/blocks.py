"""The format-neutral stream that every reader produces and the interpreter consumes.

A reader knows file formats, not specifications: it yields table rows (with cells),
headings, paragraphs and list items, each with the location it came from. Cell content is
a sequence of parts: paragraphs, list items whose marker survived, and ``run`` parts,
list text whose item markers were lost in conversion (the interpreter re-splits them).

``level`` is the heading level (1-6) of a ``heading`` block, and the nesting depth
(1 = outermost list) of an ``item`` block or part when the format marks nesting (HTML,
Markdown); it is None wherever the reader cannot tell. A reader that does not know
headings (text) emits them as paragraphs. ``marker`` is the number an ordered list
displays for an item without printing it in the text (HTML ``<ol>``, Markdown ``1.``):
"1", "2", "b", "iv"; None for bullets and wherever the reader does not know it.
``style`` is the Word paragraph style, or "header" for a table header row (HTML ``<th>``
rows and ``<thead>``, the header row of a Markdown table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_serializer

BULLET_GLYPHS = frozenset("\u2022\uf0b7\u25cf\u25aa\u25e6\u00b7\uf0a7")
"""Characters printed as list bullets (•, Symbol-font bullets, ●, ▪, ◦, ·): every reader splits items on these."""

PartKind = Literal["paragraph", "item", "run"]
BlockKind = Literal["row", "heading", "paragraph", "item"]


class Location(BaseModel):
    """One place in the source document: a line; or a page and box; or table/row/cell/paragraph.

    The one location class: readers make it, the model keeps it, writers cite it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None

    @model_serializer(mode="wrap")
    def _only_set(self, handler):  # unannotated, so that schemas describe the fields, not "any dict"
        """Serialise only the coordinates that apply (a line, or a page and box, ...)."""
        return {k: v for k, v in handler(self).items() if v is not None}


@dataclass(frozen=True)
class Part:
    """One paragraph, list item or marker-less list run inside a cell."""

    kind: PartKind
    text: str
    location: Location
    level: int | None = None
    marker: str | None = None


@dataclass(frozen=True)
class Cell:
    """One table cell: its parts in reading order."""

    parts: tuple[Part, ...]
    location: Location

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts if p.text)


@dataclass(frozen=True)
class Block:
    """A table row (``cells``), or a heading, paragraph or list item (``text``)."""

    kind: BlockKind
    location: Location
    cells: tuple[Cell, ...] = ()
    text: str = ""
    style: str | None = field(default=None, compare=False)
    level: int | None = None
    marker: str | None = None

    @property
    def first(self) -> str:
        """Text of the first cell (rows) or the block's text."""
        return self.cells[0].text if self.cells else self.text
