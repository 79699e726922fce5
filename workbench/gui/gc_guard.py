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


LARGE_PROJECT = 300  # samples: from here the open project's model is frozen


def keep_long_lived(n_samples: int) -> None:
    """Take a large project's model out of the collector's scans while it is open.

    The model of a 1,000-sample project is some 230,000 objects; a full collection that
    walked them stopped the window for 0.3-0.4 s every few seconds of work. Every object
    alive is frozen (``gc.freeze``), at once: the window's opening calls this on the worker
    thread that read the project, before the GUI thread's collector scans the new model
    (a collection first, as before, stopped the window for as long as the scans it
    avoids; a freeze frees nothing, so it is safe on any thread). Frozen objects are
    still freed by reference counting; ``release_long_lived`` gives them back to the
    collector when the project closes, so cyclic garbage frozen with them is collected
    then, not kept for good. Small projects are left alone: their collections are quick.
    """
    if n_samples >= LARGE_PROJECT:
        gc.freeze()


def release_long_lived() -> None:
    """Let the collector scan everything again (the large project is closing)."""
    gc.unfreeze()


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
