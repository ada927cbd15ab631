"""qualspec: recover the structure of a vocational qualification specification.

``extract(path)`` reads a specification (text, Word or PDF) into the model;
``to_frames(spec)`` gives its tables as typed pandas DataFrames (needs ``qualspec[exports]``).
"""

from .pipeline import extract
from .writers.frames import to_frames

__version__ = "0.1.0"

__all__ = ["extract", "to_frames"]
