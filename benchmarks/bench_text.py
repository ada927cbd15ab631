"""Time a full extraction of the bundled text specification (read, interpret, check, render).

Run by hand: python benchmarks/bench_text.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

from extractor.pipeline import BUNDLED_SPEC, extract
from extractor.writers.csv import render_csv
from extractor.writers.json import render_json


def once() -> float:
    start = time.perf_counter()
    spec = extract(BUNDLED_SPEC)
    render_json(spec)
    render_csv(spec)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    once()  # warm imports and caches
    times = [once() for _ in range(runs)]
    tracemalloc.start()
    once()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"text extraction of {BUNDLED_SPEC.name} ({BUNDLED_SPEC.stat().st_size / 1024:.0f} KiB), {runs} runs")
    print(f"  best {min(times) * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms, "
          f"worst {max(times) * 1000:.1f} ms")
    print(f"  peak Python memory {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
