"""Shared pytest fixtures: every test gets its own per-user data folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _workbench_home(tmp_path_factory, monkeypatch):
    """Point FIBRE_WORKBENCH_HOME at a fresh temp folder so tests never touch real user data."""
    home = tmp_path_factory.mktemp("fw_home")
    monkeypatch.setenv("FIBRE_WORKBENCH_HOME", str(home))
    # Import batches are parsed in the test's own process unless a test turns worker
    # processes on (tests/test_import_parallel.py): an in-process CLI call turns them
    # on for the whole process, and later tests must not depend on that.
    monkeypatch.setenv("FIBRE_WORKBENCH_IMPORT_WORKERS", "0")
    return home


@pytest.fixture(scope="module")
def gui_gc(qapp):
    """For GUI test modules outside tests/gui: cyclic garbage collection only on the GUI
    thread, as in the application (``workbench.gui.gc_guard``)."""
    from workbench.gui import gc_guard

    with gc_guard.guarding(qapp):
        yield


@pytest.fixture
def record_workers(monkeypatch):
    """``record_workers(delay)`` -> the list of statuses of every result an import
    worker sends back (``workbench.importers.parallel``). Parsing in the test's own
    process is slowed by ``delay`` seconds per file (so that the first files say that
    workers pay), and each file parsed here first waits until every run of files handed
    to a worker so far has come back (or two minutes passed): a worker takes half a
    second to start on an idle machine but many seconds under load, and the test's own
    process would otherwise have parsed the whole batch before any worker result came
    back (the workers then "took no part", a failure of the machine's load, not of the
    code). Which files the workers parse is then the same on every run."""
    import concurrent.futures
    import time

    from workbench.importers import parallel, service

    def start(delay: float) -> list[str]:
        statuses: list[str] = []
        handed_out: list[concurrent.futures.Future] = []
        run_results, preview_one = parallel._run_results, service._preview_one

        class RecordingPool(parallel.ProcessPoolExecutor):
            def submit(self, *args, **kwargs):
                future = super().submit(*args, **kwargs)
                handed_out.append(future)
                return future

        def recording(*args):
            got = run_results(*args)
            statuses.extend(status for status, _ in got.values())
            return got

        def slowly(path, template):
            time.sleep(delay)
            concurrent.futures.wait(list(handed_out), timeout=120)
            return preview_one(path, template)

        monkeypatch.setattr(parallel, "ProcessPoolExecutor", RecordingPool)
        monkeypatch.setattr(parallel, "_run_results", recording)
        monkeypatch.setattr(service, "_preview_one", slowly)
        return statuses

    return start


DEAD_PID = 4_999_999  # above Linux's largest pid_max (2**22): never a running process


@pytest.fixture
def crashed_recovery():
    """``crashed_recovery(project)`` writes the project's recovery file as a window
    would and then marks its writer as a process that has ended (a crash), so the
    file is what the next start finds; returns its ``RecoveryInfo``."""
    import json

    from workbench.project import recovery

    def write(project):
        file = recovery.write_recovery(project)
        side = file.with_suffix(recovery.SIDE_SUFFIX)
        doc = json.loads(side.read_text(encoding="utf-8"))
        doc["writer"]["pid"] = DEAD_PID
        side.write_text(json.dumps(doc), encoding="utf-8")
        return next(i for i in recovery.list_recoveries() if i.file == file)

    return write
