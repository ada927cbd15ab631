"""Headings among body paragraphs: short paragraphs printed larger than the body text, or
in bold, with a level from their size relative to the body text.

The levels follow the sizes that HTML's default style sheet and word processors give
headings (level 1 about twice the body size, level 2 one and a half times, level 3 a
little larger, level 4 bold at the body size, levels 5 and 6 bold and smaller). A
paragraph that is neither larger nor bold, one of more than ``MAX_LINES`` lines, or one
whose lines differ in size or weight, is not a heading.
"""

from __future__ import annotations

from .lines import Line

MAX_LINES = 3  # a heading wraps over a few lines at most
LEVELS = ((1.75, 1), (1.35, 2), (1.1, 3))  # (size / body size at least, level), larger headings
BOLD_LEVELS = ((0.95, 4), (0.75, 5))  # the same for bold headings not larger than the body (else 6)


def heading_level(lines: list[Line], body_size: float) -> int | None:
    """The heading level of a body paragraph made of ``lines`` (None: not a heading)."""
    if not lines or len(lines) > MAX_LINES or body_size <= 0:
        return None
    size, bold = lines[0].size, lines[0].bold
    if any(ln.size != size or ln.bold != bold for ln in lines):
        return None
    ratio = size / body_size
    for least, level in LEVELS:
        if ratio >= least:
            return level
    if not bold:
        return None
    for least, level in BOLD_LEVELS:
        if ratio >= least:
            return level
    return 6
