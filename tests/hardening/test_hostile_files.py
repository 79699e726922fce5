"""Hostile project files, one table: each is refused or opens with the bad part named.

Every case starts from a good two-sample project and damages it one way. Expected:

* ``refuse``: ``open_project`` raises ``ProjectError`` naming the file, and
  ``fibre-workbench info`` exits 2 with exactly one line on stderr;
* ``skip``: the project opens, every array that is left can be read, the bad part is
  missing and ``project.warnings`` names it; ``info`` exits 0 and lists the warning.
  It opens read-only and a save to its own file is refused with the file unchanged:
  a save would drop the part it could not take in (issue 18);
* ``warn``: as ``skip``, but nothing of the file is left out (a wrong attribute read
  with its default), so the project stays writable;
* ``read-only``: the version number disagrees with the content: read by the content,
  read-only, the message says so.

Links, virtual datasets and external storage all point at one bait file. An inotify
watch on it (Linux) proves that the HDF5 library never opened it, i.e. nothing
outside the project file is read. (tests/test_project_safety.py has more detailed
checks of several of these; this table is the complete list with the CLI outcome.)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import h5py
import numpy as np
import pytest

from workbench.cli.main import main
from workbench.errors import ProjectError
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project

IN_ACCESS, IN_OPEN = 0x01, 0x20
IN_NONBLOCK = os.O_NONBLOCK


class OpenWatch:
    """Records whether any process opens or reads ``path`` (Linux inotify via ctypes)."""

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        self.fd = libc.inotify_init1(IN_NONBLOCK)
        if self.fd < 0:
            pytest.skip("inotify is not available")
        wd = libc.inotify_add_watch(self.fd, str(path).encode(), IN_OPEN | IN_ACCESS)
        if wd < 0:
            os.close(self.fd)
            pytest.skip("inotify watch could not be added")

    def touched(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False
        finally:
            os.close(self.fd)


def _sample_ids(f: h5py.File) -> list[str]:
    return json.loads(f["samples"].attrs["order"])


def _tga(f: h5py.File) -> h5py.Group:
    return f[f"samples/{_sample_ids(f)[0]}/measurements/m-tga-0"]


def _replace(group: h5py.Group, name: str, make: Callable[[h5py.Group, str], object]) -> None:
    del group[name]
    make(group, name)


def _vds(bait: Path) -> Callable[[h5py.Group, str], object]:
    def make(g: h5py.Group, name: str) -> object:
        layout = h5py.VirtualLayout(shape=(700,), dtype="f8")
        layout[:] = h5py.VirtualSource(str(bait), "d", shape=(700,))
        return g.create_virtual_dataset(name, layout)

    return make


def _truncate(path: Path, fraction: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])


def _with_h5(fn: Callable[[h5py.File, Path], None]) -> Callable[[Path, Path], None]:
    def apply(path: Path, bait: Path) -> None:
        with h5py.File(path, "a") as f:
            fn(f, bait)

    return apply


def _root_external(f: h5py.File, bait: Path) -> None:
    del f["samples"]
    f["samples"] = h5py.ExternalLink(str(bait), "/")


def _model_4d(f: h5py.File, bait: Path) -> None:
    g = f.create_group("models/mdl-bad")
    g.attrs["info"] = '{"kind": "pls"}'
    g.create_dataset("coef", data=np.zeros((2, 2, 2, 2)))
    g.create_dataset("x", data=np.zeros(3, dtype=[("a", "f8"), ("b", "f8")]))


def _audit_mismatch(f: h5py.File, bait: Path) -> None:
    del f["audit/detail"]
    f["audit"].create_dataset("detail", data=["only one"], dtype=h5py.string_dtype())


def _kinds_swapped(f: h5py.File, bait: Path) -> None:
    sid = _sample_ids(f)[0]
    del f[f"samples/{sid}/measurements/m-spec-0"]
    f[f"samples/{sid}/measurements"].create_dataset("m-spec-0", data=np.arange(4.0))


def _wrong_attrs(f: h5py.File, bait: Path) -> None:
    sid = _sample_ids(f)[0]
    s = f[f"samples/{sid}"]
    s.attrs["info"] = s.attrs["info"].replace('"name":', '"name":[0,1,2],"was":', 1)
    g = _tga(f)
    g.attrs["info"] = np.float64(3.0)


# id, damage(path, bait), outcome, text expected in the error (refuse) or a warning (skip)
CASES: list[tuple[str, Callable[[Path, Path], None], str, str]] = [
    (
        "external-link-column",
        _with_h5(
            lambda f, b: _replace(
                _tga(f), "mass", lambda g, n: g.__setitem__(n, h5py.ExternalLink(str(b), "/d"))
            )
        ),
        "skip",
        "external link",
    ),
    ("external-link-samples-group", _with_h5(_root_external), "skip", "external link"),
    (
        "soft-link-to-external",
        _with_h5(
            lambda f, b: (
                f.__setitem__("ext", h5py.ExternalLink(str(b), "/d")),
                _replace(_tga(f), "mass", lambda g, n: g.__setitem__(n, h5py.SoftLink("/ext"))),
            )
        ),
        "skip",
        "soft link",
    ),
    (
        "soft-link-dangling",
        _with_h5(
            lambda f, b: _replace(
                _tga(f), "mass", lambda g, n: g.__setitem__(n, h5py.SoftLink("/../../etc/passwd"))
            )
        ),
        "skip",
        "soft link",
    ),
    (
        "virtual-dataset",
        _with_h5(lambda f, b: _replace(_tga(f), "time", _vds(b))),
        "skip",
        "virtual dataset",
    ),
    (
        "external-raw-storage",
        _with_h5(
            lambda f, b: _replace(
                _tga(f),
                "time",
                lambda g, n: g.create_dataset(
                    n, shape=(700,), dtype="f8", external=[(str(b), 0, 5600)]
                ),
            )
        ),
        "skip",
        "external files",
    ),
    (
        "absurd-shape",
        _with_h5(
            lambda f, b: _replace(
                _tga(f),
                "mass",
                lambda g, n: g.create_dataset(n, shape=(2**40,), dtype="f8", chunks=(2**16,)),
            )
        ),
        "skip",
        "more than",
    ),
    (
        "absurd-ndim",
        _with_h5(
            lambda f, b: _replace(
                _tga(f), "mass", lambda g, n: g.create_dataset(n, data=np.zeros((2, 3, 4)))
            )
        ),
        "skip",
        "1-D",
    ),
    (
        "compound-for-floats",
        _with_h5(
            lambda f, b: _replace(
                _tga(f),
                "mass",
                lambda g, n: g.create_dataset(
                    n, data=np.zeros(700, dtype=[("a", "f8"), ("b", "i4")])
                ),
            )
        ),
        "skip",
        "data type",
    ),
    (
        "opaque-dtype",
        _with_h5(
            lambda f, b: _replace(
                _tga(f), "mass", lambda g, n: g.create_dataset(n, data=np.zeros(700, dtype="V8"))
            )
        ),
        "skip",
        "data type",
    ),
    (
        "array-dtype",
        _with_h5(
            lambda f, b: _replace(
                _tga(f),
                "mass",
                lambda g, n: g.create_dataset(n, shape=(700,), dtype=np.dtype(("f8", (3,)))),
            )
        ),
        "skip",
        "data type",
    ),
    ("model-arrays-4d-and-compound", _with_h5(_model_4d), "skip", "mdl-bad"),
    ("audit-columns-mismatch", _with_h5(_audit_mismatch), "skip", "audit log"),
    ("measurement-is-a-dataset", _with_h5(_kinds_swapped), "skip", "should be a group"),
    # a save would drop what was ignored (the sample's name, the curve's info): read-only
    ("wrong-typed-attributes", _with_h5(_wrong_attrs), "read-only", "'info'"),
    (
        "newer-format-version",
        _with_h5(lambda f, b: f.attrs.__setitem__("format_version", 99)),
        "refuse",
        "version 99",
    ),
    (
        "version-as-text",
        _with_h5(lambda f, b: f.attrs.__setitem__("format_version", "1")),
        "read-only",
        "format version is missing, but its content is a version-2 project",
    ),
    (
        "version-flipped-to-0",
        _with_h5(lambda f, b: f.attrs.__setitem__("format_version", 0)),
        "read-only",
        "format version reads 0, but its content is a version-2 project",
    ),
    (
        "version-missing-content-unknown",
        _with_h5(
            lambda f, b: (
                f.attrs.__delitem__("format_version"),
                [f.__delitem__(k) for k in ("sources", "models", "audit", "settings")],
                [f["samples"][sid].attrs.__delitem__("NX_class") for sid in _sample_ids(f)],
                [f["samples"][sid].move("measurements", "m") for sid in _sample_ids(f)],
                [f["samples"][sid].move("results", "r") for sid in _sample_ids(f)],
            )
        ),
        "refuse",
        "format version is missing or not a number",
    ),
    (
        "soft-link-in-sample-group",
        _with_h5(
            lambda f, b: f[f"samples/{_sample_ids(f)[0]}"].__setitem__("x", h5py.SoftLink("/"))
        ),
        "skip",
        "a soft link to '/'",
    ),
    (
        "virtual-dataset-in-sample-group",
        _with_h5(lambda f, b: _vds(b)(f[f"samples/{_sample_ids(f)[0]}"], "v")),
        "skip",
        "a virtual dataset",
    ),
    (
        "extra-group-at-top",
        _with_h5(lambda f, b: f.create_group("notes").create_dataset("n", data=[1.0])),
        "skip",
        "/notes: a group",
    ),
    (
        "format-attribute-missing",
        _with_h5(lambda f, b: f.attrs.__delitem__("format")),
        "refuse",
        "not a Fibre Workbench project",
    ),
    ("truncated-5pc", lambda p, b: _truncate(p, 0.05), "refuse", "damaged or truncated"),
    ("truncated-header", lambda p, b: _truncate(p, 0.001), "refuse", "HDF5"),
    (
        "not-hdf5",
        lambda p, b: p.write_text("Sample;Moisture\nbirch;8,5\n"),
        "refuse",
        "not an HDF5 file",
    ),
    ("empty-file", lambda p, b: p.write_bytes(b""), "refuse", "not an HDF5 file"),
    (
        "hdf5-not-a-project",
        lambda p, b: h5py.File(p, "w").close(),
        "refuse",
        "not a Fibre Workbench project",
    ),
]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.fwproj"
    p = make_project(2)
    save_project(p, path)
    close_project(p)
    return path


@pytest.fixture
def bait(tmp_path: Path) -> Path:
    """The file every hostile link points at; reading it would be a failure."""
    path = tmp_path / "outside" / "secret.h5"
    path.parent.mkdir()
    with h5py.File(path, "w") as f:
        f["d"] = np.arange(700.0)
    return path


def _read_everything(path: Path) -> list[str]:
    p = open_project(path, read_only=True)
    try:
        for s in p.samples.values():
            for m in s.measurements.values():
                for c in m.columns.values():
                    c.values()
            for r in s.results.values():
                for c in r.columns.values():
                    c.values()
        for src in p.sources.values():
            src.read_bytes()
        for model in p.models.values():
            for a in model.arrays.values():
                np.asarray(a)
        return list(p.warnings)
    finally:
        close_project(p)


def _check_writable_or_kept(path: Path, writable: bool) -> None:
    """A project that lost a part on opening is read-only and its file is never
    overwritten by a save (which would drop that part); Save As works."""
    before = path.read_bytes()
    p = open_project(path)
    try:
        assert p.read_only is not writable, p.read_only_reason
        if writable:
            return
        assert "read-only" in p.read_only_reason
        p.add_sample("new work")
        with pytest.raises(ProjectError, match=r"not be saved|read-only"):
            save_project(p)
        assert path.read_bytes() == before
        copy = path.with_name("copy.fwproj")
        save_project(p, copy)
        assert not p.read_only
        q = open_project(copy, read_only=True)
        assert q.warnings == [] or all("Unsaved work" in w for w in q.warnings), q.warnings
        close_project(q)
    finally:
        close_project(p)


@pytest.mark.skipif(sys.platform != "linux", reason="the read check uses Linux inotify")
@pytest.mark.parametrize(("case", "damage", "outcome", "text"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file(good, bait, case, damage, outcome, text, capsys):
    damage(good, bait)
    watch = OpenWatch(bait)
    try:
        if outcome == "refuse":
            with pytest.raises(ProjectError) as info:
                _read_everything(good)
            message = str(info.value)
            assert text in message and str(good) in message, message
            assert not good.with_name(good.name + ".lock").exists()
        else:
            warnings = _read_everything(good)
            assert any(text in w for w in warnings), warnings
            _check_writable_or_kept(good, writable=outcome == "warn")
        capsys.readouterr()
        code = main(["info", str(good)])
        out, err = capsys.readouterr()
        if outcome == "refuse":
            assert code == 2
            assert len(err.strip().splitlines()) == 1 and text in err, err
            assert "Traceback" not in err
        else:
            assert code == 0, err
            assert text in out
    finally:
        touched = watch.touched()
    assert not touched, f"{case}: the file outside the project was opened or read"


def test_table_counts():
    """The table covers every hostile kind the issue names (for the report)."""
    refused = [c for c in CASES if c[2] == "refuse"]
    skipped = [c for c in CASES if c[2] in ("skip", "warn", "read-only")]
    assert len(refused) >= 8 and len(skipped) >= 12


def test_decompression_bomb_is_skipped_without_reading_it(good, capsys):
    """A 2 GiB float column stored as one small gzip chunk (the rest fill value)."""
    from workbench.project import safety

    assert safety.MAX_BYTES <= 2**30
    with h5py.File(good, "a") as f:
        g = _tga(f)
        del g["mass"]
        ds = g.create_dataset(
            "mass", shape=(2**28,), dtype="f8", chunks=(2**16,), compression="gzip"
        )
        ds[: 2**16] = 1.0  # one chunk written, a few hundred bytes on disk
    assert good.stat().st_size < 5 * 2**20
    p = open_project(good, read_only=True)  # opening reads no arrays
    try:
        assert "m-tga-0" not in next(iter(p.samples.values())).measurements
        assert any("MiB of memory" in w and "m-tga-0" in w for w in p.warnings), p.warnings
    finally:
        close_project(p)
    assert main(["info", str(good)]) == 0
    assert "MiB of memory" in capsys.readouterr().out
