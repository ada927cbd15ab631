"""The PDF's characters and ruling lines, from pdfminer, converted as pdfplumber would.

pdfplumber turns every layout object into a dict of some twenty fields; the reader needs
a handful. This module runs the same pdfminer parse and keeps only the characters' text,
box, font and size and the ruling edges, in pdfplumber's coordinates (points from the
page's top-left corner) and in pdfplumber's order, so that pdfplumber's own word
extractor and table finder give the same words and cells as ``page.extract_words`` and
``page.find_tables`` would; except that a word whose touching letters are parted by a
gap (two cells of a borderless table closer than pdfplumber's tolerance) is cut there.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, BinaryIO

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTContainer, LTCurve, LTImage, LTItem, LTLine, LTRect
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import apply_matrix_rect
from pdfplumber import utils
from pdfplumber.page import fix_fontname_bytes
from pdfplumber.table import (
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils.text import WordExtractor

from ...errors import InputError
from ...inputs import Input, as_input
from ...limits import default_limits
from .tolerances import BBox, Word

Edge = dict[str, Any]  # pdfplumber's edge: x0, x1, top, bottom, width, height, orientation
TABLE_SETTINGS = TableSettings.resolve(None)  # find_tables() defaults: the lines strategy
WORDS = WordExtractor(extra_attrs=["fontname", "size"])
WORD_GAP = 1.5  # points: a gap this wide between letters that otherwise touch ends a word
LETTER_GAP = 0.5  # points: letters this close touch (kerning, rounding)
MARK_MAX = 12.0  # points: filled shapes this small or smaller are kept as marks (bullets, at most)
LIBRARY_LOGGERS = ("pdfminer", "pdfplumber")
"""Loggers whose warnings on damaged files ("Not adding object ... to xref") would print before our one error line."""


@dataclass
class RawPage:
    """What the reader takes from one page: its words, ruled cells grouped into tables
    (one-cell groups kept), counts of characters and images, and the small filled shapes
    drawn on it."""

    number: int
    height: float
    words: list[Word]
    tables: list[list[BBox]]
    chars: int
    images: int
    marks: list[BBox] = field(default_factory=list)  # small filled shapes (bullets a browser draws)


@contextmanager
def quiet_library_logs() -> Iterator[None]:
    """pdfminer's and pdfplumber's loggers at ERROR while inside; their levels restored after (the root logger untouched)."""
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.ERROR))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Source:
    """An open PDF: page count and pages by number, one at a time."""

    def __init__(self, pdf: Input | str | os.PathLike[str]):
        pdf = as_input(pdf, default_limits())
        self.path = pdf
        self._handle: BinaryIO = io.BytesIO(pdf.data)
        try:
            with quiet_library_logs():
                self.document = PDFDocument(PDFParser(self._handle))
                self.pages = list(PDFPage.create_pages(self.document))
        except Exception as exc:  # noqa: BLE001 - pdfminer raises a variety of parse errors
            self._handle.close()
            raise InputError(pdf_error(pdf, exc)) from None
        self.resources = PDFResourceManager()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def read(self, numbers: range) -> Iterator[RawPage]:
        """Pages ``numbers`` (1-based), each read and converted in turn."""
        for number in numbers:
            try:
                with quiet_library_logs():
                    page = self._page(number)
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure on a page is a damaged page
                raise InputError(
                    f"{self.path}: corrupt or truncated PDF: page {number} cannot be read "
                    f"({describe(exc)})"
                ) from None
            yield page

    def _page(self, number: int) -> RawPage:
        page = self.pages[number - 1]
        frame = _Frame.of(page)
        device = _Device(self.resources, number, frame)
        PDFPageInterpreter(self.resources, device).process_page(page)
        return raw_page(number, frame, device.chars, _leaves(device.get_result()))


def raw_page(
    number: int, frame: _Frame, chars: list[dict[str, Any]], drawn: Iterable[LTItem], images: int = 0,
) -> RawPage:
    """A page from its characters (as pdfplumber's dicts) and the objects drawn on it:
    words, ruled cells, small filled shapes; images counted on top of ``images``."""
    lines: list[Edge] = []
    rects: list[Edge] = []
    curves: list[Edge] = []
    marks: list[BBox] = []
    for obj in drawn:
        if type(obj) is LTRect:
            rects.extend(frame.rect_edges(obj))
        elif type(obj) is LTLine:
            lines.append(frame.line_edge(obj))
        elif isinstance(obj, LTCurve):
            curves.extend(frame.curve_edges(obj))
            if obj.fill and max(obj.width, obj.height) <= MARK_MAX:
                marks.append(frame.box(obj))
        elif isinstance(obj, LTImage):
            images += 1
    if not chars:
        return RawPage(number, frame.height, [], [], 0, images)
    words = [
        Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["fontname"], w["size"])
        for word, word_chars in WORDS.iter_extract_tuples(chars)
        for w in _split_at_gaps(word, word_chars)
    ]
    return RawPage(number, frame.height, words, _tables(lines + rects + curves), len(chars), images, marks)


def _split_at_gaps(word: dict[str, Any], chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``word`` cut where a gap wider than ``WORD_GAP`` parts letters that otherwise touch:
    two words, of neighbouring table cells set closer than pdfplumber's ``x_tolerance``
    (a borderless table's 3 pt column gap), not one word in letter-spaced type."""
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(chars)]
    cuts = [n + 1 for n, gap in enumerate(gaps) if gap > WORD_GAP]
    if not cuts or any(LETTER_GAP < gap <= WORD_GAP for gap in gaps) or len(gaps) - len(cuts) < len(cuts):
        return [word]
    bounds = [0, *cuts, len(chars)]
    return [WORDS.merge_chars(chars[a:b]) for a, b in pairwise(bounds)]


class _Device(PDFPageAggregator):
    """pdfminer's layout device, keeping each character as the few fields the reader uses
    (pdfplumber's names and coordinates) instead of building an ``LTChar``: the same box,
    computed as ``LTChar`` computes it."""

    def __init__(self, resources: PDFResourceManager, number: int, frame: _Frame):
        super().__init__(resources, pageno=number, laparams=None)
        self.frame = frame
        self.chars: list[dict[str, Any]] = []
        self.fonts: dict[int, tuple[bool, float, str]] = {}  # id: vertical, descent, name

    def render_char(
        self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int, ncs: Any,
        graphicstate: Any,
    ) -> float:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        adv: float = font.char_width(cid) * fontsize * scaling
        known = self.fonts.get(id(font))
        if known is None:
            name = font.fontname
            name = fix_fontname_bytes(name) if isinstance(name, bytes) else name
            known = (font.is_vertical(), font.get_descent(), name)
            self.fonts[id(font)] = known
        vertical, font_descent, fontname = known
        if vertical:
            vx, vy = font.char_disp(cid)
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font_descent * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        a, b, c, d, e, f = matrix
        if b == 0 and c == 0:  # upright text: apply_matrix_rect's arithmetic without its overhead
            x0, y0, x1, y1 = a * bbox[0] + e, d * bbox[1] + f, a * bbox[2] + e, d * bbox[3] + f
        else:
            x0, y0, x1, y1 = apply_matrix_rect(matrix, bbox)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        frame = self.frame
        top = frame.height - y1 + frame.top
        self.chars.append({
            "text": text,
            "x0": x0 + frame.x0,
            "x1": x1 + frame.x0,
            "top": top,
            "bottom": frame.height - y0 + frame.top,
            "doctop": top,
            "upright": a * d * scaling > 0 and b * c <= 0,
            "fontname": fontname,
            "size": x1 - x0 if vertical else y1 - y0,
        })
        return adv


def _leaves(container: LTContainer) -> Iterator[LTItem]:
    for obj in container:
        if isinstance(obj, LTContainer):
            yield from _leaves(obj)
        else:
            yield obj


@dataclass(frozen=True)
class _Frame:
    """pdfplumber's page geometry: pdfminer's coordinates (y up, relative to the media
    box) turned into top-down coordinates."""

    height: float
    x0: float
    top: float

    @classmethod
    def of(cls, page: PDFPage) -> _Frame:
        rotation = (utils.resolve_all(page.attrs.get("Rotate")) or 0) % 360
        box = utils.resolve_all(page.attrs.get("MediaBox"))
        x0, x1 = sorted((box[0], box[2]))
        y0, y1 = sorted((box[1], box[3]))
        if rotation in (90, 270):
            x0, y0, x1, y1 = y0, x0, y1, x1
        height = y1 - y0
        return cls(float((height - y0) - (height - y1)), x0, height - y1)

    def box(self, obj: LTItem) -> BBox:
        """An object's box in top-down coordinates."""
        x0, y0, x1, y1 = obj.bbox  # type: ignore[attr-defined]
        return (x0 + self.x0, self.height - y1 + self.top, x1 + self.x0, self.height - y0 + self.top)

    def line_edge(self, obj: LTLine) -> Edge:
        top, bottom = self.height - obj.y1 + self.top, self.height - obj.y0 + self.top
        return {
            "x0": obj.x0 + self.x0,
            "x1": obj.x1 + self.x0,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "width": obj.width,
            "height": obj.height,
            "orientation": "h" if top == bottom else "v",
        }

    def rect_edges(self, obj: LTRect) -> list[Edge]:
        """The four sides, in pdfplumber's order: top, bottom, left, right."""
        top, bottom = self.height - obj.y1 + self.top, self.height - obj.y0 + self.top
        x0, x1, width, height = obj.x0 + self.x0, obj.x1 + self.x0, obj.width, obj.height
        side = {"doctop": top, "top": top, "bottom": bottom, "width": 0, "height": height}
        return [
            {"x0": x0, "x1": x1, "top": top, "bottom": top, "doctop": top, "width": width,
             "height": 0, "orientation": "h"},
            {"x0": x0, "x1": x1, "top": top + height, "bottom": bottom, "doctop": top + height,
             "width": width, "height": 0, "orientation": "h"},
            {**side, "x0": x0, "x1": x0, "orientation": "v"},
            {**side, "x0": x1, "x1": x1, "orientation": "v"},
        ]

    def curve_edges(self, obj: LTCurve) -> list[Edge]:
        points = [(self.x0 + x, self.top + self.height - y) for x, y in obj.pts]
        edges = []
        for (ax, ay), (bx, by) in pairwise(points):
            top = min(ay, by)
            edges.append({
                "x0": min(ax, bx), "x1": max(ax, bx), "top": top, "bottom": max(ay, by),
                "doctop": top, "width": abs(ax - bx), "height": abs(ay - by),
                "orientation": "v" if ax == bx else ("h" if ay == by else None),
            })
        return edges


def _tables(edges: list[Edge]) -> list[list[BBox]]:
    """``TableFinder`` with the lines strategy, on these edges: its tables' cells, then
    each ruled cell outside them as a table of one (a lone ruled cell may be the first
    row of a table that a page break cut off)."""
    s = TABLE_SETTINGS
    chosen = [
        *utils.filter_edges(edges, "v", min_length=s.edge_min_length_prefilter),
        *utils.filter_edges(edges, "h", min_length=s.edge_min_length_prefilter),
    ]
    merged = merge_edges(
        chosen,
        snap_x_tolerance=s.snap_x_tolerance,
        snap_y_tolerance=s.snap_y_tolerance,
        join_x_tolerance=s.join_x_tolerance,
        join_y_tolerance=s.join_y_tolerance,
    )
    merged = utils.filter_edges(merged, min_length=s.edge_min_length)
    intersections = edges_to_intersections(merged, s.intersection_x_tolerance, s.intersection_y_tolerance)
    cells = intersections_to_cells(intersections)
    groups = [list(g) for g in cells_to_tables(cells)]
    grouped = {tuple(c) for g in groups for c in g}
    groups += [[c] for c in cells if tuple(c) not in grouped]
    return groups


# -- errors -------------------------------------------------------------------------------------


def describe(exc: BaseException) -> str:
    inner = exc.args[0] if isinstance(exc.args, tuple) and exc.args else exc
    if isinstance(inner, BaseException):
        exc = inner
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def pdf_error(path: object, exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return f"{path}: the PDF is encrypted (password protected); save an unprotected copy"
    if name in ("PSEOF",) or "EOF" in str(inner):
        return f"{path}: truncated PDF (unexpected end of file)"
    return f"{path}: corrupt or truncated PDF ({describe(inner)})"
