"""Which layout a project file holds, and whether its version number agrees.

The root attribute ``format_version`` is one small integer: one flipped bit turned a
current project into "version 0", which was then migrated into an empty project and
saved over the original. So the version number alone never decides how a file is
read. ``layout_of`` looks for evidence of each layout in the objects themselves
(cheap: the root's link names and the first few samples), and ``plan`` decides:

* number and content agree: read (or migrate) as usual;
* they disagree, or the content fits neither layout: read by the content, read-only,
  with a message saying what was found (Save As writes a repaired copy; the damaged
  file is never converted or overwritten);
* no number and no recognisable content: refused, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import h5py

from workbench.model import FORMAT_VERSION
from workbench.project import safety as S

CURRENT, OLD, EMPTY, UNKNOWN = "current", "v0", "empty", "unknown"
CURRENT_ROOT = frozenset({"sources", "models", "audit", "settings"})
SAMPLES_LOOKED_AT = 8


def layout_of(f: h5py.File) -> str:
    """``CURRENT``, ``OLD`` (format 0), ``EMPTY`` (no samples, nothing else) or
    ``UNKNOWN`` (evidence of neither, or of both)."""
    try:
        root = set(S.child_names(f))
    except S.Unsafe:
        return UNKNOWN
    current = bool(root & CURRENT_ROOT)
    old = "raw" in root
    n_samples = 0
    if "samples" in root:
        try:
            samples = S.child_group(f, "samples")
            names = S.child_names(samples)
        except S.Unsafe:
            names = []
        n_samples = len(names)
        for sid in names[:SAMPLES_LOOKED_AT]:
            try:
                g = S.child_group(samples, sid)
                children = set(S.child_names(g))
                attrs = set(g.attrs.keys())
            except (S.Unsafe, OSError, RuntimeError, ValueError):
                continue
            current |= bool(children & {"measurements", "results"}) or "NX_class" in attrs
            old |= "data" in children or "sample_name" in attrs
    if current and not old:
        return CURRENT
    if old and not current:
        return OLD
    if not current and not old and n_samples == 0 and root <= {"samples"}:
        return EMPTY
    return UNKNOWN


@dataclass
class Plan:
    """How to read a file: as ``version`` (0 migrates), and why it must stay read-only."""

    version: int
    read_only_reason: str = ""


def plan(path: Path, stated: int | None, layout: str) -> Plan | None:
    """How to read a file whose version attribute says ``stated`` (None: missing or not
    a number) and whose objects look like ``layout``; None means refuse it."""
    name = path.name
    said = "is missing" if stated is None else f"reads {stated}"
    keep = (
        " It was opened read-only so that nothing is converted or overwritten; "
        "File > Save As in the window (or save_project with a new path in a script) "
        "writes a repaired copy and this file stays as it is."
    )
    if stated == FORMAT_VERSION and layout in (CURRENT, EMPTY):
        return Plan(FORMAT_VERSION)
    if stated == 0 and layout in (OLD, EMPTY):
        return Plan(0)
    if layout == CURRENT:
        return Plan(
            FORMAT_VERSION,
            f"{name}: its format version {said}, but its content is a version-{FORMAT_VERSION} "
            "project (the version number looks damaged)." + keep,
        )
    if layout == OLD:
        return Plan(
            0,
            f"{name}: its format version {said}, but its content is the older version-0 "
            "layout, which was read and converted in memory." + keep,
        )
    if stated is None:
        return None
    return Plan(
        stated,
        f"{name}: its content fits neither the version-{FORMAT_VERSION} project layout nor "
        f"the older version-0 one (format version {said}); what could be read is shown." + keep,
    )
