"""The rules model built from the bundled specification, and the checks on the rules
themselves: each fires on the specification made to break it and is quiet on the real one."""

from __future__ import annotations

import pytest

from extractor.pipeline import BUNDLED_SPEC, extract
from extractor.rules.build import SHARE_ASSUMPTION, rule_sets

RULE_CODES = {"rule-unsatisfiable", "rules-unsatisfiable", "group-minimums-exceed-maximum",
              "rule-credits-mismatch", "rule-credits-contradict-tqt"}
ISP = BUNDLED_SPEC.read_text(encoding="utf-8")


@pytest.fixture
def edited(tmp_path):
    """The bundled specification with each (old, new) replacement made, extracted."""

    def extract_edited(*replacements):
        text = ISP
        for old, new in replacements:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        path = tmp_path / "edited.txt"
        path.write_text(text, encoding="utf-8")
        return extract(path)

    return extract_edited


def rule_findings(spec):
    return [f for f in spec.findings if f.code in RULE_CODES]


# -- the rules model -------------------------------------------------------------------------


def test_certificate_rules_as_data(spec):
    certificate = next(rs for rs in rule_sets(spec) if rs.qan == "610/5683/2")
    assert [(r.kind, r.min, r.max, [g.name for g in r.groups], r.level) for r in certificate.rules] == [
        ("credits", 13, 36, [], None),
        ("min_units", 2, None, ["BUSINESS"], None),
        ("min_units", 2, None, ["CORE"], None),
        ("min_units", 1, None, ["LEADERSHIP", "SELF"], None),
        ("min_share_at_level", 0.5, None, [], 5),
    ]
    assert certificate.rules[3].text == "At least one LEADERSHIP unit or SELF unit"
    assert certificate.rules[3].provenance[0].line == 242
    assert certificate.rules[1].groups[0].units == ["L5B1", "L5B2", "L5B3", "L5B4", "L5B5", "L4B3", "L4B5", "L4B8"]
    assert certificate.rules[4].assumption == SHARE_ASSUMPTION


def test_diploma_rules_as_data(spec):
    diploma = next(rs for rs in rule_sets(spec) if rs.qan == "610/5684/4")
    assert [(r.kind, r.min, [g.quadrant for g in r.groups]) for r in diploma.rules] == [
        ("credits", 37, []),
        ("min_credits", 9, ["business"]),
        ("min_credits", 12, ["core"]),
        ("min_credits", 8, ["leadership"]),
        ("min_credits", 8, ["self"]),
        ("min_share_at_level", 0.5, []),
    ]


def test_awards_are_fixed_unit_combinations(spec):
    awards = [rs for rs in rule_sets(spec) if rs.kind == "award"]
    assert len(awards) == 16
    innovation = next(rs for rs in awards if rs.qan == "610/5679/0")
    [rule] = innovation.rules
    assert (rule.kind, rule.min, rule.text, rule.groups[0].units) == (
        "all_units", 2, "Level 5 Award in Innovation", ["L5L5", "L5L7"])
    assert [place.line for place in rule.provenance] == [215, 216]


# -- checks on the rules ---------------------------------------------------------------------


def test_rules_checks_are_quiet_on_the_bundled_specification(spec):
    assert rule_findings(spec) == []


def test_a_rule_no_units_can_meet(edited):
    spec = edited(("- At least two BUSINESS units", "- At least nine BUSINESS units"))
    [found] = rule_findings(spec)
    assert (found.code, found.severity, found.field) == ("rule-unsatisfiable", "error", "rules")
    assert found.message == ("No combination of the units in the document meets the rule 'At least nine BUSINESS "
                             "units' of 'Level 5 Certificate in Professional Sales'.")
    assert found.locations[0].line == 240
    # The cause only: not also group minimums over the maximum, nor rules unmet together.


def test_rules_no_units_can_meet_together(edited):
    spec = edited(("a minimum of 50% at Level 5 or above", "a minimum of 100% at Level 6 or above"))
    found = rule_findings(spec)
    assert [(f.code, f.message) for f in found] == [
        ("rules-unsatisfiable", "No combination of the units in the document meets all the rules of "
                                "'Level 5 Certificate in Professional Sales' together."),
        ("rules-unsatisfiable", "No combination of the units in the document meets all the rules of "
                                "'Level 5 Diploma in Professional Sales' together."),
    ]
    assert [v.value for v in found[0].values][-1] == (
        "Units selected must equate to a minimum of 100% at Level 6 or above.")


def test_group_minimums_over_the_maximum(edited):
    spec = edited(("- A minimum of 13 credits, maximum 36 credits", "- A minimum of 13 credits, maximum 14 credits"))
    [found] = [f for f in rule_findings(spec) if f.code == "group-minimums-exceed-maximum"]
    assert found.message == ("The group rules of 'Level 5 Certificate in Professional Sales' need at least 15 "
                             "credits together, more than the maximum of 14 credits.")
    assert [(v.value, v.source) for v in found.values] == [
        (6, "least credits for 'At least two BUSINESS units'"),
        (6, "least credits for 'At least two CORE units'"),
        (3, "least credits for 'At least one LEADERSHIP unit or SELF unit'"),
        (14, "maximum in 'A minimum of 13 credits, maximum 14 credits'"),
    ]
    # Reported as the cause, not again as rules that cannot be met together.
    assert "rules-unsatisfiable" not in {f.code for f in spec.findings}


def test_rule_credit_range_contradicting_key_facts_and_tqt(edited):
    spec = edited(("- A minimum of 37 credits", "- A minimum of 40 credits"))
    found = rule_findings(spec)
    assert [(f.code, f.field) for f in found] == [("rule-credits-contradict-tqt", "credits"),
                                                 ("rule-credits-mismatch", "credits")]
    assert found[0].message == ("'Level 5 Diploma in Professional Sales': the rules of combination ask for "
                                "'A minimum of 40 credits' but its TQT of 740 hours + is 74 credits at ten hours "
                                "a credit.")
    assert [(v.value, v.source) for v in found[1].values] == [
        ("A minimum of 40 credits", "rule of combination"), ("Minimum 37", "credit value, key facts")]


def test_rule_credit_range_agreeing_with_tqt_is_quiet_about_tqt(edited):
    spec = edited(("- A minimum of 37 credits", "- A minimum of 74 credits"))
    assert [f.code for f in rule_findings(spec)] == ["rule-credits-mismatch"]


def test_award_whose_unit_credits_do_not_add_up(spec, edited):
    # Reported by the arithmetic check, once, against the award structure's rows.
    assert not [f for f in spec.findings if f.code == "award-total-mismatch" and f.field == "credits"]
    edited_spec = edited(("Level 5 Award in Innovation\t610/5679/0\t7\t35\t70",
                          "Level 5 Award in Innovation\t610/5679/0\t8\t35\t70"))
    found = [f for f in edited_spec.findings if f.code == "award-total-mismatch" and f.field == "credits"]
    assert [f.message for f in found] == [
        "'Level 5 Award in Innovation' states credit value 8 in the key facts but its units add up to 7."]


def test_rule_whose_number_cannot_be_read_is_reported_and_left_out(edited):
    spec = edited(("- At least two CORE units", "- At least eleven CORE units"))
    [found] = [f for f in spec.findings if f.code == "rule-not-evaluable"]
    assert found.message == ("The rule 'At least eleven CORE units' of 'Level 5 Certificate in Professional Sales' "
                             "has no number that could be read, so it cannot be evaluated.")
    certificate = next(rs for rs in rule_sets(spec) if rs.qan == "610/5683/2")
    assert certificate.not_evaluated == ["At least eleven CORE units"]
    assert [r.text for r in certificate.rules if r.kind == "min_units"] == [
        "At least two BUSINESS units", "At least one LEADERSHIP unit or SELF unit"]
    from extractor import achieve

    report = achieve(spec, ["L5B1"])
    assert report.assumptions[-1] == ("'At least eleven CORE units' (Level 5 Certificate in Professional Sales): "
                                      "no number could be read; left out")


def test_rules_too_open_to_check_are_noted_not_fatal(monkeypatch):
    monkeypatch.setattr("extractor.rules.facts.MAX_SCENARIOS", 1)
    spec = extract(BUNDLED_SPEC)
    noted = [f for f in spec.findings if f.code == "rules-not-checked"]
    assert len(noted) == 18
    assert noted[0].severity == "info"
    assert "were not checked: too many contradicted unit values to weigh (2 combinations, at most 1)." in (
        noted[0].message)
