"""Start-up probe: report when the main window is shown and the event loop is idle.

Used by the smoke check to time the frozen application and the bare baseline window
the same way. When the environment variable ``FIBRE_WORKBENCH_STARTUP_PROBE`` is set,
``install()`` wraps ``QApplication.exec`` so that, once the event loop runs, a
zero-delay timer (it fires only after the events already queued, such as the first
paint and the window's own zero-delay start-up work, have been processed) waits for a
visible, exposed ``QMainWindow``, then prints ``STARTUP-PROBE ready`` on stdout and
quits. The smoke check times the process from its launch to that line. Without the variable nothing is imported and nothing changes.

With ``FIBRE_WORKBENCH_STARTUP_GRAB=<file.png>`` as well (an untimed run), it selects
the first sample of the open project when the window has one (Fibre Workbench's
``select_sample``, which plots the sample's curves), waits a second, saves a picture
of the main window to that file and prints
``STARTUP-PROBE grab <file> curves=<n>`` first, ``n`` being the number of pyqtgraph
curves with data in the window: the smoke check uses it to see that the frozen
application really draws its plots.

This module lives in ``packaging/`` (not ``workbench/gui/``) because it is test
machinery for the frozen bundle; it is a PyInstaller runtime hook of both builds.
"""

from __future__ import annotations

import os

ENV = "FIBRE_WORKBENCH_STARTUP_PROBE"
GRAB_ENV = "FIBRE_WORKBENCH_STARTUP_GRAB"
MARK = "STARTUP-PROBE"


def plotted_curves(widgets: list) -> int:
    """pyqtgraph curves holding data in the scenes of ``widgets`` (by class name: no import)."""
    count = 0
    for widget in widgets:
        scene = widget.scene() if hasattr(widget, "scene") and callable(widget.scene) else None
        if scene is None or not hasattr(scene, "items"):
            continue
        for item in scene.items():
            data = getattr(item, "xData", None)
            if type(item).__name__ == "PlotCurveItem" and data is not None and len(data):
                count += 1
    return count


def install() -> None:
    """Wrap ``QApplication.exec`` when the probe variable is set (no-op otherwise)."""
    if not os.environ.get(ENV):
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    original = QApplication.exec

    def check(app: QApplication, attempt: int = 0) -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow)
            and w.isVisible()
            and w.windowHandle() is not None
            and w.windowHandle().isExposed()
        ]
        if windows or attempt > 600:
            grab = os.environ.get(GRAB_ENV)
            if windows and grab:
                select_then_grab(app, windows[0], grab)
                return
            state = "ready" if windows else "no-main-window"
            print(f"{MARK} {state}", flush=True)
            app.quit()
            return
        QTimer.singleShot(10, lambda: check(app, attempt + 1))

    def select_then_grab(app: QApplication, window: QMainWindow, path: str, wait: int = 0) -> None:
        """Wait (up to 10 s) for the project the window opens in the background, select
        its first sample, then grab a second later."""
        project = getattr(getattr(window, "doc", None), "project", None)
        samples = getattr(project, "samples", None)
        if samples and hasattr(window, "select_sample"):
            window.select_sample(next(iter(samples.values())).id)
        elif hasattr(window, "select_sample") and wait < 100:
            QTimer.singleShot(100, lambda: select_then_grab(app, window, path, wait + 1))
            return
        QTimer.singleShot(1000, lambda: finish(app, window, path))

    def finish(app: QApplication, window: QMainWindow, path: str) -> None:
        window.grab().save(path)
        curves = plotted_curves(QApplication.allWidgets())
        print(f"{MARK} grab {path} curves={curves}", flush=True)
        print(f"{MARK} ready", flush=True)
        app.quit()

    def exec_with_probe(*_args: object) -> int:  # app.exec() and QApplication.exec() alike
        app = QApplication.instance()
        QTimer.singleShot(0, lambda: check(app))
        return original()  # QCoreApplication::exec is static

    QApplication.exec = exec_with_probe  # type: ignore[method-assign]


install()
