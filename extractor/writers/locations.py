"""Short human-readable forms of source locations."""

from __future__ import annotations

from ..model import Location


def describe(location: Location) -> str:
    """'line 459', 'page 5', 'table 3 row 2 cell 1 paragraph 0'."""
    if location.line is not None:
        return f"line {location.line}"
    parts = [
        f"{name} {getattr(location, name)}"
        for name in ("page", "table", "row", "cell", "paragraph")
        if getattr(location, name) is not None
    ]
    return " ".join(parts)


def describe_all(locations: list[Location]) -> str:
    """Locations joined with '; ', runs of consecutive lines collapsed ('lines 459-470')."""
    lines = [where.line for where in locations if where.line is not None]
    others = [describe(where) for where in locations if where.line is None]
    spans: list[tuple[int, int]] = []
    for line in sorted(set(lines)):
        if spans and spans[-1][1] == line - 1:
            spans[-1] = (spans[-1][0], line)
        else:
            spans.append((line, line))
    text = [f"line {a}" if a == b else f"lines {a}-{b}" for a, b in spans]
    return "; ".join(text + others)
