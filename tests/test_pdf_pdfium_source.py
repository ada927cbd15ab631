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

from extractor.readers.pdf.pdfium_source import PdfiumSource, written
from extractor.readers.pdf.source import Source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
CASES = [
    "table-split-across-pages",
    "table-merged-cells",
    "header-footer-repeated",
    "bullets-wrapped",
    "table-no-lines",
    "outcome-split-across-pages",
    "scanned-no-text",
]


def pages(source: Source) -> list[tuple]:
    return [
        (r.number, r.height, [tuple(w) for w in r.words], r.tables, r.chars, r.images)
        for r in source.read(range(1, len(source.pages) + 1))
    ]


@pytest.mark.parametrize("name", CASES)
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
