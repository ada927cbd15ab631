"""Turn one cell's text, which may carry HTML fragments, into paragraphs and list parts.

``<p>`` gives a paragraph, ``<ul>`` a list: its items split on the bullet glyph when the
glyphs survived, otherwise one ``run`` part whose items the interpreter must re-split.
"""

from __future__ import annotations

import html
import re

from ..blocks import Location, Part
from ..textutil import fold

TAG = re.compile(r"<(/?)([a-zA-Z]+)[^>]*>")
BULLETS = ("\u2022", "\uf0b7")
BULLET_SPLIT = re.compile("[" + "".join(BULLETS) + "]")


def list_parts(text: str, where: Location) -> list[Part]:
    """Parts of list text: the items between bullet glyphs, or one run if there are none."""
    pieces = BULLET_SPLIT.split(text)
    parts = []
    head = fold(pieces[0])
    if head:
        parts.append(Part("run" if len(pieces) == 1 else "paragraph", head, where))
    parts.extend(Part("item", fold(p), where) for p in pieces[1:] if fold(p))
    return parts


def cell_parts(raw: str, where: Location) -> list[Part]:
    """Split a cell into parts, stripping tags and folding whitespace."""
    if "<" not in raw:
        if any(b in raw for b in BULLETS):
            return list_parts(html.unescape(raw), where)
        text = fold(html.unescape(raw))
        return [Part("paragraph", text, where)] if text else []
    parts: list[Part] = []
    mode, buf = "text", []

    def flush() -> None:
        text = html.unescape("".join(buf))
        buf.clear()
        if mode == "list":
            parts.extend(list_parts(text, where))
        elif fold(text):
            parts.append(Part("paragraph", fold(text), where))

    pos = 0
    for m in TAG.finditer(raw):
        buf.append(raw[pos : m.start()])
        pos = m.end()
        closing, name = m.group(1), m.group(2).lower()
        if name in ("p", "ul", "ol"):
            flush()
            if name in ("ul", "ol"):
                mode = "text" if closing else "list"
            elif name == "p" and not closing:
                mode = "text"
    buf.append(raw[pos:])
    flush()
    return parts
