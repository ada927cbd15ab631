"""``qualspec achieve SOURCE --units U1,U2,...``: exit 0 with the answer, 2 on trouble."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError
from .achieve import achieve
from .render import render_json, render_table


@click.command("achieve")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--units", required=True, help="Units held, by reference or UAN, separated by commas.")
@click.option("--target", help="QAN of a qualification to complete as cheaply as possible.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def achieve_command(source: Path, units: str, target: str | None, fmt: str) -> None:
    """Which qualifications of SOURCE (text, Word, PDF or extracted JSON) the units achieve,
    with every rule met or not, and with --target the cheapest set of units to add."""
    names = [name for name in units.split(",") if name.strip()]
    try:
        if not names:
            raise InputError("--units names no unit")
        report = achieve(source, names, target)
    except InputError as exc:
        click.echo(f"qualspec: error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"qualspec: error: {exc.filename or source}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    click.echo(render_json(report) if fmt == "json" else render_table(report), nl=False)
