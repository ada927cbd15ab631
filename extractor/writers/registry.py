"""The writer registry: every output qualspec can write, by name. A new output is one module and one line here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

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


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("json", "the JSON document (schemas/qualspec.schema.json)", ".json",
               lambda s, o: {"": json.render_json(s)}),
        Writer("csv", "a folder of CSV tables with a Frictionless datapackage.json", "",
               lambda s, o: csv.render_csv(s)),
        Writer("findings", "the findings as a Markdown report", ".findings.md",
               lambda s, o: {"": markdown.render_findings_markdown(s)}),
        Writer("sqlite", "one SQLite database: keys, foreign keys, full-text search", ".sqlite",
               lambda s, o: {"": sqlite.render_sqlite(s)}),
        Writer("parquet", "a folder of Parquet files, one per table", ".parquet",
               lambda s, o: parquet.render_parquet(s)),
        Writer("xlsx", "an Excel workbook, one sheet per table", ".xlsx", lambda s, o: {"": xlsx.render_xlsx(s)}),
        Writer("case", "a 1EdTech CASE 1.0 CFPackage (JSON)", ".case.json", lambda s, o: {"": case.render_case(s, o)}),
        Writer("canvas", "a Canvas LMS outcomes import CSV", ".canvas.csv", lambda s, o: {"": canvas.render_canvas(s)}),
        Writer("moodle", "a Moodle competency framework import CSV", ".moodle.csv",
               lambda s, o: {"": moodle.render_moodle(s)}),
    )
}

EXTRACT_OUTPUTS = ("json", "csv", "findings")
"""What ``qualspec extract`` writes."""


def output_files(writer: Writer, spec: Specification, target: Path, options: ExportOptions) -> dict[Path, str | bytes]:
    """The files ``writer`` makes of ``spec`` at ``target`` (a file, or a folder of files)."""
    return {target / name if name else target: content for name, content in writer.render(spec, options).items()}
