"""Checks: findings about a specification that has been read.

Each module checks one class of problem and returns findings with their evidence; the
interpreter adds the findings it meets while reading (normalised references, duplicated
blocks, sections that cannot be linked to outcomes).
"""

from __future__ import annotations

from ..model import Finding, Specification
from . import arithmetic, consistency, cross_unit, identifiers, numbering, rules, structure

CHECKS = (identifiers, consistency, arithmetic, numbering, structure, cross_unit, rules)


def run_checks(spec: Specification) -> list[Finding]:
    """Every check's findings."""
    return [f for module in CHECKS for f in module.check(spec)]
