"""Other awarding bodies' units printed to PDF read like their HTML or Markdown form.

Each HTML and Markdown fixture of tests/fixtures/bodies/ is printed by LibreOffice (tables
given borders: the ruled-table path) and by Chromium (no borders: the borderless path),
see tests/fixtures/bodies-pdf/. The PDF must give the fixture's hand-checked values (every
outcome and criterion text exact, the unit facts) and the same findings as the HTML or
Markdown form (codes, messages and values; not locations). A finding that only the PDF
gives is a reader defect; the ones not fixed yet are marked xfail (strict) with the reason.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from helpers import FACTS, facts_as_expected, outcomes_as_expected

from extractor.blocks import BULLET_GLYPHS
from extractor.model import Specification
from extractor.pipeline import extract
from extractor.readers.pdf import read_pdf
from extractor.readers.pdf.pages import Source
from extractor.readers.registry import read_blocks

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BODIES = FIXTURES / "bodies"
PDFS = sorted((FIXTURES / "bodies-pdf").glob("*.pdf"))
ENGINES = ("libreoffice-ruled", "chromium-borderless")
FURNITURE = "gateway-units-markdown-copy-lo-code-prefix"  # also printed with Chromium's header and footer


def _name(pdf: Path) -> str:
    return pdf.name.split(".")[0]


def _expected(pdf: Path) -> dict:
    return json.loads((BODIES / f"{_name(pdf)}.expected.json").read_text(encoding="utf-8"))


@cache
def _extracted(path: Path) -> Specification:
    return extract(path)


# why a PDF does not (yet) read like its HTML or Markdown form, by test and PDF. Chromium prints
# HTML tables without borders, 3 pt between columns (as much as a space between words), cells
# centred vertically; the reader finds such tables from gutters (extractor/readers/pdf/gutters.py)
WIDEST_LINE_AT_EDGE = (
    "a borderless table's column ends where its widest line ends, so a line that ends a criterion at that "
    "edge ('2.1Use different formulae which require a combination of operations.') is taken for a wrapped "
    "line and the next criterion ('2.2 Use functions other than SUM.') is joined to it"
)
CENTRED_ROWS = (
    "the outcome cells centred over their criteria (rowspan) and criterion numbers centred beside two-line "
    "texts leave no gap across all columns between some rows, so numbers and texts are cut into the wrong rows"
)
TOUCHING_COLUMNS = (
    "the header cells 'Unit Level' and 'Credit Value' print less than a point apart and the values under "
    "them are single digits: no gutter divides those columns; the qualification number/reference table "
    "has only two lines (a gutter needs three)"
)
COLSPAN = (
    "a header cell spanning two columns: the HTML reader follows it with an empty cell (colspan - 1), "
    "the PDF reader gives one cell as the Word reader does, so the skipped header row's text in the "
    "unexpected-row finding differs ('... will: |  | Assessment ...' in the HTML form)"
)
AGORED = "agored-cymru-unit-page-guidance-by-criterion.chromium-borderless.pdf"
OFQUAL = "ofqual-register-unit-lo-ac-table.chromium-borderless.pdf"
SKILLSFIRST = "skillsfirst-qualification-structure-only.chromium-borderless.pdf"
XFAIL: dict[str, dict[str, str]] = {
    "outcomes": {AGORED: WIDEST_LINE_AT_EDGE, OFQUAL: CENTRED_ROWS},
    "structure": {SKILLSFIRST: TOUCHING_COLUMNS},
    "findings": {
        AGORED: WIDEST_LINE_AT_EDGE,
        OFQUAL: CENTRED_ROWS,
        SKILLSFIRST: TOUCHING_COLUMNS,
        "ofqual-register-unit-lo-ac-table.libreoffice-ruled.pdf": COLSPAN,
    },
}


def _params(kinds: tuple[str, ...], test: str) -> list:
    out = []
    for pdf in PDFS:
        if _expected(pdf)["kind"] not in kinds:
            continue
        reason = XFAIL.get(test, {}).get(pdf.name)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(pdf, marks=marks, id=pdf.name.removesuffix(".pdf")))
    return out


def test_every_fixture_is_printed_by_both_engines():
    sources = sorted(
        p.name.removesuffix(".expected.json")
        for p in BODIES.glob("*.expected.json")
        if json.loads(p.read_text(encoding="utf-8"))["fixture"].endswith((".html", ".md"))
    )
    assert len(sources) == 9
    furniture = [f"{FURNITURE}.chromium-header-footer.pdf"]
    assert sorted(p.name for p in PDFS) == sorted([f"{s}.{e}.pdf" for s in sources for e in ENGINES] + furniture)


def test_chromium_header_and_footer_are_dropped_as_page_furniture():
    pdf = FIXTURES / "bodies-pdf" / f"{FURNITURE}.chromium-header-footer.pdf"
    with pdfplumber.open(pdf) as document:
        printed = [page.extract_text() for page in document.pages]
    assert len(printed) == 3
    assert all(f"/{FURNITURE}.html" in text and FURNITURE in text.split("\n")[0] for text in printed)
    texts = [b.text for b in read_pdf(pdf)] + [c.text for b in read_pdf(pdf) for c in b.cells]
    assert texts and not [t for t in texts if "file://" in t or FURNITURE in t or re.search(r"\b\d/3\b", t)]


def test_bullets_drawn_as_shapes_start_list_items():
    """Chromium prints an HTML list's discs as filled paths, not glyphs: the page has no
    bullet character, yet the criteria come back as list items, each with its own text."""
    pdf = FIXTURES / "bodies-pdf" / "gateway-entry-units-lo-heading-ac-list.chromium-borderless.pdf"
    with Source(pdf) as source:
        pages = list(source.read(range(1, len(source.pages) + 1)))
    assert not [w for page in pages for w in page.words if w.text[0] in BULLET_GLYPHS]
    assert sum(len(page.marks) for page in pages) == 29  # the discs of the four units' 29 criteria
    items = [b.text for b in read_pdf(pdf) if b.kind == "item"]
    assert len(items) == 29
    assert items[0] == "1.1 Identify potential living situations for the future (e.g. independent or supported living)."
    assert items[-1] == "3.2 Use basic terms when identifying outcomes."


@pytest.mark.parametrize("pdf", _params(("units",), "outcomes"))
def test_every_outcome_and_criterion_is_extracted_exactly(pdf):
    expected = _expected(pdf)
    spec = _extracted(pdf)
    assert [outcomes_as_expected(u) for u in spec.units] == [u["learning_outcomes"] for u in expected["units"]]


@pytest.mark.parametrize("pdf", _params(("units",), "facts"))
def test_unit_facts_are_read_as_printed(pdf):
    expected = _expected(pdf)
    spec = _extracted(pdf)
    assert [facts_as_expected(u) for u in spec.units] == [{k: u[k] for k in FACTS} for u in expected["units"]]


@pytest.mark.parametrize("pdf", _params(("structure_only",), "structure"))
def test_a_qualification_structure_gives_its_units_listing(pdf):
    expected = _expected(pdf)
    spec = _extracted(pdf)
    assert spec.units == []
    rows = [(r.uan, r.reference, r.title, r.level, r.credits, r.glh) for r in spec.units_overview]
    assert rows == [
        (u["reference"], u["unit_number"], u["title"], int(u["level"]), u["credits"], u["glh"]) for u in expected["units"]
    ]
    assert [q.qan for q in spec.qualifications] == [q["qan"] for q in expected["qualifications"]]


def _findings(spec: Specification) -> Counter:
    return Counter(
        (f.code, f.severity, f.unit, f.field, f.message, tuple((v.value, v.source) for v in f.values))
        for f in spec.findings
    )


@pytest.mark.parametrize("pdf", _params(("units", "structure_only"), "findings"))
def test_findings_equal_the_html_or_markdown_form(pdf):
    from_source = _extracted(BODIES / _expected(pdf)["fixture"])
    assert _findings(_extracted(pdf)) == _findings(from_source)


def _headings(blocks) -> list[tuple[int | None, str]]:
    return [(b.level, b.text) for b in blocks if b.kind == "heading"]


@pytest.mark.parametrize("pdf", _params(("units", "structure_only"), "headings"))
def test_headings_come_back_with_their_levels(pdf):
    """Every heading of the HTML or Markdown form is a heading of the PDF, in order and at its
    level (from its size: h1 twice the body size, h2 1.5 times, h3 1.17; h4 bold at the body
    size, h5 bold and smaller). The PDF has more only at level 4: bold text at the body size
    (a bold paragraph or header cell) prints as an h4 does."""
    source = BODIES / _expected(pdf)["fixture"]
    wanted = _headings(read_blocks(source, "html" if source.suffix == ".html" else "markdown"))
    got = _headings(read_blocks(pdf, "pdf"))
    extra = list(got)
    for heading in wanted:
        assert heading in extra, heading
        extra = extra[extra.index(heading) + 1 :]
    assert all(level == 4 for level, _ in (h for h in got if h not in wanted)), got
