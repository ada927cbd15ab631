"""Wording shared by the renderers: labels and how values are shown."""

from __future__ import annotations

from .report import Renumbering, Side, Value

FIELD_LABELS = {
    "reference": "Reference",
    "reference_printed": "Reference as printed",
    "uan": "UAN",
    "qan": "QAN",
    "glh": "GLH",
    "tqt": "TQT",
    "awarding_body": "awarding body",
    "subject_sector": "subject/sector",
    "publication_date": "publication date",
    "structure_title": "structure title",
    "apprenticeship_standards": "apprenticeship standards",
}

TEXT_SECTIONS = (
    ("learning_outcomes", "Learning outcome"),
    ("assessment_criteria", "Criterion"),
    ("indicative_content", "Indicative content item under"),
    ("assessor_guidance", "Assessor guidance paragraph under"),
)

STATUS_LABELS = {"moved_reworded": "moved and reworded"}


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def status(name: str) -> str:
    return STATUS_LABELS.get(name, name)


def display(value: Value) -> str:
    """A value as a reviewer reads it: ranges and sectors as printed, lists joined."""
    if value is None:
        return "(none)"
    if isinstance(value, dict):
        return str(value.get("printed") or value)
    if isinstance(value, list):
        return "; ".join(value) if value else "(none)"
    return str(value)


def renumbering(r: Renumbering) -> str:
    """One line for a renumbering: "learning outcomes 2, 3 renumbered 3, 4 (9 texts moved with them)"."""
    moved = f" ({r.texts} texts moved with them)" if r.texts else ""
    return f"{r.section} {', '.join(r.old_numbers)} renumbered {', '.join(r.new_numbers)}{moved}"


def describe(side: Side) -> str:
    version = f" version {side.version}" if side.version else ""
    return f"{side.title}{version} ({side.path})"
