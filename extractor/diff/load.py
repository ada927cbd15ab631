"""Reading one side of a comparison: a source document or a JSON produced by ``extract``."""

from __future__ import annotations

import os

from ..extracted import load_specification
from ..inputs import read_input
from ..limits import default_limits
from ..model import Specification


def load_side(path: str | os.PathLike[str]) -> Specification:
    """The specification in ``path`` (a source or an extracted JSON); InputError when it cannot be had."""
    limits = default_limits()
    return load_specification(read_input(path, limits), limits)
