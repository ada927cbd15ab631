"""The PDF reader: tables across pages, merged cells, bullets, running headers and footers.

The small PDFs are committed fixtures made from python-docx documents with LibreOffice
(tests/fixtures/pdf/make_fixtures.py says how); nothing here needs LibreOffice. The last
tests read the PDF rendering of the bundled specification (fixtures/source_specs).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import rendering

from extractor.blocks import Block
from extractor.pipeline import BUNDLED_SPEC
from extractor.readers import detect_format, read_blocks
from extractor.readers.pdf import read_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
REAL_PDF = rendering(".pdf")
TITLE = "Fixture Qualification Specification v0.1"


def read(name: str) -> list[Block]:
    return list(read_pdf(FIXTURES / f"{name}.pdf"))


def rows(blocks: list[Block]) -> list[list[str]]:
    return [[c.text for c in b.cells] for b in blocks if b.kind == "row"]


def body(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks if b.kind != "row"]


def all_texts(blocks: list[Block]) -> list[str]:
    out = []
    for b in blocks:
        out.append(b.text)
        for c in b.cells:
            out.extend(p.text for p in c.parts)
    return [t for t in out if t]


def criterion(lo: int, ac: int) -> str:
    return f"Criterion {lo}.{ac} text: explain how outcome {lo} is shown in the workplace"


# -- a table broken by a page break ---------------------------------------------------------


@pytest.fixture(scope="module")
def split():
    return read("table-split-across-pages")


def test_split_table_is_one_logical_table(split):
    table_rows = [b for b in split if b.kind == "row"]
    assert {b.location.table for b in table_rows} == {0}
    assert [b.location.row for b in table_rows] == list(range(len(table_rows)))
    assert {b.location.page for b in table_rows} == {1, 2}


def test_repeated_header_rows_are_dropped(split):
    firsts = [r[0] for r in rows(split)]
    assert firsts.count("Unit Title") == 1
    assert firsts.count("Learning Outcomes") == 1
    assert rows(split)[:2] == [["Unit Title", "X1 Fixture Unit"], ["Learning Outcomes", "Assessment Criteria"]]


def test_cell_split_by_the_page_break_is_joined(split):
    by_ref = {r[1]: r for r in rows(split) if len(r) == 3}
    assert by_ref["1.3"] == ["", "1.3", criterion(1, 3)]
    row = next(b for b in split if b.kind == "row" and b.cells[1].text == "1.3")
    assert row.location.page == 1  # the row is where it starts


def test_outcome_merged_down_appears_in_its_first_row_only(split):
    lo_rows = [r for r in rows(split) if len(r) == 3]
    assert [r[1] for r in lo_rows] == [f"{lo}.{ac}" for lo in (1, 2, 3) for ac in (1, 2, 3)]
    assert [r[0] for r in lo_rows] == [
        "1. Be able to demonstrate outcome 1 of the fixture unit", "", "",
        "2. Be able to demonstrate outcome 2 of the fixture unit", "", "",
        "3. Be able to demonstrate outcome 3 of the fixture unit", "", "",
    ]
    texts = {r[1]: r[2] for r in lo_rows}
    assert texts["3.3"] == criterion(3, 3)
    assert texts["2.3"] == " ".join(
        f"Long criterion sentence number {n} explains one more aspect of the outcome."
        for n in range(1, 9)
    )


def test_split_table_provenance_has_pages(split):
    row = next(b for b in split if b.kind == "row" and b.cells[1].text == "2.1")
    assert row.location.page == 2
    assert row.cells[0].location.page == 2
    assert row.cells[0].parts[0].location.page == 2
    x0, top, x1, bottom = row.location.bbox
    assert 0 < x0 < x1 < 612 and 0 < top < bottom < 792


def test_split_fixture_has_no_running_header_or_footer(split):
    texts = all_texts(split)
    assert not [t for t in texts if TITLE in t or re.search(r"Page \d+ of \d+", t)]
    assert body(split)[-1] == ("paragraph", "Paragraph after the table.")


# -- running headers and footers ---------------------------------------------------------------


def test_running_title_and_page_numbers_are_removed():
    blocks = read("header-footer-repeated")
    texts = all_texts(blocks)
    assert not [t for t in texts if TITLE in t or t.startswith("Page ")]
    assert [b.location.page for b in blocks] == [1, 1, 1, 2, 2, 3, 3]


def test_recurring_first_line_of_a_paragraph_is_not_a_header():
    """'Section 2 opens here.' and 'Section 3 ...' open pages 2 and 3 at the same height and
    differ only by a digit, like a page number, but run on into a paragraph."""
    blocks = read("header-footer-repeated")
    assert [b.text.split(".")[0] for b in blocks] == [
        "Introduction",
        "Section 1 opens here",
        "Second paragraph of section 1",
        "Section 2 opens here",
        "Second paragraph of section 2",
        "Section 3 opens here",
        "Second paragraph of section 3",
    ]
    assert blocks[3].location.page == 2
    assert blocks[3].text.endswith("before handing it to the interpreter.")
    assert "interpreter. This paragraph" in blocks[3].text


def test_lone_page_number_footer_of_a_one_page_document_is_removed():
    blocks = read("bullets-wrapped")
    assert not [t for t in all_texts(blocks) if "Page 1 of 1" in t]


# -- paragraphs and bullets ----------------------------------------------------------------------


def test_body_bullets_and_wrapped_items():
    blocks = read("bullets-wrapped")
    assert body(blocks) == [
        ("paragraph", "Learners must pass:"),
        ("item", "A minimum of 13 credits"),
        (
            "item",
            "At least two BUSINESS units chosen from the list of optional units, which is a long "
            "item that wraps onto a second and even a third line of the page to test reflow of "
            "wrapped bullet items",
        ),
        ("item", "At least one LEADERSHIP unit"),
        ("paragraph", "Dash items follow."),
        ("item", "first dash item"),
        (
            "item",
            "second dash item that is long enough to wrap onto the following line of the page so "
            "the continuation has no dash",
        ),
        (
            "paragraph",
            "A closing paragraph after the lists. This paragraph is ordinary body text that wraps "
            "over several lines so that the reader has to reflow it into a single paragraph before "
            "handing it to the interpreter.",
        ),
    ]


def test_cell_bullets_become_item_parts():
    blocks = read("bullets-wrapped")
    table = [b for b in blocks if b.kind == "row"]
    assert [c.text for c in table[0].cells] == ["Indicative Content"]
    section = table[1].cells[1]
    assert [(p.kind, p.text) for p in section.parts] == [
        ("paragraph", "Introductory cell paragraph."),
        ("item", "Why the first topic matters"),
        (
            "item",
            "How the second topic is explained, e.g., with a long example that wraps over more "
            "than one line inside the narrow table cell",
        ),
        ("item", "The third topic"),
    ]
    assert table[1].cells[0].text == "1."
    assert [(p.kind, p.text) for p in table[2].cells[1].parts] == [("item", "Only item of section two")]


def test_merged_cells_on_one_page():
    blocks = read("table-merged-cells")
    assert rows(blocks) == [
        ["Unit Title", "X2 Merged Unit"],
        ["UAN", "A/000/0000"],
        ["Level", "5"],
        ["Learning Outcomes", "Assessment Criteria"],
        ["1. Understand merged outcome 1", "1.1", criterion(1, 1)],
        ["", "1.2", criterion(1, 2)],
        ["", "1.3", criterion(1, 3)],
        ["2. Understand merged outcome 2", "2.1", criterion(2, 1)],
        ["", "2.2", criterion(2, 2)],
    ]


def test_table_without_ruling_lines_from_text_alignment():
    blocks = read("table-no-lines")
    assert body(blocks) == [("paragraph", "Qualification list"), ("paragraph", "Text after the table.")]
    assert rows(blocks) == [
        ["Unit Ref.", "Unit Title", "Credit"],
        ["L5B1", "Analyse Financial Performance", "5"],
        ["L5B2", "Organisational Sales Planning", "5"],
        ["L5B3", "Market Research for Sales Strategy", "3"],
    ]


# -- provenance, dispatch and progress -------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["table-split-across-pages", "bullets-wrapped", "table-merged-cells", "table-no-lines"]
)
def test_every_block_cell_and_part_has_page_and_box(name):
    for block in read(name):
        places = [block.location]
        for cell in block.cells:
            places.append(cell.location)
            places.extend(p.location for p in cell.parts)
        for where in places:
            assert where.page >= 1
            x0, top, x1, bottom = where.bbox
            assert x0 <= x1 and top <= bottom


def test_format_detection_and_dispatch_with_progress():
    path = FIXTURES / "header-footer-repeated.pdf"
    assert detect_format(path) == "pdf"
    calls = []
    blocks = list(read_blocks(path, "pdf", progress=lambda done, total: calls.append((done, total))))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert blocks == read("header-footer-repeated")


# -- the bundled specification rendered as PDF -------------------------------------------------

needs_real = pytest.mark.skipif(
    not REAL_PDF.exists(), reason="convert the .docx first (fixtures/source_specs/README.md)"
)


def is_row(block: Block, first: str) -> bool:
    return block.kind == "row" and block.cells[0].text == first


@pytest.fixture(scope="module")
def real(bundled_pdf):
    return bundled_pdf[0]


@needs_real
def test_real_pdf_has_no_running_header_or_footer(real):
    texts = all_texts(real)
    assert not [t for t in texts if re.search(r"\bPage \d+ of \d+\b", t)]
    assert not [t for t in texts if "Version 1.1 – May 2025" in t]
    # the title is printed once, on the cover, not as a header on every page
    title = [b for b in real if b.text == "ISP Level 5 Qualifications in Professional Sales"]
    assert [b.location.page for b in title] == [1]


@needs_real
def test_real_pdf_unit_l5b1_criteria(real):
    start = next(i for i, b in enumerate(real) if is_row(b, "Unit Title")
                 and b.cells[1].text == "L5B1 Analyse Financial Performance")
    end = next(i for i in range(start + 1, len(real)) if is_row(real[i], "Unit Title"))
    unit = real[start:end]
    criteria = {b.cells[1].text: b.cells[2].text for b in unit if b.kind == "row" and len(b.cells) == 3
                and re.fullmatch(r"\d\.\d", b.cells[1].text)}
    assert criteria["1.1"] == "Estimate the potential lifetime value of customer accounts"
    assert criteria["2.2"] == "Calculate the profitability of customer accounts"
    assert criteria["3.3"] == "Review the financial performance of accounts to identify key trends and variances"
    assert criteria["4.3"] == "Evaluate the future direction of customer accounts based on financial performance"
    assert len([k for k in criteria if k.startswith("4.")]) == 3
    lo1 = next(b for b in unit if b.kind == "row" and b.cells[1].text == "1.1")
    assert lo1.cells[0].text == "1. Be able to use financial tools for analysis of customer accounts"
    assert next(b for b in unit if b.kind == "row" and b.cells[1].text == "1.2").cells[0].text == ""
    assert lo1.location.page >= 1 and lo1.location.bbox is not None


@needs_real
def test_real_pdf_indicative_content_bullets(real):
    section = next(b for b in real if b.kind == "row" and b.cells[0].text == "1."
                   and b.cells[1].parts and b.cells[1].parts[0].text.startswith("Why understanding the financial"))
    kinds = {p.kind for p in section.cells[1].parts}
    assert kinds == {"item"}
    items = [p.text for p in section.cells[1].parts]
    assert items[0] == (
        "Why understanding the financial aspects of customer accounts is vital for strategic decision-making"
    )
    assert "The average customer loyalty level for an organisation" in items


@needs_real
def test_real_pdf_section_heading_row_left_at_a_page_foot_stays_in_its_table(real):
    heads = [i for i, b in enumerate(real) if is_row(b, "Assessor Guidance")]
    text = BUNDLED_SPEC.read_text(encoding="utf-8").splitlines()
    assert len(heads) == sum(1 for line in text if line.startswith("Assessor Guidance\t")) == 33
    for i in heads:
        nxt = real[i + 1]
        assert nxt.kind == "row" and nxt.location.table == real[i].location.table
        assert re.fullmatch(r"\d+\.", nxt.cells[0].text)
    assert not [b for b in real if b.kind == "paragraph" and b.text == "Assessor Guidance"]


@needs_real
def test_real_pdf_guidance_split_by_a_page_break_is_one_cell(real):
    """L5B1's guidance for LO3 runs from page 21 onto page 22."""
    start = "Learners should analyse at least two business, and two financial risks"
    row = next(b for b in real if b.kind == "row" and b.cells[-1].text.startswith(start))
    printed = next(line for line in BUNDLED_SPEC.read_text(encoding="utf-8").splitlines()
                   if line.startswith("3.\t" + start))
    assert row.cells[0].text == "3."
    assert row.cells[1].text == printed.split("\t", 1)[1].strip()
    assert "customer accounts that they have covered in LO1 and LO2" in row.cells[1].text
    assert len(row.cells[1].parts) == 1


@needs_real
def test_real_pdf_each_unit_header_starts_a_table(real):
    heads = [b for b in real if is_row(b, "Unit Title")]
    assert len(heads) == 32
    assert {b.location.row for b in heads} == {0}
    assert len({b.location.table for b in heads}) == 32


def test_outcome_running_over_a_page_break_is_whole_with_its_criterion():
    """Outcome 2's text breaks after "...the balance of fixed and variable" on page 1 and goes
    on under the repeated header row of page 2 (tests/fixtures/pdf/make_fixtures.py)."""
    blocks = read("outcome-split-across-pages")
    assert {b.location.page for b in blocks if b.kind == "row"} == {1}
    assert rows(blocks) == [
        ["Learning Outcomes", "Assessment Criteria"],
        ["1. Understand outcome 1 of the fixture unit", "1.1", criterion(1, 1)],
        ["", "1.2", criterion(1, 2)],
        [
            "2. Understand a range of compensation approaches for sales teams, including the balance of fixed and "
            "variable pay, commission structures, bonus schemes and non-financial rewards, and how each affects "
            "motivation and retention",
            "2.1",
            criterion(2, 1),
        ],
    ]
    assert body(blocks)[-1] == ("paragraph", "Paragraph after the table.")
