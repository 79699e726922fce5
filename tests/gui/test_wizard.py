"""Self-assessment wizard end to end, and training a classifier from the window."""

from __future__ import annotations

from pathlib import Path

from workbench.gui.wizard import SelfAssessmentWizard


def _save_from_last_page(wizard, qtbot, folder, html: bool = False):
    page = wizard.report
    page.folder_edit.setText(str(folder))
    if html:
        page.html_radio.setChecked(True)
    task = page.save_report()
    qtbot.waitUntil(lambda: task.state != "running", timeout=60000)
    assert task.state == "done", task.error
    qtbot.waitUntil(lambda: not wizard.win.runner.running(), timeout=60000)
    return page.written


def test_wizard_typed_values_give_verdicts_and_a_report(window, make_project, qtbot, tmp_path):
    project = make_project(1, 1)
    window.doc.set_project(project)
    wizard = SelfAssessmentWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.describe
    assert page.where.isVisible()  # the user's own project: asked where to keep it
    page.add_radio.setChecked(True)
    page.name_edit.setText("Sawmill bark")
    page.type_combo.setCurrentIndex(page.type_combo.findData("bark"))
    page.supplier_edit.setText("Saha Oy")
    wizard.next()
    assert wizard.currentPage() is wizard.questions
    assert window.doc.project is project  # added to the open project, as chosen
    sample = project.samples[wizard.sample_id]
    assert (sample.name, sample.feedstock_type, sample.supplier) == (
        "Sawmill bark", "bark", "Saha Oy"
    )  # fmt: skip
    wizard.questions.answer("chemical_treatment", "untreated")
    wizard.next()
    assert wizard.currentPage() is wizard.data
    assert sample.metadata["chemical_treatment"] == "untreated"
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
    text = wizard.verdict_page.browser.toPlainText().replace("\u00a0", " ")
    assert "Too much ash (" in text and "yours 2.1 %)." in text
    assert "Not suitable as it is" in text
    wizard.next()
    assert wizard.currentPage() is wizard.report
    assert wizard.report.pdf_radio.isChecked()  # a company hands on a PDF
    written = _save_from_last_page(wizard, qtbot, tmp_path, html=True)
    assert written == tmp_path / "Sawmill bark.html"
    html = written.read_text(encoding="utf-8")
    assert "Sawmill bark" in html and "ENplus" in html
    assert "Sample 1" not in html  # the report covers this side stream only
    # going back and changing the values replaces the typed measurement
    wizard.back()
    wizard.back()
    edits["ash"].setText("0.5")
    wizard.next()
    typed = [m for m in sample.measurements.values() if m.kind == "properties"]
    assert [m.quantities["ash"].value for m in typed] == [0.5]
    wizard.close()


def test_wizard_over_the_demo_starts_a_project_of_its_own(window, qtbot, tmp_path, monkeypatch):
    """A company that starts from the demo never writes into it; its report is its own."""
    from PySide6.QtGui import QDesktopServices

    from workbench.demo import write_demo
    from workbench.gui.self_assessment import default_report_folder
    from workbench.project.store import close_project, open_project

    demo = tmp_path / "demo" / "demo.fwproj"
    demo.parent.mkdir()
    write_demo(demo)
    before = demo.read_bytes()
    monkeypatch.setattr("workbench.gui.app.demo_path", lambda: demo)
    window.set_project(open_project(demo))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    wizard = SelfAssessmentWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.describe.where.isVisible()  # nothing to ask: a new project it is
    wizard.describe.name_edit.setText("Sawmill bark, spring 2026")
    wizard.next()
    project = window.doc.project
    assert project.path is None and [s.name for s in project.samples.values()] == [
        "Sawmill bark, spring 2026"
    ]
    wizard.next()  # the questions: nothing known, nothing stored
    assert wizard.currentPage() is wizard.data
    wizard.data.edits["ash"].setText("2.1")
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.verdict_page.verdicts), timeout=20000)
    wizard.next()
    assert wizard.report.folder_edit.text() == str(default_report_folder())
    assert default_report_folder() != Path.home()
    written = _save_from_last_page(wizard, qtbot, tmp_path / "reports")
    assert written == tmp_path / "reports" / "Sawmill bark, spring 2026.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    kept = tmp_path / "reports" / "Sawmill bark, spring 2026.fwproj"
    assert window.doc.project.path == kept and not window.doc.project.dirty
    wizard.report.open_button.click()
    assert [u.toLocalFile() for u in opened] == [str(written)]
    wizard.close()
    assert demo.read_bytes() == before  # the example stays as it was
    window.release_project()
    reopened = open_project(kept, read_only=True)
    try:
        assert [s.name for s in reopened.samples.values()] == ["Sawmill bark, spring 2026"]
    finally:
        close_project(reopened)
    html_report = tmp_path / "again.html"
    from workbench.report.writer import write_report

    again = open_project(kept, read_only=True)
    try:
        write_report(again, html_report)
    finally:
        close_project(again)
    text = html_report.read_text(encoding="utf-8")
    for absent in ("Demonstration", "demo.fwproj", "Project: demo", "Birch chips", "Project:"):
        assert absent not in text, absent


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
