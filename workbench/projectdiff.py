"""Compare two projects field by field, array by array (used by the self-test and tests).

``compare_projects(a, b)`` raises ``SelfTestFailure`` naming the first difference:
samples and their fields, measurements (attributes, quantities, every column's unit
and data), results, stored source bytes (and their SHA-256), models, settings and the
audit log (``b`` must keep ``a``'s entries). Metadata-like values are compared as JSON
text, so a tuple that became a list after a save/open cycle counts as equal.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import numpy as np


class SelfTestFailure(AssertionError):
    """A self-test check did not hold."""


def check(condition: object, message: str) -> None:
    """Raise ``SelfTestFailure(message)`` unless ``condition`` holds (survives ``-O``)."""
    if not condition:
        raise SelfTestFailure(message)


def _norm(value: Any) -> str:
    """JSON text of a metadata-like value, for comparing across a save/open cycle."""
    return json.dumps(value, sort_keys=True, default=str)


def _same_array(a: Any, b: Any) -> bool:
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape:
        return False
    if np.issubdtype(x.dtype, np.number) and np.issubdtype(y.dtype, np.number):
        return bool(np.array_equal(x, y, equal_nan=np.issubdtype(x.dtype, np.floating)))
    return bool(np.array_equal(x.astype(str), y.astype(str)))


def _compare_columns(where: str, a: dict, b: dict) -> None:
    check(list(a) == list(b), f"{where}: columns {list(a)} became {list(b)}")
    for name, col in a.items():
        other = b[name]
        check(col.unit == other.unit, f"{where}/{name}: unit {col.unit!r} became {other.unit!r}")
        check(_same_array(col.values(), other.values()), f"{where}/{name}: the data changed")


def _compare_attrs(where: str, a: object, b: object, names: tuple[str, ...]) -> None:
    for name in names:
        va, vb = getattr(a, name), getattr(b, name)
        check(_norm(va) == _norm(vb), f"{where}: {name} {va!r} became {vb!r}")


_MEASUREMENT_FIELDS = (
    "kind",
    "signal",
    "axes",
    "label",
    "method",
    "instrument",
    "replicate",
    "basis",
    "source_sha256",
    "source_name",
    "source_format",
    "metadata",
    "created",
)
_RESULT_FIELDS = (
    "plugin_id",
    "plugin_version",
    "parameters",
    "inputs",
    "plots",
    "messages",
    "label",
    "app_version",
    "created",
)


def compare_projects(a: Any, b: Any) -> None:
    """Raise ``SelfTestFailure`` naming the first difference between two projects."""
    check(list(a.samples) == list(b.samples), "the samples or their order changed")
    sample_fields = ("name", "feedstock_type", "supplier", "origin", "date_received", "notes")
    for sid, sa in a.samples.items():
        sb = b.samples[sid]
        _compare_attrs(sid, sa, sb, (*sample_fields, "metadata", "labels"))
        check(list(sa.measurements) == list(sb.measurements), f"{sid}: measurements changed")
        for mid, ma in sa.measurements.items():
            mb, where = sb.measurements[mid], f"{sid}/{mid}"
            _compare_attrs(
                where,
                ma,
                mb,
                _MEASUREMENT_FIELDS,
            )
            qa = {k: q.to_json() for k, q in ma.quantities.items()}
            qb = {k: q.to_json() for k, q in mb.quantities.items()}
            check(_norm(qa) == _norm(qb), f"{where}: quantities changed")
            _compare_columns(where, ma.columns, mb.columns)
        check(list(sa.results) == list(sb.results), f"{sid}: results changed")
        for rid, ra in sa.results.items():
            rb, where = sb.results[rid], f"{sid}/{rid}"
            _compare_attrs(
                where,
                ra,
                rb,
                _RESULT_FIELDS,
            )
            va = {k: q.to_json() for k, q in ra.values.items()}
            vb = {k: q.to_json() for k, q in rb.values.items()}
            check(_norm(va) == _norm(vb), f"{where}: values changed")
            _compare_columns(where, ra.columns, rb.columns)
    check(list(a.sources) == list(b.sources), "the stored source files changed")
    for sha, fa in a.sources.items():
        raw = b.sources[sha].read_bytes()
        check(raw == fa.read_bytes(), f"source {fa.name}: the bytes changed")
        check(hashlib.sha256(raw).hexdigest() == sha, f"source {fa.name}: SHA-256 mismatch")
    check(list(a.models) == list(b.models), "the stored models changed")
    for mid, ma in a.models.items():
        mb = b.models[mid]
        _compare_attrs(mid, ma, mb, ("kind", "name", "params", "provenance"))
        for name, arr in ma.arrays.items():
            check(_same_array(arr, mb.arrays[name]), f"model {mid}/{name}: the data changed")
    check(_norm(a.settings) == _norm(b.settings), "the project settings changed")
    audit_a = [(e.time, e.user, e.action, e.detail) for e in a.audit]
    audit_b = [(e.time, e.user, e.action, e.detail) for e in b.audit]
    check(audit_b[: len(audit_a)] == audit_a, "the audit log was not kept")
