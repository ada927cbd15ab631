"""Writing the catalogue folder: only files whose content changed, and files of earlier builds removed.

``.qualspec-build.json`` lists the pages the last build wrote and a digest of the database's rows,
so a rebuild leaves unchanged files untouched and deletes pages that no longer exist.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..writers.atomic import write_atomic
from .database import Tables, write_database

MANIFEST = ".qualspec-build.json"
DATABASE = "catalogue.sqlite"


@dataclass
class Published:
    written: int
    unchanged: int
    removed: int


def publish(out_dir: Path, site: dict[str, str], tables: Tables) -> Published:
    """Write the site's files and the database into ``out_dir``; counts of files written, kept and removed."""
    previous = _manifest(out_dir)
    written = unchanged = removed = 0
    for relative, text in sorted(site.items()):
        path = out_dir / relative
        if _holds(path, text):
            unchanged += 1
            continue
        write_atomic(path, text)
        written += 1
    tables_digest = _digest(json.dumps(tables, sort_keys=True, default=str))
    if previous.get("database") == tables_digest and (out_dir / DATABASE).is_file():
        unchanged += 1
    else:
        write_database(out_dir / DATABASE, tables)
        written += 1
    for relative in sorted(set(previous.get("files", {})) - set(site)):
        stale = out_dir / relative
        if stale.is_file():
            stale.unlink()
            removed += 1
    manifest = {"database": tables_digest, "files": sorted(site)}
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return Published(written, unchanged, removed)


def _holds(path: Path, text: str) -> bool:
    """Whether ``path`` already holds exactly ``text``."""
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
