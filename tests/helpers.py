"""Helpers shared by the tests: fixtures, golden files, a replace that cannot pass vacuously, a v1.2 of the bundled spec."""

from __future__ import annotations

import difflib
import fcntl
import hashlib
import os
import pickle
from pathlib import Path

from extractor.pipeline import BUNDLED_SPEC
from extractor.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
RENDERINGS = ROOT / "fixtures" / "source_specs"
"""The Word and PDF renderings of the bundled specification (the text is package data)."""


def rendering(suffix: str) -> Path:
    """The bundled specification rendered as ``suffix`` (".docx", ".pdf")."""
    return RENDERINGS / BUNDLED_SPEC.with_suffix(suffix).name


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with its one occurrence of ``old`` replaced; AssertionError when ``old`` is absent or repeated."""
    count = text.count(old)
    assert count == 1, f"expected exactly one {old!r} in the text, found {count}"
    return text.replace(old, new)


def bundled_text() -> str:
    return BUNDLED_SPEC.read_text(encoding="utf-8")


GOLDEN = Path(__file__).resolve().parent / "golden"
PDF_SOURCE_CASES = [  # the small PDFs of tests/fixtures/pdf/ whose words and cells the page sources are compared on
    "table-split-across-pages",
    "table-merged-cells",
    "header-footer-repeated",
    "bullets-wrapped",
    "table-no-lines",
    "outcome-split-across-pages",
    "scanned-no-text",
]
REGENERATE = "QUALSPEC_REGEN"


def regenerating() -> bool:
    """True when the golden files are being rewritten (``QUALSPEC_REGEN=1 pytest``)."""
    return os.environ.get(REGENERATE) == "1"


def verify_golden(name: str, actual: str | bytes) -> None:
    """Compare ``actual`` in full with ``tests/golden/<name>``; rewrite the file instead when regenerating."""
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if regenerating():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        return
    assert path.exists(), f"no golden file {path.relative_to(GOLDEN.parent)}: run {REGENERATE}=1 pytest, read the diff"
    expected = path.read_bytes()
    if data == expected:
        return
    try:
        delta = difflib.unified_diff(
            expected.decode("utf-8").splitlines(), data.decode("utf-8").splitlines(), "golden", "actual", lineterm="", n=1
        )
        shown = "\n".join(list(delta)[:80])
    except UnicodeDecodeError:
        shown = f"binary contents differ ({len(expected)} vs {len(data)} bytes)"
    raise AssertionError(f"{name} differs from its golden file:\n{shown}")


def version_1_2(spec):
    """A v1.2 of the bundled spec: L5B1 1.1 reworded, L5C2's GLH 30 → 35 everywhere, L4S6 withdrawn."""
    new = spec.model_copy(deep=True)
    b1 = next(u for u in new.units if u.reference == "L5B1")
    criterion = b1.learning_outcomes[0].assessment_criteria[0]
    assert criterion.text == "Estimate the potential lifetime value of customer accounts"
    criterion.text = "Estimate the likely lifetime value of key customer accounts"
    c2 = next(u for u in new.units if u.reference == "L5C2")
    assert c2.glh == 30
    c2.glh = 35
    for rows in [new.units_overview, *(q.units for q in new.qualifications)]:
        for row in rows:
            if row.reference == "L5C2":
                row.glh = 35
    assert any(u.reference == "L4S6" for u in new.units)
    new.units = [u for u in new.units if u.reference != "L4S6"]
    new.units_overview = [r for r in new.units_overview if r.reference != "L4S6"]
    for q in new.qualifications:
        q.units = [r for r in q.units if r.reference != "L4S6"]
    return new


def read_pdf_once(path: Path, shared: Path) -> list:
    """The blocks of the PDF at ``path``, read once per test run however many pytest-xdist workers ask.

    The first worker to ask reads the PDF (holding a lock on it) and pickles its blocks into
    ``shared``, a folder of this test run only, under the file's sha256; the others wait for
    the lock and load the pickle."""
    key = hashlib.sha256(path.read_bytes()).hexdigest()
    shared.mkdir(parents=True, exist_ok=True)
    cached = shared / f"{key}.blocks.pickle"
    with open(shared / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if cached.exists():
            return pickle.loads(cached.read_bytes())
        blocks = list(read_pdf(path))
        partial = cached.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(blocks))
        partial.replace(cached)
        return blocks


CONTENT = ("document", "qualifications", "units_overview", "units")
"""The parts of an extracted document that every rendering of it must give alike."""


def without_provenance(value):
    """``value`` (a dumped specification or part) without where things came from, which differs by format."""
    if isinstance(value, dict):
        return {
            k: without_provenance(v)
            for k, v in value.items()
            if not k.endswith("provenance") and k not in ("source", "locations")
        }
    if isinstance(value, list):
        return [without_provenance(v) for v in value]
    return value


def outcomes_as_expected(unit) -> list[dict]:
    """A unit's learning outcomes and criteria as a fixture's ``expected.json`` writes them."""
    return [
        {
            "number": str(lo.number),
            "text": lo.text,
            "assessment_criteria": [{"number": c.number, "text": c.text} for c in lo.assessment_criteria],
        }
        for lo in unit.learning_outcomes
    ]


FACTS = ("reference", "unit_number", "title", "level", "credits", "glh", "tqt")


def facts_as_expected(unit) -> dict:
    """A unit's facts under the keys of a fixture's ``expected.json``."""
    return {
        "reference": unit.uan or unit.reference_printed or None,
        "unit_number": unit.unit_number,
        "title": unit.title or None,
        "level": unit.level_printed,
        "credits": unit.credits,
        "glh": unit.glh,
        "tqt": unit.tqt,
    }
