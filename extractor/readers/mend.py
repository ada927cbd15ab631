"""Reading a table row whose cell separators were lost, from the shapes of its table's rows.

A column is *single* when every body row of the table (the rows after its header) has one
word in it; its *shapes* are those words with letters written ``A`` and digits ``9``
(``A/651/5975`` is ``A/9/9``, ``1.2`` is ``9.9``). A line is split either at runs of two or
more spaces or, when at most one column is not single, by position: single columns take
one word each from the left and the right, the other column the words between. A split is
kept only when every single column's word has one of that column's shapes.
"""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_GAP = re.compile(r" {2,}")


def shape(word: str) -> str:
    return _DIGITS.sub("9", _LETTERS.sub("A", word))


def _columns(rows: list[list[str]], width: int) -> list[set[str] | None]:
    """Per column: the shapes of a single column, or None when a row has no word or several there."""
    sample = [r for r in rows if len(r) == width]
    columns: list[set[str] | None] = []
    for j in range(width):
        words = [r[j].split() for r in sample]
        columns.append({shape(w[0]) for w in words} if sample and all(len(w) == 1 for w in words) else None)
    return columns


def continues(table: list[list[str]], following: list[str]) -> bool:
    """Whether ``following`` is one more body row of ``table`` (not its header again, shaped like its rows)."""
    body = table[1:]
    if not body or following == table[0]:
        return False
    columns = _columns(body, len(following))
    singles = [(j, shapes) for j, shapes in enumerate(columns) if shapes is not None]
    return bool(singles) and all(_fits(following[j], shapes) for j, shapes in singles)


def _fits(cell: str, shapes: set[str]) -> bool:
    words = cell.split()
    return len(words) == 1 and shape(words[0]) in shapes


def mend(line: str, table: list[list[str]], following: list[str]) -> tuple[str, ...]:
    """The cells of ``line`` read as a row like ``following``; () when it cannot be split."""
    width = len(following)
    columns = _columns(table[1:] + [following], width)
    if all(shapes is None for shapes in columns):
        return ()  # no column whose shape could confirm a split
    gaps = tuple(cell.strip() for cell in _GAP.split(line.strip()))
    if len(gaps) == width and _fit_all(gaps, columns):
        return gaps
    words = line.split()
    loose = [j for j, shapes in enumerate(columns) if shapes is None]
    if len(loose) > 1 or len(words) < width:
        return ()
    if not loose:
        cells = tuple(words) if len(words) == width else ()
    else:
        m = len(words) - (width - 1)
        j = loose[0]
        cells = tuple(words[:j]) + (" ".join(words[j:j + m]),) + tuple(words[j + m:])
    return cells if cells and _fit_all(cells, columns) else ()


def _fit_all(cells: tuple[str, ...], columns: list[set[str] | None]) -> bool:
    return all(shapes is None or _fits(cell, shapes) for cell, shapes in zip(cells, columns))
