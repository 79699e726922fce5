"""Cyclic garbage is collected on the GUI thread, never in a worker thread.

A collection in a worker can free Qt objects off the GUI thread, which deadlocked and
crashed whole GUI test runs (``workbench.gui.gc_guard``)."""

from __future__ import annotations

import gc
import importlib
import sys
import threading
import weakref
from typing import ClassVar

from workbench.gui import gc_guard


class _Cycle:
    collected_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it

    def __del__(self) -> None:
        _Cycle.collected_in.append(threading.current_thread().name)


_kept: list[list[list[int]]] = []


def _allocate_a_lot() -> None:
    # far past every collection threshold; kept alive, so the count of new objects
    # stays high and the GUI thread's next check collects
    _kept.append([[i] for i in range(200_000)])


def test_cycles_are_collected_on_the_gui_thread_only(qapp, qtbot):
    assert isinstance(qapp._fw_gc.timer.interval(), int)  # the package fixture's guard
    assert not gc.isenabled()
    qapp._fw_gc.modules = len(sys.modules)  # no library import pending: nothing is frozen
    _Cycle.collected_in.clear()
    _Cycle()
    worker = threading.Thread(target=_allocate_a_lot, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.collected_in == []  # the worker's allocations did not collect it
    qtbot.waitUntil(lambda: bool(_Cycle.collected_in), timeout=int(gc_guard.INTERVAL_S * 15000))
    assert _Cycle.collected_in == [threading.main_thread().name]
    _kept.clear()


def test_without_the_guard_a_worker_would_collect(qapp):
    """The hazard itself: with automatic collection on, the worker collects."""
    gc.enable()
    try:
        gc.collect()
        _Cycle.collected_in.clear()
        _Cycle()
        worker = threading.Thread(target=_allocate_a_lot, name="worker")
        worker.start()
        worker.join()
        assert _Cycle.collected_in == ["worker"]
    finally:
        _kept.clear()
        gc.disable()


def test_the_application_installs_the_guard_once(qapp):
    from workbench.gui.app import create_application

    existing = qapp._fw_gc
    assert create_application([]) is qapp
    assert qapp._fw_gc is existing


class _Garbage:
    def __init__(self) -> None:
        self.me = self


def test_a_library_imported_meanwhile_is_frozen_and_garbage_freed_at_close(qapp, tmp_path):
    """Modules imported since the last check (a library a task imported) are frozen, not
    walked by every later collection; cyclic garbage frozen with them is collected
    when the project closes (``release_long_lived``), and what is alive stays frozen."""
    collector = qapp._fw_gc
    library = tmp_path / "fw_gc_library"
    library.mkdir()
    (library / "__init__.py").write_text("")
    n = gc_guard.IMPORTED_MODULES + 2
    for i in range(n):
        (library / f"m{i}.py").write_text(f"def f{i}():\n    return {i}\n")
    sys.path.insert(0, str(tmp_path))
    try:
        collector.check()
        garbage = _Garbage()
        gone = weakref.ref(garbage)
        del garbage  # cyclic garbage already there when the library comes
        modules = [importlib.import_module(f"fw_gc_library.m{i}") for i in range(n)]
        collector.check()
        tracked = {id(o) for o in gc.get_objects()}  # the generations the collector walks
        assert not any(id(vars(m)[f"f{i}"]) in tracked for i, m in enumerate(modules))
        gc.collect()
        assert gone() is not None  # frozen with the library: kept for now ...
        gc_guard.release_long_lived()  # ... until the project closes
        assert gone() is None
        tracked = {id(o) for o in gc.get_objects()}
        assert not any(id(vars(m)[f"f{i}"]) in tracked for i, m in enumerate(modules))
    finally:
        sys.path.remove(str(tmp_path))
        for i in range(n):
            sys.modules.pop(f"fw_gc_library.m{i}", None)
        sys.modules.pop("fw_gc_library", None)


def test_a_few_modules_imported_are_collected_as_usual(qapp, tmp_path):
    collector = qapp._fw_gc
    (tmp_path / "fw_gc_single.py").write_text("def f():\n    return 1\n")
    sys.path.insert(0, str(tmp_path))
    try:
        collector.check()
        frozen = gc.get_freeze_count()
        importlib.import_module("fw_gc_single")
        collector.check()
        assert gc.get_freeze_count() == frozen
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("fw_gc_single", None)
