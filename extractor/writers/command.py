"""``qualspec export FORMAT SOURCE -o PATH``: one output of the writer registry."""

from __future__ import annotations

from pathlib import Path

import click

from ..diff.load import load_side
from ..errors import OutputError
from ..ids import assign_ids
from .atomic import replace_set
from .options import DEFAULT_BASE_URI, ExportError, ExportOptions
from .registry import WRITERS, output_files, owned

FORMATS = "\n\n".join(f"{w.name}: {w.help}" for w in WRITERS.values())


@click.command("export", help=f"""Write SOURCE (text, Word, PDF or extracted JSON) as FORMAT to PATH.

\b
{FORMATS}

Exit status: 0 written, 2 trouble (bad input, missing library, unwritable output).""")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(WRITERS)))
@click.argument("source")
@click.option("-o", "--output", required=True,
              help="File (or folder, for csv and parquet) to write.")
@click.option("--base-uri", default=DEFAULT_BASE_URI, show_default=True,
              help="Prefix of the URIs of exported items (case).")
def export_command(fmt: str, source: str, output: str, base_uri: str) -> None:
    target = output_target(output)
    spec = load_side(source)
    if not spec.document.id:
        assign_ids(spec)  # an extraction made before identifiers existed
    writer = WRITERS[fmt]
    try:
        files = output_files(writer, spec, target.name, ExportOptions(base_uri=base_uri))
    except ExportError as exc:
        raise OutputError(str(exc)) from None
    replace_set(target.parent, files, owned(writer, target.name))
    click.echo(f"{target}: {writer.help}")


def output_target(output: str) -> Path:
    """The path ``-o`` names; OutputError when it names no file or folder of its own ('', '.', '..', '/')."""
    target = Path(output)
    if target.name in ("", ".", ".."):
        raise OutputError(f"-o/--output {output!r} names no file or folder to write; give a new name, e.g. -o spec.json")
    return target
