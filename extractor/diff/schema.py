"""The JSON Schema of a diff report, generated from the report model.

``python -m extractor.diff.schema`` rewrites the committed ``schemas/diff.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .report import DiffReport

DIFF_SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "diff.schema.json"
DIFF_SCHEMA_ID = "https://qualspec.invalid/schemas/diff.schema.json"


def diff_schema() -> dict:
    """Draft 2020-12 schema of a ``qualspec diff --format json`` document."""
    schema = DiffReport.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": DIFF_SCHEMA_ID, **schema}


def render_diff_schema() -> str:
    return json.dumps(diff_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    DIFF_SCHEMA_PATH.write_text(render_diff_schema(), encoding="utf-8")
