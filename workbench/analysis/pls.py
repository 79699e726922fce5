"""PLS regression with the number of components chosen by cross-validation.

Why this module exists instead of a loop of ``cross_val_predict`` calls: a PLS model
with ``K`` components contains the models with ``1..K`` components (NIPALS extracts
components one after another, each from the data deflated by the previous ones).
So each cross-validation fold is fitted *once* with ``K`` components (scikit-learn's
``PLSRegression``) and the predictions for every smaller component count are read
from that fit: ``coef_k = W_k (P_k' W_k)^+ Q_k'`` (the same formula scikit-learn uses
for ``coef_``). The results equal separate fits per component count to rounding
error (tested), at a fraction of the cost.

Component selection (documented for users):

* ``"1se"`` (default): the smallest component count whose cross-validated mean
  squared error is within one standard error of the minimum (Hastie, Tibshirani &
  Friedman, *The Elements of Statistical Learning*, 2nd ed., sec. 7.10). The standard
  error is the spread of the per-fold mean squared errors at the minimum divided by
  the square root of the number of folds. It prefers simpler models, which hold up
  better on the next batch of samples.
* ``"min"``: the component count with the smallest RMSECV.

Performance figures are always cross-validated (RMSECV, Q2, bias); the performance
of the final model on its own training samples is never reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import linalg
from sklearn.cross_decomposition import PLSRegression
from sklearn.model_selection import KFold

from workbench.errors import AnalysisError
from workbench.progress import NullProgress, Progress

SELECTIONS = ("1se", "min")
MIN_Q2_FOR_PREDICTION = 0.5
"""Below this cross-validated Q2 a model's predictions are not stored as sample values:
the spectra explain too little of the property for a prediction to inform a verdict."""


@dataclass
class CrossValidation:
    """Cross-validated predictions and errors for every component count 1..K."""

    predictions: np.ndarray  # (n, K): column k-1 holds the predictions with k components
    fold_mse: np.ndarray  # (n_folds, K)
    rmsecv: np.ndarray  # (K,)
    folds: np.ndarray  # (n,) fold index of each sample
    n_folds: int
    seed: int


@dataclass
class Calibration:
    """A fitted PLS calibration: the chosen model and its cross-validated figures."""

    n_components: int
    selection: str
    cv: CrossValidation
    rmsecv: float
    q2: float
    bias: float
    rpd: float
    cv_predictions: np.ndarray  # (n,) at the chosen component count
    x_mean: np.ndarray
    coef: np.ndarray  # (p,) in the units of the (preprocessed) X
    intercept: float
    scale: bool
    model: PLSRegression


def component_coefficients(fit: PLSRegression) -> np.ndarray:
    """Regression coefficients of the nested models with 1..K components, shape (K, p).

    Row ``k-1`` is what ``PLSRegression(n_components=k)`` fitted on the same data
    would hold in ``coef_`` (one target).
    """
    W, P, Q = fit.x_weights_, fit.x_loadings_, fit.y_loadings_
    K = W.shape[1]
    x_std = getattr(fit, "_x_std", None)
    y_std = getattr(fit, "_y_std", None)
    x_std = np.ones(W.shape[0]) if x_std is None else np.asarray(x_std)
    y_std = np.ones(1) if y_std is None else np.asarray(y_std)
    out = np.empty((K, W.shape[0]))
    for k in range(1, K + 1):
        rot = W[:, :k] @ linalg.pinv(P[:, :k].T @ W[:, :k], check_finite=False)
        coef = (rot @ Q[:, :k].T) * y_std
        out[k - 1] = coef[:, 0] / x_std
    return out


def max_components_for(n_train: int, n_features: int, n_folds: int, wanted: int) -> int:
    """The largest usable component count: every fold's training set must support it."""
    smallest_fold_train = n_train - int(np.ceil(n_train / n_folds))
    return int(max(1, min(wanted, smallest_fold_train - 1, n_features)))


def cross_validate(
    X: np.ndarray,
    y: np.ndarray,
    max_components: int,
    *,
    n_folds: int = 10,
    seed: int = 0,
    scale: bool = False,
    progress: Progress | None = None,
) -> CrossValidation:
    """K-fold (shuffled with ``seed``) predictions for 1..``max_components`` components."""
    progress = progress or NullProgress()
    n = X.shape[0]
    if n < 4:
        raise AnalysisError(
            f"A PLS calibration needs at least 4 samples with reference values; got {n}."
        )
    n_folds = int(min(n_folds, n))
    K = max_components_for(n, X.shape[1], n_folds, max_components)
    preds = np.empty((n, K))
    fold_mse = np.empty((n_folds, K))
    folds = np.empty(n, dtype=int)
    splitter = KFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for f, (tr, te) in enumerate(splitter.split(X)):
        progress.update(f / n_folds, f"cross-validation fold {f + 1} of {n_folds}")
        fit = PLSRegression(n_components=K, scale=scale).fit(X[tr], y[tr])
        coefs = component_coefficients(fit)  # (K, p)
        x_mean = X[tr].mean(axis=0)
        y_mean = float(y[tr].mean())
        p = (X[te] - x_mean) @ coefs.T + y_mean  # (n_te, K)
        preds[te] = p
        fold_mse[f] = ((p - y[te, None]) ** 2).mean(axis=0)
        folds[te] = f
    rmsecv = np.sqrt(((preds - y[:, None]) ** 2).mean(axis=0))
    return CrossValidation(preds, fold_mse, rmsecv, folds, n_folds, seed)


def choose_components(cv: CrossValidation, selection: str = "1se") -> int:
    """The component count by ``selection`` ("1se" or "min"); see the module docstring."""
    if selection not in SELECTIONS:
        raise AnalysisError(f"Unknown component selection {selection!r}; use 1se or min.")
    mse = cv.rmsecv**2
    best = int(np.argmin(mse))
    if selection == "min" or cv.n_folds < 2:
        return best + 1
    se = float(np.std(cv.fold_mse[:, best], ddof=1) / np.sqrt(cv.n_folds))
    within = np.flatnonzero(mse <= mse[best] + se)
    return int(within[0]) + 1


def cv_figures(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Cross-validated performance from reference values and CV predictions.

    RMSECV = sqrt(PRESS / n) with PRESS = sum (pred - y)^2; Q2 = 1 - PRESS / sum (y -
    mean y)^2 (the cross-validated R2); bias = mean(pred - y); RPD = SD(y) / RMSECV
    (SD with n - 1). Never computed from training-set (fitted) predictions.
    """
    y = np.asarray(y, dtype=float)
    pred = np.asarray(pred, dtype=float)
    press = float(((pred - y) ** 2).sum())
    ss = float(((y - y.mean()) ** 2).sum())
    rmsecv = float(np.sqrt(press / y.size))
    return {
        "rmsecv": rmsecv,
        "q2": 1.0 - press / ss if ss > 0 else float("nan"),
        "bias": float((pred - y).mean()),
        "rpd": float(np.std(y, ddof=1) / rmsecv) if rmsecv > 0 else float("inf"),
    }


def calibrate(
    X: np.ndarray,
    y: np.ndarray,
    *,
    max_components: int = 15,
    n_folds: int = 10,
    seed: int = 0,
    selection: str = "1se",
    scale: bool = False,
    progress: Progress | None = None,
) -> Calibration:
    """Cross-validate, choose the component count, and fit the final model on all of X."""
    progress = progress or NullProgress()
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    if not np.all(np.isfinite(X)) or not np.all(np.isfinite(y)):
        raise AnalysisError("The calibration spectra or reference values contain NaN or infinity.")
    if np.ptp(y) == 0:
        raise AnalysisError("All reference values are equal; there is nothing to calibrate.")
    cv = cross_validate(
        X,
        y,
        max_components,
        n_folds=n_folds,
        seed=seed,
        scale=scale,
        progress=progress.child(0, 0.9),
    )
    k = choose_components(cv, selection)
    pred = cv.predictions[:, k - 1]
    figures = cv_figures(y, pred)
    progress.update(0.9, "fitting the final model")
    model = PLSRegression(n_components=k, scale=scale).fit(X, y)
    return Calibration(
        n_components=k,
        selection=selection,
        cv=cv,
        rmsecv=figures["rmsecv"],
        q2=figures["q2"],
        bias=figures["bias"],
        rpd=figures["rpd"],
        cv_predictions=pred,
        x_mean=X.mean(axis=0),
        coef=np.asarray(model.coef_, dtype=float).reshape(-1).copy(),
        intercept=float(np.asarray(model.intercept_).reshape(-1)[0]),
        scale=scale,
        model=model,
    )
