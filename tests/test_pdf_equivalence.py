"""The PDF rendering of the bundled specification gives the same result as its text form.

The PDF is the Word rendering (fixtures/build_fixtures.py) converted by LibreOffice (see
fixtures/source_specs/README.md). Everything but where things came from must be equal:
``source`` and every provenance field differ by nature (lines versus page and box);
findings are compared by (code, unit, field), because their messages and locations may
cite format-specific places.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extractor.pipeline import BUNDLED_SPEC, extract

PDF = BUNDLED_SPEC.with_suffix(".pdf")
CONTENT = ("document", "qualifications", "units_overview", "units")

pytestmark = pytest.mark.skipif(
    not PDF.exists(), reason="convert the .docx first (fixtures/source_specs/README.md)"
)


def without_provenance(value):
    if isinstance(value, dict):
        return {
            k: without_provenance(v)
            for k, v in value.items()
            if not k.endswith("provenance") and k not in ("source", "locations")
        }
    if isinstance(value, list):
        return [without_provenance(v) for v in value]
    return value


@pytest.fixture(scope="module")
def both():
    return extract(BUNDLED_SPEC).model_dump(), extract(PDF).model_dump()


@pytest.mark.parametrize("key", CONTENT)
def test_content_is_equal(both, key):
    text, pdf = (without_provenance(spec[key]) for spec in both)
    assert pdf == text


def test_units_one_by_one(both):
    """The same, unit by unit, so that a failure names the unit and field."""
    text, pdf = (without_provenance(spec["units"]) for spec in both)
    assert [u["isp_ref_printed"] for u in pdf] == [u["isp_ref_printed"] for u in text]
    for a, b in zip(text, pdf):
        for name in a:
            assert b[name] == a[name], f"{a['isp_ref_printed']}: {name}"


def test_findings_are_equal(both):
    def keys(spec):
        return Counter((f["code"], f["unit"], f["field"]) for f in spec["findings"])

    text, pdf = both
    assert keys(pdf) == keys(text)


def test_source_says_pdf(both):
    text, pdf = both
    assert (text["source"]["format"], pdf["source"]["format"]) == ("text", "pdf")
    assert pdf["source"]["path"] == Path(PDF).name


def test_pdf_provenance_points_to_pages(both):
    _, pdf = both
    unit = pdf["units"][0]
    criterion = unit["learning_outcomes"][0]["assessment_criteria"][0]
    where = criterion["provenance"][0]
    assert where["page"] >= 1 and len(where["bbox"]) == 4
    assert where.get("line") is None
