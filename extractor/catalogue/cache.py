"""The extraction cache inside the catalogue folder: one JSON per source file, named by its sha256.

An entry also records the fingerprint of the extractor's code, so a changed extractor
re-extracts everything instead of serving stale results.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..model import Specification
from ..writers.atomic import write_atomic
from .hashing import extractor_fingerprint

CACHE_DIR = ".qualspec-cache"


class ExtractionCache:
    """Specifications already extracted, keyed by the sha256 of their source file."""

    def __init__(self, out_dir: Path) -> None:
        self.folder = out_dir / CACHE_DIR

    def _entry(self, sha256: str) -> Path:
        return self.folder / f"{sha256}.json"

    def get(self, sha256: str, name: str) -> Specification | None:
        """The cached specification of the file with this hash (its source named ``name``), if valid."""
        try:
            entry = _CacheEntry.model_validate_json(self._entry(sha256).read_bytes())
        except (OSError, ValidationError):
            return None
        if entry.extractor != extractor_fingerprint():
            return None
        spec = entry.specification
        if spec.source.sha256 != sha256:
            return None
        spec.source.path = name
        return spec

    def put(self, spec: Specification) -> None:
        entry = _CacheEntry(extractor=extractor_fingerprint(), specification=spec)
        write_atomic(self._entry(spec.source.sha256), entry.model_dump_json())


class _CacheEntry(BaseModel):
    """One cache file: the extractor's fingerprint and what it extracted."""

    extractor: str
    specification: Specification
