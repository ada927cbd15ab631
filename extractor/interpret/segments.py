"""Where a unit starts, and the facts a unit heading or a units listing prints.

A unit starts at a unit title row; at a unit heading ("Unit 2: Title", "Level 1 Unit 3 -
Title (3 credits)"); at a unit fact (reference, level, credits...) when no unit is open or
the open unit already has that fact or its outcomes; at an outcomes table or a summary
heading when no unit is open.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..blocks import Block
from .units import FACTS
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .units import UnitReader

UNIT_HEADING = re.compile(
    r"^(?:((?:entry\s+)?level\s+\d+)\s+)?(unit\s+[A-Za-z]?\d+[A-Za-z]?)\s*[:\-\u2013\u2014]\s*(\S.*?)"
    r"\s*(?:\((\d+)\s+credits?\))?$",
    re.IGNORECASE,
)
LISTING_FACTS = ("level", "credits", "glh", "tqt")


def unit_heading(block: Block) -> tuple[str, str]:
    """(title, unit number) of a unit heading."""
    match = UNIT_HEADING.match(block.text.strip())
    return (match.group(3), match.group(2)) if match else ("", "")


def heading_facts(text: str) -> dict[str, str]:
    """The level and credits a unit heading prints, as printed."""
    match = UNIT_HEADING.match(text.strip())
    facts = {}
    if match and match.group(1):
        facts["level"] = match.group(1)
    if match and match.group(4):
        facts["credits"] = match.group(4)
    return facts


def _fact(block: Block, vocabulary: Vocabulary) -> str | None:
    """The unit fact a row, 'Label: value' line or label paragraph names."""
    if block.kind == "row":
        name = vocabulary.field_of(block.cells[0].text) if block.cells else None
        if name not in FACTS or len(block.cells) < 2 or vocabulary.field_of(block.cells[1].text) is not None:
            return None  # not a label and its value (a header row is labels only)
        return name
    split = vocabulary.split_label(block.text)
    return split[0] if split and split[0] in FACTS else None


def starts_unit(block: Block, reader: UnitReader | None, vocabulary: Vocabulary, table: str | None) -> str | None:
    """How ``block`` starts a new unit ('row', 'heading', 'fact', 'outcomes'), or None."""
    draft = reader.draft if reader is not None else None
    if block.kind in ("heading", "paragraph") and UNIT_HEADING.match(block.text.strip()):
        return "heading"
    fact = _fact(block, vocabulary)
    opens = fact is not None and (draft is None or draft.has(fact) or draft.has("outcomes"))
    if opens and block.kind == "row" and fact == "title":
        return "row"
    if table is not None and reader is None:
        return None
    if fact is not None:
        return "fact" if opens else None
    if draft is not None:
        return None
    if block.kind == "row" and _outcomes_header(block, vocabulary):
        return "outcomes"
    if block.kind == "heading" and vocabulary.field_of(block.text) == "purpose":
        return "outcomes"
    return None


def _outcomes_header(block: Block, vocabulary: Vocabulary) -> bool:
    names = {vocabulary.field_of(c.text) for c in block.cells}
    return "outcomes" in names and "criteria" in names


def listing_columns(block: Block, vocabulary: Vocabulary) -> list[str | None] | None:
    """The field of each column when ``block`` heads a units listing (title, reference, a fact)."""
    names = [vocabulary.field_of(c.text) for c in block.cells]
    if "title" in names and {"uan", "reference"} & set(names) and set(LISTING_FACTS) & set(names):
        return names
    return None
