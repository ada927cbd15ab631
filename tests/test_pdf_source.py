"""The reader's own pdfminer conversion gives exactly what pdfplumber gives.

``extractor.readers.pdf.source`` skips pdfplumber's conversion of every layout object into
a dict of twenty fields; its words (``page.extract_words``) and ruled cells
(``page.find_tables`` with the lines strategy, one-cell groups kept) must be equal, float
for float, to pdfplumber's own on the same pages (these fixtures have no word whose touching
letters are parted by a gap, which the reader cuts in two: see test_pdf_layouts_printed.py).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from helpers import PDF_SOURCE_CASES
from pdfplumber.table import TableFinder, TableSettings

from extractor.readers.pdf.source import Source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"


def pdfplumber_pages(path: Path) -> list[tuple]:
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = [
                (w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["fontname"], w["size"])
                for w in page.extract_words(extra_attrs=["fontname", "size"])
            ]
            finder = TableFinder(page, TableSettings.resolve(None))
            tables = [list(t.cells) for t in finder.tables]
            grouped = {tuple(c) for g in tables for c in g}
            tables += [[c] for c in finder.cells if tuple(c) not in grouped]
            chars = len(page.chars)
            out.append((float(page.height), words if chars else [], tables if chars else [], chars, len(page.images)))
            page.close()
    return out


@pytest.mark.parametrize("name", PDF_SOURCE_CASES)
def test_words_and_cells_equal_pdfplumbers(name):
    path = FIXTURES / f"{name}.pdf"
    with Source(path) as source:
        ours = [
            (r.height, [tuple(w) for w in r.words], r.tables, r.chars, r.images)
            for r in source.read(range(1, len(source.pages) + 1))
        ]
    theirs = pdfplumber_pages(path)
    assert ours == theirs
    assert sum(len(page[1]) for page in ours) > 0 or name == "scanned-no-text"
