"""The format-agnostic interpreter: blocks in, the specification's structure out.

All knowledge of how a specification is laid out lives in this package, so the text,
Word and PDF readers give the same answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..blocks import Block
from ..errors import InputError
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
from .bullets import StarterModel
from .findings import finding, loc, value
from .units import UnitReader, label_of
from .values import ISP_REF, parse_sector

UNIT_SECTION = re.compile(r"unit specifications\s*[-\u2013]\s*(business|core|leadership|self)\b", re.I)
LEVEL = re.compile(r"\blevel (\d+)\b", re.I)
ABBREVIATED_NAME = re.compile(r"((?:[A-Z][a-z]+ )(?:(?:of|for|the|and) |[A-Z][a-z]+ )*[A-Z][a-z]+) \(([A-Z]{2,})\)")


@dataclass
class Interpretation:
    document: Document
    qualifications: list[Qualification]
    units_overview: list[UnitListing]
    units: list[Unit]
    findings: list[Finding] = field(default_factory=list)


def learn_starters(blocks: list[Block]) -> StarterModel:
    """Item-start words learnt from the list items whose bullets survived."""
    items = (p.text for b in blocks for c in b.cells for p in c.parts if p.kind == "item")
    return StarterModel().learn(items)


class Interpreter:
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

    def _listings(self) -> list[tuple[str, UnitListing]]:
        rows = [("units overview", row) for row in self.overview]
        rows += [(f"award structure '{title}'", row) for title, _, table in self.structures for row in table]
        return rows

    def _normalise_refs(self) -> None:
        """Repair a malformed ISP reference only when a listing confirms it (same UAN)."""
        for unit in self.units:
            if ISP_REF.match(unit.isp_ref_printed):
                continue
            confirmations = [
                (source, row)
                for source, row in self._listings()
                if row.uan == unit.uan and ISP_REF.match(row.isp_ref)
            ]
            refs = {row.isp_ref for _, row in confirmations}
            printed = value(unit.isp_ref_printed, "unit specification", unit.provenance)
            if len(refs) == 1:
                unit.isp_ref = refs.pop()
                self.findings.append(
                    finding(
                        "isp-ref-normalised",
                        "warning",
                        f"Unit reference '{unit.isp_ref_printed}' is malformed; it was read as "
                        f"'{unit.isp_ref}', which the tables listing UAN {unit.uan} print.",
                        unit=unit.isp_ref,
                        field="isp_ref",
                        values=[printed]
                        + [value(row.isp_ref, source, row.provenance) for source, row in confirmations],
                    )
                )
            else:
                self.findings.append(
                    finding(
                        "isp-ref-malformed",
                        "error",
                        f"Unit reference '{unit.isp_ref_printed}' is not of the form L<level><B|C|L|S><n> "
                        "and no other table confirms a correction.",
                        unit=unit.isp_ref_printed,
                        field="isp_ref",
                        values=[printed],
                    )
                )

    def _apply_overview(self) -> None:
        by_ref = {row.isp_ref: row for row in self.overview}
        for unit in self.units:
            row = by_ref.get(unit.isp_ref)
            if row is None:
                continue
            unit.tqt = row.tqt
            if row.quadrant is None or row.quadrant == unit.quadrant:
                continue
            if unit.quadrant is not None:
                self.findings.append(
                    finding(
                        "quadrant-mismatch",
                        "error",
                        f"Unit {unit.isp_ref} is specified under '{unit.quadrant}' but listed under "
                        f"'{row.quadrant}' in the units overview.",
                        unit=unit.isp_ref,
                        field="quadrant",
                        values=[
                            value(unit.quadrant, "unit specification section", unit.provenance),
                            value(row.quadrant, "units overview", row.provenance),
                        ],
                    )
                )
            unit.quadrant = row.quadrant

    def _attach_structures(self) -> None:
        awards = [q for q in self.qualifications if q.kind == "award"]
        unmatched = list(awards)
        for title, heading, rows in self.structures:
            match = next((q for q in unmatched if q.title == title), None)
            if match is None:
                scored = sorted(
                    ((SequenceMatcher(None, q.title.lower(), title.lower()).ratio(), i) for i, q in enumerate(unmatched)),
                    reverse=True,
                )
                if scored and scored[0][0] >= 0.85:
                    match = unmatched[scored[0][1]]
                    self.findings.append(
                        finding(
                            "qualification-title-mismatch",
                            "warning",
                            f"Qualification {match.qan} is titled '{match.title}' in the key facts but "
                            f"'{title}' above its award structure.",
                            field="title",
                            values=[
                                value(match.title, "key facts", match.provenance),
                                value(title, "award structure heading", [heading.location] if heading else []),
                            ],
                        )
                    )
            if match is None:
                self.findings.append(
                    finding(
                        "structure-without-qualification",
                        "error",
                        f"The award structure '{title}' matches no qualification in the key facts.",
                        field="units",
                        values=[value(title, "award structure heading", [heading.location] if heading else [])],
                    )
                )
                continue
            unmatched.remove(match)
            match.structure_title = title
            match.units = rows
        for qualification in unmatched:
            self.findings.append(
                finding(
                    "qualification-without-structure",
                    "error",
                    f"Award {qualification.qan} '{qualification.title}' is in the key facts but has no "
                    "award structure table.",
                    field="units",
                    values=[value(qualification.title, "key facts", qualification.provenance)],
                )
            )

    def _attach_rules(self) -> None:
        for kind, rules in self.rules.items():
            targets = [q for q in self.qualifications if q.kind == kind]
            for qualification in targets:
                qualification.rules = list(rules)
        ruled = [q for q in self.qualifications if q.rules]
        for qualification in ruled:
            qualification.rules.extend(self.shares)

    def _document(self) -> Document:
        paragraphs = [b for b in self.paragraphs if b.kind == "paragraph"]
        title = paragraphs[0].text if paragraphs else ""
        level = LEVEL.search(title)
        sector_block = next(
            (b for b in paragraphs[:6] if parse_sector(b.text).code is not None), None
        )
        latest = self.change_log[-1] if self.change_log else None
        return Document(
            title=title,
            awarding_body=self._awarding_body(title),
            level=int(level.group(1)) if level else None,
            subject_sector=parse_sector(sector_block.text) if sector_block else None,
            version=latest.version if latest else None,
            publication_date=latest.date if latest else None,
            change_log=self.change_log,
            provenance=[loc(b.location) for b in (paragraphs[:1] + [sector_block]) if b is not None],
        )

    def _awarding_body(self, title: str) -> str | None:
        """The body whose abbreviation opens the title, spelled as the document most often does."""
        abbreviation = title.split()[0] if title.split() else ""
        names: Counter = Counter()
        places: dict[str, list] = {}
        for block in self.paragraphs:
            for match in ABBREVIATED_NAME.finditer(block.text):
                name = _name_for(match.group(1), abbreviation)
                if name:
                    names[name] += 1
                    places.setdefault(name, []).append(block.location)
        for block in self.paragraphs:
            if block.text in names:
                names[block.text] += 1
                places[block.text].append(block.location)
        if not names:
            return None
        ranked = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1:
            self.findings.append(
                finding(
                    "awarding-body-name-inconsistent",
                    "warning",
                    f"The awarding body '{abbreviation}' is named in {len(ranked)} different ways.",
                    field="awarding_body",
                    values=[value(name, f"{count} mention(s)", places[name]) for name, count in ranked],
                )
            )
        return ranked[0][0]


def _name_for(phrase: str, abbreviation: str) -> str | None:
    """The shortest tail of ``phrase`` whose capitalised words spell ``abbreviation``."""
    words = phrase.split()
    for start in range(len(words) - 1, -1, -1):
        initials = "".join(w[0] for w in words[start:] if w[0].isupper())
        if initials == abbreviation and words[start][0].isupper():
            return " ".join(words[start:])
    return None


def interpret(blocks: Iterable[Block]) -> Interpretation:
    """Interpret a block stream as a qualification specification."""
    return Interpreter(list(blocks)).run()
