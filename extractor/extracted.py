"""Reading a JSON document that ``qualspec extract`` wrote, or any specification source.

JSON is parsed with its nesting depth bounded (``Limits.json_depth``) and validated against
the output schema before it becomes a model, so ``check``, ``diff`` and ``validate`` tell a
broken or foreign JSON apart from a source document that is not a specification.
"""

from __future__ import annotations

import json
import re

from pydantic import ValidationError

from .errors import InputError
from .inputs import Input
from .interpret.vocabulary import Vocabulary
from .limits import Limits
from .model import Specification
from .readers import Progress

_JSON_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:\{|\[\s*[\[\]{\"0-9tfn-])")


def looks_like_json(source: Input) -> bool:
    """Whether ``source`` starts like a JSON object or array (after a BOM and whitespace)."""
    return _JSON_START.match(source.data[:64]) is not None


def read_json(source: Input, limits: Limits) -> object:
    """The JSON value in ``source``; InputError when it is not JSON or nested too deeply."""
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 JSON ({exc.reason} at byte {exc.start})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except RecursionError:
        raise limits.exceeded("json_depth", str(source), "JSON nested too deeply to read") from None
    depth = json_depth(document)
    if depth > limits.json_depth:
        raise limits.exceeded("json_depth", str(source), f"JSON nested {depth} levels deep")
    return document


def json_depth(document: object) -> int:
    """How deeply arrays and objects nest in ``document`` (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: list[object] = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def read_extracted(source: Input, limits: Limits) -> Specification:
    """The specification in an extracted JSON, re-validated against the schema. An extraction
    made before rule sets were part of the output gets them built from its rules, as extracting does."""
    from .schema import schema_errors

    document = read_json(source, limits)
    errors = schema_errors(document)
    if errors:
        raise InputError(
            f"{source}: JSON but not a qualspec specification ({len(errors)} schema errors; first: {errors[0]})"
        )
    try:
        spec = Specification.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(map(str, first["loc"])) or "(root)"
        raise InputError(f"{source}: JSON but not a qualspec specification ({where}: {first['msg']})") from None
    if any(q.rule_set is None for q in spec.qualifications):
        _add_rule_sets(spec)
    return spec


def _add_rule_sets(spec: Specification) -> None:
    from .ids import assign_rule_set_ids
    from .rules.build import attach_rule_sets

    assign_rule_set_ids(attach_rule_sets(spec))


def load_specification(
    source: Input,
    limits: Limits,
    progress: Progress | None = None,
    previous: Specification | None = None,
    vocabulary: Vocabulary | None = None,
    profile: str | None = None,
    jobs: int | None = None,
) -> Specification:
    """An extracted JSON read back, or any other source extracted; with ``previous``, its ids carried over."""
    from .ids import assign_ids
    from .pipeline import extract

    if not looks_like_json(source):
        return extract(
            source, progress=progress, limits=limits, previous=previous, vocabulary=vocabulary, profile=profile, jobs=jobs
        )
    spec = read_extracted(source, limits)
    if previous is not None:
        assign_ids(spec, previous)
    return spec
