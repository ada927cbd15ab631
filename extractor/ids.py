"""Stable identifiers: one post-pass giving every element an ``id`` and its parents' ids.

An identifier is a UUID (v5) in a fixed namespace of the element's natural key: the QAN of
a qualification; the UAN of a unit (else awarding body + unit reference); for a child,
its parent's id and its number (its position where nothing is numbered). A key printed
twice gets its occurrence ("#2", "#3"...), so the same document gives the same ids from
its text, Word and PDF forms.
"""

from __future__ import annotations

import uuid
from collections import Counter

from .model import ContentSection, Specification, Unit, UnitListing

NAMESPACE = uuid.UUID("6f1c2b4e-8d3a-5e7f-9a0b-1c2d3e4f5a6b")


class Derivation:
    """Identifiers derived from natural keys, repeats told apart by their occurrence."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def __call__(self, key: str) -> str:
        self.seen[key] += 1
        n = self.seen[key]
        return str(uuid.uuid5(NAMESPACE, key if n == 1 else f"{key}#{n}"))


def unit_key(row: Unit | UnitListing, awarding_body: str | None) -> str:
    """A unit's natural key: its UAN, else the awarding body and its unit reference."""
    uan = "".join(row.uan.split()).upper()
    return f"unit|uan|{uan}" if uan else f"unit|ref|{awarding_body or ''}|{row.isp_ref}"


def assign_ids(spec: Specification) -> None:
    """Give every element of ``spec`` its identifier and parent identifiers, in place."""
    derive = Derivation()
    doc = spec.document
    doc.id = derive(f"document|{doc.awarding_body or ''}|{doc.title}")
    for entry in doc.change_log:
        entry.id = derive(f"{doc.id}|change|{entry.version}")
    for unit in spec.units:
        assign_unit_ids(unit, derive(unit_key(unit, doc.awarding_body)), derive)
    for q in spec.qualifications:
        q.id = derive(f"qualification|{q.qan}")
        q.rules = [rule.model_copy() for rule in q.rules]  # one printed rule may serve two qualifications
        for rule in q.rules:
            rule.id, rule.qualification_id = derive(f"{q.id}|rule|{rule.kind}"), q.id
        _assign_listing_ids(spec, q.units, q.id, derive)
    _assign_listing_ids(spec, spec.units_overview, None, derive)
    for f in spec.findings:
        f.id = derive(f"finding|{f.code}|{f.unit or ''}|{f.field or ''}")


def assign_unit_ids(unit: Unit, unit_id: str, derive: Derivation) -> None:
    """The unit's id is ``unit_id``; its children's ids are derived under it."""
    unit.id = unit_id
    for link in unit.apprenticeship:
        for ksb in link.ksbs:
            ksb.id, ksb.unit_id = derive(f"{unit_id}|ksb|{link.standard}|{ksb.code}"), unit_id
    for lo in unit.learning_outcomes:
        lo.id, lo.unit_id = derive(f"{unit_id}|lo|{lo.number}"), unit_id
        for ac in lo.assessment_criteria:
            ac.id, ac.unit_id, ac.learning_outcome_id = derive(f"{lo.id}|ac|{ac.number}"), unit_id, lo.id
    outcome_ids: dict[int, str] = {}
    for lo in unit.learning_outcomes:
        outcome_ids.setdefault(lo.number, lo.id)
    for name, sections in (("content", unit.indicative_content), ("guidance", unit.assessor_guidance)):
        for section in sections:
            section.id, section.unit_id = derive(f"{unit_id}|{name}|{section.section}"), unit_id
            lo_number = section.learning_outcome
            section.learning_outcome_id = outcome_ids.get(lo_number) if lo_number is not None else None
            texts = section.items if isinstance(section, ContentSection) else section.paragraphs
            for position, item in enumerate(texts, 1):
                item.id = derive(f"{section.id}|{position}")


def _assign_listing_ids(
    spec: Specification, rows: list[UnitListing], qualification_id: str | None, derive: Derivation
) -> None:
    parent = qualification_id or f"{spec.document.id}|overview"
    for row in rows:
        row.id = derive(f"{parent}|listing|{unit_key(row, spec.document.awarding_body)}")
        row.qualification_id = qualification_id
        row.unit_id = listed_unit_id(spec, row)


def listed_unit_id(spec: Specification, row: UnitListing) -> str | None:
    """The id of the unit specification a listing row names (by UAN, else reference)."""
    for same in (lambda u: row.uan and u.uan == row.uan, lambda u: u.isp_ref == row.isp_ref):
        for unit in spec.units:
            if same(unit):
                return unit.id
    return None
