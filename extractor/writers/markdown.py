"""A readable Markdown report of the findings."""

from __future__ import annotations

from ..model import SEVERITIES, Finding, Specification
from .locations import describe_all

HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}


def render_findings_markdown(spec: Specification, findings: list[Finding] | None = None) -> str:
    """Findings grouped by severity, each with its evidence."""
    findings = spec.findings if findings is None else findings
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    lines = [
        f"# Findings: {spec.document.title}",
        "",
        f"Source: `{spec.source.path}` ({spec.source.format}, sha256 {spec.source.sha256[:12]}…)",
        "",
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s).",
    ]
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines += ["", f"## {HEADINGS[severity]}", ""]
        for f in group:
            about = ", ".join(x for x in (f.unit and f"unit {f.unit}", f.field and f"field `{f.field}`") if x)
            lines.append(f"- **{f.code}**{f' ({about})' if about else ''}: {_escape(f.message)}")
            for v in f.values:
                where = describe_all(v.locations)
                lines.append(f"  - `{_escape(str(v.value))}` — {_escape(v.source)}{f' ({where})' if where else ''}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("`", "'").replace("\n", " ")
