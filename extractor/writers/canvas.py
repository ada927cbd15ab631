"""A Canvas LMS outcomes import CSV (Outcomes Import API, ``instructure_csv``).

Groups: the document, each unit under it, each learning outcome under its unit; outcomes:
the assessment criteria under their learning outcome. ``vendor_guid`` is the stable id, so a
re-import of a later version updates the same outcomes. Parents come before children.
"""

from __future__ import annotations

import csv
import html
import io

from ..model import Specification

COLUMNS = ("vendor_guid", "object_type", "title", "description", "display_name", "calculation_method",
           "calculation_int", "workflow_state", "parent_guids")


def canvas_rows(spec: Specification) -> list[dict[str, str]]:
    """One row per group or outcome, parents first."""
    doc = spec.document

    def row(guid: str, kind: str, title: str, description: str, parent: str, display: str = "") -> dict[str, str]:
        return {"vendor_guid": guid, "object_type": kind, "title": title, "description": _html(description),
                "display_name": display, "calculation_method": "highest" if kind == "outcome" else "",
                "calculation_int": "", "workflow_state": "active", "parent_guids": parent}

    rows = [row(doc.id, "group", doc.title, f"{doc.title}, version {doc.version or 'unknown'}", "")]
    for u in spec.units:
        rows.append(row(u.id, "group", f"{u.isp_ref} {u.title}", u.purpose or u.title, doc.id))
        for lo in u.learning_outcomes:
            rows.append(row(lo.id, "group", f"{u.isp_ref} LO{lo.number}", lo.text, u.id))
            for ac in lo.assessment_criteria:
                rows.append(row(ac.id, "outcome", f"{u.isp_ref} {ac.number}", ac.text, lo.id, display=ac.number))
    return rows


def render_canvas(spec: Specification) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(canvas_rows(spec))
    return buffer.getvalue()


def _html(text: str) -> str:
    """Canvas descriptions are HTML: the text, escaped, as one paragraph."""
    return f"<p>{html.escape(text, quote=False)}</p>"
