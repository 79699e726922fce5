"""Spectral preprocessing operations as pure functions of (x, Y).

Every function takes the x axis ``x`` (shape ``(p,)``) and the spectra ``Y`` (shape
``(n, p)``, one spectrum per row) and returns new arrays; inputs are never modified.
Row-wise operations (SNV, Savitzky-Golay, baseline, normalisation) treat each spectrum
on its own, so applying them once to a whole calibration set leaks nothing between
cross-validation folds. MSC against the mean spectrum is the one set-dependent step;
its reference is returned so that a stored model can reuse it on new spectra.

References:

* SNV: R. J. Barnes, M. S. Dhanoa, S. J. Lister (1989) Appl. Spectrosc. 43, 772-777.
  Each spectrum is centred on its mean and divided by its standard deviation with
  ``p - 1`` degrees of freedom, as in the paper.
* MSC: P. Geladi, D. MacDougall, H. Martens (1985) Appl. Spectrosc. 39, 491-500.
  Each spectrum ``y`` is regressed on the reference ``r`` (``y = a + b r``) and
  corrected to ``(y - a) / b``.
* Savitzky-Golay: A. Savitzky, M. J. E. Golay (1964) Anal. Chem. 36, 1627-1639,
  through ``scipy.signal.savgol_filter``; derivatives are per x unit (``delta`` is the
  x spacing), which needs an evenly spaced axis.
* Baseline, asymmetric least squares: P. H. C. Eilers, H. F. M. Boelens (2005)
  "Baseline correction with asymmetric least squares smoothing", Leiden Univ. report.
* Baseline, iterative modified polynomial: C. A. Lieber, A. Mahadevan-Jansen (2003)
  Appl. Spectrosc. 57, 1363-1367.
"""

from __future__ import annotations

import numpy as np
from scipy import linalg, signal

from workbench.errors import AnalysisError

_SPACING_RTOL = 1e-6


def as_matrix(x: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Validate and return ``x`` as 1-D float and ``Y`` as 2-D float (a 1-D Y is one row)."""
    x = np.asarray(x, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if Y.ndim == 1:
        Y = Y[np.newaxis, :]
    if x.ndim != 1 or Y.ndim != 2 or Y.shape[1] != x.shape[0]:
        raise AnalysisError(
            f"The spectra have {Y.shape[-1]} points but the x axis has {x.shape[0]} points."
        )
    if x.size < 2:
        raise AnalysisError("A spectrum needs at least two points.")
    return x, Y


def select_range(
    x: np.ndarray, Y: np.ndarray, lo: float, hi: float
) -> tuple[np.ndarray, np.ndarray]:
    """Keep the points with ``lo <= x <= hi`` (bounds in x units, either order)."""
    x, Y = as_matrix(x, Y)
    lo, hi = min(lo, hi), max(lo, hi)
    keep = (x >= lo) & (x <= hi)
    if np.count_nonzero(keep) < 2:
        raise AnalysisError(
            f"The range {lo:g} to {hi:g} keeps fewer than two points of a spectrum that "
            f"covers {x.min():g} to {x.max():g}."
        )
    return x[keep].copy(), Y[:, keep].copy()


def resample(
    x: np.ndarray, Y: np.ndarray, x_new: np.ndarray, *, outside: str = "error"
) -> np.ndarray:
    """Linearly interpolate each spectrum onto ``x_new``.

    ``x`` may be ascending or descending (it is sorted first; duplicate x values are
    refused). Points of ``x_new`` outside the measured range are never extrapolated:
    with ``outside="error"`` they raise ``AnalysisError``, with ``outside="nan"`` they
    become NaN.
    """
    x, Y = as_matrix(x, Y)
    x_new = np.asarray(x_new, dtype=float)
    order = np.argsort(x, kind="stable")
    xs, Ys = x[order], Y[:, order]
    if np.any(np.diff(xs) <= 0):
        raise AnalysisError("The x axis repeats a value; a spectrum cannot be resampled.")
    lo, hi = xs[0], xs[-1]
    tol = 1e-9 * max(abs(lo), abs(hi), 1.0)
    outside_mask = (x_new < lo - tol) | (x_new > hi + tol)
    if outside_mask.any() and outside != "nan":
        raise AnalysisError(
            f"The common axis ({x_new.min():g} to {x_new.max():g}) reaches beyond the "
            f"measured range ({lo:g} to {hi:g}); values there would be extrapolated."
        )
    xq = np.clip(x_new, lo, hi)
    out = np.empty((Y.shape[0], x_new.size))
    for i in range(Y.shape[0]):
        out[i] = np.interp(xq, xs, Ys[i])
    out[:, outside_mask] = np.nan
    return out


def snv(Y: np.ndarray) -> np.ndarray:
    """Standard normal variate: ``(y - mean(y)) / sd(y)`` per spectrum (sd with p - 1)."""
    Y = np.asarray(Y, dtype=float)
    mean = Y.mean(axis=1, keepdims=True)
    sd = Y.std(axis=1, ddof=1, keepdims=True)
    if np.any(sd == 0):
        raise AnalysisError("SNV cannot scale a flat spectrum (its standard deviation is zero).")
    return (Y - mean) / sd


def msc(Y: np.ndarray, reference: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Multiplicative scatter correction; returns (corrected spectra, reference used).

    Without ``reference`` the mean spectrum of ``Y`` is the reference.
    """
    Y = np.asarray(Y, dtype=float)
    ref = Y.mean(axis=0) if reference is None else np.asarray(reference, dtype=float)
    if ref.shape != (Y.shape[1],):
        raise AnalysisError(
            f"The MSC reference has {ref.size} points but the spectra have {Y.shape[1]}."
        )
    rc = ref - ref.mean()
    denom = float(rc @ rc)
    if denom == 0:
        raise AnalysisError("MSC needs a reference spectrum that is not flat.")
    b = (Y - Y.mean(axis=1, keepdims=True)) @ rc / denom
    a = Y.mean(axis=1) - b * ref.mean()
    if np.any(b == 0):
        raise AnalysisError("MSC failed: a spectrum does not correlate with the reference.")
    return (Y - a[:, None]) / b[:, None], ref.copy()


def even_spacing(x: np.ndarray) -> float:
    """The constant spacing of ``x`` (signed), or ``AnalysisError`` if it is uneven."""
    d = np.diff(np.asarray(x, dtype=float))
    step = float(d.mean())
    if step == 0 or np.max(np.abs(d - step)) > _SPACING_RTOL * abs(step) + 1e-12:
        raise AnalysisError(
            "Savitzky-Golay needs evenly spaced points; resample the spectra onto a "
            "common axis first."
        )
    return step


def savitzky_golay(
    x: np.ndarray, Y: np.ndarray, window: int, polyorder: int, deriv: int = 0
) -> np.ndarray:
    """Savitzky-Golay smoothing (``deriv=0``) or derivative per x unit (``deriv`` 1 or 2).

    ``window`` is an odd number of points greater than ``polyorder``; the ends use
    scipy's ``interp`` mode (a polynomial fitted to the last window).
    """
    x, Y = as_matrix(x, Y)
    if window % 2 == 0 or window <= polyorder or window > x.size:
        raise AnalysisError(
            f"The Savitzky-Golay window must be odd, larger than the polynomial order "
            f"({polyorder}) and at most the number of points ({x.size}); got {window}."
        )
    if deriv > polyorder:
        raise AnalysisError("The derivative order cannot exceed the polynomial order.")
    delta = even_spacing(x)
    return signal.savgol_filter(Y, window, polyorder, deriv=deriv, delta=delta, axis=1)


def baseline_als(Y: np.ndarray, lam: float = 1e5, p: float = 0.01, n_iter: int = 10) -> np.ndarray:
    """Baseline by asymmetric least squares (Eilers & Boelens 2005); returns the baseline.

    Minimises ``sum w_i (y_i - z_i)^2 + lam * sum (second difference of z)^2`` with
    weights ``p`` above the baseline and ``1 - p`` below it, re-weighted ``n_iter`` times.
    The penta-diagonal system is solved with a banded solver.
    """
    Y = np.asarray(Y, dtype=float)
    n = Y.shape[1]
    if n < 4:
        raise AnalysisError("Baseline correction needs at least four points.")
    # D'D for the second-difference operator, as symmetric banded (upper) storage.
    d0 = np.full(n, 6.0)
    d0[[0, -1]] = 1.0
    d0[[1, -2]] = 5.0
    d1 = np.full(n - 1, -4.0)
    d1[[0, -1]] = -2.0
    d2 = np.ones(n - 2)
    out = np.empty_like(Y)
    for i, y in enumerate(Y):
        w = np.ones(n)
        z = y
        for _ in range(n_iter):
            ab = np.zeros((3, n))
            ab[0, 2:] = lam * d2
            ab[1, 1:] = lam * d1
            ab[2] = lam * d0 + w
            z = linalg.solveh_banded(ab, w * y, check_finite=False)
            w_new = np.where(y > z, p, 1.0 - p)
            if np.array_equal(w_new, w):
                break
            w = w_new
        out[i] = z
    return out


def baseline_poly(x: np.ndarray, Y: np.ndarray, degree: int = 2, n_iter: int = 100) -> np.ndarray:
    """Baseline by iterative modified polynomial fit (Lieber 2003); returns the baseline.

    A polynomial of ``degree`` is fitted; points above the fit are replaced by the fit
    and the fit repeated until it stops changing (or ``n_iter`` times), so peaks do not
    pull the baseline up. x is scaled to [-1, 1] for a well-conditioned fit.
    """
    x, Y = as_matrix(x, Y)
    t = (x - x.min()) / (x.max() - x.min()) * 2.0 - 1.0
    V = np.polynomial.legendre.legvander(t, degree)
    pinv = np.linalg.pinv(V)
    out = np.empty_like(Y)
    for i, y in enumerate(Y):
        work = y.copy()
        fit = V @ (pinv @ work)
        for _ in range(n_iter):
            work = np.minimum(work, fit)
            new = V @ (pinv @ work)
            if np.allclose(new, fit, rtol=0, atol=1e-12 * (np.abs(fit).max() + 1e-300)):
                fit = new
                break
            fit = new
        out[i] = fit
    return out


def normalise(x: np.ndarray, Y: np.ndarray, method: str) -> np.ndarray:
    """Divide each spectrum by its area, maximum or Euclidean norm.

    ``area``: trapezoidal integral of ``|y|`` over ``|x|`` (x units); ``max``: the
    largest absolute value; ``vector``: the Euclidean (L2) norm of the points.
    """
    x, Y = as_matrix(x, Y)
    if method == "area":
        order = np.argsort(x)
        scale = np.trapezoid(np.abs(Y[:, order]), x[order], axis=1)
    elif method == "max":
        scale = np.abs(Y).max(axis=1)
    elif method == "vector":
        scale = np.linalg.norm(Y, axis=1)
    else:
        raise AnalysisError(f"Unknown normalisation {method!r}; use area, max or vector.")
    if np.any(scale == 0):
        raise AnalysisError("A spectrum of zeros cannot be normalised.")
    return Y / scale[:, None]
