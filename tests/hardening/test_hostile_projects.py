"""Hostile projects of issue 18: every command either works or refuses in one line.

Each case takes a good project (the demonstration project) and damages it one way
the adversarial pass of issue 18 found: 10,000 nested groups under a sample, an
``order`` naming one sample 20,000 times, a 1 GiB int8 or bool column stored in a few
kilobytes, an audit log declaring 5 million entries, 10,000 attributes on a group, a
text axis, columns of different lengths, empty arrays, a non-UTF-8 link name, junk
plot entries; and format 2's JSON fields of a sample nested 100,000 deep, holding a
5,000-digit number, not an object, or NaN for a name. Every command (``info``,
``info --json``, ``report``, ``export`` to CSV, XLSX and JCAMP-DX, ``classify`` and a
command that saves) runs in its own process with a memory cap (3 GiB of address
space) and a time limit: it must exit 0 or 2 (one line, no traceback), in under
``LIMIT_S`` seconds, and never crash (139) or be killed.
Before issue 18 they crashed with exit 1, took minutes or drove memory to 9.5 GB.
The default run checks the commands that crashed; ``-m slow`` every command on every
case.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import h5py
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
LIMIT_S = 30.0
MEMORY_CAP = 3 * 2**30


def _ids(f: h5py.File) -> list[str]:
    return json.loads(f["samples"].attrs["order"])


def _first_curve(f: h5py.File) -> h5py.Group:
    for sid in _ids(f):
        ms = f[f"samples/{sid}/measurements"]
        for mid in ms:
            if ms[mid].attrs.get("NX_class") == "NXdata":
                return ms[mid]
    raise AssertionError("no curve")


def nested(f):
    g = f[f"samples/{_ids(f)[0]}"]
    for _ in range(10_000):
        g = g.create_group("n")


def order_repeats(f):
    sid = _ids(f)[0]
    f["samples"].attrs["order"] = json.dumps([sid] * 20_000 + _ids(f))


def _big_column(dtype):
    def make(f):
        g = _first_curve(f)
        signal = g.attrs["signal"]
        del g[signal]
        ds = g.create_dataset(
            signal, shape=(2**30 - 1,), dtype=dtype, chunks=(2**20,), compression="gzip"
        )
        ds[: 2**20] = 1

    return make


def audit_millions(f):
    del f["audit"]
    g = f.create_group("audit")
    for key in ("time", "user", "action", "detail"):
        ds = g.create_dataset(
            key, shape=(5_000_000,), dtype=h5py.string_dtype(), chunks=(65536,), compression="gzip"
        )
        ds[:10] = ["x"] * 10


def many_attributes(f):
    for target in (f["samples"], f[f"samples/{_ids(f)[0]}"]):
        for i in range(10_000):
            target.attrs[f"junk{i}"] = i


def text_axis(f):
    g = _first_curve(f)
    axis = g.attrs["axes"][0] if not isinstance(g.attrs["axes"], str) else g.attrs["axes"]
    n = g[axis].shape[0]
    del g[axis]
    g.create_dataset(
        axis, data=np.array([f"p{i}" for i in range(n)], dtype=object), dtype=h5py.string_dtype()
    )


def ragged(f):
    g = _first_curve(f)
    signal = g.attrs["signal"]
    data = g[signal][()]
    del g[signal]
    g.create_dataset(signal, data=data[: len(data) // 2])


def empty_arrays(f):
    g = _first_curve(f)
    for name in list(g):
        del g[name]
        g.create_dataset(name, shape=(0,), dtype="f8")


def non_utf8_name(f):
    ms = f[f"samples/{_ids(f)[0]}/measurements"]
    mid = next(iter(ms))
    ms.id.links.create_hard(b"caf\xe9", ms.id, mid.encode())


def junk_plots(f):
    for sid in _ids(f):
        rs = f.get(f"samples/{sid}/results")
        if rs is None:
            continue
        for rid in rs:
            prov = json.loads(rs[rid].attrs["provenance"])
            prov["plots"] = [5, "junk", {"x": 3, "y": {"a": 1}}, {"x": "nope", "y": ["gone"]}, None]
            rs[rid].attrs["provenance"] = json.dumps(prov)
            return
    raise AssertionError("no result")


def _info_json(text: str):
    """The first sample's own fields (format 2 keeps them as one JSON text, ``info``)
    replaced by ``text``: what another program or a damaged byte could leave there."""

    def make(f):
        f[f"samples/{_ids(f)[0]}"].attrs["info"] = text

    return make


CASES: dict[str, Callable[[h5py.File], None]] = {
    "nested-10000": nested,
    "order-20000-repeats": order_repeats,
    "int8-1GiB": _big_column("i1"),
    "bool-1GiB": _big_column("?"),
    "audit-5-million": audit_millions,
    "attributes-10000": many_attributes,
    "text-axis": text_axis,
    "ragged-columns": ragged,
    "empty-arrays": empty_arrays,
    "non-utf8-link-name": non_utf8_name,
    "junk-plots": junk_plots,
    # format 2's JSON fields: recursion, a 5,000-digit number, a non-object, NaN
    "info-json-nested-100000": _info_json("[" * 100_000 + "]" * 100_000),
    "info-json-5000-digits": _info_json('{"name": "A", "metadata": {"x": ' + "9" * 5000 + "}}"),
    "info-json-not-an-object": _info_json("[1, 2, 3]"),
    "info-json-nan-name": _info_json('{"name": NaN}'),
}

COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "info": lambda p, d: ["info", str(p)],
    "info-json": lambda p, d: ["info", "--json", str(p)],
    "report": lambda p, d: ["report", str(p), "--out", str(d / "r.html")],
    "export-csv": lambda p, d: ["export", str(p), "--out", str(d / "v.csv")],
    "export-xlsx": lambda p, d: ["export", str(p), "--out", str(d / "v.xlsx")],
    "export-jdx": lambda p, d: [
        "export",
        str(p),
        "--out",
        str(d / "c.jdx"),
        "--kind",
        "spectrum",
        "--sample",
        "Birch chips",
    ],
    "classify": lambda p, d: ["classify", str(p)],
    "label": lambda p, d: ["label", str(p), "--sample", "Birch chips", "route:biochar=suitable"],
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from workbench.cli.main import main
    from workbench.demo import write_demo

    path = tmp_path_factory.mktemp("hostile") / "demo.fwproj"
    write_demo(path)
    assert main(["analyse", str(path), "tga_proximate", "--keep-going"]) in (0, 2)  # results
    return path


class Damaged(dict):
    """case -> a damaged copy of the demo project, made when first asked for."""

    def __init__(self, demo: Path, factory) -> None:
        super().__init__()
        self.demo, self.factory = demo, factory

    def __missing__(self, name: str) -> Path:
        path = self.factory.mktemp(name) / "p.fwproj"
        shutil.copy(self.demo, path)
        with h5py.File(path, "r+") as f:
            CASES[name](f)
        self[name] = path
        return path


@pytest.fixture(scope="module")
def damaged(demo, tmp_path_factory):
    return Damaged(demo, tmp_path_factory)


_CHILD = """
import contextlib, io, json, resource, sys, time
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from workbench.cli.main import main
out = {}
for command, args in json.loads(sys.argv[2]).items():
    err = io.StringIO()
    t0 = time.monotonic()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(args)
    out[command] = [code, err.getvalue(), time.monotonic() - t0]
print(json.dumps(out))
"""


def run_all(commands: dict[str, list[str]], home: Path) -> dict[str, list]:
    """Every command in one process (as many runs of the CLI), under the memory cap."""
    env = dict(os.environ, FIBRE_WORKBENCH_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(MEMORY_CAP), json.dumps(commands)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=LIMIT_S * len(commands),
    )
    assert out.returncode == 0, (out.returncode, out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def check(case: str, path: Path, folder: Path, commands: list[str]) -> None:
    outcomes = run_all({c: COMMANDS[c](path, folder) for c in commands}, folder / "home")
    for command, (code, err, seconds) in outcomes.items():
        assert code in (0, 2), (case, command, code, err[-2000:])
        assert "Traceback" not in err, (case, command, err[-2000:])
        if code == 2:
            assert len(err.strip().splitlines()) == 1, (case, command, err)
        assert seconds < LIMIT_S, (case, command, seconds)
    assert outcomes["info"][0] == 0, (case, outcomes["info"])  # opens and is described


# the cases that crashed a command before issue 18, on the commands that crashed
CRASHES = ["text-axis", "ragged-columns", "empty-arrays", "non-utf8-link-name", "junk-plots"]


@pytest.mark.skipif(sys.platform != "linux", reason="the memory cap uses RLIMIT_AS (Linux)")
@pytest.mark.parametrize("case", CRASHES)
def test_commands_that_crashed_now_work_or_refuse(damaged, tmp_path, case):
    path = tmp_path / "p.fwproj"
    shutil.copy(damaged[case], path)
    check(case, path, tmp_path, ["info", "report", "export-jdx"])


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the memory cap uses RLIMIT_AS (Linux)")
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_command_on_a_hostile_project(damaged, tmp_path, case):
    path = tmp_path / "p.fwproj"
    shutil.copy(damaged[case], path)
    check(case, path, tmp_path, list(COMMANDS))
