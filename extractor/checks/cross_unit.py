"""Cross-unit consistency: one KSB code described differently in units of the same standard,
references in the guidance to outcomes or criteria that do not exist, and unit references
whose level or quadrant letter disagrees with the unit."""

from __future__ import annotations

import re

from ..interpret.findings import finding, value
from ..model import Finding, Specification
from ..textutil import fold

REFERENCE = re.compile(
    r"\b(?:(LO|learning outcome)\s?(\d+)|(AC|assessment criteri(?:on|a)|[Ff]or)\s?(\d+\.\d+))\b"
)
QUADRANT_LETTER = {"B": "business", "C": "core", "L": "leadership", "S": "self"}


def check(spec: Specification) -> list[Finding]:
    return _ksbs(spec) + _references(spec) + _ref_shape(spec)


def _normal(text: str) -> str:
    return fold(text).rstrip(".").lower()


def _ksbs(spec: Specification) -> list[Finding]:
    texts: dict[tuple[str, str], dict[str, list[str]]] = {}
    places: dict[tuple[str, str, str], list] = {}
    for unit in spec.units:
        for link in unit.apprenticeship:
            for ksb in link.ksbs:
                key = (link.standard, ksb.code)
                texts.setdefault(key, {}).setdefault(_normal(ksb.text), []).append(unit.isp_ref)
                places.setdefault((*key, _normal(ksb.text)), []).extend(
                    unit.field_provenance.get("apprenticeship", unit.provenance)
                )
    found = []
    for (standard, code), variants in sorted(texts.items()):
        if len(variants) < 2:
            continue
        longest = max(variants, key=len)
        abridged = all(longest.startswith(text) for text in variants)
        found.append(
            finding(
                "ksb-text-inconsistent",
                "warning" if abridged else "error",
                f"{standard} {code} is described in {len(variants)} different ways"
                + (" (one abridging another)" if abridged else "")
                + ".",
                field="apprenticeship",
                values=[
                    value(_printed(spec, standard, code, units[0]), "units " + ", ".join(units),
                          places[(standard, code, text)])
                    for text, units in sorted(variants.items(), key=lambda kv: kv[1])
                ],
            )
        )
    return found


def _printed(spec: Specification, standard: str, code: str, ref: str) -> str:
    unit = next(u for u in spec.units if u.isp_ref == ref)
    return next(k.text for a in unit.apprenticeship if a.standard == standard for k in a.ksbs if k.code == code)


def _references(spec: Specification) -> list[Finding]:
    found = []
    for unit in spec.units:
        outcomes = {lo.number for lo in unit.learning_outcomes}
        criteria = {c.number for lo in unit.learning_outcomes for c in lo.assessment_criteria}
        for section in unit.assessor_guidance:
            for paragraph in section.paragraphs:
                for match in REFERENCE.finditer(paragraph.text):
                    outcome, criterion = match.group(2), match.group(4)
                    if (outcome and int(outcome) not in outcomes) or (criterion and criterion not in criteria):
                        found.append(
                            finding(
                                "reference-to-missing-element",
                                "error",
                                f"Unit {unit.isp_ref}'s assessor guidance section {section.section} refers to "
                                f"'{match.group(0)}', which the unit does not have.",
                                unit=unit.isp_ref,
                                field="assessor_guidance",
                                values=[
                                    value(match.group(0), f"assessor guidance {section.section}", section.provenance)
                                ],
                            )
                        )
    return found


def _ref_shape(spec: Specification) -> list[Finding]:
    found = []
    for unit in spec.units:
        match = re.match(r"^L(\d)([BCLS])\d+$", unit.isp_ref)
        if not match:
            continue
        level, letter = int(match.group(1)), match.group(2)
        if unit.level is not None and unit.level != level:
            found.append(
                finding(
                    "isp-ref-level-mismatch",
                    "error",
                    f"Unit {unit.isp_ref}'s reference says level {level} but the unit is level {unit.level}.",
                    unit=unit.isp_ref,
                    field="level",
                    values=[value(unit.isp_ref, "unit reference", unit.provenance),
                            value(unit.level, "level", unit.field_provenance.get("level", []))],
                )
            )
        if unit.quadrant is not None and QUADRANT_LETTER[letter] != unit.quadrant:
            found.append(
                finding(
                    "isp-ref-quadrant-mismatch",
                    "error",
                    f"Unit {unit.isp_ref}'s reference letter '{letter}' means {QUADRANT_LETTER[letter]} but the "
                    f"unit is in the {unit.quadrant} quadrant.",
                    unit=unit.isp_ref,
                    field="quadrant",
                    values=[value(unit.isp_ref, "unit reference", unit.provenance)],
                )
            )
    return found
