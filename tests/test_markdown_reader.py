"""The Markdown reader: pipe tables, breaks and HTML in cells, headings, lists, marks removed,
source lines from the token map, the layout fixtures, and their equality with the HTML forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.blocks import Block, Location
from extractor.errors import InputError
from extractor.readers.html import read_html
from extractor.readers.markdown import read_markdown

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
PAIRS = sorted(p.stem for p in LAYOUTS.glob("*.md") if p.stem != "README")


def read(tmp_path: Path, text: str) -> list[Block]:
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    return list(read_markdown(path))


def body(blocks: list[Block]) -> list[tuple]:
    return [(b.kind, b.text, b.level, b.marker) for b in blocks if b.kind != "row"]


def parts(block: Block) -> list[list[tuple]]:
    return [[(p.kind, p.text, p.level, p.marker) for p in c.parts] for c in block.cells]


def texts(blocks: list[Block]) -> list[tuple]:
    """Everything but provenance and style: what the two forms of a fixture must share."""
    return [(b.kind, b.text, b.level, b.marker, parts(b)) for b in blocks]


def test_pipe_table_rows_cells_and_header(tmp_path):
    blocks = read(tmp_path, """\
| Learning outcome | Assessment criteria |
|:---|---:|
| 1. Understand *costs* | 1.1 Explain [margins](https://example.org/m)<br>1.2 Describe `TQT` |
| | <ul><li>cash</li><li>credit</li></ul> |
| escaped \\| pipe | |
""")
    assert [b.style for b in blocks] == ["header", None, None, None]
    assert parts(blocks[0]) == [
        [("paragraph", "Learning outcome", None, None)], [("paragraph", "Assessment criteria", None, None)],
    ]
    assert parts(blocks[1]) == [
        [("paragraph", "1. Understand costs", None, None)],
        [("paragraph", "1.1 Explain margins", None, None), ("paragraph", "1.2 Describe TQT", None, None)],
    ]
    assert parts(blocks[2]) == [[], [("item", "cash", 1, None), ("item", "credit", 1, None)]]
    assert parts(blocks[3]) == [[("paragraph", "escaped | pipe", None, None)]]
    assert [b.location for b in blocks] == [Location(line=n, table=0, row=r) for r, n in enumerate((1, 3, 4, 5))]
    assert blocks[1].cells[1].parts[1].location == Location(line=3, table=0, row=1, cell=1, paragraph=1)


def test_headings_paragraphs_and_marks(tmp_path):
    blocks = read(tmp_path, """\
# Unit 1: *Widgets* &amp; gadgets

Level 2
=======

A paragraph with **strong**, _emphasis_, ~~struck~~ and a [link](http://x "t"),
continued on a second line; a hard break follows\\
new paragraph after the break.

<!-- a comment -->

```
fenced line one
fenced line two
```
""")
    assert body(blocks) == [
        ("heading", "Unit 1: Widgets & gadgets", 1, None),
        ("heading", "Level 2", 1, None),
        ("paragraph", "A paragraph with strong, emphasis, struck and a link, continued on a second line; "
                      "a hard break follows", None, None),
        ("paragraph", "new paragraph after the break.", None, None),
        ("paragraph", "fenced line one", None, None),
        ("paragraph", "fenced line two", None, None),
    ]
    assert [b.location.line for b in blocks] == [1, 3, 6, 6, 12, 12]


def test_lists_nested_and_numbered(tmp_path):
    blocks = read(tmp_path, """\
- one
  - nested
    1. deep
- two

3. three
4. four

* loose item

  with a second paragraph
""")
    assert body(blocks) == [
        ("item", "one", 1, None),
        ("item", "nested", 2, None),
        ("item", "deep", 3, "1"),
        ("item", "two", 1, None),
        ("item", "three", 1, "3"),
        ("item", "four", 1, "4"),
        ("item", "loose item with a second paragraph", 1, None),
    ]
    assert [b.location.line for b in blocks] == [1, 2, 3, 4, 6, 7, 9]


def test_an_html_table_in_markdown_keeps_its_source_lines(tmp_path):
    blocks = read(tmp_path, """\
# Unit 2

Before the table.

<table>
<tr><td rowspan="2">LO1</td><td>1.1 a</td></tr>
<tr><td>1.2 b</td></tr>
</table>

After the table.
""")
    assert body(blocks) == [("heading", "Unit 2", 1, None), ("paragraph", "Before the table.", None, None),
                            ("paragraph", "After the table.", None, None)]
    rows = [b for b in blocks if b.kind == "row"]
    assert [[c.text for c in b.cells] for b in rows] == [["LO1", "1.1 a"], ["", "1.2 b"]]
    assert [b.location.line for b in rows] == [6, 7]
    assert blocks[-1].location.line == 10


def test_not_utf8_is_an_input_error(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("# Caf\u00e9".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.md: not UTF-8 text \(unexpected end of data at byte 5\)"):
        read_markdown(path)


def test_lo_heading_ac_list_fixture_lines():
    blocks = list(read_markdown(LAYOUTS / "lo-heading-ac-list.md"))
    assert [(b.kind, b.text, b.location.line) for b in blocks[7:12]] == [
        ("heading", "Learning outcomes and assessment criteria", 15),
        ("heading", "1. Understand delivery procedures", 17),
        ("paragraph", "The learner can:", 19),
        ("item", "1.1 Describe the documents that accompany a delivery", 21),
        ("item", "1.2 Explain how to deal with damaged or incorrect goods", 22),
    ]


def test_learner_will_can_fixture_header_rows():
    blocks = list(read_markdown(LAYOUTS / "learner-will-can.md"))
    headers = [parts(b) for b in blocks if b.style == "header" and b.location.table in (1, 3)]
    assert headers == [
        [[("paragraph", "Learning outcomes", None, None), ("paragraph", "The learner will:", None, None)],
         [("paragraph", "Assessment criteria", None, None), ("paragraph", "The learner can:", None, None)]],
        [[("paragraph", "The learner will:", None, None)], [("paragraph", "The learner can:", None, None)]],
    ]
    facts = [[c.text for c in b.cells] for b in blocks if b.kind == "row" and b.location.table == 0]
    assert facts[3:] == [["Guided learning hours (GLH)", "15"], ["Total qualification time (TQT)", "20"]]


def test_unnumbered_acs_fixture():
    blocks = list(read_markdown(LAYOUTS / "unnumbered-acs.md"))
    assert body(blocks)[1] == ("paragraph", "Unit reference: K/650/1184 | Level 2 | 2 credits | 15 GLH", None, None)
    assert body(blocks)[4:7] == [
        ("heading", "Learning outcome: Understand order picking methods", 3, None),
        ("paragraph", "Assessment criteria", None, None),
        ("item", "Compare single-order and batch picking", 1, None),
    ]
    table = [[c.text for c in b.cells] for b in blocks if b.kind == "row"]
    assert table[1:3] == [
        ["Know the risks of manual handling", "Identify common injuries caused by poor manual handling"],
        ["", "State the legal duties of employers and employees for manual handling"],
    ]


def test_lo_prefixes_fixture():
    rows = [[c.text for c in b.cells] for b in read_markdown(LAYOUTS / "lo-prefixes.md") if b.kind == "row"]
    first = ["Learning Outcome 1: Understand delivery procedures", "1.1", "Describe the documents that accompany a delivery"]
    assert first in rows
    second = ["LO2 Be able to carry out a stock count", "AC2.1", "Prepare for a stock count following organisational procedures"]
    assert second in rows
    assert ["", "AC2.3", "Report discrepancies to the appropriate person"] in rows


@pytest.mark.parametrize("name", PAIRS)
def test_html_and_markdown_give_the_same_blocks(name):
    html = list(read_html(LAYOUTS / f"{name}.html"))
    markdown = list(read_markdown(LAYOUTS / f"{name}.md"))
    assert len(html) > 10
    assert texts(markdown) == texts(html)


def test_every_fixture_has_both_forms_and_a_readme_row():
    readme = (LAYOUTS / "README.md").read_text(encoding="utf-8")
    assert sorted(p.stem for p in LAYOUTS.glob("*.html")) == PAIRS
    assert len(PAIRS) == 9
    for name in PAIRS:
        assert f"| `{name}` |" in readme


def test_markdown_of_only_a_comment_is_an_input_error(tmp_path):
    path = tmp_path / "comment.md"
    path.write_text("<!-- only a comment -->\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"comment\.md: no content \(only white space, comments or empty markup\)"):
        read_markdown(path)
