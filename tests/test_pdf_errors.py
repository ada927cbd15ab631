"""PDF files that cannot be read: one clear InputError line, never a traceback.

The encrypted and scanned cases are committed fixtures (tests/fixtures/pdf/make_fixtures.py);
truncated and corrupt files are cut from a good fixture here.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from extractor.cli import main
from extractor.errors import InputError
from extractor.readers import detect_format, read_blocks
from extractor.readers.pdf import read_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
GOOD = FIXTURES / "table-merged-cells.pdf"


def one_line(error: pytest.ExceptionInfo, path: Path) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_encrypted_pdf_is_refused():
    path = FIXTURES / "encrypted.pdf"
    assert detect_format(path) == "pdf"
    with pytest.raises(InputError) as error:
        read_pdf(path)
    assert "encrypted (password protected)" in one_line(error, path)


def test_scanned_pdf_asks_for_ocr():
    path = FIXTURES / "scanned-no-text.pdf"
    with pytest.raises(InputError) as error:
        read_pdf(path)
    assert one_line(error, path).endswith("no text layer; scanned PDF? run OCR first")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_refused(tmp_path, fraction):
    data = GOOD.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    assert detect_format(path) == "pdf"
    with pytest.raises(InputError) as error:
        read_pdf(path)
    assert "truncated PDF" in one_line(error, path)


def test_pdf_without_its_trailer_is_refused(tmp_path):
    data = GOOD.read_bytes()
    path = tmp_path / "no-trailer.pdf"
    path.write_bytes(data[: data.rindex(b"trailer")])
    with pytest.raises(InputError) as error:
        read_pdf(path)
    assert "PDF" in one_line(error, path)


def test_garbage_after_the_pdf_header_is_refused(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not a PDF body at all\n" * 20)
    with pytest.raises(InputError) as error:
        read_pdf(path)
    assert "corrupt or truncated PDF" in one_line(error, path)


def test_error_is_raised_when_reading_starts(tmp_path):
    """Like the other readers: the call fails, not some later step of the pipeline."""
    path = tmp_path / "truncated.pdf"
    path.write_bytes(GOOD.read_bytes()[:500])
    with pytest.raises(InputError):
        read_blocks(path, "pdf")


@pytest.mark.parametrize("name", ["encrypted.pdf", "scanned-no-text.pdf"])
def test_command_line_prints_one_line_and_exits_2(name):
    result = CliRunner().invoke(main, ["extract", str(FIXTURES / name), "--quiet"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert name in lines[0]


# ---------------------------------------------------------------------------- pdfminer's own warnings


def xref_flipped(tmp_path: Path) -> Path:
    """The good fixture with the first digit of every cross-reference entry flipped to byte 0xCF."""
    data = GOOD.read_bytes()
    start, end = data.index(b"\nxref\n"), data.index(b"trailer")
    table = data[start:end]
    assert table.count(b"0000") >= 19, table[:80]
    path = tmp_path / "xref-flipped.pdf"
    path.write_bytes(data[:start] + table.replace(b"0000", b"\xcf000") + data[end:])
    return path


def test_a_damaged_pdf_gives_exactly_one_line(tmp_path):
    """In a child process: pdfminer logs "Not adding object ... to xref" through the root logger's
    last-resort handler, which pytest's own logging handler would hide here."""
    path = xref_flipped(tmp_path)
    result = subprocess.run([sys.executable, "-m", "extractor", "extract", "-q", str(path), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"qualspec: error: {path}: the PDF has no pages\n")
    assert not (tmp_path / "out").exists()


def test_pdf_library_warnings_are_silenced_only_while_reading(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    levels = {name: logging.getLogger(name).level for name in ("pdfminer", "pdfplumber", "")}
    with pytest.raises(InputError):
        read_pdf(xref_flipped(tmp_path))
    assert [r.getMessage() for r in caplog.records if r.name.startswith(("pdfminer", "pdfplumber"))] == []
    assert {name: logging.getLogger(name).level for name in levels} == levels
    logging.getLogger("pdfminer.pdfparser").warning("after reading")  # the library's level is restored
    assert caplog.records[-1].getMessage() == "after reading"
