"""What one GUI test may not leave behind for the next: timers and task-runner workers.

All GUI tests of a run share one QApplication, so anything a test starts and does not
stop runs on in a later test. A 90-second "safety net" ``QTimer.singleShot(90000,
QApplication.closeAllWindows)`` in one test closed whatever windows a test a minute
and a half later had open (its tasks ended 'cancelled', its wizard lost its page, its
matrix never came) on a loaded machine only, where that later test happened to be a
different one each time. ``LeakWatch`` records, while a test runs:

- every ``QTimer.singleShot`` with a Python callable (the call goes on when the test
  ends unless the receiver it belongs to has been deleted),
- every ``QTimer`` started from Python,
- every ``TaskRunner`` made (a window's worker threads),

and ``problems()`` after the test's windows have closed tells what is still pending:
a single-shot that has not fired within ``GRACE_S`` (short ones are let fire, so they
run in the test that scheduled them), a timer still running that has no parent or whose
window is closed, a runner whose workers are still busy (they are waited for, up to
``WORKERS_WAIT_MS``, so the next test starts with a quiet process).
"""

from __future__ import annotations

import sys
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

GRACE_S = 2.0  # single-shots due within this long after the test are let fire
WORKERS_WAIT_MS = 60_000  # a closed window's cancelled workers get this long to end


def _caller() -> str:
    """``file:line`` of the code that called into the watch (outside this module)."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "?"


def _name(target: Any) -> str:
    return getattr(target, "__qualname__", None) or repr(target)


@dataclass
class _SingleShot:
    msec: int
    target: str
    where: str
    due: float
    context: QObject | None
    fired: bool = False

    def pending(self) -> bool:
        return not self.fired and (self.context is None or shiboken6.isValid(self.context))


@dataclass
class LeakWatch:
    shots: list[_SingleShot] = field(default_factory=list)
    timers: list[tuple[weakref.ref, str]] = field(default_factory=list)
    runners: list[weakref.ref] = field(default_factory=list)

    def install(self, monkeypatch: Any) -> None:
        from workbench.gui.tasks import TaskRunner

        single_shot, start, runner_init = QTimer.singleShot, QTimer.start, TaskRunner.__init__

        def watched_single_shot(msec: int, *rest: Any) -> None:
            *head, target = rest
            if not callable(target) or isinstance(target, (str, bytes)):
                return single_shot(msec, *rest)  # receiver + slot name: Qt drops it with them
            context = next((h for h in head if isinstance(h, QObject)), None)
            owner = getattr(target, "__self__", None)
            if context is None and isinstance(owner, QObject):
                context = owner  # PySide ties a bound method's call to its object too
                head = [*head, owner]
            shot = _SingleShot(
                msec, _name(target), _caller(), time.monotonic() + msec / 1000, context
            )
            self.shots.append(shot)

            def fire(*args: Any) -> Any:
                shot.fired = True
                return target(*args)

            return single_shot(msec, *head, fire)

        def watched_start(timer: QTimer, *args: Any) -> None:
            self.timers.append((weakref.ref(timer), _caller()))
            return start(timer, *args)

        def watched_runner_init(runner: TaskRunner, *args: Any, **kwargs: Any) -> None:
            runner_init(runner, *args, **kwargs)
            self.runners.append(weakref.ref(runner))

        monkeypatch.setattr(QTimer, "singleShot", staticmethod(watched_single_shot))
        monkeypatch.setattr(QTimer, "start", watched_start)
        monkeypatch.setattr(TaskRunner, "__init__", watched_runner_init)

    def problems(self) -> list[str]:
        """What is still pending once the test's windows have closed (empty: nothing)."""
        found = self._late_single_shots()
        _delete_later_now()
        found += self._running_timers()
        found += self._busy_runners()
        return found

    def _late_single_shots(self) -> list[str]:
        soon = time.monotonic() + GRACE_S
        while any(s.pending() and s.due <= soon for s in self.shots) and time.monotonic() < soon:
            QApplication.processEvents()
            time.sleep(0.01)
        return [
            f"QTimer.singleShot({s.msec}, {s.target}) from {s.where} has not fired"
            for s in self.shots
            if s.pending()
        ]

    def _running_timers(self) -> list[str]:
        found = []
        for ref, where in self.timers:
            timer = ref()
            if timer is None or not shiboken6.isValid(timer) or not timer.isActive():
                continue
            window = _window_of(timer)
            if window is None:
                found.append(f"a QTimer without a parent started at {where} is still running")
            elif not window.isVisible():
                found.append(
                    f"a QTimer of the closed {type(window).__name__} started at {where} "
                    "is still running"
                )
        return found

    def _busy_runners(self) -> list[str]:
        found = []
        for ref in self.runners:
            runner = ref()
            if runner is None or not shiboken6.isValid(runner):
                continue
            if runner.pool.activeThreadCount() == 0:
                continue
            titles = [t.title for t in runner.running()]
            runner.cancel_all()
            ended = runner.pool.waitForDone(WORKERS_WAIT_MS)
            if not runner.closed or not ended:
                found.append(
                    f"task runner workers still running after the test: {titles}"
                    + ("" if ended else f" (not ended {WORKERS_WAIT_MS} ms after cancel)")
                )
        return found


def _window_of(obj: QObject) -> QWidget | None:
    """The top-level widget ``obj`` belongs to (None: no parent at all)."""
    widget = None
    while obj is not None:
        if isinstance(obj, QWidget):
            widget = obj
        obj = obj.parent()
    if widget is not None:
        return widget.window()
    return None


def _delete_later_now() -> None:
    """Carry out pending ``deleteLater`` calls (pytest-qt deletes the test's widgets so)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def describe(problems: list[str]) -> str:
    return "the test left work running that a later test would meet:\n" + "\n".join(problems)
