"""Named tolerances of the PDF reader (in PDF points unless stated), and its small types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom; points from the page's top-left corner


class Word(NamedTuple):
    """One word as pdfplumber's word extractor groups characters, with its font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    fontname: str
    size: float


DASHES = frozenset("-\u2013")
NUMBER_MARKER = re.compile(r"^\d+\.$")
SEQUENCE_NUMBER = re.compile(r"^(?P<head>[A-Z]{0,3}(?:\d+\.)*)(?P<last>\d+)(?P<dot>\.?)$")  # "2.", "1.2", "AC1.2"
DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Tolerances:
    """How far apart things may be and still count as the same (in the spirit of
    pdfplumber's ``TableSettings``); ``ems`` are multiples of the font size."""

    same_line: float = 1.5  # word centres this close to a line's span belong to it
    word_space: float = 0.8  # words further apart than this are separated by a space
    size_change: float = 0.6  # font sizes further apart than this start a new paragraph
    indent: float = 2.0  # left edges further apart than this are an indent
    same_edge: float = 3.0  # table edges and column starts this close are the same
    same_column: float = 2.0  # cell edges this close in two rows are the same column
    band: float = 0.12  # top and bottom fraction of the page where headers and footers live
    running_drift: float = 3.0  # a running header or footer sits this close to one height on its pages
    fill_slack: float = 48.0  # a table broken by a page break ends this close to the text bottom
    page_top_slack: float = 6.0  # an element this close to the text top starts its page
    column_gap_ems: float = 2.0  # a gap this wide (and column_gap_min) between words splits columns
    column_gap_min: float = 18.0
    row_gap_ems: float = 2.5  # a borderless table ends at a vertical gap this high
    gutter_min: float = 2.0  # a strip this wide that no word crosses may divide columns
    gutter_lines: int = 3  # if this many lines have text on both sides of it
    column_align: float = 0.5  # the texts of a left-aligned column start this close
    wrap_gap_ems: float = 0.5  # a first-column line this far below is a new row, not a wrap
    paragraph_gap_min: float = 1.2  # extra space above the document's usual line gap that
    paragraph_gap_ems: float = 0.15  # starts a paragraph (the larger of the two)
    own_gap_min: float = 0.5  # the same above a container's own measured line gap
    own_gap_ems: float = 0.05
    line_spacing_spread_ems: float = 0.2  # line gaps of body paragraphs exceed the usual one by this much
    space_ems: float = 0.25  # the width of a space, for "would the next word have fitted?"
    fit_slack: float = 1.0
    cell_right_pad: float = 3.0  # assumed right padding of a cell's text
    run_on_top_slack: float = 2.0  # a cell piece after a page break starting this low still runs on
    centred_ems: float = 0.5  # text whose space above and below differ by at most this is centred
    run_on_bottom: float = 8.0  # (plus one line) text this close to a cell's foot reached the page break
    full_line_ems: float = 1.0  # a line ending this close to its right edge is full
    merged_down: float = 1.0  # a cell reaching this far below a row's top is merged down over it
    usual_gap_share: float = 0.1  # the usual line gap is shared by this fraction of line pairs
    usual_gap_max: float = 20.0  # gaps from this up are not line gaps
    default_gap: float = 3.0  # the line gap assumed when there are no line pairs
    mark_roundness: float = 0.2  # a drawn bullet's width and height differ by at most this share
    mark_min_ems: float = 0.15  # and its height is within these multiples of its text's size
    mark_max_ems: float = 0.8
    mark_gap_ems: float = 2.0  # and its text starts within this many ems on its right

    def paragraph_gap(self, line_gap: float, size: float, own: bool = False) -> float:
        """The space between two lines above which a new paragraph starts, given the usual
        gap between the lines of one paragraph (``own``: measured in the same container,
        so closer to exact) and the font size."""
        if own:
            return line_gap + max(self.own_gap_min, self.own_gap_ems * size)
        return line_gap + max(self.paragraph_gap_min, self.paragraph_gap_ems * size)

    def column_gap(self, size: float) -> float:
        return max(self.column_gap_ems * size, self.column_gap_min)


DEFAULT = Tolerances()
