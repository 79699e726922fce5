"""Live before/after preview of a spectral preprocessing pipeline, and named pipelines.

Part of the spectral preprocessing dialog. Whenever the pipeline parameter changes the
selected sample's first spectrum is processed with ``spectral_data.preview`` (the same
``apply_pipeline`` the plugin uses) and drawn before (left) and after (right). One
spectrum normally takes a few milliseconds; if a preview ever takes longer than
``GUI_BUDGET`` the following previews run on the task runner instead, so typing never
stutters. Named pipelines can be loaded into the field and saved (into the project, so
they travel with it, or into the user folder for every project).
"""

from __future__ import annotations

import json
import time
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.analysis.pipelines import (
    OPS,
    list_pipelines,
    load_pipeline,
    resolve_pipeline,
    save_pipeline,
)
from workbench.errors import UserFacingError
from workbench.gui.i18n import fill
from workbench.gui.locale_axis import locale_axes
from workbench.gui.param_form import ParamForm
from workbench.model import Project

GUI_BUDGET = 0.05  # seconds: a slower preview moves to a worker thread
DEBOUNCE_MS = 150


class PipelinePreview(QGroupBox):
    """Before/after plots of one spectrum plus load/save of named pipelines."""

    def __init__(
        self, form: ParamForm, project: Project, runner: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview: one spectrum before and after"))
        self.form = form
        self.project = project
        self.runner = runner
        self.sample_id: str | None = None
        self.in_background = False
        self.last_seconds = 0.0
        self.computations = 0
        self._pending_task = None
        self.edit: QLineEdit = form.widgets["pipeline"]  # type: ignore[assignment]

        self.load_combo = QComboBox()
        self.load_combo.setToolTip(self.tr("Put a saved pipeline into the Pipeline field"))
        self._fill_names()
        self.load_combo.activated.connect(self._load)
        self.step_combo = QComboBox()
        self.step_combo.addItem(self.tr("Add a step…"), "")
        for op in OPS:
            self.step_combo.addItem(op, op)
        self.step_combo.setToolTip(self.tr("Append a step with its default settings"))
        self.step_combo.activated.connect(self._add_step)
        save = QPushButton(self.tr("Save pipeline as…"))
        save.clicked.connect(self.save_dialog)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Load:")))
        tools.addWidget(self.load_combo, 1)
        tools.addWidget(self.step_combo, 1)
        tools.addWidget(save)

        self.before = pg.PlotWidget(
            background="w", title=self.tr("Before"), axisItems=locale_axes()
        )
        self.after = pg.PlotWidget(background="w", title=self.tr("After"), axisItems=locale_axes())
        for plot in (self.before, self.after):
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.setMinimumHeight(180)
        plots = QHBoxLayout()
        plots.addWidget(self.before)
        plots.addWidget(self.after)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(plots, 1)
        layout.addWidget(self.status)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        form.changed.connect(self.timer.start)

    # -- named pipelines -----------------------------------------------------------
    def _fill_names(self) -> None:
        self.load_combo.clear()
        for name, where in list_pipelines(self.project).items():
            self.load_combo.addItem(f"{name} ({where})", name)

    def _load(self, index: int) -> None:
        name = self.load_combo.itemData(index)
        if name:
            self.edit.setText(str(name))

    def _add_step(self, index: int) -> None:
        op = self.step_combo.itemData(index)
        self.step_combo.setCurrentIndex(0)
        if not op:
            return
        try:
            steps = resolve_pipeline(self.edit.text(), project=self.project)
        except UserFacingError:
            steps = []
        step: dict[str, Any] = {"op": op}
        for key, (_t, default, *_rest) in OPS[op].items():
            if isinstance(default, int | float | str):
                step[key] = default
        if op == "range" and self.sample_id:
            step.update(self._x_range())
        if op == "resample":
            step.update(self._x_range())
            step = {"op": "resample", "start": step["min"], "stop": step["max"], "step": 2.0}
        steps.append(step)
        self.edit.setText(json.dumps(steps))

    def _x_range(self) -> dict[str, float]:
        x = self._spectrum_x()
        if x is None or not len(x):
            return {"min": 0.0, "max": 1.0}
        return {"min": float(min(x)), "max": float(max(x))}

    def _spectrum_x(self):
        m = self._measurement()
        if m is None or not m.axes or m.axes[0] not in m.columns:
            return None
        return m.columns[m.axes[0]].values()

    def save_dialog(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save pipeline"), self.tr("Name (saved in this project):")
        )
        if ok and name.strip():
            self.save(name.strip())

    def save(self, name: str, *, in_project: bool = True) -> bool:
        """Save the field's pipeline under ``name``; False (with the reason shown) on error."""
        try:
            steps = resolve_pipeline(self.edit.text(), project=self.project)
            save_pipeline(name, steps, project=self.project if in_project else None)
        except UserFacingError as exc:
            self._say(str(exc), error=True)
            return False
        self._fill_names()
        self.edit.setText(name)
        self._say(self.tr("Saved the pipeline as “%1”.").replace("%1", name))
        return load_pipeline(name, project=self.project if in_project else None) == steps

    # -- preview --------------------------------------------------------------------
    def set_sample(self, sample_id: str | None) -> None:
        self.sample_id = sample_id
        self.refresh()

    def _measurement(self):
        sample = self.project.samples.get(self.sample_id or "")
        if sample is None:
            return None
        spectra = [m for m in sample.measurements.values() if m.kind == "spectrum"]
        return spectra[0] if spectra else None

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color:#b00020" if error else "color:#555")
        self.status.setText(text)

    def refresh(self) -> None:
        m = self._measurement()
        if m is None:
            self.before.clear()
            self.after.clear()
            self._say(self.tr("Tick a sample with a spectrum to see a preview."))
            return
        text = self.edit.text()
        if self.in_background and self.runner is not None:
            if self._pending_task is not None:
                self._pending_task.cancel()
            self._pending_task = self.runner.submit(
                self.tr("Preprocessing preview"),
                lambda _p: _compute(m, text, self.project),
                on_done=self._draw,
                on_error=lambda exc: self._say(str(exc), error=True),
                quiet=True,
            )
            return
        start = time.perf_counter()
        try:
            data = _compute(m, text, self.project)
        except (UserFacingError, ValueError) as exc:
            self._say(str(exc), error=True)
            return
        self.last_seconds = time.perf_counter() - start
        if self.last_seconds > GUI_BUDGET and self.runner is not None:
            self.in_background = True
        self._draw(data)

    def _draw(self, data: tuple) -> None:
        x, y, x_new, y_new, x_unit, name = data
        self.computations += 1
        for plot, xs, ys, colour in (
            (self.before, x, y, (31, 119, 180)),
            (self.after, x_new, y_new, (214, 39, 40)),
        ):
            plot.clear()
            plot.plot(xs, ys, pen=pg.mkPen(colour, width=1.5))
            plot.setLabel("bottom", self.tr("x"), units=x_unit or None)
            plot.getAxis("bottom").enableAutoSIPrefix(False)
            plot.getPlotItem().invertX(x_unit in {"cm-1", "cm⁻¹", "1/cm", "cm^-1"})
        self._say(
            fill(
                self.tr("%1: %2 points before, %3 after (%4 ms)."),
                name,
                len(x),
                len(x_new),
                f"{self.last_seconds * 1000:.0f}",
            )
        )


def _compute(m, text: str, project: Project) -> tuple:
    from workbench.analysis.spectral_data import preview

    x, y, x_new, y_new = preview(m, text, project=project)
    axis = m.columns[m.axes[0]] if m.axes and m.axes[0] in m.columns else None
    return x, y, x_new, y_new, axis.unit if axis is not None else "", m.label or m.id
