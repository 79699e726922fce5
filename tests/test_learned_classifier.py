"""Learned classifiers: cross-validated metrics, exact rebuild without pickle, CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest

from workbench.classify.learned import LabelPredictor, predictions_for, train_classifier
from workbench.cli.main import main
from workbench.errors import AnalysisError
from workbench.model import Column, Measurement, Project, Quantity, new_id
from workbench.project.store import close_project, open_project, save_project


def _labelled_project(n: int = 24, seed: int = 1) -> Project:
    """Two classes: low-ash woody ("suitable") and high-ash ("not suitable") samples."""
    rng = np.random.default_rng(seed)
    project = Project()
    x = np.linspace(1100, 2500, 120)
    for i in range(n):
        good = i % 2 == 0
        ash = rng.normal(0.6, 0.15) if good else rng.normal(6.0, 1.0)
        moisture = rng.normal(30, 5)
        s = project.add_sample(f"S{i:02d}")
        band = np.exp(-(((x - 1450) / 60) ** 2)) * (1.0 if good else 0.4)
        project.add_measurement(
            s.id,
            Measurement(
                id=new_id("m"),
                kind="properties",
                quantities={
                    "ash": Quantity(float(ash), "%", "db"),
                    "moisture": Quantity(float(moisture), "%", "ar"),
                },
            ),
        )
        project.add_measurement(
            s.id,
            Measurement(
                id=new_id("m"),
                kind="spectrum",
                columns={
                    "x": Column("x", "nm", x),
                    "y": Column("y", "", band + rng.normal(0, 0.01, x.size)),
                },
                signal="y",
                axes=["x"],
            ),
        )
        project.set_sample_label(s.id, "route:biochar", "suitable" if good else "not suitable")
    return project


def test_property_classifier_is_cross_validated_and_rebuilt_exactly():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    project = _labelled_project()
    model, report = train_classifier(project, "route:biochar", properties=["ash", "moisture"])
    assert report.folds == 5 and report.n_samples == 24
    assert report.accuracy >= 0.9  # the classes are well separated by ash
    assert sum(map(sum, report.confusion)) == 24
    assert set(report.per_class) == {"suitable", "not suitable"}
    # the stored arrays reproduce scikit-learn's probabilities
    X = np.array(
        [
            [next(iter(s.measurements.values())).quantities[p].value for p in ("ash", "moisture")]
            for s in project.samples.values()
        ]
    )
    y = [s.labels["route:biochar"] for s in project.samples.values()]
    ref = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(X, y)
    ours = LabelPredictor(model).predict_proba(X)
    np.testing.assert_allclose(ours, ref.predict_proba(X), atol=1e-10)


def test_spectra_classifier_survives_save_and_reopen(tmp_path):
    project = _labelled_project()
    model, report = train_classifier(project, "route:biochar", spectra=True, n_components=3)
    assert report.accuracy >= 0.9
    project.add_model(model)
    before = LabelPredictor(model).predict_sample(next(iter(project.samples.values())))
    path = tmp_path / "p.fwproj"
    save_project(project, path)
    close_project(project)
    reopened = open_project(path)
    try:
        sample = next(iter(reopened.samples.values()))
        (pred,) = predictions_for(reopened, sample)
        assert pred["prediction"] == sample.labels["route:biochar"]
        assert pred["cv_accuracy"] == pytest.approx(report.accuracy)
        assert pred["probability"] == pytest.approx(before["probability"], abs=1e-4)
    finally:
        close_project(reopened)


def test_training_needs_two_classes_with_two_samples_each():
    project = _labelled_project(n=4)
    project.set_sample_label(next(iter(project.samples)), "route:biochar", None)
    with pytest.raises(AnalysisError, match="at least two samples"):
        train_classifier(project, "route:biochar", properties=["ash"])
    with pytest.raises(AnalysisError, match="at least two classes"):
        train_classifier(project, "feedstock", properties=["ash"])
    with pytest.raises(AnalysisError, match="unknown property"):
        train_classifier(project, "route:biochar", properties=["colour"])


def test_tampered_model_arrays_are_refused():
    project = _labelled_project()
    model, _ = train_classifier(project, "route:biochar", properties=["ash"])
    model.arrays["coef"] = np.zeros((3, 7))
    with pytest.raises(AnalysisError, match="inconsistent array shapes"):
        LabelPredictor(model)
    model.arrays["coef"] = np.array([["a"]])
    with pytest.raises(AnalysisError, match="wrong type"):
        LabelPredictor(model)


def test_cli_label_and_train(tmp_path, capsys):
    project = _labelled_project()
    path = tmp_path / "p.fwproj"
    save_project(project, path)
    close_project(project)
    assert main(["label", str(path), "--sample", "S00", "feedstock=birch"]) == 0
    assert (
        main(["train", str(path), "--label", "route:biochar", "--property", "ash", "--json"]) == 0
    )
    out = capsys.readouterr().out
    report = json.loads(out[out.index("{") :])
    assert report["cv_accuracy"] >= 0.9 and report["model"]
    reopened = open_project(path, read_only=True)
    try:
        assert reopened.find_sample("S00").labels["feedstock"] == "birch"
        assert report["model"] in reopened.models
    finally:
        close_project(reopened)


def test_report_shows_learned_prediction_beside_rule_verdict(tmp_path):
    from workbench.report.writer import write_report

    project = _labelled_project()
    model, _ = train_classifier(project, "route:biochar", properties=["ash"])
    project.add_model(model)
    out = tmp_path / "r.html"
    write_report(project, out, sample_names=["S00"])
    html = out.read_text(encoding="utf-8")
    assert "Your own trained model" in html and "cross-validated accuracy" in html


def test_classify_json_shows_learned_prediction_beside_verdict(tmp_path, capsys):
    project = _labelled_project()
    model, _ = train_classifier(project, "route:biochar", properties=["ash"])
    project.add_model(model)
    path = tmp_path / "p.fwproj"
    save_project(project, path)
    close_project(project)
    assert main(["classify", str(path), "--route", "biochar", "--sample", "S01", "--json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    assert doc["verdict"] in {
        "suitable",
        "conditionally suitable",
        "not suitable",
        "not enough data",
    }
    (pred,) = doc["learned"]
    assert pred["prediction"] == "not suitable" and pred["label_key"] == "route:biochar"
