"""Every output for the bundled specification, compared in full with ``tests/golden/``.

An intended change of output is made by regenerating: ``QUALSPEC_REGEN=1 python -m pytest -q``,
then reading ``git diff tests/golden`` before committing (tests/golden/README.md).
"""

from __future__ import annotations

import os

import pytest
from helpers import GOLDEN, REGENERATE, regenerating, verify_golden, version_1_2

from extractor.diff import diff_specs, render_html, render_json, render_markdown
from extractor.writers.csv import render_csv
from extractor.writers.json import render_json as render_spec_json
from extractor.writers.markdown import render_findings_markdown

BASE = "isp-level5-v1.1"


@pytest.mark.parametrize("fmt", ["text", "docx", "pdf"])
def test_extracted_json(bundled, fmt):
    verify_golden(f"{BASE}/{fmt}.json", render_spec_json(bundled(fmt)))


def test_csv_tables(spec):
    tables = render_csv(spec)
    for name, text in tables.items():
        verify_golden(f"{BASE}/csv/{name}", text)
    if not regenerating():
        committed = sorted(p.name for p in (GOLDEN / BASE / "csv").iterdir())
        assert committed == sorted(tables), "a golden CSV table has no output (or the reverse)"


def test_findings_report(spec):
    verify_golden(f"{BASE}/findings.md", render_findings_markdown(spec))


@pytest.mark.parametrize("render, suffix", [(render_markdown, "md"), (render_json, "json"), (render_html, "html")])
def test_diff_against_version_1_2(spec, render, suffix):
    verify_golden(f"{BASE}/diff-v1.2.{suffix}", render(diff_specs(spec, version_1_2(spec))))


def test_regenerate_switch_is_off():
    """The switch rewrites the golden files instead of checking them: it must never be left on."""
    assert not regenerating(), f"{REGENERATE}=1 rewrote tests/golden: read the diff, then run without it"
    assert os.environ.get(REGENERATE, "") in ("", "0")
