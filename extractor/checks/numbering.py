"""Numbering: learning outcomes 1..n in order; criteria n.1..n.k under outcome n, no gaps
or duplicates. (Section numbering against outcomes is reported by the interpreter, which
must decide whether sections can be linked.)"""

from __future__ import annotations

from collections import Counter

from ..findings import finding, value
from ..model import Finding, Specification, Unit


def check(spec: Specification) -> list[Finding]:
    found = []
    for unit in spec.units:
        found += _outcomes(unit) + _criteria(unit)
    return found


def _outcomes(unit: Unit) -> list[Finding]:
    numbers = [lo.number for lo in unit.learning_outcomes]
    if numbers == list(range(1, len(numbers) + 1)):
        return []
    return [
        finding(
            "outcome-numbering",
            "error",
            f"Unit {unit.reference}'s learning outcomes are numbered {', '.join(map(str, numbers))}, "
            f"not 1 to {len(numbers)}.",
            unit=unit.reference,
            field="learning_outcomes",
            values=[value(lo.number, f"learning outcome {lo.number}", lo.provenance[:1]) for lo in unit.learning_outcomes],
        )
    ]


def _criteria(unit: Unit) -> list[Finding]:
    found = []
    for lo in unit.learning_outcomes:
        numbers = [c.number for c in lo.assessment_criteria]
        for number, count in Counter(numbers).items():
            if count > 1:
                found.append(
                    finding(
                        "criterion-number-duplicate",
                        "error",
                        f"Unit {unit.reference} numbers {count} different assessment criteria {number}.",
                        unit=unit.reference,
                        field="assessment_criteria",
                        values=[value(c.text, f"criterion {c.number}", c.provenance)
                                for c in lo.assessment_criteria if c.number == number],
                    )
                )
        seconds = sorted({int(n.split(".")[1]) for n in numbers})
        missing = sorted(set(range(1, (seconds[-1] if seconds else 0) + 1)) - set(seconds))
        if missing:
            found.append(
                finding(
                    "criterion-number-gap",
                    "error",
                    f"Unit {unit.reference}, learning outcome {lo.number}: criteria "
                    + ", ".join(f"{lo.number}.{m}" for m in missing)
                    + " are missing from the numbering.",
                    unit=unit.reference,
                    field="assessment_criteria",
                    values=[value(", ".join(numbers), f"criteria of learning outcome {lo.number}", lo.provenance[:1])],
                )
            )
        if not numbers:
            found.append(
                finding(
                    "outcome-without-criteria",
                    "error",
                    f"Unit {unit.reference}'s learning outcome {lo.number} has no assessment criteria.",
                    unit=unit.reference,
                    field="assessment_criteria",
                    values=[value(lo.text, f"learning outcome {lo.number}", lo.provenance)],
                )
            )
    return found
