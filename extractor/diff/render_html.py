"""The report as one self-contained HTML page: old and new wording side by side."""

from __future__ import annotations

from html import escape

from .compare import report_has_changes
from .present import TEXT_SECTIONS, describe, display, label, status
from .report import (
    DiffReport,
    FieldChange,
    ListingChange,
    QualificationDiff,
    RuleChange,
    Summary,
    TextChange,
    UnitDiff,
    WordOp,
)

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; } h3 { margin-bottom: .3em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #ddd; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.old, td.new { width: 40%; }
del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: none; }
.status { font-weight: 600; white-space: nowrap; } .tag { color: #555; font-weight: normal; }
"""

Row = tuple[str, str, str, str]


def render_html(report: DiffReport) -> str:
    """A standalone HTML page for ``report``: inline style, every text escaped."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Specification differences</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + render_html_body(report)
        + "\n</body>\n</html>\n"
    )


def render_html_body(report: DiffReport) -> str:
    """The page's content without its <html> frame, to embed in another page (styled by ``CSS``)."""
    body = [
        "<h1>Specification differences</h1>",
        f"<p>Old: {escape(describe(report.old))}<br>New: {escape(describe(report.new))}</p>",
    ]
    if report_has_changes(report):
        body += _summary(report.summary)
        doc = report.document
        rows = [_field_row(f) for f in doc.fields]
        rows += [_text_row("Change log entry", t) for t in doc.change_log]
        body += _section("Document", _table(rows))
        body += _section("Units overview", _table([_listing_row(r) for r in report.overview]))
        body += _section("Qualifications", "".join(map(_qualification, report.qualifications)))
        body += _section("Units", "".join(map(_unit, report.units)))
    else:
        body.append("<p>No differences.</p>")
    return "\n".join(body)


def _section(title: str, content: str) -> list[str]:
    return [f"<h2>{title}</h2>", content] if content else []


def _summary(s: Summary) -> list[str]:
    rows = "".join(
        f"<tr><th>{escape(name.replace('_', ' '))}</th><td>{count}</td></tr>"
        for name, count in s.model_dump().items()
        if count
    )
    return ["<h2>Summary</h2>", f"<table>{rows}</table>"]


def sides(ops: list[WordOp]) -> tuple[str, str]:
    """Old and new wording as HTML, changed words marked with <del> and <ins>."""
    old, new = [], []
    for op in ops:
        a, b = escape(" ".join(op.old)), escape(" ".join(op.new))
        if op.op == "equal":
            old.append(a)
            new.append(b)
            continue
        if op.old:
            old.append(f"<del>{a}</del>")
        if op.new:
            new.append(f"<ins>{b}</ins>")
    return " ".join(old), " ".join(new)


def _marked(old: str | None, new: str | None, ops: list[WordOp]) -> tuple[str, str]:
    if ops:
        return sides(ops)
    return (
        f"<del>{escape(old)}</del>" if old is not None else "",
        f"<ins>{escape(new)}</ins>" if new is not None else "",
    )


def _table(rows: list[Row]) -> str:
    if not rows:
        return ""
    head = "<tr><th>Where</th><th>Change</th><th>Old</th><th>New</th></tr>"
    cells = "".join(
        f'<tr><td>{w}</td><td class="status">{c}</td><td class="old">{o}</td><td class="new">{n}</td></tr>'
        for w, c, o, n in rows
    )
    return f"<table>{head}{cells}</table>"


def _field_row(f: FieldChange) -> Row:
    return (escape(label(f.field)), "changed", *_marked(display(f.old), display(f.new), f.words))


def _text_row(name: str, t: TextChange) -> Row:
    numbers = t.old_number if t.new_number is None else t.new_number
    if t.status in ("moved", "moved_reworded"):
        numbers = f"{t.old_number} → {t.new_number}"
    if t.status == "moved":
        old, new = escape(t.old_text or ""), escape(t.new_text or "")
    else:
        old, new = _marked(t.old_text, t.new_text, t.words)
    return (escape(f"{name} {numbers}"), status(t.status), old, new)


def _rule_row(r: RuleChange) -> Row:
    text_ops = [op for f in r.fields if f.field == "text" for op in f.words]
    if r.status == "changed" and not text_ops:
        old, new = escape(r.old_text or ""), escape(r.new_text or "")
    else:
        old, new = _marked(r.old_text, r.new_text, text_ops)
    other = [f for f in r.fields if f.field != "text"]
    change = "; ".join([r.status, *(f"{label(f.field)} {display(f.old)} → {display(f.new)}" for f in other)])
    return ("Rule of combination", escape(change), old, new)


def _listing_row(row: ListingChange) -> Row:
    where = escape(f"{row.reference} {row.title} ({row.uan})")
    if row.status != "changed":
        text = escape(f"{row.reference} {row.title}")
        return (where, row.status, text if row.status == "removed" else "", text if row.status == "added" else "")
    old = "; ".join(f"{escape(label(f.field))} <del>{escape(display(f.old))}</del>" for f in row.fields)
    new = "; ".join(f"{escape(label(f.field))} <ins>{escape(display(f.new))}</ins>" for f in row.fields)
    return (where, "changed", old, new)


def _qualification(q: QualificationDiff) -> str:
    rows = [_field_row(f) for f in q.fields] + [_listing_row(r) for r in q.units]
    rows += [_rule_row(r) for r in q.rules]
    return f"<h3>{escape(q.qan)} {escape(q.title)} <span class=\"tag\">{q.status}</span></h3>{_table(rows)}"


def _unit(u: UnitDiff) -> str:
    notes = [u.status] + ["renamed"] * u.renamed + ["re-referenced"] * u.re_referenced
    title = f"{escape(u.reference)} {escape(u.title)} ({escape(u.uan)})"
    return f"<h3>{title} <span class=\"tag\">{', '.join(notes)}</span></h3>{unit_changes_table(u)}"


def unit_changes_table(u: UnitDiff) -> str:
    """The changes of one unit as a table of old and new wording ("" when there are none)."""
    rows = [_field_row(f) for f in u.fields]
    for k in u.ksbs:
        rows.append((escape(f"KSB {k.code} ({k.standard})"), k.status, *_marked(k.old_text, k.new_text, k.words)))
    for r in u.renumberings:
        moved = f" ({r.texts} texts moved with them)" if r.texts else ""
        rows.append((escape(r.section.capitalize() + moved), "renumbered",
                     escape(", ".join(r.old_numbers)), escape(", ".join(r.new_numbers))))
    for attr, name in TEXT_SECTIONS:
        rows += [_text_row(name, t) for t in getattr(u, attr)]
    return _table(rows)
