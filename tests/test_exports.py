"""``qualspec export`` to SQLite, Parquet and Excel, each loaded back by its consumer's rules."""

from __future__ import annotations

import json
import sqlite3
import sys

import pandas as pd
import pytest
import sqlite_utils
from click.testing import CliRunner
from openpyxl import load_workbook

from extractor.cli import main
from extractor.pipeline import BUNDLED_SPEC
from extractor.writers.tables import project

TABLES = [
    "document", "change_log", "units", "units_overview", "qualifications", "qualification_units",
    "qualification_rules", "combination_rules", "combination_groups", "combination_group_units", "unit_ksbs", "learning_outcomes", "assessment_criteria", "indicative_content",
    "assessor_guidance", "findings", "finding_values",
]


def export(*args):
    return CliRunner().invoke(main, ["export", *map(str, args)])


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Every binary export of the bundled specification, written once."""
    folder = tmp_path_factory.mktemp("exports")
    for fmt, name in (("sqlite", "spec.sqlite"), ("parquet", "parquet"), ("xlsx", "spec.xlsx")):
        result = export(fmt, BUNDLED_SPEC, "-o", folder / name)
        assert result.exit_code == 0, result.output
    return folder


def test_projection_order_is_parents_first(spec):
    assert [t.name for t in project(spec)] == TABLES


def test_sqlite_keys_and_foreign_key_check(exported):
    connection = sqlite3.connect(exported / "spec.sqlite")
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        fks = connection.execute("PRAGMA foreign_key_list(assessment_criteria)").fetchall()
        assert {(fk[2], fk[3], fk[4]) for fk in fks} == {
            ("learning_outcomes", "learning_outcome_id", "id"), ("units", "unit_id", "id"),
        }
        (count,) = connection.execute("SELECT count(*) FROM assessment_criteria").fetchone()
        assert count == 339
        columns = {c[1]: c[2] for c in connection.execute("PRAGMA table_info(assessment_criteria)")}
        assert (columns["number"], columns["position"]) == ("TEXT", "INTEGER")
    finally:
        connection.close()


def test_sqlite_full_text_search(exported):
    db = sqlite_utils.Database(exported / "spec.sqlite")
    assert db["assessment_criteria"].detect_fts() == "assessment_criteria_fts"
    hits = list(db["assessment_criteria"].search("lifetime", columns=["number", "text"]))
    assert [(h["number"], h["text"]) for h in hits] == [
        ("1.1", "Estimate the potential lifetime value of customer accounts"),
    ]
    assert db["units"].pks == ["id"]


def test_sqlite_is_deterministic(exported, tmp_path):
    assert export("sqlite", BUNDLED_SPEC, "-o", tmp_path / "again.sqlite").exit_code == 0
    assert (tmp_path / "again.sqlite").read_bytes() == (exported / "spec.sqlite").read_bytes()


def test_parquet_keeps_types(exported):
    assert sorted(p.name for p in (exported / "parquet").iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    criteria = pd.read_parquet(exported / "parquet" / "assessment_criteria.parquet")
    assert str(criteria["number"].dtype) == "string" and criteria["number"].tolist()[:2] == ["1.1", "1.2"]
    units = pd.read_parquet(exported / "parquet" / "units.parquet")
    assert str(units["glh"].dtype) == "Int64"
    assert units.set_index("reference").loc["L5B1", "uan"] == "A/651/5975"
    overview = pd.read_parquet(exported / "parquet" / "units_overview.parquet")
    assert len(overview) == 32 and overview["tqt"].notna().all()


def test_xlsx_sheets_with_frozen_header(exported, tmp_path):
    workbook = load_workbook(exported / "spec.xlsx", read_only=False)
    assert workbook.sheetnames == TABLES
    sheet = workbook["assessment_criteria"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["id", "learning_outcome_id", "unit_id", "version", "position",
                                           "number", "text", "source"]
    assert sheet["F2"].value == "1.1" and sheet["F2"].data_type == "s"
    assert sheet.max_row == 1 + 339
    assert export("xlsx", BUNDLED_SPEC, "-o", tmp_path / "again.xlsx").exit_code == 0
    assert (tmp_path / "again.xlsx").read_bytes() == (exported / "spec.xlsx").read_bytes()


def test_export_from_extracted_json(tmp_path):
    assert CliRunner().invoke(main, ["extract", str(BUNDLED_SPEC), "-q", "-o", str(tmp_path)]).exit_code == 0
    document = tmp_path / f"{BUNDLED_SPEC.stem}.json"
    result = export("sqlite", document, "-o", tmp_path / "from-json.sqlite")
    assert result.exit_code == 0, result.output
    target = tmp_path / "from-json.sqlite"
    assert result.output == f"{target}: one SQLite database: keys, foreign keys, full-text search\n"
    db = sqlite_utils.Database(tmp_path / "from-json.sqlite")
    (unit,) = db["units"].rows_where("reference = ?", ["L5B1"])
    assert unit["id"] == json.loads(document.read_text(encoding="utf-8"))["units"][0]["id"]


def test_missing_library_is_one_error_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = export("parquet", BUNDLED_SPEC, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == (
        "qualspec: error: the parquet export needs the Python package 'pyarrow': pip install 'qualspec[exports]'\n"
    )
    assert not (tmp_path / "out").exists()


def test_bad_source_and_unknown_format(tmp_path):
    result = export("sqlite", tmp_path / "missing.txt", "-o", tmp_path / "x.sqlite")
    assert (result.exit_code, result.stderr) == (2, f"qualspec: error: {tmp_path / 'missing.txt'}: no such file\n")
    result = export("pdf", BUNDLED_SPEC, "-o", tmp_path / "x")
    assert result.exit_code == 2 and "Invalid value for 'FORMAT'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = export("parquet", BUNDLED_SPEC, "-o", blocker / "out")
    assert result.exit_code == 2
    assert result.stderr == f"qualspec: error: cannot write to {blocker}: is a file, not a directory\n"
