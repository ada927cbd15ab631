"""Checks: findings about a specification that has been read."""

from __future__ import annotations

from ..model import Finding, Specification


def run_checks(spec: Specification) -> list[Finding]:
    """Every check's findings."""
    return []
