"""The exact search: the cheapest set of units meeting every rule, by branch and bound.

Each rule becomes linear constraints ``sum(a[u] * x[u]) >= b`` over 0/1 choices ``x`` (one
set per scenario of contradicted values; a set must meet them all). Units alike in every
coefficient and cost are one class, taken in document order, so symmetric sets are searched
once. The cost of a set is (credits added, units added): held units are free.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import InputError
from ..model import Rule
from .counting import Lookup, credits, high, members, share_percent

Linear = tuple[dict[str, int], int]
MAX_STEPS = 2_000_000


class SearchTooLarge(InputError):
    """The search would take more steps than a run is allowed."""


def constraints(rules: list[Rule], pool: list[str], lookup: Lookup) -> list[Linear]:
    """The rules under one scenario as ``(coefficients, bound)`` pairs."""
    found: list[Linear] = []
    for rule in rules:
        counted = [r for r in pool if members(rule, r, lookup)]
        if rule.kind in ("all_units", "min_units"):
            found.append(({r: 1 for r in counted}, int(rule.min or 0)))
        elif rule.kind == "min_credits":
            found.append(({r: credits(r, lookup) for r in counted}, int(rule.min or 0)))
        elif rule.kind == "credits":
            if rule.min is not None:
                found.append(({r: credits(r, lookup) for r in pool}, int(rule.min)))
            if rule.max is not None:
                found.append(({r: -credits(r, lookup) for r in pool}, -int(rule.max)))
        else:
            percent = share_percent(rule)
            found.append(
                ({r: credits(r, lookup) * (100 * high(rule, r, lookup) - percent) for r in pool}, 0)
            )
    return found


@dataclass
class UnitClass:
    """Interchangeable units: same cost and same coefficient in every constraint."""

    units: list[str]
    added: bool
    cost: int
    coefficients: tuple[int, ...]


@dataclass
class Best:
    chosen: list[str] | None = None
    cost: tuple[float, float] = (math.inf, math.inf)


def cheapest(
    rules: list[Rule], pool: list[str], held: set[str], scenarios: list[Lookup], cost: dict[str, int]
) -> tuple[list[str], tuple[int, int]] | None:
    """The cheapest subset of ``pool`` meeting every rule in every scenario, with its cost
    (credits added, units added); None when no subset does."""
    linear = [c for lookup in scenarios for c in constraints(rules, pool, lookup)]
    bounds = [b for _, b in linear]
    classes = _classes(pool, held, cost, linear)
    search = _Search(classes, bounds)
    search.run(0, [0] * len(bounds), (0, 0), [])
    if search.best.chosen is None:
        return None
    order = {ref: i for i, ref in enumerate(pool)}
    credits_added, units_added = search.best.cost
    return sorted(search.best.chosen, key=order.__getitem__), (int(credits_added), int(units_added))


def _classes(pool: list[str], held: set[str], cost: dict[str, int], linear: list[Linear]) -> list[UnitClass]:
    by_key: dict[tuple, UnitClass] = {}
    for ref in pool:
        unit_cost = 0 if ref in held else cost[ref]
        coefficients = tuple(a.get(ref, 0) for a, _ in linear)
        key = (ref not in held, unit_cost, coefficients)
        by_key.setdefault(key, UnitClass([], ref not in held, unit_cost, coefficients)).units.append(ref)
    return [by_key[key] for key in sorted(by_key, key=lambda k: (k[0], -k[1], by_key[k].units[0]))]


class _Search:
    def __init__(self, classes: list[UnitClass], bounds: list[int]) -> None:
        self.classes = classes
        self.bounds = bounds
        self.best = Best()
        self.steps = 0
        width = len(bounds)
        # reach[i][j]: the most constraint j can still gain from classes i onwards.
        self.reach = [[0] * width for _ in range(len(classes) + 1)]
        self.free = [[0] * width for _ in range(len(classes) + 1)]
        for i in range(len(classes) - 1, -1, -1):
            c = classes[i]
            for j in range(width):
                gain = max(0, c.coefficients[j]) * len(c.units)
                self.reach[i][j] = self.reach[i + 1][j] + gain
                self.free[i][j] = self.free[i + 1][j] + gain * (not c.added)
        # Per constraint: classes by price per gain, and added units by gain, best first.
        self.by_price = [
            sorted((c.cost / c.coefficients[j], i, c.coefficients[j] * len(c.units))
                   for i, c in enumerate(classes) if c.coefficients[j] > 0)
            for j in range(width)
        ]
        self.by_gain = [
            sorted(((c.coefficients[j], i) for i, c in enumerate(classes) if c.added and c.coefficients[j] > 0
                    for _ in c.units), reverse=True)
            for j in range(width)
        ]
        self.drawn = [{i for i, c in enumerate(classes) if c.coefficients[j] > 0} for j in range(width)]

    def run(self, index: int, sums: list[int], spent: tuple[int, int], chosen: list[str]) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise SearchTooLarge(f"the rules are too open to search exactly (over {MAX_STEPS} steps)")
        reach = self.reach[index]
        if any(s + r < b for s, r, b in zip(sums, reach, self.bounds, strict=True)):
            return
        more_credits, more_units = self._lower_bound(index, sums)
        if (spent[0] + more_credits, spent[1] + more_units) >= self.best.cost:
            return
        if all(s >= b for s, b in zip(sums, self.bounds, strict=True)):
            self.best = Best(list(chosen), spent)
            return
        if index == len(self.classes):
            return
        c = self.classes[index]
        # Free units that cannot break a rule are best all taken: try that first.
        counts = range(len(c.units) + 1)
        for count in reversed(counts) if not c.added and min(c.coefficients, default=0) >= 0 else counts:
            self.run(
                index + 1,
                [s + a * count for s, a in zip(sums, c.coefficients, strict=True)],
                (spent[0] + c.cost * count, spent[1] + count * c.added),
                chosen + c.units[:count],
            )

    def _lower_bound(self, index: int, sums: list[int]) -> tuple[int, int]:
        """Credits and units still to add at least. Per unmet constraint: its shortfall covered
        by the cheapest gain per credit (fractions allowed) and by the fewest added units
        (largest gains first) among the classes left; constraints drawing on disjoint classes
        add up (held units are free)."""
        needs = []
        for j, (s, b) in enumerate(zip(sums, self.bounds, strict=True)):
            short = b - s
            if short <= 0:
                continue
            spend = 0.0
            left = short
            for price, i, available in self.by_price[j]:
                if i < index:
                    continue
                take = min(left, available)
                spend += price * take
                left -= take
                if left <= 0:
                    break
            units = 0
            left = short - self.free[index][j]
            for gain, i in self.by_gain[j]:
                if left <= 0:
                    break
                if i >= index:
                    left -= gain
                    units += 1
            drawn = {i for i in self.drawn[j] if i >= index}
            needs.append((math.ceil(spend - 1e-9), units, drawn))
        return (_disjoint_sum([(spend, drawn) for spend, _, drawn in needs]),
                _disjoint_sum([(units, drawn) for _, units, drawn in needs]))


def _disjoint_sum(needs: list[tuple[int, set[int]]]) -> int:
    """The largest needs of constraints over pairwise disjoint classes, added up."""
    total = 0
    used: set[int] = set()
    for need, drawn in sorted(needs, key=lambda n: -n[0]):
        if not drawn & used:
            total += need
            used |= drawn
    return total
