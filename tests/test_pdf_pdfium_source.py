"""The pdfium character source gives exactly what the pdfminer source gives.

``extractor.readers.pdf.pdfium_source`` lets pdfium interpret the pages and computes the
boxes with pdfminer's own code; its words, cells, character and image counts must be
equal, float for float, to ``source.Source``'s (which ``test_pdf_source`` holds equal to
pdfplumber's). A page that pdfium cannot give as pdfminer would is read by pdfminer.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from helpers import PDF_SOURCE_CASES

from extractor.readers.pdf.pdfium_source import PdfiumSource, written
from extractor.readers.pdf.source import Source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"


def pages(source: Source) -> list[tuple]:
    return [
        (r.number, r.height, [tuple(w) for w in r.words], r.tables, r.chars, r.images)
        for r in source.read(range(1, len(source.pages) + 1))
    ]


@pytest.mark.parametrize("name", PDF_SOURCE_CASES)
def test_words_and_cells_equal_the_pdfminer_sources(name):
    path = FIXTURES / f"{name}.pdf"
    with Source(path) as source:
        theirs = pages(source)
    with PdfiumSource(path) as source:
        ours = pages(source)
        assert source.pdfium is not None and source.by_pdfminer == []
    assert ours == theirs
    assert sum(len(page[2]) for page in ours) > 0 or name == "scanned-no-text"


def test_ligature_and_line_end_hyphen_are_read_as_pdfminer_reads_them():
    """DejaVu Sans prints "fl" and "fi" as one glyph, whose text pdfium spreads over two
    characters (page 94: "reflective", "specified"); pdfium's text for a hyphen ending a
    line is 0x02 or U+FFFE (page 20: "high-" / "value")."""
    path = FIXTURES / "layout-dejavu-wide-margins.pdf"
    with Source(path) as source:
        theirs = list(source.read(range(20, 21))) + list(source.read(range(94, 95)))
    with PdfiumSource(path) as source:
        ours = list(source.read(range(20, 21))) + list(source.read(range(94, 95)))
    assert "high-" in [w.text for w in ours[0].words]
    assert {"reflective", "specified"} <= {w.text for w in ours[1].words}
    assert ours == theirs


def test_turned_page_is_read_by_pdfminer(tmp_path):
    path = tmp_path / "turned.pdf"
    document = pypdfium2.PdfDocument(FIXTURES / "table-merged-cells.pdf")
    document[0].set_rotation(90)
    document.save(path)
    document.close()
    with Source(path) as source:
        theirs = pages(source)
    with PdfiumSource(path) as source:
        ours = pages(source)
        assert source.by_pdfminer == [1]
    assert ours == theirs
    assert ours[0][2]


def test_file_whose_page_tree_pdfium_repairs_is_read_by_pdfminer(tmp_path):
    """Cross-reference offsets damaged: pdfminer finds no pages, pdfium rebuilds the table
    and finds one. The reader keeps pdfminer's reading (tests/test_pdf_errors.py)."""
    data = (FIXTURES / "table-merged-cells.pdf").read_bytes()
    start, end = data.index(b"\nxref\n"), data.index(b"trailer")
    assert data[start:end].count(b"0000") >= 19
    path = tmp_path / "xref-flipped.pdf"
    path.write_bytes(data[:start] + data[start:end].replace(b"0000", b"\xcf000") + data[end:])
    with PdfiumSource(path) as source:
        assert source.pdfium is None
        assert len(source.pages) == 0


@pytest.mark.parametrize(("single", "decimal"), [(56.79999923706055, 56.8), (601.3889770507812, 601.389),
                                                  (734.5889892578125, 734.589), (-0.27000001072883606, -0.27),
                                                  (0.0, 0.0), (30.0, 30.0)])
def test_single_precision_numbers_are_taken_back_as_written(single, decimal):
    assert written(single) == decimal


# ---------------------------------------------------------------------------- drawn cases

def one_page_pdf(path: Path, content: bytes) -> Path:
    """A one-page PDF drawing ``content`` with Helvetica (/F1) and Times-Roman (/F2)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(data))
    return path


def both(path: Path) -> tuple[list[tuple], list[tuple], list[int]]:
    with Source(path) as source:
        theirs = pages(source)
    with PdfiumSource(path) as source:
        ours = pages(source)
        left = source.by_pdfminer
    return theirs, ours, left


DRAWN = {
    "word-spacing-scaling-rise": b"BT /F1 12 Tf 2 Tw 72 700 Td (Spaced out words) Tj ET "
                                 b"BT /F2 11 Tf 120 Tz 72 650 Td [(Sca)-120(led) 50( text)] TJ ET "
                                 b"BT /F1 12 Tf 100 Tz 72 600 Td (Base) Tj 4 Ts (raised) Tj 0 Ts ( after) Tj ET",
    "two-strings-one-line": b"BT /F1 12 Tf 72 700 Td (First part) Tj ( second part) Tj 0 -14 Td (Next) Tj ET",
    "scaled-by-cm": b"q 0.5 0 0 0.5 10 20 cm BT /F1 24 Tf 72 700 Td (Scaled) Tj ET Q "
                    b"1 w 72 600 m 300 600 l S 72 500 100 50 re S",
    "drawn-right-to-left": b"BT /F1 12 Tf 200 700 Td (Second) Tj ET BT /F2 12 Tf 72 700 Td (First) Tj ET",
}


def close(ours: list[tuple], theirs: list[tuple]) -> bool:
    """Equal, but for coordinates in the last bits (pdfminer sums a string drawn after
    another without a move, or character spacing with kerning, in another order)."""
    def rounded(pages: list[tuple]) -> list[tuple]:
        return [(*page[:2], [(w[0], *(round(v, 9) for v in w[1:5]), *w[5:]) for w in page[2]],
                 [[tuple(round(v, 9) for v in cell) for cell in group] for group in page[3]], *page[4:])
                for page in pages]
    return rounded(ours) == rounded(theirs)


@pytest.mark.parametrize("case", sorted(DRAWN))
def test_drawn_cases_are_read_by_pdfium_as_pdfminer_reads_them(tmp_path, case):
    theirs, ours, left = both(one_page_pdf(tmp_path / f"{case}.pdf", DRAWN[case]))
    assert left == []
    assert close(ours, theirs)
    assert ours[0][2]


def test_line_drawn_right_to_left_keeps_drawing_order(tmp_path):
    """pdfium sorts a line's text objects left to right; the words come in drawing order,
    as pdfminer gives them (pdfplumber groups consecutive characters of one font)."""
    _, ours, _ = both(one_page_pdf(tmp_path / "order.pdf", DRAWN["drawn-right-to-left"]))
    assert [w[0] for w in ours[0][2]] == ["Second", "First"]


@pytest.mark.parametrize("content", [
    b"BT /F1 12 Tf 72 700 Td (Bold title) Tj ET BT /F1 12 Tf 72.2 700 Td (Bold title) Tj ET",  # fake bold
    b"BT /F1 12 Tf 72 700 Td (Word) Tj ( ) Tj (next) Tj ET",  # a space alone: no width to pdfium
    b"BT /F1 12 Tf 0.25 Tc 72 700 Td (Base) Tj (next) Tj ET",  # pdfminer puts "next" 0.25 pt to the left
])
def test_what_pdfium_gives_otherwise_sends_the_page_to_pdfminer(tmp_path, content):
    theirs, ours, left = both(one_page_pdf(tmp_path / "left-out.pdf", content))
    assert left == [1]
    assert ours == theirs


def test_overprint_inside_one_string_is_the_difference_left(tmp_path):
    """A glyph drawn over the same glyph within one string: pdfium's text layer drops it,
    pdfminer keeps it (documented in pdfium_source)."""
    theirs, ours, left = both(one_page_pdf(tmp_path / "overprint.pdf", b"BT /F1 12 Tf 72 700 Td [(B) 650 (B) (old)] TJ ET"))
    assert left == []
    assert ([w[0] for w in theirs[0][2]], [w[0] for w in ours[0][2]]) == (["BBold"], ["Bold"])


def test_character_spacing_in_thousandths_of_the_size_is_a_difference_left(tmp_path):
    """1.5 pt of character spacing at 12 pt is 125 thousandths, which reads as kerning; pdfminer
    does not add it after the last glyph of "Base" as pdfium does (documented in pdfium_source)."""
    theirs, ours, left = both(one_page_pdf(tmp_path / "spaced.pdf", b"BT /F1 12 Tf 1.5 Tc 72 700 Td (Base) Tj (next) Tj ET"))
    assert left == []
    assert [w[:3] for w in theirs[0][2]] == [("Basenext", 72.0, 131.02800000000002)]
    assert [w[:3] for w in ours[0][2]] == [("Basenext", 72.0, 132.52800000000002)]
