"""A rule set as plain text (each printed rule, then what it requires), for outputs that have
no rules model, such as the notes of a CASE item."""

from __future__ import annotations

from ..model import Rule, RuleSet
from .counting import required, share_percent


def describe_rule_set(rules: RuleSet) -> str:
    """One numbered line per rule; the rules that could not be evaluated after them."""
    lines = ["Rules of combination:"]
    lines += [f"{i}. {rule.text.strip().rstrip('.')}: {describe_rule(rule)}" for i, rule in enumerate(rules.rules, 1)]
    lines += [f"Not evaluated (no number could be read): {text}" for text in rules.not_evaluated]
    return "\n".join(lines)


def describe_rule(rule: Rule) -> str:
    """What the rule requires, with the units of its groups and any assumption."""
    groups = " or ".join(f"{g.name} ({', '.join(g.units)})" for g in rule.groups)
    if rule.kind == "all_units":
        said = f"every unit of {groups}"
    elif rule.kind == "min_units":
        said = f"{required(rule)} unit{'' if required(rule).endswith(' 1') else 's'} from {groups}"
    elif rule.kind == "min_credits":
        said = f"{required(rule)} credits from units of {groups}"
    elif rule.kind == "credits":
        said = f"{required(rule)} credits"
    else:
        said = f"at least {share_percent(rule)}% at level {rule.level} or above"
    return said + (f" (assumed: {rule.assumption})" if rule.assumption else "") + "."
