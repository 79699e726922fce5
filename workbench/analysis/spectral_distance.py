"""How unlike the calibration spectra a spectrum is: Hotelling T² and the Q residual of a
PLS model, with their limits (the usual prediction-outlier check of NIR software).

A PLS model describes a new spectrum ``x`` (preprocessed, centred by the calibration
mean, divided by the calibration SD when autoscaled) by its scores ``t = x R`` (``R``
the x rotations, ``W (P'W)^-1``) and leaves the residual ``e = x - t P'`` (``P`` the x
loadings). Two distances follow:

* Hotelling T² = sum_a t_a² / s_a², with s_a² the variance (n - 1) of the calibration
  scores of component a: how far the spectrum lies *within* the model's space from
  the calibration centre. Limit for a new observation (not one of the n that fitted
  the model): T²_lim = k (n - 1)(n + 1) / (n (n - k)) F(1 - alpha; k, n - k) (Tracy,
  Young & Mason 1992, J. Quality Technology 24, 88-95; read in a secondary source, the
  documentation of R's specProc ``hotelling_t2``, ``method = "new"``);
* Q = e'e, the squared residual: how much of the spectrum the model does not describe
  at all. Limit by Box's approximation of its distribution as g chi²(h), g = v / (2m),
  h = 2m² / v, m and v the mean and variance of the calibration spectra's own Q
  (Nomikos & MacGregor 1995, Technometrics 37, 41-59; from memory of the method, not
  re-read for this code).

Both limits are at ``CONFIDENCE`` = 99 %: a spectrum of the calibration population is
flagged about once in a hundred predictions (at 95 % one in twenty, too many false
alarms beside every prediction); a flagged prediction keeps its value and carries the
warning (``workbench.value_flags.SPECTRAL_OUTLIER``). Stored with the model as arrays
and numbers (``model_io``), never pickle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from workbench.value_flags import SPECTRAL_OUTLIER

CONFIDENCE = 0.99


@dataclass
class SpectralLimits:
    """The parts of a fitted PLS model the distances need, and their limits."""

    x_mean: np.ndarray  # (p,)
    x_scale: np.ndarray  # (p,) ones unless autoscaled
    rotations: np.ndarray  # (k, p)
    loadings: np.ndarray  # (k, p)
    score_var: np.ndarray  # (k,) variance (n - 1) of the calibration scores
    t2_limit: float
    q_limit: float | None  # None: the calibration spectra left no residual to compare
    confidence: float = CONFIDENCE

    @classmethod
    def fit(
        cls,
        X: np.ndarray,
        rotations: np.ndarray,
        loadings: np.ndarray,
        *,
        scale: bool,
        confidence: float = CONFIDENCE,
    ) -> SpectralLimits:
        """Limits from the calibration spectra ``X`` (n, p) and the model's x rotations
        and loadings (each (p, k), as ``PLSRegression.x_rotations_``/``x_loadings_``)."""
        X = np.asarray(X, dtype=float)
        n = X.shape[0]
        k = np.asarray(rotations).shape[1]
        if n < k + 2:
            raise ValueError(f"{n} calibration spectra cannot set limits for {k} components")
        x_mean = X.mean(axis=0)
        x_scale = np.ones(X.shape[1])
        if scale:
            sd = X.std(axis=0, ddof=1)
            x_scale = np.where(sd > 0, sd, 1.0)  # as PLSRegression scales
        R = np.asarray(rotations, dtype=float).T
        P = np.asarray(loadings, dtype=float).T
        Xs = (X - x_mean) / x_scale
        T = Xs @ R.T
        score_var = T.var(axis=0, ddof=1)
        score_var = np.where(score_var > 0, score_var, np.finfo(float).tiny)
        q = ((Xs - T @ P) ** 2).sum(axis=1)
        f = float(stats.f.ppf(confidence, k, n - k))
        t2_limit = k * (n - 1) * (n + 1) / (n * (n - k)) * f
        m, v = float(q.mean()), float(q.var(ddof=1))
        q_limit = None
        if m > 0 and v > 0:
            g, h = v / (2 * m), 2 * m * m / v
            q_limit = g * float(stats.chi2.ppf(confidence, h))
        return cls(x_mean, x_scale, R, P, score_var, t2_limit, q_limit, confidence)

    def distances(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Hotelling T² and Q of each row of ``X`` (preprocessed spectra)."""
        X = np.atleast_2d(np.asarray(X, dtype=float))
        Xs = (X - self.x_mean) / self.x_scale
        T = Xs @ self.rotations.T
        t2 = (T**2 / self.score_var).sum(axis=1)
        q = ((Xs - T @ self.loadings) ** 2).sum(axis=1)
        return t2, q

    def flags(self, X: np.ndarray) -> list[dict[str, Any] | None]:
        """Per row of ``X``: a ``spectral_outlier`` flag when a distance exceeds its limit."""
        t2, q = self.distances(X)
        out: list[dict[str, Any] | None] = []
        for a, b in zip(t2.tolist(), q.tolist()):
            far = a > self.t2_limit or (self.q_limit is not None and b > self.q_limit)
            if not far:
                out.append(None)
                continue
            flag = {"code": SPECTRAL_OUTLIER, "t2": a, "t2_limit": self.t2_limit, "q": b}
            if self.q_limit is not None:
                flag["q_limit"] = self.q_limit
            flag["confidence"] = self.confidence
            out.append(flag)
        return out
