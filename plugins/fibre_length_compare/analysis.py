"""Two-sample Kolmogorov-Smirnov comparison of fibre length distributions.

Uses the per-particle lengths of exactly two samples (fibres only, i.e. particles of
at least the fines threshold, as in ISO 16065-2, unless fines are included) and
``scipy.stats.ks_2samp``: D is the largest distance between the two empirical
cumulative distributions, p the probability of a D at least this large if both
samples came from the same distribution. The two ECDFs are returned on a common
length grid for plotting. With tens of thousands of fibres even a small, practically
irrelevant difference gives a small p; read D alongside it.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import ks_2samp

from workbench.analysis.api import AnalysisInputs, AnalysisOutput, SampleInputs
from workbench.analysis.helpers import particle_lengths_mm
from workbench.errors import AnalysisError
from workbench.messages import bilingual, fi_number
from workbench.model import Quantity
from workbench.progress import Progress

METHOD = "two-sample Kolmogorov-Smirnov (scipy.stats.ks_2samp)"


def lengths_mm(sample: SampleInputs, threshold: float, exclude_fines: bool) -> np.ndarray:
    """Pooled per-particle lengths (mm) of a sample, fines removed when asked."""
    parts = []
    for m in sample.of_kind("fibre_particles"):
        parts.append(particle_lengths_mm(m)[0])
    if not parts:
        raise AnalysisError(f"sample {sample.name} has no per-particle fibre list")
    lens = np.concatenate(parts)
    lens = lens[np.isfinite(lens)]
    if exclude_fines:
        lens = lens[lens >= threshold]
    if lens.size < 2:
        raise AnalysisError(f"sample {sample.name} has fewer than two fibres to compare")
    return lens


def ecdf(values: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Empirical cumulative distribution of ``values`` at ``grid`` points (fraction <= x)."""
    v = np.sort(values)
    return np.searchsorted(v, grid, side="right") / v.size


def _ecdf_label(name: str) -> dict[str, str]:
    """Legend text of one sample's empirical cumulative distribution."""
    return bilingual(f"ECDF {name}", f"Kertymä {name}")


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    """Compare the fibre length distributions of exactly two samples."""
    if len(inputs.samples) != 2:
        raise AnalysisError(f"select exactly two samples to compare (got {len(inputs.samples)})")
    a, b = inputs.samples
    thr, excl = params["fines_threshold"], params["exclude_fines"]
    la, lb = lengths_mm(a, thr, excl), lengths_mm(b, thr, excl)
    progress.update(0.5, "Kolmogorov-Smirnov test")
    res = ks_2samp(la, lb)
    out = AnalysisOutput(
        label=bilingual(
            f"Fibre length distributions: {a.name} vs {b.name}",
            f"Kuidunpituusjakaumat: {a.name} vs. {b.name}",
        )
    )
    out.values["ks_statistic"] = Quantity(float(res.statistic), "", "none", method=METHOD)
    out.values["ks_p_value"] = Quantity(float(res.pvalue), "", "none", method=METHOD)
    grid = np.linspace(0.0, float(max(la.max(), lb.max())), params["grid_points"])
    out.add_column("length", "mm", grid, bilingual("Length", "Pituus"))
    out.add_column("ecdf_a", "", ecdf(la, grid), _ecdf_label(a.name))
    out.add_column("ecdf_b", "", ecdf(lb, grid), _ecdf_label(b.name))
    out.plots.append(
        {
            "kind": "line",
            "x": "length",
            "y": ["ecdf_a", "ecdf_b"],
            "title": bilingual(
                f"Cumulative length distributions: {a.name} vs {b.name}",
                f"Kertymäjakaumat: {a.name} vs. {b.name}",
            ),
            "x_label": bilingual("Length (mm)", "Pituus (mm)"),
            "y_label": bilingual("Fraction of fibres", "Kuitujen osuus"),
        }
    )
    differ = res.pvalue < params["alpha"]
    figures = f"D = {res.statistic:.4f}, p = {res.pvalue:.3g}"
    figures_fi = f"D = {fi_number(res.statistic, '.4f')}; p = {fi_number(res.pvalue, '.3g')}"
    out.note(
        en=f"{a.name} ({la.size} fibres) vs {b.name} ({lb.size} fibres): {figures}; "
        "the distributions "
        + ("differ" if differ else "do not differ detectably")
        + f" at the {params['alpha']:g} level.",
        fi=f"{a.name} ({la.size} kuitua) vs. {b.name} ({lb.size} kuitua): {figures_fi}; "
        + ("jakaumat eroavat toisistaan" if differ else "jakaumien välillä ei havaita eroa")
        + f" merkitsevyystasolla {fi_number(params['alpha'], 'g')}.",
    )
    return out
