"""Time and memory of the PDF reader against pdfplumber's own table extraction and pypdfium2.

    .venv/bin/python benchmarks/bench_pdf.py [PDF] [--jobs N] [--pages 1000] [--runs 1]

Each measurement runs in a fresh child process (so that its peak memory is its own), one
run each unless ``--runs`` says more (then the best time):

* ``read_pdf`` with ``--jobs`` workers (default: one per core) and with one;
* ``extract_tables``: ``pdfplumber.open`` and ``page.extract_tables()`` over every page,
  closing each page (pdfplumber's cheapest full pass that finds the tables);
* ``pypdfium2 text``: every page's text with pypdfium2 (the floor for reading a text layer);
* the same ``read_pdf`` on a long document: the PDF's pages repeated up to ``--pages``
  pages (pypdfium2 copies them into a temporary file), for pages/s and memory in pages;
  and the whole ``extract`` (reader, interpreter, checks, identifiers) on that document.

* ``read_pdf`` with one worker and the pdfminer character source (``source.Source``)
  instead of the pdfium one the reader uses (``pdfium_source``; the two give the same
  blocks, ``benchmarks/pdf_sources.py`` compares them page by page).

Prints the ratios (target: read_pdf at most 0.33 of ``extract_tables``; wall time, and CPU
time, which other work on the machine disturbs less), pages/s, the peak
resident set size (the reading process and, for the pool, its largest worker), and the
time per page of the long run against the short one (linear time: about 1). Exit status 1
when the ratio is over the target or a long run's peak is over 300 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.cores import available_cores  # noqa: E402 - after the path is set

DEFAULT = ROOT / "fixtures" / "source_specs" / "isp-level5-professional-sales-spec-v1.1.pdf"
RATIO_TARGET = 0.33
MEMORY_TARGET_MB = 300


# -- the jobs, each run in a child process -------------------------------------------------------


def job_read(path: Path, jobs: int) -> int:
    from extractor.readers.pdf import read_pdf

    return sum(1 for _ in read_pdf(path, jobs=jobs))


def job_extract(path: Path, jobs: int) -> int:
    from extractor.pipeline import extract

    return len(extract(path, jobs=jobs).units)


def job_extract_tables(path: Path, jobs: int) -> int:
    import pdfplumber

    count = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            count += len(page.extract_tables())
            page.close()
    return count


def job_pdfium_text(path: Path, jobs: int) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return sum(len(document[i].get_textpage().get_text_range()) for i in range(len(document)))
    finally:
        document.close()


def job_read_pdfminer(path: Path, jobs: int) -> int:
    from extractor.readers.pdf import pages
    from extractor.readers.pdf.source import Source

    setattr(pages, "Source", Source)  # noqa: B010 - the reader's character source, replaced in this child
    return sum(1 for _ in pages.read_pdf(path, jobs=jobs))


JOBS = {"read": job_read, "extract": job_extract, "extract_tables": job_extract_tables,
        "pdfium_text": job_pdfium_text, "read_pdfminer": job_read_pdfminer}


def child(name: str, path: Path, jobs: int) -> None:
    started = time.perf_counter()
    result = JOBS[name](path, jobs)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "rss_mb": own.ru_maxrss / 1024,  # KiB on Linux
                      "worker_rss_mb": workers.ru_maxrss / 1024, "result": result}))


def measure(name: str, path: Path, jobs: int, runs: int) -> dict:
    best: dict | None = None
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", name, str(path), "--jobs", str(jobs)],
            check=True, capture_output=True, text=True,
        )
        got = json.loads(out.stdout.strip().splitlines()[-1])
        if best is None or got["seconds"] < best["seconds"]:
            best = got
    assert best is not None
    return best


def repeat_pages(path: Path, pages: int, target: Path) -> int:
    """The PDF's pages over and over, up to ``pages`` pages, written to ``target``."""
    import pypdfium2

    source = pypdfium2.PdfDocument(path)
    out = pypdfium2.PdfDocument.new()
    count = len(source)
    while len(out) < pages:
        take = min(count, pages - len(out))
        out.import_pages(source, list(range(take)))
    out.save(target)
    total = len(out)
    out.close()
    source.close()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, default=available_cores())
    parser.add_argument("--pages", type=int, default=1000, help="length of the long run (0: skip it)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.pdf, args.jobs)
        return 0
    path = args.pdf
    if not path.exists():
        print(f"{path}: no such file (convert the .docx first, see fixtures/source_specs/README.md)")
        return 2
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(path))
    ours = measure("read", path, args.jobs, args.runs)
    serial = measure("read", path, 1, args.runs)
    tables = measure("extract_tables", path, 1, args.runs)
    text = measure("pdfium_text", path, 1, args.runs)
    pdfminer = measure("read_pdfminer", path, 1, args.runs)
    ratio = ours["seconds"] / tables["seconds"]
    print(f"file:                       {path.name} ({pages} pages, {available_cores()} cores)")
    print(f"read_pdf, jobs={args.jobs}:            {ours['seconds']:8.2f} s  {pages / ours['seconds']:6.1f} pages/s  "
          f"peak RSS {ours['rss_mb']:.0f} MB (workers {ours['worker_rss_mb']:.0f} MB)")
    print(f"read_pdf, jobs=1:            {serial['seconds']:8.2f} s  {pages / serial['seconds']:6.1f} pages/s  "
          f"peak RSS {serial['rss_mb']:.0f} MB")
    print(f"pdfplumber extract_tables:   {tables['seconds']:8.2f} s  peak RSS {tables['rss_mb']:.0f} MB")
    print(f"pypdfium2 text:              {text['seconds']:8.2f} s")
    print(f"ratio to extract_tables:     {ratio:8.2f}  (jobs=1: {serial['seconds'] / tables['seconds']:.2f}; "
          f"target <= {RATIO_TARGET})")
    print(f"CPU time (all processes):    read_pdf jobs={args.jobs} {ours['cpu_seconds']:.2f} s, jobs=1 "
          f"{serial['cpu_seconds']:.2f} s, extract_tables {tables['cpu_seconds']:.2f} s: ratio jobs=1 "
          f"{serial['cpu_seconds'] / tables['cpu_seconds']:.2f} (wall time on a machine that is busy "
          f"elsewhere is noisy; CPU time is not)")
    print(f"ratio to pypdfium2 text:     {ours['seconds'] / text['seconds']:8.1f}")
    print(f"read_pdf, jobs=1, pdfminer:  {pdfminer['seconds']:8.2f} s  CPU {pdfminer['cpu_seconds']:.2f} s: "
          f"the pdfium source takes {serial['cpu_seconds'] / pdfminer['cpu_seconds']:.2f} of its CPU time")
    ok = ratio <= RATIO_TARGET
    if args.pages:
        with tempfile.TemporaryDirectory() as tmp:
            long = Path(tmp) / f"repeated-{args.pages}.pdf"
            count = repeat_pages(path, args.pages, long)
            run = measure("read", long, args.jobs, 1)
            whole = measure("extract", long, args.jobs, 1)
        peak = max(run["rss_mb"], run["worker_rss_mb"])
        per_page = (run["seconds"] / count) / (ours["seconds"] / pages)
        print(f"long run, jobs={args.jobs}:            {count} pages in {run['seconds']:.1f} s  "
              f"{count / run['seconds']:6.1f} pages/s  peak RSS {run['rss_mb']:.0f} MB (workers "
              f"{run['worker_rss_mb']:.0f} MB)")
        print(f"time per page, long / short: {per_page:8.2f}  (linear: about 1)")
        print(f"whole extract, long run:     {whole['seconds']:.1f} s  peak RSS {whole['rss_mb']:.0f} MB "
              f"(workers {whole['worker_rss_mb']:.0f} MB; {whole['result']} units)")
        ok = ok and max(peak, whole["rss_mb"]) < MEMORY_TARGET_MB
    print("OK" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
