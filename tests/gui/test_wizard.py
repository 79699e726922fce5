"""Self-assessment wizard end to end, and training a classifier from the window."""

from __future__ import annotations

from workbench.gui.wizard import SelfAssessmentWizard


def test_wizard_typed_values_give_verdicts_and_an_html_report(
    window, make_project, qtbot, tmp_path
):
    project = make_project(1, 1)
    window.doc.set_project(project)
    wizard = SelfAssessmentWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.describe
    page.name_edit.setText("Sawmill bark")
    page.type_combo.setCurrentIndex(page.type_combo.findData("bark"))
    page.supplier_edit.setText("Saha Oy")
    wizard.next()
    assert wizard.currentPage() is wizard.data
    sample = project.samples[wizard.sample_id]
    assert (sample.name, sample.feedstock_type, sample.supplier) == (
        "Sawmill bark", "bark", "Saha Oy"
    )  # fmt: skip
    edits = wizard.data.edits
    edits["moisture"].setText("45")
    edits["ash"].setText("2,1")  # decimal comma accepted
    edits["nitrogen"].setText("0.4")
    edits["bulk_density"].setText("oops")
    wizard.next()
    assert wizard.currentPage() is wizard.data  # bad number: stays, says which
    assert "Bulk density" in wizard.data.error.text()
    edits["bulk_density"].setText("")
    wizard.next()
    assert wizard.currentPage() is wizard.verdict_page
    typed = [m for m in sample.measurements.values() if m.kind == "properties"]
    assert len(typed) == 1
    ash = typed[0].quantities["ash"]
    assert (ash.value, ash.unit, ash.basis, ash.origin) == (2.1, "%", "db", "typed")
    qtbot.waitUntil(lambda: bool(wizard.verdict_page.verdicts), timeout=20000)
    text = wizard.verdict_page.browser.toPlainText()
    assert "Too much ash for Wood pellets ENplus A1 (limit 0.7 %, yours 2.1 %)." in text
    assert "Not suitable as it is" in text
    wizard.next()
    assert wizard.currentPage() is wizard.report
    out = tmp_path / "bark.html"
    wizard.report.path_edit.setText(str(out))
    task = wizard.report.save_report()
    qtbot.waitUntil(lambda: task.state != "running", timeout=30000)
    assert task.state == "done", task.error
    html = out.read_text(encoding="utf-8")
    assert "Sawmill bark" in html and "ENplus" in html
    # going back and changing the values replaces the typed measurement
    wizard.back()
    wizard.back()
    edits["ash"].setText("0.5")
    wizard.next()
    typed = [m for m in sample.measurements.values() if m.kind == "properties"]
    assert [m.quantities["ash"].value for m in typed] == [0.5]
    wizard.close()


def test_training_dialog_shows_cross_validated_accuracy(window, demo_project, qtbot):
    from workbench.gui.models_dialog import LabelEditor, TrainDialog

    window.doc.set_project(demo_project)
    editor = LabelEditor(window)
    qtbot.addWidget(editor)
    editor.key_combo.setEditText("woody")
    for s in demo_project.samples.values():
        woody = s.feedstock_type in ("woody", "sawdust", "bark", "logging_residues")
        editor.set_label(s.id, "wood" if woody else "other")
    assert {s.labels["woody"] for s in demo_project.samples.values()} == {"wood", "other"}
    editor.close()
    dialog = TrainDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.key_combo.currentText() == "woody"
    dialog.set_properties(["ash", "moisture"])
    dialog.folds.setValue(2)
    task = dialog.train()
    qtbot.waitUntil(lambda: task.state != "running", timeout=30000)
    assert task.state == "done", task.error
    assert "Cross-validated accuracy:" in dialog.summary.text()
    assert dialog.confusion.rowCount() == 2 and dialog.metrics.columnCount() == 4
    total = sum(int(dialog.confusion.item(i, j).text()) for i in range(2) for j in range(2))
    assert total == dialog.report.n_samples
    dialog.save_model()
    assert dialog.model.id in demo_project.models
    window.undo_stack.undo()
    assert dialog.model.id not in demo_project.models
    dialog.close()
