"""The interpreter's reading pass: blocks in order, routed to front-matter tables, rules and units."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from ..blocks import Block
from ..errors import InputError
from ..findings import finding, value
from ..model import (
    ChangeLogEntry,
    Constraint,
    Document,
    Finding,
    Quadrant,
    Qualification,
    Unit,
    UnitListing,
)
from . import front
from .build import build_unit
from .bullets import learn_starters
from .profiles import detect_profile
from .reconcile import Reconciliation
from .segments import heading_facts, listing_columns, starts_unit, unit_heading
from .units import Printed, UnitReader
from .vocabulary import QUADRANT_NAMES, VOCABULARY, Vocabulary

QUALIFICATION_FACTS = ("qualification", "qan")
FACT_FIELDS = ("uan", "reference", "level", "credits", "glh", "tqt", "outcomes")
UNIT_SECTION = re.compile(rf"unit specifications\s*[-\u2013]\s*({QUADRANT_NAMES})\b", re.I)


@dataclass
class Interpretation:
    document: Document
    qualifications: list[Qualification]
    units_overview: list[UnitListing]
    units: list[Unit]
    findings: list[Finding] = field(default_factory=list)
    profile: str = "generic"


class Interpreter(Reconciliation):
    def __init__(self, blocks: list[Block], vocabulary: Vocabulary = VOCABULARY, profile: str | None = None):
        self.blocks = blocks
        self.vocabulary = vocabulary
        self.forced_profile = profile
        self.profile = profile or "generic"
        self.starters = learn_starters(blocks)
        self.paragraphs: list[Block] = []
        self.change_log: list[ChangeLogEntry] = []
        self.qualifications: list[Qualification] = []
        self.structures: list[tuple[str, Block | None, list[UnitListing]]] = []
        self.overview: list[UnitListing] = []
        self.rules: dict[str, list[Constraint]] = {}
        self.shares: list[Constraint] = []
        self.units: list[Unit] = []
        self.findings: list[Finding] = []
        self._listing_quadrant: str | None = None
        self._listing_target: list[UnitListing] | None = None
        self._listing_columns: list[str | None] | None = None
        self._page_title: Block | None = None
        self._facts: list[Block] = []

    def run(self) -> Interpretation:
        table: str | None = None
        heading: Block | None = None
        rule_kind: str | None = None
        section_quadrant: str | None = None
        reader: UnitReader | None = None
        previous: Block | None = None
        for block in self.blocks:
            if block.kind != "row":
                match = UNIT_SECTION.search(block.text)
                if match:
                    self._close(reader)
                    reader, section_quadrant = None, match.group(1).lower()
                    continue
            front_header = reader is None and block.kind == "row" and front.header_kind(block) is not None
            start = None if front_header else starts_unit(block, reader, self.vocabulary, table)
            if start is not None:
                heading_before = self._heading_before(reader, previous)
                self._close(reader)
                reader = UnitReader(block, section_quadrant, self.starters, self.vocabulary)
                if start == "heading":
                    title, number = unit_heading(block)
                    reader.draft.heading_title = Printed(title, [block.location])
                    reader.draft.unit_number = Printed(number, [block.location])
                    self._heading_facts(reader, block)
                else:
                    if heading_before is not None:
                        reader.draft.heading_title = Printed(heading_before.text, [heading_before.location])
                    reader.feed(block)
                self._end_table(table)
                previous, table = block, None
                continue
            previous = block
            if reader is not None:
                reader.feed(block)
                continue
            if block.kind == "heading" and block.level == 1 and self.vocabulary.field_of(block.text) is None:
                self._page_title = block
            if block.kind == "row":
                kind = front.header_kind(block)
                if kind is None and block.cells and self.vocabulary.field_of(block.cells[0].text) in QUALIFICATION_FACTS:
                    kind = "qualification_facts"  # a qualification's facts, not a unit's
                if kind is None and table is None:
                    columns = listing_columns(block, self.vocabulary)
                    if columns is not None:
                        kind, self._listing_columns = "listing", columns
                if kind is not None:
                    self._end_table(table)
                    table = kind
                    if kind == "listing":
                        self._start_listing(heading)
                    self._facts = [block]
                    continue
                self._table_row(table, block)
                continue
            self._end_table(table)
            table = None
            self._listing_columns = None
            self.paragraphs.append(block)
            if block.kind in ("paragraph", "heading"):
                rule_kind = front.rule_intro(block.text)
                share = front.share_constraint(block)
                if share is not None:
                    self.shares.append(share)
                heading = block
            elif rule_kind is not None:
                self._rule_item(rule_kind, block)
        self._end_table(table)
        self._close(reader)
        return self._result()

    def _end_table(self, table: str | None) -> None:
        """A table of a qualification's facts, once all its rows are read."""
        if table == "qualification_facts":
            qualification = front.qualification_facts(self._facts, self.vocabulary, self._page_title)
            if qualification is not None:
                self.qualifications.append(qualification)
        self._facts = []

    def _heading_before(self, reader: UnitReader | None, previous: Block | None) -> Block | None:
        """The heading right before a unit's first block, which names the unit ("Safe handling of goods"),
        taken back from the unit before, where it was skipped text; else the page's own title (a level-1
        heading since the last unit)."""
        page_title, self._page_title = self._page_title, None
        if previous is None or previous.kind != "heading" or self.vocabulary.field_of(previous.text) is not None:
            return page_title
        if reader is not None and reader.draft.skipped and reader.draft.skipped[-1][1] == previous.location:
            reader.draft.skipped.pop()
        return previous

    def _heading_facts(self, reader: UnitReader, block: Block) -> None:
        """'Level 1 Unit 3 - Spreadsheet Software (3 credits)': the level and credits a unit heading prints."""
        for name, printed in heading_facts(block.text).items():
            reader.draft.fields.setdefault(name, Printed(printed, [block.location]))

    # -- front matter ----------------------------------------------------------------------

    def _start_listing(self, heading: Block | None) -> None:
        title = heading.text if heading is not None else ""
        quadrant = front.quadrant_heading(title)
        self._listing_quadrant = quadrant
        self._listing_target = None
        if quadrant is None and self._listing_columns is None:
            self._listing_target = []
            self.structures.append((title, heading, self._listing_target))

    def _table_row(self, table: str | None, block: Block) -> None:
        if not block.cells or not any(c.text for c in block.cells):
            return
        if table == "qualification_facts":
            self._facts.append(block)
        elif table == "change_log":
            self.change_log.append(front.change_log_entry(block))
        elif table == "key_facts":
            self.qualifications.append(front.key_fact(block))
        elif table == "listing":
            row = (
                front.listing(block, self._listing_quadrant)
                if self._listing_columns is None
                else front.listing_by_columns(block, self._listing_columns)
            )
            if row is not None:
                (self._listing_target if self._listing_target is not None else self.overview).append(row)

    def _rule_item(self, kind: str, block: Block) -> None:
        rule = front.constraint(block)
        if rule is None:
            self.findings.append(
                finding(
                    "rule-not-understood",
                    "warning",
                    f"A rule of combination for the {kind} could not be read as a constraint.",
                    field="rules",
                    values=[value(block.text, "rules of combination", [block.location])],
                )
            )
            return
        self.rules.setdefault(kind, []).append(rule)

    # -- units -----------------------------------------------------------------------------

    def _close(self, reader: UnitReader | None) -> None:
        if reader is None:
            return
        draft = reader.draft
        if not draft.outcomes.outcomes and not any(draft.has(name) for name in FACT_FIELDS):
            return  # a heading that only looked like a unit ("Unit 1: Exploring modern texts")
        notes = list(draft.notes)
        unit = build_unit(draft, notes)
        notes.extend(reader.skipped_finding())
        if draft.quadrant_heading:
            unit.quadrant = cast(Quadrant, draft.quadrant_heading)
        self.units.append(unit)
        self.findings.extend(notes)

    # -- assembling ------------------------------------------------------------------------

    def _result(self) -> Interpretation:
        if not self.units and not self.overview and not any(rows for _, _, rows in self.structures):
            raise InputError(
                "no unit specification found: looked for unit tables ('Unit Title', 'Learning outcomes'), "
                "unit headings ('Unit 2: ...'), unit facts (unit reference, credits, guided learning hours) "
                "and a units listing, and found none"
            )
        self.profile = self.forced_profile or detect_profile(self.units, self.overview)
        if self.profile == "isp":
            self._normalise_refs()
        self._apply_overview()
        self._attach_structures()
        self._attach_rules()
        return Interpretation(
            document=self._document(),
            qualifications=self.qualifications,
            units_overview=self.overview,
            units=self.units,
            findings=self.findings,
            profile=self.profile,
        )


def interpret(blocks: Iterable[Block], vocabulary: Vocabulary = VOCABULARY, profile: str | None = None) -> Interpretation:
    """Interpret a block stream as a qualification specification (profile None: detected)."""
    return Interpreter(list(blocks), vocabulary, profile).run()
