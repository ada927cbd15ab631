"""Damage and truncation: rows printed without cell separators, and documents cut short.

A table row whose cell separators were lost: ``row-mended`` (a warning) when it was read by its
column positions (the cells it was read as are the finding's values), ``row-unreadable`` (an
error) when it could not be split (its values are missing). ``source-truncated``: units listed in the
overview after the last one specified never appear, or the last unit specification lacks
parts that every other unit has: the document ends early.
"""

from __future__ import annotations

from ..findings import finding, value
from ..model import Finding, Specification, Unit
from ..readers.damage import Damage

MIN_PEERS = 2
"""Unit specifications needed, besides the last, before the document's pattern says it was cut."""


def damage_findings(damage: list[Damage]) -> list[Finding]:
    """One ``row-mended`` or ``row-unreadable`` finding per damaged row."""
    return [_damaged_row(d) for d in damage]


def _damaged_row(damage: Damage) -> Finding:
    line = damage.location.line
    if damage.mended:
        return finding(
            "row-mended",
            "warning",
            f"Line {line}: a table row printed without tab separators was read by its column positions "
            f"as {len(damage.cells)} cells; check them against the printed line.",
            values=[value(cell, f"cell {i + 1}", [damage.location]) for i, cell in enumerate(damage.cells)],
        )
    return finding(
        "row-unreadable",
        "error",
        f"Line {line}: a table row printed without tab separators could not be split into its "
        f"{damage.expected_cells} cells; its values are missing from the output.",
        values=[value(damage.printed.strip(), "printed line", [damage.location])],
    )


def truncation_findings(spec: Specification) -> list[Finding]:
    """``source-truncated`` findings: overview units after the last one specified, an unfinished last unit."""
    return _never_specified(spec) + _unfinished_last_unit(spec)


def _never_specified(spec: Specification) -> list[Finding]:
    specified = {u.reference for u in spec.units}
    order = [row.reference for row in spec.units_overview]
    last = max((i for i, ref in enumerate(order) if ref in specified), default=-1)
    tail = [row for row in spec.units_overview[last + 1:] if row.reference not in specified]
    if len(spec.units) <= MIN_PEERS or not tail:
        return []
    return [
        finding(
            "source-truncated",
            "error",
            f"The units overview lists {len(tail)} unit(s) after {order[last]} that never appear "
            f"({', '.join(row.reference for row in tail)}): the document seems to end early.",
            values=[value(row.reference, "units overview", row.provenance) for row in tail],
        )
    ]


def _parts(unit: Unit) -> dict[str, bool]:
    """The parts a complete unit specification has, each present or not."""
    outcomes = unit.learning_outcomes
    return {
        "learning outcomes": bool(outcomes),
        "assessment criteria for each learning outcome": bool(outcomes) and all(lo.assessment_criteria for lo in outcomes),
        "indicative content": bool(unit.indicative_content),
        "assessor guidance": bool(unit.assessor_guidance),
        "purpose": bool(unit.purpose),
        "sector": unit.sector is not None,
    }


def _unfinished_last_unit(spec: Specification) -> list[Finding]:
    if len(spec.units) <= MIN_PEERS:
        return []
    *peers, last = spec.units
    common = {name for name in _parts(last) if all(_parts(peer)[name] for peer in peers)}
    missing = [name for name, present in _parts(last).items() if name in common and not present]
    if not missing:
        return []
    return [
        finding(
            "source-truncated",
            "error",
            f"The document seems to end inside unit {last.reference}'s specification: it lacks "
            f"{', '.join(missing)}, which all {len(peers)} other units have.",
            unit=last.reference,
            values=[value(last.reference, "last unit specification", last.provenance)],
        )
    ]
