"""The result view: one derived result as a table of values, its plots and provenance.

Shown in the centre of the window when a single result is selected in the project
tree (``analysis_actions`` puts it on the plot view's page stack). Left: the values
(property, value, unit, basis, how obtained), the analysis's messages and the
provenance (plugin id and version, parameters, inputs, application version, time).
Right: one tab per declared plot (``result_plots``). A stale result carries a banner
saying why, with a one-click "Re-run"; "Re-run with other parameters…" opens the
plugin's form prefilled with this result's parameters.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.i18n import (
    basis_label,
    fill,
    method_label,
    result_label,
    result_messages,
)
from workbench.gui.numbers import locale_number
from workbench.gui.result_plots import plot_title, plot_widget
from workbench.gui.value_labels import value_label
from workbench.model import Result, Sample

BASIS_WIDTH = 130  # pixels: a longer basis ("as received (wet basis)") ends in "…"


def fmt(value: float) -> str:
    return locale_number(value)


class ResultView(QWidget):
    """Values, messages, provenance and plots of one result."""

    rerunRequested = Signal(str, str)  # sample id, result id (stale: same parameters)
    editRequested = Signal(str, str)  # sample id, result id (form prefilled)
    exportCalibrationRequested = Signal(str, str)  # sample id, result id (PLS calibration)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sample_id = ""
        self.result_id = ""
        self.title = QLabel()
        self.title.setStyleSheet("font-size:13pt;font-weight:600")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color:#555")
        for label in (self.title, self.subtitle):  # a long title wraps: it never takes
            label.setWordWrap(True)  # the room of the project tree beside it
        self.edit_button = QPushButton(self.tr("Re-run with other parameters…"))
        self.edit_button.setToolTip(
            self.tr("Open the analysis form with this result's parameters filled in")
        )
        self.edit_button.clicked.connect(
            lambda: self.editRequested.emit(self.sample_id, self.result_id)
        )
        self.export_calibration_button = QPushButton(self.tr("Export calibration…"))
        self.export_calibration_button.setToolTip(
            self.tr(
                "Write every figure, the cross-validated and test-set predictions and the "
                "coefficients of this calibration to Excel or CSV"
            )
        )
        self.export_calibration_button.clicked.connect(
            lambda: self.exportCalibrationRequested.emit(self.sample_id, self.result_id)
        )
        self.export_calibration_button.hide()
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet(
            "background:#fff4ce;border:1px solid #e0c060;padding:4px;color:#5a4500"
        )
        self.rerun_button = QPushButton(self.tr("Re-run"))
        self.rerun_button.setToolTip(
            self.tr("Compute this result again from the sample's current data")
        )
        self.rerun_button.clicked.connect(
            lambda: self.rerunRequested.emit(self.sample_id, self.result_id)
        )
        self.stale_box = QWidget()
        stale_row = QHBoxLayout(self.stale_box)
        stale_row.setContentsMargins(0, 0, 0, 0)
        stale_row.addWidget(self.stale_label, 1)
        stale_row.addWidget(self.rerun_button)
        self.stale_box.hide()

        self.values = QTableWidget(0, 4)
        self.values.setHorizontalHeaderLabels(
            [self.tr("Property"), self.tr("Value"), self.tr("Unit"), self.tr("Basis")]
        )  # fmt: skip
        self.values.verticalHeader().hide()
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values.setAlternatingRowColors(True)
        header = self.values.horizontalHeader()
        # value and unit as wide as their texts (never cut), a long basis and the
        # property name share the rest (elided, the whole text in the tooltip)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.values.setWordWrap(False)
        self.values.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.messages = QListWidget()
        self.messages.setWordWrap(True)
        self.provenance = QTableWidget(0, 2)
        self.provenance.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Value")])
        self.provenance.verticalHeader().hide()
        self.provenance.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.provenance.horizontalHeader().setStretchLastSection(True)
        self.provenance.setWordWrap(True)
        self.info_tabs = QTabWidget()
        self.info_tabs.addTab(self.values, self.tr("Values"))
        self.info_tabs.addTab(self.messages, self.tr("Messages"))
        self.info_tabs.addTab(self.provenance, self.tr("Provenance"))
        self.plots = QTabWidget()
        self.no_plot = QLabel(self.tr("This result has no plots."))
        self.no_plot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_plot.setStyleSheet("color:#666")

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.export_calibration_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.info_tabs)
        self.splitter.addWidget(self.plots)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([340, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(head)
        layout.addWidget(self.stale_box)
        layout.addWidget(self.splitter, 1)

    # -- filling ------------------------------------------------------------------
    def show_result(
        self,
        sample: Sample,
        result: Result,
        plugin_name: str = "",
        stale: list[str] | None = None,
        shared: Result | None = None,
    ) -> None:
        """Show ``result``; ``shared`` is the result of the same project-wide run that holds
        the run's plots (they are stored once, with the first sample's result)."""
        self.sample_id, self.result_id = sample.id, result.id
        self.export_calibration_button.setVisible(result.plugin_id == "pls_calibration")
        label = result_label(result) if result.label else plugin_name or result.plugin_id
        run = next((i for i in result.inputs if i.get("type") == "run"), None)
        if run is not None:  # a project-wide model: it belongs to no one sample
            n = len(run.get("samples", []) or [])
            self.title.setText(fill(self.tr("%1 (project-wide, %2 samples)"), label, n))
        else:
            self.title.setText(f"{sample.name}: {label}")
        self.title.setToolTip(self.title.text())
        self.subtitle.setText(
            fill(
                self.tr("%1 %2, computed %3"),
                plugin_name or result.plugin_id,
                result.plugin_version,
                result.created[:19].replace("T", " "),
            )
        )
        self.set_stale(stale or [])
        self._fill_values(result)
        self._fit_info_pane()
        self.messages.clear()
        self.messages.addItems(result_messages(result.messages) or [self.tr("No messages.")])
        self.info_tabs.setTabText(
            1, self.tr("Messages (%1)").replace("%1", str(len(result.messages)))
        )
        self._fill_provenance(result)
        self._fill_plots(shared if shared is not None and not result.plots else result)

    def set_stale(self, reasons: list[str]) -> None:
        if reasons:
            self.stale_label.setText(
                self.tr("Stale: the data this result was computed from have changed.")
                + " "
                + "; ".join(reasons)
            )
        self.stale_box.setVisible(bool(reasons))

    def _fill_values(self, result: Result) -> None:
        items = list(result.values.items())
        self.values.setRowCount(len(items))
        for row, (pid, q) in enumerate(items):
            value = fmt(q.value) + (f" ± {fmt(q.sd)}" if q.sd is not None else "")
            origin = self.origin_text(q.origin)
            if q.method:
                origin += f" ({method_label(q.method)})"
            name = value_label(pid, result.plugin_id)
            cells = [name, value, q.unit, basis_label(q.basis)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                basis = basis_label(q.basis)
                item.setToolTip(f"{name}: {value} {q.unit}, {basis}, {origin}".replace(", ,", ","))
                if col == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.values.setItem(row, col, item)
        self.info_tabs.setTabText(0, self.tr("Values (%1)").replace("%1", str(len(items))))

    def _fit_info_pane(self) -> None:
        """The values pane wide enough for value, unit and basis and a readable name
        (at most half the view): the basis column was cut off."""
        self.values.resizeColumnsToContents()
        header = self.values.horizontalHeader()
        header.resizeSection(3, min(header.sectionSize(3), BASIS_WIDTH))
        needed = sum(header.sectionSize(c) for c in (1, 2, 3)) + 150
        needed += self.values.verticalScrollBar().sizeHint().width() + 12
        total = sum(self.splitter.sizes()) or self.width()
        left = min(needed, total // 2)
        self.splitter.setSizes([left, max(total - left, 1)])

    def origin_text(self, origin: str) -> str:
        texts = {
            "measured": self.tr("measured"),
            "derived": self.tr("derived"),
            "predicted": self.tr("predicted"),
            "typed": self.tr("typed in"),
        }
        return texts.get(origin, origin)

    def _fill_provenance(self, result: Result) -> None:
        rows = [
            (self.tr("Plugin"), result.plugin_id),
            (self.tr("Plugin version"), result.plugin_version),
            (self.tr("Application version"), result.app_version),
            (self.tr("Computed"), result.created),
            (self.tr("Result id"), result.id),
        ]
        rows += [
            (self.tr("Parameter %1").replace("%1", k), json.dumps(v, ensure_ascii=False))
            for k, v in result.parameters.items()
        ]
        for i in result.inputs:
            kind = str(i.get("kind") or i.get("plugin") or "")
            rows.append(
                (
                    self.tr("Input %1").replace("%1", str(i.get("type", ""))),
                    f"{i.get('id', '')} {kind}".strip(),
                )
            )
        self.provenance.setRowCount(len(rows))
        for r, (k, v) in enumerate(rows):
            self.provenance.setItem(r, 0, QTableWidgetItem(k))
            self.provenance.setItem(r, 1, QTableWidgetItem(v))
        self.provenance.resizeColumnToContents(0)

    def _fill_plots(self, result: Result) -> None:
        while self.plots.count():
            widget = self.plots.widget(0)
            self.plots.removeTab(0)
            if widget is not self.no_plot:
                widget.deleteLater()
        for i, plot in enumerate(result.plots):
            try:
                widget = plot_widget(result, plot)
            except (KeyError, ValueError, TypeError):
                continue  # a malformed plot entry of an old result: its values still show
            self.plots.addTab(widget, plot_title(plot, i))
        if not self.plots.count():
            self.plots.addTab(self.no_plot, self.tr("Plots"))

    def plot_kinds(self) -> list[str]:
        """Class names of the plot widgets shown (for tests)."""
        return [type(self.plots.widget(i)).__name__ for i in range(self.plots.count())]
