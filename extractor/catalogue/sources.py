"""Which files a catalogue is built from: the files named, and the files inside the folders named."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


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
