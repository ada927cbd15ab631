"""The Word reader: merged cells, lists, what is not content, provenance, the real fixture."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from extractor.blocks import Block
from extractor.readers import detect_format
from extractor.readers.docx import read_docx

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "source_specs" / "isp-level5-professional-sales-spec-v1.1.docx"
BULLET_NUM_ID = "1"  # the python-docx template's "List Bullet" numbering (numFmt bullet)
NUMBER_NUM_ID = "5"  # the template's "List Number" numbering (numFmt decimal)


def save(document, tmp_path: Path, name: str = "t.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def blocks_of(document, tmp_path: Path) -> list[Block]:
    return list(read_docx(save(document, tmp_path)))


def rows(blocks: list[Block]) -> list[list[str]]:
    return [[c.text for c in b.cells] for b in blocks if b.kind == "row"]


def body(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks if b.kind != "row"]


def num_pr(paragraph, num_id: str, ilvl: str = "0") -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def add_field(paragraph, instruction: str, result: str) -> None:
    for xml in (
        '<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {{w}}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {{w}}><w:t>{result}</w:t></w:r>",
        '<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(w=nsdecls("w"))))


# --------------------------------------------------------------------------- merged cells


def test_horizontal_and_vertical_merges_are_not_duplicated(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).text = "Learning Outcomes"
    header = table.cell(0, 1).merge(table.cell(0, 2))  # gridSpan=2
    header.text = "Assessment Criteria"
    outcome = table.cell(1, 0).merge(table.cell(3, 0))  # vMerge restart + 2 continuations
    outcome.text = "1. Understand widgets"
    for row, (number, text) in enumerate([("1.1", "Explain A"), ("1.2", "Explain B"), ("1.3", "Explain C")], 1):
        table.cell(row, 1).text = number
        table.cell(row, 2).text = text

    blocks = blocks_of(document, tmp_path)

    assert rows(blocks) == [
        ["Learning Outcomes", "Assessment Criteria"],
        ["1. Understand widgets", "1.1", "Explain A"],
        ["", "1.2", "Explain B"],
        ["", "1.3", "Explain C"],
    ]
    text = " ".join(c.text for b in blocks for c in b.cells)
    assert text.count("Understand widgets") == 1
    assert text.count("Assessment Criteria") == 1


def test_row_wide_merge_is_one_cell_and_trailing_empty_cells_are_dropped(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Additional Information"
    table.cell(1, 0).text = "UAN"
    table.cell(1, 1).text = "A/651/5975"
    table.cell(2, 0).text = "Level"  # second cell left empty

    blocks = blocks_of(document, tmp_path)

    assert rows(blocks) == [["Additional Information"], ["UAN", "A/651/5975"], ["Level"]]


def test_grid_before_keeps_columns_aligned(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    tr = table.rows[0]._tr
    tr.remove(tr.findall(qn("w:tc"))[0])
    tr.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:gridBefore w:val="1"/></w:trPr>'))
    table.rows[0]._tr.findall(qn("w:tc"))[0].append(parse_xml(f'<w:p {nsdecls("w")}><w:r><w:t>1.4</w:t></w:r></w:p>'))

    assert rows(blocks_of(document, tmp_path)) == [["", "1.4"]]


# --------------------------------------------------------------------------- lists


def test_numbered_paragraphs_direct_and_inherited_become_items(tmp_path):
    document = docx.Document()
    document.add_paragraph("Plain text")
    num_pr(document.add_paragraph("Direct bullet"), BULLET_NUM_ID)
    num_pr(document.add_paragraph("Direct number"), NUMBER_NUM_ID)
    document.add_paragraph("Style bullet", style="List Bullet")
    document.add_paragraph("Style number", style="List Number")
    derived = document.styles.add_style("My Bullets", 1)
    derived.base_style = document.styles["List Bullet"]
    document.add_paragraph("Grandchild of a list style", style="My Bullets")
    switched_off = document.add_paragraph("Numbering switched off", style="List Bullet")
    num_pr(switched_off, "0")
    document.add_paragraph("Subtitle has numPr with ilvl only", style="Subtitle")

    assert body(blocks_of(document, tmp_path)) == [
        ("paragraph", "Plain text"),
        ("item", "Direct bullet"),
        ("item", "Direct number"),
        ("item", "Style bullet"),
        ("item", "Style number"),
        ("item", "Grandchild of a list style"),
        ("paragraph", "Numbering switched off"),
        ("paragraph", "Subtitle has numPr with ilvl only"),
    ]


def test_typed_bullet_glyphs_become_items(tmp_path):
    document = docx.Document()
    document.add_paragraph("\u2022 Typed bullet")
    document.add_paragraph("\uf0b7\tSymbol-font bullet")
    document.add_paragraph("Costs include: \u2022 fixed costs \u2022 variable costs")
    sym = document.add_paragraph()
    sym._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>Via w:sym</w:t></w:r>'))
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    cell.text = "\u2022 First \u2022 Second"
    num_pr(cell.add_paragraph("Numbered in a cell"), BULLET_NUM_ID)
    cell.add_paragraph("Plain in a cell")

    blocks = blocks_of(document, tmp_path)

    assert body(blocks) == [
        ("item", "Typed bullet"),
        ("item", "Symbol-font bullet"),
        ("paragraph", "Costs include:"),
        ("item", "fixed costs"),
        ("item", "variable costs"),
        ("item", "Via w:sym"),
    ]
    row = next(b for b in blocks if b.kind == "row")
    assert [(p.kind, p.text) for p in row.cells[1].parts] == [
        ("item", "First"),
        ("item", "Second"),
        ("item", "Numbered in a cell"),
        ("paragraph", "Plain in a cell"),
    ]


def test_empty_paragraphs_are_skipped_and_whitespace_folded(tmp_path):
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("  spaced \u00a0 out\ttext  ")
    document.add_paragraph().add_run().add_break()

    assert body(blocks_of(document, tmp_path)) == [("paragraph", "spaced out text")]


# --------------------------------------------------------------------------- not content


def test_headers_footers_toc_and_field_codes_are_excluded(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "HEADER TITLE"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    add_field(footer, "PAGE", "7")
    # a table of contents in a content control, as Word inserts it
    document.element.body[-1].addprevious(  # before sectPr
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
            "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
            '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>'
            "<w:p><w:r><w:t>Sdt entry\t3</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    # a bare TOC field spanning paragraphs, with no content control and no TOC styles
    first = document.add_paragraph()
    first._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    first._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'))
    first._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    first.add_run("Field entry one\t4")
    last = document.add_paragraph("Field entry two\t5")
    last._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    # TOC-styled paragraphs without any field
    toc_style = document.styles.add_style("toc 1", 1)
    toc_style.element.set(qn("w:styleId"), "TOC1")
    document.add_paragraph("Styled entry\t6", style="toc 1")
    # real content with fields inside it
    text = document.add_paragraph("See page ")
    add_field(text, "PAGEREF _Toc1 \\h", "12")
    text.add_run(" for details")
    link = document.add_paragraph("Visit ")
    add_field(link, 'HYPERLINK "https://example.org"', "the website")
    simple = document.add_paragraph("Printed on ")
    simple._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" DATE "><w:r><w:t>2/5/25</w:t></w:r></w:fldSimple>'))
    simple._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" REF note "><w:r><w:t>a note</w:t></w:r></w:fldSimple>'))
    document.add_paragraph("Body text")

    blocks = blocks_of(document, tmp_path)
    texts = [b.text for b in blocks]

    assert texts == ["See page for details", "Visit the website", "Printed on a note", "Body text"]
    everything = " ".join(texts)
    for absent in ("HEADER", "Page", "Contents", "entry", "TOC", "PAGEREF", "HYPERLINK", "DATE", "REF", "12"):
        assert absent not in everything


# --------------------------------------------------------------------------- provenance


def test_every_block_cell_and_part_has_a_location(tmp_path):
    document = docx.Document()
    document.add_paragraph("First")
    document.add_paragraph("")
    document.add_paragraph("Third")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "A"
    table.cell(0, 1).text = "B1"
    table.cell(0, 1).add_paragraph("B2")
    table.cell(1, 0).text = "C"
    document.add_paragraph("After")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Second table"

    blocks = blocks_of(document, tmp_path)

    assert [b.location.model_dump() for b in blocks if b.kind == "paragraph"] == [
        {"paragraph": 0}, {"paragraph": 2}, {"paragraph": 3},
    ]
    table_rows = [b for b in blocks if b.kind == "row"]
    assert [b.location.model_dump() for b in table_rows] == [
        {"table": 0, "row": 0}, {"table": 0, "row": 1}, {"table": 1, "row": 0},
    ]
    b_cell = table_rows[0].cells[1]
    assert b_cell.location.model_dump() == {"table": 0, "row": 0, "cell": 1}
    assert [p.location.model_dump() for p in b_cell.parts] == [
        {"table": 0, "row": 0, "cell": 1, "paragraph": 0},
        {"table": 0, "row": 0, "cell": 1, "paragraph": 1},
    ]
    for block in blocks:
        assert block.location.model_dump()
        for cell in block.cells:
            assert cell.location.cell is not None
            assert all(p.location.paragraph is not None for p in cell.parts)


def test_headings_keep_their_style_name(tmp_path):
    document = docx.Document()
    document.add_heading("Key Facts", level=2)
    [block] = blocks_of(document, tmp_path)
    assert (block.kind, block.text, block.style) == ("paragraph", "Key Facts", "Heading 2")


# --------------------------------------------------------------------------- the real fixture


@pytest.fixture(scope="module")
def fixture_blocks() -> list[Block]:
    return list(read_docx(FIXTURE))


def unit_rows(blocks: list[Block], ref: str) -> list[list[str]]:
    """Rows of a unit, from its Unit Title row to the next unit's."""
    out, inside = [], False
    for block in blocks:
        if block.kind != "row":
            continue
        first = block.cells[0].text if block.cells else ""
        if first == "Unit Title":
            inside = block.cells[1].text.startswith(ref + " ")
        if inside:
            out.append([c.text for c in block.cells])
    return out


def test_fixture_is_detected_as_docx():
    assert detect_format(FIXTURE) == "docx"


def test_fixture_front_matter(fixture_blocks):
    paragraphs = [b for b in fixture_blocks if b.kind == "paragraph"]
    assert [b.text for b in paragraphs[:3]] == [
        "ISP Level 5 Qualifications in Professional Sales",
        "15.4 Sales & Marketing",
        "Award, Certificate and Diploma Qualification Specifications",
    ]
    assert paragraphs[3].text == "Change Control"  # the table of contents is not content
    assert rows(fixture_blocks)[:3] == [
        ["Version", "Publication date", "Summary of change"],
        ["V1.0", "02/10/24", "Draft for review - KA"],
        ["V1.1 SG", "2/5/25", "Updated Units, QAN, UAN and text in line with L2, L3 & L4 Qual specs. "
         "Rebranded to new ISP logo."],
    ]
    items = [b.text for b in fixture_blocks if b.kind == "item"]
    assert "A minimum of 13 credits, maximum 36 credits" in items
    assert "The RWE is managed as a real work situation." in items  # numbered list, number not in text
    texts = [b.text for b in fixture_blocks] + [c.text for b in fixture_blocks for c in b.cells]
    assert not any(re.match(r"Page \d+ of \d+", t) for t in texts)  # footer fields
    assert not any("Version 1.1 – May 2025" in t for t in texts)  # footer text
    assert not any(t.startswith("Change Control") and t != "Change Control" for t in texts)  # TOC


def test_fixture_table_count_and_first_unit_tables(fixture_blocks):
    tables = {b.location.table for b in fixture_blocks if b.kind == "row"}
    # 1 change control + 1 key facts + 16 award structures + 4 units overview
    # + 32 units x 5 tables + the duplicated L5L5 block (3 tables)
    assert len(tables) == 1 + 1 + 16 + 4 + 32 * 5 + 3 == 185
    assert tables == set(range(185))
    title = next(b for b in fixture_blocks if b.kind == "row" and b.cells[0].text == "Unit Title")
    header = [[c.text for c in b.cells] for b in fixture_blocks if b.kind == "row" and b.location.table == title.location.table]
    assert header == [
        ["Unit Title", "L5B1 Analyse Financial Performance"],
        ["UAN", "A/651/5975"],
        ["Level", "5"],
        ["Credit Value", "5"],
        ["Guided Learning Hours", "25"],
    ]


def test_fixture_unit_l5b1_criteria_as_printed(fixture_blocks):
    outcomes = [r for r in unit_rows(fixture_blocks, "L5B1") if len(r) == 3]
    assert outcomes == [
        ["1. Be able to use financial tools for analysis of customer accounts", "1.1",
         "Estimate the potential lifetime value of customer accounts"],
        ["", "1.2", "Calculate the sales volumes required to achieve target profitability"],
        ["", "1.3", "Monitor the impact of variable costs on customer accounts profitability"],
        ["2. Be able to follow organisational management accounting procedures", "2.1",
         "Evaluate fixed overheads and administrative costs related to customer accounts"],
        ["", "2.2", "Calculate the profitability of customer accounts"],
        ["", "2.3", "Use financial ratios to analyse customer accounts"],
        ["3. Be able to evaluate financial risks", "3.1",
         "Analyse the business and financial risks associated with customer accounts"],
        ["", "3.2", "Estimate the value of customer accounts using financial and qualitative evidence"],
        ["", "3.3", "Review the financial performance of accounts to identify key trends and variances"],
        ["4. Be able to estimate future financial performance for customer accounts", "4.1",
         "Produce contingency plans related to customer account financial performance"],
        ["", "4.2", "Consult stakeholders to gather relevant financial performance data"],
        ["", "4.3", "Evaluate the future direction of customer accounts based on financial performance"],
    ]


def test_fixture_keeps_anomalies_as_printed(fixture_blocks):
    titles = [b.cells[1].text for b in fixture_blocks if b.kind == "row" and b.cells[0].text == "Unit Title"]
    assert len(titles) == 32
    assert "LSB4 Manage Sales Technology Systems" in titles
    assert not any(t.startswith("L5B4") for t in titles)
    # duplicated criterion number in L4C7
    numbers = [r[1] for r in unit_rows(fixture_blocks, "L4C7") if len(r) == 3]
    assert numbers.count("1.4") == 2
    # L5L5 prints its Additional Information block twice, with sections 3-5 then 6-8
    l5l5 = unit_rows(fixture_blocks, "L5L5")
    assert [r[0] for r in l5l5].count("Additional Information") == 2
    assert [r[0] for r in l5l5 if r[0] and r[0][0].isdigit() and len(r) == 2] == [
        "3.", "4.", "5.", "3.", "4.", "5.", "6.", "7.", "8.", "6.", "7.", "8.",
    ]
    # criteria printed before their learning outcome (L4C3)
    l4c3 = [r for r in unit_rows(fixture_blocks, "L4C3") if len(r) == 3]
    assert [r[0] for r in l4c3[:3]] == ["", "", "1. Understand the factors involved in creating a value proposition"]
    # wrong sector text in L4C8
    sector = [r for r in unit_rows(fixture_blocks, "L4C8") if r[0].startswith("Location of the unit")]
    assert sector[0][1].startswith("Is able to identify")


def test_fixture_content_is_real_bullets_and_page_breaks_are_merged(fixture_blocks):
    content_rows = [
        b for b in fixture_blocks
        if b.kind == "row" and len(b.cells) == 2 and b.cells[0].text.rstrip(".").isdigit()
    ]
    # no page-break continuation row survives in content or guidance tables
    assert all(b.cells[0].text for b in content_rows)
    l5b1 = unit_rows(fixture_blocks, "L5B1")
    guidance_start = [r[0] for r in l5b1].index("Assessor Guidance")
    first_content = next(
        b for b in content_rows
        if b.cells[0].text == "1." and "Why understanding the financial aspects" in b.cells[1].text
    )
    parts = first_content.cells[1].parts
    assert all(p.kind == "item" for p in parts)
    assert parts[0].text == (
        "Why understanding the financial aspects of customer accounts is vital for strategic decision-making"
    )
    assert parts[-1].text.startswith("Variable costs, e.g., cost of sales")  # from the continuation row
    assert len(l5b1) - guidance_start == 5  # header + 4 sections, no continuation rows
