"""``qualspec diff OLD NEW``: exit 0 when they do not differ, 1 when they do, 2 on trouble."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError, OutputError
from ..writers.atomic import write_atomic
from . import diff_specs, render_html, render_json, render_markdown, report_has_changes
from .load import load_side

RENDERERS = {"md": render_markdown, "json": render_json, "html": render_html}


def _fail(message: str) -> None:
    click.echo(f"qualspec: error: {message}", err=True)
    sys.exit(2)


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report here, not to stdout.")
def diff_command(old: Path, new: Path, fmt: str, output: Path | None) -> None:
    """Compare two versions of a specification (text, Word, PDF or extracted JSON).

    Exit status 0 when they do not differ, 1 when they do, 2 when either cannot be read.
    """
    try:
        report = diff_specs(load_side(old), load_side(new))
    except InputError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.filename or old}: {exc.strerror or exc}")
    text = RENDERERS[fmt](report)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        try:
            write_atomic(output, text)
        except OutputError as exc:
            _fail(str(exc))
    sys.exit(1 if report_has_changes(report) else 0)
