"""The JSON Schema of the output, generated from the model.

``python -m extractor.schema`` rewrites the committed ``extractor/schemas/qualspec.schema.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from jsonschema import Draft202012Validator
from pydantic import BaseModel

from .model import Specification

SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "qualspec.schema.json"
SCHEMA_ID = "https://qualspec.invalid/schemas/qualspec.schema.json"


def draft_2020_12(
    model: type[BaseModel], schema_id: str, mode: Literal["validation", "serialization"] = "validation"
) -> dict:
    """The draft 2020-12 JSON Schema of a pydantic model."""
    schema = model.model_json_schema(mode=mode)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_id, **schema}


def dump_schema(schema: dict) -> str:
    """A schema as committed: sorted keys, two-space indent, final newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def specification_schema() -> dict:
    """Schema of a ``qualspec extract`` JSON document."""
    return draft_2020_12(Specification, SCHEMA_ID)


def render_schema() -> str:
    return dump_schema(specification_schema())


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    return Draft202012Validator(specification_schema())


def schema_errors(document: object) -> list[str]:
    """Every way ``document`` breaks the schema, as 'path: message' lines (empty when valid)."""
    errors = sorted(validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def write_schema() -> None:
    """Rewrite the committed schema (package data) from the model."""
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")


if __name__ == "__main__":
    write_schema()
