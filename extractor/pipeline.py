"""The whole job for one input: detect, read, interpret, build the rules, check, identify."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError

from .checks import run_checks
from .checks.damage import damage_findings, truncation_findings
from .errors import InputError
from .ids import assign_ids
from .inputs import Input, read_input
from .interpret import interpret
from .interpret.vocabulary import VOCABULARY, Vocabulary
from .limits import Limits, default_limits
from .model import SCHEMA_VERSION, SEVERITIES, Source, Specification
from .readers import Progress, detect_format, read_blocks
from .readers.damage import Damage
from .rules.build import attach_rule_sets

BUNDLED_SPEC = Path(str(files("extractor").joinpath("data", "isp-level5-professional-sales-spec-v1.1.txt")))
"""The bundled specification (package data): ISP Level 5 Professional Sales, v1.1, as text."""


def extract(
    source: Input | str | os.PathLike[str],
    progress: Progress | None = None,
    limits: Limits | None = None,
    previous: Specification | None = None,
    vocabulary: Vocabulary | None = None,
    profile: str | None = None,
    jobs: int | None = None,
) -> Specification:
    """The specification in ``source`` (an Input, or a path in any format), with its findings.

    ``previous``: an earlier version of it, whose identifiers are carried over. ``vocabulary``:
    the labels to read (default: the package's). ``profile``: the checks to run (default:
    detected from the document). ``jobs``: worker processes for PDF pages (default: one per core).
    """
    limits = limits or default_limits()
    if not isinstance(source, Input):
        source = read_input(source, limits)
    fmt = detect_format(source)
    damage: list[Damage] = []
    blocks = list(read_blocks(source, fmt, progress=progress, limits=limits, damage=damage, jobs=jobs))
    try:
        result = interpret(blocks, vocabulary or VOCABULARY, profile)
    except InputError as exc:  # the interpreter does not know the input's name
        raise InputError(f"{source}: {exc}") from None
    except ValidationError as exc:
        raise _out_of_range(source, exc) from None
    if len(result.units) > limits.units:
        raise limits.exceeded("units", str(source), f"{len(result.units)} unit specifications")
    spec = Specification(
        schema_version=SCHEMA_VERSION,
        source=Source(path=source.file_name, format=fmt, sha256=source.sha256),
        profile=result.profile,
        document=result.document,
        qualifications=result.qualifications,
        units_overview=result.units_overview,
        units=result.units,
        findings=result.findings,
    )
    attach_rule_sets(spec)
    spec.findings = sort_findings(spec.findings + run_checks(spec) + damage_findings(damage) + truncation_findings(spec))
    assign_ids(spec, previous)
    return spec


RANGE_ERRORS = frozenset({"greater_than_equal", "less_than_equal"})


def _out_of_range(source: Input, exc: ValidationError) -> Exception:
    """A printed number the model cannot hold (a level of 25, say: columns out of order) is bad input.

    Any other failure to build the model is a defect of the interpreter and is returned as it is.
    """
    errors = exc.errors()
    if not all(e["type"] in RANGE_ERRORS for e in errors):
        return exc
    first = errors[0]
    where = "/".join(map(str, first["loc"]))
    return InputError(
        f"{source}: {exc.title} {where} printed as {first['input']}, which is out of range "
        f"({first['msg'].lower()}); is a table damaged or are its columns out of order?"
    )




def sort_findings(findings: list) -> list:
    """Stable order: severity, then unit, field, code, message."""
    return sorted(
        findings,
        key=lambda f: (SEVERITIES.index(f.severity), f.unit or "", f.field or "", f.code, f.message),
    )
