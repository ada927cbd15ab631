"""``diff_specs``: the semantic difference between two specifications."""

from __future__ import annotations

from collections import Counter

from ..model import Constraint, Qualification, Specification, UnitListing
from .fields import field_changes, text_changes
from .match import pair_records
from .report import (
    DiffReport,
    DocumentDiff,
    FieldChange,
    ListingChange,
    QualificationDiff,
    RuleChange,
    Side,
    Summary,
    UnitDiff,
)
from .units import unit_diff, unit_identity

DOCUMENT_FIELDS = ("title", "awarding_body", "level", "subject_sector", "version", "publication_date")
LISTING_FIELDS = ("reference", "uan", "title", "level", "glh", "tqt", "credits", "quadrant")
QUALIFICATION_FIELDS = ("qan", "title", "kind", "credits", "glh", "tqt", "structure_title")
RULE_FIELDS = ("kind", "text", "min", "max", "quadrants", "level")
UNIT_KEYS = [("uan", lambda u: u.uan), ("reference", lambda u: u.reference)]
QUALIFICATION_KEYS = [("qan", lambda q: q.qan), ("title", lambda q: q.title)]
RULE_KEYS = [
    ("same", lambda r: r.model_dump_json(exclude={"provenance", "id", "qualification_id"})),
    ("kind", lambda r: f"{r.kind} {r.quadrants} {r.level}"),
]
"""Rules matched when identical, then by kind, quadrants and level (then by similar wording)."""

Explained = set[tuple[str, str]]
"""Field changes already reported on units, as ``_fact`` keys."""


def diff_specs(old: Specification, new: Specification) -> DiffReport:
    """Every difference from ``old`` to ``new``, provenance ignored, in a stable order."""
    units = _units(old, new)
    explained = {_fact(u.reference, f) for u in units for f in u.fields}
    report = DiffReport(
        old=_side(old),
        new=_side(new),
        summary=Summary(),
        document=_document(old, new),
        overview=listing_changes(old.units_overview, new.units_overview, explained),
        qualifications=_qualifications(old.qualifications, new.qualifications, explained),
        units=units,
    )
    report.summary = summarise(report)
    return report


def report_has_changes(report: DiffReport) -> bool:
    """Whether the report records any difference at all."""
    d = report.document
    return bool(d.fields or d.change_log or report.overview or report.qualifications or report.units)


def _side(spec: Specification) -> Side:
    return Side(
        path=spec.source.path,
        sha256=spec.source.sha256,
        title=spec.document.title,
        version=spec.document.version,
    )


def _document(old: Specification, new: Specification) -> DocumentDiff:
    a, b = old.document, new.document
    return DocumentDiff(
        fields=field_changes([(name, getattr(a, name), getattr(b, name)) for name in DOCUMENT_FIELDS]),
        change_log=text_changes(
            [(e.version, f"{e.date_printed}: {e.summary}") for e in a.change_log],
            [(e.version, f"{e.date_printed}: {e.summary}") for e in b.change_log],
        ),
    )


def _units(old: Specification, new: Specification) -> list[UnitDiff]:
    pairs, by = pair_records(old.units, new.units, UNIT_KEYS, lambda u: u.title)
    diffs = []
    for i, j in pairs:
        if i is None:
            diffs.append(UnitDiff(status="added", **unit_identity(new.units[j])))  # type: ignore[index]
        elif j is None:
            diffs.append(UnitDiff(status="removed", **unit_identity(old.units[i])))
        elif diff := unit_diff(old.units[i], new.units[j], by[i]):  # type: ignore[arg-type]
            diffs.append(diff)
    return diffs


def listing_changes(
    old: list[UnitListing], new: list[UnitListing], explained: Explained
) -> list[ListingChange]:
    """Rows added, removed or changed, leaving out the field changes a unit diff already reports."""
    pairs, _ = pair_records(old, new, UNIT_KEYS, lambda u: u.title)
    changes = []
    for i, j in pairs:
        row = new[j] if j is not None else old[i]  # type: ignore[index]
        identity = {"reference": row.reference, "uan": row.uan, "title": row.title}
        if i is None or j is None:
            changes.append(ListingChange(status="added" if i is None else "removed", **identity))
            continue
        fields = [
            f
            for f in field_changes([(n, getattr(old[i], n), getattr(new[j], n)) for n in LISTING_FIELDS])
            if _fact(row.reference, f) not in explained
        ]
        if fields:
            changes.append(ListingChange(status="changed", **identity, fields=fields))
    return changes


def _fact(reference: str, change: FieldChange) -> tuple[str, str]:
    """A field change of the unit ``reference`` (new reference), as a comparable key."""
    return reference, change.model_dump_json(include={"field", "old", "new"})


def _qualifications(
    old: list[Qualification], new: list[Qualification], explained: Explained
) -> list[QualificationDiff]:
    pairs, by = pair_records(old, new, QUALIFICATION_KEYS, lambda q: q.title)
    diffs = []
    for i, j in pairs:
        if i is None or j is None:
            q = new[j] if j is not None else old[i]  # type: ignore[index]
            diffs.append(QualificationDiff(status="added" if i is None else "removed", qan=q.qan, title=q.title))
            continue
        a, b = old[i], new[j]
        diff = QualificationDiff(
            status="changed",
            qan=b.qan,
            title=b.title,
            matched_by=by[i],
            fields=field_changes([(n, getattr(a, n), getattr(b, n)) for n in QUALIFICATION_FIELDS]),
            units=listing_changes(a.units, b.units, explained),
            rules=rule_changes(a.rules, b.rules),
        )
        if diff.fields or diff.units or diff.rules:
            diffs.append(diff)
    return diffs


def rule_changes(old: list[Constraint], new: list[Constraint]) -> list[RuleChange]:
    """Rules matched when identical, then by kind, quadrants and level, then by similar wording."""
    pairs, _ = pair_records(old, new, RULE_KEYS, lambda r: r.text)
    changes = []
    for i, j in pairs:
        a = old[i] if i is not None else None
        b = new[j] if j is not None else None
        kind = (b or a).kind  # type: ignore[union-attr]
        texts = {"old_text": a.text if a else None, "new_text": b.text if b else None}
        if a is None or b is None:
            changes.append(RuleChange(status="added" if a is None else "removed", kind=kind, **texts))
        elif fields := field_changes([(n, getattr(a, n), getattr(b, n)) for n in RULE_FIELDS]):
            changes.append(RuleChange(status="changed", kind=kind, **texts, fields=fields))
    return changes


def summarise(report: DiffReport) -> Summary:
    """Headline counts of a report."""
    quals = Counter(q.status for q in report.qualifications)
    units = Counter(u.status for u in report.units)
    texts = Counter(
        t.status
        for u in report.units
        for t in [*u.learning_outcomes, *u.assessment_criteria, *u.indicative_content, *u.assessor_guidance]
    )
    fields: list[FieldChange] = [*report.document.fields]
    fields += [f for q in report.qualifications for f in q.fields]
    fields += [f for u in report.units for f in u.fields]
    return Summary(
        qualifications_added=quals["added"],
        qualifications_removed=quals["removed"],
        qualifications_changed=quals["changed"],
        units_added=units["added"],
        units_removed=units["removed"],
        units_changed=units["changed"],
        units_renamed=sum(u.renamed for u in report.units),
        units_re_referenced=sum(u.re_referenced for u in report.units),
        field_changes=len(fields),
        ksb_changes=sum(len(u.ksbs) for u in report.units),
        listing_changes=len(report.overview) + sum(len(q.units) for q in report.qualifications),
        rule_changes=sum(len(q.rules) for q in report.qualifications),
        renumberings=sum(len(u.renumberings) for u in report.units),
        texts_added=texts["added"],
        texts_removed=texts["removed"],
        texts_reworded=texts["reworded"],
        texts_moved=texts["moved"],
        texts_moved_reworded=texts["moved_reworded"],
    )
