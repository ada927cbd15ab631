"""The format of an input from its bytes, not its name; one clear error for what cannot be read."""

from __future__ import annotations

import os

from ..errors import InputError
from ..inputs import Input, as_input
from ..limits import default_limits
from .encoding import bomless_utf16, text_encoding
from .registry import Format
from .sniff import sniff_text
from .zipguard import open_zip

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
