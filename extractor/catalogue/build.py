"""The whole catalogue job: gather, extract (cached), group into versions, write the site and the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .batch import Advance, Extracted, extract_batch
from .cache import ExtractionCache
from .database import catalogue_tables
from .publish import Published, publish
from .site import build_site
from .sources import gather_sources
from .versions import Series, group_series


@dataclass
class Catalogue:
    """What a build read and wrote."""

    extracted: list[Extracted]
    series: list[Series]
    published: Published | None

    @property
    def failures(self) -> list[Extracted]:
        return [e for e in self.extracted if e.error is not None]

    @property
    def reused(self) -> int:
        return sum(e.reused for e in self.extracted)


def source_files(sources: list[Path], out_dir: Path) -> list[Path]:
    """The files to read; InputError when there are none."""
    paths = gather_sources(sources, out_dir)
    if not paths:
        raise InputError(f"no files to read in {', '.join(map(str, sources))}")
    return paths


def build_catalogue(paths: list[Path], out_dir: Path, jobs: int, advance: Advance | None = None) -> Catalogue:
    """Build the catalogue of ``paths`` in ``out_dir``; nothing is written when no file could be read."""
    extracted = extract_batch(paths, ExtractionCache(out_dir), jobs, advance)
    series = group_series(extracted)
    if not series:
        return Catalogue(extracted, series, None)
    published = publish(out_dir, build_site(series), catalogue_tables(series))
    return Catalogue(extracted, series, published)
