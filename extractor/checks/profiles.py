"""The checks of each profile, and running them: ``generic`` everywhere, ``isp`` adds ISP's conventions."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Finding, Profile, Specification
from . import arithmetic, consistency, cross_unit, identifiers, numbering, rules, structure

Check = Callable[[Specification], list[Finding]]
GENERIC: tuple[Check, ...] = (
    identifiers.check, consistency.check, arithmetic.check, numbering.check, structure.check, cross_unit.check,
    rules.check,
)
ISP: tuple[Check, ...] = (identifiers.check_isp, structure.check_isp, cross_unit.check_isp)
PROFILES: dict[Profile, tuple[Check, ...]] = {"generic": GENERIC, "isp": GENERIC + ISP}


def run_checks(spec: Specification) -> list[Finding]:
    """The findings of every check of the document's profile."""
    return [f for check in PROFILES[spec.profile] for f in check(spec)]
