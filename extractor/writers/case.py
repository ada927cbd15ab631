"""A 1EdTech CASE 1.0 CFPackage: the document, its qualifications, units, outcomes and criteria.

Items: qualifications (humanCodingScheme = QAN), units (UAN), learning outcomes ("1") and
assessment criteria ("1.1"), identified by their stable ids. Associations: qualifications
and units are children of the document, outcomes of their unit, criteria of their outcome;
a unit listed in a qualification's award structure is part of it. URIs are
``<base-uri>CFDocuments/<id>``, ``<base-uri>CFItems/<id>`` and so on.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

from ..ids import derived_id
from ..model import Specification
from .options import ExportError, ExportOptions

ITEM_TYPES = ("Qualification", "Unit", "Learning Outcome", "Assessment Criterion")


def render_case(spec: Specification, options: ExportOptions) -> str:
    """The CFPackage as indented JSON."""
    return json.dumps(case_package(spec, options), indent=2, ensure_ascii=False) + "\n"


def base_uri(text: str) -> str:
    """``text`` as a base URI ending in "/"; ExportError unless it is an absolute http(s) URI."""
    parts = urlparse(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ExportError(f"--base-uri must be an absolute http(s) URI, not {text!r}")
    return text if text.endswith("/") else text + "/"


def case_package(spec: Specification, options: ExportOptions) -> dict:
    base = base_uri(options.base_uri)
    doc = spec.document
    changed = _last_change(spec)
    document_link = _link(doc.title, doc.id, f"{base}CFDocuments/{doc.id}")
    types = {name: derived_id(f"case-item-type|{name}") for name in ITEM_TYPES}
    items: list[dict] = []
    associations: list[dict] = []

    def item(ident: str, kind: str, statement: str, code: str | None, **extra: str) -> dict:
        entry = {
            "identifier": ident,
            "uri": f"{base}CFItems/{ident}",
            "fullStatement": statement,
            "CFItemType": kind,
            "CFItemTypeURI": _link(kind, types[kind], f"{base}CFItemTypes/{types[kind]}"),
            **({"humanCodingScheme": code} if code else {}),
            **extra,
            "language": "en",
            "CFDocumentURI": document_link,
            "lastChangeDateTime": changed,
        }
        items.append(entry)
        return entry

    def associate(origin: dict, kind: str, destination: dict, sequence: int) -> None:
        ident = derived_id(f"case-association|{origin['identifier']}|{kind}|{destination['identifier']}")
        associations.append({
            "identifier": ident,
            "uri": f"{base}CFAssociations/{ident}",
            "associationType": kind,
            "sequenceNumber": sequence,
            "originNodeURI": _node(origin),
            "destinationNodeURI": _node(destination),
            "CFDocumentURI": document_link,
            "lastChangeDateTime": changed,
        })

    root = {"identifier": doc.id, "uri": document_link["uri"], "title": doc.title}
    for position, q in enumerate(spec.qualifications, 1):
        associate(item(q.id, "Qualification", q.title, q.qan), "isChildOf", root, position)
    units = {}
    for position, u in enumerate(spec.units, 1):
        units[u.id] = item(u.id, "Unit", u.title, u.uan or None, alternativeLabel=u.isp_ref_printed)
        associate(units[u.id], "isChildOf", root, position)
        for lo in u.learning_outcomes:
            outcome = item(lo.id, "Learning Outcome", lo.text, str(lo.number), listEnumeration=str(lo.number))
            associate(outcome, "isChildOf", units[u.id], lo.number)
            for i, ac in enumerate(lo.assessment_criteria, 1):
                criterion = item(ac.id, "Assessment Criterion", ac.text, ac.number, listEnumeration=str(i))
                associate(criterion, "isChildOf", outcome, i)
    by_id = {entry["identifier"]: entry for entry in items}
    for q in spec.qualifications:
        for position, row in enumerate(q.units, 1):
            if row.unit_id in units:
                associate(units[row.unit_id], "isPartOf", by_id[q.id], position)
    return {
        "CFDocument": {
            "identifier": doc.id,
            "uri": document_link["uri"],
            "creator": doc.awarding_body or "",
            "title": doc.title,
            "lastChangeDateTime": changed,
            **({"publisher": doc.awarding_body} if doc.awarding_body else {}),
            **({"version": doc.version} if doc.version else {}),
            **({"subject": [doc.subject_sector.printed]} if doc.subject_sector else {}),
            "language": "en",
            "notes": f"Extracted by qualspec from {spec.source.path} (sha256 {spec.source.sha256}).",
        },
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {"identifier": ident, "uri": f"{base}CFItemTypes/{ident}", "title": name, "description": name,
                 "hierarchyCode": str(level), "lastChangeDateTime": changed}
                for level, (name, ident) in enumerate(types.items(), 1)
            ],
        },
    }


def _last_change(spec: Specification) -> str:
    """The publication date (else the latest change-log date) as a date-time; ExportError when none is printed."""
    dates = [spec.document.publication_date, *sorted(e.date for e in spec.document.change_log if e.date)[-1:]]
    date = next((d for d in dates if d), None)
    if date is None:
        raise ExportError("the case export needs a date, and the document prints no publication or change date")
    return f"{date}T00:00:00+00:00"


def _link(title: str, identifier: str, uri: str) -> dict:
    return {"title": title, "identifier": identifier, "uri": uri}


def _node(entry: dict) -> dict:
    return _link(entry.get("fullStatement") or entry.get("title", ""), entry["identifier"], entry["uri"])
