"""CASE, Canvas and Moodle exports, each checked by the rules its consumer applies on import."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator

from extractor.cli import main
from extractor.pipeline import BUNDLED_SPEC
from extractor.writers.canvas import render_canvas
from extractor.writers.moodle import render_moodle

CASE_SCHEMA = Path(__file__).resolve().parent / "fixtures" / "exports" / "case-v1p0-cfpackage-schema.json"
BASE = "https://example.org/case/"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    target = tmp_path_factory.mktemp("case") / "spec.case.json"
    result = CliRunner().invoke(main, ["export", "case", str(BUNDLED_SPEC), "-o", str(target), "--base-uri", BASE])
    assert result.exit_code == 0, result.output
    return json.loads(target.read_text(encoding="utf-8"))


def test_case_package_is_valid_against_the_case_schema(package):
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(schema).iter_errors(package), key=lambda e: list(e.absolute_path))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_case_schema_rejects_a_broken_package(package):
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(package))
    del broken["CFItems"][0]["fullStatement"]
    broken["CFAssociations"][0]["associationType"] = "isParentOf"
    messages = [e.message for e in Draft7Validator(schema).iter_errors(broken)]
    assert "'fullStatement' is a required property" in messages
    assert any("'isParentOf' is not one of" in m for m in messages)


def test_case_items_codes_and_uris(package, spec, units):
    items = {i["identifier"]: i for i in package["CFItems"]}
    assert len(items) == len(package["CFItems"]) == 18 + 32 + 102 + 339
    unit = items[units["L5B1"].id]
    assert (unit["CFItemType"], unit["humanCodingScheme"], unit["fullStatement"]) == (
        "Unit", "A/651/5975", "Analyse Financial Performance",
    )
    criterion = items[units["L5B1"].learning_outcomes[0].assessment_criteria[0].id]
    assert (criterion["CFItemType"], criterion["humanCodingScheme"]) == ("Assessment Criterion", "1.1")
    assert criterion["uri"] == f"{BASE}CFItems/{criterion['identifier']}"
    qualification = items[spec.qualifications[0].id]
    assert (qualification["CFItemType"], qualification["humanCodingScheme"]) == ("Qualification", "610/5663/7")
    document = package["CFDocument"]
    assert (document["identifier"], document["version"]) == (spec.document.id, "V1.1")
    assert document["lastChangeDateTime"] == "2025-05-02T00:00:00+00:00"
    for entry in [document, *package["CFItems"], *package["CFAssociations"]]:
        assert urlparse(entry["uri"]).scheme == "https"
        datetime.fromisoformat(entry["lastChangeDateTime"])


def test_case_associations_form_the_tree(package, units):
    known = {i["identifier"] for i in package["CFItems"]} | {package["CFDocument"]["identifier"]}
    links = [(a["originNodeURI"]["identifier"], a["associationType"], a["destinationNodeURI"]["identifier"])
             for a in package["CFAssociations"]]
    assert all(origin in known and destination in known for origin, _, destination in links)
    l5b1 = units["L5B1"]
    lo = l5b1.learning_outcomes[0]
    assert (lo.id, "isChildOf", l5b1.id) in links
    assert (lo.assessment_criteria[0].id, "isChildOf", lo.id) in links
    children = [o for o, kind, _ in links if kind == "isChildOf"]
    assert len(children) == len(set(children)) == 18 + 32 + 102 + 339
    assert sum(kind == "isPartOf" for _, kind, _ in links) == 19


def test_case_rejects_a_relative_base_uri(tmp_path):
    result = CliRunner().invoke(
        main, ["export", "case", str(BUNDLED_SPEC), "-o", str(tmp_path / "x.json"), "--base-uri", "items/"]
    )
    assert result.exit_code == 2
    assert result.stderr == "qualspec: error: --base-uri must be an absolute http(s) URI, not 'items/'\n"
    assert not (tmp_path / "x.json").exists()


def canvas_import(text: str) -> list[dict]:
    """Canvas's outcome CSV importer, in the rules it applies (lib/outcomes/csv_importer.rb, import.rb)."""
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    required, optional = {"title", "vendor_guid", "object_type", "parent_guids"}, {
        "canvas_id", "description", "display_name", "calculation_method", "calculation_int", "workflow_state"}
    main_columns = header[: header.index("ratings")] if "ratings" in header else header
    assert required <= set(main_columns) and set(main_columns) <= required | optional
    groups: set[str] = set()
    seen: set[str] = set()
    imported = []
    for line, values in enumerate(rows[1:], 2):
        row = dict(zip(main_columns, values, strict=False))
        assert row["vendor_guid"] and row["title"], line
        assert not any(c.isspace() for c in row["vendor_guid"]), line
        assert row["workflow_state"] in ("", "active", "deleted"), line
        assert row["vendor_guid"] not in seen, f"line {line}: has already appeared in this import"
        parents = row["parent_guids"].split()
        assert all(p in groups for p in parents), f"line {line}: parent references not found prior to this row"
        if row["object_type"] == "group":
            assert len(parents) <= 1, f"line {line}: an outcome group can only have one parent"
            assert not (row["calculation_method"] or row["calculation_int"]), line
            groups.add(row["vendor_guid"])
        else:
            assert row["object_type"] == "outcome", line
            assert row["calculation_method"] in ("", "decaying_average", "n_mastery", "highest", "latest"), line
        seen.add(row["vendor_guid"])
        imported.append(row)
    return imported


def test_canvas_file_imports_in_order(spec, units):
    rows = canvas_import(render_canvas(spec))
    assert len(rows) == 1 + 32 + 102 + 339
    outcomes = [r for r in rows if r["object_type"] == "outcome"]
    first = outcomes[0]
    criterion = units["L5B1"].learning_outcomes[0].assessment_criteria[0]
    assert (first["vendor_guid"], first["title"], first["display_name"]) == (criterion.id, "L5B1 1.1", "1.1")
    assert first["description"] == "<p>Estimate the potential lifetime value of customer accounts</p>"
    assert first["parent_guids"] == units["L5B1"].learning_outcomes[0].id


def test_canvas_importer_rules_catch_a_child_before_its_parent(spec):
    lines = render_canvas(spec).splitlines(keepends=True)
    swapped = [lines[0], lines[2], lines[1], *lines[3:]]
    with pytest.raises(AssertionError, match="parent references not found prior to this row"):
        canvas_import("".join(swapped))


MOODLE_COLUMNS = [
    "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
]
MOODLE_TAXONOMIES = {"behaviour", "competency", "concept", "domain", "indicator", "level", "outcome", "practice",
                     "proficiency", "skill", "value"}


def moodle_import(text: str) -> dict:
    """Moodle's framework importer, in the rules it applies (admin/tool/lpimportcsv framework_importer.php)."""
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == MOODLE_COLUMNS
    framework, flat = None, {}
    for values in rows[1:]:
        row = dict(zip(MOODLE_COLUMNS, values, strict=True))
        if row["Is framework"]:
            assert framework is None
            framework = {**row, "children": []}
            assert "scaleid" in json.loads(row["Scale configuration"])[0]  # the importer sets [0]->scaleid
            assert row["Scale values"]
        else:
            assert row["ID number"] not in flat
            flat[row["ID number"]] = {**row, "children": []}
        assert 0 < len(row["Short name"]) <= 100 and len(row["ID number"]) <= 100
    assert framework is not None

    def add_children(node, parent):
        for competency in flat.values():
            if competency["Parent ID number"] == parent:
                node["children"].append(competency)
                add_children(competency, competency["ID number"])

    add_children(framework, "")
    placed = []
    stack = list(framework["children"])
    while stack:
        node = stack.pop()
        placed.append(node["ID number"])
        stack += node["children"]
    assert sorted(placed) == sorted(flat), "competencies outside the tree"
    return framework


def depth(node) -> int:
    return 1 + max((depth(c) for c in node["children"]), default=0) if node["children"] else 0


def test_moodle_framework_imports_as_a_tree(spec, units):
    framework = moodle_import(render_moodle(spec))
    assert framework["ID number"] == spec.document.id
    taxonomy = framework["Taxonomy"].split(",")
    assert taxonomy == ["domain", "outcome", "indicator"] and set(taxonomy) <= MOODLE_TAXONOMIES
    assert depth(framework) == len(taxonomy)
    assert len(framework["children"]) == 32
    l5b1 = next(c for c in framework["children"] if c["ID number"] == units["L5B1"].id)
    assert l5b1["Short name"] == "L5B1 Analyse Financial Performance"
    criterion = l5b1["children"][0]["children"][0]
    assert (criterion["Short name"], criterion["Description"]) == (
        "L5B1 1.1", "<p>Estimate the potential lifetime value of customer accounts</p>",
    )
