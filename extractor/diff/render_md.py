"""The report as Markdown, for a reviewer: headline counts, then the changes by place."""

from __future__ import annotations

import re

from .compare import report_has_changes
from .present import TEXT_SECTIONS, describe, display, label, renumbering, status
from .report import (
    DiffReport,
    FieldChange,
    KsbChange,
    ListingChange,
    QualificationDiff,
    RuleChange,
    Summary,
    TextChange,
    UnitDiff,
    WordOp,
)

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def esc(text: str) -> str:
    """Text with Markdown and HTML punctuation escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def render_markdown(report: DiffReport) -> str:
    """A Markdown summary of ``report``."""
    lines = [
        "# Specification differences",
        "",
        f"- Old: {esc(describe(report.old))}",
        f"- New: {esc(describe(report.new))}",
        "",
    ]
    if not report_has_changes(report):
        return "\n".join([*lines, "No differences.", ""])
    lines += ["## Summary", "", *_summary(report.summary), ""]
    doc = report.document
    if doc.fields or doc.change_log:
        lines += ["## Document", "", *map(_field, doc.fields)]
        lines += [_text("Change log entry", t) for t in doc.change_log] + [""]
    if report.overview:
        lines += ["## Units overview", "", *map(_listing, report.overview), ""]
    if report.qualifications:
        lines += ["## Qualifications", ""]
        for q in report.qualifications:
            lines += _qualification(q)
    if report.units:
        lines += ["## Units", ""]
        for u in report.units:
            lines += _unit(u)
    return "\n".join(lines)


def _summary(s: Summary) -> list[str]:
    return [
        f"- Qualifications: {s.qualifications_added} added, {s.qualifications_removed} removed, "
        f"{s.qualifications_changed} changed",
        f"- Units: {s.units_added} added, {s.units_removed} removed, {s.units_changed} changed "
        f"({s.units_renamed} renamed, {s.units_re_referenced} re-referenced)",
        f"- Wording: {s.texts_added} added, {s.texts_removed} removed, {s.texts_reworded} reworded, "
        f"{s.texts_moved} moved, {s.texts_moved_reworded} moved and reworded",
        f"- Renumberings: {s.renumberings}; field changes: {s.field_changes}; KSB changes: {s.ksb_changes}; "
        f"listing rows: {s.listing_changes}; rules of combination: {s.rule_changes}",
    ]


def words(ops: list[WordOp]) -> str:
    """A word diff inline: deleted words struck through, inserted words in bold."""
    parts = []
    for op in ops:
        if op.old and op.op != "equal":
            parts.append(f"~~{esc(' '.join(op.old))}~~")
        if op.new:
            new = esc(" ".join(op.new))
            parts.append(new if op.op == "equal" else f"**{new}**")
    return " ".join(parts)


def _field(f: FieldChange) -> str:
    return f"- {_change(f)}"


def _change(f: FieldChange) -> str:
    if f.words:
        return f"**{label(f.field)}**: {words(f.words)}"
    return f"**{label(f.field)}**: {esc(display(f.old))} → {esc(display(f.new))}"


def _text(name: str, t: TextChange) -> str:
    number = t.new_number if t.old_number is None else t.old_number
    if t.status in ("moved", "moved_reworded"):
        number = f"{t.old_number} → {t.new_number}"
    if t.words:
        body = words(t.words)
    else:
        body = esc(t.new_text if t.new_text is not None else t.old_text or "")
    return f"- {name} {esc(number or '')} {status(t.status)}: {body}"


def _ksb(k: KsbChange) -> str:
    body = words(k.words) if k.words else esc(k.new_text if k.new_text is not None else k.old_text or "")
    return f"- KSB {esc(k.code)} ({esc(k.standard)}) {k.status}: {body}"


def _listing(row: ListingChange) -> str:
    head = f"- {esc(row.reference)} {esc(row.title)} ({esc(row.uan)}) {row.status}"
    if not row.fields:
        return head
    return head + ": " + "; ".join(map(_change, row.fields))


def _rule(r: RuleChange) -> str:
    if r.status != "changed":
        return f"- Rule {r.status}: {esc(r.new_text if r.new_text is not None else r.old_text or '')}"
    return "- Rule changed: " + "; ".join(map(_change, r.fields))


def _qualification(q: QualificationDiff) -> list[str]:
    lines = [f"### {esc(q.qan)} {esc(q.title)} ({q.status})", ""]
    lines += [*map(_field, q.fields), *map(_listing, q.units), *map(_rule, q.rules)]
    return lines + [""]


def _unit(u: UnitDiff) -> list[str]:
    notes = [u.status] + ["renamed"] * u.renamed + ["re-referenced"] * u.re_referenced
    lines = [f"### {esc(u.reference)} {esc(u.title)} ({esc(u.uan)}): {', '.join(notes)}", ""]
    lines += [*map(_field, u.fields), *map(_ksb, u.ksbs)]
    lines += [f"- {esc(renumbering(r)).capitalize()}" for r in u.renumberings]
    for attr, name in TEXT_SECTIONS:
        lines += [_text(name, t) for t in getattr(u, attr)]
    return lines + [""]
