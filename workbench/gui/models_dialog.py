"""Learned models: a small training-label editor and the Train classifier dialog.

Labels (``sample.labels``) are what a lab's own classifier learns: a feedstock type,
or an observed route outcome from a pilot trial (key ``route:<route id>``, shown next
to that route's rule verdict). ``LabelEditor`` edits one label key for every sample
(each change an undoable ``SetLabelCommand``). ``TrainDialog`` picks the label key and
the features (properties and/or spectra), trains on the task runner with
``workbench.classify.learned.train_classifier`` and shows the cross-validated
accuracy, confusion matrix and per-class precision/recall/F1 (never training-set
figures); "Save model" adds it to the project (undoable).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.analysis_commands import AddModelCommand, SetLabelCommand
from workbench.gui.i18n import property_label
from workbench.gui.numbers import locale_fixed
from workbench.model import Project, StoredModel
from workbench.progress import Progress
from workbench.vocab import PROPERTIES

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def label_keys(project: Project) -> list[str]:
    keys: set[str] = set()
    for s in project.samples.values():
        keys |= set(s.labels)
    return sorted(keys)


def available_properties(project: Project) -> list[str]:
    """Vocabulary properties that at least two samples have a value of."""
    counts: dict[str, int] = {}
    for s in project.samples.values():
        have: set[str] = set()
        for m in s.measurements.values():
            have |= set(m.quantities)
        for r in s.results.values():
            have |= set(r.values)
        for pid in have:
            counts[pid] = counts.get(pid, 0) + 1
    return sorted(
        (p for p, n in counts.items() if n >= 2 and p in PROPERTIES and PROPERTIES[p].unit),
        key=lambda p: property_label(p).casefold(),
    )


class LabelEditor(QDialog):
    """Edit one training label key for every sample."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.setWindowTitle(self.tr("Training labels"))
        project = win.doc.project
        assert project is not None
        self.project = project
        self.key_combo = QComboBox()
        self.key_combo.setEditable(True)
        self.key_combo.addItems(label_keys(project) or ["feedstock"])
        self.key_combo.setToolTip(
            self.tr("Label name; use route:<route id> for an observed outcome of a route")
        )
        self.key_combo.currentTextChanged.connect(lambda _t: self.fill())
        fill_button = QPushButton(self.tr("Copy feedstock types"))
        fill_button.setToolTip(self.tr("Set this label of every sample to its feedstock type"))
        fill_button.clicked.connect(self.copy_feedstock_types)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Sample"), self.tr("Label")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._edited)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Label:")))
        top.addWidget(self.key_combo, 1)
        top.addWidget(fill_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            QLabel(self.tr("An empty cell removes the label. Every change can be undone."))
        )
        layout.addWidget(buttons)
        self.resize(520, 480)
        self.fill()

    def key(self) -> str:
        return self.key_combo.currentText().strip()

    def fill(self) -> None:
        key = self.key()
        self.table.blockSignals(True)
        samples = list(self.project.samples.values())
        self.table.setRowCount(len(samples))
        for row, s in enumerate(samples):
            name = QTableWidgetItem(s.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(ID_ROLE, s.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(s.labels.get(key, "")))
        self.table.blockSignals(False)

    def set_label(self, sample_id: str, value: str) -> None:
        key = self.key()
        if not key:
            return
        current = self.project.samples[sample_id].labels.get(key)
        new = value.strip() or None
        if new != current:
            self.win.undo_stack.push(SetLabelCommand(self.win.doc, sample_id, key, new))

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() != 1:
            return
        sid = self.table.item(item.row(), 0).data(ID_ROLE)
        self.set_label(str(sid), item.text())

    def copy_feedstock_types(self) -> None:
        stack = self.win.undo_stack
        stack.beginMacro(self.tr("Copy feedstock types to label “%1”").replace("%1", self.key()))
        for s in self.project.samples.values():
            self.set_label(s.id, s.feedstock_type)
        stack.endMacro()
        self.fill()


def train_worker(progress: Progress, project: Project, options: dict[str, Any]):
    from workbench.classify.learned import train_classifier

    progress.update(0.1, "cross-validating")
    return train_classifier(project, **options)


class TrainDialog(QDialog):
    """Train a classifier on labelled samples and show cross-validated performance."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.setWindowTitle(self.tr("Train classifier"))
        project = win.doc.project
        assert project is not None
        self.project = project
        self.model: StoredModel | None = None
        self.report: Any = None
        self.task = None

        self.key_combo = QComboBox()
        self.key_combo.addItems(label_keys(project))
        self.props = QListWidget()
        for pid in available_properties(project):
            item = QListWidgetItem(property_label(pid))
            item.setData(ID_ROLE, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.props.addItem(item)
        self.spectra = QCheckBox(self.tr("Use spectra (preprocessed, reduced by PCA)"))
        self.folds = QSpinBox()
        self.folds.setRange(2, 20)
        self.folds.setValue(5)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("default: <label> classifier"))
        form = QFormLayout()
        form.addRow(self.tr("Label to learn:"), self.key_combo)
        form.addRow(self.tr("Properties:"), self.props)
        form.addRow("", self.spectra)
        form.addRow(self.tr("Cross-validation folds:"), self.folds)
        form.addRow(self.tr("Model name:"), self.name_edit)
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.clicked.connect(self.train)
        self.save_button = QPushButton(self.tr("Save model to project"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_model)
        self.summary = QLabel(
            self.tr("Label samples first (Tools > Training labels…), then choose features.")
            if not label_keys(project)
            else ""
        )
        self.summary.setWordWrap(True)
        self.confusion = QTableWidget()
        self.confusion.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.metrics = QTableWidget()
        self.metrics.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.train_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(QLabel(self.tr("Confusion matrix (rows: true, columns: predicted)")))
        right_layout.addWidget(self.confusion, 1)
        right_layout.addWidget(QLabel(self.tr("Per class (cross-validated)")))
        right_layout.addWidget(self.metrics, 1)
        right_layout.addWidget(self.save_button)
        row = QHBoxLayout()
        row.addWidget(left, 2)
        row.addWidget(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def set_properties(self, pids: list[str]) -> None:
        for i in range(self.props.count()):
            item = self.props.item(i)
            on = item.data(ID_ROLE) in pids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen_properties(self) -> list[str]:
        return [
            str(self.props.item(i).data(ID_ROLE))
            for i in range(self.props.count())
            if self.props.item(i).checkState() == Qt.CheckState.Checked
        ]

    def train(self):
        key = self.key_combo.currentText()
        if not key:
            self.summary.setText(self.tr("There are no labels to learn yet."))
            return None
        options = {
            "label_key": key,
            "properties": self.chosen_properties(),
            "spectra": self.spectra.isChecked(),
            "folds": self.folds.value(),
            "name": self.name_edit.text().strip(),
        }
        self.train_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.summary.setText(self.tr("Training and cross-validating…"))

        def failed(exc: BaseException) -> None:
            self.train_button.setEnabled(True)
            self.summary.setText(self.tr("Training failed: %1").replace("%1", str(exc)))

        self.task = self.win.runner.submit(
            self.tr("Train classifier"),
            train_worker,
            self.project,
            options,
            on_done=self.show_report,
            on_error=failed,
        )
        return self.task

    def show_report(self, value: tuple[StoredModel, Any]) -> None:
        self.model, self.report = value
        rep = self.report
        self.train_button.setEnabled(True)
        self.save_button.setEnabled(not self.project.read_only)
        text = (
            self.tr("Cross-validated accuracy: %1 (%2 samples, %3 folds, %4 classes).")
            .replace("%1", f"{rep.accuracy:.0%}")
            .replace("%2", str(rep.n_samples))
            .replace("%3", str(rep.folds))
            .replace("%4", str(len(rep.classes)))
        )
        if rep.excluded:
            text += " " + self.tr("Left out (missing features): %1").replace(
                "%1", ", ".join(rep.excluded[:8])
            )
        self.summary.setText(text)
        n = len(rep.classes)
        self.confusion.setRowCount(n)
        self.confusion.setColumnCount(n)
        self.confusion.setHorizontalHeaderLabels(rep.classes)
        self.confusion.setVerticalHeaderLabels(rep.classes)
        for i in range(n):
            for j in range(n):
                item = QTableWidgetItem(str(rep.confusion[i][j]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if i == j:
                    item.setBackground(Qt.GlobalColor.lightGray)
                self.confusion.setItem(i, j, item)
        heads = [self.tr("Precision"), self.tr("Recall"), self.tr("F1"), self.tr("Samples")]
        self.metrics.setRowCount(n)
        self.metrics.setColumnCount(4)
        self.metrics.setHorizontalHeaderLabels(heads)
        self.metrics.setVerticalHeaderLabels(rep.classes)
        for i, cls in enumerate(rep.classes):
            m = rep.per_class[cls]
            cells = [
                locale_fixed(m["precision"]),
                locale_fixed(m["recall"]),
                locale_fixed(m["f1"]),
                str(m["support"]),
            ]
            for j, text in enumerate(cells):
                self.metrics.setItem(i, j, QTableWidgetItem(text))

    def save_model(self) -> None:
        if self.model is None:
            return
        self.win.undo_stack.push(AddModelCommand(self.win.doc, self.model))
        self.save_button.setEnabled(False)
        self.summary.setText(
            self.summary.text()
            + " "
            + self.tr("Saved as “%1”; its predictions appear beside the rule verdicts.").replace(
                "%1", self.model.name
            )
        )
        self.win.analysis.suitability.schedule()
