"""Crash safety of saves: an exception or a SIGKILL mid-save never damages the project.

The kill harness starts a child Python process that opens a project of a few hundred
samples, adds a sample and saves it; the parent kills it (SIGKILL) at a random moment
during the save. Afterwards the file must be either byte-identical to the previous
version or the complete new version, and open with every array equal (checksums).
A few kills run by default; ``-m slow`` runs 200.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from workbench.errors import ProjectError
from workbench.project import store, writer
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys
from workbench.project.store import open_project, save_project
p = open_project(sys.argv[1])
if p.read_only:
    print("READONLY", p.read_only_reason, flush=True)
    sys.exit(3)
print("READY", flush=True)
sys.stdin.readline()
p.add_sample("added in child", notes="x" * 100)
print("SAVING", flush=True)
save_project(p)
print("SAVED", flush=True)
sys.stdin.readline()
"""


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def array_digest(path: Path) -> tuple[str, list[str]]:
    """Checksum over every array and source in the project, plus the sample names."""
    p = open_project(path, read_only=True)
    try:
        # the old file with its old index, or the new one with its new index (issue 16)
        assert store.state_of(p).index == "used", store.state_of(p).index
        h = hashlib.sha256()
        for s, m in p.iter_measurements():
            for name, c in m.columns.items():
                h.update(f"{s.id}/{m.id}/{name}".encode())
                h.update(np.ascontiguousarray(c.values()).tobytes())
        for sha, src in p.sources.items():
            data = src.read_bytes()
            assert hashlib.sha256(data).hexdigest() == sha
            h.update(data)
        names = sorted(s.name for s in p.samples.values())
    finally:
        close_project(p)
    return h.hexdigest(), names


def failing_after(real, n: int):
    """``real`` wrapped so that its ``n``-th call raises (a fault in the middle of a write)."""
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    return wrapper


def test_exception_in_writer_leaves_previous_file_identical(tmp_path, monkeypatch):
    path = tmp_path / "p.fwproj"
    p = make_project(8)
    save_project(p, path)
    close_project(p)
    before = file_sha(path)
    digest_before = array_digest(path)[0]

    # a new project written over the file fails in its 9th measurement
    other = make_project(8, seed=3)
    monkeypatch.setattr(writer, "write_measurement", failing_after(writer.write_measurement, 9))
    with pytest.raises(ProjectError, match=r"could not be saved.*disk on fire.*unchanged"):
        save_project(other, path)
    monkeypatch.undo()
    assert file_sha(path) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.fwproj"]

    # an opened project (unchanged samples and sources copied inside HDF5) fails when
    # writing its audit log, after all samples and sources are in the temp file
    q = open_project(path)
    q.add_sample("unsaved")
    monkeypatch.setattr(writer.audit, "write", failing_after(writer.audit.write, 1))
    with pytest.raises(ProjectError, match=r"could not be saved.*disk on fire.*unchanged"):
        save_project(q)
    monkeypatch.undo()
    assert file_sha(path) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.fwproj", "p.fwproj.lock"]
    assert q.dirty
    # the open project still works and can be saved once the fault is gone
    first = next(iter(q.samples.values()))
    assert first.measurements["m-spec-0"].columns["absorbance"].values().shape == (1500,)
    save_project(q)
    close_project(q)
    r = open_project(path, read_only=True)
    assert "unsaved" in [s.name for s in r.samples.values()]
    assert array_digest(path)[0] == digest_before
    close_project(r)


def test_failure_at_replace_keeps_old_file_and_handle(tmp_path, monkeypatch):
    path = tmp_path / "p.fwproj"
    p = make_project(3)
    save_project(p, path)
    close_project(p)
    before = file_sha(path)
    q = open_project(path)
    q.add_sample("x")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", boom)
    with pytest.raises(ProjectError, match="No space left"):
        save_project(q)
    monkeypatch.undo()
    assert file_sha(path) == before
    assert not list(tmp_path.glob("*.fwtmp"))
    col = next(iter(q.samples.values())).measurements["m-tga-0"].columns["mass"]
    assert col.values().shape == (700,), "the handle was reopened after the failed replace"
    close_project(q)


def test_stale_temp_files_of_dead_processes_are_removed(tmp_path):
    path = tmp_path / "p.fwproj"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    import socket

    stale = tmp_path / f".p.fwproj.{socket.gethostname()}.{dead.pid}.abcd1234.fwtmp"
    stale.write_bytes(b"partial")
    mine = tmp_path / f".p.fwproj.{socket.gethostname()}.{os.getpid()}.live0000.fwtmp"
    mine.write_bytes(b"in progress elsewhere in this process")
    p = make_project(1)
    save_project(p, path)
    close_project(p)
    assert not stale.exists() and mine.exists()


def run_kills(tmp_path: Path, kills: int, n_samples: int, seed: int) -> dict[str, int]:
    path = tmp_path / "crash.fwproj"
    p = make_project(n_samples, with_table=True)
    t0 = time.perf_counter()
    save_project(p, path)
    save_time = time.perf_counter() - t0
    close_project(p)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    rng = random.Random(seed)
    outcome = {"old": 0, "new": 0}
    digest, names = array_digest(path)
    for _ in range(kills):
        before = file_sha(path)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=str(REPO),
            env=env,
        )
        try:
            assert child.stdout.readline().strip() == "READY"
            child.stdin.write("go\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "SAVING"
            time.sleep(rng.uniform(0.0, 1.3 * save_time))
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait()
            child.stdout.close()
            child.stdin.close()
        if file_sha(path) == before:
            outcome["old"] += 1
            assert array_digest(path) == (digest, names)
        else:
            outcome["new"] += 1
            new_digest, new_names = array_digest(path)
            assert new_digest == digest
            assert new_names == sorted([*names, "added in child"])
            digest, names = new_digest, new_names
    # the killed children left stale locks and temp files; a new session cleans up
    q = open_project(path)
    assert not q.read_only, "stale lock of a killed process is taken over"
    save_project(q)
    close_project(q)
    assert not list(tmp_path.glob("*.fwtmp"))
    return outcome


def test_sigkill_during_save_leaves_old_or_new_project(tmp_path):
    outcome = run_kills(tmp_path, kills=3, n_samples=40, seed=1)
    assert sum(outcome.values()) == 3


@pytest.mark.slow
def test_sigkill_during_save_200_kills(tmp_path):
    outcome = run_kills(tmp_path, kills=200, n_samples=40, seed=7)
    assert sum(outcome.values()) == 200
    assert outcome["old"] > 20, f"too few kills landed mid-save: {outcome}"
    print(f"\n200 kills: old file kept {outcome['old']}, new file complete {outcome['new']}")
