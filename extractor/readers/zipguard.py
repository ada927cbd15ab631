"""A ZIP package (.docx) inflated under limits before any parser sees it.

Every member is inflated as a stream and counted: its size, the package's total and the
member's compression ratio are checked while inflating, so a ZIP bomb stops after at most
a limit's worth of work and a chunk of memory. XML members are parsed on the way with
entities and DTDs off and their nesting depth counted.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import IO

from lxml import etree

from ..errors import InputError
from ..inputs import Input
from ..limits import MB, Limits

CHUNK = 1 << 16
XML_SUFFIXES = (".xml", ".rels")


def open_zip(source: Input) -> zipfile.ZipFile:
    """The package's directory; InputError when it is not a readable ZIP."""
    try:
        return zipfile.ZipFile(io.BytesIO(source.data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InputError(f"{source}: corrupt ZIP container (damaged .docx?)") from None


def check_package(source: Input, limits: Limits) -> None:
    """Inflate every member under the limits; InputError at the first one passed or damaged."""
    with open_zip(source) as archive:
        total = _Total(0)
        for info in archive.infolist():
            if info.is_dir():
                continue
            where = f"{source}: {info.filename}"
            try:
                with archive.open(info) as raw:
                    stream = _CountingStream(raw, info, where, limits, total)
                    if info.filename.lower().endswith(XML_SUFFIXES):
                        _check_xml(stream, where, limits)
                    else:
                        while stream.read(CHUNK):
                            pass
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                raise InputError(f"{where}: corrupt ZIP member ({exc})") from None
            except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
                raise InputError(f"{where}: cannot be inflated ({exc})") from None


class _Total:
    """Bytes inflated so far over the whole package."""

    def __init__(self, size: int) -> None:
        self.size = size


class _CountingStream(io.RawIOBase):
    """A member's inflated bytes, counted against the limits as they are read."""

    def __init__(self, raw: IO[bytes], info: zipfile.ZipInfo, where: str, limits: Limits, total: _Total):
        super().__init__()
        self.raw, self.info, self.where, self.limits, self.total = raw, info, where, limits, total
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(CHUNK if size is None or size < 0 else min(size, CHUNK))
        self.size += len(chunk)
        self.total.size += len(chunk)
        limits = self.limits
        if self.size > limits.zip_member_bytes:
            raise limits.exceeded("zip_member_bytes", self.where, f"inflates to more than {limits.zip_member_bytes} bytes")
        if self.total.size > limits.zip_total_bytes:
            found = f"the package inflates to more than {limits.zip_total_bytes} bytes"
            raise limits.exceeded("zip_total_bytes", self.where, found)
        if self.size > MB and self.size > limits.zip_ratio * max(self.info.compress_size, 1):
            raise limits.exceeded(
                "zip_ratio", self.where,
                f"inflates more than {limits.zip_ratio} times its compressed size of {self.info.compress_size} bytes",
            )
        return chunk


def _check_xml(stream: _CountingStream, where: str, limits: Limits) -> None:
    """Parse an XML member as a stream: no DTD, no entities, depth within the limit."""
    depth = 0
    events = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
    )
    try:
        for event, element in events:
            if event == "start":
                if depth == 0 and element.getroottree().docinfo.doctype:
                    raise InputError(f"{where}: declares a DTD, which a Word document never does")
                depth += 1
                if depth > limits.xml_depth:
                    raise limits.exceeded("xml_depth", where, f"elements nested more than {limits.xml_depth} deep")
            else:
                depth -= 1
                element.clear()
                while element.getprevious() is not None:  # keep memory flat: drop what was checked
                    del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged Word document (bad XML: {exc.msg})") from None
