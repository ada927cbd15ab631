"""Readers: one per file format, each turning a file into a stream of blocks.

``READERS`` is the one registry of formats: a new format is one reader module and one line
here (and its name in ``Format``). ``detect_format`` looks at the file's bytes, not its name;
``read_blocks`` looks the reader up.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Literal, get_args

from ..blocks import Block
from ..errors import InputError
from .sniff import sniff_text

Format = Literal["text", "docx", "pdf", "html", "markdown"]
READERS: dict[Format, str] = {
    "text": "text:read_text",
    "docx": "docx:read_docx",
    "pdf": "pdf:read_pdf",
    "html": "html:read_html",
    "markdown": "markdown:read_markdown",
}
assert set(READERS) == set(get_args(Format)), "every format has exactly one reader"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all) by readers that can tell; others ignore it."""


def detect_format(path: Path) -> Format:
    """The format of ``path`` from its first bytes; InputError when unusable."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not head.strip():
        raise InputError(f"{path}: file is empty")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        raise InputError(f"{path}: {_ole_kind(path)}")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise InputError(f"{path}: corrupt ZIP container (damaged .docx?)") from None
        if "word/document.xml" in names:
            return "docx"
        raise InputError(f"{path}: a ZIP archive but not a Word document (no word/document.xml)")
    if b"\x00" in head:
        raise InputError(f"{path}: binary file of an unsupported format")
    return sniff_text(head)


def _ole_kind(path: Path) -> str:
    """What an OLE compound file holds, from its directory's stream names."""
    content = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in content:
        return "a password-protected (encrypted) Office document; remove the password and save as .docx"
    if "WordDocument".encode("utf-16-le") in content:
        return "a legacy binary Word .doc file; save it as .docx or PDF"
    return "an OLE compound file (not a .docx, PDF or text specification)"


def read_blocks(path: Path, fmt: Format, progress: Progress | None = None) -> Iterator[Block]:
    """The blocks of ``path`` read as ``fmt`` by its registered reader (imported on first use)."""
    module, function = READERS[fmt].split(":")
    reader = getattr(import_module(f"{__name__}.{module}"), function)
    return reader(path, progress=progress)
