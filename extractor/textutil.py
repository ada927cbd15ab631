"""Small text helpers shared by readers and interpreter."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to one space and trim."""
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()
