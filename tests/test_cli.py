"""The qualspec command: exit codes, exact messages, and what is (not) written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import verify_golden

from extractor.cli import main
from extractor.pipeline import BUNDLED_SPEC

STEM = BUNDLED_SPEC.stem
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args])

    return invoke


def test_extract_default_source_writes_json_csv_and_report(run, tmp_path):
    result = run("extract", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    verify_golden("isp-level5-v1.1/extract.out", result.output.replace(str(tmp_path), "OUT"))
    document = json.loads((tmp_path / f"{STEM}.json").read_text(encoding="utf-8"))
    assert document["source"] == {
        "path": BUNDLED_SPEC.name,
        "format": "text",
        "sha256": document["source"]["sha256"],
    }
    assert len(document["source"]["sha256"]) == 64
    tables = sorted(p.name for p in (tmp_path / STEM).iterdir())
    assert tables == [
        "assessment_criteria.csv", "assessor_guidance.csv", "change_log.csv", "combination_group_units.csv",
        "combination_groups.csv", "combination_rules.csv", "datapackage.json", "document.csv",
        "finding_values.csv", "findings.csv", "indicative_content.csv", "learning_outcomes.csv",
        "qualification_rules.csv", "qualification_units.csv", "qualifications.csv", "unit_ksbs.csv", "units.csv",
        "units_overview.csv",
    ]
    assert (tmp_path / f"{STEM}.findings.md").read_text(encoding="utf-8").startswith(
        "# Findings: ISP Level 5 Qualifications in Professional Sales\n"
    )
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_extract_is_deterministic(run, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("extract", "-q", "-o", first).exit_code == 0
    assert run("extract", "-q", "-o", second).exit_code == 0
    for path in sorted(first.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path.name


def test_csv_rows_and_quoting(run, tmp_path):
    assert run("extract", "-q", "-o", tmp_path).exit_code == 0
    raw = (tmp_path / STEM / "assessment_criteria.csv").read_bytes()
    assert raw.startswith(b"id,learning_outcome_id,unit_id,version,position,number,text,source\r\n")
    assert (
        b"7a97ab89-056b-5eb7-a1c1-db5a95891204,4750a2d6-a5f0-5f73-b119-a206d9d07ca6,"
        b"b2bb37f3-7a0b-5419-9002-e3e0478814f3,V1.1,1,1.1,"
        b"Estimate the potential lifetime value of customer accounts,line 459\r\n"
    ) in raw
    lines = raw.decode("utf-8").splitlines()
    assert len(lines) == 1 + 339
    units = (tmp_path / STEM / "units.csv").read_text(encoding="utf-8")
    assert '"Manage Ethical, Legal and Professional Requirements"' in units
    assert ",V1.1,L5B4,LSB4,F/651/5977,Manage Sales Technology Systems,5,4,20,40,business," in units


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b""), "file is empty"),
        (lambda p: p.write_bytes(b"\x00\x01\x02binary\x00"), "binary file of an unsupported format"),
        (lambda p: p.write_text("Just a shopping list\n\nEggs\tMilk\n", encoding="utf-8"),
         "no unit specification found"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "OLE compound file"),
        (lambda p: p.write_bytes(OLE + "WordDocument".encode("utf-16-le") + b"\x00" * 600),
         "a legacy binary Word .doc file; save it as .docx or PDF"),
        (lambda p: p.write_bytes(OLE + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600),
         "a password-protected (encrypted) Office document"),
        (lambda p: p.write_bytes(b"PK\x03\x04 truncated zip"), "corrupt ZIP container"),
        (lambda p: p.write_bytes("caf\xe9 latin-1 text\n".encode("latin-1")), "not UTF-8 text"),
    ],
    ids=["missing", "empty", "binary", "not-a-spec", "ole", "legacy-doc", "encrypted-docx", "bad-zip", "not-utf8"],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(run, tmp_path, make, message):
    source = tmp_path / "input.txt"
    make(source)
    out = tmp_path / "out"
    result = run("extract", source, "-o", out)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("qualspec: error: ") and message in lines[0], result.output
    assert not out.exists()


def test_zip_that_is_not_a_word_document(run, tmp_path):
    source = tmp_path / "archive.docx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("readme.txt", "hello")
    result = run("check", source)
    assert result.exit_code == 2
    assert result.output == f"qualspec: error: {source}: a ZIP archive but not a Word document (no word/document.xml)\n"


def test_directory_input(run, tmp_path):
    result = run("check", tmp_path)
    assert (result.exit_code, result.output) == (2, f"qualspec: error: {tmp_path}: is a directory, not a file\n")


def test_check_exits_1_on_errors_and_filters_by_severity(run):
    result = run("check", BUNDLED_SPEC, "--format", "json")
    assert result.exit_code == 1
    verify_golden("isp-level5-v1.1/check.json", result.stdout_bytes)
    errors = [f for f in json.loads(result.output) if f["severity"] == "error"]
    result = run("check", BUNDLED_SPEC, "--format", "json", "--min-severity", "error")
    assert result.exit_code == 1
    assert json.loads(result.output) == errors


def test_check_exits_0_without_errors(run, write_spec):
    result = run("check", write_spec())
    assert result.exit_code == 0
    assert result.output == "mini.txt: no findings\n"


@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_check_formats(run, fmt):
    verify_golden(f"isp-level5-v1.1/check.{fmt}", run("check", BUNDLED_SPEC, "--format", fmt).stdout_bytes)


def test_check_table_filtered_by_severity(run, spec):
    errors = sum(1 for f in spec.findings if f.severity == "error")
    table = run("check", BUNDLED_SPEC, "--min-severity", "error").output
    assert f"errors ({errors})" in table and "warnings" not in table


def test_validate(run, tmp_path):
    assert run("extract", "-q", "-o", tmp_path).exit_code == 0
    good = tmp_path / f"{STEM}.json"
    result = run("validate", good)
    assert (result.exit_code, result.output) == (0, f"{good}: valid\n")
    document = json.loads(good.read_text(encoding="utf-8"))
    document["units"][0]["credits"] = "five"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 1
    assert result.output.startswith(f"{bad}: units/0/credits: 'five' is not valid under any of the given schemas")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run("validate", broken)
    assert result.exit_code == 2 and result.output.startswith(f"qualspec: error: {broken}: not JSON")


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "docx"


@pytest.mark.parametrize(
    "name, message",
    [
        ("password-protected.docx",
         "a password-protected (encrypted) Office document; remove the password and save as .docx"),
        ("legacy-binary.doc", "a legacy binary Word .doc file; save it as .docx or PDF"),
    ],
)
def test_real_word_files_that_cannot_be_read(run, tmp_path, name, message):
    source = FIXTURES / name
    result = run("extract", source, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (2, f"qualspec: error: {source}: {message}\n")
    assert not (tmp_path / "out").exists()
