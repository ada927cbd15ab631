"""Unit specifications: one unit's labelled facts, outcomes, content and guidance.

Label cells, "Label: value" lines and label headings name the field that follows (see the
vocabulary). A row whose first cell is empty continues the row above (a merged cell, or a
cell cut by a page break). Outcomes and criteria are read by ``outcomes``; what fits no
field is kept as one finding per unit with every skipped place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks import Block, Cell, Location, Part, PartKind
from ..findings import finding, value
from ..model import Finding
from ..textutil import fold
from .bullets import StarterModel, split_run
from .outcomes import BARE_CRITERION, CRITERION, STRONG_OUTCOME, UNNUMBERED_OUTCOME, Outcomes
from .values import fact_in_words
from .vocabulary import VOCABULARY, Vocabulary

SECTION = re.compile(r"^(\d+)\.?$")
SENTENCE_END = (".", "!", "?", ":")
BODY_FIELDS = ("purpose", "apprenticeship", "sector")
PARTS = ("outcomes", "criteria", "content", "guidance")
CODE = re.compile(r"^(?:[A-Z]{1,4}\d[A-Z0-9]*|[A-Z]/\d{3}/\d{4})$")
UNIT_NUMBER = re.compile(r"^(?:unit\s*)?\d+[A-Za-z]?$", re.IGNORECASE)
Place = Location  # where a field was printed
FACTS = ("title", "uan", "reference", "level", "credits", "glh", "tqt")  # what identifies or sizes a unit


def label_of(text: str, vocabulary: Vocabulary = VOCABULARY) -> str | None:
    """The field a label cell names, or None."""
    return vocabulary.field_of(text)


@dataclass
class Printed:
    """A scalar field as printed and where."""

    text: str
    where: list[Place]


@dataclass
class Section:
    number: str
    entries: list[str]
    where: list[Place]


@dataclass
class Body:
    """The "Additional Information" part of a unit: it can be printed twice."""

    fields: dict[str, Printed] = field(default_factory=dict)
    content: list[Section] = field(default_factory=list)
    guidance: list[Section] = field(default_factory=list)
    where: list[Place] = field(default_factory=list)


@dataclass
class UnitDraft:
    """A unit while its blocks are read."""

    quadrant_heading: str | None
    where: list[Place]
    fields: dict[str, Printed] = field(default_factory=dict)
    outcomes: Outcomes = field(default_factory=Outcomes)
    bodies: list[Body] = field(default_factory=list)
    state: str = "header"
    current_field: str | None = None
    roles: list[str] | None = None
    heading_title: Printed | None = None
    unit_number: Printed | None = None
    notes: list[Finding] = field(default_factory=list)
    skipped: list[tuple[str, Location]] = field(default_factory=list)

    @property
    def code(self) -> str | None:
        """The unit reference a title starts with, when it has the shape of a code ("L5B1 Analyse ...")."""
        title = self.fields.get("title")
        words = title.text.split() if title else []
        return words[0] if len(words) > 1 and CODE.match(words[0]) else None

    @property
    def ref(self) -> str:
        """The unit's reference as printed: its own field, a code opening the title, its UAN ("" if none)."""
        own = self.fields.get("reference")
        if own and own.text and not UNIT_NUMBER.match(own.text):
            return own.text
        for candidate in (self.code, self._text("uan")):
            if candidate:
                return candidate
        return ""

    @property
    def name(self) -> str:
        """What findings call the unit: its reference, else its number, else its title."""
        title = self.fields.get("title") or self.heading_title
        number = self.unit_number.text if self.unit_number else ""
        return self.ref or number or (title.text if title else "") or "?"

    @property
    def called(self) -> str:
        """'Unit L5B1', 'Unit 10' (not 'Unit Unit 10'): how a message names the unit."""
        return self.name if self.name.lower().startswith("unit ") else f"Unit {self.name}"

    def _text(self, name: str) -> str:
        printed = self.fields.get(name)
        return printed.text if printed else ""

    @property
    def body(self) -> Body:
        if not self.bodies:
            self.bodies.append(Body())
        return self.bodies[-1]

    def has(self, name: str) -> bool:
        if name == "outcomes":
            return bool(self.outcomes.outcomes)
        return name in self.fields


class UnitReader:
    """Feeds one unit's blocks into a UnitDraft."""

    def __init__(self, first: Block, quadrant_heading: str | None, starters: StarterModel,
                 vocabulary: Vocabulary = VOCABULARY):
        self.draft = UnitDraft(quadrant_heading=quadrant_heading, where=[first.location])
        self.starters = starters
        self.vocabulary = vocabulary

    def feed(self, block: Block) -> None:
        d = self.draft
        d.where.append(block.location)
        if block.kind != "row":
            self._loose(block)
            return
        cells = list(block.cells)
        outcome_first = bool(cells) and _outcome_line(cells[0].text)
        label = label_of(cells[0].text, self.vocabulary) if cells and cells[0].text and not outcome_first else None
        numbered = label is None and self._outcome_row(cells)
        if label is not None:
            self._label(label, cells, block)
        elif d.state == "outcomes" or (d.state == "header" and numbered):
            if not d.outcomes.row(cells, block.location, d.roles):
                self._note_unexpected(block)
        elif d.state in ("content", "guidance"):
            self._section_row(cells, block)
        elif cells and not cells[0].text and d.current_field:
            self._continue_field(cells[1:], block)
        else:
            self._note_unexpected(block)

    def _outcome_row(self, cells: list[Cell]) -> bool:
        """A row that prints a numbered outcome or criterion, whatever table it is in."""
        return any(_criterion_with_text(c.text) or _numbered_outcome(c.text) for c in cells) or any(
            BARE_CRITERION.match(c.text) for c in cells[1:]
        )

    # -- labels and scalar fields -------------------------------------------------------

    def _label(self, label: str, cells: list[Cell], block: Block) -> None:
        d = self.draft
        if label in PARTS:
            d.state = "outcomes" if label in ("outcomes", "criteria") else label
            d.current_field = None
            if label in ("outcomes", "criteria") and len(cells) > 1:
                roles = [self._role(c.text) for c in cells]
                named = "outcomes" in roles and "criteria" in roles
                d.roles = [role or ("content" if named else "") for role in roles]
                if d.has("outcomes") and not named:
                    d.state = "other"  # a table that cites the outcomes ("LO | Assessment method")
            return
        if label == "additional":
            if d.bodies and (d.body.content or d.body.guidance):
                d.bodies.append(Body())
            d.body.where.append(block.location)
            d.state = "additional"
            return
        target = d.fields
        if label in BODY_FIELDS:
            target = d.body.fields
            d.state = "additional"
        elif d.state != "header" and d.state != "additional":
            d.state = "header"
        text = " ".join(c.text for c in cells[1:] if c.text)
        target[label] = Printed(text, [block.location])
        d.current_field = label

    def _role(self, text: str) -> str:
        label = label_of(text, self.vocabulary)
        return label if label in PARTS else ""

    def _continue_field(self, cells: list[Cell], block: Block) -> None:
        d = self.draft
        name = d.current_field or ""
        target = d.body.fields if name in d.body.fields else d.fields
        printed = target[name]
        extra = " ".join(c.text for c in cells if c.text)
        printed.text = fold(f"{printed.text} {extra}")
        printed.where.append(block.location)

    # -- indicative content and assessor guidance -----------------------------------------

    def _sections(self) -> list[Section]:
        d = self.draft
        return d.body.content if d.state == "content" else d.body.guidance

    def _section_row(self, cells: list[Cell], block: Block) -> None:
        sections = self._sections()
        first = cells[0].text if cells else ""
        match = SECTION.match(first)
        parts = [p for c in cells[1:] for p in c.parts]
        if match:
            sections.append(Section(match.group(1), [], [block.location]))
        elif first or not sections:
            self._note_unexpected(block)
            return
        else:
            sections[-1].where.append(block.location)
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

    # -- headings, paragraphs and list items ------------------------------------------------

    def _loose(self, block: Block) -> None:
        """A heading, paragraph or list item between or instead of a unit's tables."""
        d = self.draft
        if block.kind != "item" and _outcome_line(block.text):
            d.state = "outcomes"
            d.outcomes.line(block.text, block.location, block.kind)
            return
        split = self.vocabulary.split_label(block.text)
        if split is not None and (split[0] in FACTS or (block.kind != "item" and split[0] not in PARTS + ("additional",))):
            name, text = split
            first, *more = [segment.strip() for segment in text.split(" | ")]
            self._label(name, [Cell((), block.location), Cell((Part("paragraph", first, block.location),), block.location)],
                        block)
            for fact, fact_text in filter(None, (fact_in_words(segment) for segment in more)):
                d.fields.setdefault(fact, Printed(fact_text, [block.location]))
            return
        label = label_of(block.text, self.vocabulary)
        if label is not None:
            self._label(label, [Cell((), block.location)], block)
            return
        if d.state == "outcomes" and d.outcomes.line(block.text, block.location, block.kind):
            return
        if d.state == "outcomes" and block.kind == "heading":
            d.state = "other"  # a heading of its own ends the outcomes ("Assessment information")
        if d.state in ("content", "guidance"):
            self._section_text(block)
            return
        if d.state == "header" and block.kind == "item" and d.outcomes.line(block.text, block.location, block.kind):
            d.state = "outcomes"
            return
        printed = d.fields.get(d.current_field or "") or d.body.fields.get(d.current_field or "")
        if printed is not None and not printed.text and block.kind != "heading":
            printed.text = block.text
            printed.where.append(block.location)
            return
        self._note_unexpected(block)

    def _section_text(self, block: Block) -> None:
        d = self.draft
        sections = self._sections()
        kind: PartKind = "item" if block.kind == "item" else "run"
        if not sections:
            sections.append(Section("", [], [block.location]))
            d.body.where.append(block.location)
            self._add_parts(sections[-1], [Part(kind, block.text, block.location)], False)
            return
        numbered = bool(SECTION.match(sections[-1].number))
        self._add_parts(sections[-1], [Part(kind, block.text, block.location)], numbered)
        sections[-1].where.append(block.location)
        if not numbered:
            return
        name = "indicative content" if d.state == "content" else "assessor guidance"
        d.notes.append(
            finding(
                "text-outside-table",
                "info",
                f"{d.called}: text printed after the {name} table was read as part of "
                f"section {sections[-1].number}.",
                unit=d.name,
                field="indicative_content" if d.state == "content" else "assessor_guidance",
                values=[value(block.text, "paragraph outside the table", [block.location])],
            )
        )

    def _note_unexpected(self, block: Block) -> None:
        text = " | ".join(c.text for c in block.cells) if block.cells else block.text
        self.draft.skipped.append((text, block.location))

    def skipped_finding(self) -> list[Finding]:
        """One finding for everything in the unit that fits no field, with every place."""
        d = self.draft
        if not d.skipped:
            return []
        count = len(d.skipped)
        return [
            finding(
                "unexpected-row",
                "warning",
                f"{d.called}: {count} row(s) or paragraph(s) that fit no field of the unit specification "
                "were skipped.",
                unit=d.name,
                values=[value(text, "skipped text", [where]) for text, where in d.skipped],
            )
        ]


def _outcome_line(text: str) -> bool:
    """A line that is an outcome although it starts like a label ('Learning Outcome 1: ...', 'LO: ...')."""
    return _numbered_outcome(text) or bool(UNNUMBERED_OUTCOME.match(text))


def _numbered_outcome(text: str) -> bool:
    """'Learning Outcome 1: Understand ...', 'LO1 Understand ...' (a label with a number is an outcome)."""
    match = STRONG_OUTCOME.match(text)
    return bool(match and match.group(2))


def _criterion_with_text(text: str) -> bool:
    match = CRITERION.match(text)
    return bool(match and match.group(3))
