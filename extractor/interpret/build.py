"""A unit read by ``units`` turned into the model: identity, facts, outcomes, sections."""

from __future__ import annotations

import re

from ..findings import finding, locs, value
from ..identifiers import UAN as UAN_SHAPE
from ..model import (
    AssessmentCriterion,
    ContentSection,
    Finding,
    GuidanceSection,
    LearningOutcome,
    Unit,
)
from ..textutil import fold
from .units import UNIT_NUMBER, Body, Place, Printed, UnitDraft
from .values import parse_amount, parse_apprenticeship, parse_level, parse_sector


def outcome_kind(text: str) -> str | None:
    lowered = text.lower()
    if lowered.startswith("understand"):
        return "knowledge"
    if lowered.startswith("be able to"):
        return "competence"
    return None


def build_unit(d: UnitDraft, notes: list[Finding]) -> Unit:
    """The unit, with the findings met while assembling it appended to ``notes``."""
    ref = d.name
    title_text = d.fields.get("title")
    code = d.code
    title = title_text.text[len(code):].strip() if title_text and code else (title_text.text if title_text else "")
    if not title and d.heading_title is not None:
        title = d.heading_title.text
    outcomes = _outcomes(d, notes)
    body = d.bodies[0] if d.bodies else Body()
    notes.extend(_duplicate_bodies(d))
    numbers = [o.number for o in outcomes]
    content = [
        ContentSection(section=s.number, learning_outcome=None, items=s.entries, provenance=locs(s.where))
        for s in body.content
    ]
    content += [
        ContentSection(section=str(number), learning_outcome=number, items=items, provenance=locs(where))
        for number, items, where in d.outcomes.content
    ]
    guidance = [
        GuidanceSection(section=s.number, learning_outcome=None, paragraphs=s.entries, provenance=locs(s.where))
        for s in body.guidance
    ]
    for name, sections in (("indicative_content", content), ("assessor_guidance", guidance)):
        notes.extend(link_sections(ref, name, sections, numbers))
    apprenticeship_printed = body.fields.get("apprenticeship")
    links = parse_apprenticeship(apprenticeship_printed.text) if apprenticeship_printed else None
    if apprenticeship_printed and links is None:
        notes.append(
            finding(
                "apprenticeship-unreadable",
                "warning",
                f"{d.called}: the apprenticeship field names no standard and no KSB codes.",
                unit=ref,
                field="apprenticeship",
                values=[value(apprenticeship_printed.text, "unit specification", apprenticeship_printed.where)],
            )
        )
    sector = body.fields.get("sector") or d.fields.get("sector")
    purpose = body.fields.get("purpose") or d.fields.get("purpose")
    own = d.fields.get("reference")
    uan = _text(d, "uan") or (own.text if own and UAN_SHAPE.match(own.text) else "")
    number = d.unit_number.text if d.unit_number else (own.text if own and UNIT_NUMBER.match(own.text) else None)
    level_printed = _text(d, "level") or None
    notes.extend(_not_numbers(d))
    provenance_fields: dict[str, Printed] = {**d.fields, **body.fields}
    if d.heading_title is not None and "title" not in provenance_fields:
        provenance_fields["title"] = d.heading_title
    return Unit(
        reference=ref,
        reference_printed=d.ref,
        uan=uan or None,
        unit_number=number,
        title=title,
        level=parse_level(level_printed or ""),
        level_printed=level_printed,
        credits=parse_amount(_text(d, "credits")),
        glh=parse_amount(_text(d, "glh")),
        tqt=parse_amount(_text(d, "tqt")),
        quadrant=None,
        purpose=purpose.text if purpose else None,
        sector=parse_sector(sector.text) if sector else None,
        mandatory=_text(d, "mandatory") or None,
        grading=_text(d, "grading") or None,
        apprenticeship=links or [],
        apprenticeship_printed=apprenticeship_printed.text if apprenticeship_printed else None,
        learning_outcomes=outcomes,
        indicative_content=content,
        assessor_guidance=guidance,
        provenance=locs(d.where[:1]),
        field_provenance={name: locs(printed.where) for name, printed in sorted(provenance_fields.items())},
    )


def _not_numbers(d: UnitDraft) -> list[Finding]:
    """Credits, GLH and TQT printed as something other than one number ("20-25", "TBC"): kept out, said so."""
    found = []
    for name, label in (("credits", "credit value"), ("glh", "GLH"), ("tqt", "TQT")):
        printed = d.fields.get(name)
        if printed and printed.text and parse_amount(printed.text) is None:
            found.append(
                finding(
                    "value-not-a-number",
                    "warning",
                    f"{d.called}: the {label} is printed as '{printed.text}', not as one number; it is left empty.",
                    unit=d.name,
                    field=name,
                    values=[value(printed.text, "unit specification", printed.where)],
                )
            )
    return found


def _text(d: UnitDraft, name: str) -> str:
    printed = d.fields.get(name)
    return printed.text if printed else ""


def _outcomes(d: UnitDraft, notes: list[Finding]) -> list[LearningOutcome]:
    drafted = d.outcomes
    for number, first, second in drafted.duplicates:
        notes.append(
            finding(
                "duplicate-learning-outcome",
                "error",
                f"{d.called} prints learning outcome {number} twice.",
                unit=d.name,
                field="learning_outcomes",
                values=[value(first.text, "first", first.where), value(second.text, "second", second.where)],
            )
        )
    grouped: dict[int, list[AssessmentCriterion]] = {n: [] for n in drafted.outcomes}
    for criterion in drafted.criteria:
        if criterion.outcome not in grouped:
            notes.append(
                finding(
                    "criterion-without-outcome",
                    "error",
                    f"{d.called}: criterion {criterion.number} belongs to learning outcome {criterion.outcome}, "
                    "which the unit does not print; it is left out.",
                    unit=d.name,
                    field="assessment_criteria",
                    values=[value(f"{criterion.number} {criterion.text}", "learning outcomes table", criterion.where)],
                )
            )
            continue
        siblings = grouped[criterion.outcome]
        printed = criterion.number is not None
        grouped[criterion.outcome].append(
            AssessmentCriterion(
                number=criterion.number if printed else f"{criterion.outcome}.{len(siblings) + 1}",
                number_printed=printed,
                text=criterion.text,
                provenance=locs(criterion.where),
            )
        )
    result = []
    for number in sorted(drafted.outcomes):
        outcome = drafted.outcomes[number]
        result.append(
            LearningOutcome(
                number=number,
                number_printed=outcome.printed,
                text=outcome.text,
                kind=outcome_kind(outcome.text),
                assessment_criteria=grouped[number],
                provenance=locs(outcome.where + [c.provenance[0] for c in grouped[number]]),
            )
        )
    return result


def _duplicate_bodies(d: UnitDraft) -> list[Finding]:
    notes = []
    first = d.bodies[0] if d.bodies else Body()
    for extra in d.bodies[1:]:
        same = _body_text(extra) == _body_text(first)
        notes.append(
            finding(
                "duplicate-block",
                "error",
                f"{d.called} prints its 'Additional Information' block twice"
                + (" with the same wording" if same else " with different wording")
                + "; the first is used.",
                unit=d.name,
                field="additional_information",
                values=[
                    value(_numbers(first), "first block: section numbers", [*first.where[:1], *_section_places(first)]),
                    value(_numbers(extra), "second block: section numbers", [*extra.where[:1], *_section_places(extra)]),
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


def _section_places(body: Body) -> list[Place]:
    return [s.where[0] for s in body.content[:1] + body.guidance[:1]]


SECTION_NUMBER = re.compile(r"^\d+$")


def link_sections(ref: str, name: str, sections: list, outcomes: list[int]) -> list[Finding]:
    """Link sections to outcomes when they are numbered exactly as the outcomes are."""
    numbered = [s for s in sections if SECTION_NUMBER.match(s.section)]
    if not numbered or any(s.learning_outcome is not None for s in sections):
        return []
    numbers = [int(s.section) for s in numbered]
    if numbers == outcomes and len(numbered) == len(sections):
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
                value(",".join(map(str, numbers)), f"{label} section numbers", [s.provenance[0] for s in numbered]),
                value(",".join(map(str, outcomes)), "learning outcome numbers", []),
            ],
        )
    ]


def _span(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers)) if numbers else "none"
