"""Format sniffing: HTML, Markdown or text from a text file's bytes, on real files and on each rule."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from extractor.diff import diff_specs, render_html, render_markdown
from extractor.pipeline import BUNDLED_SPEC
from extractor.readers import detect_format
from extractor.readers.sniff import sniff_text

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "tests" / "fixtures" / "layouts"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (BUNDLED_SPEC, "text"),  # tab-separated rows with <ul>/<p> fragments in cells
        (BUNDLED_SPEC.with_suffix(".docx"), "docx"),
        (BUNDLED_SPEC.with_suffix(".pdf"), "pdf"),
        (ROOT / "README.md", "markdown"),
        (ROOT / "fixtures" / "source_specs" / "README.md", "markdown"),
        (ROOT / "tests" / "fixtures" / "pdf" / "README.md", "markdown"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_real_files(path, expected):
    assert detect_format(path) == expected


@pytest.mark.parametrize("path", sorted(LAYOUTS.glob("*.html")) + sorted(LAYOUTS.glob("*.md")), ids=lambda p: p.name)
def test_layout_fixtures_are_told_apart_by_content_not_name(path, tmp_path):
    expected = {".html": "html", ".md": "markdown"}[path.suffix]
    unnamed = tmp_path / "specification"
    unnamed.write_bytes(path.read_bytes())
    assert detect_format(unnamed) == expected


def test_qualspec_own_html_and_markdown_reports(spec, tmp_path):
    report = diff_specs(spec, spec)
    page, markdown = tmp_path / "report.html", tmp_path / "report.md"
    page.write_text(render_html(report), encoding="utf-8")
    markdown.write_text(render_markdown(report), encoding="utf-8")
    assert detect_format(page) == "html"
    assert detect_format(markdown) == "markdown"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeff  <!-- saved page -->\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
        ('<?xml version="1.0" encoding="utf-8"?>\n<div class="unit"><h2>Unit 1</h2></div>', "html"),
        ("<table><tr><td>Unit title</td><td>Widgets</td></tr></table>", "html"),
        ("Copied from the awarding body's site:\n<table>\n<tr><td>a</td></tr>\n</table>", "html"),
        ("Notes\n\n<section>\n<body>\n", "html"),
        ("| Unit title | Widgets |\n|---|---|\n| Level | 3 |\n", "markdown"),
        ("Unit facts\n\nTitle | Widgets\n:--- | ---:\nLevel | 3\n", "markdown"),
        ("# Unit 1: Widgets\n\nSome text.\n", "markdown"),
        ('<div align="center"><img src="logo.png"></div>\n\n# Unit 1\n\n| a | b |\n|---|---|\n', "markdown"),
        ("Unit 1\n\n**Level:** 3\n", "markdown"),
        ("See the [guidance](https://example.org/guide) for details.\n", "markdown"),
        ("Unit 1\n\n```\ncode\n```\n", "markdown"),
        ("# Unit 1\nUnit Title:\tWidgets\nLevel:\t3\n", "text"),
        ("Unit Title:\tWidgets\n1.\t<ul> \u2022 a \u2022 b\n", "text"),
        ("Unit 1 Widgets\n- first item\n1. numbered item\nA plain line | with a bar\n", "text"),
        ("Costs < 5% and margins > 2%\n", "text"),
        ("Words first, then <p>a tag</p>: text with HTML fragments, like the text form\n", "text"),
    ],
)
def test_each_rule(text, expected):
    assert sniff_text(text.encode("utf-8")) == expected


def test_indentation_tabs_are_not_tab_separated_rows():
    assert sniff_text(b"# Unit 1\n\n- item\n\t- nested item indented with a tab\n") == "markdown"


def test_libreoffice_html_export(tmp_path):
    """A real exporter's page: a doctype, then <html> with a long <head> of metadata and styles."""
    page = tmp_path / "isp-export"
    packed = ROOT / "tests" / "fixtures" / "html" / f"{BUNDLED_SPEC.stem}.libreoffice.html.gz"
    page.write_bytes(gzip.decompress(packed.read_bytes()))
    assert detect_format(page) == "html"
