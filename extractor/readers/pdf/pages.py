"""The page loop: pages read in order, or by a pool of worker processes in chunks merged
back in page order, and spooled; then the passes over the document.

Memory does not grow with pages: a page read is packed into the spool with a few facts
about it (its line gaps, the lines at its edges); the running headers and footers are
found from the facts, the document's measures from one pass over the spool, and the
blocks from a second pass, a page or two in memory at a time."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ...blocks import Block
from ...cores import available_cores
from ...errors import InputError
from ...inputs import Input, as_input
from ...limits import Limits, default_limits
from ..damage import Damage
from ..registry import Progress
from .emit import Emitter
from .flow import usual_gap
from .furniture import PageEdges, edge_lines, resolved_pages, running_lines
from .measures import Measuring, page_line_gaps
from .page import page_content
from .pdfium_source import PdfiumSource as Source
from .spool import PageSpool, packed
from .tolerances import DEFAULT, Tolerances

CHUNK = 24  # fewest pages read from one opening of the file (pdfminer's caches go with it)
# workers are forked: a spawned one would import the command's __main__ again (where fork
# is missing, as on Windows, pages are read in this process)
FORK = "fork" in multiprocessing.get_all_start_methods()
CHUNKS_PER_WORKER = 4  # longer documents: chunks grow so that each worker opens the file this often


@dataclass(frozen=True)
class PageRead:
    """One page as the page loop gives it: packed for the spool, with the facts the
    document-wide steps need before the pages are read back."""

    number: int
    packed: bytes
    images: int
    edges: PageEdges
    body_gaps: list[float]  # as read, running headers and footers included


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
    spool = PageSpool()
    try:
        edges: list[PageEdges] = []
        body_gaps: list[float] = []
        images = 0
        for page in read_pages(source, progress, jobs, tolerances, limits):
            spool.add(page.packed)
            edges.append(page.edges)
            body_gaps += page.body_gaps
            images += page.images
        if not any(e.has_text for e in edges):
            if images:
                raise InputError(f"{source}: no text layer; scanned PDF? run OCR first")
            raise InputError(f"{source}: the PDF contains no text")
        drops = running_lines(edges, usual_gap(body_gaps, tolerances), tolerances)
        # line spacing measured again without the headers and footers
        measuring = Measuring(tolerances)
        for content in resolved_pages(spool, drops, tolerances):
            measuring.add(content)
        emitter = Emitter(measuring.done(), tolerances)
    except BaseException:
        spool.close()
        raise
    return _emitted(emitter, spool, drops, tolerances)


def _emitted(emitter: Emitter, spool: PageSpool, drops: dict[int, set[int]], tol: Tolerances) -> Iterator[Block]:
    with spool:
        yield from emitter.blocks(resolved_pages(spool, drops, tol))


def read_pages(
    pdf: Input | str | os.PathLike[str],
    progress: Progress | None,
    jobs: int | None,
    tol: Tolerances,
    limits: Limits | None = None,
    chunk: int = CHUNK,
) -> Iterator[PageRead]:
    """Every page, in page order, read ``chunk`` pages (or more in a long document) at a
    time. Each chunk opens the file anew (pdfminer parses the page tree and fonts again)
    and drops pdfminer's caches when done: a reading process's memory does not grow with
    pages."""
    limits = limits or default_limits()
    pdf = as_input(pdf, limits)
    with Source(pdf) as source:
        total = len(source.pages)
    if total == 0:
        raise InputError(f"{pdf}: the PDF has no pages")
    if total > limits.pdf_pages:
        raise limits.exceeded("pdf_pages", str(pdf), f"{total} pages")
    workers = max(1, jobs or available_cores()) if FORK else 1
    chunk = max(chunk, -(-total // (CHUNKS_PER_WORKER * workers)))
    chunks = [range(start, min(start + chunk, total + 1)) for start in range(1, total + 1, chunk)]
    workers = min(workers, len(chunks))
    if workers <= 1:
        results: Iterator[list[PageRead]] = (_read_chunk((pdf, chunk, tol)) for chunk in chunks)
        yield from _reported(results, total, progress)
        return
    # a worker that dies (a crash in the PDF library) breaks the pool: BrokenProcessPool, not a hang
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = deque(pool.submit(_read_chunk, (pdf, chunk, tol)) for chunk in chunks)
        try:  # each chunk's result let go once given out
            yield from _reported((futures.popleft().result() for _ in range(len(chunks))), total, progress)
        finally:  # on an error (or when the reader is abandoned) the chunks not started are not read
            for future in futures:
                future.cancel()


def _reported(results: Iterator[list[PageRead]], total: int, progress: Progress | None) -> Iterator[PageRead]:
    for pages in results:
        for page in pages:
            yield page
            if progress is not None:
                progress(page.number, total)


def _read_chunk(job: tuple[Input, range, Tolerances]) -> list[PageRead]:
    """One chunk of pages, from its own opening of the PDF."""
    pdf, numbers, tol = job
    with Source(pdf) as source:
        pages = []
        for raw in source.read(numbers):
            content = page_content(raw, tol)
            body_gaps, _ = page_line_gaps(content, tol)
            edges = edge_lines(content, tol)
            pages.append(PageRead(content.number, packed(content), content.images, edges, body_gaps))
        return pages
