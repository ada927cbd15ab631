"""Building findings with their evidence."""

from __future__ import annotations

from collections.abc import Iterable

from .finding_codes import CODES
from .model import Finding, FindingValue, Location, Severity


def locs(places: Iterable[Location]) -> list[Location]:
    """Distinct model Locations in first-seen order."""
    seen: list[Location] = []
    for place in places:
        if place not in seen:
            seen.append(place)
    return seen


def value(printed, source: str, places: Iterable[Location] = ()) -> FindingValue:
    """One piece of evidence: a printed value and where it was printed."""
    return FindingValue(value=printed, source=source, locations=locs(places))


def finding(
    code: str,
    severity: Severity,
    message: str,
    *,
    unit: str | None = None,
    field: str | None = None,
    values: Iterable[FindingValue] = (),
    locations: Iterable[Location] = (),
) -> Finding:
    """A finding with its evidence; the code must be in the catalogue, with the catalogue's severity."""
    entry = CODES.get(code)
    if entry is None or entry.severity != severity:
        raise ValueError(f"finding code {code!r} ({severity}) is not in extractor/finding_codes.py as such")
    values = list(values)
    places = list(locations) or [place for v in values for place in v.locations]
    return Finding(
        code=code,
        severity=severity,
        message=message,
        unit=unit,
        field=field,
        values=values,
        locations=locs(places),
    )
