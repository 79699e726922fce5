"""Start-up probe: report when the main window is shown and the event loop is idle.

Used by the smoke check to time the frozen application and the bare baseline window
the same way. When the environment variable ``FIBRE_WORKBENCH_STARTUP_PROBE`` is set,
``install()`` wraps ``QApplication.exec`` so that, once the event loop runs, a
zero-delay timer (it fires only after the events already queued, such as the first
paint and the window's own zero-delay start-up work, have been processed) waits for a
visible, exposed ``QMainWindow``, then prints ``STARTUP-PROBE ready`` on stdout and
quits. The smoke check times the process from its launch to that line. Without the variable nothing is imported and nothing changes.

This module lives in ``packaging/`` (not ``workbench/gui/``) because it is test
machinery for the frozen bundle; it is a PyInstaller runtime hook of both builds.
"""

from __future__ import annotations

import os

ENV = "FIBRE_WORKBENCH_STARTUP_PROBE"
MARK = "STARTUP-PROBE"


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
            state = "ready" if windows else "no-main-window"
            print(f"{MARK} {state}", flush=True)
            app.quit()
            return
        QTimer.singleShot(10, lambda: check(app, attempt + 1))

    def exec_with_probe(*_args: object) -> int:  # app.exec() and QApplication.exec() alike
        app = QApplication.instance()
        QTimer.singleShot(0, lambda: check(app))
        return original()  # QCoreApplication::exec is static

    QApplication.exec = exec_with_probe  # type: ignore[method-assign]


install()
