"""The awarding-body fixtures agree with their hand-checked expected values.

No parser of the project is used: each expected text (reference, outcome, criterion) must
occur, whitespace-normalised, in the fixture's plain text, in document order, so an expected
file cannot drift from its fixture and a fixture cannot lose a value silently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

BODIES = Path(__file__).resolve().parent / "fixtures" / "bodies"
EXPECTED = sorted(BODIES.glob("*.expected.json"))
FORMATS = {".html": "html", ".md": "markdown", ".txt": "text"}


def plain_text(path: Path) -> str:
    """The fixture's text with markup removed and whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        root = lxml.html.document_fromstring(raw)
        for element in root.iter("br", "p", "li", "td", "th", "dd", "dt", "div", "h1", "h2", "h3", "h4", "h5"):
            element.tail = " " + (element.tail or "")
        raw = root.text_content()
    elif path.suffix == ".md":
        raw = re.sub(r"<br\s*/?>", " ", raw)
        raw = re.sub(r"(\*\*|__)", "", raw)
    return " ".join(raw.split())


def expected_sequences(expected: dict) -> dict[str, list[str]]:
    """The printed values the expected file names, in sequences each in document order.

    Outcomes and each outcome's criteria are separate sequences: some layouts print all
    outcomes before all criteria, or the criteria of several outcomes side by side.
    """
    units = expected.get("units", [])
    outcomes = [o for u in units for o in u.get("learning_outcomes", [])]
    sequences = {key: [u[key] for u in units if u.get(key)] for key in ("reference", "unit_number", "title")}
    sequences["outcomes"] = [o["text"] for o in outcomes]
    for index, outcome in enumerate(outcomes):
        sequences[f"criteria of outcome #{index} ({outcome['number']})"] = [
            c["text"] for c in outcome["assessment_criteria"]
        ]
    return sequences


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name)
def test_expected_values_are_printed_in_order(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    fixture = BODIES / expected["fixture"]
    assert FORMATS[fixture.suffix] == expected["format"]
    text = plain_text(fixture)
    for kind, strings in expected_sequences(expected).items():
        position = 0
        for string in strings:
            found = text.find(" ".join(string.split()), position)
            assert found >= 0, f"{fixture.name}: {kind}: not found after offset {position}: {string!r}"
            position = found + 1


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name)
def test_criteria_numbers_follow_their_outcome(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    for unit in expected.get("units", []):
        for outcome in unit["learning_outcomes"]:
            for criterion in outcome["assessment_criteria"]:
                if criterion["number"] is not None and outcome["number"] is not None:
                    assert criterion["number"].split(".")[0] == outcome["number"].split()[-1]


def test_every_fixture_has_an_expected_file_and_a_readme_row() -> None:
    readme = (BODIES / "README.md").read_text(encoding="utf-8")
    fixtures = [p for p in BODIES.iterdir() if p.suffix in FORMATS and p.name != "README.md"]
    assert len(fixtures) >= 9
    for fixture in fixtures:
        assert (BODIES / f"{fixture.stem}.expected.json").exists(), fixture.name
        assert f"`{fixture.name}`" in readme, fixture.name


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name)
def test_kind_matches_content(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    outcomes = [o for u in expected["units"] for o in u.get("learning_outcomes", [])]
    if expected["kind"] == "units":
        assert outcomes and all(o["assessment_criteria"] for o in outcomes)
    elif expected["kind"] == "structure_only":
        assert expected["units"] and not outcomes
    else:
        assert expected["kind"] == "not_unit_based"
        assert expected["units"] == [] and expected["expected_exit_code"] == 2
