"""A diff report flattened into change rows, one per change, for systems that sync changes."""

from __future__ import annotations

from ..diff.present import display
from ..diff.report import DiffReport, FieldChange, ListingChange, TextChange, Value

CHANGE_COLUMNS = ("scope", "qan", "unit", "item", "new_item", "status", "field", "old_value", "new_value")

TEXT_SCOPES = (
    ("learning_outcomes", "learning_outcome"),
    ("assessment_criteria", "assessment_criterion"),
    ("indicative_content", "indicative_content_item"),
    ("assessor_guidance", "assessor_guidance_paragraph"),
)


def change_rows(report: DiffReport) -> list[dict[str, str | None]]:
    """Every change of ``report`` as a row with the columns of ``CHANGE_COLUMNS``."""
    rows: list[dict[str, str | None]] = []
    rows += _fields("document", None, None, report.document.fields)
    rows += [_text("change_log", None, None, t) for t in report.document.change_log]
    for listing in report.overview:
        rows += _listing("units_overview", None, listing)
    for q in report.qualifications:
        if q.status != "changed":
            rows.append(_row("qualification", q.qan, None, q.title, None, q.status))
        rows += _fields("qualification", q.qan, None, q.fields)
        for listing in q.units:
            rows += _listing("qualification_unit", q.qan, listing)
        for r in q.rules:
            text_change = _row("rule", q.qan, None, r.kind, None, r.status, "text", r.old_text, r.new_text)
            rows.append(text_change)
            rows += _fields("rule", q.qan, None, [f for f in r.fields if f.field != "text"])
    for u in report.units:
        if u.status != "changed":
            rows.append(_row("unit", None, u.isp_ref, u.title, None, u.status))
        rows += _fields("unit", None, u.isp_ref, u.fields)
        rows += [_row("ksb", None, u.isp_ref, f"{k.standard} {k.code}", None, k.status, "text", k.old_text, k.new_text)
                 for k in u.ksbs]
        rows += [_row("renumbering", None, u.isp_ref, ", ".join(r.old_numbers), ", ".join(r.new_numbers),
                      "renumbered", r.section, None, None) for r in u.renumberings]
        for attr, scope in TEXT_SCOPES:
            rows += [_text(scope, None, u.isp_ref, t) for t in getattr(u, attr)]
    return rows


def _row(scope: str, qan: str | None, unit: str | None, item: str | None, new_item: str | None, status: str,
         field: str | None = None, old: str | None = None, new: str | None = None) -> dict[str, str | None]:
    values = (scope, qan, unit, item, new_item, status, field, old, new)
    return dict(zip(CHANGE_COLUMNS, values, strict=True))


def _value(v: Value) -> str | None:
    return None if v is None else display(v)


def _fields(scope: str, qan: str | None, unit: str | None, fields: list[FieldChange]) -> list[dict[str, str | None]]:
    return [_row(scope, qan, unit, None, None, "changed", f.field, _value(f.old), _value(f.new)) for f in fields]


def _listing(scope: str, qan: str | None, listing: ListingChange) -> list[dict[str, str | None]]:
    if listing.status != "changed":
        return [_row(scope, qan, listing.isp_ref, listing.title, None, listing.status)]
    return _fields(scope, qan, listing.isp_ref, listing.fields)


def _text(scope: str, qan: str | None, unit: str | None, t: TextChange) -> dict[str, str | None]:
    return _row(scope, qan, unit, t.old_number, t.new_number, t.status, "text", t.old_text, t.new_text)
