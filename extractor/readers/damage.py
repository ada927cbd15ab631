"""What a reader met that the format should not hold: a table row whose cell separators were lost.

Readers know formats, not specifications, so they do not make findings; they record the
damage here and the pipeline turns it into findings (``extractor/checks/damage.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..blocks import Location


@dataclass(frozen=True)
class Damage:
    """A row printed without cell separators: ``cells`` is what it was read as (empty: unreadable)."""

    location: Location
    printed: str
    expected_cells: int
    cells: tuple[str, ...] = ()

    @property
    def mended(self) -> bool:
        return bool(self.cells)
