"""The wizard's question pages: yes/no facts stored as controlled metadata, lab values in
the units a lab report gives, values at a limit never called too much."""

from __future__ import annotations

from workbench.gui.wizard import SelfAssessmentWizard


def _start(window, make_project, qtbot, name="Stumps"):
    project = make_project(1, 0)
    window.doc.set_project(project)
    wizard = SelfAssessmentWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.describe.add_radio.setChecked(True)
    wizard.describe.name_edit.setText(name)
    wizard.next()
    assert wizard.currentPage() is wizard.questions
    return wizard, project.samples[wizard.sample_id]


def test_answers_are_stored_as_controlled_values_and_undone(window, make_project, qtbot):
    wizard, sample = _start(window, make_project, qtbot)
    page = wizard.questions
    assert {"chemical_treatment", "attached_soil"} <= set(page.groups)
    assert page.answers()["chemical_treatment"] == ""  # starts at "I don't know"
    page.answer("chemical_treatment", "chemically_treated")
    page.answer("attached_soil", "present")
    wizard.next()
    assert wizard.currentPage() is wizard.data
    assert sample.metadata["chemical_treatment"] == "chemically_treated"
    assert sample.metadata["attached_soil"] == "present"
    # the soil share is asked because soil is attached; metals behind a yes/no
    data = wizard.data
    assert not data.fields["soil_content"].edit.isHidden()
    assert data.fields["cadmium"].edit.isHidden() or not data.have["metals"].isChecked()
    data.have["metals"].setChecked(True)
    assert not data.fields["cadmium"].edit.isHidden()
    window.undo_stack.undo()  # the answers are one undoable step
    assert "chemical_treatment" not in sample.metadata
    wizard.close()


def test_stored_answers_are_recognised_whatever_their_case(window, make_project, qtbot):
    project = make_project(1, 0)
    sample = next(iter(project.samples.values()))
    sample.metadata["chemical_treatment"] = "Untreated"
    window.doc.set_project(project)
    wizard = SelfAssessmentWizard(window)
    qtbot.addWidget(wizard)
    wizard.sample_id = sample.id
    wizard.questions.initializePage()
    assert wizard.questions.answers()["chemical_treatment"] == "untreated"
    wizard.close()


def test_values_at_the_limit_in_lab_units_are_not_called_too_much(window, make_project, qtbot):
    wizard, sample = _start(window, make_project, qtbot, "Clean sawdust")
    wizard.questions.answer("chemical_treatment", "untreated")
    wizard.questions.answer("attached_soil", "none")
    wizard.next()
    data = wizard.data
    assert data.fields["soil_content"].edit.isHidden()  # no soil: not asked
    for pid, value in (("moisture", "10"), ("ash", "0,70"), ("nitrogen", "0.30")):
        data.edits[pid].setText(value)
    data.edits["chlorine"].setText("200")
    data.fields["chlorine"].unit.setCurrentIndex(data.fields["chlorine"].unit.findData("mg/kg"))
    data.have["metals"].setChecked(True)
    data.edits["cadmium"].setText("0.5")
    wizard.next()
    assert wizard.currentPage() is wizard.verdict_page
    typed = next(m for m in sample.measurements.values() if m.kind == "properties")
    cl = typed.quantities["chlorine"]
    assert (cl.value, cl.unit, cl.basis, cl.origin) == (200.0, "mg/kg", "db", "typed")
    qtbot.waitUntil(lambda: bool(wizard.verdict_page.verdicts), timeout=30000)
    text = wizard.verdict_page.browser.toPlainText()
    for word in ("Too much ash", "Too much nitrogen", "Too much chlorine", "Too much cadmium"):
        assert word not in text, text
    a1 = next(v for v in wizard.verdict_page.verdicts if v["route"] == "pellets_enplus_a1")
    rows = {c["id"]: c for c in a1["criteria"]}
    assert rows["chlorine"]["result"] == "pass", rows["chlorine"]
    wizard.close()


def test_values_typed_before_come_back_in_their_units(window, make_project, qtbot):
    from workbench.gui.wizard import TYPED_METHOD
    from workbench.model import Measurement, Quantity

    project = make_project(1, 0)
    sample = next(iter(project.samples.values()))
    sample.metadata["attached_soil"] = "present"
    typed = Measurement(
        id="m-typed",
        kind="properties",
        quantities={
            "chlorine": Quantity(200.0, "mg/kg", "db", origin="typed"),
            "zinc": Quantity(85.0, "ppm", "db", origin="typed"),
        },
        method=TYPED_METHOD,
    )
    project.add_measurement(sample.id, typed)
    window.doc.set_project(project)
    wizard = SelfAssessmentWizard(window, sample.id)
    qtbot.addWidget(wizard)
    data = wizard.data
    assert data.edits["chlorine"].text() == "200"
    assert data.fields["chlorine"].unit.currentData() == "mg/kg"
    assert data.fields["zinc"].unit.currentData() == "ppm"
    assert data.have["metals"].isChecked()  # the metals typed before are shown
    assert wizard.questions.answers()["attached_soil"] == ""  # answered on page entry
    wizard.questions.initializePage()
    assert wizard.questions.answers()["attached_soil"] == "present"
    wizard.close()
