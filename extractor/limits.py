"""Limits on what an input may cost: sizes, depths and counts checked while reading.

Each limit has a default, can be set in the environment (``QUALSPEC_LIMIT_<NAME>``, e.g.
``QUALSPEC_LIMIT_INPUT_BYTES=200M``) or on the command line (``qualspec --limit
input_bytes=200M ...``). An exceeded limit is an ``InputError`` naming the limit.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace

from .errors import InputError

MB = 1 << 20
ENVIRONMENT_PREFIX = "QUALSPEC_LIMIT_"
_AMOUNT = re.compile(r"^\s*(\d+)\s*([KMG]?)B?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


@dataclass(frozen=True)
class Limits:
    """The most an input may hold or unpack to."""

    input_bytes: int = 64 * MB
    """Size of the input file (or of standard input)."""
    zip_member_bytes: int = 64 * MB
    """Inflated size of one member of a .docx (ZIP) package."""
    zip_total_bytes: int = 256 * MB
    """Inflated size of all members of a .docx package together."""
    zip_ratio: int = 100
    """Inflated / compressed size of a member, checked once it has inflated past 1 MB."""
    xml_depth: int = 100
    """Nesting depth of elements in an XML part (libxml2 stops at 256 in any case)."""
    xml_tags: int = 1_000_000
    """Tags (``<``) in one XML part: what parsing it will cost in memory."""
    line_chars: int = 100_000
    """Characters in one line of a text specification."""
    table_rows: int = 20_000
    """Table rows in the whole document."""
    row_cells: int = 200
    """Cells in one table row."""
    units: int = 1_000
    """Unit specifications in one document (each costs checks and schema validation)."""
    pdf_pages: int = 2_000
    """Pages of a PDF."""
    json_depth: int = 64
    """Nesting depth of a JSON document given to check, validate or diff."""

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def exceeded(self, name: str, where: str, found: str) -> InputError:
        """The error for a limit passed: what, where, and how to raise it."""
        return InputError(
            f"{where}: {found}, over the limit {name}={getattr(self, name)} "
            f"(raise it with --limit {name}=N or {ENVIRONMENT_PREFIX}{name.upper()})"
        )


def parse_amount(text: str) -> int:
    """``"200M"`` -> 209715200; ValueError when not a whole amount."""
    match = _AMOUNT.match(text)
    if not match:
        raise ValueError(f"not an amount: {text!r} (a whole number, optionally with K, M or G)")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


def limits_from(environment: Mapping[str, str], settings: Iterable[str] = ()) -> Limits:
    """Defaults, overridden by ``QUALSPEC_LIMIT_*`` variables, then by ``name=value`` settings."""
    values: dict[str, int] = {}
    for name in Limits.names():
        variable = ENVIRONMENT_PREFIX + name.upper()
        if variable in environment:
            values[name] = _amount(environment[variable], variable)
    for setting in settings:
        name, sep, amount = setting.partition("=")
        name = name.strip().lower()
        if not sep or name not in Limits.names():
            raise InputError(f"--limit {setting}: expected NAME=VALUE with NAME one of {', '.join(Limits.names())}")
        values[name] = _amount(amount, f"--limit {name}")
    return replace(Limits(), **values)


def _amount(text: str, where: str) -> int:
    try:
        return parse_amount(text)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None


ACTIVE: ContextVar[Limits | None] = ContextVar("qualspec_limits", default=None)
"""The limits the command line set for this run, if it set any."""


def default_limits() -> Limits:
    """The limits of this run: those the command line set, else those the environment sets."""
    return ACTIVE.get() or limits_from(os.environ)
