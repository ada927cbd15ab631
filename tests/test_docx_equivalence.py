"""The Word rendering of the bundled specification gives the same result as its text form.

Everything but where things came from must be equal: ``source`` and every provenance field
differ by nature (lines versus table/row/cell/paragraph); findings are compared by
(code, unit, field), because their messages and locations may cite format-specific places.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extractor.pipeline import BUNDLED_SPEC, extract

DOCX = BUNDLED_SPEC.with_suffix(".docx")
CONTENT = ("document", "qualifications", "units_overview", "units")


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
    return extract(BUNDLED_SPEC).model_dump(), extract(DOCX).model_dump()


def test_docx_fixture_exists():
    assert DOCX.exists(), "run: python fixtures/build_fixtures.py"


@pytest.mark.parametrize("key", CONTENT)
def test_content_is_equal(both, key):
    text, word = (without_provenance(spec[key]) for spec in both)
    assert word == text


def test_units_one_by_one(both):
    """The same, unit by unit, so that a failure names the unit and field."""
    text, word = (without_provenance(spec["units"]) for spec in both)
    assert [u["isp_ref_printed"] for u in word] == [u["isp_ref_printed"] for u in text]
    for a, b in zip(text, word):
        for name in a:
            assert b[name] == a[name], f"{a['isp_ref_printed']}: {name}"


def test_findings_are_equal(both):
    def keys(spec):
        return Counter((f["code"], f["unit"], f["field"]) for f in spec["findings"])

    text, word = both
    assert keys(word) == keys(text)


def test_source_says_docx(both):
    text, word = both
    assert (text["source"]["format"], word["source"]["format"]) == ("text", "docx")
    assert word["source"]["path"] == Path(DOCX).name


def test_word_provenance_points_into_tables(both):
    _, word = both
    unit = word["units"][0]
    criterion = unit["learning_outcomes"][0]["assessment_criteria"][0]
    where = criterion["provenance"][0]
    assert where["table"] is not None and where["row"] is not None
    assert where.get("line") is None


def test_committed_fixture_is_current(tmp_path):
    """The .docx is built from the text form with the interpreter's bullet splitter: when
    either changes, rebuild it (python fixtures/build_fixtures.py) and commit the result."""
    import importlib.util
    import sys

    script = Path(__file__).resolve().parent.parent / "fixtures" / "build_fixtures.py"
    spec = importlib.util.spec_from_file_location("build_fixtures", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    fresh = module.build(target=tmp_path / "fresh.docx")
    assert fresh.read_bytes() == DOCX.read_bytes(), "stale fixture: run python fixtures/build_fixtures.py"
