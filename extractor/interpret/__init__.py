"""The format-agnostic interpreter: blocks in, the specification's structure out.

All knowledge of how a specification is laid out lives in this package, so every reader
gives the same answer: ``document`` reads the blocks in order, ``reconcile`` makes the tables
agree, ``front`` and ``units`` read the front matter and the unit specifications.
"""

from .document import Interpretation, interpret

__all__ = ["Interpretation", "interpret"]
