"""Time the rules of combination on the bundled specification: the rules checks run at every
extraction, ``achieve`` for a few unit sets, and the exact cheapest completion of the
certificate and the diploma from one unit (the largest searches the document allows).

Run by hand: python benchmarks/bench_achieve.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from extractor import achieve
from extractor.checks import rules as rules_checks
from extractor.pipeline import BUNDLED_SPEC, extract

CASES = {
    "rules checks (every extraction)": lambda spec: rules_checks.check(spec),
    "achieve, 5 units": lambda spec: achieve(spec, ["L5B1", "L5B2", "L5C1", "L5L1", "L5S1"]),
    "achieve, 6 units, L6S2 contradicted": lambda spec: achieve(spec, ["L5B1", "L5B4", "L5C2", "L5C3", "L5L1", "L6S2"]),
    "certificate from L5B1": lambda spec: achieve(spec, ["L5B1"], target="610/5683/2"),
    "diploma from L5B1": lambda spec: achieve(spec, ["L5B1"], target="610/5684/4"),
    "diploma from 5 units": lambda spec: achieve(spec, ["L5B1", "L5B2", "L5C1", "L4C1", "L4C3"], target="610/5684/4"),
}


def timed(job: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    spec = extract(BUNDLED_SPEC)
    print(f"{'case':<40} {'median s':>9} {'max s':>7}")
    for name, case in CASES.items():
        median, worst = timed(lambda case=case: case(spec), runs)
        print(f"{name:<40} {median:>9.3f} {worst:>7.3f}")


if __name__ == "__main__":
    main()
