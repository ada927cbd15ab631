"""A diff report flattened into change rows, one per change, for systems that sync changes.

``element_id`` is the stable identifier of the element that changed (the new one, else the
old one), where the element has one: units, qualifications, outcomes and criteria.
"""

from __future__ import annotations

from ..diff.present import display
from ..diff.report import DiffReport, FieldChange, ListingChange, TextChange, Value
from ..model import Specification

CHANGE_COLUMNS = ("scope", "element_id", "qan", "unit", "item", "new_item", "status", "field", "old_value",
                  "new_value")

TEXT_SCOPES = (
    ("learning_outcomes", "learning_outcome"),
    ("assessment_criteria", "assessment_criterion"),
    ("indicative_content", "indicative_content_item"),
    ("assessor_guidance", "assessor_guidance_paragraph"),
)


def change_rows(report: DiffReport, old: Specification, new: Specification) -> list[dict[str, str | None]]:
    """Every change of ``report`` (from ``old`` to ``new``) as a row with the columns of ``CHANGE_COLUMNS``."""
    ids = _Ids(old, new)
    rows: list[dict[str, str | None]] = []
    rows += _fields("document", new.document.id, None, None, report.document.fields)
    rows += [_text("change_log", None, None, None, t) for t in report.document.change_log]
    for listing in report.overview:
        rows += _listing("units_overview", None, listing, ids.unit(listing.reference))
    for q in report.qualifications:
        qid = ids.of(f"q|{q.qan}")
        if q.status != "changed":
            rows.append(_row("qualification", qid, q.qan, None, q.title, None, q.status))
        rows += _fields("qualification", qid, q.qan, None, q.fields)
        for listing in q.units:
            rows += _listing("qualification_unit", q.qan, listing, ids.unit(listing.reference))
        for r in q.rules:
            rows.append(_row("rule", None, q.qan, None, r.kind, None, r.status, "text", r.old_text, r.new_text))
            rows += _fields("rule", None, q.qan, None, [f for f in r.fields if f.field != "text"])
    for u in report.units:
        uid = ids.unit(u.reference, u.uan)
        if u.status != "changed":
            rows.append(_row("unit", uid, None, u.reference, u.title, None, u.status))
        rows += _fields("unit", uid, None, u.reference, u.fields)
        rows += [_row("ksb", None, None, u.reference, f"{k.standard} {k.code}", None, k.status, "text", k.old_text,
                      k.new_text) for k in u.ksbs]
        rows += [_row("renumbering", uid, None, u.reference, ", ".join(r.old_numbers), ", ".join(r.new_numbers),
                      "renumbered", r.section) for r in u.renumberings]
        for attr, scope in TEXT_SCOPES:
            numbered = scope in ("learning_outcome", "assessment_criterion")
            rows += [_text(scope, ids.numbered(u.uan, t) if numbered else None, None, u.reference, t)
                     for t in getattr(u, attr)]
    return rows


class _Ids:
    """Identifiers of the elements of two versions, by natural key (the new version's first)."""

    def __init__(self, old: Specification, new: Specification) -> None:
        self.ids: dict[str, str] = {}
        for spec in (new, old):
            for q in spec.qualifications:
                self.ids.setdefault(f"q|{q.qan}", q.id)
            for side, unit in ((spec is new, u) for u in spec.units):
                for key in (unit.reference, unit.uan):
                    self.ids.setdefault(f"u|{key}", unit.id)
                for lo in unit.learning_outcomes:
                    self.ids.setdefault(f"{side}|{unit.uan}|{lo.number}", lo.id)
                    for ac in lo.assessment_criteria:
                        self.ids.setdefault(f"{side}|{unit.uan}|{ac.number}", ac.id)

    def of(self, key: str) -> str | None:
        return self.ids.get(key)

    def unit(self, reference: str, uan: str = "") -> str | None:
        return self.ids.get(f"u|{uan}") or self.ids.get(f"u|{reference}")

    def numbered(self, uan: str, t: TextChange) -> str | None:
        """The outcome or criterion a text change is about: in the new version, else in the old one."""
        return self.ids.get(f"True|{uan}|{t.new_number}") or self.ids.get(f"False|{uan}|{t.old_number}")


def _row(scope: str, element_id: str | None, qan: str | None, unit: str | None, item: str | None,
         new_item: str | None, status: str, field: str | None = None, old: str | None = None,
         new: str | None = None) -> dict[str, str | None]:
    values = (scope, element_id, qan, unit, item, new_item, status, field, old, new)
    return dict(zip(CHANGE_COLUMNS, values, strict=True))


def _value(v: Value) -> str | None:
    return None if v is None else display(v)


def _fields(scope: str, element_id: str | None, qan: str | None, unit: str | None,
            fields: list[FieldChange]) -> list[dict[str, str | None]]:
    return [_row(scope, element_id, qan, unit, None, None, "changed", f.field, _value(f.old), _value(f.new))
            for f in fields]


def _listing(scope: str, qan: str | None, listing: ListingChange, unit_id: str | None) -> list[dict[str, str | None]]:
    if listing.status != "changed":
        return [_row(scope, unit_id, qan, listing.reference, listing.title, None, listing.status)]
    return _fields(scope, unit_id, qan, listing.reference, listing.fields)


def _text(scope: str, element_id: str | None, qan: str | None, unit: str | None,
          t: TextChange) -> dict[str, str | None]:
    return _row(scope, element_id, qan, unit, t.old_number, t.new_number, t.status, "text", t.old_text, t.new_text)
