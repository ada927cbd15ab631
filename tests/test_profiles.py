"""Check profiles (generic rules for every specification, ISP's conventions on top), detected from
the document or forced with --profile; --vocabulary adds labels from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main
from extractor.pipeline import BUNDLED_SPEC, extract

BODIES = Path(__file__).resolve().parent / "fixtures" / "bodies"
ISP_ONLY = {"isp-ref-normalised", "ksb-text-inconsistent", "isp-ref-malformed", "outcome-kind-unknown"}

UNIT = """## Unit 7: Handling complaints

Unit reference: M/650/2001

Level: 2

Credit value: 1

Hours of guided study: 8

### Learning outcomes

| Learning outcomes | Assessment criteria |
| --- | --- |
| 1 Understand complaints procedures | 1.1 Describe a complaints procedure |
"""


def test_the_bundled_specification_is_detected_as_isp_and_gets_isp_checks():
    spec = extract(BUNDLED_SPEC)
    assert spec.profile == "isp"
    assert {"isp-ref-normalised", "ksb-text-inconsistent"} <= {f.code for f in spec.findings}


def test_forcing_the_generic_profile_leaves_out_isp_conventions():
    spec = extract(BUNDLED_SPEC, profile="generic")
    assert spec.profile == "generic"
    codes = {f.code for f in spec.findings}
    assert not codes & ISP_ONLY
    assert {"credits-not-tqt-over-10", "glh-exceeds-tqt", "cross-table-mismatch", "uan-malformed"} <= codes


def test_forcing_the_isp_profile_on_another_body_asks_for_isp_fields():
    spec = extract(BODIES / "ofqual-register-unit-lo-ac-table.html", profile="isp")
    missing = {(f.code, f.field) for f in spec.findings if f.severity == "error"}
    assert ("required-block-missing", "indicative_content") in missing
    assert ("required-field-empty", "purpose") in missing
    assert not [f for f in extract(BODIES / "ofqual-register-unit-lo-ac-table.html").findings if f.severity == "error"]


def test_profile_option_on_check(tmp_path):
    result = CliRunner().invoke(main, ["check", str(BUNDLED_SPEC), "--profile", "generic", "--format", "json"])
    assert result.exit_code == 1
    assert not {f["code"] for f in json.loads(result.output)} & ISP_ONLY
    result = CliRunner().invoke(main, ["check", str(BUNDLED_SPEC), "--profile", "awarding-body-x"])
    assert result.exit_code == 2


def test_vocabulary_option_adds_a_label_without_touching_code(tmp_path):
    source = tmp_path / "complaints.md"
    source.write_text(UNIT, encoding="utf-8")
    assert extract(source).units[0].glh is None
    labels = tmp_path / "labels.toml"
    labels.write_text('[labels]\nglh = ["Hours of guided study"]\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(out), "-q", "--vocabulary", str(labels)])
    assert result.exit_code == 0, result.output
    unit = json.loads((out / "complaints.json").read_text(encoding="utf-8"))["units"][0]
    assert (unit["uan"], unit["unit_number"], unit["title"], unit["level"], unit["credits"], unit["glh"]) == (
        "M/650/2001", "Unit 7", "Handling complaints", 2, 1, 8,
    )


def test_a_bad_vocabulary_file_is_one_error_line(tmp_path):
    labels = tmp_path / "labels.toml"
    labels.write_text('[labels]\nshoe_size = ["Shoe size"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(BUNDLED_SPEC), "--vocabulary", str(labels)])
    assert result.exit_code == 2
    assert result.output.startswith("qualspec: error: vocabulary: unknown field 'shoe_size'")
    assert result.output.count("\n") == 1
