"""Write outputs so that a reader never sees half of them.

A single file is written beside its target and renamed over it. A set of outputs (the JSON,
the CSV folder and the report of one source) is written into a staging folder in the
target directory and swapped in as a whole: the old entries are moved aside, the new ones
moved in, and on any failure the old ones come back. Files and folders get the modes the
umask gives (0644 and 0755 under umask 022). A staging folder left by a killed run is
removed by the next run writing the same set. Nothing qualspec did not write is replaced:
not a directory by a file, not a folder holding other files by a folder output.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import OutputError

STAGING = ".qualspec-staging"


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (str as UTF-8) to a file beside ``path``, then rename it over ``path``."""
    if _is_folder(path):
        raise OutputError(f"cannot write {path}: is a directory")
    parent = path.parent
    _make_directory(parent)
    staging = _staging(parent, staging_key([path.name]))
    try:
        _write(staging / path.name, text, path)
        _rename(staging / path.name, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_set(
    directory: Path, files: Mapping[str, str | bytes], owned: Mapping[str, Sequence[str]] | None = None
) -> None:
    """Write ``files`` (paths relative to ``directory`` -> text) and swap them in together.

    The set's entries are the first components of the paths (``spec.json``, ``spec/``...);
    each replaces any entry of that name in ``directory``, all or none. Nothing qualspec did
    not write is replaced: a file entry never replaces a directory, and a folder entry
    replaces a folder only when it holds nothing but files matching its ``owned`` patterns
    (``{"spec": ["*.csv", "datapackage.json"]}``; without patterns, the names being written).
    """
    entries = _entries(directory, files)
    _make_directory(directory)
    for entry, names in entries.items():
        _check_replaceable(directory / entry, names, (owned or {}).get(entry))
    key = staging_key(sorted(entries))
    _remove_abandoned(directory, key)
    staging = _staging(directory, key)
    try:
        for name, text in files.items():
            target = staging.joinpath(*name.split("/"))
            _make_directory(target.parent, shown=directory / name)
            _write(target, text, directory / name)
        _swap(directory, staging, sorted(entries))
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _entries(directory: Path, files: Mapping[str, str | bytes]) -> dict[str, list[str]]:
    """Entry -> the names written inside it (``[]`` for a single file); OutputError for an unusable name."""
    entries: dict[str, list[str]] = {}
    for name in files:
        parts = name.split("/")
        if any(part in ("", ".", "..") or (os.altsep and os.altsep in part) for part in parts):
            raise OutputError(f"cannot write {directory / name}: {name!r} is not a usable file name")
        entries.setdefault(parts[0], [])
        if len(parts) > 1:
            entries[parts[0]].append("/".join(parts[1:]))
    for entry, names in entries.items():
        if entry in files and names:
            raise OutputError(f"cannot write {directory / entry}: both a file and a folder")
    return entries


def _check_replaceable(path: Path, names: list[str], patterns: Sequence[str] | None) -> None:
    """OutputError when the entry at ``path`` exists and is not something this set may replace."""
    status = _status(path, folder=bool(names))
    if status is None:
        return
    if not names:
        if stat.S_ISDIR(status.st_mode):
            raise OutputError(f"cannot write {path}: is a directory")
        return
    if not stat.S_ISDIR(status.st_mode):
        raise OutputError(f"cannot write to {path}: is a file, not a folder")
    try:
        foreign = sorted(
            child.name for child in path.iterdir()
            if not (_is_plain_file(child) and _matches(child.name, names, patterns))
        )
    except OSError as exc:
        raise OutputError(f"cannot write to {path}: {exc.strerror or exc}") from None
    if foreign:
        listed = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise OutputError(
            f"cannot replace the folder {path}: it holds files qualspec did not write ({listed}); "
            "give another -o"
        )


def _matches(name: str, names: list[str], patterns: Sequence[str] | None) -> bool:
    """Whether a file of an existing folder is one the set writes (by pattern, or by name)."""
    if patterns is None:
        return name in names
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _is_plain_file(path: Path) -> bool:
    status = _status(path)
    return status is not None and stat.S_ISREG(status.st_mode)


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a directory (a link to one too); OutputError when it cannot be looked at."""
    return _status(path) is not None and os.path.isdir(path)


def _status(path: Path, folder: bool = False) -> os.stat_result | None:
    """``lstat`` of ``path``, None when nothing is there; OutputError when it cannot be looked at
    ("cannot write to" a ``folder``, else "cannot write")."""
    try:
        return path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"cannot write{' to' if folder else ''} {path}: {exc.strerror or exc}") from None


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
    status = _status(path, folder=True)
    if status is not None and not os.path.isdir(path):
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
