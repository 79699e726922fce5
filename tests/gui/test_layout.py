"""The window's layout at a laptop's 1366x768: the matrix a main view, a log that starts
small and grows when something fails, headers and names that fit, and the project of
the last session opened again at start."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from workbench.gui.sample_table import COLUMNS


def _laptop(window, qtbot):
    window.resize(1366, 768)
    window.size_docks()
    qtbot.wait(50)


def test_the_matrix_is_a_main_view_not_a_strip(window, demo_project, qtbot):
    _laptop(window, qtbot)
    window.set_project(demo_project)
    panel = window.analysis.suitability
    assert window.main_tabs.indexOf(panel) == 1
    window.analysis.show_matrix()
    assert window.main_tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(demo_project.samples), timeout=30000)
    assert panel.height() > 0.6 * window.height()
    view = panel.view
    rows_shown = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    assert rows_shown >= len(demo_project.samples)  # every demo sample without scrolling
    # the explanation goes to the Details dock, the matrix keeps the width
    assert panel.select("s-spruce-bark", "pellets_enplus_a1")
    assert "Spruce bark" in window.details.text()


def test_simple_mode_takes_the_matrix_into_its_dock_and_gives_it_back(window, qtbot):
    panel = window.analysis.suitability
    window.simple_mode.set_simple(True, remember=False)
    assert window.analysis.suitability_dock.widget() is panel
    assert not panel.explanation.isHidden()  # no Details dock in simple mode
    window.simple_mode.set_simple(False, remember=False)
    assert window.main_tabs.indexOf(panel) == 1
    assert window.analysis.suitability_dock.isHidden()
    assert panel.explanation.isHidden()


def test_the_log_starts_small_and_grows_with_the_reason_when_a_run_fails(
    window, demo_project, qtbot
):
    _laptop(window, qtbot)
    window.set_project(demo_project)
    lines = window.task_panel.log_view.fontMetrics().lineSpacing()
    assert window.task_dock.height() <= 6 * lines + 40  # a few lines, not a fifth
    record = window.analysis.registry.get("pls_calibration")
    defaults = {p.name: p.default for p in record.manifest.parameters}
    params = {**defaults, "property": "hemicellulose"}  # one sample has it: cannot calibrate
    task = window.analysis.run(record, list(demo_project.samples), params)
    qtbot.waitUntil(lambda: task.state != "running", timeout=60000)
    assert task.state == "failed"
    text = window.message_bar.text()
    assert window.message_bar.level == "error"
    assert "a calibration needs at least 4" in text  # the whole reason, where it is seen
    assert "AnalysisError" not in text and "plugin pls_calibration failed" not in text
    qtbot.waitUntil(lambda: window.task_dock.height() >= 0.25 * window.height(), timeout=3000)


def test_sample_table_titles_are_whole_at_1366(window, demo_project, qtbot):
    _laptop(window, qtbot)
    window.set_project(demo_project)
    table = window.table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(len(COLUMNS)):
        title = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 8, title
    assert not table.wordWrap()  # one line per row; cut cells carry the whole text
    index = table.model().index(0, COLUMNS.index("origin"))
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_tree_names_are_whole_at_1366(window, demo_project, qtbot):
    _laptop(window, qtbot)
    window.set_project(demo_project)
    tree = window.tree
    tree.expandAll()
    qtbot.wait(20)
    metrics = tree.fontMetrics()
    model = window.tree_model
    for row in range(model.rowCount()):
        sample_index = model.index(row, 0)
        indexes = [sample_index] + [
            model.index(r, 0, sample_index) for r in range(model.rowCount(sample_index))
        ]
        for index in indexes:
            text = index.data()
            rect = tree.visualRect(index)
            room = rect.width() - tree.iconSize().width() - 8
            assert room >= metrics.horizontalAdvance(text), text
            assert text in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_last_project_is_opened_again_at_start(window, qtbot, tmp_path, make_project):
    from workbench.gui.app import start_window
    from workbench.gui.main_window import MainWindow
    from workbench.project.store import save_project

    path = tmp_path / "lab.fwproj"
    project = make_project(2, 1)
    save_project(project, str(path))
    window.ui_settings.set_first_start_done()
    window.open_path(str(path))
    qtbot.waitUntil(lambda: window.doc.project is not None, timeout=20000)
    window.close()  # the next start reopens what was open
    assert QSettings().value("session/last_project")

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    start_window(second, None)
    qtbot.waitUntil(lambda: second.doc.project is not None, timeout=20000)
    assert str(second.doc.project.path) == str(path.resolve())
    second.close()
