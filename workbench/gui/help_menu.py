"""Adds the help and first-run features to the main window.

- Help > User guide (F1 / the platform's help key) and Help > Welcome;
- View > Simple mode (remembered) and File > Save report…;
- View > Language goes through ``language.change_language`` (stored, restart prompt).

``install(win)`` is called once at the end of ``MainWindow.__init__``; the menus are
found by their (translated) titles, so the shell's ``actions.py`` stays unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from workbench.gui.simple_mode import SimpleModeController, save_report

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate


@dataclass
class HelpActions:
    user_guide: QAction
    welcome: QAction
    save_report: QAction
    simple_mode: QAction


def find_menu(win: MainWindow, title: str) -> QMenu | None:
    """The menu-bar menu whose title is ``translate("Actions", title)``."""
    text = translate("Actions", title)
    for action in win.menuBar().actions():
        if action.menu() is not None and action.text() == text:
            return action.menu()
    return None


def _open_guide(win: MainWindow) -> None:
    from workbench.gui.user_guide import show_user_guide

    show_user_guide(win)


def _open_welcome(win: MainWindow) -> None:
    from workbench.gui.welcome import show_welcome

    show_welcome(win)


class _CloseCompanions(QObject):
    """Closes the welcome page and the guide when the main window is closed."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.win and event.type() == QEvent.Type.Hide and not event.spontaneous():
            for name in ("_welcome", "_user_guide"):
                dialog = getattr(self.win, name, None)
                if dialog is not None:
                    dialog.close()
        return False


def install(win: MainWindow) -> HelpActions:
    guide = QAction(translate("HelpMenu", "&User guide"), win)
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents), QKeySequence("F1")]
    unique = list({k.toString(): k for k in keys}.values())  # one entry per key: no ambiguity
    guide.setShortcuts(unique)
    tip = translate("HelpMenu", "How to do each task, step by step (works offline)")
    guide.setToolTip(tip)
    guide.setStatusTip(tip)
    guide.triggered.connect(lambda: _open_guide(win))
    welcome = QAction(translate("HelpMenu", "&Welcome"), win)
    tip = translate("HelpMenu", "The welcome page: what the application does and how to start")
    welcome.setToolTip(tip)
    welcome.setStatusTip(tip)
    welcome.triggered.connect(lambda: _open_welcome(win))
    report = QAction(translate("HelpMenu", "Save &report…"), win)
    report.setShortcut(QKeySequence("Ctrl+R"))
    tip = translate("HelpMenu", "Save the suitability report of the project as HTML or PDF")
    report.setToolTip(tip)
    report.setStatusTip(tip)
    report.triggered.connect(lambda: save_report(win))

    win.simple_mode = SimpleModeController(win)  # type: ignore[attr-defined]
    acts = HelpActions(guide, welcome, report, win.simple_mode.action)

    help_menu = find_menu(win, "&Help")
    if help_menu is not None:
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertActions(first, [guide, welcome])
        if first is not None:
            help_menu.insertSeparator(first)
    file_menu = find_menu(win, "&File")
    if file_menu is not None:
        # after Import…: the File menu ends with [separator, Close, Quit]
        items = file_menu.actions()
        anchor = win.actions_.close if win.actions_.close in items else None
        index = items.index(anchor) if anchor is not None else len(items)
        before = items[index - 1] if index > 0 and items[index - 1].isSeparator() else anchor
        file_menu.insertAction(before, report)
    view_menu = find_menu(win, "&View")
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(win.simple_mode.action)

    def update() -> None:
        report.setEnabled(win.doc.project is not None and not win.doc.busy)

    win.doc.projectReplaced.connect(update)
    win.doc.busyChanged.connect(lambda _b: update())
    update()
    win._close_companions = _CloseCompanions(win)  # type: ignore[attr-defined]
    win.installEventFilter(win._close_companions)
    win.simple_mode.restore()
    return acts
