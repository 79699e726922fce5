"""run_gui: the real start path opens the demo on first start and exits cleanly."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _application_as_before(qapp):
    """run_gui names the application (so QSettings() meant another file), installs the
    chosen language and logs to the user folder: undone for the tests that follow."""
    from workbench.gui import i18n

    names = (
        QCoreApplication.organizationName(),
        QCoreApplication.applicationName(),
        qapp.applicationDisplayName(),
    )
    logger = logging.getLogger("workbench")
    handlers = list(logger.handlers)
    yield
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])
    qapp.setApplicationDisplayName(names[2])
    for handler in [h for h in logger.handlers if h not in handlers]:
        logger.removeHandler(handler)
        handler.close()
    for translator in getattr(qapp, "_fw_translators", []):
        qapp.removeTranslator(translator)
    qapp._fw_translators = i18n.install_translators(qapp, "en")


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

    # A safety net that closes the windows should run_gui hang, stopped when the test
    # ends: left running, it closed the windows of whatever test ran 90 s later.
    safety_net = QTimer()
    safety_net.setSingleShot(True)
    safety_net.timeout.connect(QApplication.closeAllWindows)
    safety_net.start(90000)
    found: list = []
    timer = _close_when_loaded(found)
    try:
        assert run_gui([]) == 0
        assert found and found[0][0].startswith("demo —") and found[0][1] >= 6
        assert demo_path().is_file()

        found.clear()
        timer = _close_when_loaded(found)
        assert run_gui([str(demo_path())]) == 0
        assert found and found[0][0].startswith("demo —")
    finally:
        timer.stop()
        safety_net.stop()
