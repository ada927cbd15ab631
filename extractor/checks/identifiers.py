"""Identifier formats: UAN, QAN (with its check character) and ISP unit references."""

from __future__ import annotations

from ..findings import finding, value
from ..identifiers import ISP_REF, QAN, UAN, qan_check_character
from ..model import Finding, Specification
from .sources import sightings


def check(spec: Specification) -> list[Finding]:
    return _uans(spec) + _qans(spec)


def check_isp(spec: Specification) -> list[Finding]:
    """ISP's own reference pattern wherever a unit reference is printed."""
    return _references(spec)


def _uans(spec: Specification) -> list[Finding]:
    """One finding per unit and malformed UAN, naming every table that prints it."""
    bad: dict[tuple[str, str], list] = {}
    for s in sightings(spec):
        uan = s.values["uan"]
        if uan and not UAN.match(uan):
            bad.setdefault((s.reference, uan), []).append(value(uan, s.source, s.locations["uan"]))
    return [
        finding(
            "uan-malformed",
            "error",
            f"Unit {ref}'s UAN '{uan}' is not of the form letter/three digits/four digits (e.g. A/651/5975).",
            unit=ref,
            field="uan",
            values=values,
        )
        for (ref, uan), values in sorted(bad.items())
    ]


def _qans(spec: Specification) -> list[Finding]:
    found = []
    for q in spec.qualifications:
        evidence = [value(q.qan, "key facts", q.provenance)]
        if not QAN.match(q.qan):
            found.append(
                finding(
                    "qan-malformed",
                    "error",
                    f"QAN '{q.qan}' of '{q.title}' is not of the form 123/4567/8.",
                    field="qan",
                    values=evidence,
                )
            )
            continue
        digits = q.qan.replace("/", "")[:7]
        expected = qan_check_character(digits)
        if q.qan[-1] != expected:
            found.append(
                finding(
                    "qan-check-digit",
                    "error",
                    f"QAN '{q.qan}' of '{q.title}' ends in '{q.qan[-1]}' but its check character "
                    f"(weights 8..2, mod 11) is '{expected}'.",
                    field="qan",
                    values=evidence,
                )
            )
    return found


def _references(spec: Specification) -> list[Finding]:
    return [
        finding(
            "isp-ref-malformed",
            "error",
            f"Unit reference '{s.reference}' in the {s.source} is not of the form L<level><B|C|L|S><n>.",
            unit=s.reference,
            field="reference",
            values=[value(s.reference, s.source, s.locations["title"])],
        )
        for s in sightings(spec)
        if not ISP_REF.match(s.reference)
    ]
