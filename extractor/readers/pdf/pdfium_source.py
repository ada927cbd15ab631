"""MEASURED, NOT ADOPTED: the PDF's characters and ruling lines from pdfium (pypdfium2),
in the pdfminer ``Source``'s form. See ``benchmarks/pdf_sources.py`` for how it compares.

pdfium interprets the page content (in C++); the boxes are then computed as pdfminer
computes them, with pdfminer's own code: each character goes through the pdfminer
source's ``render_char`` (font box from the font's /Descent, size and advance width,
pdfplumber's coordinates), each path through pdfminer's ``paint_path`` (its LTLine /
LTRect / LTCurve classification), so pdfplumber's word extractor and table finder group
them as before. pdfminer still opens the file (the same errors, the page tree and
geometry) and loads the fonts (full names with subset prefixes, /Descent, /Widths,
character codes from the text), because pdfium's API gives none of these. pdfium stores
numbers in single precision: a number the file writes with few digits (a position, a
font size) is taken back as the shortest decimal that single precision stores the same
way; numbers pdfium computed (positions after kerning) keep its rounding.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTCurve, LTImage, LTLine, LTRect
from pdfminer.pdffont import PDFCIDFont, PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, resolve1, stream_value
from pdfminer.psparser import PSLiteral
from pdfminer.utils import mult_matrix
from pdfplumber.utils.text import WordExtractor

from ...errors import InputError
from ...inputs import Input
from .source import Edge, RawPage, Source, _Device, _Frame, _leaves, _tables, describe
from .tolerances import Word

Matrix = tuple[float, float, float, float, float, float]
WORDS = WordExtractor(extra_attrs=["fontname", "size"])
SUBSET = re.compile(r"^[A-Z]{6}\+")
LINE_END_HYPHEN = "\x02"  # pdfium's text for a hyphen that ends a line
HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")
PDFIUM_SEGMENT = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l",
                  pdfium_c.FPDF_SEGMENT_BEZIERTO: "c"}


ULPS = 8  # pdfium's sums of single-precision numbers drift this many units in the last place


@lru_cache(maxsize=65536)
def written(value: float) -> float:
    """The decimal with the fewest places within ``ULPS`` single-precision units of
    ``value``: the number as the file wrote it, or as pdfminer sums it in double precision."""
    if value == 0.0 or not math.isfinite(value):
        return value
    return snapped(value, ULPS * math.ldexp(1.0, math.frexp(value)[1] - 24))


def snapped(value: float, slack: float) -> float:
    """The decimal with the fewest places within ``slack`` of ``value``."""
    for places in range(10):
        decimal = round(value, places)
        if abs(decimal - value) <= slack:
            return decimal
    return value


def _matrix(m: pdfium_c.FS_MATRIX) -> Matrix:
    return (written(m.a), written(m.b), written(m.c), written(m.d), written(m.e), written(m.f))


class PdfiumSource(Source):
    """An open PDF: page count and pages by number, one at a time, read by pdfium."""

    def __init__(self, pdf: Input | str | os.PathLike[str]):
        super().__init__(pdf)  # pdfminer's opening: its errors, page tree and geometry
        try:
            self.pdfium = pypdfium2.PdfDocument(self.path.data)
        except pypdfium2.PdfiumError as exc:
            self._handle.close()
            raise InputError(f"{self.path}: corrupt or truncated PDF ({describe(exc)})") from None
        if len(self.pdfium) != len(self.pages):
            self.close()
            raise InputError(f"{self.path}: corrupt PDF (page tree read as {len(self.pages)} pages "
                             f"and as {len(self.pdfium)})")
        self.fonts: dict[int, _Font] = {}  # by id of pdfminer's font
        self.handles: dict[int, _Font] = {}  # by pdfium's font handle, on the page being read

    def close(self) -> None:
        self.pdfium.close()
        self._handle.close()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _page(self, number: int) -> RawPage:
        page = self.pages[number - 1]
        frame = _Frame.of(page)
        device = _Device(self.resources, number, frame)
        base = _page_ctm(page)
        device.begin_page(page, base)
        self.handles = {}
        pdfium_page = self.pdfium[number - 1]
        try:
            images = self._objects(device, pdfium_page.raw, base, pdfium_page.raw, True)
            self._chars(device, pdfium_page, page, base)
        finally:
            pdfium_page.close()
        lines: list[Edge] = []
        rects: list[Edge] = []
        curves: list[Edge] = []
        for obj in _leaves(device.cur_item):
            if type(obj) is LTRect:
                rects.extend(frame.rect_edges(obj))
            elif type(obj) is LTLine:
                lines.append(frame.line_edge(obj))
            elif isinstance(obj, LTCurve):
                curves.extend(frame.curve_edges(obj))
            elif isinstance(obj, LTImage):
                images += 1
        chars = device.chars
        if not chars:
            return RawPage(number, frame.height, [], [], 0, images)
        words = [
            Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["fontname"], w["size"])
            for w in WORDS.extract_words(chars)
        ]
        return RawPage(number, frame.height, words, _tables(lines + rects + curves), len(chars), images)

    # -- paths --------------------------------------------------------------------------------

    def _objects(self, device: _Device, holder: Any, ctm: Matrix, page: Any, on_page: bool) -> int:
        """Paths of the page (or form) ``holder`` painted on ``device`` as pdfminer paints
        them; returns the number of images."""
        count = (pdfium_c.FPDFPage_CountObjects if on_page else pdfium_c.FPDFFormObj_CountObjects)(holder)
        get = pdfium_c.FPDFPage_GetObject if on_page else pdfium_c.FPDFFormObj_GetObject
        images = 0
        m = pdfium_c.FS_MATRIX()
        for i in range(count):
            obj = get(holder, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
                pdfium_c.FPDFPageObj_GetMatrix(obj, m)
                own = mult_matrix(_matrix(m), ctm)
                if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                    images += self._objects(device, obj, own, page, False)
                else:
                    _paint(device, obj, own)
        return images

    # -- characters ---------------------------------------------------------------------------

    def _chars(self, device: _Device, pdfium_page: Any, page: PDFPage, ctm: Matrix) -> None:
        text_page = pdfium_page.get_textpage()
        try:
            self._text(device, text_page.raw, page, ctm)
        finally:
            text_page.close()

    def _text(self, device: _Device, raw: Any, page: PDFPage, ctm: Matrix) -> None:
        count = pdfium_c.FPDFText_CountChars(raw)
        x, y = ctypes.c_double(), ctypes.c_double()
        m = pdfium_c.FS_MATRIX()
        run = _Run()
        i = 0
        while i < count:
            if pdfium_c.FPDFText_IsGenerated(raw, i):
                i += 1
                continue
            obj = pdfium_c.FPDFText_GetTextObject(raw, i)
            address = ctypes.cast(obj, ctypes.c_void_p).value
            font = self._font(pdfium_c.FPDFTextObj_GetFont(obj), page)
            pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
            text = chr(pdfium_c.FPDFText_GetUnicode(raw, i))
            origin = (x.value, y.value)
            following = i + 1  # a ligature: one glyph, its text spread over characters at its origin
            while following < count and not pdfium_c.FPDFText_IsGenerated(raw, following):
                pdfium_c.FPDFText_GetCharOrigin(raw, following, x, y)
                same = ctypes.cast(pdfium_c.FPDFText_GetTextObject(raw, following), ctypes.c_void_p).value
                if (x.value, y.value) != origin or same != address:
                    break
                text += chr(pdfium_c.FPDFText_GetUnicode(raw, following))
                following += 1
            pdfium_c.FPDFText_GetMatrix(raw, i, m)
            size = written(pdfium_c.FPDFText_GetFontSize(raw, i))
            a, b, c, d = written(m.a), written(m.b), written(m.c), written(m.d)
            cid = font.cid(text, raw, i, a * size)
            e, f = run.place(address, origin, (a, b, c, d), size)
            adv = device.render_char(mult_matrix((a, b, c, d, e, f), ctm), font.pdfminer, size, 1.0, 0.0, cid,
                                     None, None)
            run.advanced(adv)
            i = following

    def _font(self, handle: Any, page: PDFPage) -> _Font:
        key = ctypes.addressof(handle.contents)
        font = self.handles.get(key)
        if font is None:
            buffer = ctypes.create_string_buffer(256)
            pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, len(buffer))
            name = buffer.value.decode("latin-1")
            found = _page_fonts(self.resources, page).get(SUBSET.sub("", name))
            if found is None:
                raise InputError(f"{self.path}: font {name} not found in the page's resources")
            font = self.fonts.get(id(found))
            if font is None:
                font = self.fonts[id(found)] = _Font(found)
            self.handles[key] = font
        return font


class _Font:
    """A pdfminer font and its character codes by the text they stand for."""

    def __init__(self, font: PDFFont):
        self.pdfminer = font
        self.codes: dict[str, list[int]] = {}
        if isinstance(font, PDFCIDFont):
            mapped = font.unicode_map.cid2unichr.items() if font.unicode_map else ()
            for cid, text in mapped:
                self.codes.setdefault(text, []).append(cid)
            return
        for cid in range(256):
            try:
                text = font.to_unichr(cid)
            except (PDFUnicodeNotDefined, KeyError):
                continue
            self.codes.setdefault(text, []).append(cid)

    def cid(self, text: str, raw: Any, index: int, scale: float) -> int:
        """The character code of the glyph pdfium read as ``text``: of several, the one whose
        width is pdfium's (its loose box's width)."""
        codes = self.codes.get(text)
        if text == LINE_END_HYPHEN:
            codes = [c for h in HYPHENS for c in self.codes.get(h, ())]
        if not codes:
            raise InputError(f"no character code for {text!r} in {self.pdfminer}")
        if len(codes) == 1:
            return codes[0]
        box = pdfium_c.FS_RECTF()
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        width = (box.right - box.left) / scale if scale else 0.0
        return min(codes, key=lambda c: abs(self.pdfminer.char_width(c) - width))


class _Run:
    """Glyph positions along one pdfium text object (one show operator), summed as pdfminer
    sums them: the first glyph's origin as written, then each advance width plus the gap
    pdfium leaves after it (kerning and spacing, snapped to whole thousandths of the font
    size, or to a short decimal)."""

    def __init__(self) -> None:
        self.address: int | None = None
        self.start = (0.0, 0.0)
        self.x = 0.0  # text-space distance from the first glyph
        self.last = 0.0  # pdfium's origin of the previous glyph, along the line
        self.adv = 0.0

    def place(self, address: int | None, origin: tuple[float, float], scale: tuple[float, float, float, float],
              size: float) -> tuple[float, float]:
        a, b, c, _ = scale
        if address != self.address or b or c or not a or origin[1] != self.origin_y:
            self.address, self.start, self.x = address, (written(origin[0]), written(origin[1])), 0.0
            self.origin_y, self.last = origin[1], origin[0]
            return self.start
        slack = ULPS * math.ldexp(1.0, math.frexp(origin[0])[1] - 24) / abs(a)
        gap = (origin[0] - self.last) / a - self.adv
        thousandths = gap / (0.001 * size) if size else 0.0
        if abs(thousandths - round(thousandths)) * 0.001 * size <= slack:
            gap = round(thousandths) * 0.001 * size
        else:
            gap = snapped(gap, slack)
        self.x += self.adv + gap
        self.last = origin[0]
        return a * self.x + self.start[0], self.start[1]

    origin_y = math.nan

    def advanced(self, adv: float) -> None:
        self.adv = adv


def _paint(device: _Device, obj: Any, ctm: Matrix) -> None:
    """One pdfium path object through pdfminer's ``paint_path``, in pdfminer's terms."""
    path: list[tuple[Any, ...]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] = (0.0, 0.0)
    controls: list[float] = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (written(x.value), written(y.value))
        op = PDFIUM_SEGMENT[pdfium_c.FPDFPathSegment_GetType(segment)]
        if op == "c":
            controls.extend(point)
            if len(controls) < 6:
                continue
            path.append(("c", *controls))
            controls = []
        elif op == "m":
            start = point
            path.append(("m", *point))
        elif pdfium_c.FPDFPathSegment_GetClose(segment) and point == start:
            path.append(("h",))  # pdfium closes a subpath with a line back to its start
        else:
            path.append((op, *point))
        if op != "m" and pdfium_c.FPDFPathSegment_GetClose(segment) and path[-1] != ("h",):
            path.append(("h",))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
    device.ctm = ctm
    PDFLayoutAnalyzer.paint_path(device, _STATE, bool(stroke.value), bool(fill.value), False, path)


class _State:
    """The graphic state fields ``paint_path`` copies into layout objects (unused by the reader)."""

    linewidth = 0.0
    scolor = None
    ncolor = None
    dash = None


_STATE: Any = _State()


def _page_ctm(page: PDFPage) -> Matrix:
    """pdfminer's initial matrix for the page (media box offset and rotation)."""
    x0, y0, x1, y1 = page.mediabox
    rotate = (page.rotate + 360) % 360
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def _page_fonts(resources: Any, page: PDFPage) -> dict[str, PDFFont]:
    """pdfminer's fonts of a page and of its forms, by base font name without a subset prefix."""
    fonts: dict[str, PDFFont] = {}
    seen: set[int] = set()

    def walk(res: Any) -> None:
        res = resolve1(res) or {}
        for ref in (resolve1(res.get("Font")) or {}).values():
            objid = ref.objid if isinstance(ref, PDFObjRef) else None
            font = resources.get_font(objid, resolve1(ref))
            name = getattr(font, "basefont", None)
            if isinstance(name, PSLiteral):
                name = name.name
            if isinstance(name, bytes):
                name = name.decode("latin-1")
            if isinstance(name, str):
                fonts.setdefault(SUBSET.sub("", name), font)
        for ref in (resolve1(res.get("XObject")) or {}).values():
            if isinstance(ref, PDFObjRef) and ref.objid in seen:
                continue
            if isinstance(ref, PDFObjRef):
                seen.add(ref.objid)
            xobject = stream_value(ref)
            if xobject.get("Subtype") is not None and getattr(xobject.get("Subtype"), "name", "") == "Form":
                walk(xobject.get("Resources"))

    walk(page.resources)
    return fonts
