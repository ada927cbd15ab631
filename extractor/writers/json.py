"""The JSON document, validated against the schema before it is written."""

from __future__ import annotations

import json

from ..model import Specification
from ..schema import schema_errors


class SchemaViolation(Exception):
    """The document does not satisfy the published schema (a bug in qualspec)."""


def render_json(spec: Specification) -> str:
    """Indented, deterministic JSON of ``spec``; raises SchemaViolation if it is invalid."""
    text = spec.model_dump_json(indent=2) + "\n"
    errors = schema_errors(json.loads(text))
    if errors:
        raise SchemaViolation("output fails its schema: " + "; ".join(errors[:3]))
    return text
