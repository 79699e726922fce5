"""Start the window: QApplication, translations, main window, first-start demo, recovery.

``run_gui`` is what ``fibre-workbench`` runs without a command (``workbench.cli.main``).
The first start with no project writes the demonstration project into the user folder
(``user_subdir("demo")``) and opens it; later starts open the given project, or offer
recovery files left by a crash, or start empty.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from workbench import APP_NAME, __version__
from workbench.gui import gc_guard
from workbench.gui.i18n import chosen_language, install_translators
from workbench.gui.main_window import MainWindow
from workbench.gui.settings import APPLICATION, ORGANISATION, UiSettings
from workbench.logsetup import setup_logging
from workbench.paths import user_subdir

DEMO_FILE = "demo.fwproj"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names set and translators installed (reused if it exists)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "fibre-workbench", *(argv or [])])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app._fw_translators = install_translators(app, chosen_language())  # type: ignore[attr-defined]
    if getattr(app, "_fw_gc", None) is None:
        app._fw_gc = gc_guard.install()  # type: ignore[attr-defined]
    return app


def demo_path() -> Path:
    """Where the first start writes the demonstration project."""
    return user_subdir("demo") / DEMO_FILE


def open_demo(window: MainWindow) -> None:
    """Write the demonstration project (once) and open it in ``window``."""
    from workbench.demo import write_demo
    from workbench.gui.i18n import active_language

    path = demo_path()
    if not path.exists():
        write_demo(path, lang=active_language())  # a Finnish first start: a Finnish demo
    window.open_path(str(path))


def start_window(window: MainWindow, project_path: str | None) -> None:
    """What the window shows first: the given project, a recovery, the demo (first start),
    the project that was open when the window last closed, or nothing."""
    settings = window.ui_settings
    last = settings.last_project()
    if project_path:
        window.open_path(project_path)
    elif window.offer_recovery():
        pass
    elif settings.first_start_done() and last and Path(last).is_file():
        window.open_path(last)
    elif not settings.first_start_done():
        try:
            open_demo(window)
        except Exception as exc:  # the demo is a convenience: never block the start
            window.message_bar.show_message(
                QCoreApplication.translate(
                    "App", "The demonstration project could not be created: %1"
                ).replace("%1", str(exc)),
                "error",
            )
    settings.set_first_start_done()
    from workbench.gui.welcome import show_welcome_at_start

    show_welcome_at_start(window)


def run_gui(argv: list[str] | None = None, project_path: str | None = None) -> int:
    """Run the main window until it closes; returns the exit code.

    ``argv`` may name one project file (``fibre-workbench my.fwproj``); Qt options such
    as ``-platform offscreen`` are passed on to Qt.
    """
    argv = list(argv or [])
    if project_path is None:
        plain = [a for a in argv if not a.startswith("-") and a.lower().endswith(".fwproj")]
        if plain:
            project_path = plain[0]
            argv.remove(plain[0])
    setup_logging()
    app = create_application(argv)
    window = MainWindow(UiSettings())
    window.show()
    QTimer.singleShot(0, lambda: start_window(window, project_path))
    return int(app.exec())
