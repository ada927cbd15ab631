"""The history of each unit across the versions of a series: when it was added, changed or withdrawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..diff.compare import UNIT_KEYS
from ..diff.match import pair_records
from ..diff.report import UnitDiff
from ..diff.units import unit_diff
from ..model import Unit
from .versions import Series, Version, VersionPair

EventKind = Literal["added", "changed", "withdrawn"]


@dataclass
class UnitEvent:
    """What happened to a unit from ``pair.old`` to ``pair.new``."""

    kind: EventKind
    pair: VersionPair
    diff: UnitDiff | None = None


@dataclass
class UnitHistory:
    """One unit followed through the versions: its form in each, and what changed between them."""

    units: dict[str, Unit] = field(default_factory=dict)
    """The unit in each version it is in, by version slug."""
    events: list[UnitEvent] = field(default_factory=list)

    @property
    def withdrawn_in(self) -> Version | None:
        return next((e.pair.new for e in self.events if e.kind == "withdrawn"), None)


def unit_histories(series: Series) -> list[UnitHistory]:
    """Every unit of ``series``, followed from version to version as the diff pairs them."""
    first = series.versions[0]
    current = {i: UnitHistory(units={first.slug: u}) for i, u in enumerate(first.spec.units)}
    histories = list(current.values())
    for pair in series.pairs:
        old_units, new_units = pair.old.spec.units, pair.new.spec.units
        pairs, by = pair_records(old_units, new_units, UNIT_KEYS, lambda u: u.title)
        following: dict[int, UnitHistory] = {}
        for i, j in pairs:
            if j is None:
                current[i].events.append(UnitEvent("withdrawn", pair))  # type: ignore[index]
                continue
            if i is None:
                history = UnitHistory(events=[UnitEvent("added", pair)])
                histories.append(history)
            else:
                history = current[i]
                diff = unit_diff(old_units[i], new_units[j], by[i])  # type: ignore[arg-type]
                if diff is not None:
                    history.events.append(UnitEvent("changed", pair, diff))
            history.units[pair.new.slug] = new_units[j]
            following[j] = history
        current = following
    return histories


def history_of(histories: list[UnitHistory], version: Version, unit: Unit) -> UnitHistory:
    """The history that holds ``unit`` as it is in ``version``."""
    return next(h for h in histories if h.units.get(version.slug) is unit)
