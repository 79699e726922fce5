"""Calling HDF5 directly (``h5capi``) writes exactly the file h5py's path writes.

The writer creates small groups, datasets and attributes by calling the HDF5 library
h5py has loaded, without h5py's per-object Python layer. Any difference in what a
reader sees would be a silent format change, so the same project is written both
ways and every object, attribute, type and value is compared.
"""

from __future__ import annotations

from pathlib import Path

import h5py
import numpy as np
import pytest

from tests.benchmarks.bench_import import spectrum_file
from workbench.demo import build_demo_project
from workbench.importers.service import import_files
from workbench.model import Column, Result, StoredModel
from workbench.project import deflate, h5capi, h5fast
from workbench.project.writer import write_project


def _dump(path: Path) -> dict[str, tuple]:
    """Every object of the file: kind, type, shape, storage, attributes and values."""
    out: dict[str, tuple] = {}

    def attrs(obj: h5py.HLObject) -> tuple:
        rows = []
        for name in sorted(obj.attrs):
            a = obj.attrs.get_id(name)
            value = obj.attrs[name]
            value = value.tolist() if isinstance(value, np.ndarray) else value
            rows.append(
                (
                    name,
                    str(a.dtype),
                    a.shape,
                    a.get_type().get_cset() if a.dtype.kind == "O" else None,
                    value,
                )
            )
        return tuple(rows)

    def visit(name: str, obj: h5py.HLObject) -> None:
        if isinstance(obj, h5py.Dataset):
            values = obj[...]
            values = values.tolist() if values.dtype.kind == "O" else values.tobytes()
            out[name] = (
                "dataset", str(obj.dtype), obj.shape, obj.chunks, obj.compression,
                obj.compression_opts, obj.id.get_create_plist().get_obj_track_times(), attrs(obj),
                values,
            )  # fmt: skip
        else:
            out[name] = ("group", attrs(obj))

    with h5py.File(path, "r") as f:
        out["/"] = ("root", attrs(f))
        f.visititems(visit)
    return out


@pytest.fixture
def rich_project(tmp_path, monkeypatch):
    """The demo project plus imported spectra whose original bytes were prepacked, a
    result with text, big and non-ASCII columns and a plot, and a stored model."""
    monkeypatch.setattr(deflate, "workers", lambda: 2)
    project = build_demo_project()
    files = []
    for i in range(3):
        path = tmp_path / f"spektri µ {i}.csv"
        path.write_bytes(spectrum_file(i))
        files.append(path)
    summary = import_files(project, files, new_sample=True)
    assert summary.count("imported") == 3, summary.to_json()
    assert any(s.prepacked is not None for s in project.sources.values())
    sample = next(iter(project.samples.values()))
    big = np.linspace(0.0, 1.0, 50_000)
    columns = {
        "T (°C)": Column("T (°C)", "°C", np.arange(10.0), "Lämpötila"),
        "mass/%": Column("mass/%", "%", np.linspace(100, 50, 10).astype(">f8"), ""),
        "phase": Column("phase", "", np.array(["kuivaus"] * 5 + ["pyrolyysi"] * 5), ""),
        "count": Column("count", "", np.arange(10, dtype=np.int32), ""),
        "long": Column("long", "", big, ""),
    }
    result = Result(
        "r_test", "tga_proximate", "1.0", columns=columns,
        plots=[{"x": "T (°C)", "y": ["mass/%"], "title": "TGA"}],
        messages=[{"en": "checked", "fi": "tarkistettu"}],
    )  # fmt: skip
    project.add_result(sample.id, result)
    project.add_model(StoredModel("pls_1", "pls", "Kosteus", arrays={"coef": np.eye(3)}))
    return project


def test_direct_hdf5_calls_are_available_with_the_installed_h5py():
    # the writer's fast path is in use on this platform (else the h5py path writes)
    assert h5capi.available()


def test_direct_and_h5py_paths_write_the_same_file(tmp_path, rich_project, monkeypatch):
    direct, plain = tmp_path / "direct.fwproj", tmp_path / "plain.fwproj"
    with h5py.File(direct, "w") as f:
        write_project(rich_project, f, modified="2026-01-01T00:00:00Z")
    monkeypatch.setattr(h5capi, "DISABLED", True)
    assert not h5capi.available()
    with h5py.File(plain, "w") as f:
        write_project(rich_project, f, modified="2026-01-01T00:00:00Z")
    a, b = _dump(direct), _dump(plain)
    assert sorted(a) == sorted(b)
    assert len(a) > 100  # samples, measurements, results, columns and sources
    for name in a:
        assert a[name] == b[name], name


def test_a_failed_direct_call_raises_and_names_the_object(tmp_path):
    with h5py.File(tmp_path / "e.h5", "w") as f:
        with h5fast.new_group(f, "näyte") as g:
            h5fast.new_small_dataset(g, "x", np.arange(3.0)).close()
            with pytest.raises(h5capi.HDF5CallError, match="'x'"):
                h5fast.new_small_dataset(g, "x", np.arange(3.0))
        with pytest.raises(h5capi.HDF5CallError, match="'näyte'"):
            h5fast.new_group(f, "näyte")
    with h5py.File(tmp_path / "e.h5", "r") as f:
        assert f["näyte/x"][...].tolist() == [0.0, 1.0, 2.0]


def test_direct_calls_and_h5py_in_another_thread_both_progress(tmp_path):
    """The direct calls hold h5py's lock (HDF5 is not thread-safe) and release the
    interpreter lock while HDF5 works: a GUI thread reading a project meanwhile must
    neither deadlock nor interleave its HDF5 calls with the writer's."""
    import threading

    from workbench.project import layout as L

    with h5py.File(tmp_path / "other.h5", "w") as f:
        f.create_dataset("x", data=np.arange(1000.0)).attrs["units"] = "mm"
    stop, reads, errors = threading.Event(), [], []

    def read() -> None:
        try:
            with h5py.File(tmp_path / "other.h5", "r") as f:
                while not stop.is_set():
                    assert f["x"][999] == 999.0 and f["x"].attrs["units"] == "mm"
                    reads.append(1)
        except BaseException as exc:  # reported below
            errors.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    with h5py.File(tmp_path / "w.h5", "w") as f:
        for i in range(400):
            with h5fast.new_group(f, f"g{i}") as g:
                for k in range(4):
                    L.set_str(g, f"a{k}", "x" * 30)
                h5fast.new_small_dataset(g, "d", np.arange(100.0) + i).close()
    stop.set()
    reader.join(timeout=30)
    assert not reader.is_alive() and not errors and reads
    with h5py.File(tmp_path / "w.h5", "r") as f:
        assert len(f) == 400 and f["g399/d"][0] == 399.0 and f["g0"].attrs["a3"] == "x" * 30
