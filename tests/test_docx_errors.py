"""Word files that cannot be read: one clear InputError line, never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from extractor.errors import InputError
from extractor.readers import detect_format, read_blocks
from extractor.readers.detect import OLE_MAGIC
from extractor.readers.docx import read_docx


def make_docx(tmp_path: Path, name: str = "good.docx") -> Path:
    document = docx.Document()
    document.add_paragraph("Unit Title")
    path = tmp_path / name
    document.save(str(path))
    return path


def rewrite(source: Path, target: Path, replace: dict[str, bytes | None]) -> Path:
    """Copy a package, replacing (bytes) or dropping (None) some of its parts."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    new.writestr(info.filename, replace[info.filename])
            else:
                new.writestr(info, old.read(info.filename))
    return target


def assert_one_line(error: pytest.ExceptionInfo, path: Path) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_truncated_zip_raises_input_error(tmp_path):
    good = make_docx(tmp_path)
    broken = tmp_path / "truncated.docx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InputError) as error:
        list(read_docx(broken))
    assert "corrupt" in assert_one_line(error, broken)
    with pytest.raises(InputError):
        detect_format(broken)


def test_error_is_raised_when_reading_starts_not_later(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError):
        read_docx(broken)  # no iteration needed


def test_missing_main_part_raises_input_error(tmp_path):
    good = make_docx(tmp_path)
    broken = rewrite(good, tmp_path / "no-document.docx", {"word/document.xml": None})
    with pytest.raises(InputError) as error:
        list(read_docx(broken))
    assert_one_line(error, broken)


def test_bad_xml_raises_input_error(tmp_path):
    good = make_docx(tmp_path)
    broken = rewrite(good, tmp_path / "bad-xml.docx", {"word/document.xml": b"<w:document><w:body>"})
    with pytest.raises(InputError) as error:
        list(read_docx(broken))
    assert "XML" in assert_one_line(error, broken)


def test_package_that_is_not_a_word_document_raises_input_error(tmp_path):
    good = make_docx(tmp_path)
    with zipfile.ZipFile(good) as archive:
        types = archive.read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        )
    broken = rewrite(good, tmp_path / "sheet.docx", {"[Content_Types].xml": types})
    with pytest.raises(InputError) as error:
        list(read_docx(broken))
    assert_one_line(error, broken)


@pytest.mark.parametrize("name", ["legacy.doc", "protected.docx"])
def test_ole_file_is_refused_by_detection(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + b"\xff" * 512)
    with pytest.raises(InputError) as error:
        detect_format(path)
    message = assert_one_line(error, path)
    assert "OLE" in message and ".docx" in message


def test_docx_renamed_txt_is_detected_by_its_bytes(tmp_path):
    renamed = make_docx(tmp_path, "spec.txt")
    assert detect_format(renamed) == "docx"
    [block] = list(read_blocks(renamed, detect_format(renamed)))
    assert block.text == "Unit Title"
