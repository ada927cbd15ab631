"""The diff report model: what changed between two versions of a specification.

Values are copied without provenance, so two reports of the same change are equal
whatever the layout of the documents they came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Scalar = str | int | float | None
Value = Scalar | list[str] | dict[str, Scalar]
Status = Literal["added", "removed", "changed"]
TextStatus = Literal["added", "removed", "reworded", "moved", "moved_reworded"]
MatchedBy = Literal["uan", "reference", "qan", "title"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WordOp(Model):
    """One step of a word-level diff: the old words and the new words it covers."""

    op: Literal["equal", "insert", "delete", "replace"]
    old: list[str]
    new: list[str]


class FieldChange(Model):
    """A field whose value differs; ``words`` is the word diff when both values are text."""

    field: str
    old: Value
    new: Value
    words: list[WordOp] = []


class TextChange(Model):
    """A learning outcome, criterion, content item, guidance paragraph or change-log entry.

    ``number`` is the outcome or criterion number, or the section an item sits in.
    """

    status: TextStatus
    old_number: str | None
    new_number: str | None
    old_text: str | None
    new_text: str | None
    words: list[WordOp] = []


class KsbChange(Model):
    """An apprenticeship knowledge, skill or behaviour, matched by standard and code."""

    status: Literal["added", "removed", "reworded"]
    standard: str
    code: str
    old_text: str | None
    new_text: str | None
    words: list[WordOp] = []


class ListingChange(Model):
    """A unit row of a listing table (an award structure or the units overview)."""

    status: Status
    reference: str
    uan: str
    title: str
    fields: list[FieldChange] = []


class RuleChange(Model):
    """A rule of combination added, removed or changed (``fields`` lists what changed)."""

    status: Status
    kind: str
    old_text: str | None
    new_text: str | None
    fields: list[FieldChange] = []


class Renumbering(Model):
    """Numbers that changed together, reported once instead of one "moved" line per text.

    Either learning outcomes renumbered (``section`` "learning outcomes"), carrying their
    criteria, content and guidance with them, or a run of criteria of one outcome shifted
    (``section`` "criteria of learning outcome N"). ``texts`` counts the moved texts it stands for.
    """

    section: str
    old_numbers: list[str]
    new_numbers: list[str]
    texts: int


class QualificationDiff(Model):
    status: Status
    qan: str
    title: str
    matched_by: MatchedBy | None = None
    fields: list[FieldChange] = []
    units: list[ListingChange] = []
    rules: list[RuleChange] = []


class UnitDiff(Model):
    """A unit added, removed or changed; identity fields are the new ones when there are."""

    status: Status
    reference: str
    uan: str
    title: str
    matched_by: MatchedBy | None = None
    renamed: bool = False
    re_referenced: bool = False
    fields: list[FieldChange] = []
    ksbs: list[KsbChange] = []
    renumberings: list[Renumbering] = []
    learning_outcomes: list[TextChange] = []
    assessment_criteria: list[TextChange] = []
    indicative_content: list[TextChange] = []
    assessor_guidance: list[TextChange] = []


class DocumentDiff(Model):
    fields: list[FieldChange] = []
    change_log: list[TextChange] = []


class Side(Model):
    """Which document a side of the comparison is."""

    path: str
    sha256: str
    title: str
    version: str | None


class Summary(Model):
    """Headline counts."""

    qualifications_added: int = 0
    qualifications_removed: int = 0
    qualifications_changed: int = 0
    units_added: int = 0
    units_removed: int = 0
    units_changed: int = 0
    units_renamed: int = 0
    units_re_referenced: int = 0
    field_changes: int = 0
    ksb_changes: int = 0
    listing_changes: int = 0
    rule_changes: int = 0
    renumberings: int = 0
    texts_added: int = 0
    texts_removed: int = 0
    texts_reworded: int = 0
    texts_moved: int = 0
    texts_moved_reworded: int = 0


class DiffReport(Model):
    """Every difference between ``old`` and ``new`` that a reviewer would care about."""

    old: Side
    new: Side
    summary: Summary
    document: DocumentDiff
    overview: list[ListingChange]
    qualifications: list[QualificationDiff]
    units: list[UnitDiff]
