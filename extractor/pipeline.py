"""The whole job for one file: detect, read, interpret, check."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .checks import run_checks
from .ids import assign_ids
from .interpret import interpret
from .model import SCHEMA_VERSION, Source, Specification
from .readers import Progress, detect_format, read_blocks

BUNDLED_SPEC = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "source_specs"
    / "isp-level5-professional-sales-spec-v1.1.txt"
)


def extract(path: Path, progress: Progress | None = None, previous: Specification | None = None) -> Specification:
    """The specification in ``path`` (text, .docx or PDF), with its findings.

    With ``previous`` (an earlier version of it), identifiers are carried from it.
    """
    path = Path(path)
    fmt = detect_format(path)
    result = interpret(read_blocks(path, fmt, progress=progress))
    spec = Specification(
        schema_version=SCHEMA_VERSION,
        source=Source(path=path.name, format=fmt, sha256=hashlib.sha256(path.read_bytes()).hexdigest()),
        document=result.document,
        qualifications=result.qualifications,
        units_overview=result.units_overview,
        units=result.units,
        findings=result.findings,
    )
    spec.findings = sort_findings(spec.findings + run_checks(spec))
    assign_ids(spec, previous)
    return spec


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def sort_findings(findings: list) -> list:
    """Stable order: severity, then unit, field, code, message."""
    return sorted(
        findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], f.unit or "", f.field or "", f.code, f.message),
    )
