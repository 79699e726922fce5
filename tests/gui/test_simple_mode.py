"""Simple mode: the self-assessment panel, report saving, remembered across restarts."""

from __future__ import annotations

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
    assert panel.wizard_button.isEnabled() and panel.report_button.isEnabled()
    assert str(len(demo_project.samples)) in panel.project_label.text()
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


def test_save_report_action_uses_the_chosen_file(qtbot, demo_project, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    win = _window(qtbot)
    win.set_project(demo_project)
    target = tmp_path / "out"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Web page (*.html)")
    )
    win.help_actions.save_report.trigger()
    assert (tmp_path / "out.html").is_file()
    assert "out.html" in win.message_bar.text()
    win.close()


def test_simple_mode_panel_does_not_squeeze_the_docks(window, qtbot):
    """The hidden simple panel must not widen the central area (it once halved the docks)."""
    qtbot.waitUntil(lambda: window.tree_dock.width() > 0)
    assert window.tree_dock.width() >= 300 and window.details_dock.width() >= 300
