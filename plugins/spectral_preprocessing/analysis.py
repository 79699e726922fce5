"""Spectral preprocessing plugin: every spectrum of the sample, before and after.

Each spectrum measurement of the sample is processed on its own with the chosen
pipeline (``workbench.analysis.pipelines``). For the i-th spectrum (1-based) the result
holds the columns ``x_raw_i``/``raw_i`` (the measured spectrum) and ``x_i``/
``processed_i`` (after the pipeline; range selection and resampling change the axis),
and two plots: the processed spectra and the raw spectra, so a viewer shows the
effect of the pipeline side by side. MSC against the mean uses the mean of the
sample's own spectra (with one spectrum, MSC needs a given reference).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.pipelines import apply_pipeline, describe, resolve_pipeline
from workbench.analysis.spectral_data import spectrum_of
from workbench.errors import AnalysisError
from workbench.messages import bilingual
from workbench.progress import Progress


def project_settings(inputs: AnalysisInputs) -> Any:
    """The project's settings when the runner passes them (named project pipelines)."""
    return getattr(inputs, "settings", None)


def _title(kind: str, number: int | None) -> dict[str, str]:
    """Plot title: before or after preprocessing, with the spectrum's number when several."""
    en = "After preprocessing" if kind == "processed" else "Before preprocessing"
    fi = "Esikäsittelyn jälkeen" if kind == "processed" else "Ennen esikäsittelyä"
    if number is not None:
        en, fi = f"{en} (spectrum {number})", f"{fi} (spektri {number})"
    return bilingual(en, fi)


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    sample = inputs.sample
    steps = resolve_pipeline(params["pipeline"], project=project_settings(inputs))
    spectra = [spectrum_of(m) for m in sample.of_kind("spectrum")]
    if not spectra:
        raise AnalysisError(f"Sample {sample.name} has no spectrum.")
    pipeline = params["pipeline"]
    out = AnalysisOutput(
        label=bilingual(
            f"Preprocessed spectra ({pipeline})", f"Esikäsitellyt spektrit ({pipeline})"
        )
    )
    msc_mean = any(s["op"] == "msc" and s["reference"] == "mean" for s in steps)
    same_axis = all(np.array_equal(sp.x, spectra[0].x) for sp in spectra)
    if msc_mean and (len(spectra) < 2 or not same_axis):
        raise AnalysisError(
            "MSC against the mean needs several spectra on the same axis; give a reference "
            "spectrum or use SNV for a single spectrum."
        )
    if same_axis:
        # One call for the whole stack: MSC uses the mean of the sample's spectra.
        x_new, Y_new = apply_pipeline(spectra[0].x, np.vstack([sp.y for sp in spectra]), steps)
        processed = [(x_new, row) for row in Y_new]
    else:
        processed = []
        for i, sp in enumerate(spectra):
            progress.update(i / len(spectra), f"spectrum {i + 1} of {len(spectra)}")
            x_new, Y_new = apply_pipeline(sp.x, sp.y, steps)
            processed.append((x_new, Y_new[0]))
    x_unit = spectra[0].x_unit
    for i, (sp, (x_new, y_new)) in enumerate(zip(spectra, processed), start=1):
        out.add_column(f"x_raw_{i}", sp.x_unit, sp.x, bilingual(f"x (raw {i})", f"x (raaka {i})"))
        out.add_column(
            f"raw_{i}", sp.y_unit, sp.y, bilingual(f"raw spectrum {i}", f"raakaspektri {i}")
        )
        out.add_column(
            f"x_{i}", sp.x_unit, x_new, bilingual(f"x (processed {i})", f"x (esikäsitelty {i})")
        )
        out.add_column(
            f"processed_{i}",
            "",
            y_new,
            bilingual(f"processed spectrum {i}", f"esikäsitelty spektri {i}"),
        )
    numbers = list(range(1, len(spectra) + 1))
    processed_y = raw_y = numbers
    for kind, idx in (("processed", processed_y), ("raw", raw_y)):
        # Spectra with different axes cannot share one x column: one plot per axis.
        for i in idx:
            xname = f"x_{i}" if kind == "processed" else f"x_raw_{i}"
            out.plots.append(
                {
                    "kind": "line",
                    "x": xname,
                    "y": [f"{kind}_{i}"],
                    "title": _title(kind, i if len(spectra) > 1 else None),
                    "x_label": f"x ({x_unit})" if x_unit else "x",
                    "y_label": bilingual("processed signal", "esikäsitelty signaali")
                    if kind == "processed"
                    else bilingual("raw signal", "raakasignaali"),
                }
            )
    name = params["pipeline"]
    out.note(
        en=f"Pipeline {name!r}: {describe(steps)}.",
        fi=f"Esikäsittelyketju {name!r}: {describe(steps, 'fi')}.",
    )
    progress.update(1.0, "done")
    return out
