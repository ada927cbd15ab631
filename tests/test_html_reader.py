"""The HTML reader: tables (merged cells, headers, nesting), lists, headings, what is not content,
provenance, encodings, the layout fixtures; and the lxml cell code the text reader shares."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.blocks import Block, Location
from extractor.cli import main
from extractor.errors import InputError
from extractor.pipeline import BUNDLED_SPEC
from extractor.readers.docx import read_docx
from extractor.readers.html import read_html
from extractor.readers.html_cell import cell_parts
from extractor.readers.text import read_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LAYOUTS = FIXTURES / "layouts"


def read(tmp_path: Path, markup: str | bytes, name: str = "t.html") -> list[Block]:
    path = tmp_path / name
    if isinstance(markup, str):
        path.write_text(markup, encoding="utf-8")
    else:
        path.write_bytes(markup)
    return list(read_html(path))


def rows(blocks: list[Block]) -> list[list[str]]:
    return [[c.text for c in b.cells] for b in blocks if b.kind == "row"]


def body(blocks: list[Block]) -> list[tuple]:
    return [(b.kind, b.text, b.level, b.marker) for b in blocks if b.kind != "row"]


def parts(block: Block) -> list[list[tuple]]:
    return [[(p.kind, p.text, p.level, p.marker) for p in c.parts] for c in block.cells]


# --------------------------------------------------------------------------- tables


def test_rowspan_leaves_the_covered_cells_empty_on_the_grid(tmp_path):
    blocks = read(tmp_path, """<table>
<tr><td rowspan="3">LO1</td><td rowspan="2">1.1</td><td>a</td></tr>
<tr><td>b</td></tr>
<tr><td>1.2</td><td>c</td></tr>
<tr><td>LO2</td><td>2.1</td><td>d</td></tr>
</table>""")
    assert rows(blocks) == [["LO1", "1.1", "a"], ["", "", "b"], ["", "1.2", "c"], ["LO2", "2.1", "d"]]
    assert [c.location.cell for c in blocks[1].cells] == [0, 1, 2]


def test_colspan_is_followed_by_empty_cells_and_trailing_empty_cells_are_dropped(tmp_path):
    blocks = read(tmp_path, """<table>
<tr><td colspan="2">wide</td><td>third</td></tr>
<tr><td colspan="3">Mandatory units</td></tr>
<tr><td>a</td><td></td><td>c</td><td> </td></tr>
<tr><td colspan="2" rowspan="2">block</td><td>x</td></tr>
<tr><td>y</td></tr>
</table>""")
    assert rows(blocks) == [["wide", "", "third"], ["Mandatory units"], ["a", "", "c"], ["block", "", "x"], ["", "", "y"]]


def test_bad_spans_count_as_one(tmp_path):
    blocks = read(tmp_path, '<table><tr><td colspan="x">a</td><td rowspan="0">b</td><td colspan="-4">c</td></tr>'
                            "<tr><td>d</td></tr></table>")
    assert rows(blocks) == [["a", "b", "c"], ["d"]]


def test_header_rows_are_th_rows_and_thead_rows(tmp_path):
    blocks = read(tmp_path, """<table>
<thead><tr><td>In head</td><td>b</td></tr></thead>
<tr><th>All</th><th>th</th></tr>
<tr><th>Row label</th><td>value</td></tr>
</table>""")
    assert [(b.cells[0].text, b.style) for b in blocks] == [("In head", "header"), ("All", "header"), ("Row label", None)]


def test_a_table_in_a_cell_is_flattened_into_its_parts_row_by_row(tmp_path):
    blocks = read(tmp_path, """<table>
<tr><td>outer<table><tr><td>n1</td><td>n2</td></tr><tr><td><ul><li>n3</li></ul></td></tr></table></td><td>next</td></tr>
</table><p>after</p>""")
    assert parts(blocks[0]) == [
        [("paragraph", "outer", None, None), ("paragraph", "n1", None, None), ("paragraph", "n2", None, None),
         ("item", "n3", 1, None)],
        [("paragraph", "next", None, None)],
    ]
    assert [b.location.table for b in blocks if b.kind == "row"] == [0]
    assert body(blocks) == [("paragraph", "after", None, None)]


def test_cell_content_lists_paragraphs_and_breaks_become_parts(tmp_path):
    blocks = read(tmp_path, """<table><tr><td>
<p>The learner can:</p>
<ol start="2"><li>Describe <b>two</b> costs</li><li>Explain<br>the impact<ul><li>on cash</li></ul></li></ol>
1.4 Compare<br>1.5 Assess
</td></tr></table>""")
    assert parts(blocks[0]) == [[
        ("paragraph", "The learner can:", None, None),
        ("item", "Describe two costs", 1, "2"),
        ("item", "Explain the impact", 1, "3"),
        ("item", "on cash", 2, None),
        ("paragraph", "1.4 Compare", None, None),
        ("paragraph", "1.5 Assess", None, None),
    ]]
    assert [p.location.paragraph for p in blocks[0].cells[0].parts] == [0, 1, 2, 3, 4, 5]


def test_caption_is_a_paragraph_of_its_table(tmp_path):
    blocks = read(tmp_path, "<table><caption>Unit 1 &ndash; outcomes</caption><tr><td>a</td></tr></table>")
    assert (blocks[0].kind, blocks[0].text, blocks[0].location.table) == ("paragraph", "Unit 1 – outcomes", 0)
    assert rows(blocks) == [["a"]]


# --------------------------------------------------------------------------- body


def test_headings_paragraphs_breaks_and_inline_markup(tmp_path):
    blocks = read(tmp_path, """<body><h1>Unit 1:  Widgets &amp; <em>Gadgets</em></h1>
<h4>Level<br>three</h4>
<p>Intro with <a href="x">link text</a> and&nbsp;<b>bold</b><br/>second line</p>
<div>Loose <span>div</span> text<div>inner block</div>tail</div>
<pre>line one
  line two</pre></body>""")
    assert body(blocks) == [
        ("heading", "Unit 1: Widgets & Gadgets", 1, None),
        ("heading", "Level three", 4, None),
        ("paragraph", "Intro with link text and bold", None, None),
        ("paragraph", "second line", None, None),
        ("paragraph", "Loose div text", None, None),
        ("paragraph", "inner block", None, None),
        ("paragraph", "tail", None, None),
        ("paragraph", "line one", None, None),
        ("paragraph", "line two", None, None),
    ]


def test_nested_lists_and_ordered_list_numbers(tmp_path):
    blocks = read(tmp_path, """<ul><li>one<ul><li>nested <i>a</i><ol><li>deep</li></ol></li></ul>after nested</li>
<li>two<br>lines</li></ul>
<ol start="3" type="a"><li>c</li><li value="7">g</li><li>h</li></ol>
<ol type="I"><li>first</li><li>second</li><li>third</li><li>fourth</li></ol>
<ol reversed><li>three</li><li>two</li><li>one</li></ol>""")
    assert body(blocks) == [
        ("item", "one", 1, None),
        ("item", "nested a", 2, None),
        ("item", "deep", 3, "1"),
        ("paragraph", "after nested", None, None),
        ("item", "two lines", 1, None),
        ("item", "c", 1, "c"), ("item", "g", 1, "g"), ("item", "h", 1, "h"),
        ("item", "first", 1, "I"), ("item", "second", 1, "II"), ("item", "third", 1, "III"), ("item", "fourth", 1, "IV"),
        ("item", "three", 1, "3"), ("item", "two", 1, "2"), ("item", "one", 1, "1"),
    ]


def test_list_text_outside_items_and_bullet_glyphs(tmp_path):
    blocks = read(tmp_path, "<ul>lost items run together</ul><ul> \u2022 first \u2022 second</ul><p>Lead \u2022 a \u2022 b</p>")
    assert body(blocks) == [
        ("paragraph", "lost items run together", 1, None),
        ("item", "first", 1, None),
        ("item", "second", 1, None),
        ("paragraph", "Lead", None, None),
        ("item", "a", None, None),
        ("item", "b", None, None),
    ]


def test_what_is_not_content_is_dropped(tmp_path):
    blocks = read(tmp_path, """<!DOCTYPE html><html><head><title>Page title</title>
<style>p { color: red }</style><script>document.write("<p>scripted</p>")</script></head>
<body><nav><ul><li>Home</li></ul></nav><!-- <p>commented</p> -->
<p>kept<script>var x = 1;</script> text</p><noscript>Enable JavaScript</noscript>
<template><p>template</p></template><p hidden>hidden</p><?php echo 1; ?>
<p>last</p></body></html>""")
    assert body(blocks) == [("paragraph", "kept text", None, None), ("paragraph", "last", None, None)]


def test_provenance_lines_and_indices(tmp_path):
    markup = "<h2>Title</h2>\n<p>one</p>\n<table>\n<tr>\n<td>a</td>\n<td>b</td></tr>\n</table>\n<ul>\n<li>x</li></ul>\n"
    blocks = read(tmp_path, markup)
    heading, paragraph, row, item = blocks
    assert heading.location == Location(line=1, paragraph=0)
    assert paragraph.location == Location(line=2, paragraph=1)
    assert row.location == Location(line=4, table=0, row=0)
    assert [c.location for c in row.cells] == [Location(line=5, table=0, row=0, cell=0), Location(line=6, table=0, row=0, cell=1)]
    assert row.cells[1].parts[0].location == Location(line=6, table=0, row=0, cell=1, paragraph=0)
    assert item.location == Location(line=9, paragraph=2)


# --------------------------------------------------------------------------- encodings and bad input


def test_declared_windows_charset_is_honoured(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Learner\u2019s \u00a3 guide</p></body></html>'
    blocks = read(tmp_path, page.encode("cp1252"))
    assert body(blocks) == [("paragraph", "Learner\u2019s \u00a3 guide", None, None)]


def test_http_equiv_charset_and_utf8_bom(tmp_path):
    page = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>caf\u00e9</p>'
    assert body(read(tmp_path, page.encode("cp1252"))) == [("paragraph", "caf\u00e9", None, None)]
    assert body(read(tmp_path, "\ufeff<p>caf\u00e9</p>".encode(), "bom.html")) == [("paragraph", "caf\u00e9", None, None)]


def test_not_utf8_without_a_declared_charset_is_an_input_error(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes("<p>caf\u00e9</p>".encode("latin-1"))
    message = r"latin\.html: not UTF-8 \(invalid continuation byte at byte 6\) and no usable charset declared"
    with pytest.raises(InputError, match=message):
        read_html(path)


def test_a_page_without_content_gives_no_blocks(tmp_path):
    assert read(tmp_path, "<html><head><title>t</title></head><body>\n</body></html>") == []


def test_nesting_up_to_the_parser_limit_is_read(tmp_path):
    nested = "<div><ul><li>" * 80 + "<p>deep</p>" + "</li></ul></div>" * 80
    blocks = read(tmp_path, f"<table><tr><td>{nested}</td></tr></table>{nested}")
    assert parts(blocks[0]) == [[("item", "deep", 80, None)]]
    assert body(blocks[1:]) == [("item", "deep", 80, None)]


def test_nesting_beyond_the_parser_limit_is_an_input_error_not_a_silent_cut(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000, encoding="utf-8")
    with pytest.raises(InputError, match=r"deep\.html: HTML beyond the parser's limits \(Excessive depth in document: 256"):
        read_html(path)


# --------------------------------------------------------------------------- the layout fixtures


def test_lo_column_ac_column_fixture():
    blocks = list(read_html(LAYOUTS / "lo-column-ac-column.html"))
    assert body(blocks) == [
        ("heading", "Northmoor Level 2 Award in Warehouse Operations", 1, None),
        ("heading", "Unit 201: Principles of stock control", 2, None),
        ("heading", "Unit 202: Safe handling of goods in a warehouse", 2, None),
        ("paragraph", "\u00a9 2026 Northmoor Awarding Organisation", None, None),
    ]
    outcomes = [b for b in blocks if b.kind == "row" and b.location.table == 1]
    assert [(b.style, [c.text for c in b.cells]) for b in outcomes] == [
        ("header", ["Learning outcomes", "Assessment criteria"]),
        (None, ["1. Understand the purpose of stock control", "1.1 Explain why organisations control stock levels"]),
        (None, ["", "1.2 Describe the costs of holding too much or too little stock"]),
        (None, ["", "1.3 Compare two methods of stock valuation"]),
        (None, ["2. Be able to carry out a stock count", "2.1 Prepare for a stock count following organisational procedures"]),
        (None, ["", "2.2 Count and record stock accurately"]),
        (None, ["", "2.3 Report discrepancies to the appropriate person"]),
    ]
    facts = [[c.text for c in b.cells] for b in blocks if b.kind == "row" and b.location.table == 2]
    assert facts[:6] == [
        ["Unit title", "Safe handling of goods in a warehouse"], ["Unit reference", "K/650/1184"], ["Level", "2"],
        ["Credit value", "2"], ["Guided learning hours", "15"], ["Total qualification time", "20"],
    ]
    assert [b.location.line for b in outcomes] == [26, 29, 30, 31, 32, 33, 34]


def test_ac_list_in_cell_fixture():
    blocks = list(read_html(LAYOUTS / "ac-list-in-cell.html"))
    criteria = [b for b in blocks if b.kind == "row" and b.location.table in (1, 3)]
    assert [parts(b)[1] for b in criteria[1:3]] == [
        [("item", "Compare single-order and batch picking", 1, "1"),
         ("item", "Explain how picking errors are prevented", 1, "2")],
        [("item", "Pick goods to an order accurately", 1, "1"), ("item", "Pack goods to protect them in transit", 1, "2"),
         ("item", "Complete dispatch documentation", 1, "3")],
    ]
    assert [p.text for p in criteria[5].cells[1].parts] == [
        "2.1 Assess a load before moving it", "2.2 Use handling equipment safely",
        "2.3 Store goods in line with weight and height limits",
    ]


def test_content_third_column_fixture():
    blocks = list(read_html(LAYOUTS / "content-third-column.html"))
    assert body(blocks)[0] == ("heading", "Unit 201 \u2013 Principles of stock control", 2, None)
    unit201 = [b for b in blocks if b.kind == "row" and b.location.table == 1]
    assert parts(unit201[2]) == [
        [],
        [("paragraph", "1.2 Describe the costs of holding too much or too little stock", None, None)],
        [("item", "storage and insurance costs", 1, None), ("item", "obsolete and damaged stock", 1, None),
         ("item", "lost sales from stock-outs", 1, None)],
    ]
    unit203 = [b for b in blocks if b.kind == "row" and b.location.table == 3]
    assert [p.text for p in unit203[2].cells[2].parts] == ["Signing for goods \u2018unchecked\u2019", "Returns and credit notes"]


def test_lo_heading_ac_list_fixture():
    blocks = list(read_html(LAYOUTS / "lo-heading-ac-list.html"))
    assert not [b for b in blocks if b.kind == "row"]
    assert body(blocks)[:12] == [
        ("heading", "Unit 203: Receiving and checking deliveries", 1, None),
        ("paragraph", "Unit reference number: D/650/1185", None, None),
        ("paragraph", "Level: 2", None, None),
        ("paragraph", "Credits: 3", None, None),
        ("paragraph", "GLH: 18", None, None),
        ("paragraph", "TQT: 30", None, None),
        ("paragraph", "Unit purpose: Learners learn to accept deliveries into a warehouse, check them against the "
                      "paperwork and deal with problems.", None, None),
        ("heading", "Learning outcomes and assessment criteria", 2, None),
        ("heading", "1. Understand delivery procedures", 3, None),
        ("paragraph", "The learner can:", None, None),
        ("item", "1.1 Describe the documents that accompany a delivery", 1, None),
        ("item", "1.2 Explain how to deal with damaged or incorrect goods", 1, None),
    ]


def test_mapping_and_structure_fixtures():
    mapping = rows(list(read_html(LAYOUTS / "mapping-table.html")))
    task = ["Task 1", "Written account of how the learner\u2019s workplace controls stock", "Covers LO1.1, LO1.2 and LO1.3"]
    assert task in mapping
    assert ["Task 2", "Observation of a delivery being received", "LO2 (2.1, 2.2)"] in mapping
    structure = list(read_html(LAYOUTS / "qualification-structure-only.html"))
    listing = [b for b in structure if b.kind == "row" and b.location.table == 1]
    assert [(b.style, [c.text for c in b.cells]) for b in listing] == [
        ("header", ["Unit reference", "Unit number", "Unit title", "Level", "Credit value", "GLH", "TQT"]),
        (None, ["Mandatory units"]),
        (None, ["K/650/1184", "202", "Safe handling of goods in a warehouse", "2", "2", "15", "20"]),
        (None, ["D/650/1185", "203", "Receiving and checking deliveries", "2", "3", "18", "30"]),
        (None, ["Optional units"]),
        (None, ["T/650/1183", "201", "Principles of stock control", "2", "3", "20", "30"]),
        (None, ["R/650/1186", "204", "Dispatching customer orders", "2", "4", "28", "40"]),
    ]
    assert body(structure)[0] == ("paragraph", "Northmoor Awarding Organisation", None, None)


# --------------------------------------------------------------------------- the cells of the text form


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<ul><li>Describe costs</li><li>Explain risk</li></ul>", [("item", "Describe costs"), ("item", "Explain risk")]),
        ("1.1 Describe costs<br>1.2 Explain risk", [("paragraph", "1.1 Describe costs"), ("paragraph", "1.2 Explain risk")]),
        ('<ul style="list-style-type: none"> \u2022 First \u2022 Second', [("item", "First"), ("item", "Second")]),
        ('<ul style="list-style-type: none"> Items whose bullets were lost', [("run", "Items whose bullets were lost")]),
        (
            "<p>Intro</p><ul> Lead \uf0b7 one \uf0b7 two</ul>",
            [("paragraph", "Intro"), ("paragraph", "Lead"), ("item", "one"), ("item", "two")],
        ),
        ("Costs &amp; <u>margins</u> &lt; 5%", [("paragraph", "Costs & margins < 5%")]),
        ("a < b and c > d", [("paragraph", "a < b and c > d")]),
        ("   ", []),
    ],
)
def test_cell_parts(raw, expected):
    where = Location(line=3, cell=1)
    got = cell_parts(raw, where)
    assert [(p.kind, p.text) for p in got] == expected
    assert all(p.location == where for p in got)


def test_bundled_text_cells_still_split_as_before():
    """The bundled text's HTML fragments (133 unclosed <ul>, 234 <p>): the parts the regex tokenizer gave."""
    kinds: dict[str, int] = {}
    for block in read_text(BUNDLED_SPEC):
        for cell in block.cells:
            for part in cell.parts:
                kinds[part.kind] = kinds.get(part.kind, 0) + 1
    assert kinds == {"paragraph": 2618, "item": 561, "run": 68}


# --------------------------------------------------------------------------- the command line


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body><p>caf\xe9</p></body></html>",
         "not UTF-8 (invalid continuation byte at byte 18) and no usable charset declared"),
        (b"<meta charset='utf-16'><p>caf\xe9</p>",
         "not UTF-8 (invalid continuation byte at byte 29) and no usable charset declared"),
        (b"<meta charset='windows-1252'><p>\x81</p>", "not valid cp1252 (character maps to <undefined> at byte 32)"),
        (b"<div>" * 300 + b"<p>x</p>",
         "HTML beyond the parser's limits (Excessive depth in document: 256, use XML_PARSE_HUGE option), line 1"),
    ],
    ids=["undeclared-latin1", "utf16-declared-in-ascii", "undefined-in-declared", "too-deep"],
)
def test_unreadable_html_is_one_error_line_exit_2_and_nothing_written(tmp_path, content, message):
    source, out = tmp_path / "page.html", tmp_path / "out"
    source.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(out)])
    assert (result.exit_code, result.output) == (2, f"qualspec: error: {source}: {message}\n")
    assert not out.exists()


# --------------------------------------------------------------------------- a real exporter's HTML


def test_libreoffice_html_of_the_bundled_word_file_gives_the_word_blocks(tmp_path):
    """Every row, cell part, paragraph and item of the Word reader, and the Word heading levels;
    only the table of contents differs (a field in Word, dropped; 28 paragraphs in the HTML)."""
    page = tmp_path / "isp.html"
    page.write_bytes(gzip.decompress((FIXTURES / "html" / f"{BUNDLED_SPEC.stem}.libreoffice.html.gz").read_bytes()))
    html = list(read_html(page))
    word = list(read_docx(BUNDLED_SPEC.with_suffix(".docx")))
    start = [b.text for b in html].index("Contents")
    contents = html[start : start + 28]
    assert [b.text for b in contents[:3]] == ["Contents", "Change Control 3", "Introduction 4"]
    assert contents[-1].text == "Qualification Unit Specifications \u2013 Self 76"
    html = html[:start] + html[start + 28 :]

    def comparable(blocks: list[Block]) -> list[tuple]:
        return [
            ("paragraph" if b.kind == "heading" else b.kind, b.text, [[(p.kind, p.text) for p in c.parts] for c in b.cells])
            for b in blocks
        ]

    assert len(html) == len(word) == 1214
    assert comparable(html) == comparable(word)
    assert {p.level for b in html for c in b.cells for p in c.parts if p.kind == "item"} == {1}
    headings = [(b.level, b.text) for b in html if b.kind == "heading"]
    assert headings == [(int(b.style[-1]), b.text) for b in word if b.style and b.style.startswith("Heading ")]
    assert headings[:3] == [(1, "Change Control"), (1, "Introduction"), (2, "Institute of Sales Professionals")]
    assert sum(b.style == "header" for b in html) == 54
