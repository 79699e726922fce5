"""Fibre length statistics (TAPPI T 232 / T 271, ISO 16065-2) as plain functions.

Definitions (TAPPI T 232 projection method summary; ISO 16065-2):

* arithmetic (numerical) mean   Ln  = Σl / N
* length-weighted mean          Lw  = Σl² / Σl
* weight-weighted mean          Lww = Σ(l·w) / Σw, and with the fibre mass w taken
  proportional to its length (constant coarseness, as analysers do) Lww = Σl³ / Σl².
* ISO 16065-2: fibrous particles shorter than 0.2 mm are not regarded as fibres and
  are not included in the results; they are reported as fines. So Ln, Lw, Lww, width,
  curl, kink and percentiles are over fibres (l >= threshold) only, while the fines
  shares are over all particles: by count N_fines / N_all × 100 and by length
  Σl_fines / Σl_all × 100.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class LengthStats:
    n_particles: int
    n_fibres: int
    ln: float
    lw: float
    lww: float
    fines_count_pct: float
    fines_length_pct: float
    p10: float
    p50: float
    p90: float


def weighted_means(
    lengths: np.ndarray, counts: np.ndarray | None = None
) -> tuple[float, float, float]:
    """(Ln, Lw, Lww) of lengths, each length optionally counted ``counts`` times."""
    lens = np.asarray(lengths, dtype=float)
    n = np.ones_like(lens) if counts is None else np.asarray(counts, dtype=float)
    s0, s1, s2, s3 = (float(np.sum(n * lens**k)) for k in range(4))
    if s0 <= 0 or s1 <= 0:
        raise ValueError("no fibres to average")
    return s1 / s0, s2 / s1, s3 / s2


def weighted_percentile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    """Percentile ``q`` (0-100) of a weighted sample (midpoint cumulative rule)."""
    order = np.argsort(values)
    v = np.asarray(values, dtype=float)[order]
    w = np.asarray(weights, dtype=float)[order]
    cum = np.cumsum(w) - 0.5 * w
    return float(np.interp(q / 100.0 * w.sum(), cum, v))


def length_stats(
    lengths_mm: np.ndarray, fines_threshold: float = 0.2, exclude_fines: bool = True
) -> LengthStats:
    """Statistics of a per-particle length list (mm); see the module docstring."""
    lens = np.asarray(lengths_mm, dtype=float)
    lens = lens[np.isfinite(lens)]
    if lens.size == 0:
        raise ValueError("no particle lengths")
    fines = lens < fines_threshold
    fibres = lens[~fines] if exclude_fines else lens
    if fibres.size == 0:
        raise ValueError(f"every particle is shorter than the fines threshold {fines_threshold} mm")
    ln, lw, lww = weighted_means(fibres)
    total = float(lens.sum())
    p10, p50, p90 = (float(x) for x in np.percentile(fibres, [10, 50, 90]))
    return LengthStats(
        n_particles=int(lens.size),
        n_fibres=int(fibres.size),
        ln=ln,
        lw=lw,
        lww=lww,
        fines_count_pct=100.0 * int(fines.sum()) / lens.size,
        fines_length_pct=100.0 * float(lens[fines].sum()) / total if total > 0 else 0.0,
        p10=p10,
        p50=p50,
        p90=p90,
    )


def class_stats(
    lower: np.ndarray,
    upper: np.ndarray,
    counts: np.ndarray,
    fines_threshold: float = 0.2,
    exclude_fines: bool = True,
) -> LengthStats:
    """Statistics from a class distribution, taking every particle at its class midpoint.

    A class counts as fines when its midpoint is below the threshold. Percentiles are
    interpolated in the cumulative count distribution. This is the usual approximation
    for class data; it differs from the per-particle result by the within-class spread.
    """
    lo = np.asarray(lower, dtype=float)
    hi = np.asarray(upper, dtype=float)
    n = np.asarray(counts, dtype=float)
    if np.any(n < 0):
        raise ValueError("negative class counts")
    mid = 0.5 * (lo + hi)
    fines = mid < fines_threshold
    keep = ~fines if exclude_fines else np.ones_like(fines)
    if n[keep].sum() <= 0:
        raise ValueError("no fibres in the distribution")
    ln, lw, lww = weighted_means(mid[keep], n[keep])
    total_n, total_l = n.sum(), float(np.sum(n * mid))
    pct = []
    for q in (10, 50, 90):
        pct.append(weighted_percentile(mid[keep], n[keep], q))
    return LengthStats(
        n_particles=round(total_n),
        n_fibres=round(n[keep].sum()),
        ln=ln,
        lw=lw,
        lww=lww,
        fines_count_pct=100.0 * float(n[fines].sum()) / total_n,
        fines_length_pct=100.0 * float(np.sum(n[fines] * mid[fines])) / total_l
        if total_l > 0
        else 0.0,
        p10=pct[0],
        p50=pct[1],
        p90=pct[2],
    )


def distribution(lengths_mm: np.ndarray, edges_mm: list[float]) -> dict[str, np.ndarray]:
    """Counts and shares per length class ``[e_i, e_i+1)``; a last open class up to the maximum.

    Returns arrays ``lower``, ``upper``, ``mid``, ``count``, ``count_pct`` (share of
    the particle count) and ``length_pct`` (share of the total length).
    """
    lens = np.asarray(lengths_mm, dtype=float)
    edges = sorted(set(float(e) for e in edges_mm))
    if len(edges) < 2:
        raise ValueError("give at least two class edges")
    if lens.size and lens.max() >= edges[-1]:
        edges.append(float(np.nextafter(lens.max(), np.inf)))
    e = np.asarray(edges)
    inside = (lens >= e[0]) & (lens < e[-1])
    idx = np.searchsorted(e, lens[inside], side="right") - 1
    count = np.bincount(idx, minlength=e.size - 1).astype(float)
    length = np.bincount(idx, weights=lens[inside], minlength=e.size - 1)
    ntot = max(lens.size, 1)
    ltot = float(lens.sum()) or 1.0
    return {
        "lower": e[:-1],
        "upper": e[1:],
        "mid": 0.5 * (e[:-1] + e[1:]),
        "count": count,
        "count_pct": 100.0 * count / ntot,
        "length_pct": 100.0 * length / ltot,
    }
