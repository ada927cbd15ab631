"""Diff quality for the catalogue's history: renumberings reported once, printed references compared."""

from __future__ import annotations

import pytest
from catalogue_versions import version_1_2_text

from extractor.diff import diff_specs, render_html, render_markdown
from extractor.diff.report import FieldChange, Renumbering
from extractor.pipeline import extract


@pytest.fixture(scope="module")
def v1_2(tmp_path_factory):
    path = tmp_path_factory.mktemp("v1.2") / "spec-v1.2.txt"
    path.write_text(version_1_2_text(), encoding="utf-8")
    return extract(path)


def unit(report, ref):
    return next(u for u in report.units if u.reference == ref)


def test_a_renumbered_outcome_is_one_renumbering_not_36_moves(spec, v1_2):
    report = diff_specs(spec, v1_2)
    b2 = unit(report, "L5B2")
    assert b2.renumberings == [
        Renumbering(section="learning outcomes", old_numbers=["2", "3", "4"], new_numbers=["1", "2", "3"], texts=36)
    ]
    texts = [*b2.learning_outcomes, *b2.assessment_criteria, *b2.indicative_content, *b2.assessor_guidance]
    assert [t.status for t in texts] == ["removed"] * 11  # outcome 1, its 2 criteria, 7 content items, 1 paragraph
    assert (report.summary.texts_moved, report.summary.renumberings) == (0, 1)
    md = render_markdown(report)
    assert "- Learning outcomes 2, 3, 4 renumbered 1, 2, 3 (36 texts moved with them)" in md
    assert " moved:" not in md and md.count(" removed:") == 11


def test_criteria_shifted_after_a_removal_are_one_renumbering(spec):
    new = spec.model_copy(deep=True)
    outcome = next(u for u in new.units if u.reference == "L5B2").learning_outcomes[1]
    assert outcome.assessment_criteria[0].text == "Compare approaches for sales planning"
    del outcome.assessment_criteria[0]
    for n, ac in enumerate(outcome.assessment_criteria, start=1):
        ac.number = f"2.{n}"
    b2 = unit(diff_specs(spec, new), "L5B2")
    assert b2.renumberings == [
        Renumbering(section="criteria of learning outcome 2", old_numbers=["2.2", "2.3", "2.4", "2.5"],
                    new_numbers=["2.1", "2.2", "2.3", "2.4"], texts=4)
    ]
    assert [(c.status, c.old_number) for c in b2.assessment_criteria] == [("removed", "2.1")]
    html = render_html(diff_specs(spec, new))
    assert ('<td>Criteria of learning outcome 2 (4 texts moved with them)</td><td class="status">renumbered</td>'
            '<td class="old">2.2, 2.3, 2.4, 2.5</td><td class="new">2.1, 2.2, 2.3, 2.4</td>') in html


def test_a_lone_move_stays_a_move(spec):
    new = spec.model_copy(deep=True)
    outcome = next(u for u in new.units if u.reference == "L5B1").learning_outcomes[0]
    del outcome.assessment_criteria[1]
    outcome.assessment_criteria[1].number = "1.2"
    b1 = unit(diff_specs(spec, new), "L5B1")
    assert b1.renumberings == []
    assert [(c.status, c.old_number, c.new_number) for c in b1.assessment_criteria] == [
        ("removed", "1.2", None), ("moved", "1.3", "1.2")]


def test_a_change_of_the_printed_reference_is_reported(spec, v1_2):
    b4 = unit(diff_specs(spec, v1_2), "L5B4")
    assert b4.fields == [FieldChange(field="reference_printed", old="LSB4", new="L5B4", words=b4.fields[0].words)]
    assert "- **Reference as printed**: ~~LSB4~~ **L5B4**" in render_markdown(diff_specs(spec, v1_2))


def test_the_whole_v1_2_difference(spec, v1_2):
    report = diff_specs(spec, v1_2)
    assert [(u.status, u.reference) for u in report.units] == [
        ("changed", "L5B1"), ("changed", "L5B2"), ("changed", "L5B4"), ("added", "L5S4"), ("removed", "L4S6")]
    assert [(f.field, f.old, f.new) for f in report.document.fields] == [
        ("version", "V1.1", "V1.2"), ("publication_date", "2025-05-02", "2025-11-14")]
    assert [(c.status, c.new_number) for c in report.document.change_log] == [("added", "V1.2")]
