"""Lines joined into text: breaks inside a word joined only when the document says so.

The vocabulary is the bundled specification's own text (no outside dictionary); the
breaks are the ones LibreOffice makes in the layout fixtures.
"""

from __future__ import annotations

from collections import Counter

import pytest

from extractor.pipeline import BUNDLED_SPEC
from extractor.readers.pdf.wordbreaks import Vocabulary, joined, word_keys


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary(Counter(word_keys(BUNDLED_SPEC.read_text(encoding="utf-8"))))


def test_the_vocabulary_is_the_documents(vocabulary):
    assert vocabulary.printed("Organisational") and vocabulary.printed("organisational,")
    assert vocabulary.printed("Y/650/7928")
    assert not vocabulary.printed("Organisation al")
    assert not vocabulary.printed("Versio")
    # UANs: "H/651/601" is printed (twice) with a digit missing
    assert vocabulary.shaped("Y/650/7928") == 81
    assert vocabulary.shaped("Y/650/792") == 2


def test_a_word_wider_than_its_line_is_joined(vocabulary):
    # "Version" is printed; "Versio" is not
    assert joined("Versio", "Versio", "n", True, vocabulary) == "Version"
    assert joined("Organisation", "Organisation", "al Sales Planning", True, vocabulary) == (
        "Organisational Sales Planning"
    )


def test_an_identifier_is_joined_by_its_shape(vocabulary):
    """"Y/650/792" + "8": "8" is printed elsewhere, but identifiers of the joined shape
    ("A/651/5975", ...) far more often than of the first piece's."""
    assert joined("Y/650/792", "Y/650/792", "8", True, vocabulary) == "Y/650/7928"
    assert joined("Q/999/123", "Q/999/123", "4", True, vocabulary) == "Q/999/1234"


def test_no_join_unless_the_line_was_full_and_held_one_word(vocabulary):
    assert joined("Versio", "Versio", "n", False, vocabulary) == "Versio n"
    before = "the organisation"
    assert joined(before, before, "al structure", True, vocabulary) == "the organisation al structure"


def test_two_printed_words_stay_apart(vocabulary):
    """"sales" and "team" are both printed, "salesteam" is not."""
    assert joined("sales", "sales", "team", True, vocabulary) == "sales team"


def test_hyphens_at_a_line_end(vocabulary):
    # a real hyphen is kept
    assert joined("strategic decision-", "strategic decision-", "making", True, vocabulary) == (
        "strategic decision-making"
    )
    # a hyphen the layout added is dropped when the document prints the word whole only
    assert joined("sales manage-", "sales manage-", "ment", True, vocabulary) == "sales management"
    # but kept when the line did not reach the edge (the hyphen was typed)
    assert joined("sales manage-", "sales manage-", "ment", False, vocabulary) == "sales manage-ment"


def test_a_slash_at_a_line_end_joins(vocabulary):
    assert joined("best practices/", "best practices/", "theories", False, vocabulary) == (
        "best practices/theories"
    )
