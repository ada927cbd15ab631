"""The catalogue over other awarding bodies' web pages and Markdown copies (found by a trial run:
an HTML or Markdown source crashed the choice of rendering, untitled documents were joined into one
specification, and their identical document ids broke the database's keys)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main

BODIES = Path(__file__).resolve().parent / "fixtures" / "bodies"
SOURCES = [
    "ocr-unit-three-columns-one-row.md",
    "btec-specialist-unit-learner-will-can-header.md",
    "tlm-unit-criteria-grid-by-outcome.html",
]


def test_untitled_web_and_markdown_sources_are_separate_specifications(tmp_path):
    result = CliRunner().invoke(main, ["catalogue", *(str(BODIES / name) for name in SOURCES), "-o", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert "3 files (3 extracted, 0 reused from the cache, 0 failed); 3 specifications, 3 versions" in result.output
    with sqlite3.connect(tmp_path / "c" / "catalogue.sqlite") as db:
        documents = db.execute("SELECT id FROM document").fetchall()
        assert len({row[0] for row in documents}) == 3
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        units = sorted(row[0] for row in db.execute("SELECT reference FROM units"))
    assert "J/505/7108" in units  # the OCR unit, known by its UAN
    assert (tmp_path / "c" / "ocr-unit-three-columns-one-row" / "unversioned" / "index.html").exists()
