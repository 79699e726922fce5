"""Moisture and ash plugin: constructed worksheets (truth.json) and hand-computed values."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from plugins.moisture_ash.calc import ash_dry_basis, moisture_wet_basis, summarise
from workbench.analysis import discover, run_plugin
from workbench.messages import messages_in
from workbench.model import Column, Measurement, Project, Quantity, new_id

CONSTRUCTED = Path(__file__).resolve().parents[1] / ".." / "shared" / "samples" / "constructed"
needs_shared = pytest.mark.skipif(
    not CONSTRUCTED.exists(), reason="../shared/samples/constructed is not available"
)


def _worksheet(name: str, encoding: str, sep: str) -> dict[str, tuple[list[str], np.ndarray]]:
    """Rows grouped by sample: (header of numeric columns, values); decimal comma handled."""
    lines = (CONSTRUCTED / name).read_text(encoding=encoding).splitlines()
    header = lines[0].split(sep)
    groups: dict[str, list[list[float]]] = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        cells = line.split(sep)
        groups.setdefault(cells[0], []).append([float(c.replace(",", ".")) for c in cells[1:]])
    return {k: (header[1:], np.array(v)) for k, v in groups.items()}


def _run(kind: str, header: list[str], values: np.ndarray):
    project = Project()
    sample = project.add_sample("S")
    cols = {h: Column(h, "", values[:, i], h) for i, h in enumerate(header)}
    project.add_measurement(sample.id, Measurement(id=new_id("m"), kind=kind, columns=cols))
    return run_plugin(project, "moisture_ash", sample.id, registry=discover())[0]


def test_hand_computed_formulas():
    # dish 10 g, wet 20 g, dry 15 g -> 5 g water in 10 g = 50 %
    assert moisture_wet_basis(10.0, 20.0, 15.0) == pytest.approx(50.0)
    # 1 g sample, 0.01 g ash = 1 % ad; at M_ad 10 % -> 1 * 100 / 90 % db
    assert ash_dry_basis(20.0, 21.0, 20.01, 10.0) == pytest.approx(100.0 / 90.0)
    s = summarise([1.0, 2.0, 3.0], limit=1.5)
    assert (s.mean, s.sd, s.n, s.range, s.within_limit) == (2.0, 1.0, 3, 2.0, False)
    with pytest.raises(ValueError):
        moisture_wet_basis(10.0, 9.0, 9.5)


@needs_shared
def test_constructed_moisture_worksheet_matches_truth():
    truth = json.loads((CONSTRUCTED / "truth.json").read_text())["moisture_weighings_fi.csv"]
    sheets = _worksheet("moisture_weighings_fi.csv", "cp1252", ";")
    for name, expected in truth.items():
        header, values = sheets[name]
        result = _run("moisture", header, values)
        q = result.values["moisture"]
        assert q.value == pytest.approx(expected["moisture_wb_pct_mean"], rel=1e-9)
        assert q.replicates == pytest.approx(expected["replicates"], rel=1e-9)
        assert q.unit == "%" and q.basis == "ar" and q.n == 2
        assert q.sd == pytest.approx(np.std(expected["replicates"], ddof=1), rel=1e-9)
        m = q.value
        assert result.values["moisture_db"].value == pytest.approx(m / (100 - m) * 100, rel=1e-12)


@needs_shared
def test_constructed_ash_worksheet_matches_truth():
    truth = json.loads((CONSTRUCTED / "truth.json").read_text())["ash_weighings_550C.csv"]
    sheets = _worksheet("ash_weighings_550C.csv", "utf-8", ",")
    for name, expected in truth.items():
        header, values = sheets[name]
        result = _run("ash", header, values)
        q = result.values["ash"]
        assert q.value == pytest.approx(expected["ash_db_pct_mean"], rel=1e-9)
        assert q.replicates == pytest.approx(expected["replicates"], rel=1e-9)
        assert q.basis == "db"


def test_importer_style_columns_analysis_moisture_and_repeatability_flag():
    cols = {
        "crucible_mass": Column("crucible_mass", "g", np.array([20.0, 20.0])),
        "crucible_plus_sample_mass": Column(
            "crucible_plus_sample_mass", "g", np.array([21.0, 21.0])
        ),
        "crucible_plus_ash_mass": Column("crucible_plus_ash_mass", "g", np.array([20.01, 20.02])),
        "analysis_moisture": Column("analysis_moisture", "%", np.array([10.0, 10.0])),
    }
    project = Project()
    s = project.add_sample("S")
    project.add_measurement(s.id, Measurement(id=new_id("m"), kind="ash", columns=cols))
    result = run_plugin(project, "moisture_ash", s.id, {"ash_limit": 0.5}, registry=discover())[0]
    assert result.values["ash"].value == pytest.approx((1.0 + 2.0) / 2 * 100 / 90)
    assert any("Replicates disagree" in msg for msg in messages_in(result.messages, "en"))


def test_analyser_values_and_ash_basis_conversion():
    project = Project()
    s = project.add_sample("S")
    for v in (40.0, 40.4):
        project.add_measurement(
            s.id,
            Measurement(
                id=new_id("m"), kind="moisture", quantities={"moisture": Quantity(v, "%", "ar")}
            ),
        )
    project.add_measurement(
        s.id,
        Measurement(
            id=new_id("m"),
            kind="ash",
            quantities={"ash": Quantity(2.0, "%", "db", replicates=[2.0])},
        ),
    )
    result = run_plugin(project, "moisture_ash", s.id, registry=discover())[0]
    assert result.values["moisture"].value == pytest.approx(40.2)
    assert result.values["moisture"].n == 2
    assert not any("Replicates disagree" in m for m in messages_in(result.messages, "en"))
    # ash 2 % db at 40.2 % moisture -> 2 * 59.8 / 100 = 1.196 % ar
    assert any("1.196 % as received" in m for m in messages_in(result.messages, "en"))
