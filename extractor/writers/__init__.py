"""Outputs: the writer registry and the table projection every tabular output shares."""

from .registry import EXTRACT_OUTPUTS, WRITERS, Writer, output_files
from .tables import Table, project

__all__ = ["EXTRACT_OUTPUTS", "WRITERS", "Table", "Writer", "output_files", "project"]
