"""``qualspec catalogue SOURCES... -o DIR``: exit 0 when every file was read, 1 when some failed, 2 on trouble."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from ..cores import available_cores
from ..errors import InputError
from .build import Catalogue, build_catalogue, source_files
from .manifest import Published
from .sources import Advance


def _fail(message: str) -> NoReturn:
    click.echo(f"qualspec: error: {message}", err=True)
    sys.exit(2)


@contextmanager
def batch_progress(total: int, quiet: bool) -> Iterator[Advance | None]:
    """One progress bar for the whole batch on an interactive stderr, else nothing."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("extracting", total=total)
        yield lambda: bar.advance(task)


@click.command("catalogue")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(), required=True,
              help="Folder of the catalogue: website, catalogue.sqlite and the extraction cache.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes extracting at once (default: one per available core).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def catalogue_command(sources: tuple[Path, ...], output: str, jobs: int | None, quiet: bool) -> None:
    """Build a catalogue (static website and SQLite database) from SOURCES.

    SOURCES are specification files (text, Word or PDF) or folders of them, several versions of
    a specification among them. Unchanged files are served from a cache in DIR. A file that
    cannot be read is reported and the rest goes on: exit status 1 then; 2 when nothing could be built.
    """
    if output == "":
        _fail("-o/--output: empty folder name")
    out_dir = Path(output)
    try:
        if out_dir.exists() and not out_dir.is_dir():
            _fail(f"{out_dir}: exists and is not a folder")
    except OSError as exc:
        _fail(f"cannot write to {out_dir}: {exc.strerror or exc}")
    try:
        paths = source_files(list(sources), out_dir)
        with batch_progress(len(paths), quiet) as advance:
            catalogue = build_catalogue(paths, out_dir, jobs or available_cores(), advance)
    except InputError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write the catalogue in {out_dir}: {exc.strerror or exc}")
    for error in catalogue.errors:
        click.echo(f"qualspec: error: {error}", err=True)
    for warning in catalogue.warnings:
        click.echo(f"qualspec: warning: {warning}", err=True)
    if catalogue.published is None:
        _fail("no specification could be read; nothing was written")
    if not quiet:
        click.echo(_summary(out_dir, catalogue, catalogue.published))
    sys.exit(1 if catalogue.errors else 0)


def _summary(out_dir: Path, c: Catalogue, published: Published) -> str:
    return (
        f"{out_dir}: {c.files} files ({c.extracted} extracted, {c.reused} reused from the cache, "
        f"{len(c.errors)} failed); {c.specifications} specifications, {c.versions} versions; "
        f"{published.written} files written, {published.unchanged} unchanged, {published.removed} removed"
    )
