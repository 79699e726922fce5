"""Principal component analysis by singular value decomposition (pure numpy).

The data matrix (samples in rows) is mean-centred (and, optionally, each column
divided by its standard deviation); its SVD ``Xc = U S V'`` gives scores ``U S``,
loadings ``V`` and explained variance ratios ``S^2 / sum(S^2)`` over *all* components,
so the ratios of the kept components sum to at most 1. Signs are fixed so that the
largest-magnitude entry of each loading is positive (a PCA is defined up to sign;
this keeps plots stable between runs).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.errors import AnalysisError


@dataclass
class PcaResult:
    scores: np.ndarray  # (n, k)
    loadings: np.ndarray  # (k, p)
    explained_variance_ratio: np.ndarray  # (k,)
    mean: np.ndarray  # (p,)
    scale: np.ndarray  # (p,) ones unless autoscaled


def pca(X: np.ndarray, n_components: int, *, autoscale: bool = False) -> PcaResult:
    """PCA of the rows of ``X`` keeping ``n_components`` (capped at n - 1 and p)."""
    X = np.asarray(X, dtype=float)
    n, p = X.shape
    if n < 3:
        raise AnalysisError(f"PCA needs at least 3 samples with spectra; got {n}.")
    if not np.all(np.isfinite(X)):
        raise AnalysisError("The spectra contain NaN or infinity after preprocessing.")
    k = int(min(n_components, n - 1, p))
    mean = X.mean(axis=0)
    Xc = X - mean
    scale = np.ones(p)
    if autoscale:
        scale = X.std(axis=0, ddof=1)
        scale[scale == 0] = 1.0
        Xc = Xc / scale
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    total = float((S**2).sum())
    if total == 0:
        raise AnalysisError(
            "All spectra are identical after preprocessing; PCA has nothing to show."
        )
    signs = np.sign(Vt[np.arange(Vt.shape[0]), np.argmax(np.abs(Vt), axis=1)])
    signs[signs == 0] = 1.0
    U, Vt = U * signs, Vt * signs[:, None]
    return PcaResult(
        scores=(U[:, :k] * S[:k]),
        loadings=Vt[:k].copy(),
        explained_variance_ratio=S[:k] ** 2 / total,
        mean=mean,
        scale=scale,
    )
