"""run_gui: the real start path opens the demo on first start and exits cleanly."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def _close_when_loaded(found: list) -> QTimer:
    from workbench.gui.main_window import MainWindow

    timer = QTimer()
    timer.setInterval(50)

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.doc.project is not None:
                found.append((widget.windowTitle(), len(widget.doc.project.samples)))
                timer.stop()
                widget.close()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_run_gui_opens_demo_then_a_given_project(qapp, qtbot):
    from workbench.gui.app import demo_path, run_gui

    found: list = []
    timer = _close_when_loaded(found)
    QTimer.singleShot(90000, QApplication.closeAllWindows)  # safety net
    assert run_gui([]) == 0
    assert found and found[0][0].startswith("demo —") and found[0][1] >= 6
    assert demo_path().is_file()

    found.clear()
    timer = _close_when_loaded(found)
    assert run_gui([str(demo_path())]) == 0
    assert found and found[0][0].startswith("demo —")
    timer.stop()
