"""The bundled ISP Level 5 specification, read from its text form: real values pinned."""

from __future__ import annotations


def test_counts(spec):
    assert len(spec.units) == 32
    assert len(spec.qualifications) == 18
    assert len(spec.units_overview) == 32
    assert sum(len(u.learning_outcomes) for u in spec.units) == 102
    assert sum(len(lo.assessment_criteria) for u in spec.units for lo in u.learning_outcomes) == 339
    assert sum(len(s.items) for u in spec.units for s in u.indicative_content) == 942
    assert sum(len(s.paragraphs) for u in spec.units for s in u.assessor_guidance) == 188
    assert sum(len(a.ksbs) for u in spec.units for a in u.apprenticeship) == 156


def test_document(spec):
    d = spec.document
    assert d.title == "ISP Level 5 Qualifications in Professional Sales"
    assert d.awarding_body == "Institute of Sales Professionals"
    assert d.level == 5
    assert (d.subject_sector.code, d.subject_sector.label) == ("15.4", "Sales & Marketing")
    assert d.version == "V1.1"
    assert d.publication_date == "2025-05-02"
    log = [(e.version, e.date, e.date_printed, e.author_initials, e.summary) for e in d.change_log]
    assert log == [
        ("V1.0", "2024-10-02", "02/10/24", "KA", "Draft for review"),
        ("V1.1", "2025-05-02", "2/5/25", "SG",
         "Updated Units, QAN, UAN and text in line with L2, L3 & L4 Qual specs. Rebranded to new ISP logo."),
    ]


def test_key_facts_ranges(spec):
    by_qan = {q.qan: q for q in spec.qualifications}
    cert, dip = by_qan["610/5683/2"], by_qan["610/5684/4"]
    assert (cert.kind, cert.title) == ("certificate", "Level 5 Certificate in Professional Sales")
    assert (cert.credits.min, cert.credits.max, cert.credits.printed) == (13, 36, "Minimum 13 Maximum 36")
    assert (cert.glh.min, cert.glh.max) == (130, 369)
    assert (cert.tqt.min, cert.tqt.max) == (260, 739)
    assert (dip.credits.min, dip.credits.max) == (37, None)
    assert (dip.glh.min, dip.glh.max, dip.glh.printed) == (370, None, "370 hours +")
    assert (dip.tqt.min, dip.tqt.max) == (740, None)
    recruit = by_qan["610/5673/X"]
    assert (recruit.kind, recruit.credits.min, recruit.glh.max, recruit.tqt.min) == ("award", 6, 30, 60)
    assert sum(q.kind == "award" for q in spec.qualifications) == 16


def test_award_structures(spec):
    by_qan = {q.qan: q for q in spec.qualifications}
    assert [u.isp_ref for u in by_qan["610/5664/9"].units] == ["L5B2", "L5B3"]
    innovation = by_qan["610/5679/0"]
    assert [(u.isp_ref, u.uan, u.credits) for u in innovation.units] == [
        ("L5L5", "Y/650/7928", 3),  # printed so here; the overview says T/651/5991 (a finding)
        ("L5L7", "Y/651/5992", 4),
    ]
    first = by_qan["610/5663/7"]
    assert first.title == "Level 5 Award in Analysis Financial Performance"
    assert first.structure_title == "Level 5 Award in Analysing Financial Performance"
    coaching = by_qan["610/5677/7"].units[0]
    assert (coaching.isp_ref, coaching.glh, coaching.tqt, coaching.credits) == ("L5L4", 30, 40, 6)
    assert all(q.units for q in spec.qualifications if q.kind == "award")


def test_rules_of_combination(spec):
    by_kind = {q.kind: q for q in spec.qualifications if q.kind != "award"}
    cert = [(r.kind, r.min, r.max, r.quadrants, r.level) for r in by_kind["certificate"].rules]
    assert cert == [
        ("credits", 13, 36, [], None),
        ("min_units_in_quadrant", 2, None, ["business"], None),
        ("min_units_in_quadrant", 2, None, ["core"], None),
        ("min_units_in_any_quadrant", 1, None, ["leadership", "self"], None),
        ("min_share_at_level", 0.5, None, [], 5),
    ]
    dip = by_kind["diploma"].rules
    assert [(r.kind, r.min, r.quadrants) for r in dip[1:5]] == [
        ("min_credits_in_quadrant", 9, ["business"]),
        ("min_credits_in_quadrant", 12, ["core"]),
        ("min_credits_in_quadrant", 8, ["leadership"]),
        ("min_credits_in_quadrant", 8, ["self"]),
    ]
    assert dip[-1].text == "Units selected must equate to a minimum of 50% at Level 5 or above."
    assert by_kind["certificate"].rules[3].text == "At least one LEADERSHIP unit or SELF unit"


def test_overview_quadrant_and_tqt(spec, units):
    quadrants = {q: sum(u.quadrant == q for u in spec.units) for q in ("business", "core", "leadership", "self")}
    assert quadrants == {"business": 8, "core": 8, "leadership": 9, "self": 7}
    assert (units["L5L1"].tqt, units["L5L1"].quadrant) == (80, "leadership")
    assert (units["L6S2"].tqt, units["L6S2"].credits, units["L6S2"].glh) == (30, 8, 40)


def test_unit_header_fields(units):
    u = units["L5B1"]
    assert (u.uan, u.title, u.level, u.credits, u.glh, u.tqt) == (
        "A/651/5975", "Analyse Financial Performance", 5, 5, 25, 50)
    assert u.purpose.startswith("To enable learners to be able to use financial tools for analysis of customer")
    assert (u.sector.code, u.sector.label) == ("15.4", "Marketing and Sales")
    assert [(a.standard, [(k.code, k.text) for k in a.ksbs]) for a in u.apprenticeship] == [
        ("Level 5 Operations Manager Apprenticeship", [("K7", "Financial management techniques")])
    ]
    assert units["L4B3"].apprenticeship == []
    assert units["L4C8"].sector.code is None
    assert units["L4C8"].sector.printed.startswith("Is able to identify and appropriately use")


def test_reference_normalised_with_printed_form_kept(units):
    u = units["L5B4"]
    assert (u.isp_ref, u.isp_ref_printed, u.uan) == ("L5B4", "LSB4", "F/651/5977")


def test_outcomes_and_criteria(units):
    lo = units["L5B1"].learning_outcomes
    assert [(o.number, o.kind) for o in lo] == [
        (1, "competence"), (2, "competence"), (3, "competence"), (4, "competence")
    ]
    assert lo[0].text == "Be able to use financial tools for analysis of customer accounts"
    assert [(c.number, c.text) for c in lo[3].assessment_criteria] == [
        ("4.1", "Produce contingency plans related to customer account financial performance"),
        ("4.2", "Consult stakeholders to gather relevant financial performance data"),
        ("4.3", "Evaluate the future direction of customer accounts based on financial performance"),
    ]
    assert units["L5B2"].learning_outcomes[0].kind == "knowledge"


def test_outcome_printed_after_its_first_criteria(units):
    # L4C3 and L5L2: a merged cell split by a page break prints 1.1 and 1.2 before outcome 1.
    l4c3 = units["L4C3"].learning_outcomes[0]
    assert l4c3.text == "Understand the factors involved in creating a value proposition"
    assert [c.number for c in l4c3.assessment_criteria] == ["1.1", "1.2", "1.3"]
    assert l4c3.assessment_criteria[0].text == "Explain how a value proposition is built and the people involved"
    l5l2 = units["L5L2"].learning_outcomes[0]
    assert [c.text for c in l5l2.assessment_criteria] == [
        "Analyse human resource planning in organisations",
        "Assess the impact of legal requirements on recruitment processes",
        "Evaluate how organisational policies impact recruitment",
    ]


def test_criterion_goes_to_the_outcome_its_number_names(units):
    # 3.1 of L5B5 and 4.1 of L5C3 are printed in the previous outcome's rows.
    l5b5 = units["L5B5"].learning_outcomes
    assert [c.number for c in l5b5[1].assessment_criteria] == ["2.1", "2.2"]
    assert l5b5[2].assessment_criteria[0].text == (
        "Establish key performance indicators (KPIs) for sales relationship management"
    )
    l5c3 = units["L5C3"].learning_outcomes
    assert [c.number for c in l5c3[3].assessment_criteria] == ["4.1", "4.2", "4.3"]


def test_duplicate_criterion_numbers_kept_as_printed(units):
    criteria = units["L4C7"].learning_outcomes[0].assessment_criteria
    assert [c.number for c in criteria] == ["1.1", "1.2", "1.3", "1.4", "1.4"]
    assert criteria[-1].text == "Analyse the reasons why a pipeline may be unbalanced"


def test_lost_bullets_recovered(units):
    assert [t.text for t in units["L5B1"].indicative_content[0].items][:3] == [
        "Why understanding the financial aspects of customer accounts is vital for strategic decision-making",
        "What is meant by 'lifetime value' and how to estimate this based on customers maintaining average "
        "loyalty levels, e.g., establish the value of an average order, multiply by customer frequency rate "
        "and then multiply by average customer lifetime",
        "How lifetime value affects organisational objectives, margins/profitability etc.",
    ]
    # The page-break continuation adds the two bulleted items to section 1.
    assert units["L5B1"].indicative_content[0].items[-1].text.startswith("Variable costs, e.g., cost of sales")
    assert len(units["L5B1"].indicative_content[0].items) == 8
    assert [t.text for t in units["L4B5"].indicative_content[0].items][9:13] == [
        "Establishing the win-win-win",
        "Why partnering fails",
        "Signs that partnering is not working",
        "Leveraging internal resources",
    ]


def test_list_item_outside_table_joins_its_section(units):
    assert [t.text for t in units["L5C3"].indicative_content[3].items][-1] == (
        "How information is gathered and analysed in different areas of the organisation to inform "
        "strategic decisions and relationship expansion"
    )


def test_guidance_sentence_cut_by_page_break_is_joined(units):
    assert [t.text for t in units["L5B2"].assessor_guidance[3].paragraphs] == [
        "Learners should develop at least two methods to monitor actual performance against sales targets. "
        "They should assess organisational performance using at least two quantitative and two qualitative "
        "measures. Evidence of revised forecasts that are based on their monitoring activities should be "
        "provided, with a brief explanation of their rationale for making changes."
    ]
    # After a full stop the continuation is a new paragraph.
    assert len(units["L5B5"].assessor_guidance[2].paragraphs) == 3


def test_sections_linked_to_outcomes(units):
    assert [(s.section, s.learning_outcome) for s in units["L5B1"].assessor_guidance] == [
        ("1", 1), ("2", 2), ("3", 3), ("4", 4)]
    # Four sections for three outcomes, and sections numbered 3-5: no link, with findings.
    assert {s.learning_outcome for s in units["L5B5"].indicative_content} == {None}
    assert [s.section for s in units["L5L5"].indicative_content] == ["3", "4", "5"]
    assert {s.learning_outcome for s in units["L5L5"].assessor_guidance} == {None}


def test_html_stripped_and_whitespace_folded(spec):
    text = spec.model_dump_json()
    assert "<p>" not in text and "<ul" not in text and "<u>" not in text and "\u2022" not in text
    assert "  " not in text


def test_provenance_lines(units):
    u = units["L5B1"]
    assert u.provenance[0].line == 453
    assert u.field_provenance["glh"][0].line == 457
    assert u.learning_outcomes[0].assessment_criteria[1].provenance[0].line == 460
    assert [p.line for p in u.indicative_content[0].provenance] == [477, 479]
