"""The manifest of a catalogue folder, ``.qualspec-build.json``: what the last build was made from and wrote.

It holds a key over the sources' hashes and the code's fingerprint, the sha256 of every file
written, a digest of the database's rows and what the build reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .hashing import file_sha256

MANIFEST = ".qualspec-build.json"
DATABASE = "catalogue.sqlite"


@dataclass
class Published:
    written: int
    unchanged: int
    removed: int


def read_manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def intact(out_dir: Path, manifest: dict) -> bool:
    """Whether every file the manifest lists is there with the content it recorded."""
    files = manifest.get("files")
    if not isinstance(files, dict) or DATABASE not in files:
        return False
    try:
        return all(file_sha256(out_dir / relative) == digest for relative, digest in files.items())
    except OSError:
        return False
