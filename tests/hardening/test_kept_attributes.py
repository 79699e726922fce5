"""Issue 18 part 3b: a save keeps every attribute another program added.

The first pass kept attributes on the root, samples, measurements, results, columns,
stored sources and models. These are the places it still dropped them (each test
failed before): the fixed groups the layout writes (``/samples``, ``/sources``,
``/models``, ``/settings``, ``/audit`` and its datasets, ``/index``, a sample's
``measurements`` and ``results``) and model arrays; a name we use on some objects
reused on one where our format does not use it (``kind`` on a column, ``units`` on
a sample); a column held in memory after its file was replaced (a deleted sample
brought back); and every attribute of a project migrated from format version 0.

Each attribute is written with plain h5py, a command that saves is run, and the
attribute must still be there with its value, data type and shape.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import h5py
import numpy as np
import pytest

from workbench.cli.main import main
from workbench.demo import write_demo
from workbench.model import FORMAT_VERSION, Column, Result, StoredModel
from workbench.project.store import close_project, open_project, save_project

FIXTURE_V0 = Path(__file__).parent.parent / "fixtures" / "project_v0.fwproj"

VALUES = {
    "lab_ref": "LIMS-42",  # variable-length UTF-8 text
    "lims_id": np.int32(7),
    "fixed": np.bytes_(b"ABC"),  # fixed-length ASCII
    "weights": np.array([[1.5, 2.5, 3.5]], dtype=">f4"),  # 2-D, big-endian
}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demonstration project with a result on its first sample and a model."""
    path = tmp_path_factory.mktemp("demo") / "demo.fwproj"
    write_demo(path)
    p = open_project(path)
    try:
        sample = next(iter(p.samples.values()))
        sample.results["res-1"] = Result(
            id="res-1",
            plugin_id="test.kept",
            plugin_version="1",
            columns={"x": Column("x", "", np.arange(4.0)), "y": Column("y", "", np.ones(4))},
        )
        p.models["mdl-1"] = StoredModel(
            id="mdl-1", kind="pls", name="Ash", arrays={"coef": np.arange(6.0).reshape(2, 3)}
        )
        save_project(p)
    finally:
        close_project(p)
    return path


def _stored_dtype(value):
    if isinstance(value, str):
        return h5py.string_dtype("utf-8")
    return np.asarray(value).dtype


def _write(path: Path, places: dict[str, dict]) -> None:
    with h5py.File(path, "r+") as f:
        for where, attrs in places.items():
            for name, value in attrs.items():
                f[where].attrs[name] = value


def _assert_kept(path: Path, places: dict[str, dict]) -> None:
    with h5py.File(path, "r") as f:
        for where, attrs in places.items():
            got = f[where].attrs
            for name, value in attrs.items():
                assert name in got, (where, name, sorted(got))
                aid = got.get_id(name)
                assert aid.dtype == _stored_dtype(value), (where, name, aid.dtype)
                assert aid.shape == np.shape(value), (where, name, aid.shape)
                assert np.array_equal(np.asarray(got[name]), np.asarray(value)), (where, name)


def _first(f: h5py.File, group: str) -> str:
    return f"{group}/{sorted(f[group])[0]}"


def _a_column(f: h5py.File) -> tuple[str, str, str]:
    """(sample, measurement, column) paths of the first measurement with columns."""
    for sid in sorted(f["samples"]):
        for mid in sorted(f[f"samples/{sid}/measurements"]):
            where = f"samples/{sid}/measurements/{mid}"
            if len(f[where]):
                return f"samples/{sid}", where, f"{where}/{sorted(f[where])[0]}"
    raise AssertionError("no measurement with columns")


def _sample_name(path: Path, sample: str) -> str:
    with h5py.File(path, "r") as f:
        return json.loads(f[sample].attrs["info"])["name"]


def _label_twice(path: Path, name: str) -> None:
    """A label (the file another program changed: opened by the walk), then a sample
    change on the file our own save wrote (opened by its index)."""
    assert main(["label", str(path), "--sample", name, "route:biochar=suitable"]) == 0
    assert main(["sample", "set", str(path), name, "--supplier", "Mill"]) == 0


def test_fixed_groups_keep_attributes_another_program_added(demo_file, tmp_path, capsys):
    """/samples, /sources, /models, /settings, /audit (and its four datasets), /index,
    a sample's measurements and results groups, and a model's arrays."""
    path = tmp_path / "groups.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r") as f:
        sample = next(
            f"samples/{s}" for s in sorted(f["samples"]) if "results" in f[f"samples/{s}"]
        )
        model = _first(f, "models")
        array = _first(f, model)
    places = {
        where: VALUES
        for where in (
            "samples",
            "sources",
            "models",
            "settings",
            "audit",
            "audit/time",
            "audit/detail",
            "index",
            f"{sample}/measurements",
            f"{sample}/results",
            array,
        )
    }
    _write(path, places)
    _label_twice(path, _sample_name(path, sample))
    _assert_kept(path, places)
    p = open_project(path)
    try:
        assert not p.read_only, p.read_only_reason
        copy = tmp_path / "copy.fwproj"
        save_project(p, copy)
    finally:
        close_project(p)
    _assert_kept(copy, places)
    capsys.readouterr()
    assert main(["info", "--verify", str(copy)]) == 0, capsys.readouterr()


def test_our_names_on_objects_that_do_not_use_them_are_kept(demo_file, tmp_path):
    """``kind`` is ours on a measurement and a model, ``units`` on a column, ``json``
    on the settings: on a column, a sample, the root or a stored source they are
    another program's, and were dropped. ``name`` was ours on a sample in format 1;
    format 2 keeps it in the sample's ``info``, so there it is another program's."""
    path = tmp_path / "names.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r") as f:
        sample, measurement, column = _a_column(f)
        source = _first(f, "sources")
    places = {
        column: {"kind": "calibrated", "order": np.int64(3)},
        sample: {"units": "kg", "kind": np.float64(1.25), "name": "lot 7"},
        measurement: {"units": "%", "name": "run 3"},
        "/": {"name": "Pilot 2026", "json": "{}"},
        source: {"units": "bytes", "kind": "csv"},
    }
    _write(path, places)
    _label_twice(path, _sample_name(path, sample))
    _assert_kept(path, places)


def test_a_column_held_in_memory_keeps_its_attributes(demo_file, tmp_path):
    """A sample deleted and brought back (undo) after a save: its columns are held in
    memory (the file they came from was replaced) and their attributes went with it."""
    path = tmp_path / "memory.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r") as f:
        sample, measurement, column = _a_column(f)
    places = {column: VALUES}
    _write(path, places)
    sid = sample.split("/")[1]
    p = open_project(path)
    try:
        removed = p.samples.pop(sid)
        save_project(p)  # the sample's arrays are read into memory before the swap
        mid, name = measurement.rsplit("/", 1)[1], column.rsplit("/", 1)[1]
        col = removed.measurements[mid].columns[name]
        assert getattr(col.data, "is_cached", False)
        p.samples[sid] = removed  # undo
        save_project(p)
    finally:
        close_project(p)
    _assert_kept(path, places)
    assert main(["label", str(path), "--sample", removed.name, "route:biochar=suitable"]) == 0
    _assert_kept(path, places)


def test_a_migrated_version_0_project_keeps_attributes_another_program_added(tmp_path):
    """Format 0 -> 1 in memory, then the first save: every foreign attribute is
    written at its object's place in the new layout (/raw becomes /sources, a
    sample's data group its measurements group, x and y its columns)."""
    path = tmp_path / "old.fwproj"
    shutil.copy(FIXTURE_V0, path)
    with h5py.File(path, "r") as f:
        sample = "samples/s-birch"  # its measurement is a curve (x and y)
        measurement = _first(f, f"{sample}/data")
        sha = sorted(f["raw"])[0]
        x_name = f[measurement].attrs["x_name"]
        name = f[sample].attrs["sample_name"]
    old = {
        "/": VALUES,
        "samples": VALUES,
        "raw": VALUES,
        sample: VALUES,
        f"{sample}/data": VALUES,
        measurement: VALUES,
        f"{measurement}/x": VALUES,
        f"raw/{sha}": VALUES,
    }
    _write(path, old)
    mid = measurement.rsplit("/", 1)[1]
    new = {
        "/": VALUES,
        "samples": VALUES,
        "sources": VALUES,
        sample: VALUES,
        f"{sample}/measurements": VALUES,
        f"{sample}/measurements/{mid}": VALUES,
        f"{sample}/measurements/{mid}/{x_name}": VALUES,
        f"sources/{sha}": VALUES,
    }
    assert main(["label", str(path), "--sample", name, "route:biochar=suitable"]) == 0
    with h5py.File(path, "r") as f:
        assert f.attrs["format_version"] == FORMAT_VERSION
    _assert_kept(path, new)
    assert main(["sample", "set", str(path), name, "--supplier", "Mill"]) == 0
    _assert_kept(path, new)


def test_an_attribute_of_a_fixed_group_that_cannot_be_kept_makes_the_file_read_only(
    demo_file, tmp_path
):
    """An object reference on /samples cannot be written back: not dropped silently,
    the file opens read-only naming it, and a saving command leaves it unchanged."""
    path = tmp_path / "ref.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r+") as f:
        f["samples"].attrs["link_to"] = f["sources"].ref
        name = json.loads(f[_first(f, "samples")].attrs["info"])["name"]
    before = path.read_bytes()
    p = open_project(path)
    try:
        assert p.read_only
        assert "/samples: attribute 'link_to'" in p.read_only_reason
    finally:
        close_project(p)
    assert main(["label", str(path), "--sample", name, "route:biochar=suitable"]) == 2
    assert path.read_bytes() == before


def test_a_results_group_keeps_its_attributes_when_its_last_result_is_deleted(demo_file, tmp_path):
    """A sample's ``results`` group was written only while it held a result, so the
    attributes another program had put on it went with the last result deleted."""
    path = tmp_path / "results.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r") as f:
        sample = next(
            f"samples/{s}" for s in sorted(f["samples"]) if "results" in f[f"samples/{s}"]
        )
    places = {f"{sample}/results": VALUES}
    _write(path, places)
    p = open_project(path)
    try:
        sid = sample.rsplit("/", 1)[1]
        for rid in list(p.samples[sid].results):
            p.remove_result(sid, rid)
        save_project(p)
    finally:
        close_project(p)
    with h5py.File(path, "r") as f:
        assert len(f[f"{sample}/results"]) == 0
    _assert_kept(path, places)
    p = open_project(path)  # the empty group opens (by index) and is written again
    try:
        assert not p.samples[sid].results
        p.samples[sid].notes = "checked"
        p.dirty = True
        save_project(p)
    finally:
        close_project(p)
    _assert_kept(path, places)
    assert main(["info", "--verify", str(path)]) == 0  # the index agrees with the tree


def _places_of_own_fields(f: h5py.File) -> dict[str, str]:
    """Where format 2 keeps an object's own fields: a sample's, a measurement's, a
    result's, a stored source's and a model's JSON attribute."""
    sample = next(f"samples/{s}" for s in sorted(f["samples"]) if "results" in f[f"samples/{s}"])
    return {
        sample: "info",
        f"{sample}/measurements/{sorted(f[f'{sample}/measurements'])[0]}": "info",
        f"{sample}/results/{sorted(f[f'{sample}/results'])[0]}": "provenance",
        _first(f, "sources"): "info",
        _first(f, "models"): "info",
    }


@pytest.mark.parametrize("kind", ["sample", "measurement", "result", "source", "model"])
def test_a_field_another_program_put_in_our_json_is_never_dropped(demo_file, tmp_path, kind):
    """A field this version does not read, inside the JSON attribute that holds an
    object's own fields (a LIMS id another program added, or a newer version's field),
    was silently dropped by the next save. The file now opens read-only naming it;
    saving commands leave it byte-identical; Save As writes a copy without it."""
    path = tmp_path / "fields.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r") as f:
        where, attr = list(_places_of_own_fields(f).items())[
            ["sample", "measurement", "result", "source", "model"].index(kind)
        ]
        sample = "/".join(where.split("/")[:2]) if kind != "source" and kind != "model" else ""
    with h5py.File(path, "r+") as f:
        own = json.loads(f[where].attrs[attr])
        own["lims_id"] = "LIMS-42"
        f[where].attrs[attr] = json.dumps(own)
    before = path.read_bytes()
    p = open_project(path)
    try:
        assert p.read_only
        assert f"/{where}: field 'lims_id'" in p.read_only_reason, p.read_only_reason
        assert any("field 'lims_id'" in w and "not one this version reads" in w for w in p.warnings)
    finally:
        close_project(p)
    name = _sample_name(path, sample) if sample else next(iter(_names(path)))
    assert main(["label", str(path), "--sample", name, "route:biochar=suitable"]) == 2
    assert path.read_bytes() == before
    p = open_project(path)
    try:
        copy = tmp_path / "copy.fwproj"
        save_project(p, copy)
    finally:
        close_project(p)
    with h5py.File(copy, "r") as f:
        assert "lims_id" not in json.loads(f[where].attrs[attr])
    p = open_project(copy)  # the copy holds what the project held, and is writable
    try:
        assert not p.read_only, p.read_only_reason
    finally:
        close_project(p)


def _names(path: Path) -> list[str]:
    with h5py.File(path, "r") as f:
        return [json.loads(f[f"samples/{s}"].attrs["info"])["name"] for s in sorted(f["samples"])]


def test_a_table_marked_as_nexus_data_by_another_program_opens_writable(demo_file, tmp_path):
    """A table measurement keeps its signal and axes in its own fields. Another program
    that marks its group NXdata (with NeXus signal and axes) makes the reader take them
    from the NeXus attributes; the fields are then not read, but they are not lost
    either (written back from what was read), so the file must not open read-only."""
    path = tmp_path / "nexus.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r+") as f:
        where = next(
            f"samples/{s}/measurements/{m}"
            for s in sorted(f["samples"])
            for m in sorted(f[f"samples/{s}/measurements"])
            if "signal" in json.loads(f[f"samples/{s}/measurements/{m}"].attrs["info"])
            and len(f[f"samples/{s}/measurements/{m}"])
        )
        g = f[where]
        first = sorted(g)[0]
        g.attrs["NX_class"] = "NXdata"
        g.attrs["signal"] = first
    p = open_project(path)
    try:
        assert not p.read_only, p.read_only_reason
    finally:
        close_project(p)
