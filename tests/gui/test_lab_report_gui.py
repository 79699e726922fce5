"""A lab report taken round trip through the window: the template editor reads units and
bases from the headers (elements in mg/kg db, ash at 550 °C, NCV in MJ/kg ar), the method
column is kept, the import converts, and the explanation shows the value as the lab gave
it with the conversion."""

from __future__ import annotations

import sys
from pathlib import Path

from test_import_flow import confirm, wait_preview

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_cli_sample_labreport import COLUMNS, REPORT

from workbench.gui.commands import SetMetadataCommand, SetSampleFieldCommand
from workbench.gui.template_dialog import SAMPLE, TemplateDialog
from workbench.importers.templates import load_template


def test_lab_report_template_import_and_explanation(window, qtbot, make_project, tmp_path):
    src = tmp_path / "lab_report.csv"
    src.write_text(REPORT, encoding="utf-8")
    editor = TemplateDialog(str(src))
    qtbot.addWidget(editor)
    editor.decimal_combo.setCurrentIndex(editor.decimal_combo.findData(","))
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("properties"))
    editor.set_column("Sample", SAMPLE)
    for col, (pid, unit, basis, method) in COLUMNS.items():
        editor.set_column(col, pid, method=method)  # unit and basis: guessed from the header
        state = editor.map_table.mapping_state()[col]
        assert state[1] == unit, (col, state)
        stated = any(f" {b})" in col for b in ("ar", "db"))
        assert state[2] == (basis if stated else ""), (col, state)
        if not stated and basis:
            editor.set_column(col, pid, basis=basis)
    editor.name_edit.setText("Lab report")
    assert editor.save() == "Lab report", editor.error
    editor.close()
    saved = load_template("Lab report")
    assert saved.columns["Cl (mg/kg db)"].basis == "db"
    assert saved.columns["Cl (mg/kg db)"].method == "ISO 16994"
    assert saved.columns["NCV (MJ/kg ar)"].basis == "ar"

    project = make_project(1, 0)
    window.set_project(project)
    window.import_files([str(src)])
    dialog = wait_preview(window, qtbot)
    if dialog.items[0].plan is None or not dialog.items[0].plan.parsed.format_id.startswith(
        "template:"
    ):
        dialog.template_combo.setCurrentText("Lab report")
        dialog.reread_button.click()
        qtbot.waitUntil(lambda: dialog.items[0].plan is not None, timeout=10000)
    confirm(window, qtbot, dialog)
    sample = project.find_sample("Pellet feedstock A")
    m = next(m for m in sample.measurements.values() if m.kind == "properties")
    assert m.quantities["chlorine"].method == "ISO 16994"
    window.undo_stack.push(
        SetSampleFieldCommand(window.doc, sample.id, "feedstock_type", "sawdust")
    )
    window.undo_stack.push(
        SetMetadataCommand(window.doc, sample.id, "chemical_treatment", "Untreated")
    )
    panel = window.analysis.suitability
    window.analysis.show_matrix()
    panel.schedule()
    qtbot.waitUntil(
        lambda: panel.model.rowCount() > 0 and not window.runner.running(), timeout=60000
    )
    assert panel.select(sample.id, "pellets_enplus_a1")
    v = panel.model.verdict_at(
        *next(
            (r, c)
            for r, (sid, _n) in enumerate(panel.model.samples)
            for c, (rid, _m) in enumerate(panel.model.routes)
            if sid == sample.id and rid == "pellets_enplus_a1"
        )
    )
    assert v["verdict"] == "suitable", (v["reasons"], v["missing"], v["conditions"])
    html = window.details.browser.toPlainText() if hasattr(window.details, "browser") else ""
    text = html or panel.explanation.toPlainText()
    assert "200 mg/kg as the lab gave it = 0.02 %" in text.replace("\u00a0", " ")
    assert "ISO 16994" in text and "lab_report.csv" in text
