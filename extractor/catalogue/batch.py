"""Batch extraction on a process pool, serving unchanged files from the cache."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..errors import InputError
from ..model import Specification
from ..pipeline import extract
from .cache import ExtractionCache
from .sources import Advance, Extracted


def extract_to_json(path: str) -> tuple[str | None, str | None]:
    """Worker: the specification in ``path`` as JSON, or the one-line error (never raises)."""
    try:
        return extract(Path(path)).model_dump_json(), None
    except InputError as exc:
        return None, str(exc)
    except OSError as exc:
        return None, f"{path}: {exc.strerror or exc}"
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the batch; it is reported
        return None, f"{path}: cannot be extracted ({type(exc).__name__}: {exc})"


def extract_batch(items: list[Extracted], cache: ExtractionCache, jobs: int, advance: Advance | None = None) -> None:
    """Fill in the specification (or error) of every readable item, from ``cache`` or by extraction.

    Files the cache does not hold go to a pool of ``jobs`` processes (in this process when
    only one is needed); ``advance`` is called once per file done.
    """
    todo: list[Extracted] = []
    for item in items:
        if item.error is None:
            item.spec = cache.get(item.sha256, item.path.name)
            item.reused = item.spec is not None
        if item.spec is None and item.error is None:
            todo.append(item)
        else:
            _tick(advance)
    for item, (text, error) in zip(todo, _run(todo, jobs, advance), strict=True):
        if text is None:
            item.error = error
            continue
        item.spec = Specification.model_validate_json(text)
        if item.spec.source.sha256 == item.sha256:
            cache.put(item.spec)
        else:
            item.error = f"{item.path}: changed while it was being read"
            item.spec = None


def _run(todo: list[Extracted], jobs: int, advance: Advance | None) -> list[tuple[str | None, str | None]]:
    names = [str(item.path) for item in todo]
    if jobs <= 1 or len(names) <= 1:
        outcomes = []
        for name in names:
            outcomes.append(extract_to_json(name))
            _tick(advance)
        return outcomes
    with ProcessPoolExecutor(max_workers=min(jobs, len(names))) as pool:
        futures = [pool.submit(extract_to_json, name) for name in names]
        outcomes = []
        for future in futures:
            outcomes.append(future.result())
            _tick(advance)
        return outcomes


def _tick(advance: Advance | None) -> None:
    if advance is not None:
        advance()
