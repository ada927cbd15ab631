"""The page loop: pages read in order, or by a pool of worker processes in chunks merged
back in page order; then the whole-document steps and the blocks."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator

from ...blocks import Block
from ...errors import InputError
from ...inputs import Input, as_input
from ...limits import Limits, default_limits
from ..damage import Damage
from ..registry import Progress
from .emit import Emitter, line_gaps
from .furniture import drop_running_lines, resolve_frames
from .page import PageContent, page_content
from .pdfium_source import PdfiumSource as Source
from .tolerances import DEFAULT, Tolerances

CHUNK = 24  # fewest pages read from one opening of the file (pdfminer's caches go with it)
# workers are forked: a spawned one would import the command's __main__ again (where fork
# is missing, as on Windows, pages are read in this process)
FORK = "fork" in multiprocessing.get_all_start_methods()
CHUNKS_PER_WORKER = 4  # longer documents: chunks grow so that each worker opens the file this often


def read_pdf(
    source: Input | str | os.PathLike[str],
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
    jobs: int | None = None,
    *,
    tolerances: Tolerances = DEFAULT,
) -> Iterator[Block]:
    """Blocks of a PDF specification (rows, paragraphs, list items) in reading order.

    ``jobs``: worker processes reading pages (default: one per core; 1 reads in this
    process). The output does not depend on it. InputError when the PDF has more pages
    than ``limits.pdf_pages``, before any page is read."""
    limits = limits or default_limits()
    source = as_input(source, limits)
    pages = list(read_pages(source, progress, jobs, tolerances, limits))
    if not any(p.chars for p in pages):
        if any(p.images for p in pages):
            raise InputError(f"{source}: no text layer; scanned PDF? run OCR first")
        raise InputError(f"{source}: the PDF contains no text")
    drop_running_lines(pages, line_gaps(pages, tolerances)[0], tolerances)
    resolve_frames(pages, tolerances)
    # line spacing measured again (by the emitter) without the headers and footers
    return iter(list(Emitter(pages, tolerances).blocks()))


def read_pages(
    pdf: Input | str | os.PathLike[str],
    progress: Progress | None,
    jobs: int | None,
    tol: Tolerances,
    limits: Limits | None = None,
    chunk: int = CHUNK,
) -> Iterator[PageContent]:
    """Every page's content, in page order, read ``chunk`` pages (or more in a long document)
    at a time. Each chunk opens the file anew (pdfminer parses the page tree and fonts
    again) and drops pdfminer's caches when done: a reading process's memory does not grow
    with pages (this process keeps every page's words for the whole-document steps)."""
    limits = limits or default_limits()
    pdf = as_input(pdf, limits)
    with Source(pdf) as source:
        total = len(source.pages)
    if total == 0:
        raise InputError(f"{pdf}: the PDF has no pages")
    if total > limits.pdf_pages:
        raise limits.exceeded("pdf_pages", str(pdf), f"{total} pages")
    workers = max(1, jobs or os.cpu_count() or 1) if FORK else 1
    chunk = max(chunk, -(-total // (CHUNKS_PER_WORKER * workers)))
    chunks = [range(start, min(start + chunk, total + 1)) for start in range(1, total + 1, chunk)]
    workers = min(workers, len(chunks))
    if workers <= 1:
        results: Iterator[list[PageContent]] = (_read_chunk((pdf, chunk, tol)) for chunk in chunks)
        yield from _reported(results, total, progress)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from _reported(pool.imap(_read_chunk, [(pdf, chunk, tol) for chunk in chunks]), total, progress)


def _reported(results: Iterator[list[PageContent]], total: int, progress: Progress | None) -> Iterator[PageContent]:
    for contents in results:
        for page in contents:
            yield page
            if progress is not None:
                progress(page.number, total)


def _read_chunk(job: tuple[Input, range, Tolerances]) -> list[PageContent]:
    """One chunk of pages, from its own opening of the PDF."""
    pdf, numbers, tol = job
    with Source(pdf) as source:
        return [page_content(raw, tol) for raw in source.read(numbers)]
