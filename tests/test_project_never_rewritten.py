"""Issue 18: a project is never rewritten from a misread.

The issue's case: a current project whose ``format_version`` reads 0 (one flipped
bit) opened as an empty version-0 project, and the next save wrote that over the
original (1,008 KB became 32 KB, 43 measurements became 0); ``info --json`` said
version 1. Now the content decides: the file is read as what it is, read-only, and
nothing the reader could not take in is ever dropped by a save.
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
from workbench.errors import ProjectError
from workbench.model import FORMAT_VERSION
from workbench.project.store import close_project, open_project, save_project

FIXTURE_V0 = Path(__file__).parent / "fixtures" / "project_v0.fwproj"


def _count(p) -> int:
    return sum(len(s.measurements) for s in p.samples.values())


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.fwproj"
    write_demo(path)
    return path


@pytest.fixture
def flipped(demo_file, tmp_path) -> Path:
    path = tmp_path / "flipped.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r+") as f:
        f.attrs.modify("format_version", 0)
    return path


def test_flipped_version_bit_opens_read_only_with_everything(demo_file, flipped, capsys):
    good = open_project(demo_file, read_only=True)
    n, names = _count(good), {s.name for s in good.samples.values()}
    close_project(good)
    assert n >= 40
    before = flipped.read_bytes()
    p = open_project(flipped)
    try:
        assert p.read_only and "reads 0" in p.read_only_reason
        assert _count(p) == n and {s.name for s in p.samples.values()} == names
        assert p.sources, "the stored source files are all there"
        with pytest.raises(ProjectError, match="read-only"):
            save_project(p)
    finally:
        close_project(p)
    # the sequence on the command line: a command that saves is refused
    sample = sorted(names)[0]
    assert main(["label", str(flipped), "--sample", sample, "route:biochar=suitable"]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and len(err.strip().splitlines()) == 1, err
    # a command line has no Save As: the message says where the repaired copy is made
    assert "File > Save As in the window" in err, err
    assert flipped.read_bytes() == before
    assert main(["info", "--json", str(flipped)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["format_version"] == 0 and doc["read_only"]
    assert "reads 0" in doc["read_only_reason"]


def test_text_info_says_why_the_file_is_read_only(demo_file, flipped, capsys):
    """``info`` (text) gives the reason ``info --json`` gives, under the title line and
    once; a sound file, which info also opens read-only, has no reason line."""
    assert main(["info", str(flipped)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("(read-only)")
    assert lines[1].startswith("  read-only because: flipped.fwproj: its format version reads 0")
    assert sum("version number looks damaged" in line for line in lines) == 1
    assert main(["info", str(demo_file)]) == 0
    text = capsys.readouterr().out
    assert "read-only because" not in text and "Warnings" not in text


def test_save_as_writes_a_repaired_copy(flipped, tmp_path):
    p = open_project(flipped)
    n = _count(p)
    repaired = tmp_path / "repaired.fwproj"
    save_project(p, repaired)
    close_project(p)
    q = open_project(repaired)
    try:
        assert not q.read_only and q.warnings == [] and _count(q) == n
    finally:
        close_project(q)
    with h5py.File(repaired, "r") as f:
        assert int(f.attrs["format_version"]) == FORMAT_VERSION


def test_real_version_0_file_still_migrates_and_info_says_0(tmp_path, capsys):
    path = tmp_path / "old.fwproj"
    shutil.copy(FIXTURE_V0, path)
    p = open_project(path)
    assert not p.read_only and p.dirty and _count(p) == 2
    close_project(p)
    assert main(["info", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["format_version"] == 0


def test_version_1_with_old_layout_is_read_only(tmp_path):
    """The other direction: a version-0 file whose number reads 1 is read as version 0
    (converted in memory) but not written over."""
    path = tmp_path / "old.fwproj"
    shutil.copy(FIXTURE_V0, path)
    with h5py.File(path, "r+") as f:
        f.attrs.modify("format_version", 1)
    p = open_project(path)
    try:
        assert p.read_only and "older version-0 layout" in p.read_only_reason
        assert _count(p) == 2
    finally:
        close_project(p)


def test_skipped_sample_is_never_dropped_by_a_save(demo_file, tmp_path):
    path = tmp_path / "damaged.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r+") as f:
        sid = next(iter(f["samples"]))
        del f[f"samples/{sid}/measurements"]
        f[f"samples/{sid}"].create_dataset("measurements", data=[1, 2, 3])
    before = path.read_bytes()
    p = open_project(path)
    try:
        assert sid not in p.samples and p.read_only
        assert f"/samples/{sid}" in p.read_only_reason
        with pytest.raises(ProjectError):
            save_project(p)
        p.read_only = False  # even a script that clears the flag cannot save over it
        with pytest.raises(ProjectError, match="not saved"):
            save_project(p)
    finally:
        close_project(p)
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["soft", "external", "virtual"])
def test_links_in_a_sample_group_are_reported_not_copied(demo_file, tmp_path, kind):
    path = tmp_path / "linked.fwproj"
    shutil.copy(demo_file, path)
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f["d"] = [1.0, 2.0]
    with h5py.File(path, "r+") as f:
        sid = next(iter(f["samples"]))
        g = f[f"samples/{sid}"]
        if kind == "soft":
            g["extra"] = h5py.SoftLink("/sources")
        elif kind == "external":
            g["extra"] = h5py.ExternalLink(str(other), "/d")
        else:
            layout = h5py.VirtualLayout(shape=(2,), dtype="f8")
            layout[:] = h5py.VirtualSource(str(other), "d", shape=(2,))
            g.create_virtual_dataset("extra", layout)
    p = open_project(path)
    try:
        assert any(f"/samples/{sid}/extra" in w for w in p.warnings), p.warnings
        assert p.read_only
        copy = tmp_path / "copy.fwproj"
        save_project(p, copy)
    finally:
        close_project(p)
    with h5py.File(copy, "r") as f:
        assert "extra" not in f[f"samples/{sid}"], "the link was copied into the saved file"


def test_added_group_keeps_file_read_only_and_info_names_it(demo_file, tmp_path, capsys):
    path = tmp_path / "edited.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r+") as f:
        f.create_group("my_notes").attrs["by"] = "h5py"
    assert main(["info", str(path)]) == 0
    assert "/my_notes: a group" in capsys.readouterr().out
    p = open_project(path)
    assert p.read_only
    close_project(p)


def test_per_particle_list_reopens_without_an_axes_warning(tmp_path):
    """Issue 18: every imported per-particle list made each later open warn
    "attribute 'axes' cannot be read" (an empty string array; the data were intact)."""
    import numpy as np

    from workbench.model import Column, Measurement, Project

    p = Project()
    s = p.add_sample("Pulp")
    lengths = np.linspace(0.1, 3.0, 500)
    p.add_measurement(
        s.id,
        Measurement(
            id="m-part",
            kind="fibre_particles",
            columns={"length": Column("length", "mm", lengths)},
            signal="length",
        ),
    )
    path = tmp_path / "particles.fwproj"
    save_project(p, path)
    close_project(p)
    q = open_project(path, read_only=True)
    assert q.warnings == [] and q.samples[s.id].measurements["m-part"].signal == "length"
    close_project(q)
    with h5py.File(path, "r+") as f:  # what earlier versions wrote: an empty list
        g = f[f"samples/{s.id}/measurements/m-part"]
        del g.attrs["axes"]
        g.attrs.create("axes", np.array([], dtype=object), dtype=h5py.string_dtype())
    q = open_project(path, read_only=True)
    m = q.samples[s.id].measurements["m-part"]
    assert q.warnings == [] and m.axes == [] and m.signal == "length"
    close_project(q)


def _sample_with_metadata(path: Path, text: str) -> str:
    """Make the ``metadata`` field of a sample's ``info`` attribute the JSON text ``text``
    (which may make the whole attribute invalid JSON)."""
    with h5py.File(path, "r+") as f:
        sid = next(iter(f["samples"]))
        g = f[f"samples/{sid}"]
        own = json.loads(g.attrs["info"])
        own.pop("metadata", None)
        g.attrs["info"] = json.dumps(own)[:-1] + ', "metadata": ' + text + "}"
    return sid


@pytest.mark.parametrize(
    "junk", ["[" * 60_000 + "]" * 60_000, "plain junk {", json.dumps([1, 2, 3])], ids=str.__len__
)
def test_unreadable_metadata_keeps_the_file_read_only(demo_file, tmp_path, junk, capsys):
    """Issue 18 (adversarial pass): a sample whose ``metadata`` is not valid JSON (60,000
    nested brackets, junk, a list) was warned about on open ("ignored"), then ``label``
    exited 0 without a word and the saved file had no ``metadata`` on that sample. The
    file now opens read-only with that reason; saving commands refuse it in one line and
    leave it unchanged; Save As writes a copy without the attribute, as the reason says.
    (Format 2 keeps the metadata in the sample's ``info`` attribute: junk or 60,000
    brackets there make the whole attribute unreadable, a list is a field of the wrong
    type.)"""
    path = tmp_path / "junk.fwproj"
    shutil.copy(demo_file, path)
    sid = _sample_with_metadata(path, junk)
    what = "field 'metadata'" if junk.startswith("[1") else "attribute 'info'"
    before = path.read_bytes()
    p = open_project(path)
    try:
        name = p.samples[sid].name
        assert p.read_only
        assert f"/samples/{sid}: {what}" in p.read_only_reason
        assert "File > Save As in the window writes a copy without them" in p.read_only_reason
        with pytest.raises(ProjectError, match="not saved"):
            save_project(p)
        copy = tmp_path / "copy.fwproj"
        save_project(p, copy)
    finally:
        close_project(p)
    assert path.read_bytes() == before
    with h5py.File(copy, "r") as f:
        assert json.loads(f[f"samples/{sid}"].attrs["info"]).get("metadata", {}) == {}
    for argv in (
        ["label", str(path), "--sample", name, "route:biochar=suitable"],
        ["sample", "set", str(path), name, "--supplier", "Mill"],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err.strip()
        assert what in err and "read-only" in err, err
        assert len(err.splitlines()) == 1, err
        assert path.read_bytes() == before


def test_junk_result_provenance_and_values_keep_the_file_read_only(tmp_path, capsys):
    """The same for a result whose ``parameters``, ``inputs`` and ``messages`` have the
    wrong type and whose ``values`` hold a quantity that is not one: each is named."""
    from workbench.model import Project, Quantity, Result

    p = Project()
    s = p.add_sample("Bark")
    p.add_result(
        s.id,
        Result(
            id="r-1",
            plugin_id="basis",
            plugin_version="1",
            parameters={"basis": "dry"},
            values={"moisture": Quantity(12.0, "%")},
        ),
    )
    path = tmp_path / "result.fwproj"
    save_project(p, path)
    close_project(p)
    with h5py.File(path, "r+") as f:
        r = f[f"samples/{s.id}/results/r-1"]
        prov = json.loads(r.attrs["provenance"])
        prov.update(parameters="x", inputs=5, messages={"a": 1})
        prov["values"] = {"moisture": {"value": "abc", "unit": 5}}
        r.attrs["provenance"] = json.dumps(prov)
    before = path.read_bytes()
    q = open_project(path)
    try:
        where = f"/samples/{s.id}/results/r-1"
        assert q.read_only
        for part in ("field 'parameters'", "field 'inputs'", "value 'moisture'"):
            assert any(w.startswith(f"{where}: {part}") for w in state_dropped(q)), part
    finally:
        close_project(q)
    assert main(["label", str(path), "--sample", "Bark", "route:biochar=suitable"]) == 2
    err = capsys.readouterr().err.strip()
    assert f"{where}: field 'parameters'" in err and len(err.splitlines()) == 1, err
    assert path.read_bytes() == before


def state_dropped(project) -> list[str]:
    from workbench.project.state import state_of

    return state_of(project).dropped


def test_an_own_project_with_results_reopens_writable(tmp_path):
    """Nothing our own saves write is mistaken for content a save would drop: a saved
    project with measurements, results and plots opens by the walk (not the index)
    writable and without warnings."""
    from workbench.demo import write_demo

    path = tmp_path / "own.fwproj"
    write_demo(path)
    with h5py.File(path, "r+") as f:
        f.attrs["touched"] = "by h5py"  # not as saved: opened by walking the tree
    p = open_project(path)
    try:
        assert not p.read_only, p.read_only_reason
        assert state_dropped(p) == [], p.warnings
    finally:
        close_project(p)


# -- attributes another program added (issue 18 part 3b) ---------------------------------

FOREIGN = {
    "lab_ref": "LIMS-42",  # plain h5py: variable-length UTF-8 text
    "lims_id": np.int32(7),
    "fixed": np.bytes_(b"ABC"),  # fixed-length ASCII
    "weights": np.array([1.5, 2.5], dtype=">f4"),
}


def _add_foreign(path: Path) -> dict[str, str]:
    """Add ``FOREIGN`` with plain h5py to a sample, one of its measurements, one of
    that measurement's columns and the file's root; return their paths."""
    with h5py.File(path, "r+") as f:
        sid = sorted(f["samples"])[0]
        mgroup = f[f"samples/{sid}/measurements"]
        mid = sorted(mgroup)[0]
        col = sorted(mgroup[mid])[0]
        where = {
            "sample": f"samples/{sid}",
            "measurement": f"samples/{sid}/measurements/{mid}",
            "column": f"samples/{sid}/measurements/{mid}/{col}",
            "root": "/",
        }
        for obj in where.values():
            for name, value in FOREIGN.items():
                f[obj].attrs[name] = value
        where["name"] = json.loads(f[f"samples/{sid}"].attrs["info"])["name"]
    return where


def _assert_foreign_kept(path: Path, where: dict[str, str]) -> None:
    with h5py.File(path, "r") as f:
        for what in ("sample", "measurement", "column", "root"):
            attrs = f[where[what]].attrs
            for name, value in FOREIGN.items():
                assert name in attrs, (what, name, list(attrs))
                got, want = attrs[name], np.asarray(value)
                assert attrs.get_id(name).dtype == _stored_dtype(value), (what, name)
                assert np.array_equal(np.asarray(got), want), (what, name, got)


def _stored_dtype(value):
    if isinstance(value, str):
        return h5py.string_dtype("utf-8")
    return np.asarray(value).dtype


def _all_attrs(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}

    def visit(name, obj):
        if name != "index":
            out[name] = sorted(obj.attrs)

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return out


def test_attributes_another_program_added_survive_label_and_save_as(demo_file, tmp_path, capsys):
    """Issue 18 part 3b: an attribute written by plain h5py under a name no project
    format uses (``lab_ref="LIMS-42"`` on a sample, a measurement, a column, the root) opened
    without a word and the next ``label`` dropped it (exit 0). It is now kept: same
    name, value and data type, after ``label``, after Save As, and after a second
    command on the file our own save wrote (opened by its index); ``info`` says so."""
    path = tmp_path / "lims.fwproj"
    shutil.copy(demo_file, path)
    where = _add_foreign(path)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "attributes written by another program are kept as they are" in out, out
    assert main(["label", str(path), "--sample", where["name"], "route:biochar=suitable"]) == 0
    _assert_foreign_kept(path, where)
    # the file our save wrote: a second change of the same sample keeps them again
    assert main(["sample", "set", str(path), where["name"], "--supplier", "Mill"]) == 0
    _assert_foreign_kept(path, where)
    p = open_project(path)
    try:
        assert not p.read_only, p.read_only_reason
        assert p.samples[where["sample"].split("/")[1]].supplier == "Mill"
        copy = tmp_path / "copy.fwproj"
        save_project(p, copy)
    finally:
        close_project(p)
    _assert_foreign_kept(copy, where)
    capsys.readouterr()
    assert main(["info", "--verify", str(copy)]) == 0, capsys.readouterr()


def test_an_attribute_that_cannot_be_kept_makes_the_file_read_only(demo_file, tmp_path):
    """An attribute of a type a save cannot write back (an object reference) is not
    dropped silently: the file opens read-only and names it."""
    path = tmp_path / "ref.fwproj"
    shutil.copy(demo_file, path)
    with h5py.File(path, "r+") as f:
        sid = sorted(f["samples"])[0]
        f[f"samples/{sid}"].attrs["link_to"] = f["samples"].ref
    before = path.read_bytes()
    p = open_project(path)
    try:
        assert p.read_only
        assert f"/samples/{sid}: attribute 'link_to'" in p.read_only_reason
    finally:
        close_project(p)
    assert path.read_bytes() == before


def test_a_round_trip_adds_no_attribute(demo_file, tmp_path):
    from workbench.project.state import state_of

    """Our own attributes of every kind are recognised: saving the demo project, and
    saving again the project that save wrote (every sample rewritten), adds or
    duplicates no attribute and keeps nothing as 'another program's'."""
    path = tmp_path / "own.fwproj"
    shutil.copy(demo_file, path)
    before = _all_attrs(path)
    for _ in range(2):
        p = open_project(path)
        try:
            assert not any("another program" in w for w in p.warnings), p.warnings
            for s in p.samples.values():
                s.notes = s.notes + " "  # every sample changed: rewritten, not copied
            save_project(p)
        finally:
            close_project(p)
        after = _all_attrs(path)
        assert after == before
    with h5py.File(path, "r+") as f:  # not as saved: opened by walking every object
        f.attrs["modified"] = "2026-01-01T00:00:00Z"
    p = open_project(path)
    try:
        assert state_of(p).index != "used"
        assert not any("another program" in w for w in p.warnings), p.warnings
    finally:
        close_project(p)
