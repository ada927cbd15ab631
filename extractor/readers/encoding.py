"""Text from bytes: UTF-8 with or without a byte-order mark, UTF-16 with one; else a clear error."""

from __future__ import annotations

import codecs

from ..errors import InputError
from ..inputs import Input

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SUPPORTED = "save it as UTF-8 (or UTF-16 with a byte-order mark)"


def text_encoding(head: bytes) -> str | None:
    """The codec a byte-order mark names (``utf-8-sig``, ``utf-16``, ``utf-32``), else None."""
    for bom, codec in BOMS:  # UTF-32 LE starts with the UTF-16 LE mark: test it first
        if head.startswith(bom):
            return codec
    return None


def bomless_utf16(head: bytes) -> str | None:
    """"little-endian"/"big-endian" when ``head`` looks like UTF-16 text without a byte-order mark."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "little-endian"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "big-endian"
    return None


def decode_text(source: Input) -> str:
    """The text of ``source``; InputError naming the encoding when it is not one we read."""
    codec = text_encoding(source.data) or "utf-8"
    if codec == "utf-32":
        raise InputError(f"{source}: UTF-32 text is not supported; {SUPPORTED}")
    try:
        return source.data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "utf-16":
            raise InputError(f"{source}: not valid UTF-16 text ({exc.reason} at byte {exc.start}); {SUPPORTED}") from None
        line = source.data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{source}: not UTF-8 text (byte 0x{source.data[exc.start]:02X} at offset {exc.start}, line {line}; "
            f"Windows-1252 or Latin-1?); {SUPPORTED}"
        ) from None
