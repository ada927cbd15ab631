"""Reader for Word (.docx) specifications.

The body is walked in document order: paragraphs become ``paragraph`` or ``item`` blocks,
tables become one ``row`` block per table row. python-docx opens the package and gives the
styles and numbering parts; the body itself is walked with lxml, because python-docx has
no API for merged-cell identity, inherited numbering, fields or content controls.

What is not content: headers and footers (other parts, never walked), the table of
contents (a ``TOC`` field, ``TOC...`` paragraph styles, or a content control whose
docPartGallery is "Table of Contents"), field codes (``instrText``, ``fldSimple``
instructions) and the displayed results of page-furniture fields (PAGE, NUMPAGES, PAGEREF,
dates...). Results of other fields (HYPERLINK, REF, MERGEFIELD...) are kept.

Merged cells: one cell per ``w:tc`` element, so a horizontal merge (gridSpan) is one cell;
a vertically merged continuation (``vMerge`` without ``restart``) is an empty cell, exactly
like the text form, where a learning outcome is printed once and the following criteria
rows have an empty first cell. ``gridBefore`` columns become empty cells so that columns
stay aligned. Trailing empty cells are dropped, as in the text reader.

Provenance: ``table`` (0-based, top-level tables in document order), ``row``, ``cell``
(position in the row after merging) and ``paragraph`` (index of the paragraph within its
cell, or among the body paragraphs, counting every body paragraph including empty ones).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from docx.styles import BabelFish
from lxml import etree

from ..blocks import BULLET_GLYPHS, Block, Cell, Location, Part
from ..errors import InputError
from ..inputs import Input, as_input
from ..limits import Limits, default_limits
from ..textutil import fold
from .damage import Damage
from .registry import Progress
from .zipguard import check_package

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"

GLYPH_SPLIT = re.compile("[" + "".join(sorted(BULLET_GLYPHS)) + "]")
# Fields whose displayed result is page furniture, not content.
DROPPED_FIELDS = frozenset(
    {
        "TOC", "TC", "XE", "INDEX", "TOA", "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION",
        "PAGEREF", "DATE", "TIME", "PRINTDATE", "SAVEDATE", "CREATEDATE", "EDITTIME",
        "FILENAME", "FILESIZE", "NUMWORDS", "NUMCHARS", "AUTHOR", "LASTSAVEDBY",
    }
)
# Elements whose text is not part of the paragraph's reading text.
SKIPPED = frozenset(
    {
        W + "instrText", W + "delText", W + "delInstrText", W + "drawing", W + "pict",
        W + "object", W + "footnoteReference", W + "endnoteReference", W + "commentReference",
        W + "rPr", W + "pPr", W + "moveFrom", W + "fldData", f"{{{MC_NS}}}Fallback",
    }
)
Piece = Literal["paragraph", "item"]
TOC_STYLE = re.compile(r"^toc\s*(\d|heading)", re.IGNORECASE)


def read_docx(
    source: Input | str | os.PathLike[str],
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
    jobs: int | None = None,
) -> Iterator[Block]:
    """Blocks of a Word document; InputError (raised at once) when it cannot be opened."""
    limits = limits or default_limits()
    source = as_input(source, limits)
    reader = _Reader.open(source, limits)
    return reader.blocks()


# --------------------------------------------------------------------------- opening


def _open_document(source: Input, limits: Limits) -> DocxDocument:
    """The python-docx document, after every part was inflated and parsed under the limits."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    check_package(source, limits)
    try:
        return docx.Document(io.BytesIO(source.data))
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise InputError(f"{source}: corrupt ZIP container (damaged .docx?)") from None
    except KeyError as exc:
        raise InputError(f"{source}: damaged Word document (missing part {exc})") from None
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{source}: damaged Word document (bad XML: {exc.msg})") from None
    except (PackageNotFoundError, ValueError) as exc:  # ValueError: "not a Word file, content type is ..."
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"{source}: cannot be read as a Word document ({reason})") from None


# --------------------------------------------------------------------------- styles & lists


@dataclass
class _Styles:
    """Paragraph styles: name, parent and numbering, to resolve inherited numPr."""

    names: dict[str, str] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    num: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    default: str | None = None

    @classmethod
    def of(cls, document) -> _Styles:
        styles = cls()
        root = document.styles.element
        for style in root.iterchildren(W + "style"):
            if style.get(W + "type") not in (None, "paragraph"):
                continue
            sid = style.get(W + "styleId")
            if sid is None:
                continue
            name = style.find(W + "name")
            raw = name.get(W + "val") if name is not None else sid
            styles.names[sid] = BabelFish.internal2ui(raw)  # "heading 1" -> "Heading 1"
            parent = style.find(W + "basedOn")
            if parent is not None:
                styles.based_on[sid] = parent.get(W + "val")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                styles.num[sid] = _num_pr(num_pr)
            if style.get(W + "default") in ("1", "true", "on"):
                styles.default = sid
        return styles

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) inherited along the basedOn chain; Nones when not numbered."""
        num_id = ilvl = None
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            own_id, own_lvl = self.num.get(sid, (None, None))
            num_id = num_id if num_id is not None else own_id
            ilvl = ilvl if ilvl is not None else own_lvl
            if num_id is not None:
                break
            sid = self.based_on.get(sid)
        return num_id, ilvl


def _num_pr(num_pr) -> tuple[str | None, str | None]:
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    return (
        num_id.get(W + "val") if num_id is not None else None,
        ilvl.get(W + "val") if ilvl is not None else None,
    )


@dataclass
class _Numbering:
    """numbering.xml: the number format of each (numId, level)."""

    formats: dict[tuple[str, int], str] = field(default_factory=dict)
    nums: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document, styles: _Styles) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except NotImplementedError:  # no numbering part (python-docx cannot make one): nothing is numbered
            return numbering
        abstract: dict[str, dict[int, str]] = {}
        links: dict[str, str] = {}
        for node in root.iterchildren(W + "abstractNum"):
            aid = node.get(W + "abstractNumId")
            abstract[aid] = {
                _int(lvl.get(W + "ilvl")): _fmt(lvl) for lvl in node.iterchildren(W + "lvl")
            }
            link = node.find(W + "numStyleLink")
            if link is not None:
                links[aid] = link.get(W + "val")
        num_abstract: dict[str, str] = {}
        overrides: dict[str, dict[int, str]] = {}
        for num in root.iterchildren(W + "num"):
            nid = num.get(W + "numId")
            ref = num.find(W + "abstractNumId")
            num_abstract[nid] = ref.get(W + "val") if ref is not None else ""
            for override in num.iterchildren(W + "lvlOverride"):
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    level = _int(override.get(W + "ilvl"))
                    overrides.setdefault(nid, {})[level] = _fmt(lvl)
        for nid, aid in num_abstract.items():
            levels = dict(abstract.get(aid, {}))
            if not levels and aid in links:  # numStyleLink: the style's list gives the levels
                linked_id, _ = styles.numbering(links[aid])
                levels = dict(abstract.get(num_abstract.get(linked_id or "", ""), {}))
            levels.update(overrides.get(nid, {}))
            numbering.nums.add(nid)
            for level, fmt in levels.items():
                numbering.formats[(nid, level)] = fmt
        return numbering

    def kind(self, num_id: str | None, ilvl: str | None) -> str | None:
        """"bullet", "number" or None (not a list, or a level with no visible marker)."""
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        try:
            level = int(ilvl or 0)
        except ValueError:
            level = 0
        fmt = self.formats.get((num_id, level), self.formats.get((num_id, 0), "decimal"))
        if fmt == "none":
            return None
        return "bullet" if fmt == "bullet" else "number"


def _fmt(lvl) -> str:
    node = lvl.find(W + "numFmt")
    return node.get(W + "val", "decimal") if node is not None else "decimal"


# --------------------------------------------------------------------------- paragraph text


@dataclass
class _Fields:
    """Complex fields open at the current point; they may span several paragraphs."""

    stack: list[list] = field(default_factory=list)  # [instruction, in_result]

    def hidden(self) -> bool:
        for instruction, in_result in self.stack:
            if not in_result:
                return True
            if _field_name(instruction) in DROPPED_FIELDS:
                return True
        return False


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def _paragraph_text(p, fields: _Fields) -> str:
    out: list[str] = []
    _collect(p, fields, out)
    return "".join(out)


def _collect(node, fields: _Fields, out: list[str]) -> None:
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            if tag == W + "instrText" and fields.stack and not fields.stack[-1][1]:
                fields.stack[-1][0] += child.text or ""
            continue
        if tag == W + "t":
            if not fields.hidden():
                out.append(child.text or "")
        elif tag == W + "fldChar":
            kind = child.get(W + "fldCharType")
            if kind == "begin":
                fields.stack.append(["", False])
            elif kind == "separate" and fields.stack:
                fields.stack[-1][1] = True
            elif kind == "end" and fields.stack:
                fields.stack.pop()
        elif tag == W + "fldSimple":
            if _field_name(child.get(W + "instr", "")) not in DROPPED_FIELDS:
                _collect(child, fields, out)
        elif tag in (W + "tab", W + "br", W + "cr"):
            if not fields.hidden():
                out.append(" ")
        elif tag == W + "noBreakHyphen":
            if not fields.hidden():
                out.append("-")
        elif tag == W + "sym":
            char = (child.get(W + "char") or "").upper()
            if char in ("F0B7", "2022") and not fields.hidden():
                out.append("\uf0b7")
        elif tag == W + "p":  # a paragraph nested in a text box etc. is not walked
            continue
        else:
            _collect(child, fields, out)


def _style_id(p) -> str | None:
    node = p.find(f"{W}pPr/{W}pStyle")
    return node.get(W + "val") if node is not None else None


# --------------------------------------------------------------------------- the walk


@dataclass
class _Reader:
    document: DocxDocument
    styles: _Styles
    numbering: _Numbering
    limits: Limits
    name: str
    fields: _Fields = field(default_factory=_Fields)
    rows: int = 0
    table: int = -1
    paragraph: int = -1

    @classmethod
    def open(cls, source: Input, limits: Limits) -> _Reader:
        document = _open_document(source, limits)
        styles = _Styles.of(document)
        return cls(document, styles, _Numbering.of(document, styles), limits, source.name)

    def blocks(self) -> Iterator[Block]:
        body = self.document.element.body
        yield from self._walk(body)

    def _walk(self, container) -> Iterator[Block]:
        for child in container.iterchildren():
            tag = child.tag
            if tag == W + "p":
                self.paragraph += 1
                yield from self._body_paragraph(child)
            elif tag == W + "tbl":
                self.table += 1
                yield from self._table(child, self.table)
            elif tag == W + "sdt":
                if _is_toc_sdt(child):
                    self.paragraph += len(child.findall(f".//{W}p"))
                    continue
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self._walk(content)
            elif tag in (W + "customXml", W + "smartTag"):
                yield from self._walk(child)

    # -- paragraphs

    def _classify(self, p) -> tuple[str | None, str | None, str]:
        """(list kind or None, style name, text) of a paragraph; text '' when not content."""
        sid = _style_id(p)
        text = fold(_paragraph_text(p, self.fields))
        name = self.styles.names.get(sid or self.styles.default or "", sid)
        if sid and (TOC_STYLE.match(sid) or TOC_STYLE.match(name or "")):
            return None, name, ""
        direct = p.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = _num_pr(direct) if direct is not None else (None, None)
        if num_id is None:
            style_id, style_lvl = self.styles.numbering(sid or self.styles.default)
            num_id, ilvl = style_id, ilvl if ilvl is not None else style_lvl
        return self.numbering.kind(num_id, ilvl), name, text

    def _pieces(self, p) -> tuple[list[tuple[Piece, str]], str | None]:
        """[(kind, text)] of a paragraph: one piece, or several when bullet glyphs split it."""
        listed, style, text = self._classify(p)
        if not text:
            return [], style
        if not any(g in text for g in BULLET_GLYPHS):
            return [("item" if listed else "paragraph", text)], style
        pieces = [fold(piece) for piece in GLYPH_SPLIT.split(text)]
        out: list[tuple[Piece, str]] = []
        if pieces[0]:
            out.append(("item" if listed else "paragraph", pieces[0]))
        out.extend(("item", piece) for piece in pieces[1:] if piece)
        return out, style

    def _body_paragraph(self, p) -> Iterator[Block]:
        pieces, style = self._pieces(p)
        where = Location(paragraph=self.paragraph)
        for kind, text in pieces:
            yield Block(kind, where, text=text, style=style)

    # -- tables

    def _where(self, table: int, row: int) -> str:
        return f"{self.name}: table {table + 1}, row {row + 1}"

    def _table(self, tbl, index: int) -> Iterator[Block]:
        for row_index, tr in enumerate(_rows(tbl)):
            self.rows += 1
            if self.rows > self.limits.table_rows:
                found = f"more than {self.limits.table_rows} table rows"
                raise self.limits.exceeded("table_rows", self._where(index, row_index), found)
            cells = self._row_cells(tr, index, row_index)
            if len(cells) > self.limits.row_cells:
                raise self.limits.exceeded("row_cells", self._where(index, row_index), f"{len(cells)} cells")
            while cells and not cells[-1].parts:
                cells.pop()
            yield Block("row", Location(table=index, row=row_index), cells=tuple(cells))

    def _row_cells(self, tr, table: int, row: int) -> list[Cell]:
        cells: list[Cell] = []
        before = tr.find(f"{W}trPr/{W}gridBefore")
        skipped = _int(before.get(W + "val")) if before is not None else 0
        if skipped > self.limits.row_cells:
            raise self.limits.exceeded("row_cells", self._where(table, row), f"{skipped} skipped grid columns")
        for _ in range(skipped):
            cells.append(Cell((), Location(table=table, row=row, cell=len(cells))))
        for tc in _cells(tr):
            tc_pr = tc.find(W + "tcPr")
            h_merge = tc_pr.find(W + "hMerge") if tc_pr is not None else None
            if h_merge is not None and h_merge.get(W + "val") != "restart":
                continue  # legacy horizontal merge: the restart cell holds the text
            where = Location(table=table, row=row, cell=len(cells))
            v_merge = tc_pr.find(W + "vMerge") if tc_pr is not None else None
            if v_merge is not None and v_merge.get(W + "val") != "restart":
                cells.append(Cell((), where))  # continuation of the cell above
                continue
            cells.append(Cell(tuple(self._cell_parts(tc, where)), where))
        return cells

    def _cell_parts(self, tc, where: Location) -> list[Part]:
        outer, self.fields = self.fields, _Fields()  # a field never spans cells
        try:
            return self._cell_content(tc, where)
        finally:
            self.fields = outer

    def _cell_content(self, tc, where: Location) -> list[Part]:
        parts: list[Part] = []
        for number, p in enumerate(_cell_paragraphs(tc)):
            pieces, _ = self._pieces(p)
            at = Location(table=where.table, row=where.row, cell=where.cell, paragraph=number)
            parts.extend(Part(kind, text, at) for kind, text in pieces)
        return parts


def _rows(tbl) -> Iterator:
    for child in tbl.iterchildren():
        if child.tag == W + "tr":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from (tr for tr in content.iter(W + "tr"))


def _cells(tr) -> Iterator:
    for child in tr.iterchildren():
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from content.iterchildren(W + "tc")


def _cell_paragraphs(container) -> Iterator:
    """Paragraphs of a cell in order; nested tables are flattened, row by row."""
    for child in container.iterchildren():
        if child.tag == W + "p":
            yield child
        elif child.tag == W + "tbl":
            for tr in _rows(child):
                for tc in _cells(tr):
                    yield from _cell_paragraphs(tc)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _cell_paragraphs(content)
        elif child.tag == W + "customXml":
            yield from _cell_paragraphs(child)


def _is_toc_sdt(sdt) -> bool:
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and (gallery.get(W + "val") or "").lower() == "table of contents"


def _int(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0
