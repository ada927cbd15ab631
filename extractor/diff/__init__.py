"""Compare two versions of a specification: a semantic diff, and its renderings."""

from .compare import diff_specs, report_has_changes
from .render_html import render_html
from .render_json import render_json
from .render_md import render_markdown
from .report import DiffReport

__all__ = ["DiffReport", "diff_specs", "render_html", "render_json", "render_markdown", "report_has_changes"]
