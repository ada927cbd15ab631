"""The ``qualspec`` command: extract, check, validate and diff specifications.

Exit status: 0 success; 1 the answer is "no" (check found errors, validate found the file
invalid, diff found differences); 2 trouble with the input or the output (one
``qualspec: error:`` line); 3 a defect of qualspec itself (a traceback and a request to
report it).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from .catalogue.command import catalogue_command
from .diff.command import diff_command
from .errors import InputError, OutputError
from .extracted import load_specification, read_json
from .inputs import Input, read_input
from .interpret.profiles import PROFILES
from .interpret.vocabulary import load_vocabulary
from .limits import ACTIVE, Limits, default_limits, limits_from
from .model import SEVERITIES, Specification
from .output_set import write_output_set
from .pipeline import BUNDLED_SPEC
from .rules.command import achieve_command
from .schema import schema_errors
from .writers.command import export_command
from .writers.csv import render_table_csv
from .writers.markdown import render_findings_markdown
from .writers.tables import project

SEVERITY_RANK: dict[str, int] = {severity: -i for i, severity in enumerate(SEVERITIES)}
BUG_EXIT = 3
REPORT_REQUEST = (
    "qualspec: internal error: this is a defect in qualspec, not a problem with your input. "
    "Please report it with the command you ran and the traceback above."
)


def fail(message: str) -> NoReturn:
    """One error line on stderr, exit status 2."""
    click.echo(f"qualspec: error: {message}", err=True)
    sys.exit(2)


class QualspecGroup(click.Group):
    """Runs a command; an exception that is not a known kind of trouble is our defect: exit 3."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (InputError, OutputError) as exc:
            fail(str(exc))
        except Exception:  # noqa: BLE001 - not bad input: our own defect, reported as such
            traceback.print_exc()
            click.echo(REPORT_REQUEST, err=True)
            sys.exit(BUG_EXIT)


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


def source_input(argument: str | None, name: str | None = None) -> Input:
    """The input named on the command line (``-`` for standard input; none: the bundled spec)."""
    return read_input(argument if argument is not None else BUNDLED_SPEC, default_limits(), name)


def load(
    source: Input,
    quiet: bool = True,
    previous: Specification | None = None,
    vocabulary: str | None = None,
    profile: str | None = None,
    jobs: int | None = None,
) -> Specification:
    """The specification in ``source``: an extracted JSON read back, or any source extracted."""
    labels = load_vocabulary(vocabulary) if vocabulary else None
    with progress_bar(quiet) as update:
        return load_specification(
            source, default_limits(), progress=update, previous=previous, vocabulary=labels, profile=profile, jobs=jobs
        )


def load_previous(argument: str) -> Specification:
    """The earlier version given to ``--previous``; its problems are named as its own."""
    try:
        return load(source_input(argument))
    except InputError as exc:
        raise InputError(f"--previous: {exc}") from None


@click.group(cls=QualspecGroup)
@click.version_option(package_name="qualspec")
@click.option("--limit", "limit_settings", multiple=True, metavar="NAME=VALUE",
              help=f"Raise or lower a limit on the input ({', '.join(Limits.names())}); sizes take K, M, G.")
@click.pass_context
def main(ctx: click.Context, limit_settings: tuple[str, ...]) -> None:
    """Read a qualification specification (text, Word or PDF) into checked, structured data."""
    try:
        limits = limits_from(os.environ, limit_settings)
    except InputError as exc:
        fail(str(exc))
    token = ACTIVE.set(limits)
    ctx.call_on_close(lambda: ACTIVE.reset(token))


vocabulary_option = click.option(
    "--vocabulary", metavar="FILE", default=None,
    help='A TOML file of more labels ([labels] field = ["label", ...]) added to the built-in vocabulary.')
profile_option = click.option(
    "--profile", type=click.Choice(PROFILES), default=None,
    help="Checks to run: generic (rules every specification obeys) or isp (and ISP's conventions); "
    "default: detected from the document.")

jobs_option = click.option(
    "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
    help="Worker processes reading PDF pages (default: one per available core). The output does not depend on it.")


@main.command("extract")
@click.argument("source", required=False)
@click.option("-o", "--output", "out_dir", type=click.Path(), default="output", show_default=True,
              help="Directory to write into.")
@click.option("--name", help="File name to record for the source (for standard input: default 'stdin').")
@click.option("--force", is_flag=True, help="Replace outputs in DIR made from a source of another name.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--previous", metavar="OLD",
              help="An earlier version (extracted JSON or any source format) whose identifiers are carried over.")
@vocabulary_option
@profile_option
@jobs_option
def extract_command(
    source: str | None,
    out_dir: str,
    name: str | None,
    force: bool,
    quiet: bool,
    previous: str | None,
    vocabulary: str | None,
    profile: str | None,
    jobs: int | None,
) -> None:
    """Write SOURCE as DIR/<stem>.json, DIR/<stem>/*.csv and DIR/<stem>.findings.md.

    SOURCE is a file or - for standard input. Without SOURCE, the bundled ISP Level 5
    specification is used. The three are replaced together or not at all.
    """
    if out_dir == "":
        fail("-o/--output: empty directory name")
    earlier = load_previous(previous) if previous else None
    given = source_input(source, name)
    spec = load(given, quiet, previous=earlier, vocabulary=vocabulary, profile=profile, jobs=jobs)
    target = write_output_set(spec, given.stem, Path(out_dir), force=force)
    if not quiet:
        counts = {s: sum(1 for f in spec.findings if f.severity == s) for s in SEVERITY_RANK}
        click.echo(
            f"{target}: {len(spec.units)} units, {len(spec.qualifications)} qualifications, "
            f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
        )


@main.command("check")
@click.argument("source")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "md"]), default="table",
              show_default=True)
@click.option("--min-severity", type=click.Choice(list(reversed(SEVERITIES))), default="info",
              show_default=True, help="Leave out findings below this severity.")
@vocabulary_option
@profile_option
@jobs_option
def check_command(
    source: str, fmt: str, min_severity: str, vocabulary: str | None, profile: str | None, jobs: int | None
) -> None:
    """Print the findings of SOURCE (a specification, an extracted JSON, or - for standard input).

    Exit 1 if any is an error, 0 if none is.
    """
    spec = load(source_input(source), vocabulary=vocabulary, profile=profile, jobs=jobs)
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
@click.argument("file")
def validate_command(file: str) -> None:
    """Validate a JSON document against the qualspec schema; exit 1 if invalid."""
    document = read_json(source_input(file), default_limits())
    errors = schema_errors(document)
    for error in errors:
        click.echo(f"{file}: {error}")
    if errors:
        sys.exit(1)
    click.echo(f"{file}: valid")


main.add_command(diff_command)
main.add_command(catalogue_command)
main.add_command(export_command)
main.add_command(achieve_command)
