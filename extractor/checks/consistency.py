"""Cross-table consistency: a unit's title, UAN, level, GLH, TQT and credits wherever printed."""

from __future__ import annotations

from ..findings import finding, value
from ..model import Finding, Specification
from ..textutil import fold
from .sources import LISTING_FIELDS, sightings

NAMES = {"title": "title", "uan": "UAN", "level": "level", "glh": "GLH", "tqt": "TQT", "credits": "credit value"}


def check(spec: Specification) -> list[Finding]:
    by_unit: dict[str, list] = {}
    for s in sightings(spec):
        by_unit.setdefault(s.reference, []).append(s)
    found = []
    for ref, seen in by_unit.items():
        for name in LISTING_FIELDS:
            printed = [(s, s.values[name]) for s in seen if s.values.get(name) is not None]
            distinct = {fold(str(v)).lower() for _, v in printed}
            if len(distinct) < 2:
                continue
            found.append(
                finding(
                    "cross-table-mismatch",
                    "error",
                    f"Unit {ref} has {len(distinct)} different {NAMES[name]}s in different tables: "
                    + ", ".join(f"{v} ({s.source})" for s, v in printed)
                    + ".",
                    unit=ref,
                    field=name,
                    values=[value(v, s.source, s.locations[name]) for s, v in printed],
                )
            )
    return found
