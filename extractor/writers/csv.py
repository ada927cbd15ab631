"""Normalised CSV tables (RFC 4180, UTF-8), one per kind of element, with stable keys."""

from __future__ import annotations

import csv
import io
import json

from ..model import Specification
from .locations import describe_all


def _table(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue()


def render_csv(spec: Specification) -> dict[str, str]:
    """File name (without .csv) -> CSV text, for every table."""
    q = spec.qualifications
    units = spec.units
    tables = {
        "qualifications": _table(
            ["qan", "title", "kind", "credits_min", "credits_max", "credits_printed", "glh_min", "glh_max",
             "glh_printed", "tqt_min", "tqt_max", "tqt_printed", "structure_title", "source"],
            [[x.qan, x.title, x.kind, x.credits.min, x.credits.max, x.credits.printed, x.glh.min, x.glh.max,
              x.glh.printed, x.tqt.min, x.tqt.max, x.tqt.printed, x.structure_title, describe_all(x.provenance)]
             for x in q],
        ),
        "qualification_units": _table(
            ["qan", "position", "isp_ref", "uan", "title", "level", "glh", "tqt", "credits", "source"],
            [[x.qan, i, u.isp_ref, u.uan, u.title, u.level, u.glh, u.tqt, u.credits, describe_all(u.provenance)]
             for x in q for i, u in enumerate(x.units, 1)],
        ),
        "qualification_rules": _table(
            ["qan", "position", "kind", "min", "max", "quadrants", "level", "text", "source"],
            [[x.qan, i, r.kind, r.min, r.max, "|".join(r.quadrants), r.level, r.text, describe_all(r.provenance)]
             for x in q for i, r in enumerate(x.rules, 1)],
        ),
        "units": _table(
            ["isp_ref", "isp_ref_printed", "uan", "title", "level", "credits", "glh", "tqt", "quadrant", "purpose",
             "sector_code", "sector_label", "sector_printed", "apprenticeship_printed", "source"],
            [[u.isp_ref, u.isp_ref_printed, u.uan, u.title, u.level, u.credits, u.glh, u.tqt, u.quadrant, u.purpose,
              u.sector.code if u.sector else None, u.sector.label if u.sector else None,
              u.sector.printed if u.sector else None, u.apprenticeship_printed, describe_all(u.provenance)]
             for u in units],
        ),
        "unit_ksbs": _table(
            ["isp_ref", "standard", "position", "code", "text"],
            [[u.isp_ref, a.standard, i, k.code, k.text]
             for u in units for a in u.apprenticeship for i, k in enumerate(a.ksbs, 1)],
        ),
        "learning_outcomes": _table(
            ["isp_ref", "number", "kind", "text", "source"],
            [[u.isp_ref, lo.number, lo.kind, lo.text, describe_all(lo.provenance[:1])]
             for u in units for lo in u.learning_outcomes],
        ),
        "assessment_criteria": _table(
            ["isp_ref", "learning_outcome", "position", "number", "text", "source"],
            [[u.isp_ref, lo.number, i, c.number, c.text, describe_all(c.provenance)]
             for u in units for lo in u.learning_outcomes for i, c in enumerate(lo.assessment_criteria, 1)],
        ),
        "indicative_content": _table(
            ["isp_ref", "section", "learning_outcome", "position", "text"],
            [[u.isp_ref, s.section, s.learning_outcome, i, item.text]
             for u in units for s in u.indicative_content for i, item in enumerate(s.items, 1)],
        ),
        "assessor_guidance": _table(
            ["isp_ref", "section", "learning_outcome", "position", "text"],
            [[u.isp_ref, s.section, s.learning_outcome, i, p.text]
             for u in units for s in u.assessor_guidance for i, p in enumerate(s.paragraphs, 1)],
        ),
        "findings": render_findings_csv(spec),
    }
    return tables


def render_findings_csv(spec: Specification) -> str:
    """One row per finding; the conflicting values as JSON in one column."""
    return _table(
        ["position", "code", "severity", "unit", "field", "message", "values", "locations"],
        [[i, f.code, f.severity, f.unit, f.field, f.message,
          json.dumps([v.model_dump(mode="json") for v in f.values], ensure_ascii=False, sort_keys=True),
          describe_all(f.locations)]
         for i, f in enumerate(spec.findings, 1)],
    )
