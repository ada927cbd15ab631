"""Helpers shared by the tests: where the fixtures are, a replace that cannot pass vacuously."""

from __future__ import annotations

from pathlib import Path

from extractor.pipeline import BUNDLED_SPEC

ROOT = Path(__file__).resolve().parent.parent
RENDERINGS = ROOT / "fixtures" / "source_specs"
"""The Word and PDF renderings of the bundled specification (the text is package data)."""


def rendering(suffix: str) -> Path:
    """The bundled specification rendered as ``suffix`` (".docx", ".pdf")."""
    return RENDERINGS / BUNDLED_SPEC.with_suffix(suffix).name


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with its one occurrence of ``old`` replaced; AssertionError when ``old`` is absent or repeated."""
    count = text.count(old)
    assert count == 1, f"expected exactly one {old!r} in the text, found {count}"
    return text.replace(old, new)


def bundled_text() -> str:
    return BUNDLED_SPEC.read_text(encoding="utf-8")
