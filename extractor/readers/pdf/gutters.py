"""Borderless tables whose columns are close together (a few points, as a browser prints
an HTML table without borders), found from gutters: vertical strips that no word of a
block of body lines crosses, with text on both sides of them in several lines.

The column gaps of such a table are no wider than some spaces between words, so the
lines cannot be split at wide gaps (``borderless``); and a cell centred vertically puts
its lines at other heights than its neighbours', so the words of a visual line may come
from several cells. The block's words are therefore sorted into columns at the gutters
first, grouped into lines per column, and the rows are cut where every column has a gap
wider than the block's line spacing. Blocks whose gutters are all wide are left to
``borderless``.
"""

from __future__ import annotations

from itertools import pairwise

from .lines import Line, group_lines
from .tables import Element, PdfCell, Row, Slot, Table
from .tolerances import Tolerances, Word

Gutter = tuple[float, float]  # x of the last word end on its left, x of the first word start on its right


def with_gutter_tables(page: int, elements: list[Element], tol: Tolerances) -> list[Element]:
    """The page's body elements, with runs of body lines divided by narrow gutters turned into tables."""
    out: list[Element] = []
    i = 0
    while i < len(elements):
        found = _gutter_run(elements, i, tol)
        if found is None:
            out.append(elements[i])
            i += 1
            continue
        end, gutters = found
        lines = [e for e in elements[i:end] if isinstance(e, Line)]
        out.append(_gutter_table(page, lines, gutters, tol))
        i = end
    return out


def _gutter_run(elements: list[Element], start: int, tol: Tolerances) -> tuple[int, list[Gutter]] | None:
    """(end, gutters) of the longest run of lines from ``start`` that has a narrow gutter, or None."""
    first = elements[start]
    if not isinstance(first, Line):
        return None
    best: tuple[int, list[Gutter]] | None = None
    run = [first]
    for end in range(start + 1, len(elements)):
        line, prev = elements[end], run[-1]
        if not isinstance(line, Line) or line.top - prev.bottom > tol.row_gap_ems * prev.size:
            break
        if abs(line.size - first.size) > tol.size_change:
            break
        run.append(line)
        free = _free_strips(run, tol)
        if not free:
            break
        gutters = _table_gutters(run, free, tol)
        if gutters and len(run) >= tol.gutter_lines:
            best = (start + _trimmed(run, gutters, tol), gutters)
    return best


def _trimmed(run: list[Line], gutters: list[Gutter], tol: Tolerances) -> int:
    """How many lines of ``run`` the table holds: lines after the last one with text on
    both sides of a gutter (or on its left, before text on its right only: columns set
    at other heights) stay only while they follow at the table's own spacing (the rest
    of a long column), not after a wider gap (a paragraph after the table)."""
    last = max(
        (i for i, ln in enumerate(run) for g in gutters if _gap_across(ln, g) is not None or _left_before_right(run, i, g)),
        default=len(run) - 1,
    )
    spacing = max((b.top - a.bottom for a, b in pairwise(run[: last + 1])), default=0.0)
    count = last + 1
    while count < len(run) and run[count].top - run[count - 1].bottom <= tol.paragraph_gap(spacing, run[count].size, own=True):
        count += 1
    return count


def _left_before_right(run: list[Line], i: int, gutter: Gutter) -> bool:
    """Has line ``i`` text left of the gutter, and a later line text right of it only?"""
    if not any(w.x1 <= gutter[0] for w in run[i].words):
        return False
    return any(all(w.x0 >= gutter[1] for w in ln.words) for ln in run[i + 1 :])


def _free_strips(lines: list[Line], tol: Tolerances) -> list[Gutter]:
    """The strips between the lines' leftmost and rightmost words that no word crosses."""
    spans = sorted((w.x0, w.x1) for line in lines for w in line.words)
    strips: list[Gutter] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= tol.gutter_min:
            strips.append((reach, x0))
        reach = max(reach, x1)
    return strips


def _table_gutters(lines: list[Line], free: list[Gutter], tol: Tolerances) -> list[Gutter]:
    """The strips that divide the lines into columns (see ``_divides``, ``_column_beside``);
    none if every strip is as wide as the column gap ``borderless`` looks for, unless two
    columns are set at other heights (which ``borderless``, reading line by line, cannot
    divide)."""
    size = lines[0].size
    beside = [g for g in free if _column_beside(lines, g, tol)]
    gutters = [g for g in free if g in beside or (_gap_across(lines[0], g) is not None and _divides(lines, g, tol))]
    if not gutters:
        return []
    staggered = any(any(all(w.x1 <= a for w in ln.words) for ln in lines) for a, _ in beside)  # left-only lines
    if not staggered and all(b - a >= tol.column_gap(size) for a, b in gutters):
        return []
    return gutters


def _divides(lines: list[Line], gutter: Gutter, tol: Tolerances) -> bool:
    """Does the gutter divide two columns: several lines with text on both sides, apart
    there (a left-aligned column, or more than a space between words in every line and
    far apart in one)?"""
    if sum(1 for ln in lines if _gap_across(ln, gutter) is not None) < tol.gutter_lines:
        return False
    if _aligned_column(lines, gutter, tol):
        return True
    far = tol.column_gap_ems * lines[0].size
    return all(_apart(ln, gutter, tol) for ln in lines if _gap_across(ln, gutter) is not None) and any(
        (_gap_across(ln, gutter) or 0.0) >= far for ln in lines
    )


def _column_beside(lines: list[Line], gutter: Gutter, tol: Tolerances) -> bool:
    """Are the lines two columns set at other heights (a cell centred vertically beside
    its neighbours' lines), so that few lines have text on both sides: lines with text
    on the left only and on the right only, the right ones starting at one x, or right
    of it (a left-aligned column, wrapped lines hanging; below a header line), and every line with text on both sides
    apart there, with words on the left?"""
    left_only = right_only = 0
    starts = []
    for n, ln in enumerate(lines):
        left = [w for w in ln.words if w.x1 <= gutter[0]]
        right = [w for w in ln.words if w.x0 >= gutter[1]]
        if right and n > 0:
            starts.append(min(w.x0 for w in right))  # not the first: header cells may be centred
        if left and right and not (_apart(ln, gutter, tol) and any(c.isalpha() for w in left for c in w.text)):
            return False
        left_only += bool(left and not right)
        right_only += bool(right and not left)
    crossing = len(lines) - left_only - right_only
    if left_only + crossing < 2 or not right_only or len(starts) < tol.gutter_lines:
        return False
    if sum(1 for x in starts if x - min(starts) <= tol.column_align) < tol.gutter_lines:
        return False  # (a wrapped line may hang further right)
    # the left lines sit beside the right column, between its first and last lines
    rights = [ln for ln in lines if any(w.x0 >= gutter[1] for w in ln.words)]
    return all(
        rights[0].top <= ln.top and ln.bottom <= rights[-1].bottom
        for ln in lines
        if not any(w.x0 >= gutter[1] for w in ln.words)
    )


def _aligned_column(lines: list[Line], gutter: Gutter, tol: Tolerances) -> bool:
    """Does the text right of the gutter start at one x in every line with text on both
    sides (a left-aligned column, not a river of spaces down a paragraph), several of them
    more than a space apart, and words on the left? Then a line only a space apart there
    is a column's widest entry ("Unit title" before its value)."""
    crossing = [ln for ln in lines if _gap_across(ln, gutter) is not None]
    if not all(any(c.isalpha() for w in ln.words if w.x1 <= gutter[0] for c in w.text) for ln in crossing):
        return False  # labels have words; a list's markers ("•", "1.1") have none
    starts = [min(w.x0 for w in ln.words if w.x0 >= gutter[1]) for ln in crossing]
    apart = sum(1 for ln in crossing if _apart(ln, gutter, tol))
    return apart >= tol.gutter_lines and max(starts) - min(starts) <= tol.column_align


def _apart(line: Line, gutter: Gutter, tol: Tolerances) -> bool:
    """Does ``line`` have text on both sides of the gutter, further apart than its words
    are (a line of a paragraph crossing the strip with a space between words does not)?"""
    across = _gap_across(line, gutter)
    if across is None:
        return False
    spaces = sorted(b.x0 - a.x1 for a, b in pairwise(line.words) if not a.x1 <= gutter[0] < gutter[1] <= b.x0)
    space = spaces[len(spaces) // 2] if spaces else tol.space_ems * line.size
    return across > space + tol.word_space


def _gap_across(line: Line, gutter: Gutter) -> float | None:
    """The space between the line's words on either side of the gutter (None: text on one
    side only). In a paragraph it is a space between words; in a table, where the text of
    a cell ends short of its column's edge, it is often much wider."""
    left = [w.x1 for w in line.words if w.x1 <= gutter[0]]
    right = [w.x0 for w in line.words if w.x0 >= gutter[1]]
    return min(right) - max(left) if left and right else None


def _gutter_table(page: int, lines: list[Line], gutters: list[Gutter], tol: Tolerances) -> Table:
    columns: list[list[Word]] = [[] for _ in range(len(gutters) + 1)]
    for line in lines:
        for w in line.words:
            columns[sum(1 for a, _ in gutters if w.x0 >= a)].append(w)
    column_lines = [group_lines(page, words, tol) for words in columns]
    starts = [min(ln.x0 for ln in lines)] + [b for _, b in gutters]
    lefts = [min((w.x0 for w in words), default=start) for words, start in zip(columns, starts, strict=True)]
    rights = [a for a, _ in gutters] + [max(ln.x1 for ln in lines)]
    rows: list[Row] = []
    for top, bottom in _row_spans(column_lines, tol):
        slots = []
        for x0, x1, held in zip(lefts, rights, column_lines, strict=True):
            cell = PdfCell(page, (x0, top, x1, bottom), [ln for ln in held if top <= ln.top <= bottom])
            slots.append(Slot(x0, x1, cell))
        rows.append(Row(page, top, bottom, slots))
    bbox = (min(lefts), lines[0].top, max(rights), max(ln.bottom for ln in lines))
    return Table(page, bbox, rows)


def _row_spans(column_lines: list[list[Line]], tol: Tolerances) -> list[tuple[float, float]]:
    """Rows: the heights where some column has text, cut where every column has a gap wider
    than the smallest gap between two lines of one column (or than a usual line gap, where
    each cell holds one line and the smallest gap is between rows)."""
    gaps = [b.top - a.bottom for held in column_lines for a, b in pairwise(held) if b.top - a.bottom >= -1.0]
    spans = sorted((ln.top, ln.bottom, ln.size) for held in column_lines for ln in held)
    least = min([*gaps, tol.default_gap])
    out: list[tuple[float, float]] = []
    for top, bottom, size in spans:
        if out and top - out[-1][1] <= tol.paragraph_gap(least, size, own=True):
            out[-1] = (out[-1][0], max(out[-1][1], bottom))
        else:
            out.append((top, bottom))
    return out
