"""*Export calibration…* on a PLS calibration result: figures, predictions, coefficients.

The button sits in the result view of a ``pls_calibration`` result; it writes the
model's tables (``workbench.calibration_export``: every figure, the CV and test-set
predictions, the RMSECV curve, the coefficients) to an Excel workbook or CSV files,
exactly as ``fibre-workbench export PROJECT --model ID`` does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workbench.calibration_export import PLS_KIND, export_calibration
from workbench.errors import UserFacingError
from workbench.gui.i18n import fill
from workbench.model import Project, Result, StoredModel

translate = QCoreApplication.translate


def model_of_result(project: Project, result: Result) -> StoredModel | None:
    """The PLS model a calibration run stored (its id is named in the run's messages)."""
    text = " ".join(str(m) for m in result.messages)
    found = [m for m in project.models.values() if m.kind == PLS_KIND and m.id in text]
    return found[0] if found else None


def export_calibration_of(parent: QWidget, project: Project, result: Result) -> str | None:
    """Ask where to write the calibration of ``result`` and write it; returns a message."""
    model = model_of_result(project, result)
    if model is None:
        QMessageBox.warning(
            parent,
            translate("CalibrationExport", "Export calibration"),
            translate("CalibrationExport", "The model of this calibration is not in the project."),
        )
        return None
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("CalibrationExport", "Export calibration"),
        f"{model.name}.xlsx",
        translate("CalibrationExport", "Excel workbook (*.xlsx);;CSV files, one per table (*.csv)"),
    )
    if not path:
        return None
    try:
        written = export_calibration(model, path)
    except (UserFacingError, OSError) as exc:
        QMessageBox.warning(parent, translate("CalibrationExport", "Export calibration"), str(exc))
        return None
    return fill(
        translate("CalibrationExport", "Calibration %1 written to %2"),
        model.name,
        ", ".join(str(p) for p in written),
    )
