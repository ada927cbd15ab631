"""The answer of ``qualspec achieve``: per qualification a status, its reasons and what is
missing, and the cheapest completion of a target."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Provenance, RuleKind, RuleSet

Status = Literal["achieved", "not_achieved", "undetermined"]


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reason(Report):
    """One rule measured on the units."""

    rule: str = Field(description="The rule as printed")
    kind: RuleKind
    met: bool | None = Field(description="None when it depends on a value the document contradicts")
    detail: str = Field(description="What was counted against what is required, with the numbers")
    assumption: str | None = None
    locations: Provenance


class Contradiction(Report):
    """A finding of the document whose values the outcome depends on."""

    code: str
    unit: str | None
    field: str | None
    message: str


class Outcome(Report):
    """The status if one combination of the contradicted values is right."""

    values: list[str] = Field(description="The values taken, e.g. 'L6S2 credits 8 (unit specification)'")
    status: Literal["achieved", "not_achieved"]


class QualificationResult(Report):
    qan: str
    title: str
    kind: str | None
    status: Status
    reasons: list[Reason]
    missing: list[str] = Field(description="What the units lack, one item per unmet rule")
    using: list[str] = Field(description="When only some of the units held meet the rules (the whole set is "
                                         "over a maximum or under a share): the fewest credits of them that do")
    depends_on: list[Contradiction] = []
    outcomes: list[Outcome] = []


class Suggestion(Report):
    """The cheapest completion of the target: fewest credits added, then fewest units."""

    qan: str
    add: list[str] = Field(description="References of the units to add, in document order")
    credits_added: int
    using: list[str] = Field(description="The units that then achieve the target: all those held and added when "
                                         "they meet the rules together, else the subset that does")


class AchieveReport(Report):
    source: str
    units: list[str] = Field(description="The units held, by reference, in document order")
    credits: str = Field(description="Their credit value as printed (alternatives where tables disagree)")
    assumptions: list[str]
    qualifications: list[QualificationResult]
    target: str | None = None
    suggestion: Suggestion | None = Field(
        default=None, description="With a target: null when no set of the document's units achieves it"
    )
    rules: list[RuleSet] = Field(description="The rules of combination as evaluated")
