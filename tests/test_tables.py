"""The table projection, the CSV folder and its Frictionless data package, and the typed DataFrames."""

from __future__ import annotations

import csv
import io
import json
import sys

import pandas as pd
import pytest
from frictionless import validate

from extractor import to_frames
from extractor.writers.csv import render_csv
from extractor.writers.options import MissingDependency
from extractor.writers.tables import project


@pytest.fixture(scope="module")
def tables(spec):
    return {t.name: t for t in project(spec)}


@pytest.fixture(scope="module")
def csv_folder(spec, tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    for name, text in render_csv(spec).items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return folder


def rows(table):
    return [dict(zip(table.names, row, strict=True)) for row in table.rows]


def test_table_sizes(tables):
    assert {name: len(t.rows) for name, t in tables.items()} == {
        "document": 1, "change_log": 2, "units": 32, "units_overview": 32, "qualifications": 18,
        "qualification_units": 19, "qualification_rules": 11, "unit_ksbs": 156, "learning_outcomes": 102,
        "assessment_criteria": 339, "indicative_content": 942, "assessor_guidance": 188, "findings": 28,
        "finding_values": 60,
    }


def test_every_row_has_an_id_and_the_version(tables):
    for table in tables.values():
        assert table.names[0] == "id" and "version" in table.names, table.name
        ids = [r["id"] for r in rows(table)]
        assert len(set(ids)) == len(ids) and all(ids), table.name
        assert {r["version"] for r in rows(table)} == {"V1.1"}, table.name


def test_foreign_keys_point_at_rows(tables):
    for table in tables.values():
        for fk in table.foreign_keys:
            targets = {r["id"] for r in rows(tables[fk.table])}
            values = {r[fk.column] for r in rows(table)} - {None}
            assert values and values <= targets, (table.name, fk.column)


def test_document_facts_and_change_log(tables):
    (document,) = rows(tables["document"])
    assert document["title"] == "ISP Level 5 Qualifications in Professional Sales"
    assert (document["subject_sector_code"], document["publication_date"]) == ("15.4", "2025-05-02")
    assert [(r["entry_version"], r["date"], r["date_printed"]) for r in rows(tables["change_log"])] == [
        ("V1.0", "2024-10-02", "02/10/24"), ("V1.1", "2025-05-02", "2/5/25"),
    ]


def test_finding_values_have_no_json(tables):
    findings = {r["id"]: r for r in rows(tables["findings"])}
    values = rows(tables["finding_values"])
    first = [v for v in values if findings[v["finding_id"]]["code"] == "ksb-text-inconsistent"][:2]
    assert [(v["position"], v["value_type"], v["locations"]) for v in first] == [
        (1, "string", "line 625; line 1435"), (2, "string", "line 842"),
    ]
    assert not any(str(v["value"]).startswith(("[", "{")) for v in values)


def test_datapackage_validates_with_frictionless(csv_folder):
    report = validate(str(csv_folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:5]
    package = json.loads((csv_folder / "datapackage.json").read_text(encoding="utf-8"))
    criteria = next(r for r in package["resources"] if r["name"] == "assessment_criteria")
    assert criteria["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["learning_outcome_id"], "reference": {"resource": "learning_outcomes", "fields": ["id"]}} in (
        criteria["schema"]["foreignKeys"]
    )
    assert {f["name"]: f["type"] for f in criteria["schema"]["fields"]}["number"] == "string"


def test_frictionless_catches_a_broken_foreign_key(csv_folder, tmp_path):
    for path in csv_folder.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    text = (tmp_path / "learning_outcomes.csv").read_text(encoding="utf-8")
    unit_id = "b2bb37f3-7a0b-5419-9002-e3e0478814f3"
    assert text.count(unit_id) == 4
    (tmp_path / "learning_outcomes.csv").write_text(text.replace(unit_id, "no-such-unit"), encoding="utf-8", newline="")
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert {e[0] for e in report.flatten(["type"])} == {"foreign-key"}


def test_pandas_reads_every_table_with_the_declared_types(csv_folder, tables):
    package = json.loads((csv_folder / "datapackage.json").read_text(encoding="utf-8"))
    pandas_types = {"string": "string", "integer": "Int64", "number": "Float64", "date": "string"}
    for resource in package["resources"]:
        dtypes = {f["name"]: pandas_types[f["type"]] for f in resource["schema"]["fields"]}
        frame = pd.read_csv(csv_folder / resource["path"], dtype=dtypes, keep_default_na=False, na_values=[""])
        assert len(frame) == len(tables[resource["name"]].rows)
    sectors = pd.read_csv(csv_folder / "units.csv", dtype={"sector_code": "string"})["sector_code"]
    assert set(sectors.dropna()) == {"15.4"}


def test_codes_stay_strings_in_csv(csv_folder):
    reader = csv.DictReader(io.StringIO((csv_folder / "assessment_criteria.csv").read_text(encoding="utf-8")))
    numbers = [r["number"] for r in reader]
    assert numbers[:3] == ["1.1", "1.2", "1.3"] and "1.10" not in numbers


def test_to_frames_is_typed(spec):
    frames = to_frames(spec)
    criteria = frames["assessment_criteria"]
    assert str(criteria["number"].dtype) == "string"
    assert criteria["number"].tolist()[:2] == ["1.1", "1.2"]
    units = frames["units"]
    assert str(units["tqt"].dtype) == "Int64" and str(units["sector_code"].dtype) == "string"
    assert str(frames["qualification_rules"]["min"].dtype) == "Float64"
    assert str(frames["change_log"]["date"].dtype) == "datetime64[s]"
    assert set(frames) == {t.name for t in project(spec)}


def test_to_frames_without_pandas_says_how_to_get_it(spec, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependency) as raised:
        to_frames(spec)
    assert str(raised.value) == "to_frames() needs the Python package 'pandas': pip install 'qualspec[exports]'"
