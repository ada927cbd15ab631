"""Structure: units missing from a table, empty required fields, and fields whose content is
not what the field is (a sector that is not a sector code and label)."""

from __future__ import annotations

from collections import Counter

from ..findings import finding, value
from ..model import Finding, Specification
from ..textutil import fold

REQUIRED = ("title",)
REQUIRED_BLOCKS = ("learning_outcomes",)
ISP_REQUIRED = ("uan", "title", "level", "credits", "glh", "purpose", "sector")
ISP_REQUIRED_BLOCKS = ("learning_outcomes", "indicative_content", "assessor_guidance")


def check(spec: Specification) -> list[Finding]:
    return _membership(spec) + _required(spec, REQUIRED, REQUIRED_BLOCKS) + _sectors(spec)


def check_isp(spec: Specification) -> list[Finding]:
    """ISP conventions: every unit prints its UAN, facts, purpose, sector, content and guidance;
    outcomes start with 'Understand' or 'Be able to'."""
    extra = tuple(n for n in ISP_REQUIRED if n not in REQUIRED)
    blocks = tuple(n for n in ISP_REQUIRED_BLOCKS if n not in REQUIRED_BLOCKS)
    return _required(spec, extra, blocks) + _outcome_kinds(spec)


def _outcome_kinds(spec: Specification) -> list[Finding]:
    return [
        finding(
            "outcome-kind-unknown",
            "warning",
            f"Unit {unit.reference_printed}: learning outcome {lo.number} starts neither with "
            "'Understand' nor with 'Be able to'.",
            unit=unit.reference_printed,
            field="learning_outcomes",
            values=[value(lo.text, "learning outcomes table", lo.provenance[:1])],
        )
        for unit in spec.units
        for lo in unit.learning_outcomes
        if lo.kind is None
    ]


def _membership(spec: Specification) -> list[Finding]:
    if not spec.units:
        return []  # a qualification structure only: listings without unit specifications
    specified = {u.reference for u in spec.units}
    overview = {row.reference: row for row in spec.units_overview}
    found = [
        finding(
            "unit-not-in-overview",
            "error",
            f"Unit {u.reference} has a unit specification but is not in the units overview.",
            unit=u.reference,
            values=[value(u.reference, "unit specification", u.provenance)],
        )
        for u in spec.units
        if overview and u.reference not in overview
    ]
    listed = [(ref, row.provenance, "units overview") for ref, row in overview.items()]
    listed += [
        (row.reference, row.provenance, f"award structure '{q.structure_title}'")
        for q in spec.qualifications
        for row in q.units
    ]
    found += [
        finding(
            "unit-without-specification",
            "error",
            f"Unit {ref} is listed in the {source} but has no unit specification.",
            unit=ref,
            values=[value(ref, source, places)],
        )
        for ref, places, source in listed
        if ref not in specified
    ]
    return found


def _required(spec: Specification, fields: tuple[str, ...], blocks: tuple[str, ...]) -> list[Finding]:
    found = []
    for unit in spec.units:
        for name in fields:
            if getattr(unit, name) in (None, ""):
                found.append(
                    finding(
                        "required-field-empty",
                        "error",
                        f"Unit {unit.reference} prints no readable {name.replace('_', ' ')}.",
                        unit=unit.reference,
                        field=name,
                        values=[value(None, "unit specification", unit.field_provenance.get(name, unit.provenance))],
                    )
                )
        for name in blocks:
            if not getattr(unit, name):
                found.append(
                    finding(
                        "required-block-missing",
                        "error",
                        f"Unit {unit.reference} has no {name.replace('_', ' ')}.",
                        unit=unit.reference,
                        field=name,
                        locations=unit.provenance,
                    )
                )
    return found


def _sectors(spec: Specification) -> list[Finding]:
    found = []
    labels: Counter = Counter()
    places: dict[tuple, list] = {}
    for unit in spec.units:
        sector = unit.sector
        if sector is None:
            continue
        where = unit.field_provenance.get("sector", unit.provenance)
        if sector.code is None:
            found.append(
                finding(
                    "sector-not-a-sector",
                    "error",
                    f"Unit {unit.reference}'s subject/sector field does not hold a sector code and label.",
                    unit=unit.reference,
                    field="sector",
                    values=[value(sector.printed, "unit specification", where)],
                )
            )
            continue
        key = (sector.code, fold(sector.label or ""))
        labels[key] += 1
        places.setdefault(key, []).extend(where)
    cover = spec.document.subject_sector
    if cover is not None and cover.code is not None:
        key = (cover.code, fold(cover.label or ""))
        labels[key] += 0
        places.setdefault(key, []).extend(spec.document.provenance)
    by_code: dict[str, list] = {}
    for (code, label), count in labels.items():
        by_code.setdefault(code, []).append((label, count))
    for code, variants in sorted(by_code.items()):
        if len(variants) < 2:
            continue
        found.append(
            finding(
                "sector-label-inconsistent",
                "warning",
                f"Sector {code} is labelled in {len(variants)} different ways: "
                + "; ".join(f"'{label}'" for label, _ in variants)
                + ".",
                field="sector",
                values=[
                    value(f"{code} {label}", f"{count} unit(s)" if count else "title page", places[(code, label)][:5])
                    for label, count in variants
                ],
            )
        )
    return found
