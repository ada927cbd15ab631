"""The bundled specification printed to PDF with other page layouts reads like its Word form.

Each layout (tests/fixtures/pdf/make_layouts.py) edits the bundled .docx (fonts, sizes,
margins, column widths, paragraph spacing); the edited .docx and LibreOffice's PDF of it
are committed. Everything but provenance must come out of the PDF as out of the Word
file: every learning outcome, criterion and guidance paragraph whole, and the same
findings. A finding that only the PDF gives is a reader defect.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import CONTENT, rendering, without_provenance

from extractor.cli import main
from extractor.pipeline import extract
from extractor.readers.pdf import pages, read_pdf, spool
from extractor.readers.pdf.pages import read_pages
from extractor.readers.pdf.tolerances import DEFAULT

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
LAYOUTS = ["layout-serif-narrow-columns", "layout-dejavu-wide-margins"]


@pytest.fixture(scope="module", params=LAYOUTS)
def layout(request, pdf_blocks):
    """(name, blocks of the PDF, the PDF's extraction, the Word file's extraction)."""
    pdf = FIXTURES / f"{request.param}.pdf"
    blocks = pdf_blocks(pdf)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("extractor.pipeline.read_blocks", lambda *args, **kwargs: iter(blocks))
        from_pdf = extract(pdf).model_dump()
    from_word = extract(FIXTURES / f"{request.param}.docx").model_dump()
    return request.param, blocks, from_pdf, from_word


def test_the_layouts_differ_from_the_bundled_one(layout):
    name, blocks, _, _ = layout
    pages = {"layout-serif-narrow-columns": 113, "layout-dejavu-wide-margins": 94}[name]
    assert max(b.location.page for b in blocks) == pages  # the bundled PDF has 96


@pytest.mark.parametrize("key", CONTENT)
def test_content_equals_the_word_form(layout, key):
    _, _, from_pdf, from_word = layout
    assert without_provenance(from_pdf[key]) == without_provenance(from_word[key])


def test_findings_equal_the_word_form(layout):
    _, _, from_pdf, from_word = layout

    def keys(spec):
        return Counter((f["code"], f["unit"], f["field"]) for f in spec["findings"])

    assert sum(keys(from_word).values()) == 28
    assert keys(from_pdf) == keys(from_word)


def test_every_outcome_criterion_and_guidance_paragraph_is_whole(layout):
    _, _, from_pdf, from_word = layout

    def texts(spec):
        outcomes = [lo["text"] for u in spec["units"] for lo in u["learning_outcomes"]]
        criteria = [
            ac["text"] for u in spec["units"] for lo in u["learning_outcomes"] for ac in lo["assessment_criteria"]
        ]
        guidance = [p for u in spec["units"] for g in u["assessor_guidance"] for p in g["paragraphs"]]
        return outcomes, criteria, guidance

    outcomes, criteria, guidance = texts(from_pdf)
    assert (len(outcomes), len(criteria), len(guidance)) == (102, 339, 188)
    assert (outcomes, criteria, guidance) == texts(from_word)


def test_guidance_paragraphs_split_by_tight_paragraph_spacing(layout):
    """L5L6's guidance for LO2: four paragraphs, 1.2 pt apart in the serif layout (its lines
    are 1.5 pt apart), so only the cell's own line spacing tells them apart."""
    _, blocks, from_pdf, _ = layout
    unit = next(u for u in from_pdf["units"] if u["reference"] == "L5L6")
    section = next(g for g in unit["assessor_guidance"] if g["section"] == "2")
    assert [p["text"] for p in section["paragraphs"][:2]] == [
        "Learners should assess the critical role of communication in ensuring effective operation of a "
        "matrix-managed sales team, using examples to illustrate their points.",
        "Learners should propose at least three strategies to improve communication and collaboration across "
        "different functions in a matrix environment. The strategies should be practical and based on best "
        "practices or successful examples.",
    ]
    assert len(section["paragraphs"]) == 4
    cell = next(c for b in blocks for c in b.cells if c.text.startswith("Learners should assess the critical"))
    assert [p.kind for p in cell.parts] == ["paragraph"] * 4


def test_identifier_broken_in_a_narrow_cell_is_joined(pdf_blocks):
    """In the DejaVu layout the unit-number column is narrower than a UAN: LibreOffice
    breaks "Y/650/7928" after "Y/650/792" (and "Version" after "Versio") with no hyphen."""
    blocks = pdf_blocks(FIXTURES / "layout-dejavu-wide-margins.pdf")
    rows = [[c.text for c in b.cells] for b in blocks if b.kind == "row"]
    assert ["Version", "Publication date", "Summary of change"] in rows
    l5l5 = [r for r in rows if len(r) > 1 and r[1] == "L5L5"]
    assert sorted(r[0] for r in l5l5) == ["T/651/5991", "Y/650/7928"]  # both printed for L5L5
    broken = re.compile(r"[A-Z]/\d{3}/\d+ \d+")
    assert not [c for r in rows for c in r if broken.fullmatch(c)]
    uans = [c for r in rows for c in r if re.fullmatch(r"[A-Z]/\d{3}/\d{4}", c)]
    assert len(uans) == 81  # as many as in the bundled PDF


def test_hyphen_at_a_line_end_inside_a_word_is_kept(pdf_blocks):
    blocks = pdf_blocks(FIXTURES / "layout-serif-narrow-columns.pdf")
    texts = " ".join(c.text for b in blocks for c in b.cells)
    assert "non-compliance" in texts and "noncompliance" not in texts
    assert "go-to-market" in texts


def test_output_does_not_depend_on_where_the_pages_are_spooled(monkeypatch, pdf_blocks):
    """Pages kept on disk between the passes (the spool's limit set to one byte) give the
    blocks kept in memory give."""
    path = FIXTURES / "layout-serif-narrow-columns.pdf"
    in_memory = pdf_blocks(path)
    monkeypatch.setattr(spool, "IN_MEMORY", 1)
    with spool.PageSpool() as pages:
        pages.add(b"xy")
        assert pages._file._rolled  # type: ignore[attr-defined]
    assert list(read_pdf(path)) == in_memory


def _crash_unless_in(test_process: int, job: object) -> None:
    """A worker's page reading that dies as a crash in C code would (not in the test's own process)."""
    assert os.getpid() != test_process, "pages read in the test's own process, not by workers"
    os._exit(1)


def test_a_page_reader_process_that_dies_is_our_defect_not_a_hang(monkeypatch):
    """A crash inside the PDF library kills its worker: the command ends with exit 3 and the
    request to report it (the pool is broken), rather than waiting for the lost pages."""

    monkeypatch.setattr(pages, "_read_chunk", partial(_crash_unless_in, os.getpid()))
    result = CliRunner().invoke(main, ["check", str(rendering(".pdf")), "--jobs", "2"])
    assert result.exit_code == 3
    assert "BrokenProcessPool" in result.output
    assert "this is a defect in qualspec, not a problem with your input" in result.output


def test_output_does_not_depend_on_jobs_or_chunks():
    path = FIXTURES / "table-split-across-pages.pdf"
    serial = list(read_pages(path, None, 1, DEFAULT))
    pooled = list(read_pages(path, None, 2, DEFAULT, chunk=1))
    assert [p.number for p in pooled] == [1, 2]
    assert pooled == serial
    assert list(read_pdf(path, jobs=2)) == list(read_pdf(path, jobs=1))
