"""Reader for PDF specifications, on pdfplumber.

Each page is read once: its words (with font name and size) and its ruled tables
(``find_tables``, lines strategy). Words inside a table go to the cell that holds them;
the others form body lines. Borderless tables are recovered from text alignment (lines
made of column segments that line up with each other).

After all pages are read:

* running headers and footers are dropped: lines in the top or bottom band of a page
  whose text (digits normalised) recurs at the same height on other pages; on a
  one-page document only bare page numbers ("Page 3 of 9", "3") in those bands;
* a table that ends one page and starts the next with the same width is one logical
  table: repeated header rows are dropped, and a first row whose cells continue the
  last row's cells (text running on from a full line, or a list running on) is joined
  into that row;
* lines are reflowed into paragraphs and list items, in cells and in the body: a new
  paragraph starts after a vertical gap, a change of size or weight, an indent change,
  or a line that ended short although the next word would have fitted; a line that
  starts with a bullet glyph (``•``, U+F0B7, ``-``) starts an item, and the item goes on
  over its wrapped lines.

A cell merged down over several rows appears in its first row; the rows it spans get an
empty cell in its place, as in the text form. Every block, cell and part carries its
page and bounding box (x0, top, x1, bottom) in PDF points from the top-left corner.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pdfplumber.table import TableFinder, TableSettings

from ..blocks import Block, Cell, Location, Part
from ..errors import InputError
from ..textutil import fold

Progress = Callable[[int, int], None]

BULLET_GLYPHS = frozenset("\u2022\uf0b7\u25cf\u25aa\u25e6\u00b7\uf0a7")
DASHES = frozenset("-\u2013")
NUMBER_MARKER = re.compile(r"^\d+\.$")
DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$", re.IGNORECASE)
BAND = 0.12  # top and bottom fraction of the page where running headers and footers live
FILL_SLACK = 48.0  # points: a table broken by a page break ends this close to the text bottom
SAME_LINE = 1.5  # points: word centres this close to a line's span belong to it


# -- geometry-carrying intermediate objects ----------------------------------------------


@dataclass
class Line:
    """One visual line of words inside one container (a cell or the page body)."""

    page: int
    words: list[dict]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    text: str

    @classmethod
    def of(cls, page: int, words: list[dict]) -> Line:
        words.sort(key=lambda w: w["x0"])
        sizes: Counter = Counter()
        for w in words:
            sizes[round(w["size"], 1)] += len(w["text"])
        return cls(
            page=page,
            words=words,
            x0=words[0]["x0"],
            top=min(w["top"] for w in words),
            x1=max(w["x1"] for w in words),
            bottom=max(w["bottom"] for w in words),
            size=sizes.most_common(1)[0][0],
            bold=all("bold" in w["fontname"].lower() for w in words if w["text"].strip()),
            text=_join_words(words),
        )


def _join_words(words: list[dict]) -> str:
    """Words of one line as text: a space between words unless they touch."""
    pieces, prev = [], None
    for w in words:
        if prev is not None and w["x0"] - prev["x1"] > 0.8:
            pieces.append(" ")
        pieces.append(w["text"])
        prev = w
    return "".join(pieces)


@dataclass
class PdfCell:
    """A drawn cell on one page, with its lines; ``tail`` holds the cells that ran on from
    it over page breaks (its parts are reflowed from all of them)."""

    page: int
    bbox: tuple[float, float, float, float]
    lines: list[Line] = field(default_factory=list)
    tail: list[PdfCell] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.lines)


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
    bbox: tuple[float, float, float, float]
    rows: list[Row]

    @property
    def top(self) -> float:
        return self.bbox[1]


@dataclass
class PageContent:
    number: int
    height: float
    elements: list  # Line | Table, in reading order
    chars: int
    images: int


# -- opening and per-page reading ------------------------------------------------------------


def read_pdf(path: Path, progress: Progress | None = None) -> Iterator[Block]:
    """Blocks of a PDF specification (rows, paragraphs, list items) in reading order."""
    pages = _read_pages(path, progress)
    if not any(p.chars for p in pages):
        if any(p.images for p in pages):
            raise InputError(f"{path}: no text layer; scanned PDF? run OCR first")
        raise InputError(f"{path}: the PDF contains no text")
    _drop_running_lines(pages, _line_gaps(pages)[0])
    _resolve_frames(pages)
    # line spacing measured again without the headers and footers
    return iter(list(_Emitter(pages, _line_gaps(pages)).blocks()))


def _read_pages(path: Path, progress: Progress | None) -> list[PageContent]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        raise InputError(_pdf_error(path, exc)) from None
    except Exception as exc:  # pdfminer raises a variety of parse errors
        raise InputError(f"{path}: corrupt or truncated PDF ({_describe(exc)})") from None
    pages: list[PageContent] = []
    try:
        try:
            total = len(pdf.pages)
        except Exception as exc:
            raise InputError(_pdf_error(path, exc)) from None
        if total == 0:
            raise InputError(f"{path}: the PDF has no pages")
        for index, page in enumerate(pdf.pages):
            try:
                pages.append(_read_page(page))
            except InputError:
                raise
            except Exception as exc:
                raise InputError(
                    f"{path}: corrupt or truncated PDF: page {index + 1} cannot be read "
                    f"({_describe(exc)})"
                ) from None
            finally:
                page.close()
            if progress is not None:
                progress(index + 1, total)
    finally:
        pdf.close()
    return pages


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if isinstance(exc.args, tuple) and exc.args else exc
    if isinstance(inner, BaseException):
        exc = inner
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _pdf_error(path: Path, exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return f"{path}: the PDF is encrypted (password protected); save an unprotected copy"
    if name in ("PSEOF",) or "EOF" in str(inner):
        return f"{path}: truncated PDF (unexpected end of file)"
    return f"{path}: corrupt or truncated PDF ({_describe(inner)})"


def _read_page(page) -> PageContent:
    number = page.page_number
    chars = page.chars
    if not chars:
        return PageContent(number, float(page.height), [], 0, len(page.images))
    words = page.extract_words(extra_attrs=["fontname", "size"])
    # page.find_tables() without its filter on one-cell tables: a lone ruled cell may be
    # the first row of a table that the page break cut off (see _resolve_frames)
    finder = TableFinder(page, TableSettings.resolve(None))
    groups = [t.cells for t in finder.tables]
    grouped = {tuple(c) for g in groups for c in g}
    groups += [[c] for c in finder.cells if tuple(c) not in grouped]
    tables = [Table(number, _cells_bbox(g), []) for g in groups]
    table_words: list[list[dict]] = [[] for _ in groups]
    body: list[dict] = []
    boxes = [t.bbox for t in tables]
    for w in words:
        index = _containing(w, boxes)
        (body if index is None else table_words[index]).append(w)
    for table, cells, tw in zip(tables, groups, table_words):
        table.rows = _rows(number, cells, tw)
    lines = _lines(number, body)
    elements: list = _borderless_tables(number, lines) + tables
    elements.sort(key=lambda e: e.top)
    return PageContent(number, float(page.height), elements, len(chars), len(page.images))


def _containing(word: dict, boxes: list[tuple]) -> int | None:
    """Index of the first box that holds the word's centre."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    for index, (x0, top, x1, bottom) in enumerate(boxes):
        if x0 <= cx <= x1 and top <= cy <= bottom:
            return index
    return None


def _cells_bbox(cells: list[tuple]) -> tuple[float, float, float, float]:
    return (
        min(c[0] for c in cells),
        min(c[1] for c in cells),
        max(c[2] for c in cells),
        max(c[3] for c in cells),
    )


def _lines(page: int, words: list[dict]) -> list[Line]:
    """Group words into visual lines (words sorted by top; a word joins the current line
    when its vertical centre falls within the line's span)."""
    lines: list[Line] = []
    current: list[dict] = []
    top = bottom = 0.0
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        cy = (w["top"] + w["bottom"]) / 2
        if current and top - SAME_LINE <= cy <= bottom + SAME_LINE:
            current.append(w)
            bottom = max(bottom, w["bottom"])
            continue
        if current:
            lines.append(Line.of(page, current))
        current, top, bottom = [w], w["top"], w["bottom"]
    if current:
        lines.append(Line.of(page, current))
    return lines


def _rows(page: int, cell_boxes: list[tuple], words: list[dict]) -> list[Row]:
    """Rows of a ruled table: one per distinct cell top; cells merged down hold a place."""
    cells = [PdfCell(page, tuple(box)) for box in cell_boxes]
    cell_words: dict[int, list[dict]] = defaultdict(list)
    boxes = [c.bbox for c in cells]
    for w in words:
        index = _containing(w, boxes)
        if index is not None:
            cell_words[index].append(w)
    for i, ws in cell_words.items():
        cells[i].lines = _lines(page, ws)
    tops = sorted({round(c.bbox[1], 1) for c in cells})
    rows = []
    for top in tops:
        starting = [c for c in cells if round(c.bbox[1], 1) == top]
        bottom = min(c.bbox[3] for c in starting)
        slots = [Slot(c.bbox[0], c.bbox[2], c) for c in starting]
        for c in cells:
            if round(c.bbox[1], 1) < top and c.bbox[3] > top + 1:
                slots.append(Slot(c.bbox[0], c.bbox[2], None, cover=c))
        slots.sort(key=lambda s: s.x0)
        rows.append(Row(page, float(top), float(bottom), slots))
    return rows


def _resolve_frames(pages: list[PageContent]) -> None:
    """A one-cell "table" is a box drawn around text, read as body lines; unless it ends
    its page and a table of the same width starts the next one: then it is the first
    row of a table broken by the page break (a section heading row left behind)."""
    for n, page in enumerate(pages):
        elements = []
        for i, e in enumerate(page.elements):
            if isinstance(e, Table) and sum(len(r.slots) for r in e.rows) == 1:
                following = pages[n + 1].elements if n + 1 < len(pages) else []
                nxt = following[0] if following else None
                if not (
                    i == len(page.elements) - 1
                    and isinstance(nxt, Table)
                    and abs(nxt.bbox[0] - e.bbox[0]) <= 3
                    and abs(nxt.bbox[2] - e.bbox[2]) <= 3
                ):
                    cells = [s.cell for r in e.rows for s in r.slots if s.cell]
                    elements.extend(ln for c in cells for ln in c.lines)
                    continue
            elements.append(e)
        page.elements = elements


# -- borderless tables from text alignment ---------------------------------------------------


def _segments(line: Line) -> list[list[dict]]:
    """The line split where the gap between words is a column gap (>= 2 ems, >= 18 pt)."""
    gap = max(2.0 * line.size, 18.0)
    segments = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        if w["x0"] - prev["x1"] >= gap:
            segments.append([])
        segments[-1].append(w)
    return segments


def _borderless_tables(page: int, lines: list[Line]) -> list:
    """Body lines, with runs of column-aligned lines turned into tables."""
    out: list = []
    i = 0
    while i < len(lines):
        run = _aligned_run(lines, i)
        if run:
            out.append(_text_table(page, lines[i : i + run]))
            i += run
        else:
            out.append(lines[i])
            i += 1
    return out


def _aligned_run(lines: list[Line], start: int) -> int:
    """Number of lines from ``start`` forming a borderless table (0 if none): lines whose
    column segments start at the first line's column starts, at least two of them with
    two or more segments. A one-segment line in the first column belongs to the table
    only as a wrapped line of the cell above."""
    first = lines[start]
    if _marker(first.words) is not None:
        return 0
    segs = _segments(first)
    if len(segs) < 2:
        return 0
    columns = [s[0]["x0"] for s in segs]
    count, multi = 1, 1
    prev = first
    for line in lines[start + 1 :]:
        gap = line.top - prev.bottom
        if gap > 2.5 * prev.size:
            break
        starts = [s[0]["x0"] for s in _segments(line)]
        if not all(any(abs(x - c) <= 3 for c in columns) for x in starts):
            break
        if len(starts) == 1 and abs(starts[0] - columns[0]) <= 3 and gap > 0.5 * prev.size:
            break
        if len(starts) >= 2:
            multi += 1
        count, prev = count + 1, line
    return count if multi >= 2 else 0


def _text_table(page: int, lines: list[Line]) -> Table:
    columns = [s[0]["x0"] for s in _segments(lines[0])]
    placed: list[list[list[dict]]] = []
    for line in lines:
        pieces: list[list[dict]] = [[] for _ in columns]
        for seg in _segments(line):
            col = max(i for i, c in enumerate(columns) if seg[0]["x0"] >= c - 3)
            pieces[col].extend(seg)
        placed.append(pieces)
    # a column's right edge: the widest text in it
    rights = [
        max((max(w["x1"] for w in p[i]) for p in placed if p[i]), default=columns[i] + 1)
        for i in range(len(columns))
    ]
    rows: list[Row] = []
    for line, pieces in zip(lines, placed):
        if pieces[0] or not rows:
            slots = [
                Slot(c, r, PdfCell(page, (c, line.top, r, line.bottom)))
                for c, r in zip(columns, rights)
            ]
            rows.append(Row(page, line.top, line.bottom, slots))
        row = rows[-1]
        row.bottom = line.bottom
        for slot, ws in zip(row.slots, pieces):
            if ws:
                slot.cell.lines.append(Line.of(page, ws))
            x0, top, x1, _ = slot.cell.bbox
            slot.cell.bbox = (x0, top, x1, line.bottom)
    bbox = (min(line.x0 for line in lines), lines[0].top, max(rights), lines[-1].bottom)
    return Table(page, bbox, rows)


# -- running headers and footers -------------------------------------------------------------


def _running_key(line: Line) -> str:
    return DIGITS.sub("#", fold(line.text)).lower()


def _drop_running_lines(pages: list[PageContent], gap: float) -> None:
    """Remove body lines in the top/bottom band that recur across pages (or, in a
    one-page document, that are bare page numbers).

    A candidate stands apart: it is one of the lines met first from the page's edge,
    and it is not a wrapped line of a paragraph running on into the body."""
    candidates: list[tuple[PageContent, Line, str, str]] = []
    for page in pages:
        band = BAND * page.height
        for where, order in (("top", page.elements), ("bottom", page.elements[::-1])):
            for n, element in enumerate(order):
                if not isinstance(element, Line):
                    break
                if where == "top":
                    inside = element.bottom <= band
                else:
                    inside = element.top >= page.height - band
                if not inside:
                    break
                after = order[n + 1] if n + 1 < len(order) else None
                if isinstance(after, Line) and abs(after.size - element.size) < 0.6:
                    if where == "top":
                        space = after.top - element.bottom
                    else:
                        space = element.top - after.bottom
                    if space <= gap + max(1.2, 0.15 * element.size):
                        break  # a paragraph's line, not a running header or footer
                candidates.append((page, element, where, _running_key(element)))
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page, line, where, key in candidates:
        seen[(where, key)].add(page.number)
    text_pages = sum(1 for p in pages if p.chars)
    need = 2 if text_pages <= 3 else max(2, round(0.3 * text_pages))
    drop: set[int] = set()
    for page, line, where, key in candidates:
        recurring = len(seen[(where, key)]) >= need
        if recurring or PAGE_NUMBER.match(key):
            drop.add(id(line))
    for page in pages:
        page.elements = [e for e in page.elements if id(e) not in drop]


# -- reflow: lines into paragraphs and items -------------------------------------------------


def _marker(words: list[dict]) -> tuple[str, int] | None:
    """('bullet'|'dash'|'number', words to skip) when the line starts a list item."""
    if not words:
        return None
    first = words[0]["text"]
    if first[0] in BULLET_GLYPHS:
        if len(first) == 1:
            return ("bullet", 1) if len(words) > 1 else None
        return ("bullet", 0)
    if first in DASHES and len(words) > 1:
        return ("dash", 1)
    if NUMBER_MARKER.match(first) and len(words) > 1:
        return ("number", 1)
    return None


@dataclass
class _Para:
    kind: str  # "paragraph" | "item"
    lines: list[Line]
    marker: str | None = None
    text_x0: float = 0.0
    marker_x0: float = 0.0
    texts: list[str] = field(default_factory=list)

    def add(self, line: Line, skip: int = 0) -> None:
        self.lines.append(line)
        text = _join_words(line.words[skip:])
        if skip == 0 and self.kind == "item" and len(self.lines) == 1:
            text = text[1:]  # the glyph glued to the first word ("•Text")
        self.texts.append(text)

    @property
    def text(self) -> str:
        out = ""
        for piece in self.texts:
            piece = piece.strip()
            if not piece:
                continue
            if not out:
                out = piece
            elif _glue(out, piece):
                out += piece
            else:
                out += " " + piece
        return fold(out)

    def location(self) -> Location:
        page = self.lines[0].page
        same = [ln for ln in self.lines if ln.page == page]
        return Location(page=page, bbox=_bbox(same))


def _glue(before: str, after: str) -> bool:
    """Join without a space: a line broken after a hyphen inside a word or after a slash."""
    last = before.rsplit(" ", 1)[-1]
    if last.endswith("/") and len(last) > 1:
        return True
    return (
        last.endswith("-")
        and len(last) > 1
        and last[-2].isalpha()
        and after[:1].isalpha()
    )


def _bbox(lines: list) -> tuple[float, float, float, float]:
    return (
        round(min(ln.x0 for ln in lines), 2),
        round(min(ln.top for ln in lines), 2),
        round(max(ln.x1 for ln in lines), 2),
        round(max(ln.bottom for ln in lines), 2),
    )


class _Flow:
    """Reflows a sequence of lines (one container) into paragraphs and items."""

    def __init__(self, limit: float, gap: float, body: bool):
        self.limit = limit  # right edge of the text area
        self.gap = gap  # normal space between lines of one paragraph
        self.body = body  # numbered lines start items only in the body, as in the text form
        self.paras: list[_Para] = []
        self.prev: Line | None = None

    def feed(self, lines: list[Line], continued: bool = False) -> None:
        for line in lines:
            self._line(line, continued=continued)
            continued = False

    def _line(self, line: Line, continued: bool) -> None:
        prev, current = self.prev, self.paras[-1] if self.paras else None
        self.prev = line
        marker = _marker(line.words)
        if marker and marker[0] == "number" and not self.body:
            marker = None
        if marker and marker[0] in ("dash", "number") and current and prev:
            # a dash or number starts an item only where a new paragraph could start
            # (or right after an item with the same marker)
            same = current.kind == "item" and current.marker == marker[0]
            if not same and not self._breaks(prev, line, current, continued):
                marker = None
        if marker:
            kind, skip = marker
            para = _Para("item", [], marker=kind)
            follow = line.words[skip] if skip < len(line.words) else line.words[0]
            para.marker_x0, para.text_x0 = line.x0, follow["x0"]
            para.add(line, skip)
            self.paras.append(para)
            return
        if current is None or prev is None or self._breaks(prev, line, current, continued):
            para = _Para("paragraph", [], text_x0=line.x0)
            para.add(line)
            self.paras.append(para)
            return
        current.add(line)

    def _breaks(self, prev: Line, line: Line, current: _Para, continued: bool) -> bool:
        """Does ``line`` start a new paragraph after ``prev`` (within ``current``)?"""
        if abs(line.size - prev.size) > 0.6:
            return True
        if line.bold != prev.bold and len(line.text) > 3 and len(prev.text) > 3:
            return True
        if not continued:
            if line.page != prev.page:
                return True
            if line.top - prev.bottom > self.gap + max(1.2, 0.15 * prev.size):
                return True
        if current.kind == "item":
            # wrapped lines of an item hang at its text (Word lists) or come back under the
            # marker (a typed "- " or "1. ")
            if line.x0 > current.text_x0 + 2:
                return True
            left = current.text_x0 if current.marker == "bullet" else current.marker_x0
            if line.x0 < left - 2:
                return True
        else:
            if line.x0 > prev.x0 + 2 and len(current.lines) > 1:
                return True
            if line.x0 > prev.x0 + 2 and not continued and len(current.lines) == 1:
                # an indented line under a one-line paragraph: a new block unless the
                # first line was the indented one (first-line indent goes the other way)
                return True
            if line.x0 < prev.x0 - 2 and len(current.lines) > 1:
                return True
        return _fits(prev, line, self.limit)

    def parts(self) -> list[_Para]:
        return [p for p in self.paras if p.text]


def _fits(prev: Line, line: Line, limit: float) -> bool:
    """Would the first word of ``line`` have fitted at the end of ``prev``? Then ``prev``
    ended short on purpose: a paragraph (or item) ended there."""
    first = line.words[0]
    width = first["x1"] - first["x0"]
    return prev.x1 + 0.25 * prev.size + width + 1.0 <= limit


# -- emitting blocks ----------------------------------------------------------------------------


class _Emitter:
    def __init__(self, pages: list[PageContent], gaps: tuple[float, float]):
        self.pages = pages
        body = [e for p in pages for e in p.elements if isinstance(e, Line)]
        # the right margin: the widest body line, outliers (an overlong word) aside
        xs = sorted(ln.x1 for ln in body)
        p90 = xs[int(0.9 * (len(xs) - 1))] if xs else 0.0
        self.body_limit = max((x for x in xs if x <= p90 + 20), default=0.0)
        self.body_gap, self.cell_gap = gaps
        # the text area: where pages start and end, a stray element here and there aside
        tops = sorted(p.elements[0].top for p in pages if p.elements)
        self.body_top = tops[(len(tops) - 1) // 4] if tops else 0.0
        bottoms = sorted(_bottom(p.elements[-1]) for p in pages if p.elements)
        self.body_bottom = bottoms[int(0.9 * (len(bottoms) - 1))] if bottoms else 0.0

    def blocks(self) -> Iterator[Block]:
        sequence: list = []  # Line | Table (logical tables joined)
        for page in self.pages:
            for n, element in enumerate(page.elements):
                prev = sequence[-1] if sequence else None
                if (
                    n == 0
                    and isinstance(element, Table)
                    and isinstance(prev, Table)
                    and prev.rows
                    and prev.rows[-1].page == page.number - 1
                    and self._continues(prev, element)
                ):
                    self._join(prev, element)
                    continue
                sequence.append(element)
        table_index = -1
        run: list[Line] = []
        for element in sequence:
            if isinstance(element, Line):
                run.append(element)
                continue
            if run:
                yield from self._body(run)
                run = []
            table_index += 1
            yield from self._table(element, table_index)
        if run:
            yield from self._body(run)

    # tables across pages

    def _continues(self, before: Table, after: Table) -> bool:
        """``after`` (first on its page) goes on with ``before`` (last on the previous
        page): same width, starting at the top of the text area, and ``before`` ran down
        to the bottom of the text area (a table broken by a page break fills its page)."""
        same_width = (
            abs(before.bbox[0] - after.bbox[0]) <= 3 and abs(before.bbox[2] - after.bbox[2]) <= 3
        )
        at_top = after.top <= self.body_top + 6
        filled = before.bbox[3] >= self.body_bottom - FILL_SLACK
        if not (same_width and at_top and filled and after.rows):
            return False
        # and its rows go on in the same columns (or repeat the header rows, or follow a
        # heading row left alone at the foot of the page); a table that starts on the next
        # page with other columns is another table
        lone = sum(len(r.slots) for r in before.rows) == 1
        return (
            lone
            or _same_columns(before.rows[-1], after.rows[0])
            or after.rows[0].texts() == before.rows[0].texts()
        )

    def _join(self, table: Table, more: Table) -> None:
        rows = list(more.rows)
        # repeated header rows
        k = 0
        while k < len(rows) and k < len(table.rows):
            texts = rows[k].texts()
            if any(texts) and texts == table.rows[k].texts():
                k += 1
            else:
                break
        rows = rows[k:]
        if rows and self._runs_on(table.rows[-1], rows[0]):
            last, first = table.rows[-1], rows.pop(0)
            for slot in first.slots:
                if slot.cell is None or not slot.cell.has_text:
                    continue
                target = _overlapping(last, slot)
                if target is not None and target.source is not None:
                    target.source.tail.append(slot.cell)
        table.rows.extend(rows)

    def _runs_on(self, last: Row, first: Row) -> bool:
        """Does ``first`` (top of a page) continue the cells of ``last`` (bottom of the
        previous page)? Every cell with text must continue text that filled its cell."""
        if not _same_columns(last, first):
            return False  # a row split by a page break keeps its cells
        any_text = False
        for slot in first.slots:
            cell = slot.cell
            if cell is None or not cell.has_text:
                continue
            any_text = True
            target = _overlapping(last, slot)
            source = target.source if target else None
            if source is None:
                return False
            before = _last_line(source)
            if before is None:
                return False
            start = cell.lines[0]
            if _marker(start.words) and _marker(start.words)[0] == "bullet":
                continue  # a list running on
            pad = max(0.0, min(ln.x0 for ln in source.lines) - source.bbox[0])
            limit = source.bbox[2] - pad
            if _fits(before, start, limit):
                return False
            if source.bbox[3] - before.bottom > before.size + 8 and source.page == last.page:
                return False  # the text did not reach the page break
        return any_text

    # emitting

    def _table(self, table: Table, index: int) -> Iterator[Block]:
        for r, row in enumerate(table.rows):
            cells = []
            for c, slot in enumerate(row.slots):
                where = Location(
                    page=row.page,
                    bbox=_round((slot.x0, row.top, slot.x1, row.bottom))
                    if slot.cell is None
                    else _round(slot.cell.bbox),
                    table=index,
                    row=r,
                    cell=c,
                )
                parts = self._cell_parts(slot.cell) if slot.cell is not None else ()
                cells.append(Cell(tuple(parts), where))
            while cells and not cells[-1].parts:
                cells.pop()
            if not cells:
                continue
            bbox = (table.bbox[0], row.top, table.bbox[2], row.bottom)
            yield Block(
                "row",
                Location(page=row.page, bbox=_round(bbox), table=index, row=r),
                cells=tuple(cells),
            )

    def _cell_parts(self, cell: PdfCell) -> list[Part]:
        if not cell.has_text and not cell.tail:
            return []
        pieces = [cell, *cell.tail]
        lines = [ln for piece in pieces for ln in piece.lines]
        if not lines:
            return []
        # the right edge of the text: the cell's edge less the padding seen on its left
        pad = max(0.0, min(ln.x0 for ln in cell.lines) - cell.bbox[0]) if cell.lines else 0.0
        limit = max(max(ln.x1 for ln in lines), cell.bbox[2] - pad - 3)
        flow = _Flow(limit=limit, gap=self.cell_gap, body=False)
        # a piece that ran on over a page break goes on with the last paragraph, unless its
        # first line sits lower in its cell than text normally does (paragraph spacing)
        pad_top = min((ln.top - cell.bbox[1] for ln in cell.lines[:1]), default=None)
        for n, piece in enumerate(pieces):
            continued = n > 0 and bool(piece.lines)
            if continued and pad_top is not None:
                continued = piece.lines[0].top - piece.bbox[1] <= pad_top + 2.0
            flow.feed(piece.lines, continued=continued)
        return [Part(p.kind, p.text, p.location()) for p in flow.parts()]

    def _body(self, lines: list[Line]) -> Iterator[Block]:
        flow = _Flow(limit=self.body_limit, gap=self.body_gap, body=True)
        prev: Line | None = None
        for line in lines:
            continued = (
                prev is not None and line.page != prev.page and self._page_run_on(prev, line)
            )
            flow.feed([line], continued=continued)
            prev = line
        for p in flow.parts():
            yield Block(p.kind, p.location(), text=p.text)

    def _page_run_on(self, prev: Line, line: Line) -> bool:
        """A body paragraph running on over a page break: ``prev`` is the last line of its
        page, ``line`` the first of the next, and ``prev`` was full."""
        if line.top > self.body_top + 6 or _fits(prev, line, self.body_limit):
            return False
        # a sentence that ends the page before a capitalised line: a paragraph ended there
        return not (prev.text.rstrip().endswith((".", ":", "?", "!")) and line.text[:1].isupper())


def _same_columns(a: Row, b: Row) -> bool:
    return len(a.slots) == len(b.slots) and all(
        abs(x.x0 - y.x0) <= 2 and abs(x.x1 - y.x1) <= 2 for x, y in zip(a.slots, b.slots)
    )


def _overlapping(row: Row, slot: Slot) -> Slot | None:
    best, overlap = None, 0.0
    for s in row.slots:
        o = min(s.x1, slot.x1) - max(s.x0, slot.x0)
        if o > overlap:
            best, overlap = s, o
    return best


def _last_line(cell: PdfCell) -> Line | None:
    if cell.tail:
        for piece in reversed(cell.tail):
            if piece.lines:
                return piece.lines[-1]
    return cell.lines[-1] if cell.lines else None


def _bottom(element) -> float:
    return element.bbox[3] if isinstance(element, Table) else element.bottom


def _round(box) -> tuple[float, float, float, float]:
    return tuple(round(float(v), 2) for v in box)


def _line_gaps(pages: list[PageContent]) -> tuple[float, float]:
    """The usual space between wrapped lines of one paragraph, in the body and in cells:
    the smallest gap (in half-point bins) shared by a tenth of consecutive line pairs."""
    body: list[float] = []
    cells: list[float] = []
    for page in pages:
        prev = None
        for e in page.elements:
            if isinstance(e, Line):
                if prev is not None and abs(e.size - prev.size) < 0.6:
                    body.append(e.top - prev.bottom)
                prev = e
                continue
            prev = None
            for row in e.rows:
                for slot in row.slots:
                    if slot.cell is not None:
                        lines = slot.cell.lines
                        cells.extend(b.top - a.bottom for a, b in zip(lines, lines[1:]))
    return _usual_gap(body), _usual_gap(cells or body)


def _usual_gap(gaps: list[float]) -> float:
    gaps = [g for g in gaps if -1.0 <= g < 20.0]
    if not gaps:
        return 3.0
    bins = Counter(round(g * 2) / 2 for g in gaps)
    need = max(2, 0.1 * len(gaps))
    for value in sorted(bins):
        if bins[value] >= need:
            return value
    return min(gaps)
