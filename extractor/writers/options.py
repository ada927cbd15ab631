"""Options some writers take, and the error a writer raises when its optional libraries are missing."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

DEFAULT_BASE_URI = "https://qualspec.invalid/"
PACKAGES = {"sqlite_utils": "sqlite-utils"}
"""Distribution names that differ from the module name."""


@dataclass(frozen=True)
class ExportOptions:
    base_uri: str = DEFAULT_BASE_URI
    """Prefix of the URIs of exported items (CASE): ``<base_uri><kind>/<id>``."""


class ExportError(Exception):
    """An export cannot be made (a missing library, an unusable option, a fact the format requires)."""


class MissingDependency(ExportError):
    """An export needs a library that is not installed."""


def require(module: str, user: str) -> ModuleType:
    """Import ``module`` for ``user`` ("the parquet export"), or raise MissingDependency saying how to get it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(
            f"{user} needs the Python package '{PACKAGES.get(module, module)}': "
            "pip install 'qualspec[exports]'"
        ) from None
