"""Which files a catalogue is built from (the files named, and the files inside the folders named), and their hashes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .hashing import file_sha256

if TYPE_CHECKING:
    from ..model import Specification

Advance = Callable[[], None]
"""Called once per source file done."""


@dataclass
class Extracted:
    """One source file: its specification, or the error that stopped it."""

    path: Path
    sha256: str
    spec: Specification | None
    error: str | None
    reused: bool = False


def gather_sources(sources: list[Path], exclude: Path) -> list[Path]:
    """Every file named or found (recursively, hidden names skipped) under a folder named, in path order.

    Anything under ``exclude`` (the catalogue's own folder) is left out; a path that does not
    exist is an InputError.
    """
    excluded = exclude.resolve()
    found: dict[Path, None] = {}
    for source in sources:
        if not source.exists():
            raise InputError(f"{source}: no such file or folder")
        if source.is_file():
            found[source] = None
            continue
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                resolved = path.resolve()
                if resolved != excluded and excluded not in resolved.parents:
                    found[path] = None
    return sorted(found, key=lambda p: str(p))


def hash_sources(paths: list[Path]) -> list[Extracted]:
    """Each file of ``paths`` with its sha256 (or the error that stopped reading it), nothing extracted yet."""
    items = []
    for path in paths:
        try:
            items.append(Extracted(path, file_sha256(path), None, None))
        except OSError as exc:
            items.append(Extracted(path, "", None, f"{path}: cannot be read ({exc.strerror or exc})"))
    return items
