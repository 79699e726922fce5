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
  (JSON, validated strictly on load), the cross-validated performance and the x unit;
* optional, for the prediction-outlier check (``spectral_distance``):
  ``arrays["outlier.rotations"]`` and ``arrays["outlier.loadings"]`` (k x p, flattened by
  rows), ``arrays["outlier.x_scale"]`` (p) and ``arrays["outlier.score_var"]`` (k), with
  ``params["outlier_limits"]`` (``t2``, ``q`` when there is one, ``confidence``). A model
  without them (made before they existed) predicts as before, without that check.

Predictions are checked against the model (``PlsPredictor.flags``): outside the
calibration range (the reference values' range, ``performance["reference_range"]``, or
for an older model the references of its CV predictions), outside the property's
physical bounds, and the spectral outlier check; see ``workbench.value_flags``.

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
from workbench.analysis.spectral_distance import SpectralLimits
from workbench.errors import AnalysisError
from workbench.model import StoredModel, new_id, now_iso
from workbench.value_flags import (
    CALIBRATION_RANGE_MARGIN,
    OUTSIDE_CALIBRATION,
    OUTSIDE_PHYSICAL,
    physical_bounds,
)

MODEL_KIND = "pls_regression"
MODEL_FORMAT = 1
_STATE_PREFIX = "state."
_OUTLIER = "outlier."


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
    limits: SpectralLimits | None = None

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

    def reference_range(self) -> tuple[float, float] | None:
        """Lowest and highest reference value of the calibration samples (None: unknown).

        Stored as ``performance["reference_range"]``; a model made before that was
        stored gives it from the references of its cross-validated predictions."""
        perf = self.params.get("performance")
        perf = perf if isinstance(perf, Mapping) else {}
        stored = perf.get("reference_range")
        values: list[Any] = list(stored) if isinstance(stored, list) else []
        if not values:
            rows = perf.get("cv_predictions")
            rows = rows if isinstance(rows, list) else []
            values = [r.get("reference") for r in rows if isinstance(r, Mapping)]
        finite = [
            float(v)
            for v in values
            if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
        ]
        return (min(finite), max(finite)) if finite else None

    def flags(self, values: np.ndarray, Xp: np.ndarray | None = None) -> list[list[dict]]:
        """The warnings of each prediction (``workbench.value_flags``): outside the
        calibration range, outside the property's physical bounds and, given the
        preprocessed spectra ``Xp`` and limits stored with the model, a spectrum unlike
        the calibration spectra."""
        values = np.atleast_1d(np.asarray(values, dtype=float))
        out: list[list[dict]] = [[] for _ in values]
        bounds = physical_bounds(self.property, self.unit)
        if bounds is not None:
            for i, v in enumerate(values.tolist()):
                if v < bounds[0] or v > bounds[1]:
                    out[i].append({"code": OUTSIDE_PHYSICAL, "lo": bounds[0], "hi": bounds[1]})
        rng = self.reference_range()
        if rng is not None:
            lo, hi = rng
            pad = CALIBRATION_RANGE_MARGIN * (hi - lo)
            for i, v in enumerate(values.tolist()):
                if v < lo - pad or v > hi + pad:
                    out[i].append(
                        {
                            "code": OUTSIDE_CALIBRATION,
                            "lo": lo,
                            "hi": hi,
                            "margin": CALIBRATION_RANGE_MARGIN,
                        }
                    )
        if self.limits is not None and Xp is not None:
            for i, flag in enumerate(self.limits.flags(Xp)):
                if flag is not None:
                    out[i].append(flag)
        return out


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
    limits: SpectralLimits | None = None,
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
    if limits is not None:
        arrays[_OUTLIER + "rotations"] = np.asarray(limits.rotations, dtype=float).ravel()
        arrays[_OUTLIER + "loadings"] = np.asarray(limits.loadings, dtype=float).ravel()
        arrays[_OUTLIER + "x_scale"] = np.asarray(limits.x_scale, dtype=float).copy()
        arrays[_OUTLIER + "score_var"] = np.asarray(limits.score_var, dtype=float).copy()
        params["outlier_limits"] = {"t2": float(limits.t2_limit), "confidence": limits.confidence}
        if limits.q_limit is not None:
            params["outlier_limits"]["q"] = float(limits.q_limit)
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
    limits = _limits(model, params, k, x_mean)
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
        limits=limits,
    )


def _limit(model: StoredModel, given: Mapping, key: str, required: bool) -> float | None:
    value = given.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad(model, f"the outlier limit {key!r} is not a number")
    if not (math.isfinite(value) and value > 0):
        raise _bad(model, f"the outlier limit {key!r} is not a positive finite number")
    return float(value)


def _limits(
    model: StoredModel, params: Mapping, k: int, x_mean: np.ndarray
) -> SpectralLimits | None:
    """The stored prediction-outlier limits, checked (None when the model has none)."""
    if not any(key.startswith(_OUTLIER) for key in model.arrays):
        return None
    p = x_mean.size
    given = params.get("outlier_limits")
    if not isinstance(given, Mapping):
        raise _bad(model, "the outlier limits are missing")
    confidence = _limit(model, given, "confidence", True)
    if confidence >= 1:
        raise _bad(model, "the outlier limits' confidence is not below 1")
    score_var = _vector(model, _OUTLIER + "score_var", k)
    x_scale = _vector(model, _OUTLIER + "x_scale", p)
    if np.any(score_var <= 0) or np.any(x_scale <= 0):
        raise _bad(model, "a variance or scale of the outlier check is not positive")
    return SpectralLimits(
        x_mean=x_mean,
        x_scale=x_scale,
        rotations=_vector(model, _OUTLIER + "rotations", k * p).reshape(k, p),
        loadings=_vector(model, _OUTLIER + "loadings", k * p).reshape(k, p),
        score_var=score_var,
        t2_limit=_limit(model, given, "t2", True),
        q_limit=_limit(model, given, "q", False),
        confidence=confidence,
    )
