"""Analyses in the window: the Analyses and Tools menus, Help > Plugins, the result
view, stale marking and the suitability matrix (a main view: the window's second tab).

``install(win)`` is the one call ``MainWindow`` makes; everything else stays here:

* Analyses menu: one entry per usable plugin (name in the UI language) opening its
  ``AnalysisDialog``; the run happens on the window's ``TaskRunner`` with progress and
  Cancel (``prepare_run`` works on copies, nothing is written); the validated results
  are added by one ``AddResultsCommand`` (undoable). A failing plugin's reason shows
  whole in the message bar, its traceback as details in the task panel (grown to show
  it); the project is unchanged.
* Result view: selecting one result in the tree shows ``ResultView`` in the centre.
* Stale results: recomputed (debounced) when samples change; the tree marks them
  "(stale)" and the result view offers a one-click Re-run, which recomputes with the
  same parameters (as ``workbench.analysis.stale.rerun`` does) and replaces the old
  result in one undoable step.
* Tools: self-assessment wizard, train classifier, training labels; Help > Plugins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu, QWidget

from workbench.analysis.registry import PluginRecord, Registry, get_registry
from workbench.analysis.runner import PluginRunError, RunOutcome, prepare_run, shared_result
from workbench.analysis.stale import stale_results
from workbench.errors import AnalysisError, CancelledError
from workbench.gui.analysis_commands import AddResultsCommand
from workbench.gui.analysis_dialog import AnalysisDialog, plugin_name
from workbench.gui.i18n import fill
from workbench.gui.project_tree import REF_ROLE
from workbench.gui.result_view import ResultView
from workbench.model import Project
from workbench.progress import Progress

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate
STALE_DEBOUNCE_MS = 300


class MatrixDock(QDockWidget):
    """The suitability matrix in a dock, for simple mode (``simple_mode.overview_dock``).

    In the full workbench the matrix is a tab of the main window and this dock stays
    hidden; showing the dock moves the matrix into it, hiding it puts the matrix back
    into its tab.
    """

    def __init__(self, win: MainWindow, panel: QWidget, title: str) -> None:
        super().__init__(title, win)
        self.win = win
        self.panel = panel
        self.title = title
        self.setObjectName("dock-suitability")

    def setVisible(self, visible: bool) -> None:  # Qt name; show() and hide() call it
        tabs = self.win.main_tabs
        if visible and self.widget() is not self.panel:
            self.setWidget(self.panel)
            self.panel.explain_in_details(False)
        super().setVisible(visible)
        if not visible and tabs.indexOf(self.panel) < 0:
            tabs.insertTab(1, self.panel, self.title)
            self.panel.explain_in_details(True)
            self.panel.show()


def failure_text(exc: BaseException, scope: str = "sample") -> str:
    """What a failed run tells the user: the plugin's own reason (with the sample it was
    about, for a per-sample plugin), not the wrapper's."""
    if isinstance(exc, PluginRunError):
        text = exc.message
        if exc.sample and scope != "project":
            text = f"{exc.sample}: {text}"
        for prefix in ("AnalysisError: ", "ValueError: "):
            text = text.replace(prefix, "")
        return text
    return str(exc) or type(exc).__name__


def run_analysis(
    progress: Progress,
    project: Project,
    record: PluginRecord,
    sample_ids: list[str],
    params: dict[str, Any],
) -> tuple[RunOutcome, list[str]]:
    """Worker-thread body: prepare (never commit) a run; returns outcome and skip notes.

    A per-sample plugin runs once per sample; a sample the plugin says it cannot
    analyse is skipped with a note when others were asked for, any other failure ends
    the whole run (nothing is added). Cancel ends it as cancelled.
    """
    manifest = record.manifest
    assert manifest is not None
    merged = RunOutcome(plugin_id=manifest.id)
    skipped: list[str] = []
    groups = [sample_ids] if manifest.scope == "project" else [[s] for s in sample_ids]
    for i, ids in enumerate(groups):
        child = progress.child(i / len(groups), (i + 1) / len(groups))
        try:
            outcome = prepare_run(project, record, ids, params, progress=child, worker=True)
        except PluginRunError as exc:
            if exc.stage == "cancelled":
                raise CancelledError(str(exc)) from exc
            if exc.stage == "inputs" and len(groups) > 1:
                skipped.append(exc.message if not exc.sample else f"{exc.sample}: {exc.message}")
                continue
            raise
        merged.results += outcome.results
        merged.models += outcome.models
    if not merged.results:
        raise AnalysisError("no sample could be analysed: " + "; ".join(skipped))
    return merged, skipped


class AnalysisController(QObject):
    """Owns the analysis menus, the result view, stale marking and the suitability dock."""

    def __init__(self, win: MainWindow, registry: Registry | None = None) -> None:
        super().__init__(win)
        self.win = win
        self.registry = registry or get_registry()
        self.stale: dict[tuple[str, str], list[str]] = {}
        self.result_view = ResultView()
        win.plot.stack.addWidget(self.result_view)
        self.result_view.rerunRequested.connect(self.rerun)
        self.result_view.editRequested.connect(self.rerun_with_dialog)
        self.result_view.exportCalibrationRequested.connect(self.export_calibration)
        self.stale_timer = QTimer(self)
        self.stale_timer.setSingleShot(True)
        self.stale_timer.setInterval(STALE_DEBOUNCE_MS)
        self.stale_timer.timeout.connect(self.update_stale)
        self.show_timer = QTimer(self)  # one result view update after many changes
        self.show_timer.setSingleShot(True)
        self.show_timer.setInterval(0)
        self.show_timer.timeout.connect(self.show_selection)
        self.last_task = None
        self._build_menus()
        from workbench.gui.suitability_matrix import SuitabilityPanel

        self.suitability = SuitabilityPanel(win)
        title = translate("Analyses", "Suitability")
        win.main_tabs.addTab(self.suitability, title)
        self.suitability.explain_in_details(True)
        win.main_tabs.setTabToolTip(
            1, translate("Analyses", "Every sample's suitability for each product route")
        )
        self.suitability_dock = MatrixDock(win, self.suitability, title)
        win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.suitability_dock)
        self.suitability_dock.hide()
        self.view_menu_action = QAction(translate("Analyses", "&Suitability matrix"), win)
        self.view_menu_action.setShortcut("Ctrl+M")
        tip = translate("Analyses", "Show every sample's suitability for each product route")
        self.view_menu_action.setStatusTip(tip)
        self.view_menu_action.triggered.connect(self.show_matrix)
        view_menu = self._menu(translate("Actions", "&View"))
        if view_menu is not None:
            view_menu.insertAction(view_menu.actions()[3], self.view_menu_action)
        self._shown_key: tuple | None = None
        win.tree.selectionModel().selectionChanged.connect(lambda *_: self.show_selection())
        win.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selection())
        win.doc.sampleContentsChanged.connect(lambda *_: self._changed())
        win.doc.sampleInserted.connect(lambda *_: self._changed())
        win.doc.sampleRemoved.connect(lambda *_: self._changed())
        win.doc.projectReplaced.connect(self._changed)
        win.doc.projectReplaced.connect(self._enable)
        self._enable()

    # -- menus --------------------------------------------------------------------
    def _menu(self, title: str) -> QMenu | None:
        for action in self.win.menuBar().actions():
            if action.menu() is not None and action.text() == title:
                return action.menu()
        return None

    def _build_menus(self) -> None:
        win = self.win
        bar = win.menuBar()
        help_action = next(
            (a for a in bar.actions() if a.text() == translate("Actions", "&Help")), None
        )
        self.analyses_menu = QMenu(translate("Analyses", "&Analyses"), win)
        self.tools_menu = QMenu(translate("Analyses", "&Tools"), win)
        bar.insertMenu(help_action, self.analyses_menu)
        bar.insertMenu(help_action, self.tools_menu)
        self.plugin_actions: dict[str, QAction] = {}
        records = sorted(self.registry.ok(), key=lambda r: plugin_name(r).casefold())
        for record in records:
            action = QAction(plugin_name(record) + "…", win)
            if record.manifest is not None:
                action.setStatusTip(record.manifest.description_en[:200])
            action.triggered.connect(lambda _c=False, r=record: self.open_dialog(r))
            self.analyses_menu.addAction(action)
            self.plugin_actions[record.id] = action
        self.analyses_menu.addSeparator()
        self.rerun_stale_action = QAction(translate("Analyses", "Re-run all &stale results"), win)
        self.rerun_stale_action.triggered.connect(self.rerun_all_stale)
        tip = translate("Analyses", "Compute again every result whose input data have changed")
        self.rerun_stale_action.setToolTip(tip)
        self.rerun_stale_action.setStatusTip(tip)
        self.analyses_menu.addAction(self.rerun_stale_action)

        self.wizard_action = QAction(translate("Analyses", "&Self-assessment wizard…"), win)
        self.wizard_action.setStatusTip(
            translate("Analyses", "Describe a side stream, add its lab values, see what it suits")
        )
        self.wizard_action.triggered.connect(self.open_wizard)
        self.train_action = QAction(translate("Analyses", "&Train classifier…"), win)
        self.train_action.triggered.connect(self.open_training)
        self.labels_action = QAction(translate("Analyses", "Training &labels…"), win)
        self.labels_action.triggered.connect(self.open_labels)
        self.tools_menu.addActions([self.wizard_action, self.train_action, self.labels_action])

        self.plugins_action = QAction(translate("Analyses", "&Plugins…"), win)
        self.plugins_action.setStatusTip(
            translate("Analyses", "Every plugin with its version, origin and status")
        )
        self.plugins_action.triggered.connect(self.open_plugins)
        if help_action is not None and help_action.menu() is not None:
            menu = help_action.menu()
            menu.insertAction(menu.actions()[0] if menu.actions() else None, self.plugins_action)

    def _enable(self) -> None:
        project = self.win.doc.project
        writable = project is not None and not project.read_only
        for action in [*self.plugin_actions.values(), self.rerun_stale_action]:
            action.setEnabled(writable)
        for action in (self.train_action, self.labels_action):
            action.setEnabled(writable)
        self.wizard_action.setEnabled(True)

    # -- running ----------------------------------------------------------------------
    def _selected_samples(self) -> list[str]:
        return list(dict.fromkeys(sid for _k, sid, _c in self.win._selection))

    def open_dialog(
        self,
        record: PluginRecord,
        params: dict[str, Any] | None = None,
        fixed: list[str] | None = None,
        replaced: list[tuple[str, str]] | None = None,
    ) -> AnalysisDialog | None:
        project = self.win.doc.project
        if project is None or record.manifest is None:
            return None
        dialog = AnalysisDialog(
            record,
            project,
            self._selected_samples(),
            params,
            self.win,
            fixed_samples=fixed,
            runner=self.win.runner,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.run(record, dialog.sample_ids(), dialog.params(), replaced)
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def run(
        self,
        record: PluginRecord,
        sample_ids: list[str],
        params: dict[str, Any],
        replaced: list[tuple[str, str]] | None = None,
    ):
        """Run ``record`` on the samples in the background; add its results undoably."""
        project = self.win.doc.project
        if project is None or not sample_ids:
            return None
        name = plugin_name(record)
        if len(sample_ids) == 1:  # two messages: "1 näyte", "3 näytettä"
            title = translate("Analyses", "%1 on 1 sample").replace("%1", name)
        else:
            title = fill(translate("Analyses", "%1 on %2 samples"), name, len(sample_ids))
        holder: dict[str, Any] = {}

        def done(value: tuple[RunOutcome, list[str]]) -> None:
            outcome, skipped = value
            if self.win.doc.project is not project:
                return  # the project was closed meanwhile: nothing to add to
            if getattr(self.win.doc, "busy", False):  # a save is running: add when it ends
                QTimer.singleShot(200, lambda: done(value))
                return
            text = translate("Commands", "Run %1").replace("%1", name)
            command = AddResultsCommand(self.win.doc, outcome, text, replaced)
            self.win.undo_stack.push(command)
            n = len(outcome.results)
            self.win.task_panel.log(fill(translate("Analyses", "%1: %2 result(s) added."), name, n))
            for note in skipped:
                self.win.task_panel.log(
                    translate("Analyses", "Skipped: %1").replace("%1", note), "warning"
                )
            if outcome.results:
                self.select_result(*command.result_ids()[0])

        def failed(exc: BaseException) -> None:
            task = holder.get("task")
            if task is not None and isinstance(exc, PluginRunError) and exc.traceback:
                task.details = exc.traceback
            if task is not None and not isinstance(exc, CancelledError):
                assert record.manifest is not None
                task.error = failure_text(exc, record.manifest.scope)
                self.win.show_failure(
                    fill(translate("Analyses", "%1 could not run: %2"), name, task.error)
                )
                task.reported = True

        holder["task"] = self.win.runner.submit(
            title,
            run_analysis,
            project,
            record,
            list(sample_ids),
            dict(params),
            on_done=done,
            on_error=failed,
        )
        self.last_task = holder["task"]
        return holder["task"]

    def _rerun_plan(self, sid: str, rid: str) -> tuple[PluginRecord, list[str], dict, list]:
        """Plugin, samples, parameters and replaced results of re-running ``rid``.

        The same choices as ``workbench.analysis.stale.rerun``: stored parameters the
        plugin still declares, and for a project-scope run all samples of that run.
        """
        project = self.win.doc.project
        assert project is not None
        old = project.samples[sid].results[rid]
        record = self.registry.get(old.plugin_id)
        known = {p.name for p in record.manifest.parameters} if record.manifest else set()
        params = {k: v for k, v in old.parameters.items() if k in known}
        ids, replaced = [sid], [(sid, rid)]
        run = next((i for i in old.inputs if i.get("type") == "run"), None)
        if record.manifest is not None and record.manifest.scope == "project" and run:
            ids = [s for s in run.get("samples", []) if s in project.samples] or [sid]
            replaced = [
                (s, r.id)
                for s in ids
                for r in project.samples[s].results.values()
                if any(i.get("type") == "run" and i.get("id") == run["id"] for i in r.inputs)
            ]
        return record, ids, params, replaced

    def rerun(self, sid: str, rid: str):
        """One-click re-run of a (stale) result with its own parameters; replaces it."""
        try:
            record, ids, params, replaced = self._rerun_plan(sid, rid)
        except KeyError as exc:
            self.win.task_panel.log(str(exc.args[0]), "error")
            return None
        return self.run(record, ids, params, replaced)

    def rerun_with_dialog(self, sid: str, rid: str) -> AnalysisDialog | None:
        """Open the plugin's form prefilled with the result's parameters (new result)."""
        try:
            record, ids, params, _replaced = self._rerun_plan(sid, rid)
        except KeyError as exc:
            self.win.task_panel.log(str(exc.args[0]), "error")
            return None
        return self.open_dialog(record, params, fixed=ids)

    def rerun_all_stale(self) -> None:
        self.update_stale()
        done: set[str] = set()
        for sid, rid in list(self.stale):
            if rid not in done:
                done.add(rid)
                self.rerun(sid, rid)

    def show_matrix(self) -> None:
        """The suitability matrix in front (its tab, or its dock in simple mode)."""
        if self.suitability_dock.isVisible():
            self.suitability_dock.raise_()
        else:
            self.win.show_main_view(self.suitability)

    # -- selection and stale marking ---------------------------------------------------
    def select_result(self, sid: str, rid: str) -> None:
        model = self.win.tree_model
        parent = model.index_of_sample(sid)
        if not parent.isValid():
            return
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.data(index, REF_ROLE) == ("result", sid, rid):
                self.win.tree.expand(parent)
                self.win.tree.setCurrentIndex(index)
                self.win.tree.scrollTo(index)
                return

    def _changed(self) -> None:
        self._shown_key = None  # a change may alter the result on show (shared plots, names)
        self.stale_timer.start()
        self.suitability.schedule()
        self.show_timer.start()

    def update_stale(self) -> None:
        project = self.win.doc.project
        self.stale = {}
        if project is not None:
            for item in stale_results(project, self.registry):
                self.stale[(item.sample_id, item.result_id)] = item.reasons
        model = self.win.tree_model
        if hasattr(model, "stale_results"):
            model.stale_results = {rid: reasons for (_s, rid), reasons in self.stale.items()}
        self.win.tree.viewport().update()
        if self.win.plot.stack.currentWidget() is self.result_view:
            key = (self.result_view.sample_id, self.result_view.result_id)
            self.result_view.set_stale(self.stale.get(key, []))

    def show_selection(self) -> None:
        refs = self.win._selection
        project = self.win.doc.project
        if getattr(self.win.doc, "busy", False):
            return  # the window shows "Saving…" until the save ends
        if project is None or len(refs) != 1 or refs[0][0] != "result":
            return
        _kind, sid, rid = refs[0]
        sample = project.samples.get(sid)
        if sample is None or rid not in sample.results:
            return
        result = sample.results[rid]
        stale = self.stale.get((sid, rid))
        key = (id(project), sid, rid, id(result), tuple(stale or ()), project.read_only)
        if key == self._shown_key and self.win.plot.stack.currentWidget() is self.result_view:
            return  # the tree and the table both report one selection: build the view once
        self._shown_key = key
        name = ""
        if result.plugin_id in self.registry:
            name = plugin_name(self.registry.get(result.plugin_id))
        self.result_view.show_result(
            sample, result, name, stale, shared=shared_result(project, result)
        )
        self.result_view.edit_button.setEnabled(
            result.plugin_id in self.registry and not project.read_only
        )
        self.win.plot.stack.setCurrentWidget(self.result_view)

    def export_calibration(self, sample_id: str, result_id: str) -> None:
        """Write a PLS calibration's figures, predictions and coefficients (Excel or CSV)."""
        from workbench.gui.calibration_export_dialog import export_calibration_of

        project = self.win.doc.project
        if project is None or sample_id not in project.samples:
            return
        result = project.samples[sample_id].results.get(result_id)
        if result is not None:
            message = export_calibration_of(self.win, project, result)
            if message:
                self.win.task_panel.log(message)

    # -- other windows -------------------------------------------------------------------
    def open_plugins(self) -> QDialog:
        from workbench.gui.plugins_dialog import PluginsDialog

        dialog = PluginsDialog(self.registry, self.win)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_wizard(self) -> QDialog:
        from workbench.gui.wizard import SelfAssessmentWizard

        wizard = SelfAssessmentWizard(self.win)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = wizard
        wizard.open()
        return wizard

    def open_training(self) -> QDialog | None:
        from workbench.gui.models_dialog import TrainDialog

        if self.win.doc.project is None:
            return None
        dialog = TrainDialog(self.win)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_labels(self) -> QDialog | None:
        from workbench.gui.models_dialog import LabelEditor

        if self.win.doc.project is None:
            return None
        dialog = LabelEditor(self.win)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog


def install(win: MainWindow) -> AnalysisController:
    """Add analyses, tools, plugins view, result view and suitability dock to ``win``."""
    controller = AnalysisController(win)
    win.analysis = controller  # type: ignore[attr-defined]
    return controller
