"""How many cores this process may use (the import workers and a save's compression)."""

from __future__ import annotations

import os


def available_cores(at_most: int = 8) -> int:
    """The cores this process may run on (its CPU affinity), at most ``at_most``."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(at_most, n))
