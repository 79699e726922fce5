"""Format version 1 files (an attribute per field) open as they are and save as version 2.

Format 2 keeps each object's own fields in one JSON attribute instead of one attribute
each (13,000 fewer attributes in a 1,000-sample project: see ``layout``). The fixture
``project_v1.fwproj`` is a real save of the last format-1 writer
(``fixtures/make_project_v1.py``): opened by its index and by the walk it gives the
project it was made from; it is never written on open; the next save writes format 2,
whose objects hold the same project.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from pathlib import Path

import h5py
import numpy as np
import pytest

from workbench.model import FORMAT_VERSION
from workbench.project import index
from workbench.project import layout as L
from workbench.project.store import close_project, open_project, save_project, state_of
from workbench.project.verify import verify

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V1 = FIXTURES / "project_v1.fwproj"


def _expected():
    spec = importlib.util.spec_from_file_location("make_v1", FIXTURES / "make_project_v1.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.project()


def document(p) -> dict:
    """The project's content as its index describes it, without the times it was made
    (the fixture was made earlier than the project built again here) and axis ranges."""

    def timeless(x):
        if isinstance(x, dict):
            return {k: timeless(v) for k, v in x.items() if k not in ("created", "imported")}
        return [timeless(v) for v in x] if isinstance(x, list) else x

    doc = index.project_document(p, created="", modified="", app="")
    for s in doc["samples"]:
        for m in s["measurements"]:
            for c in m["columns"]:
                c.pop("range", None)
    text = L.dumps(doc)
    for i, sid in enumerate(p.samples):  # sample ids are random: named by their place
        text = text.replace(sid, f"sample-{i}")
    return timeless(json.loads(text))


@pytest.fixture
def v1_copy(tmp_path):
    dst = tmp_path / "v1.fwproj"
    shutil.copyfile(V1, dst)
    return dst


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fixture_is_format_1_with_an_attribute_per_field():
    with h5py.File(V1, "r") as f:
        assert int(f.attrs["format_version"]) == 1
        sid = json.loads(f["samples"].attrs["order"])[0]
        s = f[f"samples/{sid}"]
        assert {"name", "feedstock_type", "notes", "labels"} <= set(s.attrs)
        assert "info" not in s.attrs


@pytest.mark.parametrize("walk", [False, True])
def test_v1_opens_as_the_project_it_was_made_from(v1_copy, walk, monkeypatch):
    before = sha(v1_copy)
    if walk:
        monkeypatch.setattr(index, "cheap_check", lambda f, doc: "walk forced by the test")
    p = open_project(v1_copy)
    assert state_of(p).index == ("walk forced by the test" if walk else "used")
    assert not p.read_only and p.warnings == []
    assert p.dirty, "an older format has unsaved changes (the next save converts it)"
    want = _expected()
    assert document(p) == document(want)
    s = next(iter(p.samples.values()))
    assert (s.notes, s.labels) == ("stored outdoors", {"route": "biochar"})
    assert s.metadata == next(iter(want.samples.values())).metadata != {}
    close_project(p)
    assert sha(v1_copy) == before, "opening never edits the original file"


def test_v1_is_saved_as_format_2_with_the_same_content(v1_copy, monkeypatch):
    p = open_project(v1_copy)
    want = document(p)
    arrays = {
        (s.id, m.id, n): c.values().copy()
        for s in p.samples.values()
        for m in s.measurements.values()
        for n, c in m.columns.items()
    }
    save_project(p)
    close_project(p)
    with h5py.File(v1_copy, "r") as f:
        assert int(f.attrs["format_version"]) == FORMAT_VERSION == 2
        for sid in f["samples"]:
            s = f[f"samples/{sid}"]
            assert set(s.attrs) == {"NX_class", "info"}  # nothing of format 1 copied over
            for mid in s["measurements"]:
                assert not {"kind", "quantities", "fw_type"} & set(s[f"measurements/{mid}"].attrs)
        for sha256 in f["sources"]:
            assert set(f[f"sources/{sha256}"].attrs) == {"info"}
    monkeypatch.setattr(index, "cheap_check", lambda f, doc: "walk forced by the test")
    q = open_project(v1_copy, read_only=True)
    assert not q.dirty and q.warnings == []
    assert document(q) == want
    for (sid, mid, n), arr in arrays.items():
        np.testing.assert_array_equal(q.samples[sid].measurements[mid].columns[n].values(), arr)
    close_project(q)
    assert verify(v1_copy).ok


def test_verify_notes_format_1_without_a_problem(v1_copy):
    report = verify(v1_copy)
    assert report.ok, report.problems
    assert any("format version 1" in line for line in report.notes)


def test_a_damaged_version_number_is_read_by_the_content(v1_copy):
    """A format-1 file whose version reads 2 (a flipped bit) is read as format 1, read-only:
    read as format 2 its samples would have lost their names, and a save would drop them."""
    with h5py.File(v1_copy, "r+") as f:
        f.attrs["format_version"] = np.int64(2)
    p = open_project(v1_copy)
    assert p.read_only and "version-1 project" in p.read_only_reason
    assert document(p)["samples"] == document(_expected())["samples"]
    close_project(p)
