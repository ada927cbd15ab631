"""The JSON Schema of ``qualspec achieve --format json``, generated from the report model.

``python -m extractor.rules.schema`` rewrites the committed ``schemas/achieve.schema.json``.
"""

from __future__ import annotations

from pathlib import Path

from ..schema import draft_2020_12, dump_schema
from .report import AchieveReport

ACHIEVE_SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "achieve.schema.json"
ACHIEVE_SCHEMA_ID = "https://qualspec.invalid/schemas/achieve.schema.json"


def achieve_schema() -> dict:
    """Draft 2020-12 schema of a ``qualspec achieve --format json`` document."""
    return draft_2020_12(AchieveReport, ACHIEVE_SCHEMA_ID, mode="serialization")


def render_achieve_schema() -> str:
    return dump_schema(achieve_schema())


if __name__ == "__main__":
    ACHIEVE_SCHEMA_PATH.write_text(render_achieve_schema(), encoding="utf-8")
