"""Menu wiring for importing and exporting, plus the small watch-folder dialog.

``install(win)`` creates the window's ``ImportController`` and adds, next to
File > Import files…: Import with template…, Define import template…, Watch folder…,
Stop watching and Export…; and "Export curve…" to the project tree's context menu.
Keeping this here leaves ``main_window.py`` and ``actions.py`` untouched apart from
one call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.export_dialog import export_selected_curve, export_values
from workbench.gui.import_command import FROM_FILE, NEW
from workbench.gui.import_controller import (
    LAST_DIR_KEY,
    WATCH_KEY,
    WATCH_POLICY_KEY,
    ImportController,
)

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate


@dataclass
class ImportActions:
    import_template: QAction
    define_template: QAction
    watch: QAction
    stop_watch: QAction
    export: QAction
    export_curve: QAction


class WatchDialog(QDialog):
    """Choose the folder to watch and where files that name no sample go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watch a folder"))
        settings = QSettings()
        self.folder_edit = QLineEdit(str(settings.value(WATCH_KEY, "")))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.radio_file = QRadioButton(
            self.tr("Into the sample the file names (a new sample named after the file if none)")
        )
        self.radio_new = QRadioButton(self.tr("Always into a new sample named after the file"))
        group = QButtonGroup(self)
        group.addButton(self.radio_file)
        group.addButton(self.radio_new)
        policy = str(settings.value(WATCH_POLICY_KEY, FROM_FILE))
        (self.radio_new if policy == NEW else self.radio_file).setChecked(True)
        text = QLabel(
            self.tr(
                "Files that appear in this folder are imported into the open project once "
                "they stop growing. Files already there are left alone."
            )
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start watching"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(self.radio_file)
        layout.addWidget(self.radio_new)
        layout.addWidget(buttons)
        self.resize(560, 200)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder to watch"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def policy(self) -> str:
        return NEW if self.radio_new.isChecked() else FROM_FILE


def _act(win: MainWindow, text: str, slot, tip: str = "") -> QAction:
    action = QAction(text, win)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def install(win: MainWindow) -> ImportController:
    """Create the controller and add the import/export actions to the window."""
    controller = ImportController(win)
    win.import_controller = controller  # type: ignore[attr-defined]

    def import_with_template() -> None:
        from workbench.importers.templates import list_templates

        names = [n for n, p in list_templates().items() if isinstance(p, Path)]
        if not names:
            controller.define_template()
            return
        name, ok = QInputDialog.getItem(
            win,
            translate("ImportActions", "Import with template"),
            translate("ImportActions", "Template:"),
            names,
            0,
            False,
        )
        if not ok:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            win,
            translate("ImportActions", "Import files"),
            str(QSettings().value(LAST_DIR_KEY, "")),
        )
        if paths:
            controller.import_files(paths, template=name)

    def watch() -> None:
        dialog = WatchDialog(win)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            folder = dialog.folder_edit.text().strip()
            if folder and Path(folder).is_dir():
                controller.start_watch(folder, dialog.policy())
            elif folder:
                win.message_bar.show_message(
                    translate("ImportActions", "%1 is not a folder.").replace("%1", folder),
                    "warning",
                )

    acts = ImportActions(
        import_template=_act(
            win,
            translate("ImportActions", "Import with &template…"),
            import_with_template,
            translate("ImportActions", "Read tables with a saved column-mapping template"),
        ),
        define_template=_act(
            win,
            translate("ImportActions", "&Define import template…"),
            lambda: controller.define_template(),
            translate("ImportActions", "Teach the workbench a table layout (columns and units)"),
        ),
        watch=_act(
            win,
            translate("ImportActions", "&Watch folder…"),
            watch,
            translate("ImportActions", "Import new files from an instrument's export folder"),
        ),
        stop_watch=_act(
            win,
            translate("ImportActions", "Stop &watching"),
            controller.stop_watch,
            translate("ImportActions", "Stop importing new files from the watched folder"),
        ),
        export=_act(
            win,
            translate("ImportActions", "&Export…"),
            lambda: export_values(win),
            translate("ImportActions", "Values of measurements and results to CSV or Excel"),
        ),
        export_curve=_act(
            win,
            translate("ImportActions", "Export curve…"),
            lambda: export_selected_curve(win),
            translate("ImportActions", "The selected curve or spectrum to CSV or JCAMP-DX"),
        ),
    )
    acts.stop_watch.setEnabled(False)
    controller.watchStateChanged.connect(acts.stop_watch.setEnabled)
    win.import_actions = acts  # type: ignore[attr-defined]

    file_menu = win.actions_.import_files.associatedObjects()
    menu = next((w for w in file_menu if hasattr(w, "insertActions")), None)
    if menu is not None:
        after = menu.actions()
        pos = after.index(win.actions_.import_files) + 1
        before = after[pos] if pos < len(after) else None
        new = [acts.import_template, acts.define_template, acts.watch, acts.stop_watch]
        new += [acts.export]
        menu.insertActions(before, new)
    win.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    win.tree.addAction(acts.export_curve)

    def enable() -> None:
        project = win.doc.project
        for action in (acts.import_template, acts.watch, acts.export):
            action.setEnabled(project is not None)
        if project is None:
            controller.stop_watch()

    win.doc.projectReplaced.connect(enable)
    enable()
    return controller
