"""Export from the window: values to CSV/XLSX on the task runner, a curve to CSV/JCAMP."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from workbench.gui.export_dialog import ExportDialog, run_export, write_curve
from workbench.importers.service import preview
from workbench.model import Quantity


def test_export_values_dialog_and_runner(window, qtbot, make_project, tmp_path):
    project = make_project(2, 1)
    for sample in project.samples.values():
        m = next(iter(sample.measurements.values()))
        m.quantities["ash"] = Quantity(1.5, "%", "db")
    window.set_project(project)
    assert window.import_actions.export.isEnabled()
    dialog = ExportDialog(project, window)
    qtbot.addWidget(dialog)
    out = tmp_path / "values.xlsx"
    dialog.out_edit.setText(str(out))
    dialog.samples.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("tga"))
    path, samples, kind = dialog.options()
    assert (path, samples, kind) == (str(out), ["Sample 1"], "tga")
    dialog.close()
    task = run_export(window, str(tmp_path / "all.xlsx"), [], None)
    qtbot.waitUntil(lambda: task.state != "running", timeout=10000)
    assert task.state == "done", task.error
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "all.xlsx")
    assert "samples" in wb.sheetnames and "tga" in wb.sheetnames
    header = [c.value for c in wb["tga"][1]]
    assert "ash [%, db]" in header and wb["tga"].max_row == 3
    task = run_export(window, str(tmp_path / "v.csv"), ["Sample 2"], None)
    qtbot.waitUntil(lambda: task.state != "running", timeout=10000)
    text = (tmp_path / "v.csv").read_text()
    assert "Sample 2" in text and "Sample 1" not in text
    assert "wrote" in window.message_bar.text()


def test_export_curve_csv_and_jcamp_import_back(make_project, tmp_path):
    project = make_project(1, 1)
    sample = next(iter(project.samples.values()))
    m = next(iter(sample.measurements.values()))
    for name in ("curve.csv", "curve.jdx"):
        out = tmp_path / name
        message = write_curve(project, sample.id, m.id, str(out))
        assert "50 points" in message and out.is_file()
    back = preview(tmp_path / "curve.jdx").parsed.measurements[0]
    y = back.columns[back.signal].values()
    assert np.allclose(y, m.columns["mass"].values())
    text = (tmp_path / "curve.csv").read_text().splitlines()
    assert text[0].startswith("temperature [°C],mass [%]") and len(text) == 51


def test_export_curve_context_action(window, make_project, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    project = make_project(1, 1)
    window.set_project(project)
    sample = next(iter(project.samples.values()))
    assert window.import_actions.export_curve in window.tree.actions()
    sidx = window.tree_model.index_of_sample(sample.id)
    window.tree.expand(sidx)
    window.tree.setCurrentIndex(window.tree_model.index(0, 0, sidx))
    out = tmp_path / "tga.jdx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.import_actions.export_curve.trigger()
    assert out.is_file() and "##TITLE=Sample 1 TGA" in out.read_text()
    assert "50 points" in window.statusBar().currentMessage()
