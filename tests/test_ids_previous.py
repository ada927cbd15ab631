"""``extract NEW --previous OLD``: identifiers carried across versions of the bundled specification."""

from __future__ import annotations

import json
import uuid

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.ids import NAMESPACE, element_ids
from extractor.pipeline import BUNDLED_SPEC, extract

NEW_UNIT = """\
Unit Title\tL4S7 Building Personal Resilience\t
UAN\tM/650/7999\t
Level\t4\t
Credit Value\t3\t
Guided Learning Hours\t15\t
Learning Outcomes\tAssessment Criteria\t
1. Understand personal resilience\t1.1\tExplain what is meant by personal resilience
\t1.2\tDescribe the factors that affect personal resilience

Additional Information\t
Unit purpose and aims\tTo enable learners to understand personal resilience.
Details of the relationship between the unit and apprenticeship standards\tNot linked to the apprenticeship standard.
Location of the unit within the Ofqual subject/sector classification system\t15.4 - Marketing and Sales
Indicative Content\t
1.\t<ul style="list-style-type: none"> \u2022 What resilience is \u2022 Why resilience matters in sales

Assessor Guidance\t
1.\tLearners should explain resilience with two workplace examples.

"""


def replace(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails when ``old`` is not there exactly once."""
    assert text.count(old) == 1, f"expected once: {old!r}"
    return text.replace(old, new)


def cut(text: str, start: str, stop: str) -> str:
    """``text`` without the part from ``start`` up to (not including) ``stop``."""
    assert text.count(start) == 1 and text.count(stop) == 1, (start, stop)
    begin, end = text.index(start), text.index(stop)
    assert begin < end
    return text[:begin] + text[end:]


def version_1_2(text: str) -> str:
    """Reword L5B1 1.1, renumber L4C7's second 1.4 as 1.5, withdraw L4S6, add L4S7."""
    text = replace(
        text,
        "1.1\tEstimate the potential lifetime value of customer accounts",
        "1.1\tEstimate the likely lifetime value of key customer accounts",
    )
    text = replace(text, "\t1.4\tAnalyse the reasons why a pipeline", "\t1.5\tAnalyse the reasons why a pipeline")
    text = cut(text, "Unit Title\tL4S6 Understanding and Building Agility", "Unit Title\tL6S2 Lead an Inclusive")
    text = replace(
        text,
        "R/650/7935\tL4S6\tUnderstanding and Building Agility\t4\t15\t30\t3\n",
        "M/650/7999\tL4S7\tBuilding Personal Resilience\t4\t15\t30\t3\n",
    )
    return replace(text, "Unit Title\tL6S2 Lead an Inclusive", NEW_UNIT + "Unit Title\tL6S2 Lead an Inclusive")


@pytest.fixture(scope="module")
def new_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("v12") / "isp-level5-professional-sales-spec-v1.2.txt"
    path.write_text(version_1_2(BUNDLED_SPEC.read_text(encoding="utf-8")), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def carried(spec, new_path):
    return extract(new_path, previous=spec)


def unit(spec, ref):
    return next(u for u in spec.units if u.isp_ref == ref)


def test_reworded_criterion_keeps_its_id(spec, carried):
    old, new = unit(spec, "L5B1").learning_outcomes[0], unit(carried, "L5B1").learning_outcomes[0]
    assert new.assessment_criteria[0].text == "Estimate the likely lifetime value of key customer accounts"
    assert new.assessment_criteria[0].id == old.assessment_criteria[0].id


def test_renumbered_criterion_keeps_its_id(spec, carried, new_path):
    old = unit(spec, "L4C7").learning_outcomes[0].assessment_criteria
    new = unit(carried, "L4C7").learning_outcomes[0].assessment_criteria
    assert [c.number for c in new] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert [c.id for c in new] == [c.id for c in old]
    # Without --previous the renumbered criterion gets the id of its new number.
    fresh = unit(extract(new_path), "L4C7").learning_outcomes[0]
    assert fresh.assessment_criteria[4].id == str(uuid.uuid5(NAMESPACE, f"{fresh.id}|ac|1.5"))
    assert fresh.assessment_criteria[4].id != old[4].id


def test_removed_unit_disappears_and_new_unit_is_new(spec, carried):
    old_ids = set(element_ids(spec))
    l4s6 = unit(spec, "L4S6")
    assert all(u.isp_ref != "L4S6" for u in carried.units)
    withdrawn = {l4s6.id, *(lo.id for lo in l4s6.learning_outcomes)}
    assert withdrawn <= set(carried.identifiers.removed)
    assert not withdrawn & set(element_ids(carried))
    l4s7 = unit(carried, "L4S7")
    assert l4s7.id == str(uuid.uuid5(NAMESPACE, "unit|uan|M/650/7999"))
    assert l4s7.id in carried.identifiers.new and l4s7.id not in old_ids


def test_history_accounts_for_every_id(spec, carried):
    history = carried.identifiers
    assert history.previous.path == "isp-level5-professional-sales-spec-v1.1.txt"
    assert history.previous.sha256 == spec.source.sha256
    assert history.previous.version == spec.document.version
    now = list(element_ids(carried))
    assert len(now) == len(set(now))
    assert set(history.carried) | set(history.new) == set(now)
    assert not set(history.carried) & set(history.new)
    assert set(history.removed) == set(element_ids(spec)) - set(history.carried)
    # New: L4S7 and its 1 outcome, 2 criteria, 2 sections, 2 items and 1 paragraph, and its
    # overview row. Removed: L4S6 (1 unit,
    # 3 outcomes, 10 criteria, 6 sections, 13 items, 4 paragraphs) and its overview row.
    assert len(history.new) == 10
    assert len(history.removed) == 38


def test_same_version_carries_everything(spec):
    again = extract(BUNDLED_SPEC, previous=spec)
    assert again.identifiers.new == [] and again.identifiers.removed == []
    assert list(element_ids(again)) == list(element_ids(spec))


def test_cli_previous_json(tmp_path, new_path):
    runner = CliRunner()
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    assert runner.invoke(main, ["extract", str(BUNDLED_SPEC), "-o", str(old_dir), "-q"]).exit_code == 0
    old_json = old_dir / f"{BUNDLED_SPEC.stem}.json"
    result = runner.invoke(main, ["extract", str(new_path), "-o", str(new_dir), "-q", "--previous", str(old_json)])
    assert result.exit_code == 0, result.output
    document = json.loads((new_dir / f"{new_path.stem}.json").read_text(encoding="utf-8"))
    assert document["identifiers"]["previous"]["path"] == BUNDLED_SPEC.name
    assert len(document["identifiers"]["new"]) == 10


def test_cli_previous_missing(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(BUNDLED_SPEC), "-o", str(tmp_path), "--previous", "nowhere.json"])
    assert result.exit_code == 2
    assert result.stderr == "qualspec: error: --previous: nowhere.json: no such file\n"
    assert not any(tmp_path.iterdir())
