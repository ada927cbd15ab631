"""Each check fires on a small input made to break its rule and stays quiet otherwise;
on the bundled specification it reports exactly the document's real problems."""

from __future__ import annotations

from conftest import MINIMAL

from extractor.pipeline import extract


def findings_of(write_spec, text=MINIMAL):
    return extract(write_spec(text)).findings


def codes(findings):
    return sorted(((f.code, f.unit, f.field) for f in findings), key=repr)


def codes_sorted(triples):
    return sorted(triples, key=repr)


def test_minimal_specification_is_clean(write_spec):
    assert findings_of(write_spec) == []


# -- identifiers -----------------------------------------------------------------------------


def test_malformed_uan_names_every_table_printing_it(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("A/651/5975", "A/651/597"))
    assert codes(found) == [("uan-malformed", "L3B1", "uan")]
    assert [v.source for v in found[0].values] == [
        "unit specification", "units overview", "award structure 'Level 3 Award in Widgets'"]
    assert found[0].values[0].locations[0].line == 30


def test_qan_check_character(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("610/5663/7", "610/5663/8"))
    assert codes(found) == [("qan-check-digit", None, "qan")]
    assert "check character (weights 8..2, mod 11) is '7'" in found[0].message
    found = findings_of(write_spec, MINIMAL.replace("610/5663/7", "610/5673/X"))
    assert found == []  # 10 is written X


def test_qan_format(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("610/5663/7", "6105663-7"))
    assert codes(found) == [("qan-malformed", None, "qan")]


def test_reference_normalised_only_when_confirmed(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("Unit Title\tL3B1", "Unit Title\tLEB1"))
    assert codes(found) == [("isp-ref-normalised", "L3B1", "reference")]
    assert [v.value for v in found[0].values] == ["LEB1", "L3B1", "L3B1"]
    # With a different UAN nothing confirms the correction: it stays as printed.
    text = MINIMAL.replace("Unit Title\tL3B1", "Unit Title\tLEB1").replace("UAN\tA/651/5975", "UAN\tB/651/5976")
    found = findings_of(write_spec, text)
    assert ("isp-ref-malformed", "LEB1", "reference") in codes(found)


# -- cross-table consistency --------------------------------------------------------------


def test_glh_differs_between_tables(write_spec):
    text = MINIMAL.replace("Guided Learning Hours\t25", "Guided Learning Hours\t20")
    found = findings_of(write_spec, text)
    assert codes(found) == [("cross-table-mismatch", "L3B1", "glh")]
    assert [(v.value, v.source) for v in found[0].values] == [
        (20, "unit specification"), (25, "units overview"), (25, "award structure 'Level 3 Award in Widgets'")]


def test_title_differs_between_tables(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("Unit Title\tL3B1 Make Widgets", "Unit Title\tL3B1 Make Gadgets"))
    assert codes(found) == [("cross-table-mismatch", "L3B1", "title")]


def test_quadrant_heading_differs_from_overview(write_spec):
    text = MINIMAL.replace("Unit Specifications \u2013 Business", "Unit Specifications \u2013 Core")
    assert ("quadrant-mismatch", "L3B1", "quadrant") in codes(findings_of(write_spec, text))


# -- arithmetic ---------------------------------------------------------------------------------


def test_credits_must_be_tqt_over_ten(write_spec):
    text = MINIMAL.replace("Credit Value\t5", "Credit Value\t6")
    found = findings_of(write_spec, text)
    assert ("credits-not-tqt-over-10", "L3B1", "credits") in codes(found)


def test_glh_cannot_exceed_tqt(write_spec):
    text = MINIMAL.replace("\t25\t50\t5", "\t55\t50\t5").replace("Guided Learning Hours\t25", "Guided Learning Hours\t55")
    text = text.replace("Widgets\t610/5663/7\t5\t25\t50", "Widgets\t610/5663/7\t5\t55\t50")
    assert codes(findings_of(write_spec, text)) == [("glh-exceeds-tqt", "L3B1", "glh")]


def test_award_totals_are_sums_of_units(write_spec):
    text = MINIMAL.replace("Widgets\t610/5663/7\t5\t25\t50", "Widgets\t610/5663/7\t5\t25\t60")
    found = findings_of(write_spec, text)
    assert ("award-total-mismatch", None, "tqt") in codes(found)


def test_award_size(write_spec):
    text = MINIMAL.replace("Widgets\t610/5663/7\t5\t25\t50", "Widgets\t610/5663/7\t13\t65\t130")
    assert ("size-does-not-match-kind", None, "credits") in codes(findings_of(write_spec, text))


def test_qualification_without_structure(write_spec):
    text = MINIMAL.replace(
        "Level 3 Award in Widgets\t610/5663/7\t5\t25\t50",
        "Level 3 Award in Widgets\t610/5663/7\t5\t25\t50\nLevel 3 Award in Gears\t610/5664/9\t5\t25\t50",
    )
    assert codes(findings_of(write_spec, text)) == [("qualification-without-structure", None, "units")]


# -- numbering --------------------------------------------------------------------------------


def test_duplicate_and_missing_criterion_numbers(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("\t1.2\tDescribe", "\t1.1\tDescribe"))
    assert ("criterion-number-duplicate", "L3B1", "assessment_criteria") in codes(found)
    found = findings_of(write_spec, MINIMAL.replace("\t1.2\tDescribe", "\t1.3\tDescribe"))
    assert codes(found) == [("criterion-number-gap", "L3B1", "assessment_criteria")]
    assert "1.2 are missing" in found[0].message


def test_outcomes_out_of_sequence(write_spec):
    text = MINIMAL.replace("2. Be able to make widgets\t2.1", "3. Be able to make widgets\t3.1").replace(
        "\t2.2\tTest", "\t3.2\tTest")
    found = findings_of(write_spec, text)
    assert ("outcome-numbering", "L3B1", "learning_outcomes") in codes(found)
    # Sections 1-2 no longer match outcomes 1 and 3: they are not linked.
    assert ("sections-not-linked", "L3B1", "indicative_content") in codes(found)


# -- structure ----------------------------------------------------------------------------------


def test_sector_that_is_not_a_sector(write_spec):
    text = MINIMAL.replace("system\t15.4 - Marketing and Sales", "system\tIs able to use internal processes.")
    assert codes(findings_of(write_spec, text)) == [("sector-not-a-sector", "L3B1", "sector")]


def test_empty_required_field(write_spec):
    text = MINIMAL.replace("Unit purpose and aims\tTo enable learners to make widgets.", "Unit purpose and aims\t")
    assert codes(findings_of(write_spec, text)) == [("required-field-empty", "L3B1", "purpose")]


def test_duplicated_block(write_spec):
    block = MINIMAL[MINIMAL.index("Additional Information"):]
    found = findings_of(write_spec, MINIMAL + "\n" + block)
    assert codes(found) == [("duplicate-block", "L3B1", "additional_information")]
    assert "with the same wording" in found[0].message


def test_unit_listed_but_not_specified(write_spec):
    text = MINIMAL.replace(
        "BUSINESS units\n\nOfqual Unit Ref.\tISP Unit Ref.\tUnit Title\tLevel\tGLH\tTQT\tCredit\nA/651/5975\tL3B1\tMake Widgets\t3\t25\t50\t5",
        "BUSINESS units\n\nOfqual Unit Ref.\tISP Unit Ref.\tUnit Title\tLevel\tGLH\tTQT\tCredit\nA/651/5975\tL3B1\tMake Widgets\t3\t25\t50\t5\nB/651/5976\tL3B2\tSell Widgets\t3\t25\t50\t5",
    )
    assert codes(findings_of(write_spec, text)) == [("unit-without-specification", "L3B2", None)]


# -- cross-unit ---------------------------------------------------------------------------------


def test_reference_to_missing_outcome(write_spec):
    text = MINIMAL.replace("Learners should make two widgets.", "Learners should make the widgets designed in LO4.")
    found = findings_of(write_spec, text)
    assert codes(found) == [("reference-to-missing-element", "L3B1", "assessor_guidance")]
    quiet = MINIMAL.replace("Learners should make two widgets.", "Learners should make the widgets of LO1 and AC1.2.")
    assert findings_of(write_spec, quiet) == []


def test_ksb_described_differently(spec):
    ksb = {f.values[0].value: f for f in spec.findings if f.code.startswith("ksb-text-")}
    b1 = ksb["Acts professionally, ethically and with integrity."]
    assert (b1.code, b1.severity) == ("ksb-text-inconsistent", "error")
    assert [v.source for v in b1.values] == ["units L5B5, L5S2", "units L5C3"]
    k7 = ksb["Financial management techniques"]
    assert (k7.code, k7.severity) == ("ksb-text-abridged", "warning")


# -- the bundled specification --------------------------------------------------------------


def test_every_problem_of_the_bundled_specification(spec):
    assert codes(spec.findings) == codes_sorted((
        ("award-total-mismatch", None, "tqt"),
        ("credits-not-tqt-over-10", None, "credits"),
        ("credits-not-tqt-over-10", None, "credits"),
        ("credits-not-tqt-over-10", "L5L4", "credits"),
        ("credits-not-tqt-over-10", "L6S2", "credits"),
        ("criterion-number-duplicate", "L4C7", "assessment_criteria"),
        ("cross-table-mismatch", "L4L5", "glh"),
        ("cross-table-mismatch", "L5L4", "glh"),
        ("cross-table-mismatch", "L5L5", "uan"),
        ("cross-table-mismatch", "L6S2", "credits"),
        ("cross-table-mismatch", "L6S2", "glh"),
        ("duplicate-block", "L5L5", "additional_information"),
        ("glh-exceeds-tqt", "L6S2", "glh"),
        ("ksb-text-inconsistent", None, "apprenticeship"),
        ("ksb-text-abridged", None, "apprenticeship"),
        ("ksb-text-abridged", None, "apprenticeship"),
        ("sector-not-a-sector", "L4C8", "sector"),
        ("uan-malformed", "L6S2", "uan"),
        ("awarding-body-name-inconsistent", None, "awarding_body"),
        ("isp-ref-normalised", "L5B4", "reference"),
        ("qualification-title-mismatch", None, "title"),
        ("sector-label-inconsistent", None, "sector"),
        ("sections-not-linked", "L5B5", "assessor_guidance"),
        ("sections-not-linked", "L5B5", "indicative_content"),
        ("sections-not-linked", "L5L5", "assessor_guidance"),
        ("sections-not-linked", "L5L5", "indicative_content"),
        ("text-outside-table", "L5C3", "indicative_content"),
        ("text-outside-table", "L5S2", "indicative_content"),
    ))


def test_findings_carry_evidence(spec):
    uan = next(f for f in spec.findings if f.code == "cross-table-mismatch" and f.unit == "L5L5")
    assert [(v.value, v.source, v.locations[0].line) for v in uan.values] == [
        ("T/651/5991", "unit specification", 1189),
        ("T/651/5991", "units overview", 285),
        ("Y/650/7928", "award structure 'Level 5 Award in Innovation'", 215),
    ]
    assert all(f.message.endswith(".") and f.locations for f in spec.findings)
    assert [f.severity for f in spec.findings] == sorted(
        (f.severity for f in spec.findings), key=["error", "warning", "info"].index)


# -- findings the interpreter meets while reading ------------------------------------------


def test_outcome_printed_twice(write_spec):
    text = MINIMAL.replace("\t1.2\tDescribe widget parts", "1. Understand gadgets\t1.2\tDescribe widget parts")
    found = findings_of(write_spec, text)
    assert codes(found) == [("duplicate-learning-outcome", "L3B1", "learning_outcomes")]
    assert [v.value for v in found[0].values] == ["Understand widgets", "Understand gadgets"]


def test_criterion_of_an_outcome_that_is_not_printed(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("\t2.2\tTest a widget", "\t3.1\tTest a widget"))
    assert ("criterion-without-outcome", "L3B1", "assessment_criteria") in codes(found)
    assert found[0].values[0].value == "3.1 Test a widget"


def test_outcome_of_unknown_kind(write_spec):
    found = findings_of(write_spec, MINIMAL.replace("1. Understand widgets", "1. Know widgets"))
    assert codes(found) == [("outcome-kind-unknown", "L3B1", "learning_outcomes")]


def test_outcome_without_criteria(write_spec):
    text = MINIMAL.replace("2. Be able to make widgets\t2.1\tMake a widget\n\t2.2\tTest a widget\n",
                           "2. Be able to make widgets\t\n")
    assert codes(findings_of(write_spec, text)) == [("outcome-without-criteria", "L3B1", "assessment_criteria")]


def test_row_that_fits_no_field(write_spec):
    text = MINIMAL.replace("UAN\tA/651/5975\t\n", "UAN\tA/651/5975\t\nColour\tBlue\n")
    found = findings_of(write_spec, text)
    assert codes(found) == [("unexpected-row", "L3B1", None)]
    assert found[0].values[0].value == "Colour | Blue"


def test_unreadable_apprenticeship(write_spec):
    text = MINIMAL.replace("Not linked to the apprenticeship standard.", "See the handbook.")
    assert codes(findings_of(write_spec, text)) == [("apprenticeship-unreadable", "L3B1", "apprenticeship")]


def test_rule_not_understood(write_spec):
    text = MINIMAL.replace("Overview of units\n", "To achieve an Award, learners must pass:\n\n- Any unit you like\n\nOverview of units\n")
    assert codes(findings_of(write_spec, text)) == [("rule-not-understood", None, "rules")]


def test_structure_without_qualification(write_spec):
    text = MINIMAL.replace("Level 3 Award in Widgets\n\nOfqual", "Level 3 Award in Sprockets and Gears\n\nOfqual")
    found = codes(findings_of(write_spec, text))
    assert ("structure-without-qualification", None, "units") in found
    assert ("qualification-without-structure", None, "units") in found


def test_reference_shape_against_level_and_quadrant(write_spec):
    text = MINIMAL.replace("Level\t3\t", "Level\t4\t")
    assert ("isp-ref-level-mismatch", "L3B1", "level") in codes(findings_of(write_spec, text))
    text = MINIMAL.replace("BUSINESS units", "CORE units").replace("Specifications \u2013 Business", "Specifications \u2013 Core")
    assert codes(findings_of(write_spec, text)) == [("isp-ref-quadrant-mismatch", "L3B1", "quadrant")]


def test_missing_block_and_unit_missing_from_overview(write_spec):
    text = MINIMAL[: MINIMAL.index("Assessor Guidance")]
    assert codes(findings_of(write_spec, text)) == [("required-block-missing", "L3B1", "assessor_guidance")]
    unit = MINIMAL[MINIMAL.index("Unit Title"):].replace("L3B1 Make Widgets", "L3B2 Sell Widgets").replace(
        "A/651/5975", "B/651/5976")
    found = codes(findings_of(write_spec, MINIMAL + "\n" + unit))
    assert ("unit-not-in-overview", "L3B2", None) in found
