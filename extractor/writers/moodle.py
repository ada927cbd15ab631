"""A Moodle competency framework import CSV (tool_lpimportcsv, the importer's fourteen columns).

The framework is the document; its competencies are the units, their learning outcomes and
their assessment criteria (taxonomy: domain, outcome, indicator). ID numbers are the stable
ids; short names are codes (Moodle keeps 100 characters), descriptions the full texts.
"""

from __future__ import annotations

import csv
import html
import io
import json

from ..model import Specification

COLUMNS = (
    "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
)
SHORT_NAME_LENGTH = 100
SCALE_VALUES = "Not yet achieved,Achieved"
SCALE_CONFIGURATION = json.dumps([{"scaleid": "1"}, {"id": 2, "scaledefault": 1, "proficient": 1}])
"""The framework's scale: its second value ("Achieved") is the default and proficient."""
FORMAT_HTML = "1"


def moodle_rows(spec: Specification) -> list[list[str]]:
    """The framework row, then each competency after its parent."""
    doc = spec.document
    framework = doc.id
    rows = [["", framework, _short(doc.title, "framework"), _html(f"{doc.title}, version {doc.version or 'unknown'}"),
             FORMAT_HTML, SCALE_VALUES, SCALE_CONFIGURATION, "", "", "", "", "", "1", "domain,outcome,indicator"]]

    def competency(parent: str, idnumber: str, short: str, description: str) -> None:
        rows.append([parent, idnumber, short, _html(description), FORMAT_HTML, "", "", "", "0", "", "", "", "", ""])

    for u in spec.units:
        competency("", u.id, _short(f"{u.isp_ref} {u.title}", u.isp_ref), u.purpose or u.title)
        for lo in u.learning_outcomes:
            competency(u.id, lo.id, f"{u.isp_ref} LO{lo.number}", lo.text)
            for ac in lo.assessment_criteria:
                competency(lo.id, ac.id, f"{u.isp_ref} {ac.number}", ac.text)
    return rows


def render_moodle(spec: Specification) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(moodle_rows(spec))
    return buffer.getvalue()


def _short(name: str, fallback: str) -> str:
    """``name`` when Moodle keeps it whole, else ``fallback`` (the full text stays in the description)."""
    return name if len(name) <= SHORT_NAME_LENGTH else fallback[:SHORT_NAME_LENGTH]


def _html(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"
