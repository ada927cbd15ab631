"""The rules model: each qualification's rules of combination as data, built from the
structured constraints the interpreter read, the award structures and the units' quadrants."""

from __future__ import annotations

from ..model import Constraint, Quadrant, Qualification, Rule, RuleSet, Specification, UnitGroup
from .facts import UnitCatalogue

SHARE_ASSUMPTION = (
    "the sentence does not say a share of what: read as a share of credits (the usual RQF/QCF reading)"
)


def attach_rule_sets(spec: Specification) -> list[Qualification]:
    """Build the rule set of each qualification that has none into the document, in place
    (once, after interpretation; or reading an extraction made before rule sets were in it).
    The qualifications given one."""
    catalogue = UnitCatalogue(spec)
    built = [q for q in spec.qualifications if q.rule_set is None]
    for q in built:
        q.rule_set = rule_set(q, catalogue)
    return built


def rule_sets(spec: Specification, catalogue: UnitCatalogue | None = None) -> list[RuleSet]:
    """One rule set per qualification, in document order: the document's own, else (an
    extraction made before rule sets were part of it) built from its constraints."""
    catalogue = catalogue or UnitCatalogue(spec)
    return [q.rule_set or rule_set(q, catalogue) for q in spec.qualifications]


def rule_set(q: Qualification, catalogue: UnitCatalogue) -> RuleSet:
    """A rule per structured constraint (those without a number read are left out and listed)."""
    rules = [_rule(c, catalogue) for c in q.rules if c.min is not None or c.max is not None]
    if q.units:
        rules.insert(0, _award_structure(q))
    unread = [c.text.strip() for c in q.rules if c.min is None and c.max is None]
    return RuleSet(qan=q.qan, title=q.title, kind=q.kind, rules=rules, not_evaluated=unread)


def _award_structure(q: Qualification) -> Rule:
    """An award structure: every unit of its table."""
    name = q.structure_title or q.title
    references = [u.reference for u in q.units]
    return Rule(
        kind="all_units",
        text=name,
        min=len(references),
        groups=[UnitGroup(name=name, units=references)],
        provenance=[place for u in q.units for place in u.provenance],
    )


def _quadrant(name: Quadrant, catalogue: UnitCatalogue) -> UnitGroup:
    members = [
        ref for ref, unit in catalogue.units.items() if any(p.value == name for p in unit.values["quadrant"])
    ]
    return UnitGroup(name=name.upper(), quadrant=name, units=members)


def _rule(c: Constraint, catalogue: UnitCatalogue) -> Rule:
    groups = [_quadrant(name, catalogue) for name in c.quadrants]
    common = {"text": c.text, "provenance": c.provenance}
    if c.kind == "credits":
        return Rule(kind="credits", min=c.min, max=c.max, **common)
    if c.kind in ("min_units_in_quadrant", "min_units_in_any_quadrant"):
        return Rule(kind="min_units", min=c.min, groups=groups, **common)
    if c.kind == "min_credits_in_quadrant":
        return Rule(kind="min_credits", min=c.min, groups=groups, **common)
    return Rule(kind="min_share_at_level", min=c.min, level=c.level, assumption=SHARE_ASSUMPTION, **common)
