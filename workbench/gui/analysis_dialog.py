"""The dialog of one analysis: its parameter form, the samples to run on, and Run.

The form is built from the plugin's manifest (``param_form``). The sample list starts
with the samples selected in the window that have what the plugin consumes (all such
samples when none is selected); samples without the inputs are listed but disabled,
with the reason as tooltip. For the spectral preprocessing plugin a live before/after
preview of one spectrum is shown (``pipeline_preview``). Run closes the dialog; the
caller runs the analysis off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.analysis.reference_values import reference_counts
from workbench.analysis.registry import PluginRecord
from workbench.analysis.runner import sample_has_inputs
from workbench.gui.i18n import active_language
from workbench.gui.param_form import ParamForm
from workbench.model import Project

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def plugin_name(record: PluginRecord) -> str:
    """The plugin's name in the UI language."""
    m = record.manifest
    if m is None:
        return record.id
    return m.name_fi if active_language() == "fi" and m.name_fi else m.name_en


def plugin_description(record: PluginRecord) -> str:
    m = record.manifest
    if m is None:
        return ""
    return m.description_fi if active_language() == "fi" and m.description_fi else m.description_en


def fit_screen(widget: QWidget, width: int, height: int) -> tuple[int, int]:
    """``width`` x ``height``, made smaller to fit the screen the window is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return width, height
    room = screen.availableGeometry()
    return min(width, room.width() - 40), min(height, room.height() - 60)


class AnalysisDialog(QDialog):
    """Parameters and samples for one run of ``record``'s plugin."""

    def __init__(
        self,
        record: PluginRecord,
        project: Project,
        selected: list[str] | None = None,
        params: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        fixed_samples: list[str] | None = None,
        runner: Any = None,
    ) -> None:
        super().__init__(parent)
        assert record.manifest is not None
        self.record = record
        self.manifest = record.manifest
        self.project = project
        self.setWindowTitle(plugin_name(record))
        self.form = ParamForm(self.manifest)
        self._counts_for: list[str] | None = None
        if params:
            self.form.set_values(params)
        about = QLabel(plugin_description(record))
        about.setWordWrap(True)
        about.setStyleSheet("color:#444")
        if self.manifest.standard:
            about.setToolTip(self.tr("Method: %1").replace("%1", self.manifest.standard))

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        params_box = QGroupBox(self.tr("Parameters"))
        QVBoxLayout(params_box).addWidget(scroll)
        defaults = QPushButton(self.tr("Restore defaults"))
        defaults.clicked.connect(lambda: self.form.set_values({}))
        params_box.layout().addWidget(defaults, 0, Qt.AlignmentFlag.AlignRight)

        self.samples = QListWidget()
        self.samples.itemChanged.connect(lambda _i: self._update_ok())
        self._fill_samples(selected or [], fixed_samples)
        self._count_references(keep=bool(params))
        samples_box = QGroupBox(self.tr("Samples"))
        QVBoxLayout(samples_box).addWidget(self.samples)
        if self.manifest.scope == "project":
            note = QLabel(self.tr("All ticked samples are analysed together."))
        else:
            note = QLabel(self.tr("Each ticked sample gets its own result."))
        note.setStyleSheet("color:#666")
        samples_box.layout().addWidget(note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText(self.tr("Run"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(params_box, 3)
        columns.addWidget(samples_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(columns, 1)
        self.preview = None
        if self.manifest.id == "spectral_preprocessing":
            from workbench.gui.pipeline_preview import PipelinePreview

            self.preview = PipelinePreview(self.form, project, runner, self)
            self.preview.set_sample(self._preview_sample())
            self.samples.currentItemChanged.connect(
                lambda *_: self.preview.set_sample(self._preview_sample())
            )
            layout.addWidget(self.preview, 2)
            self.resize(*fit_screen(self, 980, 760))
        else:
            self.resize(*fit_screen(self, 900, 600))
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._update_ok)
        self._update_ok()

    # -- samples ---------------------------------------------------------------------
    def _fill_samples(self, selected: list[str], fixed: list[str] | None) -> None:
        usable = [
            s.id for s in self.project.samples.values() if sample_has_inputs(s, self.manifest)
        ]
        if fixed is not None:
            ticked = set(fixed)
        else:
            ticked = {s for s in selected if s in usable} or set(usable)
        wanted = ", ".join(self.manifest.consumes_kinds + self.manifest.consumes_properties)
        for sample in self.project.samples.values():
            item = QListWidgetItem(sample.name)
            item.setData(ID_ROLE, sample.id)
            if sample.id in usable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if sample.id in ticked else Qt.CheckState.Unchecked
                item.setCheckState(state)
            else:
                item.setFlags(Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setToolTip(self.tr("This sample has no %1 data.").replace("%1", wanted))
            self.samples.addItem(item)
        for row in range(self.samples.count()):
            if self.samples.item(row).checkState() == Qt.CheckState.Checked:
                self.samples.setCurrentRow(row)
                break

    def sample_ids(self) -> list[str]:
        out = []
        for row in range(self.samples.count()):
            item = self.samples.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(ID_ROLE)))
        return out

    def _preview_sample(self) -> str | None:
        item = self.samples.currentItem()
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return str(item.data(ID_ROLE))
        ids = self.sample_ids()
        return ids[0] if ids else None

    # -- validation -----------------------------------------------------------------
    def _count_references(self, keep: bool = True) -> None:
        """Tell the form which properties the ticked samples have reference values of
        (for a property parameter); ``keep`` False starts it at the best one."""
        if not any(p.choices_from == "properties" for p in self.manifest.parameters):
            return
        ids = self.sample_ids()
        if ids == self._counts_for:
            return
        self._counts_for = ids
        self.form.set_property_counts(reference_counts(self.project, ids))
        if not keep:
            self.form.set_values({})

    def _update_ok(self) -> None:
        self._count_references()
        valid = self.form.validate()
        has = bool(self.sample_ids())
        self.run_button.setEnabled(valid and has)
        if not has:
            self.run_button.setToolTip(self.tr("Tick at least one sample."))
        else:
            self.run_button.setToolTip("")

    def params(self) -> dict[str, Any]:
        return self.form.values()
