"""The one background-work pattern of the GUI: ``TaskRunner.submit``.

Long work (imports, analyses, saves of big projects, reports) runs as a plain function
``fn(progress, *args)`` on a worker thread of a private ``QThreadPool``. ``progress`` is
the core ``workbench.progress.Progress``; its callback emits a Qt signal from the worker
thread, which Qt queues to the GUI thread. Results, errors and cancellation come back
the same way, so ``on_done``/``on_error`` always run on the GUI thread. Nothing here
blocks the GUI thread or spins ``processEvents``.

Progress signals are throttled (at most one every ``PROGRESS_INTERVAL`` seconds per
task) so a chatty worker cannot flood the event loop.
"""

from __future__ import annotations

import itertools
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workbench.errors import CancelledError, UserFacingError
from workbench.progress import Progress

PROGRESS_INTERVAL = 0.05

RUNNING, DONE, FAILED, CANCELLED = "running", "done", "failed", "cancelled"


@dataclass
class Task:
    """What the task panel shows about one submitted job."""

    id: int
    title: str
    progress: Progress
    state: str = RUNNING
    fraction: float = 0.0
    message: str = ""
    error: str = ""
    details: str = ""
    started: float = field(default_factory=time.monotonic)
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    quiet: bool = False  # housekeeping (recovery files): not listed in the task panel
    # set by an ``on_error`` that told the user itself (the window then adds no message)
    reported: bool = False

    def cancel(self) -> None:
        """Ask the work to stop at its next progress update or check."""
        self.progress.cancel()


class _Bridge(QObject):
    """Lives on the GUI thread; worker threads emit its signals (queued delivery)."""

    progressed = Signal(int, float, str)
    finished = Signal(int, object)
    failed = Signal(int, object, str)
    cancelled = Signal(int)


class _Worker(QRunnable):
    def __init__(self, task: Task, bridge: _Bridge, fn: Callable, args: tuple) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.task = task
        self.bridge = bridge
        self.fn = fn
        self.args = args

    def run(self) -> None:
        task_id = self.task.id
        try:
            result = self.fn(self.task.progress, *self.args)
        except CancelledError:
            self.bridge.cancelled.emit(task_id)
            return
        except BaseException as exc:  # reported in the task panel, never lost
            self.bridge.failed.emit(task_id, exc, traceback.format_exc())
            return
        if self.task.progress.cancelled:  # finished, but the user asked to stop
            self.bridge.cancelled.emit(task_id)
        else:
            self.bridge.finished.emit(task_id, result)


class TaskRunner(QObject):
    """Runs jobs off the GUI thread and reports them through signals.

    Signals carry the ``Task`` object: ``taskAdded``, ``taskUpdated`` (progress) and
    ``taskEnded`` (state is done, failed or cancelled).
    """

    taskAdded = Signal(object)
    taskUpdated = Signal(object)
    taskEnded = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.tasks: dict[int, Task] = {}
        self.closed = False  # after shutdown results are dropped, not applied
        self._ids = itertools.count(1)
        self._bridge = _Bridge(self)
        self._bridge.progressed.connect(self._on_progress)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._bridge.cancelled.connect(self._on_cancelled)

    def submit(
        self,
        title: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        quiet: bool = False,
    ) -> Task:
        """Run ``fn(progress, *args)`` on a worker thread; returns the Task at once.

        ``on_done(result)`` / ``on_error(exception)`` run on the GUI thread. ``quiet``
        tasks (housekeeping) are not shown in the task panel.
        """
        if self.closed:
            raise RuntimeError("the task runner has been shut down")
        task_id = next(self._ids)
        bridge = self._bridge
        last = [0.0]

        def report(fraction: float, message: str) -> None:  # runs on the worker thread
            now = time.monotonic()
            if fraction >= 1.0 or now - last[0] >= PROGRESS_INTERVAL:
                last[0] = now
                bridge.progressed.emit(task_id, fraction, message)

        task = Task(
            task_id, title, Progress(report), on_done=on_done, on_error=on_error, quiet=quiet
        )
        self.tasks[task_id] = task
        self.taskAdded.emit(task)
        self.pool.start(_Worker(task, bridge, fn, args))
        return task

    def running(self) -> list[Task]:
        return [t for t in self.tasks.values() if t.state == RUNNING]

    def cancel_all(self) -> None:
        for task in self.running():
            task.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and wait for the workers; True when all have stopped.

        Results that arrive afterwards are not handed to ``on_done``: the window that
        asked for them is closing.
        """
        self.closed = True
        self.cancel_all()
        return self.pool.waitForDone(timeout_ms)

    # -- slots, on the GUI thread ----------------------------------------------
    def _on_progress(self, task_id: int, fraction: float, message: str) -> None:
        task = self.tasks.get(task_id)
        if task is None or task.state != RUNNING:
            return
        task.fraction, task.message = fraction, message or task.message
        self.taskUpdated.emit(task)

    def _end(self, task: Task, state: str) -> None:
        task.state = state
        self.taskEnded.emit(task)

    def _on_finished(self, task_id: int, result: Any) -> None:
        task = self.tasks[task_id]
        if self.closed:
            self._end(task, CANCELLED)
            return
        task.fraction = 1.0
        try:
            if task.on_done is not None:
                task.on_done(result)
        except Exception as exc:  # a failing completion handler is a failed task
            self._record_error(task, exc, traceback.format_exc())
            return
        self._end(task, DONE)

    def _on_failed(self, task_id: int, exc: BaseException, details: str) -> None:
        self._record_error(self.tasks[task_id], exc, details)

    def _record_error(self, task: Task, exc: BaseException, details: str) -> None:
        task.error = str(exc) or type(exc).__name__
        if not isinstance(exc, UserFacingError):
            task.error = f"{type(exc).__name__}: {task.error}"
        task.details = details
        if task.on_error is not None:
            try:
                task.on_error(exc)
            except Exception:
                task.details += "\n" + traceback.format_exc()
        self._end(task, FAILED)

    def _on_cancelled(self, task_id: int) -> None:
        self._end(self.tasks[task_id], CANCELLED)
