"""The JSON Schema of a diff report, generated from the report model.

``python -m extractor.diff.schema`` rewrites the committed ``extractor/schemas/diff.schema.json``.
"""

from __future__ import annotations

from pathlib import Path

from ..schema import draft_2020_12, dump_schema
from .report import DiffReport

DIFF_SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "diff.schema.json"
DIFF_SCHEMA_ID = "https://qualspec.invalid/schemas/diff.schema.json"


def diff_schema() -> dict:
    """Draft 2020-12 schema of a ``qualspec diff --format json`` document."""
    return draft_2020_12(DiffReport, DIFF_SCHEMA_ID, mode="serialization")


def render_diff_schema() -> str:
    return dump_schema(diff_schema())


if __name__ == "__main__":
    DIFF_SCHEMA_PATH.write_text(render_diff_schema(), encoding="utf-8")
