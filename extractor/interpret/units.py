"""Unit specifications: the labelled tables that describe one unit each.

A unit starts at a "Unit Title" row. Label cells name the field a row holds; a row whose
first cell is empty continues the row above (a merged cell, or a cell cut by a page
break). Criteria go under the outcome their number belongs to, wherever the outcome's
own text appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks import Block, Cell, Location, Part
from ..findings import finding, loc, locs, value
from ..model import (
    AssessmentCriterion,
    ContentSection,
    Finding,
    GuidanceSection,
    LearningOutcome,
    Unit,
)
from ..textutil import fold
from .bullets import StarterModel, split_run
from .values import parse_apprenticeship, parse_sector, to_int
from .vocabulary import VOCABULARY, Vocabulary

OUTCOME = re.compile(r"^(\d+)\.?\s+(\S.*)$")
CRITERION = re.compile(r"^(\d+)\.(\d+)$")
SECTION = re.compile(r"^(\d+)\.?$")
SENTENCE_END = (".", "!", "?", ":")
BODY_FIELDS = ("purpose", "apprenticeship", "sector")

def label_of(text: str, vocabulary: Vocabulary = VOCABULARY) -> str | None:
    """The field a label cell names, or None."""
    return vocabulary.field_of(text)


def outcome_kind(text: str) -> str | None:
    lowered = text.lower()
    if lowered.startswith("understand"):
        return "knowledge"
    if lowered.startswith("be able to"):
        return "competence"
    return None


@dataclass
class Printed:
    """A scalar field as printed and where."""

    text: str
    where: list[Location]


@dataclass
class Section:
    number: str
    entries: list[str]
    where: list[Location]


@dataclass
class Body:
    """The "Additional Information" part of a unit: it can be printed twice."""

    fields: dict[str, Printed] = field(default_factory=dict)
    content: list[Section] = field(default_factory=list)
    guidance: list[Section] = field(default_factory=list)
    where: list[Location] = field(default_factory=list)


@dataclass
class UnitDraft:
    """A unit while its rows are read."""

    quadrant_heading: str | None
    where: list[Location]
    fields: dict[str, Printed] = field(default_factory=dict)
    outcomes: dict[int, tuple[str, list[Location]]] = field(default_factory=dict)
    criteria: list[tuple[int, str, str, list[Location]]] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    state: str = "header"
    current_field: str | None = None
    notes: list[Finding] = field(default_factory=list)

    @property
    def ref(self) -> str:
        title = self.fields.get("title")
        return title.text.split()[0] if title and title.text.split() else "?"

    @property
    def body(self) -> Body:
        if not self.bodies:
            self.bodies.append(Body())
        return self.bodies[-1]


class UnitReader:
    """Feeds one unit's blocks into a UnitDraft."""

    def __init__(self, first: Block, quadrant_heading: str | None, starters: StarterModel):
        self.draft = UnitDraft(quadrant_heading=quadrant_heading, where=[loc(first.location)])
        self.starters = starters
        self.feed(first)

    def feed(self, block: Block) -> None:
        d = self.draft
        d.where.append(loc(block.location))
        if block.kind != "row":
            self._loose(block)
            return
        cells = list(block.cells)
        label = label_of(cells[0].text) if cells and cells[0].text else None
        if label is not None:
            self._label(label, cells, block)
        elif d.state == "outcomes":
            self._outcome_row(cells, block)
        elif d.state in ("content", "guidance"):
            self._section_row(cells, block)
        elif cells and not cells[0].text and d.current_field:
            self._continue_field(cells[1:], block)
        else:
            self._note_unexpected(block)

    # -- labels and scalar fields -------------------------------------------------------

    def _label(self, label: str, cells: list[Cell], block: Block) -> None:
        d = self.draft
        if label in ("outcomes", "content", "guidance"):
            d.state = label
            d.current_field = None
            return
        if label == "additional":
            if d.bodies and (d.body.content or d.body.guidance):
                d.bodies.append(Body())
            d.body.where.append(loc(block.location))
            d.state = "additional"
            return
        target = d.fields
        if label in BODY_FIELDS:
            target = d.body.fields
            d.state = "additional"
        text = " ".join(c.text for c in cells[1:] if c.text)
        target[label] = Printed(text, [loc(block.location)])
        d.current_field = label

    def _continue_field(self, cells: list[Cell], block: Block) -> None:
        d = self.draft
        target = d.body.fields if d.current_field in d.body.fields else d.fields
        printed = target[d.current_field]
        extra = " ".join(c.text for c in cells if c.text)
        printed.text = fold(f"{printed.text} {extra}")
        printed.where.append(loc(block.location))

    # -- learning outcomes and criteria ----------------------------------------------------

    def _outcome_row(self, cells: list[Cell], block: Block) -> None:
        d = self.draft
        where = loc(block.location)
        first = cells[0].text if cells else ""
        if first:
            match = OUTCOME.match(first)
            if match:
                number = int(match.group(1))
                if number in d.outcomes:
                    d.notes.append(
                        finding(
                            "duplicate-learning-outcome",
                            "error",
                            f"Unit {d.ref} prints learning outcome {number} twice.",
                            unit=d.ref,
                            field="learning_outcomes",
                            values=[
                                value(d.outcomes[number][0], "first", d.outcomes[number][1]),
                                value(match.group(2), "second", [where]),
                            ],
                        )
                    )
                else:
                    d.outcomes[number] = (match.group(2), [loc(cells[0].location)])
            else:
                self._note_unexpected(block)
                return
        rest = [c.text for c in cells[1:]]
        if rest and CRITERION.match(rest[0]):
            number = rest[0]
            outcome = int(CRITERION.match(number).group(1))
            d.criteria.append((outcome, number, " ".join(t for t in rest[1:] if t), [where]))
        elif rest and not first and d.criteria:
            outcome, number, text, places = d.criteria[-1]
            d.criteria[-1] = (outcome, number, fold(f"{text} {' '.join(rest)}"), places + [where])
        elif rest:
            self._note_unexpected(block)

    # -- indicative content and assessor guidance -----------------------------------------

    def _section_row(self, cells: list[Cell], block: Block) -> None:
        d = self.draft
        sections = d.body.content if d.state == "content" else d.body.guidance
        first = cells[0].text if cells else ""
        match = SECTION.match(first)
        parts = [p for c in cells[1:] for p in c.parts]
        if match:
            sections.append(Section(match.group(1), [], [loc(block.location)]))
        elif first or not sections:
            self._note_unexpected(block)
            return
        else:
            sections[-1].where.append(loc(block.location))
        self._add_parts(sections[-1], parts, continuation=not match)

    def _add_parts(self, section: Section, parts: list[Part], continuation: bool) -> None:
        if self.draft.state == "content":
            for part in parts:
                if part.kind == "item":
                    section.entries.append(part.text)
                else:
                    section.entries.extend(split_run(part.text, self.starters))
            return
        for index, part in enumerate(parts):
            last = section.entries[-1] if section.entries else ""
            if continuation and index == 0 and last and not last.endswith(SENTENCE_END):
                section.entries[-1] = f"{last} {part.text}"
            else:
                section.entries.append(part.text)

    def _loose(self, block: Block) -> None:
        """A paragraph or list item between a unit's tables."""
        d = self.draft
        label = label_of(block.text)
        if label is not None:
            self._label(label, [Cell((), block.location)], block)
            return
        sections = d.body.content if d.state == "content" else d.body.guidance
        if d.state in ("content", "guidance") and sections:
            kind = "item" if block.kind == "item" else "run"
            self._add_parts(sections[-1], [Part(kind, block.text, block.location)], True)
            sections[-1].where.append(loc(block.location))
            name = "indicative content" if d.state == "content" else "assessor guidance"
            d.notes.append(
                finding(
                    "text-outside-table",
                    "info",
                    f"Unit {d.ref}: text printed after the {name} table was read as part of "
                    f"section {sections[-1].number}.",
                    unit=d.ref,
                    field="indicative_content" if d.state == "content" else "assessor_guidance",
                    values=[value(block.text, "paragraph outside the table", [block.location])],
                )
            )
            return
        self._note_unexpected(block)

    def _note_unexpected(self, block: Block) -> None:
        d = self.draft
        text = " | ".join(c.text for c in block.cells) if block.cells else block.text
        d.notes.append(
            finding(
                "unexpected-row",
                "warning",
                f"Unit {d.ref}: a row that fits no field of the unit specification was skipped.",
                unit=d.ref,
                values=[value(text, "skipped text", [block.location])],
            )
        )

    # -- result ----------------------------------------------------------------------------

    def finish(self) -> tuple[Unit, list[Finding]]:
        d = self.draft
        notes = list(d.notes)
        ref_printed = d.ref
        title_text = d.fields.get("title")
        title = title_text.text[len(ref_printed):].strip() if title_text else ""
        outcomes = self._outcomes(notes)
        body = d.bodies[0] if d.bodies else Body()
        notes.extend(self._duplicate_bodies())
        numbers = [o.number for o in outcomes]
        content = [
            ContentSection(section=s.number, learning_outcome=None, items=s.entries, provenance=locs(s.where))
            for s in body.content
        ]
        guidance = [
            GuidanceSection(section=s.number, learning_outcome=None, paragraphs=s.entries, provenance=locs(s.where))
            for s in body.guidance
        ]
        for name, sections in (("indicative_content", content), ("assessor_guidance", guidance)):
            notes.extend(link_sections(ref_printed, name, sections, numbers))
        apprenticeship_printed = body.fields.get("apprenticeship")
        links = parse_apprenticeship(apprenticeship_printed.text) if apprenticeship_printed else None
        if apprenticeship_printed and links is None:
            notes.append(
                finding(
                    "apprenticeship-unreadable",
                    "warning",
                    f"Unit {ref_printed}: the apprenticeship field names no standard and no KSB codes.",
                    unit=ref_printed,
                    field="apprenticeship",
                    values=[value(apprenticeship_printed.text, "unit specification", apprenticeship_printed.where)],
                )
            )
        sector = body.fields.get("sector")
        purpose = body.fields.get("purpose")
        unit = Unit(
            reference=ref_printed,
            reference_printed=ref_printed,
            uan=self._text("uan"),
            title=title,
            level=to_int(self._text("level")),
            credits=to_int(self._text("credits")),
            glh=to_int(self._text("glh")),
            tqt=None,
            quadrant=None,
            purpose=purpose.text if purpose else None,
            sector=parse_sector(sector.text) if sector else None,
            apprenticeship=links or [],
            apprenticeship_printed=apprenticeship_printed.text if apprenticeship_printed else None,
            learning_outcomes=outcomes,
            indicative_content=content,
            assessor_guidance=guidance,
            provenance=locs(d.where[:1]),
            field_provenance={
                name: locs(printed.where)
                for name, printed in sorted({**d.fields, **body.fields}.items())
            },
        )
        return unit, notes

    def _text(self, name: str) -> str:
        printed = self.draft.fields.get(name)
        return printed.text if printed else ""

    def _outcomes(self, notes: list[Finding]) -> list[LearningOutcome]:
        d = self.draft
        grouped: dict[int, list[AssessmentCriterion]] = {n: [] for n in d.outcomes}
        for outcome, number, text, places in d.criteria:
            if outcome not in grouped:
                notes.append(
                    finding(
                        "criterion-without-outcome",
                        "error",
                        f"Unit {d.ref}: criterion {number} belongs to learning outcome {outcome}, "
                        "which the unit does not print; it is left out.",
                        unit=d.ref,
                        field="assessment_criteria",
                        values=[value(f"{number} {text}", "learning outcomes table", places)],
                    )
                )
                continue
            grouped[outcome].append(
                AssessmentCriterion(number=number, text=text, provenance=locs(places))
            )
        result = []
        for number in sorted(d.outcomes):
            text, places = d.outcomes[number]
            kind = outcome_kind(text)
            if kind is None:
                notes.append(
                    finding(
                        "outcome-kind-unknown",
                        "warning",
                        f"Unit {d.ref}: learning outcome {number} starts neither with "
                        "'Understand' nor with 'Be able to'.",
                        unit=d.ref,
                        field="learning_outcomes",
                        values=[value(text, "learning outcomes table", places)],
                    )
                )
            result.append(
                LearningOutcome(
                    number=number,
                    text=text,
                    kind=kind,
                    assessment_criteria=grouped[number],
                    provenance=locs(places + [c.provenance[0] for c in grouped[number]]),
                )
            )
        return result

    def _duplicate_bodies(self) -> list[Finding]:
        d = self.draft
        notes = []
        first = d.bodies[0] if d.bodies else None
        for extra in d.bodies[1:]:
            same = _body_text(extra) == _body_text(first)
            notes.append(
                finding(
                    "duplicate-block",
                    "error",
                    f"Unit {d.ref} prints its 'Additional Information' block twice"
                    + (" with the same wording" if same else " with different wording")
                    + "; the first is used.",
                    unit=d.ref,
                    field="additional_information",
                    values=[
                        value(_numbers(first), "first block: section numbers", first.where[:1] + _section_places(first)),
                        value(_numbers(extra), "second block: section numbers", extra.where[:1] + _section_places(extra)),
                    ],
                )
            )
        return notes


def _body_text(body: Body) -> tuple:
    """The block's wording, whatever its section numbers and paragraph breaks."""
    return (
        tuple(fold(f.text) for f in body.fields.values()),
        tuple(" ".join(s.entries) for s in body.content),
        tuple(" ".join(s.entries) for s in body.guidance),
    )


def _numbers(body: Body) -> str:
    content = ",".join(s.number for s in body.content)
    guidance = ",".join(s.number for s in body.guidance)
    return f"indicative content {content}; assessor guidance {guidance}"


def _section_places(body: Body) -> list[Location]:
    return [s.where[0] for s in body.content[:1] + body.guidance[:1]]


def link_sections(ref: str, name: str, sections: list, outcomes: list[int]) -> list[Finding]:
    """Link sections to outcomes when they are numbered exactly as the outcomes are."""
    numbers = [int(s.section) for s in sections]
    if not sections:
        return []
    if numbers == outcomes:
        for section in sections:
            section.learning_outcome = int(section.section)
        return []
    label = name.replace("_", " ")
    return [
        finding(
            "sections-not-linked",
            "warning",
            f"Unit {ref}: {label} sections are numbered {_span(numbers)} but the learning outcomes "
            f"are {_span(outcomes)}, so no section can be linked to an outcome.",
            unit=ref,
            field=name,
            values=[
                value(",".join(map(str, numbers)), f"{label} section numbers", [s.provenance[0] for s in sections]),
                value(",".join(map(str, outcomes)), "learning outcome numbers", []),
            ],
        )
    ]


def _span(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers)) if numbers else "none"
