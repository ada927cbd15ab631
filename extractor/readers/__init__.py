"""Readers: one per file format, each turning an input's bytes into a stream of blocks.

``registry.READERS`` is the one registry of formats: a new format is one reader module and one
line there (and its name in ``Format``). A reader is called as ``reader(source, progress=...,
limits=..., damage=...)`` with an ``Input`` (name + bytes; a path is read into one) and
optional limits (default: ``default_limits()``) and damage list. ``detect_format`` looks
at the bytes, not the name; ``read_blocks`` looks the reader up.
"""

from .detect import detect_format
from .registry import READERS, Format, Progress, read_blocks

__all__ = ["READERS", "Format", "Progress", "detect_format", "read_blocks"]
