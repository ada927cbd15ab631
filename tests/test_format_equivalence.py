"""The Word and PDF renderings of the bundled specification give the same result as its text form.

The .docx is made from the text by fixtures/build_fixtures.py; the PDF from the .docx by
LibreOffice (fixtures/source_specs/README.md). Everything but where things came from must be
equal: ``source`` and every provenance field differ by nature (lines versus table/row/cell or
page and box); findings are compared by (code, unit, field), because their messages and
locations cite format-specific places.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers import CONTENT, rendering, without_provenance

from extractor.pipeline import BUNDLED_SPEC

DOCX = rendering(".docx")


@pytest.fixture(scope="module")
def text(bundled):
    return bundled("text").model_dump()


@pytest.fixture(scope="module", params=["docx", "pdf"])
def other(request, bundled):
    return bundled(request.param).model_dump()


@pytest.mark.parametrize("key", CONTENT)
def test_content_is_equal(text, other, key):
    assert without_provenance(other[key]) == without_provenance(text[key])


def test_units_one_by_one(text, other):
    """The same, unit by unit, so that a failure names the unit and field."""
    ours, theirs = without_provenance(text["units"]), without_provenance(other["units"])
    assert [u["reference_printed"] for u in theirs] == [u["reference_printed"] for u in ours]
    for a, b in zip(ours, theirs, strict=True):
        for name in a:
            assert b[name] == a[name], f"{a['reference_printed']}: {name}"


def test_findings_are_equal(text, other):
    def keys(spec):
        return Counter((f["code"], f["unit"], f["field"]) for f in spec["findings"])

    assert keys(other) == keys(text)


def test_source_names_the_format(text, other):
    assert text["source"]["format"] == "text"
    assert other["source"]["path"] == f"{BUNDLED_SPEC.stem}.{other['source']['format']}"


def test_provenance_is_the_format_s_own(other):
    where = other["units"][0]["learning_outcomes"][0]["assessment_criteria"][0]["provenance"][0]
    assert where.get("line") is None
    if other["source"]["format"] == "docx":
        assert where["table"] is not None and where["row"] is not None
    else:
        assert where["page"] >= 1 and len(where["bbox"]) == 4


def test_committed_docx_fixture_is_current(tmp_path):
    """The .docx is built from the text form with the interpreter's bullet splitter: when
    either changes, rebuild it (python fixtures/build_fixtures.py), then the PDF, and commit."""
    script = Path(__file__).resolve().parent.parent / "fixtures" / "build_fixtures.py"
    spec = importlib.util.spec_from_file_location("build_fixtures", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    fresh = module.build(target=tmp_path / "fresh.docx")
    assert fresh.read_bytes() == DOCX.read_bytes(), "stale fixture: run python fixtures/build_fixtures.py"
