"""Hostile and damaged input: piped sources, ZIP bombs, XML tricks, encodings, deep JSON, limits.

Each case ends with exit 0 and the right data, or one ``qualspec: error:`` line and exit 2 —
never a traceback, never silently wrong data. Exact messages are asserted.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, rendering, replace_once

from extractor.cli import main
from extractor.limits import Limits
from extractor.pipeline import BUNDLED_SPEC
from extractor.readers.html import read_html

STEM = BUNDLED_SPEC.stem
SPEC_BYTES = BUNDLED_SPEC.read_bytes()
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
LIMIT_HINT = "(raise it with --limit {name}=N or QUALSPEC_LIMIT_{upper})"


def hint(name: str) -> str:
    return LIMIT_HINT.format(name=name, upper=name.upper())


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input)

    return invoke


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The bundled specification extracted to JSON by ``qualspec extract`` once for the module (read, never changed)."""
    folder = tmp_path_factory.mktemp("extracted")
    result = CliRunner().invoke(main, ["extract", "-q", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    return folder / f"{STEM}.json"


def one_error_line(result, message: str) -> None:
    assert (result.exit_code, result.output) == (2, f"qualspec: error: {message}\n"), result.output


def qualspec(*args: str, **options) -> subprocess.CompletedProcess:
    """The command in a child process (real standard input and file descriptors)."""
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, cwd=ROOT, **options)


# ---------------------------------------------------------------------------- standard input


def test_piped_input_gives_the_file_s_output(run, tmp_path):
    assert run("extract", "-q", BUNDLED_SPEC, "-o", tmp_path / "file").exit_code == 0
    piped = run("extract", "-q", "-", "--name", BUNDLED_SPEC.name, "-o", tmp_path / "pipe", input=SPEC_BYTES)
    assert piped.exit_code == 0, piped.output
    for path in sorted((tmp_path / "file").rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / "pipe" / path.relative_to(tmp_path / "file")).read_bytes()


def test_dev_stdin_and_process_substitution_read_everything(tmp_path):
    piped = qualspec("extract", "/dev/stdin", "-o", str(tmp_path), input=SPEC_BYTES)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.decode().endswith("stdin.json: 32 units, 18 qualifications, 16 errors, 10 warnings, 2 notes\n")
    reader, writer = os.pipe()  # what <(cat spec.txt) hands over: /dev/fd/N
    feeder = subprocess.Popen(["cat", str(BUNDLED_SPEC)], stdout=writer)
    os.close(writer)
    try:
        result = qualspec("check", f"/dev/fd/{reader}", "--format", "json", pass_fds=(reader,))
    finally:
        os.close(reader)
        feeder.wait()
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)) == 28
    document = json.loads((tmp_path / "stdin.json").read_text(encoding="utf-8"))
    assert (len(document["qualifications"]), document["document"]["title"]) == (
        18, "ISP Level 5 Qualifications in Professional Sales")


def test_standard_input_over_the_size_limit(run):
    result = run("--limit", "input_bytes=1K", "check", "-", input=SPEC_BYTES)
    one_error_line(result, f"<stdin>: more than 1024 bytes, over the limit input_bytes=1024 {hint('input_bytes')}")


def test_file_over_the_size_limit_is_not_read(run, monkeypatch):
    monkeypatch.setenv("QUALSPEC_LIMIT_INPUT_BYTES", "100K")
    result = run("check", BUNDLED_SPEC)
    one_error_line(result, f"{BUNDLED_SPEC}: {len(SPEC_BYTES)} bytes, over the limit input_bytes=102400 {hint('input_bytes')}")


def test_bad_limit_settings(run, monkeypatch):
    one_error_line(run("--limit", "pages=5", "check", BUNDLED_SPEC),
                   "--limit pages=5: expected NAME=VALUE with NAME one of " + ", ".join(
                       ["input_bytes", "zip_member_bytes", "zip_total_bytes", "zip_ratio", "xml_depth", "xml_tags",
                        "line_chars", "table_rows", "row_cells", "units", "pdf_pages", "json_depth"]))
    monkeypatch.setenv("QUALSPEC_LIMIT_JSON_DEPTH", "deep")
    one_error_line(run("check", BUNDLED_SPEC),
                   "QUALSPEC_LIMIT_JSON_DEPTH: not an amount: 'deep' (a whole number, optionally with K, M or G)")


# ---------------------------------------------------------------------------- .docx packages


def docx_with(tmp_path, name: str, replace: dict[str, bytes]) -> os.PathLike:
    """The bundled .docx with some members' bytes replaced."""
    path = tmp_path / name
    with zipfile.ZipFile(rendering(".docx")) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, replace.get(info.filename, source.read(info)))
    return path


def test_zip_bomb_stops_early_within_memory(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(rendering(".docx")) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, source.read(info))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                         b'<w:body><w:p><w:r><w:t>')
            for _ in range(400):
                member.write(b" " * (1 << 20))  # 400 MiB inflated
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert path.stat().st_size < 1_000_000
    result = qualspec("extract", str(path), "-o", str(tmp_path / "out"))
    compressed = zipfile.ZipFile(path).getinfo("word/document.xml").compress_size
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"qualspec: error: {path}: word/document.xml: inflates more than 100 times its compressed size of "
        f"{compressed} bytes, over the limit zip_ratio=100 {hint('zip_ratio')}\n"
    )
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 600 * 1024  # kilobytes
    assert not (tmp_path / "out").exists()


def test_member_size_limit(run, tmp_path):
    path = docx_with(tmp_path, "big.docx", {})
    result = run("--limit", "zip_member_bytes=100K", "check", path)
    one_error_line(result, f"{path}: word/document.xml: inflates to more than 102400 bytes, over the limit "
                           f"zip_member_bytes=102400 {hint('zip_member_bytes')}")


def test_xml_entities_and_doctype_are_refused(run, tmp_path):
    original = zipfile.ZipFile(rendering(".docx")).read("word/styles.xml")
    laughs = b'<!DOCTYPE w:styles [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    head, sep, rest = original.partition(b"?>")
    assert sep, "styles.xml starts with an XML declaration"
    path = docx_with(tmp_path, "laughs.docx", {"word/styles.xml": head + sep + laughs + rest})
    one_error_line(run("check", path), f"{path}: word/styles.xml: declares a DTD, which a Word document never does")


def test_xml_depth_limit(run, tmp_path):
    document = zipfile.ZipFile(rendering(".docx")).read("word/document.xml")
    nested = b"<w:sdt><w:sdtContent>" * 60 + b"</w:sdtContent></w:sdt>" * 60
    path = docx_with(tmp_path, "deep.docx", {"word/document.xml": document.replace(b"<w:body>", b"<w:body>" + nested, 1)})
    assert path.stat().st_size > 0 and b"<w:body>" in document
    one_error_line(run("check", path), f"{path}: word/document.xml: elements nested more than 100 deep, over the "
                                       f"limit xml_depth=100 {hint('xml_depth')}")


def test_damaged_zip_member(run, tmp_path):
    data = bytearray(rendering(".docx").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/styles.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 100: start + 140] = b"\x00" * 40
    path = tmp_path / "crc.docx"
    path.write_bytes(bytes(data))
    result = run("check", path)
    assert result.exit_code == 2 and result.output.startswith(f"qualspec: error: {path}: word/styles.xml: "), result.output
    assert len(result.output.splitlines()) == 1


# ---------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le-bom"])
def test_unicode_encodings_read_alike(run, codec):
    text = SPEC_BYTES.decode("utf-8")
    data = {
        "utf-8-sig": codecs.BOM_UTF8 + SPEC_BYTES,
        "utf-16": text.encode("utf-16"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    }[codec]
    result = run("check", "-", "--format", "json", input=data)
    assert result.exit_code == 1
    assert result.output == run("check", BUNDLED_SPEC, "--format", "json").output


@pytest.mark.parametrize(
    "data, message",
    [
        ("Unit Title\n".encode("utf-16-le"),
         "stdin: UTF-16 (little-endian) text without a byte-order mark; save it as UTF-8"),
        ("Unit Title\n".encode("utf-16-be"),
         "stdin: UTF-16 (big-endian) text without a byte-order mark; save it as UTF-8"),
        ("Unit Title\n".encode("utf-32"),
         "stdin: UTF-32 text is not supported; save it as UTF-8 (or UTF-16 with a byte-order mark)"),
        ("Unit\tCaf\xe9\n".encode("cp1252"),
         "stdin: not UTF-8 text (byte 0xE9 at offset 8, line 1; Windows-1252 or Latin-1?); "
         "save it as UTF-8 (or UTF-16 with a byte-order mark)"),
        (codecs.BOM_UTF16_LE + b"U\x00\x00\xd8",
         "stdin: not valid UTF-16 text (unexpected end of data at byte 4); save it as UTF-8 (or UTF-16 with a byte-order mark)"),
    ],
    ids=["utf16le-no-bom", "utf16be-no-bom", "utf32", "cp1252", "broken-utf16"],
)
def test_other_encodings_are_named(run, data, message):
    one_error_line(run("check", "-", input=data), message)


# ---------------------------------------------------------------------------- pathological text


@pytest.mark.parametrize(
    "text, message",
    [
        ("x\t" * 150_000 + "\n", "line 1: 300000 characters, over the limit line_chars=100000"),
        ("a\t" * 300 + "\n", "line 1: 301 cells, over the limit row_cells=200"),
        ("Unit Title\tL5B1 Analyse\t\n" * 20_001, "line 20001: more than 20000 table rows, over the limit table_rows=20000"),
        ("Unit Title\tL5B1 Analyse\nLevel\t5\n" * 1_001, "1001 unit specifications, over the limit units=1000"),
    ],
    ids=["long-line", "many-cells", "many-rows", "many-units"],
)
def test_pathological_text_hits_a_limit(run, tmp_path, text, message):
    path = tmp_path / "pathological.txt"
    path.write_text(text, encoding="utf-8")
    name = message.split(" over the limit ")[1].split("=")[0]
    one_error_line(run("extract", path, "-o", tmp_path / "out"), f"{path}: {message} {hint(name)}")
    assert not (tmp_path / "out").exists()


def html_table(rows: list[str]) -> str:
    return "<html><body><h1>Spec</h1>\n<table>\n" + "\n".join(rows) + "\n</table>\n</body></html>\n"


def markdown_table(rows: int, cells: int) -> str:
    return "# Spec\n\n" + "".join("|" + " x |" * cells + "\n" + ("|" + "---|" * cells + "\n" if i == 0 else "")
                                    for i in range(rows))


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("many-rows.html", html_table(["<tr><td>Unit Title</td><td>L5B1 Analyse</td></tr>"] * 20_001),
         "line 20003: more than 20000 table rows, over the limit table_rows=20000"),
        ("wide-colspan.html", html_table(["<tr><td>Unit Title</td><td colspan='1000'>L5B1</td></tr>"]),
         "line 3: more than 200 cells, over the limit row_cells=200"),
        ("many-cells.html", html_table(["<tr>" + "<td>x</td>" * 201 + "</tr>"]),
         "line 3: more than 200 cells, over the limit row_cells=200"),
        ("wide-rowspan.html", html_table(["<tr>" + "<td rowspan='2'>x</td>" * 150 + "</tr>",
                                          "<tr>" + "<td>y</td>" * 150 + "</tr>"]),
         "line 4: 300 cells, over the limit row_cells=200"),
        ("many-rows.md", markdown_table(20_002, 2), "line 20004: more than 20000 table rows, over the limit table_rows=20000"),
        ("many-cells.md", markdown_table(2, 201), "line 3: more than 200 cells, over the limit row_cells=200"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 20 else None,
)
def test_pathological_html_and_markdown_tables_hit_a_limit(run, tmp_path, name, text, message):
    """As the text reader: the row and cell limits, checked on the parsed page before any block is made."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    limit = message.split(" over the limit ")[1].split("=")[0]
    one_error_line(run("extract", path, "-o", tmp_path / "out"), f"{path}: {message} {hint(limit)}")
    assert not (tmp_path / "out").exists()


def test_html_table_at_the_limits_is_read(run, tmp_path):
    path = tmp_path / "at-the-limits.html"
    path.write_text(html_table(["<tr>" + "<td>x</td>" * 5 + "</tr>"] * 10), encoding="utf-8")
    rows = [b for b in read_html(path, limits=Limits(table_rows=10, row_cells=5)) if b.kind == "row"]
    assert [len(row.cells) for row in rows] == [5] * 10
    one_error_line(run("--limit", "table_rows=9", "check", path),
                   f"{path}: line 12: more than 9 table rows, over the limit table_rows=9 {hint('table_rows')}")
    one_error_line(run("--limit", "row_cells=4", "check", path),
                   f"{path}: line 3: more than 4 cells, over the limit row_cells=4 {hint('row_cells')}")


# ---------------------------------------------------------------------------- JSON given back


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("command", [["validate"], ["check"], ["diff", str(BUNDLED_SPEC)]], ids=["validate", "check", "diff"])
def test_deeply_nested_json_is_exit_2(run, tmp_path, command):
    path = tmp_path / "deep.json"
    path.write_text(nested(100_000), encoding="utf-8")
    result = run(*command[:1], path, *command[1:])
    one_error_line(result, f"{path}: JSON nested too deeply to read, over the limit json_depth=64 {hint('json_depth')}")
    path.write_text(nested(70), encoding="utf-8")
    result = run(*command[:1], path, *command[1:])
    one_error_line(result, f"{path}: JSON nested 70 levels deep, over the limit json_depth=64 {hint('json_depth')}")


def test_check_on_extracted_json_agrees_with_check_on_the_source(run, extracted):
    for fmt in ("json", "csv", "md", "table"):
        from_json, from_source = run("check", extracted, "--format", fmt), run("check", BUNDLED_SPEC, "--format", fmt)
        assert (from_json.exit_code, from_json.output) == (from_source.exit_code, from_source.output), fmt
    assert from_json.exit_code == 1


def test_check_tells_broken_and_foreign_json_apart(run, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"units": [', encoding="utf-8")
    one_error_line(run("check", broken), f"{broken}: not JSON (Expecting value at line 1 column 12)")
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"units": []}', encoding="utf-8")
    result = run("check", foreign)
    one_error_line(result, f"{foreign}: JSON but not a qualspec specification (6 schema errors; first: (root): "
                           "'schema_version' is a required property)")


@pytest.mark.parametrize(
    "path, value, message",
    [
        (["schema_version"], "999", "schema_version: '1.0' was expected"),
        (["units", 0, "credits"], -5, "units/0/credits: -5 is not valid under any of the given schemas"),
        (["units", 0, "level"], 99, "units/0/level: 99 is not valid under any of the given schemas"),
        (["qualifications", 0, "credits", "min"], -1,
         "qualifications/0/credits/min: -1 is not valid under any of the given schemas"),
        (["source", "sha256"], "xyz", "source/sha256: 'xyz' does not match '^[0-9a-f]{64}$'"),
    ],
)
def test_validate_rejects_values_out_of_range(run, extracted, tmp_path, path, value, message):
    document = json.loads(extracted.read_text(encoding="utf-8"))
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = run("validate", bad)
    assert (result.exit_code, result.output) == (1, f"{bad}: {message}\n")
    one_error_line(run("check", bad), f"{bad}: JSON but not a qualspec specification (1 schema errors; first: {message})")


def test_the_malformed_uan_printed_in_the_bundled_spec_still_validates(spec, run, extracted):
    assert "H/651/601" in {u.uan for u in spec.units}
    assert run("validate", extracted).output == f"{extracted}: valid\n"


# ---------------------------------------------------------------------------- our defects vs bad input


def test_a_defect_of_ours_is_exit_3_with_a_traceback(run, monkeypatch):
    from extractor.readers import docx

    def broken(document):
        raise AttributeError("'NoneType' object has no attribute 'element'")

    monkeypatch.setattr(docx._Styles, "of", classmethod(lambda cls, document: broken(document)))
    result = CliRunner().invoke(main, ["check", str(rendering(".docx"))])
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.output
    assert "AttributeError: 'NoneType' object has no attribute 'element'" in result.output
    assert result.output.endswith(
        "qualspec: internal error: this is a defect in qualspec, not a problem with your input. "
        "Please report it with the command you ran and the traceback above.\n"
    )
    assert "corrupt" not in result.output


# ---------------------------------------------------------------------------- found by fuzzing


@pytest.mark.parametrize("fixture", sorted(p.name for p in HOSTILE.glob("*") if p.suffix in (".txt", ".docx", ".pdf")))
def test_regression_fixtures_end_well(run, tmp_path, fixture):
    expected = json.loads((HOSTILE / "expected.json").read_text(encoding="utf-8"))[fixture]
    result = run("extract", HOSTILE / fixture, "-o", tmp_path)
    assert result.exit_code == expected["exit"], result.output
    if expected["exit"] == 2:
        assert result.output == f"qualspec: error: {HOSTILE / fixture}: {expected['message']}\n"


def test_replace_once_fails_on_absent_text():
    with pytest.raises(AssertionError, match="expected exactly one 'absent' in the text, found 0"):
        replace_once("present", "absent", "x")


def test_pdf_page_limit(run):
    path = ROOT / "tests" / "fixtures" / "pdf" / "table-split-across-pages.pdf"
    one_error_line(run("--limit", "pdf_pages=1", "check", path),
                   f"{path}: 2 pages, over the limit pdf_pages=1 {hint('pdf_pages')}")
