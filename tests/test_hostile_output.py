"""The output set: written whole or not at all, readable under the umask, never mixed with another source's."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner
from helpers import rendering

from extractor.cli import main
from extractor.errors import OutputError
from extractor.pipeline import BUNDLED_SPEC
from extractor.writers import atomic

STEM = BUNDLED_SPEC.stem
SET = [f"{STEM}", f"{STEM}.findings.md", f"{STEM}.json"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def snapshot(directory) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture
def previous(tmp_path):
    """A folder holding the set of an earlier run."""
    out = tmp_path / "out"
    assert run("extract", "-q", "-o", out).exit_code == 0
    assert sorted(os.listdir(out)) == SET
    return out


def test_a_failed_write_leaves_the_previous_set_and_no_stray_files(previous, monkeypatch):
    before = snapshot(previous)
    real_write = atomic._write

    def disk_full(path, text, shown):
        if shown.name.endswith(".findings.md"):
            raise OutputError(f"cannot write {shown}: No space left on device")
        real_write(path, text, shown)

    monkeypatch.setattr(atomic, "_write", disk_full)
    result = run("extract", "-q", "-o", previous)
    report = previous / f"{STEM}.findings.md"
    assert (result.exit_code, result.output) == (2, f"qualspec: error: cannot write {report}: No space left on device\n")
    assert sorted(os.listdir(previous)) == SET
    assert snapshot(previous) == before


def test_a_failure_while_swapping_puts_the_previous_set_back(previous, monkeypatch):
    before = snapshot(previous)
    real_replace = os.replace
    calls = []

    def fail_third(source, target):
        calls.append(target)
        if len(calls) == 5:  # three entries moved aside, the first new one moved in, then the second fails
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", fail_third)
    result = run("extract", "-q", "-o", previous)
    assert result.exit_code == 2 and result.output.startswith(f"qualspec: error: cannot write {previous}/")
    assert sorted(os.listdir(previous)) == SET
    assert snapshot(previous) == before


def test_a_file_name_too_long_names_the_file_and_writes_nothing(tmp_path):
    stem = "s" * 250
    source = tmp_path / f"{stem}.txt"
    source.write_bytes(BUNDLED_SPEC.read_bytes())
    out = tmp_path / "out"
    result = run("extract", "-q", source, "-o", out)
    assert (result.exit_code, result.output) == (
        2, f"qualspec: error: cannot write {out / (stem + '.findings.md')}: File name too long\n")
    assert os.listdir(out) == []


def test_modes_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        assert run("extract", "-q", "-o", tmp_path / "out").exit_code == 0
    finally:
        os.umask(old)
    modes = {str(p.relative_to(tmp_path)): stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").rglob("*")}
    assert modes[f"out/{STEM}.json"] == modes[f"out/{STEM}.findings.md"] == modes[f"out/{STEM}/units.csv"] == 0o644
    assert modes[f"out/{STEM}"] == 0o755


def test_diff_report_file_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        report = tmp_path / "report.md"
        assert run("diff", BUNDLED_SPEC, BUNDLED_SPEC, "-o", report).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["report.md"]


def test_two_sources_with_one_stem_collide_unless_forced(previous, tmp_path):
    other = tmp_path / f"{STEM}.docx"
    other.write_bytes(rendering(".docx").read_bytes())
    before = snapshot(previous)
    result = run("extract", "-q", other, "-o", previous)
    assert (result.exit_code, result.output) == (
        2,
        f"qualspec: error: {previous / (STEM + '.json')} holds the output of {BUNDLED_SPEC.name}, not of {other.name}; "
        "use --force to replace it or -o to write elsewhere\n",
    )
    assert snapshot(previous) == before
    assert run("extract", "-q", other, "-o", previous, "--force").exit_code == 0
    assert b'"format": "docx"' in (previous / f"{STEM}.json").read_bytes()
    assert run("extract", "-q", other, "-o", previous).exit_code == 0  # the same source again: no collision


def test_an_existing_file_that_is_not_ours_is_not_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{STEM}.json").write_text("my notes", encoding="utf-8")
    result = run("extract", "-q", "-o", out)
    assert result.output == (
        f"qualspec: error: {out / (STEM + '.json')} holds a file that is not qualspec output, not of "
        f"{BUNDLED_SPEC.name}; use --force to replace it or -o to write elsewhere\n"
    )
    assert (out / f"{STEM}.json").read_text(encoding="utf-8") == "my notes"


def test_output_option_must_name_a_directory(tmp_path):
    result = run("extract", "-q", "-o", "")
    assert (result.exit_code, result.output) == (2, "qualspec: error: -o/--output: empty directory name\n")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    result = run("extract", "-q", "-o", a_file)
    assert (result.exit_code, result.output) == (
        2, f"qualspec: error: cannot write to {a_file}: is a file, not a directory (-o takes a directory)\n")


def test_unwritable_output_even_for_root(tmp_path):
    """A directory that cannot be created, whoever runs the test: its parent is a regular file."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    result = run("extract", "-q", "-o", a_file / "sub")
    assert (result.exit_code, result.output) == (2, f"qualspec: error: cannot write to {a_file / 'sub'}: Not a directory\n")
    assert a_file.read_text(encoding="utf-8") == "x"


def test_a_staging_folder_left_by_a_killed_run_is_removed(previous):
    dead = previous / f"{atomic.STAGING}-{atomic.staging_key(SET)}-999999999-abc"
    dead.mkdir()
    (dead / f"{STEM}.json").write_text("{}", encoding="utf-8")
    assert run("extract", "-q", "-o", previous).exit_code == 0
    assert sorted(os.listdir(previous)) == SET
