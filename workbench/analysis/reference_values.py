"""Which properties the samples have reference values of (for calibrations).

A calibration (PLS) learns a property from spectra; its reference values are the
samples' measured or derived values of that property on the property's usual basis,
never predictions (``plugins/pls_calibration/references.py`` takes them the same way).
A form counts them here so it can offer the properties that can be calibrated, with
how many samples have each, instead of a free-text property id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workbench.model import Project, Quantity
from workbench.vocab import PROPERTIES


def _usable(pid: str, q: Quantity) -> bool:
    pdef = PROPERTIES.get(pid)
    return pdef is not None and q.origin != "predicted" and q.basis == pdef.basis.value


def reference_counts(project: Project, sample_ids: Iterable[str] | None = None) -> Counter:
    """Property id -> number of the samples (default: all) with a reference value of it."""
    ids = list(project.samples) if sample_ids is None else list(sample_ids)
    counts: Counter = Counter()
    for sid in ids:
        sample = project.samples.get(sid)
        if sample is None:
            continue
        found: set[str] = set()
        for m in sample.measurements.values():
            found.update(pid for pid, q in m.quantities.items() if _usable(pid, q))
        for r in sample.results.values():
            found.update(pid for pid, q in r.values.items() if _usable(pid, q))
        counts.update(found)
    return counts
