"""The label vocabulary: every label the issue lists, the matching rules, and user extensions."""

from __future__ import annotations

from typing import get_args

import pytest

from extractor.errors import InputError
from extractor.interpret.vocabulary import VOCABULARY, load_vocabulary, normalise_label
from extractor.model import Quadrant
from extractor.pipeline import BUNDLED_SPEC, extract

PRINTED = {
    "title": ["Unit Title", "Unit title:", "Title"],
    "uan": ["UAN", "Unit Reference Number", "Ofqual Unit Ref.", "UAN:"],
    "reference": ["Unit reference", "Unit Code", "Unit Ref. No.", "Unit number", "Unit No:"],
    "level": ["Level", "Unit Level", "RQF level"],
    "credits": ["Credit Value", "Credits", "Number of Credits", "Unit Credit Value"],
    "glh": ["Guided Learning Hours", "GLH", "Guided Learning Hours (GLH):", "Guided learning hours:"],
    "tqt": ["Total Qualification Time", "TQT", "Total Qualification Time (TQT)"],
    "purpose": ["Unit Purpose", "Unit Aim(s)", "Aim", "Unit summary", "Unit Purpose and Aims"],
    "outcomes": ["Learning Outcomes", "LO", "The learner will:", "Learning Outcome - The learner will:"],
    "criteria": ["Assessment Criteria", "AC", "The learner can:", "Assessment Criterion - The learner can:"],
    "content": ["Indicative Content", "Unit Content", "Content"],
    "guidance": ["Assessor Guidance", "Delivery guidance", "Assessment guidance", "Evidence requirements"],
    "sector": ["SSA", "Sector subject area", "Location of the unit within the Ofqual subject/sector classification system"],
    "mandatory": ["Mandatory/optional"],
    "grading": ["Grading"],
}


@pytest.mark.parametrize(("name", "label"), [(n, label) for n, labels in PRINTED.items() for label in labels])
def test_every_listed_label_names_its_field(name, label):
    assert VOCABULARY.field_of(label) == name


def test_matching_ignores_case_punctuation_colons_and_parenthesised_abbreviations():
    assert normalise_label("Guided Learning Hours (GLH):") == "guided learning hours"
    assert normalise_label("Unit Ref. No.") == "unit ref no"


def test_a_long_label_marked_as_a_prefix_matches_its_longer_forms_only_on_word_boundaries():
    assert VOCABULARY.field_of("Details of the relationship between the unit and apprenticeship standards") == "apprenticeship"
    assert VOCABULARY.field_of("Learning outcomesX") is None


def test_text_that_is_no_label_names_no_field():
    for text in ("Analyse Financial Performance", "1.1", "15.4 - Marketing and Sales", ""):
        assert VOCABULARY.field_of(text) is None


def test_label_and_value_in_one_line_are_split_at_the_colon():
    assert VOCABULARY.split_label("Unit No: J/504/8733") == ("reference", "J/504/8733")
    assert VOCABULARY.split_label("Guided learning hours: 40 hours") == ("glh", "40 hours")
    assert VOCABULARY.split_label("Note: learners must pass") is None


def test_a_new_label_is_one_line_in_a_vocabulary_file(tmp_path):
    assert VOCABULARY.field_of("Hours of guided study") is None
    extra = tmp_path / "more.toml"
    extra.write_text('[labels]\nglh = ["Hours of guided study"]\n', encoding="utf-8")
    extended = load_vocabulary(extra)
    assert extended.field_of("Hours of guided study:") == "glh"
    assert extended.field_of("GLH") == "glh"


def test_a_vocabulary_file_naming_an_unknown_field_is_refused(tmp_path):
    extra = tmp_path / "bad.toml"
    extra.write_text('[labels]\ncolour = ["Colour"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown field 'colour'"):
        load_vocabulary(extra)


def test_a_vocabulary_file_that_is_not_toml_is_refused(tmp_path):
    extra = tmp_path / "bad.toml"
    extra.write_text("[labels\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a TOML vocabulary"):
        load_vocabulary(extra)


def test_isp_quadrants_are_named_once_and_agree_with_the_model():
    assert set(VOCABULARY.quadrants) == set(get_args(Quadrant))
    assert sorted(VOCABULARY.quadrants.values()) == ["B", "C", "L", "S"]


def test_a_renamed_label_in_the_next_version_gives_the_same_units(tmp_path):
    text = BUNDLED_SPEC.read_text(encoding="utf-8")
    assert "\nCredit Value\t" in text and "\nGuided Learning Hours\t" in text and "\nUnit Title\t" in text
    renamed = (
        text.replace("\nCredit Value\t", "\nNumber of Credits:\t")
        .replace("\nGuided Learning Hours\t", "\nGuided Learning Hours (GLH)\t")
        .replace("\nUnit Title\t", "\nUnit title:\t")
    )
    source = tmp_path / "next-version.txt"
    source.write_text(renamed, encoding="utf-8")
    facts = [(u.reference, u.title, u.credits, u.glh, len(u.learning_outcomes)) for u in extract(source).units]
    assert facts == [(u.reference, u.title, u.credits, u.glh, len(u.learning_outcomes)) for u in extract(BUNDLED_SPEC).units]
    assert len(facts) == 32
