"""Findings as a terminal table, grouped by severity."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from .model import SEVERITIES, Specification
from .writers.locations import describe_all

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_findings_table(spec: Specification, console: Console | None = None) -> None:
    console = console or Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
    if not spec.findings:
        console.print(f"{spec.source.path}: no findings")
        return
    for severity in SEVERITIES:
        group = [f for f in spec.findings if f.severity == severity]
        if not group:
            continue
        table = Table(title=f"{severity}s ({len(group)})", title_style=STYLES[severity], show_lines=False)
        for column in ("code", "unit", "field"):
            table.add_column(column, no_wrap=True)
        table.add_column("message", overflow="fold", ratio=3)
        table.add_column("where", overflow="fold", ratio=1)
        for f in group:
            table.add_row(f.code, f.unit or "", f.field or "", f.message, describe_all(f.locations))
        console.print(table)
