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

Validation (what a calibration worth publishing reports):

* K-fold cross-validation with any K from 2 up to the number of calibration samples
  ``n``; K = n (or more) is leave-one-out, for which shuffling makes no difference;
* repeated K-fold: the K-fold split is repeated with seeds ``seed, seed+1, ...``
  (R repeats). One definition of RMSECV serves the curve, the component choice and the
  reported figure: the *pooled* RMSECV, the root of the mean squared error over all
  R x n cross-validated predictions, ``RMSECV(k) = sqrt(mean_r MSE_r(k))`` (for one
  repeat the ordinary RMSECV). The component choice uses that curve (the 1-SE rule with
  the standard error over every fold of every repeat, as caret's repeated CV does); the
  reported RMSECV is the curve at the chosen count, and Q2, bias and RPD are computed
  from the same pooled errors (Q2 = 1 - mean_r PRESS_r / SS and the bias equal the
  means of the per-repeat values; RPD = SD(y) / pooled RMSECV). The spread a single
  random split hides is reported beside them: the standard deviation, minimum and
  maximum of each repeat's own figures;
* an independent test set, never used for fitting or for the component choice,
  predicted by the final model and reported separately (``prediction_figures``: RMSEP,
  bias, SEP, RPD and R2, the terms of ISO 12099:2017 for NIR calibrations).

Performance figures are always cross-validated or on the test set; the performance
of the final model on its own training samples is never reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import linalg
from sklearn.cross_decomposition import PLSRegression
from sklearn.model_selection import KFold

from workbench.analysis.spectral_distance import SpectralLimits
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
    cv_predictions: np.ndarray  # (n,) at the chosen component count (first repeat)
    x_mean: np.ndarray
    coef: np.ndarray  # (p,) in the units of the (preprocessed) X
    intercept: float
    scale: bool
    model: PLSRegression
    rmsecv_curve: np.ndarray | None = None  # (K,) pooled over repeats (cv.rmsecv for one);
    # rmsecv == rmsecv_curve[n_components - 1] (one definition, module docstring)
    repeat_figures: list[dict[str, float]] | None = None  # per repeat, at n_components
    limits: SpectralLimits | None = None  # the prediction-outlier check (T², Q)

    @property
    def repeats(self) -> int:
        return len(self.repeat_figures or []) or 1

    @property
    def leave_one_out(self) -> bool:
        return self.cv.n_folds == self.cv.predictions.shape[0]

    def spread(self) -> dict[str, dict[str, float]]:
        """SD (n - 1), minimum and maximum of each repeat's own figures.

        No mean: the reported figures are the pooled ones (module docstring), and a
        second, slightly different "mean RMSECV" beside them would read as a
        contradiction."""
        rows = self.repeat_figures or [cv_figures_at(self)]
        out = {}
        for key in ("rmsecv", "q2", "bias", "rpd"):
            v = np.array([r[key] for r in rows], dtype=float)
            out[key] = {
                "sd": float(v.std(ddof=1)) if v.size > 1 else 0.0,
                "min": float(v.min()),
                "max": float(v.max()),
            }
        return out

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Predictions of the final model (rows of preprocessed X)."""
        X = np.asarray(X, dtype=float)
        return (X - self.x_mean) @ self.coef + self.intercept


def cv_figures_at(cal: Calibration) -> dict[str, float]:
    return {"rmsecv": cal.rmsecv, "q2": cal.q2, "bias": cal.bias, "rpd": cal.rpd}


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
    """K-fold (shuffled with ``seed``) predictions for 1..``max_components`` components.

    ``n_folds`` of ``n`` or more is leave-one-out (each sample predicted by a model of
    all the others).
    """
    progress = progress or NullProgress()
    n = X.shape[0]
    if n < 4:
        raise AnalysisError(
            f"A PLS calibration needs at least 4 samples with reference values; got {n}."
        )
    if n_folds < 2:
        raise AnalysisError(f"Cross-validation needs at least 2 folds; got {n_folds}.")
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
    return _choose(cv.rmsecv**2, cv.fold_mse, selection)


def _choose(mse: np.ndarray, fold_mse: np.ndarray, selection: str) -> int:
    """Component choice from an MSE curve and the per-fold MSEs behind it (rows: folds)."""
    if selection not in SELECTIONS:
        raise AnalysisError(f"Unknown component selection {selection!r}; use 1se or min.")
    best = int(np.argmin(mse))
    n_resamples = fold_mse.shape[0]
    if selection == "min" or n_resamples < 2:
        return best + 1
    se = float(np.std(fold_mse[:, best], ddof=1) / np.sqrt(n_resamples))
    within = np.flatnonzero(mse <= mse[best] + se)
    return int(within[0]) + 1


def prediction_figures(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Figures of an independent test set (ISO 12099:2017 terms).

    RMSEP = sqrt(mean (pred - y)^2); bias = mean(pred - y); SEP = sqrt(sum (pred - y -
    bias)^2 / (n - 1)), the standard error of prediction corrected for bias; RPD =
    SD(y) / SEP (SD with n - 1); R2 = 1 - sum (pred - y)^2 / sum (y - mean y)^2 (the
    coefficient of determination of the test set, as ``sklearn.metrics.r2_score``).
    """
    y = np.asarray(y, dtype=float)
    pred = np.asarray(pred, dtype=float)
    n = y.size
    if n < 2:
        raise AnalysisError(f"A test set needs at least 2 samples with reference values; got {n}.")
    e = pred - y
    bias = float(e.mean())
    sep = float(np.sqrt(((e - bias) ** 2).sum() / (n - 1)))
    ss = float(((y - y.mean()) ** 2).sum())
    sd = float(np.std(y, ddof=1))
    return {
        "rmsep": float(np.sqrt((e**2).mean())),
        "bias": bias,
        "sep": sep,
        "rpd": sd / sep if sep > 0 else float("inf"),
        "r2": 1.0 - float((e**2).sum()) / ss if ss > 0 else float("nan"),
        "n": float(n),
    }


def cv_figures(y: np.ndarray, *preds: np.ndarray) -> dict[str, float]:
    """Cross-validated performance from reference values and CV predictions.

    RMSECV = sqrt(PRESS / n) with PRESS = sum (pred - y)^2; Q2 = 1 - PRESS / sum (y -
    mean y)^2 (the cross-validated R2); bias = mean(pred - y); RPD = SD(y) / RMSECV
    (SD with n - 1). Never computed from training-set (fitted) predictions.

    Several prediction vectors (one per repeat of a repeated K-fold) give the pooled
    figures, the definition of the RMSECV curve: PRESS is the mean of the repeats'
    PRESS (so RMSECV is the root of the mean squared error over all R x n predictions)
    and bias the mean of all errors.
    """
    y = np.asarray(y, dtype=float)
    errors = [np.asarray(p, dtype=float) - y for p in preds]
    press = float(np.mean([(e**2).sum() for e in errors]))
    ss = float(((y - y.mean()) ** 2).sum())
    rmsecv = float(np.sqrt(press / y.size))
    return {
        "rmsecv": rmsecv,
        "q2": 1.0 - press / ss if ss > 0 else float("nan"),
        "bias": float(np.mean([e.mean() for e in errors])),
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
    repeats: int = 1,
    progress: Progress | None = None,
) -> Calibration:
    """Cross-validate (``repeats`` times with seeds ``seed, seed+1, ...``), choose the
    component count, and fit the final model on all of X."""
    progress = progress or NullProgress()
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    if not np.all(np.isfinite(X)) or not np.all(np.isfinite(y)):
        raise AnalysisError("The calibration spectra or reference values contain NaN or infinity.")
    if np.ptp(y) == 0:
        raise AnalysisError("All reference values are equal; there is nothing to calibrate.")
    repeats = max(1, int(repeats))
    if n_folds >= y.size:
        repeats = 1  # leave-one-out: every split is the same
    runs: list[CrossValidation] = []
    for r in range(repeats):
        runs.append(
            cross_validate(
                X,
                y,
                max_components,
                n_folds=n_folds,
                seed=seed + r,
                scale=scale,
                progress=progress.child(0.9 * r / repeats, 0.9 * (r + 1) / repeats),
            )
        )
    cv = runs[0]
    # the pooled MSE of every component count, computed exactly as ``cv_figures`` does
    # for the chosen one, so the curve at k and the reported RMSECV are one number
    # (squaring each repeat's RMSECV back differed from it in the last digit)
    mse_curve = np.array(
        [
            np.mean([((run.predictions[:, j] - y) ** 2).sum() for run in runs]) / y.size
            for j in range(cv.predictions.shape[1])
        ]
    )
    k = _choose(mse_curve, np.vstack([run.fold_mse for run in runs]), selection)
    per_repeat = [cv_figures(y, run.predictions[:, k - 1]) for run in runs]
    pred = cv.predictions[:, k - 1]
    figures = cv_figures(y, *(run.predictions[:, k - 1] for run in runs))  # pooled
    progress.update(0.9, "fitting the final model")
    model = PLSRegression(n_components=k, scale=scale).fit(X, y)
    try:
        limits = SpectralLimits.fit(X, model.x_rotations_, model.x_loadings_, scale=scale)
    except ValueError:  # too few calibration spectra for limits
        limits = None
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
        rmsecv_curve=np.sqrt(mse_curve),
        repeat_figures=per_repeat,
        limits=limits,
    )
