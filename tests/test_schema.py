"""The published JSON Schema is generated from the model, and output satisfies it."""

from __future__ import annotations

import json

from extractor.schema import SCHEMA_PATH, render_schema, schema_errors
from extractor.writers.json import render_json


def test_committed_schema_is_generated_from_the_model():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "extractor/schemas/qualspec.schema.json is stale: regenerate it with python -m extractor.schema"
    )


def test_schema_is_draft_2020_12():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"schema_version", "source", "document", "qualifications", "units", "findings"} <= set(schema["required"])


def test_extracted_document_is_valid(spec):
    assert schema_errors(json.loads(render_json(spec))) == []


def test_schema_rejects_a_broken_document(spec):
    document = json.loads(render_json(spec))
    document["units"][0]["level"] = "five"
    del document["units"][1]["learning_outcomes"]
    errors = schema_errors(document)
    assert any(e.startswith("units/0/level:") for e in errors)
    assert any(e.startswith("units/1:") and "learning_outcomes" in e for e in errors)
