"""Hostile and damaged project files: refused or opened with the bad part skipped and named."""

from __future__ import annotations

import json

import h5py
import numpy as np
import pytest

from workbench.errors import ProjectError
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project


@pytest.fixture
def good(tmp_path):
    p = make_project(2)
    path = tmp_path / "good.fwproj"
    save_project(p, path)
    close_project(p)
    return path


def sample_ids(path):
    """Sample ids in creation order: index i holds m-spec-i, m-tga-i, r-prox-i."""
    with h5py.File(path, "r") as f:
        return json.loads(f["samples"].attrs["order"])


def mutate(path, fn):
    with h5py.File(path, "a") as f:
        fn(f)


def open_all(path):
    """Open, then read every array; returns the project (closed) and its warnings."""
    p = open_project(path, read_only=True)
    try:
        for _s, m in p.iter_measurements():
            for c in m.columns.values():
                c.values()
        for s in p.samples.values():
            for r in s.results.values():
                for c in r.columns.values():
                    c.values()
        for src in p.sources.values():
            src.read_bytes()
        for model in p.models.values():
            for a in model.arrays.values():
                np.asarray(a)
    finally:
        close_project(p)
    return p


def test_external_link_is_never_followed(good, tmp_path):
    outside = tmp_path / "outside.h5"
    with h5py.File(outside, "w") as f:
        f["secret"] = np.arange(1500.0)
    sid = sample_ids(good)[0]

    def fn(f):
        g = f[f"samples/{sid}/measurements/m-spec-0"]
        del g["absorbance"]
        g["absorbance"] = h5py.ExternalLink(str(outside), "/secret")
        f[f"samples/{sid}/results/r-ext"] = h5py.ExternalLink(str(outside), "/")

    mutate(good, fn)
    p = open_all(good)
    assert "m-spec-0" not in p.samples[sid].measurements
    assert "m-tga-0" in p.samples[sid].measurements, "the rest of the sample opens"
    text = " ".join(p.warnings)
    assert "external link" in text and "m-spec-0" in text and "r-ext" in text
    assert "outside.h5" in text


def test_soft_links_are_not_followed(good):
    sids = sample_ids(good)

    def fn(f):
        g = f[f"samples/{sids[0]}/measurements/m-tga-0"]
        del g["mass"]
        g["mass"] = h5py.SoftLink(f"/samples/{sids[1]}/measurements/m-tga-1/mass")
        f["samples"]["alias"] = h5py.SoftLink(f"/samples/{sids[1]}")

    mutate(good, fn)
    p = open_all(good)
    assert "m-tga-0" not in p.samples[sids[0]].measurements
    assert "alias" not in p.samples
    assert sum("soft link" in w for w in p.warnings) == 2


def test_virtual_dataset_is_refused(good, tmp_path):
    src = tmp_path / "vsource.h5"
    with h5py.File(src, "w") as f:
        f["d"] = np.arange(700.0)
    sid = sample_ids(good)[0]

    def fn(f):
        layout = h5py.VirtualLayout(shape=(700,), dtype="f8")
        layout[:] = h5py.VirtualSource(str(src), "d", shape=(700,))
        g = f[f"samples/{sid}/measurements/m-tga-0"]
        del g["time"]
        g.create_virtual_dataset("time", layout)

    mutate(good, fn)
    p = open_all(good)
    assert "m-tga-0" not in p.samples[sid].measurements
    assert any("virtual dataset" in w for w in p.warnings)


def test_external_raw_storage_is_refused(good, tmp_path):
    raw = tmp_path / "raw.bin"
    raw.write_bytes(np.arange(700.0).tobytes())
    sid = sample_ids(good)[0]

    def fn(f):
        g = f[f"samples/{sid}/measurements/m-tga-0"]
        del g["time"]
        g.create_dataset("time", shape=(700,), dtype="f8", external=[(str(raw), 0, 5600)])

    mutate(good, fn)
    p = open_all(good)
    assert "m-tga-0" not in p.samples[sid].measurements
    assert any("external files" in w for w in p.warnings)


def test_dataset_needing_a_filter_plugin_is_refused(good):
    sid = sample_ids(good)[0]

    def fn(f):
        g = f[f"samples/{sid}/measurements/m-tga-0"]
        del g["time"]
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_chunk((100,))
        dcpl.set_filter(32001, h5py.h5z.FLAG_OPTIONAL, ())
        space = h5py.h5s.create_simple((700,))
        h5py.h5d.create(g.id, b"time", h5py.h5t.NATIVE_DOUBLE, space, dcpl=dcpl)
        g["time"][...] = np.arange(700.0)

    mutate(good, fn)
    p = open_all(good)
    assert "m-tga-0" not in p.samples[sid].measurements
    assert any("filter plugin 32001" in w for w in p.warnings)


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (
            lambda g: g.create_dataset("mass", shape=(2**32,), dtype="f8", chunks=(2**20,)),
            "more than",
        ),
        (lambda g: g.create_dataset("mass", data=np.zeros((7, 10, 10))), "1-D"),
        (
            lambda g: g.create_dataset(
                "mass", data=np.zeros(700, dtype=[("a", "f8"), ("b", "i4")])
            ),
            "data type",
        ),
        (lambda g: g.create_dataset("mass", shape=(700,), dtype="f8"), "stores no data"),
        (
            lambda g: g.create_dataset("mass", data=np.array([b"x"] * 700, dtype="S1")),
            "fixed-length text",
        ),
        (lambda g: g.create_dataset("mass", data=np.zeros(700, dtype=np.complex128)), "data type"),
    ],
    ids=["absurd-shape", "ndim3", "compound", "unallocated", "fixed-text", "complex"],
)
def test_bad_shapes_and_dtypes_skip_the_measurement(good, make, expect):
    sid = sample_ids(good)[0]

    def fn(f):
        g = f[f"samples/{sid}/measurements/m-tga-0"]
        del g["mass"]
        make(g)

    mutate(good, fn)
    p = open_all(good)
    assert "m-tga-0" not in p.samples[sid].measurements
    assert any(expect in w and "m-tga-0" in w for w in p.warnings), p.warnings


def test_columns_of_different_lengths_are_named(good):
    sid = sample_ids(good)[0]

    def fn(f):
        g = f[f"samples/{sid}/measurements/m-tga-0"]
        del g["time"]
        g["time"] = np.arange(699.0)

    mutate(good, fn)
    p = open_all(good)
    assert p.samples[sid].measurements["m-tga-0"].columns["time"].shape == (699,)
    assert any("different lengths" in w and "m-tga-0" in w for w in p.warnings)


def test_wrong_typed_and_missing_attributes_fall_back(good):
    sid = sample_ids(good)[0]

    def fn(f):
        s = f[f"samples/{sid}"]
        own = json.loads(s.attrs["info"])
        own.update(name=[0, 1, 2], metadata="{not json", feedstock_type="unobtainium")
        del own["supplier"]
        s.attrs["info"] = json.dumps(own)
        m = s["measurements/m-tga-0"]
        info = json.loads(m.attrs["info"])
        info["replicate"] = "two"
        info["metadata"] = [1, 2]
        info["quantities"] = {"moisture": {"unit": "%"}, "ash_550": 5}
        m.attrs["info"] = json.dumps(info)
        m.attrs["axes"] = np.zeros((2, 2))
        f["settings"].attrs["json"] = "[1, 2]"
        src = f["sources"][next(iter(f["sources"]))]
        src.attrs["info"] = "{not json"

    mutate(good, fn)
    p = open_all(good)
    s = p.samples[sid]
    assert s.name == sid and s.metadata == {} and s.supplier == ""
    assert s.feedstock_type == "other"
    m = s.measurements["m-tga-0"]
    assert m.replicate == 1 and m.quantities == {} and m.axes == []
    assert p.settings == {}
    text = "\n".join(p.warnings)
    for part in (
        "'name'",
        "'metadata' of attribute 'info' should be a JSON dict",
        "not valid JSON",
        "unknown feedstock",
        "'replicate'",
        "moisture",
        "ash_550",
        "'axes'",
        "'json'",
    ):
        assert part in text, part


def test_wrong_object_kinds_are_skipped(good):
    sids = sample_ids(good)

    def fn(f):
        del f[f"samples/{sids[0]}"]
        f["samples"].create_dataset(sids[0], data=np.arange(3))
        sha = next(iter(f["sources"]))
        del f[f"sources/{sha}"]
        f["sources"].create_dataset(sha, data=np.arange(10.0))
        del f["audit/detail"]
        f["audit"].create_dataset("detail", data=np.arange(5))

    mutate(good, fn)
    p = open_all(good)
    assert sids[0] not in p.samples and sids[1] in p.samples
    assert len(p.sources) == 1 and p.audit == []
    text = "\n".join(p.warnings)
    assert "should be a group" in text
    assert "expected plain numbers" in text  # float "bytes" in /sources
    assert "audit log" in text


def test_not_hdf5_is_refused(tmp_path):
    path = tmp_path / "notes.fwproj"
    path.write_text("Sample;Moisture\nbirch;8,5\n")
    with pytest.raises(ProjectError, match="not an HDF5 file"):
        open_project(path)
    empty = tmp_path / "empty.fwproj"
    empty.write_bytes(b"")
    with pytest.raises(ProjectError, match="not an HDF5 file"):
        open_project(empty)
    with pytest.raises(ProjectError, match="no such project file"):
        open_project(tmp_path / "missing.fwproj")
    assert not (tmp_path / "notes.fwproj.lock").exists()


def test_plain_hdf5_that_is_not_a_project(tmp_path):
    path = tmp_path / "data.h5"
    with h5py.File(path, "w") as f:
        f["x"] = np.arange(3)
    with pytest.raises(ProjectError, match="not a Fibre Workbench project"):
        open_project(path)


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.9, 0.99])
def test_truncated_file_is_refused_or_damage_named(tmp_path, fraction):
    p = make_project(6)
    path = tmp_path / "trunc.fwproj"
    save_project(p, path)
    close_project(p)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    try:
        q = open_all(path)
    except ProjectError as exc:
        assert str(path) in str(exc)
        return
    assert q.warnings, "a truncated file that opens must name what was skipped"


def test_huge_attribute_is_skipped(good):
    sid = sample_ids(good)[0]

    with h5py.File(good, "a", libver="latest") as f:  # dense attribute storage
        s = f[f"samples/{sid}"]
        keep = dict(s.attrs)
        f.move(f"samples/{sid}", "tmp")
        s = f.create_group(f"samples/{sid}")
        for k, v in keep.items():
            s.attrs[k] = v
        for k in f["tmp"]:
            f.move(f"tmp/{k}", f"samples/{sid}/{k}")
        del f["tmp"]
        del s.attrs["info"]
        s.attrs.create("info", np.zeros(200_000, dtype="f8"))
    from workbench.project import safety

    old = safety.MAX_ATTR_BYTES
    safety.MAX_ATTR_BYTES = 100_000
    try:
        p = open_all(good)
    finally:
        safety.MAX_ATTR_BYTES = old
    assert p.samples[sid].name == sid and p.samples[sid].notes == ""
    assert any("larger than" in w for w in p.warnings)
