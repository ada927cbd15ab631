"""The front matter: title page, change log, key facts, award structures, units overview
and rules of combination."""

from __future__ import annotations

import re

from ..blocks import Block
from ..identifiers import QAN as QAN_SHAPE
from ..identifiers import UAN as UAN_SHAPE
from ..model import ChangeLogEntry, Constraint, Qualification, Range, UnitListing
from .values import count_word, parse_amount, parse_level, parse_range, parse_uk_date, to_int
from .vocabulary import FRONT_TABLES, QUADRANT_NAMES, Vocabulary, normalise_label

QUADRANT_HEADING = re.compile(rf"^({QUADRANT_NAMES})\s+units?$", re.IGNORECASE)
KIND = re.compile(r"\b(award|certificate|diploma)\b", re.IGNORECASE)
RULE_INTRO = re.compile(r"^to achieve an? (award|certificate|diploma)\b.*:$", re.IGNORECASE)
VERSION_AUTHOR = re.compile(r"^(v?\d+(?:\.\d+)*)\s+([A-Z]{2,3})$", re.IGNORECASE)
SUMMARY_AUTHOR = re.compile(r"^(.*\S)\s+-\s+([A-Z]{2,3})$")
SHARE = re.compile(r"minimum of (\d+)\s*% at level (\d+) or above", re.IGNORECASE)

Q = f"({QUADRANT_NAMES})"
RULES = [
    (re.compile(r"minimum of (\d+) credits(?:,? maximum (\d+) credits)?", re.I), "credits"),
    (re.compile(rf"at least (\w+) {Q} units? or {Q} units?$", re.I), "min_units_in_any_quadrant"),
    (re.compile(rf"at least (\w+) {Q} units?$", re.I), "min_units_in_quadrant"),
    (re.compile(rf"^{Q} units totalling at least (\d+) credits$", re.I), "min_credits_in_quadrant"),
]


def header_kind(block: Block) -> str | None:
    """Which front-matter table a header row opens, if it is one (see ``[front]`` in the vocabulary)."""
    texts = [normalise_label(c.text) for c in block.cells]
    if not texts:
        return None
    for kind, header in FRONT_TABLES.items():
        first = _starts(texts[0], header.get("first", []))
        second = len(texts) > 1 and _starts(texts[1], header.get("second", []))
        also = "any" not in header or any(word.lower() in cell.text.lower() for word in header["any"] for cell in block.cells)
        if (first and also) or second:
            return kind
    return None


def _starts(text: str, labels: list[str]) -> bool:
    return any(text.startswith(normalise_label(label)) for label in labels)


def change_log_entry(block: Block) -> ChangeLogEntry:
    """'V1.1 SG | 2/5/25 | Updated ...' -> version V1.1, author SG, date 2025-05-02."""
    cells = [c.text for c in block.cells] + ["", "", ""]
    version, printed_date, summary = cells[0], cells[1], cells[2]
    author = None
    match = VERSION_AUTHOR.match(version)
    if match:
        version, author = match.group(1), match.group(2)
    match = SUMMARY_AUTHOR.match(summary)
    if author is None and match:
        summary, author = match.group(1), match.group(2)
    return ChangeLogEntry(
        version=version,
        date=parse_uk_date(printed_date),
        date_printed=printed_date,
        summary=summary,
        author_initials=author,
        provenance=[block.location],
    )


def key_fact(block: Block) -> Qualification:
    cells = [c.text for c in block.cells] + [""] * 5
    title = cells[0]
    kind = KIND.search(title)
    return Qualification(
        qan=cells[1],
        title=title,
        kind=kind.group(1).lower() if kind else None,
        credits=parse_range(cells[2]),
        glh=parse_range(cells[3]),
        tqt=parse_range(cells[4]),
        structure_title=None,
        units=[],
        rules=[],
        provenance=[block.location],
    )


def listing(block: Block, quadrant: str | None) -> UnitListing:
    cells = [c.text for c in block.cells] + [""] * 7
    return UnitListing(
        uan=cells[0],
        reference=cells[1],
        title=cells[2],
        level=to_int(cells[3]),
        glh=to_int(cells[4]),
        tqt=to_int(cells[5]),
        credits=to_int(cells[6]),
        quadrant=quadrant,
        provenance=[block.location],
    )


def listing_by_columns(block: Block, columns: list[str | None]) -> UnitListing | None:
    """A units listing row read by its header's labels; a UAN-shaped reference is the UAN.
    None for a row that only names a group ("Mandatory units")."""
    if sum(1 for cell in block.cells if cell.text.strip()) < 2:
        return None
    values: dict[str, str] = {}
    for name, cell in zip(columns, block.cells):
        text = cell.text.strip()
        if name in ("uan", "reference") and text:
            values.setdefault("uan" if UAN_SHAPE.match(text) else "reference", text)
        elif name is not None and text:
            values.setdefault(name, text)
    return UnitListing(
        uan=values.get("uan", ""),
        reference=values.get("reference") or values.get("uan", ""),
        title=values.get("title", ""),
        level=parse_level(values.get("level", "")),
        glh=parse_amount(values.get("glh", "")),
        tqt=parse_amount(values.get("tqt", "")),
        credits=parse_amount(values.get("credits", "")),
        quadrant=None,
        provenance=[block.location],
    )


def qualification_facts(rows: list[Block], vocabulary: Vocabulary, page_title: Block | None) -> Qualification | None:
    """A qualification from a table of its facts: label/value rows ("QAN | 610/8842/0"), or a header
    of labels over a row of values; titled by its own field, else by the page's title. None without a QAN."""
    printed: dict[str, tuple[str, str]] = {}  # field -> (value, its label)
    header: list[str] | None = None
    for block in rows:
        cells = [c.text for c in block.cells]
        if len(cells) > 1 and all(vocabulary.field_of(text) for text in cells):
            header = cells  # labels over the next row's values
            continue
        pairs = list(zip(header, cells)) if header else [(cells[0], cells[1] if len(cells) > 1 else "")]
        for label, text in pairs:
            name = vocabulary.field_of(label)
            if name and text and (name != "qan" or QAN_SHAPE.match(text)):
                printed.setdefault(name, (text, label))
        header = None
    qan = printed.get("qan")
    if qan is None or not QAN_SHAPE.match(qan[0]):
        return None
    title = printed.get("qualification", (page_title.text if page_title else "", ""))[0]
    kind = KIND.search(title)

    def amount(name: str) -> Range:
        text, label = printed.get(name, ("", ""))
        found = parse_range(f"{label} {text}")
        return Range(min=found.min, max=found.max, printed=text)

    return Qualification(
        qan=qan[0],
        title=title,
        kind=kind.group(1).lower() if kind else None,
        credits=amount("credits"),
        glh=amount("glh"),
        tqt=amount("tqt"),
        structure_title=None,
        units=[],
        rules=[],
        provenance=[b.location for b in rows],
    )


def quadrant_heading(text: str) -> str | None:
    match = QUADRANT_HEADING.match(text.strip())
    return match.group(1).lower() if match else None


def rule_intro(text: str) -> str | None:
    """'To achieve a Certificate, learners must pass:' -> 'certificate'."""
    match = RULE_INTRO.match(text.strip())
    return match.group(1).lower() if match else None


def constraint(block: Block) -> Constraint | None:
    """A rule-of-combination list item as a structured constraint, or None if not understood."""
    text = block.text.strip().rstrip(".")
    where = [block.location]
    for pattern, kind in RULES:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groups()
        if kind == "credits":
            maximum = int(groups[1]) if groups[1] else None
            return Constraint(kind=kind, text=block.text, min=int(groups[0]), max=maximum, provenance=where)
        if kind == "min_units_in_any_quadrant":
            return Constraint(
                kind=kind,
                text=block.text,
                min=count_word(groups[0]),
                quadrants=[groups[1].lower(), groups[2].lower()],
                provenance=where,
            )
        if kind == "min_units_in_quadrant":
            return Constraint(
                kind=kind, text=block.text, min=count_word(groups[0]), quadrants=[groups[1].lower()], provenance=where
            )
        return Constraint(
            kind=kind, text=block.text, min=int(groups[1]), quadrants=[groups[0].lower()], provenance=where
        )
    return None


def share_constraint(block: Block) -> Constraint | None:
    """'Units selected must equate to a minimum of 50% at Level 5 or above.'"""
    match = SHARE.search(block.text)
    if not match:
        return None
    return Constraint(
        kind="min_share_at_level",
        text=block.text,
        min=int(match.group(1)) / 100,
        level=int(match.group(2)),
        provenance=[block.location],
    )
