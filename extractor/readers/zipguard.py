"""A ZIP package (.docx) inflated under limits before any parser sees it.

Every member is inflated as a stream and counted: its size, the package's total, the
member's compression ratio and an XML member's tags are checked while inflating, so a ZIP
bomb stops after at most a limit's worth of work. XML members are then parsed with
entities and DTDs off and their nesting depth checked, before python-docx parses them.
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
            is_xml = info.filename.lower().endswith(XML_SUFFIXES)
            try:
                with archive.open(info) as raw:
                    data = _inflate(raw, info, where, limits, total, keep=is_xml)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                raise InputError(f"{where}: corrupt ZIP member ({exc})") from None
            except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
                raise InputError(f"{where}: cannot be inflated ({exc})") from None
            if is_xml:
                _check_xml(data, where, limits)


class _Total:
    """Bytes inflated so far over the whole package."""

    def __init__(self, size: int) -> None:
        self.size = size


def _inflate(raw: IO[bytes], info: zipfile.ZipInfo, where: str, limits: Limits, total: _Total, keep: bool) -> bytes:
    """A member's bytes (``keep``) or b"", counted against the limits while inflating."""
    chunks: list[bytes] = []
    size = tags = 0
    while chunk := raw.read(CHUNK):
        size += len(chunk)
        total.size += len(chunk)
        if size > limits.zip_member_bytes:
            raise limits.exceeded("zip_member_bytes", where, f"inflates to more than {limits.zip_member_bytes} bytes")
        if total.size > limits.zip_total_bytes:
            found = f"the package inflates to more than {limits.zip_total_bytes} bytes"
            raise limits.exceeded("zip_total_bytes", where, found)
        if size > MB and size > limits.zip_ratio * max(info.compress_size, 1):
            found = f"inflates more than {limits.zip_ratio} times its compressed size of {info.compress_size} bytes"
            raise limits.exceeded("zip_ratio", where, found)
        if keep:
            tags += chunk.count(b"<")
            if tags > limits.xml_tags:
                raise limits.exceeded("xml_tags", where, f"more than {limits.xml_tags} tags")
            chunks.append(chunk)
    return b"".join(chunks)


def _check_xml(data: bytes, where: str, limits: Limits) -> None:
    """Parse an XML member: no DTD, no entities, elements nested at most ``limits.xml_depth`` deep."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged Word document (bad XML: {exc.msg})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise InputError(f"{where}: declares a DTD, which a Word document never does")
    if tree.xpath("boolean(/" + "*/" * limits.xml_depth + "*)"):
        raise limits.exceeded("xml_depth", where, f"elements nested more than {limits.xml_depth} deep")
