"""Stable identifiers: derived from natural keys, unique, the same from every format."""

from __future__ import annotations

import uuid

import pytest
from pydantic import BaseModel

from extractor.ids import NAMESPACE
from extractor.pipeline import BUNDLED_SPEC, extract

UUID5 = r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"


def all_ids(value, path="") -> list[tuple[str, str]]:
    """(path, id) of every element of a model that has an ``id``."""
    found = []
    if isinstance(value, BaseModel):
        if "id" in type(value).model_fields:
            found.append((path, value.id))
        for name in type(value).model_fields:
            found += all_ids(getattr(value, name), f"{path}/{name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += all_ids(item, f"{path}/{i}")
    return found


def test_every_element_has_a_distinct_uuid5(spec):
    ids = [i for _, i in all_ids(spec)]
    # 1 document, 2 change-log entries, 18 qualifications, 11 rules, 51 listing rows, 32 units,
    # 156 KSBs, 102 outcomes, 339 criteria, 206 sections, 1130 items and paragraphs, 28 findings.
    assert len(ids) == 2076
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 5 for i in ids)


def test_ids_are_derived_from_natural_keys(spec, units):
    """The identifiers are a published contract: these exact values must never change."""
    assert units["L5B1"].uan == "A/651/5975"
    assert units["L5B1"].id == "b2bb37f3-7a0b-5419-9002-e3e0478814f3"
    assert units["L5B1"].id == str(uuid.uuid5(NAMESPACE, "unit|uan|A/651/5975"))
    qualification = spec.qualifications[0]
    assert qualification.qan == "610/5663/7"
    assert qualification.id == "7b5eb2c7-4a30-5c46-8045-5e699a167cd7"
    lo = units["L5B1"].learning_outcomes[0]
    assert lo.id == str(uuid.uuid5(NAMESPACE, f"{units['L5B1'].id}|lo|1"))
    assert lo.assessment_criteria[0].id == str(uuid.uuid5(NAMESPACE, f"{lo.id}|ac|1.1"))


def test_repeated_printed_number_gets_its_occurrence(units):
    lo = units["L4C7"].learning_outcomes[0]
    criteria = lo.assessment_criteria
    assert [c.number for c in criteria] == ["1.1", "1.2", "1.3", "1.4", "1.4"]
    assert criteria[3].id == str(uuid.uuid5(NAMESPACE, f"{lo.id}|ac|1.4"))
    assert criteria[4].id == str(uuid.uuid5(NAMESPACE, f"{lo.id}|ac|1.4#2"))


def test_a_rule_shared_by_two_qualifications_has_one_id_in_each(spec):
    certificate, diploma = spec.qualifications[-2:]
    assert (certificate.qan, diploma.qan) == ("610/5683/2", "610/5684/4")
    a, b = certificate.rules[-1], diploma.rules[-1]
    assert a.text == b.text and a.kind == b.kind == "min_share_at_level"
    assert (a.qualification_id, b.qualification_id) == (certificate.id, diploma.id)
    assert a.id != b.id


def test_children_carry_their_parents_ids(spec):
    for q in spec.qualifications:
        assert all(r.qualification_id == q.id for r in q.rules)
        assert all(row.qualification_id == q.id for row in q.units)
    by_uan, by_ref = {u.uan: u.id for u in spec.units}, {u.isp_ref: u.id for u in spec.units}
    rows = [*spec.units_overview, *(row for q in spec.qualifications for row in q.units)]
    for row in rows:
        assert row.unit_id == by_uan.get(row.uan, by_ref[row.isp_ref])
    # An award structure prints L5L5 with another UAN than its unit specification: linked by reference.
    (misprinted,) = [row for row in rows if row.uan not in by_uan]
    assert (misprinted.isp_ref, misprinted.uan) == ("L5L5", "Y/650/7928")
    assert misprinted.unit_id == by_ref["L5L5"]
    assert all(row.qualification_id is None for row in spec.units_overview)
    for unit in spec.units:
        outcome_ids = {lo.number: lo.id for lo in unit.learning_outcomes}
        for lo in unit.learning_outcomes:
            assert lo.unit_id == unit.id
            assert all(ac.unit_id == unit.id and ac.learning_outcome_id == lo.id for ac in lo.assessment_criteria)
        assert all(k.unit_id == unit.id for link in unit.apprenticeship for k in link.ksbs)
        for section in [*unit.indicative_content, *unit.assessor_guidance]:
            assert section.unit_id == unit.id
            assert section.learning_outcome_id == outcome_ids.get(section.learning_outcome)


def test_unit_without_uan_is_keyed_by_awarding_body_and_reference(write_spec):
    from tests.conftest import MINIMAL

    assert MINIMAL.count("UAN\tA/651/5975\t") == 1
    spec = extract(write_spec(MINIMAL.replace("UAN\tA/651/5975\t", "UAN\t\t")))
    unit = spec.units[0]
    assert unit.uan == ""
    assert spec.document.awarding_body is None
    assert unit.id == str(uuid.uuid5(NAMESPACE, "unit|ref||L3B1"))


@pytest.mark.parametrize("suffix", [".docx"])
def test_same_ids_from_text_and_word(spec, suffix):
    """The PDF form is held to the same by tests/test_format_equivalence.py (ids are content)."""
    other = extract(BUNDLED_SPEC.with_suffix(suffix))
    ours = [(p, i) for p, i in all_ids(spec) if not p.startswith("/findings")]
    theirs = [(p, i) for p, i in all_ids(other) if not p.startswith("/findings")]
    assert theirs == ours
