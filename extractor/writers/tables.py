"""The table projection of a specification, shared by every tabular output.

Each table has typed, described columns; every row has an ``id`` (its primary key), the ids
of its parents (foreign keys) and the specification ``version``. Codes (QAN, UAN, "1.1",
"15.4") are strings; counts are integers; no cell holds JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..ids import derived_id
from ..model import Location, Range, Sector, Specification, UnitListing
from .locations import describe_all

ColumnType = Literal["string", "integer", "number", "date"]
Cell = str | int | float | None


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str


@dataclass
class Table:
    """One table: its columns, keys and rows (tuples in column order)."""

    name: str
    description: str
    columns: list[Column]
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    text_columns: tuple[str, ...] = ()
    """Columns of running text, indexed for full-text search by the database export."""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _s(name: str, description: str) -> Column:
    return Column(name, "string", description)


def _i(name: str, description: str) -> Column:
    return Column(name, "integer", description)


ID = _s("id", "Stable identifier (UUID v5)")
VERSION = _s("version", "Version of the specification the row comes from, as printed")
SOURCE = _s("source", "Where the element was printed in the source document")
POSITION = _i("position", "Order within its parent, from 1")
LISTING = [
    _s("isp_ref", "Awarding body's unit reference"),
    _s("uan", "Ofqual unit accreditation number"),
    _s("title", "Unit title"),
    _i("level", "Unit level"),
    _i("glh", "Guided learning hours"),
    _i("tqt", "Total qualification time"),
    _i("credits", "Credit value"),
]


def _range(name: str) -> list[Column]:
    return [_i(f"{name}_min", f"Least {name} (as read)"), _i(f"{name}_max", f"Most {name} (as read)"),
            _s(f"{name}_printed", f"{name} as printed")]


def _sector(prefix: str) -> list[Column]:
    return [_s(f"{prefix}_code", "Ofqual subject/sector area code, e.g. 15.4"),
            _s(f"{prefix}_label", "Subject/sector area label"), _s(f"{prefix}_printed", "Subject/sector as printed")]


def _range_cells(r: Range) -> tuple[Cell, ...]:
    return r.min, r.max, r.printed


def _sector_cells(s: Sector | None) -> tuple[Cell, ...]:
    return (s.code, s.label, s.printed) if s else (None, None, None)


def _where(locations: list[Location]) -> str | None:
    return describe_all(locations) or None


def _listing_cells(u: UnitListing) -> tuple[Cell, ...]:
    return u.isp_ref, u.uan, u.title, u.level, u.glh, u.tqt, u.credits


def project(spec: Specification) -> list[Table]:
    """Every table of ``spec``, in a fixed order (parents before children)."""
    v = spec.document.version
    doc = spec.document
    tables = [
        Table("document", "The specification document: one row", [
            ID, VERSION, _s("title", "Document title"), _s("awarding_body", "Awarding body"),
            _i("level", "Level of the qualifications"), *_sector("subject_sector"),
            Column("publication_date", "date", "Publication date (ISO 8601)"),
            _s("source_path", "File name of the source document"), _s("source_format", "text, docx or pdf"),
            _s("source_sha256", "SHA-256 of the source document"), _s("schema_version", "qualspec schema version"),
        ], rows=[(doc.id, v, doc.title, doc.awarding_body, doc.level, *_sector_cells(doc.subject_sector),
                  doc.publication_date, spec.source.path, spec.source.format, spec.source.sha256,
                  spec.schema_version)]),
        Table("change_log", "Change control entries of the document", [
            ID, _s("document_id", "The document"), VERSION, POSITION,
            _s("entry_version", "Version the entry describes, as printed"),
            Column("date", "date", "Date of the entry (ISO 8601, read day first)"),
            _s("date_printed", "Date as printed"),
            _s("summary", "Summary of the change"), _s("author_initials", "Author's initials"), SOURCE,
        ], [ForeignKey("document_id", "document")],
            rows=[(e.id, doc.id, v, i, e.version, e.date, e.date_printed, e.summary, e.author_initials,
                   _where(e.provenance)) for i, e in enumerate(doc.change_log, 1)], text_columns=("summary",)),
        Table("units", "Unit specifications", [
            ID, _s("document_id", "The document"), VERSION, _s("isp_ref", "Unit reference (normalised)"),
            _s("isp_ref_printed", "Unit reference as printed"), _s("uan", "Ofqual unit accreditation number"),
            _s("title", "Unit title"), _i("level", "Unit level"), _i("credits", "Credit value"),
            _i("glh", "Guided learning hours"), _i("tqt", "Total qualification time (from the units overview)"),
            _s("quadrant", "business, core, leadership or self"), _s("purpose", "Unit purpose and aims"),
            *_sector("sector"), _s("apprenticeship_printed", "Apprenticeship relationship as printed"), SOURCE,
        ], [ForeignKey("document_id", "document")],
            rows=[(u.id, doc.id, v, u.isp_ref, u.isp_ref_printed, u.uan, u.title, u.level, u.credits, u.glh, u.tqt,
                   u.quadrant, u.purpose, *_sector_cells(u.sector), u.apprenticeship_printed, _where(u.provenance))
                  for u in spec.units], text_columns=("title", "purpose")),
        Table("units_overview", "Rows of the units overview table", [
            ID, _s("unit_id", "The unit specification (if any)"), VERSION, POSITION, *LISTING,
            _s("quadrant", "business, core, leadership or self"), SOURCE,
        ], [ForeignKey("unit_id", "units")],
            rows=[(r.id, r.unit_id, v, i, *_listing_cells(r), r.quadrant, _where(r.provenance))
                  for i, r in enumerate(spec.units_overview, 1)]),
        Table("qualifications", "Qualifications (key facts)", [
            ID, _s("document_id", "The document"), VERSION, _s("qan", "Ofqual qualification accreditation number"),
            _s("title", "Qualification title"), _s("kind", "award, certificate or diploma"),
            *_range("credits"), *_range("glh"), *_range("tqt"),
            _s("structure_title", "Heading of the award structure table"), SOURCE,
        ], [ForeignKey("document_id", "document")],
            rows=[(q.id, doc.id, v, q.qan, q.title, q.kind, *_range_cells(q.credits), *_range_cells(q.glh),
                   *_range_cells(q.tqt), q.structure_title, _where(q.provenance)) for q in spec.qualifications],
            text_columns=("title",)),
        Table("qualification_units", "Units listed in a qualification's award structure", [
            ID, _s("qualification_id", "The qualification"), _s("unit_id", "The unit specification (if any)"),
            VERSION, POSITION, *LISTING, SOURCE,
        ], [ForeignKey("qualification_id", "qualifications"), ForeignKey("unit_id", "units")],
            rows=[(r.id, q.id, r.unit_id, v, i, *_listing_cells(r), _where(r.provenance))
                  for q in spec.qualifications for i, r in enumerate(q.units, 1)]),
        Table("qualification_rules", "Rules of combination of a qualification", [
            ID, _s("qualification_id", "The qualification"), VERSION, POSITION, _s("kind", "Kind of rule"),
            Column("min", "number", "Least amount"), Column("max", "number", "Most amount"),
            _s("quadrants", "Quadrants the rule is about, separated by |"), _i("level", "Level the rule is about"),
            _s("text", "The rule as printed"), SOURCE,
        ], [ForeignKey("qualification_id", "qualifications")],
            rows=[(r.id, q.id, v, i, r.kind, r.min, r.max, "|".join(r.quadrants) or None, r.level, r.text,
                   _where(r.provenance)) for q in spec.qualifications for i, r in enumerate(q.rules, 1)],
            text_columns=("text",)),
        Table("unit_ksbs", "Apprenticeship knowledge, skills and behaviours a unit links to", [
            ID, _s("unit_id", "The unit"), VERSION, POSITION, _s("standard", "Apprenticeship standard"),
            _s("code", "KSB code, e.g. K7"), _s("text", "KSB text as printed"),
        ], [ForeignKey("unit_id", "units")],
            rows=[(k.id, u.id, v, i, standard, k.code, k.text) for u in spec.units
                  for i, (standard, k) in enumerate([(a.standard, k) for a in u.apprenticeship for k in a.ksbs], 1)],
            text_columns=("text",)),
        Table("learning_outcomes", "Learning outcomes of a unit", [
            ID, _s("unit_id", "The unit"), VERSION, _i("number", "Outcome number"),
            _s("kind", "knowledge or competence"), _s("text", "Outcome text"), SOURCE,
        ], [ForeignKey("unit_id", "units")],
            rows=[(lo.id, u.id, v, lo.number, lo.kind, lo.text, _where(lo.provenance[:1]))
                  for u in spec.units for lo in u.learning_outcomes], text_columns=("text",)),
        Table("assessment_criteria", "Assessment criteria of a learning outcome", [
            ID, _s("learning_outcome_id", "The learning outcome"), _s("unit_id", "The unit"), VERSION, POSITION,
            _s("number", "Criterion number as printed, e.g. 1.1"), _s("text", "Criterion text"), SOURCE,
        ], [ForeignKey("learning_outcome_id", "learning_outcomes"), ForeignKey("unit_id", "units")],
            rows=[(c.id, lo.id, u.id, v, i, c.number, c.text, _where(c.provenance))
                  for u in spec.units for lo in u.learning_outcomes for i, c in enumerate(lo.assessment_criteria, 1)],
            text_columns=("text",)),
    ]
    for name, description in (("indicative_content", "Indicative content items"),
                              ("assessor_guidance", "Assessor guidance paragraphs")):
        tables.append(Table(name, description, [
            ID, _s("unit_id", "The unit"), _s("learning_outcome_id", "The learning outcome the section is about"),
            VERSION, _s("section", "Section number as printed"), POSITION, _s("text", "Text as printed"),
        ], [ForeignKey("unit_id", "units"), ForeignKey("learning_outcome_id", "learning_outcomes")],
            rows=[(item.id, u.id, s.learning_outcome_id, v, s.section, i, item.text)
                  for u in spec.units for s in getattr(u, name)
                  for i, item in enumerate(s.items if name == "indicative_content" else s.paragraphs, 1)],
            text_columns=("text",)))
    tables += _finding_tables(spec)
    return tables


def _finding_tables(spec: Specification) -> list[Table]:
    v = spec.document.version
    findings = Table("findings", "Findings of the checks", [
        ID, _s("document_id", "The document"), VERSION, POSITION, _s("code", "Finding code"),
        _s("severity", "error, warning or info"), _s("unit", "Unit reference the finding is about"),
        _s("field", "Field the finding is about"), _s("message", "What was found"), _s("locations", "Where"),
    ], [ForeignKey("document_id", "document")],
        rows=[(f.id, spec.document.id, v, i, f.code, f.severity, f.unit, f.field, f.message, _where(f.locations))
              for i, f in enumerate(spec.findings, 1)], text_columns=("message",))
    values = Table("finding_values", "The values in conflict in a finding, one row each", [
        ID, _s("finding_id", "The finding"), VERSION, POSITION,
        _s("value", "The value as printed (or read)"), _s("value_type", "string, integer, number or empty"),
        _s("value_source", "Where the value comes from"), _s("locations", "Where it was printed"),
    ], [ForeignKey("finding_id", "findings")],
        rows=[(derived_id(f"{f.id}|value|{i}"), f.id, v, i, None if x.value is None else str(x.value),
               _value_type(x.value), x.source, _where(x.locations))
              for f in spec.findings for i, x in enumerate(f.values, 1)])
    return [findings, values]


def _value_type(value: object) -> str:
    if value is None:
        return "empty"
    return {int: "integer", float: "number"}.get(type(value), "string")
