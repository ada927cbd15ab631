"""``catalogue.sqlite``: every version through the table projection, and the changes between versions.

The projection's tables (``extractor/writers/tables.py``) hold the rows of every version, each with
its ``version``; as an element keeps its id from version to version, their keys are (id, version)
and their foreign keys (parent id, version). Beside them: ``versions``, ``renderings``,
``rendering_disagreements`` and ``changes`` (one row per change between consecutive versions).
Running text is indexed for full-text search (``<table>_fts``, FTS5 over the table's rows).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from ..writers.tables import Column, ForeignKey, Table, project
from .changes import CHANGE_COLUMNS, change_rows
from .versions import Series

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT"}
VERSIONED_KEY = ("id", "version")


def _text(name: str, description: str) -> Column:
    return Column(name, "string", description)


def _int(name: str, description: str) -> Column:
    return Column(name, "integer", description)


SERIES = _text("series", "The specification (its catalogue folder name)")
VERSION = _text("version", "Version as printed")
OWN_KEYS = {
    "versions": ("series", "version"),
    "renderings": ("series", "version", "path"),
    "rendering_disagreements": ("series", "version", "other"),
    "changes": ("series", "old_version", "new_version", "seq"),
}


def catalogue_tables(series: list[Series]) -> list[Table]:
    """Every table of the catalogue, its rows in a stable order."""
    own = _own_tables()
    projected: dict[str, Table] = {}
    for s in series:
        for position, version in enumerate(s.versions, start=1):
            spec, key = version.spec, (s.slug, version.label)
            for table in project(spec):
                target = projected.setdefault(table.name, Table(
                    table.name, table.description, table.columns, table.foreign_keys, [], table.text_columns))
                at = table.names.index("version")
                target.rows += [(*row[:at], version.label, *row[at + 1:]) for row in table.rows]
            own["versions"].rows.append((*key, position, spec.document.id, spec.document.publication_date,
                                         version.renderings[0].path.name))
            own["renderings"].rows += [(*key, r.path.name, r.spec.source.format, r.sha256, int(n == 0))
                                       for n, r in enumerate(version.renderings)]
            own["rendering_disagreements"].rows += [(*key, d.shown, d.other, d.differences)
                                                    for d in version.disagreements]
        for pair in s.pairs:
            rows = change_rows(pair.report, pair.old.spec, pair.new.spec)
            own["changes"].rows += [(s.slug, pair.old.label, pair.new.label, n, *(row[c] for c in CHANGE_COLUMNS))
                                    for n, row in enumerate(rows, start=1)]
    return [*projected.values(), *own.values()]


def _own_tables() -> dict[str, Table]:
    return {
        "versions": Table("versions", "Each version of each specification, oldest first", [
            SERIES, VERSION, _int("position", "Order of the version in its series, from 1"),
            _text("document_id", "The document (table document)"), Column("publication_date", "date", "As printed"),
            _text("shown_source", "The rendering the catalogue shows"),
        ], [ForeignKey("document_id", "document")]),
        "renderings": Table("renderings", "The files read for each version", [
            SERIES, VERSION, _text("path", "File name"), _text("format", "text, docx or pdf"),
            _text("sha256", "SHA-256 of the file"), _int("shown", "1 for the rendering the catalogue shows"),
        ]),
        "rendering_disagreements": Table("rendering_disagreements", "Renderings of one version that differ", [
            SERIES, VERSION, _text("shown", "The rendering shown"), _text("other", "The rendering that differs"),
            _int("differences", "How many differences the diff counts"),
        ]),
        "changes": Table("changes", "Changes between consecutive versions, one row each", [
            SERIES, _text("old_version", "Version before"), _text("new_version", "Version after"),
            _int("seq", "Order of the change in the diff"), _text("scope", "What kind of element changed"),
            _text("element_id", "Stable id of the element (the new one, else the old one), where it has one"),
            _text("qan", "Qualification concerned"), _text("unit", "Unit concerned (its reference)"),
            _text("item", "Number or name before"), _text("new_item", "Number or name after"),
            _text("status", "added, removed, changed, reworded, moved, moved_reworded or renumbered"),
            _text("field", "Field that changed"), _text("old_value", "Value before"),
            _text("new_value", "Value after"),
        ]),
    }


def write_database(path: Path, tables: list[Table]) -> None:
    """Write ``tables`` to a new SQLite file, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temp)
        try:
            for table in tables:
                _create(db, table)
            db.commit()
        finally:
            db.close()
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _create(db: sqlite3.Connection, table: Table) -> None:
    own = table.name in OWN_KEYS
    key = OWN_KEYS[table.name] if own else VERSIONED_KEY
    parts = [f'"{c.name}" {SQL_TYPES[c.type]}' for c in table.columns]
    parts.append(f"PRIMARY KEY ({', '.join(key)})")
    for fk in table.foreign_keys:
        parts.append(f'FOREIGN KEY ("{fk.column}", "version") REFERENCES "{fk.table}" ("id", "version")')
    db.execute(f'CREATE TABLE "{table.name}" ({", ".join(parts)})')
    marks = ", ".join("?" * len(table.columns))
    db.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', table.rows)
    if table.text_columns:
        columns = ", ".join(f'"{c}"' for c in table.text_columns)
        db.execute(f'CREATE VIRTUAL TABLE "{table.name}_fts" USING fts5({columns}, content="{table.name}")')
        db.execute(f'INSERT INTO "{table.name}_fts" ("{table.name}_fts") VALUES (\'rebuild\')')
