"""Time full extractions (read, interpret, check, render JSON and CSV) of specifications.

Run by hand: python benchmarks/bench_extract.py [--runs N] [SOURCE ...]
Without SOURCE: the bundled specification's text and Word forms.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from pathlib import Path

from extractor.pipeline import BUNDLED_SPEC, extract
from extractor.writers.csv import render_csv
from extractor.writers.json import render_json

RENDERINGS = Path(__file__).resolve().parent.parent / "fixtures" / "source_specs"
DEFAULT_SOURCES = [BUNDLED_SPEC, RENDERINGS / f"{BUNDLED_SPEC.stem}.docx"]


def once(source: Path) -> float:
    start = time.perf_counter()
    spec = extract(source)
    render_json(spec)
    render_csv(spec)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("sources", nargs="*", type=Path, default=DEFAULT_SOURCES)
    args = parser.parse_args()
    for source in args.sources:
        once(source)  # warm imports and caches
        times = [once(source) for _ in range(args.runs)]
        tracemalloc.start()
        once(source)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{source.name} ({source.stat().st_size / 1024:.0f} KiB), {args.runs} runs: "
              f"best {min(times) * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms, "
              f"worst {max(times) * 1000:.1f} ms; peak Python memory {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
