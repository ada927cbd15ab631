"""The output set of one source: ``<stem>.json``, ``<stem>/`` (CSV tables and their data package)
and ``<stem>.findings.md``.

Written together through a staging folder (``writers.atomic.replace_set``). A set already in
the folder that was made from a source of another name is not replaced unless forced:
two sources with the same stem (``spec.txt`` and ``spec.docx``, or standard input) would
otherwise overwrite each other without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import OutputError
from .model import Specification
from .writers.atomic import replace_set
from .writers.options import ExportOptions
from .writers.registry import EXTRACT_OUTPUTS, WRITERS, owned
from .writers.registry import output_files as registry_files


def output_files(spec: Specification, stem: str) -> dict[str, str | bytes]:
    """Relative path -> content of every output ``extract`` writes, from the writer registry."""
    files: dict[str, str | bytes] = {}
    for name in EXTRACT_OUTPUTS:
        writer = WRITERS[name]
        files.update(registry_files(writer, spec, f"{stem}{writer.suffix}", ExportOptions()))
    return files


def write_output_set(spec: Specification, stem: str, directory: Path, force: bool = False) -> Path:
    """Write the set into ``directory``; the path of its JSON. OutputError on a collision or failure."""
    if str(directory) == "":
        raise OutputError("the output directory is an empty name; give a directory with -o DIR")
    if _exists(directory) and not directory.is_dir():
        raise OutputError(f"cannot write to {directory}: is a file, not a directory (-o takes a directory)")
    target = directory / f"{stem}.json"
    if not force:
        _refuse_collision(target, spec.source.path)
    replace_set(directory, output_files(spec, stem), _owned(stem))
    return target


def _owned(stem: str) -> dict[str, tuple[str, ...]]:
    """What each folder of the set may hold for ``replace_set`` to replace it."""
    patterns: dict[str, tuple[str, ...]] = {}
    for name in EXTRACT_OUTPUTS:
        writer = WRITERS[name]
        patterns.update(owned(writer, f"{stem}{writer.suffix}"))
    return patterns


def _exists(path: Path) -> bool:
    """Whether something is at ``path``; OutputError when it cannot be looked at (a name too long)."""
    try:
        return path.exists()
    except OSError as exc:
        raise OutputError(f"cannot write to {path}: {exc.strerror or exc}") from None


def _refuse_collision(target: Path, source_name: str) -> None:
    if not _exists(target):
        return
    try:
        previous = json.loads(target.read_text(encoding="utf-8"))["source"]["path"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        previous = None
    if previous == source_name:
        return
    made_from = f"the output of {previous}" if isinstance(previous, str) else "a file that is not qualspec output"
    raise OutputError(
        f"{target} holds {made_from}, not of {source_name}; use --force to replace it or -o to write elsewhere"
    )
