"""How many cores this process may use: the default size of every worker pool."""

from __future__ import annotations

import os


def available_cores() -> int:
    """The cores this process may run on (its affinity, which a container's CPU set limits),
    else the machine's count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
