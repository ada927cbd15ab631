"""Tell HTML, Markdown and plain text apart from the first bytes of a text file.

HTML: ``<html`` or ``<body`` early. Markdown: no tab-separated rows (the text form of a
specification is tab-separated) and a pipe table (a ``| a | b |`` line with a ``|---|---|``
delimiter under it) or an ATX heading (``# Title``); when the text does not start with a tag,
a fenced code block, ``**strong**`` or ``[link](target)`` marks are enough. Then HTML again
when the text starts (after a byte-order mark, white space, comments, a doctype or an XML
declaration) with an HTML tag, or has a ``<table`` early (a fragment pasted from a page).
Everything else is text. Markdown is tried before the tag test because Markdown files may
open with HTML (a ``<div>`` banner) but an HTML page does not have ``# `` headings.
"""

from __future__ import annotations

import re
from typing import Literal

TextFormat = Literal["html", "markdown", "text"]

HTML_TAGS = frozenset(
    {"html", "head", "body", "meta", "title", "link", "style", "script", "div", "p", "table", "h1", "h2", "h3",
     "h4", "h5", "h6", "ul", "ol", "section", "article", "main", "header", "nav", "span", "br", "b", "i",
     "strong", "em", "a", "font", "center", "blockquote", "pre", "dl", "form", "hr"}
)
PROLOG = re.compile(r"\s*(?:<!--.*?-->|<!doctype[^>]*>|<\?xml[^>]*\?>)", re.IGNORECASE | re.DOTALL)
OPENING_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s/>]")
DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
TABLE_TAG = re.compile(r"<table[\s>]", re.IGNORECASE)
PIPE_DELIMITER = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^ {0,3}\|\s*:?-+:?\s*\|\s*$", re.MULTILINE)
STRONG_SIGNS = (re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE),)  # ATX heading
WEAK_SIGNS = (
    re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE),  # fenced code
    re.compile(r"\*\*[^*\s][^*\n]*\*\*"),  # strong emphasis
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # inline link
)


def sniff_text(head: bytes) -> TextFormat:
    """The format of a text file from its first bytes (a few kilobytes)."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    if DOCUMENT_TAG.search(text):
        return "html"
    start = 0
    while match := PROLOG.match(text, start):
        start = match.end()
    opening = OPENING_TAG.match(text[start:].lstrip())
    starts_with_tag = opening is not None and opening.group(1).lower() in HTML_TAGS
    if not any("\t" in line.lstrip() for line in text.splitlines()):  # no tab-separated rows
        signs = STRONG_SIGNS if starts_with_tag else STRONG_SIGNS + WEAK_SIGNS
        if _has_pipe_table(text) or any(sign.search(text) for sign in signs):
            return "markdown"
    if starts_with_tag or TABLE_TAG.search(text):
        return "html"
    return "text"


def _has_pipe_table(text: str) -> bool:
    """A delimiter row right under a line with a pipe (a GFM table header)."""
    lines = text.splitlines()
    return any(
        "|" in lines[n - 1] and PIPE_DELIMITER.match(line) for n, line in enumerate(lines) if n > 0
    )
