"""Apply a stored PLS model: each sample's spectra -> a predicted value with provenance.

The sample's spectra are averaged on the model's x axis (linear interpolation, no
extrapolation), preprocessed with the model's own pipeline and fitted state, and
predicted. The value is ``Quantity(origin="predicted", method="PLS model <id>")`` in the
model's unit and basis, with ``uncertainty = 2 x RMSECV``. A sample whose spectra do
not cover the model's range (or have other x units) gets a message instead of a value.
"""

from __future__ import annotations

import numpy as np

from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.model_io import MODEL_KIND, PlsPredictor, from_stored
from workbench.analysis.pls import MIN_Q2_FOR_PREDICTION
from workbench.analysis.spectral_data import collect
from workbench.errors import AnalysisError
from workbench.model import Quantity
from workbench.progress import Progress


def choose_model(inputs: AnalysisInputs, wanted: str) -> PlsPredictor:
    """The stored PLS model with this id or name (newest one when ``wanted`` is empty)."""
    models = [m for m in inputs.models.values() if m.kind == MODEL_KIND]
    if not models:
        raise AnalysisError("The project has no PLS model; run a PLS calibration first.")
    wanted = wanted.strip()
    if not wanted:
        chosen = max(models, key=lambda m: m.created)
    else:
        matches = [m for m in models if m.id == wanted] or [
            m for m in models if m.name.casefold() == wanted.casefold()
        ]
        if not matches:
            names = ", ".join(f"{m.name} ({m.id})" for m in models)
            raise AnalysisError(f"There is no PLS model {wanted!r}; stored models: {names}.")
        chosen = max(matches, key=lambda m: m.created)
    return from_stored(chosen)


def _number(value: object) -> float | None:
    """A finite number from a stored model's JSON, or None (the file may be hostile)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if np.isfinite(value) else None


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    model = choose_model(inputs, params["model"])
    perf = model.params.get("performance")
    perf = perf if isinstance(perf, dict) else {}
    rmsecv, q2 = _number(perf.get("rmsecv")), _number(perf.get("q2"))
    if q2 is None or q2 < MIN_Q2_FOR_PREDICTION:
        raise AnalysisError(
            f"Model {model.name!r} has a cross-validated Q2 of {q2}; below "
            f"{MIN_Q2_FOR_PREDICTION} its predictions would not be reliable enough to store."
        )
    out = AnalysisOutput(label=f"{model.property} predicted by {model.name}")
    predicted = []
    for n, si in enumerate(inputs.samples):
        progress.update(n / len(inputs.samples), f"sample {n + 1} of {len(inputs.samples)}")
        try:
            data = collect([si], axis=model.x_axis)
            if data.x_unit != model.x_unit:
                raise AnalysisError(
                    f"its spectra are in {data.x_unit!r}, the model's in {model.x_unit!r}"
                )
            value = float(model.predict_processed(model.preprocess(data.x, data.Y))[0])
        except AnalysisError as exc:
            out.messages.append(f"Sample {si.name} was not predicted: {exc}")
            continue
        if not np.isfinite(value):
            out.messages.append(f"Sample {si.name} was not predicted: the result is not finite.")
            continue
        out.sample_values[si.sample_id] = {
            model.property: Quantity(
                value,
                model.unit,
                model.basis,
                method=model.method,
                origin="predicted",
                uncertainty=None if rmsecv is None else 2.0 * float(rmsecv),
            )
        }
        predicted.append(value)
    if not predicted:
        raise AnalysisError("None of the selected samples could be predicted with this model.")
    n_cal = _number(perf.get("n_calibration"))
    out.messages.append(
        f"Model {model.name!r} ({model.model_id}), {model.n_components} components, "
        f"cross-validated RMSECV {rmsecv if rmsecv is None else f'{rmsecv:.4g}'} {model.unit} "
        f"from {'?' if n_cal is None else f'{n_cal:g}'} calibration samples; {len(predicted)} of "
        f"{len(inputs.samples)} samples predicted."
    )
    progress.update(1.0, "done")
    return out
