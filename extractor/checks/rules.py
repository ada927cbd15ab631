"""Checks on the rules of combination themselves: a rule no units of the document can meet,
rules that cannot be met together, group minimums above the credit maximum, and a rule's
credit range against the key facts and the TQT.

An award whose unit credits do not add up to its printed credit value is reported by
``arithmetic`` (``award-total-mismatch``); a key-facts credit value against its TQT too.
"""

from __future__ import annotations

from ..findings import finding, value
from ..model import Finding, Qualification, Rule, RuleSet, Specification
from ..rules.build import rule_sets
from ..rules.facts import TooManyScenarios, UnitCatalogue
from ..rules.search import SearchTooLarge, cheapest


def check(spec: Specification) -> list[Finding]:
    catalogue = UnitCatalogue(spec)
    found: list[Finding] = []
    for q, rules in zip(spec.qualifications, rule_sets(spec, catalogue), strict=True):
        try:
            about_rules = _satisfiability(rules, catalogue)
        except (TooManyScenarios, SearchTooLarge) as exc:
            about_rules = [finding("rules-not-checked", "info", f"The rules of '{q.title}' were not checked: {exc}.",
                                   field="rules")]
        found += about_rules + _credit_range(q, rules) + [
            finding(
                "rule-not-evaluable", "error",
                f"The rule '{text}' of '{q.title}' has no number that could be read, so it cannot be evaluated.",
                field="rules",
                values=[value(c.text, "rules of combination", c.provenance)],
            )
            for c in q.rules
            if (text := c.text.strip()) in rules.not_evaluated
        ]
    return found


def _satisfiability(rules: RuleSet, catalogue: UnitCatalogue) -> list[Finding]:
    """A rule no units meet; else group minimums over the maximum; else rules unmet together."""
    found = _unsatisfiable_rules(rules, catalogue) or _minimums_over_maximum(rules, catalogue)
    if not found and rules.rules and not _satisfiable(rules.rules, catalogue):
        found.append(finding(
            "rules-unsatisfiable", "error",
            f"No combination of the units in the document meets all the rules of '{rules.title}' together.",
            field="rules",
            values=[value(r.text.strip(), "rule of combination", r.provenance) for r in rules.rules],
        ))
    return found


def _satisfiable(rules: list[Rule], catalogue: UnitCatalogue) -> bool:
    """Whether some set of the document's units meets the rules, for some printed values."""
    pool = list(catalogue.units)
    free = {ref: 0 for ref in pool}
    return any(
        cheapest(rules, pool, set(pool), [catalogue.lookup(s)], free) is not None
        for s in catalogue.scenarios(pool)
    )


def _unsatisfiable_rules(rules: RuleSet, catalogue: UnitCatalogue) -> list[Finding]:
    return [
        finding(
            "rule-unsatisfiable", "error",
            f"No combination of the units in the document meets the rule '{r.text.strip()}' of '{rules.title}'.",
            field="rules",
            values=[value(r.text.strip(), "rule of combination", r.provenance)],
        )
        for r in rules.rules
        if not _satisfiable([r], catalogue)
    ]


def _least_credits(rule: Rule, catalogue: UnitCatalogue) -> int | None:
    """The fewest credits that can meet a group rule, from the lowest printed credit values."""
    if rule.kind == "min_credits":
        return int(rule.min or 0)
    if rule.kind != "min_units":
        return None
    members = {ref for g in rule.groups for ref in g.units}
    lowest = sorted(min(int(p.value) for p in catalogue.units[ref].values["credits"])
                    for ref in members if catalogue.units[ref].values["credits"])
    return sum(lowest[: int(rule.min or 0)])


def _minimums_over_maximum(rules: RuleSet, catalogue: UnitCatalogue) -> list[Finding]:
    """Group rules over disjoint groups need at least the sum of their least credits."""
    ceiling = next((r for r in rules.rules if r.kind == "credits" and r.max is not None), None)
    if ceiling is None or ceiling.max is None:
        return []
    counted: list[tuple[Rule, int]] = []
    seen: set[str] = set()
    for r in rules.rules:
        least = _least_credits(r, catalogue)
        members = {ref for g in r.groups for ref in g.units}
        if least is None or members & seen:
            continue
        seen |= members
        counted.append((r, least))
    total = sum(least for _, least in counted)
    if total <= ceiling.max:
        return []
    return [finding(
        "group-minimums-exceed-maximum", "error",
        f"The group rules of '{rules.title}' need at least {total} credits together, more than the maximum "
        f"of {ceiling.max} credits.",
        field="rules",
        values=[value(least, f"least credits for '{r.text.strip()}'", r.provenance) for r, least in counted]
        + [value(ceiling.max, f"maximum in '{ceiling.text.strip()}'", ceiling.provenance)],
    )]


def _tqt_fits(credits: int | float | None, tqt: int | None, upper: bool) -> bool:
    """TQT is ten hours a credit; an upper TQT may run to the next credit."""
    if credits is None or tqt is None:
        return True
    return credits * 10 <= tqt <= credits * 10 + (9 if upper else 0)


def _credit_range(q: Qualification, rules: RuleSet) -> list[Finding]:
    """The credit range of the rules against the key facts' credit value and TQT. When they
    agree with the key facts, a TQT contradiction is the key facts' (``arithmetic``)."""
    found = []
    for r in (r for r in rules.rules if r.kind == "credits"):
        printed = [value(r.text.strip(), "rule of combination", r.provenance)]
        if (r.min, r.max) == (q.credits.min, q.credits.max):
            continue
        found.append(finding(
            "rule-credits-mismatch", "error",
            f"'{q.title}': the rules of combination ask for {r.text.strip()!r} but the key facts give credit "
            f"value {q.credits.printed}.",
            field="credits",
            values=printed + [value(q.credits.printed, "credit value, key facts", q.provenance)],
        ))
        ranged = r.max is not None and r.min != r.max
        if not (_tqt_fits(r.min, q.tqt.min, False) and _tqt_fits(r.max, q.tqt.max, ranged)):
            found.append(finding(
                "rule-credits-contradict-tqt", "error",
                f"'{q.title}': the rules of combination ask for {r.text.strip()!r} but its TQT of "
                f"{q.tqt.printed} is {' to '.join(str(t // 10) for t in (q.tqt.min, q.tqt.max) if t is not None)}"
                " credits at ten hours a credit.",
                field="credits",
                values=printed + [value(q.tqt.printed, "TQT, key facts", q.provenance)],
            ))
    return found
