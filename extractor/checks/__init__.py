"""Checks: findings about a specification that has been read.

Each module checks one class of problem and returns findings with their evidence; the
interpreter adds the findings it meets while reading (normalised references, duplicated
blocks, sections that cannot be linked to outcomes). Checks are tagged by profile: the
``generic`` ones are rules every unit specification obeys (identifier formats and check
characters, credits = TQT / 10, GLH <= TQT, totals, numbering, duplicates, cross-table
agreement); ``isp`` adds the conventions of ISP's specifications (its reference pattern and
quadrants, required sector, purpose, content and guidance, outcome verbs, KSB links).
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Finding, Specification
from . import arithmetic, consistency, cross_unit, identifiers, numbering, rules, structure

Check = Callable[[Specification], list[Finding]]
GENERIC: tuple[Check, ...] = (
    identifiers.check, consistency.check, arithmetic.check, numbering.check, structure.check, cross_unit.check,
    rules.check,
)
ISP: tuple[Check, ...] = (identifiers.check_isp, structure.check_isp, cross_unit.check_isp)
PROFILES: dict[str, tuple[Check, ...]] = {"generic": GENERIC, "isp": GENERIC + ISP}


def run_checks(spec: Specification) -> list[Finding]:
    """The findings of every check of the document's profile."""
    return [f for check in PROFILES[spec.profile] for f in check(spec)]
