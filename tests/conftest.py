"""Shared fixtures: the bundled specification, extracted once, and a small synthetic one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from catalogue_versions import make_sources
from click.testing import CliRunner
from helpers import read_pdf_once, rendering

from extractor import pipeline
from extractor.cli import main
from extractor.pipeline import BUNDLED_SPEC, extract

ROOT = Path(__file__).resolve().parent.parent


BUNDLED = {
    "text": BUNDLED_SPEC,
    "docx": rendering(".docx"),
    "pdf": rendering(".pdf"),
}


@pytest.fixture(scope="session")
def bundled(request):
    """The bundled specification extracted once per format and test run (the PDF takes seconds)."""
    cache = {}

    def extracted(fmt: str):
        if fmt not in cache:
            cache[fmt] = request.getfixturevalue("bundled_pdf")[1] if fmt == "pdf" else extract(BUNDLED[fmt])
        return cache[fmt]

    return extracted


@pytest.fixture(scope="session")
def spec(bundled):
    return bundled("text")


@pytest.fixture(scope="session")
def pdf_blocks(tmp_path_factory):
    """``pdf_blocks(path)``: the blocks of a PDF, read once per test run, not once per
    pytest-xdist worker (the workers share the pickled blocks; helpers.read_pdf_once)."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "pdf-blocks"
    cache: dict[Path, list] = {}

    def blocks(path: Path) -> list:
        if path not in cache:
            cache[path] = read_pdf_once(path, shared)
        return cache[path]

    return blocks


@pytest.fixture(scope="session")
def bundled_pdf(pdf_blocks):
    """The PDF rendering of the bundled specification, read once per run: its blocks, and
    the specification extracted from those blocks by the whole pipeline."""
    path = BUNDLED["pdf"]
    blocks = pdf_blocks(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "read_blocks", lambda *args, **kwargs: iter(blocks))
        spec = extract(path)
    return blocks, spec


@pytest.fixture(scope="session")
def catalogue_built(tmp_path_factory) -> tuple[Path, Path, str]:
    """``qualspec catalogue --jobs 2`` of v1.1 (text, Word) and v1.2 (text), built once per run
    for test_catalogue.py and test_site_browser.py (once per xdist worker): (sources, site, output)."""
    root = tmp_path_factory.mktemp("catalogue")
    sources, out = make_sources(root / "specs"), root / "site"
    result = CliRunner().invoke(main, ["catalogue", str(sources), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    return sources, out, result.output


@pytest.fixture(scope="session")
def units(spec):
    return {u.reference: u for u in spec.units}


MINIMAL = """\
ACME Level 3 Qualifications in Widgets

15.4 Marketing and Sales

Change Control

Version\tPublication date\tSummary of change
V1.0\t01/02/24\tFirst issue - AB

Key Facts

Qualification Title\tOfqual Qualification Accreditation Number (QAN)\t\
Credit Value\tGuided Learning Hours\tTotal Qualification Time
Level 3 Award in Widgets\t610/5663/7\t5\t25\t50

Level 3 Award in Widgets

Ofqual Unit Ref.\tISP Unit Ref.\tUnit Title\tLevel\tGLH\tTQT\tCredit
A/651/5975\tL3B1\tMake Widgets\t3\t25\t50\t5

Overview of units

BUSINESS units

Ofqual Unit Ref.\tISP Unit Ref.\tUnit Title\tLevel\tGLH\tTQT\tCredit
A/651/5975\tL3B1\tMake Widgets\t3\t25\t50\t5

Qualification Unit Specifications \u2013 Business

Unit Title\tL3B1 Make Widgets\t
UAN\tA/651/5975\t
Level\t3\t
Credit Value\t5\t
Guided Learning Hours\t25\t
Learning Outcomes\tAssessment Criteria\t
1. Understand widgets\t1.1\tExplain what a widget is
\t1.2\tDescribe widget parts
2. Be able to make widgets\t2.1\tMake a widget
\t2.2\tTest a widget

Additional Information\t
Unit purpose and aims\tTo enable learners to make widgets.
Details of the relationship between the unit and apprenticeship standards\tNot linked to the apprenticeship standard.
Location of the unit within the Ofqual subject/sector classification system\t15.4 - Marketing and Sales
Indicative Content\t
1.\t<ul style="list-style-type: none"> \u2022 What a widget is \u2022 The parts of a widget
2.\t<ul style="list-style-type: none"> \u2022 How to make a widget \u2022 How to test a widget

Assessor Guidance\t
1.\tLearners should explain widgets.
2.\tLearners should make two widgets.
"""


@pytest.fixture
def write_spec(tmp_path):
    """Write a (possibly edited) minimal specification and return its path."""

    def write(text: str = MINIMAL, name: str = "mini.txt") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
