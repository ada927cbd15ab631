"""Time the PDF extraction against pdfplumber's own table extraction, on the same file.

    .venv/bin/python benchmarks/bench_pdf.py [PDF] [--runs N]

Runs, in one process and best of N each:

* ``extraction``: the whole job, ``extractor.pipeline.extract`` (reader, interpreter and
  checks), or ``read_pdf`` alone when the pipeline is not there;
* ``baseline``: ``pdfplumber.open`` and ``page.extract_tables()`` over every page, closing
  each page as it goes (pdfplumber's own cheapest full pass that finds the tables).

Prints both times, their ratio (target: at most 1.3) and the peak memory of the
extraction: the tracemalloc peak of one extra, traced run, and the process's maximum
resident set size (``resource.getrusage``, which also counts the interpreter and libraries).
Exit status 1 when the ratio is over the target or the peak over 600 MB, so CI can run it.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "fixtures" / "source_specs" / "isp-level5-professional-sales-spec-v1.1.pdf"
RATIO_TARGET = 1.3
MEMORY_TARGET_MB = 600


def extraction(path: Path) -> None:
    try:
        from extractor.pipeline import extract
    except ImportError:
        from extractor.readers.pdf import read_pdf

        for _ in read_pdf(path):
            pass
        return
    extract(path)


def baseline(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def best_of(runs: int, job, path: Path) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        job(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = args.pdf
    if not path.exists():
        print(f"{path}: no such file (convert the .docx first, see fixtures/source_specs/README.md)")
        return 2

    # interleave so that both see the same machine state; warm imports first
    extraction(path)
    baseline(path)
    ours = best_of(args.runs, extraction, path)
    theirs = best_of(args.runs, baseline, path)

    gc.collect()
    tracemalloc.start()
    extraction(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    ratio = ours / theirs
    peak_mb = peak / 2**20
    rss_mb = maxrss_kb / 1024
    print(f"file:                 {path.name}")
    print(f"extraction (best of {args.runs}): {ours:8.3f} s")
    print(f"extract_tables (best of {args.runs}): {theirs:8.3f} s")
    print(f"ratio:                {ratio:8.2f}  (target <= {RATIO_TARGET})")
    print(f"peak traced memory:   {peak_mb:8.1f} MB (tracemalloc, one extraction)")
    print(f"max resident set:     {rss_mb:8.1f} MB (whole process)")
    ok = ratio <= RATIO_TARGET and max(peak_mb, rss_mb) < MEMORY_TARGET_MB
    print("OK" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
