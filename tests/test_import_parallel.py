"""A large import batch parsed by worker processes gives exactly what one by one gives.

``workbench.importers.parallel`` hands runs of files to worker processes and parses the
files between them here; these tests force it on for small batches
(``FIBRE_WORKBENCH_IMPORT_WORKERS``) and compare every outcome and every stored value
with a sequential import of the same files, including failures, duplicates, a worker
that dies, unexpected errors and cancel.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import numpy as np
import pytest

from workbench.importers import parallel, service
from workbench.importers.service import _plan_from_worker, _preview_one, import_files
from workbench.model import Project
from workbench.progress import Progress


def _spectrum(i: int) -> bytes:
    x = np.linspace(4000.0, 400.0, 200)
    y = 0.5 + 0.2 * np.sin(x / (50.0 + i))
    body = "\n".join(f"{a:.2f},{b:.6f}" for a, b in zip(x, y))
    return f"wavenumber (cm-1),absorbance\n{body}\n".encode()


JCAMP = b"""##TITLE=birch bark
##JCAMP-DX=4.24
##DATA TYPE=INFRARED SPECTRUM
##XUNITS=1/CM
##YUNITS=ABSORBANCE
##FIRSTX=4000
##LASTX=3996
##NPOINTS=5
##XFACTOR=1
##YFACTOR=0.001
##XYDATA=(X++(Y..Y))
4000 100 110 120 130 140
##END=
"""


@pytest.fixture
def batch(tmp_path: Path) -> list[Path]:
    """26 files: spectra, a JCAMP file, a file no reader takes, a duplicate, a
    spectrum with a bad number (refused with its line), and an empty file."""
    folder = tmp_path / "batch"
    folder.mkdir()
    files = []
    for i in range(21):
        files.append(folder / f"s{i:02d}.csv")
        files[-1].write_bytes(_spectrum(i))
    (folder / "s21_bark.jdx").write_bytes(JCAMP)
    (folder / "s22_notes.txt").write_bytes(b"nothing an instrument wrote\n")
    (folder / "s23_copy.csv").write_bytes(_spectrum(3))
    rows = _spectrum(99).split(b"\n")
    rows[10] = b"36x0.5,0.25"  # line 11
    (folder / "s24_bad.csv").write_bytes(b"\n".join(rows))
    (folder / "s25_empty.csv").write_bytes(b"")
    files += sorted(folder.glob("s2?_*"))
    return files


def _import(paths: list[Path], workers: int, monkeypatch) -> tuple[Project, dict]:
    monkeypatch.setenv(parallel.ENV, str(workers))
    project = Project()
    summary = import_files(project, paths, new_sample=True)
    return project, summary.to_json()


def _comparable(summary: dict) -> dict:
    """The summary without the measurement ids (random for every import)."""
    for f in summary["files"]:
        f["measurements"] = len(f["measurements"])
    return summary


def _contents(project: Project) -> list:
    out = []
    for sample in project.samples.values():
        for m in sample.measurements.values():
            cols = {n: (c.unit, c.label, np.asarray(c.data).tolist()) for n, c in m.columns.items()}
            out.append((sample.name, m.kind, m.label, m.source_sha256, m.source_name, cols))
    return out


@pytest.fixture
def worker_results(record_workers) -> list[str]:
    return record_workers(0.1)


def test_a_batch_on_workers_equals_one_by_one(batch, monkeypatch, worker_results):
    one, one_summary = _import(batch, 0, monkeypatch)
    par, par_summary = _import(batch, 1, monkeypatch)
    assert "ok" in worker_results and "error" in worker_results  # the workers took part
    assert _comparable(par_summary) == _comparable(one_summary)
    assert _contents(par) == _contents(one)
    assert sorted(par.sources) == sorted(one.sources)
    for sha, src in par.sources.items():
        assert np.asarray(src.data).tobytes() == np.asarray(one.sources[sha].data).tobytes()
    # the batch really holds every kind of outcome
    statuses = [f["status"] for f in par_summary["files"]]
    assert statuses.count("imported") == 22
    assert statuses.count("already present") == 1
    assert statuses.count("failed") == 3
    failed = {
        Path(f["file"]).name: f["message"] for f in par_summary["files"] if f["status"] == "failed"
    }
    assert "line 11" in failed["s24_bad.csv"] and "36x0" in failed["s24_bad.csv"]
    assert "empty" in failed["s25_empty.csv"]


def _run(files, task, here=None):
    return list(
        parallel.parallel_previews(
            files, template=None, progress=Progress(), workers=1,
            here=here or (lambda p: service._preview_one(p, None)),
            plan_from=_plan_from_worker, task=task,
        )
    )  # fmt: skip


def _outcomes(items) -> list[tuple[str, str | None, str]]:
    return [(p.name, plan.sha256 if plan is not None else None, error) for p, plan, error in items]


def test_a_worker_that_dies_leaves_its_files_to_this_process(batch, tmp_path, worker_results):
    from tests.worker_faults import die_on_marked

    doomed = tmp_path / "batch" / "s12_die.csv"  # after the files parsed here first
    doomed.write_bytes(_spectrum(12) + b"\n")
    files = [*batch[:12], doomed, *batch[12:]]
    expected = _outcomes(_preview_one(p, None) for p in files)
    assert _outcomes(_run(files, die_on_marked)) == expected
    assert "again" in worker_results  # the first run (with the doomed file) came back so


def test_unexpected_worker_errors_are_parsed_here_and_raised_in_turn(batch):
    from tests.worker_faults import always_again

    seen: list[str] = []

    def here(path: Path):
        seen.append(path.name)
        time.sleep(0.1)  # so that the workers start (the first files say it pays)
        if path.name == "s10.csv":
            raise RuntimeError("a bug in a reader")
        return _preview_one(path, None)

    out = []
    with pytest.raises(RuntimeError, match="a bug in a reader"):
        for item in parallel.parallel_previews(
            batch, template=None, progress=Progress(), workers=1, here=here,
            plan_from=_plan_from_worker, task=always_again,
        ):  # fmt: skip
            out.append(item[0].name)
    # raised where one by one raises it: after every file before it was handed on
    assert out == [f"s{i:02d}.csv" for i in range(10)]
    assert "s10.csv" in seen


def test_cancel_stops_the_batch_and_its_workers(batch, monkeypatch):
    monkeypatch.setenv(parallel.ENV, "1")
    progress = Progress()
    project = Project()
    parsed_here = []
    original = service._preview_one

    def cancel_on_third(path, template):
        parsed_here.append(path)
        if len(parsed_here) == 3:
            progress.cancel()
        return original(path, template)

    monkeypatch.setattr(service, "_preview_one", cancel_on_third)
    summary = import_files(project, batch * 3, new_sample=True, progress=progress)
    assert summary.cancelled
    assert len(summary.outcomes) < len(batch)
    deadline = time.monotonic() + 20
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def test_how_many_workers(monkeypatch):
    monkeypatch.delenv(parallel.ENV, raising=False)
    monkeypatch.setattr(parallel, "_allowed", False)
    assert parallel.worker_count(10_000) == 0  # a script that did not allow them
    monkeypatch.setattr(parallel, "_allowed", True)
    monkeypatch.setattr(parallel, "cores", lambda: 8)
    assert parallel.worker_count(parallel.MIN_FILES - 1) == 0  # too few files to pay off
    assert parallel.worker_count(parallel.MIN_FILES) == parallel.MAX_WORKERS
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    assert parallel.worker_count(500) == 1  # one core stays with the caller
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    assert parallel.worker_count(500) == 0
    monkeypatch.setenv(parallel.ENV, "0")
    monkeypatch.setattr(parallel, "cores", lambda: 8)
    assert parallel.worker_count(500) == 0
    monkeypatch.setenv(parallel.ENV, "3")
    assert parallel.worker_count(2) == 2 and parallel.worker_count(500) == 3


def test_the_command_line_allows_workers(monkeypatch, capsys):
    from workbench.cli.main import main

    monkeypatch.setattr(parallel, "_allowed", False)
    assert main(["--version"]) == 0
    assert parallel._allowed


def test_a_quick_batch_starts_no_workers(batch, monkeypatch):
    """The first files are timed; when the rest would take less than starting workers
    costs, no process is started."""
    started = []
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", lambda *a, **k: started.append(1) or None)
    monkeypatch.setattr(parallel, "busy_elsewhere", lambda: 0)  # an idle machine
    quick = list(
        parallel.parallel_previews(
            batch, template=None, progress=Progress(), workers=1,
            here=lambda p: service._preview_one(p, None), plan_from=_plan_from_worker,
        )
    )  # fmt: skip
    assert started == []
    assert _outcomes(quick) == _outcomes(service._preview_one(p, None) for p in batch)
    monkeypatch.setattr(parallel, "WORTH_STARTING", 0.0)
    again = list(
        parallel.parallel_previews(
            batch, template=None, progress=Progress(), workers=1,
            here=lambda p: service._preview_one(p, None), plan_from=_plan_from_worker,
        )
    )  # fmt: skip
    assert started == [1]  # now it starts them (the stand-in is no pool: all parsed here)
    assert _outcomes(again) == _outcomes(quick)


def test_a_worker_sends_a_batch_files_bytes_back_deflated(tmp_path):
    """A worker deflates the original bytes it read (``heldbytes.deflated``) on its own
    core: the importing process, which also applies and saves the whole batch, keeps
    them as they came (no second compression) and stores exactly the file's bytes."""
    from workbench.project.heldbytes import HeldBytes, hold

    large = tmp_path / "large.csv"
    large.write_bytes(  # over heldbytes.MIN_BYTES: one deflated chunk
        b"wavenumber (cm-1),absorbance\n"
        + b"\n".join(f"{4000 - i * 0.5:.2f},{i * 1e-4:.6f}".encode() for i in range(2000))
        + b"\n"
    )
    small = tmp_path / "small.csv"
    small.write_bytes(_spectrum(2))  # stored uncompressed: sent as it is
    (status, (held, sha, parsed)), (_, (plain, _, _)) = parallel.parse_in_worker(
        [str(large), str(small)], None
    )
    assert status == "ok" and isinstance(held, HeldBytes) and plain == small.read_bytes()
    # and so it comes back from a worker process (through multiprocessing's pipe)
    context = multiprocessing.get_context("spawn")
    with parallel.ProcessPoolExecutor(1, mp_context=context) as pool:
        [(_, (sent, _, _))] = pool.submit(parallel.parse_in_worker, [str(large)], None).result()
    assert isinstance(sent, HeldBytes) and sent.chunks == held.chunks
    raw = large.read_bytes()
    assert len(held) == len(raw) and sum(map(len, held.chunks)) < len(raw) / 2
    assert hold(held) is held  # kept as the worker deflated it
    project = Project()
    plan = _plan_from_worker(large, (held, sha, parsed))
    assert plan.summary()["bytes"] == len(raw)
    service.apply_plan(project, plan, new_sample=True)
    assert project.sources[sha].read_bytes() == raw and project.sources[sha].size == len(raw)


def test_no_workers_start_while_the_other_cores_are_busy(batch, monkeypatch):
    """A worker pays only on a core of its own: when other work kept every other core
    busy at each file of the probe, the batch is parsed here, as one by one; one
    moment with a core free is enough to start them."""
    monkeypatch.delenv(parallel.ENV, raising=False)
    started = []
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", lambda *a, **k: started.append(1) or None)
    monkeypatch.setattr(parallel, "WORTH_STARTING", 0.0)
    monkeypatch.setattr(parallel, "machine_cores", lambda: 2)
    monkeypatch.setattr(parallel, "busy_elsewhere", lambda: 1)  # the other core is taken

    def run() -> list:
        return list(
            parallel.parallel_previews(
                batch, template=None, progress=Progress(), workers=1,
                here=lambda p: service._preview_one(p, None), plan_from=_plan_from_worker,
            )
        )  # fmt: skip

    busy = run()
    assert started == []
    assert _outcomes(busy) == _outcomes(service._preview_one(p, None) for p in batch)
    seen = iter([1, 1, 0, 1, 1, 1, 1, 1])  # a core was free once during the probe
    monkeypatch.setattr(parallel, "busy_elsewhere", lambda: next(seen))
    assert _outcomes(run()) == _outcomes(busy)
    assert started == [1]


def test_spare_core_from_the_fewest_busy_threads_seen(monkeypatch):
    monkeypatch.delenv(parallel.ENV, raising=False)
    monkeypatch.setattr(parallel, "machine_cores", lambda: 4)
    monkeypatch.setattr(parallel, "cores", lambda: 2)  # this process may use 2 of them
    assert parallel.spare_core([2, 5, 2])  # 2 threads elsewhere, this one: a core free
    assert not parallel.spare_core([3, 5, 6])  # the 3 other cores were always taken
    assert parallel.spare_core([None, None])  # the system does not say: as before
    monkeypatch.setenv(parallel.ENV, "1")  # asked for by number
    assert parallel.spare_core([9, 9])
    count = parallel.busy_elsewhere()
    assert count is None or count >= 0
