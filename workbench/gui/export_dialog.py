"""Export from the window: value tables (CSV/XLSX) and single curves (CSV/JCAMP-DX).

File > Export… asks for the output file, the kind of data and the samples, then runs
``workbench.export.export`` on a worker thread (the TaskRunner). "Export curve…" on a
measurement in the project tree writes that one curve or spectrum with
``curve_csv_bytes`` or ``measurement_jcamp``; both files import back to the same
values. The core writes atomically, so a failed export leaves no half-written file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import UserFacingError
from workbench.export import curve_csv_bytes, export
from workbench.fileio import atomic_write_bytes
from workbench.gui.i18n import kind_label
from workbench.model import Project

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

translate = QCoreApplication.translate
LAST_EXPORT_KEY = "export/last_dir"


class ExportDialog(QDialog):
    """Choose output file, kind and samples for a value export."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export values"))
        self.project = project
        self.out_edit = QLineEdit()
        self.out_edit.setPlaceholderText(self.tr("values.xlsx or values.csv"))
        folder = QSettings().value(LAST_EXPORT_KEY, str(Path.home()))
        self.out_edit.setText(str(Path(str(folder)) / "values.xlsx"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Everything"), "")
        kinds = sorted({m.kind for _s, m in project.iter_measurements()})
        for kind in kinds:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.addItem(self.tr("Analysis results"), "results")
        self.samples = QListWidget()
        self.samples.setToolTip(self.tr("Only the ticked samples are exported"))
        for sample in project.samples.values():
            item = QListWidgetItem(sample.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.samples.addItem(item)
        form = QFormLayout()
        form.addRow(self.tr("Output file:"), out_row)
        form.addRow(self.tr("Data:"), self.kind_combo)
        form.addRow(self.tr("Samples:"), self.samples)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export values"),
            self.out_edit.text(),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            self.out_edit.setText(path)

    def chosen_samples(self) -> list[str]:
        items = [self.samples.item(i) for i in range(self.samples.count())]
        ticked = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
        return [] if len(ticked) == len(items) else ticked

    def options(self) -> tuple[str, list[str], str | None]:
        return self.out_edit.text().strip(), self.chosen_samples(), self.kind_combo.currentData()


def _export_work(progress, project: Project, out: str, samples: list[str], kind: str | None):
    progress.update(0.1, Path(out).name)
    return export(project, out, samples=samples or None, kind=kind or None)


def run_export(win: MainWindow, out: str, samples: list[str], kind: str | None):
    """Export on a worker thread; the outcome goes to the log and the message bar."""
    project = win.doc.project
    if project is None or not out:
        return None
    QSettings().setValue(LAST_EXPORT_KEY, str(Path(out).parent))

    def done(message: str) -> None:
        win.task_panel.log(message)
        win.statusBar().showMessage(message, 10000)
        win.message_bar.show_message(message, "info")

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            win.message_bar.show_message(str(exc), "warning")

    title = translate("Export", "Export to %1").replace("%1", Path(out).name)
    return win.runner.submit(
        title, _export_work, project, out, samples, kind, on_done=done, on_error=failed
    )


def export_values(win: MainWindow) -> None:
    """File > Export…: ask, then export."""
    project = win.doc.project
    if project is None:
        return
    dialog = ExportDialog(project, win)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        out, samples, kind = dialog.options()
        run_export(win, out, samples, kind)


def write_curve(project: Project, sample_id: str, measurement_id: str, out: str) -> str:
    """Write one curve as CSV or (.jdx/.dx) JCAMP-DX; returns a one-line summary."""
    sample = project.samples[sample_id]
    m = sample.measurements[measurement_id]
    if not m.is_curve:
        raise UserFacingError(f"{m.label or m.kind} is not a curve or spectrum")
    if Path(out).suffix.lower() in {".jdx", ".dx", ".jcamp"}:
        from workbench.importers.export_jcamp import measurement_jcamp

        data = measurement_jcamp(m, title=f"{sample.name} {m.label}".strip()).encode("utf-8")
    else:
        data = curve_csv_bytes(m)
    atomic_write_bytes(out, data)
    return f"wrote {m.kind} {m.label!r} of {sample.name} ({m.n_points} points) to {out}"


def export_selected_curve(win: MainWindow) -> None:
    """Tree context action: export the selected measurement's curve."""
    project = win.doc.project
    refs = [r for r in win.tree.selected_refs() if r[0] == "measurement"]
    if project is None or not refs:
        win.statusBar().showMessage(
            translate("Export", "Select a curve or spectrum in the project tree first."), 8000
        )
        return
    _kind, sid, mid = refs[0]
    m = project.samples[sid].measurements[mid]
    folder = QSettings().value(LAST_EXPORT_KEY, str(Path.home()))
    stem = f"{project.samples[sid].name} {m.label or m.kind}".strip().replace("/", "_")
    path, _ = QFileDialog.getSaveFileName(
        win,
        translate("Export", "Export curve"),
        str(Path(str(folder)) / f"{stem}.csv"),
        translate("Export", "CSV (*.csv);;JCAMP-DX (*.jdx *.dx)"),
    )
    if not path:
        return
    try:
        message = write_curve(project, sid, mid, path)
    except (UserFacingError, OSError) as exc:
        win.message_bar.show_message(str(exc), "warning")
        return
    QSettings().setValue(LAST_EXPORT_KEY, str(Path(path).parent))
    win.task_panel.log(message)
    win.statusBar().showMessage(message, 10000)
