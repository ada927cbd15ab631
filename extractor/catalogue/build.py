"""The whole catalogue job: gather, extract (cached), group into versions, write the site and the database."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .hashing import catalogue_fingerprint
from .manifest import Published, intact, read_manifest
from .sources import Advance, Extracted, gather_sources, hash_sources

if TYPE_CHECKING:
    from .versions import Series


@dataclass
class Catalogue:
    """What a build read, found and wrote."""

    files: int
    extracted: int
    reused: int
    errors: list[str]
    warnings: list[str]
    specifications: int
    versions: int
    published: Published | None


def source_files(sources: list[Path], out_dir: Path) -> list[Path]:
    """The files to read; InputError when there are none."""
    paths = gather_sources(sources, out_dir)
    if not paths:
        raise InputError(f"no files to read in {', '.join(map(str, sources))}")
    return paths


def build_catalogue(paths: list[Path], out_dir: Path, jobs: int, advance: Advance | None = None) -> Catalogue:
    """Build the catalogue of ``paths`` in ``out_dir``; nothing is written when no file could be read.

    When the sources and the code are those of the last build and its files are intact, nothing
    is extracted or written: the last build's report is given again.
    """
    items = hash_sources(paths)
    key = _build_key(items)
    manifest = read_manifest(out_dir)
    if manifest.get("key") == key and intact(out_dir, manifest):
        for _ in items:
            if advance is not None:
                advance()
        report = manifest["report"]
        return Catalogue(len(items), 0, len(items) - len(report["errors"]), report["errors"], report["warnings"],
                         report["specifications"], report["versions"], Published(0, len(manifest["files"]), 0))
    return _full_build(items, out_dir, jobs, key, advance)


def _full_build(items: list[Extracted], out_dir: Path, jobs: int, key: str, advance: Advance | None) -> Catalogue:
    """Extract what the cache lacks, group the versions, render and publish (modules loaded only when needed)."""
    from .batch import extract_batch
    from .cache import ExtractionCache
    from .database import catalogue_tables
    from .publish import publish
    from .site import build_site
    from .versions import group_series

    extract_batch(items, ExtractionCache(out_dir), jobs, advance)
    series = group_series(items)
    report = _report(items, series)
    published = None
    if series:
        published = publish(out_dir, build_site(series), catalogue_tables(series), key, report)
    extracted = sum(item.spec is not None and not item.reused for item in items)
    return Catalogue(len(items), extracted, sum(item.reused for item in items), report["errors"],
                     report["warnings"], report["specifications"], report["versions"], published)


def _build_key(items: list[Extracted]) -> str:
    """What a build depends on: each source's name and hash (or error), and the code's fingerprint."""
    sources = [(str(item.path), item.sha256, item.error) for item in items]
    return hashlib.sha256(json.dumps([catalogue_fingerprint(), sources]).encode()).hexdigest()


def _report(items: list[Extracted], series: list[Series]) -> dict:
    """What a build says: the files that failed, the renderings that disagree, and what was found."""
    warnings = [
        f"{d.other} and {d.shown} are both version {version.label} of '{s.title}' but differ "
        f"({d.differences} differences)"
        for s in series for version in s.versions for d in version.disagreements
    ]
    return {
        "errors": [item.error for item in items if item.error is not None],
        "warnings": warnings,
        "specifications": len(series),
        "versions": sum(len(s.versions) for s in series),
    }
