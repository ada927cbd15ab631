"""Reflow: the lines of one container (a cell or the page body) into paragraphs and items.

A new paragraph starts after a vertical gap, a change of size or weight, an indent
change, or a line that ended short although the next word would have fitted; a line that
starts with a bullet glyph (``•``, U+F0B7) starts an item, and so does, in the body only, a
typed ``-`` or ``1.`` (but a line printed as a heading, larger or bold, is a heading
that keeps its typed number: "1. Understand ..."); the item goes on over its wrapped lines (and takes the text set
under an item that printed only its label, "• 1.1"). Lines are joined with a space, except
across a break inside a word (see ``wordbreaks``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from ...blocks import BULLET_GLYPHS, Location
from ...textutil import fold
from .headings import heading_level
from .lines import Line, join_words, lines_bbox
from .tolerances import DASHES, NUMBER_MARKER, SEQUENCE_NUMBER, Tolerances, Word
from .wordbreaks import Vocabulary, joined


def marker(words: list[Word]) -> tuple[str, int] | None:
    """('bullet'|'dash'|'number', words to skip) when the line starts a list item."""
    if not words:
        return None
    first = words[0].text
    if first[0] in BULLET_GLYPHS:
        if len(first) == 1:
            return ("bullet", 1) if len(words) > 1 else None
        return ("bullet", 0)
    if first in DASHES and len(words) > 1:
        return ("dash", 1)
    if NUMBER_MARKER.match(first) and len(words) > 1:
        return ("number", 1)
    return None


@dataclass
class Para:
    kind: Literal["paragraph", "item"]
    lines: list[Line]
    marker: str | None = None
    text_x0: float = 0.0
    marker_x0: float = 0.0
    texts: list[str] = field(default_factory=list)
    full: list[bool] = field(default_factory=list)  # did each line reach the right edge?

    def add(self, line: Line, tol: Tolerances, full: bool, skip: int = 0) -> None:
        self.lines.append(line)
        text = join_words(line.words[skip:], tol)
        if skip == 0 and self.kind == "item" and len(self.lines) == 1:
            text = text[1:]  # the glyph glued to the first word ("•Text")
        self.texts.append(text)
        self.full.append(full)

    def text(self, vocabulary: Vocabulary) -> str:
        out = line = ""
        full_before = False
        for piece, full in zip(self.texts, self.full, strict=True):
            piece = piece.strip()
            if not piece:
                continue
            out = joined(out, line, piece, full_before, vocabulary) if out else piece
            line, full_before = piece, full
        return fold(out)

    def location(self) -> Location:
        page = self.lines[0].page
        same = [ln for ln in self.lines if ln.page == page]
        return Location(page=page, bbox=lines_bbox(same))


class Flow:
    """Reflows a sequence of lines (one container) into paragraphs and items."""

    def __init__(
        self, limit: float, gap: float, body: bool, tol: Tolerances, own_gap: bool = False, body_size: float = 0.0
    ):
        self.limit = limit  # right edge of the text area
        self.body_size = body_size  # the body text's size (0: unknown), for lines printed as headings
        self.gap = gap  # normal space between lines of one paragraph
        self.own_gap = own_gap  # measured on these lines (not the document's usual gap)
        # typed list markers ("1.", "- ") start items only in the body, as in the text form;
        # in a cell they are printed text, as in the Word and HTML forms
        self.body = body
        self.tol = tol
        self.paras: list[Para] = []
        self.prev: Line | None = None

    def feed(self, lines: list[Line], continued: bool = False) -> None:
        for line in lines:
            self._line(line, continued=continued)
            continued = False

    def _full(self, line: Line) -> bool:
        return line.x1 + self.tol.full_line_ems * line.size >= self.limit

    def _line(self, line: Line, continued: bool) -> None:
        prev, current = self.prev, self.paras[-1] if self.paras else None
        self.prev = line
        found = marker(line.words)
        if found and found[0] in ("dash", "number") and not self.body:
            found = None
        if found and found[0] == "number" and heading_level([line], self.body_size) is not None:
            found = None  # a numbered heading ("1. Understand ..."), printed larger or bold
        if found and found[0] in ("dash", "number") and current and prev:
            # a dash or number starts an item only where a new paragraph could start
            # (or right after an item with the same marker)
            same = current.kind == "item" and current.marker == found[0]
            if not same and not self._breaks(prev, line, current, continued):
                found = None
        full = self._full(line)
        if found:
            kind, skip = found
            para = Para("item", [], marker=kind)
            follow = line.words[skip] if skip < len(line.words) else line.words[0]
            para.marker_x0, para.text_x0 = line.x0, follow.x0
            para.add(line, self.tol, full, skip)
            self.paras.append(para)
            return
        if current is None or prev is None or self._breaks(prev, line, current, continued):
            para = Para("paragraph", [], text_x0=line.x0)
            para.add(line, self.tol, full)
            self.paras.append(para)
            return
        current.add(line, self.tol, full)

    def _breaks(self, prev: Line, line: Line, current: Para, continued: bool) -> bool:
        """Does ``line`` start a new paragraph after ``prev`` (within ``current``)?"""
        tol = self.tol
        if abs(line.size - prev.size) > tol.size_change:
            return True
        if line.bold != prev.bold and len(line.text) > 3 and len(prev.text) > 3:
            return True
        if not continued:
            if self._label_item_text(prev, line, current):
                return False
            if line.page != prev.page:
                return True
            gap = line.top - prev.bottom
            if gap > tol.paragraph_gap(self.gap, prev.size, self.own_gap) and not self._wrapped(prev, line, gap):
                return True
        if current.kind == "item":
            # wrapped lines of an item hang at its text (Word lists) or come back under the
            # marker (a typed "- " or "1. ")
            if line.x0 > current.text_x0 + tol.indent:
                return True
            left = current.text_x0 if current.marker == "bullet" else current.marker_x0
            if line.x0 < left - tol.indent:
                return True
        else:
            indented = line.x0 > prev.x0 + tol.indent and not hangs(current.lines, line, tol)
            if indented and len(current.lines) > 1:
                return True
            if indented and not continued and len(current.lines) == 1:
                # an indented line under a one-line paragraph: a new block unless the
                # first line was the indented one (first-line indent goes the other way)
                return True
            if line.x0 < prev.x0 - tol.indent and len(current.lines) > 1:
                return True
            if abs(line.x0 - current.lines[0].x0) <= tol.indent and numbered_next(current.lines[0], line):
                return True  # "2. ..." under "1. ...": the next entry of a numbered list
        return fits(prev, line, self.limit, tol)

    def _wrapped(self, prev: Line, line: Line, gap: float) -> bool:
        """Did the layout engine wrap ``prev`` onto ``line`` in a body paragraph whose line
        spacing is wider than the document's usual one (paragraph styles differ in line
        spacing)? The next word would not have fitted on ``prev``, ``line`` goes on with a
        word in lower case (a sentence running on, not the next entry of a list), and the
        gap is within the spread of line spacings."""
        tol = self.tol
        if not self.body or not line.text[:1].islower() or fits(prev, line, self.limit, tol):
            return False
        return gap <= tol.paragraph_gap(self.gap, prev.size) + tol.line_spacing_spread_ems * prev.size

    def _label_item_text(self, prev: Line, line: Line, current: Para) -> bool:
        """Is ``line`` the text of a list item that printed only its label ("• 1.1"), set
        below the label at the item's text indent (or at the top of the next page)?"""
        if current.kind != "item" or len(current.lines) != 1 or " " in current.texts[0].strip():
            return False
        tol = self.tol
        if abs(line.x0 - current.text_x0) > tol.indent:
            return False
        if line.page != prev.page:
            return line.page == prev.page + 1
        return line.top - prev.bottom <= tol.row_gap_ems * prev.size

    def parts(self, vocabulary: Vocabulary) -> list[tuple[Para, str]]:
        """The paragraphs and items with text, each with its text."""
        out = []
        for p in self.paras:
            text = p.text(vocabulary)
            if text:
                out.append((p, text))
        return out


def hangs(lines: list[Line], line: Line, tol: Tolerances) -> bool:
    """Is ``line`` the wrapped second line of a paragraph that starts with a number
    ("AC2.1", "1.1"), set under the text after the number (a hanging indent)?"""
    if len(lines) != 1 or len(lines[0].words) < 2:
        return False
    label = lines[0].words[0].text
    if not any(c.isdigit() for c in label) or any(c.islower() for c in label):
        return False
    return abs(line.x0 - lines[0].words[1].x0) <= tol.indent


def numbered_next(first: Line, line: Line) -> bool:
    """Does ``line`` start with the number after the one that starts ``first`` ("1." then
    "2.", "1.1" then "1.2")?"""
    a, b = SEQUENCE_NUMBER.match(first.words[0].text), SEQUENCE_NUMBER.match(line.words[0].text)
    if not a or not b or a["head"] != b["head"] or a["dot"] != b["dot"] or not (a["head"] or a["dot"]):
        return False
    return int(b["last"]) == int(a["last"]) + 1


def fits(prev: Line, line: Line, limit: float, tol: Tolerances) -> bool:
    """Would the first word of ``line`` have fitted at the end of ``prev``? Then ``prev``
    ended short on purpose: a paragraph (or item) ended there."""
    first = line.words[0]
    width = first.x1 - first.x0
    return prev.x1 + tol.space_ems * prev.size + width + tol.fit_slack <= limit


def usual_gap(gaps: list[float], tol: Tolerances) -> float:
    """The usual space between wrapped lines of one paragraph: the smallest gap (in
    half-point bins) shared by a tenth of the line pairs."""
    gaps = [g for g in gaps if -1.0 <= g < tol.usual_gap_max]
    if not gaps:
        return tol.default_gap
    bins = Counter(round(g * 2) / 2 for g in gaps)
    need = max(2, tol.usual_gap_share * len(gaps))
    for value in sorted(bins):
        if bins[value] >= need:
            return value
    return min(gaps)
