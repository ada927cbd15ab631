"""Which qualifications a set of units achieves, and the cheapest way to complete one.

A set achieves a qualification when some of its units meet every rule (a learner need not
count every unit held). Where the units' values are contradicted by the document, every
combination of the printed values is weighed: one status for all is the answer, different
statuses make it ``undetermined``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..diff.load import load_side
from ..errors import InputError
from ..model import RuleSet, Specification
from .build import rule_sets
from .counting import Lookup, credits, measure
from .facts import Scenario, UnitCatalogue
from .report import AchieveReport, Contradiction, Outcome, QualificationResult, Reason, Suggestion
from .search import cheapest


def achieve(
    source: Specification | Path | str, units: Iterable[str], target: str | None = None
) -> AchieveReport:
    """The status of every qualification of ``source`` for ``units`` (references or UANs) and,
    with ``target`` (a QAN), its cheapest completion. InputError on an unknown unit or QAN."""
    if isinstance(source, Specification):
        spec, name = source, source.source.path
    else:
        spec, name = load_side(Path(source)), Path(source).name
    catalogue = UnitCatalogue(spec)
    held = catalogue.resolve(list(units))
    sets = rule_sets(spec, catalogue)
    wanted = None
    if target is not None:
        wanted = next((rs for rs in sets if rs.qan.upper() == target.strip().upper()), None)
        if wanted is None:
            raise InputError(f"unknown qualification '{target.strip()}': no qualification has this QAN")
    suggestion = complete(wanted, held, catalogue) if wanted else None
    assumptions = sorted({f"'{r.text.strip()}': {r.assumption}" for rs in sets for r in rs.rules if r.assumption})
    counted = held + (suggestion.add if suggestion else [])
    assumptions += [f"{ref} has no printed credit value: counted as 0 credits" for ref in counted
                    if not catalogue.units[ref].values["credits"]]
    assumptions += [f"{ref} has no printed level: counted below every level" for ref in counted
                    if not catalogue.units[ref].values["level"]]
    assumptions += [f"'{text}' ({rs.title}): no number could be read; left out" for rs in sets
                    for text in rs.not_evaluated]
    return AchieveReport(
        source=name,
        units=held,
        credits=_credits(held, catalogue),
        assumptions=assumptions,
        qualifications=[assess(rs, held, catalogue) for rs in sets],
        target=wanted.qan if wanted else None,
        suggestion=suggestion,
        rules=sets,
    )


def _lookups(catalogue: UnitCatalogue, scenarios: list[Scenario]) -> list[Lookup]:
    return [catalogue.lookup(s) for s in scenarios]


def _credits(held: list[str], catalogue: UnitCatalogue) -> str:
    """The credit value of the units held: '28', or '35 or 37' where tables disagree."""
    lookups = _lookups(catalogue, catalogue.scenarios(held))
    return " or ".join(map(str, sorted({sum(credits(r, lookup) for r in held) for lookup in lookups})))


def assess(rules: RuleSet, held: list[str], catalogue: UnitCatalogue) -> QualificationResult:
    """The status of one qualification for the units held, under every scenario."""
    scenarios = catalogue.scenarios(held)
    lookups = _lookups(catalogue, scenarios)
    witnesses = [_witness(rules, held, catalogue, lookup) for lookup in lookups]
    statuses = ["achieved" if w is not None else "not_achieved" for w in witnesses]
    counted = [held if w is None else w for w in witnesses]
    labels = [", ".join(c.describe() for c in s) for s in scenarios]
    measures = [[measure(r, c, lookup) for r in rules.rules] for c, lookup in zip(counted, lookups, strict=True)]
    reasons, missing = [], []
    for i, rule in enumerate(rules.rules):
        mets = {m[i].met for m in measures}
        reasons.append(Reason(
            rule=rule.text.strip(),
            kind=rule.kind,
            met=mets.pop() if len(mets) == 1 else None,
            detail=_merge([m[i].detail for m in measures], labels),
            assumption=rule.assumption,
            locations=rule.provenance,
        ))
        if any(m[i].missing for m in measures):
            missing.append(_merge([m[i].missing or "nothing" for m in measures], labels))
    status = statuses[0] if len(set(statuses)) == 1 else "undetermined"
    result = QualificationResult(
        qan=rules.qan,
        title=rules.title,
        kind=rules.kind,
        status=status,
        reasons=reasons,
        missing=[] if status == "achieved" else missing,
        using=counted[0] if status == "achieved" and all(c == counted[0] != held for c in counted) else [],
    )
    if status == "undetermined":
        result.depends_on = _contradictions(scenarios, statuses, catalogue)
        result.outcomes = [
            Outcome(values=[c.describe() for c in s], status=st)
            for s, st in zip(scenarios, statuses, strict=True)
        ]
    return result


def _witness(rules: RuleSet, held: list[str], catalogue: UnitCatalogue, lookup: Lookup) -> list[str] | None:
    """The units held that meet every rule: all of them if they do, else the fewest credits of
    them that do; None when no subset does."""
    if all(measure(rule, held, lookup).met for rule in rules.rules):
        return held
    cost = {ref: int(lookup(ref, "credits") or 0) for ref in held}
    found = cheapest(rules.rules, held, set(), [lookup], cost)
    return found[0] if found else None


def _merge(texts: list[str], labels: list[str]) -> str:
    """One text when every scenario gives it, else each with the values it assumes."""
    if len(set(texts)) == 1:
        return texts[0]
    return "; ".join(f"if {label}: {text}" for text, label in zip(texts, labels, strict=True))


def _contradictions(scenarios: list[Scenario], statuses: list[str], catalogue: UnitCatalogue) -> list[Contradiction]:
    """The contradicted values the status turns on: those whose choice alone changes it."""
    found: list[Contradiction] = []
    for choice in {c: None for s in scenarios for c in s}:
        key = (choice.reference, choice.field)
        outcomes: dict[tuple, set[str]] = {}
        for scenario, status in zip(scenarios, statuses, strict=True):
            others = tuple(c for c in scenario if (c.reference, c.field) != key)
            outcomes.setdefault(others, set()).add(status)
        if all(len(seen) == 1 for seen in outcomes.values()):
            continue
        f = catalogue.finding_for(choice)
        entry = (
            Contradiction(code=f.code, unit=f.unit, field=f.field, message=f.message)
            if f
            else Contradiction(code="values-differ", unit=choice.reference, field=choice.field,
                               message=f"Unit {choice.reference} is printed with different {choice.field} values.")
        )
        if entry not in found:
            found.append(entry)
    return found


def complete(rules: RuleSet, held: list[str], catalogue: UnitCatalogue) -> Suggestion | None:
    """The units to add for the fewest credits (then fewest units) so that some of the units
    meet every rule whichever printed values are right; None when no units can."""
    pool = list(catalogue.units)
    cost = {ref: max((int(p.value) for p in catalogue.units[ref].values["credits"]), default=0) for ref in pool}
    lookups = _lookups(catalogue, catalogue.scenarios(pool))
    found = cheapest(rules.rules, pool, set(held), lookups, cost)
    if found is None:
        return None
    chosen, (credits_added, _) = found
    added = [r for r in chosen if r not in held]
    everything = [r for r in pool if r in held or r in added]
    if all(measure(rule, everything, lookup).met for lookup in lookups for rule in rules.rules):
        chosen = everything
    return Suggestion(qan=rules.qan, add=added, credits_added=credits_added, using=chosen)
