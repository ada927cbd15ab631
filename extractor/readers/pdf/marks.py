"""List bullets drawn as shapes (a browser prints a list's disc as a path, not a glyph),
read as the bullet glyph "•" so that the lines they start are list items, as in the
document's other forms."""

from __future__ import annotations

from .tolerances import BBox, Tolerances, Word

BULLET = "\u2022"


def drawn_bullets(marks: list[BBox], words: list[Word], tol: Tolerances) -> list[Word]:
    """A "•" word for each small filled mark that stands before a word on its line: about
    as wide as high, smaller than that word's text, its middle within the word's height,
    and close to it. It takes the word's font and size, so that the line's size and weight
    stay its text's."""
    bullets = []
    for x0, top, x1, bottom in marks:
        width, height = x1 - x0, bottom - top
        if abs(width - height) > tol.mark_roundness * max(width, height):
            continue
        middle = (top + bottom) / 2
        after = [w for w in words if w.top <= middle <= w.bottom and w.x0 >= x1]
        if not after:
            continue
        word = min(after, key=lambda w: w.x0)
        small = tol.mark_min_ems * word.size <= height <= tol.mark_max_ems * word.size
        if small and word.x0 - x1 <= tol.mark_gap_ems * word.size:
            bullets.append(Word(BULLET, x0, x1, top, bottom, word.fontname, word.size))
    return bullets
