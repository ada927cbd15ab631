"""Time a first catalogue build against a rebuild with nothing changed.

Run by hand: python benchmarks/bench_catalogue.py [--runs N] [--pdf] [--jobs N]
Sources: the bundled specification v1.1 (text and Word; with --pdf also the 96-page PDF) and a
v1.2 made from its text by the tests' editor (tests/catalogue_versions.py). Each run builds
into a fresh folder (cold cache), then builds again into the same folder; timings are of
``build_catalogue`` in this process and of the whole ``python -m extractor catalogue`` command.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout's extractor, and the tests' v1.2 editor

from catalogue_versions import version_1_2_text  # noqa: E402

from extractor.catalogue import build_catalogue, source_files  # noqa: E402
from extractor.cores import available_cores  # noqa: E402
from extractor.pipeline import BUNDLED_SPEC  # noqa: E402


def make_sources(folder: Path, with_pdf: bool) -> Path:
    folder.mkdir()
    shutil.copy(BUNDLED_SPEC, folder / BUNDLED_SPEC.name)
    for suffix in (".docx", *((".pdf",) if with_pdf else ())):
        rendering = ROOT / "fixtures" / "source_specs" / f"{BUNDLED_SPEC.stem}{suffix}"
        shutil.copy(rendering, folder / rendering.name)
    (folder / "isp-level5-professional-sales-spec-v1.2.txt").write_text(version_1_2_text(), encoding="utf-8")
    return folder


def in_process(sources: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    catalogue = build_catalogue(source_files([sources], out), out, jobs)
    elapsed = time.perf_counter() - start
    assert not catalogue.errors
    return elapsed


def command(sources: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extractor", "catalogue", str(sources), "-o", str(out), "-j", str(jobs),
                    "-q"], check=True, cwd=ROOT)
    return time.perf_counter() - start


def report(name: str, first: list[float], again: list[float]) -> None:
    a, b = statistics.median(first), statistics.median(again)
    print(f"{name}: first build median {a * 1000:.0f} ms (best {min(first) * 1000:.0f}), "
          f"rebuild median {b * 1000:.0f} ms (best {min(again) * 1000:.0f}): rebuild = {b / a:.1%} of first")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also catalogue the 96-page PDF")
    parser.add_argument("--jobs", type=int, default=available_cores())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = make_sources(Path(tmp) / "specs", args.pdf)
        print(f"{len(list(sources.iterdir()))} source files, {args.jobs} jobs, {args.runs} runs")
        for name, build in (("in process", in_process), ("command", command)):
            first, again = [], []
            for n in range(args.runs):
                out = Path(tmp) / f"{name.replace(' ', '-')}-{n}"
                first.append(build(sources, out, args.jobs))
                again.append(build(sources, out, args.jobs))
            report(name, first, again)


if __name__ == "__main__":
    main()
