"""Cyclic garbage is collected on the GUI thread, never in a worker thread.

A collection in a worker can free Qt objects off the GUI thread, which deadlocked and
crashed whole GUI test runs (``workbench.gui.gc_guard``)."""

from __future__ import annotations

import gc
import threading
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
