"""Progress reporting and cancellation for long work, without Qt.

Analyses, imports and saves take a ``Progress`` object. They call ``update`` now and
then and ``check`` at safe points; ``check`` raises ``CancelledError`` once the user
has asked to cancel. The GUI's task runner supplies a thread-safe implementation whose
callback emits a Qt signal; the CLI and tests use ``Progress()`` or ``NullProgress``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from workbench.errors import CancelledError

ProgressCallback = Callable[[float, str], None]


class Progress:
    """Thread-safe progress sink and cancel flag.

    ``fraction`` is in [0, 1]; ``message`` a short translatable text. The optional
    ``callback`` is called from the worker thread on every update.
    """

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()
        self.fraction = 0.0
        self.message = ""

    def update(self, fraction: float, message: str = "") -> None:
        """Record progress and raise ``CancelledError`` if cancel was requested."""
        self.fraction = min(max(float(fraction), 0.0), 1.0)
        if message:
            self.message = message
        if self._callback is not None:
            self._callback(self.fraction, self.message)
        self.check()

    def check(self) -> None:
        """Raise ``CancelledError`` if cancel was requested."""
        if self._cancel.is_set():
            raise CancelledError("cancelled by the user")

    def cancel(self) -> None:
        """Ask the work to stop at its next ``check`` or ``update``."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def child(self, start: float, stop: float) -> Progress:
        """A progress object mapping [0, 1] onto [start, stop] of this one, sharing cancel."""
        parent = self

        class _Child(Progress):
            def __init__(self) -> None:
                super().__init__(None)
                self._cancel = parent._cancel

            def update(self, fraction: float, message: str = "") -> None:
                parent.update(start + (stop - start) * min(max(fraction, 0.0), 1.0), message)

        return _Child()


class NullProgress(Progress):
    """A progress object that records nothing and is never cancelled."""

    def update(self, fraction: float, message: str = "") -> None:
        return None
