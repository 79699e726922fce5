"""Format versioning: version 0 files migrate in memory; newer versions are refused."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

import h5py
import numpy as np
import pytest

from workbench.errors import FormatVersionError, ProjectError
from workbench.model import FORMAT_VERSION
from workbench.project.migrate import feedstock_from_text
from workbench.project.store import close_project, open_project, save_project

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V0 = FIXTURES / "project_v0.fwproj"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def v0_copy(tmp_path):
    dst = tmp_path / "old.fwproj"
    shutil.copyfile(V0, dst)
    return dst


def test_fixture_matches_its_generator(tmp_path):
    spec = importlib.util.spec_from_file_location("make_v0", FIXTURES / "make_project_v0.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    fresh = mod.make(tmp_path / "fresh.fwproj")
    with h5py.File(fresh, "r") as a, h5py.File(V0, "r") as b:
        assert int(b.attrs["format_version"]) == 0
        assert sorted(a["samples"]) == sorted(b["samples"])
        np.testing.assert_array_equal(
            a["samples/s-birch/data/m-nir-1/y"][()], b["samples/s-birch/data/m-nir-1/y"][()]
        )


def test_v0_is_migrated_in_memory_and_written_on_save(v0_copy):
    before = sha(v0_copy)
    p = open_project(v0_copy)
    assert not p.read_only
    assert p.dirty, "a migrated project has unsaved changes"
    assert any("format version 0" in w for w in p.warnings)
    assert p.audit[-1].action == "migrate format"
    birch, bark = p.samples["s-birch"], p.samples["s-bark"]
    assert birch.name == "Birch chips, lot 7" and birch.feedstock_type == "woody"
    assert birch.supplier == "Sawmill Oy" and birch.date_received == "2025-05-02"
    assert birch.notes == "stored outdoors"
    assert birch.metadata == {"moisture class": "M35", "material (format 0)": "Birch chips"}
    assert bark.feedstock_type == "bark"
    nir = birch.measurements["m-nir-1"]
    assert nir.is_curve and nir.signal == "absorbance" and nir.axes == ["wavenumber"]
    assert nir.columns["wavenumber"].unit == "cm-1" and nir.replicate == 2
    assert nir.n_points == 64
    assert nir.source_name == "birch_nir.csv"
    src = p.sources[nir.source_sha256]
    assert hashlib.sha256(src.read_bytes()).hexdigest() == nir.source_sha256
    ash = bark.measurements["m-ash-1"].quantities["ash_550"]
    assert (ash.value, ash.unit, ash.basis) == (3.1, "%", "db")
    assert sha(v0_copy) == before, "opening never edits the original file"

    y = nir.columns["absorbance"].values().copy()
    save_project(p)
    close_project(p)
    assert sha(v0_copy) != before
    with h5py.File(v0_copy, "r") as f:
        assert int(f.attrs["format_version"]) == FORMAT_VERSION
        assert f["samples/s-birch/measurements/m-nir-1"].attrs["NX_class"] == "NXdata"
    q = open_project(v0_copy, read_only=True)
    assert not q.dirty and q.warnings == []
    np.testing.assert_array_equal(
        q.samples["s-birch"].measurements["m-nir-1"].columns["absorbance"].values(), y
    )
    assert [e.action for e in q.audit][-1] == "migrate format"
    close_project(q)


def test_newer_version_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "future.fwproj"
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "fibre-workbench-project"
        f.attrs["format_version"] = 3
    with pytest.raises(FormatVersionError) as err:
        open_project(path)
    msg = str(err.value)
    assert "version 3" in msg and f"up to version {FORMAT_VERSION}" in msg
    assert str(path) in msg
    assert not (tmp_path / "future.fwproj.lock").exists(), "a refused open releases the lock"


@pytest.mark.parametrize(
    ("attrs", "match"),
    [
        ({}, "not a Fibre Workbench project"),
        ({"format": "something-else", "format_version": 1}, "not a Fibre Workbench project"),
        ({"format": "fibre-workbench-project"}, "version is missing"),
        ({"format": "fibre-workbench-project", "format_version": "one"}, "version is missing"),
    ],
)
def test_wrong_root_attributes_are_refused(tmp_path, attrs, match):
    path = tmp_path / "x.fwproj"
    with h5py.File(path, "w") as f:
        f.attrs.update(attrs)
    with pytest.raises(ProjectError, match=match):
        open_project(path)


def test_feedstock_keywords():
    assert feedstock_from_text("Pine SAWDUST") == "sawdust"
    assert feedstock_from_text("logging residues, spruce") == "logging_residues"
    assert feedstock_from_text("deinking sludge") == "deinking_sludge"
    assert feedstock_from_text("straw") == "straw"
    assert feedstock_from_text("mystery") == "other"
