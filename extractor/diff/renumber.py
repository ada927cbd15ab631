"""Renumberings: moves that share one change of number, folded into one report line.

A learning outcome renumbered from 2 to 3 moves its criteria (2.1 → 3.1 ...), its indicative
content and its guidance with it; a criterion removed shifts the following ones (1.3 → 1.2,
1.4 → 1.3). Each such pattern is reported once as a ``Renumbering`` and the plain moves it
explains leave the text changes. Moves that fit no pattern stay as they are.
"""

from __future__ import annotations

from collections import defaultdict

from .report import Renumbering, TextChange

SECTIONS = ("learning_outcomes", "assessment_criteria", "indicative_content", "assessor_guidance")
Changes = dict[str, list[TextChange]]


def fold_renumberings(changes: Changes) -> list[Renumbering]:
    """Find the renumberings in ``changes`` (text changes by section), removing the moves they explain."""
    renumberings = _outcome_renumberings(changes)
    renumberings += _criterion_shifts(changes)
    return renumberings


def _parts(number: str | None) -> list[int] | None:
    if number is None or not all(p.isdigit() for p in number.split(".")):
        return None
    return [int(p) for p in number.split(".")]


def _outcome_renumberings(changes: Changes) -> list[Renumbering]:
    """Outcomes whose number changed, with every plain move of their criteria, content and guidance."""
    mapping: dict[int, int] = {}
    for t in changes["learning_outcomes"]:
        old, new = _parts(t.old_number), _parts(t.new_number)
        if t.status in ("moved", "moved_reworded") and old and new:
            mapping[old[0]] = new[0]
    explained: dict[int, int] = defaultdict(int)
    for section in SECTIONS:
        kept = []
        for t in changes[section]:
            old, new = _parts(t.old_number), _parts(t.new_number)
            if (t.status == "moved" and old and new and old[1:] == new[1:] and mapping.get(old[0]) == new[0]):
                explained[old[0]] += 1
            else:
                kept.append(t)
        changes[section] = kept
    by_shift: dict[int, list[int]] = defaultdict(list)
    for old_lo in sorted(mapping):
        by_shift[mapping[old_lo] - old_lo].append(old_lo)
    return [
        Renumbering(
            section="learning outcomes",
            old_numbers=[str(n) for n in olds],
            new_numbers=[str(mapping[n]) for n in olds],
            texts=sum(explained[n] for n in olds),
        )
        for _, olds in sorted(by_shift.items(), key=lambda kv: kv[1][0])
    ]


def _criterion_shifts(changes: Changes) -> list[Renumbering]:
    """Two or more criteria of one outcome whose numbers moved by the same amount."""
    groups: dict[tuple[tuple[int, ...], int], list[TextChange]] = defaultdict(list)
    for t in changes["assessment_criteria"]:
        old, new = _parts(t.old_number), _parts(t.new_number)
        if t.status == "moved" and old and new and len(old) == len(new) > 1 and old[:-1] == new[:-1]:
            groups[(tuple(old[:-1]), new[-1] - old[-1])].append(t)
    runs = {key: run for key, run in groups.items() if len(run) > 1}
    folded = {id(t) for run in runs.values() for t in run}
    changes["assessment_criteria"] = [t for t in changes["assessment_criteria"] if id(t) not in folded]
    return [
        Renumbering(
            section=f"criteria of learning outcome {'.'.join(map(str, prefix))}",
            old_numbers=[t.old_number or "" for t in run],
            new_numbers=[t.new_number or "" for t in run],
            texts=len(run),
        )
        for (prefix, _), run in sorted(runs.items())
    ]
