"""``qualspec achieve``: exit codes, exact output, JSON keys and schema, bad input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from extractor.cli import main
from extractor.pipeline import BUNDLED_SPEC
from extractor.rules.schema import ACHIEVE_SCHEMA_PATH, achieve_schema, render_achieve_schema

ONE_CORE_SHORT = "L5B1,L5B2,L5C1,L5L1,L5S1"

TABLE = """\
Units held: L5B1, L5B2, L5C1, L5L1, L5S1 (28 credits)

achieved      610/5663/7  Level 5 Award in Analysis Financial Performance
not_achieved  610/5664/9  Level 5 Award in Market Research and Sales Planning  (missing unit L5B3)
not_achieved  610/5665/0  Level 5 Award in Managing Sales Technology Systems  (missing unit L5B4)
not_achieved  610/5666/2  Level 5 Award in Relationship Management Mapping  (missing unit L5B5)
achieved      610/5667/4  Level 5 Award in Tender Management
not_achieved  610/5668/6  Level 5 Award in Sales Territory Management  (missing unit L5C2)
not_achieved  610/5669/8  Level 5 Award in Account Relationship Management  (missing unit L5C3)
not_achieved  610/5671/6  Level 5 Award in Customer Buying Processes  (missing unit L5C4)
achieved      610/5672/8  Level 5 Award in Managing Team Performance
not_achieved  610/5673/X  Level 5 Award in Managing Recruitment  (missing unit L5L2)
not_achieved  610/5674/1  Level 5 Award in Motivating Sales Professionals  (missing unit L5L3)
not_achieved  610/5676/5  Level 5 Award in Matrix Management  (missing unit L5L6)
not_achieved  610/5677/7  Level 5 Award in Coaching and Mentoring  (missing unit L5L4)
not_achieved  610/5679/0  Level 5 Award in Innovation  (missing units L5L5, L5L7)
not_achieved  610/5680/7  Level 5 Award in Leadership  (missing unit L5S2)
not_achieved  610/5681/9  Level 5 Award in Developing Critical Thinking  (missing unit L5S3)
not_achieved  610/5683/2  Level 5 Certificate in Professional Sales
not_achieved  610/5684/4  Level 5 Diploma in Professional Sales

610/5683/2 Level 5 Certificate in Professional Sales: not_achieved
  met      A minimum of 13 credits, maximum 36 credits: 28 credits (L5B1, L5B2, L5C1, L5L1, L5S1); 13 to 36 required
  met      At least two BUSINESS units: 2 BUSINESS units (L5B1, L5B2); at least 2 required
  not met  At least two CORE units: 1 CORE unit (L5C1); at least 2 required
  met      At least one LEADERSHIP unit or SELF unit: 2 LEADERSHIP or SELF units (L5L1, L5S1); at least 1 required
  met      Units selected must equate to a minimum of 50% at Level 5 or above: 28 of 28 credits at level 5 or above \
(100%); at least 50% required
  missing: 1 more CORE unit

610/5684/4 Level 5 Diploma in Professional Sales: not_achieved
  not met  A minimum of 37 credits: 28 credits (L5B1, L5B2, L5C1, L5L1, L5S1); at least 37 required
  met      BUSINESS units totalling at least 9 credits: 10 credits from BUSINESS units (L5B1, L5B2); at least 9 required
  not met  CORE units totalling at least 12 credits: 5 credits from CORE units (L5C1); at least 12 required
  met      LEADERSHIP units totalling at least 8 credits: 8 credits from LEADERSHIP units (L5L1); at least 8 required
  not met  SELF units totalling at least 8 credits: 5 credits from SELF units (L5S1); at least 8 required
  met      Units selected must equate to a minimum of 50% at Level 5 or above: 28 of 28 credits at level 5 or above \
(100%); at least 50% required
  missing: 9 more credits
  missing: 7 more credits from CORE units
  missing: 3 more credits from SELF units

Assumed: 'Units selected must equate to a minimum of 50% at Level 5 or above.': the sentence does not say a share \
of what: read as a share of credits (the usual RQF/QCF reading)

Cheapest completion of 610/5683/2: add L4C3 (3 credits).
"""


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args])

    return invoke


def test_table_output(run):
    result = run("achieve", BUNDLED_SPEC, "--units", ONE_CORE_SHORT, "--target", "610/5683/2")
    assert result.exit_code == 0, result.output
    assert result.stdout == TABLE


def test_table_names_the_units_counted_when_not_all_are(run):
    result = run("achieve", BUNDLED_SPEC, "--units", "L5B1,L5B4,L5C2,L5C3,L5L1,L5S1,L5S2")
    assert result.exit_code == 0, result.output
    assert (
        "610/5683/2 Level 5 Certificate in Professional Sales: achieved\n"
        "  counting only L5B1, L5B4, L5C2, L5C3, L5S2 (all the units held together do not meet the rules)\n"
        "  met      A minimum of 13 credits, maximum 36 credits: 25 credits (L5B1, L5B4, L5C2, L5C3, L5S2); 13 to 36 "
        "required\n"
    ) in result.stdout


def test_undetermined_in_the_table_names_the_finding_and_both_outcomes(run):
    result = run("achieve", BUNDLED_SPEC, "--units", "L5B1,L5B4,L5C2,L5C3,L5L1,L6S2")
    assert result.exit_code == 0, result.output
    assert "undetermined  610/5684/4  Level 5 Diploma in Professional Sales\n" in result.stdout
    assert (
        "  depends on finding cross-table-mismatch (L6S2 credits): Unit L6S2 has 2 different credit values in "
        "different tables: 8 (unit specification), 6 (units overview).\n"
        "    if L6S2 credits 8 (unit specification): achieved\n"
        "    if L6S2 credits 6 (units overview): not_achieved\n"
    ) in result.stdout


def test_json_output_keys_and_schema(run):
    result = run("achieve", BUNDLED_SPEC, "--units", ONE_CORE_SHORT, "--target", "610/5683/2", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert Draft202012Validator(achieve_schema()).is_valid(document)
    certificate = document["qualifications"][16]
    assert {"qan", "title", "status", "reasons", "missing"} <= set(certificate)
    assert (certificate["qan"], certificate["status"], certificate["missing"]) == (
        "610/5683/2", "not_achieved", ["1 more CORE unit"])
    assert certificate["reasons"][2] == {
        "rule": "At least two CORE units", "kind": "min_units", "met": False,
        "detail": "1 CORE unit (L5C1); at least 2 required", "assumption": None, "locations": [{"line": 241}]}
    assert document["suggestion"] == {"qan": "610/5683/2", "add": ["L4C3"], "credits_added": 3,
                                      "using": ["L5B1", "L5B2", "L5C1", "L4C3", "L5L1", "L5S1"]}


def test_json_is_deterministic_and_the_same_from_extracted_json(run, tmp_path):
    args = ["--units", ONE_CORE_SHORT, "--target", "610/5684/4", "--format", "json"]
    first = run("achieve", BUNDLED_SPEC, *args).stdout
    assert first == run("achieve", BUNDLED_SPEC, *args).stdout
    assert run("extract", "-q", "-o", tmp_path).exit_code == 0
    extracted = tmp_path / f"{BUNDLED_SPEC.stem}.json"
    from_json = run("achieve", extracted, *args)
    assert from_json.exit_code == 0, from_json.output
    assert json.loads(from_json.stdout) == {**json.loads(first), "source": extracted.name}


@pytest.mark.parametrize(("args", "message"), [
    (["--units", "L5B1,L9Z9"], "unknown unit 'L9Z9': no unit has this reference or UAN"),
    (["--units", " , "], "--units names no unit"),
    (["--units", "L5B1", "--target", "610/9999/9"], "unknown qualification '610/9999/9': no qualification has "
                                                    "this QAN"),
])
def test_bad_units_or_target_is_one_error_line_and_exit_2(run, args, message):
    result = run("achieve", BUNDLED_SPEC, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"qualspec: error: {message}\n"


def test_missing_source_is_one_error_line_and_exit_2(run, tmp_path):
    missing = tmp_path / "absent.txt"
    result = run("achieve", missing, "--units", "L5B1")
    assert result.exit_code == 2
    assert result.stderr == f"qualspec: error: {missing}: no such file\n"


def test_committed_achieve_schema_is_generated_from_the_model():
    assert ACHIEVE_SCHEMA_PATH.read_text(encoding="utf-8") == render_achieve_schema(), (
        "schemas/achieve.schema.json is stale: regenerate it with python -m extractor.rules.schema")


def test_a_search_too_large_is_one_error_line_not_a_hang(run, monkeypatch):
    monkeypatch.setattr("extractor.rules.search.MAX_STEPS", 5)
    result = run("achieve", BUNDLED_SPEC, "--units", "L5B1", "--target", "610/5684/4")
    assert result.exit_code == 2
    assert result.stderr == "qualspec: error: the rules are too open to search exactly (over 5 steps)\n"


def test_too_many_contradicted_values_is_one_error_line(run, monkeypatch):
    monkeypatch.setattr("extractor.rules.facts.MAX_SCENARIOS", 1)
    result = run("achieve", BUNDLED_SPEC, "--units", "L6S2")
    assert result.exit_code == 2
    assert result.stderr == "qualspec: error: too many contradicted unit values to weigh (2 combinations, at most 1)\n"
