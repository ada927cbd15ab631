"""``catalogue.sqlite``: every version's contents with ``version`` on every row, and the changes between versions."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from .changes import CHANGE_COLUMNS, change_rows
from .site import qualification_level
from .versions import Series, Version

Row = dict[str, object]
Tables = dict[str, list[Row]]

PRIMARY_KEYS = {
    "versions": ("series", "version"),
    "renderings": ("series", "version", "path"),
    "changes": ("series", "old_version", "new_version", "seq"),
}


def catalogue_tables(series: list[Series]) -> Tables:
    """The rows of every table, in a stable order."""
    tables: Tables = {name: [] for name in ("versions", "renderings", "rendering_disagreements", "changes")}
    for s in series:
        for position, version in enumerate(s.versions, start=1):
            d = version.spec.document
            key = {"series": s.slug, "version": version.label}
            tables["versions"].append({**key, "position": position, "title": d.title,
                                       "awarding_body": d.awarding_body, "publication_date": d.publication_date,
                                       "shown_source": version.renderings[0].path.name})
            tables["renderings"] += [{**key, "path": r.path.name, "format": r.spec.source.format, "sha256": r.sha256,
                                      "shown": int(n == 0)} for n, r in enumerate(version.renderings)]
            tables["rendering_disagreements"] += [
                {**key, "shown": d.shown, "other": d.other, "differences": d.differences}
                for d in version.disagreements
            ]
            for name, rows in _contents(version).items():
                tables.setdefault(name, []).extend({**key, **row} for row in rows)
        for pair in s.pairs:
            key = {"series": s.slug, "old_version": pair.old.label, "new_version": pair.new.label}
            changes = change_rows(pair.report, pair.old.spec, pair.new.spec)
            tables["changes"] += [{**key, "seq": n, **row} for n, row in enumerate(changes, 1)]
    return tables


def _contents(version: Version) -> dict[str, list[Row]]:
    """One version's qualifications, units, outcomes, criteria and findings as rows."""
    spec = version.spec
    units = spec.units
    return {
        "qualifications": [
            {"id": q.id, "qan": q.qan, "title": q.title, "kind": q.kind, "level": qualification_level(q, spec),
             "credits": q.credits.printed, "glh": q.glh.printed, "tqt": q.tqt.printed}
            for q in spec.qualifications
        ],
        "units": [
            {"id": u.id, "isp_ref": u.isp_ref, "isp_ref_printed": u.isp_ref_printed, "uan": u.uan, "title": u.title,
             "level": u.level, "credits": u.credits, "glh": u.glh, "tqt": u.tqt, "quadrant": u.quadrant,
             "purpose": u.purpose}
            for u in units
        ],
        "learning_outcomes": [
            {"id": lo.id, "unit_id": u.id, "unit": u.isp_ref, "number": lo.number, "text": lo.text, "kind": lo.kind}
            for u in units for lo in u.learning_outcomes
        ],
        "assessment_criteria": [
            {"id": ac.id, "learning_outcome_id": lo.id, "unit": u.isp_ref, "outcome": lo.number,
             "number": ac.number, "text": ac.text}
            for u in units for lo in u.learning_outcomes for ac in lo.assessment_criteria
        ],
        "findings": [
            {"id": f.id, "seq": n, "code": f.code, "severity": f.severity, "unit": f.unit, "field": f.field,
             "message": f.message}
            for n, f in enumerate(spec.findings, start=1)
        ],
    }


COLUMNS_WITHOUT_ROWS = {"changes": ("series", "old_version", "new_version", "seq", *CHANGE_COLUMNS)}


def write_database(path: Path, tables: Tables) -> None:
    """Write ``tables`` to a new SQLite file, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        with sqlite3.connect(temp) as db:
            for name, rows in tables.items():
                _create(db, name, rows)
        db.close()
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _create(db: sqlite3.Connection, name: str, rows: list[Row]) -> None:
    columns = list(rows[0]) if rows else list(COLUMNS_WITHOUT_ROWS.get(name, ("series", "version")))
    types = {c: _type([r.get(c) for r in rows]) for c in columns}
    key = PRIMARY_KEYS.get(name)
    definitions = [f'"{c}" {types[c]}' for c in columns]
    if key:
        definitions.append(f"PRIMARY KEY ({', '.join(key)})")
    db.execute(f'CREATE TABLE "{name}" ({", ".join(definitions)})')
    marks = ", ".join("?" * len(columns))
    db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', [tuple(r.get(c) for c in columns) for r in rows])


def _type(values: list[object]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int) for v in present):
        return "INTEGER"
    return "TEXT"
