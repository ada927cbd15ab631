"""What one rule counts over a set of units, and how far the set is from meeting it."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Rule

Lookup = Callable[[str, str], "int | str | None"]


def members(rule: Rule, reference: str, lookup: Lookup) -> bool:
    """Whether a unit counts towards the rule (every unit counts when it names no group)."""
    if not rule.groups:
        return True
    quadrant = lookup(reference, "quadrant")
    return any(reference in g.units if g.quadrant is None else quadrant == g.quadrant for g in rule.groups)


def high(rule: Rule, reference: str, lookup: Lookup) -> bool:
    level = lookup(reference, "level")
    return isinstance(level, int) and rule.level is not None and level >= rule.level


def credits(reference: str, lookup: Lookup) -> int:
    value = lookup(reference, "credits")
    return value if isinstance(value, int) else 0


def share_percent(rule: Rule) -> int:
    """The share as a whole percentage (0.5 -> 50)."""
    return round(float(rule.min or 0) * 100)


@dataclass
class Measure:
    """A rule measured on a set of units: met or not, the numbers, and what is missing."""

    met: bool
    detail: str
    missing: str | None


def _more_credits(count: int) -> str:
    return f"{count} more credit{'s' * (count != 1)}"


def _listed(references: list[str]) -> str:
    return f" ({', '.join(references)})" if references else ""


def required(rule: Rule) -> str:
    if rule.min is not None and rule.max is not None:
        return f"{rule.min} to {rule.max}"
    return f"at least {rule.min}" if rule.max is None else f"at most {rule.max}"


def measure(rule: Rule, references: list[str], lookup: Lookup) -> Measure:
    counted = [r for r in references if members(rule, r, lookup)]
    group = " or ".join(g.name for g in rule.groups)
    if rule.kind == "all_units":
        wanted = rule.groups[0].units
        absent = [r for r in wanted if r not in references]
        detail = f"{len(wanted) - len(absent)} of its {len(wanted)} units held{_listed(counted)}"
        return Measure(not absent, detail, f"unit{'s' * (len(absent) > 1)} {', '.join(absent)}" if absent else None)
    if rule.kind == "min_units":
        need = int(rule.min or 0) - len(counted)
        detail = f"{len(counted)} {group} unit{'s' * (len(counted) != 1)}{_listed(counted)}; {required(rule)} required"
        return Measure(need <= 0, detail, f"{need} more {group} unit{'s' * (need > 1)}" if need > 0 else None)
    total = sum(credits(r, lookup) for r in counted)
    if rule.kind == "min_credits":
        need = int(rule.min or 0) - total
        detail = f"{total} credits from {group} units{_listed(counted)}; {required(rule)} required"
        return Measure(need <= 0, detail, f"{_more_credits(need)} from {group} units" if need > 0 else None)
    if rule.kind == "credits":
        detail = f"{total} credits{_listed(counted)}; {required(rule)} required"
        if rule.min is not None and total < rule.min:
            return Measure(False, detail, _more_credits(int(rule.min) - total))
        if rule.max is not None and total > rule.max:
            return Measure(False, detail, f"{total - int(rule.max)} credits fewer (the maximum is {rule.max})")
        return Measure(True, detail, None)
    return _share(rule, references, lookup, total)


def _share(rule: Rule, references: list[str], lookup: Lookup, total: int) -> Measure:
    """Credits at the level or above against the share of all credits."""
    at_level = sum(credits(r, lookup) for r in references if high(rule, r, lookup))
    percent = share_percent(rule)
    met = at_level * 100 >= percent * total
    shown = f"{at_level * 100 / total:.0f}%" if total else "no credits"
    detail = (f"{at_level} of {total} credits at level {rule.level} or above ({shown}); "
              f"at least {percent}% required")
    missing = None
    if not met:
        if percent >= 100:
            missing = f"leave out the units below level {rule.level}"
        else:
            need = math.ceil((percent * total - 100 * at_level) / (100 - percent))
            missing = f"{_more_credits(need)} at level {rule.level} or above"
    return Measure(met, detail, missing)
