"""The background task runner: progress, cancel, errors, results on the GUI thread."""

from __future__ import annotations

import threading
import time

from workbench.errors import AnalysisError
from workbench.gui.latency import LatencyProbe
from workbench.gui.tasks import TaskRunner


def _slow(progress, steps: int, delay: float):
    for i in range(steps):
        time.sleep(delay)
        progress.update((i + 1) / steps, f"step {i + 1}")
    return steps


def test_progress_and_result_on_gui_thread(qtbot, qapp):
    runner = TaskRunner()
    seen: list[float] = []
    runner.taskUpdated.connect(lambda t: seen.append(t.fraction))
    done: list[tuple[int, bool]] = []
    task = runner.submit(
        "count",
        _slow,
        10,
        0.01,
        on_done=lambda r: done.append((r, threading.current_thread() is threading.main_thread())),
    )
    qtbot.waitUntil(lambda: task.state == "done", timeout=20000)
    assert done == [(10, True)]
    assert seen and seen == sorted(seen)
    assert task.fraction == 1.0
    assert runner.shutdown(2000)


def test_cancel_finishes_as_cancelled_and_gui_stays_responsive(qtbot, qapp):
    from workbench.gui.task_panel import TaskPanel

    runner = TaskRunner()
    panel = TaskPanel(runner)
    qtbot.addWidget(panel)
    done: list[object] = []
    task = runner.submit("endless", _slow, 100_000, 0.005, on_done=done.append)
    # The GUI thread keeps processing timer events while the task runs.
    probe = LatencyProbe(10)
    probe.start()
    qtbot.waitUntil(lambda: task.fraction > 0, timeout=20000)
    qtbot.wait(200)
    button = panel._buttons[task.id]
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: task.state == "cancelled", timeout=10000)
    probe.stop()
    assert done == []
    assert panel.status_of(task) == "Cancelled"
    assert len(probe.samples) >= 10
    # a blocked GUI thread would be late by the whole run; allow for a busy shared CI machine
    assert probe.worst() < 1.5, f"GUI thread blocked for {probe.worst():.2f} s"
    assert runner.shutdown(2000)


def test_error_is_reported_with_traceback(qtbot, qapp):
    from workbench.gui.task_panel import TaskPanel

    def broken(progress):
        progress.update(0.5)
        raise ValueError("bad input column")

    runner = TaskRunner()
    panel = TaskPanel(runner)
    qtbot.addWidget(panel)
    errors: list[BaseException] = []
    task = runner.submit("broken job", broken, on_error=errors.append)
    qtbot.waitUntil(lambda: task.state == "failed", timeout=20000)
    assert isinstance(errors[0], ValueError)
    assert "ValueError: bad input column" in task.error
    assert "Traceback" in task.details and "broken" in task.details
    entry = panel.log_view.topLevelItem(panel.log_count() - 1)
    assert "broken job failed" in entry.text(1)
    assert "Traceback" in entry.child(0).text(1)
    assert runner.shutdown(2000)


def test_user_facing_error_message_is_plain(qtbot, qapp):
    def refuse(progress):
        raise AnalysisError("No TGA curve in this sample.")

    runner = TaskRunner()
    task = runner.submit("analyse", refuse)
    qtbot.waitUntil(lambda: task.state == "failed", timeout=20000)
    assert task.error == "No TGA curve in this sample."
    assert runner.shutdown(2000)


def test_progress_signals_are_throttled(qtbot, qapp):
    runner = TaskRunner()
    updates: list[float] = []
    runner.taskUpdated.connect(lambda t: updates.append(t.fraction))
    task = runner.submit("chatty", _slow, 5_000, 0.0)
    qtbot.waitUntil(lambda: task.state == "done", timeout=10000)
    assert len(updates) < 500  # 5,000 updates from the worker, far fewer signals
    assert runner.shutdown(2000)


def test_results_after_shutdown_are_dropped(qtbot, qapp):
    runner = TaskRunner()
    done: list[object] = []
    task = runner.submit("finishing", lambda progress: 42, on_done=done.append)
    assert runner.shutdown(2000)
    qtbot.wait(50)  # let the queued completion arrive
    assert done == [] and task.state == "cancelled"
