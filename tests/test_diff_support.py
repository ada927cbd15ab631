"""A small hand-built two-unit specification shared by the diff tests (no tests here)."""

from __future__ import annotations

from extractor.model import (
    KSB,
    SCHEMA_VERSION,
    ApprenticeshipLink,
    AssessmentCriterion,
    Constraint,
    ContentSection,
    Document,
    GuidanceSection,
    LearningOutcome,
    Location,
    Qualification,
    Range,
    Sector,
    Source,
    Specification,
    Unit,
    UnitListing,
)

HERE = [Location(line=1)]


def criterion(number: str, text: str) -> AssessmentCriterion:
    return AssessmentCriterion(number=number, text=text, provenance=HERE)


def unit(reference: str, uan: str, title: str, glh: int, outcomes: list[LearningOutcome]) -> Unit:
    return Unit(
        reference=reference,
        reference_printed=reference,
        uan=uan,
        title=title,
        level=5,
        credits=glh // 5,
        glh=glh,
        tqt=glh * 2,
        quadrant="business",
        purpose=f"To enable learners to {title.lower()}.",
        sector=Sector(code="15.4", label="Marketing and Sales", printed="15.4 - Marketing and Sales"),
        apprenticeship=[
            ApprenticeshipLink(
                standard="Level 5 Operations Manager Apprenticeship",
                ksbs=[KSB(code="K7", text="Financial management techniques"), KSB(code="S8", text="Use digital tools")],
            )
        ],
        apprenticeship_printed="Level 5 Operations Manager Apprenticeship K7 Financial management techniques",
        learning_outcomes=outcomes,
        indicative_content=[
            ContentSection(
                section="1.",
                learning_outcome=1,
                items=["What is meant by lifetime value", "How to estimate lifetime value"],
                provenance=HERE,
            )
        ],
        assessor_guidance=[
            GuidanceSection(
                section="1.",
                learning_outcome=1,
                paragraphs=["Learners should select at least three customer accounts."],
                provenance=HERE,
            )
        ],
        provenance=HERE,
        field_provenance={},
    )


def listing(u: Unit) -> UnitListing:
    return UnitListing(
        reference=u.reference, uan=u.uan, title=u.title, level=u.level, glh=u.glh, tqt=u.tqt,
        credits=u.credits, quadrant=u.quadrant, provenance=HERE,
    )


def make_spec() -> Specification:
    """Units L5B1 and L5B2, a one-unit award and a certificate with one rule."""
    b1 = unit(
        "L5B1",
        "A/651/5975",
        "Analyse Financial Performance",
        25,
        [
            LearningOutcome(
                number=1,
                text="Be able to use financial tools for analysis of customer accounts",
                kind="competence",
                assessment_criteria=[
                    criterion("1.1", "Estimate the potential lifetime value of customer accounts"),
                    criterion("1.2", "Calculate the sales volumes required to achieve target profitability"),
                    criterion("1.3", "Monitor the impact of variable costs on customer accounts profitability"),
                ],
                provenance=HERE,
            ),
            LearningOutcome(
                number=2,
                text="Be able to evaluate financial risks",
                kind="competence",
                assessment_criteria=[
                    criterion("2.1", "Analyse the business and financial risks associated with customer accounts"),
                ],
                provenance=HERE,
            ),
        ],
    )
    b2 = unit(
        "L5B2",
        "D/651/5976",
        "Organisational Sales Planning",
        25,
        [
            LearningOutcome(
                number=1,
                text="Understand the relationship between sales forecasting and planning",
                kind="knowledge",
                assessment_criteria=[criterion("1.1", "Analyse how forecasting informs planning for growth")],
                provenance=HERE,
            )
        ],
    )
    units = [b1, b2]
    return Specification(
        schema_version=SCHEMA_VERSION,
        source=Source(path="spec-v1.1.txt", format="text", sha256="0" * 64),
        document=Document(
            title="ISP Level 5 Qualifications in Professional Sales",
            awarding_body="ISP",
            level=5,
            subject_sector=None,
            version="V1.1",
            publication_date="2025-05-02",
            change_log=[],
            provenance=HERE,
        ),
        qualifications=[
            Qualification(
                qan="610/5663/7",
                title="Level 5 Award in Analysing Financial Performance",
                kind="award",
                credits=Range(min=5, max=5, printed="5"),
                glh=Range(min=25, max=25, printed="25"),
                tqt=Range(min=50, max=50, printed="50"),
                structure_title="Level 5 Award in Analysing Financial Performance",
                units=[listing(b1)],
                rules=[],
                provenance=HERE,
            ),
            Qualification(
                qan="610/5683/2",
                title="Level 5 Certificate in Professional Sales",
                kind="certificate",
                credits=Range(min=13, max=36, printed="Minimum 13 Maximum 36"),
                glh=Range(min=130, max=369, printed="130 to 369 hours"),
                tqt=Range(min=260, max=739, printed="260 to 739 hours"),
                structure_title=None,
                units=[],
                rules=[
                    Constraint(kind="credits", text="A minimum of 13 credits", min=13, provenance=HERE),
                    Constraint(
                        kind="min_units_in_quadrant",
                        text="At least two BUSINESS units",
                        min=2,
                        quadrants=["business"],
                        provenance=HERE,
                    ),
                ],
                provenance=HERE,
            ),
        ],
        units_overview=[listing(u) for u in units],
        units=units,
        findings=[],
    )
