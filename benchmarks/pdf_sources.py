"""The PDF reader's two character sources compared: pdfium (``pdfium_source.PdfiumSource``,
the one the reader uses) and pdfminer (``source.Source``, its base and fallback).

    .venv/bin/python benchmarks/pdf_sources.py [PDF ...] [--runs 3]

For every PDF (default: ``fixtures/source_specs/``, ``tests/fixtures/pdf/``,
``tests/fixtures/bodies-pdf/`` and ``tests/fixtures/layouts-pdf/``), page by
page: the words (texts equal; fonts and sizes equal; largest coordinate difference), the
ruled cells (counts, grouping, largest coordinate difference); then the blocks of
``read_pdf`` with each source (equal or not, and the first differences); and the CPU time
per page of each source (best of ``--runs``; CPU time, which other work on the machine
disturbs less than wall time). A file that a source refuses is reported with its error
line; both must give the same one. Exit status 1 when any PDF's blocks differ.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.errors import InputError  # noqa: E402
from extractor.readers.pdf import pages as pdf_pages  # noqa: E402
from extractor.readers.pdf.pdfium_source import PdfiumSource  # noqa: E402
from extractor.readers.pdf.source import RawPage, Source  # noqa: E402

DEFAULT_DIRS = (
    ROOT / "fixtures" / "source_specs",
    ROOT / "tests" / "fixtures" / "pdf",
    ROOT / "tests" / "fixtures" / "bodies-pdf",
    ROOT / "tests" / "fixtures" / "layouts-pdf",
)
SOURCES: dict[str, type[Source]] = {"pdfminer": Source, "pdfium": PdfiumSource}
FALLBACKS: dict[Path, str] = {}  # pages the pdfium source had pdfminer read, by file
NOISE = 1e-9  # coordinate differences below this are double-precision noise, counted as equal


@dataclass
class Comparison:
    pages: int = 0
    words: int = 0
    word_text_pages: list[int] = field(default_factory=list)  # pages whose word texts differ
    words_moved: int = 0  # words with a coordinate more than NOISE apart
    word_font_diffs: int = 0
    word_max: float = 0.0
    cells: int = 0
    cell_count_pages: list[int] = field(default_factory=list)
    cells_moved: int = 0
    cell_max: float = 0.0
    grouping_pages: list[int] = field(default_factory=list)
    chars: tuple[int, int] = (0, 0)
    images: tuple[int, int] = (0, 0)


def read_all(cls: type[Source], path: Path) -> list[RawPage] | str:
    """Every page read with ``cls``; the pages the pdfium source left to pdfminer in ``FALLBACKS``."""
    try:
        with cls(path) as source:
            pages = list(source.read(range(1, len(source.pages) + 1)))
            if isinstance(source, PdfiumSource):
                left = ", ".join(map(str, source.by_pdfminer)) or "none"
                FALLBACKS[path] = left if source.pdfium is not None else "every page (pdfium reads the file otherwise)"
            return pages
    except InputError as exc:
        return f"InputError: {exc}"


def compare_pages(ours: list[RawPage], theirs: list[RawPage]) -> Comparison:
    c = Comparison(pages=len(ours))
    chars = [0, 0]
    images = [0, 0]
    for a, b in zip(ours, theirs, strict=True):
        chars[0] += a.chars
        chars[1] += b.chars
        images[0] += a.images
        images[1] += b.images
        c.words += len(a.words)
        if [w.text for w in a.words] != [w.text for w in b.words]:
            c.word_text_pages.append(a.number)
        matcher = difflib.SequenceMatcher(None, [w.text for w in a.words], [w.text for w in b.words], autojunk=False)
        for block in matcher.get_matching_blocks():
            for wa, wb in zip(a.words[block.a:block.a + block.size], b.words[block.b:block.b + block.size],
                              strict=True):
                gap = max(abs(wa.x0 - wb.x0), abs(wa.x1 - wb.x1), abs(wa.top - wb.top), abs(wa.bottom - wb.bottom))
                c.word_max = max(c.word_max, gap)
                c.words_moved += gap > NOISE
                c.word_font_diffs += wa.fontname != wb.fontname or abs(wa.size - wb.size) > NOISE
        cells_a = [cell for group in a.tables for cell in group]
        cells_b = [cell for group in b.tables for cell in group]
        c.cells += len(cells_a)
        if len(cells_a) != len(cells_b):
            c.cell_count_pages.append(a.number)
            continue
        if [len(g) for g in a.tables] != [len(g) for g in b.tables]:
            c.grouping_pages.append(a.number)
        for ca, cb in zip(cells_a, cells_b, strict=True):
            gap = max(abs(x - y) for x, y in zip(ca, cb, strict=True))
            c.cell_max = max(c.cell_max, gap)
            c.cells_moved += gap > NOISE
    c.chars = (chars[0], chars[1])
    c.images = (images[0], images[1])
    return c


@contextmanager
def reader_source(cls: type[Source]) -> Iterator[None]:
    """``read_pdf`` reading its pages with ``cls`` while inside (for this measurement only)."""
    saved = pdf_pages.Source
    setattr(pdf_pages, "Source", cls)  # noqa: B010 - the module's own name for its source, replaced
    try:
        yield
    finally:
        setattr(pdf_pages, "Source", saved)  # noqa: B010


def blocks_with(cls: type[Source], path: Path) -> list[Any] | str:
    with reader_source(cls):
        try:
            return list(pdf_pages.read_pdf(path, jobs=1))
        except InputError as exc:
            return f"InputError: {exc}"


def first_differences(a: list[Any], b: list[Any], limit: int = 3) -> list[str]:
    out = []
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            out.append(f"block {i}: pdfminer {x!r}\n             pdfium   {y!r}")
            if len(out) == limit:
                break
    if len(a) != len(b):
        out.append(f"{len(a)} blocks against {len(b)}")
    return out


def cpu_per_page(cls: type[Source], path: Path, pages: int, runs: int) -> float:
    """Milliseconds of CPU time per page that reading every page with ``cls`` takes (best run)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        read_all(cls, path)
        best = min(best, time.process_time() - started)
    return best / max(pages, 1) * 1000


def report(path: Path, runs: int) -> bool:
    """Print the comparison of one PDF; True when its blocks are equal."""
    print(f"== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    pages = {name: read_all(cls, path) for name, cls in SOURCES.items()}
    a, b = pages["pdfminer"], pages["pdfium"]
    if isinstance(a, str) or isinstance(b, str):
        print(f"   pdfminer: {a if isinstance(a, str) else f'{len(a)} pages'}")
        print(f"   pdfium:   {b if isinstance(b, str) else f'{len(b)} pages'}")
        return a == b
    c = compare_pages(a, b)
    print(f"   pages {c.pages} (read by pdfminer in the pdfium source: {FALLBACKS[path]}); "
          f"chars {c.chars[0]} / {c.chars[1]}; images {c.images[0]} / {c.images[1]}")
    print(f"   words {c.words}: texts differ on {len(c.word_text_pages)} pages {c.word_text_pages[:8]}; "
          f"{c.words_moved} moved (max {c.word_max:.2g} pt); {c.word_font_diffs} with another font or size")
    print(f"   cells {c.cells}: counts differ on {len(c.cell_count_pages)} pages {c.cell_count_pages[:8]}; "
          f"grouping on {len(c.grouping_pages)}; {c.cells_moved} moved (max {c.cell_max:.2g} pt)")
    blocks = {name: blocks_with(cls, path) for name, cls in SOURCES.items()}
    equal = blocks["pdfminer"] == blocks["pdfium"]
    count = len(blocks["pdfminer"]) if isinstance(blocks["pdfminer"], list) else blocks["pdfminer"]
    print(f"   read_pdf blocks: {'equal' if equal else 'DIFFERENT'} ({count})")
    if not equal:
        x, y = blocks["pdfminer"], blocks["pdfium"]
        lines = first_differences(x, y) if isinstance(x, list) and isinstance(y, list) else [f"{x} / {y}"]
        for line in lines:
            print(f"     {line}")
    times = {name: cpu_per_page(cls, path, c.pages, runs) for name, cls in SOURCES.items()}
    print(f"   CPU per page: pdfminer {times['pdfminer']:.1f} ms, pdfium {times['pdfium']:.1f} ms "
          f"({times['pdfium'] / times['pdfminer']:.2f}x)")
    return equal


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    paths = args.pdfs or sorted(p for d in DEFAULT_DIRS for p in d.glob("*.pdf"))
    equal = [report(path, args.runs) for path in paths]
    print(f"blocks equal on {sum(equal)} of {len(equal)} PDFs")
    return 0 if all(equal) else 1


if __name__ == "__main__":
    sys.exit(main())
