"""Reconciling what the interpreter read: references confirmed by listings, the overview's facts on
the units, award structures and rules attached to their qualifications, the document's own facts."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from ..blocks import Block
from ..findings import finding, value
from ..identifiers import ISP_REF
from ..model import ChangeLogEntry, Constraint, Document, Finding, Qualification, Unit, UnitListing
from .values import parse_sector

LEVEL = re.compile(r"\blevel (\d+)\b", re.I)
ABBREVIATED_NAME = re.compile(r"((?:[A-Z][a-z]+ )(?:(?:of|for|the|and) |[A-Z][a-z]+ )*[A-Z][a-z]+) \(([A-Z]{2,})\)")


class Reconciliation:
    """The tables read from a document, reconciled with each other (the interpreter's second half)."""

    paragraphs: list[Block]
    change_log: list[ChangeLogEntry]
    qualifications: list[Qualification]
    structures: list[tuple[str, Block | None, list[UnitListing]]]
    overview: list[UnitListing]
    rules: dict[str, list[Constraint]]
    shares: list[Constraint]
    units: list[Unit]
    findings: list[Finding]

    def _listings(self) -> list[tuple[str, UnitListing]]:
        rows = [("units overview", row) for row in self.overview]
        rows += [(f"award structure '{title}'", row) for title, _, table in self.structures for row in table]
        return rows

    def _normalise_refs(self) -> None:
        """Repair a malformed ISP reference only when a listing confirms it (same UAN); the checks report the rest."""
        for unit in self.units:
            if ISP_REF.match(unit.reference_printed):
                continue
            confirmations = [
                (source, row)
                for source, row in self._listings()
                if row.uan == unit.uan and ISP_REF.match(row.reference)
            ]
            refs = {row.reference for _, row in confirmations}
            printed = value(unit.reference_printed, "unit specification", unit.provenance)
            if len(refs) == 1:
                unit.reference = refs.pop()
                self.findings.append(
                    finding(
                        "isp-ref-normalised",
                        "warning",
                        f"Unit reference '{unit.reference_printed}' is malformed; it was read as "
                        f"'{unit.reference}', which the tables listing UAN {unit.uan} print.",
                        unit=unit.reference,
                        field="reference",
                        values=[printed]
                        + [value(row.reference, source, row.provenance) for source, row in confirmations],
                    )
                )

    def _apply_overview(self) -> None:
        by_ref = {row.reference: row for row in self.overview}
        for unit in self.units:
            row = by_ref.get(unit.reference)
            if row is None:
                continue
            if unit.tqt is None:
                unit.tqt = row.tqt
            if row.quadrant is None or row.quadrant == unit.quadrant:
                continue
            if unit.quadrant is not None:
                self.findings.append(
                    finding(
                        "quadrant-mismatch",
                        "error",
                        f"Unit {unit.reference} is specified under '{unit.quadrant}' but listed under "
                        f"'{row.quadrant}' in the units overview.",
                        unit=unit.reference,
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
        if not self.structures:
            return  # the document prints no award structures at all
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
        first_heading = next((b for b in self.paragraphs if b.kind == "heading" and b.level == 1), None)
        title_block = first_heading or (paragraphs[0] if paragraphs else None)
        title = title_block.text if title_block else ""
        level = LEVEL.search(title)
        # the sector printed near the top, as a paragraph or a heading (a title page's large print)
        opening = [b for b in self.paragraphs if b.kind in ("paragraph", "heading")][:6]
        sector_block = next((b for b in opening if parse_sector(b.text).code is not None), None)
        latest = self.change_log[-1] if self.change_log else None
        return Document(
            title=title,
            awarding_body=self._awarding_body(title),
            level=int(level.group(1)) if level else None,
            subject_sector=parse_sector(sector_block.text) if sector_block else None,
            version=latest.version if latest else None,
            publication_date=latest.date if latest else None,
            change_log=self.change_log,
            provenance=[b.location for b in (title_block, sector_block) if b is not None],
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
