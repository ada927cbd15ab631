"""Writing the catalogue folder: only files whose content changed; files of earlier builds that no longer
belong are removed; the manifest (``manifest.py``) last."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath

from ..errors import OutputError
from ..writers.atomic import write_atomic
from ..writers.tables import Table
from .database import write_database
from .hashing import file_sha256
from .manifest import DATABASE, MANIFEST, Published, read_manifest


def publish(out_dir: Path, site: dict[str, str], tables: list[Table], key: str, report: dict) -> Published:
    """Write the site's files and the database into ``out_dir``, then the manifest (with ``key`` and ``report``)."""
    previous = read_manifest(out_dir)
    old_files: dict = previous["files"] if isinstance(previous.get("files"), dict) else {}
    _refuse_foreign(out_dir, site, set(old_files))
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
        if not _inside(relative):
            continue
        stale = out_dir / relative
        if stale.is_file():
            stale.unlink()
            removed += 1
            _remove_empty_folders(stale.parent, out_dir)
    manifest = {"key": key, "report": report, "database_rows": rows_digest, "files": digests}
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return Published(written, unchanged, removed)


def _refuse_foreign(out_dir: Path, site: dict[str, str], ours: set[str]) -> None:
    """OutputError, before anything is written, when a file the build would replace was not written by
    an earlier build (the last manifest does not list it) and holds something else: someone's own file.
    The database is left out: its name is ours, and a build killed before its manifest leaves one."""
    foreign = sorted(
        relative for relative in site
        if relative not in ours and os.path.lexists(out_dir / relative)
        and not _holds(out_dir / relative, site.get(relative, "").encode("utf-8"))
    )
    if foreign:
        listed = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise OutputError(
            f"cannot build the catalogue in {out_dir}: it holds files qualspec did not write ({listed}); "
            "give another -o"
        )


def _inside(relative: str) -> bool:
    """Whether a path from a manifest stays inside the catalogue folder (a hand-edited manifest may not)."""
    path = PurePosixPath(relative)
    return not path.is_absolute() and ".." not in path.parts and bool(path.parts)


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
