"""Reading the attributes of many values at once, in the order they lie in memory (Qt-free).

Measurements (or results) that hold the same properties in the same order form a block:
``m`` owners by ``k`` properties, their quantities listed owner by owner. Reading each
attribute (value, unit, basis, ...) in that order touches the objects one after the
other as they were made, where reading one property's values over all samples jumps
across the whole model for every attribute: on 10,000 samples x 10 properties the
per-property reading (``candidates.Candidates.attrs``) took about 40 % longer.

``block_attrs`` returns, per property of the block, the same attribute arrays as
``Candidates.attrs`` builds from one property's quantities (that path stays for every
other case: candidates merged from several blocks, basis variants, what-if values). A
column is cut out of the block with array slicing; a unit, basis or origin that is the
same for the whole block is not cut out per value at all.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any

import numpy as np

from workbench.value_flags import usable_as_measured

VALUE, UNIT, BASIS, ORIGIN = (attrgetter(a) for a in ("value", "unit", "basis", "origin"))
SD, UNC, REPS, FLAGS = (attrgetter(a) for a in ("sd", "uncertainty", "replicates", "flags"))


def flags_of(q: Any) -> Any:
    """A value's warnings (None for an object that has none, e.g. a reference value)."""
    return getattr(q, "flags", None)


def distinct(values: list) -> set:
    """The distinct values of a list; quickly when all are one (the usual case: one
    unit, basis or origin for every candidate of a property)."""
    if values and values.count(values[0]) == len(values):
        return {values[0]}
    return set(values)


def floats(values: list) -> np.ndarray:
    """Numbers (``None`` = NaN) as a float array, quickly when all are ``None``."""
    if values.count(None) == len(values):
        return np.full(len(values), np.nan)
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _strings(values: list, m: int, k: int) -> list[tuple[list, set]]:
    """Per column of the block: its values and their distinct values."""
    if values and values.count(values[0]) == len(values):
        one = values[0]
        return [([one] * m, {one}) for _ in range(k)]
    out = []
    for j in range(k):
        col = values[j::k]
        out.append((col, distinct(col)))
    return out


def block_attrs(qs: list, m: int, k: int, unstated: str) -> list[dict[str, Any]]:
    """The attributes of each of the ``k`` properties of a block of ``m`` owners
    (``qs``: the ``m * k`` quantities, owner by owner), as ``Candidates.attrs`` has them.
    ``unstated``: the origin of a value that states none (its owner's kind: "measured"
    in a measurement, "derived" in a plugin's result)."""
    n = m * k
    origin = list(map(ORIGIN, qs))
    one_stated = origin and origin[0] and origin.count(origin[0]) == n  # the usual case
    if not one_stated and ("" in origin or None in origin):
        origin = [o or unstated for o in origin]
    origins = _strings(origin, m, k)
    value = np.fromiter(map(VALUE, qs), dtype=float, count=n).reshape(m, k)
    units = _strings(list(map(UNIT, qs)), m, k)
    bases = _strings(list(map(BASIS, qs)), m, k)
    sd = floats(list(map(SD, qs))).reshape(m, k)
    unc = floats(list(map(UNC, qs))).reshape(m, k)
    rep_lo = np.full(n, np.nan)
    rep_hi = np.full(n, np.nan)
    if any(map(REPS, qs)):  # no list unless some value has replicates
        for i, r in enumerate(map(REPS, qs)):
            if r:
                rep_lo[i], rep_hi[i] = min(r), max(r)
    rep_lo, rep_hi = rep_lo.reshape(m, k), rep_hi.reshape(m, k)
    try:
        flagged = any(map(FLAGS, qs))
        read_flags = FLAGS
    except AttributeError:  # an object without warnings
        flagged = any(map(flags_of, qs))
        read_flags = flags_of
    usable = None
    if flagged:
        usable = np.fromiter(
            map(usable_as_measured, map(read_flags, qs)), dtype=bool, count=n
        ).reshape(m, k)
    out = []
    for j in range(k):
        basis, bset = bases[j]
        if "" in bset or None in bset:
            basis = [b or "" for b in basis]
            bset = distinct(basis)
        use = None
        if usable is not None and not usable[:, j].all():
            use = usable[:, j].copy()
        out.append(
            {
                "value": value[:, j].copy(),
                "unit": units[j][0],
                "units": units[j][1],
                "basis": basis,
                "bases": bset,
                "basis_arr": np.array(basis, dtype=object) if len(bset) > 1 else None,
                "sd": sd[:, j].copy(),
                "unc": unc[:, j].copy(),
                "rep_lo": rep_lo[:, j].copy(),
                "rep_hi": rep_hi[:, j].copy(),
                "origin": origins[j][0],
                "origins": origins[j][1],
                "usable": use,
            }
        )
    return out


def with_basis(attrs: dict[str, Any], basis: str) -> dict[str, Any]:
    """A block column's attributes for values stored under a basis-variant id
    (``ash_ar``: the property ``ash`` on basis ``ar``)."""
    n = len(attrs["value"])
    return {**attrs, "basis": [basis] * n, "bases": {basis}, "basis_arr": None}


def _joined(
    parts: list[dict[str, Any]], key: str, kinds_key: str, order: list[int]
) -> tuple[list, set]:
    kinds = set().union(*(p[kinds_key] for p in parts))
    if len(kinds) == 1:
        return [next(iter(kinds))] * len(order), kinds
    joined = list(chain.from_iterable(p[key] for p in parts))
    return [joined[k] for k in order] if len(order) < 2 else list(itemgetter(*order)(joined)), kinds


def merge_attrs(parts: list[dict[str, Any]], order: np.ndarray) -> dict[str, Any]:
    """The attributes of candidates gathered from several block columns, in ``order``
    (indices into the columns laid end to end)."""
    pick = order.tolist()

    def cat(key: str) -> np.ndarray:
        return np.concatenate([p[key] for p in parts])[order]

    unit, units = _joined(parts, "unit", "units", pick)
    basis, bases = _joined(parts, "basis", "bases", pick)
    origin, origins = _joined(parts, "origin", "origins", pick)
    usable = None
    if any(p["usable"] is not None for p in parts):
        usable = np.concatenate(
            [
                p["usable"] if p["usable"] is not None else np.ones(len(p["value"]), dtype=bool)
                for p in parts
            ]
        )[order]
        usable = None if usable.all() else usable
    return {
        "value": cat("value"),
        "unit": unit,
        "units": units,
        "basis": basis,
        "bases": bases,
        "basis_arr": np.array(basis, dtype=object) if len(bases) > 1 else None,
        "sd": cat("sd"),
        "unc": cat("unc"),
        "rep_lo": cat("rep_lo"),
        "rep_hi": cat("rep_hi"),
        "origin": origin,
        "origins": origins,
        "usable": usable,
    }
