"""Property-based tests: mutated specifications end well (exit 0 with schema-valid JSON, or exit 2).

Every mutation of the bundled text (cuts, rows deleted, duplicated, swapped, tabs turned into
spaces, control characters, long lines), of the bundled .docx (bytes cut or flipped, members
dropped, XML cut or given stray tags) and of a small PDF (bytes cut or flipped) must give
either a specification whose JSON satisfies the schema or an ``InputError`` (the CLI's one
line and exit 2); any other exception is a defect and fails the test with its traceback.

Profiles: ``ci`` (default: derandomized, few examples, the whole module well under a minute)
and ``deep`` (``HYPOTHESIS_PROFILE=deep pytest tests/test_fuzz.py``: many random examples).
Cases found are kept in ``tests/fixtures/hostile/`` and replayed by ``test_hostile_inputs.py``.
"""

from __future__ import annotations

import io
import json
import os
import zipfile

from helpers import ROOT, rendering
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.inputs import Input
from extractor.pipeline import BUNDLED_SPEC, extract
from extractor.schema import schema_errors
from extractor.writers.json import render_json

settings.register_profile(
    "ci", derandomize=True, max_examples=20, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep", max_examples=300, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
EXAMPLES = settings.default.max_examples

TEXT_LINES = BUNDLED_SPEC.read_text(encoding="utf-8").splitlines(keepends=True)
DOCX = rendering(".docx").read_bytes()
SMALL_PDF = (ROOT / "tests" / "fixtures" / "pdf" / "table-merged-cells.pdf").read_bytes()
CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\u2028", "\ufeff", "\r"])


def outcome(name: str, data: bytes) -> int:
    """The exit status ``qualspec extract`` would end with: 0 (and the JSON checked) or 2."""
    try:
        spec = extract(Input(name, data))
    except InputError as exc:
        assert str(exc).startswith(f"{name}: ") or "limit" in str(exc), str(exc)
        return 2
    assert schema_errors(json.loads(render_json(spec))) == []
    return 0


# ---------------------------------------------------------------------------- text


@st.composite
def text_mutations(draw) -> bytes:
    lines = list(TEXT_LINES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "delete", "duplicate", "swap", "tabs", "control", "long"]))
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "cut":
            lines = lines[:at] + [lines[at][: draw(st.integers(0, len(lines[at])))]]
        elif kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "tabs":
            lines[at] = lines[at].replace("\t", draw(st.sampled_from([" ", "  ", "    "])))
        elif kind == "control":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(CONTROL) + lines[at][column:]
        else:
            lines.insert(at, draw(st.sampled_from(["x", "\t", "Unit Title\t", "- "])) * draw(st.integers(1, 50_000)) + "\n")
        if not lines:
            break
    return "".join(lines).encode("utf-8")


@given(text_mutations())
def test_mutated_text_ends_well(data):
    assert outcome("mutated.txt", data) in (0, 2)


# ---------------------------------------------------------------------------- .docx


def _rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


MEMBERS = _members()
XML_PARTS = sorted(n for n in MEMBERS if n.endswith((".xml", ".rels")))


@st.composite
def docx_mutations(draw) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "drop", "cut-xml", "stray-tag", "entity", "deep"]))
    if kind == "truncate":
        return DOCX[: draw(st.integers(0, len(DOCX) - 1))]
    if kind == "flip":
        data = bytearray(DOCX)
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= draw(st.integers(1, 255))
        return bytes(data)
    members = dict(MEMBERS)
    name = draw(st.sampled_from(XML_PARTS))
    content = members[name]
    if kind == "drop":
        del members[name]
    elif kind == "cut-xml":
        members[name] = content[: draw(st.integers(0, len(content)))]
    elif kind == "stray-tag":
        at = draw(st.integers(0, len(content)))
        stray = draw(st.sampled_from([b"<w:p>", b"</w:tc>", b"<w:tbl>", b"<x:y/>", b"&bogus;"]))
        members[name] = content[:at] + stray + content[at:]
    elif kind == "entity":
        declaration = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        members[name] = content.replace(b"?>", b"?>" + declaration, 1)
    else:
        depth = draw(st.integers(90, 300))
        members[name] = content.replace(b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * depth, 1)
    return _rezip(members)


@settings(max_examples=max(1, EXAMPLES // 2))  # each .docx costs about a second
@given(docx_mutations())
def test_damaged_docx_ends_well(data):
    assert outcome("damaged.docx", data) in (0, 2)


# ---------------------------------------------------------------------------- PDF


@st.composite
def pdf_mutations(draw) -> bytes:
    if draw(st.booleans()):
        return SMALL_PDF[: draw(st.integers(0, len(SMALL_PDF) - 1))]
    data = bytearray(SMALL_PDF)
    for _ in range(draw(st.integers(1, 16))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] ^= draw(st.integers(1, 255))
    return bytes(data)


@settings(max_examples=EXAMPLES * 3 // 2)  # a small PDF is cheap
@given(pdf_mutations())
def test_damaged_pdf_ends_well(data):
    assert outcome("damaged.pdf", data) in (0, 2)
