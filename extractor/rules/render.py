"""``qualspec achieve`` output: a plain-text table for people, JSON for programs."""

from __future__ import annotations

import json

from .report import AchieveReport, QualificationResult

MARK = {True: "met    ", False: "not met", None: "depends"}


def render_json(report: AchieveReport) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def render_table(report: AchieveReport) -> str:
    """A status line per qualification; then the rules of those with rules beyond an award
    structure, of the target and of any undetermined; then assumptions and the completion."""
    lines = [f"Units held: {', '.join(report.units)} ({report.credits} credits)", ""]
    width = max(len(q.status) for q in report.qualifications)
    for q in report.qualifications:
        note = f"  (missing {'; '.join(q.missing)})" if q.kind == "award" and q.missing else ""
        lines.append(f"{q.status:<{width}}  {q.qan:<11} {q.title}{note}")
    for q in report.qualifications:
        if q.kind != "award" or q.status == "undetermined" or q.qan == report.target:
            lines += [""] + _details(q)
    if report.assumptions:
        lines += [""] + [f"Assumed: {text}" for text in report.assumptions]
    if report.target is not None:
        lines.append("")
        s = report.suggestion
        if s is None:
            lines.append(f"No set of this document's units achieves {report.target}.")
        elif not s.add:
            lines.append(f"{report.target} needs no more units.")
        else:
            lines.append(f"Cheapest completion of {s.qan}: add {', '.join(s.add)} ({s.credits_added} credits).")
    return "\n".join(lines) + "\n"


def _details(q: QualificationResult) -> list[str]:
    lines = [f"{q.qan} {q.title}: {q.status}"]
    if q.using:
        lines.append(f"  counting only {', '.join(q.using)} (all the units held together do not meet the rules)")
    lines += [f"  {MARK[r.met]}  {r.rule.rstrip('.')}: {r.detail}" for r in q.reasons]
    lines += [f"  missing: {m}" for m in q.missing]
    for c in q.depends_on:
        lines.append(f"  depends on finding {c.code} ({c.unit} {c.field}): {c.message}")
    lines += [f"    if {', '.join(o.values)}: {o.status}" for o in q.outcomes]
    return lines
