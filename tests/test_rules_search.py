"""The cheapest completion is exact: compared with brute force, on the real units of the
bundled specification and on generated unit sets."""

from __future__ import annotations

from itertools import chain, combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import achieve
from extractor.model import Rule, UnitGroup
from extractor.rules.build import rule_sets
from extractor.rules.counting import measure
from extractor.rules.facts import UnitCatalogue
from extractor.rules.search import cheapest

CERTIFICATE, DIPLOMA = "610/5683/2", "610/5684/4"


def subsets(items, most=None):
    most = len(items) if most is None else most
    return chain.from_iterable(combinations(items, k) for k in range(min(most, len(items)) + 1))


def meets(rules, units, lookups):
    return all(measure(rule, list(units), lookup).met for lookup in lookups for rule in rules)


def brute_force_cheaper(rules, held, pool, lookups, cost, claimed):
    """Every (added, kept) pair cheaper than ``claimed`` that meets the rules: with at most
    claimed_credits // cheapest_unit units added, the enumeration covers every cheaper set."""
    others = [u for u in pool if u not in held]
    most = claimed[0] // min(cost[u] for u in others)
    cheaper = []
    for added in subsets(others, most):
        price = (sum(cost[u] for u in added), len(added))
        if price >= claimed:
            continue
        for kept in subsets(held):
            if meets(rules, kept + added, lookups):
                cheaper.append((added, kept))
                break
    return cheaper


@pytest.fixture(scope="module")
def real(spec):
    catalogue = UnitCatalogue(spec)
    sets = {rs.qan: rs for rs in rule_sets(spec, catalogue)}
    pool = list(catalogue.units)
    lookups = [lambda ref, name, s=s: catalogue.value(ref, name, s) for s in catalogue.scenarios(pool)]
    cost = {ref: max(p.value for p in catalogue.units[ref].values["credits"]) for ref in pool}
    return sets, pool, lookups, cost


@pytest.mark.parametrize(("held", "target", "add", "credits_added"), [
    # One CORE unit short: the cheapest CORE unit (3 credits; first of three alike in document order).
    (["L5B1", "L5B2", "L5C1", "L5L1", "L5S1"], CERTIFICATE, ["L4C3"], 3),
    # Failing the level share: a 3-credit level 5 BUSINESS unit lets L4B5 be left out.
    (["L4B3", "L4B5", "L4C1", "L4C3", "L5L1"], CERTIFICATE, ["L5B3"], 3),
    # Undetermined on L6S2's 8 or 6 credits: enough SELF credits whichever is right.
    (["L5B1", "L5B4", "L5C2", "L5C3", "L5L1", "L6S2"], DIPLOMA, ["L4S2"], 3),
    # Two of each group towards the diploma.
    (["L5B1", "L5B3", "L5C1", "L5C4", "L5L3", "L5S3"], DIPLOMA, ["L4B3", "L4C3", "L5L5", "L5S2"], 13),
])
def test_cheapest_completion_is_minimal_by_brute_force(spec, real, held, target, add, credits_added):
    report = achieve(spec, held, target=target)
    suggestion = report.suggestion
    assert (suggestion.qan, suggestion.add, suggestion.credits_added) == (target, add, credits_added)
    sets, pool, lookups, cost = real
    rules = sets[target].rules
    assert meets(rules, suggestion.using, lookups)
    assert set(suggestion.using) - set(held) == set(add)
    assert brute_force_cheaper(rules, held, pool, lookups, cost, (credits_added, len(add))) == []


def test_an_achieved_target_needs_nothing(spec):
    report = achieve(spec, ["L5B1", "L5B2", "L5C1", "L5C2", "L5L1"], target=CERTIFICATE)
    assert report.suggestion.add == [] and report.suggestion.credits_added == 0


def test_an_award_completion_is_its_missing_units(spec):
    report = achieve(spec, ["L5L5"], target="610/5679/0")
    assert (report.suggestion.add, report.suggestion.credits_added) == (["L5L7"], 4)


def test_cheapest_certificate_and_diploma_from_nothing(real):
    sets, pool, lookups, cost = real
    certificate = cheapest(sets[CERTIFICATE].rules, pool, set(), lookups, cost)
    diploma = cheapest(sets[DIPLOMA].rules, pool, set(), lookups, cost)
    assert certificate[1] == (16, 5)
    assert diploma[1] == (37, 7)
    assert meets(sets[CERTIFICATE].rules, certificate[0], lookups)
    assert meets(sets[DIPLOMA].rules, diploma[0], lookups)


# -- generated unit sets ----------------------------------------------------------------------

GROUPS = ["business", "core", "self"]


@st.composite
def problems(draw):
    count = draw(st.integers(3, 8))
    refs = [f"U{i}" for i in range(count)]
    values = {ref: {"credits": draw(st.integers(1, 9)), "level": draw(st.integers(3, 6)),
                    "quadrant": draw(st.sampled_from(GROUPS))} for ref in refs}
    # A second scenario: one unit's credit value contradicted.
    other = dict(values)
    if draw(st.booleans()):
        ref = draw(st.sampled_from(refs))
        other[ref] = {**values[ref], "credits": draw(st.integers(1, 9))}
    scenarios = [values, other] if other != values else [values]
    rules = []
    low = draw(st.integers(0, 20))
    rules.append(Rule(kind="credits", text="credits", min=low, max=draw(st.one_of(st.none(), st.integers(low, 40))),
                      provenance=[]))
    for name in draw(st.lists(st.sampled_from(GROUPS), max_size=2, unique=True)):
        kind = draw(st.sampled_from(["min_units", "min_credits"]))
        rules.append(Rule(kind=kind, text=kind, min=draw(st.integers(1, 3 if kind == "min_units" else 12)),
                          groups=[UnitGroup(name=name.upper(), quadrant=name, units=[])], provenance=[]))
    if draw(st.booleans()):
        rules.append(Rule(kind="min_share_at_level", text="share", min=draw(st.sampled_from([0.25, 0.5, 1.0])),
                          level=draw(st.integers(4, 6)), provenance=[]))
    held = draw(st.lists(st.sampled_from(refs), unique=True, max_size=count))
    return refs, scenarios, rules, held


@settings(max_examples=300, deadline=None)
@given(problems())
def test_search_matches_exhaustive_enumeration(problem):
    refs, scenarios, rules, held = problem
    lookups = [lambda ref, name, v=v: v[ref][name] for v in scenarios]
    cost = {ref: max(v[ref]["credits"] for v in scenarios) for ref in refs}
    prices = [
        (sum(cost[u] for u in chosen if u not in held), sum(u not in held for u in chosen))
        for chosen in subsets(refs)
        if meets(rules, chosen, lookups)
    ]
    found = cheapest(rules, refs, set(held), lookups, cost)
    if not prices:
        assert found is None
        return
    assert found is not None
    chosen, price = found
    assert price == min(prices)
    assert meets(rules, chosen, lookups)
    assert (sum(cost[u] for u in chosen if u not in held), sum(u not in held for u in chosen)) == price
