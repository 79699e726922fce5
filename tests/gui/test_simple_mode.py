"""Simple mode: the self-assessment panel, report saving, remembered across restarts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox


def _window(qtbot):
    from workbench.gui.main_window import MainWindow

    win = MainWindow()
    win.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(win)
    win.show()
    return win


def test_simple_mode_hides_the_expert_parts_and_is_remembered(qtbot, demo_project):
    win = _window(qtbot)
    win.set_project(demo_project)
    assert not win.simple_mode.simple
    win.help_actions.simple_mode.trigger()
    assert win.simple_mode.simple
    assert win.simple_mode.stack.currentWidget() is win.simple_mode.panel_page
    assert win.simple_mode.panel.isVisible()
    assert not win.tree_dock.isVisible() and not win.details_dock.isVisible()
    visible_menus = [a.text() for a in win.menuBar().actions() if a.isVisible()]
    assert visible_menus == ["&File", "&View", "&Help"]
    assert not win.tree_dock.toggleViewAction().isVisible()
    overview = win.simple_mode.overview_dock()
    if overview is not None:
        assert overview.isVisible()
    panel = win.simple_mode.panel
    assert panel.wizard_button.isEnabled()
    assert not panel.report_button.isEnabled()  # on the demo: start the assessment first
    win.close()

    again = _window(qtbot)  # a new window reads the remembered mode
    assert again.simple_mode.simple and again.help_actions.simple_mode.isChecked()
    again.simple_mode.panel.full_button.click()
    assert not again.simple_mode.simple
    assert again.tree_dock.isVisible() and again.details_dock.isVisible()
    assert again.tree_dock.toggleViewAction().isVisible()
    assert all(a.isVisible() for a in again.menuBar().actions())
    again.close()

    third = _window(qtbot)
    assert not third.simple_mode.simple
    third.close()


def test_save_report_writes_html(qtbot, demo_project, tmp_path):
    from workbench.gui.simple_mode import write_report_file

    win = _window(qtbot)
    win.set_project(demo_project)
    out = tmp_path / "report.html"
    write_report_file(win, str(out))
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower() and demo_project.samples
    win.close()


def test_report_is_of_the_companys_samples_and_saved_in_the_background(
    qtbot, demo_project, make_project, tmp_path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from workbench.gui.self_assessment import default_report_folder

    win = _window(qtbot)
    win.set_project(demo_project)
    win.simple_mode.set_simple(True)
    panel = win.simple_mode.panel
    assert not panel.report_button.isEnabled()  # the demo is an example, not their data
    assert "demonstration" in panel.project_label.text()
    project = make_project(2, 1)
    demo_sample = project.samples[next(iter(project.samples))]
    demo_sample.metadata["data"] = "demonstration"  # e.g. copied in from the demo
    win.set_project(project)
    assert panel.report_button.isEnabled()
    target = tmp_path / "out"
    seen = {}

    def choose(*args, **kwargs):
        seen["start"] = args[2]
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    folder = default_report_folder()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    from workbench.gui.simple_mode import save_report

    task = save_report(win)  # File > Save report… and the panel's button
    assert "Writing the report" in win.message_bar.text()
    qtbot.waitUntil(lambda: task.state != "running", timeout=60000)
    assert task.state == "done", task.error
    written = tmp_path / "out.pdf"  # a PDF unless a web page was asked for
    assert written.read_bytes().startswith(b"%PDF")
    start = Path(seen["start"])  # the default folder, a file named after the project
    assert start.parent == folder != Path.home() and start.suffix == ".pdf"
    assert default_report_folder() == tmp_path  # the folder chosen is offered next time
    assert "out.pdf" in win.message_bar.text()
    win.message_bar.action_button.click()
    assert [u.toLocalFile() for u in opened] == [str(written)]
    win.close()


def test_report_of_a_project_leaves_out_demonstration_samples(make_project):
    from workbench.gui.simple_mode import report_samples

    project = make_project(3, 0)
    first = next(iter(project.samples.values()))
    first.metadata["data"] = "demonstration"
    assert report_samples(project) == ["Sample 2", "Sample 3"]
    for s in project.samples.values():
        s.metadata["data"] = "demonstration"
    assert report_samples(project) is None  # the demo itself: reported as the example


def test_simple_mode_panel_does_not_squeeze_the_docks(window, qtbot):
    """The hidden simple panel must not widen the central area (it once halved the docks)."""
    qtbot.waitUntil(lambda: window.tree_dock.width() > 0)
    assert window.tree_dock.width() >= 300 and window.details_dock.width() >= 300


def test_answers_of_a_side_stream_can_be_changed_from_simple_mode(qtbot, make_project):
    """Simple mode reaches the wizard's questions and values again for a side stream."""
    from workbench.gui.wizard import TYPED_METHOD
    from workbench.model import Measurement, Quantity

    win = _window(qtbot)
    project = make_project(1, 0)
    sample = next(iter(project.samples.values()))
    typed = Measurement(
        id="m-typed",
        kind="properties",
        quantities={"ash": Quantity(2.1, "%", "db", method=TYPED_METHOD, origin="typed")},
        method=TYPED_METHOD,
    )
    project.add_measurement(sample.id, typed)
    win.set_project(project)
    win.simple_mode.set_simple(True)
    panel = win.simple_mode.panel
    assert panel.change_row.isVisible() and panel.sample_combo.currentText() == sample.name
    wizard = panel.change_answers()
    assert wizard.describe.name_edit.text() == sample.name
    assert not wizard.describe.where.isVisible()  # the side stream stays where it is
    wizard.next()
    assert wizard.currentPage() is wizard.questions  # the answers about the material
    wizard.next()
    assert wizard.data.edits["ash"].text() == "2.1"
    wizard.data.edits["ash"].setText("0.6")
    wizard.next()
    values = [
        m.quantities["ash"].value for m in sample.measurements.values() if m.kind == "properties"
    ]
    assert values == [0.6]  # replaced, not a second set of typed values
    assert win.doc.project is project and len(project.samples) == 1
    win.undo_stack.undo()
    values = [
        m.quantities["ash"].value for m in sample.measurements.values() if m.kind == "properties"
    ]
    assert values == [2.1]
    wizard.close()
    win.close()
