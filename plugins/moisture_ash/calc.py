"""Gravimetric moisture and ash formulas and replicate statistics (plain functions).

Moisture, oven-drying method (ISO 18134-2 total moisture / ISO 18134-3 analysis
sample, 105 °C), on wet basis, from the empty dish m1, the dish with the wet sample m2
and the dish with the dried sample m3::

    M_ar = (m2 - m3) / (m2 - m1) * 100                              [% wet basis]

Ash (ISO 18122, 550 °C), on dry basis, from the empty crucible m1, the crucible with
the analysis sample m2 and the crucible with the ash m3, corrected for the moisture
M_ad of the analysis sample (ISO 16993 conversion ad -> d)::

    A_db = (m3 - m1) / (m2 - m1) * 100 * 100 / (100 - M_ad)         [% dry basis]

(The ISO formula text was not available to us; these are the generic gravimetric forms
quoted in reference/instrument-formats.md 5.2 and reproduce the constructed worksheets'
truth values.) Replicates are summarised by mean and sample standard deviation; the
repeatability check flags a set whose range (max - min) exceeds a limit in percentage
points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def moisture_wet_basis(m1, m2, m3) -> np.ndarray:
    """Moisture % on wet basis from dish m1, dish + wet m2, dish + dry m3 (same mass unit)."""
    m1, m2, m3 = (np.asarray(x, dtype=float) for x in (m1, m2, m3))
    wet = m2 - m1
    if np.any(wet <= 0):
        raise ValueError("dish + wet sample must weigh more than the empty dish")
    if np.any(m3 > m2) or np.any(m3 < m1):
        raise ValueError("dish + dry sample must lie between the empty dish and dish + wet sample")
    return (m2 - m3) / wet * 100.0


def ash_dry_basis(m1, m2, m3, moisture_ad=0.0) -> np.ndarray:
    """Ash % on dry basis from crucible m1, + sample m2, + ash m3 and the sample moisture M_ad (%)."""
    m1, m2, m3, mad = (np.asarray(x, dtype=float) for x in (m1, m2, m3, moisture_ad))
    sample = m2 - m1
    if np.any(sample <= 0):
        raise ValueError("crucible + sample must weigh more than the empty crucible")
    if np.any(m3 < m1) or np.any(m3 > m2):
        raise ValueError("crucible + ash must lie between the empty crucible and crucible + sample")
    if np.any(mad < 0) or np.any(mad >= 100):
        raise ValueError("the analysis-sample moisture must be in [0, 100) %")
    return (m3 - m1) / sample * 100.0 * 100.0 / (100.0 - mad)


@dataclass
class ReplicateSummary:
    mean: float
    sd: float | None  # sample SD (n - 1); None for a single replicate
    n: int
    range: float
    within_limit: bool


def summarise(values, limit: float) -> ReplicateSummary:
    """Mean, sample SD, range and whether the range is within ``limit`` (percentage points)."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        raise ValueError("no replicate values")
    rng = float(v.max() - v.min())
    sd = float(v.std(ddof=1)) if v.size > 1 else None
    return ReplicateSummary(float(v.mean()), sd, int(v.size), rng, rng <= limit)
