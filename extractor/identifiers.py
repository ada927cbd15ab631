"""Identifier patterns shared by the interpreter and the checks: ISP references, UANs, QANs."""

from __future__ import annotations

import re

ISP_REF = re.compile(r"^L\d[BCLS]\d+$")
UAN = re.compile(r"^[A-Z]/\d{3}/\d{4}$")
QAN = re.compile(r"^\d{3}/\d{4}/[\dX]$")


def qan_check_character(digits: str) -> str:
    """Check character of a QAN's seven digits: weights 8..2, sum mod 11, 10 written X."""
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=False))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)
