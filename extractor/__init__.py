"""qualspec: recover the structure of a vocational qualification specification.

``extract(path)`` reads a specification (text, Word or PDF) into the model;
``to_frames(spec)`` gives its tables as typed pandas DataFrames (needs ``qualspec[exports]``);
``achieve(spec, units)`` evaluates the rules of combination for a set of units.
"""

from .pipeline import extract
from .rules import achieve
from .writers.frames import to_frames

__version__ = "0.1.0"

__all__ = ["__version__", "achieve", "extract", "to_frames"]
