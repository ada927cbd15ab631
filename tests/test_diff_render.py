"""The Markdown and HTML renderings of a diff report."""

from __future__ import annotations

import re

from test_diff import all_changes, changed, unit_of
from test_diff_support import make_spec

from extractor.diff import diff_specs, render_html, render_markdown


def test_markdown_headline_then_units():
    md = render_markdown(changed(make_spec(), all_changes))
    assert md.index("## Summary") < md.index("## Units")
    assert "- Units: 1 added, 0 removed, 2 changed (1 renamed, 1 re-referenced)" in md
    assert "- Wording: 0 added, 1 removed, 1 reworded, 1 moved, 0 moved and reworded" in md
    assert "### L5B1 Analyse Financial Performance (A/651/5975): changed" in md
    assert "- **GLH**: 25 → 30" in md
    assert (
        "- Criterion 1.1 reworded: Estimate the ~~potential~~ **likely** lifetime value of **key** customer accounts"
    ) in md
    assert "- Criterion 1.3 → 1.2 moved: Monitor the impact" in md
    assert "### L5B2 Organisational Sales Planning and Forecasting (D/651/9999): changed, renamed, re-referenced" in md
    assert "### L5B3 Market Research for \\<Sales\\> Strategy (M/651/5980): added" in md


def test_markdown_without_differences():
    spec = make_spec()
    md = render_markdown(diff_specs(spec, spec))
    assert "No differences." in md and "## Summary" not in md


def test_html_side_by_side_with_marked_words():
    page = render_html(changed(make_spec(), all_changes))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert (
        '<td class="old">Estimate the <del>potential</del> lifetime value of customer accounts</td>'
        '<td class="new">Estimate the <ins>likely</ins> lifetime value of <ins>key</ins> customer accounts</td>'
    ) in page


def test_html_is_self_contained():
    page = render_html(changed(make_spec(), all_changes))
    assert not re.search(r"<(link|script|img|iframe)\b|\bsrc=|url\(|@import|https?://", page)


def test_html_escapes_document_text():
    def inject(s):
        unit_of(s, "L5B1").learning_outcomes[0].assessment_criteria[0].text = "<script>alert('x')</script> & more"
        unit_of(s, "L5B2").title = 'Planning "<b>bold</b>"'

    page = render_html(changed(make_spec(), inject))
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&amp; more" in page
