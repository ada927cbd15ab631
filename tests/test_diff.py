"""diff_specs on small hand-built specifications: each kind of change, reported exactly."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from test_diff_support import criterion, listing, make_spec, unit

from extractor.diff import DiffReport, diff_specs, report_has_changes
from extractor.diff.render_json import render_json
from extractor.diff.report import FieldChange, KsbChange, ListingChange, RuleChange, TextChange, WordOp
from extractor.diff.schema import DIFF_SCHEMA_PATH, diff_schema, render_diff_schema
from extractor.model import KSB, Constraint, Location, Range, TextItem


def unit_of(spec, ref):
    return next(u for u in spec.units if u.isp_ref == ref)


def changed(spec, edit) -> DiffReport:
    new = spec.model_copy(deep=True)
    edit(new)
    return diff_specs(spec, new)


def only_unit(report: DiffReport):
    assert len(report.units) == 1
    return report.units[0]


def test_identical_specs_have_no_changes():
    spec = make_spec()
    report = diff_specs(spec, spec.model_copy(deep=True))
    assert not report_has_changes(report)
    assert report.units == [] and report.qualifications == [] and report.overview == []
    assert all(count == 0 for count in report.summary.model_dump().values())


def test_provenance_is_ignored():
    def move_everything(s):
        for u in s.units:
            u.provenance = [Location(page=3, bbox=(1, 2, 3, 4))]
            u.learning_outcomes[0].assessment_criteria[0].provenance = [Location(table=1, row=2)]
        s.qualifications[1].rules[0].provenance = []

    assert not report_has_changes(changed(make_spec(), move_everything))


def test_whitespace_only_is_no_change():
    def respace(s):
        c = unit_of(s, "L5B1").learning_outcomes[0].assessment_criteria[0]
        c.text = "  Estimate the potential\u00a0lifetime value   of customer accounts "

    assert not report_has_changes(changed(make_spec(), respace))


def test_reworded_criterion_with_word_ops():
    def reword(s):
        c = unit_of(s, "L5B1").learning_outcomes[0].assessment_criteria[0]
        c.text = "Estimate the likely lifetime value of key customer accounts"

    u = only_unit(changed(make_spec(), reword))
    assert u.status == "changed" and u.isp_ref == "L5B1" and u.fields == []
    assert u.assessment_criteria == [
        TextChange(
            status="reworded",
            old_number="1.1",
            new_number="1.1",
            old_text="Estimate the potential lifetime value of customer accounts",
            new_text="Estimate the likely lifetime value of key customer accounts",
            words=[
                WordOp(op="equal", old=["Estimate", "the"], new=["Estimate", "the"]),
                WordOp(op="replace", old=["potential"], new=["likely"]),
                WordOp(op="equal", old=["lifetime", "value", "of"], new=["lifetime", "value", "of"]),
                WordOp(op="insert", old=[], new=["key"]),
                WordOp(op="equal", old=["customer", "accounts"], new=["customer", "accounts"]),
            ],
        )
    ]


def test_removed_criterion_and_renumbered_one_is_a_move():
    def remove_1_2(s):
        lo = unit_of(s, "L5B1").learning_outcomes[0]
        del lo.assessment_criteria[1]
        lo.assessment_criteria[1].number = "1.2"

    report = changed(make_spec(), remove_1_2)
    assert only_unit(report).assessment_criteria == [
        TextChange(
            status="removed",
            old_number="1.2",
            new_number=None,
            old_text="Calculate the sales volumes required to achieve target profitability",
            new_text=None,
        ),
        TextChange(
            status="moved",
            old_number="1.3",
            new_number="1.2",
            old_text="Monitor the impact of variable costs on customer accounts profitability",
            new_text="Monitor the impact of variable costs on customer accounts profitability",
        ),
    ]
    assert (report.summary.texts_removed, report.summary.texts_moved, report.summary.texts_added) == (1, 1, 0)


def test_criterion_moved_to_another_outcome_and_reworded():
    def move(s):
        u = unit_of(s, "L5B1")
        u.learning_outcomes[1].assessment_criteria = []
        u.learning_outcomes[0].assessment_criteria.append(
            criterion("1.4", "Analyse the business and financial risks associated with all customer accounts")
        )

    (change,) = only_unit(changed(make_spec(), move)).assessment_criteria
    assert change.status == "moved_reworded"
    assert (change.old_number, change.new_number) == ("2.1", "1.4")
    assert [op for op in change.words if op.op != "equal"] == [WordOp(op="insert", old=[], new=["all"])]


def test_criterion_rewritten_beyond_recognition_is_removed_and_added():
    def rewrite(s):
        c = unit_of(s, "L5B2").learning_outcomes[0].assessment_criteria[0]
        c.text = "Present a quarterly report to the board"

    statuses = [c.status for c in only_unit(changed(make_spec(), rewrite)).assessment_criteria]
    assert statuses == ["added", "removed"]


def test_unit_added_and_removed():
    def swap(s):
        b3 = unit("L5B3", "M/651/5980", "Market Research for Sales Strategy", 15, [])
        s.units = [s.units[0], b3]
        s.units_overview = [listing(u) for u in s.units]

    report = changed(make_spec(), swap)
    assert [(u.status, u.isp_ref, u.uan, u.title) for u in report.units] == [
        ("added", "L5B3", "M/651/5980", "Market Research for Sales Strategy"),
        ("removed", "L5B2", "D/651/5976", "Organisational Sales Planning"),
    ]
    assert report.overview == [
        ListingChange(status="added", isp_ref="L5B3", uan="M/651/5980", title="Market Research for Sales Strategy"),
        ListingChange(status="removed", isp_ref="L5B2", uan="D/651/5976", title="Organisational Sales Planning"),
    ]
    s = report.summary
    assert (s.units_added, s.units_removed, s.units_changed, s.listing_changes) == (1, 1, 0, 2)


def test_glh_change_everywhere_is_reported_once_on_the_unit():
    def glh(s):
        unit_of(s, "L5B1").glh = 30
        s.units_overview[0].glh = 30
        s.qualifications[0].units[0].glh = 30

    report = changed(make_spec(), glh)
    assert only_unit(report).fields == [FieldChange(field="glh", old=25, new=30)]
    assert report.overview == [] and report.qualifications == []


def test_listing_change_not_matching_the_unit_is_reported_on_the_listing():
    def overview_only(s):
        s.units_overview[1].tqt = 55

    report = changed(make_spec(), overview_only)
    assert report.units == []
    assert report.overview == [
        ListingChange(
            status="changed",
            isp_ref="L5B2",
            uan="D/651/5976",
            title="Organisational Sales Planning",
            fields=[FieldChange(field="tqt", old=50, new=55)],
        )
    ]


def test_renamed_unit():
    def rename(s):
        unit_of(s, "L5B2").title = "Organisational Sales Planning and Forecasting"

    u = only_unit(changed(make_spec(), rename))
    assert (u.renamed, u.re_referenced, u.matched_by) == (True, False, "uan")
    assert u.title == "Organisational Sales Planning and Forecasting"
    assert u.fields == [
        FieldChange(
            field="title",
            old="Organisational Sales Planning",
            new="Organisational Sales Planning and Forecasting",
            words=[
                WordOp(op="equal", old=(kept := ["Organisational", "Sales", "Planning"]), new=kept),
                WordOp(op="insert", old=[], new=["and", "Forecasting"]),
            ],
        )
    ]


def test_re_referenced_unit_by_uan():
    def re_reference(s):
        unit_of(s, "L5B1").uan = "A/651/9999"

    u = only_unit(changed(make_spec(), re_reference))
    assert (u.renamed, u.re_referenced, u.matched_by, u.uan) == (False, True, "isp_ref", "A/651/9999")
    assert u.fields == [
        FieldChange(
            field="uan",
            old="A/651/5975",
            new="A/651/9999",
            words=[WordOp(op="replace", old=["A/651/5975"], new=["A/651/9999"])],
        )
    ]


def test_both_references_changed_matched_by_title():
    def re_reference(s):
        u = unit_of(s, "L5B2")
        u.isp_ref, u.isp_ref_printed, u.uan = "L5B9", "L5B9", "Z/000/0000"

    u = only_unit(changed(make_spec(), re_reference))
    assert (u.status, u.matched_by, u.re_referenced) == ("changed", "title", True)
    assert [(f.field, f.old, f.new) for f in u.fields] == [
        ("isp_ref", "L5B2", "L5B9"),
        ("uan", "D/651/5976", "Z/000/0000"),
    ]


def test_ksb_reworded_removed_and_added():
    def ksbs(s):
        link = unit_of(s, "L5B1").apprenticeship[0]
        link.ksbs = [
            KSB(code="K7", text="Financial and budget management techniques"),
            KSB(code="B3", text="Takes ownership"),
        ]

    standard = "Level 5 Operations Manager Apprenticeship"
    assert only_unit(changed(make_spec(), ksbs)).ksbs == [
        KsbChange(
            status="reworded",
            standard=standard,
            code="K7",
            old_text="Financial management techniques",
            new_text="Financial and budget management techniques",
            words=[
                WordOp(op="equal", old=["Financial"], new=["Financial"]),
                WordOp(op="insert", old=[], new=["and", "budget"]),
                WordOp(op="equal", old=["management", "techniques"], new=["management", "techniques"]),
            ],
        ),
        KsbChange(status="added", standard=standard, code="B3", old_text=None, new_text="Takes ownership"),
        KsbChange(status="removed", standard=standard, code="S8", old_text="Use digital tools", new_text=None),
    ]


def test_content_item_and_guidance_paragraph():
    def content(s):
        u = unit_of(s, "L5B1")
        u.indicative_content[0].items[1].text = "How to estimate the lifetime value of a customer"
        u.assessor_guidance[0].paragraphs.append(TextItem(text="Evidence must cover three months."))

    u = only_unit(changed(make_spec(), content))
    assert [(c.status, c.old_number, c.new_number) for c in u.indicative_content] == [("reworded", "1", "1")]
    assert u.assessor_guidance == [
        TextChange(
            status="added", old_number=None, new_number="1", old_text=None, new_text="Evidence must cover three months."
        )
    ]


def test_learning_outcome_reworded():
    def outcome(s):
        unit_of(s, "L5B1").learning_outcomes[1].text = "Be able to evaluate financial and business risks"

    (change,) = only_unit(changed(make_spec(), outcome)).learning_outcomes
    assert (change.status, change.old_number, change.new_number) == ("reworded", "2", "2")


def test_award_structure_range_and_rules():
    def qualifications(s):
        s.qualifications[0].units.append(listing(s.units[1]))
        cert = s.qualifications[1]
        cert.credits = Range(min=14, max=36, printed="Minimum 14 Maximum 36")
        cert.rules[0] = Constraint(kind="credits", text="A minimum of 14 credits", min=14, provenance=[])
        cert.rules.append(
            Constraint(
                kind="min_units_in_quadrant", text="At least two CORE units", min=2, quadrants=["core"], provenance=[]
            )
        )

    award, cert = changed(make_spec(), qualifications).qualifications
    assert (award.qan, award.status, award.fields, award.rules) == ("610/5663/7", "changed", [], [])
    assert award.units == [
        ListingChange(status="added", isp_ref="L5B2", uan="D/651/5976", title="Organisational Sales Planning")
    ]
    assert cert.fields == [
        FieldChange(
            field="credits",
            old={"min": 13, "max": 36, "printed": "Minimum 13 Maximum 36"},
            new={"min": 14, "max": 36, "printed": "Minimum 14 Maximum 36"},
        )
    ]
    changed_rule, added_rule = cert.rules
    assert changed_rule == RuleChange(
        status="changed",
        kind="credits",
        old_text="A minimum of 13 credits",
        new_text="A minimum of 14 credits",
        fields=[
            FieldChange(
                field="text",
                old="A minimum of 13 credits",
                new="A minimum of 14 credits",
                words=[
                    WordOp(op="equal", old=["A", "minimum", "of"], new=["A", "minimum", "of"]),
                    WordOp(op="replace", old=["13"], new=["14"]),
                    WordOp(op="equal", old=["credits"], new=["credits"]),
                ],
            ),
            FieldChange(field="min", old=13.0, new=14.0),
        ],
    )
    assert (added_rule.status, added_rule.new_text) == ("added", "At least two CORE units")


def test_qualification_added_removed_and_matched_by_title():
    def qualifications(s):
        s.qualifications[0].qan = "610/9999/9"
        s.qualifications[1].title = "Level 5 Diploma in Sales Leadership"
        s.qualifications[1].qan = "610/0000/0"

    award, added, removed = changed(make_spec(), qualifications).qualifications
    assert (award.status, award.matched_by) == ("changed", "title")
    assert [(f.field, f.old, f.new) for f in award.fields] == [("qan", "610/5663/7", "610/9999/9")]
    assert (added.status, added.qan) == ("added", "610/0000/0")
    assert (removed.status, removed.qan) == ("removed", "610/5683/2")


def all_changes(s):
    """The v1.2 of the brief: every kind of change at once."""
    b1 = unit_of(s, "L5B1")
    lo1 = b1.learning_outcomes[0]
    lo1.assessment_criteria[0].text = "Estimate the likely lifetime value of key customer accounts"
    del lo1.assessment_criteria[1]
    lo1.assessment_criteria[1].number = "1.2"
    b1.glh = 30
    b1.apprenticeship[0].ksbs[0].text = "Financial and budget management techniques"
    b2 = unit_of(s, "L5B2")
    b2.title = "Organisational Sales Planning and Forecasting"
    b2.uan = "D/651/9999"
    s.units.append(unit("L5B3", "M/651/5980", "Market Research for <Sales> Strategy", 15, []))
    s.units_overview = [listing(u) for u in s.units]
    s.document.version = "V1.2"


def test_everything_at_once_counts():
    report = changed(make_spec(), all_changes)
    assert report_has_changes(report)
    s = report.summary
    assert (s.units_added, s.units_changed, s.units_renamed, s.units_re_referenced) == (1, 2, 1, 1)
    assert (s.texts_reworded, s.texts_removed, s.texts_moved, s.ksb_changes) == (1, 1, 1, 1)
    assert s.field_changes == 4  # version, L5B1 glh, L5B2 title and UAN
    assert [(u.status, u.isp_ref) for u in report.units] == [
        ("changed", "L5B1"),
        ("changed", "L5B2"),
        ("added", "L5B3"),
    ]


def test_json_is_deterministic_and_valid():
    first = render_json(changed(make_spec(), all_changes))
    second = render_json(changed(make_spec(), all_changes))
    assert first == second
    errors = list(Draft202012Validator(diff_schema()).iter_errors(json.loads(first)))
    assert errors == []
    assert DiffReport.model_validate_json(first) == changed(make_spec(), all_changes)


def test_committed_schema_is_the_generated_one():
    assert DIFF_SCHEMA_PATH.read_text(encoding="utf-8") == render_diff_schema(), (
        "schemas/diff.schema.json is stale: run python -m extractor.diff.schema"
    )
