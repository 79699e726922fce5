"""PCA explorer plugin: scores, loadings and explained variance across samples.

A project-scope plugin: one run covers all selected samples. How the cross-sample
result is stored (the runner gives every sample of the run its own ``Result``, all
linked by one run id in their inputs):

* each sample's result has *its own* scores as values ``pc1_score``, ``pc2_score``, ...
  (so the sample table and the classifier can show them per sample);
* every result of the run carries the shared columns: loadings over x
  (``x``, ``loading_pc1``...), the scree table (``component``,
  ``explained_variance_pct``, ``cumulative_variance_pct``) and the scores of all
  samples (``sample_number``, ``score_pc1``...), whose sample names are listed in the
  plot's ``labels`` entry (columns hold numbers only).

Each sample contributes the mean of its spectra on the common axis
(``workbench.analysis.spectral_data``); the pipeline is fitted on the whole set.
"""

from __future__ import annotations

import numpy as np

from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.pipelines import describe, fit_pipeline, resolve_pipeline
from workbench.analysis.spectral_data import collect
from workbench.messages import bilingual, fi_number
from workbench.model import Quantity
from workbench.progress import Progress

from .compute import pca

METHOD = "PCA (mean-centred SVD)"


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    steps = resolve_pipeline(params["pipeline"], project=getattr(inputs, "settings", None))
    progress.update(0.05, "collecting spectra")
    data = collect(inputs.samples)
    progress.update(0.3, "preprocessing")
    x, Y, _state = fit_pipeline(data.x, data.Y, steps)
    progress.update(0.6, "computing components")
    res = pca(Y, params["n_components"], autoscale=params["autoscale"])
    k = res.scores.shape[1]
    n = len(data.names)
    out = AnalysisOutput(label=bilingual(f"PCA of {n} samples", f"PCA, {n} näytettä"))
    for i, sid in enumerate(data.sample_ids):
        out.sample_values[sid] = {
            f"pc{j + 1}_score": Quantity(float(res.scores[i, j]), "", "none", method=METHOD)
            for j in range(k)
        }
    pcs = [f"pc{j + 1}" for j in range(k)]
    out.add_column("x", data.x_unit, x, f"x ({data.x_unit})" if data.x_unit else "x")
    for j, pc in enumerate(pcs):
        out.add_column(
            f"loading_{pc}",
            "",
            res.loadings[j],
            bilingual(f"Loading {pc.upper()}", f"Lataus {pc.upper()}"),
        )
    evr = 100.0 * res.explained_variance_ratio
    out.add_column("component", "", np.arange(1, k + 1), bilingual("Component", "Pääkomponentti"))
    out.add_column(
        "explained_variance_pct", "%", evr, bilingual("Explained variance", "Selitetty varianssi")
    )
    out.add_column(
        "cumulative_variance_pct",
        "%",
        np.cumsum(evr),
        bilingual("Cumulative explained variance", "Kumulatiivinen selitetty varianssi"),
    )
    out.add_column(
        "sample_number", "", np.arange(1, n + 1), bilingual("Sample number", "Näytteen numero")
    )
    for j, pc in enumerate(pcs):
        out.add_column(
            f"score_{pc}",
            "",
            res.scores[:, j],
            bilingual(f"Score {pc.upper()}", f"Pisteet {pc.upper()}"),
        )
    labels = list(data.names)
    if k >= 2:
        out.plots.append(
            {
                "kind": "scatter",
                "x": "score_pc1",
                "y": ["score_pc2"],
                "labels": labels,
                "title": bilingual("PCA scores", "PCA-pisteet"),
                "x_label": bilingual(
                    f"PC1 ({evr[0]:.1f} %)", f"PC1 ({fi_number(evr[0], '.1f')} %)"
                ),
                "y_label": bilingual(
                    f"PC2 ({evr[1]:.1f} %)", f"PC2 ({fi_number(evr[1], '.1f')} %)"
                ),
            }
        )
    out.plots.append(
        {
            "kind": "line",
            "x": "x",
            "y": [f"loading_{pc}" for pc in pcs],
            "title": bilingual("PCA loadings", "PCA-lataukset"),
            "x_label": f"x ({data.x_unit})" if data.x_unit else "x",
            "y_label": bilingual("loading", "lataus"),
        }
    )
    out.plots.append(
        {
            "kind": "bar",
            "x": "component",
            "y": ["explained_variance_pct", "cumulative_variance_pct"],
            "title": bilingual("Explained variance (scree)", "Selitetty varianssi (scree)"),
            "x_label": bilingual("component", "pääkomponentti"),
            "y_label": bilingual("% of variance", "% varianssista"),
        }
    )
    out.plots.append(
        {
            "kind": "table",
            "columns": ["sample_number", *[f"score_{pc}" for pc in pcs]],
            "row_labels": labels,
            "title": bilingual("PCA scores by sample", "PCA-pisteet näytteittäin"),
        }
    )
    out.messages.extend(data.notes)
    explained = evr.sum()
    out.note(
        en=f"{len(labels)} samples, {x.size} points; preprocessing: {describe(steps)}; "
        f"{k} components explain {explained:.1f} % of the variance.",
        fi=f"Näytteitä {len(labels)}, spektripisteitä {x.size}; esikäsittely: "
        f"{describe(steps, 'fi')}; {k} pääkomponentin yhteenlaskettu selitysosuus on "
        f"{fi_number(explained, '.1f')} % varianssista.",
    )
    if k < params["n_components"]:
        out.note(
            en=f"Only {k} components are possible with {len(labels)} samples.",
            fi=f"Pääkomponenttien enimmäismäärä {len(labels)} näytteellä on {k}.",
        )
    progress.update(1.0, "done")
    return out
