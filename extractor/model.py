"""The data model: the single source of truth for the JSON output and its schema.

Every value is kept as printed; where the interpreter had to normalise one, the printed
form is kept beside it and a finding says so. ``provenance`` lists the source locations
of an element (lines for text, page and box for PDF, table/row/cell/paragraph for Word).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer

SCHEMA_VERSION = "1.0"

Quadrant = Literal["business", "core", "leadership", "self"]
QualificationKind = Literal["award", "certificate", "diploma"]
Severity = Literal["error", "warning", "info"]
OutcomeKind = Literal["knowledge", "competence"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def id_field(description: str = "Stable identifier: a UUID (v5) derived from the element's natural key") -> str:
    """An identifier field, empty until ``extractor.ids`` assigns it after interpretation."""
    return Field(default="", description=description)


def parent_id_field(parent: str) -> str | None:
    """The identifier of the element's parent ``parent`` (``None`` where there is none)."""
    return Field(default=None, description=f"Identifier of the {parent} this element belongs to")


class Location(Model):
    """One place in the source document."""

    line: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None

    @model_serializer(mode="wrap")
    def _only_set(self, handler):
        """Serialise only the coordinates that apply (a line, or a page and box, ...)."""
        return {k: v for k, v in handler(self).items() if v is not None}


Provenance = list[Location]


class Range(Model):
    """An amount printed as a number or a range ("Minimum 13 Maximum 36", "370 hours +")."""

    min: int | None
    max: int | None
    printed: str


class Sector(Model):
    """An Ofqual subject/sector area, e.g. code "15.4" and label "Marketing and Sales"."""

    code: str | None
    label: str | None
    printed: str


class ChangeLogEntry(Model):
    id: str = id_field()
    version: str
    date: str | None = Field(description="ISO 8601 date, read day first as printed in UK style")
    date_printed: str
    summary: str
    author_initials: str | None
    provenance: Provenance


class Document(Model):
    id: str = id_field()
    title: str
    awarding_body: str | None
    level: int | None
    subject_sector: Sector | None
    version: str | None
    publication_date: str | None
    change_log: list[ChangeLogEntry]
    provenance: Provenance


class UnitListing(Model):
    """A unit as one row of a listing table (an award structure or the units overview)."""

    id: str = id_field()
    qualification_id: str | None = parent_id_field("qualification (none in the units overview)")
    unit_id: str | None = parent_id_field("unit specification listed (none when the document has no such unit)")
    isp_ref: str
    uan: str
    title: str
    level: int | None
    glh: int | None
    tqt: int | None
    credits: int | None
    quadrant: Quadrant | None = None
    provenance: Provenance


ConstraintKind = Literal[
    "credits",
    "min_units_in_quadrant",
    "min_units_in_any_quadrant",
    "min_credits_in_quadrant",
    "min_share_at_level",
]


class Constraint(Model):
    """One rule of combination, structured, with the sentence it was read from."""

    id: str = id_field()
    qualification_id: str | None = parent_id_field("qualification")
    kind: ConstraintKind
    text: str
    min: int | float | None = None
    max: int | float | None = None
    quadrants: list[Quadrant] = []
    level: int | None = None
    provenance: Provenance


class Qualification(Model):
    id: str = id_field()
    qan: str
    title: str
    kind: QualificationKind | None
    credits: Range
    glh: Range
    tqt: Range
    structure_title: str | None = Field(
        description="Heading of the award structure table as printed, when there is one"
    )
    units: list[UnitListing]
    rules: list[Constraint]
    provenance: Provenance


class KSB(Model):
    """One knowledge, skill or behaviour of an apprenticeship standard (K7, S12, B3...), as linked to a unit."""

    id: str = id_field()
    unit_id: str | None = parent_id_field("unit")
    code: str
    text: str


class ApprenticeshipLink(Model):
    standard: str
    ksbs: list[KSB]


class AssessmentCriterion(Model):
    id: str = id_field()
    unit_id: str | None = parent_id_field("unit")
    learning_outcome_id: str | None = parent_id_field("learning outcome")
    number: str
    text: str
    provenance: Provenance


class LearningOutcome(Model):
    id: str = id_field()
    unit_id: str | None = parent_id_field("unit")
    number: int
    text: str
    kind: OutcomeKind | None
    assessment_criteria: list[AssessmentCriterion]
    provenance: Provenance


class TextItem(Model):
    """One indicative content item or assessor guidance paragraph."""

    id: str = id_field()
    text: str


def _text_items(value: object) -> object:
    """Plain strings (as the interpreter builds them) become ``{text}`` items."""
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


class ContentSection(Model):
    id: str = id_field()
    unit_id: str | None = parent_id_field("unit")
    learning_outcome_id: str | None = parent_id_field("learning outcome the section is about")
    section: str
    learning_outcome: int | None
    items: list[TextItem]
    provenance: Provenance

    @field_validator("items", mode="before")
    @classmethod
    def _strings_as_items(cls, value: object) -> object:
        return _text_items(value)


class GuidanceSection(Model):
    id: str = id_field()
    unit_id: str | None = parent_id_field("unit")
    learning_outcome_id: str | None = parent_id_field("learning outcome the section is about")
    section: str
    learning_outcome: int | None
    paragraphs: list[TextItem]
    provenance: Provenance

    @field_validator("paragraphs", mode="before")
    @classmethod
    def _strings_as_items(cls, value: object) -> object:
        return _text_items(value)


class Unit(Model):
    id: str = id_field()
    isp_ref: str
    isp_ref_printed: str
    uan: str
    title: str
    level: int | None
    credits: int | None
    glh: int | None
    tqt: int | None = Field(description="From the units overview: the unit specification does not print it")
    quadrant: Quadrant | None
    purpose: str | None
    sector: Sector | None
    apprenticeship: list[ApprenticeshipLink]
    apprenticeship_printed: str | None
    learning_outcomes: list[LearningOutcome]
    indicative_content: list[ContentSection]
    assessor_guidance: list[GuidanceSection]
    provenance: Provenance
    field_provenance: dict[str, Provenance] = Field(
        description="Where each scalar field (title, uan, level, credits, glh, purpose, sector, "
        "apprenticeship) was printed in the unit specification"
    )


class Source(Model):
    path: str
    format: Literal["text", "docx", "pdf"]
    sha256: str


class FindingValue(Model):
    """One of the values in conflict, and where it was printed."""

    value: str | int | float | None
    source: str
    locations: Provenance


class Finding(Model):
    id: str = id_field("Identifier derived from the code, unit, field and message")
    code: str
    severity: Severity
    message: str
    unit: str | None
    field: str | None
    values: list[FindingValue]
    locations: Provenance


class PreviousVersion(Model):
    """The earlier extraction identifiers were carried from (``extract --previous``)."""

    path: str
    sha256: str
    version: str | None


class IdentifierHistory(Model):
    """Which identifiers were carried from a previous version and which are new (findings aside)."""

    previous: PreviousVersion
    carried: list[str] = Field(description="Identifiers kept from the previous version, sorted")
    new: list[str] = Field(description="Identifiers derived afresh for this version, sorted")
    removed: list[str] = Field(description="Identifiers of the previous version that no longer appear, sorted")


class Specification(Model):
    schema_version: str
    source: Source
    document: Document
    qualifications: list[Qualification]
    units_overview: list[UnitListing]
    units: list[Unit]
    findings: list[Finding]
    identifiers: IdentifierHistory | None = Field(
        default=None, description="Set when identifiers were carried from a previous version"
    )
