"""Checks a plugin's output before anything of it reaches the project.

A plugin is third-party code: it may return the wrong type, NaN, infinite values,
arrays of the wrong shape, undeclared properties or units that differ from its
manifest. Every such case raises ``OutputError`` naming the offending key, and the
runner turns it into a ``PluginRunError`` without touching the project.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from numbers import Integral, Real
from typing import Any

import numpy as np

from workbench.analysis.api import AnalysisOutput
from workbench.analysis.manifest import Manifest
from workbench.messages import message_problem, text_problem
from workbench.model import Column, Quantity, StoredModel
from workbench.vocab import Basis

PLOT_KINDS = ("line", "bar", "scatter", "table")
_BASES = {b.value for b in Basis}


class OutputError(ValueError):
    """The plugin returned something malformed."""


def _finite(x: Any, where: str, *, allow_none: bool = False) -> None:
    if x is None and allow_none:
        return
    if isinstance(x, bool) or not isinstance(x, Real):
        raise OutputError(f"{where}: expected a number, got {type(x).__name__} {x!r}")
    if not math.isfinite(float(x)):
        raise OutputError(f"{where}: {x!r} is not a finite number")


def check_quantity(manifest: Manifest, prop: str, q: Any, where: str) -> None:
    """One output value: type, finiteness, declared property, unit and basis."""
    if not isinstance(prop, str) or not prop:
        raise OutputError(f"{where}: property names must be non-empty strings, got {prop!r}")
    if not isinstance(q, Quantity):
        raise OutputError(f"{where}[{prop}]: expected a Quantity, got {type(q).__name__}")
    _finite(q.value, f"{where}[{prop}].value")
    for attr in ("sd", "uncertainty"):
        _finite(getattr(q, attr), f"{where}[{prop}].{attr}", allow_none=True)
    if q.n is not None and (isinstance(q.n, bool) or not isinstance(q.n, Integral) or q.n < 0):
        raise OutputError(f"{where}[{prop}].n: expected a count, got {q.n!r}")
    for i, r in enumerate(q.replicates):
        _finite(r, f"{where}[{prop}].replicates[{i}]")
    if not isinstance(q.unit, str):
        raise OutputError(f"{where}[{prop}].unit: expected text, got {q.unit!r}")
    if q.basis not in _BASES:
        raise OutputError(f"{where}[{prop}].basis: {q.basis!r} is not one of {sorted(_BASES)}")
    spec = manifest.value_spec(prop)
    if spec is None:
        raise OutputError(
            f"{where}[{prop}]: property not declared in the manifest's produces.values"
        )
    if spec.unit is not None and q.unit != spec.unit:
        raise OutputError(
            f"{where}[{prop}].unit: {q.unit!r} differs from the declared {spec.unit!r}"
        )
    if spec.basis is not None and q.basis != spec.basis:
        raise OutputError(
            f"{where}[{prop}].basis: {q.basis!r} differs from the declared {spec.basis!r}"
        )


def _column_array(name: str, col: Any) -> np.ndarray:
    if not isinstance(col, Column):
        raise OutputError(f"columns[{name}]: expected a Column, got {type(col).__name__}")
    if not isinstance(col.unit, str):
        raise OutputError(f"columns[{name}].unit: expected text, got {col.unit!r}")
    try:
        arr = np.asarray(col.data)
    except Exception as exc:
        raise OutputError(f"columns[{name}]: not an array ({exc})") from None
    if arr.ndim != 1:
        raise OutputError(f"columns[{name}]: expected a 1-D array, got shape {arr.shape}")
    if arr.dtype.kind not in "biuf":
        raise OutputError(f"columns[{name}]: expected numbers, got dtype {arr.dtype}")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        bad = int(np.count_nonzero(~np.isfinite(arr)))
        raise OutputError(f"columns[{name}]: {bad} value(s) are NaN or infinite")
    return arr


def _check_plots(plots: Any, lengths: dict[str, int]) -> None:
    if not isinstance(plots, list):
        raise OutputError(f"plots: expected a list, got {type(plots).__name__}")
    for i, plot in enumerate(plots):
        where = f"plots[{i}]"
        if not isinstance(plot, dict):
            raise OutputError(f"{where}: expected a dict")
        kind = plot.get("kind", "line")
        if kind not in PLOT_KINDS:
            raise OutputError(f"{where}.kind: {kind!r} is not one of {PLOT_KINDS}")
        if kind == "table":
            names = plot.get("columns")
            if not isinstance(names, list) or not names:
                raise OutputError(f"{where}.columns: a table needs a non-empty list of columns")
        else:
            ys = plot.get("y")
            if isinstance(ys, str):
                ys = [ys]
            if not isinstance(ys, list) or not ys:
                raise OutputError(f"{where}.y: expected a list of column names")
            names = [plot.get("x"), *ys]
        for key in ("title", "x_label", "y_label"):
            if key in plot and plot[key] is not None:
                problem = text_problem(plot[key])
                if problem:
                    raise OutputError(f"{where}.{key}: {problem}")
        _check_marks(plot, where)
        for n in names:
            if n not in lengths:
                raise OutputError(f"{where}: column {n!r} is not among the output columns")
        sizes = {lengths[n] for n in names}
        if len(sizes) > 1:
            raise OutputError(f"{where}: columns {names} have different lengths {sorted(sizes)}")
        try:
            json.dumps(plot)
        except (TypeError, ValueError) as exc:
            raise OutputError(f"{where}: not JSON-serialisable ({exc})") from None


def _check_marks(plot: dict[str, Any], where: str) -> None:
    """``markers`` (vertical lines: x, label) and ``points`` (named points: x, y, label)."""
    for key, coords in (("markers", ("x",)), ("points", ("x", "y"))):
        marks = plot.get(key, [])
        if not isinstance(marks, list):
            raise OutputError(f"{where}.{key}: expected a list")
        for j, mark in enumerate(marks):
            if not isinstance(mark, dict):
                raise OutputError(f"{where}.{key}[{j}]: expected a dict")
            for c in coords:
                value = mark.get(c)
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise OutputError(f"{where}.{key}[{j}].{c}: expected a number")
                if not math.isfinite(value):
                    raise OutputError(f"{where}.{key}[{j}].{c}: {value} is not finite")
            problem = text_problem(mark.get("label", ""))
            if problem:
                raise OutputError(f"{where}.{key}[{j}].label: {problem}")


_MODEL_ID = re.compile(r"[A-Za-z0-9_\-][A-Za-z0-9_.\-]{0,127}")


def _check_model(i: int, model: Any) -> None:
    where = f"models[{i}]"
    if not isinstance(model, StoredModel):
        raise OutputError(f"{where}: expected a StoredModel, got {type(model).__name__}")
    # the id becomes a group name under /models: no paths ("/", "..") that would
    # place the model elsewhere in the project file
    if not isinstance(model.id, str) or not _MODEL_ID.fullmatch(model.id):
        raise OutputError(
            f"{where}.id: {model.id!r} is not a valid model id "
            "(letters, digits, '_', '-', '.'; at most 128 characters)"
        )
    for key, arr in model.arrays.items():
        a = np.asarray(arr)
        if a.dtype.kind not in "biuf":
            raise OutputError(f"{where}.arrays[{key}]: expected a numeric array, got {a.dtype}")
    try:
        json.dumps(model.params)
        json.dumps(model.provenance)
    except (TypeError, ValueError) as exc:
        raise OutputError(f"{where}: params/provenance not JSON-serialisable ({exc})") from None


def validate_output(
    manifest: Manifest, out: Any, sample_ids: Iterable[str]
) -> dict[str, np.ndarray]:
    """Raise ``OutputError`` unless ``out`` is a well-formed output; return column arrays."""
    if not isinstance(out, AnalysisOutput):
        raise OutputError(f"the plugin returned {type(out).__name__}, not an AnalysisOutput")
    if not isinstance(out.values, dict):
        raise OutputError("values: expected a dict of property -> Quantity")
    for prop, q in out.values.items():
        check_quantity(manifest, prop, q, "values")
    ids = set(sample_ids)
    if not isinstance(out.sample_values, dict):
        raise OutputError("sample_values: expected a dict of sample id -> values")
    for sid, vals in out.sample_values.items():
        if sid not in ids:
            raise OutputError(f"sample_values[{sid!r}]: not one of the input samples")
        if not isinstance(vals, dict):
            raise OutputError(f"sample_values[{sid!r}]: expected a dict")
        for prop, q in vals.items():
            check_quantity(manifest, prop, q, f"sample_values[{sid!r}]")
    if not isinstance(out.columns, dict):
        raise OutputError("columns: expected a dict of name -> Column")
    arrays: dict[str, np.ndarray] = {}
    for name, col in out.columns.items():
        if not isinstance(name, str) or not name:
            raise OutputError(f"columns: names must be non-empty strings, got {name!r}")
        if "*" not in manifest.columns and name not in manifest.columns:
            raise OutputError(
                f"columns[{name}]: column not declared in the manifest's produces.columns"
            )
        arrays[name] = _column_array(name, col)
        problem = text_problem(col.label)
        if problem:
            raise OutputError(f"columns[{name}].label: {problem}")
    _check_plots(out.plots, {n: a.shape[0] for n, a in arrays.items()})
    if not isinstance(out.messages, list):
        raise OutputError('messages: expected a list of strings or {"en": ..., "fi": ...} records')
    for i, message in enumerate(out.messages):
        problem = message_problem(message)
        if problem:
            raise OutputError(f"messages[{i}]: {problem}")
    problem = text_problem(out.label)
    if problem:
        raise OutputError(f"label: {problem}")
    if not isinstance(out.models, list):
        raise OutputError("models: expected a list of StoredModel")
    for i, model in enumerate(out.models):
        _check_model(i, model)
    ids = [m.id for m in out.models]
    if len(set(ids)) != len(ids):
        raise OutputError(f"models: duplicate model ids {sorted(ids)}")
    return arrays
