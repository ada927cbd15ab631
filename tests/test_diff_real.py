"""The diff on the real ISP Level 5 specification (``spec`` from conftest), and the ``diff`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from helpers import rendering, version_1_2

from extractor.diff import DiffReport, diff_specs, render_markdown, report_has_changes
from extractor.diff.command import diff_command
from extractor.diff.report import FieldChange
from extractor.pipeline import BUNDLED_SPEC, extract


def test_real_document_against_itself(spec):
    assert not report_has_changes(diff_specs(spec, extract(BUNDLED_SPEC)))


def test_real_document_lists_exactly_the_changes(spec):
    report = diff_specs(spec, version_1_2(spec))
    assert [(u.status, u.reference) for u in report.units] == [
        ("changed", "L5B1"),
        ("changed", "L5C2"),
        ("removed", "L4S6"),
    ]
    b1, c2, _ = report.units
    assert b1.fields == [] and b1.ksbs == [] and b1.indicative_content == []
    assert [(c.status, c.old_number, c.old_text, c.new_text) for c in b1.assessment_criteria] == [
        (
            "reworded",
            "1.1",
            "Estimate the potential lifetime value of customer accounts",
            "Estimate the likely lifetime value of key customer accounts",
        )
    ]
    assert c2.fields == [FieldChange(field="glh", old=30, new=35)]
    assert c2.assessment_criteria == [] and c2.learning_outcomes == []
    assert [(r.status, r.reference) for r in report.overview] == [("removed", "L4S6")]
    assert report.qualifications == []  # no award structure lists L4S6; GLH rows are explained
    assert report.document.fields == [] and report.document.change_log == []


@pytest.fixture
def files(tmp_path, spec):
    old = tmp_path / "v1.1.json"
    old.write_text(spec.model_dump_json(indent=2), encoding="utf-8")
    new = tmp_path / "v1.2.json"
    new.write_text(version_1_2(spec).model_dump_json(indent=2), encoding="utf-8")
    return old, new


def test_command_source_against_its_json_is_no_difference(files):
    result = CliRunner().invoke(diff_command, [str(BUNDLED_SPEC), str(files[0])])
    assert result.exit_code == 0, result.output
    assert "No differences." in result.output


def test_command_json_report_and_exit_1(files):
    result = CliRunner().invoke(diff_command, [*map(str, files), "--format", "json"])
    assert result.exit_code == 1
    report = DiffReport.model_validate(json.loads(result.output))
    assert report.summary.units_removed == 1 and report.summary.texts_reworded == 1


def test_command_html_to_file(files, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(diff_command, [*map(str, files), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1 and result.output == ""
    assert "<del>potential</del>" in out.read_text(encoding="utf-8")


def test_command_trouble_is_exit_2(files, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"units": []}', encoding="utf-8")
    runner = CliRunner()
    missing = runner.invoke(diff_command, [str(tmp_path / "missing.txt"), str(files[0])])
    assert missing.exit_code == 2 and "no such file" in missing.output
    invalid = runner.invoke(diff_command, [str(bad), str(files[0])])
    assert invalid.exit_code == 2 and "not a qualspec specification" in invalid.output


def test_text_and_word_versions_of_the_same_document_do_not_differ(spec):
    """The diff compares content, not layout: the .docx of v1.1 reads the same as the .txt."""
    docx = rendering(".docx")
    if not docx.exists():
        pytest.skip("no .docx of the bundled specification")
    report = diff_specs(spec, extract(docx))
    assert not report_has_changes(report), render_markdown(report)
