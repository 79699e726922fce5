"""Classifiers a lab trains on its own labelled samples, kept without pickle.

A lab labels samples (``sample.labels``): a feedstock type, or an observed route
outcome from a pilot trial (label key ``route:<route id>``, e.g. "route:biochar" =
"suitable"). ``train_classifier`` learns the label from property vectors (on each
property's vocabulary basis, converted with ISO 16993 where needed) and/or from
spectra (resampled to a common axis, preprocessed by a named pipeline, reduced by
PCA). The model is standardisation, optional PCA and a multinomial logistic
regression: a small, well-understood model whose fitted state is a handful of
arrays, so it is stored as arrays and JSON (``StoredModel``) and rebuilt exactly.

Performance is always cross-validated (stratified k-fold, fixed seed): accuracy,
confusion matrix and per-class precision/recall/F1. Training-set performance is
never reported. Predictions are shown next to the rule-based verdicts, never
instead of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench import __version__
from workbench.errors import AnalysisError
from workbench.model import Project, Sample, StoredModel, new_id, now_iso
from workbench.vocab import PROPERTIES

MODEL_KIND = "label_classifier"
MODEL_FORMAT = 1
MAX_FEATURES = 20_000


@dataclass
class TrainingReport:
    """Cross-validated performance of a trained classifier."""

    label_key: str
    classes: list[str]
    n_samples: int
    folds: int
    accuracy: float
    confusion: list[list[int]]
    per_class: dict[str, dict[str, float]]
    excluded: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "label_key": self.label_key,
            "classes": self.classes,
            "n_samples": self.n_samples,
            "cv_folds": self.folds,
            "cv_accuracy": self.accuracy,
            "confusion_matrix": self.confusion,
            "per_class": self.per_class,
            "excluded": self.excluded,
        }


def _property_vector(sample: Sample, props: list[str]) -> tuple[np.ndarray | None, str]:
    from workbench.classify.table import MISSING, ValueTable

    table = ValueTable.from_samples([sample])
    out = []
    for pid in props:
        spec = PROPERTIES.get(pid)
        basis, unit = (spec.basis.value, spec.unit) if spec else ("none", "")
        col = table.column(pid, basis, unit)
        if col.err[0] == MISSING:
            return None, f"{sample.name}: no {pid}"
        if np.isnan(col.x[0]):
            return None, f"{sample.name}: {pid} (not convertible to {basis} {unit})"
        out.append(float(col.x[0]))
    return np.asarray(out, dtype=float), ""


def _first_spectrum(sample: Sample) -> tuple[np.ndarray, np.ndarray] | None:
    for m in sample.measurements.values():
        if m.kind == "spectrum" and m.is_curve:
            x = m.columns[m.axes[0]].values().astype(float)
            y = m.columns[m.signal].values().astype(float)
            if y.ndim == 1 and x.shape == y.shape and x.size >= 3:
                order = np.argsort(x)
                return x[order], y[order]
    return None


def _common_axis(spectra: list[tuple[np.ndarray, np.ndarray]], n: int = 400) -> np.ndarray:
    lo = max(float(x[0]) for x, _ in spectra)
    hi = min(float(x[-1]) for x, _ in spectra)
    if not hi > lo:
        raise AnalysisError("the labelled samples' spectra share no common x range")
    return np.linspace(lo, hi, n)


def _features(
    samples: list[Sample], props: list[str], axis: np.ndarray | None
) -> tuple[np.ndarray, list[Sample], list[str]]:
    rows, kept, excluded = [], [], []
    for s in samples:
        parts = []
        if props:
            vec, why = _property_vector(s, props)
            if vec is None:
                excluded.append(why)
                continue
            parts.append(vec)
        if axis is not None:
            spec = _first_spectrum(s)
            if spec is None:
                excluded.append(f"{s.name}: no spectrum")
                continue
            x, y = spec
            if axis[0] < x[0] or axis[-1] > x[-1]:
                excluded.append(f"{s.name}: spectrum does not cover the model's x range")
                continue
            parts.append(np.interp(axis, x, y))
        row = np.concatenate(parts)
        if not np.all(np.isfinite(row)):
            excluded.append(f"{s.name}: non-finite values")
            continue
        rows.append(row)
        kept.append(s)
    if not rows:
        return np.empty((0, 0)), kept, excluded
    return np.vstack(rows), kept, excluded


def train_classifier(
    project: Project,
    label_key: str,
    *,
    properties: list[str] | None = None,
    spectra: bool = False,
    n_components: int = 5,
    folds: int = 5,
    seed: int = 0,
    name: str = "",
) -> tuple[StoredModel, TrainingReport]:
    """Train and cross-validate a classifier for ``label_key``; returns the model and report.

    The model is not added to the project; call ``project.add_model`` to keep it.
    """
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    props = list(properties or [])
    for pid in props:
        if pid not in PROPERTIES:
            raise AnalysisError(f"unknown property {pid!r}")
    if not props and not spectra:
        raise AnalysisError("choose properties and/or spectra as the classifier's features")
    labelled = [s for s in project.samples.values() if s.labels.get(label_key)]
    axis = None
    if spectra:
        specs = [sp for s in labelled if (sp := _first_spectrum(s)) is not None]
        if len(specs) < 2:
            raise AnalysisError("fewer than two labelled samples have a spectrum")
        axis = _common_axis(specs)
    X, kept, excluded = _features(labelled, props, axis)
    y = np.array([s.labels[label_key] for s in kept])
    classes, counts = np.unique(y, return_counts=True) if y.size else (np.array([]), np.array([]))
    if len(classes) < 2:
        raise AnalysisError(
            f"training needs samples of at least two classes of {label_key!r}; "
            f"found {len(classes)} among {len(kept)} usable samples"
        )
    k = int(min(folds, counts.min()))
    if k < 2:
        raise AnalysisError(
            f"every class needs at least two samples for cross-validation; "
            f"{classes[counts.argmin()]!r} has {counts.min()}"
        )
    steps = [StandardScaler()]
    n_pca = 0
    if axis is not None:
        n_pca = int(min(n_components, X.shape[1], len(kept) - len(kept) // k - 1))
        if n_pca >= 1:
            steps.append(PCA(n_components=n_pca))
    steps.append(LogisticRegression(max_iter=5000))
    pipe = make_pipeline(*steps)
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    predicted = cross_val_predict(pipe, X, y, cv=cv)
    prec, rec, f1, sup = precision_recall_fscore_support(
        y, predicted, labels=classes, zero_division=0
    )
    report = TrainingReport(
        label_key=label_key,
        classes=[str(c) for c in classes],
        n_samples=len(kept),
        folds=k,
        accuracy=float(accuracy_score(y, predicted)),
        confusion=confusion_matrix(y, predicted, labels=classes).tolist(),
        per_class={
            str(c): {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(n)}
            for c, p, r, f, n in zip(classes, prec, rec, f1, sup)
        },
        excluded=excluded,
    )
    pipe.fit(X, y)
    scaler, clf = pipe.steps[0][1], pipe.steps[-1][1]
    arrays: dict[str, Any] = {
        "scaler_mean": scaler.mean_.astype(float),
        "scaler_scale": scaler.scale_.astype(float),
        "coef": clf.coef_.astype(float),
        "intercept": clf.intercept_.astype(float),
    }
    if n_pca:
        pca = pipe.steps[1][1]
        arrays["pca_mean"] = pca.mean_.astype(float)
        arrays["pca_components"] = pca.components_.astype(float)
    if axis is not None:
        arrays["x_axis"] = axis
    model = StoredModel(
        id=new_id("model"),
        kind=MODEL_KIND,
        name=name or f"{label_key} classifier",
        params={
            "format": MODEL_FORMAT,
            "label_key": label_key,
            "classes": report.classes,
            "properties": props,
            "spectra": bool(spectra),
            "n_components": n_pca,
            "performance": report.to_json(),
        },
        arrays=arrays,
        provenance={
            "trained": now_iso(),
            "app_version": __version__,
            "training_samples": [s.id for s in kept],
            "seed": seed,
            "estimator": "StandardScaler"
            + (" + PCA" if n_pca else "")
            + " + LogisticRegression (scikit-learn)",
        },
    )
    return model, report


def _array(model: StoredModel, key: str, ndim: int) -> np.ndarray:
    if key not in model.arrays:
        raise AnalysisError(f"model {model.id}: array {key!r} is missing")
    arr = np.asarray(model.arrays[key])
    if arr.dtype.kind not in "fiu" or arr.ndim != ndim or arr.size > MAX_FEATURES * 64:
        raise AnalysisError(f"model {model.id}: array {key!r} has the wrong type or shape")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)):
        raise AnalysisError(f"model {model.id}: array {key!r} holds non-finite values")
    return arr


def _str_list(model: StoredModel, key: str) -> list[str]:
    """A list parameter of a stored model (the file may hold anything there)."""
    value = model.params.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_FEATURES:
        raise AnalysisError(f"model {model.id}: parameter {key!r} is not a list")
    return [str(x) for x in value]


class LabelPredictor:
    """A stored classifier rebuilt from its arrays (checked: the file may come from anyone)."""

    def __init__(self, model: StoredModel) -> None:
        p = model.params
        if model.kind != MODEL_KIND or p.get("format") != MODEL_FORMAT:
            raise AnalysisError(f"model {model.id} is not a label classifier this version reads")
        self.model = model
        self.label_key = str(p.get("label_key", ""))
        self.classes = _str_list(model, "classes")
        self.properties = _str_list(model, "properties")
        self.mean = _array(model, "scaler_mean", 1)
        self.scale = _array(model, "scaler_scale", 1)
        self.coef = _array(model, "coef", 2)
        self.intercept = _array(model, "intercept", 1)
        self.axis = _array(model, "x_axis", 1) if p.get("spectra") else None
        self.pca_mean = self.pca_components = None
        k = p.get("n_components", 0)
        if isinstance(k, bool) or not isinstance(k, int) or k < 0:
            raise AnalysisError(f"model {model.id}: parameter 'n_components' is not a count")
        if k:
            self.pca_mean = _array(model, "pca_mean", 1)
            self.pca_components = _array(model, "pca_components", 2)
        n_features = len(self.properties) + (self.axis.size if self.axis is not None else 0)
        width = self.pca_components.shape[0] if self.pca_components is not None else n_features
        rows = 1 if len(self.classes) == 2 else len(self.classes)
        if (
            len(self.classes) < 2
            or self.mean.shape != (n_features,)
            or self.scale.shape != (n_features,)
            or self.coef.shape != (rows, width)
            or self.intercept.shape != (rows,)
            or (self.pca_components is not None and self.pca_components.shape[1] != n_features)
        ):
            raise AnalysisError(f"model {model.id}: inconsistent array shapes")

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        z = (np.asarray(X, float) - self.mean) / self.scale
        if self.pca_components is not None:
            z = (z - self.pca_mean) @ self.pca_components.T
        logits = z @ self.coef.T + self.intercept
        if len(self.classes) == 2:
            p1 = 1.0 / (1.0 + np.exp(-logits[:, 0]))
            return np.column_stack([1 - p1, p1])
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)

    def predict_sample(self, sample: Sample) -> dict[str, Any] | None:
        """``{"label", "probability"}`` for one sample, or None when its features are missing."""
        X, kept, _excluded = _features([sample], self.properties, self.axis)
        if not kept:
            return None
        proba = self.predict_proba(X)[0]
        best = int(np.argmax(proba))
        return {"label": self.classes[best], "probability": float(proba[best])}


def predictions_for(project: Project, sample: Sample) -> list[dict[str, Any]]:
    """Every stored classifier's prediction for ``sample`` (shown beside the rule verdicts)."""
    out = []
    for model in project.models.values():
        if model.kind != MODEL_KIND:
            continue
        try:
            predictor = LabelPredictor(model)
        except AnalysisError as exc:
            out.append({"model": model.id, "error": str(exc)})
            continue
        pred = predictor.predict_sample(sample)
        if pred is None:
            continue
        perf = model.params.get("performance", {})
        acc = perf.get("cv_accuracy")
        out.append(
            {
                "model": model.id,
                "name": model.name,
                "label_key": predictor.label_key,
                "prediction": pred["label"],
                "probability": round(pred["probability"], 4),
                "cv_accuracy": None if acc is None or not math.isfinite(acc) else acc,
            }
        )
    return out


def attach_predictions(project: Project, verdicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add ``"learned"`` (predictions of route-outcome models) beside each JSON verdict.

    A model trained on label key ``route:<id>`` is shown next to the rule verdict for
    that route; the rule verdict itself is never changed.
    """
    if not any(m.kind == MODEL_KIND for m in project.models.values()):
        return verdicts
    cache: dict[str, list[dict[str, Any]]] = {}
    for v in verdicts:
        sid = v.get("sample_id")
        if sid not in project.samples:
            continue
        if sid not in cache:
            cache[sid] = predictions_for(project, project.samples[sid])
        mine = [p for p in cache[sid] if p.get("label_key") == f"route:{v.get('route')}"]
        if mine:
            v["learned"] = mine
    return verdicts
