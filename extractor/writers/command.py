"""``qualspec export FORMAT SOURCE -o PATH``: one output of the writer registry."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from ..diff.load import load_side
from ..errors import InputError
from ..ids import assign_ids
from .atomic import write_all
from .options import DEFAULT_BASE_URI, ExportError, ExportOptions
from .registry import WRITERS, output_files


def _fail(message: str) -> NoReturn:
    click.echo(f"qualspec: error: {message}", err=True)
    sys.exit(2)


FORMATS = "\n\n".join(f"{w.name}: {w.help}" for w in WRITERS.values())


@click.command("export", help=f"""Write SOURCE (text, Word, PDF or extracted JSON) as FORMAT to PATH.

\b
{FORMATS}

Exit status: 0 written, 2 trouble (bad input, missing library, unwritable output).""")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(WRITERS)))
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="File (or folder, for csv and parquet) to write.")
@click.option("--base-uri", default=DEFAULT_BASE_URI, show_default=True,
              help="Prefix of the URIs of exported items (case).")
def export_command(fmt: str, source: Path, output: Path, base_uri: str) -> None:
    try:
        spec = load_side(source)
    except InputError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{source}: {exc.strerror or exc}")
    if not spec.document.id:
        assign_ids(spec)  # an extraction made before identifiers existed
    writer = WRITERS[fmt]
    try:
        files = output_files(writer, spec, output, ExportOptions(base_uri=base_uri))
    except ExportError as exc:
        _fail(str(exc))
    try:
        write_all(files)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"{output}: {writer.help}")
