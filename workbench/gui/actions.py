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


translate = QCoreApplication.translate


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
    edit_metadata: QAction
    properties: QAction
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
    undo = win.undo_stack.createUndoAction(win, translate("Actions", "&Undo"))
    undo.setShortcut(QKeySequence(SK.Undo))
    redo = win.undo_stack.createRedoAction(win, translate("Actions", "&Redo"))
    redo.setShortcut(QKeySequence(SK.Redo))
    undo.setStatusTip(translate("Actions", "Undo the last change (imports and analyses too)"))
    redo.setStatusTip(translate("Actions", "Do again what was undone"))
    acts = Actions(
        new=_action(
            win,
            translate("Actions", "&New project"),
            win.new_project,
            SK.New,
            translate("Actions", "Start an empty project"),
        ),
        open=_action(
            win,
            translate("Actions", "&Open…"),
            win.open_dialog,
            SK.Open,
            translate("Actions", "Open a project file (.fwproj)"),
        ),
        save=_action(
            win,
            translate("Actions", "&Save"),
            win.save,
            SK.Save,
            translate("Actions", "Save the project to its file"),
        ),
        save_as=_action(
            win,
            translate("Actions", "Save &As…"),
            win.save_as,
            SK.SaveAs,
            translate("Actions", "Save the project to a new file"),
        ),
        close=_action(
            win,
            translate("Actions", "&Close project"),
            win.close_project,
            SK.Close,
            translate("Actions", "Close the project (you are asked to save changes)"),
        ),
        import_files=_action(
            win,
            translate("Actions", "&Import files…"),
            win.import_dialog,
            "Ctrl+I",
            translate(
                "Actions",
                "Import instrument exports into the project (you can also drop files on the window)",
            ),
        ),
        quit=_action(
            win,
            translate("Actions", "&Quit"),
            win.close,
            SK.Quit,
            translate("Actions", "Close Fibre Workbench (you are asked to save changes)"),
        ),
        undo=undo,
        redo=redo,
        add_sample=_action(
            win,
            translate("Actions", "&Add sample"),
            win.add_sample,
            "Ctrl+Shift+N",
            translate("Actions", "Add an empty sample"),
        ),
        rename_sample=_action(
            win,
            translate("Actions", "Re&name sample"),
            win.rename_sample,
            "F2",
            translate("Actions", "Edit the selected sample's name"),
        ),
        delete_sample=_action(
            win,
            translate("Actions", "&Delete sample"),
            win.delete_selected_samples,
            SK.Delete,
            translate("Actions", "Delete the selected samples with their data (can be undone)"),
        ),
        edit_metadata=_action(
            win,
            translate("Actions", "Sample &metadata…"),
            win.edit_metadata,
            tip=translate("Actions", "Edit the free key-value notes of the selected sample"),
        ),
        properties=_action(
            win,
            translate("Actions", "&Properties…"),
            win.edit_properties,
            tip=translate(
                "Actions",
                "The property ids values are named by; add properties of the project's own",
            ),
        ),
        about=_action(
            win,
            translate("Actions", "&About Fibre Workbench"),
            win.show_about,
            tip=translate("Actions", "Version and purpose of the application"),
        ),
        diagnostics=_action(
            win,
            translate("Actions", "&Diagnostics…"),
            win.show_diagnostics,
            tip=translate("Actions", "Versions and file locations, for support requests"),
        ),
        recent_menu=QMenu(translate("Actions", "Open &Recent"), win),
        language_group=QActionGroup(win),
    )
    acts.quit.setMenuRole(QAction.MenuRole.QuitRole)
    acts.about.setMenuRole(QAction.MenuRole.AboutRole)
    acts.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    _build_menus(win, acts)
    return acts


def _build_menus(win: MainWindow, a: Actions) -> None:
    bar = win.menuBar()
    file_menu = bar.addMenu(translate("Actions", "&File"))
    file_menu.addActions([a.new, a.open])
    file_menu.addMenu(a.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as])
    file_menu.addSeparator()
    file_menu.addAction(a.import_files)
    file_menu.addSeparator()
    file_menu.addActions([a.close, a.quit])

    edit_menu = bar.addMenu(translate("Actions", "&Edit"))
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.add_sample, a.rename_sample, a.delete_sample, a.edit_metadata])
    edit_menu.addSeparator()
    edit_menu.addAction(a.properties)

    view_menu = bar.addMenu(translate("Actions", "&View"))
    for dock in win.docks():
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(translate("Actions", "&Language"))
    language_menu.setToolTipsVisible(True)
    current = win.ui_settings.language()
    for code, label in (
        ("", translate("Actions", "System default")),
        ("en", "English"),
        ("fi", "Suomi"),
    ):
        action = QAction(label, win, checkable=True)
        action.setData(code)
        action.setStatusTip(translate("Actions", "Language of the menus, guide and reports"))
        action.setChecked(code == current)
        a.language_group.addAction(action)
        language_menu.addAction(action)
    a.language_group.triggered.connect(lambda act: win.set_language(str(act.data() or "")))

    help_menu = bar.addMenu(translate("Actions", "&Help"))
    help_menu.addActions([a.diagnostics, a.about])
