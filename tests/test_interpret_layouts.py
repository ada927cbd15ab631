"""The interpreter on each synthetic layout (tests/fixtures/layouts/), in HTML and in Markdown: the
same four units of the invented Northmoor body, whatever their layout, give the same outcomes and
criteria."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.pipeline import extract

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"

# unit number -> (UAN, title, level, credits, GLH, TQT): the README's table
UNITS = {
    201: ("T/650/1183", "Principles of stock control", 2, 3, 20, 30),
    202: ("K/650/1184", "Safe handling of goods in a warehouse", 2, 2, 15, 20),
    203: ("D/650/1185", "Receiving and checking deliveries", 2, 3, 18, 30),
    204: ("R/650/1186", "Dispatching customer orders", 2, 4, 28, 40),
}
OUTCOMES = {
    201: ["Understand the purpose of stock control", "Be able to carry out a stock count"],
    202: ["Know the risks of manual handling", "Be able to move goods safely"],
    203: ["Understand delivery procedures", "Be able to receive a delivery"],
    204: ["Understand order picking methods", "Be able to prepare orders for dispatch"],
}
CRITERIA = {
    201: ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"],
    202: ["1.1", "1.2", "2.1", "2.2", "2.3"],
    203: ["1.1", "1.2", "2.1", "2.2"],
    204: ["1.1", "1.2", "2.1", "2.2", "2.3"],
}
# fixture -> its units, in order, and whether its criteria print their numbers
FIXTURES = {
    "lo-column-ac-column": ([201, 202], True),
    "lo-heading-ac-list": ([203, 204], True),
    "lo-prefixes": ([203, 201], True),
    "learner-will-can": ([202, 204], True),
    "content-third-column": ([201, 203], True),
    "unnumbered-acs": ([202, 204], False),
    "mapping-table": ([201, 203], True),
}
CASES = [(name, ext) for name in FIXTURES for ext in ("html", "md")]


@pytest.mark.parametrize(("name", "ext"), CASES, ids=[f"{n}.{e}" for n, e in CASES])
def test_each_layout_gives_the_units_outcomes_and_criteria(name, ext):
    spec = extract(LAYOUTS / f"{name}.{ext}")
    numbers, printed = FIXTURES[name]
    assert [u.uan for u in spec.units] == [UNITS[n][0] for n in numbers]
    for number, unit in zip(numbers, spec.units, strict=True):
        _, title, level, credits, glh, tqt = UNITS[number]
        assert (unit.title, unit.level, unit.credits, unit.glh) == (title, level, credits, glh)
        assert unit.tqt in (tqt, None)  # some layouts print no TQT
        assert [lo.text for lo in unit.learning_outcomes] == OUTCOMES[number]
        assert [c.number for lo in unit.learning_outcomes for c in lo.assessment_criteria] == CRITERIA[number]
        assert {c.number_printed for lo in unit.learning_outcomes for c in lo.assessment_criteria} == {printed}
        assert {lo.number_printed for lo in unit.learning_outcomes} == {printed}


@pytest.mark.parametrize("ext", ["html", "md"])
def test_criteria_numbered_only_by_an_ordered_list_are_numbered_in_order(ext):
    spec = extract(LAYOUTS / f"ac-list-in-cell.{ext}")
    dispatching, handling = spec.units
    assert (dispatching.uan, dispatching.level_printed, dispatching.credits, dispatching.glh) == ("R/650/1186", "Level 2", 4, 28)
    criteria = [(c.number, c.number_printed) for lo in dispatching.learning_outcomes for c in lo.assessment_criteria]
    assert criteria == [("1.1", False), ("1.2", False), ("2.1", False), ("2.2", False), ("2.3", False)]
    assert dispatching.learning_outcomes[1].assessment_criteria[2].text == "Complete dispatch documentation"
    assert [c.number for lo in handling.learning_outcomes for c in lo.assessment_criteria] == CRITERIA[202]


@pytest.mark.parametrize("ext", ["html", "md"])
def test_mapping_tables_that_cite_outcomes_create_none(ext):
    spec = extract(LAYOUTS / f"mapping-table.{ext}")
    assert [len(u.learning_outcomes) for u in spec.units] == [2, 2]
    skipped = next(f for f in spec.findings if f.code == "unexpected-row" and f.unit == "T/650/1183")
    assert "Task 1 | Written account of how the learner\u2019s workplace controls stock | Covers LO1.1, LO1.2 and LO1.3" in [
        v.value for v in skipped.values
    ]


@pytest.mark.parametrize("ext", ["html", "md"])
def test_a_third_column_of_content_becomes_one_section_per_outcome(ext):
    stock = extract(LAYOUTS / f"content-third-column.{ext}").units[0]
    sections = [(s.section, s.learning_outcome, [i.text for i in s.items]) for s in stock.indicative_content]
    assert sections[0] == (
        "1",
        1,
        ["customer service levels", "cash tied up in stock", "storage and insurance costs", "obsolete and damaged stock",
         "lost sales from stock-outs", "first in, first out (FIFO)", "weighted average cost"],
    )
    assert [s[:2] for s in sections] == [("1", 1), ("2", 2)]


@pytest.mark.parametrize("ext", ["html", "md"])
def test_a_qualification_structure_only_lists_its_units(ext):
    spec = extract(LAYOUTS / f"qualification-structure-only.{ext}")
    assert spec.units == []
    rows = [(r.uan, r.reference, r.title, r.level, r.credits, r.glh, r.tqt) for r in spec.units_overview]
    assert rows == [(UNITS[n][0], str(n), *UNITS[n][1:]) for n in (202, 203, 201, 204)]
    (award,) = spec.qualifications
    assert (award.qan, award.title, award.kind) == ("610/8842/0", "Northmoor Level 2 Award in Warehouse Operations", "award")
    assert (award.credits.min, award.credits.max, award.credits.printed) == (8, None, "8")
    assert (award.glh.min, award.tqt.min) == (53, 80)
    assert not [f for f in spec.findings if f.severity == "error"]


@pytest.mark.parametrize(("name", "ext"), CASES, ids=[f"{n}.{e}" for n, e in CASES])
def test_a_consistent_unit_of_another_body_gets_no_error_finding(name, ext):
    spec = extract(LAYOUTS / f"{name}.{ext}")
    assert spec.profile == "generic"
    assert [f.code for f in spec.findings if f.severity == "error"] == []
