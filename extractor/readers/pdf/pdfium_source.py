"""The PDF's characters and ruling lines read by pdfium (pypdfium2), given as the pdfminer
``Source`` gives them: the reader's source (``benchmarks/pdf_sources.py`` compares the two).

pdfium interprets the page content (in C++); the boxes are then computed with pdfminer's
own code: each glyph goes through the pdfminer source's ``render_char`` (font box from the
font's /Descent, size and advance width; pdfplumber's coordinates), each path through
pdfminer's ``paint_path`` (its LTLine / LTRect / LTCurve classification), so pdfplumber's
word extractor and table finder group them as before. pdfminer still opens the file (the
same errors, page tree and geometry) and loads the fonts (names with subset prefixes,
/Descent, /Widths, the code of each glyph from its text), which pdfium's API does not give.

pdfium keeps numbers in single precision. A number the file writes (a position, a font
size, a rectangle's width) is taken back as the decimal with the fewest places within a few
units in its last place, and glyph positions along a text object are summed again as
pdfminer sums them (advance widths, then TJ kerning in thousandths of the font size), so
that words and cells are equal to pdfminer's to the last bit (on every fixture).

pdfminer reads a page that pdfium does not give as pdfminer would: turned pages or text,
character spacing, vertical and Type 3 fonts, two fonts of one name, a glyph without a
code, a text object pdfium's text layer leaves out (a copy drawn over another for "fake
bold", a lone space); and every page of a file whose page tree pdfium reads otherwise (a
damaged file that pdfium repairs). pdfium sorts the text objects of a line left to right:
the characters are put back in drawing order. pdfminer's errors on a page's fonts and on
decoding its content are raised as it raises them. Left different: pdfium's text layer
drops a glyph drawn within 0.07 em of the same glyph a few before it in one text object
(overprinting, or text squeezed that tight), which pdfminer keeps; character spacing in
whole thousandths of the font size reads as kerning, so a string drawn right after another
(Tj Tj) starts that spacing further right (pdfminer does not add it after a string's last
glyph); a damaged content stream may be read otherwise (3 of 300 damaged fixture copies).
"""

from __future__ import annotations

import ctypes
import math
import os
import re
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.pdffont import PDFCIDFont, PDFFont, PDFType3Font, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, resolve1, stream_value
from pdfminer.psparser import PSLiteral
from pdfminer.utils import mult_matrix

from ...inputs import Input
from .source import RawPage, Source, _Device, _Frame, _leaves, raw_page

Matrix = tuple[float, float, float, float, float, float]
SUBSET = re.compile(r"^[A-Z]{6}\+")
LINE_END_HYPHENS = ("\x02", "\ufffe")  # pdfium's text for a hyphen that ends a line (by char, in a range)
GENERATED = frozenset(" \r\n")  # the characters pdfium may add that are not in the file
HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")
PDFIUM_SEGMENT = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l",
                  pdfium_c.FPDF_SEGMENT_BEZIERTO: "c"}
SPACE = 32  # the code word spacing follows
THINNEST = 0.01  # pdfium's text layer leaves out text objects narrower than this (spaces alone)
ULPS = 8  # pdfium's sums of single-precision numbers drift this many units in the last place
SLACK = ULPS * 2.0**-23  # that drift at most, per unit of the number's size


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


class _Unreadable(Exception):
    """Something on a page that pdfium does not give as pdfminer would: pdfminer reads the page."""


class PdfiumSource(Source):
    """An open PDF: page count and pages by number, one at a time, read by pdfium; a page
    pdfium cannot give as pdfminer would, and every page of a file whose page tree pdfium
    reads otherwise than pdfminer (a damaged file that pdfium repairs), read by pdfminer."""

    def __init__(self, pdf: Input | str | os.PathLike[str]):
        super().__init__(pdf)  # pdfminer's opening: its errors, page tree and geometry
        self.fonts: dict[int, _Font] = {}  # by id of pdfminer's font
        self.handles: dict[int, _Font] = {}  # by pdfium's font handle, on the page being read
        self.order: dict[int, int] = {}  # pdfium's text objects (by address) in drawing order, on the page
        self.by_pdfminer: list[int] = []  # numbers of the pages read by pdfminer
        self.pdfium: pypdfium2.PdfDocument | None = None
        try:
            self.pdfium = pypdfium2.PdfDocument(self.path.data)
        except pypdfium2.PdfiumError:
            return
        if len(self.pdfium) != len(self.pages):
            self.pdfium.close()
            self.pdfium = None

    def __exit__(self, *exc: object) -> None:
        if self.pdfium is not None:
            self.pdfium.close()
        super().__exit__(*exc)

    def _page(self, number: int) -> RawPage:
        if self.pdfium is not None:
            try:
                return self._pdfium_page(self.pdfium, number)
            except _Unreadable:
                self.by_pdfminer.append(number)
        return super()._page(number)

    def _pdfium_page(self, document: pypdfium2.PdfDocument, number: int) -> RawPage:
        page = self.pages[number - 1]
        if page.rotate % 360:
            raise _Unreadable(f"page turned {page.rotate} degrees")
        frame = _Frame.of(page)
        device = _Device(self.resources, number, frame)
        base = _page_ctm(page)
        device.begin_page(page, base)
        self.handles = {}
        self.order = {}
        PDFPageInterpreter(self.resources, device).init_resources(page.resources)  # pdfminer's errors on
        for stream in page.contents:  # fonts and on decoding the content, raised as it raises them
            stream_value(stream).get_data()
        try:
            pdfium_page = document[number - 1]
        except pypdfium2.PdfiumError as exc:
            raise _Unreadable(str(exc)) from None
        try:
            images = self._objects(device, pdfium_page.raw, base, True)
            self._chars(device, pdfium_page, page, base)
        finally:
            pdfium_page.close()
        return raw_page(number, frame, device.chars, _leaves(device.cur_item), images)

    # -- paths --------------------------------------------------------------------------------

    def _objects(self, device: _Device, holder: Any, ctm: Matrix, on_page: bool) -> int:
        """Paths of the page (or form) ``holder`` painted on ``device`` as pdfminer paints
        them, its text objects numbered in drawing order (``order``); returns the number of
        images."""
        count = (pdfium_c.FPDFPage_CountObjects if on_page else pdfium_c.FPDFFormObj_CountObjects)(holder)
        get = pdfium_c.FPDFPage_GetObject if on_page else pdfium_c.FPDFFormObj_GetObject
        images = 0
        m = pdfium_c.FS_MATRIX()
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        for i in range(count):
            obj = get(holder, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
                if right.value - left.value < THINNEST:
                    raise _Unreadable("a text object too thin for pdfium's text layer")
                self.order[ctypes.addressof(obj.contents)] = len(self.order)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
                pdfium_c.FPDFPageObj_GetMatrix(obj, m)
                own = mult_matrix(_matrix(m), ctm)
                if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                    images += self._objects(device, obj, own, False)
                else:
                    _paint(device, obj, own)
        return images

    # -- characters ---------------------------------------------------------------------------

    def _chars(self, device: _Device, pdfium_page: Any, page: PDFPage, ctm: Matrix) -> None:
        text_page = pdfium_page.get_textpage()
        try:
            drawn = self._text(device, text_page.raw, page, ctm)
        finally:
            text_page.close()
        if len(set(drawn)) != len(self.order):
            raise _Unreadable("pdfium's text layer left out a text object (one drawn twice)")
        if any(a > b for a, b in pairwise(drawn)):  # pdfium sorted a line's text objects left to right
            device.chars = [char for _, char in sorted(zip(drawn, device.chars, strict=True), key=itemgetter(0))]

    def _text(self, device: _Device, raw: Any, page: PDFPage, ctm: Matrix) -> list[int]:
        """Each glyph of pdfium's text layer rendered on ``device``; returns the drawing
        order of each one's text object."""
        count = pdfium_c.FPDFText_CountChars(raw)
        drawn: list[int] = []
        texts = _page_text(raw, count)
        get_origin, get_object, addressof = pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_GetTextObject, \
            ctypes.addressof
        x, y = ctypes.c_double(), ctypes.c_double()
        m = pdfium_c.FS_MATRIX()
        run = _Run()
        font: _Font | None = None
        scale: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        size = 0.0
        ahead: tuple[int, tuple[float, float]] = (-1, (0.0, 0.0))  # an origin already asked for
        i = 0
        while i < count:
            text = texts[i]
            if text in GENERATED and pdfium_c.FPDFText_IsGenerated(raw, i):
                i += 1
                continue
            obj = get_object(raw, i)
            address = addressof(obj.contents)
            if ahead[0] == i:
                origin = ahead[1]
            else:
                get_origin(raw, i, x, y)
                origin = (x.value, y.value)
            following = i + 1  # a ligature: one glyph, its text spread over characters at its origin
            while following < count and texts[following] not in GENERATED:
                get_origin(raw, following, x, y)
                ahead = (following, (x.value, y.value))
                if ahead[1] != origin or addressof(get_object(raw, following).contents) != address:
                    break
                text += texts[following]
                following += 1
            if address != run.address or font is None:
                if address not in self.order:
                    raise _Unreadable("a character of no text object on the page")
                number = self.order[address]
                font = self._font(pdfium_c.FPDFTextObj_GetFont(obj), page)
                pdfium_c.FPDFText_GetMatrix(raw, i, m)
                size = written(pdfium_c.FPDFText_GetFontSize(raw, i))
                scale = _matrix(m)
                if scale[1] or scale[2] or not scale[0] or not scale[3]:
                    raise _Unreadable(f"text turned or flattened by {scale[:4]}")
            cid = font.cid(text, raw, i, scale[0] * size)
            matrix = run.place(address, origin, scale, size, ctm)
            run.adv, run.cid = device.render_char(matrix, font, size, 1.0, 0.0, cid, None, None), cid
            drawn.append(number)
            i = following
        return drawn

    def _font(self, handle: Any, page: PDFPage) -> _Font:
        key = ctypes.addressof(handle.contents)
        font = self.handles.get(key)
        if font is None:
            buffer = ctypes.create_string_buffer(256)
            pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, len(buffer))
            name = buffer.value.decode("latin-1")
            found = _page_fonts(self.resources, page).get(SUBSET.sub("", name))
            if found is None:
                raise _Unreadable(f"font {name} not among the page's fonts, or not alone with that name")
            if found.is_vertical() or isinstance(found, PDFType3Font):
                raise _Unreadable(f"font {name} is vertical or Type 3")
            font = self.fonts.get(id(found))
            if font is None:
                font = self.fonts[id(found)] = _Font(found)
            self.handles[key] = font
        return font


class _Font:
    """A pdfminer font, its character codes by the text they stand for (the codes the
    font's /ToUnicode map gives a text, else those its encoding gives it), and the face
    ``render_char`` uses, with each code's text and width looked up once."""

    def __init__(self, font: PDFFont):
        self.pdfminer = font
        self.fontname = font.fontname
        codes: dict[str, list[int]] = {}
        unicode_map = getattr(font, "unicode_map", None)
        mapped: dict[int, str] = unicode_map.cid2unichr if unicode_map else {}
        for cid, text in mapped.items():
            codes.setdefault(text, []).append(cid)
        if not isinstance(font, PDFCIDFont):
            encoded: dict[str, list[int]] = {}
            for cid in range(256):
                try:
                    text = font.to_unichr(cid)
                except (PDFUnicodeNotDefined, KeyError):
                    continue
                if cid not in mapped:
                    encoded.setdefault(text, []).append(cid)
            codes = {**encoded, **codes}
        self.texts = {cid: text for text, cids in codes.items() for cid in cids}
        self.widths = {cid: font.char_width(cid) for cid in self.texts}
        for hyphen in LINE_END_HYPHENS:
            codes[hyphen] = [c for h in HYPHENS for c in codes.get(h, ())]
        self.code: dict[str, int] = {}  # texts whose codes are all as wide
        self.choices: dict[str, list[int]] = {}  # the others
        for text, cids in codes.items():
            if len({self.widths[c] for c in cids}) == 1:
                self.code[text] = cids[0]
            elif cids:
                self.choices[text] = cids

    def to_unichr(self, cid: int) -> str:
        return self.texts[cid]

    def char_width(self, cid: int) -> float:
        return self.widths[cid]

    def is_vertical(self) -> bool:
        return False  # a vertical font's page is read by pdfminer

    def get_descent(self) -> float:
        return self.pdfminer.get_descent()

    def cid(self, text: str, raw: Any, index: int, scale: float) -> int:
        """The character code of the glyph pdfium read as ``text``: of several, the one whose
        width is pdfium's (its loose box's width)."""
        code = self.code.get(text)
        if code is not None:
            return code
        codes = self.choices.get(text)
        if not codes:
            raise _Unreadable(f"no character code for {text!r} in {self.pdfminer}")
        box = pdfium_c.FS_RECTF()
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        width = (box.right - box.left) / scale if scale else 0.0
        return min(codes, key=lambda c: abs(self.widths[c] - width))


class _Run:
    """Glyph positions along one pdfium text object (one show operator), computed as
    pdfminer's ``render_string_horizontal`` computes them, operation for operation: the
    first glyph at the object's origin (as written), then after each glyph its advance
    width, less the kerning pdfium leaves before the next one (in whole thousandths of the
    font size as a TJ array writes it), or plus the word spacing after a space (a short
    decimal). Other gaps are character spacing, which pdfminer does not add after the
    last glyph of a string as pdfium does: the page goes to pdfminer."""

    def __init__(self) -> None:
        self.address: int | None = None
        self.matrix: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        self.x = 0.0  # pdfminer's text-space position along the line
        self.last = math.nan  # pdfium's origin of the previous glyph, along the line
        self.y = math.nan
        self.adv = 0.0
        self.cid = 0  # the previous glyph's code

    def place(self, address: int | None, origin: tuple[float, float], scale: Matrix, size: float,
              ctm: Matrix) -> Matrix:
        """The matrix pdfminer renders the glyph at ``origin`` with."""
        a, b, c, d = scale[:4]
        if address != self.address or origin[1] != self.y:
            self.address, self.x, self.y, self.last = address, 0.0, origin[1], origin[0]
            self.matrix = mult_matrix((a, b, c, d, written(origin[0]), written(origin[1])), ctm)
            return self.matrix
        here = origin[0]
        x = self.x + self.adv
        dxscale = 0.001 * size
        gap = (here - self.last) / a - self.adv
        kerning = round(-gap / dxscale) if dxscale else 0
        slack = abs(here) * SLACK / abs(a)
        if abs(gap + kerning * dxscale) <= slack:
            if kerning:
                x -= kerning * dxscale
        elif self.cid != SPACE:
            # character spacing (Tc): pdfminer leaves it out after a string's last glyph
            raise _Unreadable("character spacing")
        else:
            x += snapped(gap, slack)  # word spacing (Tw), after a space only
        self.x, self.last = x, here
        m = self.matrix
        return (m[0], m[1], m[2], m[3], x * m[0] + 0.0 * m[2] + m[4], x * m[1] + 0.0 * m[3] + m[5])


def _page_text(raw: Any, count: int) -> list[str]:
    """Each of pdfium's characters on the page as text (one call for the page)."""
    buffer = ctypes.create_string_buffer(2 * count + 2)
    pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    texts = list(buffer.raw[: 2 * count].decode("utf-16-le", errors="surrogatepass"))
    if len(texts) != count:  # characters outside the basic plane: one at a time
        texts = [chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count)]
    return texts


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
    if "".join(str(p[0]) for p in path) == "mlllh":
        path = _as_rectangle(path)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
    device.ctm = ctm
    PDFLayoutAnalyzer.paint_path(device, _STATE, bool(stroke.value), bool(fill.value), False, path)


def _as_rectangle(path: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """A rectangle traced as ``re`` traces it, with its far corners summed as pdfminer's
    ``do_re`` sums them (x + w, y + h) from the width and height as written."""
    (_, x, y), (_, x1, y1), (_, x2, y2), (_, x3, y3), _ = path
    if not (y1 == y and x2 == x1 and x3 == x and y3 == y2):
        return path
    w = snapped(x1 - x, ULPS * math.ldexp(1.0, math.frexp(x1)[1] - 24))
    h = snapped(y2 - y, ULPS * math.ldexp(1.0, math.frexp(y2)[1] - 24))
    return [("m", x, y), ("l", x + w, y), ("l", x + w, y + h), ("l", x, y + h), ("h",)]


class _State:
    """The graphic state fields ``paint_path`` copies into layout objects (unused by the reader)."""

    linewidth = 0.0
    scolor = None
    ncolor = None
    dash = None


_STATE: Any = _State()


def _page_ctm(page: PDFPage) -> Matrix:
    """pdfminer's initial matrix for an unturned page: the media box's corner to the origin."""
    x0, y0, _, _ = page.mediabox
    return (1, 0, 0, 1, -x0, -y0)


def _page_fonts(resources: Any, page: PDFPage) -> dict[str, PDFFont | None]:
    """pdfminer's fonts of a page and of its forms, by base font name without a subset
    prefix (None for a name that two fonts share: pdfium's name does not tell them apart)."""
    fonts: dict[str, PDFFont | None] = {}
    seen: set[int] = set()

    def walk(res: Any) -> None:
        res = resolve1(res) or {}
        for ref in (resolve1(res.get("Font")) or {}).values():
            objid = ref.objid if isinstance(ref, PDFObjRef) else None
            try:
                font = resources.get_font(objid, resolve1(ref))
            except Exception:  # noqa: BLE001 - a font pdfminer cannot load: no glyph of it is read here
                continue
            name = getattr(font, "basefont", None)
            if isinstance(name, PSLiteral):
                name = name.name
            if isinstance(name, bytes):
                name = name.decode("latin-1")
            if isinstance(name, str):
                key = SUBSET.sub("", name)
                fonts[key] = font if fonts.get(key, font) is font else None
        for ref in (resolve1(res.get("XObject")) or {}).values():
            if isinstance(ref, PDFObjRef) and ref.objid in seen:
                continue
            if isinstance(ref, PDFObjRef):
                seen.add(ref.objid)
            xobject = stream_value(ref)
            if getattr(xobject.get("Subtype"), "name", "") == "Form":
                walk(xobject.get("Resources"))

    walk(page.resources)
    return fonts
