"""Stable identifiers: one post-pass giving every element an ``id`` and its parents' ids.

An identifier is a UUID (v5) in a fixed namespace of the element's natural key: the QAN of
a qualification; the UAN of a unit (else awarding body + unit reference); for a child,
its parent's id and its number (its position where nothing is numbered). A key printed
twice gets its occurrence ("#2", "#3"...), so the same document gives the same ids from
its text, Word and PDF forms.

Given the previous version of the document, elements the diff's matcher pairs with an
element of it (unchanged, reworded, renumbered) keep that element's id; the others get
derived ids that the previous version did not use.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from pydantic import BaseModel

from .diff.compare import QUALIFICATION_KEYS, RULE_KEYS, UNIT_KEYS
from .diff.match import Pair, pair_records, pair_texts
from .model import (
    ContentSection,
    GuidanceSection,
    IdentifierHistory,
    PreviousVersion,
    Qualification,
    Specification,
    TextItem,
    Unit,
    UnitListing,
)

NAMESPACE = uuid.UUID("6f1c2b4e-8d3a-5e7f-9a0b-1c2d3e4f5a6b")

T = TypeVar("T")
Element = BaseModel


def derived_id(key: str) -> str:
    """The UUID (v5) of a natural key."""
    return str(uuid.uuid5(NAMESPACE, key))


class Identifiers:
    """Identifiers handed out in one pass: carried from the previous version, or derived."""

    def __init__(self, previous: Specification | None) -> None:
        self.seen: Counter[str] = Counter()
        self.previous = set(element_ids(previous)) if previous else set()
        self.carried: set[str] = set()
        self.new: set[str] = set()

    def derive(self, key: str) -> str:
        """The id of ``key``'s next occurrence, skipping any the previous version used."""
        while True:
            self.seen[key] += 1
            n = self.seen[key]
            ident = derived_id(key if n == 1 else f"{key}#{n}")
            if ident not in self.previous:
                return ident

    def assign(self, old: Element | None, key: str) -> str:
        """The id of ``old`` (the element's partner in the previous version), else one derived from ``key``."""
        ident = getattr(old, "id", "")
        if ident and ident not in self.carried:
            self.carried.add(ident)
            return ident
        ident = self.derive(key)
        self.new.add(ident)
        return ident


def element_ids(spec: Specification) -> Iterator[str]:
    """Every identifier of ``spec`` but those of its findings, in document order."""

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, BaseModel):
            if getattr(value, "id", ""):
                yield value.id  # type: ignore[attr-defined]
            for name in type(value).model_fields:
                yield from walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for part in (spec.document, spec.qualifications, spec.units_overview, spec.units):
        yield from walk(part)


def document_key(spec: Specification) -> str:
    """A document's natural key: its awarding body and title; an untitled one is known by its units instead."""
    doc = spec.document
    if doc.title.strip():
        return f"document|{doc.awarding_body or ''}|{doc.title}"
    rows: list[Unit | UnitListing] = [*spec.units, *spec.units_overview]
    units = sorted(unit_key(u, doc.awarding_body) for u in rows)
    return f"document|{doc.awarding_body or ''}|untitled|{'|'.join(units)}"


def unit_key(row: Unit | UnitListing, awarding_body: str | None) -> str:
    """A unit's natural key: its UAN, else the awarding body and its unit reference."""
    uan = "".join((row.uan or "").split()).upper()
    return f"unit|uan|{uan}" if uan else f"unit|ref|{awarding_body or ''}|{row.reference}"


def partners(
    old: Sequence[T] | None, new: Sequence[T], pair: Callable[[Sequence[T], Sequence[T]], list[Pair]]
) -> list[T | None]:
    """For each new element, its partner among ``old`` (``None`` when it has none)."""
    found: list[T | None] = [None] * len(new)
    if old:
        for i, j in pair(old, new):
            if i is not None and j is not None:
                found[j] = old[i]
    return found


def records(keys: list, title: Callable) -> Callable[[Sequence, Sequence], list[Pair]]:
    """Pairing by ``keys`` then by similar ``title`` (the diff's record matcher)."""
    return lambda old, new: pair_records(old, new, keys, title)[0]


def texts(numbered: Callable) -> Callable[[Sequence, Sequence], list[Pair]]:
    """Pairing by number and wording (the diff's text matcher) of ``numbered(element)``."""
    return lambda old, new: pair_texts([numbered(x) for x in old], [numbered(x) for x in new])


def assign_ids(spec: Specification, previous: Specification | None = None) -> None:
    """Give every element of ``spec`` its id and parent ids, in place, carrying ``previous``'s ids."""
    if previous is not None and not previous.document.id:
        assign_ids(previous)  # an extraction made before identifiers existed
    ids = Identifiers(previous)
    doc = spec.document
    doc.id = ids.assign(previous.document if previous else None, document_key(spec))
    old_log = previous.document.change_log if previous else None
    change = texts(lambda e: (e.version, f"{e.date_printed}: {e.summary}"))
    for entry, old_entry in zip(doc.change_log, partners(old_log, doc.change_log, change), strict=True):
        entry.id = ids.assign(old_entry, f"{doc.id}|change|{entry.version}")
    old_units = partners(previous.units if previous else None, spec.units, records(UNIT_KEYS, lambda u: u.title))
    for unit, old_unit in zip(spec.units, old_units, strict=True):
        unit.id = ids.assign(old_unit, unit_key(unit, doc.awarding_body))
        _assign_unit_children(unit, old_unit, ids)
    old_quals = previous.qualifications if previous else None
    by_qualification = records(QUALIFICATION_KEYS, lambda q: q.title)
    for q, old_q in zip(spec.qualifications, partners(old_quals, spec.qualifications, by_qualification), strict=True):
        q.id = ids.assign(old_q, f"qualification|{q.qan}")
        q.rules = [rule.model_copy() for rule in q.rules]  # one printed rule may serve two qualifications
        old_rules = partners(old_q.rules if old_q else None, q.rules, records(RULE_KEYS, lambda r: r.text))
        for rule, old_rule in zip(q.rules, old_rules, strict=True):
            rule.id, rule.qualification_id = ids.assign(old_rule, f"{q.id}|rule|{rule.kind}"), q.id
        _assign_rule_set_ids(q, old_q, ids)
        _assign_listing_ids(spec, q.units, old_q.units if old_q else None, q.id, ids)
    _assign_listing_ids(spec, spec.units_overview, previous.units_overview if previous else None, None, ids)
    findings = Identifiers(None)
    for f in spec.findings:
        f.id = findings.derive(f"finding|{f.code}|{f.unit or ''}|{f.field or ''}")
    if previous is not None:
        spec.identifiers = IdentifierHistory(
            previous=PreviousVersion(
                path=previous.source.path, sha256=previous.source.sha256, version=previous.document.version
            ),
            carried=sorted(ids.carried),
            new=sorted(ids.new),
            removed=sorted(ids.previous - ids.carried),
        )


RULE_SET_KEYS = [
    ("same", lambda r: r.model_dump_json(include={"kind", "text", "min", "max", "level"})
     + "|".join(g.name for g in r.groups)),
    ("kind", lambda r: f"{r.kind} {[g.name for g in r.groups]} {r.level}"),
]
"""Evaluable rules matched when identical, then by kind, groups and level (then by similar wording)."""


def assign_rule_set_ids(qualifications: list[Qualification]) -> None:
    """Derived ids of the evaluable rules and groups of these identified qualifications (rule
    sets added to an extraction made before they were part of it)."""
    ids = Identifiers(None)
    for q in qualifications:
        if q.id:
            _assign_rule_set_ids(q, None, ids)


def _assign_rule_set_ids(q: Qualification, old_q: Qualification | None, ids: Identifiers) -> None:
    """Ids of the qualification's evaluable rules and of their unit groups."""
    if q.rule_set is None:
        return
    rules = q.rule_set.rules
    old_rules = old_q.rule_set.rules if old_q and old_q.rule_set else None
    by_name = records([("name", lambda g: g.name)], lambda g: g.name)
    for rule, old_rule in zip(rules, partners(old_rules, rules, records(RULE_SET_KEYS, lambda r: r.text)), strict=True):
        rule.id, rule.qualification_id = ids.assign(old_rule, f"{q.id}|rule-set|{rule.kind}"), q.id
        old_groups = old_rule.groups if old_rule else None
        for group, old_group in zip(rule.groups, partners(old_groups, rule.groups, by_name), strict=True):
            group.id, group.rule_id = ids.assign(old_group, f"{rule.id}|group|{group.name}"), rule.id


def _assign_unit_children(unit: Unit, old: Unit | None, ids: Identifiers) -> None:
    """Ids of the unit's KSBs, outcomes, criteria, sections, items and paragraphs."""
    ksbs = [(link.standard, k) for link in unit.apprenticeship for k in link.ksbs]
    old_ksbs = [(link.standard, k) for link in old.apprenticeship for k in link.ksbs] if old else None
    by_code = records([("code", lambda s_k: f"{s_k[0]}|{s_k[1].code}")], lambda s_k: s_k[1].text)
    for (standard, ksb), old_ksb in zip(ksbs, partners(old_ksbs, ksbs, by_code), strict=True):
        ksb.id, ksb.unit_id = ids.assign(old_ksb and old_ksb[1], f"{unit.id}|ksb|{standard}|{ksb.code}"), unit.id
    los = unit.learning_outcomes
    old_los = partners(old.learning_outcomes if old else None, los, texts(lambda lo: (str(lo.number), lo.text)))
    for lo, old_lo in zip(los, old_los, strict=True):
        lo.id, lo.unit_id = ids.assign(old_lo, f"{unit.id}|lo|{lo.number}"), unit.id
    acs = [(lo, ac) for lo in los for ac in lo.assessment_criteria]
    old_acs = [(lo, ac) for lo in old.learning_outcomes for ac in lo.assessment_criteria] if old else None
    for (lo, ac), old_ac in zip(acs, partners(old_acs, acs, texts(lambda x: (x[1].number, x[1].text))), strict=True):
        ac.id = ids.assign(old_ac and old_ac[1], f"{lo.id}|ac|{ac.number}")
        ac.unit_id, ac.learning_outcome_id = unit.id, lo.id
    outcome_ids: dict[int, str] = {}
    for lo in los:
        outcome_ids.setdefault(lo.number, lo.id)
    for name, sections, old_sections in (
        ("content", unit.indicative_content, old.indicative_content if old else None),
        ("guidance", unit.assessor_guidance, old.assessor_guidance if old else None),
    ):
        _assign_section_ids(unit, name, sections, old_sections, outcome_ids, ids)


def _assign_section_ids(
    unit: Unit,
    name: str,
    sections: Sequence[ContentSection | GuidanceSection],
    old_sections: Sequence[ContentSection | GuidanceSection] | None,
    outcome_ids: dict[int, str],
    ids: Identifiers,
) -> None:
    by_number = records([("section", lambda s: s.section)], lambda s: s.section)
    for section, old_section in zip(sections, partners(old_sections, sections, by_number), strict=True):
        section.id, section.unit_id = ids.assign(old_section, f"{unit.id}|{name}|{section.section}"), unit.id
        lo = section.learning_outcome
        section.learning_outcome_id = outcome_ids.get(lo) if lo is not None else None
    items = _numbered_texts(sections)
    old_items = _numbered_texts(old_sections) if old_sections is not None else None
    by_wording = texts(
        lambda x: (x[0].section if x[0].learning_outcome is None else str(x[0].learning_outcome), x[2].text)
    )
    for (section, position, item), old_item in zip(items, partners(old_items, items, by_wording), strict=True):
        item.id = ids.assign(old_item and old_item[2], f"{section.id}|{position}")


def _numbered_texts(
    sections: Sequence[ContentSection | GuidanceSection],
) -> list[tuple[ContentSection | GuidanceSection, int, TextItem]]:
    """(section, position, item) of every item or paragraph of ``sections``."""
    return [
        (s, position, item)
        for s in sections
        for position, item in enumerate(s.items if isinstance(s, ContentSection) else s.paragraphs, 1)
    ]


def _assign_listing_ids(
    spec: Specification,
    rows: list[UnitListing],
    old_rows: list[UnitListing] | None,
    qualification_id: str | None,
    ids: Identifiers,
) -> None:
    parent = qualification_id or f"{spec.document.id}|overview"
    for row, old_row in zip(rows, partners(old_rows, rows, records(UNIT_KEYS, lambda u: u.title)), strict=True):
        row.id = ids.assign(old_row, f"{parent}|listing|{unit_key(row, spec.document.awarding_body)}")
        row.qualification_id = qualification_id
        row.unit_id = listed_unit_id(spec, row)


def listed_unit_id(spec: Specification, row: UnitListing) -> str | None:
    """The id of the unit specification a listing row names (by UAN, else reference)."""
    for same in (lambda u: row.uan and u.uan == row.uan, lambda u: u.reference == row.reference):
        for unit in spec.units:
            if same(unit):
                return unit.id
    return None
