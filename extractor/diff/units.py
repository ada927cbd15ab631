"""Comparing two versions of one unit specification."""

from __future__ import annotations

from ..model import ApprenticeshipLink, ContentSection, GuidanceSection, Unit
from .fields import field_changes, text_changes
from .match import pair_records
from .renumber import fold_renumberings
from .report import KsbChange, MatchedBy, UnitDiff
from .words import same, word_ops

UNIT_FIELDS = ("reference", "uan", "title", "level", "credits", "glh", "tqt", "quadrant", "purpose", "sector")


def unit_identity(unit: Unit) -> dict[str, str]:
    return {"reference": unit.reference, "uan": unit.uan or "", "title": unit.title}


def unit_diff(old: Unit, new: Unit, matched_by: MatchedBy) -> UnitDiff | None:
    """What changed in a unit; ``None`` when nothing did."""
    fields = field_changes([(name, getattr(old, name), getattr(new, name)) for name in UNIT_FIELDS])
    if old.reference_printed != old.reference or new.reference_printed != new.reference:
        fields += field_changes([("reference_printed", old.reference_printed, new.reference_printed)])
    fields += field_changes(
        [("apprenticeship_standards", _standards(old.apprenticeship), _standards(new.apprenticeship))]
    )
    texts = {
        "learning_outcomes": text_changes(
            [(str(lo.number), lo.text) for lo in old.learning_outcomes],
            [(str(lo.number), lo.text) for lo in new.learning_outcomes],
        ),
        "assessment_criteria": text_changes(_criteria(old), _criteria(new)),
        "indicative_content": text_changes(_items(old.indicative_content), _items(new.indicative_content)),
        "assessor_guidance": text_changes(_items(old.assessor_guidance), _items(new.assessor_guidance)),
    }
    renumberings = fold_renumberings(texts)
    diff = UnitDiff(
        status="changed",
        **unit_identity(new),
        matched_by=matched_by,
        renamed=any(f.field == "title" for f in fields),
        re_referenced=any(f.field in ("reference", "uan") for f in fields),
        fields=fields,
        ksbs=ksb_changes(old.apprenticeship, new.apprenticeship),
        renumberings=renumberings,
        **texts,
    )
    return diff if diff.fields or diff.ksbs or renumberings or any(texts.values()) else None


def ksb_changes(old: list[ApprenticeshipLink], new: list[ApprenticeshipLink]) -> list[KsbChange]:
    """KSBs added, removed or reworded, by code within standards paired by name."""
    pairs, _ = pair_records(old, new, [("standard", lambda s: s.standard)], lambda s: s.standard)
    changes = []
    for i, j in pairs:
        standard = (new[j] if j is not None else old[i]).standard  # type: ignore[index]
        before = {k.code: k.text for k in old[i].ksbs} if i is not None else {}
        after = {k.code: k.text for k in new[j].ksbs} if j is not None else {}
        for code in [*after, *(c for c in before if c not in after)]:
            o, n = before.get(code), after.get(code)
            if o is not None and n is not None and same(o, n):
                continue
            status = "added" if o is None else "removed" if n is None else "reworded"
            words = word_ops(o, n) if o is not None and n is not None else []
            changes.append(
                KsbChange(status=status, standard=standard, code=code, old_text=o, new_text=n, words=words)
            )
    return changes


def _standards(links: list[ApprenticeshipLink]) -> list[str]:
    return [link.standard for link in links]


def _criteria(unit: Unit) -> list[tuple[str, str]]:
    return [(ac.number, ac.text) for lo in unit.learning_outcomes for ac in lo.assessment_criteria]


def _items(sections: list[ContentSection] | list[GuidanceSection]) -> list[tuple[str, str]]:
    """Content items or guidance paragraphs, numbered by the outcome (or section) they are under."""
    result = []
    for s in sections:
        key = str(s.learning_outcome) if s.learning_outcome is not None else s.section
        texts = s.items if isinstance(s, ContentSection) else s.paragraphs
        result += [(key, item.text) for item in texts]
    return result
