"""The ``qualspec`` command: extract, check, validate and diff specifications.

Exit status: 0 success; 1 the answer is "no" (check found errors, validate found the file
invalid, diff found differences); 2 trouble (bad input, unwritable output).
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from .catalogue.command import catalogue_command
from .diff.command import diff_command
from .errors import InputError
from .model import Specification
from .pipeline import BUNDLED_SPEC, extract
from .schema import schema_errors
from .writers.atomic import write_all
from .writers.command import export_command
from .writers.csv import render_table_csv
from .writers.markdown import render_findings_markdown
from .writers.options import ExportOptions
from .writers.registry import EXTRACT_OUTPUTS, WRITERS, output_files
from .writers.tables import project

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def fail(message: str) -> NoReturn:
    """One error line on stderr, exit status 2."""
    click.echo(f"qualspec: error: {message}", err=True)
    sys.exit(2)


@contextmanager
def progress_bar(quiet: bool):
    """A rich progress bar on an interactive stderr, else nothing."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("reading", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def load(source: Path, quiet: bool = True, previous: Specification | None = None) -> Specification:
    """Extract ``source``, turning input problems into one error line and exit 2."""
    try:
        with progress_bar(quiet) as update:
            return extract(source, progress=update, previous=previous)
    except InputError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{source}: {exc.strerror or exc}")


def load_previous(path: Path) -> Specification:
    """The earlier version given to ``--previous``; one error line and exit 2 when unreadable."""
    from .diff.load import load_side

    try:
        return load_side(path)
    except InputError as exc:
        fail(f"--previous: {exc}")
    except OSError as exc:
        fail(f"--previous: {path}: {exc.strerror or exc}")


@click.group()
@click.version_option(package_name="qualspec")
def main() -> None:
    """Read a qualification specification (text, Word or PDF) into checked, structured data."""


@main.command("extract")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Directory to write into.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--previous", type=click.Path(path_type=Path),
              help="An earlier version (extracted JSON or any source format) whose identifiers are carried over.")
def extract_command(source: Path | None, out_dir: Path, quiet: bool, previous: Path | None) -> None:
    """Write SOURCE as DIR/<stem>.json, DIR/<stem>/*.csv (with datapackage.json) and DIR/<stem>.findings.md.

    Without SOURCE, the bundled ISP Level 5 specification is used.
    """
    source = source or BUNDLED_SPEC
    spec = load(source, quiet, previous=load_previous(previous) if previous else None)
    stem = source.stem
    files: dict[Path, str | bytes] = {}
    for name in EXTRACT_OUTPUTS:
        writer = WRITERS[name]
        files.update(output_files(writer, spec, out_dir / f"{stem}{writer.suffix}", ExportOptions()))
    try:
        write_all(files)
    except OSError as exc:
        fail(f"cannot write to {out_dir}: {exc.strerror or exc}")
    if not quiet:
        counts = {s: sum(1 for f in spec.findings if f.severity == s) for s in SEVERITY_RANK}
        click.echo(
            f"{out_dir / (stem + '.json')}: {len(spec.units)} units, {len(spec.qualifications)} qualifications, "
            f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
        )


@main.command("check")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "md"]), default="table",
              show_default=True)
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default="info",
              show_default=True, help="Leave out findings below this severity.")
def check_command(source: Path, fmt: str, min_severity: str) -> None:
    """Print SOURCE's findings; exit 1 if any is an error, 0 if none is."""
    spec = load(source)
    spec.findings = [f for f in spec.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]]
    if fmt == "json":
        click.echo(json.dumps([f.model_dump(mode="json") for f in spec.findings], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        findings = next(t for t in project(spec) if t.name == "findings")
        click.echo(render_table_csv(findings).encode("utf-8"), nl=False)
    elif fmt == "md":
        click.echo(render_findings_markdown(spec), nl=False)
    else:
        from .terminal import print_findings_table

        print_findings_table(spec)
    sys.exit(1 if any(f.severity == "error" for f in spec.findings) else 0)


@main.command("validate")
@click.argument("file", type=click.Path(path_type=Path))
def validate_command(file: Path) -> None:
    """Validate a JSON document against the qualspec schema; exit 1 if invalid."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"{file}: no such file")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{file}: cannot be read ({exc})")
    except json.JSONDecodeError as exc:
        fail(f"{file}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
    errors = schema_errors(document)
    for error in errors:
        click.echo(f"{file}: {error}")
    if errors:
        sys.exit(1)
    click.echo(f"{file}: valid")


main.add_command(diff_command)
main.add_command(catalogue_command)
main.add_command(export_command)
