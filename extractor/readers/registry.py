"""The one registry of formats: a new format is one reader module and one line in ``READERS``
(and its name in ``Format``). A reader is called as ``reader(source, progress=..., limits=...,
damage=..., jobs=...)`` with an ``Input`` (name + bytes; a path is read into one); ``jobs``
is how many worker processes a reader that can use them (the PDF reader) may start."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Literal, get_args

from ..blocks import Block
from ..inputs import Input
from ..limits import Limits
from .damage import Damage

Format = Literal["text", "docx", "pdf", "html", "markdown"]
READERS: dict[Format, str] = {
    "text": "text:read_text",
    "docx": "docx:read_docx",
    "pdf": "pdf:read_pdf",
    "html": "html:read_html",
    "markdown": "markdown:read_markdown",
}
assert set(READERS) == set(get_args(Format)), "every format has exactly one reader"
Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all) by readers that can tell; others ignore it."""


def read_blocks(
    source: Input | str | os.PathLike[str],
    fmt: Format,
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
    jobs: int | None = None,
) -> Iterator[Block]:
    """The blocks of ``source`` read as ``fmt`` by its registered reader (imported on first use).

    Readers that mend damaged input (a table row whose cell separators were lost) append
    what they mended or could not read to ``damage``.
    """
    module, function = READERS[fmt].split(":")
    reader = getattr(import_module(f"{__package__}.{module}"), function)
    return reader(source, progress=progress, limits=limits, damage=damage, jobs=jobs)
