"""File operations of the main window: new, open, save, save as, close, recent, recovery.

A mixin for ``MainWindow`` so the window module stays about layout. Opening a project
runs on the task runner (it reads the file's structure); saving runs on the GUI thread
with a busy cursor, because the project must not change while it is written. Unsaved
work goes to a recovery file on a timer (``workbench.project.recovery``); at start the
window offers any recovery files left by a crash.
"""

from __future__ import annotations

import errno
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.classify.blockcache import BLOCKS
from workbench.errors import SaveFailedError, UserFacingError
from workbench.gui import gc_guard, recovery_writer
from workbench.gui.i18n import fill
from workbench.gui.project_texts import project_message
from workbench.gui.task_panel import ERROR, WARNING
from workbench.gui.tasks import RUNNING
from workbench.model import PROJECT_SUFFIX, Project
from workbench.project import recovery, store

RECOVERY_INTERVAL_MS = 60_000


class ProjectFilesMixin:
    """Mixed into MainWindow; uses its ``doc``, ``runner``, ``undo_stack``, panels."""

    def init_project_files(self) -> None:
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setInterval(RECOVERY_INTERVAL_MS)
        self._recovery_timer.timeout.connect(self.write_recovery_now)
        self._recovery_timer.start()
        self._recovery_task = None
        self.last_recovery_seconds = 0.0

    def _filter(self) -> str:
        return self.tr("Fibre Workbench projects (*%1)").replace("%1", PROJECT_SUFFIX)

    # -- setting the project ---------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        """Show ``project`` (the previous one must already be released)."""
        self.undo_stack.clear()
        self.doc.set_project(project)
        if project is not None:  # collections no longer walk a large project's model
            gc_guard.keep_long_lived(len(project.samples))
        if not getattr(self, "closing", False):  # closing keeps it for the next start
            path = project.path if project is not None else None
            self.ui_settings.set_last_project(str(path) if path is not None else "")
        if project is None:
            return
        if project.path is not None:
            self.ui_settings.add_recent_file(str(project.path))
        for warning in project.warnings:  # the core's English, in the window's language
            self.task_panel.log(project_message(warning), WARNING)

    def release_project(self) -> None:
        """Close the file handle and lock of the current project and forget it.

        Called once the user has saved or chosen to discard unsaved changes
        (``confirm_discard_or_save``), so this window's recovery file goes too."""
        project = self.doc.project
        if project is None:
            return
        try:
            store.close_project(project, discard_unsaved=True)
        except Exception as exc:  # closing must never keep the window from closing
            self.task_panel.log(
                self.tr("Closing the project failed: %1").replace("%1", str(exc)), ERROR
            )
        self.set_project(None)
        BLOCKS.clear()  # the classifier's copy of its values goes with it
        del project
        gc_guard.release_long_lived()  # once the project has gone from the window

    def confirm_discard_or_save(self) -> bool:
        """If there are unsaved changes ask Save / Discard / Cancel; False means cancel."""
        project = self.doc.project
        if self.doc.busy:
            self.statusBar().showMessage(self.tr("Please wait: the project is being saved."), 5000)
            return False
        if project is None or not project.dirty:
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save(wait=True)
        return answer == QMessageBox.StandardButton.Discard

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """The Save / Discard / Cancel question (tests replace this method)."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The project has unsaved changes. Save them before closing?"),
            buttons,
            QMessageBox.StandardButton.Save,
        )

    # -- commands ---------------------------------------------------------------
    def new_project(self) -> None:
        if not self.confirm_discard_or_save():
            return
        self.release_project()
        self.set_project(Project())

    def close_project(self) -> None:
        if self.confirm_discard_or_save():
            self.release_project()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", self._filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str, read_only: bool = False):
        """Open ``path`` on a worker thread; the window switches when it has been read."""
        if not self.confirm_discard_or_save():
            return None
        title = self.tr("Open %1").replace("%1", Path(path).name)

        def done(project: Project) -> None:
            self.release_project()
            self.set_project(project)
            self.task_panel.log(self.tr("Opened %1").replace("%1", str(project.path)))
            # unsaved work of this project that a crashed session left is offered here
            # too (a double-click on the file after a crash), and kept unless chosen
            self.offer_recovery(recovery.crashed_recoveries(project.path))

        holder: dict = {}

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserFacingError) and not Path(path).exists():
                self.ui_settings.remove_recent_file(path)
            self.message_bar.show_message(
                fill(self.tr("Could not open %1: %2"), Path(path).name, project_message(str(exc))),
                "error",
            )
            holder["task"].reported = True

        def work(progress, p: str, ro: bool) -> Project:
            progress.update(0.0, "")
            project = store.open_project(p, read_only=ro)
            # out of the collector's scans before the GUI thread's collector walks it
            gc_guard.keep_long_lived(len(project.samples))
            return project

        holder["task"] = self.runner.submit(
            title, work, path, read_only, on_done=done, on_error=failed
        )
        return holder["task"]

    def save(self, wait: bool = False) -> bool:
        """Save to the project's file (Save As when it has none, is read-only or is the
        demonstration project, an example that is never overwritten).

        Runs on a worker thread while the project is locked against edits; ``wait``
        saves on the GUI thread instead (used when closing, which must know the outcome).
        Returns False when nothing was (or will be) saved.
        """
        project = self.doc.project
        if project is None:
            return False
        from workbench.gui.self_assessment import is_demo_file

        if project.path is None or project.read_only or is_demo_file(project):
            return self.save_as(wait)  # the demonstration project stays as it was written
        return self._save_to(None, wait)

    def save_as(self, wait: bool = False) -> bool:
        project = self.doc.project
        if project is None:
            return False
        start = str(project.path) if project.path else ""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save project as"), start, self._filter()
        )
        if not path:
            return False
        if not path.lower().endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self._save_to(path, wait)

    def _save_to(self, path: str | None, wait: bool) -> bool:
        project = self.doc.project
        assert project is not None
        if self.doc.busy:
            self.statusBar().showMessage(self.tr("The project is being saved already."), 5000)
            return False
        if wait:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                store.save_project(project, path)
            except Exception as exc:
                self._save_failed(exc)
                return False
            finally:
                QGuiApplication.restoreOverrideCursor()
            self._saved(project)
            return True

        def work(progress, p: Project, target: str | None) -> Project:
            progress.update(0.0, "")
            store.save_project(p, target)
            return p

        def done(p: Project) -> None:
            self.doc.set_busy(False)
            self._saved(p)

        def failed(exc: BaseException) -> None:
            self.doc.set_busy(False)
            self._save_failed(exc)
            self._save_task.reported = True

        self.doc.set_busy(True)
        name = Path(path).name if path else Path(project.path or "").name
        self._save_task = self.runner.submit(
            self.tr("Save %1").replace("%1", name),
            work,
            project,
            path,
            on_done=done,
            on_error=failed,
        )
        return True

    def _saved(self, project: Project) -> None:
        # a warning about the project, or the failure of an earlier save, no longer holds
        level = self.message_bar.level
        if (level == "warning" and not project.read_only) or (
            level == "error" and getattr(self, "_save_failure_shown", False)
        ):
            self.message_bar.dismiss()
        self._save_failure_shown = False
        self.doc.mark_saved()
        self.undo_stack.setClean()
        self.ui_settings.add_recent_file(str(project.path))
        self.task_panel.log(self.tr("Saved %1").replace("%1", str(project.path)))
        self.update_title()

    def _save_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            self.task_panel.log(
                self.tr("Saving failed: %1").replace("%1", str(exc)), ERROR, repr(exc)
            )
        if isinstance(exc, SaveFailedError):
            text = self._disk_failure_text(exc)
        else:
            text = self.tr("Not saved: %1").replace("%1", project_message(str(exc)))
        self.message_bar.show_message(text, "error")
        self._save_failure_shown = True

    def _disk_failure_text(self, exc: SaveFailedError) -> str:
        """A save the disk refused, in the user's words: which file, why, and that the
        file and the work are both as they were (``SaveFailedError``)."""
        reasons = {
            errno.ENOSPC: self.tr("the disk is full"),
            errno.EDQUOT: self.tr("your disk quota is used up"),
            errno.EFBIG: self.tr("the file would be larger than this system allows"),
            errno.EIO: self.tr("the disk reported an input/output error"),
            errno.EROFS: self.tr("the disk is read-only"),
            errno.EACCES: self.tr("there is no permission to write there"),
            errno.ENAMETOOLONG: self.tr("the file name is too long for this folder"),
        }
        reason = reasons.get(exc.errno or 0, exc.reason)
        return fill(
            self.tr(
                "%1 was not saved: %2. The file is as it was and your unsaved work is still "
                "here; free some space, or save it somewhere else with File > Save As."
            ),
            Path(exc.target).name,
            reason,
        )

    # -- recent files -------------------------------------------------------------
    def fill_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        files = self.ui_settings.recent_files()
        for i, path in enumerate(files, start=1):
            action = QAction(f"&{i} {Path(path).name}", menu)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
            menu.addAction(action)
        if not files:
            empty = menu.addAction(self.tr("No recent projects"))
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear list"), self.ui_settings.clear_recent_files)

    # -- recovery ------------------------------------------------------------------
    def write_recovery_now(self):
        """Timer slot: if there are unsaved changes, write the recovery file in the background.

        Returns the Task (or None when nothing needed writing).
        """
        project = self.doc.project
        if project is None or not project.dirty or project.read_only or self.doc.busy:
            return None
        if self._recovery_task is not None and self._recovery_task.state == RUNNING:
            return None
        started = time.monotonic()
        snap = recovery_writer.snapshot(project)

        def done(key: str) -> None:
            self.last_recovery_seconds = time.monotonic() - started
            # Saved or closed meanwhile: the recovery file is stale, drop it.
            if self.doc.project is not project or not project.dirty:
                recovery.discard_recovery(key)
            # A slow write (large project) is spaced out so it does not run constantly.
            interval = max(RECOVERY_INTERVAL_MS, int(self.last_recovery_seconds * 20_000))
            self._recovery_timer.setInterval(interval)

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(
                self.tr("Could not write the recovery file: %1").replace(
                    "%1", project_message(str(exc))
                ),
                10000,
            )

        self._recovery_task = self.runner.submit(
            self.tr("Writing recovery file"),
            recovery_writer.write_snapshot,
            snap,
            on_done=done,
            on_error=failed,
            quiet=True,
        )
        return self._recovery_task

    def stop_recovery(self) -> None:
        self._recovery_timer.stop()

    def offer_recovery(self, found: list[recovery.RecoveryInfo] | None = None) -> bool:
        """Offer each recovery file left by a session that ended without saving it
        (``found``; default all), newest first, until one is restored (True).

        No (or closing the question) keeps the file for later; Discard deletes it."""
        if found is None:
            found = recovery.crashed_recoveries()
        for info in found:
            name = info.original_path.name if info.original_path else self.tr("an untitled project")
            answer = self.ask_restore(name, info.time)
            if answer == QMessageBox.StandardButton.Yes:
                return self._restore(info, name)
            if answer == QMessageBox.StandardButton.Discard:
                recovery.discard_recovery(info)
        return False

    def _restore(self, info: recovery.RecoveryInfo, name: str) -> bool:
        current = self.doc.project
        if (
            current is not None
            and current.path is not None
            and info.original_path is not None
            and store.same_file(Path(current.path), info.original_path)
        ):
            self.release_project()  # free its lock for the restored project
        try:
            project = recovery.open_recovery(info)
        except UserFacingError as exc:
            self.message_bar.show_message(
                fill(self.tr("Could not open %1: %2"), name, project_message(str(exc))),
                "error",
            )
            return False
        self.release_project()
        self.set_project(project)
        self.task_panel.log(self.tr("Recovered unsaved work of %1").replace("%1", name))
        return True

    def ask_restore(self, name: str, when: str) -> QMessageBox.StandardButton:
        """Ask whether to restore a recovery file (tests replace this method)."""
        return QMessageBox.question(
            self,
            self.tr("Recover unsaved work"),
            fill(
                self.tr(
                    "Fibre Workbench was closed without saving %1. Unsaved work from %2 was "
                    "kept.\n\nRestore it? (No keeps the recovery file for later; Discard "
                    "deletes it.)"
                ),
                name,
                when,
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
