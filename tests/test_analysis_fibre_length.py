"""Fibre length plugin against the constructed per-fibre file and hand-computed values."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from plugins.fibre_length.stats import class_stats, distribution, length_stats, weighted_means
from workbench.analysis import discover, run_plugin
from workbench.messages import messages_in
from workbench.model import Column, Measurement, Project, new_id

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CONSTRUCTED = SHARED / "samples" / "constructed"
PER_FIBRE = CONSTRUCTED / "per_fibre_fi_semicolon_comma_cp1252.csv"


def _read_per_fibre() -> tuple[list[str], np.ndarray]:
    """Read the constructed file directly: semicolons, decimal commas, cp1252."""
    text = PER_FIBRE.read_text(encoding="cp1252")
    header = text.splitlines()[0].split(";")
    data = np.loadtxt(io.StringIO(text.replace(",", ".")), delimiter=";", skiprows=1)
    return header, data


def _project_with_particles(header: list[str], data: np.ndarray) -> tuple[Project, str]:
    project = Project()
    sample = project.add_sample("Constructed")
    cols = {h: Column(h, "", data[:, i], h) for i, h in enumerate(header)}
    project.add_measurement(
        sample.id, Measurement(id=new_id("m"), kind="fibre_particles", columns=cols)
    )
    return project, sample.id


def test_hand_computed_means():
    lens = np.array([0.1, 1.0, 2.0, 3.0])
    st = length_stats(lens, 0.2)
    # fibres 1, 2, 3: Ln = 6/3, Lw = 14/6, Lww = 36/14
    assert st.ln == pytest.approx(2.0)
    assert st.lw == pytest.approx(14 / 6)
    assert st.lww == pytest.approx(36 / 14)
    assert st.fines_count_pct == pytest.approx(25.0)
    assert st.fines_length_pct == pytest.approx(100 * 0.1 / 6.1)
    assert st.n_fibres == 3 and st.n_particles == 4
    st_all = length_stats(lens, 0.2, exclude_fines=False)
    assert st_all.ln == pytest.approx(6.1 / 4)


def test_weighted_means_with_counts_equal_repeated_list():
    assert weighted_means(np.array([1.0, 2.0]), np.array([2, 1])) == pytest.approx(
        weighted_means(np.array([1.0, 1.0, 2.0]))
    )


def test_class_stats_midpoints():
    st = class_stats([0.0, 0.5, 1.5], [0.2, 1.5, 2.5], [10, 3, 1], 0.2)
    # fines class midpoint 0.1; fibres at 1.0 (x3) and 2.0 (x1)
    assert st.ln == pytest.approx(5.0 / 4)
    assert st.lw == pytest.approx(7.0 / 5)
    assert st.fines_count_pct == pytest.approx(100 * 10 / 14)
    assert st.fines_length_pct == pytest.approx(100 * 1.0 / 6.0)


def test_distribution_counts_and_open_last_class():
    d = distribution(np.array([0.1, 0.3, 0.3, 1.2, 9.0]), [0.0, 0.2, 1.0, 5.0])
    assert list(d["count"]) == [1, 2, 1, 1]
    assert d["upper"][-1] > 9.0
    assert d["count_pct"].sum() == pytest.approx(100.0)
    assert d["length_pct"].sum() == pytest.approx(100.0)


@pytest.mark.skipif(not PER_FIBRE.exists(), reason="../shared/samples/constructed is not available")
def test_constructed_file_matches_truth_to_1e9():
    truth = json.loads((CONSTRUCTED / "truth.json").read_text())[PER_FIBRE.name]
    header, data = _read_per_fibre()
    project, sid = _project_with_particles(header, data)
    result = run_plugin(project, "fibre_length", sid, registry=discover())[0]
    v = result.values
    assert v["particle_count"].value == truth["n_particles"]
    assert v["fibre_count"].value == truth["n_fibres"]
    for key, prop in [
        ("Ln_mm", "fibre_length_ln"),
        ("Lw_mm", "fibre_length_lw"),
        ("Lww_mm", "fibre_length_lww"),
        ("fines_count_pct", "fines_count"),
        ("fines_length_pct", "fines_length"),
        ("mean_width_um", "fibre_width"),
    ]:
        assert v[prop].value == pytest.approx(truth[key], rel=1e-9), prop
    assert v["fibre_width"].unit == "µm"
    assert any("constant coarseness" in m for m in messages_in(result.messages, "en"))
    assert result.plugin_id == "fibre_length" and result.plugin_version
    assert result.inputs[0]["type"] == "measurement"
    assert result.columns["count"].values().sum() == truth["n_particles"]


@pytest.mark.skipif(not PER_FIBRE.exists(), reason="../shared/samples/constructed is not available")
def test_lengths_in_micrometres_are_converted():
    header, data = _read_per_fibre()
    data = data.copy()
    data[:, 1] *= 1000.0
    header = list(header)
    header[1] = "Length"
    project = Project()
    sample = project.add_sample("um")
    cols = {h: Column(h, "µm" if i == 1 else "", data[:, i], h) for i, h in enumerate(header)}
    project.add_measurement(
        sample.id, Measurement(id=new_id("m"), kind="fibre_particles", columns=cols)
    )
    result = run_plugin(project, "fibre_length", sample.id, registry=discover())[0]
    assert result.values["fibre_length_ln"].value == pytest.approx(1.26087204157234, rel=1e-9)


def test_class_distribution_measurement():
    project = Project()
    sample = project.add_sample("dist")
    cols = {
        "class_lower": Column("class_lower", "mm", np.array([0.0, 0.5, 1.5])),
        "class_upper": Column("class_upper", "mm", np.array([0.2, 1.5, 2.5])),
        "count": Column("count", "", np.array([10.0, 3.0, 1.0])),
    }
    project.add_measurement(
        sample.id, Measurement(id=new_id("m"), kind="fibre_distribution", columns=cols)
    )
    result = run_plugin(project, "fibre_length", sample.id, registry=discover())[0]
    assert result.values["fibre_length_ln"].value == pytest.approx(1.25)
    assert result.values["fines_count"].value == pytest.approx(100 * 10 / 14)


def _two_samples(a: list[float], b: list[float]) -> tuple[Project, list[str]]:
    project = Project()
    ids = []
    for name, lens in (("A", a), ("B", b)):
        s = project.add_sample(name)
        cols = {"length": Column("length", "mm", np.array(lens))}
        project.add_measurement(
            s.id, Measurement(id=new_id("m"), kind="fibre_particles", columns=cols)
        )
        ids.append(s.id)
    return project, ids


def test_ks_comparison_of_two_samples():
    # ECDFs of {1,2,3,4} and {3,4,5,6}: largest gap 0.5 (e.g. at 2 mm: 0.5 vs 0)
    project, ids = _two_samples([1, 2, 3, 4, 0.1], [3, 4, 5, 6])
    results = run_plugin(project, "fibre_length_compare", ids, registry=discover())
    assert len(results) == 2  # one result per sample, sharing a run id
    v = results[0].values
    assert v["ks_statistic"].value == pytest.approx(0.5)
    assert 0 < v["ks_p_value"].value <= 1
    runs = [i for r in results for i in r.inputs if i["type"] == "run"]
    assert runs[0]["id"] == runs[1]["id"] and runs[0]["samples"] == ids
    same, ids2 = _two_samples([1, 2, 3], [1, 2, 3])
    r = run_plugin(same, "fibre_length_compare", ids2, registry=discover())[0]
    assert r.values["ks_statistic"].value == 0.0
    assert r.values["ks_p_value"].value == pytest.approx(1.0)


def test_ks_needs_two_samples():
    from workbench.analysis import PluginRunError

    project, ids = _two_samples([1, 2, 3], [1, 2, 3])
    with pytest.raises(PluginRunError, match="exactly two"):
        run_plugin(project, "fibre_length_compare", ids[:1], registry=discover())
