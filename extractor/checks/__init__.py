"""Checks: findings about a specification that has been read.

Each module checks one class of problem and returns findings with their evidence; the
interpreter adds the findings it meets while reading (normalised references, duplicated
blocks, sections that cannot be linked to outcomes). Checks are tagged by profile: the
``generic`` ones are rules every unit specification obeys (identifier formats and check
characters, credits = TQT / 10, GLH <= TQT, totals, numbering, duplicates, cross-table
agreement); ``isp`` adds the conventions of ISP's specifications (its reference pattern and
quadrants, required sector, purpose, content and guidance, outcome verbs, KSB links).
"""

from .profiles import PROFILES, run_checks

__all__ = ["PROFILES", "run_checks"]
