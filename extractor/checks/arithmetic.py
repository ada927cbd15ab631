"""Arithmetic: credit value = TQT / 10 (RQF), GLH <= TQT, award totals = sums of their units,
and a qualification's size matching its kind."""

from __future__ import annotations

from ..findings import finding, value
from ..model import Finding, Qualification, Specification
from .sources import sightings

# RQF sizes: award 1-12 credits, certificate 13-36, diploma 37 or more.
SIZES = {"award": (1, 12), "certificate": (13, 36), "diploma": (37, None)}


def check(spec: Specification) -> list[Finding]:
    found = _unit_rows(spec)
    for q in spec.qualifications:
        found += _qualification_size(q) + _award_totals(q)
    return found


def _unit_rows(spec: Specification) -> list[Finding]:
    """Per unit: every table row (or spec + overview TQT) where credits != TQT/10 or GLH > TQT."""
    tqt_of = {row.reference: (row.tqt, row.provenance) for row in spec.units_overview}
    credit_bad: dict[str, list] = {}
    glh_bad: dict[str, list] = {}
    for s in sightings(spec):
        tqt = s.values.get("tqt")
        tqt_places = s.locations.get("tqt", [])
        tqt_source = s.source
        if tqt is None and s.reference in tqt_of:
            tqt, tqt_places = tqt_of[s.reference]
            tqt_source = "units overview"
        credits, glh = s.values.get("credits"), s.values.get("glh")
        if tqt is None:
            continue
        if credits is not None and credits * 10 != tqt:
            credit_bad.setdefault(s.reference, []).extend(
                [value(credits, f"credit value, {s.source}", s.locations["credits"]),
                 value(tqt, f"TQT, {tqt_source}", tqt_places)]
            )
        if glh is not None and glh > tqt:
            glh_bad.setdefault(s.reference, []).extend(
                [value(glh, f"GLH, {s.source}", s.locations["glh"]), value(tqt, f"TQT, {tqt_source}", tqt_places)]
            )
    found = [
        finding(
            "credits-not-tqt-over-10",
            "error",
            f"Unit {ref}'s credit value is not its TQT divided by 10 (RQF rule) in "
            f"{len(values) // 2} place(s).",
            unit=ref,
            field="credits",
            values=_distinct(values),
        )
        for ref, values in credit_bad.items()
    ]
    found += [
        finding(
            "glh-exceeds-tqt",
            "error",
            f"Unit {ref}'s guided learning hours exceed its total qualification time.",
            unit=ref,
            field="glh",
            values=_distinct(values),
        )
        for ref, values in glh_bad.items()
    ]
    return found


def _distinct(values: list) -> list:
    unique = []
    for v in values:
        if v not in unique:
            unique.append(v)
    return unique


def _qualification_size(q: Qualification) -> list[Finding]:
    found = []
    where = [value(q.credits.printed, "credit value, key facts", q.provenance),
             value(q.tqt.printed, "TQT, key facts", q.provenance)]
    bounds = [
        (credits, tqt, bound)
        for bound in ("min", "max")
        if (credits := getattr(q.credits, bound)) is not None and (tqt := getattr(q.tqt, bound)) is not None
    ]
    # A range's upper TQT may run to the next credit (36 credits: up to 369 hours).
    broken = [
        (credits, tqt)
        for credits, tqt, bound in bounds
        if not credits * 10 <= tqt <= credits * 10 + (9 if bound == "max" and q.credits.min != q.credits.max else 0)
    ]
    if broken:
        found.append(
            finding(
                "credits-not-tqt-over-10",
                "error",
                f"'{q.title}' has credit value {q.credits.printed} but TQT {q.tqt.printed}, which at "
                "credit value = TQT / 10 would be " + " to ".join(str(t // 10) for _, t, _ in bounds) + " credits.",
                field="credits",
                values=where,
            )
        )
    size = SIZES.get(q.kind or "")
    if size and q.credits.min is not None:
        low, high = size
        if q.credits.min < low or (high is not None and (q.credits.max or q.credits.min) > high):
            found.append(
                finding(
                    "size-does-not-match-kind",
                    "error",
                    f"'{q.title}' is a {q.kind} but its credit value {q.credits.printed} is outside the "
                    f"RQF {q.kind} size ({low}{'-' + str(high) if high else ' or more'} credits).",
                    field="credits",
                    values=where[:1],
                )
            )
    return found


def _award_totals(q: Qualification) -> list[Finding]:
    if q.kind != "award" or not q.units:
        return []
    found = []
    for name, label in (("credits", "credit value"), ("glh", "GLH"), ("tqt", "TQT")):
        stated = getattr(q, name)
        parts = [getattr(u, name) for u in q.units]
        if stated.min is None or stated.min != stated.max or None in parts:
            continue
        if sum(parts) != stated.min:
            found.append(
                finding(
                    "award-total-mismatch",
                    "error",
                    f"'{q.title}' states {label} {stated.min} in the key facts but its units add up to "
                    f"{sum(parts)}.",
                    field=name,
                    values=[value(stated.min, "key facts", q.provenance)]
                    + [value(getattr(u, name), f"{u.reference}, award structure", u.provenance) for u in q.units],
                )
            )
    return found
