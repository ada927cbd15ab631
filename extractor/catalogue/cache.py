"""The extraction cache inside the catalogue folder: one JSON per source file, named by its sha256.

An entry also records the fingerprint of the extractor's code, so a changed extractor
re-extracts everything instead of serving stale results.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from ..model import Specification
from ..writers.atomic import write_atomic

CACHE_DIR = ".qualspec-cache"
PACKAGE = Path(__file__).resolve().parent.parent


@cache
def extractor_fingerprint() -> str:
    """sha256 over the extractor's source files (the catalogue's own code aside)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "catalogue":
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ExtractionCache:
    """Specifications already extracted, keyed by the sha256 of their source file."""

    def __init__(self, out_dir: Path) -> None:
        self.folder = out_dir / CACHE_DIR

    def _entry(self, sha256: str) -> Path:
        return self.folder / f"{sha256}.json"

    def get(self, sha256: str, name: str) -> Specification | None:
        """The cached specification of the file with this hash (its source named ``name``), if valid."""
        try:
            entry = json.loads(self._entry(sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("extractor") != extractor_fingerprint():
            return None
        try:
            spec = Specification.model_validate(entry.get("specification"))
        except ValidationError:
            return None
        if spec.source.sha256 != sha256:
            return None
        spec.source.path = name
        return spec

    def put(self, spec: Specification) -> None:
        entry = {"extractor": extractor_fingerprint(), "specification": spec.model_dump(mode="json")}
        write_atomic(self._entry(spec.source.sha256), json.dumps(entry, ensure_ascii=False, sort_keys=True))
