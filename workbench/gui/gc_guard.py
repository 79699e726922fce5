"""Python's cyclic garbage collector runs on the GUI thread only, while the GUI is up.

A collection runs in whichever thread happens to allocate when a threshold is passed.
In a worker thread (an import, an analysis, a classification) it can free Qt objects
that sit in reference cycles with the interface, and deleting a QObject off the GUI
thread deadlocks or crashes Qt. Seen in the GUI tests: a worker importing scipy
collected a menu's wrapper and, inside ``~QObject``, waited for the GIL while the GUI
thread, holding the GIL, waited for the same Qt lock. So while the application runs,
automatic collection is off and the GUI thread collects on a timer, generation by
generation as the automatic collector would: pyqtgraph's ``GarbageCollector``, the
fix pyqtgraph documents for exactly this. Reference counting frees everything not in
a cycle at once, as before. Long-lived objects (the open project's model) are frozen
out of the collector's scans (``keep_long_lived``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from pyqtgraph.util.garbage_collector import GarbageCollector

INTERVAL_S = 1.0


def install() -> GarbageCollector:
    """Switch automatic collection off and collect from the GUI thread's event loop.
    Keep the returned object alive as long as the application runs."""
    return GarbageCollector(interval=INTERVAL_S)


def keep_long_lived() -> None:
    """Take every object alive now out of the collector's scans (``gc.freeze``).

    Called once a project is open: its model (hundreds of thousands of objects for a
    1,000-sample project) lives until the project is closed, and a full collection
    that walked it stopped the window for 0.3-0.4 s every few seconds of work. Frozen
    objects are still freed by reference counting when the project is closed (a
    closed 1,000-sample project left no cyclic garbage, measured).
    """
    gc.freeze()


def uninstall(collector: GarbageCollector) -> None:
    """Stop the timer, collect once and switch automatic collection back on."""
    collector.timer.stop()
    gc.collect()
    gc.enable()


@contextmanager
def guarding(app: object) -> Iterator[GarbageCollector]:
    """The guard for the lifetime of a ``with`` block (GUI tests), registered on ``app``
    so that ``create_application`` reuses it instead of installing a second one."""
    collector = install()
    app._fw_gc = collector  # type: ignore[attr-defined]
    try:
        yield collector
    finally:
        uninstall(collector)
        app._fw_gc = None  # type: ignore[attr-defined]
