"""Import orchestration for the window: parse off the GUI thread, preview, apply, watch.

``MainWindow.import_files`` (drops and File > Import…) calls ``ImportController``:

1. The files are parsed on a worker thread through the window's ``TaskRunner``
   (progress per file, Cancel); nothing touches the project there.
2. The preview dialog (``import_dialog``) shows what was understood and lets the user
   choose targets; failed files show their reason and can be re-read with a template.
3. On Import, plans are applied on the GUI thread in short slices separated by
   ``QTimer.singleShot(0, ...)`` so hundreds of files never freeze the window (no
   ``processEvents``); the whole import becomes ONE undo step (``ImportCommand``).
4. A summary (imported / already present / failed with reasons) goes to the log, the
   status bar and the message bar.

The watch folder (``FolderWatcher``) is polled by a ``QTimer``; new stable files are
parsed the same way and applied without a dialog, following the chosen sample policy.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from workbench.errors import UserFacingError
from workbench.gui.i18n import fill
from workbench.gui.import_command import FROM_FILE, NEW, AppliedFile, ImportCommand, Target
from workbench.gui.import_command import apply_one as apply_plan_to_doc
from workbench.gui.import_dialog import ImportPreviewDialog, PreviewItem
from workbench.gui.task_panel import ERROR, INFO, WARNING
from workbench.gui.tasks import CANCELLED, Task
from workbench.importers.service import (
    BatchSummary,
    FileOutcome,
    display_stem,
    expand_paths,
    iter_previews,
)
from workbench.importers.watch import FolderWatcher, mark_new_version
from workbench.progress import Progress

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

SLICE_SECONDS = 0.04
QUIET_FROM = 20  # files: from this many on, views are rebuilt once at the end
WATCH_INTERVAL_MS = 2000
WATCH_KEY = "import/watch_folder"
WATCH_POLICY_KEY = "import/watch_policy"
LAST_DIR_KEY = "import/last_dir"


def parse_files(progress: Progress, files: list[Path], template: str | None) -> list[PreviewItem]:
    """Worker-thread part: read and parse each file (never touches a project)."""
    items: list[PreviewItem] = []
    for path, plan, error in iter_previews(files, template=template, progress=progress):
        items.append(PreviewItem(str(path), plan, error))
    return items


class ImportController(QObject):
    """Owns the import flow and the watch folder of one main window."""

    importFinished = Signal(object)  # BatchSummary of an applied import
    previewShown = Signal(object)  # the ImportPreviewDialog
    watchStateChanged = Signal(bool)  # watching or not

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.dialog: ImportPreviewDialog | None = None
        self.parse_task: Task | None = None
        self._queue: deque[tuple] = deque()
        self._applied: list[AppliedFile] = []
        self._outcomes: list[FileOutcome] = []
        self._project = None
        self._auto = False
        self.applying = False
        self.watcher: FolderWatcher | None = None
        self.watch_policy = FROM_FILE
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self.poll_watch)
        self._watch_busy = False
        self._new_versions: set[str] = set()  # paths of the watch batch that are new versions
        self._quiet = False
        self.watch_task: Task | None = None
        self.template_dialog = None
        win.runner.taskEnded.connect(self._on_task_ended)

    # -- helpers ------------------------------------------------------------------------
    def _say(self, text: str, level: str = INFO) -> None:
        self.win.task_panel.log(text, level)
        self.win.statusBar().showMessage(text, 10000)
        self.win.message_bar.show_message(text, "warning" if level != INFO else "info")

    def _writable(self) -> bool:
        project = self.win.doc.project
        if project is None:
            self._say(self.tr("Open or create a project first, then import."), WARNING)
            return False
        if project.read_only:
            self._say(
                self.tr("This project is read-only; nothing was imported. Use Save As first."),
                WARNING,
            )
            return False
        return True

    # -- 1. parse -----------------------------------------------------------------------
    def import_files(self, paths: list[str], template: str | None = None) -> Task | None:
        """Parse ``paths`` (files or folders) off the GUI thread, then show the preview."""
        if self.win.doc.project is None:
            self.win.new_project()
        if not self._writable():
            return None
        if self.applying or (self.parse_task and self.parse_task.state == "running"):
            self._say(self.tr("An import is already running; wait for it to finish."), WARNING)
            return None
        try:
            files = expand_paths(paths)
        except UserFacingError as exc:
            self._say(str(exc), ERROR)
            return None
        if not files:
            self._say(self.tr("No files to import in the dropped folder."), WARNING)
            return None
        QSettings().setValue(LAST_DIR_KEY, str(files[0].parent))
        title = self.tr("Reading %1 file(s)").replace("%1", str(len(files)))
        self.parse_task = self.win.runner.submit(
            title, parse_files, files, template, on_done=self._on_parsed
        )
        return self.parse_task

    def _on_task_ended(self, task: Task) -> None:
        if task.state != CANCELLED:
            return
        if task is self.parse_task:
            self._say(self.tr("Import cancelled while reading files; nothing was changed."))
        elif task is self.watch_task:
            self._watch_busy = False

    def _on_parsed(self, items: list[PreviewItem]) -> None:
        project = self.win.doc.project
        if project is None or project.read_only:
            return
        from workbench.importers.templates import list_templates

        names = [n for n, p in list_templates().items() if isinstance(p, Path)]
        dialog = ImportPreviewDialog(items, project, names, self.win)
        dialog.accepted.connect(lambda: self._on_accepted(dialog))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.reparseRequested.connect(self._reparse)
        dialog.templateRequested.connect(self.define_template)
        self.dialog = dialog
        dialog.open()
        self.previewShown.emit(dialog)

    def _reparse(self, paths: list[str], template: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        title = fill(self.tr("Reading %1 file(s) with template “%2”"), len(paths), template)
        self.parse_task = self.win.runner.submit(
            title,
            parse_files,
            [Path(p) for p in paths],
            template,
            on_done=lambda items: dialog.replace_items(items),
        )

    def define_template(self, path: str = "") -> None:
        """Open the template editor (on ``path``); a saved template re-reads failed files."""
        from workbench.gui.template_dialog import TemplateDialog

        parent = self.dialog if self.dialog is not None and self.dialog.isVisible() else self.win
        editor = TemplateDialog(path or None, parent)
        editor.templateSaved.connect(self._on_template_saved)
        editor.finished.connect(lambda _r: editor.deleteLater())
        self.template_dialog = editor
        editor.open()

    def _on_template_saved(self, name: str) -> None:
        self.win.task_panel.log(self.tr("Saved import template “%1”").replace("%1", name))
        dialog = self.dialog
        if dialog is not None and dialog.isVisible():
            from workbench.importers.templates import list_templates

            dialog.set_templates([n for n, p in list_templates().items() if isinstance(p, Path)])
            dialog.template_combo.setCurrentText(name)
            if dialog.failed_paths():
                self._reparse(dialog.failed_paths(), name)

    # -- 2. apply -----------------------------------------------------------------------
    def _on_accepted(self, dialog: ImportPreviewDialog) -> None:
        failed = [FileOutcome(i.path, "failed", i.error) for i in dialog.failures()]
        self.start_apply(dialog.choices(), failed)

    def start_apply(
        self,
        choices: list[tuple],
        failed: list[FileOutcome] | None = None,
        *,
        automatic: bool = False,
    ) -> None:
        """Apply (plan, Target) pairs in slices on the GUI thread; one undo step in total.

        While another import is being applied (a watch-folder batch, say) this one
        waits for it, so each stays one undo step.
        """
        if self.applying:
            QTimer.singleShot(200, lambda: self.start_apply(choices, failed, automatic=automatic))
            return
        if not self._writable():
            return
        self._project = self.win.doc.project
        self._queue = deque(choices)
        self._total = len(choices)
        self._applied = []
        self._outcomes = list(failed or [])
        self._auto = automatic
        self.applying = True
        self._quiet = len(choices) >= QUIET_FROM
        if self._quiet:  # the views are out of step until the reset: no edits meanwhile
            self.win.setEnabled(False)
        QTimer.singleShot(0, self._apply_slice)

    def _apply_slice(self) -> None:
        if self.win.doc.project is not self._project:  # project closed or replaced meanwhile
            self._queue.clear()
            self.applying = False
            if self._quiet:
                self._quiet = False
                self.win.setEnabled(True)
            self._say(self.tr("The project changed during the import; the rest was skipped."))
            return
        if getattr(self.win.doc, "busy", False):  # a save is writing the project: wait
            QTimer.singleShot(100, self._apply_slice)
            return
        deadline = time.monotonic() + SLICE_SECONDS
        while self._queue:  # at least one file per slice, then until the deadline
            plan, target = self._queue.popleft()
            try:
                record = apply_plan_to_doc(self.win.doc, plan, target, quiet=self._quiet)
            except UserFacingError as exc:
                self._outcomes.append(FileOutcome(plan.path, "failed", str(exc), plan.sha256))
            else:
                self._outcomes.append(record.outcome)
                if record.outcome.status == "imported":
                    self._applied.append(record)
            if time.monotonic() >= deadline:
                break
        if self._queue:
            done = self._total - len(self._queue)
            self.win.statusBar().showMessage(
                self.tr("Importing… %1 of %2 files")
                .replace("%1", str(done))
                .replace("%2", str(self._total))
            )
            QTimer.singleShot(0, self._apply_slice)
        else:
            self._finish()

    def _end_quiet(self) -> None:
        if self._quiet:
            self._quiet = False
            self.win.setEnabled(True)
            self.win.doc.notify_reset()

    def _finish(self) -> None:
        self.applying = False
        quiet = self._quiet
        self._end_quiet()
        if self._applied:
            command = ImportCommand(self.win.doc, self._applied, quiet=quiet)
            self.win.undo_stack.push(command)
        summary = BatchSummary(outcomes=list(self._outcomes))
        for outcome in summary.outcomes:
            if outcome.status == "failed":
                self.win.task_panel.log(
                    self.tr("Not imported: %1").replace("%1", outcome.message), ERROR
                )
            elif outcome.status == "already present":
                self.win.task_panel.log(
                    self.tr("Already present: %1").replace("%1", outcome.message), WARNING
                )
        text = self.tr("Import: %1 imported, %2 already present, %3 failed.")
        text = text.replace("%1", str(summary.count("imported")))
        text = text.replace("%2", str(summary.count("already present")))
        text = text.replace("%3", str(summary.count("failed")))
        if self._applied:
            text += " " + self.tr("Edit > Undo removes this import.")
        if self._auto:
            names = ", ".join(Path(o.path).name for o in summary.outcomes[:3])
            text = self.tr("Watch folder: %1").replace("%1", names) + " — " + text
            again = [
                Path(o.path).name
                for o in summary.outcomes
                if o.status == "imported" and o.path in self._new_versions
            ]
            if again:
                note = self.tr(
                    "%1 changed since it was imported: the new version was imported too, "
                    "and the earlier one is kept."
                ).replace("%1", ", ".join(again))
                self.win.task_panel.log(note, WARNING)
                text += " " + note
        level = ERROR if summary.count("failed") else INFO
        self._say(text, level if not self._applied else (WARNING if level == ERROR else INFO))
        if self._applied and not self._auto:
            first = self._applied[0]
            sample = self.win.doc.project.find_sample(first.outcome.samples[0])
            if sample is not None:
                self.win.select_sample(sample.id)
        self.importFinished.emit(summary)

    # -- 3. watch folder ----------------------------------------------------------------
    def start_watch(self, folder: str, policy: str = FROM_FILE) -> None:
        """Poll ``folder`` every 2 s and import new stable files automatically."""
        self.watcher = FolderWatcher(folder)
        self.watch_policy = policy
        settings = QSettings()
        settings.setValue(WATCH_KEY, str(folder))
        settings.setValue(WATCH_POLICY_KEY, policy)
        self.watch_timer.start()
        self._say(
            self.tr("Watching %1: new files are imported into the open project.").replace(
                "%1", str(folder)
            )
        )
        self.watchStateChanged.emit(True)

    def stop_watch(self) -> None:
        if self.watcher is None:
            return
        folder = self.watcher.folder
        self.watch_timer.stop()
        self.watcher = None
        self._say(self.tr("Stopped watching %1.").replace("%1", str(folder)))
        self.watchStateChanged.emit(False)

    def poll_watch(self) -> Task | None:
        """One poll (the timer calls this; tests call it directly)."""
        if self.watcher is None or self._watch_busy or self.applying:
            return None
        project = self.win.doc.project
        if project is None or project.read_only:
            return None
        files = self.watcher.poll()
        if not files:
            return None
        self._new_versions = {str(p) for p in self.watcher.changed}
        self._watch_busy = True
        title = self.tr("Watch folder: reading %1 new file(s)").replace("%1", str(len(files)))
        self.watch_task = self.win.runner.submit(
            title,
            parse_files,
            files,
            None,
            on_done=self._on_watch_parsed,
            on_error=lambda _e: setattr(self, "_watch_busy", False),
        )
        return self.watch_task

    def _on_watch_parsed(self, items: list[PreviewItem]) -> None:
        self._watch_busy = False
        failed = [FileOutcome(i.path, "failed", i.error) for i in items if i.plan is None]
        choices = []
        for item in items:
            if item.plan is None:
                continue
            stem = display_stem(item.path)
            if self.watch_policy == NEW:
                target = Target(NEW, stem)
            else:
                target = Target(FROM_FILE, stem)
            if item.path in self._new_versions:
                mark_new_version(item.plan, self.win.doc.project)
            choices.append((item.plan, target))
        self.start_apply(choices, failed, automatic=True)
