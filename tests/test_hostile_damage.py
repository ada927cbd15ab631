"""Truncated and damaged text: the bundled specification cut short or with a row's tabs lost.

What is lost is reported (``source-truncated``, ``row-mended``, ``row-unreadable``) and costs at most the damaged
row: the rows after it are kept.
"""

from __future__ import annotations

from helpers import bundled_text, replace_once

from extractor.errors import InputError
from extractor.inputs import Input
from extractor.pipeline import extract

OVERVIEW_ROW = "M/651/5980\tL5B3\tMarket Research for Sales Strategy\t5\t15\t30\t3"
OVERVIEW = "\nOverview of units\n"  # the heading, not its line in the table of contents
CRITERION_ROW = "\t1.2\tCalculate the sales volumes required to achieve target profitability"


def read(text: str, name: str = "damaged.txt"):
    return extract(Input(name, text.encode("utf-8")))


def keyed(spec) -> set[tuple[str, str | None, str]]:
    return {(f.code, f.unit, f.message) for f in spec.findings}


def test_cut_at_half_is_reported_as_truncated(spec):
    data = bundled_text().encode("utf-8")
    cut = read(data[: len(data) // 2].decode("utf-8", errors="ignore"))
    assert (len(cut.units), len(cut.units_overview), len(cut.qualifications)) == (16, 32, 18)
    truncated = [f for f in cut.findings if f.code == "source-truncated"]
    assert [(f.severity, f.unit, f.message) for f in truncated] == [
        ("error", None, "The units overview lists 16 unit(s) after L4C8 that never appear (L5L1, L5L2, L5L3, L5L4, "
                        "L5L5, L5L6, L5L7, L4L5, L6L4, L5S1, L5S2, L5S3, L4S2, L4S3, L4S6, L6S2): the document seems "
                        "to end early."),
        ("error", "L4C8", "The document seems to end inside unit L4C8's specification: it lacks assessor guidance, "
                          "which all 15 other units have."),
    ]
    assert [v.value for v in truncated[0].values][:2] == ["L5L1", "L5L2"]


def test_cut_at_nine_tenths_is_reported_as_truncated():
    data = bundled_text().encode("utf-8")
    cut = read(data[: len(data) * 9 // 10].decode("utf-8", errors="ignore"))
    assert (len(cut.units), len(cut.units_overview)) == (28, 32)
    assert [(f.unit, f.message) for f in cut.findings if f.code == "source-truncated"] == [
        (None, "The units overview lists 4 unit(s) after L5S3 that never appear (L4S2, L4S3, L4S6, L6S2): the "
               "document seems to end early."),
        ("L5S3", "The document seems to end inside unit L5S3's specification: it lacks assessor guidance, which all "
                 "27 other units have."),
    ]


def test_the_whole_specification_is_not_truncated(spec):
    assert not [f for f in spec.findings if f.code in ("source-truncated", "row-mended", "row-unreadable")]


def test_a_row_whose_tabs_became_spaces_is_read_by_column_positions(spec):
    text = bundled_text()
    lines = text.splitlines()
    overview_line = lines.index(OVERVIEW_ROW, lines.index("Overview of units")) + 1
    assert lines[overview_line - 1] == OVERVIEW_ROW and text.count(OVERVIEW_ROW) == 2
    head, tail = text[: text.index(OVERVIEW)], text[text.index(OVERVIEW):]
    damaged = read(head + replace_once(tail, OVERVIEW_ROW, OVERVIEW_ROW.replace("\t", " ")))
    assert len(damaged.units_overview) == 32
    assert [r.model_dump(exclude={"provenance"}) for r in damaged.units_overview] == [
        r.model_dump(exclude={"provenance"}) for r in spec.units_overview
    ]
    [found] = [f for f in damaged.findings if f.code == "row-mended"]
    assert (found.severity, found.message) == (
        "warning",
        f"Line {overview_line}: a table row printed without tab separators was read by its column positions as 7 "
        "cells; check them against the printed line.",
    )
    assert [v.value for v in found.values] == ["M/651/5980", "L5B3", "Market Research for Sales Strategy", "5", "15", "30", "3"]
    assert keyed(damaged) - keyed(spec) == {("row-mended", None, found.message)}
    assert keyed(spec) - keyed(damaged) == set()


def test_tabs_expanded_to_runs_of_spaces_split_at_the_gaps(spec):
    text = bundled_text()
    head, tail = text[: text.index(OVERVIEW)], text[text.index(OVERVIEW):]
    damaged = read(head + replace_once(tail, OVERVIEW_ROW, OVERVIEW_ROW.expandtabs(12)))
    assert len(damaged.units_overview) == 32
    assert [f.severity for f in damaged.findings if f.code == "row-mended"] == ["warning"]
    assert keyed(spec) - keyed(damaged) == set()


def test_the_last_row_of_a_table_damaged_is_mended_too(spec):
    text = bundled_text()
    award_end = text.index(OVERVIEW_ROW) + len(OVERVIEW_ROW)  # the first: the last row of an award structure
    assert text[award_end:award_end + 2] == "\n\n" and text.index(OVERVIEW_ROW) < text.index(OVERVIEW)
    damaged = read(text[: text.index(OVERVIEW_ROW)] + OVERVIEW_ROW.replace("\t", " ") + text[award_end:])
    assert [f.severity for f in damaged.findings if f.code == "row-mended"] == ["warning"]
    assert keyed(damaged) - keyed(spec) == {f for f in keyed(damaged) if f[0] == "row-mended"}
    assert keyed(spec) - keyed(damaged) == set()


def test_a_row_that_cannot_be_split_is_one_finding_and_the_rows_after_it_stay(spec, units):
    text = bundled_text()
    line = text.splitlines().index(CRITERION_ROW) + 1
    damaged = read(replace_once(text, CRITERION_ROW, CRITERION_ROW.replace("\t", " ")))
    [found] = [f for f in damaged.findings if f.code == "row-unreadable"]
    assert (found.severity, found.message, found.values[0].value) == (
        "error",
        f"Line {line}: a table row printed without tab separators could not be split into its 3 cells; its values "
        "are missing from the output.",
        CRITERION_ROW.strip().replace("\t", " "),
    )
    unit = {u.reference: u for u in damaged.units}["L5B1"]
    assert [ac.number for ac in unit.learning_outcomes[0].assessment_criteria] == [
        ac.number for ac in units["L5B1"].learning_outcomes[0].assessment_criteria if ac.number != "1.2"
    ]
    assert sum(len(lo.assessment_criteria) for u in damaged.units for lo in u.learning_outcomes) == 339 - 1
    assert keyed(damaged) - keyed(spec) == {
        ("row-unreadable", None, found.message),
        ("criterion-number-gap", "L5B1", "Unit L5B1, learning outcome 1: criteria 1.2 are missing from the numbering."),
    }


def test_headers_swapped_between_tables_is_bad_input_not_a_crash():
    """Found by test_fuzz (deep profile): the Key Facts header and an overview header swapped, so
    the qualification rows are read as unit rows and a GLH of 25 lands in the level column."""
    key_facts = ("Qualification Title\tOfqual Qualification Accreditation Number (QAN)\tCredit Value\t"
                 "Guided Learning Hours\tTotal Qualification Time\n")
    units = "Ofqual Unit Ref.\tISP Unit Ref.\tUnit Title\tLevel\tGLH\tTQT\tCredit\n"
    lines = bundled_text().splitlines(keepends=True)
    first, second = lines.index(key_facts), lines.index(units, lines.index("Overview of units\n"))
    lines[first], lines[second] = lines[second], lines[first]
    try:
        read("".join(lines), "swapped.txt")
    except InputError as exc:
        assert str(exc) == (
            "swapped.txt: UnitListing level printed as 25, which is out of range (input should be less than or "
            "equal to 8); is a table damaged or are its columns out of order?"
        )
    else:
        raise AssertionError("a level of 25 was accepted")
