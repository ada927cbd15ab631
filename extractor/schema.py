"""The JSON Schema of the output, generated from the model."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .model import Specification

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "qualspec.schema.json"
SCHEMA_ID = "https://qualspec.invalid/schemas/qualspec.schema.json"


def specification_schema() -> dict:
    """Draft 2020-12 schema of a ``qualspec extract`` JSON document."""
    schema = Specification.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render_schema() -> str:
    return json.dumps(specification_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    return Draft202012Validator(specification_schema())


def schema_errors(document: object) -> list[str]:
    """Every way ``document`` breaks the schema, as 'path: message' lines (empty when valid)."""
    errors = sorted(validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]
