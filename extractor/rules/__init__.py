"""Rules of combination as executable rules: which qualifications a set of units achieves,
the cheapest way to complete one, and checks on the rules themselves."""

from .achieve import achieve
from .build import rule_sets
from .report import AchieveReport

__all__ = ["AchieveReport", "achieve", "rule_sets"]
