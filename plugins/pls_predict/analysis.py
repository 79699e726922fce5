"""Apply a stored PLS model: each sample's spectra -> a predicted value with provenance.

The sample's spectra are averaged on the model's x axis (linear interpolation, no
extrapolation), preprocessed with the model's own pipeline and fitted state, and
predicted. The value is ``Quantity(origin="predicted", method="PLS model <id>")`` in the
model's unit and basis, with ``uncertainty = 2 x RMSECV`` and its warnings as ``flags``
(outside the calibration range, physically impossible, a spectrum unlike the
calibration spectra: ``PlsPredictor.flags``). A sample whose spectra do
not cover the model's range (or have other x units) gets a message instead of a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.model_io import MODEL_KIND, PlsPredictor, from_stored
from workbench.analysis.pls import MIN_Q2_FOR_PREDICTION
from workbench.analysis.spectral_data import collect
from workbench.errors import AnalysisError
from workbench.messages import bilingual, fi_number
from workbench.model import Quantity
from workbench.progress import Progress
from workbench.value_flags import flagged_note
from workbench.vocab import PROPERTIES


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


def _fi_g(text: str) -> str:
    """A number the English reason wrote with ``:g``, written the Finnish way."""
    try:
        return fi_number(float(text), "g")
    except ValueError:
        return text


def _beyond_range_fi(m: re.Match[str]) -> str:
    lo, hi, m_lo, m_hi = (_fi_g(g) for g in m.groups())
    return (
        f"mallin spektrialue ({lo}–{hi}) ulottuu mitatun alueen ({m_lo}–{m_hi}) "
        "ulkopuolelle; arvot jouduttaisiin ekstrapoloimaan."
    )


# Finnish versions of the reasons the spectrum helpers give for not predicting a
# sample (AnalysisError texts of workbench.analysis.spectral_data and .preprocess);
# a reason not listed here is shown in English inside the Finnish sentence.
_REASONS_FI: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(p), fi)
    for p, fi in [
        (r"^None of the selected samples has a spectrum\.$", "näytteellä ei ole spektriä."),
        (
            r"^The common axis \((.+) to (.+)\) reaches beyond the measured range "
            r"\((.+) to (.+)\); values there would be extrapolated\.$",
            _beyond_range_fi,
        ),
        (
            r"^The spectra have different x units \((.+)\)\.$",
            r"spektrien x-akselien yksiköt eroavat (\1).",
        ),
        (
            r"^The spectra have different signal units \((.+)\)\.$",
            r"spektrien signaalien yksiköt eroavat (\1).",
        ),
        (
            r"^The x axis repeats a value; a spectrum cannot be resampled\.$",
            "x-akselilla on sama arvo kahdesti, joten spektriä ei voi interpoloida.",
        ),
        (
            r"^A spectrum needs at least two points\.$",
            "spektrissä on oltava vähintään kaksi pistettä.",
        ),
        (
            r"^Measurement (.+) is not a spectrum with an x axis\.$",
            r"mittaus \1 ei ole spektri, jolla on x-akseli.",
        ),
        (
            r"^Spectrum (.+) has mismatched axis and signal\.$",
            r"spektrin \1 akseli ja signaali eivät vastaa toisiaan.",
        ),
    ]
]


def _reason_fi(reason: str) -> str:
    for pattern, fi in _REASONS_FI:
        if pattern.match(reason):
            return pattern.sub(fi, reason)
    return reason


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
    pdef = PROPERTIES.get(model.property)
    out = AnalysisOutput(
        label=bilingual(
            f"{pdef.label_en if pdef else model.property} predicted by {model.name}",
            f"{pdef.label_fi if pdef else model.property}, ennuste mallilla {model.name}",
        )
    )
    predicted: list[float] = []
    names: list[str] = []
    all_flags: list[list[dict]] = []
    for n, si in enumerate(inputs.samples):
        progress.update(n / len(inputs.samples), f"sample {n + 1} of {len(inputs.samples)}")
        try:
            data = collect([si], axis=model.x_axis)
            if data.x_unit != model.x_unit:
                units = f"{data.x_unit!r}", f"{model.x_unit!r}"
                out.note(
                    en=f"Sample {si.name} was not predicted: its spectra are in {units[0]}, "
                    f"the model's in {units[1]}",
                    fi=f"Näytettä {si.name} ei ennustettu: sen spektrien yksikkö on {units[0]}, "
                    f"mallin {units[1]}.",
                )
                continue
            Xp = model.preprocess(data.x, data.Y)
            value = float(model.predict_processed(Xp)[0])
        except AnalysisError as exc:
            reason = str(exc)
            out.messages.append(
                bilingual(
                    f"Sample {si.name} was not predicted: {reason}",
                    f"Näytettä {si.name} ei ennustettu: {_reason_fi(reason)}",
                )
            )
            continue
        if not np.isfinite(value):
            out.note(
                en=f"Sample {si.name} was not predicted: the result is not finite.",
                fi=f"Näytettä {si.name} ei ennustettu: tulos ei ole äärellinen luku.",
            )
            continue
        flags = model.flags([value], Xp)[0]
        out.sample_values[si.sample_id] = {
            model.property: Quantity(
                value,
                model.unit,
                model.basis,
                method=model.method,
                origin="predicted",
                uncertainty=None if rmsecv is None else 2.0 * float(rmsecv),
                flags=flags,
            )
        }
        predicted.append(value)
        names.append(si.name)
        all_flags.append(flags)
    if not predicted:
        raise AnalysisError("None of the selected samples could be predicted with this model.")
    n_cal = _number(perf.get("n_calibration"))
    rmse = f"{rmsecv if rmsecv is None else f'{rmsecv:.4g}'} {model.unit}"
    rmse_fi = f"{'?' if rmsecv is None else fi_number(rmsecv, '.4g')} {model.unit}"
    n_cal_text = "?" if n_cal is None else f"{n_cal:g}"
    n_cal_fi = "?" if n_cal is None else fi_number(n_cal, "g")
    n_pred, n_all = len(predicted), len(inputs.samples)
    out.note(
        en=f"Model {model.name!r} ({model.model_id}), {model.n_components} components, "
        f"cross-validated RMSECV {rmse} from {n_cal_text} calibration samples; {n_pred} of "
        f"{n_all} samples predicted.",
        fi=f"Malli {model.name!r} ({model.model_id}), komponentteja {model.n_components}, "
        f"ristiinvalidoitu RMSECV {rmse_fi}, kalibrointinäytteitä {n_cal_fi}; näytteistä "
        f"ennustettiin {n_pred}/{n_all}.",
    )
    note = flagged_note(names, predicted, all_flags, model.unit)
    if note is not None:
        out.note(en=note[0], fi=note[1])
    progress.update(1.0, "done")
    return out
