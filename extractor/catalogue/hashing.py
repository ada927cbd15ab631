"""Hashes: of a source file, and fingerprints of the code that turns sources into a catalogue."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


@cache
def extractor_fingerprint() -> str:
    """sha256 over the extractor's source files (the catalogue's own code aside)."""
    return _fingerprint(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "catalogue")


@cache
def catalogue_fingerprint() -> str:
    """sha256 over the whole package, the catalogue's code, templates and static files included."""
    return _fingerprint(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".html", ".css", ".js"))


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
