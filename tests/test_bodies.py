"""Real unit specifications of other awarding bodies (tests/fixtures/bodies/) against their
hand-checked expected values: every learning outcome and assessment criterion exact, the unit facts,
and what `qualspec check` says of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import FACTS, facts_as_expected, outcomes_as_expected

from extractor.cli import main
from extractor.pipeline import extract

BODIES = Path(__file__).resolve().parent / "fixtures" / "bodies"
EXPECTED = sorted(BODIES.glob("*.expected.json"))
UNITS = [p for p in EXPECTED if json.loads(p.read_text(encoding="utf-8"))["kind"] == "units"]


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _ids(paths: list[Path]) -> list[str]:
    return [p.name.removesuffix(".expected.json") for p in paths]


def test_the_fixtures_cover_at_least_four_awarding_bodies_and_every_kind():
    bodies = {_expected(p)["awarding_body"] for p in EXPECTED} - {None}
    assert len(bodies) >= 4
    assert {_expected(p)["kind"] for p in EXPECTED} == {"units", "structure_only", "not_unit_based"}


@pytest.mark.parametrize("path", UNITS, ids=_ids(UNITS))
def test_every_outcome_and_criterion_is_extracted_exactly(path):
    expected = _expected(path)
    spec = extract(BODIES / expected["fixture"])
    assert len(spec.units) == len(expected["units"])
    for want, unit in zip(expected["units"], spec.units, strict=True):
        assert outcomes_as_expected(unit) == want["learning_outcomes"]


@pytest.mark.parametrize("path", UNITS, ids=_ids(UNITS))
def test_unit_facts_are_read_as_printed(path):
    expected = _expected(path)
    spec = extract(BODIES / expected["fixture"])
    for want, unit in zip(expected["units"], spec.units, strict=True):
        assert facts_as_expected(unit) == {key: want[key] for key in FACTS}


@pytest.mark.parametrize("path", UNITS, ids=_ids(UNITS))
def test_other_bodies_are_checked_under_the_generic_profile_and_skipped_text_is_one_finding_per_unit(path):
    spec = extract(BODIES / _expected(path)["fixture"])
    assert spec.profile == "generic"
    skipped = [f.unit for f in spec.findings if f.code == "unexpected-row"]
    assert len(skipped) == len(set(skipped))


@pytest.mark.parametrize(
    "name",
    [
        "ofqual-register-unit-lo-ac-table",
        "ndaq-unit-criteria-numbered-in-one-cell",
        "ocr-unit-three-columns-one-row",
        "btec-specialist-unit-learner-will-can-header",
        "tlm-unit-criteria-grid-by-outcome",
        "agored-cymru-unit-page-guidance-by-criterion",
    ],
)
def test_a_complete_unit_of_another_body_gets_no_error_finding(name):
    fixture = BODIES / _expected(BODIES / f"{name}.expected.json")["fixture"]
    result = CliRunner().invoke(main, ["check", str(fixture), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert all(f["severity"] != "error" for f in json.loads(result.output))


@pytest.mark.parametrize(
    ("fixture", "untitled"),
    [
        ("gateway-entry-units-lo-heading-ac-list.html", ["J/504/8733", "L/504/8944", "L/505/4856", "Y/504/8428"]),
        ("gateway-units-markdown-copy-lo-code-prefix.md", ["A/505/2763", "F/502/0168", "K/506/0678"]),
    ],
)
def test_units_without_a_printed_title_are_reported(fixture, untitled):
    spec = extract(BODIES / fixture)
    missing = sorted(f.unit for f in spec.findings if f.code == "required-field-empty" and f.field == "title")
    assert missing == untitled
    assert [f.code for f in spec.findings if f.severity == "error"] == ["required-field-empty"] * len(untitled)


def test_a_qualification_structure_only_extracts_its_units_listing(tmp_path):
    expected = _expected(BODIES / "skillsfirst-qualification-structure-only.expected.json")
    result = CliRunner().invoke(main, ["extract", str(BODIES / expected["fixture"]), "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "skillsfirst-qualification-structure-only.json").read_text(encoding="utf-8"))
    assert document["units"] == []
    rows = [(r["uan"], r["reference"], r["title"], r["level"], r["credits"], r["glh"]) for r in document["units_overview"]]
    assert rows == [
        (u["reference"], u["unit_number"], u["title"], int(u["level"]), u["credits"], u["glh"]) for u in expected["units"]
    ]
    assert [q["qan"] for q in document["qualifications"]] == [q["qan"] for q in expected["qualifications"]]


def test_a_specification_that_is_not_unit_based_is_refused_with_one_line():
    source = BODIES / "aqa-gcse-specification-not-unit-based.txt"
    result = CliRunner().invoke(main, ["extract", str(source), "-q"])
    assert (result.exit_code, result.output) == (
        2,
        f"qualspec: error: {source}: no unit specification found: looked for unit tables ('Unit Title', "
        "'Learning outcomes'), unit headings ('Unit 2: ...'), unit facts (unit reference, credits, guided "
        "learning hours) and a units listing, and found none\n",
    )
