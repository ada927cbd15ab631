"""The report as JSON: the report model, indented, the same bytes for the same report."""

from __future__ import annotations

from .report import DiffReport


def render_json(report: DiffReport) -> str:
    return report.model_dump_json(indent=2) + "\n"
