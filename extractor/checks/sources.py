"""Every place a unit's values are printed: its specification, the overview, award tables."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Location, Specification


@dataclass(frozen=True)
class Sighting:
    """A unit's values as printed in one table."""

    reference: str
    source: str
    values: dict
    locations: dict[str, list[Location]]


LISTING_FIELDS = ("title", "uan", "level", "glh", "tqt", "credits")


def sightings(spec: Specification) -> list[Sighting]:
    """Unit specifications first, then the units overview, then each award structure."""
    found = []
    for unit in spec.units:
        values = {
            "title": unit.title,
            "uan": unit.uan,
            "level": unit.level,
            "glh": unit.glh,
            "credits": unit.credits,
        }
        places = {name: unit.field_provenance.get(name, unit.provenance) for name in values}
        found.append(Sighting(unit.reference, "unit specification", values, places))
    for row in spec.units_overview:
        values = {name: getattr(row, name) for name in LISTING_FIELDS}
        found.append(Sighting(row.reference, "units overview", values, {n: row.provenance for n in values}))
    for qualification in spec.qualifications:
        for row in qualification.units:
            values = {name: getattr(row, name) for name in LISTING_FIELDS}
            source = f"award structure '{qualification.structure_title or qualification.title}'"
            found.append(Sighting(row.reference, source, values, {n: row.provenance for n in values}))
    return found
