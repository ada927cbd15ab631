"""The rules of combination as data in the extracted document, its tables and its CASE notes
(issue 15, point 4): built once, with ids, and what ``achieve`` evaluates."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extractor import achieve
from extractor.cli import main
from extractor.diff.load import load_side
from extractor.ids import derived_id
from extractor.pipeline import BUNDLED_SPEC
from extractor.rules.build import SHARE_ASSUMPTION
from extractor.writers.csv import render_table_csv
from extractor.writers.tables import project

CERTIFICATE, DIPLOMA = "610/5683/2", "610/5684/4"
SHARE = "Units selected must equate to a minimum of 50% at Level 5 or above."


def qualification(spec, qan):
    return next(q for q in spec.qualifications if q.qan == qan)


@pytest.fixture(scope="module")
def extracted_json(tmp_path_factory):
    """The bundled specification extracted to JSON by the CLI: (path, parsed document)."""
    folder = tmp_path_factory.mktemp("json")
    result = CliRunner().invoke(main, ["extract", str(BUNDLED_SPEC), "-o", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    path = folder / "isp-level5-professional-sales-spec-v1.1.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


def json_qualification(document, qan):
    return next(q for q in document["qualifications"] if q["qan"] == qan)


def test_certificate_rules_in_the_json(extracted_json):
    q = json_qualification(extracted_json[1], CERTIFICATE)
    rules = q["rule_set"]["rules"]
    assert [(r["kind"], r["text"], r["min"], r["max"]) for r in rules] == [
        ("credits", "A minimum of 13 credits, maximum 36 credits", 13, 36),
        ("min_units", "At least two BUSINESS units", 2, None),
        ("min_units", "At least two CORE units", 2, None),
        ("min_units", "At least one LEADERSHIP unit or SELF unit", 1, None),
        ("min_share_at_level", SHARE, 0.5, None),
    ]
    assert [[g["name"] for g in r["groups"]] for r in rules] == [[], ["BUSINESS"], ["CORE"], ["LEADERSHIP", "SELF"], []]
    assert [r["provenance"] for r in rules] == [[{"line": n}] for n in (239, 240, 241, 242, 302)]
    assert rules[4]["level"] == 5 and rules[4]["assumption"] == SHARE_ASSUMPTION
    assert [r["assumption"] for r in rules[:4]] == [None] * 4
    leadership = rules[3]["groups"][0]
    assert leadership["quadrant"] == "leadership"
    assert leadership["units"] == ["L5L1", "L5L2", "L5L3", "L5L4", "L5L5", "L5L6", "L5L7", "L4L5", "L6L4"]


def test_rule_and_group_ids_are_derived_and_linked(spec):
    q = qualification(spec, CERTIFICATE)
    rules = q.rule_set.rules
    assert rules[0].id == derived_id(f"{q.id}|rule-set|credits")
    assert [r.id for r in rules[1:4]] == [
        derived_id(f"{q.id}|rule-set|min_units"), derived_id(f"{q.id}|rule-set|min_units#2"),
        derived_id(f"{q.id}|rule-set|min_units#3"),
    ]
    assert {r.qualification_id for r in rules} == {q.id}
    groups = rules[3].groups
    assert [g.id for g in groups] == [derived_id(f"{rules[3].id}|group|{name}") for name in ("LEADERSHIP", "SELF")]
    assert {g.rule_id for g in groups} == {rules[3].id}


def test_same_rule_ids_from_every_format(bundled):
    def ids(spec):
        return [(r.id, [g.id for g in r.groups]) for q in spec.qualifications for r in q.rule_set.rules]

    assert ids(bundled("text")) == ids(bundled("docx")) == ids(bundled("pdf"))


def test_award_rule_is_its_structure(spec):
    q = qualification(spec, "610/5664/9")
    [rule] = q.rule_set.rules
    assert (rule.kind, rule.min, rule.text) == ("all_units", 2, q.structure_title)
    assert [(g.name, g.quadrant, g.units) for g in rule.groups] == [(q.structure_title, None, ["L5B2", "L5B3"])]


def test_extracted_json_evaluates_like_its_source(extracted_json):
    path, _ = extracted_json
    held = ["L5B1", "L5B2", "L5C1", "L5C2", "L5L1"]
    from_json = achieve(path, held, target=DIPLOMA).model_dump(exclude={"source"})
    from_source = achieve(BUNDLED_SPEC, held, target=DIPLOMA).model_dump(exclude={"source"})
    assert from_json == from_source
    statuses = {q["qan"]: q["status"] for q in from_json["qualifications"]}
    assert (statuses[CERTIFICATE], statuses[DIPLOMA]) == ("achieved", "not_achieved")


def test_achieve_evaluates_the_rules_in_the_document(extracted_json, tmp_path):
    """A rule changed in the JSON changes the answer: achieve reads the document's rules."""
    _, document = extracted_json
    rules = json_qualification(document, CERTIFICATE)["rule_set"]["rules"]
    assert rules[1]["text"] == "At least two BUSINESS units" and rules[1]["min"] == 2
    rules[1]["min"] = 3
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    held = ["L5B1", "L5B2", "L5C1", "L5C2", "L5L1"]
    result = next(q for q in achieve(path, held).qualifications if q.qan == CERTIFICATE)
    assert result.status == "not_achieved"
    assert result.missing == ["1 more BUSINESS unit"]


def test_extraction_without_rule_sets_gets_them_built(spec, extracted_json, tmp_path):
    """An extraction made before rule sets were part of the output: built from its constraints,
    with the ids extracting gives, so it evaluates and exports as a fresh extraction does."""
    _, document = extracted_json
    older = json.loads(json.dumps(document))
    for q in older["qualifications"]:
        assert "rule_set" in q
        del q["rule_set"]
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    loaded = load_side(path)
    assert [q.rule_set for q in loaded.qualifications] == [q.rule_set for q in spec.qualifications]
    tables = CliRunner().invoke(main, ["export", "csv", str(path), "-o", str(tmp_path / "csv")])
    assert tables.exit_code == 0, tables.output
    fresh = {t.name: t for t in project(spec)}["combination_group_units"]
    written = (tmp_path / "csv" / "combination_group_units.csv").read_bytes().decode("utf-8")
    assert written == render_table_csv(fresh)
    held = ["L5B1", "L5B2", "L5C1", "L5C2", "L5L1"]
    old_report = achieve(path, held, target=DIPLOMA)
    new_report = achieve(BUNDLED_SPEC, held, target=DIPLOMA)
    assert [q.status for q in old_report.qualifications] == [q.status for q in new_report.qualifications]
    assert old_report.suggestion == new_report.suggestion


def test_rules_in_the_tables(spec):
    tables = {t.name: t for t in project(spec)}
    q = qualification(spec, DIPLOMA)
    rules = [dict(zip(tables["combination_rules"].names, row, strict=True)) for row in tables["combination_rules"].rows]
    diploma = [r for r in rules if r["qualification_id"] == q.id]
    assert [(r["position"], r["kind"], r["text"], r["min"], r["max"], r["level"]) for r in diploma] == [
        (1, "credits", "A minimum of 37 credits", 37, None, None),
        (2, "min_credits", "BUSINESS units totalling at least 9 credits", 9, None, None),
        (3, "min_credits", "CORE units totalling at least 12 credits", 12, None, None),
        (4, "min_credits", "LEADERSHIP units totalling at least 8 credits", 8, None, None),
        (5, "min_credits", "SELF units totalling at least 8 credits", 8, None, None),
        (6, "min_share_at_level", SHARE, 0.5, None, 5),
    ]
    assert {r["version"] for r in diploma} == {"V1.1"}
    assert diploma[5]["assumption"] == SHARE_ASSUMPTION and diploma[0]["source"] == "line 246"
    groups = [dict(zip(tables["combination_groups"].names, row, strict=True)) for row in tables["combination_groups"].rows]
    self_group = next(g for g in groups if g["rule_id"] == diploma[4]["id"])
    assert (self_group["name"], self_group["quadrant"]) == ("SELF", "self")
    members = [dict(zip(tables["combination_group_units"].names, row, strict=True))
               for row in tables["combination_group_units"].rows]
    units = {u.reference: u.id for u in spec.units}
    assert [(m["reference"], m["unit_id"]) for m in members if m["group_id"] == self_group["id"]] == [
        (ref, units[ref]) for ref in ("L5S1", "L5S2", "L5S3", "L4S2", "L4S3", "L4S6", "L6S2")
    ]


def test_rules_as_the_case_notes(tmp_path):
    target = tmp_path / "spec.case.json"
    result = CliRunner().invoke(main, ["export", "case", str(BUNDLED_SPEC), "-o", str(target)])
    assert result.exit_code == 0, result.output
    items = {i["humanCodingScheme"]: i for i in json.loads(target.read_text(encoding="utf-8"))["CFItems"]
             if i["CFItemType"] == "Qualification"}
    assert items[CERTIFICATE]["notes"] == "\n".join([
        "Rules of combination:",
        "1. A minimum of 13 credits, maximum 36 credits: 13 to 36 credits.",
        "2. At least two BUSINESS units: at least 2 units from BUSINESS "
        "(L5B1, L5B2, L5B3, L5B4, L5B5, L4B3, L4B5, L4B8).",
        "3. At least two CORE units: at least 2 units from CORE (L5C1, L5C2, L5C3, L5C4, L4C1, L4C3, L4C7, L4C8).",
        "4. At least one LEADERSHIP unit or SELF unit: at least 1 unit from LEADERSHIP "
        "(L5L1, L5L2, L5L3, L5L4, L5L5, L5L6, L5L7, L4L5, L6L4) or SELF (L5S1, L5S2, L5S3, L4S2, L4S3, L4S6, L6S2).",
        "5. Units selected must equate to a minimum of 50% at Level 5 or above: at least 50% at level 5 or above "
        f"(assumed: {SHARE_ASSUMPTION}).",
    ])
    assert items["610/5664/9"]["notes"] == (
        "Rules of combination:\n1. Level 5 Award in Market Research and Sales Planning: "
        "every unit of Level 5 Award in Market Research and Sales Planning (L5B2, L5B3)."
    )
