"""SIGKILL harness for import, analysis and save: nothing saved is ever lost.

A child process (``python -m tests.hardening.crashlib CHILD PROJECT JOURNAL SEED``)
loops over work a technician does: import a freshly written gravimetric worksheet
(through ``workbench.importers.service``), run the moisture analysis on that sample
(through the plugin runner), edit a sample, and saves after every step. Before each
save it appends ``PENDING <digest>`` to a journal, after the save returns ``SAVED
<digest>`` (each line flushed and fsynced). The digest is a SHA-256 over everything
the project holds: sample fields, every measurement array, every result value, the
stored source bytes (checked against their SHA-256) and the audit log length.

The parent kills the child with SIGKILL at a random moment, then opens the file and
requires its digest to be the last ``SAVED`` one, or the ``PENDING`` one after it
(the kill landed after the atomic replace, before the journal line). Anything else
(a file that does not open, a missing sample, a changed array) is a failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from workbench.model import Project

REPO = Path(__file__).resolve().parents[2]


def project_digest(project: Project) -> str:
    """SHA-256 over the full content of a project (in memory or reopened from its file)."""
    h = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            h.update(json.dumps(part, sort_keys=True, default=str).encode())

    for sid in sorted(project.samples):
        s = project.samples[sid]
        add(sid, s.name, s.feedstock_type, s.notes, s.metadata, s.labels)
        for mid in sorted(s.measurements):
            m = s.measurements[mid]
            add(mid, m.kind, m.source_sha256, {k: q.to_json() for k, q in m.quantities.items()})
            for name in sorted(m.columns):
                c = m.columns[name]
                arr = np.asarray(c.values())
                add(name, c.unit, str(arr.dtype), arr.shape)
                h.update(arr.tobytes() if arr.dtype.kind != "U" else "\x1f".join(arr).encode())
        for rid in sorted(s.results):
            r = s.results[rid]
            add(rid, r.plugin_id, r.plugin_version, r.parameters, r.inputs)
            add({k: q.to_json() for k, q in r.values.items()})
            for name in sorted(r.columns):
                h.update(np.asarray(r.columns[name].values()).tobytes())
    for sha in sorted(project.sources):
        data = project.sources[sha].read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            raise AssertionError(f"stored source {sha} does not match its checksum")
        add(sha)
    add(len(project.audit))
    return h.hexdigest()


def file_digest(path: Path) -> tuple[str, int, list[str]]:
    """(digest, number of samples, warnings) of the project file, opened read-only."""
    from workbench.project.store import close_project, open_project

    p = open_project(path, read_only=True)
    try:
        return project_digest(p), len(p.samples), list(p.warnings)
    finally:
        close_project(p)


def worksheet(name: str, rng: random.Random) -> bytes:
    """A gravimetric moisture worksheet for one sample, two replicates."""
    rows = ["Sample,Replicate,Dish (g),Dish + wet sample (g),Dish + dry sample (g),Oven (°C)"]
    for rep in (1, 2):
        dish = 10 + rng.random()
        wet = dish + 5 + rng.random()
        dry = dish + (wet - dish) * rng.uniform(0.5, 0.95)
        rows.append(f"{name},{rep},{dish:.4f},{wet:.4f},{dry:.4f},105")
    return ("\n".join(rows) + "\n").encode("utf-8")


def _journal(fh, kind: str, digest: str) -> None:
    fh.write(f"{kind} {digest}\n")
    fh.flush()
    os.fsync(fh.fileno())


def child_main(path: Path, journal: Path, seed: int) -> None:
    """The child's work loop (runs until killed or 200 steps)."""
    from workbench.analysis import discover, run_plugin
    from workbench.importers.service import import_files
    from workbench.project.store import open_project, save_project

    rng = random.Random(seed)
    registry = discover()
    project = open_project(path)
    if project.read_only:
        project = open_project(path, read_only=True)  # cannot happen: locks are stale
        raise SystemExit("project opened read-only: " + project.read_only_reason)
    files = journal.parent / f"in-{seed}"
    files.mkdir(exist_ok=True)
    with open(journal, "a", encoding="utf-8") as fh:
        print("READY", flush=True)
        for step in range(200):
            action = step % 3
            if action == 0:
                name = f"S{seed}-{step}"
                f = files / f"{name}.csv"
                f.write_bytes(worksheet(name, rng))
                summary = import_files(project, [f], new_sample=True)
                assert summary.count("imported") == 1, summary.to_json()
                last = next(s for s in project.samples.values() if s.name == name)
            elif action == 1:
                run_plugin(project, "moisture_ash", [last.id], registry=registry)
            else:
                project.set_sample_field(last.id, "notes", f"checked at step {step}")
            _journal(fh, "PENDING", project_digest(project))
            save_project(project)
            _journal(fh, "SAVED", project_digest(project))


@dataclass
class KillStats:
    kills: int = 0
    in_save: int = 0  # the kill landed between PENDING and SAVED
    new_state_after_kill: int = 0  # the file held the PENDING state (replace done)
    saves_survived: int = 0  # SAVED lines checked over all kills
    samples_last: int = 0
    warnings: list[str] = field(default_factory=list)


def read_journal(journal: Path) -> list[tuple[str, str]]:
    if not journal.exists():
        return []
    out = []
    for line in journal.read_text(encoding="utf-8").splitlines():
        kind, _, digest = line.partition(" ")
        if kind in ("PENDING", "SAVED") and len(digest) == 64:
            out.append((kind, digest))
    return out


def run_kills(
    tmp: Path, kills: int, seed: int, *, max_lines: int = 6, phase: float = 0.4
) -> KillStats:
    """Start, kill and check ``kills`` children; raises AssertionError on any lost change.

    Each child is killed after 0..``max_lines`` journal lines plus 0..``phase`` seconds,
    so kills land in imports, analyses, digests and saves alike.
    """
    from workbench.project.store import close_project, save_project
    from workbench.project.synthetic import make_project

    path = tmp / "crash.fwproj"
    p = make_project(6, with_table=True)
    save_project(p, path)
    close_project(p)
    state, _, _ = file_digest(path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    rng = random.Random(seed)
    stats = KillStats()
    for k in range(kills):
        journal = tmp / f"journal-{k}.txt"
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.hardening.crashlib", str(path), str(journal), str(k)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=str(REPO),
            env=env,
        )
        try:
            line = child.stdout.readline().strip()
            if line != "READY":
                child.wait()
                raise AssertionError(f"child did not start: {line!r} {child.stderr.read()}")
            # wait for a random number of journal lines (completed phases), then kill
            # at a random moment within the next phase: robust to machine load
            target = rng.randint(0, max_lines)
            t0 = time.monotonic()
            while len(read_journal(journal)) < target and child.poll() is None:
                if time.monotonic() - t0 > 120:
                    raise AssertionError(f"kill {k}: the child made no progress in 120 s")
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, phase))
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait()
            child.stdout.close()
            child.stderr.close()
        if child.returncode != -signal.SIGKILL:
            raise AssertionError(f"child ended by itself ({child.returncode}) before the kill")
        entries = read_journal(journal)
        allowed = {state}
        saved = [d for kind, d in entries if kind == "SAVED"]
        if saved:
            allowed = {saved[-1]}
        pending_after = entries[-1][1] if entries and entries[-1][0] == "PENDING" else None
        if pending_after:
            allowed.add(pending_after)
            stats.in_save += 1
        got, n_samples, warnings = file_digest(path)
        assert got in allowed, (
            f"kill {k}: the project does not hold the last saved state "
            f"({len(saved)} saves journaled; pending={bool(pending_after)})"
        )
        assert not warnings, f"kill {k}: the reopened project has warnings {warnings}"
        if got == pending_after and got not in saved:
            stats.new_state_after_kill += 1
        stats.kills += 1
        stats.saves_survived += len(saved)
        stats.samples_last = n_samples
        state = got
    return stats


if __name__ == "__main__":
    child_main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
