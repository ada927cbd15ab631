"""The PDF reader called on an input's bytes.

``read_pdf`` takes a path or a stream; it is given the bytes as a stream that prints as the
input's name, so its messages name the input. Its page count is checked at its first
progress report, before the second page is read. pdfplumber's own errors for a malformed
file that escape the reader (closing a document whose page tree is damaged raises them)
are bad input too.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator

from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..blocks import Block
from ..errors import InputError
from ..inputs import Input, as_input
from ..limits import Limits, default_limits
from . import Progress
from .damage import Damage
from .pdf import read_pdf


class _NamedBytes(io.BytesIO):
    """A PDF's bytes as a stream whose ``str`` is the input's name."""

    def __init__(self, source: Input) -> None:
        super().__init__(source.data)
        self.label = source.name

    def __str__(self) -> str:
        return self.label


def read_pdf_bytes(
    source: Input | str | os.PathLike[str],
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
) -> Iterator[Block]:
    """Blocks of a PDF input; InputError when it has more pages than ``limits.pdf_pages``."""
    limits = limits or default_limits()
    source = as_input(source, limits)

    def report(done: int, total: int) -> None:
        if total > pages:
            raise checked.exceeded("pdf_pages", name, f"{total} pages")
        if progress is not None:
            progress(done, total)

    checked, name, pages = limits, source.name, limits.pdf_pages
    try:
        return read_pdf(_NamedBytes(source), progress=report)  # type: ignore[arg-type]
    except (PdfminerException, MalformedPDFException) as exc:  # pdfplumber's errors for a malformed file
        raise InputError(f"{source}: corrupt or truncated PDF ({' '.join(str(exc).split())})") from None
