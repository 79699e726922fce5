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
    process is slowed by ``delay`` seconds per file, so that a worker (half a second to
    start) gets files to parse."""
    import time

    from workbench.importers import parallel, service

    def start(delay: float) -> list[str]:
        statuses: list[str] = []
        run_results, preview_one = parallel._run_results, service._preview_one

        def recording(*args):
            got = run_results(*args)
            statuses.extend(status for status, _ in got.values())
            return got

        def slowly(path, template):
            time.sleep(delay)
            return preview_one(path, template)

        monkeypatch.setattr(parallel, "_run_results", recording)
        monkeypatch.setattr(service, "_preview_one", slowly)
        return statuses

    return start
