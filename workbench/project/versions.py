"""Which layout a project file holds, and whether its version number agrees.

The root attribute ``format_version`` is one small integer: one flipped bit turned a
current project into "version 0", which was then migrated into an empty project and
saved over the original. So the version number alone never decides how a file is
read. ``layout_of`` looks for evidence of each layout in the objects themselves
(cheap: the root's link names and the first few samples; formats 1 and 2 share the
tree and differ in a sample's attributes), and ``plan`` decides:

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

from workbench.model import FIRST_WALKED_VERSION, FORMAT_VERSION
from workbench.project import safety as S

CURRENT, V1, TREE, OLD, EMPTY, UNKNOWN = "current", "v1", "tree", "v0", "empty", "unknown"
CURRENT_ROOT = frozenset({"sources", "models", "audit", "settings"})
SAMPLES_LOOKED_AT = 8
# versions 1 and 2 share the tree; they differ in where a sample's own fields are:
V1_FIELDS = frozenset({"name", "feedstock_type"})  # version 1: an attribute each (always)
V2_FIELDS = "info"  # version 2: one JSON attribute
# the version whose content each layout is
CONTENT_VERSION = {CURRENT: FORMAT_VERSION, V1: 1, OLD: 0}


def layout_of(f: h5py.File) -> str:
    """``CURRENT`` (format 2), ``V1`` (format 1), ``TREE`` (the tree of format 1 or 2
    without a sample that tells them apart), ``OLD`` (format 0), ``EMPTY`` (no samples,
    nothing else) or ``UNKNOWN`` (evidence of none, or of several)."""
    try:
        root = set(S.child_names(f))
    except S.Unsafe:
        return UNKNOWN
    current = bool(root & CURRENT_ROOT)
    old = "raw" in root
    fields: set[int] = set()  # field layouts seen on samples (1, 2)
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
            ours = bool(children & {"measurements", "results"}) or "NX_class" in attrs
            current |= ours
            old |= "data" in children or "sample_name" in attrs
            if ours and V2_FIELDS in attrs and not attrs & V1_FIELDS:
                fields.add(2)
            elif ours and attrs & V1_FIELDS and V2_FIELDS not in attrs:
                fields.add(1)
    if current and not old:
        if len(fields) > 1:
            return UNKNOWN
        return {1: V1, 2: CURRENT}.get(fields.pop(), TREE) if fields else TREE
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
    content = CONTENT_VERSION.get(layout)
    walked = stated is not None and FIRST_WALKED_VERSION <= stated <= FORMAT_VERSION
    if walked and (layout in (TREE, EMPTY) or content == stated):
        return Plan(stated)
    if stated == 0 and layout in (OLD, EMPTY):
        return Plan(0)
    if layout in (CURRENT, V1, TREE):
        version = FORMAT_VERSION if content is None else content
        return Plan(
            version,
            f"{name}: its format version {said}, but its content is a version-{version} "
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
        f"an older one (format version {said}); what could be read is shown." + keep,
    )
