"""Where ``-o`` points: nothing qualspec did not write is replaced or removed, and a name that cannot be
used ('', '.', '..', a name too long) is one error line, exit 2, with nothing written anywhere."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.errors import OutputError
from extractor.pipeline import BUNDLED_SPEC
from extractor.writers import atomic

LONG = "a" * 300


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def error(result, message: str) -> None:
    assert (result.exit_code, result.output) == (2, f"qualspec: error: {message}\n"), result.output


def snapshot(directory) -> dict[str, bytes]:
    """Every file and folder under ``directory`` (folders as b"/"), by relative path."""
    return {
        str(p.relative_to(directory)): b"/" if p.is_dir() else p.read_bytes() for p in sorted(directory.rglob("*"))
    }


@pytest.fixture
def user_folder(tmp_path):
    """A folder holding a file of the user's."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "user.txt").write_text("my notes", encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------- export onto what exists


@pytest.mark.parametrize("fmt", ["json", "findings", "sqlite", "xlsx", "case"])
def test_a_file_format_onto_a_directory_is_refused(tmp_path, user_folder, fmt):
    before = snapshot(tmp_path)
    error(run("export", fmt, BUNDLED_SPEC, "-o", user_folder), f"cannot write {user_folder}: is a directory")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_folder_format_onto_a_file_is_refused(tmp_path, fmt):
    a_file = tmp_path / "tables"
    a_file.write_text("my notes", encoding="utf-8")
    error(run("export", fmt, BUNDLED_SPEC, "-o", a_file), f"cannot write to {a_file}: is a file, not a folder")
    assert snapshot(tmp_path) == {"tables": b"my notes"}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_folder_format_onto_a_folder_of_other_files_is_refused(tmp_path, user_folder, fmt):
    before = snapshot(tmp_path)
    error(
        run("export", fmt, BUNDLED_SPEC, "-o", user_folder),
        f"cannot replace the folder {user_folder}: it holds files qualspec did not write (user.txt); give another -o",
    )
    assert snapshot(tmp_path) == before


def test_a_folder_with_a_subfolder_is_not_replaced(tmp_path):
    out = tmp_path / "tables"
    assert run("export", "csv", BUNDLED_SPEC, "-o", out).exit_code == 0
    (out / "keep").mkdir()
    before = snapshot(tmp_path)
    error(
        run("export", "csv", BUNDLED_SPEC, "-o", out),
        f"cannot replace the folder {out}: it holds files qualspec did not write (keep); give another -o",
    )
    assert snapshot(tmp_path) == before


def test_a_csv_folder_is_not_replaced_by_parquet(tmp_path):
    out = tmp_path / "tables"
    assert run("export", "csv", BUNDLED_SPEC, "-o", out).exit_code == 0
    before = snapshot(tmp_path)
    result = run("export", "parquet", BUNDLED_SPEC, "-o", out)
    error(result, f"cannot replace the folder {out}: it holds files qualspec did not write "
                  "(assessment_criteria.csv, assessor_guidance.csv, change_log.csv and 15 more); give another -o")
    assert snapshot(tmp_path) == before


def test_a_folder_of_the_export_s_own_files_is_replaced(tmp_path):
    out = tmp_path / "tables"
    assert run("export", "csv", BUNDLED_SPEC, "-o", out).exit_code == 0
    written = sorted(os.listdir(out))
    assert len(written) == 18 and "datapackage.json" in written and "units.csv" in written
    (out / "stale.csv").write_text("id\r\n", encoding="utf-8")  # a table an earlier version wrote
    result = run("export", "csv", BUNDLED_SPEC, "-o", out)
    assert (result.exit_code, result.output) == (0, f"{out}: a folder of CSV tables with a Frictionless datapackage.json\n")
    assert sorted(os.listdir(out)) == written
    assert sorted(os.listdir(tmp_path)) == ["tables"]


def test_an_existing_file_of_the_format_is_replaced(tmp_path):
    out = tmp_path / "spec.json"
    out.write_text("an earlier export", encoding="utf-8")
    assert run("export", "json", BUNDLED_SPEC, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    assert os.listdir(tmp_path) == ["spec.json"]


# ---------------------------------------------------------------------------- names that are no target


@pytest.mark.parametrize("name", ["..", ".", "", "/", "sub/.."])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_to_a_name_that_names_nothing(tmp_path, monkeypatch, name, fmt):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    error(
        run("export", fmt, BUNDLED_SPEC, "-o", name),
        f"-o/--output {name!r} names no file or folder to write; give a new name, e.g. -o spec.json",
    )
    assert snapshot(tmp_path) == {"work": b"/"}


@pytest.mark.parametrize("names", [[""], ["."], [".."], ["../x.csv"], ["out/../x.csv"], ["out//x.csv"], ["/x.csv"]])
def test_replace_set_refuses_names_that_leave_or_name_no_entry(tmp_path, names):
    with pytest.raises(OutputError, match=r"is not a usable file name$"):
        atomic.replace_set(tmp_path / "dir", dict.fromkeys(names, "x"))
    assert os.listdir(tmp_path) == []


def test_replace_set_refuses_an_entry_both_file_and_folder(tmp_path):
    with pytest.raises(OutputError, match=r"^cannot write .*/out: both a file and a folder$"):
        atomic.replace_set(tmp_path, {"out": "x", "out/a.csv": "y"})
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------------------- names too long


@pytest.mark.parametrize(
    "args, written",
    [(["extract", "-q", BUNDLED_SPEC, "-o", LONG], "write to"), (["export", "json", BUNDLED_SPEC, "-o", LONG], "write"),
     (["export", "csv", BUNDLED_SPEC, "-o", LONG], "write to"), (["diff", BUNDLED_SPEC, BUNDLED_SPEC, "-o", LONG], "write")],
    ids=["extract", "export-json", "export-csv", "diff"],
)
def test_a_name_too_long_is_one_line_naming_it(tmp_path, monkeypatch, args, written):
    """A folder is written "to", a file is written."""
    monkeypatch.chdir(tmp_path)
    error(run(*args), f"cannot {written} {LONG}: File name too long")
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------------------- diff -o


def test_diff_report_onto_a_directory_is_refused(tmp_path, user_folder):
    before = snapshot(tmp_path)
    error(run("diff", BUNDLED_SPEC, BUNDLED_SPEC, "-o", user_folder), f"cannot write {user_folder}: is a directory")
    assert snapshot(tmp_path) == before


# ---------------------------------------------------------------------------- catalogue -o


def test_catalogue_does_not_overwrite_a_page_it_did_not_write(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("my home page", encoding="utf-8")
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    result = CliRunner().invoke(main, ["catalogue", "-q", str(BUNDLED_SPEC), "-o", str(out)])
    error(result, f"cannot build the catalogue in {out}: it holds files qualspec did not write (index.html); "
                  "give another -o")
    assert (out / "index.html").read_text(encoding="utf-8") == "my home page"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert not (out / "catalogue.sqlite").exists()


@pytest.mark.parametrize("name, message", [("", "-o/--output: empty folder name"),
                                           (LONG, f"cannot write to {LONG}: File name too long")],
                         ids=["empty", "too-long"])
def test_catalogue_output_names(tmp_path, monkeypatch, name, message):
    monkeypatch.chdir(tmp_path)
    error(run("catalogue", "-q", BUNDLED_SPEC, "-o", name), message)
    assert os.listdir(tmp_path) == []
