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
a cycle at once, as before. Long-lived objects are frozen out of the collector's scans:
the open project's model (``keep_long_lived``) and libraries imported while the window
runs (``Collector``).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from pyqtgraph.util.garbage_collector import GarbageCollector

INTERVAL_S = 1.0
IMPORTED_MODULES = 25  # modules imported since the last check: a library, frozen

# True when a freeze may have taken cyclic garbage along (objects frozen without a full
# collection first): ``release_long_lived`` then collects everything once
_garbage_may_be_frozen = False


class Collector(GarbageCollector):
    """pyqtgraph's GUI-thread collector, which also freezes libraries imported meanwhile.

    A library imported lazily in a task (scikit-learn and SciPy at the first PLS run:
    some 1,400 modules, 110,000 objects of functions, classes and module dicts) stays
    for good, but the collector cannot know it: the next collection of the middle
    generation walked all of it (0.15-0.22 s on the GUI thread, during whatever came
    next, such as a report being saved), and every full collection after that again
    (0.25 s for 200,000 objects). When a check finds that many modules were imported
    since the last, everything alive is frozen instead of collected: no walk at all.
    Garbage that happens to be frozen with it is collected when the project closes
    (``release_long_lived``), so it is kept for a while, never for good.
    """

    def __init__(self, interval: float = INTERVAL_S) -> None:
        super().__init__(interval=interval)
        self.modules = len(sys.modules)

    def check(self) -> None:
        modules = len(sys.modules)
        if modules - self.modules >= IMPORTED_MODULES:
            _freeze()  # the young generation's count starts again: nothing to collect
        self.modules = modules
        super().check()


def _freeze() -> None:
    global _garbage_may_be_frozen
    gc.freeze()
    _garbage_may_be_frozen = True


def install() -> GarbageCollector:
    """Switch automatic collection off and collect from the GUI thread's event loop.
    Keep the returned object alive as long as the application runs."""
    return Collector(interval=INTERVAL_S)


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
        _freeze()


def release_long_lived() -> None:
    """Collect what a freeze kept (a closed large project's model, garbage frozen with a
    library), on the GUI thread once the project has gone (``release_project``).

    One full collection, when the user closes a project: not at some later moment, in
    the middle of a task. What is alive after it (the libraries, the window) is frozen
    again, so later collections do not walk it. It was all alive then; what of it
    becomes cyclic garbage later (mostly the window's own objects, which live as long as
    the window) is kept until the next release after a freeze. Nothing is done when no
    freeze could have kept garbage, so closing a small project costs nothing more.
    """
    global _garbage_may_be_frozen
    if not _garbage_may_be_frozen:
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    _garbage_may_be_frozen = False


def uninstall(collector: GarbageCollector) -> None:
    """Stop the timer, give frozen objects back, collect once and switch automatic
    collection back on."""
    global _garbage_may_be_frozen
    collector.timer.stop()
    gc.unfreeze()
    _garbage_may_be_frozen = False
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
