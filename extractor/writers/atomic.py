"""Write outputs so that a reader never sees half of them.

A single file is written beside its target and renamed over it. A set of outputs (the JSON,
the CSV folder and the report of one source) is written into a staging folder in the
target directory and swapped in as a whole: the old entries are moved aside, the new ones
moved in, and on any failure the old ones come back. Files and folders get the modes the
umask gives (0644 and 0755 under umask 022). A staging folder left by a killed run is
removed by the next run writing the same set.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..errors import OutputError

STAGING = ".qualspec-staging"


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (str as UTF-8) to a file beside ``path``, then rename it over ``path``."""
    if path.is_dir():
        raise OutputError(f"cannot write {path}: is a directory")
    parent = path.parent
    _make_directory(parent)
    staging = _staging(parent, staging_key([path.name]))
    try:
        _write(staging / path.name, text, path)
        _rename(staging / path.name, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_set(directory: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``files`` (paths relative to ``directory`` -> text) and swap them in together.

    The set's entries are the first components of the paths (``spec.json``, ``spec/``...);
    each replaces any entry of that name in ``directory``, all or none.
    """
    _make_directory(directory)
    entries = sorted({PurePosixPath(name).parts[0] for name in files})
    key = staging_key(entries)
    _remove_abandoned(directory, key)
    staging = _staging(directory, key)
    try:
        for name, text in files.items():
            target = staging.joinpath(*PurePosixPath(name).parts)
            _make_directory(target.parent, shown=directory / name)
            _write(target, text, directory / name)
        _swap(directory, staging, entries)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(directory: Path, staging: Path, entries: list[str]) -> None:
    """Move the old entries into ``staging/.old`` and the new ones in; undo on failure."""
    aside = staging / ".old"
    aside.mkdir()
    moved: list[str] = []
    placed: list[str] = []
    try:
        for name in entries:
            if os.path.lexists(directory / name):
                _rename(directory / name, aside / name)
                moved.append(name)
        for name in entries:
            _rename(staging / name, directory / name)
            placed.append(name)
    except BaseException:
        for name in placed:
            _remove(directory / name)
        for name in moved:
            os.replace(aside / name, directory / name)
        raise


def staging_key(entries: list[str]) -> str:
    """A short name for a set of entries, for its staging folder (entry names may be long)."""
    return hashlib.sha256("/".join(entries).encode("utf-8")).hexdigest()[:12]


def _staging(directory: Path, key: str) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=f"{STAGING}-{key}-{os.getpid()}-", dir=directory))
    except OSError as exc:
        raise OutputError(f"cannot write to {directory}: {exc.strerror or exc}") from None


def _remove_abandoned(directory: Path, key: str) -> None:
    """Staging folders of this set left by runs that no longer exist."""
    for path in directory.glob(f"{STAGING}-{key}-*-*"):
        pid = path.name[len(f"{STAGING}-{key}-"):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _make_directory(path: Path, shown: Path | None = None) -> None:
    if path.exists() and not path.is_dir():
        raise OutputError(f"cannot write to {path}: is a file, not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write to {shown or path}: {exc.strerror or exc}") from None


def _write(path: Path, content: str | bytes, shown: Path) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with path.open("xb") as out:
            out.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None


def _rename(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
