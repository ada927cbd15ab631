"""What the document says about each unit that the rules count: credit value, level and
quadrant, with every distinct printed value where tables disagree, and the identifiers a
learner may use for it (reference or any printed UAN)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product

from ..errors import InputError
from ..model import Finding, Specification, Unit, UnitListing

RULE_FIELDS = ("credits", "level", "quadrant")
MAX_SCENARIOS = 256


class TooManyScenarios(InputError):
    """More combinations of contradicted values than can be weighed one by one."""


@dataclass
class Printed:
    """One value of a field and the tables that print it."""

    value: int | str
    sources: list[str] = field(default_factory=list)


@dataclass
class UnitFacts:
    reference: str
    uans: list[str]
    values: dict[str, list[Printed]]

    def contradicted(self) -> list[str]:
        """The rule fields printed with more than one value."""
        return [name for name in RULE_FIELDS if len(self.values[name]) > 1]


@dataclass(frozen=True)
class Choice:
    """One printed value taken for a contradicted field of a unit."""

    reference: str
    field: str
    value: int | str
    sources: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.reference} {self.field} {self.value} ({', '.join(self.sources)})"


Scenario = tuple[Choice, ...]


class UnitCatalogue:
    """Every unit the document names, looked up by reference or UAN."""

    def __init__(self, spec: Specification) -> None:
        self.units: dict[str, UnitFacts] = {}
        self.findings = spec.findings
        for unit in spec.units:
            self._sighting(unit, "unit specification")
        for row in spec.units_overview:
            self._sighting(row, "units overview")
        for q in spec.qualifications:
            for row in q.units:
                self._sighting(row, f"award structure '{q.structure_title or q.title}'")

    def _sighting(self, printed: Unit | UnitListing, source: str) -> None:
        """A unit's values as one table prints them (the sources named as in the findings)."""
        unit = self.units.setdefault(
            printed.reference, UnitFacts(printed.reference, [], {n: [] for n in RULE_FIELDS})
        )
        if printed.uan and printed.uan not in unit.uans:
            unit.uans.append(printed.uan)
        for name in RULE_FIELDS:
            _add(unit.values[name], getattr(printed, name), source)

    def resolve(self, wanted: list[str]) -> list[str]:
        """References of the units named by reference or UAN, in document order, once each."""
        by_name: dict[str, set[str]] = {}
        for unit in self.units.values():
            for name in [unit.reference, *unit.uans]:
                by_name.setdefault(name.upper(), set()).add(unit.reference)
        chosen: set[str] = set()
        for name in wanted:
            found = by_name.get(name.strip().upper())
            if not found:
                raise InputError(f"unknown unit '{name.strip()}': no unit has this reference or UAN")
            if len(found) > 1:
                raise InputError(f"unit '{name.strip()}' is ambiguous: it is printed for {', '.join(sorted(found))}")
            chosen |= found
        return [ref for ref in self.units if ref in chosen]

    def scenarios(self, references: list[str]) -> list[Scenario]:
        """Every combination of the printed values of the contradicted fields of these units."""
        options = [
            [Choice(ref, name, p.value, tuple(p.sources)) for p in self.units[ref].values[name]]
            for ref in references
            for name in self.units[ref].contradicted()
        ]
        count = 1
        for choices in options:
            count *= len(choices)
        if count > MAX_SCENARIOS:
            raise TooManyScenarios(
                f"too many contradicted unit values to weigh ({count} combinations, at most {MAX_SCENARIOS})"
            )
        return [tuple(combo) for combo in product(*options)]

    def value(self, reference: str, name: str, scenario: Scenario) -> int | str | None:
        """The value of a field under a scenario; None when the document prints none."""
        for choice in scenario:
            if choice.reference == reference and choice.field == name:
                return choice.value
        printed = self.units[reference].values[name]
        return printed[0].value if printed else None

    def lookup(self, scenario: Scenario) -> Callable[[str, str], int | str | None]:
        """Field values under one scenario, as ``lookup(reference, field)``."""

        def value(reference: str, name: str) -> int | str | None:
            return self.value(reference, name, scenario)

        return value

    def finding_for(self, choice: Choice) -> Finding | None:
        """The document's finding about the contradiction a choice settles."""
        for f in self.findings:
            if f.unit == choice.reference and f.field == choice.field and f.code == "cross-table-mismatch":
                return f
        return None


def _add(printed: list[Printed], value: int | str | None, source: str) -> None:
    if value is None:
        return
    for p in printed:
        if p.value == value:
            if source not in p.sources:
                p.sources.append(source)
            return
    printed.append(Printed(value, [source]))
