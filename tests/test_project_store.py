"""Round trip of the HDF5 project store: everything saved is read back equal."""

from __future__ import annotations

import dataclasses
import json
import math

import h5py
import numpy as np
import pytest

from workbench.errors import ProjectError
from workbench.model import FORMAT_NAME, FORMAT_VERSION, Column, Measurement, Project
from workbench.project.lazy import LazyArray
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project


def assert_quantity_equal(a, b):
    assert a.unit == b.unit and a.basis == b.basis and a.method == b.method
    assert a.origin == b.origin and a.sd == b.sd and a.n == b.n
    assert a.uncertainty == b.uncertainty and a.replicates == b.replicates
    assert (math.isnan(a.value) and math.isnan(b.value)) or a.value == b.value


def assert_columns_equal(ca, cb):
    assert list(ca) == list(cb)
    for name in ca:
        a, b = ca[name], cb[name]
        assert (a.name, a.unit, a.label) == (b.name, b.unit, b.label)
        va, vb = a.values(), b.values()
        assert va.shape == vb.shape
        if va.dtype.kind == "U":
            assert vb.dtype.kind == "U" and list(va) == list(vb)
        else:
            assert va.dtype == vb.dtype
            np.testing.assert_array_equal(va, vb)


def assert_projects_equal(a: Project, b: Project) -> None:
    assert list(a.samples) == list(b.samples)
    for sid, sa in a.samples.items():
        sb = b.samples[sid]
        for key in ("name", "feedstock_type", "supplier", "origin", "date_received", "notes"):
            assert getattr(sa, key) == getattr(sb, key), key
        assert sa.metadata == sb.metadata and sa.labels == sb.labels
        assert list(sa.measurements) == list(sb.measurements)
        for mid, ma in sa.measurements.items():
            mb = sb.measurements[mid]
            for key in (
                "kind",
                "signal",
                "axes",
                "label",
                "method",
                "instrument",
                "replicate",
                "basis",
                "source_sha256",
                "source_name",
                "source_format",
                "metadata",
                "created",
            ):
                assert getattr(ma, key) == getattr(mb, key), key
            assert list(ma.quantities) == list(mb.quantities)
            for k in ma.quantities:
                assert_quantity_equal(ma.quantities[k], mb.quantities[k])
            assert_columns_equal(ma.columns, mb.columns)
        assert list(sa.results) == list(sb.results)
        for rid, ra in sa.results.items():
            rb = sb.results[rid]
            for key in (
                "plugin_id",
                "plugin_version",
                "parameters",
                "inputs",
                "plots",
                "messages",
                "label",
                "app_version",
                "created",
            ):
                assert getattr(ra, key) == getattr(rb, key), key
            assert list(ra.values) == list(rb.values)
            for k in ra.values:
                assert_quantity_equal(ra.values[k], rb.values[k])
            assert_columns_equal(ra.columns, rb.columns)
    assert list(a.sources) == list(b.sources)
    for sha, sa_ in a.sources.items():
        sb_ = b.sources[sha]
        assert (sa_.name, sa_.size, sa_.imported, sa_.format) == (
            sb_.name,
            sb_.size,
            sb_.imported,
            sb_.format,
        )
        assert sa_.read_bytes() == sb_.read_bytes()
    assert list(a.models) == list(b.models)
    for mid, ma in a.models.items():
        mb = b.models[mid]
        assert (ma.kind, ma.name, ma.params, ma.provenance, ma.created) == (
            mb.kind,
            mb.name,
            mb.params,
            mb.provenance,
            mb.created,
        )
        assert list(ma.arrays) == list(mb.arrays)
        for k in ma.arrays:
            np.testing.assert_array_equal(np.asarray(ma.arrays[k]), np.asarray(mb.arrays[k]))
    assert [vars(e) for e in a.audit] == [vars(e) for e in b.audit]
    assert a.settings == b.settings
    assert a.created == b.created


def test_round_trip_every_part(tmp_path):
    p = make_project(12)
    path = tmp_path / "proj.fwproj"
    save_project(p, path)
    assert p.path == path and not p.dirty
    q = open_project(path, read_only=True)
    try:
        assert q.warnings == []
        assert q.format_version == FORMAT_VERSION
        assert_projects_equal(p, q)
        # save the reopened (lazy) project again: copies inside HDF5, still equal
        path2 = tmp_path / "copy.fwproj"
        q.read_only = False
        save_project(q, path2)
        r = open_project(path2, read_only=True)
        assert_projects_equal(p, r)
        close_project(r)
    finally:
        close_project(q)
        close_project(p)


def test_open_is_lazy_and_arrays_read_on_use(tmp_path):
    p = make_project(2)
    path = tmp_path / "lazy.fwproj"
    save_project(p, path)
    close_project(p)
    q = open_project(path)
    m = next(iter(q.samples.values())).measurements["m-spec-0"]
    data = m.columns["absorbance"].data
    assert isinstance(data, LazyArray)
    assert data.shape == (1500,) and data.dtype == np.float64
    assert m.n_points == 1500
    assert np.asarray(data).shape == (1500,)
    assert data[10:20].shape == (10,)
    close_project(q)
    with pytest.raises(ProjectError, match="closed"):
        np.asarray(data)


def test_saved_file_has_documented_layout_and_nxdata(tmp_path):
    p = make_project(1)
    path = tmp_path / "layout.fwproj"
    save_project(p, path)
    sid = next(iter(p.samples))
    with h5py.File(path, "r") as f:
        assert f.attrs["format"] == FORMAT_NAME
        assert int(f.attrs["format_version"]) == FORMAT_VERSION
        for key in ("app_version", "created", "modified"):
            assert isinstance(f.attrs[key], str)
        s = f[f"samples/{sid}"]
        assert s.attrs["NX_class"] == "NXentry"
        # format 2: the sample's own fields in one JSON attribute, NeXus's beside it
        assert set(s.attrs) == {"NX_class", "info"}
        own = json.loads(s.attrs["info"])
        assert (
            own["name"] == "Sample 0000" and own["feedstock_type"] == p.samples[sid].feedstock_type
        )
        assert own["metadata"] == {"batch": "0", "lab id": "L-0"}
        curve = s["measurements/m-tga-0"]
        assert curve.attrs["NX_class"] == "NXdata"
        assert curve.attrs["signal"] == "mass"
        assert list(curve.attrs["axes"]) == ["temperature"]
        assert curve["mass"].attrs["units"] == "%"
        assert curve["temperature"].attrs["long_name"] == "Temperature (degC)"
        assert set(curve.attrs) == {"NX_class", "signal", "axes", "info"}
        info = json.loads(curve.attrs["info"])
        assert info["kind"] == "tga"
        q = info["quantities"]
        assert q["moisture"]["basis"] == "ar" and q["moisture"]["unit"] == "%"
        table = s["measurements/m-fib-0"]
        assert set(table.attrs) == {"info"}  # a table is not NeXus NXdata
        assert json.loads(table.attrs["info"])["kind"] == "fibre_particles"
        assert "Length %2F mm" in table  # "/" in a column name is percent-encoded
        assert len({table[k].shape for k in table}) == 1  # equal-length columns
        result = s["results/r-prox-0"]
        assert result.attrs["NX_class"] == "NXdata" and result.attrs["signal"] == "dtg"
        prov = json.loads(result.attrs["provenance"])
        assert prov["plugin_id"] == p.samples[sid].results["r-prox-0"].plugin_id
        assert set(result.attrs) == {"NX_class", "signal", "axes", "provenance"}
        sha = next(iter(p.sources))
        src = f[f"sources/{sha}"]
        assert src.dtype == np.uint8 and set(src.attrs) == {"info"}
        assert json.loads(src.attrs["info"])["name"] == p.sources[sha].name
        # the SHA-256 is the dataset's name and the size its length: not repeated
        assert "sha256" not in src.attrs and "size" not in src.attrs
        assert list(f["audit"]) == ["action", "detail", "time", "user"]
        assert len(f["audit/time"]) == len(p.audit)
        assert json.loads(f["settings"].attrs["json"]) == p.settings
        assert "models/model-pls/coef" in f

        def no_object_dtype(name, obj):
            if isinstance(obj, h5py.Dataset):
                assert obj.dtype.kind != "V" and obj.dtype.fields is None, name

        f.visititems(no_object_dtype)
    close_project(p)


def test_save_without_path_and_unsupported_dtype(tmp_path):
    p = Project()
    with pytest.raises(ProjectError, match="no file yet"):
        save_project(p)
    s = p.add_sample("x")
    p.add_measurement(
        s.id,
        Measurement(
            id="m1",
            kind="table",
            columns={"when": Column("when", "", np.array(["2024-01-01"], dtype="datetime64[D]"))},
        ),
    )
    with pytest.raises(ProjectError, match="column 'when'"):
        save_project(p, tmp_path / "bad.fwproj")
    assert not (tmp_path / "bad.fwproj").exists()
    assert list(tmp_path.iterdir()) == [] or all(x.suffix == ".lock" for x in tmp_path.iterdir())


def test_save_in_place_repoints_lazy_arrays_and_keeps_deleted_data(tmp_path):
    p = make_project(3)
    path = tmp_path / "inplace.fwproj"
    save_project(p, path)
    close_project(p)
    q = open_project(path)
    sids = list(q.samples)
    spec = q.samples[sids[0]].measurements["m-spec-0"].columns["absorbance"]
    before = spec.values().copy()
    removed = q.remove_sample(sids[1])  # kept by an undo stack in the GUI
    removed_data = removed.measurements["m-spec-1"].columns["absorbance"].data
    removed_values = np.asarray(removed_data).copy()
    q.add_sample("new one")
    save_project(q)
    assert isinstance(spec.data, LazyArray) and spec.data.handle.path == path
    np.testing.assert_array_equal(spec.values(), before)
    # the deleted sample's arrays stay readable (undo can put it back)
    np.testing.assert_array_equal(np.asarray(removed_data), removed_values)
    q.insert_sample(removed)
    save_project(q)
    close_project(q)
    r = open_project(path, read_only=True)
    assert sids[1] in r.samples and len(r.samples) == 4
    np.testing.assert_array_equal(
        r.samples[sids[1]].measurements["m-spec-1"].columns["absorbance"].values(),
        removed_values,
    )
    close_project(r)


def test_open_reads_no_array_data(tmp_path, monkeypatch):
    """Opening reads attributes and dataset headers only: no dataset values of samples,
    sources or models (counted by patching h5py's read entry points and the one place
    lazy arrays fetch their dataset)."""
    p = make_project(5)
    s = next(iter(p.samples.values()))
    big = np.zeros(5_000_000)  # 40 MB in memory, a few kB gzip-compressed in the file
    p.add_measurement(
        s.id,
        Measurement(
            id="m-big",
            kind="spectrum",
            columns={"x": Column("x", "nm", big), "y": Column("y", "", big)},
            signal="y",
            axes=["x"],
        ),
    )
    path = tmp_path / "big.fwproj"
    save_project(p, path)
    close_project(p)

    reads: list[str] = []
    real_getitem, real_read_direct = h5py.Dataset.__getitem__, h5py.Dataset.read_direct

    def getitem(self, key, *args, **kwargs):
        reads.append(self.name)
        return real_getitem(self, key, *args, **kwargs)

    def read_direct(self, *args, **kwargs):
        reads.append(self.name)
        return real_read_direct(self, *args, **kwargs)

    from workbench.project.lazy import FileHandle

    real_dataset = FileHandle.dataset

    def dataset(self, name):  # lazy arrays fetch their dataset here, then read it
        reads.append(name)
        return real_dataset(self, name)

    monkeypatch.setattr(h5py.Dataset, "__getitem__", getitem)
    monkeypatch.setattr(h5py.Dataset, "read_direct", read_direct)
    monkeypatch.setattr(FileHandle, "dataset", dataset)
    q = open_project(path)
    # the project index (one dataset of metadata) is read; no array data
    data_reads = [n for n in reads if not n.startswith("/audit/") and n != "/index"]
    assert data_reads == [], data_reads
    m = q.samples[s.id].measurements["m-big"]
    assert m.n_points == 5_000_000  # from the header, nothing read
    assert not [n for n in reads if not n.startswith("/audit/") and n != "/index"]
    assert m.columns["y"].values().sum() == 0.0
    assert reads[-1].endswith("m-big/y"), "using the array reads it"
    close_project(q)


def test_resave_copies_unchanged_samples_and_rewrites_changed(tmp_path, monkeypatch):
    from workbench.model import Result
    from workbench.project import writer

    p = make_project(6)
    path = tmp_path / "edit.fwproj"
    save_project(p, path)
    # after the first save, in-memory arrays became lazy references into the file
    first = next(iter(p.samples.values()))
    assert isinstance(first.measurements["m-spec-0"].columns["absorbance"].data, LazyArray)
    close_project(p)

    q = open_project(path)
    sids = list(q.samples)
    q.set_sample_field(sids[0], "name", "renamed")
    q.set_sample_metadata(sids[1], "moisture class", "M20")
    values = q.samples[sids[2]].measurements["m-tga-2"].quantities
    values["moisture"] = dataclasses.replace(values["moisture"], value=99.0)
    q.add_result(
        sids[3],
        Result(
            id="r-new",
            plugin_id="x",
            plugin_version="2",
            values={},
            columns={"c": Column("c", "1", np.arange(4.0))},
        ),
    )
    q.remove_result(sids[4], "r-prox-4")
    written = []
    real = writer.write_sample
    monkeypatch.setattr(
        writer, "write_sample", lambda parent, s, log: (written.append(s.id), real(parent, s, log))
    )
    save_project(q)
    assert sorted(written) == sorted(sids[:5]), "only changed samples are rewritten"
    written.clear()
    sources_written = []
    real_src = writer.write_source
    monkeypatch.setattr(
        writer,
        "write_source",
        lambda parent, src, log: (sources_written.append(src.sha256), real_src(parent, src, log)),
    )
    save_project(q)
    assert written == [] and sources_written == [], "a second save copies everything"
    r = open_project(path, read_only=True)
    assert_projects_equal(q, r)
    assert r.samples[sids[0]].name == "renamed"
    assert r.samples[sids[2]].measurements["m-tga-2"].quantities["moisture"].value == 99.0
    assert "r-prox-4" not in r.samples[sids[4]].results
    np.testing.assert_array_equal(
        r.samples[sids[3]].results["r-new"].columns["c"].values(), np.arange(4.0)
    )
    close_project(r)
    close_project(q)


def test_reads_from_another_thread_during_saves_never_fail(tmp_path):
    import threading

    p = make_project(20)
    path = tmp_path / "threads.fwproj"
    save_project(p, path)
    col = next(iter(p.samples.values())).measurements["m-spec-0"].columns["absorbance"]
    expected = col.values().copy()
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                np.testing.assert_array_equal(col.values(), expected)
            except BaseException as exc:
                errors.append(exc)
                return

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(5):
            p.add_sample(f"extra {i}")
            save_project(p)
    finally:
        stop.set()
        t.join()
    close_project(p)
    assert errors == []


def test_sources_written_with_sha256_and_size_attributes_still_read(tmp_path):
    """Files written before the SHA-256 and size attributes were left out read the same."""
    p = make_project(n_samples=2)
    target = tmp_path / "old.fwproj"
    save_project(p, target)
    close_project(p)
    with h5py.File(target, "r+") as f:
        for sha, ds in f["sources"].items():
            ds.attrs["sha256"] = sha
            ds.attrs["size"] = np.int64(ds.shape[0])
    q = open_project(target, read_only=True)
    try:
        assert q.sources and not q.warnings
        for sha, src in q.sources.items():
            assert src.size == len(src.read_bytes())
            assert src.sha256 == sha
    finally:
        close_project(q)
