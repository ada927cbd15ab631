"""The data model: the single source of truth for the JSON output and its schema.

Every value is kept as printed; where the interpreter had to normalise one, the printed
form is kept beside it and a finding says so. ``provenance`` lists the source locations
of an element (lines for text, page and box for PDF, table/row/cell/paragraph for Word).
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .blocks import Location
from .readers import Format

SCHEMA_VERSION = "1.0"
SchemaVersion = Literal["1.0"]
"""The schema versions this code reads and writes."""

Quadrant = Literal["business", "core", "leadership", "self"]
QualificationKind = Literal["award", "certificate", "diploma"]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
"""Most serious first: the order findings are sorted and shown in."""
OutcomeKind = Literal["knowledge", "competence"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def id_field(description: str = "Stable identifier: a UUID (v5) derived from the element's natural key") -> str:
    """An identifier field, empty until ``extractor.ids`` assigns it after interpretation."""
    return Field(default="", description=description)


def parent_id_field(parent: str) -> str | None:
    """The identifier of the element's parent ``parent`` (``None`` where there is none)."""
    return Field(default=None, description=f"Identifier of the {parent} this element belongs to")


PRINTED_IDENTIFIER = r"^(\S(.*\S)?)?$"
"""An identifier as printed: one trimmed line. Malformed ones are kept and reported as findings."""


def amount(description: str | None = None):
    """A count of credits or hours: never negative."""
    return Field(ge=0, description=description)


def level():
    """An RQF/QCF level: 1 to 8."""
    return Field(ge=1, le=8)


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
    level: int | None = level()
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

    id: str = id_field()
    qualification_id: str | None = parent_id_field("qualification")
    kind: ConstraintKind
    text: str
    min: int | float | None = Field(default=None, ge=0)
    max: int | float | None = Field(default=None, ge=0)
    quadrants: list[Quadrant] = []
    level: int | None = Field(default=None, ge=1, le=8)
    provenance: Provenance


# The rules of combination as data that can be evaluated (built by ``extractor.rules`` once per extraction).

RuleKind = Literal["credits", "min_units", "min_credits", "min_share_at_level", "all_units"]


class UnitGroup(Model):
    """Units that count towards a rule: a quadrant (membership by each unit's quadrant) or a
    named list (an award structure)."""

    id: str = id_field()
    rule_id: str | None = parent_id_field("rule")
    name: str
    quadrant: Quadrant | None = None
    units: list[str] = Field(description="References of the units in the group as the document prints them")


class Rule(Model):
    """One rule of combination: ``min``..``max`` of what ``kind`` counts, over the units of
    any of ``groups`` (every selected unit when there is none)."""

    id: str = id_field()
    qualification_id: str | None = parent_id_field("qualification")
    kind: RuleKind
    text: str = Field(description="The sentence or table heading the rule was read from")
    min: int | float | None = None
    max: int | float | None = None
    groups: list[UnitGroup] = []
    level: int | None = None
    assumption: str | None = Field(default=None, description="How an unclear sentence was read")
    provenance: Provenance


class RuleSet(Model):
    """The rules a set of units must meet to achieve one qualification."""

    qan: str
    title: str
    kind: QualificationKind | None
    rules: list[Rule]
    not_evaluated: list[str] = Field(
        default=[], description="Rules as printed whose numbers could not be read: left out of the evaluation"
    )


class Qualification(Model):
    id: str = id_field()
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
    rule_set: RuleSet | None = Field(
        default=None,
        description="The rules of combination as evaluable rules (what `achieve` evaluates); "
        "null in an extraction made before they were part of the output",
    )
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
    number_printed: bool = Field(
        default=True,
        description="False when the criterion is printed without a number and was numbered n.k in order"
    )
    text: str
    provenance: Provenance


class LearningOutcome(Model):
    id: str = id_field()
    unit_id: str | None = parent_id_field("unit")
    number: int
    number_printed: bool = Field(
        default=True, description="False when the outcome is printed without a number and was numbered in order"
    )
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
    reference: str = Field(
        description="The unit's reference: its own field, else a code opening its title, else its UAN or number"
    )
    reference_printed: str
    uan: str | None = Field(
        pattern=PRINTED_IDENTIFIER, description="Ofqual unit accreditation number, when the unit prints one"
    )
    unit_number: str | None = Field(default=None, description='The unit\'s number as printed ("Unit 2"), when it has one')
    title: str
    level: int | None = level()
    level_printed: str | None = Field(default=None, description='The level as printed ("Level 3", "Entry Level 2")')
    credits: int | None = amount()
    glh: int | None = amount()
    tqt: int | None = amount("As the unit specification prints it, else from the units overview")
    quadrant: Quadrant | None
    purpose: str | None
    sector: Sector | None
    mandatory: str | None = Field(default=None, description="Mandatory/optional status as printed in the unit specification")
    grading: str | None = Field(default=None, description='Grading as printed ("Pass/Fail", "Pass/Merit/Distinction")')
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
    id: str = id_field("Identifier derived from the code, unit, field and message")
    code: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
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


Profile = Literal["isp", "generic"]


class Specification(Model):
    schema_version: SchemaVersion
    source: Source
    profile: Profile = Field(
        default="generic",
        description="Which checks ran: 'generic' (rules every specification obeys) or 'isp' (and ISP's conventions)"
    )
    document: Document
    qualifications: list[Qualification]
    units_overview: list[UnitListing]
    units: list[Unit]
    findings: list[Finding]
    identifiers: IdentifierHistory | None = Field(
        default=None, description="Set when identifiers were carried from a previous version"
    )
