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
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from helpers import FACTS, facts_as_expected, outcomes_as_expected

from extractor.model import Specification
from extractor.pipeline import extract

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BODIES = FIXTURES / "bodies"
PDFS = sorted((FIXTURES / "bodies-pdf").glob("*.pdf"))
ENGINES = ("libreoffice-ruled", "chromium-borderless")


def _name(pdf: Path) -> str:
    return pdf.name.split(".")[0]


def _expected(pdf: Path) -> dict:
    return json.loads((BODIES / f"{_name(pdf)}.expected.json").read_text(encoding="utf-8"))


@cache
def _extracted(path: Path) -> Specification:
    return extract(path)


# why a PDF does not (yet) read like its HTML or Markdown form, by test and PDF
BORDERLESS_NARROW = (
    "Chromium's borderless table has column gaps of a few points and cells centred vertically: the "
    "borderless-table finder (column gaps of 2 ems) reads its rows as body lines with words of several cells mixed"
)
NUMBER_THEN_TEXT = (
    "a list item that prints only its number ('1.1'), its text a paragraph under it at the item's text indent: "
    "read as two blocks, so the criteria lose their text"
)
XFAIL: dict[str, dict[str, str]] = {}


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
    assert sorted(p.name for p in PDFS) == sorted(f"{s}.{e}.pdf" for s in sources for e in ENGINES)


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
