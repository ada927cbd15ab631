"""Parsers for the printed values of a specification: numbers, ranges, dates, codes."""

from __future__ import annotations

import re
from datetime import date

from ..model import KSB, ApprenticeshipLink, Range, Sector

NUMBER = re.compile(r"\d+")
SECTOR_CODE = re.compile(r"^\d{1,2}\.\d{1,2}$")
SECTOR = re.compile(r"^(\d{1,2}\.\d{1,2})\s*(?:[-\u2013]\s*)?([A-Za-z].*)$")
KSB_CODE = re.compile(r"(?<![\w/.])([KSB]\d{1,3})\s+(?=\S)")
STANDARD = re.compile(r"Level \d+ [^.]*?Apprenticeship")
NOT_LINKED = re.compile(r"^not linked\b", re.IGNORECASE)
WORD_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def to_int(printed: str) -> int | None:
    """The integer a cell prints, or None when it is not a plain number."""
    printed = printed.strip()
    return int(printed) if printed.isdigit() else None


AMOUNT = re.compile(r"^\s*(\d+)\s*(?:credits?|hours?|hrs?|glh|tqt)?\.?\s*$", re.IGNORECASE)
LEVEL_VALUE = re.compile(r"^\s*(?:(?:rqf|qcf|nqf|fheq|scqf)\s+)?(?:level\s*)?(\d+)\s*$", re.IGNORECASE)


def parse_amount(printed: str) -> int | None:
    """'20', '20 hours', '10 credits' -> the number; None for anything else (a range, a word)."""
    match = AMOUNT.match(printed)
    return int(match.group(1)) if match else None


def parse_level(printed: str) -> int | None:
    """'5', 'Level 3', 'RQF Level 6', 'Two' -> the level; None for 'Entry Level 2' or anything else."""
    match = LEVEL_VALUE.match(printed)
    if match:
        return int(match.group(1))
    return WORD_NUMBERS.get(printed.strip().lower()) or None


FACT_IN_WORDS = (
    ("credits", re.compile(r"^\d+\s+credits?$", re.IGNORECASE)),
    ("glh", re.compile(r"^\d+\s+(?:glh|guided learning hours)$", re.IGNORECASE)),
    ("tqt", re.compile(r"^\d+\s+(?:tqt|hours total qualification time)$", re.IGNORECASE)),
    ("level", re.compile(r"^(?:(?:rqf|qcf)\s+)?(?:entry\s+)?level\s+\d+$", re.IGNORECASE)),
)


def fact_in_words(printed: str) -> tuple[str, str] | None:
    """'2 credits' -> ('credits', '2 credits'); 'Level 2' -> ('level', 'Level 2'): a fact that names itself."""
    for name, pattern in FACT_IN_WORDS:
        if pattern.match(printed.strip()):
            return name, printed.strip()
    return None


def count_word(word: str) -> int | None:
    """'two' -> 2, '3' -> 3."""
    word = word.lower()
    return int(word) if word.isdigit() else WORD_NUMBERS.get(word)


def parse_range(printed: str) -> Range:
    """'5' -> 5..5; 'Minimum 13 Maximum 36' -> 13..36; '130 to 369 hours'; '370 hours +' -> 370..None."""
    numbers = [int(n) for n in NUMBER.findall(printed)]
    text = printed.lower()
    if not numbers:
        return Range(min=None, max=None, printed=printed)
    if len(numbers) >= 2:
        return Range(min=numbers[0], max=numbers[1], printed=printed)
    if "+" in text or "minimum" in text or "at least" in text:
        return Range(min=numbers[0], max=None, printed=printed)
    if "maximum" in text or "up to" in text:
        return Range(min=None, max=numbers[0], printed=printed)
    return Range(min=numbers[0], max=numbers[0], printed=printed)


def parse_uk_date(printed: str) -> str | None:
    """'2/5/25' -> '2025-05-02' (day first, two-digit years in 2000-2099)."""
    match = re.fullmatch(r"\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\s*", printed)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    year += 2000 if year < 100 else 0
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_sector(printed: str) -> Sector:
    """'15.4 - Marketing and Sales' -> code '15.4', label 'Marketing and Sales'; '6.2' -> code only."""
    match = SECTOR.match(printed.strip())
    if not match and SECTOR_CODE.match(printed.strip()):
        return Sector(code=printed.strip(), label=None, printed=printed)
    if not match:
        return Sector(code=None, label=None, printed=printed)
    return Sector(code=match.group(1), label=match.group(2).strip(), printed=printed)


def parse_apprenticeship(printed: str) -> list[ApprenticeshipLink] | None:
    """Standards and their KSBs; [] for "Not linked..."; None when nothing can be read."""
    if NOT_LINKED.match(printed.strip()):
        return []
    starts = [m.start() for m in STANDARD.finditer(printed)]
    if not starts:
        return None
    links = []
    for begin, end in zip(starts, starts[1:] + [len(printed)]):
        segment = printed[begin:end]
        standard = STANDARD.match(segment)
        name = standard.group(0) if standard else ""
        codes = list(KSB_CODE.finditer(segment, len(name)))
        ksbs = [
            KSB(code=m.group(1), text=segment[m.end() : nxt.start() if nxt else len(segment)].strip())
            for m, nxt in zip(codes, codes[1:] + [None])
        ]
        links.append(ApprenticeshipLink(standard=name.strip(), ksbs=ksbs))
    return links

