"""The main window: lays out the panels and connects them to the open project.

Panels: project tree (left), the main views in the centre as tabs (the samples page:
plot view over the sample table; the suitability matrix, added by ``analysis_actions``),
details (right), tasks and log (bottom: a few lines high, grown when something fails,
whose reason also shows whole in the message bar). File operations live in
``project_files.py`` (a mixin), menus in ``actions.py``, undoable edits in
``commands.py``; this module wires them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import APP_NAME
from workbench.gui.actions import build_actions
from workbench.gui.commands import AddSampleCommand, DeleteSampleCommand
from workbench.gui.details_panel import DetailsPanel
from workbench.gui.dialogs import DiagnosticsDialog, show_about
from workbench.gui.document import ProjectDocument
from workbench.gui.i18n import fill
from workbench.gui.import_actions import install as install_import_actions
from workbench.gui.message_bar import MessageBar
from workbench.gui.plot_view import PlotView
from workbench.gui.project_files import ProjectFilesMixin
from workbench.gui.project_texts import project_message
from workbench.gui.project_tree import ProjectTreeModel, ProjectTreeView
from workbench.gui.sample_table import COLUMNS, SampleTableModel, SampleTableView
from workbench.gui.settings import UiSettings
from workbench.gui.task_panel import TaskPanel
from workbench.gui.tasks import FAILED, Task, TaskRunner

Ref = tuple[str, str, str | None]
LOG_LINES_SMALL = 3  # the log dock's height at start, in lines
LOG_SHARE_GROWN = 0.3  # its share of the window's height once something failed


class MainWindow(ProjectFilesMixin, QMainWindow):
    """The workbench window over one ``ProjectDocument``."""

    def __init__(self, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.ui_settings = settings or UiSettings()
        self.doc = ProjectDocument(self)
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(self)
        self.setAcceptDrops(True)
        self.closing = False
        self.log_grown = False  # a failure grew the log dock: it keeps that size
        self.resize(1400, 900)
        self._build_panels()
        self.actions_ = build_actions(self)
        self.import_controller = install_import_actions(self)
        sample_actions = [
            self.actions_.add_sample,
            self.actions_.rename_sample,
            self.actions_.delete_sample,
            self.actions_.edit_metadata,
        ]
        for view in (self.tree, self.table):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions(sample_actions)
        self.init_project_files()
        self.doc.projectReplaced.connect(self._on_project_replaced)
        self.doc.dirtyChanged.connect(lambda _d: self.update_title())
        self.doc.busyChanged.connect(self._on_busy)
        # many samples change at once (a project-wide run adds a result to each):
        # the selection is shown again once, after them
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_selection)
        self.doc.sampleChanged.connect(lambda *_: self._refresh_timer.start())
        self.doc.sampleContentsChanged.connect(lambda *_: self._refresh_timer.start())
        self.undo_stack.indexChanged.connect(lambda _i: self.update_title())
        self._on_project_replaced()
        from workbench.gui.analysis_actions import install as install_analyses

        install_analyses(self)
        geometry, state = self.ui_settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        # the docks' first sizes are set once the window has its size (showEvent),
        # unless the user's own arrangement is restored
        self._sized_docks = state is not None and self.restoreState(state)
        from workbench.gui.help_menu import install as install_help

        self.help_actions = install_help(self)

    # -- layout -------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.tree_model = ProjectTreeModel(self.doc, self)
        self.tree = ProjectTreeView()
        self.tree.setModel(self.tree_model)
        self.table_model = SampleTableModel(self.doc, self.undo_stack, self)
        self.table = SampleTableView(self.table_model)
        self.plot = PlotView()
        self.details = DetailsPanel()
        self.task_panel = TaskPanel(self.runner)
        self.message_bar = MessageBar()

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter samples…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(self.tr("Show only samples whose fields contain this text"))
        self.filter_edit.textChanged.connect(self.table.proxy.set_text)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(2)
        table_layout.addWidget(self.filter_edit)
        table_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plot)
        splitter.addWidget(table_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 240])
        self.samples_splitter = splitter
        # the main views, one tab each: samples (plots over the table) and the
        # suitability matrix (analysis_actions adds it); simple mode swaps the samples
        # page's splitter for its own panel (simple_mode.py)
        self.samples_page = QWidget()
        page = QVBoxLayout(self.samples_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(splitter)
        self.main_tabs = QTabWidget()
        self.main_tabs.setDocumentMode(True)
        self.main_tabs.addTab(self.samples_page, self.tr("Samples and plots"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.main_tabs, 1)
        self.setCentralWidget(central)

        self.tree_dock = self._dock(
            self.tr("Project"), "project", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.details_dock = self._dock(
            self.tr("Details"), "details", self.details, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.task_dock = self._dock(
            self.tr("Tasks and log"),
            "tasks",
            self.task_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.resizeDocks([self.tree_dock, self.details_dock], [300, 320], Qt.Orientation.Horizontal)
        self.shrink_log()
        self.runner.taskEnded.connect(self._on_task_ended)

        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self._selection: list[Ref] = []
        self._syncing = False
        self._pending_plot: list | None = None
        self._plot_timer = QTimer(self)
        self._plot_timer.setSingleShot(True)
        self._plot_timer.setInterval(0)
        self._plot_timer.timeout.connect(self._plot_step)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized_docks:
            self._sized_docks = True
            self.size_docks()
            QTimer.singleShot(0, self.size_docks)  # again once the layout has settled

    def size_docks(self) -> None:
        """Side docks a fifth of the width each (at least enough for names), log small."""
        width = self.width()
        side = [max(300, width // 5)] * 2
        self.resizeDocks([self.tree_dock, self.details_dock], side, Qt.Orientation.Horizontal)
        if not self.log_grown:
            self.shrink_log()

    def docks(self) -> list[QDockWidget]:
        return [self.tree_dock, self.details_dock, self.task_dock]

    # -- the log dock: small until something fails -------------------------------------
    def shrink_log(self) -> None:
        """The tasks and log dock a few lines high (its size at start)."""
        lines = self.task_panel.log_view.fontMetrics().lineSpacing() * LOG_LINES_SMALL
        header = self.task_panel.log_view.header().sizeHint().height()
        self.resizeDocks([self.task_dock], [lines + header + 12], Qt.Orientation.Vertical)

    def grow_log(self) -> None:
        """Show the tasks and log dock, a third of the window high, with its newest lines."""
        self.log_grown = True
        self.task_dock.show()
        self.task_dock.raise_()
        wanted = int(self.height() * LOG_SHARE_GROWN)
        if self.task_dock.height() < wanted:
            self.resizeDocks([self.task_dock], [wanted], Qt.Orientation.Vertical)

    def show_failure(self, text: str) -> None:
        """A failure's whole reason in the message bar, and the log grown to its details."""
        self.message_bar.show_message(text, "error")
        self.grow_log()

    def _on_task_ended(self, task: Task) -> None:
        if task.state == FAILED and not task.quiet and not task.reported:
            self.show_failure(
                fill(self.tr("%1 failed: %2"), task.title, project_message(task.error))
            )

    def show_main_view(self, widget: QWidget) -> None:
        """Bring one of the central tabs (samples, suitability) to the front."""
        index = self.main_tabs.indexOf(widget)
        if index >= 0:
            self.main_tabs.setCurrentIndex(index)

    # -- state ----------------------------------------------------------------------
    def update_title(self) -> None:
        project = self.doc.project
        if project is None:
            self.setWindowTitle(APP_NAME)
            return
        name = Path(project.path).stem if project.path else self.tr("Untitled")
        title = name + ("*" if project.dirty else "")
        if project.read_only:
            title += " " + self.tr("[read-only]")
        self.setWindowTitle(f"{title} — {APP_NAME}")

    def _update_actions(self) -> None:
        project = self.doc.project
        idle = not self.doc.busy
        has = project is not None
        writable = has and not project.read_only and idle
        a = self.actions_
        for action in (a.new, a.open, a.close, a.import_files):
            action.setEnabled(idle and (has or action in (a.new, a.open)))
        a.save_as.setEnabled(has and idle)
        a.properties.setEnabled(has and idle)
        for action in (a.save, a.add_sample, a.rename_sample, a.delete_sample, a.edit_metadata):
            action.setEnabled(writable)
        a.undo.setEnabled(idle and self.undo_stack.canUndo())
        a.redo.setEnabled(idle and self.undo_stack.canRedo())

    def _on_busy(self, busy: bool) -> None:
        self._update_actions()
        if not busy:
            self._refresh_selection()

    def _on_project_replaced(self) -> None:
        project = self.doc.project
        has = project is not None
        self._update_actions()
        if has and project.read_only:
            reason = project_message(project.read_only_reason) or self.tr(
                "Use Save As to keep changes in a new file."
            )
            self.message_bar.show_message(
                self.tr("This project is read-only.") + " " + reason, "warning"
            )
        elif self.message_bar.level == "warning":
            self.message_bar.dismiss()
        self._selection = []
        self._show_refs([])
        self.update_title()

    # -- selection, plot and details --------------------------------------------
    def _on_tree_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._syncing:
            return
        refs = self.tree.selected_refs()
        self._mirror_selection(self.table, list(dict.fromkeys(r[1] for r in refs)))
        self._show_refs(refs)

    def _on_table_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._syncing:
            return
        ids = self.table.selected_sample_ids()
        self._mirror_selection(self.tree, ids)
        self._show_refs([("sample", sid, None) for sid in ids])

    def _mirror_selection(self, view, sample_ids: list[str]) -> None:
        """Show the same samples selected in the other view (without re-plotting)."""
        self._syncing = True
        try:
            selection = QItemSelection()
            for sid in sample_ids[:200]:
                if view is self.table:
                    row = self.table_model.row_of(sid)
                    if row is None:
                        continue
                    index = self.table.proxy.mapFromSource(self.table_model.index(row, 0))
                    last = index.siblingAtColumn(self.table.proxy.columnCount() - 1)
                else:
                    index = self.tree_model.index_of_sample(sid)
                    last = index.siblingAtColumn(self.tree_model.columnCount() - 1)
                if index.isValid():
                    selection.select(index, last)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            view.selectionModel().select(selection, flags)
            if sample_ids and not selection.isEmpty():
                view.scrollTo(selection.indexes()[0])
        finally:
            self._syncing = False

    def _refresh_selection(self) -> None:
        project = self.doc.project
        refs = [r for r in self._selection if project and r[1] in project.samples]
        self._show_refs(refs)

    def _show_refs(self, refs: list[Ref]) -> None:
        self._selection = refs
        project = self.doc.project
        if self.doc.busy:  # arrays are being re-pointed to the new file: plot afterwards
            self._pending_plot = None
            self.plot.show_message(self.tr("Saving the project…"))
            return
        if project is None or not refs:
            self._plot_timer.stop()
            self._pending_plot = None
            self.plot.show_message(
                self.tr("Select a sample or a measurement to plot its curves and spectra.")
            )
            self.details.show_nothing()
            return
        items = []
        for kind, sid, cid in refs:
            sample = project.samples.get(sid)
            if sample is None:
                continue
            if kind == "sample":  # its measurements; a result's plots show when it is chosen
                items += [(sample, m) for m in sample.measurements.values()]
            elif kind == "measurement" and cid in sample.measurements:
                items.append((sample, sample.measurements[cid]))
            elif kind == "result" and cid in sample.results:
                items.append((sample, sample.results[cid]))
        if len(refs) == 1:
            self.details.show_ref(project, refs[0])
        else:
            self.details.show_nothing(len(refs))
        # The curves are drawn in the next turn of the event loop: the selection and the
        # details show at once, and keys held down through a list draw only where
        # they stop. A single result is drawn now: its view follows at once.
        self._pending_plot = items
        if len(refs) == 1 and refs[0][0] == "result":
            self.flush_plot()
        else:
            self._plot_timer.start()

    def _plot_step(self) -> None:
        """One turn of drawing the selection: read its arrays if some are not at hand
        (then draw in the next turn), else draw."""
        items = self._pending_plot
        if items is not None and not self.doc.busy and self.plot.prefetch(items):
            self._plot_timer.start()
            return
        self.flush_plot()

    def flush_plot(self) -> None:
        """Draw the curves of the selection now (when they are still to be drawn)."""
        self._plot_timer.stop()
        items, self._pending_plot = self._pending_plot, None
        if items is None or self.doc.busy:
            return
        self.plot.show_selection(items)
        if self.plot.note:
            self.statusBar().showMessage(self.plot.note, 8000)

    def select_sample(self, sample_id: str) -> None:
        """Select a sample in the tree, plot it and show its details."""
        index = self.tree_model.index_of_sample(sample_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self.flush_plot()

    # -- sample editing (undoable) ----------------------------------------------------
    def _selected_sample_ids(self) -> list[str]:
        ids = [sid for kind, sid, _c in self._selection if kind == "sample"]
        return list(dict.fromkeys(ids))

    def _can_edit(self) -> bool:
        project = self.doc.project
        return project is not None and not project.read_only and not self.doc.busy

    def add_sample(self) -> None:
        project = self.doc.project
        if project is None or not self._can_edit():
            return
        n = len(project.samples) + 1
        while project.find_sample(self.tr("Sample %1").replace("%1", str(n))) is not None:
            n += 1
        name = self.tr("Sample %1").replace("%1", str(n))
        command = AddSampleCommand(self.doc, name)
        self.undo_stack.push(command)
        if command.sample is not None:
            self.table.select_sample(command.sample.id)
            self.rename_sample()

    def rename_sample(self) -> None:
        ids = self._selected_sample_ids()
        if not ids or not self._can_edit():
            return
        row = self.table_model.row_of(ids[0])
        if row is None:
            return
        self.table.select_sample(ids[0])
        index = self.table.proxy.mapFromSource(self.table_model.index(row, COLUMNS.index("name")))
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def edit_properties(self) -> None:
        """The property vocabulary; adds properties of the project's own (undoable)."""
        from workbench.gui.properties_dialog import PropertiesDialog

        if self.doc.project is not None:
            PropertiesDialog(self.doc, self.undo_stack, self).exec()

    def edit_metadata(self) -> None:
        """Open the free-metadata editor for the selected sample (undoable as one step)."""
        from workbench.gui.metadata_dialog import MetadataDialog

        ids = self._selected_sample_ids()
        if ids and self._can_edit():
            MetadataDialog(self.doc, self.undo_stack, ids[0], self).exec()

    def delete_selected_samples(self) -> None:
        ids = self._selected_sample_ids()
        if not ids or not self._can_edit():
            return
        self.undo_stack.beginMacro(self.tr("Delete %n sample(s)", None, len(ids)))
        for sid in ids:
            self.undo_stack.push(DeleteSampleCommand(self.doc, sid))
        self.undo_stack.endMacro()
        self.task_panel.log(
            self.tr("Deleted %n sample(s). Edit > Undo brings them back.", None, len(ids))
        )

    # -- import entry point ------------------------------------------------------------
    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"))
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """The one entry point for importing files (menu and drag-and-drop)."""
        self.import_controller.import_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # -- help ---------------------------------------------------------------------
    def show_about(self) -> None:
        show_about(self)

    def show_diagnostics(self) -> None:
        DiagnosticsDialog(self).exec()

    def set_language(self, code: str) -> None:
        from workbench.gui.language import change_language

        change_language(self, code)

    # -- closing ------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard_or_save():
            event.ignore()
            return
        self.closing = True  # the open project stays the one reopened at the next start
        self.runner.shutdown()
        self.stop_recovery()
        self.release_project()
        self.ui_settings.save_window_state(self.saveGeometry(), self.saveState())
        # Releasing the project restarted debounced refreshes (stale marks, matrix): a
        # closed window does no more work, whatever still holds it.
        for timer in self.findChildren(QTimer):
            timer.stop()
        event.accept()
