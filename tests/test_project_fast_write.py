"""The fast write paths of the project store give what h5py's ordinary calls give.

Small groups, datasets and attributes are created through h5py's low-level API with
prebuilt property lists (``h5fast``); large arrays and an imported file's original
bytes are compressed by HDF5 itself. None of this may change what any HDF5 reader sees.
"""

from __future__ import annotations

import hashlib
import json

import h5py
import numpy as np

from workbench.importers import numtable
from workbench.importers.service import import_files
from workbench.model import Project, name_key
from workbench.project import h5fast
from workbench.project.store import close_project, open_project, save_project


def _particle_list(n: int) -> bytes:
    rng = np.random.default_rng(7)
    lines = ["Kuitu nro;Pituus (mm);Leveys (µm);Käyristymä (%);Kinkit"]
    lengths = np.round(rng.lognormal(0, 0.7, n), 3)
    widths = np.round(rng.normal(28, 5, n), 1)
    for i in range(n):
        lines.append(
            f"{i + 1};{lengths[i]:.3f};{widths[i]:.1f};{i % 7}.5;{i % 4}".replace(".", ",")
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def test_large_import_stores_identical_bytes_and_values(tmp_path, monkeypatch):
    """A large particle list (several loadtxt blocks, compressed chunked columns and
    source bytes) comes back byte-identical after save and reopen."""
    monkeypatch.setattr(numtable, "LOADTXT_BLOCK", 4096)  # many blocks
    raw = _particle_list(250_000)
    assert len(raw) > 4 * 2**20
    path = tmp_path / "particles.csv"
    path.write_bytes(raw)
    project = Project()
    summary = import_files(project, [path], new_sample=True)
    assert summary.count("imported") == 1
    target = tmp_path / "p.fwproj"
    save_project(project, target)
    close_project(project)

    back = open_project(target, read_only=True)
    (src,) = back.sources.values()
    assert src.read_bytes() == raw and hashlib.sha256(raw).hexdigest() == src.sha256
    (sample,) = back.samples.values()
    (m,) = sample.measurements.values()
    length = np.asarray(m.columns["length"].data)
    expected = np.round(np.random.default_rng(7).lognormal(0, 0.7, 250_000), 3)
    np.testing.assert_array_equal(length, expected)
    assert np.asarray(m.columns["curl"].data)[:3].tolist() == [0.5, 1.5, 2.5]
    close_project(back)


def test_loadtxt_blocks_match_one_call_and_refuse_bad_rows():
    rows = [f"{i},5;{i * 2},25;{i % 3}" for i in range(5000)]
    raw = ("\n".join(rows) + "\n").encode()
    got = numtable._loadtxt_blocks(raw, 0, len(raw), ";", ",", 5000, 3)
    assert got is not None and got.shape == (5000, 3)
    assert got[4999].tolist() == [4999.5, 9998.25, 4999 % 3]
    # one row short of a cell: no silent misalignment, the strict path takes over
    bad = raw.replace(b"\n2500,5;5000,25;1\n", b"\n2500,5;5000,25\n")
    assert numtable._loadtxt_blocks(bad, 0, len(bad), ";", ",", 5000, 3) is None
    # a row count that does not match is refused too
    assert numtable._loadtxt_blocks(raw, 0, len(raw), ";", ",", 4999, 3) is None


def test_fast_groups_and_datasets_equal_h5py_ones(tmp_path):
    x = np.linspace(400.0, 4000.0, 1868)
    with h5py.File(tmp_path / "f.h5", "w") as f:
        g = h5fast.new_group(f, "näyte 1")
        h5fast.new_small_dataset(g, "µm", x)
        h5fast.new_small_dataset(g, "plain", x.astype(np.int32))
        ref = f.create_group("ref")
        ref.create_dataset("µm", data=x)
    with h5py.File(tmp_path / "f.h5", "r") as f:
        assert list(f) == ["näyte 1", "ref"]
        ds, ref = f["näyte 1/µm"], f["ref/µm"]
        assert ds.dtype == ref.dtype and ds.shape == ref.shape and ds.chunks is None
        np.testing.assert_array_equal(ds[...], ref[...])
        assert f["näyte 1/plain"].dtype == np.int32
    assert not h5fast.can_write_small(np.zeros(0))
    assert not h5fast.can_write_small(np.array(["a"]))
    assert not h5fast.can_write_small(np.float64(1.0).reshape(()))


def test_empty_optional_sample_fields_are_left_out_and_read_back(tmp_path):
    project = Project()
    bare = project.add_sample("Bare")
    full = project.add_sample("Full", supplier="Sawmill Oy", notes="wet")
    full.labels["route"] = "biochar"
    target = tmp_path / "s.fwproj"
    save_project(project, target)
    close_project(project)
    with h5py.File(target, "r") as f:
        g = f[f"samples/{bare.id}"]
        assert set(g.attrs) == {"NX_class", "info"}
        assert set(json.loads(g.attrs["info"])) == {"name", "feedstock_type"}
        assert "results" not in g
        assert json.loads(f[f"samples/{full.id}"].attrs["info"])["supplier"] == "Sawmill Oy"
    back = open_project(target, read_only=True)
    b, fl = back.samples[bare.id], back.samples[full.id]
    assert (b.supplier, b.notes, b.metadata, b.labels, b.results) == ("", "", {}, {}, {})
    assert (fl.supplier, fl.notes, fl.labels) == ("Sawmill Oy", "wet", {"route": "biochar"})
    close_project(back)


def test_find_sample_ignores_case_and_spacing():
    project = Project()
    s = project.add_sample("Birch  Chips")
    assert project.find_sample("birch chips") is s
    assert project.find_sample(" BIRCH\tCHIPS ") is s
    s.name = "Pine bark"  # renamed in the GUI: the old name no longer matches
    assert project.find_sample("birch chips") is None
    assert project.find_sample("pine BARK") is s
    assert name_key("  A   b ") == "a b"


def _import_particle_list(tmp_path, n: int) -> tuple[Project, bytes]:
    """A new project with an ``n``-particle list imported; returns it and the file's bytes."""
    raw = _particle_list(n)
    path = tmp_path / "p.csv"
    path.write_bytes(raw)
    project = Project()
    import_files(project, [path], new_sample=True)
    return project, raw


def test_a_save_starts_hdf5s_metadata_cache_small(tmp_path, monkeypatch):
    """The memory effect (31 MB -> 7 MB for 500 spectra) is measured by the benchmark
    ``import_spectra_500`` (peak / arrays); this checks the setting reaches the file."""
    from workbench.project import atomic

    seen = {}
    real = atomic.write_project

    def spy(project, f, **kw):
        config = f.id.get_mdc_config()
        seen.update(initial=config.initial_size, minimum=config.min_size)
        return real(project, f, **kw)

    monkeypatch.setattr(atomic, "write_project", spy)
    project = Project()
    project.add_sample("Koivu")
    save_project(project, tmp_path / "p.fwproj")
    close_project(project)
    assert seen == {"initial": atomic.WRITE_CACHE_START, "minimum": atomic.WRITE_CACHE_START}
    reopened = open_project(tmp_path / "p.fwproj", read_only=True)
    assert [s.name for s in reopened.samples.values()] == ["Koivu"]
    close_project(reopened)


def test_objects_copied_from_templates_equal_created_ones(tmp_path, monkeypatch):
    """From the second object of a kind on, a save copies groups and columns with their
    NeXus attributes from a template (``h5fast.Templates``): the first sample's objects
    are created, the third's copied, and every reader sees the same objects."""
    from workbench.project.synthetic import make_project

    copies = []
    real_copy = h5fast.h5o.copy
    monkeypatch.setattr(
        h5fast.h5o, "copy", lambda *a, **k: (copies.append(a[3]), real_copy(*a, **k))
    )
    p = make_project(3)
    path = tmp_path / "t.fwproj"
    save_project(p, path)
    monkeypatch.undo()
    # per sample: its group, 2 curve groups, a result group, 7 columns; from the 2nd on
    assert len(copies) >= 11, copies
    first, _, third = list(p.samples)
    close_project(p)

    def described(obj):
        attrs = {k: (obj.attrs.get_id(k).dtype, obj.attrs.get_id(k).shape) for k in obj.attrs}
        if isinstance(obj, h5py.Dataset):
            plist = obj.id.get_create_plist()
            return (
                attrs,
                obj.dtype,
                obj.shape,
                obj.chunks,
                plist.get_layout(),
                plist.get_obj_track_times(),
            )
        return attrs, sorted(obj)

    with h5py.File(path, "r") as f:
        a, b = f[f"samples/{first}"], f[f"samples/{third}"]
        assert described(a) == described(b)
        for sub in ("measurements/m-spec-0", "measurements/m-tga-0", "results/r-prox-0"):
            ga, gb = a[sub], b[sub.replace("-0", "-2")]
            assert described(ga) == described(gb), sub
            assert {k: ga.attrs[k] for k in ("NX_class", "signal")} == {
                k: gb.attrs[k] for k in ("NX_class", "signal")
            }
            assert list(ga.attrs["axes"]) == list(gb.attrs["axes"])
            for col in ga:
                assert described(ga[col]) == described(gb[col]), (sub, col)
                assert ga[col].attrs["units"] == gb[col].attrs["units"]
                assert ga[col].attrs["long_name"] == gb[col].attrs["long_name"]
                assert isinstance(gb[col].attrs["long_name"], str)
    # the data are each column's own, not the template's
    want = make_project(3)
    back = open_project(path, read_only=True)
    for sid_want, sid_back in zip(want.samples, back.samples, strict=True):
        for mid, m in want.samples[sid_want].measurements.items():
            got = back.samples[sid_back].measurements[mid]
            for name, col in m.columns.items():
                np.testing.assert_array_equal(got.columns[name].values(), np.asarray(col.data))
    close_project(back)
