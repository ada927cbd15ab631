"""The tables as CSV files (RFC 4180, UTF-8) beside a Frictionless ``datapackage.json``."""

from __future__ import annotations

import csv
import io
import json

from ..model import Specification
from .tables import Cell, Table, project


def render_table_csv(table: Table) -> str:
    """One table as CSV text: a header row, then the rows; empty cells for missing values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.names)
    writer.writerows([_cell(v) for v in row] for row in table.rows)
    return buffer.getvalue()


def _cell(value: Cell) -> str | int | float:
    return "" if value is None else value


def render_csv(spec: Specification) -> dict[str, str]:
    """File name -> text: ``<table>.csv`` for every table, and ``datapackage.json``."""
    tables = project(spec)
    files = {f"{t.name}.csv": render_table_csv(t) for t in tables}
    files["datapackage.json"] = json.dumps(datapackage(spec, tables), indent=2, ensure_ascii=False) + "\n"
    return files


def datapackage(spec: Specification, tables: list[Table]) -> dict:
    """The Frictionless Data Package describing the CSV files: types, keys, descriptions."""
    return {
        "profile": "tabular-data-package",
        "name": _package_name(spec.source.path),
        "title": spec.document.title,
        "description": f"{spec.document.title}, version {spec.document.version or 'unknown'}, "
        f"extracted by qualspec from {spec.source.path}",
        "resources": [_resource(t) for t in tables],
    }


def _resource(table: Table) -> dict:
    schema: dict = {
        "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in table.columns],
        "missingValues": [""],
        "primaryKey": ["id"],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [fk.column], "reference": {"resource": fk.table, "fields": ["id"]}} for fk in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _package_name(path: str) -> str:
    """A Data Package name (lower case letters, digits, '.', '_', '-') from a file name."""
    stem = path.rsplit(".", 1)[0].lower()
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "-" for ch in stem) or "qualspec"
