"""The interpreter's reading pass: blocks in order, routed to front-matter tables, rules and units."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..blocks import Block
from ..errors import InputError
from ..findings import finding, value
from ..model import (
    ChangeLogEntry,
    Constraint,
    Document,
    Finding,
    Qualification,
    Unit,
    UnitListing,
)
from . import front
from .bullets import learn_starters
from .reconcile import Reconciliation
from .units import UnitReader, label_of
from .vocabulary import QUADRANT_NAMES

UNIT_SECTION = re.compile(rf"unit specifications\s*[-\u2013]\s*({QUADRANT_NAMES})\b", re.I)


@dataclass
class Interpretation:
    document: Document
    qualifications: list[Qualification]
    units_overview: list[UnitListing]
    units: list[Unit]
    findings: list[Finding] = field(default_factory=list)


class Interpreter(Reconciliation):
    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.starters = learn_starters(blocks)
        self.paragraphs: list[Block] = []
        self.change_log: list[ChangeLogEntry] = []
        self.qualifications: list[Qualification] = []
        self.structures: list[tuple[str, Block, list[UnitListing]]] = []
        self.overview: list[UnitListing] = []
        self.rules: dict[str, list[Constraint]] = {}
        self.shares: list[Constraint] = []
        self.units: list[Unit] = []
        self.findings: list[Finding] = []
        self._listing_quadrant: str | None = None
        self._listing_target: list[UnitListing] | None = None

    def run(self) -> Interpretation:
        table: str | None = None
        heading: Block | None = None
        rule_kind: str | None = None
        section_quadrant: str | None = None
        reader: UnitReader | None = None
        for block in self.blocks:
            if block.kind == "row" and block.cells and label_of(block.cells[0].text) == "title":
                self._close(reader)
                reader = UnitReader(block, section_quadrant, self.starters)
                continue
            if block.kind != "row":
                match = UNIT_SECTION.search(block.text)
                if match:
                    self._close(reader)
                    reader, section_quadrant = None, match.group(1).lower()
                    continue
            if reader is not None:
                reader.feed(block)
                continue
            if block.kind == "row":
                kind = front.header_kind(block)
                if kind is not None:
                    table = kind
                    if kind == "listing":
                        self._start_listing(heading)
                    continue
                self._table_row(table, block)
                continue
            table = None
            self.paragraphs.append(block)
            if block.kind == "paragraph":
                rule_kind = front.rule_intro(block.text)
                share = front.share_constraint(block)
                if share is not None:
                    self.shares.append(share)
                heading = block
            elif rule_kind is not None:
                self._rule_item(rule_kind, block)
        self._close(reader)
        return self._result()

    # -- front matter ----------------------------------------------------------------------

    def _start_listing(self, heading: Block | None) -> None:
        title = heading.text if heading is not None else ""
        quadrant = front.quadrant_heading(title)
        self._listing_quadrant = quadrant
        self._listing_target = None
        if quadrant is None:
            self._listing_target = []
            self.structures.append((title, heading, self._listing_target))

    def _table_row(self, table: str | None, block: Block) -> None:
        if not block.cells or not any(c.text for c in block.cells):
            return
        if table == "change_log":
            self.change_log.append(front.change_log_entry(block))
        elif table == "key_facts":
            self.qualifications.append(front.key_fact(block))
        elif table == "listing":
            row = front.listing(block, self._listing_quadrant)
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
        unit, notes = reader.finish()
        if reader.draft.quadrant_heading:
            unit.quadrant = reader.draft.quadrant_heading
        self.units.append(unit)
        self.findings.extend(notes)

    # -- assembling ------------------------------------------------------------------------

    def _result(self) -> Interpretation:
        if not self.units:
            raise InputError("no unit specification found (no 'Unit Title' table): not a qualification specification?")
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
        )

def interpret(blocks: Iterable[Block]) -> Interpretation:
    """Interpret a block stream as a qualification specification."""
    return Interpreter(list(blocks)).run()
