"""Switching the interface language (View > Language): stored, then a restart prompt.

The choice ("" = follow the system, "en", "fi") is kept in QSettings
(``ui/language``, read by ``i18n.chosen_language`` at start). The main window and the
feature panels build their texts once, with ``tr()``, when they are created; they do
not re-translate themselves in place. So instead of a half-translated window, a change
asks once: restart now (the project is saved or discarded as on closing, then the
application starts again on the same project) or later (the message bar says the
language changes at the next start). The restart command works for the installed
``fibre-workbench``, ``python -m workbench`` and the frozen executable alike.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QProcess
from PySide6.QtWidgets import QMessageBox

from workbench.gui.i18n import LANGUAGES, active_language

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate


def resolve(code: str, system_locale: str | None = None) -> str:
    """The language a stored choice means: "" follows the system locale (fi_FI -> fi)."""
    if code in LANGUAGES:
        return code
    name = system_locale if system_locale is not None else QLocale.system().name()
    lang = name.split("_")[0].lower()
    return lang if lang in LANGUAGES else "en"


def restart_command(project_path: str | None) -> tuple[str, list[str]]:
    """Program and arguments that start the application again (on ``project_path``)."""
    extra = [project_path] if project_path else []
    if getattr(sys, "frozen", False):  # the PyInstaller executable
        return sys.executable, extra
    return sys.executable, ["-m", "workbench", *extra]


def ask_restart(win: MainWindow) -> bool:
    """Ask whether to restart now (a modal question; replaced in tests)."""
    box = QMessageBox(win)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Language", "Language changed"))
    box.setText(
        translate(
            "Language",
            "The new language is used after Fibre Workbench restarts. Restart now?",
        )
    )
    box.setInformativeText(
        translate("Language", "Your project is reopened; you are asked first to save any changes.")
    )
    now = box.addButton(translate("Language", "Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Language", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is now


def restart(win: MainWindow) -> bool:
    """Close the window (asking about unsaved changes) and start the application again."""
    project = win.doc.project
    path = project.path if project is not None and project.path else None
    if not win.close():  # the user cancelled closing: stay
        return False
    program, args = restart_command(str(path) if path else None)
    started = QProcess.startDetached(program, args)
    ok = started[0] if isinstance(started, tuple) else bool(started)
    app = QCoreApplication.instance()
    if app is not None:
        app.quit()
    return ok


def change_language(win: MainWindow, code: str) -> None:
    """Store the choice; if the effective language changes, offer a restart."""
    win.ui_settings.set_language(code)
    if resolve(code) == active_language():
        win.message_bar.show_message(
            translate("Language", "The language setting was saved."), "info"
        )
        return
    win.message_bar.show_message(
        translate("Language", "The language changes the next time Fibre Workbench starts."),
        "info",
    )
    if ask_restart(win):
        restart(win)
