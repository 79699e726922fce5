"""The new, demo, info and self-test commands, run in-process and as ``python -m``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from workbench.cli.main import main
from workbench.model import FORMAT_VERSION, Column, Quantity, Result
from workbench.project import lazy
from workbench.project.store import close_project, open_project, save_project

ROOT = Path(__file__).resolve().parents[1]

TOP_KEYS = {"format_version", "app_version", "path", "read_only", "samples", "sources", "warnings"}
SAMPLE_KEYS = {"id", "name", "feedstock_type", "supplier", "origin", "date_received"}
SAMPLE_KEYS |= {"metadata", "measurements", "results"}
MEAS_KEYS = {"id", "kind", "label", "x_range", "x_unit", "y_unit", "source_sha256"}
MEAS_KEYS |= {"source_name", "method", "instrument", "replicate", "basis", "quantities"}
RESULT_KEYS = {"id", "plugin", "plugin_version", "created", "parameters", "values"}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.fwproj"
    assert main(["demo", str(path)]) == 0
    return path


def _info_json(path: Path, capsys) -> dict:
    capsys.readouterr()
    assert main(["info", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_new_creates_an_empty_project(tmp_path, capsys):
    path = tmp_path / "empty.fwproj"
    assert main(["new", str(path)]) == 0
    doc = _info_json(path, capsys)
    assert doc["samples"] == [] and doc["sources"] == [] and doc["format_version"] == FORMAT_VERSION


def test_new_adds_the_suffix(tmp_path):
    assert main(["new", str(tmp_path / "plain")]) == 0
    assert (tmp_path / "plain.fwproj").is_file()


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "p.fwproj"
    path.write_bytes(b"precious")
    assert main(["new", str(path)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert path.read_bytes() == b"precious"
    assert main(["new", str(path), "--force"]) == 0
    data = path.read_bytes()  # the save's header (HDF5 user block), then HDF5's signature
    assert data[:23] == b"FIBRE-WORKBENCH-PROJECT" and data[65536:65544] == b"\x89HDF\r\n\x1a\n"


def test_new_in_a_missing_folder_is_exit_2(tmp_path, capsys):
    assert main(["new", str(tmp_path / "no" / "such" / "p.fwproj")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_demo_refuses_to_overwrite(demo_file, capsys):
    before = demo_file.read_bytes()
    assert main(["demo", str(demo_file)]) == 2
    assert demo_file.read_bytes() == before


def test_info_json_shape_on_the_demo(demo_file, capsys):
    doc = _info_json(demo_file, capsys)
    assert set(doc) >= TOP_KEYS
    assert doc["read_only"] is True and doc["path"] == str(demo_file.absolute())
    assert 6 <= len(doc["samples"]) <= 10
    shas = {s["sha256"] for s in doc["sources"]}
    for sample in doc["samples"]:
        assert set(sample) >= SAMPLE_KEYS
        assert sample["metadata"]["data"] == "demonstration"
        kinds = {m["kind"] for m in sample["measurements"]}
        assert {"moisture", "ash", "tga", "spectrum"} <= kinds
        for m in sample["measurements"]:
            assert set(m) >= MEAS_KEYS
            assert ("n_points" in m) != ("shape" in m)
            assert m["source_sha256"] in shas
            for q in m["quantities"].values():
                assert {"value", "unit", "basis"} <= set(q)
        tga = next(m for m in sample["measurements"] if m["kind"] == "tga")
        assert tga["x_range"] == [25.0, 900.0] and tga["x_unit"] == "°C" and tga["y_unit"] == "%"
        assert tga["n_points"] == 1076
        nir = next(m for m in sample["measurements"] if m["kind"] == "spectrum")
        assert nir["x_range"] == [1100.0, 2500.0] and nir["x_unit"] == "nm"
        assert nir["n_points"] == 701
        moisture = next(m for m in sample["measurements"] if m["kind"] == "moisture")
        assert moisture["n_points"] == 3 and moisture["x_range"] is None
        q = moisture["quantities"]["moisture"]
        assert q["basis"] == "ar" and q["unit"] == "%" and q["n"] == 3
    json.dumps(doc, allow_nan=False)  # strictly valid JSON


def test_info_json_lists_results_with_values(tmp_path, capsys):
    path = tmp_path / "r.fwproj"
    from workbench.model import Project

    project = Project()
    sample = project.add_sample("S1", feedstock_type="straw")
    project.add_result(
        sample.id,
        Result(
            id="r-1",
            plugin_id="demo.plugin",
            plugin_version="2.1",
            parameters={"window": [150, 900]},
            values={"ash": Quantity(3.25, "%", "db", sd=0.1, n=2)},
            columns={"x": Column("x", "°C", np.arange(5.0)), "y": Column("y", "%", np.ones(5))},
        ),
    )
    save_project(project, path)
    close_project(project)
    doc = _info_json(path, capsys)
    (result,) = doc["samples"][0]["results"]
    assert set(result) >= RESULT_KEYS
    assert result["plugin"] == "demo.plugin" and result["plugin_version"] == "2.1"
    assert result["parameters"] == {"window": [150, 900]}
    assert result["values"]["ash"]["value"] == 3.25
    assert result["values"]["ash"]["unit"] == "%" and result["values"]["ash"]["basis"] == "db"


def test_info_reads_only_axis_arrays(demo_file, monkeypatch, capsys):
    read: list[str] = []
    original = lazy.LazyArray._read

    def spy(self, key=()):
        read.append(self.name)
        return original(self, key)

    monkeypatch.setattr(lazy.LazyArray, "_read", spy)
    doc = _info_json(demo_file, capsys)
    # the axis ranges come from the project index (issue 16): no array is read
    assert read == []
    assert any(m["x_range"] for s in doc["samples"] for m in s["measurements"])
    # a file without an index (an older one) reads only the axis arrays for them
    from workbench.project import index

    monkeypatch.setattr(index, "cheap_check", lambda f, doc: "forced walk")
    doc = _info_json(demo_file, capsys)
    assert read, "the axis ranges need the axis datasets"
    assert all(name.rsplit("/", 1)[-1] in ("temperature", "wavelength") for name in read), read
    assert len(read) == sum(
        1 for s in doc["samples"] for m in s["measurements"] if m["x_range"] is not None
    )


def test_info_text_summary(demo_file, capsys):
    capsys.readouterr()
    assert main(["info", str(demo_file)]) == 0
    out = capsys.readouterr().out
    assert "8 samples" in out and "Birch chips" in out
    assert "x 25–900 °C" in out and "moisture = " in out


def test_demo_project_is_fast(tmp_path):
    import time

    # CPU time, so that other processes on a shared machine do not make this flaky
    started = time.process_time()
    assert main(["demo", str(tmp_path / "fast.fwproj")]) == 0
    assert time.process_time() - started < 2.0


def test_demo_reopens_with_curves(demo_file):
    project = open_project(demo_file, read_only=True)
    try:
        for sample in project.samples.values():
            curves = [m for m in sample.measurements.values() if m.is_curve]
            assert len(curves) >= 2
            for m in curves:
                assert m.columns[m.signal].values().shape == m.columns[m.axes[0]].values().shape
    finally:
        close_project(project)


def test_self_test_passes_as_a_process(tmp_path):
    env = dict(os.environ, FIBRE_WORKBENCH_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout
    assert "self-test steps passed" in proc.stdout


def test_self_test_list(capsys):
    assert main(["self-test", "--list"]) == 0
    assert "reopen the project: every array and attribute equal" in capsys.readouterr().out
