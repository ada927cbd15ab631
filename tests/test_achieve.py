"""Hand-worked scenarios on the bundled specification: the status of every qualification,
awards included, with the reasons and what is missing (issue 15)."""

from __future__ import annotations

import pytest
from helpers import rendering

from extractor import achieve
from extractor.errors import InputError

# The 16 awards of the bundled specification and the units of their award structures.
AWARDS = {
    "610/5663/7": {"L5B1"},
    "610/5664/9": {"L5B2", "L5B3"},
    "610/5665/0": {"L5B4"},
    "610/5666/2": {"L5B5"},
    "610/5667/4": {"L5C1"},
    "610/5668/6": {"L5C2"},
    "610/5669/8": {"L5C3"},
    "610/5671/6": {"L5C4"},
    "610/5672/8": {"L5L1"},
    "610/5673/X": {"L5L2"},
    "610/5674/1": {"L5L3"},
    "610/5676/5": {"L5L6"},
    "610/5677/7": {"L5L4"},
    "610/5679/0": {"L5L5", "L5L7"},
    "610/5680/7": {"L5S1", "L5S2"},
    "610/5681/9": {"L5S3"},
}
CERTIFICATE, DIPLOMA = "610/5683/2", "610/5684/4"
ALL = [*AWARDS, CERTIFICATE, DIPLOMA]


def statuses(report):
    return {q.qan: q.status for q in report.qualifications}


def expected(achieved, undetermined=()):
    return {qan: "achieved" if qan in achieved else "undetermined" if qan in undetermined else "not_achieved"
            for qan in ALL}


def result(report, qan):
    return next(q for q in report.qualifications if q.qan == qan)


def test_every_qualification_is_answered_in_document_order(spec):
    report = achieve(spec, ["L5B1"])
    assert [q.qan for q in report.qualifications] == ALL
    assert [q.kind for q in report.qualifications] == ["award"] * 16 + ["certificate", "diploma"]


def test_certificate_with_two_units_from_each_required_group(spec):
    report = achieve(spec, ["L5B1", "L5B3", "L5C1", "L5C4", "L5L3", "L5S3"])
    assert statuses(report) == expected({"610/5663/7", "610/5667/4", "610/5671/6", "610/5674/1", "610/5681/9",
                                         CERTIFICATE})
    certificate = result(report, CERTIFICATE)
    assert [(r.met, r.detail) for r in certificate.reasons] == [
        (True, "26 credits (L5B1, L5B3, L5C1, L5C4, L5L3, L5S3); 13 to 36 required"),
        (True, "2 BUSINESS units (L5B1, L5B3); at least 2 required"),
        (True, "2 CORE units (L5C1, L5C4); at least 2 required"),
        (True, "2 LEADERSHIP or SELF units (L5L3, L5S3); at least 1 required"),
        (True, "26 of 26 credits at level 5 or above (100%); at least 50% required"),
    ]
    assert certificate.missing == [] and certificate.using == []
    assert result(report, DIPLOMA).missing == [
        "11 more credits", "1 more credit from BUSINESS units", "3 more credits from CORE units",
        "3 more credits from LEADERSHIP units", "4 more credits from SELF units",
    ]
    assert result(report, "610/5664/9").missing == ["unit L5B2"]


def test_certificate_one_short_of_a_group(spec):
    report = achieve(spec, ["L5B1", "L5B2", "L5C1", "L5L1", "L5S1"])
    assert statuses(report) == expected({"610/5663/7", "610/5667/4", "610/5672/8"})
    certificate = result(report, CERTIFICATE)
    assert [r.met for r in certificate.reasons] == [True, True, False, True, True]
    assert certificate.reasons[2].detail == "1 CORE unit (L5C1); at least 2 required"
    assert certificate.missing == ["1 more CORE unit"]
    assert result(report, "610/5680/7").missing == ["unit L5S2"]


def test_diploma_by_group_credits(spec):
    units = ["L5B1", "L5B4", "L5C2", "L5C3", "L5L1", "L5S1", "L5S2"]
    report = achieve(spec, units)
    assert report.credits == "38"
    assert statuses(report) == expected({"610/5663/7", "610/5665/0", "610/5668/6", "610/5669/8", "610/5672/8",
                                         "610/5680/7", CERTIFICATE, DIPLOMA})
    diploma = result(report, DIPLOMA)
    assert [r.detail for r in diploma.reasons[1:5]] == [
        "9 credits from BUSINESS units (L5B1, L5B4); at least 9 required",
        "12 credits from CORE units (L5C2, L5C3); at least 12 required",
        "8 credits from LEADERSHIP units (L5L1); at least 8 required",
        "9 credits from SELF units (L5S1, L5S2); at least 8 required",
    ]
    # 38 credits are over the certificate's 36: the cheapest of the units that meet its rules count.
    certificate = result(report, CERTIFICATE)
    assert certificate.using == ["L5B1", "L5B4", "L5C2", "L5C3", "L5S2"]
    assert certificate.reasons[0].detail == "25 credits (L5B1, L5B4, L5C2, L5C3, L5S2); 13 to 36 required"


def test_diploma_short_of_one_group_only(spec):
    report = achieve(spec, ["L5B1", "L5B4", "L5B5", "L5C2", "L5C3", "L5L1", "L5S1"])
    diploma = result(report, DIPLOMA)
    assert diploma.status == "not_achieved"
    assert [r.met for r in diploma.reasons] == [True, True, True, True, False, True]
    assert diploma.missing == ["3 more credits from SELF units"]


def test_set_failing_only_the_level_share(spec):
    report = achieve(spec, ["L4B3", "L4B5", "L4C1", "L4C3", "L5L1"])
    assert statuses(report) == expected({"610/5672/8"})
    certificate = result(report, CERTIFICATE)
    assert [r.met for r in certificate.reasons] == [True, True, True, True, False]
    assert certificate.reasons[4].detail == "8 of 21 credits at level 5 or above (38%); at least 50% required"
    assert certificate.reasons[4].assumption.startswith("the sentence does not say a share of what")
    assert certificate.missing == ["5 more credits at level 5 or above"]
    assert report.assumptions == [
        "'Units selected must equate to a minimum of 50% at Level 5 or above.': the sentence does not say a "
        "share of what: read as a share of credits (the usual RQF/QCF reading)"
    ]


def test_result_depending_on_a_contradicted_credit_value(spec):
    # L6S2 is printed with 8 credits in its unit specification and 6 in the units overview.
    report = achieve(spec, ["L5B1", "L5B4", "L5C2", "L5C3", "L5L1", "L6S2"])
    assert report.credits == "35 or 37"
    assert statuses(report) == expected(
        {"610/5663/7", "610/5665/0", "610/5668/6", "610/5669/8", "610/5672/8", CERTIFICATE}, {DIPLOMA})
    diploma = result(report, DIPLOMA)
    assert [r.met for r in diploma.reasons] == [None, True, True, True, None, True]
    assert diploma.reasons[4].detail == (
        "if L6S2 credits 8 (unit specification): 8 credits from SELF units (L6S2); at least 8 required; "
        "if L6S2 credits 6 (units overview): 6 credits from SELF units (L6S2); at least 8 required"
    )
    assert [(c.code, c.unit, c.field) for c in diploma.depends_on] == [("cross-table-mismatch", "L6S2", "credits")]
    assert diploma.depends_on[0].message.startswith("Unit L6S2 has 2 different credit values")
    assert [(o.values, o.status) for o in diploma.outcomes] == [
        (["L6S2 credits 8 (unit specification)"], "achieved"),
        (["L6S2 credits 6 (units overview)"], "not_achieved"),
    ]
    assert diploma.missing == [
        "if L6S2 credits 8 (unit specification): nothing; if L6S2 credits 6 (units overview): 2 more credits",
        "if L6S2 credits 8 (unit specification): nothing; if L6S2 credits 6 (units overview): 2 more credits "
        "from SELF units",
    ]


def test_units_by_uan_including_one_printed_only_in_an_award_structure(spec):
    report = achieve(spec, ["A/651/5975", "y/650/7928", "L5L7", "L5L5"])
    assert report.units == ["L5B1", "L5L5", "L5L7"]
    assert statuses(report) == expected({"610/5663/7", "610/5679/0"})


def test_unknown_unit_and_unknown_target(spec):
    with pytest.raises(InputError, match=r"^unknown unit 'L9X9': no unit has this reference or UAN$"):
        achieve(spec, ["L5B1", "L9X9"])
    with pytest.raises(InputError, match=r"^unknown qualification '610/0000/0': no qualification has this QAN$"):
        achieve(spec, ["L5B1"], target="610/0000/0")


def test_achieve_reads_a_source_file_by_path():
    from extractor.pipeline import BUNDLED_SPEC

    report = achieve(BUNDLED_SPEC, ["L5B1"])
    assert report.source == BUNDLED_SPEC.name
    assert statuses(report) == expected({"610/5663/7"})


def test_the_word_rendering_gives_the_same_answers(spec):

    units = ["L5B1", "L5B4", "L5C2", "L5C3", "L5L1", "L6S2"]

    def answers(report):
        return [(q.qan, q.status, [(r.met, r.detail) for r in q.reasons], q.missing, q.outcomes)
                for q in report.qualifications], report.suggestion

    word = achieve(rendering(".docx"), units, target=DIPLOMA)
    assert word.source == "isp-level5-professional-sales-spec-v1.1.docx"
    assert answers(word) == answers(achieve(spec, units, target=DIPLOMA))
    assert result(word, DIPLOMA).status == "undetermined"


def test_only_the_contradiction_the_status_turns_on_is_named(tmp_path):
    from extractor.pipeline import BUNDLED_SPEC, extract

    # A second contradicted credit value: L5L3 printed with 4 credits in the units overview.
    text = BUNDLED_SPEC.read_text(encoding="utf-8")
    old = "Motivate Sales Professionals\t5\t25\t50\t5\nR/651/5990"
    assert text.count(old) == 1
    path = tmp_path / "two-contradictions.txt"
    path.write_text(text.replace(old, old.replace("\t5\nR/", "\t4\nR/")), encoding="utf-8")
    report = achieve(extract(path), ["L5B1", "L5B4", "L5C2", "L5C3", "L5L1", "L5L3", "L6S2"])
    assert report.credits == "39 or 40 or 41 or 42"
    diploma = result(report, DIPLOMA)
    assert diploma.status == "undetermined"
    assert [(c.unit, c.field) for c in diploma.depends_on] == [("L6S2", "credits")]
    assert [(o.values, o.status) for o in diploma.outcomes] == [
        (["L5L3 credits 5 (unit specification, award structure 'Level 5 Award in Motivating Sales Professionals')",
          "L6S2 credits 8 (unit specification)"], "achieved"),
        (["L5L3 credits 5 (unit specification, award structure 'Level 5 Award in Motivating Sales Professionals')",
          "L6S2 credits 6 (units overview)"], "not_achieved"),
        (["L5L3 credits 4 (units overview)", "L6S2 credits 8 (unit specification)"], "achieved"),
        (["L5L3 credits 4 (units overview)", "L6S2 credits 6 (units overview)"], "not_achieved"),
    ]


def test_a_unit_without_a_printed_credit_value_still_completes_its_award(write_spec):
    from conftest import MINIMAL

    from extractor.pipeline import extract

    old_rows, old_spec = "\t3\t25\t50\t5", "Credit Value\t5\t"
    assert MINIMAL.count(old_rows) == 2 and MINIMAL.count(old_spec) == 1
    spec = extract(write_spec(MINIMAL.replace(old_rows, "\t3\t25\t50\t").replace(old_spec, "Credit Value\t\t")))
    assert not [f for f in spec.findings if f.code.startswith("rule")]
    report = achieve(spec, ["L3B1"])
    assert [(q.qan, q.status) for q in report.qualifications] == [("610/5663/7", "achieved")]
    assert report.assumptions == ["L3B1 has no printed credit value: counted as 0 credits"]
