"""Edit > Properties… adds a property of the project's own (undoable), and a PLS
calibration result offers *Export calibration…* (issue 15)."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from tests.spectral_synth import project_with_spectra, synthetic
from workbench.analysis.runner import run_plugin
from workbench.gui.properties_dialog import PropertiesDialog
from workbench.vocab import BUILTIN_PROPERTY_IDS, PROPERTIES


def test_properties_dialog_adds_and_undo_removes(window, make_project, qtbot):
    project = make_project(1, 1)
    window.set_project(project)
    dialog = PropertiesDialog(window.doc, window.undo_stack, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(BUILTIN_PROPERTY_IDS)
    dialog.new_id.setText("ash")
    dialog.unit.setText("%")
    dialog.add()
    assert "built-in" in dialog.error.text() and "properties" not in project.settings
    dialog.new_id.setText("ADF")
    dialog.unit.setText("%")
    dialog.basis.setCurrentIndex(dialog.basis.findData("db"))
    dialog.label_en.setText("Acid detergent fibre")
    dialog.add()
    assert dialog.error.text() == ""
    assert project.settings["properties"]["ADF"]["basis"] == "db"
    assert PROPERTIES["ADF"].label_en == "Acid detergent fibre"
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "ADF"
    assert window.doc.dirty
    window.undo_stack.undo()
    assert "ADF" not in project.settings["properties"] and "ADF" not in PROPERTIES
    dialog.close()


def test_pls_result_exports_its_calibration(window, qtbot, tmp_path, monkeypatch):
    x, Y, y, _ = synthetic(20, 60, seed=3)
    project = project_with_spectra(x, Y, y)
    run_plugin(project, "pls_calibration", list(project.samples), {"pipeline": "none"})
    window.set_project(project)
    sample = next(iter(project.samples.values()))
    rid = next(r.id for r in sample.results.values() if r.plugin_id == "pls_calibration")
    ctl = window.analysis
    ctl.select_result(sample.id, rid)
    assert ctl.result_view.export_calibration_button.isVisibleTo(ctl.result_view)
    out = tmp_path / "calibration.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    ctl.result_view.export_calibration_button.click()
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["figures", "cv_predictions"]
    assert wb["cv_predictions"].max_row == 21
