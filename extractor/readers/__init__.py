"""Readers: one per file format, each turning an input's bytes into a stream of blocks.

``READERS`` is the one registry of formats: a new format is one reader module and one line
here (and its name in ``Format``). A reader is called as ``reader(source, progress=...,
limits=..., damage=...)`` with an ``Input`` (name + bytes; a path is read into one) and
optional limits (default: ``default_limits()``) and damage list. ``detect_format`` looks
at the bytes, not the name; ``read_blocks`` looks the reader up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Literal, get_args

from ..blocks import Block
from ..errors import InputError
from ..inputs import Input, as_input
from ..limits import Limits, default_limits
from .damage import Damage
from .encoding import bomless_utf16, text_encoding
from .sniff import sniff_text
from .zipguard import open_zip

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


def detect_format(source: Input | str | os.PathLike[str]) -> Format:
    """The format of ``source`` (an Input or a file) from its first bytes; InputError when unusable."""
    source = as_input(source, default_limits())
    head = source.data[:8192]
    if not head.strip():
        raise InputError(f"{source}: file is empty")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        raise InputError(f"{source}: {_ole_kind(source.data)}")
    if head.startswith(b"PK\x03\x04"):
        with open_zip(source) as archive:
            names = set(archive.namelist())
        if "word/document.xml" in names:
            return "docx"
        raise InputError(f"{source}: a ZIP archive but not a Word document (no word/document.xml)")
    codec = text_encoding(head)
    if codec is None and b"\x00" in head:
        order = bomless_utf16(head)
        if order:
            raise InputError(f"{source}: UTF-16 ({order}) text without a byte-order mark; save it as UTF-8")
        raise InputError(f"{source}: binary file of an unsupported format")
    if codec in (None, "utf-8-sig"):
        return sniff_text(head)
    return sniff_text(head.decode(codec, errors="replace").encode("utf-8"))


def _ole_kind(content: bytes) -> str:
    """What an OLE compound file holds, from its directory's stream names."""
    if "EncryptedPackage".encode("utf-16-le") in content:
        return "a password-protected (encrypted) Office document; remove the password and save as .docx"
    if "WordDocument".encode("utf-16-le") in content:
        return "a legacy binary Word .doc file; save it as .docx or PDF"
    return "an OLE compound file (not a .docx, PDF or text specification)"


def read_blocks(
    source: Input | str | os.PathLike[str],
    fmt: Format,
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
) -> Iterator[Block]:
    """The blocks of ``source`` read as ``fmt`` by its registered reader (imported on first use).

    Readers that mend damaged input (a table row whose cell separators were lost) append
    what they mended or could not read to ``damage``.
    """
    module, function = READERS[fmt].split(":")
    reader = getattr(import_module(f"{__name__}.{module}"), function)
    return reader(source, progress=progress, limits=limits, damage=damage)
