"""The data model: the single source of truth for the JSON output and its schema.

Every value is kept as printed; where the interpreter had to normalise one, the printed
form is kept beside it and a finding says so. ``provenance`` lists the source locations
of an element (lines for text, page and box for PDF, table/row/cell/paragraph for Word).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer

from .readers import Format

SCHEMA_VERSION = "1.0"
SchemaVersion = Literal["1.0"]
"""The schema versions this code reads and writes."""

Quadrant = Literal["business", "core", "leadership", "self"]
QualificationKind = Literal["award", "certificate", "diploma"]
Severity = Literal["error", "warning", "info"]
OutcomeKind = Literal["knowledge", "competence"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


PRINTED_IDENTIFIER = r"^(\S(.*\S)?)?$"
"""An identifier as printed: one trimmed line. Malformed ones are kept and reported as findings."""


def amount(description: str | None = None):
    """A count of credits or hours: never negative."""
    return Field(ge=0, description=description)


def level():
    """An RQF/QCF level: 1 to 8."""
    return Field(ge=1, le=8)


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

    min: int | None = amount()
    max: int | None = amount()
    printed: str


class Sector(Model):
    """An Ofqual subject/sector area, e.g. code "15.4" and label "Marketing and Sales"."""

    code: str | None
    label: str | None
    printed: str


class ChangeLogEntry(Model):
    version: str
    date: str | None = Field(description="ISO 8601 date, read day first as printed in UK style")
    date_printed: str
    summary: str
    author_initials: str | None
    provenance: Provenance


class Document(Model):
    title: str
    awarding_body: str | None
    level: int | None = level()
    subject_sector: Sector | None
    version: str | None
    publication_date: str | None
    change_log: list[ChangeLogEntry]
    provenance: Provenance


class UnitListing(Model):
    """A unit as one row of a listing table (an award structure or the units overview)."""

    reference: str
    uan: str = Field(pattern=PRINTED_IDENTIFIER)
    title: str
    level: int | None = level()
    glh: int | None = amount()
    tqt: int | None = amount()
    credits: int | None = amount()
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

    kind: ConstraintKind
    text: str
    min: int | float | None = Field(default=None, ge=0)
    max: int | float | None = Field(default=None, ge=0)
    quadrants: list[Quadrant] = []
    level: int | None = Field(default=None, ge=1, le=8)
    provenance: Provenance


class Qualification(Model):
    qan: str = Field(pattern=PRINTED_IDENTIFIER)
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
    """One knowledge, skill or behaviour of an apprenticeship standard (K7, S12, B3...)."""

    code: str
    text: str


class ApprenticeshipLink(Model):
    standard: str
    ksbs: list[KSB]


class AssessmentCriterion(Model):
    number: str
    text: str
    provenance: Provenance


class LearningOutcome(Model):
    number: int
    text: str
    kind: OutcomeKind | None
    assessment_criteria: list[AssessmentCriterion]
    provenance: Provenance


class ContentSection(Model):
    section: str
    learning_outcome: int | None
    items: list[str]
    provenance: Provenance


class GuidanceSection(Model):
    section: str
    learning_outcome: int | None
    paragraphs: list[str]
    provenance: Provenance


class Unit(Model):
    reference: str
    reference_printed: str
    uan: str = Field(pattern=PRINTED_IDENTIFIER)
    title: str
    level: int | None = level()
    credits: int | None = amount()
    glh: int | None = amount()
    tqt: int | None = amount("From the units overview: the unit specification does not print it")
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
    format: Format
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class FindingValue(Model):
    """One of the values in conflict, and where it was printed."""

    value: str | int | float | None
    source: str
    locations: Provenance


class Finding(Model):
    code: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    severity: Severity
    message: str
    unit: str | None
    field: str | None
    values: list[FindingValue]
    locations: Provenance


class Specification(Model):
    schema_version: SchemaVersion
    source: Source
    document: Document
    qualifications: list[Qualification]
    units_overview: list[UnitListing]
    units: list[Unit]
    findings: list[Finding]
