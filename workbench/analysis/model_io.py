"""PLS calibration models as plain arrays and JSON (``StoredModel``), never pickle.

A PLS prediction is ``y = (x - x_mean) . coef + intercept`` on the *preprocessed*
spectrum, which is exactly what ``sklearn.cross_decomposition.PLSRegression.predict``
computes from its fitted ``coef_``, ``intercept_`` and the training mean. So a model
is stored as:

* ``arrays["x_axis"]``: the axis raw spectra are put on (linear interpolation, no
  extrapolation) before preprocessing;
* ``arrays["x_processed"]``: the axis after preprocessing (range selection changes it);
* ``arrays["x_mean"]``, ``arrays["coef"]``: training mean and coefficients, 1-D over
  ``x_processed``; ``arrays["intercept"]``: one value;
* ``arrays["state.<key>"]``: fitted preprocessing state (the MSC reference);
* ``params``: the property, unit, basis, component count, the preprocessing steps
  (JSON, validated strictly on load), the cross-validated performance and the x unit.

Everything read back is checked (kind, format version, shapes, finiteness) because a
project file may come from anyone. ``PlsPredictor`` reproduces ``PLSRegression.predict``
to rounding error (tested to 1e-10 after a project save and reopen).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.analysis import preprocess as pp
from workbench.analysis.pipelines import Steps, apply_pipeline, validate_steps
from workbench.errors import AnalysisError
from workbench.model import StoredModel, new_id, now_iso

MODEL_KIND = "pls_regression"
MODEL_FORMAT = 1
_STATE_PREFIX = "state."


@dataclass
class PlsPredictor:
    """A PLS calibration ready to predict from raw spectra."""

    model_id: str
    name: str
    property: str
    unit: str
    basis: str
    n_components: int
    steps: Steps
    x_axis: np.ndarray
    x_unit: str
    x_processed: np.ndarray
    x_mean: np.ndarray
    coef: np.ndarray
    intercept: float
    state: dict[str, np.ndarray]
    params: dict[str, Any]
    provenance: dict[str, Any]

    def predict_processed(self, Xp: np.ndarray) -> np.ndarray:
        """Predictions for already preprocessed spectra (rows over ``x_processed``)."""
        Xp = np.asarray(Xp, dtype=float)
        if Xp.ndim == 1:
            Xp = Xp[np.newaxis, :]
        if Xp.shape[1] != self.coef.size:
            raise AnalysisError(
                f"Model {self.name} expects {self.coef.size} points per spectrum, got {Xp.shape[1]}."
            )
        return ((Xp - self.x_mean) @ self.coef[:, np.newaxis] + self.intercept).ravel()

    def preprocess(self, x: np.ndarray, Y: np.ndarray) -> np.ndarray:
        """Put raw spectra (rows over ``x``) on the model axis and preprocess them."""
        x, Y = pp.as_matrix(x, Y)
        if not (x.shape == self.x_axis.shape and np.array_equal(x, self.x_axis)):
            Y = pp.resample(x, Y, self.x_axis, outside="error")
        xp, Yp = apply_pipeline(self.x_axis, Y, self.steps, state=self.state)
        if xp.shape != self.x_processed.shape or not np.allclose(xp, self.x_processed):
            raise AnalysisError(f"Preprocessing for model {self.name} changed its x axis.")
        return Yp

    def predict(self, x: np.ndarray, Y: np.ndarray) -> np.ndarray:
        """Predictions for raw spectra ``Y`` (rows) measured over ``x``."""
        return self.predict_processed(self.preprocess(x, Y))

    @property
    def method(self) -> str:
        """The ``method`` text of predicted quantities."""
        return f"PLS model {self.model_id}"


def to_stored(
    *,
    name: str,
    property: str,
    unit: str,
    basis: str,
    n_components: int,
    steps: Steps,
    x_axis: np.ndarray,
    x_unit: str,
    x_processed: np.ndarray,
    x_mean: np.ndarray,
    coef: np.ndarray,
    intercept: float,
    state: Mapping[str, np.ndarray],
    performance: Mapping[str, Any],
    provenance: Mapping[str, Any],
    model_id: str | None = None,
) -> StoredModel:
    """Pack a fitted calibration into a ``StoredModel`` (arrays + JSON only)."""
    arrays: dict[str, Any] = {
        "x_axis": np.asarray(x_axis, dtype=float).copy(),
        "x_processed": np.asarray(x_processed, dtype=float).copy(),
        "x_mean": np.asarray(x_mean, dtype=float).copy(),
        "coef": np.asarray(coef, dtype=float).reshape(-1).copy(),
        "intercept": np.array([float(intercept)]),
    }
    for key, arr in state.items():
        arrays[_STATE_PREFIX + key] = np.asarray(arr, dtype=float).copy()
    params = {
        "format": MODEL_FORMAT,
        "property": property,
        "unit": unit,
        "basis": basis,
        "n_components": int(n_components),
        "pipeline": validate_steps(steps),
        "x_unit": x_unit,
        "performance": dict(performance),
    }
    return StoredModel(
        id=model_id or new_id("m"),
        kind=MODEL_KIND,
        name=name,
        params=params,
        arrays=arrays,
        provenance={"created": now_iso(), **dict(provenance)},
    )


def _bad(model: StoredModel, problem: str) -> AnalysisError:
    return AnalysisError(f"Stored model {model.name or model.id} cannot be used: {problem}.")


def _vector(model: StoredModel, name: str, size: int | None = None) -> np.ndarray:
    if name not in model.arrays:
        raise _bad(model, f"the array {name!r} is missing")
    arr = np.asarray(model.arrays[name])
    if arr.dtype.kind not in "fiu" or arr.ndim != 1 or arr.size == 0:
        raise _bad(model, f"the array {name!r} is not a 1-D array of numbers")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)):
        raise _bad(model, f"the array {name!r} holds NaN or infinity")
    if size is not None and arr.size != size:
        raise _bad(model, f"the array {name!r} has {arr.size} values, expected {size}")
    return arr


def from_stored(model: StoredModel) -> PlsPredictor:
    """Rebuild a predictor from a stored model, validating every part."""
    if model.kind != MODEL_KIND:
        raise _bad(model, f"it is a {model.kind!r} model, not a PLS calibration")
    params = model.params if isinstance(model.params, Mapping) else {}
    if params.get("format") != MODEL_FORMAT:
        raise _bad(model, f"unknown model format {params.get('format')!r}")
    for key in ("property", "unit", "basis", "x_unit"):
        if not isinstance(params.get(key), str):
            raise _bad(model, f"the parameter {key!r} is missing")
    k = params.get("n_components")
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise _bad(model, "the component count is not a positive whole number")
    steps = validate_steps(params.get("pipeline"))
    x_axis = _vector(model, "x_axis")
    x_processed = _vector(model, "x_processed")
    p = x_processed.size
    x_mean = _vector(model, "x_mean", p)
    coef = _vector(model, "coef", p)
    intercept = float(_vector(model, "intercept", 1)[0])
    state = {
        key[len(_STATE_PREFIX) :]: _vector(model, key)
        for key in model.arrays
        if key.startswith(_STATE_PREFIX)
    }
    if not math.isfinite(intercept):
        raise _bad(model, "the intercept is not finite")
    return PlsPredictor(
        model_id=model.id,
        name=model.name,
        property=params["property"],
        unit=params["unit"],
        basis=params["basis"],
        n_components=k,
        steps=steps,
        x_axis=x_axis,
        x_unit=params["x_unit"],
        x_processed=x_processed,
        x_mean=x_mean,
        coef=coef,
        intercept=intercept,
        state=state,
        params=dict(params),
        provenance=dict(model.provenance) if isinstance(model.provenance, Mapping) else {},
    )
