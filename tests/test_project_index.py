"""Issue 16 part 1: a project opens by its index, which is verified against its objects.

The index (``workbench.project.index``) is written by every save in the same atomic
write as the objects; it is used on open only when the file is exactly as that save
wrote it (the header's length and checksum). Here: the project built from the index
equals the one the walk builds; a missing index (an older file), a stale one (the
file edited by plain h5py: an attribute, a dataset replaced in place, an object
removed) and a damaged one fall back to the walk; ``info --verify`` (the full check)
finds every difference; a kill during a save leaves the old file with its old index
or the new one with its new index (``tests/test_project_crash.py`` checks that on
every kill).
"""

from __future__ import annotations

import json
import shutil

import h5py
import numpy as np
import pytest

from workbench.cli.main import main
from workbench.demo import write_demo
from workbench.project import index
from workbench.project import layout as L
from workbench.project.store import close_project, open_project, save_project, state_of
from workbench.project.synthetic import make_project
from workbench.project.verify import verify


def document(p) -> str:
    """The index document of a project; axis ranges left out (the walk does not read
    the axes for them; ``test_axis_ranges_are_the_data's`` checks them)."""
    doc = index.project_document(p, created=p.created, modified=p.modified, app="x")
    for s in doc["samples"]:
        for m in s["measurements"]:
            for c in m["columns"]:
                c.pop("range", None)
    return L.dumps(doc)


def walked(path, monkeypatch):
    """The project as the walk of its objects gives it (the index ignored)."""
    with monkeypatch.context() as mp:
        mp.setattr(index, "cheap_check", lambda f, doc: "walk forced by the test")
        p = open_project(path, read_only=True)
    assert state_of(p).index == "walk forced by the test"
    return p


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("idx") / "demo.fwproj"
    write_demo(path)
    return path


@pytest.fixture
def copy(demo, tmp_path):
    path = tmp_path / "p.fwproj"
    shutil.copy(demo, path)
    return path


@pytest.fixture
def rich(tmp_path):
    """Every kind of part: samples with results, tables, text columns, sources, models."""
    p = make_project(6, extra_spectra=2, with_table=True)
    from workbench.model import StoredModel

    p.models["mdl-1"] = StoredModel(
        id="mdl-1",
        kind="pls",
        name="Ash from NIR",
        params={"components": 3},
        arrays={"coef": np.arange(6.0).reshape(2, 3), "names": np.array(["a", "b"])},
        provenance={"samples": 6},
        created="2026-01-01T00:00:00Z",
    )
    p.settings = {"pipelines": {"snv": [{"op": "snv"}]}}
    path = tmp_path / "rich.fwproj"
    save_project(p, path)
    close_project(p)
    return path


@pytest.mark.parametrize("which", ["demo", "rich"])
def test_index_gives_the_same_project_as_the_walk(which, demo, rich, monkeypatch):
    path = demo if which == "demo" else rich
    p = open_project(path, read_only=True)
    assert state_of(p).index == "used" and p.warnings == []
    w = walked(path, monkeypatch)
    assert document(p) == document(w)
    for s in p.samples.values():  # and every array reads the same
        for m in s.measurements.values():
            for name, c in m.columns.items():
                np.testing.assert_array_equal(
                    c.values(), w.samples[s.id].measurements[m.id].columns[name].values()
                )
    for mid, model in p.models.items():
        for k, arr in model.arrays.items():
            np.testing.assert_array_equal(np.asarray(arr), np.asarray(w.models[mid].arrays[k]))
    assert [vars(e) for e in p.audit] == [vars(e) for e in w.audit]
    close_project(p)
    close_project(w)
    assert verify(path).ok


def test_axis_ranges_are_the_data(demo):
    p = open_project(demo, read_only=True)
    checked = 0
    for s in p.samples.values():
        for m in s.measurements.values():
            if m.axes:
                col = m.columns[m.axes[0]]
                values = np.asarray(col.values(), dtype=float)
                assert col.data.range == [float(np.nanmin(values)), float(np.nanmax(values))]
                checked += 1
    close_project(p)
    assert checked > 5


def test_missing_index_is_rebuilt_by_the_next_save(copy):
    with h5py.File(copy, "r+") as f:  # an older file: no index
        del f["index"]
    p = open_project(copy)
    assert state_of(p).index != "used" and p.warnings == [] and not p.read_only
    n = len(p.samples)
    p.add_sample("new")
    save_project(p)
    close_project(p)
    q = open_project(copy, read_only=True)
    assert state_of(q).index == "used" and len(q.samples) == n + 1
    close_project(q)


def test_attribute_edited_by_h5py_makes_the_index_stale(copy):
    with h5py.File(copy, "r+") as f:
        sid = json.loads(f["samples"].attrs["order"])[0]
        g = f["samples"][sid]
        g.attrs["info"] = json.dumps({**json.loads(g.attrs["info"]), "name": "Renamed with h5py"})
    p = open_project(copy, read_only=True)
    assert state_of(p).index.startswith("stale")
    assert p.samples[sid].name == "Renamed with h5py"  # the file's objects are the truth
    close_project(p)
    report = verify(copy)
    assert not report.ok and any(sid in line for line in report.problems)


def test_dataset_replaced_in_place_is_noticed(copy):
    """Rewriting a column's values in place keeps the file's length and every group's
    number of links: only the content checksum notices. (Deleting and re-creating it
    kept the length too with HDF5 1.8 headers; files saved with HDF5 1.10 headers grow
    by a page then, which the length check notices first.)"""
    size = copy.stat().st_size
    with h5py.File(copy, "r+") as f:
        sid = json.loads(f["samples"].attrs["order"])[0]
        ms = f[f"samples/{sid}/measurements"]
        mid = next(k for k in ms if ms[k].attrs.get("NX_class") == "NXdata")
        g = ms[mid]
        signal = g.attrs["signal"]
        g[signal][...] = g[signal][()] * 2
    assert copy.stat().st_size == size
    p = open_project(copy, read_only=True)
    assert "changed in place" in state_of(p).index
    close_project(p)
    assert not verify(copy).ok


def test_removed_measurement_is_noticed(copy):
    with h5py.File(copy, "r+") as f:
        sid = json.loads(f["samples"].attrs["order"])[0]
        ms = f[f"samples/{sid}/measurements"]
        del ms[next(iter(ms))]
    p = open_project(copy, read_only=True)
    assert state_of(p).index.startswith("stale")
    close_project(p)


def test_damaged_index_falls_back_to_the_walk(copy):
    data = bytearray(copy.read_bytes())
    with h5py.File(copy, "r") as f:
        offset = f["index"].id.get_offset()
    data[offset + 10] ^= 0xFF  # one flipped bit in the stored index
    copy.write_bytes(bytes(data))
    p = open_project(copy, read_only=True)
    assert state_of(p).index.startswith("stale") and len(p.samples) > 0
    close_project(p)


def test_info_verify_cli(copy, capsys):
    assert main(["info", "--verify", str(copy)]) == 0
    assert "consistent" in capsys.readouterr().out
    with h5py.File(copy, "r+") as f:
        f.create_group("added_by_h5py")
    assert main(["info", "--verify", str(copy)]) == 2
    out = capsys.readouterr().out
    assert "/added_by_h5py" in out and "problem" in out
    assert main(["info", "--json", str(copy)]) == 0
    assert json.loads(capsys.readouterr().out)["index"].startswith("stale")


def test_info_verify_names_a_stored_source_whose_bytes_changed(copy, capsys):
    """Issue 18 (adversarial pass): a stored source whose bytes were changed by another
    program (here plain h5py, same length and name) was reported only as "differs from
    its index". ``--verify`` now hashes every stored source and names the one whose
    SHA-256 no longer matches: its file name, its sample, expected and found hashes."""
    import hashlib

    p = open_project(copy, read_only=True)
    sha = next(iter(p.sources))
    name = p.sources[sha].name
    sample = next(s.name for s in p.samples.values() for m in s.measurements.values()
                  if m.source_sha256 == sha)  # fmt: skip
    close_project(p)
    with h5py.File(copy, "r+") as f:
        data = f[f"sources/{sha}"][()]
        data[:10] ^= 0xFF
        attrs = dict(f[f"sources/{sha}"].attrs)
        del f[f"sources/{sha}"]
        ds = f["sources"].create_dataset(sha, data=data)
        ds.attrs.update(attrs)
    actual = hashlib.sha256(data.tobytes()).hexdigest()
    assert main(["info", "--verify", str(copy)]) == 2
    out = capsys.readouterr().out
    line = next((x for x in out.splitlines() if "do not match their SHA-256" in x), None)
    assert line is not None, out
    assert repr(name) in line and repr(sample) in line, line
    assert sha[:16] in line and actual[:16] in line, line
    assert sum("do not match" in x for x in out.splitlines()) == 1, out


def test_verify_hashes_every_source_of_a_sound_file(copy):
    from workbench.project.verify import source_hash_problems

    p = open_project(copy, read_only=True)
    try:
        assert p.sources and source_hash_problems(p) == []
    finally:
        close_project(p)


def test_index_is_readable_json_for_other_tools(demo):
    """Documented in the README: zlib-compressed UTF-8 JSON in the dataset /index."""
    import zlib

    with h5py.File(demo, "r") as f:
        doc = json.loads(zlib.decompress(f["index"][()].tobytes()))
        assert doc["index_version"] == index.INDEX_VERSION
        assert len(doc["samples"]) == len(json.loads(f["samples"].attrs["order"]))
    assert demo.read_bytes()[:23] == b"FIBRE-WORKBENCH-PROJECT"


def test_crafted_index_never_reads_outside_the_file(copy, tmp_path):
    """A file whose index and header were forged to match a column replaced by a link
    to another file: opening uses the index, but the column is refused when read."""
    from workbench.errors import ProjectError

    bait = tmp_path / "bait.h5"
    with h5py.File(bait, "w") as f:
        f["d"] = np.arange(1500.0)
    with h5py.File(copy, "r+") as f:
        sid = json.loads(f["samples"].attrs["order"])[0]
        ms = f[f"samples/{sid}/measurements"]
        mid = next(k for k in ms if ms[k].attrs.get("NX_class") == "NXdata")
        signal = ms[mid].attrs["signal"]
        del ms[mid][signal]
        ms[mid][signal] = h5py.ExternalLink(str(bait), "/d")
    _forge_header(copy)
    p = open_project(copy, read_only=True)
    assert state_of(p).index == "used"
    m = p.samples[sid].measurements[mid]
    with pytest.raises(ProjectError, match="external link"):
        m.columns[L.decode_name(signal)].values()
    close_project(p)
    assert not verify(copy).ok


def _forge_header(path):
    from workbench.project.diskwrite import CHECKSUM_START, HEADER, USERBLOCK, checksum

    data = path.read_bytes()
    with h5py.File(path, "r") as f:
        raw = f["index"][()].tobytes()
    header = index.header_bytes(len(data), raw, checksum(data[USERBLOCK:], CHECKSUM_START))
    path.write_bytes(header + data[HEADER:])
