"""Menu actions of the main window, with platform-standard shortcuts and tooltips.

The actions only call ``MainWindow`` methods; building them here keeps the window
module small and gives one place to see every command and its shortcut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

SK = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass
class Actions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    close: QAction
    import_files: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    add_sample: QAction
    rename_sample: QAction
    delete_sample: QAction
    about: QAction
    diagnostics: QAction
    recent_menu: QMenu
    language_group: QActionGroup


def _action(win: MainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, win)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def build_actions(win: MainWindow) -> Actions:
    """Create every action and the menu bar of ``win``."""
    undo = win.undo_stack.createUndoAction(win, _tr("&Undo"))
    undo.setShortcut(QKeySequence(SK.Undo))
    redo = win.undo_stack.createRedoAction(win, _tr("&Redo"))
    redo.setShortcut(QKeySequence(SK.Redo))
    acts = Actions(
        new=_action(
            win, _tr("&New project"), win.new_project, SK.New, _tr("Start an empty project")
        ),
        open=_action(
            win, _tr("&Open…"), win.open_dialog, SK.Open, _tr("Open a project file (.fwproj)")
        ),
        save=_action(win, _tr("&Save"), win.save, SK.Save, _tr("Save the project to its file")),
        save_as=_action(
            win, _tr("Save &As…"), win.save_as, SK.SaveAs, _tr("Save the project to a new file")
        ),
        close=_action(win, _tr("&Close project"), win.close_project, SK.Close),
        import_files=_action(
            win,
            _tr("&Import files…"),
            win.import_dialog,
            "Ctrl+I",
            _tr(
                "Import instrument exports into the project (you can also drop files on the window)"
            ),
        ),
        quit=_action(win, _tr("&Quit"), win.close, SK.Quit),
        undo=undo,
        redo=redo,
        add_sample=_action(
            win, _tr("&Add sample"), win.add_sample, "Ctrl+Shift+N", _tr("Add an empty sample")
        ),
        rename_sample=_action(
            win,
            _tr("Re&name sample"),
            win.rename_sample,
            "F2",
            _tr("Edit the selected sample's name"),
        ),
        delete_sample=_action(
            win,
            _tr("&Delete sample"),
            win.delete_selected_samples,
            SK.Delete,
            _tr("Delete the selected samples with their data (can be undone)"),
        ),
        about=_action(win, _tr("&About Fibre Workbench"), win.show_about),
        diagnostics=_action(
            win,
            _tr("&Diagnostics…"),
            win.show_diagnostics,
            tip=_tr("Versions and file locations, for support requests"),
        ),
        recent_menu=QMenu(_tr("Open &Recent"), win),
        language_group=QActionGroup(win),
    )
    acts.quit.setMenuRole(QAction.MenuRole.QuitRole)
    acts.about.setMenuRole(QAction.MenuRole.AboutRole)
    acts.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    _build_menus(win, acts)
    return acts


def _build_menus(win: MainWindow, a: Actions) -> None:
    bar = win.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    file_menu.addActions([a.new, a.open])
    file_menu.addMenu(a.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as])
    file_menu.addSeparator()
    file_menu.addAction(a.import_files)
    file_menu.addSeparator()
    file_menu.addActions([a.close, a.quit])

    edit_menu = bar.addMenu(_tr("&Edit"))
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.add_sample, a.rename_sample, a.delete_sample])

    view_menu = bar.addMenu(_tr("&View"))
    for dock in win.docks():
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(_tr("&Language"))
    current = win.ui_settings.language()
    for code, label in (("", _tr("System default")), ("en", "English"), ("fi", "Suomi")):
        action = QAction(label, win, checkable=True)
        action.setData(code)
        action.setChecked(code == current)
        a.language_group.addAction(action)
        language_menu.addAction(action)
    a.language_group.triggered.connect(lambda act: win.set_language(str(act.data() or "")))

    help_menu = bar.addMenu(_tr("&Help"))
    help_menu.addActions([a.diagnostics, a.about])
