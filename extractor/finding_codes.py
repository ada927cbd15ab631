"""The catalogue of finding codes: every code a finding can carry, its severity, the layer that
raises it and what it means. ``findings.finding`` refuses a code that is not here, and the README's
table is rendered from it (a test keeps the two equal)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Severity

Layer = Literal["interpret", "checks"]


@dataclass(frozen=True)
class FindingCode:
    code: str
    severity: Severity
    layer: Layer
    meaning: str


CATALOGUE: tuple[FindingCode, ...] = (
    FindingCode("apprenticeship-unreadable", "warning", "interpret",
                "The apprenticeship field names no standard and no KSB that can be read."),
    FindingCode("award-total-mismatch", "error", "checks",
                "An award's credits, GLH or TQT differ from the sum of its units'."),
    FindingCode("awarding-body-name-inconsistent", "warning", "interpret",
                "The awarding body is named in more than one way."),
    FindingCode("credits-not-tqt-over-10", "error", "checks",
                "A unit's or qualification's credit value is not its TQT divided by 10 (the RQF rule)."),
    FindingCode("criterion-number-duplicate", "error", "checks",
                "Two assessment criteria of one unit print the same number."),
    FindingCode("criterion-number-gap", "error", "checks",
                "An outcome's criterion numbers skip a number or do not start at n.1."),
    FindingCode("criterion-without-outcome", "error", "interpret",
                "A criterion is printed for a learning outcome that the unit does not print."),
    FindingCode("cross-table-mismatch", "error", "checks",
                "A unit fact (UAN, title, level, credits, GLH, TQT) differs between the tables that print it."),
    FindingCode("duplicate-block", "error", "interpret",
                "A unit prints the same block (e.g. its additional information) twice."),
    FindingCode("duplicate-learning-outcome", "error", "interpret",
                "One learning-outcome number is printed with two different texts."),
    FindingCode("glh-exceeds-tqt", "error", "checks", "Guided learning hours are more than total qualification time."),
    FindingCode("group-minimums-exceed-maximum", "error", "checks",
                "A qualification's group rules need more credits together than its maximum."),
    FindingCode("isp-ref-level-mismatch", "error", "checks",
                "An ISP reference's level digit differs from the unit's printed level."),
    FindingCode("isp-ref-malformed", "error", "checks",
                "A unit reference is not of ISP's form L<level><B|C|L|S><n> and no table confirms a correction."),
    FindingCode("isp-ref-normalised", "warning", "interpret",
                "A malformed ISP reference was read as the form that the listing tables print for the same UAN."),
    FindingCode("isp-ref-quadrant-mismatch", "error", "checks",
                "An ISP reference's quadrant letter differs from the quadrant the unit is listed under."),
    FindingCode("ksb-text-abridged", "warning", "checks",
                "One apprenticeship KSB code is described in full by one unit and abridged by another."),
    FindingCode("ksb-text-inconsistent", "error", "checks",
                "One apprenticeship KSB code is described in different words by different units."),
    FindingCode("outcome-kind-unknown", "warning", "checks",
                "A learning outcome starts with neither 'Understand' nor 'Be able to'."),
    FindingCode("outcome-numbering", "error", "checks", "A unit's learning outcomes are not numbered 1, 2, 3, ..."),
    FindingCode("outcome-without-criteria", "error", "checks", "A learning outcome has no assessment criterion."),
    FindingCode("qan-check-digit", "error", "checks", "A QAN's check character does not match its digits."),
    FindingCode("qan-malformed", "error", "checks", "A QAN is not of the form nnn/nnnn/c."),
    FindingCode("quadrant-mismatch", "error", "interpret",
                "A unit is specified under one quadrant and listed under another."),
    FindingCode("qualification-title-mismatch", "warning", "interpret",
                "A qualification's title differs between its key facts and its award structure heading."),
    FindingCode("qualification-without-structure", "error", "interpret",
                "An award in the key facts has no award structure table."),
    FindingCode("reference-to-missing-element", "error", "checks",
                "Guidance or content refers to a learning outcome or criterion that the unit does not have."),
    FindingCode("required-block-missing", "error", "checks", "A unit lacks a block every unit of the document prints."),
    FindingCode("required-field-empty", "error", "checks", "A required unit field is printed empty."),
    FindingCode("row-mended", "warning", "checks",
                "A table row printed without its cell separators was read by its column positions."),
    FindingCode("row-unreadable", "error", "checks",
                "A table row printed without its cell separators could not be split; its values are missing."),
    FindingCode("rule-credits-contradict-tqt", "error", "checks",
                "The credit range in the rules of combination contradicts the qualification's TQT (credits = TQT / 10)."),
    FindingCode("rule-credits-mismatch", "error", "checks",
                "The credit range in the rules of combination differs from the key facts' credit value."),
    FindingCode("rule-not-evaluable", "error", "checks",
                "A rule of combination has no number that can be read, so it is left out of the evaluation."),
    FindingCode("rule-not-understood", "warning", "interpret",
                "A rule of combination could not be read as a constraint; its sentence is kept."),
    FindingCode("rule-unsatisfiable", "error", "checks",
                "No combination of the document's units meets this rule of combination."),
    FindingCode("rules-not-checked", "info", "checks",
                "A qualification's rules were not checked: the search over its units would be too large."),
    FindingCode("rules-unsatisfiable", "error", "checks",
                "No combination of the document's units meets all of a qualification's rules together."),
    FindingCode("sections-not-linked", "warning", "interpret",
                "Content or guidance sections cannot be linked to learning outcomes (their count or numbers differ)."),
    FindingCode("sector-label-inconsistent", "warning", "checks",
                "One sector subject area code is printed with different labels."),
    FindingCode("sector-not-a-sector", "error", "checks", "The sector field holds something that is not a sector."),
    FindingCode("size-does-not-match-kind", "error", "checks",
                "A qualification's credits do not fit its kind (award 1-12, certificate 13-36, diploma 37+)."),
    FindingCode("source-truncated", "error", "checks",
                "The document ends early: inside a unit's specification, or before units its overview lists."),
    FindingCode("structure-without-qualification", "error", "interpret",
                "An award structure table matches no qualification in the key facts."),
    FindingCode("text-outside-table", "info", "interpret",
                "Text printed after a unit's table was attached to the section before it."),
    FindingCode("uan-malformed", "error", "checks", "A unit accreditation number is not of the form A/nnn/nnnn."),
    FindingCode("unexpected-row", "warning", "interpret", "A row in a unit's table fits no field; it is reported, not kept."),
    FindingCode("unit-not-in-overview", "error", "checks", "A specified unit is missing from the units overview."),
    FindingCode("unit-without-specification", "error", "checks", "A unit listed in a table has no unit specification."),
    FindingCode("value-not-a-number", "warning", "interpret",
                "Credits, GLH or TQT are printed as something other than one number; the printed text is kept."),
)
CODES: dict[str, FindingCode] = {entry.code: entry for entry in CATALOGUE}


def render_markdown_table() -> str:
    """The catalogue as the README's Markdown table."""
    lines = ["| code | severity | raised by | meaning |", "|---|---|---|---|"]
    lines += [f"| `{c.code}` | {c.severity} | {c.layer} | {c.meaning} |" for c in CATALOGUE]
    return "\n".join(lines) + "\n"
