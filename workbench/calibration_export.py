"""A PLS calibration's figures, predictions and coefficients as tables, CSV and XLSX.

Everything a calibration report or a paper needs, taken from the stored model (so an
export made a year later gives the same numbers): every figure (cross-validated,
their spread over repeats, the independent test set's), the cross-validated
prediction of every calibration sample with its fold, the test-set predictions, the
RMSECV curve and the regression coefficients over the preprocessed axis. The RMSECV
figure and the RMSECV curve at the chosen component count are one number (the pooled
definition of ``workbench.analysis.pls``); with repeated K-fold the figures sheet states
that definition and gives the SD, minimum and maximum of the repeats' own figures.

XLSX: one sheet per table. CSV: one file per table, named ``<stem>_<table>.csv``
beside the requested path (a CSV file holds one table).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from workbench import safetext
from workbench.errors import UserFacingError
from workbench.export import csv_bytes
from workbench.fileio import atomic_write_bytes, workbook_bytes
from workbench.model import Project, StoredModel

PLS_KIND = "pls_regression"
RMSECV_DEFINITION = (
    "root of the mean squared error over the cross-validated predictions of all repeats "
    "(pooled); the rmsecv table is the same figure for every component count"
)
Table = tuple[list[str], list[list[Any]]]


def find_model(project: Project, wanted: str) -> StoredModel:
    """The PLS model with this id or name (the newest of that name); clear error if none."""
    models = [m for m in project.models.values() if m.kind == PLS_KIND]
    if not models:
        raise UserFacingError("The project has no PLS model; run a PLS calibration first.")
    matches = [m for m in models if m.id == wanted] or [
        m for m in models if m.name.casefold() == wanted.strip().casefold()
    ]
    if not matches:
        names = ", ".join(f"{m.name} ({m.id})" for m in models)
        raise UserFacingError(f"There is no PLS model {wanted!r}; stored models: {names}.")
    return max(matches, key=lambda m: m.created)


def _num(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return ""
    return v


def figure_rows(model: StoredModel) -> list[list[Any]]:
    """[set, figure, value, unit] rows: cross-validation, spread over repeats, test set."""
    p = model.params
    perf = p.get("performance", {})
    unit = p.get("unit", "")
    prov = model.provenance if isinstance(model.provenance, dict) else {}
    run_params = prov.get("parameters", {}) if isinstance(prov.get("parameters"), dict) else {}
    table = prov.get("reference_table") if isinstance(prov.get("reference_table"), dict) else {}
    rows: list[list[Any]] = [
        ["model", "name", model.name, ""],
        ["model", "model id", model.id, ""],
        ["model", "created", model.created, ""],
        ["model", "property", p.get("property", ""), ""],
        ["model", "basis", p.get("basis", ""), ""],
        ["model", "preprocessing", prov.get("pipeline_description", ""), ""],
        ["model", "components", p.get("n_components", ""), ""],
        ["model", "components tried", run_params.get("max_components", ""), ""],
        ["model", "calibration samples", perf.get("n_calibration", ""), ""],
        ["model", "validation", perf.get("validation", f"{perf.get('folds', '')}-fold"), ""],
        ["model", "seed", perf.get("seed", ""), ""],
        ["model", "component choice", perf.get("selection", ""), ""],
        ["model", "scaling", "autoscaled" if run_params.get("autoscale") else "mean-centred", ""],
    ]
    if table:  # the reference values' file, so a reader can check they have the same one
        rows.append(["model", "reference table", table.get("name", ""), ""])
        rows.append(["model", "reference table SHA-256", table.get("sha256", ""), ""])
    if perf.get("repeats", 1) > 1:
        rows.append(
            [
                "model",
                "CV predictions sheet",
                f"from the first repeat (seed {perf.get('seed')})",
                "",
            ]
        )
    for key, name, u in (
        ("rmsecv", "RMSECV", unit),
        ("q2", "Q2 (cross-validated R2)", ""),
        ("bias", "bias", unit),
        ("rpd", "RPD", ""),
    ):
        rows.append(["cross-validation", name, _num(perf.get(key, "")), u])
    if perf.get("repeats", 1) > 1 and "mean" not in perf.get("spread", {}).get("rmsecv", {}):
        rows.append(["model", "RMSECV definition", RMSECV_DEFINITION, ""])
    for key, stats in perf.get("spread", {}).items():
        u = unit if key in ("rmsecv", "bias") else ""
        for stat in ("mean", "sd", "min", "max"):
            if stat in stats:  # models before the pooled definition also kept a mean
                rows.append(["repeats", f"{key} {stat}", _num(stats[stat]), u])
    test = perf.get("test")
    if test:
        for key, name, u in (
            ("n", "test samples", ""),
            ("rmsep", "RMSEP", unit),
            ("bias", "bias", unit),
            ("sep", "SEP", unit),
            ("rpd", "RPD", ""),
            ("r2", "R2", ""),
        ):
            rows.append(["test set", name, _num(test.get(key, "")), u])
    return rows


def calibration_tables(model: StoredModel) -> dict[str, Table]:
    """The model's tables by name: figures, cv_predictions, test_predictions, rmsecv,
    coefficients (test_predictions only when there was a test set)."""
    if model.kind != PLS_KIND:
        raise UserFacingError(f"Model {model.name} is not a PLS calibration.")
    unit = model.params.get("unit", "")
    perf = model.params.get("performance", {})
    u = f" [{unit}]" if unit else ""
    tables: dict[str, Table] = {"figures": (["set", "figure", "value", "unit"], figure_rows(model))}
    tables["cv_predictions"] = (
        ["sample", f"reference{u}", f"cv_predicted{u}", f"residual{u}", "fold"],
        [
            [
                r["sample"],
                r["reference"],
                r["predicted"],
                r["predicted"] - r["reference"],
                r["fold"],
            ]
            for r in perf.get("cv_predictions", [])
        ],
    )
    test = perf.get("test")
    if test:
        tables["test_predictions"] = (
            ["sample", f"reference{u}", f"predicted{u}", f"residual{u}"],
            [
                [r["sample"], r["reference"], r["predicted"], r["predicted"] - r["reference"]]
                for r in test.get("predictions", [])
            ],
        )
    curve = perf.get("rmsecv_by_components", [])
    tables["rmsecv"] = (
        ["components", f"rmsecv{u}"],
        [[k + 1, _num(float(v))] for k, v in enumerate(curve)],
    )
    x = np.asarray(model.arrays.get("x_processed", []), dtype=float).ravel()
    coef = np.asarray(model.arrays.get("coef", []), dtype=float).ravel()
    x_unit = model.params.get("x_unit", "")
    tables["coefficients"] = (
        [f"x [{x_unit}]" if x_unit else "x", "coefficient"],
        [[float(a), float(b)] for a, b in zip(x, coef)],
    )
    return tables


def export_calibration(model: StoredModel, out: str | Path) -> list[Path]:
    """Write the model's tables to ``out`` (.xlsx: one sheet each; .csv: one file each).
    Returns the files written."""
    out = Path(out)
    tables = calibration_tables(model)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        for name, (header, rows) in tables.items():
            ws = wb.create_sheet(name[:31])
            ws.append(safetext.cells(header))
            for row in rows:
                ws.append(safetext.cells(row))
        atomic_write_bytes(out, workbook_bytes(wb, out))
        return [out]
    if suffix == ".csv":
        written = []
        for name, (header, rows) in tables.items():
            path = out.with_name(f"{out.stem}_{name}.csv")
            atomic_write_bytes(path, csv_bytes(header, rows))
            written.append(path)
        return written
    raise UserFacingError(f"{out}: a calibration exports to .xlsx or .csv, not {suffix!r}.")
