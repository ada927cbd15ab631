"""Lost-bullet recovery: rules on small inputs, accuracy on the real document's bulleted lists."""

from __future__ import annotations

from extractor.interpret.bullets import StarterModel, bulleted_fragments, held_out_scores, split_run
from extractor.pipeline import BUNDLED_SPEC
from extractor.readers.text import read_text


def test_splits_before_item_starters_only():
    model = StarterModel()
    assert split_run("The reasons for segmentation How to map a market Why it matters", model) == [
        "The reasons for segmentation", "How to map a market", "Why it matters"]
    # Capitalised words after glue words, names and list punctuation continue the item.
    assert split_run("How Voice of the Customer is captured, e.g., SWOT, Porter's Growth strategy", model) == [
        "How Voice of the Customer is captured, e.g., SWOT, Porter's Growth strategy"]


def test_sentence_end_is_a_boundary():
    assert split_run("Budgets, forecasts etc. Reporting tools", StarterModel()) == [
        "Budgets, forecasts etc.", "Reporting tools"]
    assert split_run("Tools, e.g. Excel", StarterModel()) == ["Tools, e.g. Excel"]


def test_learnt_starters_weighed_against_inside_uses():
    model = StarterModel().learn(["Kaizen philosophy", "Lean principles", "The servant Leadership model"])
    assert split_run("The history of quality Kaizen philosophy and practice", model) == [
        "The history of quality", "Kaizen philosophy and practice"]
    assert split_run("Styles such as servant Leadership and others", model) == [
        "Styles such as servant Leadership and others"]


def test_accuracy_on_the_bundled_specification():
    fragments = bulleted_fragments(read_text(BUNDLED_SPEC))
    assert (len(fragments), sum(map(len, fragments))) == (64, 560)
    hits, predicted, actual = held_out_scores(fragments)
    assert (hits, predicted, actual) == (495, 499, 496)  # precision 0.992, recall 0.998
