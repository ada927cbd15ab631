"""The tables as one SQLite database (sqlite-utils): primary keys, foreign keys, full-text search."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from ..model import Specification
from .options import require
from .tables import Table, project

SQL_TYPES: dict[str, type] = {"string": str, "integer": int, "number": float, "date": str}


def render_sqlite(spec: Specification) -> bytes:
    """The database file's bytes (built in a temporary directory)."""
    sqlite_utils = require("sqlite_utils", "the sqlite export")
    with tempfile.TemporaryDirectory(prefix="qualspec-") as folder:
        path = Path(folder) / "export.sqlite"
        connection = sqlite3.connect(path)
        try:
            db = sqlite_utils.Database(connection)
            for table in project(spec):
                _add_table(db, table)
            connection.commit()
            connection.execute("VACUUM")
        finally:
            connection.close()
        return path.read_bytes()


def _add_table(db: Any, table: Table) -> None:
    created = db[table.name].create(
        {c.name: SQL_TYPES[c.type] for c in table.columns},
        pk="id",
        not_null={"id"},
        foreign_keys=[(fk.column, fk.table, "id") for fk in table.foreign_keys],
    )
    created.insert_all([dict(zip(table.names, row, strict=True)) for row in table.rows])
    if table.text_columns:
        created.enable_fts(list(table.text_columns), tokenize="porter")
