"""Writing the catalogue folder: only files whose content changed; files of earlier builds that no longer
belong are removed; the manifest (``manifest.py``) last."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..writers.atomic import write_atomic
from ..writers.tables import Table
from .database import write_database
from .hashing import file_sha256
from .manifest import DATABASE, MANIFEST, Published, read_manifest


def publish(out_dir: Path, site: dict[str, str], tables: list[Table], key: str, report: dict) -> Published:
    """Write the site's files and the database into ``out_dir``, then the manifest (with ``key`` and ``report``)."""
    previous = read_manifest(out_dir)
    old_files: dict = previous["files"] if isinstance(previous.get("files"), dict) else {}
    written = unchanged = removed = 0
    digests = {}
    for relative, text in sorted(site.items()):
        path, data = out_dir / relative, text.encode("utf-8")
        digests[relative] = hashlib.sha256(data).hexdigest()
        if _holds(path, data):
            unchanged += 1
            continue
        write_atomic(path, text)
        written += 1
    rows_digest = hashlib.sha256(json.dumps([(t.name, t.rows) for t in tables]).encode()).hexdigest()
    database = out_dir / DATABASE
    if previous.get("database_rows") == rows_digest and database.is_file():
        unchanged += 1
    else:
        write_database(database, tables)
        written += 1
    digests[DATABASE] = file_sha256(database)
    for relative in sorted(set(old_files) - set(digests)):
        stale = out_dir / relative
        if stale.is_file():
            stale.unlink()
            removed += 1
            _remove_empty_folders(stale.parent, out_dir)
    manifest = {"key": key, "report": report, "database_rows": rows_digest, "files": digests}
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return Published(written, unchanged, removed)


def _remove_empty_folders(folder: Path, out_dir: Path) -> None:
    """Remove ``folder`` and its parents up to ``out_dir`` while they are empty."""
    while folder != out_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` already holds exactly ``data``."""
    try:
        return path.read_bytes() == data
    except OSError:
        return False
