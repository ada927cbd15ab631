"""Building blocks of the report: field changes and numbered-text changes."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from .match import pair_texts
from .report import FieldChange, TextChange, Value
from .words import same, word_ops


def value(v: object) -> Value:
    """A model value as it is reported: sub-models as plain dicts, lists as strings."""
    if isinstance(v, BaseModel):
        return v.model_dump(exclude={"provenance"})
    if isinstance(v, list):
        return [str(x) for x in v]
    return v  # type: ignore[return-value]


def field_changes(fields: Sequence[tuple[str, object, object]]) -> list[FieldChange]:
    """A change for each ``(name, old, new)`` whose values differ (text compared folded)."""
    changes = []
    for name, old, new in fields:
        if isinstance(old, str) and isinstance(new, str):
            if not same(old, new):
                changes.append(FieldChange(field=name, old=old, new=new, words=word_ops(old, new)))
        elif value(old) != value(new):
            changes.append(FieldChange(field=name, old=value(old), new=value(new)))
    return changes


def text_changes(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]) -> list[TextChange]:
    """Added, removed, reworded and moved texts among numbered texts ``(number, text)``."""
    changes = []
    for i, j in pair_texts(old, new):
        if j is None:
            number, text = old[i]  # type: ignore[index]
            changes.append(
                TextChange(status="removed", old_number=number, new_number=None, old_text=text, new_text=None)
            )
            continue
        if i is None:
            number, text = new[j]
            changes.append(
                TextChange(status="added", old_number=None, new_number=number, old_text=None, new_text=text)
            )
            continue
        (old_number, old_text), (new_number, new_text) = old[i], new[j]
        moved, reworded = old_number != new_number, not same(old_text, new_text)
        if not (moved or reworded):
            continue
        status = "moved_reworded" if moved and reworded else "moved" if moved else "reworded"
        changes.append(
            TextChange(
                status=status,
                old_number=old_number,
                new_number=new_number,
                old_text=old_text,
                new_text=new_text,
                words=word_ops(old_text, new_text) if reworded else [],
            )
        )
    return changes
