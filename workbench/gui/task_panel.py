"""The task and log panel: running jobs with progress and Cancel, and a message log.

Each task submitted to the ``TaskRunner`` gets a row with a progress bar and a Cancel
button; when it ends the row shows the outcome. Failed tasks also add a log entry whose
child row holds the traceback ("details"), so a technician can copy it into a bug
report without the application stopping.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.project_texts import project_message
from workbench.gui.tasks import CANCELLED, DONE, FAILED, Task, TaskRunner

log = logging.getLogger("workbench.gui")

INFO, WARNING, ERROR = "info", "warning", "error"
_COLOURS = {WARNING: QColor(160, 100, 0), ERROR: QColor(180, 20, 20)}


class TaskPanel(QWidget):
    """Shows the runner's tasks (progress, Cancel) beside a message log."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._rows: dict[int, QTreeWidgetItem] = {}
        self._bars: dict[int, QProgressBar] = {}
        self._buttons: dict[int, QPushButton] = {}

        self.tasks = QTreeWidget()
        self.tasks.setHeaderLabels([self.tr("Task"), self.tr("Progress"), "", self.tr("Status")])
        self.tasks.setRootIsDecorated(False)
        self.tasks.setToolTip(
            self.tr("Background work. Cancel stops a task at its next safe point.")
        )
        header = self.tasks.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 140)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.log_view = QTreeWidget()
        self.log_view.setHeaderLabels([self.tr("Time"), self.tr("Message")])
        self.log_view.setToolTip(self.tr("Messages of this session. Expand an error for details."))
        self.log_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.log_view.setWordWrap(True)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tasks)
        splitter.addWidget(self.log_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        runner.taskAdded.connect(self._on_added)
        runner.taskUpdated.connect(self._on_updated)
        runner.taskEnded.connect(self._on_ended)

    # -- log --------------------------------------------------------------------
    def log(self, message: str, level: str = INFO, details: str = "") -> QTreeWidgetItem:
        """Add a message (newest last); ``details`` becomes an expandable child row."""
        item = QTreeWidgetItem([time.strftime("%H:%M:%S"), message])
        item.setToolTip(1, message)
        if level in _COLOURS:
            item.setForeground(1, QBrush(_COLOURS[level]))
        if details:
            child = QTreeWidgetItem(["", details])
            child.setToolTip(1, details)
            item.addChild(child)
        self.log_view.addTopLevelItem(item)
        self.log_view.scrollToItem(item)
        getattr(log, level if level != INFO else "info")(
            "%s%s", message, f"\n{details}" if details else ""
        )
        return item

    def log_count(self) -> int:
        return self.log_view.topLevelItemCount()

    # -- tasks --------------------------------------------------------------------
    def _on_added(self, task: Task) -> None:
        if task.quiet:
            return
        item = QTreeWidgetItem([task.title, "", "", self.tr("Running")])
        item.setToolTip(0, task.title)  # a long title is cut in the column
        self.tasks.insertTopLevelItem(0, item)
        bar = QProgressBar()
        bar.setRange(0, 1000)
        bar.setTextVisible(True)
        bar.setFormat("%p%")
        button = QPushButton(self.tr("Cancel"))
        button.setToolTip(self.tr("Stop this task; nothing it did so far is kept."))
        button.clicked.connect(task.cancel)
        button.clicked.connect(lambda: button.setEnabled(False))
        self.tasks.setItemWidget(item, 1, bar)
        self.tasks.setItemWidget(item, 2, button)
        self._rows[task.id], self._bars[task.id], self._buttons[task.id] = item, bar, button

    def _on_updated(self, task: Task) -> None:
        bar = self._bars.get(task.id)
        if bar is not None:
            bar.setValue(round(task.fraction * 1000))
        item = self._rows.get(task.id)
        if item is not None and task.message:
            item.setText(3, task.message)
            item.setToolTip(3, task.message)

    def _on_ended(self, task: Task) -> None:
        item = self._rows.get(task.id)
        if item is None:
            return
        status = {
            DONE: self.tr("Finished"),
            FAILED: self.tr("Failed"),
            CANCELLED: self.tr("Cancelled"),
        }[task.state]
        item.setText(3, status)
        item.setToolTip(3, status)
        self._buttons[task.id].setEnabled(False)
        if task.state == DONE:
            self._bars[task.id].setValue(1000)
            self.log(self.tr("%1: finished").replace("%1", task.title))
        elif task.state == CANCELLED:
            self.log(self.tr("%1: cancelled").replace("%1", task.title), WARNING)
        else:
            item.setForeground(3, QBrush(_COLOURS[ERROR]))
            item.setToolTip(3, task.error)
            self.log(
                self.tr("%1 failed: %2")
                .replace("%1", task.title)
                .replace("%2", project_message(task.error)),
                ERROR,
                task.details,
            )

    def status_of(self, task: Task) -> str:
        item = self._rows.get(task.id)
        return item.text(3) if item is not None else ""
