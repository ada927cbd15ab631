"""The writer registry: every output qualspec can write, by name. A new output is one module and one line here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..model import Specification
from . import canvas, case, csv, json, markdown, moodle, parquet, sqlite, xlsx
from .options import ExportOptions

Rendered = Mapping[str, str | bytes]
"""File name inside the target folder -> content; the name "" is the target file itself."""


@dataclass(frozen=True)
class Writer:
    name: str
    help: str
    suffix: str
    """Appended to the source's stem to name the default target (a folder when it has no dot)."""
    render: Callable[[Specification, ExportOptions], Rendered]
    owns: tuple[str, ...] = ()
    """For a folder output, patterns of every file it may hold: an existing folder is replaced only when it
    holds nothing else (never a folder of someone else's files)."""


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("json", "the JSON document (schemas/qualspec.schema.json)", ".json",
               lambda s, o: {"": json.render_json(s)}),
        Writer("csv", "a folder of CSV tables with a Frictionless datapackage.json", "",
               lambda s, o: csv.render_csv(s), owns=("*.csv", "datapackage.json")),
        Writer("findings", "the findings as a Markdown report", ".findings.md",
               lambda s, o: {"": markdown.render_findings_markdown(s)}),
        Writer("sqlite", "one SQLite database: keys, foreign keys, full-text search", ".sqlite",
               lambda s, o: {"": sqlite.render_sqlite(s)}),
        Writer("parquet", "a folder of Parquet files, one per table", ".parquet",
               lambda s, o: parquet.render_parquet(s), owns=("*.parquet",)),
        Writer("xlsx", "an Excel workbook, one sheet per table", ".xlsx", lambda s, o: {"": xlsx.render_xlsx(s)}),
        Writer("case", "a 1EdTech CASE 1.0 CFPackage (JSON)", ".case.json", lambda s, o: {"": case.render_case(s, o)}),
        Writer("canvas", "a Canvas LMS outcomes import CSV", ".canvas.csv", lambda s, o: {"": canvas.render_canvas(s)}),
        Writer("moodle", "a Moodle competency framework import CSV", ".moodle.csv",
               lambda s, o: {"": moodle.render_moodle(s)}),
    )
}

EXTRACT_OUTPUTS = ("json", "csv", "findings")
"""What ``qualspec extract`` writes."""


def owned(writer: Writer, target: str) -> dict[str, tuple[str, ...]]:
    """The ``replace_set`` patterns of ``writer``'s output named ``target``: what its folder may hold."""
    return {target: writer.owns} if writer.owns else {}


def output_files(writer: Writer, spec: Specification, target: str, options: ExportOptions) -> dict[str, str | bytes]:
    """The files ``writer`` makes of ``spec`` as ``target`` (a file, or a folder of files), by relative path."""
    return {f"{target}/{name}" if name else target: content for name, content in writer.render(spec, options).items()}
