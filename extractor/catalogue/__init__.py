"""The catalogue: every version of every specification in one SQLite database and one static website."""

from .build import Catalogue, build_catalogue, source_files

__all__ = ["Catalogue", "build_catalogue", "source_files"]
