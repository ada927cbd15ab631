"""Reader for Markdown specifications (CommonMark with GFM pipe tables).

markdown-it-py parses the text into tokens and renders them as HTML, which is then read by
the HTML reader's walker, so both formats give the same blocks: ``#`` headings, paragraphs
(a hard line break starts a new one), list items (nested lists deeper, ordered lists with
their displayed number as ``marker``), and pipe tables as ``row`` blocks, the header row
with style "header". Emphasis, links and code marks are dropped (a link keeps its text);
HTML written inside the Markdown (a ``<br>`` or a ``<ul>`` in a table cell, a whole
``<table>``) is read by the same walker.

Provenance: the line of each block comes from markdown-it's token map (set on the rendered
elements, or for a fenced block on its ``<code>``); elements of raw HTML blocks get their line
within the block added to the block's first line.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterator
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML

from ..blocks import Block
from ..inputs import Input, as_input
from ..limits import Limits, default_limits
from .damage import Damage
from .encoding import decode_text
from .html import check_tables, html_blocks, parse_html
from .registry import Progress

LINE = "data-qualspec-line"


def read_markdown(
    source: Input | str | os.PathLike[str],
    progress: Progress | None = None,
    limits: Limits | None = None,
    damage: list[Damage] | None = None,
    jobs: int | None = None,
) -> Iterator[Block]:
    """Blocks of a Markdown input; InputError (raised at once) when its encoding is not one we read."""
    limits = limits or default_limits()
    source = as_input(source, limits)
    html, raw_blocks = render(decode_text(source))
    root, line_of = parse_html(html, source), _SourceLines(raw_blocks).line_of
    check_tables(root, limits, source, line_of)
    return html_blocks(root, line_of, limits, source)


def render(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """(HTML of the Markdown, [(first rendered line, end rendered line, source line)] of raw HTML blocks)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = md.parse(text)
    renderer = RendererHTML()
    out: list[str] = []
    rendered_line = 1
    raw_blocks: list[tuple[int, int, int]] = []
    for index, token in enumerate(tokens):
        if token.map is not None and token.nesting >= 0 and token.type != "html_block":
            token.attrSet(LINE, str(token.map[0] + 1))
        if token.type == "inline":
            chunk = renderer.renderInline(token.children or [], md.options, {})
        elif token.type in renderer.rules:
            chunk = renderer.rules[token.type](tokens, index, md.options, {})
        else:
            chunk = renderer.renderToken(tokens, index, md.options, {})
        lines = chunk.count("\n")
        if token.type == "html_block" and token.map is not None:
            end = rendered_line + lines + (0 if chunk.endswith("\n") else 1)
            raw_blocks.append((rendered_line, end, token.map[0] + 1))
        out.append(chunk)
        rendered_line += lines
    return "".join(out), raw_blocks


class _SourceLines:
    """The Markdown line of a rendered element."""

    def __init__(self, raw_blocks: list[tuple[int, int, int]]):
        self.raw_blocks = raw_blocks
        self.starts = [start for start, _, _ in raw_blocks]

    def line_of(self, node: Any) -> int | None:
        rendered = node.sourceline
        at = bisect.bisect_right(self.starts, rendered) - 1 if rendered is not None else -1
        if at >= 0:
            start, end, source = self.raw_blocks[at]
            if rendered < end:
                return source + rendered - start
        for element in (*(node, *node.iterancestors()), *node.iterdescendants()):  # <pre>: its <code>
            value = element.get(LINE)
            if value is not None and value.isdigit():
                return int(value)
        return None
