"""Which conventions a document follows: ISP's (references L5B1, quadrants) or only the general rules."""

from __future__ import annotations

from typing import get_args

from ..identifiers import ISP_REF
from ..model import Profile, Unit, UnitListing

PROFILES: tuple[Profile, ...] = get_args(Profile)


def detect_profile(units: list[Unit], overview: list[UnitListing]) -> Profile:
    """'isp' when at least half the unit references (specifications and units listing) are ISP references."""
    refs = [u.reference_printed for u in units] + [row.reference for row in overview]
    isp = sum(1 for ref in refs if ISP_REF.match(ref))
    return "isp" if isp and isp * 2 >= len(refs) else "generic"
