"""The interpreter on block streams (no reader): unit identity, where units start, facts as printed,
outcome and criterion numbering."""

from __future__ import annotations

import pytest

from extractor.blocks import Block, Cell, Location, Part
from extractor.errors import InputError
from extractor.interpret import interpret

_line = iter(range(1, 10_000))


def _where() -> Location:
    return Location(line=next(_line))


def row(*texts: str) -> Block:
    where = _where()
    return Block("row", where, cells=tuple(Cell((Part("paragraph", t, where),) if t else (), where) for t in texts))


def heading(text: str, level: int = 2) -> Block:
    return Block("heading", _where(), text=text, level=level)


def para(text: str) -> Block:
    return Block("paragraph", _where(), text=text)


def item(text: str) -> Block:
    return Block("item", _where(), text=text)


OUTCOMES = [row("Learning outcomes", "Assessment criteria"), row("1 Understand widgets", "1.1 Describe a widget")]


def test_a_code_opening_the_title_is_the_reference_only_when_it_has_the_shape_of_a_code():
    units = interpret([row("Unit title", "ICT for Users"), row("UAN", "A/123/4567"), *OUTCOMES,
                       row("Unit title", "L3B1 Make Widgets"), *OUTCOMES]).units
    assert [(u.reference, u.reference_printed, u.uan, u.title) for u in units] == [
        ("A/123/4567", "A/123/4567", "A/123/4567", "ICT for Users"),
        ("L3B1", "L3B1", None, "Make Widgets"),
    ]


def test_a_unit_heading_gives_number_title_level_and_credits():
    unit = interpret([heading("Level 1 Unit 3 - Spreadsheet Software (3 credits)"), *OUTCOMES]).units[0]
    assert (unit.unit_number, unit.title, unit.level, unit.level_printed, unit.credits) == (
        "Unit 3", "Spreadsheet Software", 1, "Level 1", 3,
    )
    assert unit.reference_printed == ""
    assert unit.reference == "Unit 3"


@pytest.mark.parametrize(
    ("printed", "level", "credits", "glh"),
    [("Level 3", 3, "10 credits", 10), ("RQF Level 6", 6, "10", 10), ("Entry Level 2", None, "4 credits", 4)],
)
def test_facts_are_read_as_printed(printed, level, credits, glh):
    unit = interpret([para("Unit reference: K/650/1184"), para(f"Level: {printed}"), para(f"Credits: {credits}"),
                      para(f"Guided learning hours: {glh * 10} hours"), *OUTCOMES]).units[0]
    assert (unit.level, unit.level_printed, unit.credits, unit.glh) == (level, printed, glh, glh * 10)


def test_a_second_reference_starts_a_second_unit():
    units = interpret([para("Unit No: J/504/8733"), *OUTCOMES, para("Unit No: L/504/8944"), *OUTCOMES]).units
    assert [u.uan for u in units] == ["J/504/8733", "L/504/8944"]


def test_an_outcome_heading_followed_by_a_list_of_unnumbered_criteria():
    unit = interpret([para("Unit reference: K/650/1184"), heading("LO1 Understand widgets", 3),
                      item("Describe a widget"), item("Compare two widgets"),
                      heading("Learning Outcome 2: Be able to make widgets", 3), item("2.1 Make a widget")]).units[0]
    got = [(lo.number, lo.text, [(c.number, c.number_printed, c.text) for c in lo.assessment_criteria])
           for lo in unit.learning_outcomes]
    assert got == [
        (1, "Understand widgets", [("1.1", False, "Describe a widget"), ("1.2", False, "Compare two widgets")]),
        (2, "Be able to make widgets", [("2.1", True, "Make a widget")]),
    ]


def test_the_same_outcome_repeated_by_a_spanning_cell_is_one_outcome_but_a_different_text_is_reported():
    blocks = [row("Unit title", "Widgets"), row("Learning outcomes", "Assessment criteria"),
              row("1 Understand widgets", "1.1 Describe a widget"), row("1 Understand widgets", "1.2 Sort widgets"),
              row("1 Understand gadgets", "1.3 Name a gadget")]
    result = interpret(blocks)
    assert [len(lo.assessment_criteria) for lo in result.units[0].learning_outcomes] == [3]
    assert [f.code for f in result.findings] == ["duplicate-learning-outcome"]


def test_a_table_citing_outcomes_creates_none():
    blocks = [row("Unit title", "Widgets"), *OUTCOMES, heading("Assessment"),
              row("Task", "Method", "Covers"), row("Task 1", "Written account", "LO1, LO2 (2.1, 2.2)")]
    result = interpret(blocks)
    assert [lo.number for lo in result.units[0].learning_outcomes] == [1]
    skipped = [f for f in result.findings if f.code == "unexpected-row"]
    assert len(skipped) == 1
    assert [v.value for v in skipped[0].values] == ["Assessment", "Task | Method | Covers",
                                                    "Task 1 | Written account | LO1, LO2 (2.1, 2.2)"]


def test_text_that_is_no_unit_ends_with_what_was_looked_for():
    with pytest.raises(InputError, match="no unit specification found: looked for unit tables"):
        interpret([heading("GCSE English Literature", 1), para("Unit 1: Exploring modern texts"),
                   para("AQA Logistics Centre (Manchester) Unit 2 Wheel Forge Way")])


def test_a_fact_printed_as_a_range_is_kept_out_and_reported():
    result = interpret([para("Unit reference: K/650/1184"), para("Guided learning hours: 20-25"), *OUTCOMES])
    assert result.units[0].glh is None
    (note,) = [f for f in result.findings if f.code == "value-not-a-number"]
    assert (note.field, note.values[0].value) == ("glh", "20-25")


def test_a_table_headed_by_outcomes_alone_after_the_outcomes_cites_them():
    blocks = [row("Unit title", "Widgets"), *OUTCOMES, row("LO", "Assessment method"), row("LO1", "Assignment 1")]
    result = interpret(blocks)
    assert [(lo.number, lo.text) for lo in result.units[0].learning_outcomes] == [(1, "Understand widgets")]
    assert [f.code for f in result.findings] == ["unexpected-row"]
